"""Counts read by the polarity of their clause and by their notation: "none is a monorepo" is a count
of 0, "core-api is not a monorepo" no count at all, "three thousand (3,000) users" one figure.
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


@pytest.mark.parametrize(
    "html",
    [
        "<p>In total 1,490 repositories are indexed, of which none is a monorepo.</p>",
        "<p>Not one of the 1,490 repositories is a monorepo.</p>",
        "<p>Neither code host holds a monorepo; the largest repository is 1.9 GB.</p>",
        "<ul><li>Repository facts<ul><li>We don't have any monorepos.</li></ul></li></ul>",
        "<p>Monorepo check: there isn't a monorepo anywhere in the estate.</p>",
        table(("Fact", "Value"), ("Repositories", "640"), ("Shape", "No repository qualifies as a monorepo")),
        "<h3>Monorepos?</h3><p>None. See the next answer for the biggest repository.</p>",
        "<p><b>Do you have any monorepos?</b></p><p>No — the biggest repository is 2 GB.</p>",
    ],
)
def test_a_clause_that_quantifies_monorepos_away_counts_none(catalogue: Catalogue, html: str) -> None:
    assert read(html, catalogue).get("monorepos") == ["0"]


@pytest.mark.parametrize(
    "html",
    [
        "<p>The largest repository, core-api (4 GB), is not a monorepo.</p>",
        "<ul><li>core-api isn't a monorepo, just old.</li></ul>",
    ],
)
def test_one_thing_said_not_to_be_a_monorepo_counts_nothing(catalogue: Catalogue, html: str) -> None:
    assert "monorepos" not in read(html, catalogue)


@pytest.mark.parametrize(
    "html",
    [
        "<p>No issues were seen while indexing the monorepo.</p>",
        "<p>Two of the repositories are monorepos; no other repository is over 1 GB.</p>",
    ],
)
def test_a_negative_word_elsewhere_in_the_sentence_leaves_the_count(catalogue: Catalogue, html: str) -> None:
    got = read(html, catalogue).get("monorepos")
    assert got and "0" not in got


@pytest.mark.parametrize(
    ("html", "field", "want"),
    [
        ("<h2>Subscription</h2><p>Customer may permit up to three thousand (3,000) Authorised Users.</p>",
         "max_users", "3000"),
        ("<p>The instance is dimensioned to serve up to four hundred and fifty (450) concurrent users and up "
         "to eight thousand (8,000) repositories.</p>", "max_repositories", "8000"),
        ("<p>The instance is dimensioned to serve up to four hundred and fifty (450) concurrent users and up "
         "to eight thousand (8,000) repositories.</p>", "max_concurrent_users", "450"),
        ("<ul><li>Licence: 1,500 (one thousand five hundred) developers</li></ul>", "max_users", "1500"),
        ("<p>Of the repositories, 2 (two) are monorepos.</p>", "monorepos", "2"),
    ],
)  # fmt: skip
def test_a_figure_written_in_words_and_in_digits_is_one_figure(
    catalogue: Catalogue, html: str, field: str, want: str
) -> None:
    got = read(html, catalogue)
    assert got.get(field) == [want]
    assert "8000" not in got.get("max_users", [])


@pytest.mark.parametrize(
    ("html", "want"),
    [
        ("<p>Two of the 2,600 repositories are monorepos (policy-admin and the models repository).</p>", "2"),
        ("<ul><li>Three of our 1,200 repos are monorepos.</li></ul>", "3"),
        ("<p>Out of these only one is a monorepo, the vehicle-platform repository.</p>", "1"),
        (
            table(("Check", "Observed"), ("Largest repository (policy-engine, our one monorepo)", "7.4 GB")),
            "1",
        ),
        ("<p>Repositories (incl. two monorepos): 1,400</p>", "2"),
        ("<p>4.1.3 Of the repositories in clause 4.1.1, two (2) are monorepos.</p>", "2"),
    ],
)
def test_a_part_of_the_repositories_said_to_be_monorepos_counts_them(
    catalogue: Catalogue, html: str, want: str
) -> None:
    assert read(html, catalogue).get("monorepos") == [want]


@pytest.mark.parametrize(
    "html",
    [
        "<p>Out of these only one is a monorepo, the vehicle-platform repository, which has 185,000 commits "
        "and whose .git folder is 6.8 GB; this is also the largest repository. The full set of repositories "
        "takes 740 GB on the gitserver disks.</p>",
        "<p>Code: 1,120 repositories, 640 GB on the data disk. engine-core (6.8 GB) is the only monorepo and "
        "drives the heavy scenario.</p>",
        "<ul><li>Exactly one of them is a monorepo: the platform repository, at 6.8 GB.</li></ul>",
    ],
)
def test_the_size_of_the_deployments_one_monorepo_is_the_largest(catalogue: Catalogue, html: str) -> None:
    assert read(html, catalogue).get("largest_repo_mb") == ["6.8 GB"]
