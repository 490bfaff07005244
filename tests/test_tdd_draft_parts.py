"""TDD reader: a draft's marks on whole parts (`read.authority`, `read.examples`) and marks set beside a
figure's line rather than on it (a box inside a checklist line, an arrow for a colon, a date that
denies it is the build's). The corpus documents 383-386 show each in one document; these vary the
shape."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table

DESIGN = "<h2>Design</h2><p>Machines: 3 × m6i.4xlarge</p><p>Disk: 1,800 GB</p><p>Repositories: 1,240</p>"


@pytest.mark.parametrize(
    "later",
    [
        "<h2>As built (authoritative)</h2>",  # the title says so, in brackets
        "<h2>As built — supersedes the design</h2>",  # after a dash
        "<h2>As built</h2><p>Where this section and the design differ, this section takes precedence.</p>",
    ],
)
def test_a_part_that_says_it_wins_replaces_the_others_values(catalogue: Catalogue, later: str) -> None:
    found = read(DESIGN + later + "<p>Disk: 2,400 GB in total.</p><p>Repositories: 1,400</p>", catalogue)
    assert found["total_disk_gb"] == ["2400 GB"] and found["repositories"] == ["1400"]
    assert found["instance_types"] == ["3 × m6i.4xlarge"]  # what it does not restate stands


def test_a_part_named_in_quotes_by_another_wins(catalogue: Catalogue) -> None:
    note = '<p>Note: see the section "As-built record"; where the two disagree, that section wins.</p>'
    found = read(note + DESIGN + "<h2>As-built record</h2><p>Disk: 2,400 GB in total.</p>", catalogue)
    assert found["total_disk_gb"] == ["2400 GB"]


def test_a_precedence_word_that_names_no_part_changes_nothing(catalogue: Catalogue) -> None:
    found = read(DESIGN + "<h2>Notes</h2><p>Helm wins over Kustomize here. Disk: 2,400 GB.</p>", catalogue)
    assert sorted(found["total_disk_gb"]) == ["1800 GB", "2400 GB"]


def test_a_document_superseding_another_document_makes_no_part_win(catalogue: Catalogue) -> None:
    intro = "<h2>Document control</h2><p>This document supersedes version 1.2. Disk: 2,400 GB.</p>"
    assert sorted(read(intro + DESIGN, catalogue)["total_disk_gb"]) == ["1800 GB", "2400 GB"]


@pytest.mark.parametrize(
    "now",
    [
        "<h2>Cluster (running now)</h2>",
        "<h2>Infrastructure (what runs today)</h2>",
        "<h2>Production – as it runs now</h2>",
    ],
)
def test_a_part_titled_as_what_runs_now_wins_for_the_shape_not_the_dates(
    catalogue: Catalogue, now: str
) -> None:
    chosen = (
        "<h2>Design</h2><p>Machines: 4 × m6i.4xlarge</p><p>Disk: 1,800 GB</p>"
        "<p>Production build started on 2 March 2026.</p>"
    )
    later = now + "<p>3 × m6i.4xlarge, 2,400 GB of disk in total. Resized on 20 April 2026.</p>"
    found = read(chosen + later, catalogue)
    assert found["instance_types"] == ["3 × m6i.4xlarge"] and found["total_disk_gb"] == ["2400 GB"]
    assert found["start_date"] == ["2026-03-02"]


def test_a_part_titled_as_built_does_not_win_by_its_title(catalogue: Catalogue) -> None:
    found = read(DESIGN + "<h2>Production (as built)</h2><p>Disk: 2,400 GB in total.</p>", catalogue)
    assert sorted(found["total_disk_gb"]) == ["1800 GB", "2400 GB"]


def test_a_winning_part_replaces_nothing_of_another_environment(catalogue: Catalogue) -> None:
    later = "<h2>Amendment (authoritative)</h2><p>Staging: 1 × m6i.2xlarge, 300 GB of disk.</p>"
    assert read(DESIGN + later, catalogue)["total_disk_gb"] == ["1800 GB"]


@pytest.mark.parametrize(
    "example",
    [
        table(("Machines", "Disk"), ("6 × c6i.8xlarge", "5,000 GB")),
        "<ul><li>Machines: 6 × c6i.8xlarge</li><li>Disk: 5,000 GB</li></ul>",
        "<p>Machines: 6 × c6i.8xlarge</p><p>Disk: 5,000 GB</p>",
    ],
)
@pytest.mark.parametrize(
    "lead_in",
    [
        "A completed entry looks like this (made-up values):",
        "Fill in the rows as in this sample from another customer:",
        "For instance:",
    ],
)
def test_an_example_a_lead_in_announces_is_no_value(catalogue: Catalogue, lead_in: str, example: str) -> None:
    found = read(f"<h2>How to fill in</h2><p>{lead_in}</p>{example}<h2>Production</h2>{DESIGN}", catalogue)
    assert found["instance_types"] == ["3 × m6i.4xlarge"] and found["total_disk_gb"] == ["1800 GB"]


def test_a_lead_in_must_announce_an_example(catalogue: Catalogue) -> None:
    found = read("<h2>Production</h2><p>The sizing we agreed:</p><p>Disk: 5,000 GB</p>", catalogue)
    assert found["total_disk_gb"] == ["5000 GB"]


def test_a_box_inside_a_checklist_line_marks_a_state(catalogue: Catalogue) -> None:
    line = "<p>☑ GitHub.com connected and synced. Perforce ☐ deferred to 2027, not connected yet.</p>"
    assert read("<h2>Production</h2>" + line, catalogue)["code_hosts"] == ["GitHub.com"]


@pytest.mark.parametrize("arrow", ["→", "->", "=>"])
def test_an_arrow_after_a_short_label_is_its_colon(catalogue: Catalogue, arrow: str) -> None:
    found = read(f"<h2>Production</h2><p>seats {arrow} 800</p><p>monorepos {arrow} none</p>", catalogue)
    assert found["max_users"] == ["800"] and found["monorepos"] == ["0"]


def test_parts_added_up_before_an_arrow_are_the_parts_of_its_figure(catalogue: Catalogue) -> None:
    line = "<p>storage: gitserver 2x 1 TB + zoekt 500 GB + misc 100 GB -> 2.6 TB</p>"
    assert read("<h2>Production</h2>" + line, catalogue)["total_disk_gb"] == ["2.6 TB"]


def test_a_date_whose_sentence_denies_it_is_the_builds_is_not(catalogue: Catalogue) -> None:
    text = (
        "<h2>Dates</h2><ul><li>prod complete → 04/09/2026</li>"
        "<li>go-live mail to all developers went out 14/09/2026 (comms only, not the build)</li></ul>"
    )
    assert read(text, catalogue)["completion_date"] == ["2026-09-04"]
