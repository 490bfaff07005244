"""Numbers and dates as people say them (learnt from blind 90, sibling of the evaluation-only blind 41):
a fraction of a unit as a size ("a quarter of a terabyte"), a hedged count in words ("around half a
dozen"), a lower bound that is no figure ("upwards of 250"), a day and month with the year left to the
document (`06.07.`, `02-Feb`), a day told relative to the one before it ("the next day", "the following
Friday", chained through a paragraph or a log's entries, broken by an offset that names no day), a
place said of a code host, not of the deployment, and machines the writer left out of the totals.
Snippets in, values out; none of these phrasings is the tuning set's."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import relative, shapes
from tddview import settled


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the repositories take up a quarter of a terabyte", "0.25 TB"),
        ("git data is half a terabyte, give or take", "0.5 TB"),
        ("about three quarters of a TB in all", "0.75 TB"),
        ("the monorepo alone is half a gig", "0.5 GB"),
        ("one third of a tebibyte", "0.333333 TiB"),
    ],
)
def test_a_fraction_of_one_unit_is_a_size(text: str, value: str) -> None:
    assert [m.value for m in shapes.sizes(text)] == [value]


@pytest.mark.parametrize(
    ("words", "n"), [("half a dozen", 6), ("half-a-dozen", 6), ("half a thousand", 500), ("a dozen", 12)]
)
def test_half_a_dozen_is_six(words: str, n: int) -> None:
    assert shapes.spelt_number(words) == n


@pytest.mark.parametrize(
    ("text", "year", "want"),
    [
        (
            "the build started on Monday 06.07. and was signed off Fri 17.07.",
            "2026",
            ["2026-07-06", "2026-07-17"],
        ),
        ("from 3.8. to 14.8. the test VM ran", "2026", ["2026-08-03", "2026-08-14"]),
        ("14.09. — production complete", "2027", ["2027-09-14"]),
        ("installed on 02-Feb, accepted on 13-Feb", "2026", ["2026-02-02", "2026-02-13"]),
        # versions closing a sentence, a day that cannot be, a date with its own year: no day without one
        ("we upgraded GitLab to 16.11. Then we re-indexed.", "2026", []),
        ("Kubernetes 1.29. Helm 3.14.", "2026", []),
        ("on 31.02. nothing happened", "2026", []),
    ],
)
def test_a_day_and_month_without_a_year(text: str, year: str, want: list[str]) -> None:
    assert [m.value for m in shapes.dates(text, year)] == want


@pytest.mark.parametrize(
    ("text", "anchor", "day"),
    [
        ("The next day we started the production build.", "2026-03-03", "2026-03-04"),
        ("A week later the build was signed off.", "2026-03-04", "2026-03-11"),
        ("The following Tuesday it was accepted.", "2026-04-09", "2026-04-14"),  # a Thursday
        ("Monday after that we went live.", "2026-04-13", "2026-04-20"),  # a Monday: the next one
        ("We finished three days later.", "2026-06-16", "2026-06-19"),
        ("Later that day the cluster was up.", "2026-06-16", "2026-06-16"),
        # an offset that names no day, or nothing to count from: no day
        ("A few days later the clone finished.", "2026-06-16", ""),
        ("The following week we signed off.", "2026-06-16", ""),
        ("Two days later it was done.", "", ""),
    ],
)
def test_a_day_told_from_the_one_before(text: str, anchor: str, day: str) -> None:
    found = relative.lead_day(text, anchor)
    assert found is not None and found[0] == day


@pytest.mark.parametrize(
    "text", ["Two days after the security review we signed off.", "The day after go-live we celebrated."]
)
def test_an_offset_from_a_named_event_is_not_from_the_day_before(text: str) -> None:
    assert relative.lead_day(text, "2026-06-16") is None


_DATED = "<h1>Sourcegraph TDD</h1><h2>Production build</h2>{}"


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (  # chained through one paragraph: a delivery, the day after it, a week after that
            "<p>The VMs were handed to us on 3 March 2026. The next day we started the production build. "
            "A week later the production build was signed off by the customer.</p>",
            ("2026-03-04", "2026-03-11"),
        ),
        (  # a log's entries, each counted from the one before
            "<ul><li>Mon 7 Sep 2026 – production build started, cluster created</li>"
            "<li>next day – ingress and TLS configured</li>"
            "<li>the following Friday – acceptance passed; production build complete</li></ul>",
            ("2026-09-07", "2026-09-11"),
        ),
        (  # the year from the document, the day and month dotted, the end told from the start
            "<p>Report of July 2026.</p><p>We began the production build on Wednesday 08.07. and it was "
            "declared complete the following Monday.</p>",
            ("2026-07-08", None),  # (the offset inside the dated sentence counts from nothing said)
        ),
        (  # an offset that names no day breaks the chain: the end is withheld, not guessed
            "<p>We started the production build on 2 June 2026. A few days later the first clone finished. "
            "Two days after that the production build was signed off.</p>",
            ("2026-06-02", None),
        ),
    ],
)
def test_relative_days_date_the_build(
    body: str, want: tuple[str | None, str | None], catalogue: Catalogue
) -> None:
    got = settled(_DATED.format(body), catalogue)
    assert (got.get("start_date"), got.get("completion_date")) == want


def test_a_relative_day_does_not_count_from_another_heading(catalogue: Catalogue) -> None:
    got = settled(
        "<h1>Sourcegraph TDD</h1><h2>Kick-off</h2><p>The kick-off was on 1 May 2026.</p>"
        "<h2>Production</h2><p>Two weeks later the production build began.</p>",
        catalogue,
    )
    assert "start_date" not in got


_LIMITS = "<h1>Sourcegraph TDD</h1><h2>Production</h2><p>4 × m6i.4xlarge on AWS.</p><h2>Limits</h2>{}"


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<p>Concurrent users: upwards of 250</p>", {}),
        ("<p>Maximum repositories: in excess of 10,000</p>", {}),
        ("<p>Licensed for 2,000 users; well over 1,200 of them search every day.</p>", {"max_users": 2000}),
        ("<p>Peak load is expected to be more than 400 people searching at the same time.</p>", {}),
        # a cap is a limit, not a bound
        ("<p>Sized for no more than 300 users at once.</p>", {"max_concurrent_users": 300}),
        (
            "<p>We agreed to cap the number of repositories at roughly 6,000 for the first year.</p>",
            {"max_repositories": 6000},
        ),
    ],
)
def test_a_lower_bound_is_no_limit(body: str, want: dict[str, int], catalogue: Catalogue) -> None:
    got = settled(_LIMITS.format(body), catalogue)
    limits = {k: v for k, v in got.items() if k in ("max_users", "max_concurrent_users", "max_repositories")}
    assert limits == want


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("around half a dozen (core, web, infra …)", 6),
        ("roughly a dozen", 12),
        ("some two", 2),
        ("a couple", None),
    ],
)
def test_a_hedged_count_in_words(value: str, want: int | None, catalogue: Catalogue) -> None:
    got = settled(f"<h1>Sourcegraph TDD</h1><h2>Production</h2><p>Monorepos: {value}</p>", catalogue)
    assert got.get("monorepos") == want


def test_repositories_beyond_a_bound_are_no_count(catalogue: Catalogue) -> None:
    got = settled(
        "<h1>Sourcegraph TDD</h1><h2>Production</h2><p>Repositories: more than 3,000 across both hosts</p>",
        catalogue,
    )
    assert "repositories" not in got


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "<p>Sourcegraph runs in Azure (AKS).</p>"
            "<p>The Bitbucket server itself lives on-premises in Leeds.</p>",
            "Azure",
        ),
        (
            "<p>Sourcegraph runs on-premises on two VMware hosts; GitHub Enterprise Server is in AWS.</p>",
            "on-premises",
        ),
    ],
)
def test_a_place_said_of_a_code_host_is_not_the_hosting(body: str, want: str, catalogue: Catalogue) -> None:
    got = settled(f"<h1>Sourcegraph TDD</h1><h2>Production</h2>{body}", catalogue)
    assert got.get("hosting_provider") == want


def test_machines_the_writer_left_out_of_the_totals(catalogue: Catalogue) -> None:
    got = settled(
        "<h1>Sourcegraph TDD</h1><h2>Production</h2><p>The Sourcegraph pool is 3 × n2-standard-16 on GKE. "
        "The monitoring pool (2 × e2-standard-4) is the platform team's; we kept it out of the totals.</p>",
        catalogue,
    )
    assert got.get("instance_types") == ["3 × n2-standard-16"]


@pytest.mark.parametrize(
    ("label", "value", "field", "want"),
    [
        ("Repositories", "roughly two and a half thousand", "repositories", 2500),
        ("Repositories", "one and a half thousand, give or take", "repositories", 1500),
        ("Total disk", "one and a half terabytes", "total_disk_gb", 1500),
        ("Monorepos", "two and a half", "monorepos", None),  # no whole count
    ],
)
def test_and_a_half_with_its_scale(
    label: str, value: str, field: str, want: int | None, catalogue: Catalogue
) -> None:
    got = settled(f"<h1>Sourcegraph TDD</h1><h2>Production</h2><p>{label}: {value}</p>", catalogue)
    assert got.get(field) == want


def test_and_a_half_thousand_in_prose(catalogue: Catalogue) -> None:
    got = settled(
        "<h1>Sourcegraph TDD</h1><h2>Limits</h2><p>The licence covers two and a half thousand users.</p>",
        catalogue,
    )
    assert got.get("max_users") == 2500
