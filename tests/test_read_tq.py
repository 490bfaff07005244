"""TDD reader: forms whose options are marked in other ways (a tick among separated options, a chosen
option with its details after a dash), and lines whose marks are no choice among options."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


@pytest.mark.parametrize(
    "html",
    [
        table(
            ("Question", "Options (selected marked ✓)", "Answer / detail"),
            (
                "Code hosts",
                "GitHub.com ✓ · GitLab · Bitbucket · Perforce · AWS CodeCommit ✓ · Other: ____",
                "",
            ),
            ("Monorepos", "none · 1 ✓ · 2–5 · more", "the route planner"),
        ),
        "<p>Code hosts: ✓ GitHub.com / GitLab / Perforce / ✓ AWS CodeCommit</p>"
        "<p>Monorepos: none · ✓ 1 · 2–5</p>",
    ],
)
def test_separated_options_keep_only_the_ticked(catalogue: Catalogue, html: str) -> None:
    found = read(html, catalogue)
    assert set(found["code_hosts"][0].split(", ")) == {"GitHub.com", "AWS CodeCommit"}
    assert found["monorepos"] == ["1"]


def test_separated_options_with_none_ticked_are_not_narrowed(catalogue: Catalogue) -> None:
    html = table(("Code hosts", "GitHub.com · GitLab ✗ · Perforce"))
    found = read(html, catalogue)
    assert found.get("code_hosts", [""])[0] != "GitHub.com"


@pytest.mark.parametrize(
    "html",
    [
        # one tick opening a checklist's line: the state of the line, not one option of it
        "<p>☑ aks-prod-01 · AKS westeurope · 4× Standard_D16s_v5</p>",
    ],
)
def test_a_lines_own_mark_is_no_choice(catalogue: Catalogue, html: str) -> None:
    assert read(html, catalogue)["instance_types"] == ["4 × Standard_D16s_v5"]


def test_ticked_dates_written_with_slashes_are_no_options(catalogue: Catalogue) -> None:
    found = read("<p>Production build started: 14/09/2026 ✔ / completed: 18/09/2026 ✔</p>", catalogue)
    assert found["start_date"] == ["2026-09-14"]
    assert found["completion_date"] == ["2026-09-18"]


def test_the_chosen_option_may_carry_its_details_after_a_dash(catalogue: Catalogue) -> None:
    html = (
        "<p>Deployment method</p><ul><li>Kubernetes (Helm)</li><li>Docker Compose</li>"
        "<li>Single container</li>"
        "<li>✓ Machine image — Sourcegraph AMI (launched from the AWS Marketplace listing, v6.x)</li></ul>"
    )
    assert read(html, catalogue)["deployment_type"] == ["Machine image (AWS AMI / Azure / GCE)"]


@pytest.mark.parametrize(
    "html",
    [
        "<p>Disk: 2,400 GB (gitserver 4 × 400 GB, indexed-search 2 × 300 GB, "
        "pgsql + redis + blobstore 200 GB together)</p>",
        "<p>Storage: 2.4 TB (the repositories 1,600 GB, the search index 600 GB, "
        "the databases 200 GB combined)</p>",
    ],
)
def test_a_total_word_inside_a_breakdown_totals_its_own_part(catalogue: Catalogue, html: str) -> None:
    assert read(html, catalogue)["total_disk_gb"] in (["2400 GB"], ["2.4 TB"])


def test_a_total_larger_than_the_figure_before_its_bracket_is_the_whole(catalogue: Catalogue) -> None:
    assert read("<p>Disk: 500 GB per node (2 TB in total)</p>", catalogue)["total_disk_gb"] == ["2 TB"]


@pytest.mark.parametrize(
    "html",
    [
        "<p>Disks</p><p>OS disk 100 GB + data disk 1,400 GB on the vSAN datastore, 1.5 TB in total</p>",
        "<p>Q: Disks</p><p>A: OS disk 100 GB + data disk (/var/lib/docker) 1,400 GB on the vSAN datastore, "
        "1.5 TB in total</p>",
    ],
)
def test_the_sum_of_disks_placed_on_a_datastore_is_no_datastore_size(catalogue: Catalogue, html: str) -> None:
    assert read(html, catalogue)["total_disk_gb"] == ["1.5 TB"]


def test_a_datastore_larger_than_its_disks_is_still_the_whole(catalogue: Catalogue) -> None:
    html = "<p>Disks</p><p>OS disk 100 GB + data disk 1,400 GB on the vSAN datastore, 40 TB in total</p>"
    assert "40 TB" not in read(html, catalogue).get("total_disk_gb", [])
