"""Tabs of a spreadsheet pasted into the TDD (`read/tables.py`, `read/headertables.py`): a repository
table's size column, and a table whose subtotal rows stand before its total. A snippet of a TDD in,
the field values out."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("header", "cells", "want"),
    [
        ("Size (GB)", ("120.5", "80", "200.5"), "200.5 GB"),
        ("Total size [TB]", ("0.4", "0.6", "1.0"), "1 TB"),
        ("Size on disk, GiB", ("300", "100", "400"), "400 GiB"),
        ("Git size (MB)", ("52,000", "8,000", "60,000"), "60000 MB"),
    ],
)
def test_a_size_column_of_a_repositories_table_is_their_size(
    header: str, cells: tuple[str, str, str], want: str, catalogue: Catalogue
) -> None:
    got = read(
        table(
            ("Code host", "Repositories", header),
            ("Bitbucket Data Center", "700", cells[0]),
            ("Azure DevOps Services", "300", cells[1]),
            ("Total", "1,000", cells[2]),
        ),
        catalogue,
    )
    assert got["repositories"] == ["1000"]
    assert got["total_repo_size_gb"] == [want]


def test_a_forecast_size_column_is_not_the_size(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Code host", "Repositories", "Size (GB)", "Size 2027 (GB)"),
            ("Bitbucket Data Center", "700", "100", "180"),
            ("Total", "700", "100", "180"),
        ),
        catalogue,
    )
    assert got["total_repo_size_gb"] == ["100 GB"]


def test_a_size_column_beside_no_repository_count_is_no_repository_size(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Volume", "Mounted at", "Size (GB)"),
            ("data-1", "/var/opt/sourcegraph", "500"),
            ("Total", "", "500"),
        ),
        catalogue,
    )
    assert "total_repo_size_gb" not in got


@pytest.mark.parametrize("sub", ["Subtotal Bitbucket", "Sub-total (Bitbucket)", "Sub total – on-prem"])
def test_the_total_row_wins_over_the_subtotals_above_it(sub: str, catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Code host", "Project", "Repositories"),
            ("Bitbucket Data Center", "PAY", "500"),
            ("", "OPS", "200"),
            (sub, "", "700"),
            ("Azure DevOps Services", "core", "300"),
            ("Total", "", "1,000"),
        ),
        catalogue,
    )
    assert got["repositories"] == ["1000"]


def test_a_machine_table_s_total_wins_over_its_subtotal(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2>"
        + table(
            ("Server", "Instance type", "vCPU", "RAM (GB)"),
            ("app-1", "m5.2xlarge", "8", "32"),
            ("app-2", "m5.2xlarge", "8", "32"),
            ("Subtotal app servers", "", "16", "64"),
            ("search-1", "r5.2xlarge", "8", "64"),
            ("Total", "", "24", "128"),
        ),
        catalogue,
    )
    assert got["total_cpu"] == ["24"]
    assert got["total_memory_gb"] == ["128 GB"]


def _grouped(*rows: str) -> str:
    return "<table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def _tds(*cells: str) -> str:
    return "".join(f"<td><p>{c}</p></td>" for c in cells)


@pytest.mark.parametrize(
    ("groups", "other"), [(("Live", "Test"), "Test"), (("PRD", "UAT"), "UAT"), (("Production", "DR"), "DR")]
)
def test_environment_groups_between_columns_headed_across_both_header_rows(
    groups: tuple[str, str], other: str, catalogue: Catalogue
) -> None:
    got = read(
        _grouped(
            '<td rowspan="2"><p>Pool</p></td><td rowspan="2"><p>Machine type</p></td>'
            f'<td colspan="2"><p>{groups[0]}</p></td><td colspan="2"><p>{groups[1]}</p></td>'
            '<td rowspan="2"><p>Cost / month</p></td><td rowspan="2"><p>Remarks</p></td>',
            _tds("Nodes", "vCPU", "Nodes", "vCPU"),
            _tds("web", "n2-standard-8", "2", "16", "1", "8", "410.00", ""),
            _tds("search", "n2-highmem-8", "2", "16", "1", "8", "520.00", f"{other} shares the pool"),
            _tds("Total", "", "4", "32", "2", "16", "930.00", ""),
        ),
        catalogue,
    )
    assert got["total_cpu"] == ["32"]


@pytest.mark.parametrize(
    "status", ["planned", "Ordered", "cancelled", "on order", "Not yet built", "deallocated"]
)
def test_a_machine_row_whose_status_says_it_is_not_running_is_left_out(
    status: str, catalogue: Catalogue
) -> None:
    got = read(
        "<h2>Production servers</h2>"
        + table(
            ("Host", "Instance type", "vCPU", "RAM (GB)", "State"),
            ("app-1", "c6i.2xlarge", "8", "16", "running"),
            ("app-2", "c6i.2xlarge", "8", "16", "running"),
            ("idx-1", "r6i.2xlarge", "8", "64", "in service"),
            ("idx-2", "r6i.4xlarge", "16", "128", status),
        ),
        catalogue,
    )
    assert got["instance_types"] == ["2 × c6i.2xlarge, 1 × r6i.2xlarge"]


def test_a_planned_milestone_is_no_machine_s_status(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Milestone", "Environment", "Date", "Status"),
            ("Production build started", "Production", "2026-03-02", "done"),
            ("Production handed over", "Production", "2026-03-20", "planned"),
        ),
        catalogue,
    )
    assert got.get("start_date") == ["2026-03-02"]


@pytest.mark.parametrize("label", ["TOTAL (live)", "Total (in service)", "Sum (running)"])
def test_a_total_row_s_aside_is_no_environment_when_no_row_names_one(
    label: str, catalogue: Catalogue
) -> None:
    got = read(
        "<h2>Staging</h2>"
        + table(
            ("Server", "Instance type", "vCPU", "RAM (GB)"),
            ("node-a", "m6i.xlarge", "4", "16"),
            ("node-b", "m6i.xlarge", "4", "16"),
            (label, "", "8", "32"),
        ),
        catalogue,
    )
    assert "total_cpu" not in got


@pytest.mark.parametrize(
    "status",
    [
        "retired (moved to GitHub Enterprise)",
        "Decommissioned [repos now on Bitbucket]",
        "removed (see GitLab)",
    ],
)
def test_a_host_row_retired_for_another_host_is_not_connected(status: str, catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Code host", "Repositories", "Status"),
            ("GitHub Enterprise Server", "1,200", "connected"),
            ("Bitbucket Data Center", "300", "connected"),
            ("Gitea (git.example.internal)", "250", status),
        ),
        catalogue,
    )
    assert got["code_hosts"] == ["GitHub Enterprise Server, Bitbucket Server / Data Center"]


@pytest.mark.parametrize("label", ["Σ", "∑", "Σ connected"])
def test_a_sum_sign_labels_the_total_row(label: str, catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Code host", "Repositories", "Largest (MB)"),
            ("Gitea (git.example.internal)", "1,100", "900"),
            ("Bitbucket Data Center", "400", "2,100"),
            (label, "1,500", "2,100"),
        ),
        catalogue,
    )
    assert got["repositories"] == ["1500"]
    assert got["largest_repo_mb"] == ["2100 MB"]


@pytest.mark.parametrize("aside", ["live", "prod", "running"])
def test_a_total_row_with_an_environment_aside_names_no_environment(aside: str, catalogue: Catalogue) -> None:
    got = read(
        "<h2>Servers</h2>"
        + table(
            ("Host", "Instance type", "vCPU", "RAM (GB)", "Status"),
            ("w-1", "m6i.2xlarge", "8", "32", "live"),
            ("w-2", "m6i.2xlarge", "8", "32", "live"),
            ("w-3", "m6i.2xlarge", "8", "32", "planned"),
            (f"TOTAL ({aside})", "", "16", "64", ""),
        )
        + "<h2>Repositories</h2>"
        + table(
            ("Code host", "Repositories", "Total size (GB)"),
            ("GitHub Enterprise Server", "800", "120"),
            ("Gitea (git.example.internal)", "200", "30"),
            ("Total", "1,000", "150"),
        ),
        catalogue,
    )
    assert got["total_cpu"] == ["16"]
    assert got["total_repo_size_gb"] == ["150 GB"]
