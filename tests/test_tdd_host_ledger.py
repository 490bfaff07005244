"""TDD reader, what the whole document says of each code host (`read/hostledger.py`).

The last statement about a host decides whether it is connected, across paragraphs: a later denial
withdraws an earlier mention, a later count brings a host back; a reply "not connecting it" answers
the question above it. The hosts whose counts make up the repository count taken are connected,
named in a list or not; a count equal to the run of per-host counts right before it is their total,
and of two stated counts the one the parts add up to is the count.
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import connection
from tdd_snippets import read, table


@pytest.mark.parametrize(
    "later",
    [
        "<p>Bitbucket Cloud was in the announcement, but the repos the agency keeps there "
        "are not connected.</p>",
        "<ul><li>Bitbucket Cloud — out of scope (agency workspace).</li></ul>",
        table(("Host", "Status"), ("Bitbucket Cloud", "excluded from code search")),
        "<h2>Notes</h2><p>We don't index Bitbucket Cloud: the workspace is the agency's.</p>",
    ],
)
def test_a_later_denial_withdraws_a_host_named_paragraphs_before(catalogue: Catalogue, later: str) -> None:
    html = (
        "<p>Code search indexes every repository across GitHub Enterprise Server, GitLab "
        "and Bitbucket Cloud.</p>"
        "<p>The platform team owns the rollout.</p>" + later
    )
    assert read(html, catalogue)["code_hosts"] == ["GitHub Enterprise Server, GitLab.com"]


def test_a_later_count_brings_a_denied_host_back(catalogue: Catalogue) -> None:
    html = (
        "<p>Phase 1: Azure DevOps is not connected yet.</p>"
        "<p>Phase 2 (done):</p><ul><li>GitHub Enterprise Server — 900 repos</li>"
        "<li>Azure DevOps — 300 repos</li></ul>"
    )
    assert read(html, catalogue)["code_hosts"] == ["GitHub Enterprise Server, Azure DevOps"]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("Priya 17:52 what about the agency's Bitbucket Cloud workspace? they have ~90 repos",
         "Dev 18:05 not connecting it: access-restricted, out of scope for now."),
        ("Q: Is Bitbucket Cloud searchable too?", "A: No, we did not connect it."),
    ],
)  # fmt: skip
def test_a_reply_under_a_question_denies_the_host_it_asks_about(
    catalogue: Catalogue, question: str, reply: str
) -> None:
    html = f"<p>Indexing 1,330 repos from Azure DevOps.</p><p>{question}</p><p>{reply}</p>"
    assert read(html, catalogue)["code_hosts"] == ["Azure DevOps"]


def test_a_denial_with_no_question_before_it_speaks_of_nothing_named_earlier(catalogue: Catalogue) -> None:
    html = (
        "<p>Indexing 1,330 repos from Azure DevOps and Bitbucket Cloud.</p>"
        "<p>Not connecting it yet: the wiki.</p>"
    )
    assert read(html, catalogue)["code_hosts"] == ["Azure DevOps, Bitbucket Cloud"]


@pytest.mark.parametrize(
    "passing",
    [
        "<p>Bitbucket Server: not connected, its last projects moved to Azure DevOps in 2025.</p>",
        "<p>The actuarial models on the legacy Azure DevOps collection are not connected "
        "and stay excluded.</p>",
        "<p>Is Bitbucket indexed? No. The old Bitbucket Cloud workspace was migrated to Azure DevOps.</p>",
    ],
)
def test_a_host_named_in_passing_in_a_denial_is_not_denied(catalogue: Catalogue, passing: str) -> None:
    html = "<p>Code hosts: GitHub.com and Azure DevOps, 1,690 repositories in all.</p>" + passing
    assert read(html, catalogue)["code_hosts"] == ["GitHub.com, Azure DevOps"]


@pytest.mark.parametrize(
    "html",
    [
        "<p>Repositories on gitserver: 2,870</p><p>GitHub Enterprise Server: 2,610</p>"
        "<p>Bitbucket Data Center: 260</p>",
        "<p>The deploy repo is on GitLab.</p><p>Searched today:</p>"
        "<ul><li>GitHub Enterprise Server — 2,610 repos</li>"
        "<li>Bitbucket Data Center (legacy team) — 260 repos</li></ul>",
    ],
)
def test_the_hosts_whose_counts_make_up_the_count_are_connected(catalogue: Catalogue, html: str) -> None:
    got = read(html, catalogue)
    assert got["repositories"] == ["2870"]
    assert "GitHub Enterprise Server" in got["code_hosts"][0]
    assert "Bitbucket Server / Data Center" in got["code_hosts"][0]


@pytest.mark.parametrize(
    "total",
    ["→ 1,430 repos in production", "= 1,430 repos live", "1,430 repositories searchable from day one."],
)
def test_a_count_after_the_per_host_counts_that_is_their_sum_is_the_total(
    catalogue: Catalogue, total: str
) -> None:
    html = (
        "<ul><li>GitLab.com (Data Science group) — ~75 repos, waiting for a token</li>"
        "<li>GitHub.com (org acme) — 1,120 repos</li>"
        f"<li>Bitbucket Server (bitbucket.acme.io) — 310 repos</li></ul><p>{total}</p>"
    )
    assert read(html, catalogue)["repositories"] == ["1430"]


def test_of_two_stated_counts_the_one_the_parts_add_up_to_is_the_count(catalogue: Catalogue) -> None:
    html = (
        "<p>Code search indexes more than 4,000 repositories across GitHub Enterprise and GitLab.</p>"
        "<p>We index 3,180 repositories today.</p><ul><li>GitHub Enterprise Server: 2,730 repositories</li>"
        "<li>GitLab: 450 repositories</li></ul>"
    )
    assert read(html, catalogue)["repositories"] == ["3180"]


@pytest.mark.parametrize(
    "clause",
    ["we don't index those", "it isn’t connected", "they won't be added", "we do not index those"],
)
def test_a_contraction_denies_as_the_full_words_do(clause: str) -> None:
    assert connection.not_connected(clause)


@pytest.mark.parametrize(
    "html",
    [
        "<p>Code indexed: 1,140 repositories from Azure DevOps and 85 from the self-managed GitLab — "
        "1,225 repositories.</p>",
        "<p>Indexed today 1,140 repos in Azure DevOps, 85 repos in self-managed GitLab; 1,225 repos.</p>",
        "<ul><li>What we search: 1,140 Azure DevOps repositories plus 85 on GitLab Self-Managed "
        "(1,225 repositories)</li></ul>",
    ],
)
def test_the_number_the_hosts_counts_add_up_to_is_the_total_whatever_the_nouns(
    catalogue: Catalogue, html: str
) -> None:
    assert read(html, catalogue)["repositories"] == ["1225"]


@pytest.mark.parametrize(
    "rows",
    [
        (("Repositories on gitserver", "2,870"), ("— from GitHub Enterprise Server", "2,610"),
         ("— from Bitbucket Data Center", "260"), ("Git data on disk", "1.9 TB")),
        (("Repositories", "2,870"), ("of which GitHub Enterprise Server", "2,610"),
         ("of which Bitbucket Data Center", "260"), ("Largest repository", "7.4 GB")),
        (("Repos total", "2,870"), ("thereof GHES", "2,610"), ("thereof BBDC", "260")),
    ],
)  # fmt: skip
def test_a_breakdown_row_naming_a_host_counts_that_hosts_repositories(
    catalogue: Catalogue, rows: tuple[tuple[str, str], ...]
) -> None:
    got = read(table(("Check", "Observed"), *rows), catalogue)
    assert got["repositories"] == ["2870"]
    assert got["code_hosts"] == ["GitHub Enterprise Server, Bitbucket Server / Data Center"]


@pytest.mark.parametrize(
    "line",
    ["☑ p4 conn — 36 depots", "p4: 36 depots synced", "- tfs coll. archive → 36 repos"],
)
def test_a_short_name_in_lower_case_counts_where_the_document_writes_names_so(
    catalogue: Catalogue, line: str
) -> None:
    html = f"<p>☑ ghes conn — 1,204 repos</p><p>{line}</p><p>☑ git data ~300 GB</p>"
    got = read(html, catalogue)
    assert got["repositories"] == ["1240"]
    assert "Other Git" not in got["code_hosts"][0]
    assert len(got["code_hosts"][0].split(", ")) == 2


def test_a_short_name_in_lower_case_is_no_name_in_a_document_that_capitalises_names(
    catalogue: Catalogue,
) -> None:
    got = read("<p>GitHub Enterprise Server conn — 1,204 repos</p><p>p4 conn — 36 depots</p>", catalogue)
    assert got["code_hosts"] == ["GitHub Enterprise Server"]


@pytest.mark.parametrize(
    ("declared", "row"),
    [
        ("NPD zone (non-production) — cluster gke-npd, used for upgrade tests.", "NPD"),
        ("QAX cluster (staging): one small node for tests.", "QAX"),
        ("DRS site (disaster recovery), kept cold.", "DRS"),
    ],
)
def test_a_code_with_its_kind_of_place_and_meaning_in_brackets_names_that_environment(
    catalogue: Catalogue, declared: str, row: str
) -> None:
    html = f"<p>PRD zone — the cluster developers use.</p><p>{declared}</p>" + table(
        ("#", "Zone", "Destination", "Justification"),
        ("R1", "PRD", "GitHub Enterprise Server", "gitserver clones ~2,350 repositories"),
        ("R2", "PRD", "gitlab.com (GitLab.com)", "partner group, 410 repositories"),
        ("R3", row, "GitHub Enterprise Server", "tests only, sample of ~150 repos"),
    )
    assert read(html, catalogue)["repositories"] == ["2760"]


@pytest.mark.parametrize(
    ("header", "no"),
    [("Geïndexeerd", "Nee, buiten scope"), ("Indexed?", "No — public mirrors only"), ("Connected", "✘")],
)
def test_a_row_answering_no_to_whether_it_is_searched_is_not_connected(
    catalogue: Catalogue, header: str, no: str
) -> None:
    yes = {"Geïndexeerd": "Ja", "Indexed?": "Yes", "Connected": "✔"}[header]
    html = table(
        ("Code host", "Repositories", header),
        ("GitLab Self-Managed", "1,420", yes),
        ("Azure DevOps", "380", yes),
        ("GitHub.com", "–", no),
    )
    assert read(html, catalogue)["code_hosts"] == ["GitLab Self-Managed, Azure DevOps"]


def test_a_yes_no_column_about_something_else_leaves_the_hosts_alone(catalogue: Catalogue) -> None:
    html = table(("Code host", "Repositories", "Monorepo?"), ("GitLab Self-Managed", "1,420", "Yes"),
                 ("Azure DevOps", "380", "No"))  # fmt: skip
    assert read(html, catalogue)["code_hosts"] == ["GitLab Self-Managed, Azure DevOps"]


@pytest.mark.parametrize(
    "term",
    [
        "<p>English terms (node pool, ingress, monorepo, code host) are kept untranslated.</p>",
        "<p>Glossary: gitserver; monorepo; zoekt.</p>",
    ],
)
def test_the_word_monorepo_in_a_list_of_terms_names_none(catalogue: Catalogue, term: str) -> None:
    html = term + "<p>Of the 1,800 repositories, basisregistraties is the one monorepo.</p>"
    assert read(html, catalogue)["monorepos"] == ["1"]


@pytest.mark.parametrize(
    ("clause", "denies"),
    [
        ("No — public code, search it on github.com", True),
        ("Nee, buiten scope", True),
        ("No. The mirrors are public.", True),
        ("No other monorepos", False),
        ("Notes: 40 repositories", False),
    ],
)
def test_an_answer_opening_with_a_bare_no_denies(clause: str, denies: bool) -> None:
    assert connection.not_connected(clause) is denies


@pytest.mark.parametrize(
    "parent",
    [
        "Sources: Bitbucket Data Center (2,300 repositories) and the old Gitolite server (150 repositories) "
        "— 2,450 repos; archived repositories were not carried over",
        "Code: 2,450 repositories from Bitbucket Data Center and the legacy Gitolite box, 2,450 in all",
        "Indexed: 2,450 repos — the retired SVN history was left behind",
    ],
)
def test_a_sentence_in_a_parent_bullet_places_its_children_only_by_its_label(
    catalogue: Catalogue, parent: str
) -> None:
    html = (
        f"<ul class='lst-kix_a-0 start'><li>{parent}</li></ul>"
        "<ul class='lst-kix_a-1 start'><li>1 monorepo: wms-core, 5.6 GB, the largest</li>"
        "<li>about 640 GB of git data in total</li></ul>"
    )
    got = read(html, catalogue)
    assert got["monorepos"] == ["1"]
    assert got["total_repo_size_gb"] == ["640 GB"]


def test_a_short_parent_bullet_still_names_the_environment_of_its_children(catalogue: Catalogue) -> None:
    html = (
        "<ul class='lst-kix_a-0 start'><li>Staging cluster — the old test nodes</li></ul>"
        "<ul class='lst-kix_a-1 start'><li>Repositories: 150</li></ul>"
        "<ul class='lst-kix_a-0'><li>Environment: production</li></ul>"
        "<ul class='lst-kix_a-1 start'><li>Repositories: 2,450</li></ul>"
    )
    assert read(html, catalogue)["repositories"] == ["2450"]


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li>Code hosts<ul><li>GitLab Self-Managed<ul><li>1,720 projects</li></ul></li><li>GitHub.com"
        "<ul><li>looked at for the open-source forks</li><li>not connected; decision 2026-06-02</li></ul>"
        "</li></ul></li></ul>",
        "<h3>Sources</h3><ul><li>GitLab Self-Managed: 1,720 repositories</li><li>GitHub.com<ul>"
        "<li>the forks team asked for it</li><li>never indexed — the organisation is public anyway</li>"
        "</ul></li></ul>",
        "<ol><li>GitLab Self-Managed<ol><li>1,720 repositories, all indexed</li></ol></li><li>GitHub.com<ol>"
        "<li>evaluated in June</li><li>Not synced: no business need.</li></ol></li></ol>",
    ],
)
def test_a_child_item_denying_with_no_subject_speaks_of_the_host_its_parent_names(
    catalogue: Catalogue, html: str
) -> None:
    assert read(html, catalogue)["code_hosts"] == ["GitLab Self-Managed"]
