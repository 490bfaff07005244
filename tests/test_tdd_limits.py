"""Limits by the figure's relation to the deployment: licensed, sized or capped for it (a limit), seen
or measured (an observation), added on top (an increment). A snippet of a TDD in, the fields out.

Each rule is also exercised by a corpus document (tests/fixtures/tdd_corpus, see its README).
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


def test_any_noun_of_people_counts_users_when_a_licence_governs_it(catalogue: Catalogue) -> None:
    got = read(
        "<p>Our licence covers 3,000 developers, and the server was sized for up to 400 of them at the "
        "same time.</p>",
        catalogue,
    )
    assert got == {"max_users": ["3000"], "max_concurrent_users": ["400"]}
    assert read("<p>Licensed for 1,200 engineers; dimensioned for 250 engineers at once.</p>", catalogue) == {
        "max_users": ["1200"],
        "max_concurrent_users": ["250"],
    }


def test_people_counted_with_no_limit_relation_are_no_limit(catalogue: Catalogue) -> None:
    assert read("<p>The platform serves NCM's 3,100 engineers.</p>", catalogue) == {}


def test_a_seat_is_a_licence_unit_so_its_count_is_a_limit_anywhere(catalogue: Catalogue) -> None:
    got = read("<p>Subscription resold by the partner: 900 seats, 12 months.</p>", catalogue)
    assert got == {"max_users": ["900"]}


def test_an_observed_count_in_a_licence_part_is_no_limit(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Licence</h2><p>Our licence allows 1,000 users. At the moment about 610 people have logged in at "
        "least once.</p>",
        catalogue,
    )
    assert got == {"max_users": ["1000"]}


def test_an_added_count_is_an_increment_not_the_limit(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Licence headroom</h2><p>The subscription covers 4,000 users. The platform is sized for 600 "
        "concurrent users and up to 10,000 repositories. The integration would add roughly 2,500 "
        "repositories and 700 users, which stays inside the repository limit.</p>"
        "<p>Ask: approve +300 seats for Q1.</p><p>The client may take a further 400 seats.</p>",
        catalogue,
    )
    assert got == {"max_users": ["4000"], "max_concurrent_users": ["600"], "max_repositories": ["10000"]}


def test_a_count_said_to_be_unagreed_is_no_limit(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Commercial limits</h2><p>Licence: 3,000 developers</p>"
        "<p>Planning figure for 2028 (not contractual): 5,000 developers</p>",
        catalogue,
    )
    assert got == {"max_users": ["3000"]}


def test_concurrency_is_read_from_the_clause_of_the_figure(catalogue: Catalogue) -> None:
    got = read(
        "<p>The licence is for 1500 users. We expect maximum 200 users in the same moment. This sizing is "
        "good until 5000 repositories.</p>",
        catalogue,
    )
    assert got == {"max_users": ["1500"], "max_concurrent_users": ["200"], "max_repositories": ["5000"]}


def test_a_design_load_or_capacity_model_is_a_limit(catalogue: Catalogue) -> None:
    got = read("<p>Capacity model: 2,000 users, 250 concurrent, up to 5,000 repositories.</p>", catalogue)
    assert got == {"max_users": ["2000"], "max_concurrent_users": ["250"], "max_repositories": ["5000"]}
    assert read(table(("Design load", "2,500 users, 350 concurrent")), catalogue) == {
        "max_users": ["2500"],
        "max_concurrent_users": ["350"],
    }


def test_a_label_of_a_measurement_or_a_rate_gives_no_limit(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Licensed users", "750"),
            ("Active users (approx.)", "610"),
            ("Weekly active users", "870"),
            ("User growth / year", "24%"),
        ),
        catalogue,
    )
    assert got == {"max_users": ["750"]}


def test_a_number_inside_a_name_or_a_percentage_is_no_count(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Limits</h2><p>Repo ceiling (design): 8,000</p>"
        "<p>FY28 crosses the 8,000-repo design ceiling: flag for the FY28 plan.</p>",
        catalogue,
    )
    assert got == {"max_repositories": ["8000"]}


def test_a_sibling_item_ends_the_list_a_label_item_heads(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>Code hosts:<ul><li>GitLab self-managed: 1,840 repositories</li>"
        "<li>Azure DevOps: 260 repositories</li></ul></li>"
        "<li>Users: licence for 1.200 users</li>"
        "<li>Limit of repositories agreed in the sizing: 4.000.</li></ul>",
        catalogue,
    )
    assert got["max_users"] == ["1200"]
    assert got["max_repositories"] == ["4000"]


def test_a_bracketed_current_count_after_a_repository_limit_leaves_the_limit(catalogue: Catalogue) -> None:
    """The figure's own words end where the next figure's begin, bracket included: "(today 1,500)"
    is the current count's, so the 2,000 before it stays the limit."""
    for aside in ("(today 1,500)", "(currently 1,500)", "(1,500 today)"):
        got = read(f"<p>The licence covers up to 2,000 repositories {aside}.</p>", catalogue)
        assert got.get("max_repositories") == ["2000"] and got.get("repositories") != ["2000"], aside


