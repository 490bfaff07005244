"""TDD reader: machine counts and parts against totals. Each group of machines is multiplied by its
own count and the groups' products add up; `N nodes of TYPE` counts the type; a label that states
the amount itself is the total of the parts after it; named parts with no total are the whole."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read


def test_each_group_of_machines_is_multiplied_by_its_own_count_and_the_groups_add_up(
    catalogue: Catalogue,
) -> None:
    html = (
        "<h2>Production</h2><p>Nodes: 3 × m6i.4xlarge (16 vCPU, 64 GiB each) and 1 × r6i.2xlarge "
        "(8 vCPU, 64 GiB each)</p>"
    )
    found = read(html, catalogue)
    assert found["total_cpu"] == ["56"]
    assert found["total_memory_gb"] == ["256 GiB"]


def test_one_group_of_machines_is_its_product(catalogue: Catalogue) -> None:
    found = read("<h2>Production</h2><p>Six worker VMs, each with 16 vCPU and 64 GiB RAM.</p>", catalogue)
    assert found["total_cpu"] == ["96"] and found["total_memory_gb"] == ["384 GiB"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Node pool sg-main: 6 nodes of n2-standard-16 (16 vCPU / 64 GB each)", "6 × n2-standard-16"),
        ("The cluster has four nodes of type m6i.4xlarge.", "4 × m6i.4xlarge"),
    ],
)
def test_nodes_of_a_type_count_the_type(catalogue: Catalogue, text: str, want: str) -> None:
    assert read(f"<h2>Production</h2><p>{text}</p>", catalogue)["instance_types"] == [want]


def test_a_label_stating_the_amount_is_the_total_of_the_parts_after_it(catalogue: Catalogue) -> None:
    html = "<p>prd disk all-in ~2.6 TB: gitserver 2× 1 TB gp3, zoekt idx 500 GB, pg+misc 100 GB</p>"
    assert read(html, catalogue)["total_disk_gb"] == ["2.6 TB"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Disk: gitserver 2× 1 TB gp3, zoekt idx 500 GB, pg+misc 100 GB", ["2600 GB"]),
        ("Volumes: gitserver 3 × 1 TB gp3, indexed search 800 GB, databases 200 GB", ["4000 GB"]),
        ("Disk: 2.6 TB (gitserver 2 × 1 TB, zoekt 600 GB)", ["2.6 TB"]),  # its own total first
    ],
)
def test_named_parts_with_no_total_are_the_whole(catalogue: Catalogue, text: str, want: list[str]) -> None:
    assert read(f"<h2>Production</h2><p>{text}</p>", catalogue)["total_disk_gb"] == want


def test_a_size_for_the_repositories_in_a_sentence_about_disks_is_a_disk(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Its storage is two vSAN disks, 512 GiB for the OS and 2,048 GiB for the "
        "repositories and indexes, 2,560 GiB together. The repositories are about 1.3 TB of git data.</p>"
    )
    found = read(html, catalogue)
    assert found["total_disk_gb"] == ["2560 GiB"] and found["total_repo_size_gb"] == ["1.3 TB"]


def test_a_word_in_the_next_clause_says_nothing_of_a_size(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Compute: 80 vCPU and 576 GiB memory. The larger monorepo, claims-engine, is "
        "14.6 GB and is the reason the search pool uses memory-optimised nodes.</p>"
    )
    assert read(html, catalogue)["total_memory_gb"] == ["576 GiB"]


def test_the_labelled_lines_of_one_cell_are_one_fleet(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><table><tr><td><p>Component</p></td><td><p>Provided</p></td><td><p>Notes</p></td></tr>"
        "<tr><td><p>Compute</p></td><td><p>Node pool search: 4 × Standard_E16s_v5</p>"
        "<p>Node pool general: 2 × Standard_D8s_v5</p></td><td><p>No autoscaling.</p></td></tr></table>"
    )
    assert read(html, catalogue)["instance_types"] == ["4 × Standard_E16s_v5, 2 × Standard_D8s_v5"]


def test_a_duration_or_a_share_is_no_count(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Content: 1,200 repositories in total</p>"
        "<p>New repository searchable after request: 1 business day</p>"
    )
    assert read(html, catalogue)["repositories"] == ["1200"]


def test_a_cpu_count_may_name_the_kind_of_cpu(catalogue: Catalogue) -> None:
    found = read("<h2>Production</h2><p>Server: 1 × CCX63 (48 dedicated vCPU, 192 GB RAM)</p>", catalogue)
    assert found["total_cpu"] == ["48"]
