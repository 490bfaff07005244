"""TDD reader: repositories, monorepos, the repositories' size and the instance URL by structure.

One small document per rule, read the way the reader reads a whole TDD (tests/tdd_snippets.py);
each rule is also exercised by a corpus document in another style (tests/fixtures/tdd_corpus).
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table

# -- a `Label:` list item heads only the items nested under it -----------------------------------


def test_an_item_label_heads_only_its_nested_items(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>Code hosts:</li><ul><li>GitLab Self-Managed: 1,840 repositories</li>"
        "<li>Azure DevOps: 260 repositories</li></ul>"
        "<li>Monorepos: 2 (pos-platform and erp)</li><li>Size of all the repositories: 780 GB</li></ul>",
        catalogue,
    )
    assert got["monorepos"] == ["2"]
    assert got["total_repo_size_gb"] == ["780 GB"]
    assert got["repositories"] == ["2100"]


def test_a_sibling_item_after_an_item_label_keeps_its_own_environment(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>Production node pools:</li><ul><li>pool-a: 4 × Standard_D16s_v5</li></ul>"
        "<li>Pilot</li><ul><li>300 repositories from Azure DevOps</li></ul></ul>",
        catalogue,
    )
    assert got["instance_types"] == ["4 × Standard_D16s_v5"]
    assert "repositories" not in got


def test_a_paragraph_label_takes_the_whole_list_after_it(catalogue: Catalogue) -> None:
    got = read(
        "<p>Code hosts:</p><ul><li>GitHub Enterprise Server</li><li>Bitbucket Data Center</li></ul>",
        catalogue,
    )
    assert got["code_hosts"] == ["GitHub Enterprise Server, Bitbucket Server / Data Center"]


# -- a label whose value has another field's shape is read by the value -------------------------


def test_an_instance_label_holding_a_machine_is_no_url(catalogue: Catalogue) -> None:
    got = read(
        "<table><tr><td>Instance</td><td>1 × m6i.8xlarge (32 vCPU, 128 GiB)</td></tr>"
        "<tr><td>Instance URL</td><td>https://sourcegraph.example.org</td></tr></table>",
        catalogue,
    )
    assert got["instance_url"] == ["https://sourcegraph.example.org"]
    assert got["instance_types"] == ["1 × m6i.8xlarge"]


def test_a_url_label_with_no_url_and_no_other_fact_is_still_reported(catalogue: Catalogue) -> None:
    """Nothing else fits, so the value stays the URL field's as written (the check says it is no URL)."""
    assert read("<p>URL: to be decided</p>", catalogue)["instance_url"] == ["to be decided"]


def test_a_footnote_mark_after_a_url_is_no_part_of_it(catalogue: Catalogue) -> None:
    got = read("<p>Address: https://sourcegraph.example.org[3]</p>", catalogue)
    assert got["instance_url"] == ["https://sourcegraph.example.org"]


# -- monorepo counts in the shapes people write them ---------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p>KESTREL connects 2,600 repositories in all, of which 2 are monorepos (a-core and b-web).</p>",
        "<p>Perforce: 38 depots; two of them (engine, toolchain) are monorepos.</p>",
        "<p>Code: fifteen hundred repositories in total, two of them monorepos.</p>",
        "<p>Monorepo we have 2: the firmware one and plm-core.</p>",
        "<h3>Are there monorepos?</h3><p>Two: store-pos and webshop.</p>",
    ],
)
def test_a_monorepo_count_written_around_its_noun(catalogue: Catalogue, html: str) -> None:
    assert read(html, catalogue)["monorepos"] == ["2"]


def test_a_section_number_or_a_size_is_no_monorepo_count(catalogue: Catalogue) -> None:
    got = read(
        "<h3>Are there monorepos?</h3><p>3.3 Requirement: large repositories.</p>"
        "<p>The largest repository, the claims monorepo, is 3.4 GB.</p>",
        catalogue,
    )
    assert got.get("monorepos") in (None, ["1"])  # the claims monorepo, named: one


def test_an_addition_is_growth_not_a_figure(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>We are licensed for 1,800 seats.</li><li>The platform is sized for 250 concurrent users."
        "<ul><li>When Baltic joins we expect about +600 seats.</li></ul></li></ul>",
        catalogue,
    )
    assert got["max_users"] == ["1800"]


# -- the repositories' size: what their clones take, wherever it is placed ----------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p>~1.1 TB of git on gitserver after clone</p>",
        "<p>About 1.1 TB on the gitserver disks after cloning.</p>",
        "<p>All repositories together: 1.1 TB</p>",
        "<p>Git + converted p4 data on disk: ~1.1 TB.</p>",
        "<p>Repositories: GitLab 3,480 and GitHub 220, about 1.1 TB of repository data</p>",
    ],
)
def test_a_size_of_the_repositories_clones(catalogue: Catalogue, html: str) -> None:
    got = read(html, catalogue)
    assert got["total_repo_size_gb"] == ["1.1 TB"]
    assert "total_disk_gb" not in got