def test_a_target_for_a_later_year_is_growth_not_the_limit(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Licence and sizing</h2><p>The licence is for 3,000 users. Leadership asked us to plan for 4,500 "
        "users by FY 2027-28, which will need a new sizing.</p>"
        "<p>Sized for 5,000 repositories; 8,000 repositories by Q3 2027 once the merger closes.</p>",
        catalogue,
    )
    assert got == {"max_users": ["3000"], "max_repositories": ["5000"]}


def test_a_count_of_some_of_them_stands_as_the_count_before_it(catalogue: Catalogue) -> None:
    got = read("<p>Sizing we agreed: it's good for 350 people, 90 of them searching at once.</p>", catalogue)
    assert got == {"max_users": ["350"], "max_concurrent_users": ["90"]}
    got = read(
        "<p>The licence covers 1,200 engineers, 200 of whom may search at the same time.</p>", catalogue
    )
    assert got == {"max_users": ["1200"], "max_concurrent_users": ["200"]}
    assert read("<p>We have 2,000 developers, 300 of them in Pune.</p>", catalogue) == {}


def test_a_limit_no_longer_in_force_gives_way_to_the_current_one(catalogue: Catalogue) -> None:
    for html in (
        "<p>OBS-2: the onboarding wiki still says the licence is for 800 users. The current licence covers "
        "1,100 users.</p>",
        "<p>Licensed for 1,100 users (the old licence was for 800 users).</p>",
        "<ul><li>Subscription: 1,100 seats</li><li>Previous subscription: 800 seats</li></ul>",
    ):
        assert read(html, catalogue) == {"max_users": ["1100"]}, html


def test_a_peak_after_a_limit_in_one_sentence_is_its_concurrency(catalogue: Catalogue) -> None:
    assert read("<p>lic 900 seats · peak 150 conc. (agreed cap)</p>", catalogue) == {
        "max_users": ["900"],
        "max_concurrent_users": ["150"],
    }
    got = read(
        "<p>Licensed for 1,200 users; we expect a peak of 180 at once during the morning stand-up.</p>",
        catalogue,
    )
    assert got == {"max_users": ["1200"], "max_concurrent_users": ["180"]}
    got = read(table(("Item", "Value"), ("Licence", "600 seats; peak of 120 conc.")), catalogue)
    assert got == {"max_users": ["600"], "max_concurrent_users": ["120"]}
    got = read("<p>Licensed for 1,200 users; a peak of 140 at once was seen last week.</p>", catalogue)
    assert got == {"max_users": ["1200"]}


def test_an_offer_declined_gives_no_limit_and_no_machines(catalogue: Catalogue) -> None:
    got = read(
        "<p>Licensed for 1,200 users; the platform is sized for a maximum of 3,000 repositories.</p>"
        + table(
            ("Supplier", "Offer", "Remark"),
            ("Nordlicht", "€ 148,500 / year", "continuation"),
            ("Alpenwerk", "€ 131,000 / year", "would rebuild on 5 × m6i.4xlarge; declined"),
            (
                "DataForge",
                "€ 159,900 / year",
                "offer sized for up to 5,000 repositories and 2,000 users; declined",
            ),
        ),
        catalogue,
    )
    assert got == {"max_users": ["1200"], "max_repositories": ["3000"]}


