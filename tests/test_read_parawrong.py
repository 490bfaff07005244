# ruff: noqa: E501
"""The rules added so that past fixes of wrong values reach the same traps written another way
(`tests/test_read_paraphrased_traps.py`): how a section, a table's row or column, a line's value or a
clause's verb puts a figure in a test, a request, a plan, an assumption or the past.

Each rule has a document that must read the production value (or none) and never the trap, and a
twin without the trap's mark that must still read the figure: the rule is about the mark, not the
figure."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.connection import not_connected
from handoff.read.limitwords import is_growth
from handoff.read.monorepolater import names_one
from handoff.read.outaside import left_out_remark
from handoff.read.tdd import html_document, read_document
from handoff.read.testtitle import test_title as is_test_title
from handoff.validate.tdd_view import tdd_fields


def _read(body: str, catalogue: Catalogue) -> dict[str, Any]:
    doc = html_document(f"<html><body><h1>Sourcegraph TDD</h1><h2>Production</h2>{body}</body></html>")
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    out: dict[str, Any] = {}
    for name, fv in view.fields.items():
        value = None if name in view.conflicted else fv.to_json()["value"]
        out[name] = sorted(value) if isinstance(value, list) else value
    return out


def _table(*rows: tuple[str, ...]) -> str:
    return (
        "<table>"
        + "".join("<tr>" + "".join(f"<td><p>{c}</p></td>" for c in r) + "</tr>" for r in rows)
        + "</table>"
    )


# --- a host whose trial ended, a log's headline disconnecting a host (`read.connection`) ---


@pytest.mark.parametrize(
    ("clause", "off"),
    [
        ("We tried Bitbucket Cloud for a week and dropped it.", True),
        ("The team gave up on them after the pilot.", True),
        ("2026-08-04: Bitbucket Cloud disconnected; its repositories moved to GitLab.com", True),
        ("Gerrit decommissioned on 3 May", True),
        ("Bitbucket Server is being decommissioned in 2027 and stays connected until then.", False),
        ("CodeCommit wordt in 2027 decommissioned; tot dan blijft het gekoppeld.", False),
        ("We evaluated connecting Azure DevOps as well but decided against it.", True),
        ("Gerrit was ruled out by the firmware team.", True),
        ("We dropped the archived repositories from the sync.", False),
        ("We decided to connect Gerrit after the review.", False),
        ("GitLab.com: 1,200 projects, all connected.", False),
    ],
)
def test_a_trial_ended_or_a_logged_disconnection_is_not_connected(clause: str, off: bool) -> None:
    assert not_connected(clause) is off


def test_a_host_disconnected_in_a_later_log_is_not_among_the_hosts(
    catalogue: Catalogue, pinned: None
) -> None:
    body = (
        "<p>Code hosts: GitLab.com (1,300 repositories), Gerrit (200), Bitbucket Cloud (90).</p><h3>Operations log</h3>"
        "<ul><li>2026-08-04: Bitbucket Cloud disconnected; its 90 repositories were moved to GitLab.com</li></ul>"
    )
    assert _read(body, catalogue)["code_hosts"] == ["Gerrit", "GitLab.com"]
    kept = "<p>Code hosts: GitLab.com (1,300 repositories), Gerrit (200), Bitbucket Cloud (90).</p>"
    assert _read(kept, catalogue)["code_hosts"] == ["Bitbucket Cloud", "Gerrit", "GitLab.com"]


def test_a_phase_row_whose_number_carries_a_plan_is_not_connected(catalogue: Catalogue, pinned: None) -> None:
    rows = [("Phase", "Code host", "Repositories"), ("1 (live)", "GitHub Enterprise Server", "1,600")]
    got = _read(_table(*rows, ("2 (planned Q1 2027)", "Gerrit", "300")), catalogue)
    assert (got.get("code_hosts"), got.get("repositories")) == (["GitHub Enterprise Server"], 1600)
    got = _read(_table(*rows, ("2 (live)", "Gerrit", "300")), catalogue)
    assert (got.get("code_hosts"), got.get("repositories")) == (["Gerrit", "GitHub Enterprise Server"], 1900)


# --- a label's value that is a sentence of what may come (`read.limitwords`, `read.labelled`) ---


@pytest.mark.parametrize(
    ("text", "growth"),
    [
        ("the sponsor talked about 1,500 users eventually", True),
        ("1,500 users once the magazines group joins", True),
        ("up to 2,000 once the acquired team is onboarded", True),
        ("the index eventually finished on 12 May", False),
        ("once the build was done we handed over", False),
        ("600 users", False),
    ],
)
def test_eventually_and_once_a_group_joins_tell_of_growth(text: str, growth: bool) -> None:
    assert is_growth(text) is growth


def test_a_labels_sentence_of_growth_is_no_limit(catalogue: Catalogue, pinned: None) -> None:
    body = "<p>Users: the sponsor talked about 1,500 users eventually, once the magazines group is in.</p><p>Licence: 600 users.</p>"
    assert _read(body, catalogue).get("max_users") == 600
    alone = "<p>Users: the sponsor talked about 1,500 users eventually, once the magazines group is in.</p>"
    assert _read(alone, catalogue).get("max_users") is None
    figure_first = "<p>Users: 1,500</p>"
    assert _read(figure_first, catalogue).get("max_users") == 1500


# --- a test's verdict as a line's value (`read.labelled`) ---


def test_a_line_whose_value_is_a_verdict_gives_the_tests_figures_to_nobody(
    catalogue: Catalogue, pinned: None
) -> None:
    body = "<ul><li>CT-07 search across 150 GitLab projects: passed</li><li>CT-14 150 simultaneous users: failed</li></ul>"
    got = _read(body, catalogue)
    assert got.get("repositories") is None and got.get("max_concurrent_users") is None
    assert _read("<ul><li>GitLab.com: 150 projects</li></ul>", catalogue).get("repositories") == 150


# --- a load test's title (`read.testtitle`) ---


@pytest.mark.parametrize(
    ("title", "load"),
    [
        ("Load test", True),
        ("5.2 Performance test results", True),
        ("Soak testing", True),
        ("Acceptance tests", False),  # (checks the deployment itself: an OAT script's `Actual` column)
        ("2. Test cases", False),
        ("Load test and go-live", False),
        ("Production", False),
    ],
)
def test_only_a_title_wholly_about_a_load_test_is_the_tests(title: str, load: bool) -> None:
    assert is_test_title(title) is load


def test_the_figures_under_a_load_test_title_are_the_tests(catalogue: Catalogue, pinned: None) -> None:
    body = "<p>Licence: 800 users.</p><h3>Load test</h3><p>Concurrent users: 400</p>"
    assert _read(body, catalogue).get("max_concurrent_users") is None
    kept = "<p>Licence: 800 users.</p><h3>Limits</h3><p>Concurrent users: 400</p>"
    assert _read(kept, catalogue).get("max_concurrent_users") == 400


# --- a column of what was granted beside one of what was asked for (`read.rowtables`) ---


@pytest.mark.parametrize("asked", ["Requested", "Planned"])
def test_the_granted_column_holds_the_values(catalogue: Catalogue, pinned: None, asked: str) -> None:
    body = _table(
        ("Item", asked, "Approved and built"), ("vCPU", "16", "32"), ("Memory", "64 GiB", "128 GiB")
    )
    got = _read(body, catalogue)
    assert (got.get("total_cpu"), got.get("total_memory_gb")) == (32, 128)


# --- a machine table's row remarked as left out (`read.outaside`, `read.headertables`) ---


@pytest.mark.parametrize(
    ("cell", "out"),
    [
        ("AKS add-ons only (not ours, not counted)", True),
        ("excluded from the totals", True),
        ("not Sourcegraph's", True),
        ("all Sourcegraph services", False),
        ("2 nodes excluded", False),  # (a figure: a value, not a remark)
    ],
)
def test_a_remark_leaving_its_row_out(cell: str, out: bool) -> None:
    assert left_out_remark(cell) is out


def test_a_pool_row_remarked_not_counted_is_no_machine(catalogue: Catalogue, pinned: None) -> None:
    rows = [
        ("Node pool", "VM size", "Nodes", "Runs"),
        ("sgpool", "Standard_E16s_v5", "3", "all Sourcegraph services"),
    ]
    system = ("system", "Standard_D2s_v5", "2", "AKS add-ons only (not ours, not counted)")
    # (the remark's denials once hid the row's system-pool role: it was counted)
    assert _read(_table(*rows, system), catalogue).get("instance_types") == ["3 × Standard_E16s_v5"]


# --- an assumed estate is no count (`read.premises`, `read.precedence`) ---


def test_an_assumed_repository_size_alone_is_no_size(catalogue: Catalogue, pinned: None) -> None:
    body = "<h3>Assumptions</h3><p>AS-2: the technical volume assumed up to 5,000 repositories and 1 TB of repository data.</p>"
    got = _read(body, catalogue)
    assert got.get("total_repo_size_gb") is None and got.get("repositories") is None
    said = "<p>The repositories take 1 TB of repository data.</p>"
    assert _read(said, catalogue).get("total_repo_size_gb") == 1000


# --- a later passage naming a monorepo that joined (`read.monorepolater`) ---


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("2026-10-29: GitHub.com connected, 265 repositories including the actuarial-models monorepo.", True),
        ("Added the new monorepo core-platform in March.", True),
        ("No monorepos.", False),
        ("If a monorepo were added it would need more disk.", False),
        ("The old monorepo was split into 40 repositories.", False),
        ("The largest repository is not a monorepo.", False),
    ],
)
def test_a_monorepo_named_joining(text: str, named: bool) -> None:
    assert names_one(text) is named


def test_no_monorepos_gives_way_to_a_later_one_connected(catalogue: Catalogue, pinned: None) -> None:
    body = (
        "<h3>Code hosts</h3><p>Azure DevOps: 1,720 repositories. No monorepos.</p><h3>Change log</h3>"
        "<ul><li>2026-10-29: GitHub.com organisation connected, 265 repositories including the actuarial-models "
        "monorepo.</li></ul>"
    )
    assert _read(body, catalogue).get("monorepos") != 0
    alone = "<h3>Code hosts</h3><p>Azure DevOps: 1,720 repositories. No monorepos.</p>"
    assert _read(alone, catalogue).get("monorepos") == 0