@pytest.mark.parametrize(
    "html",
    [
        "<p>Disk for git data: 2 TB</p>",  # the head noun is the disk
        "<p>Gitserver disk: 2 TB</p>",
        "<p>Largest repository: 2 TB</p>",  # one repository, not all of them
    ],
)
def test_a_disk_or_one_repository_is_not_the_repositories_size(catalogue: Catalogue, html: str) -> None:
    assert "total_repo_size_gb" not in read(html, catalogue)


# -- counts in words and a later top-level heading -----------------------------------------------


def test_counts_in_words_are_read_as_digits_are(catalogue: Catalogue) -> None:
    got = read(
        "<p>About twelve hundred repositories from self-managed GitLab plus three hundred from Bitbucket "
        "Data Center, fifteen hundred in total. The biggest one is about nine gigs; all up roughly six "
        "hundred gigs of git data.</p>",
        catalogue,
    )
    assert got["repositories"] == ["1500"]
    assert got["largest_repo_mb"] == ["9 GB"]
    assert got["total_repo_size_gb"] == ["600 GB"]


def test_a_top_level_heading_after_lower_ones_opens_a_part(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Summary</h2><p>Production: 1,400 repositories.</p><h2>Trial</h2><p>80 repositories.</p>"
        "<h1>Figures</h1><p>The largest repository is 3 GB.</p>",
        catalogue,
    )
    assert got["largest_repo_mb"] == ["3 GB"]


# -- code hosts: labels that are hosts' names, hosts not connected, hosts of the tooling ----------


def test_a_label_that_is_a_hosts_name_counts_its_repositories(catalogue: Catalogue) -> None:
    got = read("<ul><li>Perforce Helix Core: 52 depots</li><li>BBDC: 1,310 repos</li></ul>", catalogue)
    assert "total_cpu" not in got  # "Core" is part of the host's name
    assert got["repositories"] == ["1362"]
    assert got["code_hosts"] == ["Perforce, Bitbucket Server / Data Center"]


def test_a_count_of_a_host_not_connected_is_no_part(catalogue: Catalogue) -> None:
    got = read(
        "<p>GitHub Enterprise Server: 1,900 repositories.</p>"
        "<p>The APAC team's Bitbucket Server (~350 repositories) is not connected yet.</p>",
        catalogue,
    )
    assert got["repositories"] == ["1900"]


def test_a_host_keeping_the_helm_values_is_not_connected(catalogue: Catalogue) -> None:
    got = read(
        "<p>Code hosts: GitLab Self-Managed.</p><p>The Helm values live in platform/sg-values on GHES.</p>",
        catalogue,
    )
    assert got["code_hosts"] == ["GitLab Self-Managed"]


def test_a_trailing_growth_clause_leaves_the_main_clauses_figure(catalogue: Catalogue) -> None:
    got = read(
        "<p>The repositories occupy about 2.9 TB on gitserver after the initial clone, leaving room for "
        "the forecast below.</p><p>Today we index 2,000 repositories, growing to 3,000 next year.</p>",
        catalogue,
    )
    assert got["total_repo_size_gb"] == ["2.9 TB"]
    assert got["repositories"] == ["2000"]


def test_the_latest_dated_entry_is_the_current_figure(catalogue: Catalogue) -> None:
    html = (
        "<h3>[2.1.0] — 2026-10-19</h3><p>Git data is now about 650 GB across both code hosts.</p>"
        "<h3>[1.1.0] — 2026-09-07</h3><p>About 640 GB of git data in total. Code host: GitHub.com.</p>"
        "<h3>[1.0.5] — 2026-09-01</h3><p>Code host: GitLab Self-Managed.</p>"
    )
    got = read(html, catalogue)
    assert got["total_repo_size_gb"] == ["650 GB"]
    assert sorted(got["code_hosts"]) == ["GitHub.com", "GitLab Self-Managed"]  # hosts add up, entry by entry


# -- monorepos in a hosts table's notes ------------------------------------------------------------

_HOSTS = ("Region", "Code host", "Repositories", "Notes")


def test_the_monorepos_of_several_host_rows_add_up(catalogue: Catalogue) -> None:
    got = read(
        table(
            _HOSTS,
            (
                "Americas",
                "GitHub Enterprise Server",
                "1,900",
                "2 monorepos: claims-platform and data-pipelines",
            ),
            ("EMEA", "GitLab.com", "700", "1 monorepo: eu-reporting"),
        ),
        catalogue,
    )
    assert got["monorepos"] == ["3"]


def test_a_total_rows_notes_state_the_monorepos_and_the_size(catalogue: Catalogue) -> None:
    got = read(
        table(
            _HOSTS,
            (
                "Americas",
                "GitHub Enterprise Server",
                "1,900",
                "2 monorepos: claims-platform and data-pipelines",
            ),
            ("EMEA", "GitLab.com", "700", "1 monorepo: eu-reporting"),
            ("All regions", "—", "2,600", "4 monorepos, ~1.1 TB of git data"),
        ),
        catalogue,
    )
    assert got["monorepos"] == ["4"]  # the stated total wins over the rows
    assert got["total_repo_size_gb"] == ["1.1 TB"]
