"""TDD reader: machines and storage of VM, on-premises and single-machine deployments.

A disk's parts listed in one place (two columns of an environments table's row, the rows of an
instance table) and their whole stated at another place of the same environment: the whole stands,
the parts, and a part named again elsewhere, give way (`read/wholeelsewhere.py`). Parts that add up
to nothing written elsewhere are left to the other rules.
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import table
from tddview import settled

ENV_TABLE = table(
    ("Environment", "Machine type", "vCPU", "Memory", "Boot disk", "Data disk"),
    ("Staging", "e2-standard-8", "8", "32 GB", "100 GB pd-balanced", "500 GB pd-balanced"),
    ("Production", "n2-highmem-16", "16", "128 GB", "200 GB pd-balanced", "2 TB pd-ssd"),
)
INSTANCE_TABLE = "<h2>Instance (prod)</h2>" + table(
    ("Type", "m6i.8xlarge"),
    ("Root EBS (gp3)", "100 GiB"),
    ("Data EBS (gp3, /mnt/data)", "1,500 GiB"),
)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "<h2>Environments</h2>" + ENV_TABLE + "<p>Production therefore has 16 vCPU, 128 GB of memory and"
            " 2,200 GB of persistent disk.</p>",
            2200,
        ),
        (
            "<h2>Environments</h2>" + ENV_TABLE + "<p>Production therefore has 2,200 GB of disk.</p>"
            "<h2>Changes</h2><p>The data disk was created at 2 TB and has not been resized.</p>",
            2200,
        ),
        (INSTANCE_TABLE + "<p>Everything attached comes to 1,600 GiB of EBS.</p>", 1600),
    ],
)
def test_a_disks_whole_stated_elsewhere_beats_its_listed_parts(
    body: str, want: int, catalogue: Catalogue
) -> None:
    assert settled(body, catalogue).get("total_disk_gb") == pytest.approx(want, rel=0.01)


def test_listed_disks_adding_up_to_nothing_stated_stay_unsettled(catalogue: Catalogue) -> None:
    body = "<h2>Environments</h2>" + ENV_TABLE + "<p>Production has 1,900 GB of persistent disk.</p>"
    assert settled(body, catalogue).get("total_disk_gb") != 1900