def test_a_count_its_own_words_measure_is_no_limit(catalogue: Catalogue) -> None:
    for html in (
        "<h3>Monthly</h3><p>Export the user count for Finance. Last export (Oct): 1,630 active users of the "
        "2,000 seats.</p>",
        "<p>Sizing we agreed: good for 2,000 people. We're at ~1,630 weekly users now, so fine.</p>",
        table(("Item", "Value"), ("User count", "1,630 active users of 2,000 seats")),
    ):
        assert read(html, catalogue) == {"max_users": ["2000"]}, html
    assert read("<p>The cluster is sized for 2,000 active users.</p>", catalogue) == {"max_users": ["2000"]}


def test_a_stated_limit_beats_a_headcount_its_part_only_holds(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Users</h2><p>The licence covers up to 1,400 employees. The system is designed for up to 150 "
        "simultaneous users. The company employs about 2,300 people in total.</p>",
        catalogue,
    )
    assert got == {"max_users": ["1400"], "max_concurrent_users": ["150"]}
    got = read("<h2>Licence</h2><p>Our group has 5,000 engineers; 3,000 seats were bought.</p>", catalogue)
    assert got == {"max_users": ["3000"]}


def test_a_stated_limit_beats_a_headcount_in_another_paragraph_of_its_part(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Licence and capacity</h2><p>Licensed for 2,500 developers.</p>"
        "<p>The group employs roughly 4,200 engineers worldwide.</p>",
        catalogue,
    )
    assert got == {"max_users": ["2500"]}


def test_a_quote_closed_by_its_verdict_gives_nothing(catalogue: Catalogue) -> None:
    got = read(
        "<p>Licensed for 2,500 developers.</p><h2>Quotes received</h2><ul>"
        "<li>Hostwise: managed cluster of 6 × c6i.8xlarge, 3,000 seats included — declined</li>"
        "<li>Cloudfold: sized for up to 6,000 repositories and 3,500 users — rejected (price)</li></ul>",
        catalogue,
    )
    assert got == {"max_users": ["2500"]}


@pytest.mark.parametrize(
    "html",
    [
        "<p>Engineers: ~1,100 (licensed for 1,200)</p>",
        "<p>Users: 1,100 (licensed for 1,200)</p>",
        "<p>We have 1,100 engineers, licensed for 1,200.</p>",
        table(("Item", "Figure"), ("People", "about 1,100 — contracted for 1,200")),
        "<ul><li>Headcount<ul><li>1,100 developers, subscribed for 1,200</li></ul></li></ul>",
    ],
)
def test_the_figure_its_own_words_bound_is_the_limit_not_the_headcount_beside_it(
    catalogue: Catalogue, html: str
) -> None:
    assert read(html, catalogue).get("max_users") == ["1200"]


@pytest.mark.parametrize(
    ("html", "field", "want"),
    [
        ("<p>Resolved: the licence is 900 users; we agreed to stay below 2,500 repositories before a new "
         "review.</p>", "max_repositories", "2500"),
        ("<p>The indexed estate must not exceed 4,000 repositories without a new sizing.</p>",
         "max_repositories", "4000"),
        ("<ul><li>Agreed with security: keep under 350 concurrent users</li></ul>",
         "max_concurrent_users", "350"),
    ],
)  # fmt: skip
def test_a_promise_to_stay_below_a_figure_bounds_it(
    catalogue: Catalogue, html: str, field: str, want: str
) -> None:
    assert read(html, catalogue).get(field) == [want]


def test_a_count_said_to_be_under_a_figure_is_no_limit(catalogue: Catalogue) -> None:
    assert "max_repositories" not in read("<p>We have under 1,000 repositories today.</p>", catalogue)


def test_a_labelled_value_saying_its_field_was_not_set_gives_none(catalogue: Catalogue) -> None:
    """`Max. repositories: not set – … up to about 5,000`: the field is stated absent, the figure after
    it is a remark (the vendor's bound), not the field's value; a value with its figure first stays."""
    html = (
        "<p>Max. repositories: not set – the vendor sees no need for action up to about 5,000 repos</p>"
        "<p>Peak concurrent users: not agreed (about 300 expected)</p>"
        "<p>Max users: 4,000 (licence, not set by us)</p>"
    )
    got = read(html, catalogue)
    assert "max_repositories" not in got and "max_concurrent_users" not in got
    assert got["max_users"] == ["4000"]
