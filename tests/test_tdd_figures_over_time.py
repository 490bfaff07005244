"""TDD reader: a table of figures over time (`Q2 | Now | Projection | Max`) read from its now
column with its limit column as the limits (`read/pastcolumns.py`, `read/rowlimits.py`), a note
saying a limit bounding the row's figure, and a first column numbering the rows left out
(`read/rownumbers.py`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import pastcolumns
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("header", "dated"),
    [("Q2 2026 (30 Jun)", True), ("Jun 2027", True), ("FY26", True), ("30 Sep", True),
     ("Now (30 Sep 2026)", False), ("Nodes 2026", False), ("Value", False), ("Projection (Jun 2027)", False)],
)  # fmt: skip
def test_a_header_of_a_time_alone_is_dated(header: str, dated: bool) -> None:
    assert pastcolumns.dated(header) is dated


def test_dated_columns_are_other_times_only_beside_a_now_column() -> None:
    assert pastcolumns.others(["Metric", "Q2 2026", "Now (30 Sep)", "Max"]) == {1}
    assert pastcolumns.others(["Metric", "Q2 2026", "Q3 2026"]) == set()


OVER_TIME = table(
    ("Metric", "Mar 2026", "Current (Sep 2026)", "Forecast (2027)", "Agreed maximum"),
    ("Repositories", "1,200", "1,650", "2,400", "3,000"),
    ("Peak concurrent users", "80", "110", "150", "200 (contract)"),
    ("vCPU", "32", "48", "64", "96"),
)


def test_the_now_column_gives_the_values_and_the_limit_column_the_limits(catalogue: Catalogue) -> None:
    got = read(OVER_TIME, catalogue)
    assert got["repositories"] == ["1650"] and got["total_cpu"] == ["48"]
    assert got["max_repositories"] == ["3000"] and got["max_concurrent_users"] == ["200"]


@pytest.mark.parametrize(
    ("note", "limit"),
    [
        ("licence cap 3k seats", "3000"),
        ("cap 3,000 before re-sizing", "3000"),
        ("entitlement 3k seats", "3000"),
    ],
)
def test_a_note_saying_a_limit_bounds_the_rows_figure(note: str, limit: str, catalogue: Catalogue) -> None:
    got = read(table(("Input", "Actual", "Note"), ("Users", "2,400", note), ("Repos", "900", "")), catalogue)
    assert got.get("max_users") == [limit] and got["repositories"] == ["900"]


def test_a_notes_reference_or_date_is_no_limit(catalogue: Catalogue) -> None:
    html = table(("Item", "Actual", "Note"), ("Licensed seats", "1,200", "contract through Sep 2027"),
                 ("Licensed users", "1,200", "order form OF-2291"))  # fmt: skip
    assert read(html, catalogue).get("max_users") == ["1200", "1200"]


def test_a_column_numbering_the_rows_is_no_label(catalogue: Catalogue) -> None:
    html = table(
        ("S.No.", "Parameter", "Production"), ("1", "Total vCPU", "96"), ("2", "Total memory", "384 GiB")
    )
    got = read(html, catalogue)
    assert got["total_cpu"] == ["96"] and got["total_memory_gb"] == ["384 GiB"]
