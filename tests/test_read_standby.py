"""TDD reader: production beside its standby, disaster-recovery copies and a company's mirror (learnt
from blind 85, a disaster-recovery and multi-site family).

A site matrix adds production and the standby up ("across both regions", a `Both regions` column);
a heading says a part is not this handoff's; a sizing target names what the instance is sized for;
a limit says where it was set ("capped at 1,500 in the SOW"); an OCI shape is a machine type; a
build log dates the machines another team handed over; a subtotal among the parts of a stated total
is one more part; a size in brackets closing a sum is its result. Each rule with phrasings and
layouts the tuning documents do not use.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read import bothsites, handedin, outofscope
from handoff.read.shapes import KNOWN_TYPE
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields


def _got(html: str, catalogue: Catalogue, field: str) -> Any:
    doc = html_document(f"<html><body>{html}</body></html>")
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    fv = view.fields.get(field)
    return None if fv is None or field in view.conflicted else fv.to_json()["value"]


def _table(*rows: tuple[str, ...]) -> str:
    return "<table>" + "".join(
        "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in r) + "</tr>" for r in rows
    ) + "</table>"  # fmt: skip


PROD = "<h2>Production</h2><p>Production runs on 4 × m6i.4xlarge (64 vCPU, 256 GiB) in eu-west-1.</p>"


@pytest.mark.parametrize(
    "extra",
    [
        "<p>Across both regions the footprint is 6 nodes, 96 vCPU and 384 GiB.</p>",
        "<p>For budgeting, the total across both sites is 96 vCPU / 384 GiB.</p>",
        "<p>Both data centres together: 96 vCPU and 384 GiB of memory.</p>",
        "<p>Footprint over the two regions: 96 vCPU, 384 GiB.</p>",
        "<p>Regions combined: 96 vCPU / 384 GiB.</p>",
        "<ul><li>Budget: all sites combined come to 96 vCPU, 384 GiB</li></ul>",
    ],
)
def test_a_footprint_over_both_sites_is_not_productions(extra: str, catalogue: Catalogue) -> None:
    html = PROD + "<p>The standby in eu-central-1 has 2 × m6i.4xlarge.</p>" + extra
    assert _got(html, catalogue, "total_cpu") == 64
    assert _got(html, catalogue, "total_memory_gb") == 256


@pytest.mark.parametrize(
    "text",
    [
        "each site has 48 vCPU",
        "three zones in eu-west-1 with 96 vCPU across all zones",
        "Both regions index the same code",
        "the 2 TB of PVCs are replicated across both DCs",
        "snapshots are kept in both regions (4.2 TB)",
        "Production in both regions, 64 vCPU each",
    ],
)
def test_one_site_or_a_zone_is_no_combined_footprint(text: str) -> None:
    assert bothsites.combined_from(text) < 0


@pytest.mark.parametrize(
    "heading",
    [
        "Northwind read-only instance – not part of this handoff",
        "Acquired company's mirror (NOT this hand-off)",
        "Partner instance — not covered by this TDD",
        "Legacy subsidiary search (excluded from the scope)",
        "Contoso mirror: not in this engagement",
    ],
)
def test_a_heading_saying_its_part_is_not_this_handoffs(heading: str, catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Code hosts: GitHub (1,200 repositories).</p>"
        f"<h2>{heading}</h2><p>They index 300 repositories from their Bitbucket Cloud on 1 × m6i.xlarge.</p>"
    )
    assert outofscope.title_out(heading)
    assert _got(html, catalogue, "code_hosts") == ["GitHub.com"]
    assert _got(html, catalogue, "repositories") == 1200


@pytest.mark.parametrize(
    "heading", ["Production (not the DR instance)", "Standby – the document's scope", "Scope of this handoff"]
)
def test_a_heading_naming_another_thing_than_the_handoff_is_not_out(heading: str) -> None:
    assert not outofscope.title_out(heading)


@pytest.mark.parametrize(
    ("label", "field", "value"),
    [
        ("Sizing target", "max_concurrent_users", 300),
        ("Design goal", "max_concurrent_users", 300),
        ("Capacity objective", "max_concurrent_users", 300),
        ("Performance target", "max_concurrent_users", 300),
    ],
)
def test_a_sizing_aim_is_the_limit_it_is_sized_for(
    label: str, field: str, value: int, catalogue: Catalogue
) -> None:
    html = f"<h2>Limits</h2><ul><li>Licensed seats: 1,000</li><li>{label}: 300 concurrent users</li></ul>"
    assert _got(html, catalogue, field) == value
    assert _got(html, catalogue, "max_users") == 1000


@pytest.mark.parametrize(
    "line",
    [
        "Target: 3,000 repositories",
        "Growth target: 3,000 repositories",
        "Sizing target: 3,000 repositories by 2027",
    ],
)
def test_an_aim_that_is_no_sizing_gives_no_limit(line: str, catalogue: Catalogue) -> None:
    html = f"<p>Licence: 900 users.</p><p>{line}</p>"
    assert _got(html, catalogue, "max_repositories") is None
    assert _got(html, catalogue, "repositories") is None


@pytest.mark.parametrize(
    "line",
    [
        "Limits: up to 600 users; repositories capped at 1,500 in the SOW.",
        "Limits: 600 users; the repository limit is 1,500 under the order form.",
        "Limits: 600 users; repositories: max 1,500 according to the contract",
        "Limits: 600 users; repositories capped at 1,500 per the order form.",
        "Licence / limits: 600 users; repository cap of 1,500 on the renewal",
    ],
)
def test_a_bare_limit_followed_by_where_it_was_set(line: str, catalogue: Catalogue) -> None:
    assert _got(f"<p>{line}</p>", catalogue, "max_repositories") == 1500


@pytest.mark.parametrize(
    "line",
    [
        "Limits: 600 users; repositories capped at 1,500 in the year 2027.",
        "Limits: 600 users; repositories capped at 1,500 from the 2027 renewal.",
    ],
)
def test_a_bare_limit_with_a_time_after_it_is_not_read_so(line: str, catalogue: Catalogue) -> None:
    assert _got(f"<p>{line}</p>", catalogue, "max_repositories") is None


@pytest.mark.parametrize(
    "shape",
    [
        "VM.Standard.E4.Flex",
        "VM.Standard3.Flex",
        "BM.Standard.E5.192",
        "VM.Standard2.8",
        "VM.GPU.A10.1",
        "VM.Optimized3.Flex",
    ],
)
def test_an_oci_shape_is_a_machine_type(shape: str) -> None:
    assert KNOWN_TYPE.fullmatch(shape)


@pytest.mark.parametrize(
    ("label", "count"),
    [("Worker shape", "Workers"), ("Worker type", "Workers"), ("Node shape", "Worker nodes")],
)
def test_a_workers_row_counts_the_worker_shape(label: str, count: str, catalogue: Catalogue) -> None:
    html = "<h2>Sizing</h2>" + _table(
        ("", "London (production)", "Cardiff (standby)"),
        (label, "VM.Standard.E5.Flex, 16 OCPU / 256 GB each", "VM.Standard.E5.Flex, 4 OCPU / 64 GB each"),
        (count, "3", "1"),
    )
    assert _got(html, catalogue, "instance_types") == ["3 × VM.Standard.E5.Flex"]


@pytest.mark.parametrize(
    "entry",
    [
        "2026-02-09 prod: VMs handed over by the virtualisation team, helm install started",
        "9 Feb 2026 – servers delivered by the hardware team; ansible run started the same day",
        "09.02.2026: namespace handed over to us by platform, kustomize apply started",
    ],
)
def test_machines_handed_to_the_implementer_are_no_completion(entry: str, catalogue: Catalogue) -> None:
    html = f"<h2>Build log</h2><ul><li>{entry}</li><li>2026-03-06 production signed off</li></ul>"
    assert _got(html, catalogue, "completion_date") == "2026-03-06"
    assert _got(html, catalogue, "start_date") in ("2026-02-09", None)


@pytest.mark.parametrize(
    "clause",
    [
        "cluster handed over to dev-infra",
        "Sourcegraph handed over to the customer",
        "VMs handed over to operations",
    ],
)
def test_the_deployment_handed_over_to_the_customer_is_no_input(clause: str) -> None:
    assert not handedin.given_at(clause)


def test_production_handed_over_completes_it(catalogue: Catalogue) -> None:
    html = "<h2>Build log</h2><ul><li>2026-02-09 production build started</li><li>2026-03-06 production handed over to the platform team</li></ul>"  # noqa: E501
    assert _got(html, catalogue, "completion_date") == "2026-03-06"


@pytest.mark.parametrize(
    "items",
    [
        (
            "gitserver: 3 × 1 TB",
            "zoekt: 2 × 250 GB",
            "postgres + redis: 500 GB combined",
            "volumes total 4 TB",
        ),
        (
            "gitserver 2 × 2 TB",
            "indexed-search 1 TB",
            "databases and blobstore: 1 TB together",
            "all PVCs: 6 TB",
        ),
    ],
)
def test_a_subtotal_among_the_parts_of_a_total_is_a_part(
    items: tuple[str, ...], catalogue: Catalogue
) -> None:
    html = (
        "<h2>Production</h2><ul><li>storage: ceph<ul>"
        + "".join(f"<li>{i}</li>" for i in items)
        + "</ul></li></ul>"
    )
    want = 4000 if items[0].startswith("gitserver:") else 6000
    assert _got(html, catalogue, "total_disk_gb") == want


@pytest.mark.parametrize(
    "line",
    [
        "<p>Disks: 2,000 GB data + 100 GB boot (2,100 GB).</p>",
        "<p>Disks: data 2,000 GB + boot 100 GB (2,100 GB)</p>",
        "<p>Disk: gitserver 1.6 TB, zoekt 400 GB, databases 100 GB (2.1 TB in total)</p>",
        "<p>The VM has a 2,000 GB data disk plus a 100 GB OS disk (2,100 GB).</p>",
    ],
)
def test_a_size_in_brackets_closing_a_sum_is_its_result(line: str, catalogue: Catalogue) -> None:
    assert _got(PROD.replace(" in eu-west-1", "") + line, catalogue, "total_disk_gb") == 2100


@pytest.mark.parametrize(
    "line",
    [
        "<p>Storage: the backup vault holds 12 TB of snapshots.</p>",
        "<p>Storage: 12 TB of backups in the recovery vault</p>",
        "<p>Object storage bucket for dumps: 20 TB quota, 2 TB used.</p>",
        "<p>S3 bucket (pg_dump, config): 1.1 TB</p>",
        "<p>Blob storage for the exports: 3 TB</p>",
    ],
)
def test_copies_and_buckets_beside_the_disk_are_no_disk(line: str, catalogue: Catalogue) -> None:
    html = PROD.replace(" in eu-west-1", "") + "<p>Disk: 2,100 GB.</p>" + line
    assert _got(html, catalogue, "total_disk_gb") == 2100
    assert _got(PROD + line, catalogue, "total_disk_gb") is None


def test_a_disk_said_to_be_snapshotted_is_still_the_disk(catalogue: Catalogue) -> None:
    assert (
        _got(PROD + "<p>Storage: 2,100 GB gp3, snapshotted nightly</p>", catalogue, "total_disk_gb") == 2100
    )
