"""Worksheets pasted from a spreadsheet (`read/worksheet.py`): labels, inputs, formulas and their
results, read as the label table they stand for; and the notations such a paste keeps (a file's
path). A snippet of a TDD in, the field values out."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


def test_a_computed_row_takes_its_result_and_an_input_row_its_input(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production nodes</h2>"
        + table(
            ("Row", "Input", "Value", "Formula", "Result"),
            ("3", "Node count", "6", "", "6"),
            ("4", "Machine type", "n2-highmem-8", "", "n2-highmem-8"),
            ("5", "vCPU per node", "8", "", "8"),
            ("6", "vCPU total", "", "=C3*C5", "48"),
            ("7", "RAM total (GiB)", "", "=C3*C6", "384"),
        ),
        catalogue,
    )
    assert got["instance_types"] == ["6 × n2-highmem-8"]
    assert got["total_cpu"] == ["48"]
    assert got["total_memory_gb"] == ["384 GiB"]


def test_parts_summed_by_a_range_give_the_total_row(catalogue: Catalogue) -> None:
    got = read(
        "<h3>Storage</h3>"
        + table(
            ("#", "Volume", "Qty", "Each (GB)", "Calc", "Out (GB)"),
            ("12", "gitserver", "3", "400", "=C12*D12", "1,200"),
            ("13", "zoekt", "2", "150", "=C13*D13", "300"),
            ("14", "All volumes", "", "", "=SUM(F12:F13)", "1,500"),
        ),
        catalogue,
    )
    assert got["total_disk_gb"] == ["1500 GB"]  # (in the unit its column header names)


def test_growth_and_forecast_columns_are_no_current_values(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Metric", "Today", "Growth", "Formula", "Next year"),
            ("Repositories", "4,212", "+35 %", "=B2*1.35", "5,686"),
            ("Largest repository (GB)", "14.5", "", "", "—"),
        ),
        catalogue,
    )
    assert got["repositories"] == ["4212"]
    assert got["largest_repo_mb"] == ["14.5 GB"]


def test_worked_sums_in_cells_are_no_worksheet(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Item", "Value", "Working"),
            ("Nodes", "6 × m6i.4xlarge", "as ordered"),
            ("Total CPU", "96 vCPU", "= 6 × 16 vCPU"),
        ),
        catalogue,
    )
    assert set(got["total_cpu"]) == {"96"}
    assert got["instance_types"] == ["6 × m6i.4xlarge"]


def test_a_file_path_names_no_environment(catalogue: Catalogue) -> None:
    for html in (
        "<ul><li>data volume: /dev/nvme1n1, now 1.5 TB gp3</li></ul>",
        "<p>Disk: 1.5 TB mounted at /srv/test/sourcegraph</p>",
    ):
        assert read(f"<h2>Production</h2>{html}", catalogue)["total_disk_gb"] == ["1.5 TB"], html
