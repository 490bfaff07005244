"""TDD reader: one machine's figure beside the fleet's total (`read/pernode.py`), told apart by the
arithmetic (the total is the machine's figure times the machines of that part of the document), in
a sentence, a table with `per node` / `total` sub-columns, a list, and a form; figures of two parts
that happen to multiply out stay parts. Also the shapes around it: a table column of row totals
(`Aggregate`), a merged `label | value` row, a label opening with a total word, a counted machine
written `three-node`, and an instance type restated in a bracket."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read


@pytest.mark.parametrize(
    "html",
    [
        "<p>The platform is a three-node cluster. Each server brings 64 vCPU and 512 GB of RAM "
        "(192 vCPU and 1,536 GB across the cluster).</p>",
        "<h2>Production</h2><p>3 nodes; 192 vCPU / 1,536 GB RAM in all. One node: 64 vCPU / 512 GB RAM.</p>",
        "<h2>Live</h2><ul><li>Hosts: three bare-metal servers</li><li>per server 64 cores, 512 GB memory</li>"
        "<li>cluster: 192 cores, 1536 GB memory</li></ul>",
    ],
)
def test_a_machines_figure_beside_the_total_gives_way(html: str, catalogue: Catalogue) -> None:
    got = read(html, catalogue)
    assert got["total_cpu"] == ["192"]
    assert got["total_memory_gb"] == ["1536 GB"]


def test_per_node_and_total_sub_columns_under_one_environment(catalogue: Catalogue) -> None:
    html = (
        "<h2>What we run</h2><table>"
        '<tr><td rowspan="2"><p>Item</p></td><td colspan="2"><p>Production</p></td>'
        '<td rowspan="2"><p>Sandbox</p></td></tr>'
        "<tr><td><p>per node</p></td><td><p>cluster total</p></td></tr>"
        '<tr><td><p>Nodes</p></td><td colspan="2"><p>4 × m6i.8xlarge</p></td>'
        "<td><p>1 × m6i.2xlarge</p></td></tr>"
        "<tr><td><p>vCPU</p></td><td><p>32</p></td><td><p>128</p></td><td><p>8</p></td></tr>"
        "<tr><td><p>Memory</p></td><td><p>128 GiB</p></td><td><p>512 GiB</p></td><td><p>32 GiB</p></td></tr>"
        "</table>"
    )
    got = read(html, catalogue)
    assert got["total_cpu"] == ["128"]
    assert got["total_memory_gb"] == ["512 GiB"]


def test_figures_of_two_clusters_are_parts_whatever_their_arithmetic(catalogue: Catalogue) -> None:
    """16 × 3 = 48, but the 16 belongs to another cluster: parts of the fleet, added up."""
    html = (
        "<h1>Production</h1><h2>Search cluster</h2><p>Worker nodes: 3 × r6i.4xlarge</p><p>CPU: 48 vCPU</p>"
        "<h2>Executor cluster</h2><p>Worker nodes: 2 × c6i.2xlarge</p><p>CPU: 16 vCPU</p>"
    )
    assert read(html, catalogue)["total_cpu"] == ["64"]


def test_figures_that_do_not_multiply_out_stay_a_conflict(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>Nodes: 4 × m6i.4xlarge</p><p>CPU: 16 vCPU</p><p>vCPU: 48</p>"
    assert read(html, catalogue)["total_cpu"] == ["16", "48"]


def test_a_column_of_row_totals_and_a_merged_label_row(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production instance</h2><table>"
        '<tr><td rowspan="2"><p>Node pool</p></td><td rowspan="2"><p>Machine type</p></td>'
        '<td rowspan="2"><p>Nodes</p></td><td colspan="2"><p>Per node</p></td>'
        '<td colspan="2"><p>Aggregate</p></td></tr>'
        "<tr><td><p>vCPU</p></td><td><p>Memory</p></td><td><p>vCPU</p></td><td><p>Memory</p></td></tr>"
        "<tr><td><p>main</p></td><td><p>n2-highmem-16</p></td><td><p>5</p></td><td><p>16</p></td>"
        "<td><p>128 GB</p></td><td><p>80</p></td><td><p>640 GB</p></td></tr>"
        '<tr><td colspan="5"><p>Persistent disk, all volumes</p></td><td colspan="2"><p>4 TB</p></td></tr>'
        "</table>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["5 × n2-highmem-16"]
    assert got["total_cpu"] == ["80"]
    assert got["total_memory_gb"] == ["640 GB"]
    assert got["total_disk_gb"] == ["4 TB"]


@pytest.mark.parametrize("label", ["total provisioned", "Total (all volumes)", "grand total"])
def test_a_label_opening_with_a_total_word_beats_a_parts_own_sum(label: str, catalogue: Catalogue) -> None:
    html = (
        "<h2>Production storage</h2><ul><li>gitserver: 4 replicas × 500 GiB = 2,000 GiB</li>"
        f"<li>everything else: 600 GiB</li><li>{label}: 2,600 GiB</li></ul>"
    )
    assert read(html, catalogue)["total_disk_gb"] == ["2600 GiB"]


@pytest.mark.parametrize(
    "text",
    [
        "Worker nodes: 4 units of m6i.4xlarge [m6i.4xlarge × 4台]",
        "Worker nodes: m6i.4xlarge × 4 (m6i.4xlarge x 4)",
        "Worker nodes: 4 × m6i.4xlarge (m6i.4xlarge)",
    ],
)
def test_a_type_restated_in_a_bracket_is_one_mention(text: str, catalogue: Catalogue) -> None:
    assert read(f"<h2>Production</h2><p>{text}</p>", catalogue)["instance_types"] == ["4 × m6i.4xlarge"]
