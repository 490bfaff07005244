"""A living TDD's small habits: a status after a dash ending a host's line, a bracket telling the change
that made a figure, a disk only for the system, a sentence after a machine name ending on a digit."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import changes, connection, outside
from handoff.read.limitwords import is_growth
from handoff.read.stops import sentence_ends
from tdd_snippets import read


@pytest.mark.parametrize(
    "clause",
    [
        "Azure DevOps (project legacy-apps) — 140 repositories — removed in March after the move",
        "Phabricator mirror, 60 repositories (decommissioned 2026-02-01)",
        "GitHub.com org acme-oss - 30 repositories - disconnected on 4 May",
        "SVN bridge; retired since Q2",
    ],
)
def test_a_status_opening_its_part_of_a_hosts_line_says_it_is_not_connected(clause: str) -> None:
    assert connection.not_connected(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "GitLab Self-Managed — 900 projects — connected 2026-01-12",
        "Bitbucket Server, where removed branches are kept",
        "Gerrit (85 repositories, deleted branches pruned nightly)",
    ],
)
def test_other_words_after_a_dash_say_nothing(clause: str) -> None:
    assert not connection.not_connected(clause)


def test_a_list_of_hosts_leaves_out_the_one_removed(catalogue: Catalogue) -> None:
    html = (
        "<h1>Code hosts</h1><ul><li>GitHub Enterprise Server — 2,000 repositories</li>"
        "<li>Azure DevOps, project legacy — 150 repositories — removed 2026-05-02 after the move</li></ul>"
    )
    got = read(html, catalogue)
    assert got["code_hosts"] == ["GitHub Enterprise Server"]
    assert got["repositories"] == ["2000"]


@pytest.mark.parametrize(
    ("sentence", "old"),
    [
        ("The gitserver disk is 2 TB (extended from 1 TB in June).", "1 TB"),
        ("Each node now has 128 GiB (raised from 64 GiB after INC-204).", "64 GiB"),
        ("Total storage 5,000 GB (resized from 3,500 GB on 2026-04-30)", "3,500 GB"),
    ],
)
def test_a_bracket_telling_the_change_marks_its_old_side(sentence: str, old: str) -> None:
    spans = changes.old_spans(sentence)
    assert any(old in sentence[a:b] for a, b in spans)
    new = sentence.split(" (")[0]
    assert not any(a < new.rfind(" ") + 1 < b for a, b in spans)


def test_grown_from_is_a_change_not_growth() -> None:
    assert not is_growth("The data volume is 1,200 GB (grown from 600 GB last month).")
    assert is_growth("We expect the volume to grow to 2 TB next year.")


def test_the_disk_read_is_the_one_grown_not_its_old_side(catalogue: Catalogue) -> None:
    got = read(
        "<h1>Storage</h1><p>The shared data volume is 1,200 GB (grown from 600 GB in May).</p>", catalogue
    )
    assert got["total_disk_gb"] == ["1200 GB"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The VM's own 120 GB disk only holds the OS.",
        "A 200 GB NVMe just for the operating system and the container images.",
        "The local SSD (480 GB) merely stores the boot files.",
    ],
)
def test_a_disk_only_for_the_system_is_outside(sentence: str) -> None:
    assert outside.outside(sentence)


def test_the_system_disk_beside_the_data_volume_is_not_the_disk(catalogue: Catalogue) -> None:
    html = (
        "<h1>Disks</h1><p>Data lives on a 900 GB volume. The server's own 240 GB SSD only holds the OS.</p>"
    )
    assert read(html, catalogue)["total_disk_gb"] == ["900 GB"]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Workers: 3 × Standard_D8s_v5. The system pool is separate.", ["The system"]),
        ("Node sg-prd-wrk-04. It joined in July.", ["It joined"]),
        ("Upgraded to 5.4.1. Then restarted.", []),  # a version is no name
        ("1. Scope of the work", []),
    ],
)
def test_a_stop_after_a_name_ending_on_a_digit_ends_a_sentence(text: str, starts: list[str]) -> None:
    assert [text[i:].split(" ")[0] + " " + text[i:].split(" ")[1] for i in sentence_ends(text)] == starts


def test_a_labelled_pool_then_a_pool_not_counted(catalogue: Catalogue) -> None:
    html = (
        "<h1>Compute</h1><p>Workload pool: 3 × Standard_E8s_v5. The system pool (2 × Standard_B4ms) runs "
        "kube-system and is not counted here.</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["3 × Standard_E8s_v5"]


@pytest.mark.parametrize(
    "clause",
    [
        "2026-03-02: Gitea integration deleted after the team moved",
        "GitHub.com connection dropped (org archived)",
        "Perforce code host connection retired in Q3",
    ],
)
def test_a_log_headline_removing_a_connection_says_it_is_not_connected(clause: str) -> None:
    assert connection.not_connected(clause)


def test_names_joined_by_plus_before_one_size_are_one_part(catalogue: Catalogue) -> None:
    html = "<h1>Storage</h1><p>Volumes: gitserver 3 × 500 GiB; searcher + symbols 200 GiB; redis 50 GiB.</p>"
    assert read(html, catalogue)["total_disk_gb"] == ["1750 GB"]


def test_an_open_items_list_is_not_the_current_state(catalogue: Catalogue) -> None:
    html = (
        "<h1>Storage</h1><p>The data disk is 1.5 TB.</p>"
        "<h1>Outstanding actions</h1><ul><li>Grow the data disk to 2 TB (CAB pending)</li></ul>"
    )
    assert read(html, catalogue)["total_disk_gb"] == ["1.5 TB"]
