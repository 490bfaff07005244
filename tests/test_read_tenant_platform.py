"""Sourcegraph as one tenant of a shared platform (learnt from blind 81): the repositories' size said
by what cloning them took, and the customer's own virtualisation platform named by its products'
short names. Snippets in, values out; none of these phrasings is the tuning set's."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read


@pytest.mark.parametrize(
    "sentence",
    [
        "About 1.2 TB cloned so far, all of it from GitLab.",
        "The gitserver replicas hold 1.2 TB of data cloned from the two hosts.",
        "Everything together: 1.2 TB cloned.",
    ],
)
def test_a_size_cloned_is_the_repositories_size(sentence: str, catalogue: Catalogue) -> None:
    got = read(f"<h2>Repositories</h2><p>2,400 repositories on GitLab. {sentence}</p>", catalogue)
    assert got.get("total_repo_size_gb") == ["1.2 TB"]


def test_a_disk_the_clones_are_written_to_is_no_repositories_size(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Storage</h2><p>Repositories are cloned to a 2 TB volume on each gitserver.</p>", catalogue
    )
    assert "total_repo_size_gb" not in got


@pytest.mark.parametrize(
    "line",
    [
        "Runs in a TKG guest cluster the infrastructure team manages.",
        "Persistent volumes sit on the vSAN datastore of the Leeds cluster.",
    ],
)
def test_the_virtualisation_platforms_short_names_are_on_premises(line: str, catalogue: Catalogue) -> None:
    got = read(f"<h2>Production</h2><p>{line}</p>", catalogue)
    assert got.get("hosting_provider") == ["on-premises"]
