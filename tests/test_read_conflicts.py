"""Two values of one field where the document itself settles which holds: no conflict then, and a
conflict still where it does not (`read/entrydates.py`)."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.core.model import Location, TddValue
from handoff.read.entrydates import denied_ends, stamp_date
from handoff.read.sizinginputs import names_inputs
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields
from tdd_snippets import table


def view(html: str, catalogue: Catalogue) -> tuple[dict[str, Any], frozenset[str]]:
    """The fields `handoff tdd` would give (None for a conflict) and the conflicted fields."""
    doc = html_document(f"<html><body>{html}</body></html>")
    got = tdd_fields(read_document(doc, catalogue).values, catalogue)
    fields = {n: None if n in got.conflicted else fv.to_json()["value"] for n, fv in got.fields.items()}
    return fields, got.conflicted


# -- a log entry's stamp gives way to the completion the document states ------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-04-03 11:00 Priyanka Oduya: Production deployment finished its initial sync.", "2026-04-03"),
        ("Casimir Wendt, 08/Jun/26 18:30: initial sync done on prod.", "2026-06-08"),
        ("9/29/2026 Erik Lund changed State from Active to Resolved", "2026-09-29"),
        ("1.0 | 2025-12-15 | As built, signed off by the board", "2025-12-15"),
        ("12 May 2026 — production cluster handed over", "2026-05-12"),
    ],
)
def test_an_entry_opened_by_its_stamp_is_dated_by_it(text: str, day: str) -> None:
    assert stamp_date(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "Production build was complete with the cutover on 22 April 2026.",
        "Prod complete = step 6, 16/Jun/26.",
        "Built: 3 Nov 2025 – 12 Dec 2025",
        "Closed: Lars Holm 10/2/2026 3:31 PM",
        "The build finished 2026-04-03 after the sync.",
    ],
)
def test_a_date_inside_its_sentence_is_no_stamp(text: str) -> None:
    assert stamp_date(text) == ""


_WORK_NOTES = (
    "<h1>Production change</h1>"
    "<p>Sourcegraph on EKS with Helm, https://code.example.com.</p>"
    "<h2>Work notes (newest first)</h2>"
    "<p>2026-04-09 16:30 CAB: Approved for 14 April. Rescheduled to 21 April.</p>"
    "<p>2026-04-03 11:00 Priya Oduya: Production deployment finished its initial sync. Ready for CAB.</p>"
    "<p>2026-03-23 14:20 Priya Oduya: Build of the production cluster started.</p>"
)


def test_a_work_note_stamp_gives_way_to_the_close_notes_completion(catalogue: Catalogue) -> None:
    html = (
        _WORK_NOTES + "<h2>Close notes</h2>"
        "<p>Implemented in the rescheduled window. Production build started on 23 March and was complete "
        "with the cutover on 22 April 2026.</p>"
    )
    fields, conflicted = view(html, catalogue)
    assert "completion_date" not in conflicted
    assert fields["completion_date"] == "2026-04-22"


def test_a_comment_stamp_gives_way_to_the_runbooks_completion(catalogue: Catalogue) -> None:
    html = (
        "<h1>Production change</h1><p>Sourcegraph on GKE with Kustomize.</p>"
        "<h2>Runbook</h2><p>Prod complete = step 6, 16/Jun/26.</p>"
        "<h2>Comments</h2>"
        "<p>Casimir Wendt, 16/Jun/26 09:25: closing, the old VM is frozen.</p>"
        "<p>Casimir Wendt, 08/Jun/26 18:30: initial sync done on prod.</p>"
    )
    fields, conflicted = view(html, catalogue)
    assert "completion_date" not in conflicted
    assert fields["completion_date"] == "2026-06-16"


def test_a_revision_rows_date_gives_way_to_the_build_range(catalogue: Catalogue) -> None:
    html = (
        "<h1>Revisions</h1>"
        + table(("Version", "Date", "Change"), ("1.0", "2025-12-15", "As built, signed off by the board"))
        + "<h1>Environments</h1>"
        + table(("", "Production"), ("Hosting", "on-premises, RKE2"), ("Built", "3 Nov 2025 – 12 Dec 2025"))
    )
    fields, conflicted = view(html, catalogue)
    assert "completion_date" not in conflicted
    assert fields["completion_date"] == "2025-12-12"


def test_two_stated_completions_stay_a_conflict(catalogue: Catalogue) -> None:
    html = (
        _WORK_NOTES + "<h2>Close notes</h2>"
        "<p>Production build started on 23 March and was complete with the cutover on 22 April 2026.</p>"
        "<h2>Summary</h2><p>The production build was complete on 30 April 2026.</p>"
    )
    fields, conflicted = view(html, catalogue)
    assert "completion_date" in conflicted
    assert fields.get("completion_date") is None


# -- a sizing's inputs give way to the estate found -------------------------------------------


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("2. Sizing inputs (worksheet)", True),
        ("Estimator inputs", True),
        ("Inputs to the sizing", True),
        ("Capacity planning inputs", True),
        ("Inputs", False),  # a workbook's tab: it may hold the census itself
        ("Estimator inputs and results", False),
        ("Sizing assumptions", False),
    ],
)
def test_a_heading_naming_a_sizings_inputs(title: str, names: bool) -> None:
    assert names_inputs(title) is names


_INPUTS = (
    "<h1>Sizing inputs</h1>"
    "<p>The board asked us to size for today's figures plus 25 %: largest repository 8 GB, "
    "all repositories together 700 GB.</p>"
)


def test_the_inputs_give_way_to_the_estate_found(catalogue: Catalogue) -> None:
    html = (
        _INPUTS + "<h1>Code hosts and repositories</h1>"
        "<p>The largest repository is interlocking-core at 6.4 GB. All repositories together: 540 GB on "
        "the gitserver volumes.</p>"
    )
    fields, conflicted = view(html, catalogue)
    assert not conflicted & {"largest_repo_mb", "total_repo_size_gb"}
    assert fields["largest_repo_mb"] == 6400
    assert fields["total_repo_size_gb"] == 540


def test_the_inputs_alone_stay(catalogue: Catalogue) -> None:
    fields, _ = view(_INPUTS + "<h1>Platform</h1><p>Sourcegraph on GKE with Helm.</p>", catalogue)
    assert fields["largest_repo_mb"] == 8000


def test_two_values_outside_the_inputs_stay_a_conflict(catalogue: Catalogue) -> None:
    html = (
        _INPUTS + "<h1>Code hosts and repositories</h1>"
        "<p>The largest repository is interlocking-core at 6.4 GB.</p>"
        "<h1>Summary</h1><p>The largest repository is firmware-main at 9.1 GB.</p>"
    )
    _, conflicted = view(html, catalogue)
    assert "largest_repo_mb" in conflicted


# -- a node-pool listing's types are the counted machines' types -------------------------------


def test_a_pool_listings_types_are_the_counted_machines(catalogue: Catalogue) -> None:
    html = (
        "<h1>Production</h1><p>GKE Standard cluster, Helm chart.</p>"
        + table(
            ("NAME", "MACHINE_TYPE", "DISK_SIZE_GB"),
            ("sg-main", "n2-highmem-8", "100"),
            ("sg-search", "n2-standard-16", "100"),
        )
        + "<p>So 3 × n2-highmem-8 (sg-main) and 2 × n2-standard-16 (sg-search).</p>"
    )
    fields, conflicted = view(html, catalogue)
    assert "instance_types" not in conflicted
    assert fields["instance_types"] == ["3 × n2-highmem-8", "2 × n2-standard-16"]


def test_a_pool_listing_with_a_type_not_counted_is_kept(catalogue: Catalogue) -> None:
    html = (
        "<h1>Production</h1><p>GKE Standard cluster, Helm chart.</p>"
        + table(
            ("NAME", "MACHINE_TYPE", "DISK_SIZE_GB"),
            ("sg-main", "n2-highmem-8", "100"),
            ("sg-search", "c2-standard-30", "100"),
        )
        + "<p>So 3 × n2-highmem-8 (sg-main) and 2 × n2-standard-16 (sg-search).</p>"
    )
    fields, _ = view(html, catalogue)  # (the table's column beats the sentence, as it did before)
    assert fields.get("instance_types") != ["3 × n2-highmem-8", "2 × n2-standard-16"]


# -- the paragraph saying what the deployment switched to --------------------------------------


def test_the_names_a_switch_explains_are_the_old_ones(catalogue: Catalogue) -> None:
    html = (
        "<h1>Platform</h1><p>Google Cloud, a GKE Standard cluster, 6 × n2-standard-16.</p>"
        "<p>Edit (30 Jun): switched to Kustomize. Their Argo CD projects forbid Helm releases, so we use "
        "the Kustomize overlays. The Helm values file was deleted.</p>"
    )
    fields, conflicted = view(html, catalogue)
    assert "deployment_type" not in conflicted
    assert fields["deployment_type"] == "Kubernetes with Kustomize"


# -- a part of a total written again -----------------------------------------------------------


_WHOLE = (
    "<h1>The deployment</h1><p>Production is one m6i.8xlarge, so 32 vCPU and 128 GiB of memory, with a "
    "100 GB root volume and a 1,500 GB gp3 data volume; 1,600 GB of EBS in total.</p>"
)


def test_a_part_of_a_total_written_again_is_no_rival(catalogue: Catalogue) -> None:
    html = _WHOLE + "<h1>Appendix</h1><p>Note: the data volume in the change record became 1,500 GB.</p>"
    fields, conflicted = view(html, catalogue)
    assert "total_disk_gb" not in conflicted
    assert fields["total_disk_gb"] == 1600


def test_a_figure_no_total_adds_up_from_stays_a_rival(catalogue: Catalogue) -> None:
    html = _WHOLE + "<h1>Appendix</h1><p>Note: the disk in the change record became 1,400 GB in total.</p>"
    _, conflicted = view(html, catalogue)
    assert "total_disk_gb" in conflicted


# -- a completion date a sentence denies -------------------------------------------------------


_EDIT = (
    "Edit (12 Aug): the acceptance test failed on 31 July. They accepted the production instance on "
    "7 August 2026, so 7 August is the completion date, not 31 July."
)


def _ends(*places: tuple[str, str, str]) -> list[TddValue]:
    """Completion dates of production: (date as written, its ISO value, the paragraph it is in)."""
    return [
        TddValue("date", text, Location("tdd", f"TDD p{k}"), "completion_date", "production", value=iso)
        for k, (text, iso, _) in enumerate(places)
    ]


def test_a_date_the_correction_denies_is_no_completion() -> None:
    places = [
        ("31 July.", "2026-07-31", "A: We called it done on 31 July."),
        ("7 August 2026", "2026-08-07", _EDIT),
    ]
    blocks = {f"TDD p{k}": block for k, (_, _, block) in enumerate(places)}
    assert denied_ends(_ends(*places), lambda v: blocks[v.location.ref]) == {0}


def test_a_denial_naming_no_date_denies_nothing() -> None:
    edit = "They accepted the production instance on 7 August 2026, not in July as planned."
    places = [
        ("31 July.", "2026-07-31", "A: We called it done on 31 July."),
        ("7 August 2026", "2026-08-07", edit),
    ]
    blocks = {f"TDD p{k}": block for k, (_, _, block) in enumerate(places)}
    assert denied_ends(_ends(*places), lambda v: blocks[v.location.ref]) == set()


# -- a region glossed ---------------------------------------------------------------------------


def test_a_region_with_its_city_in_brackets_is_that_region(catalogue: Catalogue) -> None:
    html = "<h1>Summary</h1><p>Region: eu-north-1 (Stockholm)</p><h1>Terraform</h1><p>region: eu-north-1</p>"
    fields, conflicted = view(html, catalogue)
    assert "region" not in conflicted
    assert fields["region"] == "eu-north-1"


def test_two_region_codes_stay_a_conflict(catalogue: Catalogue) -> None:
    html = "<h1>Summary</h1><p>Region: eu-north-1 (Stockholm)</p><h1>Terraform</h1><p>region: eu-west-1</p>"
    _, conflicted = view(html, catalogue)
    assert "region" in conflicted
