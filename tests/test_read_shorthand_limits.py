"""Limits and answers as quick working notes write them (learnt from blind 74, terse shorthand notes):
a limits line of clipped items, each a label before its figure (`seats 900 / conc 140 / repos cap
2.5k`), and question and answer tags in lower case (`q:` / `a:`) read as a questionnaire. Snippets
in, values out; none of these phrasings is the tuning set's."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.clippedlimits import clipped_limits
from tddview import settled

_LIMITS = ("max_users", "max_concurrent_users", "max_repositories")


def _view(html: str, catalogue: Catalogue) -> dict[str, Any]:
    return settled(html, catalogue)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("seats 900 / conc 140 / repos cap 2.5k", (900, 140, 2500)),
        ("people: 3.4k (licensed), concurrency ~410, repositories 9k", (3400, 410, 9000)),
        ("named users 650 · peak conc 75-ish · repo limit 1,800", (650, 75, 1800)),
        ("licences 1,100 | max concurrent 200 (measured in the trial + their proxy logs)", (1100, 200, None)),
    ],
)
def test_a_limits_line_of_clipped_items(line: str, want: tuple[Any, ...], catalogue: Catalogue) -> None:
    got = _view(f"<h2>limits</h2><p>{line}</p>", catalogue)
    assert tuple(got.get(f) for f in _LIMITS) == want


@pytest.mark.parametrize(
    "line",
    [
        "+250 seats when the support org joins",  # growth
        "→ 4k ppl in 2028 (their plan)",  # a plan
        "users 1,500? (TBC with procurement)",  # a question
        "conc 2027 target",  # a year
        "gitserver 3x 800G / zoekt 2x 250G",  # no limit's label
    ],
)
def test_items_that_grow_plan_or_ask_are_no_limits(line: str) -> None:
    assert clipped_limits(line) == []


def test_clipped_items_outside_a_limits_part_are_not_limits(catalogue: Catalogue) -> None:
    got = _view("<h2>usage</h2><p>users 430 / conc 60 this week</p>", catalogue)
    assert got.get("max_users") is None and got.get("max_concurrent_users") is None


def test_lower_case_question_and_answer_tags(catalogue: Catalogue) -> None:
    html = (
        "<h2>handover q&amp;a</h2><p>q: which scm?</p>"
        "<p>a: Bitbucket Data Center only (700 repos)</p>"
        "<p>q: deployed how?</p><p>a: helm on the shared aks cluster</p>"
        "<p>q: seats?</p><p>a: 2,200</p>"
    )
    got = _view(html, catalogue)
    assert got.get("code_hosts") == ["Bitbucket Server / Data Center"]
    assert got.get("max_users") == 2200


@pytest.mark.parametrize(
    ("line", "want"),
    [  # (blind 81: each figure is its own item's, not the noun of the next item it stands before)
        (
            "Maximum users 2,400 / maximum concurrent users 320 / maximum repositories 7,000",
            (2400, 320, 7000),
        ),
        ("Licensed users 900, concurrent users 110, repositories 3,000", (900, 110, 3000)),
        ("3.2 Max. users 5,000 · max. concurrent 600", (5000, 600, None)),
    ],
)
def test_a_figure_before_the_next_items_noun_is_its_own_items(
    line: str, want: tuple[Any, ...], catalogue: Catalogue
) -> None:
    got = _view(f"<h2>Agreed limits</h2><p>{line}</p>", catalogue)
    assert tuple(got.get(f) for f in _LIMITS) == want
