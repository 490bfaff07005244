"""TDD reader: machines and storage of VM, on-premises and single-machine deployments.

A disk's parts listed in one place (two columns of an environments table's row, the rows of an
instance table) and their whole stated at another place of the same environment: the whole stands,
the parts, and a part named again elsewhere, give way (`read/wholeelsewhere.py`). Parts that add up
to nothing written elsewhere are left to the other rules.
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.core.model import Location, TddValue
from handoff.read.wholeelsewhere import parts_of_whole
from tdd_snippets import table
from tddview import settled


def _machine(fields: dict[str, object]) -> tuple[object, object, object]:
    return fields.get("total_cpu"), fields.get("total_memory_gb"), fields.get("total_disk_gb")


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


BUILT = (
    "<p>What was actually built (production VM SG-01):</p>"
    "<ul><li>32 virtual processors</li><li>128 GB startup RAM</li></ul>"
    "<p>So in short: one VM, 32 vCPU, 128 GB, and 1,650 GB of disk.</p>"
)


@pytest.mark.parametrize(
    "heading",
    ["Sizing: what was recommended, what we built", "Sizing proposal and what was actually deployed"],
)
def test_a_title_joining_a_plan_to_what_was_built_puts_its_section_in_no_environment(
    heading: str, catalogue: Catalogue
) -> None:
    fields = settled(f"<h2>{heading}</h2>" + BUILT, catalogue)
    assert _machine(fields) == (32, 128, 1650)


def test_a_plan_title_alone_still_marks_its_section(catalogue: Catalogue) -> None:
    fields = settled("<h2>Sizing proposal</h2>" + BUILT, catalogue)
    assert fields.get("total_cpu") is None


def test_an_estimate_for_its_object_is_no_value(catalogue: Catalogue) -> None:
    body = (
        "<h2>Sizing</h2><p>The resource estimate for ~1,600 repositories and 900 users came out at 16 vCPU,"
        " 64 GB RAM and a 1 TB data disk.</p>"
    )
    fields = settled(body, catalogue)
    assert _machine(fields) == (None,) * 3


CLUSTER = (
    "<h2>Where it runs</h2><p>HVC-02 is four Dell hosts, each with 2 × 24 cores and 768 GB of RAM, so 192"
    " physical cores and 3,072 GB of RAM across the cluster, with about 40 TB of shared volumes behind it."
    " That is the platform team's estate and it carries roughly 300 other VMs.{verdict}</p>"
    "<h2>Production</h2><p>The VM has 32 vCPU and 128 GB of RAM.</p>"
)


def test_none_of_it_ours_reaches_back_over_a_sentence_of_no_figures(catalogue: Catalogue) -> None:
    fields = settled(CLUSTER.format(verdict=" None of it is ours apart from the one VM below."), catalogue)
    assert _machine(fields) == (32, 128, None)


def test_the_day_of_a_date_is_no_count_of_machines(catalogue: Catalogue) -> None:
    body = "<h2>Changes after go-live</h2><p>On 5 October 2026 the VM was resized to an n2-highmem-16.</p>"
    assert settled(body, catalogue).get("instance_types") != ["5 × n2-highmem-16"]


RESIZED = (
    "<h2>Environments</h2>"
    + table(
        ("Environment", "Machine type", "vCPU", "Memory"),
        ("Production", "n2-highmem-16", "16", "128 GB"),
    )
    + "<h2>Changes after go-live</h2><p>Production went live on an n2-standard-16 (16 vCPU, 64 GB). Memory"
    " ran high, so on 5 October 2026 the VM was stopped and its machine type changed to n2-highmem-16.</p>"
)


def test_the_machine_a_deployment_went_live_on_gives_way_to_the_type_it_changed_to(
    catalogue: Catalogue,
) -> None:
    fields = settled(RESIZED, catalogue)
    assert (fields.get("instance_types"), fields.get("total_memory_gb")) == (["1 × n2-highmem-16"], 128)
    assert fields.get("total_cpu") == 16  # the resize kept the CPU count: not history


@pytest.mark.parametrize(
    ("line", "field", "want"),
    [
        ("Disk: 7,440 GB = 3 × 480 GB usable boot + 6,000 GB NFS export.", "total_disk_gb", 7440),
        ("Memory: 384 GB = 3 × 128 GB", "total_memory_gb", 384),
        (
            "CPU: 144 (threads, which is what kubelet reports as allocatable; 72 physical cores)",
            "total_cpu",
            144,
        ),
        ("CPU: 144 threads (72 physical cores)", "total_cpu", 144),
    ],
)
def test_a_labelled_value_opening_with_its_result(
    line: str, field: str, want: int, catalogue: Catalogue
) -> None:
    assert settled(f"<h2>Hardware</h2><p>{line}</p>", catalogue).get(field) == pytest.approx(want, rel=0.01)


def test_a_part_of_a_result_first_working_named_again_gives_way(catalogue: Catalogue) -> None:
    body = (
        "<h2>Production</h2><p>Storage: one NFS export /sg_prod, 6 TB, for all volumes.</p>"
        "<p>Disk: 7,440 GB = 3 × 480 GB usable boot + 6,000 GB NFS export.</p>"
    )
    assert settled(body, catalogue).get("total_disk_gb") == 7440


PARAGRAPHS = {
    "TDD paragraph 1": "Sourcegraph runs on 3 x n2-highmem-8 with 500 GB of disk. Grafana has 400 GB.",
    "TDD paragraph 4": "Jira runs on 2 x n1-highmem-4 with 200 GB of storage. Nexus runs on 8x e2-standard-4"
    " with 300 GB of disk.",
    "TDD paragraph 5": "The VM has a 200 GB boot disk and a 300 GB data disk.",
}


def _disk(text: str, where: str) -> TddValue:
    return TddValue("", text, Location("tdd", where), "total_disk_gb", "production")


def test_a_paragraphs_figures_of_two_sentences_are_no_listing_of_parts() -> None:
    """Two sentences of one paragraph may be two systems' (Jira's 200 GB and Nexus's 300 GB): that they
    add up to Sourcegraph's own 500 GB, stated in another paragraph, is chance, not a whole and its
    parts. One sentence's boot and data disks are a listing."""
    whole = _disk("500 GB", "TDD paragraph 1")
    two_systems = [whole, _disk("200 GB", "TDD paragraph 4"), _disk("300 GB", "TDD paragraph 4")]
    one_machine = [whole, _disk("200 GB", "TDD paragraph 5"), _disk("300 GB", "TDD paragraph 5")]
    amount = lambda v: float(v.text.split()[0])  # noqa: E731
    text_at = lambda v: PARAGRAPHS[v.location.ref]  # noqa: E731
    assert parts_of_whole(two_systems, amount, lambda s: s, text_at) == set()
    assert parts_of_whole(one_machine, amount, lambda s: s, text_at) == {id(v) for v in one_machine[1:]}
