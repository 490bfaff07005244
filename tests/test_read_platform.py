"""A tenant on a platform team's cluster, second part (blind 63): a sentence giving the sentence before
away ("None of that is ours."), a count concluding those before it ("…, so 1,760 repositories"), a host
whose clause ends "not to connect that", numbered run-in titles (`read/leadins.py`), a repository
count that opens with its bound, and a title saying "not ours" over a bullet naming production.
Snippets in, values out, in words and layouts the set's documents do not use."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.leadins import title, without_number
from tdd_snippets import read

_INTRO = "<p>Design of the code search service.</p>"


@pytest.mark.parametrize(
    "sentence",
    [
        "None of that is ours.",
        "None of those machines are Sourcegraph's.",
        "Not one of them belongs to the deployment.",
    ],
)
def test_a_sentence_giving_the_one_before_away_takes_its_machines(
    sentence: str, catalogue: Catalogue
) -> None:
    got = read(
        _INTRO
        + "<h2>Hosting</h2><p>The estate has 40 hosts, 1,280 cores and 10,240 GB of RAM between them. "
        + sentence
        + " Sourcegraph has 3 × m6i.2xlarge with 24 vCPU in total.</p>",
        catalogue,
    )
    assert "1280" not in str(got.get("total_cpu")) and "10240" not in str(got.get("total_memory_gb"))
    assert got.get("instance_types") == ["3 × m6i.2xlarge"]


@pytest.mark.parametrize("word", ["so", "making", "for a total of"])
def test_a_count_concluding_the_hosts_before_it_is_their_total(word: str, catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>Code</h2><p>Bitbucket Server holds 2,100 repositories that we mirror, and the Gitea box of "
        + f"the firmware group keeps 300 more, {word} 2,400 repositories in the index.</p>",
        catalogue,
    )
    assert got.get("repositories") == ["2400"]


def test_a_host_whose_clause_ends_not_to_connect_that_is_not_connected(catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>Code</h2><p>GitLab Self-Managed has 900 repositories. A few teams keep side projects on "
        + "Bitbucket Cloud, but security told us not to index that.</p>",
        catalogue,
    )
    assert got.get("code_hosts") == ["GitLab Self-Managed"]


def test_a_relative_that_after_a_verb_of_searching_is_no_object(catalogue: Catalogue) -> None:
    got = read(
        _INTRO + "<h2>Code</h2><p>We index the Bitbucket Server projects that the teams sync.</p>", catalogue
    )
    assert got.get("code_hosts") == ["Bitbucket Server / Data Center"]


def test_a_numbered_run_in_title_loses_its_number() -> None:
    assert without_number("4.2 Monorepos: 3") == "    Monorepos: 3"
    assert without_number("12.1.3 Peak users: 80") == "       Peak users: 80"
    assert without_number("2.5 TB of disk") == "2.5 TB of disk"  # (a figure and its unit stay)
    assert without_number("3.2 million lines") == "3.2 million lines"
    assert title("Cluster inventory (background only).") == "Cluster inventory (background only)"
    assert title("The cluster has 12 nodes.") == ""
    assert title("this sentence was begun in lower case.") == ""


def test_numbered_run_in_items_of_one_paragraph_are_each_a_label(catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>5 Repositories</h2><p>5.1 Monorepos: 3 (core, web and the data lake). 5.2 Largest "
        + "repository: core, 18 GB. 5.3 Repositories: 4,100.</p>",
        catalogue,
    )
    assert got.get("monorepos") == ["3"]
    assert got.get("repositories") == ["4100"]


def test_a_run_in_title_saying_context_only_heads_the_rest_of_its_paragraph(catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>2 Infrastructure</h2>"
        + "<p>2.1 Nodes. Sourcegraph runs on 3 × n2-standard-16, 48 vCPU in total.</p>"
        + "<p>2.2 Cluster inventory (background only). gke-main-eu has 310 nodes and about 9,920 vCPU in "
        + "total; its default pool is e2-standard-32 with autoscaling from 100 to 400 nodes.</p>",
        catalogue,
    )
    assert got.get("total_cpu") == ["48"]
    assert got.get("instance_types") == ["3 × n2-standard-16"]


@pytest.mark.parametrize(
    "value, want",
    [("up to 6,000 (today 4,200)", "6000"), ("at most 9,000", "9000"), ("max. 12k, currently 7k", "12000")],
)
def test_a_repository_count_opening_with_its_bound_is_the_limit(
    value: str, want: str, catalogue: Catalogue
) -> None:
    got = read(_INTRO + f"<h2>Sizing</h2><p>Repositories: {value}</p>", catalogue)
    assert got.get("max_repositories") == [want]
    assert "repositories" not in got


def test_not_ours_over_a_bullet_naming_production_holds(catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + "<h2>Hosting cluster (not ours)</h2><ul><li>k8s-prod-01: 80 × m6i.4xlarge</li></ul>"
        + "<h2>Our node group</h2><ul><li>4 × r6i.2xlarge, 32 vCPU</li></ul>",
        catalogue,
    )
    assert got.get("instance_types") == ["4 × r6i.2xlarge"]


@pytest.mark.parametrize(
    "label",
    ["Bitbucket Data Center (payments projects)", "GitLab.com (the mobile group)", "Gitea (lab, on-prem)"],
)
def test_a_host_label_with_an_aside_still_counts_its_repositories(label: str, catalogue: Catalogue) -> None:
    got = read(_INTRO + f"<h2>Code</h2><ul><li>{label}: 1,320</li><li>GitHub.com: 80</li></ul>", catalogue)
    assert got.get("repositories") == ["1400"]


@pytest.mark.parametrize(
    "line, want",
    [
        ("Peak concurrency sized for 450.", "450"),
        ("Maximum simultaneous users: planned at 300.", "300"),
        ("peak concurrent sessions designed for 120", "120"),
    ],
)
def test_a_peak_given_as_what_it_was_sized_for_is_the_concurrency(
    line: str, want: str, catalogue: Catalogue
) -> None:
    got = read(_INTRO + f"<h2>Limits</h2><p>{line}</p>", catalogue)
    assert got.get("max_concurrent_users", [])[:1] == [want]


@pytest.mark.parametrize("heading", ["Source code", "4. Codebase", "Code and scale"])
def test_a_bare_total_size_under_a_heading_naming_the_code_is_the_repositories(
    heading: str, catalogue: Catalogue
) -> None:
    got = read(_INTRO + f"<h2>{heading}</h2><p>Total size: about 2.3 TB.</p>", catalogue)
    assert got.get("total_repo_size_gb") == ["2.3 TB"]


@pytest.mark.parametrize(
    "line, field, want",
    [
        (
            "Repository data on the gitserver disks as measured in the October audit: 880 GB",
            "total_repo_size_gb",
            "880 GB",
        ),
        (
            "Number of repositories in the index following the second wave of onboarding: 2,950",
            "repositories",
            "2950",
        ),
    ],
)
def test_a_long_label_closing_with_when_its_figure_was_taken_is_read(
    line: str, field: str, want: str, catalogue: Catalogue
) -> None:
    got = read(_INTRO + f"<h2>Scale</h2><ul><li>{line}</li></ul>", catalogue)
    assert got.get(field) == [want]


@pytest.mark.parametrize(
    "parent",
    ["Premium SSD through the platform team's managed-csi class", "pd-ssd from the platform's default class"],
)
def test_a_possessive_in_a_parent_bullet_names_no_topic(parent: str, catalogue: Catalogue) -> None:
    got = read(
        _INTRO
        + f"<h2>Storage</h2><ul><li>{parent}<ul><li>gitserver 2 × 1,200 GiB</li><li>zoekt 2 × 300 GiB</li>"
        + "<li>total 3,000 GiB</li></ul></li></ul>",
        catalogue,
    )
    assert got.get("total_disk_gb") == ["3000 GiB"]
