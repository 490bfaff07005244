"""TDD reader: the deployment written as a change record or a cutover plan (blind set 111's family),
one mechanism per test.

A line naming a system's role by its label and the system by its value, over that system's bullets
(`old: sg-old`, then `new: sg-new`); a CPU count's bracket restating it in another unit before its
memory; the size a change request was written or approved for, beside the size built; a figure said
to have become another. The phrasings here are not the tuning set's.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.namecaption import name_caption
from tddview import present


def _fields(body: str, catalogue: Catalogue) -> dict[str, Any]:
    return present("<h1>Sourcegraph design</h1>" + body, catalogue)


def _part(label: str) -> str:
    trial = ("legacy", "legacy: vm-cs-01 (on-prem)", "stage", "stage: sg-s")
    return "trial" if label in trial else ""


def test_a_role_and_a_name_make_a_caption() -> None:
    assert name_caption(("legacy", "vm-cs-01 (on-prem)"), _part) == "legacy: vm-cs-01 (on-prem)"
    assert name_caption(("stage", "sg-s"), _part) == "stage: sg-s"
    assert name_caption(("legacy", "1,200 GB"), _part) is None  # a fact, not a name
    assert name_caption(("legacy", "https://cs.example.net"), _part) is None
    assert name_caption(("owner", "Mira"), _part) is None  # a label naming no environment
    assert name_caption(("stage", "the team's sandbox, wiped weekly"), _part) is None  # a description
    assert name_caption(("owner", "sg-new"), _part, sibling=True) == "owner: sg-new"
    assert name_caption(("owner", "Mira"), _part, sibling=True) is None  # no machine's name
    assert name_caption(("stage", "Perforce"), _part) is None  # a value, not a name


def test_a_value_named_in_the_fields_words_is_no_caption() -> None:
    assert name_caption(("stage", "docker-compose"), _part, valued=lambda v: "compose" in v) is None
    assert name_caption(("stage", "sg-s"), _part, valued=lambda v: "compose" in v) == "stage: sg-s"


@pytest.mark.parametrize("role", ["legacy", "Staging", "old"])
def test_the_bullets_under_a_role_and_a_name_are_that_systems(role: str, catalogue: Catalogue) -> None:
    got = _fields(
        f"<p>{role}: cs-vm-a (Azure, westeurope)</p>"
        "<ul><li>2 × Standard_D8s_v5</li><li>= 16 vCPU / 64 GB</li><li>managed disks 1,000 GB</li></ul>"
        "<p>current: cs-aks-b (Azure, westeurope)</p>"
        "<ul><li>pool: 3 × Standard_E16s_v5</li><li>managed disks 3,000 GB</li></ul>",
        catalogue,
    )
    assert got.get("instance_types") == ["3 × Standard_E16s_v5"]
    assert got.get("total_disk_gb") == 3000
    assert got.get("total_cpu") in (None, 48)
    assert got.get("total_memory_gb") in (None, 384)


@pytest.mark.parametrize("aside", ["(40 OCPU)", "(hyper-threaded)", "(80 threads)"])
def test_a_cpu_counts_aside_keeps_its_memory_pair(aside: str, catalogue: Catalogue) -> None:
    body = f"<ul><li>workers: 5 × BM.Flex.X9</li><li>total: 80 vCPU {aside}, 640 GB</li></ul>"
    got = _fields(body, catalogue)
    assert got.get("total_cpu") == 80
    assert got.get("total_memory_gb") == 640


def test_what_a_change_request_was_approved_for_gives_way(catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>As built</h2><p>Production is a single VM. It is one c6a.8xlarge, so 32 vCPU and 64 GiB of "
        "memory.</p><p>That type is larger than the ticket asked for. The change ticket was raised (and "
        "signed at the board) for a c6a.4xlarge with 16 vCPU and 32 GiB, the size of the test machine.</p>",
        catalogue,
    )
    assert got.get("instance_types") == ["1 × c6a.8xlarge"]
    assert got.get("total_cpu") == 32
    assert got.get("total_memory_gb") == 64


def test_what_a_change_request_was_approved_for_stands_alone(catalogue: Catalogue) -> None:
    got = _fields("<p>The ticket was approved for 2 × c6a.4xlarge in the production account.</p>", catalogue)
    assert got.get("instance_types") == ["2 × c6a.4xlarge"]


@pytest.mark.parametrize(
    "body",
    [
        "<p>Production: 1 × c6a.8xlarge.</p><p>Our 1,000 GB disk became 1,500 GB last spring.</p>",
        "<p>Remark: the 1,000 GB volume of the signed ticket became 1,500 GB with the resize.</p>",
    ],
)
def test_a_figure_that_became_another_is_the_old_one(body: str, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("total_disk_gb") == 1500
