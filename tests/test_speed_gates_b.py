"""Quick no's of the speed-ups in `read.shapes` and `read.sharedwhole`: the gate holds for every match."""

from __future__ import annotations

import pytest

from handoff.read import shapes
from handoff.read.sharedwhole import whole_title

_DAY_MONTHS = [
    "signed off on 28th August, go-live on Sept 3rd",
    "the third of March and then March ninth",
    "review 2-Jun; handover 14 of July",
    "Kick-off Dec. 1st",
]


@pytest.mark.parametrize("text", _DAY_MONTHS)
def test_every_day_month_holds_a_month_capital(text: str) -> None:
    found = [m.group(0) for m in shapes.DAY_MONTH.finditer(text)]
    assert found
    assert all(shapes._MONTH_CAPITAL.search(m) for m in found)


def test_day_months_without_a_month_name_read_as_before() -> None:
    assert [m.value for m in shapes.dates("checked 3 march; 2026-01-02", "2026")] == ["2026-01-02"]
    assert [m.value for m in shapes.dates("checked 3 March; 2026-01-02", "2026")] == [
        "2026-03-03",
        "2026-01-02",
    ]
    assert [m.value for m in shapes.dates("checked 3 March", "2026")] == ["2026-03-03"]


@pytest.mark.parametrize(
    ("title", "label", "whole"),
    [
        ("Platform capacity (for context only)", False, True),
        ("Shared cluster", True, True),
        ("Shared cluster", False, False),
        ("Shared cluster: Sourcegraph's dedicated pool", True, False),
    ],
)
def test_whole_title_asked_again_answers_the_same(title: str, label: bool, whole: bool) -> None:
    assert whole_title(title, label=label) is whole
    assert whole_title(title, label=label) is whole  # (the memo's answer)
