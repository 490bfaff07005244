"""What prose-led ordinary TDDs need (blind set 113): facts in running paragraphs, options weighed and
set aside in a sentence, a host counted in passing and denied by name. A snippet of a TDD in, the
field values out."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read


def test_a_tool_told_as_weighed_and_then_something_else_is_set_aside(catalogue: Catalogue) -> None:
    got = read(
        "<p>Sourcegraph is deployed with Kustomize. Helm was considered and set aside for one reason only, "
        "that every other workload is delivered through overlays.</p>",
        catalogue,
    )
    assert got["deployment_type"] == ["Kubernetes with Kustomize"]


def test_a_tool_told_as_weighed_and_adopted_is_kept(catalogue: Catalogue) -> None:
    got = read(
        "<p>The cluster runs on EKS. Helm was evaluated and adopted for the production build.</p>", catalogue
    )
    assert got["deployment_type"] == ["Kubernetes with Helm"]


def test_a_tool_weighed_and_still_used_is_kept(catalogue: Catalogue) -> None:
    got = read(
        "<p>The cluster runs on EKS. Helm was evaluated and is now used for every release.</p>", catalogue
    )
    assert got["deployment_type"] == ["Kubernetes with Helm"]


def test_a_host_counted_in_passing_and_denied_by_name_is_not_connected(catalogue: Catalogue) -> None:
    got = read(
        "<p>Gitea holds 1,260 repositories and GitLab.com another 340, 1,600 in all, synced today.</p>"
        "<p>The company they bought keeps its code on Bitbucket Cloud, about 400 repositories. "
        "None of this is done and Bitbucket Cloud isn't connected.</p>",
        catalogue,
    )
    assert got["code_hosts"] == ["Other Git, GitLab.com"]
    assert got["repositories"] == ["1600"]


def test_a_host_whose_count_is_said_synced_stays_beside_a_denial_of_a_part(catalogue: Catalogue) -> None:
    got = read(
        "<p>Sourcegraph syncs 400 repositories from Bitbucket Cloud. "
        "The archive projects of Bitbucket Cloud are not connected.</p>",
        catalogue,
    )
    assert got["code_hosts"] == ["Bitbucket Cloud"]


def test_a_denial_after_a_move_to_a_host_is_not_that_hosts(catalogue: Catalogue) -> None:
    got = read(
        "<p>GitHub.com with 1,020 repositories, and Gitea with 180 repositories. "
        "GitLab.com was disconnected on 2026-06-30 after the team moved everything to GitHub.</p>",
        catalogue,
    )
    assert got["code_hosts"] == ["GitHub.com, Other Git"]


_LIMITS = (
    "<p>The licence covers up to 1,200 users, and the deployment was sized for 150 people searching at the "
    "same time.</p>"
)


def test_a_title_joining_the_present_to_what_comes_next_leaves_its_sentences_their_own_time(
    catalogue: Catalogue,
) -> None:
    got = read(
        f"<h1>Intro</h1><p>Hello.</p><h1>7. Users, limits and what comes next</h1>{_LIMITS}", catalogue
    )
    assert got["max_users"] == ["1200"]
    assert got["max_concurrent_users"] == ["150"]


def test_a_title_of_what_comes_next_alone_keeps_its_time(catalogue: Catalogue) -> None:
    got = read(f"<h1>Intro</h1><p>Hello.</p><h1>What comes next</h1>{_LIMITS}", catalogue)
    assert "max_users" not in got


def test_a_title_joining_who_they_are_to_what_they_had_is_no_history(catalogue: Catalogue) -> None:
    body = (
        "<p>Most of their code lives in a self-hosted Gitea instance, with 1,260 repositories; the mobile "
        "teams have another 340 repositories on GitLab.com, 1,600 synced and searchable today.</p>"
    )
    joint = read(f"<h1>Who they are and what they had</h1>{body}<h1>Other</h1><p>Nothing.</p>", catalogue)
    assert joint["repositories"] == ["1600"]
    alone = read(f"<h1>What they had</h1>{body}<h1>Other</h1><p>Nothing.</p>", catalogue)
    assert "repositories" not in alone


def test_a_bracketed_aside_of_a_title_is_no_second_topic(catalogue: Catalogue) -> None:
    got = read(
        "<h1>Intro</h1><p>Hello.</p><h1>sg-pool (at go-live, replaced 2026-07-18)</h1>"
        "<p>3 × n2-standard-16 nodes.</p>",
        catalogue,
    )
    assert "instance_types" not in got


def test_nothing_that_one_would_call_a_monorepo_counts_none(catalogue: Catalogue) -> None:
    got = read(
        "<p>Nothing of theirs is what I'd call a monorepo; the biggest repository is 1.8 GB.</p>", catalogue
    )
    assert got["monorepos"] == ["0"]
    named = read("<p>The core service is what I'd call a monorepo.</p>", catalogue)
    assert named["monorepos"] == ["1"]


def test_a_size_after_a_full_clone_is_the_repositories(catalogue: Catalogue) -> None:
    got = read(
        "<p>GitHub Enterprise Server holds 1,850 repositories. "
        "Their combined size on disk after a full clone was 310 GB.</p>",
        catalogue,
    )
    assert got["total_repo_size_gb"] == ["310 GB"]
    assert "total_disk_gb" not in got


def test_a_count_of_them_qualified_as_monorepos_is_counted(catalogue: Catalogue) -> None:
    got = read(
        "<p>Two of them are genuine monorepos (the customs engine and the planning suite).</p>", catalogue
    )
    assert got["monorepos"] == ["2"]
    denied = read("<p>Two of them are not monorepos.</p>", catalogue)
    assert denied.get("monorepos", ["0"]) != ["2"]


def test_figures_each_machine_provides_are_no_total(catalogue: Catalogue) -> None:
    got = read(
        "<p>The user node pool consists of four Standard_E16s_v5 virtual machines. Each provides 16 vCPU and "
        "128 GiB of memory, so the pool offers 64 vCPU and 512 GiB in total. The system node pool (two small "
        "Standard_D2s_v5 nodes) runs only add-ons; it is not part of the figures above.</p>",
        catalogue,
    )
    assert got["total_cpu"] == ["64"]
    assert got["total_memory_gb"] == ["512 GiB"]


def test_a_title_asking_why_not_puts_its_part_among_the_options_not_taken(catalogue: Catalogue) -> None:
    body = "<p>The OpenShift cluster is three worker nodes of 16 vCPU and 64 GB each.</p>"
    got = read(f"<h1>Why not Kubernetes, and why not the cloud</h1>{body}<h1>Built</h1><p>x</p>", catalogue)
    assert "total_cpu" not in got
    reason = read(f"<h1>Why Docker Compose</h1>{body}<h1>Built</h1><p>x</p>", catalogue)
    assert reason["total_cpu"] == ["48"]


def test_a_code_hosts_own_server_as_subject_is_the_code_hosts(catalogue: Catalogue) -> None:
    got = read(
        "<p>The Perforce Helix Core server is a physical machine, not a VM, with 48 cores and 512 GB of "
        "memory; it belongs to the configuration management team.</p>",
        catalogue,
    )
    assert "total_cpu" not in got and "total_memory_gb" not in got
    own = read(
        "<p>Perforce Helix Core holds 64 depots. The VM has 32 vCPU and 192 GB of memory.</p>", catalogue
    )
    assert own["total_cpu"] == ["32"]


def test_sockets_counted_in_words_multiply_their_cores(catalogue: Catalogue) -> None:
    got = read(
        "<p>The VM was given 32 vCPU, which vSphere presents as two sockets of sixteen cores, and 192 GB of "
        "memory.</p>",
        catalogue,
    )
    assert got["total_cpu"] == ["32", "32"]


def test_a_part_of_the_work_complete_before_its_date_is_no_completion(catalogue: Catalogue) -> None:
    got = read(
        "<p>We launched the production instance on October 5, 2026. Both code host connections were complete "
        "by October 9, SAML was enabled on October 14, and the head of developer experience accepted the "
        "deployment as complete on October 23, 2026.</p>",
        catalogue,
    )
    assert got["completion_date"] == ["2026-10-23"]
    built = read("<p>The deployment was completed on October 9, 2026.</p>", catalogue)
    assert built["completion_date"] == ["2026-10-09"]


def test_the_largest_named_in_a_long_appositive_is_the_largest_repository(catalogue: Catalogue) -> None:
    got = read(
        "<p>None is a monorepo; the largest, the policy administration system pas-core in Azure DevOps, "
        "is 2.7 GB on disk.</p>",
        catalogue,
    )
    assert got["largest_repo_mb"] == ["2.7 GB"]
    assert "total_disk_gb" not in got


def test_an_estimates_value_and_a_layout_that_would_not_do_are_no_figures(catalogue: Catalogue) -> None:
    got = read(
        "<h1>Memory</h1><p>Adding the remaining services gave an estimate of 430 GB. Four nodes give "
        "512 GiB, which accommodates the estimate. Three nodes (384 GiB) would not.</p>"
        "<h1>CPU</h1><p>At 120 concurrent users the estimate was 40 vCPU under search load.</p>",
        catalogue,
    )
    assert got["total_memory_gb"] == ["512 GiB"]
    assert "total_cpu" not in got


def test_another_subject_before_its_date_still_dates_the_build(catalogue: Catalogue) -> None:
    got = read(
        "<p>Production infrastructure work started 5 October 2026 and the change was complete on "
        "20 October 2026.</p>",
        catalogue,
    )
    assert got["completion_date"] == ["2026-10-20"]
