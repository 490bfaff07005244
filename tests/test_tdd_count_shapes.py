"""TDD reader, what a count and a host's name look like.

A date or a span of time is never a count, whatever its label ("Report date", "Time to make a new
repository searchable"); a label that means no field takes the repository count its value opens
with ("Estate: about 2,450 repositories, …"); a monorepo count may sit inside brackets or be said
of repositories ("Two repositories count as monorepos"); a code host's name before one of its
tools ("a GitHub App", "GitHub Actions") names the tool, not a host.
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


def test_a_date_or_a_span_of_time_is_no_repository_count(catalogue: Catalogue) -> None:
    html = table(
        ("Report date", "12 May 2026"),
        ("Review period", "1/4/2026 – 3/31/2026"),
        ("Time to make a new repository searchable", "2 working days"),
    )
    assert "repositories" not in read(html, catalogue)


def test_a_label_meaning_no_field_takes_the_repository_count_its_value_opens_with(
    catalogue: Catalogue,
) -> None:
    got = read(
        "<p>Content: ~3.2k repositories, one monorepo (billing), about 640 GB of git data</p>", catalogue
    )
    assert got["repositories"] == ["3200"]
    assert got["monorepos"] == ["1"]


def test_a_monorepo_count_in_brackets_or_said_of_repositories_is_read(catalogue: Catalogue) -> None:
    inside = "<p>We index Perforce Helix Core (50 depots, including the two monorepos engine and art).</p>"
    said = "<p>Two repositories count as monorepos: //trading-core and payments/platform.</p>"
    assert read(inside, catalogue)["monorepos"] == ["2"]
    assert read(said, catalogue)["monorepos"] == ["2"]


def test_a_hosts_tool_names_no_host(catalogue: Catalogue) -> None:
    html = (
        "<p>Sourcegraph indexes 1,900 repositories from GitHub Enterprise Server through a GitHub App. "
        "Builds run on GitHub Actions.</p>"
    )
    assert read(html, catalogue)["code_hosts"] == ["GitHub Enterprise Server"]
