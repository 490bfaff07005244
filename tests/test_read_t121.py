"""A licence's seats beside the users the build was sized for: the sizing is the limit
(`read/seatlimit.py`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("html", "limit"),
    [
        (  # the seats in a cost table, the sizing in prose under another heading
            "<h2>Yearly cost</h2>"
            + table(("Line", "Amount"), ("Sourcegraph Enterprise, 2,400 seats", "EUR 288,000"))
            + "<h2>Production</h2><p>The cluster is designed for 3,000 users and 400 concurrent.</p>",
            "3000",
        ),
        (  # fewer seats than the sizing, both in one paragraph
            "<h2>Commercials</h2><p>We hold 450 seats. The instance was dimensioned for 800 users.</p>",
            "800",
        ),
        (  # a named-user licence as a bullet, the sizing as a label line
            "<ul><li>Licence: 6,000 named users, renewed each March</li></ul>"
            "<p>Sizing agreed with the platform team: up to 5,000 users.</p>",
            "5000",
        ),
    ],
)
def test_seats_give_way_to_the_users_sized_for(html: str, limit: str, catalogue: Catalogue) -> None:
    assert read(html, catalogue)["max_users"] == [limit]


def test_seats_alone_stay_the_limit(catalogue: Catalogue) -> None:
    html = "<h2>Licence</h2><p>The subscription covers 1,100 seats.</p><p>Deployed on 3 × m6i.2xlarge.</p>"
    assert read(html, catalogue)["max_users"] == ["1100"]


@pytest.mark.parametrize(
    "rival",
    [
        "The pilot was sized for 200 users.",  # another environment's sizing
        "Option B would handle up to 3,000 users.",  # an option's
        "The reference architecture is designed for up to 2,000 users.",  # guidance
        "Up to 300 users at the same time.",  # a count at once: concurrency's
        "We expect to grow to 2,500 users by next year.",  # growth
    ],
)
def test_seats_stay_beside_a_count_that_is_no_sizing_of_this_build(rival: str, catalogue: Catalogue) -> None:
    html = f"<h2>Licence</h2><p>The subscription covers 1,100 seats.</p><p>{rival}</p>"
    assert "1100" in read(html, catalogue).get("max_users", [])


def test_a_labelled_user_count_naming_seats_in_its_aside_is_no_seat_count(catalogue: Catalogue) -> None:
    html = (
        "<p>Number of users: 1,500 (licence on 1,500 seats)</p><p>The cluster is sized for 1,800 users.</p>"
    )
    assert "1500" in read(html, catalogue).get("max_users", [])
