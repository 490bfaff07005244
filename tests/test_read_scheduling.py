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


# -- blind 81: the platform's defaults and limits labels, quota figures in prose, other tenants' titles


@pytest.mark.parametrize(
    "label",
    [
        "Namespace limits",
        "limits (granted by the platform team)",
        "Hard quotas",
        "Defaults for every new namespace",
        "Default for a new project (starter tier)",
    ],
)
def test_a_label_naming_the_limits_or_the_defaults_of_a_new_tenant_gives_no_amounts(
    label: str, catalogue: Catalogue
) -> None:
    got = read(
        _INTRO
        + "<h2>Compute</h2><p>Worker nodes: 3 × r6i.4xlarge, 48 vCPU and 384 GiB in total.</p>"
        + f"<ul><li>{label}: CPU 96 cores, memory 320 GiB, storage 6 TiB</li></ul>",
        catalogue,
    )
    assert got.get("total_cpu") == ["48"]
    assert got.get("total_memory_gb") == ["384 GiB"]
    assert "total_disk_gb" not in got


@pytest.mark.parametrize(
    "sentence",
    [
        "The platform hands each team its standard quota on request (12 vCPU, 48 GiB, 800 GiB of disk).",
        "We were granted limits.cpu 90, limits.memory 300Gi and requests.storage 5Ti.",
        "Our namespace carries a 90 vCPU quota and 300 GiB of memory requests.",
    ],
)
def test_quota_figures_in_prose_are_no_amounts(sentence: str, catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + f"<h2>Platform</h2><p>{sentence}</p>"
        + "<h2>Nodes</h2><p>Sourcegraph runs on 2 × m6i.8xlarge (64 vCPU, 256 GiB in total).</p>",
        catalogue,
    )
    assert got.get("total_cpu") == ["64"]
    assert got.get("total_memory_gb") == ["256 GiB"]
    assert "total_disk_gb" not in got


@pytest.mark.parametrize(
    "title",
    [
        "Other teams on the cluster",
        "Other workloads sharing the nodes",
        "Node pools (all tenants)",
        "Capacity across all namespaces",
    ],
)
def test_a_title_naming_the_other_units_or_all_of_them_is_the_wholes(title: str) -> None:
    assert whole_title(title)


@pytest.mark.parametrize(
    "title",
    [
        "Other services",
        "Other tools we connect",
        "Sourcegraph and the other tenants",
        "Our tenant",
        "Licensed for the platform group. Other teams have read-only access.",  # a sentence, no title
        "The search service is shared across all teams of the engineering division and its contractors",
    ],
)
def test_a_title_naming_sourcegraph_or_its_own_parts_stays_ours(title: str) -> None:
    assert not whole_title(title)


def test_other_tenants_under_their_title_give_nothing(catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>Our pool</h2><p>Sourcegraph pool: 3 × n2-highmem-16, 48 vCPU in total.</p>"
        + "<h2>Other teams on the cluster</h2>"
        + "<ul><li>render-farm: 400 vCPU reserved</li><li>analytics: 5 × n2-standard-64</li></ul>",
        catalogue,
    )
    assert got.get("instance_types") == ["3 × n2-highmem-16"]
    assert got.get("total_cpu") == ["48"]


def test_a_paragraph_about_the_platform_gives_its_pronouns_clauses_to_it(catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>Context</h2>"
        + "<p>Nimbus is the group's shared Kubernetes estate. Its general pool scales to 90 nodes "
        "(about 2,880 vCPU and 11 TB of memory). Sourcegraph is a tenant with its own node pool.</p>"
        + "<h2>Nodes</h2><p>Sourcegraph pool: 2 × m6i.8xlarge, 64 vCPU and 256 GiB in total.</p>",
        catalogue,
    )
    assert got.get("total_cpu") == ["64"]
    assert got.get("total_memory_gb") == ["256 GiB"]
