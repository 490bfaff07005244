"""More of a spreadsheet pasted into the TDD (`read/headertables.py`, `read/envgroups.py`,
`read/apinames.py`): counts in thousands, formula leftovers in a total row, one machine's columns
beside phases, an inventory export's API keys as its header. A snippet of a TDD in, the values out."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


@pytest.mark.parametrize(
    "header", ["Repositories (k)", "Repos ('000)", "Repos [000s]", "Repositories (thousands)"]
)
def test_a_count_in_thousands_is_the_whole_count(header: str, catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Code host", header),
            ("GitHub Enterprise Server", "2.40"),
            ("Azure DevOps Services", "0.65"),
            ("Total", "3.05"),
        ),
        catalogue,
    )
    assert got["repositories"] == ["3050"]


def test_a_count_in_thousands_that_is_no_whole_count_is_not_read(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Code host", "Repositories (k)"),
            ("GitHub Enterprise Server", "2.4005"),
            ("Total", "2.4005"),
        ),
        catalogue,
    )
    assert got.get("repositories", []) != ["2400.5"]
    assert "2" not in got.get("repositories", [])


@pytest.mark.parametrize("leftover", ["#REF!", "=SUM(D2:D3)", "#N/A", "#VALUE!"])
def test_a_total_lost_to_a_formula_is_its_rows_sum(leftover: str, catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production nodes</h2>"
        + table(
            ("Pool", "Machine type", "Nodes", "vCPU", "Memory (GB)"),
            ("apps", "c2-standard-8", "2", "16", "64"),
            ("index", "n2-highmem-8", "2", "16", "128"),
            ("Total", "", "4", "32", leftover),
        ),
        catalogue,
    )
    assert got["total_cpu"] == ["32"]
    assert got["total_memory_gb"] == ["192 GB"]


def test_a_lost_total_beside_a_row_of_ratios_is_not_summed(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production nodes</h2>"
        + table(
            ("Pool", "Machine type", "Nodes", "vCPU", "Memory (GB)"),
            ("apps", "c2-standard-8", "2", "16", "64"),
            ("index", "n2-highmem-8", "2", "16", "unknown"),
            ("Total", "", "4", "32", "#REF!"),
        ),
        catalogue,
    )
    assert "total_memory_gb" not in got


def _grouped(*rows: str) -> str:
    return "<table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def _tds(*cells: str) -> str:
    return "".join(f"<td><p>{c}</p></td>" for c in cells)


@pytest.mark.parametrize(
    ("each", "now", "later"),
    [
        ("Per node", "Phase 1 — live", "Phase 2 — planned"),
        ("Each VM", "Wave 1 (as built)", "Wave 2 (forecast)"),
        ("Per machine", "Production", "Stage 2 target"),
    ],
)
def test_one_machine_s_columns_beside_phases_are_every_phase_s(
    each: str, now: str, later: str, catalogue: Catalogue
) -> None:
    got = read(
        _grouped(
            '<td rowspan="2"><p>Pool</p></td><td rowspan="2"><p>Machine type</p></td>'
            f'<td colspan="2"><p>{each}</p></td><td colspan="2"><p>{now}</p></td>'
            f'<td colspan="2"><p>{later}</p></td>',
            _tds("vCPU", "RAM (GB)", "Nodes", "vCPU", "Nodes", "vCPU"),
            _tds("apps", "n2-standard-16", "16", "64", "2", "32", "4", "64"),
            _tds("index", "n2-highmem-8", "8", "64", "2", "16", "3", "24"),
            _tds("Total", "", "=SUM(C3:C4)", "", "4", "48", "7", "88"),
        ),
        catalogue,
    )
    assert got["instance_types"] == ["2 × n2-standard-16, 2 × n2-highmem-8"]
    assert got["total_cpu"] == ["48"]


def test_a_size_per_replica_is_no_replica_environment(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Volumes</h2>"
        + table(
            ("Claim", "Size / replica (GiB)", "Replicas", "Total (GiB)"),
            ("gitserver", "300", "2", "600"),
            ("zoekt", "200", "2", "400"),
            ("Total", "", "", "1,000"),
        ),
        catalogue,
    )
    assert got["total_disk_gb"] == ["1000 GiB"]


def test_an_inventory_export_s_api_keys_are_read_as_words(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Compute (exported)</h2>"
        + table(
            (
                "name",
                "hardwareProfile.vmSize",
                "sku.capacity",
                "vCPUs",
                "memoryGiB",
                "memTotalGiB",
                "osDiskSizeGB",
            ),
            ("vmss-web", "Standard_D8s_v5", "2", "8", "32", "64", "128"),
            ("vmss-idx", "Standard_E8s_v5", "2", "8", "64", "128", "128"),
        ),
        catalogue,
    )
    assert got["instance_types"] == ["2 × Standard_D8s_v5, 2 × Standard_E8s_v5"]


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("sku.name", "instance type"),
        ("sku.capacity", "instances"),
        ("memoryGiB", "memory (gib)"),
        ("properties.diskSizeGB", "disk size (gb)"),
        ("node_count", "node count"),
        ("vCPUs", "vcpus"),
        ("Machine type", ""),
        ("name", ""),
    ],
)
def test_api_keys_as_words(key: str, words: str) -> None:
    from handoff.read.apinames import humanised

    assert humanised(key).lower() == words
