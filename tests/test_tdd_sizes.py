"""TDD reader: repository sizes by what a size measures (the clause's subject), and the production
URL among several site addresses."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


@pytest.mark.parametrize(
    "html",
    [  # the repositories take the amount; the disk is only where it sits
        "<p>1,940 repositories. All of them together take about 340 GB of gitserver disk.</p>",
        "<p>The repositories occupy roughly 340 GB of the gitserver volume.</p>",
        "<ul><li>all repos together ≈ 340 GB on gitserver</li></ul>",
        "<p>Our 1,940 repos together come to about 340 GB (on the data disk).</p>",
        table(("Area", "Notes"), ("Code", "We mirror 1,940 repositories; together they use 340 GB of SSD.")),
    ],
)
def test_an_amount_the_repositories_take_is_their_size(catalogue: Catalogue, html: str) -> None:
    got = read(html, catalogue)
    assert got.get("total_repo_size_gb") == ["340 GB"] and "total_disk_gb" not in got


@pytest.mark.parametrize(
    "html",
    [  # a disk the repositories are on, a machine's disk, a pronoun for machines: a disk
        "<p>The repositories are on a 2 TB disk.</p>",
        "<p>Two gitserver nodes; all of them together use 2 TB of disk.</p>",
        "<p>The code is served from three VMs; they take 2 TB of SAN storage.</p>",
    ],
)
def test_a_disk_is_no_repository_size(catalogue: Catalogue, html: str) -> None:
    got = read(html, catalogue)
    assert got.get("total_disk_gb") == ["2 TB"] and "total_repo_size_gb" not in got
