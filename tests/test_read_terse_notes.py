"""Terse working notes (learnt from blind 88, a second set of terse shorthand notes): snippets in,
values out; none of these phrasings is the tuning set's."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.edits import unedit
from handoff.read.lowermonths import capitalised, writes_lower
from tddview import settled

_LIMITS = ("max_users", "max_concurrent_users", "max_repositories")


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("seats 1.4k / conc 180 / repo cap 5k -> 7.5k by eoq", (1400, 180, 5000)),
        ("users: 2,000 · concurrent: 300 · max repos: 4k → 6k next fy (?)", (2000, 300, 4000)),
        # (a growth sentence: withheld, never the later figure)
        ("licensed 650, peak conc 90, repositories 1,500 => 2,500 by end of year", (650, 90, None)),
    ],
)
def test_an_arrow_to_a_later_period_is_growth_not_a_correction(
    line: str, want: tuple[Any, ...], catalogue: Catalogue
) -> None:
    """`cap 6k → 9k next fy`: the new side is what the limit may become, the old one is the limit."""
    got = settled(f"<h2>limits</h2><p>{line}</p>", catalogue)
    assert tuple(got.get(f) for f in _LIMITS) == want


@pytest.mark.parametrize(
    "line",
    ["repo cap 5k -> 7.5k by eoq", "users 800 → 1,100 next fy", "disk 2T → 3T by Q3 (?)"],
)
def test_the_later_side_stays_written(line: str) -> None:
    assert unedit(line) == line


def test_a_correction_with_no_later_period_is_still_one() -> None:
    assert unedit("repo cap 5k -> 7.5k") == "repo cap 7.5k (was 5k)"


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "<p>notes · all 2026</p><h2>timeline</h2><p>prod install jun 3 → jun 9 (qa ok)</p>",
            ("2026-06-03", "2026-06-09"),
        ),
        (
            "<p>2026 build · kb</p><h2>when</h2><p>prod: started 12 aug, signed off 20 aug</p>",
            ("2026-08-12", "2026-08-20"),
        ),
        (  # `may` is a month only in a note that writes its other month names so (`feb 2`)
            "<p>yr 2026</p><h2>dates</h2><p>poc feb 2 - feb 9</p><p>prod install may 11 → may 22</p>",
            ("2026-05-11", "2026-05-22"),
        ),
    ],
)
def test_month_names_in_lower_case(body: str, want: tuple[str, str], catalogue: Catalogue) -> None:
    got = settled(body, catalogue)
    assert (got.get("start_date"), got.get("completion_date")) == want


def test_may_alone_is_no_month() -> None:
    assert not writes_lower("we may 2x the pool if the may 4 nodes are short")
    assert writes_lower("prod build sept 9th")
    assert capitalised("may 4 → may 15 · 3 may, may 2x") == "May 4 → May 15 · 3 May, may 2x"
