"""Build dates by the event each date is given to: the production build began, or it was complete or
accepted. A snippet of a TDD in, the start and completion dates out.

Each rule is also exercised by a corpus document (tests/fixtures/tdd_corpus, see its README).
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


def test_a_range_may_be_written_with_an_arrow_and_its_year_once(catalogue: Catalogue) -> None:
    got = read("<p>Prod is live. Built 21 Sep → 2 Oct 2026, opened to everyone 12 Oct.</p>", catalogue)
    assert got["start_date"] == ["2026-09-21"]
    assert got["completion_date"] == ["2026-10-02"]


def test_to_ends_a_range_only_right_after_its_first_date(catalogue: Catalogue) -> None:
    got = read("<p>The build was accepted on 2 Oct 2026, opened to everyone on 12 Oct 2026.</p>", catalogue)
    assert got["completion_date"] == ["2026-10-02"]


def test_a_bracket_after_a_date_names_its_event(catalogue: Catalogue) -> None:
    got = read(
        "<p>Production: 18 May 2026 (start) to 29 May 2026 (production infrastructure complete).</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-05-18"]
    assert got["completion_date"] == ["2026-05-29"]


def test_a_bracket_holding_a_reference_names_no_event(catalogue: Catalogue) -> None:
    got = read(
        "<p>Okta SAML live on production from Friday 2 Oct 2026 (I-05 closed).</p>"
        "<p>Cloud CoE signed off the production infrastructure on Friday 9 Oct 2026.</p>",
        catalogue,
    )
    assert got["completion_date"] == ["2026-10-09"]


def test_from_starts_only_the_date_right_after_it(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>We started the production infrastructure the 2th of March 2026.</li>"
        "<li>The production is finished and accepted from us the 27 of March 2026.</li></ul>",
        catalogue,
    )
    assert got["start_date"] == ["2026-03-02"]
    assert got["completion_date"] == ["2026-03-27"]


def test_a_date_without_a_year_takes_the_documents_one_year(catalogue: Catalogue) -> None:
    got = read(
        "<p>Sent: Monday, 28 September 2026</p>"
        "<p>We started building the PRD cluster on 8 September (first terraform apply).</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-09-08"]
    two_years = read(
        "<p>Sent: 3 December 2025. Reply: 5 January 2026</p>"
        "<p>We started building the cluster on 8 September.</p>",
        catalogue,
    )
    assert "start_date" not in two_years


def test_a_day_written_in_words_is_a_date(catalogue: Catalogue) -> None:
    got = read(
        "<p>Notes · 9 Sept 2026</p><p>We started building on the third of August, and production was signed "
        "off on the twenty-first of August.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-08-03"]
    assert got["completion_date"] == ["2026-08-21"]


def test_a_day_heading_dates_the_build_events_told_under_it(catalogue: Catalogue) -> None:
    got = read(
        "<p>The export covers 29 July to 21 August 2026.</p>"
        "<h2>Monday, August 10th</h2><p>kicked off terraform for the Live cluster this morning</p>"
        "<p>the overlays are on branch live, I can pair tomorrow</p>"
        "<h2>Friday, August 21st</h2><p>Live is signed off by infra and security</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-08-10"]
    assert got["completion_date"] == ["2026-08-21"]


def test_a_day_heading_does_not_date_a_meeting_kick_off(catalogue: Catalogue) -> None:
    got = read("<p>Minutes, 2026.</p><h2>12 March 2026</h2><p>Kick-off with the vendor held.</p>", catalogue)
    assert "start_date" not in got


def test_a_milestone_cell_may_hold_a_range(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Task", "Status", "Date"),
            ("Shelf ordered", "Done", "April 14, 2026"),
            ("Prod VM built + Compose up", "Done", "May 4, 2026 → May 15, 2026"),
            ("Rollout to all studios", "Done", "June 1, 2026"),
        ),
        catalogue,
    )
    assert got == {"start_date": ["2026-05-04"], "completion_date": ["2026-05-15"]}


def test_a_year_the_sentence_names_is_the_year_of_its_days(catalogue: Catalogue) -> None:
    renewal = "<p>Licence renewal: the licence renews on 1 Feb 2027.</p>"  # the document's only full date
    for html in (
        "<ul><li>Built: started 3rd August, signed off 28th August (both 2026)</li></ul>",
        "<p>In 2026 the cluster went up on 3 August and was accepted on 28 August.</p>",
        table(("Milestone", "When"), ("Production build", "3 Aug → 28 Aug (2026)")),
    ):
        got = read(html + renewal, catalogue)
        assert got.get("start_date") == ["2026-08-03"], html
        assert got.get("completion_date") == ["2026-08-28"], html


def test_a_year_after_a_name_is_no_year_of_the_sentence(catalogue: Catalogue) -> None:
    got = read(
        "<p>All dates below are in 2026.</p>"
        "<p>The Windows Server 2022 hosts went up on 7 September; production accepted on 30 September.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-09-07"]
    assert got["completion_date"] == ["2026-09-30"]


def test_completion_is_known_in_the_languages_tdds_are_written_in(catalogue: Catalogue) -> None:
    for html, day in (
        (
            table(
                ("Mijlpaal", "Datum"),
                ("Start inrichting productie", "1 september 2026"),
                ("Oplevering en acceptatie productie", "25 september 2026"),
            ),
            "2026-09-25",
        ),
        (
            "<p>Productieomgeving gestart op 1 september 2026, opgeleverd op 25 september 2026.</p>",
            "2026-09-25",
        ),
        (
            "<ul><li>Build started: 01.09.2026</li><li>Abnahme der Produktion: 25.09.2026</li></ul>",
            "2026-09-25",
        ),
    ):
        got = read(html, catalogue)
        assert got.get("completion_date") == [day], html


@pytest.mark.parametrize(
    "html",
    [
        "<p>The implementation project ran from 01.07.2026 to acceptance on 24.07.2026 and was capitalised "
        "in July.</p>",
        "<ul><li>Build: from 1 July 2026 to acceptance on 24 July 2026</li></ul>",
        table(("Phase", "When"), ("Installation", "2026-07-01 to sign-off on 2026-07-24")),
    ],
)
def test_a_range_ending_at_a_milestone_completes_the_build(catalogue: Catalogue, html: str) -> None:
    got = read(html, catalogue)
    assert got.get("start_date") == ["2026-07-01"]
    assert got.get("completion_date") == ["2026-07-24"]


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li>2026-09-21 — infrastructure provisioning started (prod)</li>"
        "<li>2026-10-05 — promoted to lifecycle: production</li></ul>",
        "<p>Provisioning of the cluster started on 21 September 2026; the service was moved into production "
        "on 5 October 2026.</p>",
    ],
)
def test_a_move_into_production_completes_the_build(catalogue: Catalogue, html: str) -> None:
    assert read(html, catalogue).get("completion_date") == ["2026-10-05"]


def test_from_opens_only_the_date_right_after_it(catalogue: Catalogue) -> None:
    for html in (
        "<p>Exported from the planning workbook on 2026-10-06 for the review.</p>",
        "<ul><li>Copied from Confluence on 6 October 2026 by the platform team</li></ul>",
        table(("Source", "Imported from the CMDB on 06 Oct 2026")),
    ):
        assert "start_date" not in read(html, catalogue), html
    got = read("<p>Production build: from 11 May 2026, signed off 29 May 2026.</p>", catalogue)
    assert got["start_date"] == ["2026-05-11"]


def test_an_instance_launched_on_a_date_starts_the_build(catalogue: Catalogue) -> None:
    got = read("<p>The production VM was launched from the golden image on 2026-04-06.</p>", catalogue)
    assert got["start_date"] == ["2026-04-06"]
