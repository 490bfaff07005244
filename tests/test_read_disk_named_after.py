"""TDD reader: volumes listed size first, each naming its component after it.

"2 TB for gitserver, 400 GB for zoekt (indexed search) and 100 GB for the databases" lists the
production volumes as a volume table lists them one a row: their sum is the disk (2,500 GB), as a
table `Volume | Size` gives it, a count of volumes before a size multiplying it. Under a label
(`read/parts.py`, `_named_after_total`) each item must be a size and the component it is for (never
an environment, memory or a rate); in prose (`read/diskparts.py`) each size must be followed by its
own words, no other size standing among them and none of them one machine's or replica's.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.parts import named_parts_total
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

HEAD = "<h2>Production</h2><p>Kubernetes with Helm on EKS.</p>"


def _disk(body: str, catalogue: Catalogue) -> Any:
    doc = html_document(f"<html><body>{HEAD}{body}</body></html>")
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    fv = view.fields.get("total_disk_gb")
    return None if fv is None or "total_disk_gb" in view.conflicted else fv.to_json()["value"]


def _table(*rows: tuple[str, str]) -> str:
    return (
        "<table>" + "".join(f"<tr><td><p>{a}</p></td><td><p>{b}</p></td></tr>" for a, b in rows) + "</table>"
    )


@pytest.mark.parametrize(
    "body",
    [
        "<p>Disk: 2 TB for gitserver, 400 GB for zoekt (indexed search) and 100 GB for the databases.</p>",
        "<p>The volumes are 2 TB for gitserver, 400 GB for indexed search and 100 GB for Postgres.</p>",
        "<p>Persistent volumes: 2 TB (gitserver), 400 GB (zoekt), 100 GB (databases).</p>",
        "<ul><li>Storage:<ul><li>2 TB for gitserver</li><li>400 GB for zoekt</li>"
        "<li>100 GB for the databases</li></ul></li></ul>",
        "<p>Disk: 2 × 1 TB for gitserver, 400 GB for zoekt and 100 GB for the databases.</p>",
        "<p>The persistent disks are 2 × 1 TB for gitserver, 400 GB for zoekt and 100 GB for pgsql.</p>",
        # the same volumes as a table: the prose agrees with it
        _table(("Volume", "Size"), ("gitserver", "2 TB"), ("zoekt", "400 GB"), ("databases", "100 GB")),
    ],
)
def test_volumes_named_after_their_sizes_are_summed(body: str, catalogue: Catalogue) -> None:
    assert _disk(body, catalogue) == 2500


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<p>Disks: 1.5 TB for the repositories and 500 GB for the search index.</p>", 2000),
        ("<p>Storage: 3 × 600 GB (gitserver replicas), 2 × 200 GB (zoekt), 100 GB (pgsql).</p>", 2300),
        # not parts: one volume, a stated total, a replica's size among them, memory, growth
        ("<p>Disk: 2 TB for gitserver (400 GB used).</p>", 2000),
        ("<p>Disk: 2 TB for gitserver, growing by 400 GB a year.</p>", 2000),
        ("<p>Disk: 2 TB for gitserver and 64 GB of memory for zoekt.</p>", 2000),
        (
            "<p>Disk: 2 TB in total: 1.5 TB for gitserver, 400 GB for zoekt and 100 GB for the DBs.</p>",
            2000,
        ),
        (
            "<p>Storage: 3,600 GB of gp3, 1,000 GB per gitserver replica across three replicas plus 600 GB "
            "for search indexes and databases.</p>",
            3600,
        ),
        ("<p>We have a single 2 TB volume for gitserver and zoekt.</p>", 2000),
    ],
)
def test_what_is_and_is_not_a_list_of_volumes(body: str, want: int, catalogue: Catalogue) -> None:
    assert _disk(body, catalogue) == want


def test_two_environments_are_no_parts(catalogue: Catalogue) -> None:
    assert _disk("<p>Disk: 2 TB for production and 400 GB for staging.</p>", catalogue) in (None, 2000)
    assert named_parts_total("2 TB for production and 400 GB for staging") is None
    assert named_parts_total("2 TB for gitserver, 400 GB for zoekt") == "2400 GB"
    assert named_parts_total("1 TB (gitserver), 250 GB (pgsql), 50 GB (redis)") == "1300 GB"
    assert named_parts_total("2 TB for gitserver, snapshots 400 GB") is None
