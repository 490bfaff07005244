"""TDD reader: a size with three digits after a dot (`2.000 GB`, `1.250 GB`), read by the document's
habit and, where it shows none, by the figure's shape and its noun (`read/notation.py`, `_dotted`).

A document whose dots group thousands or whose commas are decimal marks reads `1.250 GB` as 1,250 GB;
one that writes decimal dots before units (`64.5 GB`, `2.5 TB`) reads it as 1.25 GB. In a document
of neither habit (its thousands grouped with commas, or none): two trailing zeros (`2.000`, `1.500`)
make it a thousands figure (no writer pads a decimal so), and so does a disk's size in GB (a
deployment's disk of 1.25 GB is implausible); a repository's `1.250 GB` stays a decimal.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.notation import notation
from tddview import settled

HEAD = "<h2>Production</h2><p>Kubernetes with Helm on EKS.</p>"


def _fields(body: str, catalogue: Catalogue) -> dict[str, Any]:
    return settled(HEAD + body, catalogue)


@pytest.mark.parametrize(
    ("body", "disk"),
    [
        # no dot habit: trailing zeros, or a disk's GB, are thousands
        ("<p>Disk: 2.000 GB</p><p>Repositories: 1,200</p>", 2000),
        ("<p>Total storage: 1.500 GiB across the volumes.</p><p>We index 3,400 repositories.</p>", 1500),
        ("<p>Disk: 1.250 GB</p><p>Repositories: 1,200</p>", 1250),
        ("<p>The persistent volumes add up to 2.400 GB.</p><p>Users: 1,800</p>", 2400),
        # dots group thousands elsewhere, or commas are decimal marks: thousands
        ("<p>Disk: 1.250 GB</p><p>Repositories: 1.200</p>", 1250),
        ("<p>Disk: 1.250 GB</p><p>Memory: 64,5 GB</p>", 1250),
        # decimal dots before units elsewhere: a decimal, as written
        ("<p>Disk: 2.000 GB</p><p>Memory: 64.5 GB</p>", 2),
    ],
)
def test_a_dotted_disk_by_the_documents_habit(body: str, disk: float, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("total_disk_gb") == disk


def test_a_repositorys_dotted_size_stays_a_decimal(catalogue: Catalogue) -> None:
    got = _fields("<p>Largest repository: 1.250 GB</p><p>Repositories: 1,200</p>", catalogue)
    assert got.get("largest_repo_mb") == 1250  # 1.25 GB in MB
    got = _fields("<p>Largest repository: 1.500 MB</p><p>Repositories: 1,200</p>", catalogue)
    assert got.get("largest_repo_mb") == 1500  # trailing zeros: 1,500 MB


def test_the_habit_is_the_documents() -> None:
    assert notation("Disk: 2.000 GB. Repositories: 1,200").dotted
    assert not notation("Disk: 2.000 GB. Memory: 64.5 GB").dotted  # decimal dots
    assert not notation("Disk: 2.000 TB. Repositories: 1,200").dotted  # (2,000 TB is nobody's)
    assert notation("Disk: 2.000 GB. Repositories: 1,200").rewrite("Disk: 2.000 GB") == "Disk: 2,000 GB"
    assert notation("Disk: 2.000 GB. Repositories: 1,200").rewrite("Repo: 1.250 GB") == "Repo: 1.250 GB"
