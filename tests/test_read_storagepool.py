"""TDD reader: a shared storage whole and the part of it given to Sourcegraph (`read/storagepool.py`).

The capacity of an array, a shared pool, a datastore, an aggregate, a SAN or a filer is the whole's,
shared with every other system on it: never the disk. The part a clause gives Sourcegraph ("was
allocated", "carved out for", "uses", "the Sourcegraph LUN") is the disk. With no part stated, a
shared whole's size gives nothing; a dedicated cluster's own pool and a size's kind of disk (`3.5 TB
Ceph`, `12 TB NAS`) are still the deployment's.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.storagepool import whole_label
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

HEAD = "<h2>Production</h2><p>Sourcegraph runs on three VMs in the Leeds data centre.</p>"


def _disk(body: str, catalogue: Catalogue) -> Any:
    doc = html_document(f"<html><body>{HEAD}{body}</body></html>")
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    fv = view.fields.get("total_disk_gb")
    return None if fv is None or "total_disk_gb" in view.conflicted else fv.to_json()["value"]


@pytest.mark.parametrize(
    "body",
    [
        "<p>The storage array is 20 TB; Sourcegraph was allocated 2.6 TB of it.</p>",
        "<p>The shared pool is 20 TB. Sourcegraph uses 2.6 TB.</p>",
        "<p>Datastore DS-PROD-01: 40 TB, of which 2.6 TB are allocated to the Sourcegraph VMs.</p>",
        "<p>Our vSAN cluster provides 64 TB in total, and 2.6 TB of it was carved out for Sourcegraph.</p>",
        "<p>The SAN has 120 TB usable; the Sourcegraph LUN is 2.6 TB.</p>",
        "<p>Of the 20 TB storage pool, Sourcegraph has been allotted 2.6 TB.</p>",
        "<p>The Isilon filer has 500 TB; Sourcegraph's share is 2.6 TB.</p>",
        "<p>Storage comes from the shared PowerStore array (60 TB); the Sourcegraph volumes take 2.6 TB.</p>",
        "<p>We were given a 2.6 TB slice of the company's 80 TB Ceph cluster for Sourcegraph.</p>",
    ],
)
def test_the_part_given_to_sourcegraph_is_the_disk(body: str, catalogue: Catalogue) -> None:
    assert _disk(body, catalogue) == 2600


@pytest.mark.parametrize(
    "body",
    [
        "<p>The storage array is 20 TB.</p>",
        "<p>The shared pool is 20 TB and serves all teams.</p>",
        "<p>Sourcegraph's volumes come from the shared Ceph pool (200 TB raw).</p>",
        "<ul><li>NetApp aggregate: 48 TB</li><li>Sourcegraph VMs live on it.</li></ul>",
        "<p>The central NAS holds 300 TB for every team in the group.</p>",
    ],
)
def test_a_shared_wholes_size_alone_is_no_disk(body: str, catalogue: Catalogue) -> None:
    assert _disk(body, catalogue) is None


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<p>Disk: 2 TB from the vSAN datastore</p>", 2000),  # placed on the whole: ours
        ("<p>Storage: 1.5 TB on the NetApp array</p>", 1500),
        ("<p>Disk: 2 TB (thin-provisioned from a 40 TB datastore)</p>", 2000),
        ("<p>Pure FlashArray (50 TB usable): a 2 TB LUN is allocated to Sourcegraph.</p>", 2000),
        ("<p>The cluster has a 6 TB NVMe storage pool of its own.</p>", 6000),  # a dedicated cluster's
        ("<p>Storage: 3.5 TB Ceph RBD</p>", 3500),  # a size's kind of disk
        ("<p>Persistent storage: 12 TB NAS</p>", 12000),
        ("<p>The search node pool runs 2 × n2-highmem-16 with 1 TB of pd-ssd.</p>", 1000),
    ],
)
def test_the_deployments_own_disk_on_a_whole_is_still_read(
    body: str, want: int, catalogue: Catalogue
) -> None:
    assert _disk(body, catalogue) == want


def test_a_sum_over_a_wholes_size_is_withheld(catalogue: Catalogue) -> None:
    body = "<p>Sourcegraph VM: 16 vCPU, 64 GB RAM, 2 TB disk on datastore DS-PROD-01 (40 TB, shared).</p>"
    assert _disk(body, catalogue) in (None, 2000)  # never 42 TB


def test_a_label_naming_the_whole() -> None:
    assert whole_label("NetApp aggregate")
    assert whole_label("Shared storage pool")
    assert not whole_label("Sourcegraph LUN")
    assert not whole_label("Allocated from the storage array")
    assert not whole_label("Disk")
