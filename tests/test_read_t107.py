"""TDDs written as issue-tracker and wiki exports: a work item's fields, its description and its comment
thread (Jira, GitHub, GitLab, Azure DevOps), a wiki page's properties, panels and comments."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.aftercomments import tells_change, under_comment
from handoff.read.itemrefs import unreferenced
from handoff.read.stops import sentence_ends
from tddview import settled


@pytest.mark.parametrize(
    ("line", "total"),
    [
        (
            "Disk, gp3 per volume: gitserver 3 × 1,000 GiB, indexed-search 2 × 200 GiB, pgsql and"
            " codeintel-db together 100 GiB → 3,500 GiB in total.",
            3500,
        ),
        (
            "Disks: gitserver 4 × 1 TiB, indexed-search 2 × 400 GiB, pgsql and codeintel-db 200 GiB"
            " together. 5 TiB in total.",
            5000,
        ),
    ],
)
def test_two_parts_added_up_in_passing_are_no_total_beside_the_whole(
    line: str, total: int, catalogue: Catalogue
) -> None:
    assert settled(f"<h1>Sizing</h1><p>{line}</p>", catalogue)["total_disk_gb"] == total


def test_a_pair_together_alone_is_still_read(catalogue: Catalogue) -> None:
    got = settled("<h1>Sizing</h1><p>Disk: gitserver and zoekt together 3 TB.</p>", catalogue)
    assert got["total_disk_gb"] == 3000


def test_a_pool_running_kube_system_only_is_not_the_deployment(catalogue: Catalogue) -> None:
    got = settled(
        "<h1>Production environment</h1><p>Node pool sg-prod-pool: 4 × n2-standard-16, spread over zones"
        " a, b and c. The system pool (GKE default, 2 × e2-standard-4) runs kube-system only and belongs"
        " to the platform team.</p><p>Compute total: 64 vCPU, 256 GB memory</p>",
        catalogue,
    )
    assert got["instance_types"] == ["4 × n2-standard-16"]
    assert got["total_cpu"] == 64


def test_a_small_letter_closing_a_list_of_letters_ends_its_sentence() -> None:
    text = "Spread over zones a, b and c. The system pool is small."
    assert list(sentence_ends(text)) == [text.index("The")]
    assert list(sentence_ends("Signed by J. Smith today.")) == []


def _thread(*entries: tuple[str, str]) -> str:
    return "<h2>Discussion</h2><p>Newest first.</p>" + "".join(f"<p>{s}</p><p>{t}</p>" for s, t in entries)


def test_a_later_clause_naming_the_build_dates_the_comments_start(catalogue: Catalogue) -> None:
    got = settled(
        _thread(
            ("Marek Lindqvist commented 6 February 2026 18:10", "Production done: both pools healthy."),
            (
                "Marek Lindqvist commented 19 January 2026 08:30",
                "Node pools created. Helm install started this morning: production build start.",
            ),
        ),
        catalogue,
    )
    assert str(got["start_date"]) == "2026-01-19"
    assert str(got["completion_date"]) == "2026-02-06"


def test_a_start_naming_no_build_in_any_clause_dates_nothing(catalogue: Catalogue) -> None:
    got = settled(
        _thread(("Marek Lindqvist commented 19 January 2026 08:30", "Re-indexing started this morning.")),
        catalogue,
    )
    assert got.get("start_date") is None


_PROPERTIES = (
    "<h2>Page properties</h2><table><tr><td><p>Status</p></td><td><p>[DONE]</p></td></tr>"
    "<tr><td><p>Target go-live</p></td><td><p>Jun 01, 2026</p></td></tr></table>"
)
_MILESTONES = (
    "<h2>Status</h2><table><tr><td><p>Milestone</p></td><td><p>Status</p></td><td><p>Date</p></td></tr>"
    "<tr><td><p>Production build started</p></td><td><p>[DONE]</p></td><td><p>May 11, 2026</p></td></tr>"
    "<tr><td><p>Production build complete</p></td><td><p>[DONE]</p></td><td><p>May 29, 2026</p></td></tr>"
    "</table>"
)


@pytest.mark.parametrize(
    "panel",
    [
        "Info: this page is the TDD of record. Where the Jira tickets differ from this page, this page wins.",
        "",
    ],
)
def test_this_page_wins_is_said_of_the_whole_page(panel: str, catalogue: Catalogue) -> None:
    got = settled(_PROPERTIES + f"<p>{panel}</p>" + _MILESTONES, catalogue)
    assert str(got["completion_date"]) == "2026-05-29"


def test_this_section_wins_still_makes_its_section_win(catalogue: Catalogue) -> None:
    got = settled(
        "<h2>Sizing</h2><p>Disk: 2 TB</p><h2>Changes</h2><p>This section takes precedence.</p>"
        "<p>Disk: 3 TB</p>",
        catalogue,
    )
    assert got["total_disk_gb"] == 3000


_BUILT = (
    "<h2>Code hosts</h2><ul><li>GitHub Enterprise Cloud (org b): 950 repos</li>"
    "<li>Azure DevOps Services: 130 repos</li></ul><h2>Comments</h2>"
    "<p>sam commented on Jun 19, 2026</p><p>Production infrastructure complete, everything indexed.</p>"
)


def test_a_count_a_comment_after_the_build_tells_grew_is_growth(catalogue: Catalogue) -> None:
    got = settled(
        _BUILT + "<p>mk commented on Jun 23, 2026</p>"
        "<p>We now have 1,120 repos in GHEC after the archive import; no action needed.</p>",
        catalogue,
    )
    assert got["repositories"] == 1080


def test_a_count_of_a_changelog_entry_after_go_live_is_the_current_one(catalogue: Catalogue) -> None:
    got = settled(
        "<h2>Code hosts</h2><p>GitLab Self-Managed hosts 700 repositories.</p>"
        "<p>Production build complete on 3 May 2026.</p>"
        "<h2>Changelog</h2><h3>2026-06-12</h3><p>We now have 760 repositories after the Gerrit import.</p>",
        catalogue,
    )
    assert got["repositories"] == 760


def test_comment_stamps_and_words_of_change() -> None:
    assert under_comment(["Comments", "mkrantz commented on Jun 23, 2026"])
    assert not under_comment(["Changelog", "2026-06-12"])
    assert tells_change("We now have 1,120 repos after the archive import")
    assert not tells_change("All 2,100 repos cloned and indexed")


def test_an_oci_shape_with_its_configuration_is_the_machine(catalogue: Catalogue) -> None:
    got = settled(
        "<h1>Description</h1><ul><li>Method: Docker Compose on a single VM</li>"
        "<li>Shape: VM.Standard.E5.Flex configured with 24 OCPU (= 48 vCPU) and 192 GB memory</li></ul>",
        catalogue,
    )
    assert got["instance_types"] == ["1 × VM.Standard.E5.Flex"]
    assert got["total_cpu"] == 48
    assert got["total_memory_gb"] == 192


def test_a_template_hint_left_in_gives_no_figures(catalogue: Catalogue) -> None:
    got = settled(
        "<h1>Description</h1><p>Docker Compose VM with 48 vCPU and 192 GB memory.</p>"
        "<p>Template hint (delete before refinement): Sizing guide — small: 16 vCPU / 64 GB / 500 GB;"
        " medium: 32 vCPU / 128 GB / 1 TB; large: 64 vCPU / 256 GB / 2 TB.</p>",
        catalogue,
    )
    assert got["total_cpu"] == 48
    assert got.get("total_disk_gb") is None


def test_listed_work_items_are_neither_counts_nor_the_deployments_words(catalogue: Catalogue) -> None:
    got = settled(
        "<p>Merged</p><table><tr><td><p>Reviewers</p></td><td><p>Bence Szabó (approved)</p></td></tr>"
        "<tr><td><p>Assignee</p></td><td><p>Kata Horváth</p></td></tr><tr><td><p>Closes</p></td>"
        "<td><p>#57 Production Sourcegraph instance, #61 Perforce depots"
        " in Sourcegraph</p></td></tr></table><h2>Code hosts</h2><table><tr><td><p>Host</p></td>"
        "<td><p>Type</p></td><td><p>Repos</p></td></tr><tr><td><p>gitlab.corp.example</p></td>"
        "<td><p>GitLab self-managed</p></td><td><p>2,450</p></td></tr><tr><td><p>perforce.corp.example</p>"
        "</td><td><p>Perforce Helix Core</p></td><td><p>40 depots</p></td></tr><tr><td><p>Total</p></td>"
        "<td><p></p></td><td><p>2,490</p></td></tr></table>",
        catalogue,
    )
    assert got["repositories"] == 2490
    assert set(got["code_hosts"]) == {"GitLab Self-Managed", "Perforce"}


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("#57 Production instance, #61 Perforce depots", "#   " + " " * 19 + ", #   " + " " * 15),
        ("decided in #61 (the POC ran 60 repos)", "decided in #   (the POC ran 60 repos)"),
        ("node #3 of 3 nodes", "node #3 of 3 nodes"),
        ("#14 gitserver resized to 2 TB", "#   gitserver resized to 2 TB"),
    ],
)
def test_item_numbers_and_listed_titles_are_blanked(text: str, after: str) -> None:
    assert unreferenced(text) == after
