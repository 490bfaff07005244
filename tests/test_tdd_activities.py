"""Activity tables (a project schedule, a deliverables table) and the date notations schedules and
terse notes use. A snippet of a TDD in, the build's start and completion dates out.

Exercised by corpus documents too (tests/fixtures/tdd_corpus 240-242, see its README).
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read import activities
from tdd_snippets import read, table


def test_a_schedules_summary_row_of_production_dates_the_build(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("WBS", "Task", "Start", "Finish", "Baseline Finish"),
            ("1", "Staging environment", "Mon 7/13/26", "Fri 7/24/26", "Fri 7/24/26"),
            ("1.1", "Install Sourcegraph on staging", "Mon 7/13/26", "Tue 7/14/26", "Tue 7/14/26"),
            ("2", "Production environment", "Mon 8/3/26", "Fri 8/21/26", "Fri 8/14/26"),
            ("2.1", "Provision node group (6 × m6i.4xlarge)", "Mon 8/3/26", "Tue 8/4/26", "Tue 8/4/26"),
            ("2.2", "Install Sourcegraph", "Wed 8/5/26", "Thu 8/20/26", "Thu 8/13/26"),
            ("3", "Hypercare", "Mon 8/24/26", "Fri 9/18/26", "Fri 9/11/26"),
        ),
        catalogue,
    )
    assert got["start_date"] == ["2026-08-03"]
    assert got["completion_date"] == ["2026-08-21"]
    assert got["instance_types"] == ["6 × m6i.4xlarge"]  # the child row is production's too


def test_the_only_production_deliverable_dates_the_build(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("#", "Deliverable", "Started", "Completed", "Status"),
            ("D1", "Pilot in one lab", "2025-03-03", "2025-10-14", "Done"),
            ("D2", "Production service provisioned and opened to all", "2026-02-02", "2026-03-09", "Done"),
            ("D3", "Onboarding of departmental groups", "2026-03-16", "2026-07-31", "Done"),
        ),
        catalogue,
    )
    assert got["start_date"] == ["2026-02-02"]
    assert got["completion_date"] == ["2026-03-09"]


def test_two_production_activities_and_no_summary_give_no_date(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Activity", "Start", "End"),
            ("Production: connect GitLab", "2026-05-04", "2026-05-08"),
            ("Production: connect Gerrit", "2026-05-11", "2026-05-15"),
            ("Staging build", "2026-04-01", "2026-04-10"),
        ),
        catalogue,
    )
    assert "start_date" not in got and "completion_date" not in got


def test_an_outline_childs_environment_is_its_parents() -> None:
    codes = activities.outline(["1", "1.1", "2", "2.1", "2.1.1"])
    assert codes is not None
    sections = activities.row_sections(
        ["Staging", "Install", "Production", "Provision", "Disks"],
        codes,
        lambda t: {"Staging": "trial", "Production": "production"}.get(t, ""),
    )
    assert sections == ["trial", "trial", "production", "production", "production"]
    assert activities.outline(["1", "2", "3"]) is None  # row numbers are no outline


def test_a_day_month_without_a_year_takes_the_documents_one_year(catalogue: Catalogue) -> None:
    got = read("<p>prd built 08/09 → 19/09 (2026), sign-off from the platform lead 19/09</p>", catalogue)
    assert got["start_date"] == ["2026-09-08"]
    assert set(got["completion_date"]) == {"2026-09-19"}


def test_a_year_after_a_product_name_is_no_documents_year(catalogue: Catalogue) -> None:
    got = read("<p>Production on Windows Server 2022: built 08/09 → 19/09.</p>", catalogue)
    assert "start_date" not in got


def test_a_chat_posts_stamp_is_no_event_date(catalogue: Catalogue) -> None:
    got = read(
        "<p>Production was signed off today, 16 Oct 2026.</p><p>Marcus 17/10 08:15 Confirming sign-off.</p>",
        catalogue,
    )
    assert got["completion_date"] == ["2026-10-16"]


def test_day_month_year_with_hyphens(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>22-Jun-2026: build of the production server started</li>"
        "<li>10-Jul-2026: production server accepted by the service owner</li></ul>",
        catalogue,
    )
    assert got["start_date"] == ["2026-06-22"]
    assert got["completion_date"] == ["2026-07-10"]


def test_a_range_whose_first_date_has_its_event_in_brackets(catalogue: Catalogue) -> None:
    got = read(
        "<p>We built the production instance between 14 Sep 2026 (first Terraform run) and "
        "2 Oct 2026 (accepted by operations).</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-09-14"]
    assert got["completion_date"] == ["2026-10-02"]


def test_live_naming_an_environment_is_no_go_live(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Date", "Who", "What"),
            ("2 Mar 2026", "Owen", "Live build started: first playbook run."),
            ("11 Mar 2026", "Aisha", "Live resized from 96 to 128 GiB RAM."),
            ("20 Mar 2026", "Aisha", "Live build finished and signed off."),
        ),
        catalogue,
    )
    assert got["start_date"] == ["2026-03-02"]
    assert got["completion_date"] == ["2026-03-20"]


def test_went_into_service_is_a_go_live(catalogue: Catalogue) -> None:
    got = read("<p>The production instance went into service on Sept 3rd 2026.</p>", catalogue)
    assert got["completion_date"] == ["2026-09-03"]


def test_handover_before_a_noun_is_a_thing_not_the_event(catalogue: Catalogue) -> None:
    got = read(
        "<p>Exported 2026-10-02 for the handover pack.</p>"
        "<p>The production platform was handed over on 2026-08-28.</p>",
        catalogue,
    )
    assert got["completion_date"] == ["2026-08-28"]


def test_a_date_a_state_is_given_as_at_is_no_event(catalogue: Catalogue) -> None:
    got = read(
        "<h2>What was delivered</h2><p>Build began August 10, 2026; the production instance was "
        "accepted on September 4, 2026.</p><p>Table 4 — Production footprint as at October 30, 2026.</p>",
        catalogue,
    )
    assert got["completion_date"] == ["2026-09-04"]


def test_two_dates_under_a_build_label_are_its_span(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>Production</li><ul><li>Built: AMI launched Jul 6, 2026; IE marked production complete "
        "Jul 17, 2026</li></ul></ul>",
        catalogue,
    )
    assert got["start_date"] == ["2026-07-06"]
    assert got["completion_date"] == ["2026-07-17"]


def test_a_range_written_over_the_lines_of_one_cell(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("PRD build", "<p>Sep 14, 2026</p><p>→</p><p>Oct 2, 2026</p><p>(build start → handed over)</p>"),
            ("Go-live", "Oct 19, 2026 after validation"),
        ),
        catalogue,
    )
    assert got["start_date"] == ["2026-09-14"]
    assert "2026-10-02" in got["completion_date"]


def test_whom_the_build_is_handed_to_is_a_team_not_an_environment(catalogue: Catalogue) -> None:
    got = read(
        "<p>The production VM was provisioned on 21 September 2026, and the image was configured and "
        "handed over to QA on 2 October 2026.</p>",
        catalogue,
    )
    assert got["completion_date"] == ["2026-10-02"]
