"""Code hosts and their repository counts read whole, not in part: a list of hosts continued across a
line's separators (`read/hostrun.py`), a host's count set off by a comma (`read/appositive.py`), a
host's label holding its address, a host's value followed by the total, production's total made of
counts written where no environment is named (`read/hostcounts.py`), a bare family name in passing
read as the member the document names, a host the document says it never had, and a denial whose
subject is not the host beside it (`read/hostledger.py`). Each gave a wrong value before: a host
missing or added, a repository total taken from a partial sum."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tddview import settled


def _hosts(body: str, catalogue: Catalogue) -> set[str]:
    return set(settled(body, catalogue).get("code_hosts") or [])


def test_hosts_and_counts_divided_by_dots_are_one_list(catalogue: Catalogue) -> None:
    body = (
        "<h2>Where we are</h2><p>Code search is live on AKS.</p>"
        "<p>Live repositories by source: Azure Repos 5,400 · GitHub Enterprise Cloud (acme-oss org) 705. "
        "Three of them are monorepos.</p>"
    )
    got = settled(body, catalogue)
    assert set(got["code_hosts"]) == {"Azure DevOps", "GitHub.com"}
    assert got["repositories"] == 6105
    assert got["monorepos"] == 3  # (the sentence after the list is read on its own)


def test_a_part_of_another_kind_after_the_dot_ends_the_list(catalogue: Catalogue) -> None:
    body = "<p>Repositories by source: Azure Repos 5,400 · GitHub Enterprise Cloud 2026-05-01 · 4 TB disk</p>"
    got = settled(body, catalogue)
    assert got.get("repositories") != 5400 + 2026


def test_a_count_set_off_by_a_comma_after_the_second_host_is_its_count(catalogue: Catalogue) -> None:
    body = "<p>Emeka: Code hosts: GitLab.com, 900 repos, and Bitbucket Cloud, 250. So that is all.</p>"
    got = settled(body, catalogue)
    assert got["repositories"] == 1150
    assert set(got["code_hosts"]) == {"GitLab.com", "Bitbucket Cloud"}


def test_a_figure_with_its_own_unit_after_the_comma_is_no_count(catalogue: Catalogue) -> None:
    body = "<p>Code hosts: GitLab.com, 900 repos, and Bitbucket Cloud, 2 TB.</p>"
    assert settled(body, catalogue).get("repositories") != 902


def test_a_hosts_label_may_hold_its_address_and_a_sentence_follows_its_count(catalogue: Catalogue) -> None:
    body = (
        "<h2>Code hosts</h2><p>GitHub Enterprise Cloud (org acme-bio): 2,700 repos synced. Self-managed "
        "GitLab at gitlab.lab.acme-bio.org (the research group's): 450. That makes 3,150.</p>"
    )
    got = settled(body, catalogue)
    assert got["repositories"] == 3150
    assert set(got["code_hosts"]) == {"GitHub.com", "GitLab Self-Managed"}


def test_a_total_after_a_hosts_count_is_not_the_hosts(catalogue: Catalogue) -> None:
    body = (
        "<p>GitHub Enterprise Server: 2,140 repositories; GitLab Self-Managed: 360 repositories; "
        "2,500 repositories in all.</p>"
    )
    assert settled(body, catalogue)["repositories"] == 2500


def test_counts_where_no_environment_is_named_that_make_productions_total_name_its_hosts(
    catalogue: Catalogue,
) -> None:
    body = (
        "<p>infra(prd): scale the node group, connect Bitbucket DC, final prod sizing</p>"
        "<h2>Changes</h2><h3>Code hosts</h3><ul>"
        "<li>[x] GitHub Enterprise Server (github.acme.internal) — 2,210 repos, already syncing</li>"
        "<li>[x] Bitbucket Data Center (bitbucket.acme.internal) — 1,140 repos, new in this PR</li></ul>"
        "<p>Repos in prd after this PR: 3,350.</p>"
    )
    got = settled(body, catalogue)
    assert set(got["code_hosts"]) == {"GitHub Enterprise Server", "Bitbucket Server / Data Center"}
    assert got["repositories"] == 3350


def test_a_bare_family_name_in_passing_is_the_member_written_short(catalogue: Catalogue) -> None:
    body = (
        "<h2>code hosts</h2><p>gl sm (gitlab.acme.example, 16.11 ee) → 1,380 proj</p>"
        "<p>bbs (stash.acme.example, 8.9 dc) → 95 repos</p>"
        "<p>users 800 (lic) / conc ~120 peak (est, from gitlab web sessions) / repo cap 3k</p>"
    )
    assert _hosts(body, catalogue) == {"GitLab Self-Managed", "Bitbucket Server / Data Center"}


def test_a_host_the_document_says_it_never_had_is_not_connected(catalogue: Catalogue) -> None:
    body = (
        "<h2>Code hosts</h2><p>Henrik: Code hosts. What's connected?</p>"
        "<p>Marta: GitLab, our self-managed GitLab, gitlab.acme.example, that's the big one.</p>"
        "<p>Henrik: Any Bitbucket? I had Bitbucket in my notes.</p>"
        "<p>Marta: That's another customer, I think. We never had Bitbucket.</p>"
    )
    assert "Bitbucket Cloud" not in _hosts(body, catalogue)


def test_a_denial_whose_subject_is_another_noun_keeps_the_host(catalogue: Catalogue) -> None:
    body = (
        "<h2>Production — repositories</h2><p>Code hosts connected:</p><ul>"
        "<li>Bitbucket Cloud (bitbucket.org/acme): 900 repositories</li>"
        "<li>Gitea (git.acme.example, the tools): 100 repositories</li></ul>"
        "<p>Monorepos: 1 — engine (Bitbucket Cloud, Git LFS for assets excluded from search).</p>"
    )
    assert _hosts(body, catalogue) == {"Bitbucket Cloud", "Other Git"}


def test_a_list_of_hosts_denied_together_is_still_denied(catalogue: Catalogue) -> None:
    body = (
        "<h2>Code hosts</h2><p>We index GitHub Enterprise Server (1,200 repositories).</p>"
        "<p>Bitbucket Cloud, Gerrit and Perforce are excluded.</p>"
    )
    assert _hosts(body, catalogue) == {"GitHub Enterprise Server"}


def test_repositories_counted_from_their_hosts_beside_licensed_users_are_no_limit(
    catalogue: Catalogue,
) -> None:
    body = (
        "<h2>Close notes</h2><p>Implemented successfully. The production deployment serves Acme's 1,800 "
        "licensed users, with 2,030 repositories from GitHub Enterprise Server and Bitbucket Server.</p>"
    )
    got = settled(body, catalogue)
    assert got.get("max_repositories") is None
    assert got["repositories"] == 2030
    assert got["max_users"] == 1800


def test_repositories_a_licence_verb_governs_stay_a_limit(catalogue: Catalogue) -> None:
    got = settled("<p>Licensed for 1,000 users and 3,000 repositories from GitHub.</p>", catalogue)
    assert got["max_repositories"] == 3000
    got = settled("<p>The licence covers up to 5,000 repositories across GitHub and GitLab.</p>", catalogue)
    assert got["max_repositories"] == 5000


def test_a_total_labelled_with_an_aside_after_a_comma_beats_the_volume_tables_sum(
    catalogue: Catalogue,
) -> None:
    body = (
        "<h2>Storage</h2><table><tr><td>Volume</td><td>Count × size</td><td>Notes</td></tr>"
        "<tr><td>gitserver</td><td>2 × 2 TiB</td><td>SSD</td></tr>"
        "<tr><td>indexed-search</td><td>2 × 512 GiB</td><td>SSD</td></tr>"
        "<tr><td>PostgreSQL</td><td>1 × 512 GiB</td><td>Flexible Server</td></tr></table>"
        "<p>Total disk, everything Sourcegraph uses including the Flexible Server: 5,632 GiB.</p>"
    )
    assert settled(body, catalogue)["total_disk_gb"] == 5632


def test_a_sentence_with_a_comma_before_its_colon_is_no_label(catalogue: Catalogue) -> None:
    body = "<p>The production cluster has three nodes, sized as follows: 48 vCPU in total.</p>"
    assert settled(body, catalogue).get("total_cpu") == 48


def test_oracle_clouds_shapes_name_its_cloud(catalogue: Catalogue) -> None:
    body = "<h2>Production</h2><p>node pool: 4 × VM.Standard.E5.Flex, 8 OCPU / 128 GB per node</p>"
    assert settled(body, catalogue)["hosting_provider"] == "other"


def test_all_of_it_on_gitserver_under_the_code_hosts_is_the_repositories_size(catalogue: Catalogue) -> None:
    body = (
        "<h2>2. code hosts on new</h2><p>GitLab.com, group acme: 1,380</p><p>total 1,640 repos</p>"
        "<p>largest: engine, 42 GB converted</p><p>all of it on gitserver: ~3.4 TB</p>"
    )
    assert settled(body, catalogue)["total_repo_size_gb"] == 3400


def test_a_size_restated_for_the_same_repository_in_binary_units_is_read_so(catalogue: Catalogue) -> None:
    body = (
        "<h2>Repositories</h2><p>The service indexes 1,475 repositories. The admin page reports the largest "
        "one, scada-gateway, as 3,650 MB; du on gitserver reports 3.4 GiB for the same repository.</p>"
    )
    assert settled(body, catalogue)["largest_repo_mb"] == 3400


def test_a_restated_size_that_does_not_agree_changes_nothing(catalogue: Catalogue) -> None:
    body = (
        "<h2>Repositories</h2><p>The service indexes 1,475 repositories. The admin page reports the largest "
        "one, scada-gateway, as 3,650 MB; du on gitserver reports 5.1 GiB for the same repository.</p>"
    )
    assert settled(body, catalogue).get("largest_repo_mb") != 5100


def test_the_size_on_the_gitserver_volumes_after_the_sync_is_the_repositories(catalogue: Catalogue) -> None:
    body = (
        "<h2>Code hosts and repositories</h2><p>Green syncs 3,500 repositories in all. Total size on the "
        "gitserver volumes after the full sync: 2.9 TB.</p>"
    )
    got = settled(body, catalogue)
    assert got["total_repo_size_gb"] == 2900
    assert got.get("total_disk_gb") is None


def test_a_test_rig_is_equipment_not_a_test_environment(catalogue: Catalogue) -> None:
    body = (
        "<h2>5. Code being searched</h2><p>GitLab Self-Managed (gitlab.acme.co.uk) provides 730 projects, "
        "and the Gitea server on the test-rig network (git.rigs.acme.co.uk) another 45 repositories: 775 "
        "repositories in total.</p>"
    )
    assert settled(body, catalogue)["repositories"] == 775


def test_a_test_environment_named_so_stays_one(catalogue: Catalogue) -> None:
    body = (
        "<h2>Code</h2><p>Production indexes 730 repositories from GitLab Self-Managed.</p>"
        "<p>The test-cluster indexes 45 repositories.</p>"
    )
    assert settled(body, catalogue)["repositories"] == 730


def test_a_bare_size_on_gitserver_after_the_largest_is_the_repositories_size(catalogue: Catalogue) -> None:
    body = (
        "<ul><li>code hosts:<ul><li>GitLab self-managed (gitlab.acme.dev): 2,740 projects</li>"
        "<li>Gerrit (review.acme.dev): 180 repos</li>"
        "<li>= 2,920 repos. biggest is firmware-main at 11 GB. 1.6 TB on gitserver.</li></ul></li></ul>"
    )
    got = settled(body, catalogue)
    assert got["largest_repo_mb"] == 11000
    assert got["total_repo_size_gb"] == 1600


def test_people_owning_what_was_over_a_limit_are_no_limit_of_users(catalogue: Catalogue) -> None:
    body = (
        "<h2>Implementation record</h2><p>Licence: 650 users.</p><p>Notes from the night: the only hiccup "
        "was that two people's Entra ID group claims were over the limit (fixed by the group filter).</p>"
    )
    assert settled(body, catalogue)["max_users"] == 650
