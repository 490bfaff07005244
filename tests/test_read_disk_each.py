"""TDD reader: a disk written one machine at a time, or as sizes added with `+`.

A sentence whose subject is each of the machines it counts ("Each of the three workers has a 500 GB
data disk"), that says its machines are alike ("All four VMs are identical: …"), or that closes on
each machine ("… a 400 GB SSD on every node") gives one machine's figures: multiplied by the
machines it counts, or nothing, never one machine's disk as the total (`read/permachine.py`). A
labelled value of sizes added with `+` ("200 GB OS + 1.5 TB data") is their sum, not its first term
(`read/parts.py`).
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.parts import named_parts_total
from tdd_snippets import table
from tddview import settled

HEAD = "<h2>Production</h2><p>Kubernetes with Helm on EKS.</p>"


def _fields(body: str, catalogue: Catalogue) -> dict[str, Any]:
    return settled(HEAD + body, catalogue)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<p>Each of the four workers has a 750 GB data disk.</p>", 3000),
        ("<p>All three VMs are identical: 8 vCPU, 32 GB RAM and a 600 GB SSD.</p>", 1800),
        ("<p>Every one of our 5 nodes has 400 GB of gp3 attached.</p>", 2000),
        ("<p>Two servers, 1.2 TB NVMe on each server.</p>", 2400),
    ],
)
def test_a_machines_disk_is_multiplied_by_the_machines(body: str, want: int, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("total_disk_gb") == pytest.approx(want, rel=0.01)


@pytest.mark.parametrize(
    ("body", "one"),
    [
        ("<p>We add 400 GB of SSD on every node.</p>", 400),
        ("<p>Plus a 250 GB SSD on every worker.</p>", 250),
    ],
)
def test_a_machines_disk_alone_is_no_total(body: str, one: int, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("total_disk_gb") != one


@pytest.mark.parametrize(
    "body",
    [
        "<p>Each of the 3 nodes has 500 GB; 1.5 TB in total.</p>",
        "<p>Each worker mounts the shared 1.5 TB volume.</p>",
        "<p>Every node pool together has 1.5 TB of disk across the cluster.</p>",
    ],
)
def test_a_whole_beside_each_machine_is_not_one_machines(body: str, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("total_disk_gb") in (1500, None)


@pytest.mark.parametrize(
    ("value", "total"),
    [
        ("200 GB OS + 1.5 TB data", "1700 GB"),
        ("100 GB (OS) + 2 TB (data)", "2100 GB"),
        ("1 TB + 500 GB", "1500 GB"),
        ("2 × 1 TB gitserver + 400 GB zoekt + 100 GB pgsql.", "2500 GB"),
        # not a sum of disks there now: growth, headroom, a snapshot, a rate, words between
        ("2 TB + 1 TB per year", None),
        ("2 TB + 500 GB headroom", None),
        ("2 TB + 300 GB snapshots", None),
        ("2 TB data disk + the OS disk of 100 GB", None),
        ("1 TB (was 500 GB) + 200 GB", None),
        ("128 GB (OS) + 1 TB (data, Premium SSD v2)", "1128 GB"),
    ],
)
def test_sizes_added_with_a_plus(value: str, total: str | None) -> None:
    assert named_parts_total(value) == total


@pytest.mark.parametrize(
    "body",
    [
        "<p>VM disks: 250 GB OS + 1.25 TB data.</p>",
        table(("Item", "Value"), ("Memory", "64 GB"), ("Disk", "250 GB (system) + 1.25 TB (repositories)")),
        "<ul><li>Storage: 1 TB + 500 GB</li></ul>",
    ],
)
def test_a_labelled_plus_is_the_sum(body: str, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("total_disk_gb") == 1500
