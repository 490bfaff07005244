"""Kubernetes scheduling figures (`read/scheduling.py`) and titles about a shared whole or somebody
else's part (`read/sharedwhole.py` `whole_title`): snippets in, values out. Blind 63 shows the family
(a tenant on a platform team's cluster); these use layouts and words its documents do not."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.scheduling import scheduling
from handoff.read.sharedwhole import whole_title
from tdd_snippets import read, table

_INTRO = "<p>Design of the code search service.</p>"


@pytest.mark.parametrize(
    "label",
    [
        "limits.cpu",
        "hard.requests.memory",
        "requests.ephemeral-storage",
        "CPU limit",
        "Memory requests",
        "Requests (CPU)",
        "Sum of the requests",
        "Total pod requests",
        "Namespace quota",
        "ResourceQuota (hard)",
        "LimitRange default",
    ],
)
def test_a_request_limit_or_quota_label_is_scheduling(label: str) -> None:
    assert scheduling(label)


@pytest.mark.parametrize("label", ["Total CPU", "vCPU", "Memory (total)", "RAM per node", "Disk", "Cores"])
def test_a_plain_amount_label_is_not_scheduling(label: str) -> None:
    assert not scheduling(label)


def test_a_quota_table_beside_the_nodes_gives_no_cpu_or_memory(catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>Compute</h2><p>Worker nodes: 4 × m6i.4xlarge, 64 vCPU and 256 GiB in total.</p>"
        + "<h3>Namespace limits</h3>"
        + table(
            ("Key", "Hard", "Used"),
            ("limits.cpu", "60", "41"),
            ("limits.memory", "240Gi", "170Gi"),
            ("requests.storage", "5Ti", "2Ti"),
        ),
        catalogue,
    )
    assert got.get("total_cpu") == ["64"]
    assert got.get("total_memory_gb") == ["256 GiB"]
    assert "total_disk_gb" not in got


def test_a_pod_spec_column_and_its_sum_are_no_totals(catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>Workloads</h2>"
        + table(
            ("Component", "Pods", "Memory limit", "CPU limit"),
            ("searcher", "3", "8Gi", "2"),
            ("symbols", "2", "4Gi", "1"),
            ("Total", "", "32Gi", "8"),
        ),
        catalogue,
    )
    assert "total_cpu" not in got and "total_memory_gb" not in got


@pytest.mark.parametrize(
    "title",
    [
        "Hosting cluster (not ours)",
        "Platform footprint, for information only",
        "Node inventory (cluster-owned)",
        "Capacity (owned by the Cloud Platform team)",
        "Background: not Sourcegraph's",
    ],
)
def test_a_title_denying_its_part_is_the_wholes(title: str) -> None:
    assert whole_title(title)


@pytest.mark.parametrize(
    "title, label",
    [
        ("Shared worker pool", True),
        ("Platform sizing", True),
        ("Shared cluster", False),  # (a heading over the shared whole may hold Sourcegraph's share)
        ("Our dedicated pool (not shared)", True),
        ("Sourcegraph tenant", True),
        ("Shared cluster: the Sourcegraph node pool", True),
        ("Compute", True),
    ],
)
def test_only_a_label_names_the_shared_whole(title: str, label: bool) -> None:
    assert whole_title(title, label=label) == (title in ("Shared worker pool", "Platform sizing"))


def test_a_heading_denying_its_part_leaves_the_machines_below_it_out(catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>Hosting cluster (not ours, for reference only)</h2>"
        + "<ul><li>gen-pool: 90 × c6i.8xlarge, 2,880 vCPU</li></ul>"
        + "<h2>Our node group</h2><ul><li>2 × r6i.8xlarge</li><li>64 vCPU / 512 GiB</li></ul>",
        catalogue,
    )
    assert got.get("instance_types") == ["2 × r6i.8xlarge"]
    assert got.get("total_cpu") == ["64"]


def test_a_label_naming_the_shared_pool_is_not_the_deployment(catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>Where it runs</h2>"
        + "<p>Shared worker pool: 60 × Standard_D16s_v5 (960 vCPU)</p>"
        + "<p>Sourcegraph pool: 3 × Standard_E16s_v5 (48 vCPU, 384 GiB)</p>",
        catalogue,
    )
    assert got.get("instance_types") == ["3 × Standard_E16s_v5"]
    assert not any("960" in v for v in got.get("total_cpu", []))
