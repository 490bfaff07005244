"""TDD reader: per-machine figures multiplied by the number of machines, never taken as totals."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff.core.fields import Catalogue, load_catalogue
from handoff.read.fact import Context
from handoff.read.facts import FactReader
from handoff.read.tdd import html_document, read_document

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reader() -> FactReader:
    return FactReader(load_catalogue(ROOT / "config" / "fields.toml"))


def read(reader: FactReader, text: str, topic: str | None = None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in reader.prose(text, Context(topic=topic)):
        out.setdefault(f.field, []).append(f.value)
    return out


@pytest.mark.parametrize(
    ("text", "cpu", "memory"),
    [
        ("Six worker VMs, 16 vCPU and 64 GB RAM each.", "96", "384 GB"),  # the per-unit word after the run
        ("Three nodes, each with 16 vCPU / 64 GB.", "48", "192 GB"),  # ... or before it
        ("(8 vCPU, 32 GB) × 3 for the search tier", "24", "96 GB"),  # a `× N` after the run
        ("2 × (4 cores, 16 GiB)", "8", "32 GiB"),  # ... or before it
        ("4 × m6i.4xlarge (16 vCPU, 64 GiB per node)", "64", "256 GiB"),  # the count of an instance type
        ("Four hosts, each an r6i.2xlarge with 8 vCPU and 64 GB apiece", "32", "256 GB"),
    ],
)
def test_a_per_machine_figure_is_multiplied_by_the_machines_counted(
    reader: FactReader, text: str, cpu: str, memory: str
) -> None:
    found = read(reader, text)
    assert found["total_cpu"] == [cpu] and found["total_memory_gb"] == [memory]


@pytest.mark.parametrize(
    "text",
    [
        "16 vCPU and 64 GB RAM each",
        "The gitserver pods ask for 4 vCPU and 16 GB per replica",
        "8 cores a piece",
    ],
)
def test_a_per_machine_figure_with_no_count_is_no_total(reader: FactReader, text: str) -> None:
    found = read(reader, text)
    assert "total_cpu" not in found and "total_memory_gb" not in found


def test_a_stated_total_after_the_per_machine_run_is_its_own(reader: FactReader) -> None:
    found = read(reader, "Two VMs at 8 vCPU and 32 GB each, 16 vCPU and 64 GB RAM in all.")
    # the total word closes both figures before it: the stated totals beat the run's products
    assert found["total_cpu"] == ["16"]
    assert found["total_memory_gb"] == ["64 GB"]


def test_the_value_of_a_machines_label_gives_the_count(catalogue: Catalogue) -> None:
    doc = html_document("<h2>Production</h2><p>Nodes: 5, 8 vCPU and 32 GB each</p>")
    values = {v.field: v.value for v in read_document(doc, catalogue).values if v.field}
    assert values["total_cpu"] == "40" and values["total_memory_gb"] == "160 GB"


def test_a_labelled_per_machine_cpu_is_no_total(catalogue: Catalogue) -> None:
    doc = html_document("<h2>Production</h2><p>vCPU: 16 vCPU each</p>")
    assert not [v for v in read_document(doc, catalogue).values if v.field == "total_cpu"]


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("6 nodes · c6i.8xlarge", "6 × c6i.8xlarge"),  # count and type in parts side by side
        ("The cluster has three worker nodes of type n2-standard-16.", "3 × n2-standard-16"),
        ("Four nodes, each an m6i.8xlarge.", "4 × m6i.8xlarge"),  # "an" names the type, it is no count
    ],
)
def test_a_machine_count_counts_the_one_type_named(catalogue: Catalogue, text: str, entry: str) -> None:
    doc = html_document(f"<h2>Production</h2><ul><li>{text}</li></ul>")
    values = [v.value for v in read_document(doc, catalogue).values if v.field == "instance_types"]
    assert values == [entry]


def test_parts_side_by_side_are_read_as_one_text(catalogue: Catalogue) -> None:
    doc = html_document("<h2>Production</h2><ul><li>192 vCPU · 384 GiB · 8 TB gp3</li></ul>")
    values = {v.field: v.value for v in read_document(doc, catalogue).values if v.field}
    assert values == {"total_cpu": "192", "total_memory_gb": "384 GiB", "total_disk_gb": "8 TB"}


def test_as_per_the_sheet_is_no_per_unit(reader: FactReader, catalogue: Catalogue) -> None:
    found = read(reader, "Total: 64 vCPU and 256 GB memory as per the sizing sheet")
    assert found["total_cpu"] == ["64"] and found["total_memory_gb"] == ["256 GB"]
    doc = html_document("<h2>Production</h2><p>Total memory: 256 GB as per our sizing guide</p>")
    assert [v.value for v in read_document(doc, catalogue).values if v.field == "total_memory_gb"] == [
        "256 GB"
    ]


@pytest.mark.parametrize(
    ("text", "cpu", "memory"),
    [
        ("Six worker VMs, each with 16 vCPU and 64 GB RAM (96 vCPU and 384 GB RAM in total)", "96", "384 GB"),
        ("Eight VMs, each with 8 vCPU and 32 GB RAM (64 vCPU and 256 GB RAM altogether).", "64", "256 GB"),
    ],
)
def test_a_bracketed_total_after_per_machine_figures_is_not_multiplied(
    reader: FactReader, text: str, cpu: str, memory: str
) -> None:
    found = read(reader, text)
    assert set(found["total_cpu"]) == {cpu} and found["total_memory_gb"] == [memory]


def test_a_size_ends_at_a_full_stop_before_a_lower_case_sentence(reader: FactReader) -> None:
    found = read(reader, "That is 72 vCPU and 320 GiB in total. gp3 volumes hold the repositories.")
    assert found["total_memory_gb"] == ["320 GiB"] and "total_disk_gb" not in found


def test_a_bare_total_after_listed_sizes_is_their_total(reader: FactReader) -> None:
    found = read(reader, "Data disks: gitserver 2 × 750 GB plus 300 GB for the databases, 1,800 GB total.")
    assert found["total_disk_gb"] == ["1800 GB"]


def values(catalogue: Catalogue, html: str) -> dict[str, str]:
    reading = read_document(html_document(html), catalogue)
    return {v.field: v.value or v.text for v in reading.values if v.field}


def test_the_old_side_of_a_change_is_history_wherever_it_is_written(catalogue: Catalogue) -> None:
    found = values(
        catalogue,
        "<h2>Release 1.2</h2><p>Node group changed from 4 × c6i.4xlarge to 4 × m6i.4xlarge; production now "
        "has 64 vCPU and 256 GiB of memory (was 64 vCPU / 128 GiB).</p>"
        "<h2>Release 1.1</h2><p>Node group: 4 × c6i.4xlarge (64 vCPU, 128 GiB).</p>",
    )
    assert found["instance_types"] == "4 × m6i.4xlarge"
    assert found["total_memory_gb"] == "256 GiB" and found["total_cpu"] == "64"


def test_an_old_size_with_no_noun_takes_the_field_of_the_new_one(catalogue: Catalogue) -> None:
    found = values(
        catalogue,
        "<table><tr><td>Memory</td><td>192 GB</td></tr><tr><td>Disk</td><td>2.5 TB</td></tr></table>"
        "<ul><li>Memory is now 384 GB, up from 192 GB.</li>"
        "<li>The persistent disk was enlarged to 4 TB (previously 2.5 TB).</li></ul>",
    )
    assert found["total_memory_gb"] == "384 GB" and found["total_disk_gb"] == "4 TB"


_CLUSTERS = (
    "<h2>Production</h2>{lead}"
    "<h3>Search cluster</h3><ul><li>Nodes: 3 × r6i.4xlarge</li><li>RAM: 384 GiB</li></ul>"
    "<h3>Executor cluster</h3><ul><li>Nodes: 2 × {second}</li><li>RAM: 32 GiB</li></ul>"
)


def test_sibling_production_sections_with_their_own_machines_add_up(catalogue: Catalogue) -> None:
    found = values(catalogue, _CLUSTERS.format(lead="", second="c6i.2xlarge"))
    assert found["instance_types"] == "3 × r6i.4xlarge, 2 × c6i.2xlarge"
    assert found["total_memory_gb"] == "416 GiB"


@pytest.mark.parametrize(
    ("lead", "second"),
    [
        ("", "r6i.4xlarge"),  # the same type in both: a restatement or a conflict, never a sum
        ("<p>Total memory: 416 GiB.</p>", "c6i.2xlarge"),  # a production figure outside the sections
    ],
)
def test_sections_are_not_added_up_when_they_may_not_be_parts(
    catalogue: Catalogue, lead: str, second: str
) -> None:
    reading = read_document(html_document(_CLUSTERS.format(lead=lead, second=second)), catalogue)
    assert not any(v.how.startswith("sum of") for v in reading.values)


def test_a_decimal_comma_in_a_size(reader: FactReader) -> None:
    assert read(reader, "Storage: 2,5 TB Premium SSD, 1,024 GiB for the rest")["total_disk_gb"][0] == "2.5 TB"


def test_an_amount_under_a_component_key_is_not_the_total(catalogue: Catalogue) -> None:
    found = values(
        catalogue,
        "<h2>Production</h2><p>Total disk: 2,560 GiB.</p>"
        "<pre>gitserver:\n  replicaCount: 4\n  storageSize: 500Gi\npgsql:\n  storageSize: 200Gi\n</pre>",
    )
    assert found["total_disk_gb"] == "2560 GiB"


def test_the_rows_of_a_command_listing_are_no_totals(catalogue: Catalogue) -> None:
    found = values(
        catalogue,
        "<h2>Production</h2><p>The volumes add up to 2,200 GiB of disk.</p>"
        "<pre>$ kubectl get pvc\nNAME                STATUS   CAPACITY   STORAGECLASS\n"
        "repos-gitserver-0   Bound    1000Gi     gp3\nrepos-gitserver-1   Bound    1000Gi     gp3\n"
        "pgsql               Bound    200Gi      gp3\n</pre>",
    )
    assert found["total_disk_gb"] == "2200 GiB"


@pytest.mark.parametrize(
    ("text", "machines"),
    [
        ("a trio of m7i.4xlarge plus a single m7i.2xlarge", ["3 × m7i.4xlarge, 1 × m7i.2xlarge"]),
        ("Search runs on a pair of Standard_E16s_v5.", ["2 × Standard_E16s_v5"]),
        ("a couple of n2-standard-8 nodes", ["2 × n2-standard-8"]),
    ],
)
def test_machines_counted_with_a_group_word(reader: FactReader, text: str, machines: list[str]) -> None:
    assert read(reader, text)["instance_types"] == machines


def test_node_pools_on_item_lines_of_one_cell_are_one_fleet(catalogue: Catalogue) -> None:
    found = values(
        catalogue,
        "<table><tr><td>Item</td><td>Discussion</td><td>Owner</td></tr><tr><td>1</td><td>"
        "<p>Production compute:</p><p>• user pool: 3 × Standard_E16s_v5</p>"
        "<p>• system pool: 2 × Standard_D4s_v5</p>"
        "</td><td>Platform</td></tr></table>",
    )
    assert found["instance_types"] == "3 × Standard_E16s_v5, 2 × Standard_D4s_v5"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("The cluster has sixty-four vCPUs across its nodes.", "total_cpu", "64"),
        ("Thirty-two vCores and 256 GB of RAM.", "total_cpu", "32"),
        ("Storage: two and a half TiB of Premium SSD.", "total_disk_gb", "2.5 TiB"),
        ("It has three hundred and eighty-four GB of memory.", "total_memory_gb", "384 GB"),
        ("plus a 3 TB LUN from the NetApp for the volumes", "total_disk_gb", "3 TB"),
    ],
)
def test_figures_written_in_words(reader: FactReader, text: str, field: str, value: str) -> None:
    assert read(reader, text)[field] == [value]


def test_a_bill_of_materials_gives_the_machines_beside_its_quantity_column(catalogue: Catalogue) -> None:
    found = values(
        catalogue,
        "<h2>Production</h2><table><tr><td>Part</td><td>Description</td><td>Qty</td><td>Price</td></tr>"
        "<tr><td>SEAT</td><td>Enterprise seat, 12 months</td><td>700</td><td>$612</td></tr>"
        "<tr><td>N2-16</td><td>n2-standard-16 (16 vCPU, 64 GB)</td><td>3</td><td>$4,310</td></tr>"
        "<tr><td>HM-16</td><td>n2-highmem-16 (16 vCPU, 128 GB)</td><td>1</td><td>$5,820</td></tr></table>",
    )
    assert sorted(found["instance_types"].split(", ")) == ["1 × n2-highmem-16", "3 × n2-standard-16"]


def test_a_tldr_heading_is_a_summary_not_a_disaster_recovery_part(catalogue: Catalogue) -> None:
    found = values(catalogue, "<h2>TL;DR</h2><p>Production runs on Amazon EKS on 3 × m6i.4xlarge.</p>")
    assert found["instance_types"] == "3 × m6i.4xlarge"
