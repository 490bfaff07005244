"""The TDD reader's rules for code hosts, repository counts, dates and limits, one small document each.

Each rule is also exercised by a corpus document (tests/fixtures/tdd_corpus, see its README) in a
different shape; these tests pin the rule itself, and the shape that does not trigger it.
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read

# -- a label naming a code host counts that host's repositories ---------------------------------


def test_a_label_naming_a_code_host_is_that_hosts_part_not_the_total(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Code</h2><ul><li>Azure Repos: ~1,900 repos</li>"
        "<li>GitHub Enterprise Cloud: ~600 repos</li></ul>",
        catalogue,
    )
    assert got["repositories"] == ["2500"]
    assert got["code_hosts"] == ["Azure DevOps, GitHub.com"]


def test_a_repositories_label_without_a_host_is_the_total(catalogue: Catalogue) -> None:
    got = read("<h2>Code</h2><p>Total repositories: 1,900</p><p>Code host: GitHub.com</p>", catalogue)
    assert got["repositories"] == ["1900"]


# -- a day and month without a year take the year of their heading -------------------------------


def test_dates_without_a_year_take_the_year_their_heading_names(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Timeline (2026)</h2><ul><li>12 Jan: kick-off</li><li>2 Mar: prod infra build started</li>"
        "<li>20 Mar: prod infra complete</li></ul>",
        catalogue,
    )
    assert got["start_date"] == ["2026-03-02"]
    assert got["completion_date"] == ["2026-03-20"]


def test_dates_without_a_year_are_not_read_when_no_heading_names_one(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Timeline</h2><ul><li>2 Mar: prod infra build started</li>"
        "<li>20 Mar: prod infra complete</li></ul>",
        catalogue,
    )
    assert "start_date" not in got and "completion_date" not in got


def test_a_heading_naming_two_years_gives_no_year(catalogue: Catalogue) -> None:
    got = read("<h2>Plan 2026–2027</h2><ul><li>2 Mar: production build started</li></ul>", catalogue)
    assert "start_date" not in got


# -- a table with a column of dates reads each row as a sentence --------------------------------


def test_a_document_history_table_dates_the_production_build(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Document history</h2><table>"
        "<tr><td>Date</td><td>Version</td><td>Change</td><td>By</td></tr>"
        "<tr><td>2026-05-11</td><td>0.1</td><td>First draft, written during the staging build</td>"
        "<td>RO</td></tr>"
        "<tr><td>2026-06-08</td><td>0.2</td><td>Production VM provisioned: production build started</td>"
        "<td>RO</td></tr>"
        "<tr><td>2026-06-26</td><td>1.0</td><td>Production build finished and accepted</td><td>ML</td></tr>"
        "<tr><td>2026-09-14</td><td>1.1</td><td>Added the disk expansion procedure</td><td>RO</td></tr>"
        "</table>",
        catalogue,
    )
    assert got["start_date"] == ["2026-06-08"]
    assert got["completion_date"] == ["2026-06-26"]


def test_a_dated_table_row_gives_only_dates_and_a_status_column_is_not_its_verb(catalogue: Catalogue) -> None:
    got = read(
        "<table><tr><td>Milestone</td><td>Date</td><td>Status</td></tr>"
        "<tr><td>Kick-off workshop on Docker Compose</td><td>6 July 2026</td><td>Done</td></tr>"
        "<tr><td>Production build started</td><td>3 August 2026</td><td>Done</td></tr></table>",
        catalogue,
    )
    assert got == {"start_date": ["2026-08-03"]}


def test_an_actual_date_column_wins_over_a_planned_one(catalogue: Catalogue) -> None:
    got = read(
        "<table><tr><td>Milestone</td><td>Planned</td><td>Actual</td></tr>"
        "<tr><td>Production build start</td><td>3 August 2026</td><td>10 August 2026</td></tr>"
        "<tr><td>Production accepted</td><td>25 September 2026</td><td></td></tr></table>",
        catalogue,
    )
    assert got == {"start_date": ["2026-08-10"]}


# -- a plan gives way to what happened -----------------------------------------------------------


def test_a_planned_label_gives_way_to_an_actual_one(catalogue: Catalogue) -> None:
    got = read(
        "<table><tr><td>Planned start date</td><td>2026-08-03 20:00:00</td></tr>"
        "<tr><td>Planned end date</td><td>2026-08-04 06:00:00</td></tr></table>"
        "<table><tr><td>Actual start date</td><td>2026-08-10 21:05:00</td></tr>"
        "<tr><td>Actual end date</td><td>2026-08-12 04:40:00</td></tr></table>",
        catalogue,
    )
    assert got == {"start_date": ["2026-08-10"], "completion_date": ["2026-08-12"]}


def test_a_planned_label_is_kept_when_nothing_actual_is_written(catalogue: Catalogue) -> None:
    got = read("<p>Target completion: 25 September 2026</p>", catalogue)
    assert got == {"completion_date": ["2026-09-25"]}


def test_a_date_that_was_moved_is_no_date(catalogue: Catalogue) -> None:
    got = read("<p>Production acceptance was moved from 25 September 2026 to 2 October 2026.</p>", catalogue)
    assert got == {}


def test_a_go_live_gives_way_to_a_completion(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>The production build was finished on 2 October 2026.</p>"
        "<p>Production went live for every engineer on 12 October 2026.</p>",
        catalogue,
    )
    assert got == {"completion_date": ["2026-10-02"]}
    alone = read("<h2>Production</h2><p>Production went live on 12 October 2026.</p>", catalogue)
    assert alone == {"completion_date": ["2026-10-12"]}


def test_a_verb_after_a_date_belongs_to_it_only_when_no_date_follows(catalogue: Catalogue) -> None:
    got = read(
        "<p>The prod workspace was applied on 2026-06-01 and handed over to the platform team on "
        "2026-06-26.</p>",
        catalogue,
    )
    assert got == {"completion_date": ["2026-06-26"]}
    first = read("<p>The production VM was stood up for the first time on 2026-06-01.</p>", catalogue)
    assert first == {"start_date": ["2026-06-01"]}


# -- limits: today's count stays current, a bare number takes the sentence's noun ----------------


def test_a_count_said_to_be_today_is_current_even_in_a_limit_sentence(catalogue: Catalogue) -> None:
    got = read(
        "<p>The production instance holds 6,200 repositories today and is sized for up to 10,000.</p>",
        catalogue,
    )
    assert got == {"repositories": ["6200"], "max_repositories": ["10000"]}


def test_a_bare_limit_takes_the_noun_written_before_it(catalogue: Catalogue) -> None:
    got = read("<p>The repository limit agreed with the vendor is 5,000.</p>", catalogue)
    assert got == {"max_repositories": ["5000"]}
    users = read("<p>Seats are capped at 1,200.</p>", catalogue)
    assert users == {"max_users": ["1200"]}
    assert read("<p>Users are licensed up to 2027.</p>", catalogue) == {}


def test_concurrency_may_be_written_a_few_words_after_the_number(catalogue: Catalogue) -> None:
    got = read("<p>Sized for up to 3,000 users, of whom no more than 500 are concurrent.</p>", catalogue)
    assert got == {"max_users": ["3000"], "max_concurrent_users": ["500"]}


def test_an_uplift_or_increase_is_growth_not_a_limit(catalogue: Catalogue) -> None:
    got = read(
        "<p>The licence is for 3,500 users.</p>"
        "<p>Onboarding Leeds will need a licence uplift to 4,400 users.</p>"
        "<p>Finance expects a seat increase to 5,000 users.</p>",
        catalogue,
    )
    assert got == {"max_users": ["3500"]}


# -- the repositories' size, and a code host named after its count --------------------------------


def test_the_repositories_as_subject_of_a_size_are_its_owner(catalogue: Catalogue) -> None:
    got = read("<p>Altogether the repositories take roughly 380 GB on disk.</p>", catalogue)
    assert got == {"total_repo_size_gb": ["380 GB"]}
    disk = read("<p>Production has 2 TB of gp3 volumes for the 3,000 repositories in total.</p>", catalogue)
    assert disk["total_disk_gb"] == ["2 TB"] and "total_repo_size_gb" not in disk


def test_a_code_host_named_after_a_count_is_that_counts_host(catalogue: Catalogue) -> None:
    got = read(
        "<p>We index 4,100 repositories hosted on Bitbucket Data Center and 700 repositories from "
        "GitHub.com.</p>",
        catalogue,
    )
    assert got["repositories"] == ["4800"]
    before = read("<p>GitLab (2,850 projects) and Gerrit (150 projects) are mirrored.</p>", catalogue)
    assert before["repositories"] == ["3000"]


# -- a header table's rows named by environment; date shapes ---------------------------------------


def test_a_phase_table_row_naming_an_environment_is_in_it(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Plan 2026</h2><table><tr><td>Phase</td><td>Start</td><td>End</td></tr>"
        "<tr><td>Kick-off</td><td>12 Jan</td><td>12 Jan</td></tr>"
        "<tr><td>POC</td><td>19 Jan</td><td>13 Feb</td></tr>"
        "<tr><td>Production build</td><td>2 Mar</td><td>20 Mar</td></tr>"
        "<tr><td>Hypercare</td><td>27 Mar</td><td>24 Apr</td></tr></table>",
        catalogue,
    )
    assert got == {"start_date": ["2026-03-02"], "completion_date": ["2026-03-20"]}


def test_rows_that_name_no_environment_give_no_dates_when_several(catalogue: Catalogue) -> None:
    got = read(
        "<table><tr><td>Stage</td><td>Started</td><td>Finished</td></tr>"
        "<tr><td>Design</td><td>2026-01-05</td><td>2026-01-16</td></tr>"
        "<tr><td>Build</td><td>2026-03-02</td><td>2026-03-20</td></tr></table>",
        catalogue,
    )
    assert got == {}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2026-08-10T21:05:00Z", "2026-08-10"),
        ("3rd of August 2026", "2026-08-03"),
        ("Monday 3 August, 2026", "2026-08-03"),
        ("Aug 3, 2026", "2026-08-03"),
    ],
)
def test_date_shapes(catalogue: Catalogue, text: str, iso: str) -> None:
    assert read(f"<p>The production build started on {text}.</p>", catalogue) == {"start_date": [iso]}


# -- date ranges of the production build; counts in thousands -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<h2>Production</h2><p>Production infrastructure: 2 March – 17 April 2026</p>",
        "<p>Implementation window: 2026-03-02 to 2026-04-17</p>",
        "<p>The production build ran from 2 March to 17 April 2026.</p>",
        "<h2>Timeline (2026)</h2><ul><li>2 Mar – 17 Apr: production build</li></ul>",
    ],
)
def test_a_range_of_the_production_build_gives_both_dates(catalogue: Catalogue, text: str) -> None:
    assert read(text, catalogue) == {"start_date": ["2026-03-02"], "completion_date": ["2026-04-17"]}


def test_a_range_of_a_trial_or_of_nothing_built_gives_no_dates(catalogue: Catalogue) -> None:
    assert read("<h2>Timeline (2026)</h2><ul><li>19 Jan – 13 Feb: POC</li></ul>", catalogue) == {}
    assert read("<p>Training sessions: 2 March – 17 April 2026</p>", catalogue) == {}


def test_counts_in_thousands(catalogue: Catalogue) -> None:
    assert read("<p>Repos: ~2.4k</p>", catalogue) == {"repositories": ["2400"]}
    assert read("<p>Max repositories: 10k</p>", catalogue) == {"max_repositories": ["10000"]}
    assert read("<p>We index 3.2k repos in total.</p>", catalogue) == {"repositories": ["3200"]}


# -- more shapes of code-host counts, limits and a go-live label ------------------------------------


def test_a_count_across_several_hosts_is_their_total(catalogue: Catalogue) -> None:
    got = read(
        "<p>We index 2,500 repositories across GitHub Enterprise Server and GitLab Self-Managed.</p>",
        catalogue,
    )
    assert got["repositories"] == ["2500"]


def test_a_source_count_table_gives_per_host_parts(catalogue: Catalogue) -> None:
    got = read(
        "<table><tr><td>Source</td><td>Count</td></tr><tr><td>GitHub.com</td><td>1,200</td></tr>"
        "<tr><td>Bitbucket Cloud</td><td>300</td></tr></table>",
        catalogue,
    )
    assert got == {"code_hosts": ["GitHub.com, Bitbucket Cloud"], "repositories": ["1500"]}


def test_counts_under_a_parent_bullet_naming_a_code_host_are_its_part(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>GitHub Enterprise Server<ul><li>1,800 repositories</li></ul></li>"
        "<li>GitLab.com<ul><li>200 repositories</li></ul></li></ul>",
        catalogue,
    )
    assert got == {"code_hosts": ["GitHub Enterprise Server, GitLab.com"], "repositories": ["2000"]}


def test_a_sizing_assumptions_section_holds_limits(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Sizing assumptions</h2><p>Users: 2,000</p><p>Repositories: 5,000</p>"
        "<h2>Code</h2><p>Repositories: 3,100</p>",
        catalogue,
    )
    assert got == {"max_users": ["2000"], "max_repositories": ["5000"], "repositories": ["3100"]}


def test_a_go_live_label_gives_way_to_a_completion_label(catalogue: Catalogue) -> None:
    both = read("<p>Go-live: 27 March 2026</p><p>Production build complete: 20 March 2026</p>", catalogue)
    assert both == {"completion_date": ["2026-03-20"]}
    assert read("<p>Go-live: 27 March 2026</p>", catalogue) == {"completion_date": ["2026-03-27"]}


def test_a_labelled_value_listing_hosts_with_numbers_gives_their_parts(catalogue: Catalogue) -> None:
    got = read(
        "<p>Repo count by code host: GitHub Enterprise Cloud 1,450; Bitbucket Cloud 320</p>", catalogue
    )
    assert got == {"code_hosts": ["GitHub.com, Bitbucket Cloud"], "repositories": ["1770"]}
    hosts = read("<p>Code hosts: GitHub (1,200), GitLab (300)</p>", catalogue)
    assert hosts == {"code_hosts": ["GitHub.com, GitLab.com"], "repositories": ["1500"]}
    stated = read("<p>Repositories: 3,100 (GitHub 2,900, GitLab 200)</p>", catalogue)
    assert stated["repositories"] == ["3100"]


def test_a_peak_in_people_is_not_also_the_user_count(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Licence</h2><p>1,100 users; we expect about 250 people to use it at the same time.</p>",
        catalogue,
    )
    assert got == {"max_users": ["1100"], "max_concurrent_users": ["250"]}


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Production ready", "completion_date"),
        ("Delivered", "completion_date"),
        ("Infrastructure provisioned", "start_date"),
        ("Work commenced", "start_date"),
    ],
)
def test_more_date_labels_by_meaning(catalogue: Catalogue, label: str, name: str) -> None:
    assert read(f"<p>{label}: 2026-03-13</p>", catalogue) == {name: ["2026-03-13"]}


@pytest.mark.parametrize(
    ("written", "iso"),
    [("23/02/2026", "2026-02-23"), ("02/23/2026", "2026-02-23"), ("23.02.2026", "2026-02-23"),
     ("2026/02/23", "2026-02-23"), ("03/04/2026", None)],
)  # fmt: skip
def test_numeric_dates_when_their_order_is_clear(catalogue: Catalogue, written: str, iso: str | None) -> None:
    got = read(f"<p>The production build started {written}.</p>", catalogue)
    assert got == ({"start_date": [iso]} if iso else {})
