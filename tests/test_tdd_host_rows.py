"""TDD reader, a table row as one statement about the code host it names.

A row's status, reason or note speaks of the row's host ("Withdrawn", "Descoped; stays out of code
search", "Not used by Code Search"), whatever column it is in, unless it has a subject of its own
("archived repos excluded"); a row whose one name cell is a code host is about that host, so a
count in its other cells ("Source of 960 repositories", "Main code host: 1,150 repositories") is
that host's part.
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


def test_a_status_or_reason_in_any_cell_of_a_host_row_says_it_is_not_connected(catalogue: Catalogue) -> None:
    html = table(
        ("Depends on", "Used for", "Status"),
        ("GitLab Self-Managed (git.example.dev)", "Source of 960 repositories", "Met"),
        ("GitHub.com (org example-oss)", "Public SDKs. Not used by code search.", "Met"),
        ("Perforce (p4.example.dev)", "Game assets", "Withdrawn: moved into GitLab in 2025"),
        ("Bitbucket Cloud (workspace apps)", "Source of 240 repositories", "Met"),
    )
    got = read(html, catalogue)
    assert got["code_hosts"] == ["GitLab Self-Managed, Bitbucket Cloud"]
    assert got["repositories"] == ["1200"]


def test_a_note_with_a_subject_of_its_own_leaves_the_host_connected(catalogue: Catalogue) -> None:
    html = table(
        ("Code host", "Repositories", "Notes"),
        ("GitHub Enterprise Server", "2,340", "org-wide, archived repos excluded"),
        ("GitLab.com", "350", "ml-models is a monorepo (9 GB with LFS excluded)"),
    )
    got = read(html, catalogue)
    assert got["code_hosts"] == ["GitHub Enterprise Server, GitLab.com"]
    assert got["repositories"] == ["2690"]


def test_a_row_of_a_table_naming_no_field_is_about_the_host_in_its_name_cell(catalogue: Catalogue) -> None:
    html = table(
        ("#", "Box", "What it is"),
        ("⑧", "Bitbucket Data Center (bitbucket.corp.local)", "Main code host: 1,150 repositories."),
        ("⑨", "GitLab self-managed (gitlab.corp.local)", "Research groups: 260 repositories."),
        ("⑩", "GitHub.com (dashed box)", "The open-source org. Dashed because it is NOT connected."),
    )
    got = read(html, catalogue)
    assert got["code_hosts"] == ["Bitbucket Server / Data Center, GitLab Self-Managed"]
    assert got["repositories"] == ["1410"]


def test_a_task_row_descoped_or_not_started_names_no_connected_host(catalogue: Catalogue) -> None:
    html = table(
        ("ID", "Task Name", "Duration", "Notes"),
        ("9", "Connect GitLab Self-Managed (1,820 repos)", "3 days", "gitlab.corp.local"),
        ("10", "Connect Gerrit (firmware)", "0 days", "Descoped 8/17; Gerrit stays out of code search"),
        ("11", "Phase 2: Perforce + 500 repos", "25 days", "Not started; separate budget"),
    )
    got = read(html, catalogue)
    assert got["code_hosts"] == ["GitLab Self-Managed"]
    assert "2320" not in got.get("repositories", [])
