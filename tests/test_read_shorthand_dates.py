"""Dates as quick working notes write them (learnt from blind 74, terse shorthand notes): a month and
day with one-digit parts (`3/2`, `10/5`) read in the order the document's other numeric dates make
clear, the year the writer declares once for every date ("2026 throughout"), a milestone named after
the date with an equals sign or an arrow ("… 3/13 = prod done", "(= infra start)"), machines "up"
as the build's start, and a bracket saying who acknowledged (no start). Snippets in, values out;
none of these phrasings is the tuning set's."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read import shapes
from tddview import settled

_DATES = ("start_date", "completion_date")


def _dates(html: str, catalogue: Catalogue) -> tuple[Any, Any]:
    got = settled(html, catalogue)
    return got.get("start_date"), got.get("completion_date")


@pytest.mark.parametrize(
    ("html", "want"),
    [
        (  # month first (a day over 12 elsewhere), the year in the heading, milestones after "="
            "<h1>acme / sg</h1><h2>timeline (2026)</h2><p>contract 1/28</p>"
            "<p>vpc + cluster via terraform 2/9 = build start</p><p>helm upgrade --install 2/11</p>"
            "<p>all repos cloned, checks green 2/20 = production complete</p>",
            ("2026-02-09", "2026-02-20"),
        ),
        (  # the milestone after an arrow, one-digit month and day, the year on a line of its own
            "<p>year: 2027 (all dates below)</p><h2>when</h2><ul><li>design ok 4/15</li>"
            "<li>k8s nodes provisioned 5/4 -&gt; kicked off infra</li>"
            "<li>handed to customer 5/9 -&gt; signed off</li></ul>",
            ("2027-05-04", "2027-05-09"),
        ),
        (  # day first: `19/5` makes it clear; the milestone in a bracket opened by "="
            "<h2>log (2026)</h2><p>workshop 19/5</p><p>vm created 2/6 (= start of prod build)</p>"
            "<p>smoke tests pass 9/6 (= prod accepted)</p>",
            ("2026-06-02", "2026-06-09"),
        ),
    ],
)
def test_one_digit_month_day_dates_in_a_clear_order(
    html: str, want: tuple[str, str], catalogue: Catalogue
) -> None:
    assert _dates(html, catalogue) == want


@pytest.mark.parametrize(
    "html",
    [
        # no date of the document says its order: `3/4` may be March or April
        "<h2>prod (2026)</h2><p>cluster built 3/4, signed off 5/6</p>",
        # both orders appear (`4/17` and `24/7`): none is read
        "<h2>prod (2026)</h2><p>support 24/7 from the ops desk</p><p>infra start 4/17</p>"
        "<p>prod done 5/3</p>",
    ],
)
def test_one_digit_dates_need_a_clear_order(html: str, catalogue: Catalogue) -> None:
    start, done = _dates(html, catalogue)
    assert start in (None, "2026-04-17") and done is None


def test_fractions_and_asg_triples_are_no_dates() -> None:
    token = shapes.NUMERIC_ORDER.set("month")
    try:
        text = "asg 3/3/6, nodes 2/3 ready, disk 80% (1/2 used), sync 4/4%"
        assert [m.text for m in shapes.dates(text, "2026")] == ["2/3", "1/2"]  # fractions need a date's verb
        assert [m.text for m in shapes.dates("min/desired/max 2/2/4, 24x7", "2026")] == []
    finally:
        shapes.NUMERIC_ORDER.reset(token)


def test_a_dotted_version_is_no_date(catalogue: Catalogue) -> None:
    html = (
        "<h2>production</h2><p>Build started 2 March 2026.</p><p>Upgraded to 6.1.4410 and signed off.</p>"
        "<p>release 5.12.2999 installed, done</p>"
    )
    assert _dates(html, catalogue) == ("2026-03-02", None)
    assert list(shapes.dates("upgraded to 6.1.4410")) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("notes (every date here is 2026)\ngrowth: +300 users by 2028", "2026"),
        ("all dates are in 2025. licence renewal 2026", "2025"),
        ("year = 2026, obviously\nmigration in 2027 maybe", "2026"),
        ("2026 everywhere below. FY2028 budget", "2026"),
        ("growth in 2027, renewal in 2028", ""),  # two years, none declared for the dates
    ],
)
def test_a_year_declared_for_every_date(text: str, year: str) -> None:
    assert shapes.document_year(text) == year


def test_a_declared_year_dates_month_day_notes_beside_a_later_year(catalogue: Catalogue) -> None:
    html = (
        "<p>every date here is 2026</p><h2>prod</h2><p>nodes up 7/6</p><p>synced 7/14, accepted 7/16</p>"
        "<h2>later</h2><p>growth to 6k repos in 2027</p>"
    )
    assert _dates(html, catalogue) == ("2026-07-06", "2026-07-16")


def test_who_acknowledged_in_a_bracket_starts_nothing(catalogue: Catalogue) -> None:
    html = "<h2>dates (2026)</h2><p>vms up 9/8</p><p>production accepted 9/25 (mail from the sponsor)</p>"
    assert _dates(html, catalogue) == ("2026-09-08", "2026-09-25")


def test_the_next_dates_clause_opens_after_a_milestone(catalogue: Catalogue) -> None:
    # "(= build start)" names 10/12's event; 10/14's own words ("argo sync") start nothing
    html = "<h2>prod (2026)</h2><p>namespace made 10/12 (= build start), argo sync 10/14, accepted 10/30</p>"
    assert _dates(html, catalogue) == ("2026-10-12", "2026-10-30")


def test_an_arrow_before_the_next_dates_verb_names_no_milestone(catalogue: Catalogue) -> None:
    # "→ closed 14 Oct" is the second date's own verb, not the first one's milestone
    html = "<h2>production</h2><p>Installation started 2 Oct 2026 → closed 14 Oct 2026 · owner: platform</p>"
    assert _dates(html, catalogue) == ("2026-10-02", "2026-10-14")
