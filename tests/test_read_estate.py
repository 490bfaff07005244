"""TDD reader: Sourcegraph as one system inside the customer's own architecture or platform document
(blind set 86's family), one mechanism per test.

A capacity table's columns counted from now (`Today | In 12 months`), sibling sections of the
platform's systems one of them generic (`Monitoring`), a label table's pool rows, a questionnaire's
question that asks for no amount, a count that holds the licences ("1,100 have a seat"), a host's
own part denied ("GitLab wiki pages are not indexed"), a table of the estate's systems with no row
for Sourcegraph, a review board's and a questionnaire's dates, an event done "as planned", a value
telling the build's range under a label of one date, a limit's relative clause saying when it is
reached, what the deployment indexes measured, a provider type's total after an equals sign, and a
type named bare beside its count. The phrasings here are not the tuning set's.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.askedfor import asks_no_amount
from handoff.read.headcount import licensed_parts
from handoff.read.limitwords import is_future
from handoff.read.pastcolumns import horizon, others
from tdd_snippets import table
from tddview import present


def _fields(body: str, catalogue: Catalogue, head: str = "<h1>Sourcegraph design</h1>") -> dict[str, Any]:
    return present(head + body, catalogue)


def _types(got: dict[str, Any]) -> list[str]:
    return sorted(str(v).replace(" ", "") for v in got.get("instance_types") or [])


@pytest.mark.parametrize(
    "header", ["In 12 months", "Year 2", "+1 yr (budget request)", "Next year", "T+6m", "Two years ahead"]
)
def test_a_column_counted_from_now_is_another_time(header: str) -> None:
    assert horizon(header)
    assert others(["Item", "Today", header]) == {2}
    assert not horizon("Quantity") and not horizon("12 months") and not horizon("Current")


@pytest.mark.parametrize(
    ("now", "later"), [("Today", "In 12 months"), ("Now", "Year 2"), ("Actual", "+2 years")]
)
def test_a_capacity_table_reads_its_current_column(now: str, later: str, catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Code search sizing</h2>"
        + table(
            ("Item", now, later),
            ("Instance type", "3 × m6i.2xlarge", "5 × m6i.4xlarge"),
            ("Total vCPU", "24", "80"),
            ("Named users", "900", "1,400"),
            ("Repositories", "2,100", "3,300"),
        ),
        catalogue,
    )
    assert _types(got) == ["3×m6i.2xlarge"]
    assert got.get("total_cpu") == 24
    assert got.get("repositories") == 2100
    assert got.get("max_users") in (900, None)


def test_sibling_sections_of_the_platform_one_of_them_generic(catalogue: Catalogue) -> None:
    got = _fields(
        "<h1>Developer platform</h1>"
        "<h2>Jenkins</h2><p>Controller on 1 × m6i.2xlarge with a 500 GB volume, "
        "agents on 12 × c6i.4xlarge.</p>"
        "<h2>Harbor</h2><p>Runs on 2 × m6i.xlarge with 8 TB of object storage.</p>"
        "<h2>Sourcegraph</h2><p>Sourcegraph runs on 2 × r6i.4xlarge (32 vCPU in total) "
        "with 1,500 GB of gp3.</p>"
        "<h2>Jira</h2><p>Data Center on 3 × m6i.4xlarge, 2 TB shared home.</p>"
        "<h2>Monitoring</h2><p>Grafana Mimir on 6 × r6i.2xlarge with 30 TB of S3.</p>",
        catalogue,
    )
    assert _types(got) == ["2×r6i.4xlarge"]
    assert got.get("total_disk_gb") == 1500


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Node pool general", "Node pool search"),
        ("Node group A", "Node group B"),
        ("Main pool nodes", "Search tier nodes"),
    ],
)
def test_a_label_tables_pool_rows_are_one_fleet(first: str, second: str, catalogue: Catalogue) -> None:
    got = _fields(
        table((first, "2 × e2-standard-8"), (second, "3 × n2-highmem-16"), ("Region", "europe-west1")),
        catalogue,
    )
    assert _types(got) == ["2×e2-standard-8", "3×n2-highmem-16"]


@pytest.mark.parametrize(
    "question",
    [
        "How are users provisioned?",
        "Q7. How is access granted to users?",
        "Which repositories are in scope?",
        "Is there a non-production instance?",
        "Where are the repositories hosted?",
    ],
)
def test_a_question_asking_how_which_or_whether_asks_no_amount(question: str) -> None:
    assert asks_no_amount(question)


@pytest.mark.parametrize(
    "question",
    ["How many users will log in?", "What is the number of repositories?", "Licensed users", "Users?"],
)
def test_a_question_asking_how_many_is_the_fields_label(question: str) -> None:
    assert not asks_no_amount(question)


def test_an_answer_under_a_how_question_says_what_its_figures_are(catalogue: Catalogue) -> None:
    got = _fields(
        table(("How are users provisioned?", "SCIM 2.0 from Okta into group code-search (750 members).")),
        catalogue,
    )
    assert got.get("max_users") in (750, None)  # never 2 (SCIM 2.0)


def test_an_answer_under_a_which_question_is_read_as_prose(catalogue: Catalogue) -> None:
    got = _fields(
        table(
            ("Q4", "Which repositories are in scope?"),
            (
                "Response",
                "1,700 GitHub Enterprise Server repositories and 300 GitLab Self-Managed projects, "
                "2,000 in all; "
                "about 900 archived repositories stay out.",
            ),
        ),
        catalogue,
    )
    assert got.get("repositories") == 2000


@pytest.mark.parametrize(
    "sentence",
    [
        "Sourcegraph reads 1,150 of GitHub's 7,400 repositories.",
        "We crawl 1,150 of the Bitbucket Server's repositories.",
        "Code search covers 1,150 of the 7,400 GHES projects.",
    ],
)
def test_the_part_a_verb_says_is_read_is_the_count(sentence: str, catalogue: Catalogue) -> None:
    got = _fields(f"<p>{sentence}</p>", catalogue)
    assert got.get("repositories") == 1150


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Of our 6,000 employees, 1,100 have a Sourcegraph seat.", "1100"),
        ("800 of the 3,000 people in engineering get a licence.", "800"),
        ("Out of 4,200 staff, 950 are assigned seats.", "950"),
    ],
)
def test_a_count_holding_the_licences_is_the_licensed_part(text: str, count: str) -> None:
    assert [v for _, _, v in licensed_parts(text)] == [count]


def test_the_population_the_licensed_part_is_taken_from_is_no_limit(catalogue: Catalogue) -> None:
    got = _fields("<p>Of our 6,000 employees, 1,100 have a Sourcegraph seat.</p>", catalogue)
    assert got.get("max_users") == 1100


@pytest.mark.parametrize(
    "denial",
    [
        "GitLab wiki pages are not indexed.",
        "GitLab merge requests are not searched.",
        "The GitLab LFS objects are not synced; only the Git history is.",
    ],
)
def test_a_hosts_own_part_denied_leaves_the_host_connected(denial: str, catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Code hosts</h2><ul><li>GitHub Enterprise Server: 1,200 repositories</li>"
        "<li>GitLab Self-Managed: 300 "
        f"repositories</li></ul><p>Total 1,500 repositories.</p><h2>Known issues</h2><p>{denial}</p>",
        catalogue,
    )
    assert sorted(got.get("code_hosts") or []) == ["GitHub Enterprise Server", "GitLab Self-Managed"]
    assert got.get("repositories") == 1500


def test_the_host_itself_denied_is_still_not_connected(catalogue: Catalogue) -> None:
    got = _fields(
        "<p>GitHub Enterprise Server: 1,200 repositories. Perforce depots are not indexed.</p>", catalogue
    )
    assert got.get("code_hosts") == ["GitHub Enterprise Server"]


def test_a_table_of_the_estate_gives_its_hosts_names_only(catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Surrounding systems</h2>"
        + table(
            ("Tool", "Hosting", "Compute", "Data"),
            ("GitLab Self-Managed 17.2", "on-prem", "3 × 16 vCPU / 64 GB", "9,400 projects"),
            ("Jenkins", "on-prem", "1 controller, 20 × 8 vCPU agents", "2 TB"),
            ("Nexus Repository", "on-prem", "2 × 8 vCPU / 32 GB", "40 TB"),
        )
        + "<h2>Sourcegraph</h2><p>Sourcegraph runs on 1 × m6i.4xlarge (16 vCPU, 64 GiB) "
        "with a 1,000 GB volume. "
        "It indexes 1,800 GitLab repositories.</p>",
        catalogue,
    )
    assert _types(got) == ["1×m6i.4xlarge"]
    assert got.get("total_cpu") == 16
    assert got.get("code_hosts") == ["GitLab Self-Managed"]
    assert got.get("repositories") == 1800


def test_an_estate_with_one_code_host_names_it(catalogue: Catalogue) -> None:
    got = _fields(
        table(
            ("Platform", "Team", "Machines", "Holds"),
            ("GitLab Self-Managed", "SCM", "4 VMs, 16 vCPU / 64 GB each", "11,000 projects"),
            ("Jenkins", "Build", "24 × c6i.2xlarge", "builds"),
        )
        + "<p>Sourcegraph indexes 900 GitLab repositories.</p>",
        catalogue,
    )
    assert got.get("code_hosts") == ["GitLab Self-Managed"]
    assert got.get("repositories") == 900


def test_a_table_of_systems_whose_hosts_tell_no_servers_is_no_estate(catalogue: Catalogue) -> None:
    got = _fields(
        table(
            ("System", "Role", "Scope", "Size"),
            ("GitHub Enterprise Server", "code host", "1,200 repositories to index", "300 GB"),
            ("Jenkins", "CI", "builds only", "2 TB"),
            ("Artifactory", "binaries", "not indexed", "40 TB"),
        ),
        catalogue,
    )
    assert got.get("repositories") == 1200


def test_a_code_hosts_table_is_no_estate(catalogue: Catalogue) -> None:
    got = _fields(
        table(
            ("Code host", "Repositories", "Size"),
            ("GitHub Enterprise Server", "1,200", "300 GB"),
            ("GitLab Self-Managed", "400", "100 GB"),
        ),
        catalogue,
    )
    assert got.get("repositories") == 1600


@pytest.mark.parametrize(
    "line",
    [
        "Submitted to the design authority: 4 May 2026",
        "Architecture board decision: 4 May 2026",
        "Questionnaire returned on 4 May 2026.",
        "Security clearance signed off on 4 May 2026.",
    ],
)
def test_a_review_boards_or_questionnaires_date_is_not_the_builds(line: str, catalogue: Catalogue) -> None:
    got = _fields(
        f"<p>{line}</p><p>Production was built between 1 June 2026 and 12 June 2026.</p>", catalogue
    )
    assert got.get("start_date") == "2026-06-01"
    assert got.get("completion_date") == "2026-06-12"


@pytest.mark.parametrize(
    "text",
    [
        "Production went live on 17 July 2026, as scheduled.",
        "Cut-over completed on 17 July 2026, two days later than planned.",
        "The build finished on 17 July 2026 according to plan.",
    ],
)
def test_an_event_done_as_planned_is_done(text: str) -> None:
    assert not is_future(text)


@pytest.mark.parametrize(
    "text", ["Go-live is planned for 17 July 2026.", "Completion is scheduled as planned for 17 July 2026."]
)
def test_a_plan_is_still_a_plan(text: str) -> None:
    assert is_future(text)


def test_a_value_telling_the_builds_range_under_a_label_of_one_date(catalogue: Catalogue) -> None:
    got = _fields(
        table(
            (
                "Handover",
                "Production deployment ran 3 August 2026 – 14 August 2026 (finished as scheduled); "
                "UAT after.",
            )
        ),
        catalogue,
    )
    assert got.get("start_date") == "2026-08-03"
    assert got.get("completion_date") == "2026-08-14"


@pytest.mark.parametrize(
    "sentence",
    [
        "The licence allows up to 6,000 repositories, which we expect to reach within two years.",
        "Our subscription covers at most 6,000 repositories, which growth will hit in 2028.",
        "The licence allows up to 6,000 repositories, which the 18-month forecast exceeds.",
    ],
)
def test_a_limits_relative_clause_saying_when_it_is_reached(sentence: str, catalogue: Catalogue) -> None:
    got = _fields(f"<p>{sentence}</p>", catalogue)
    assert got.get("max_repositories") == 6000


@pytest.mark.parametrize(
    "sentence",
    ["Everything synced takes 640 GB on gitserver.", "What gets cloned comes to about 640 GB."],
)
def test_what_the_deployment_syncs_measures_the_repositories(sentence: str, catalogue: Catalogue) -> None:
    got = _fields(f"<p>We index 1,300 GitHub Enterprise Server repositories. {sentence}</p>", catalogue)
    assert got.get("total_repo_size_gb") == 640


def test_a_provider_type_with_its_total_after_an_equals_sign(catalogue: Catalogue) -> None:
    got = _fields(
        "<p>Compute: 3 × acme-c8m32 = 24 vCPU / 96 GB, from the private cloud catalogue.</p>", catalogue
    )
    assert _types(got) == ["3×acme-c8m32"]
    assert got.get("total_cpu") == 24


def test_a_type_named_bare_beside_its_count_is_the_same_machines(catalogue: Catalogue) -> None:
    got = _fields(
        table(("Servers", "Workers built from flavour tpl-m16 (16 vCPU, 64 GB each): 4 × tpl-m16 in all.")),
        catalogue,
    )
    assert _types(got) == ["4×tpl-m16"]
