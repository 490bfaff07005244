"""TDD reader: repository sizes by what a size measures (the clause's subject), and the production
URL among several site addresses."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import shapes
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


@pytest.mark.parametrize(
    "html",
    [  # the clause after a semicolon goes on in the environment the clause before ended in
        "<p>The acceptance copy holds 300 repositories; its repos together come to about 70 GB.</p>",
        "<p>Staging: one VM with 8 vCPU; it has 32 GB of RAM.</p>",
        "<ul><li>Our test box runs 8 vCPU; 500 GB disk on it</li></ul>",
    ],
)
def test_a_clause_after_a_semicolon_keeps_the_environment_before(catalogue: Catalogue, html: str) -> None:
    assert read(html, catalogue) == {}


def test_a_clause_naming_its_own_environment_is_in_that_one(catalogue: Catalogue) -> None:
    html = "<p>The staging copy has 8 vCPU; production has 48 vCPU.</p>"
    assert read(html, catalogue) == {"total_cpu": ["48"]}


@pytest.mark.parametrize(
    "html",
    [  # a condition's outcome is no current figure, whichever comes first
        "<p>If the Gdansk office joins, the repositories would take about 650 GB.</p>",
        "<p>The repositories would take about 650 GB if the Gdansk office joined.</p>",
        "<ul><li>if we add Gdansk: repos would need 650 GB</li></ul>",
    ],
)
def test_a_conditions_outcome_is_no_figure(catalogue: Catalogue, html: str) -> None:
    assert "total_repo_size_gb" not in read(html, catalogue)


@pytest.mark.parametrize(
    "html",
    [  # a size said to be a total with no noun, right after a count of the repositories
        "<p>We index 1,915 repositories, 180 GB in total.</p>",
        "<ul><li>Repos: GitLab 1,800 and Gerrit 115 repositories; altogether 180 GB</li></ul>",
        table(("What", "Figure"), ("Mirrored", "1,915 repositories, 180 GB overall")),
    ],
)
def test_a_bare_total_after_the_repositories_is_their_size(catalogue: Catalogue, html: str) -> None:
    got = read(html, catalogue)
    assert got.get("total_repo_size_gb") == ["180 GB"] and got.get("repositories") != ["180"]


def test_a_size_grouped_in_lakhs_is_one_number() -> None:
    assert [m.value for m in shapes.sizes("1,96,600 MiB in total, 18,00,000 MB of gp3")] == [
        "196600 MiB",
        "1800000 MB",
    ]
    assert [m.value for m in shapes.sizes("1,234 GB and 1,5 GB")] == ["1234 GB", "1.5 GB"]


def test_a_size_in_mib_that_is_whole_gib_is_read_in_gib() -> None:
    assert [m.value for m in shapes.sizes("131,072 MiB of memory, 1,96,608 MiB, 1,500 MiB")] == [
        "128 GiB",
        "192 GiB",
        "1500 MiB",
    ]


@pytest.mark.parametrize(
    ("before", "count"),
    [
        ("gitserver 4 × ", 4),
        ("2x ", 2),
        ("3 * ", 3),
        ("zoekt: 4 replicas × ", 4),
        ("2 PVCs of ", 2),
        ("six volumes, 3 disks of ", 3),
        ("gitserver ", None),  # no count
        ("version 1.3 × ", None),  # a figure inside a longer number
        ("ticket 12345 x ", None),
    ],
)
def test_size_count_reads_the_count_written_before_a_size(before: str, count: int | None) -> None:
    m = shapes.size_count(before)
    assert (int(m.group(1)) if m else None) == count
