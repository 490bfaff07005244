"""TDD reader: how people write the machines of cloud and Kubernetes deployments (blind 117).

A machines table's column headed by the machines in the plural (`VM size | VMs`) counts them
(`read/machinecolumn.py`). A CPU or memory figure told of an uncounted machine type ("an
m6i.4xlarge has 16 vCPU and 64 GiB", "was n2-standard-16 (16 vCPU / 64 GB)") is one machine's size
of that type, never the fleet's total unless the fleet is that one machine; the fleet's totals are
then its counts times the sizes the document tells (`read/typesizes.py`, `read/writtenshape.py`).
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import table
from tddview import settled

HEAD = "<h2>Production</h2><p>Sourcegraph on Kubernetes with Helm.</p>"


@pytest.mark.parametrize("noun", ["VMs", "Servers", "Worker nodes", "Hosts"])
def test_a_column_of_the_machines_in_the_plural_counts_them(noun: str, catalogue: Catalogue) -> None:
    body = table(
        ("Pool", "VM size", noun),
        ("cp", "Standard_D4s_v5", "3"),
        ("wk", "Standard_E8s_v5", "4"),
    )
    got = settled(HEAD + body, catalogue)
    assert got.get("instance_types") == ["3 × Standard_D4s_v5", "4 × Standard_E8s_v5"]


def test_per_pool_figures_beside_a_plural_count_column_are_the_totals(catalogue: Catalogue) -> None:
    body = "<p>Figures per pool, not per VM:</p>" + table(
        ("Pool", "VM size", "VMs", "vCPU (pool)", "RAM (pool)"),
        ("cp", "Standard_D4s_v5", "3", "12", "48 GiB"),
        ("wk", "Standard_E8s_v5", "4", "32", "256 GiB"),
        ("Total", "", "7", "44", "304 GiB"),
    )
    got = settled(HEAD + body, catalogue)
    assert (got.get("total_cpu"), got.get("total_memory_gb")) == (44, 304)


def test_a_column_of_machines_holding_names_is_no_count(catalogue: Catalogue) -> None:
    body = table(("Pool", "VM size", "VMs"), ("wk", "Standard_E8s_v5", "wk-1, wk-2"))
    assert settled(HEAD + body, catalogue).get("instance_types") != ["2 × Standard_E8s_v5"]


def test_a_types_size_told_in_prose_is_one_machines(catalogue: Catalogue) -> None:
    body = table(
        ("Node group", "Instance type", "Desired"),
        ("ng-general", "m6i.4xlarge", "2"),
        ("ng-search", "r6i.4xlarge", "2"),
    ) + (
        "<p>For reference, an m6i.4xlarge has 16 vCPU and 64 GiB of memory and an r6i.4xlarge has "
        "16 vCPU and 128 GiB; the totals are not written anywhere.</p>"
    )
    got = settled(HEAD + body, catalogue)
    assert got.get("instance_types") == ["2 × m6i.4xlarge", "2 × r6i.4xlarge"]
    assert (got.get("total_cpu"), got.get("total_memory_gb")) == (64, 384)


def test_an_earlier_types_size_is_not_the_fleets(catalogue: Catalogue) -> None:
    body = table(("item", "value"), ("machine type", "n2-standard-32 (32 vCPU, 128 GB)"), ("count", "1")) + (
        "<p>was n2-standard-16 (16 vCPU / 64 GB) for the first week. changed machine type on 14 oct.</p>"
    )
    got = settled(HEAD + body, catalogue)
    assert (got.get("total_cpu"), got.get("total_memory_gb")) == (32, 128)


@pytest.mark.parametrize(
    "body",
    [
        "<p>Production runs on an m6i.4xlarge with 16 vCPU and 64 GiB of memory.</p>",
        "<p>One VM: an m6i.4xlarge (16 vCPU / 64 GiB).</p>",
    ],
)
def test_the_one_machines_size_stays_the_total(body: str, catalogue: Catalogue) -> None:
    got = settled(HEAD + body, catalogue)
    assert (got.get("total_cpu"), got.get("total_memory_gb")) == (16, 64)


def test_a_size_that_is_not_the_types_own_stays(catalogue: Catalogue) -> None:
    body = table(("Node group", "Instance type", "Desired"), ("ng", "m6i.4xlarge", "4")) + (
        "<p>With four nodes that is 64 vCPU and 256 GiB in total.</p>"
    )
    got = settled(HEAD + body, catalogue)
    assert (got.get("total_cpu"), got.get("total_memory_gb")) == (64, 256)


@pytest.mark.parametrize(
    "aside",
    [
        "I don't count those in Sourcegraph's sizing; they'd be there for any workload on the cluster.",
        "We did not count them; the add-ons would run there anyway.",
    ],
)
def test_machines_the_writer_does_not_count_are_not_the_fleet(aside: str, catalogue: Catalogue) -> None:
    body = (
        "<p>There are two kinds of nodes. First, a small managed node group called system: 2 × m7i.large, "
        f"fixed size, which runs CoreDNS. {aside}</p><p>As of handover Karpenter has consolidated onto three "
        "r7i.4xlarge nodes (16 vCPU and 128 GiB each), so that is the production footprint: 48 vCPU and "
        "384 GiB.</p>"
    )
    assert settled(HEAD + body, catalogue).get("instance_types") == ["3 × r7i.4xlarge"]


def test_volumes_the_writer_ignores_are_not_the_disk(catalogue: Catalogue) -> None:
    body = (
        "<p>The volumes add up to 3,700 GiB of EBS attached to Sourcegraph. "
        "Node root volumes are the default 20 GiB and I'm ignoring them.</p>"
    )
    assert settled(HEAD + body, catalogue).get("total_disk_gb") == 3700


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "gitserver has 3 replicas with 800 GiB of gp3 each, zoekt has 3 replicas with 400 GiB each, "
            "and Prometheus has 100 GiB.",
            3700,
        ),
    ],
)
def test_a_part_written_one_replica_at_a_time_is_times_its_count(
    sentence: str, want: int, catalogue: Catalogue
) -> None:
    assert settled(HEAD + f"<p>{sentence}</p>", catalogue).get("total_disk_gb") == want


def test_a_part_of_one_replica_with_no_count_sums_nothing(catalogue: Catalogue) -> None:
    body = "<p>gitserver has 800 GiB each, zoekt 400 GiB and Prometheus 100 GiB.</p>"
    assert settled(HEAD + body, catalogue).get("total_disk_gb") != 1300


def test_a_negation_closed_in_its_bracket_leaves_the_cloud_after_it(catalogue: Catalogue) -> None:
    body = "<p>They run their own OpenShift Container Platform (an IPI install, not ROSA) on EC2 in Ohio.</p>"
    assert settled(HEAD + body, catalogue).get("hosting_provider") == "AWS"


PER_NODE = table(
    ("Setting", "Staging", "Production"),
    ("User node pool VM size", "Standard_E8s_v5", "Standard_E16s_v5"),
    ("Nodes in user pool", "2", "3"),
    ("vCPU per node", "8", "16"),
    ("RAM per node", "64 GiB", "128 GiB"),
)


@pytest.mark.parametrize(
    "note",
    [
        "<p>Why memory-optimised nodes in production: the zoekt index wants roughly 120 GiB of memory "
        "across the replicas.</p>",
        "<p>The zoekt index wants roughly 120 GiB of memory across the replicas.</p>",
        "<p>Search needs about 20 vCPU over all the zoekt pods.</p>",
    ],
)
def test_what_a_workload_asks_across_its_replicas_is_not_the_machines(
    note: str, catalogue: Catalogue
) -> None:
    got = settled("<h2>Environments</h2>" + PER_NODE + "<h2>Design notes</h2>" + note, catalogue)
    assert (got.get("total_cpu"), got.get("total_memory_gb")) == (48, 384)


def test_memory_across_the_nodes_is_the_machines(catalogue: Catalogue) -> None:
    body = "<p>Production has 3 × Standard_E16s_v5: 384 GiB of memory across the nodes.</p>"
    assert settled(HEAD + body, catalogue).get("total_memory_gb") == 384


@pytest.mark.parametrize(
    "count",
    ["So: 4 machines, 32 vCPU and 256 GiB between them.", "That makes four nodes: 32 vCPU, 256 GiB in all."],
)
def test_a_count_beside_totals_that_fit_the_type_counts_it(count: str, catalogue: Catalogue) -> None:
    body = f"<p>The dedicated MachineSet uses r6i.2xlarge (8 vCPU, 64 GiB each). {count}</p>"
    got = settled(HEAD + body, catalogue)
    assert got.get("instance_types") == ["4 × r6i.2xlarge"]
    assert (got.get("total_cpu"), got.get("total_memory_gb")) == (32, 256)


@pytest.mark.parametrize(
    "body",
    [
        "<p>The dedicated MachineSet uses r6i.2xlarge. So: 4 machines, 40 vCPU and 256 GiB between them.</p>",
        "<p>The MachineSet uses r6i.2xlarge and m6i.2xlarge. So: 4 machines, 32 vCPU and 256 GiB.</p>",
    ],
)
def test_a_count_beside_totals_that_do_not_fit_counts_nothing(body: str, catalogue: Catalogue) -> None:
    assert settled(HEAD + body, catalogue).get("instance_types") is None
