"""A living TDD, kept up to date over months: the state as built beside the state now
(`read/pastcolumns.py` `built_then`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import pastcolumns
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("header", "beside"),
    [
        ("Production as built (v1.0, June)", ["Production now (v1.7)"]),
        ("Prod – as delivered", ["Prod – current"]),
        ("As-built (go-live)", ["Latest (Nov 2026)"]),
        ("Live at handover", ["Live today"]),
    ],
)
def test_an_as_built_column_beside_a_current_one_is_history(header: str, beside: list[str]) -> None:
    assert pastcolumns.built_then(header, beside)


@pytest.mark.parametrize(
    ("header", "beside"),
    [
        ("Production (as built)", ["Production 2027 target"]),  # a plan beside it: as built is now
        ("Production as built", []),
        ("Production as built, current", ["Production now"]),
        ("Production now", ["Production as built"]),
    ],
)
def test_an_as_built_column_alone_or_beside_a_plan_holds(header: str, beside: list[str]) -> None:
    assert not pastcolumns.built_then(header, beside)


def test_a_table_of_the_state_as_built_and_now_gives_the_current_column(catalogue: Catalogue) -> None:
    html = "<h2>Environments</h2>" + table(
        ("", "Test", "Prod (as delivered, March)", "Prod (current, rev 9)"),
        ("Instances", "1 × m6i.xlarge", "3 × m6i.2xlarge", "3 × m6i.4xlarge"),
        ("vCPU", "4", "24", "48"),
        ("RAM", "16 GiB", "96 GiB", "192 GiB"),
        ("Repos", "50", "900", "1,140"),
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]
    assert got["total_cpu"] == ["48"]
    assert got["repositories"] == ["1140"]
