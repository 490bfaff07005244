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
