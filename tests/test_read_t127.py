"""The TDD as a security review and an operations handbook (tuning set 127): a finding that quotes
what another record said and then corrects it (`read/correctedreport.py`), machines a clause of their
own says carry no Sourcegraph workload (`read/outside.py`), and disks listed as parts followed by
their sum in a sentence of its own (`read/parts.py`). Each rule is tried on small documents in shapes
other than the set's, and where it must not fire."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.correctedreport import uncorrected
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields
from tdd_snippets import paragraph, read, read_doc, table


def _view(html: str, catalogue: Catalogue) -> dict[str, Any]:
    """Field → the value `handoff check` would use (None when two values conflict)."""
    doc = html_document(f"<html><body>{html}</body></html>")
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    return {n: None if n in view.conflicted else fv.to_json()["value"] for n, fv in view.fields.items()}


def _docs(*texts: str) -> dict[str, Any]:
    tab = {"tabProperties": {"tabId": "t.0", "title": "Tab 1", "index": 0}}
    content = [paragraph(t) for t in texts]
    return {"title": "TDD", "tabs": [{**tab, "documentTab": {"body": {"content": content}}}]}


# -- a reported figure the text then sets right (`read/correctedreport.py`) --------------------------
def test_a_spreadsheet_row_quoted_then_called_out_of_date_gives_way(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Nodes: 3 × r6i.4xlarge (48 vCPU, 384 GiB in total).</p>"
        "<h2>Open points</h2>"
        + table(
            ("Item", "Note"),
            (
                "Q-3",
                "The onboarding spreadsheet lists the cluster as 5 × r6i.2xlarge (40 vCPU). This is "
                "out of date: the cluster was rebuilt before go-live.",
            ),
        )
    )
    got = _view(html, catalogue)
    assert got.get("instance_types") == ["3 × r6i.4xlarge"]
    assert got.get("total_cpu") == 48
    assert "5 × r6i.2xlarge" not in read(html, catalogue).get("instance_types", [])


def test_a_colleagues_figure_corrected_in_fact_gives_way(catalogue: Catalogue) -> None:
    html = (
        "<h2>Code hosts</h2><p>Our architect said 2,900 repositories at the kick-off; in fact the two "
        "GitLab groups hold 3,350 repositories today.</p>"
    )
    repos = read(html, catalogue).get("repositories", [])
    assert "2900" not in repos
    assert _view(html, catalogue).get("repositories") in (3350, None)


def test_a_ticket_quoted_then_called_wrong_in_docs_json(catalogue: Catalogue) -> None:
    doc = _docs(
        "Production",
        "Ticket INC-4410 reported the data disk as 1,500 GB. Wrong: it was grown before the handover, "
        "lsblk shows 2,000 GB.",
    )
    assert "1500 GB" not in read_doc(doc, catalogue).get("total_disk_gb", [])


@pytest.mark.parametrize(
    "text",
    [
        "The sizing sheet lists 1,900 repositories.",  # no correction: the only figure, it stands
        "3 nodes show 90% CPU at peak; actually that is expected.",  # a figure is the subject: no report
        "The CMDB lists 1,900 repositories, checked against GitLab.",  # a check inside the report's clause
    ],
)
def test_a_report_nothing_corrects_stays(text: str) -> None:
    kept = uncorrected(text)
    assert "1,900" in kept or "3 nodes" in kept


def test_the_report_alone_is_read_when_nothing_sets_it_right(catalogue: Catalogue) -> None:
    html = "<h2>Repositories</h2><p>The GitLab admin area lists 1,900 repositories in total.</p>"
    assert read(html, catalogue).get("repositories") == ["1900"]
    corrected = html.replace("total.", "total. That is out of date.")
    assert "1900" not in read(corrected, catalogue).get("repositories", [])


# -- machines a clause of their own says carry no Sourcegraph workload (`read/outside.py`) ------------
def test_infra_nodes_with_no_sourcegraph_workloads_are_not_counted(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production cluster</h2>"
        "<p>App nodes: 4 × 16 vCPU / 64 GB each, i.e. 64 vCPU / 256 GB for Sourcegraph.</p>"
        "<p>Infra nodes: 3 × 4 vCPU / 16 GB, monitoring and logging, no Sourcegraph workloads.</p>"
    )
    got = _view(html, catalogue)
    assert got.get("total_cpu") == 64
    assert got.get("total_memory_gb") == 256


def test_an_ingress_pool_with_no_sourcegraph_pods_in_brackets_is_not_counted(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><ul><li>Ingress pool: 2 × Standard_D4s_v5 (edge proxies, no Sourcegraph "
        "pods)</li><li>App pool: 3 × Standard_E16s_v5</li></ul>"
    )
    assert _view(html, catalogue).get("instance_types") == ["3 × Standard_E16s_v5"]


def test_no_pods_that_is_not_a_clause_of_its_own_puts_nothing_out(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>Workers: 4 nodes × 16 vCPU / 64 GB, no pods pinned to a zone.</p>"
    assert _view(html, catalogue).get("total_cpu") == 64


# -- disks as parts, then their sum in a sentence or clause of its own (`read/parts.py`) --------------
@pytest.mark.parametrize(
    ("value", "total"),
    [
        ("data 1,000 GB, backup 500 GB, os 2 × 100 GB. 1,700 GB allocated.", 1700),
        ("gitserver 3 × 400 GiB; indexed-search 2 × 200 GiB; postgres 100 GiB; 1,700 GiB reserved", 1700),
    ],
)
def test_a_sum_after_the_parts_with_no_total_word_is_the_total(
    value: str, total: int, catalogue: Catalogue
) -> None:
    html = f"<h2>Production</h2><p>Disks: {value}</p>"
    assert _view(html, catalogue).get("total_disk_gb") == total


def test_a_figure_after_the_parts_that_they_do_not_add_up_to_is_no_total(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>Disks: data 1,000 GB, backup 500 GB, os 2 × 100 GB; 3,000 GB allocated.</p>"
    assert _view(html, catalogue).get("total_disk_gb") != 3000


# -- a drill is a rehearsal: its part is no production (config `trial_words`) ------------------------
def test_a_drill_heading_keeps_its_machines_and_address_out(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Address: https://code.acme-rail.example</p><p>Nodes: 3 × m6i.2xlarge</p>"
        "<h2>Quarterly backup drill (May)</h2><p>Restored into a scratch cluster of 2 × m6i.xlarge, "
        "reachable at https://code-drill.acme-rail.example for the day.</p>"
    )
    got = _view(html, catalogue)
    assert got.get("instance_url") == "https://code.acme-rail.example"
    assert got.get("instance_types") == ["3 × m6i.2xlarge"]


def test_a_drill_tab_in_docs_json_is_no_production(catalogue: Catalogue) -> None:
    def tab(tid: str, title: str, *texts: str) -> dict[str, Any]:
        body = {"content": [paragraph(t) for t in texts]}
        return {"tabProperties": {"tabId": tid, "title": title}, "documentTab": {"body": body}}

    doc = {
        "title": "TDD",
        "tabs": [
            tab("t.0", "Overview", "Sourcegraph runs on 4 × n2-standard-16 in GKE."),
            tab(
                "t.1",
                "Failback drill",
                "The drill cluster ran 2 × n2-standard-8 at https://drill.acme.example.",
            ),
        ],
    }
    got = read_doc(doc, catalogue)
    assert "https://drill.acme.example" not in got.get("instance_url", [])
    assert got.get("instance_types") == ["4 × n2-standard-16"]


def test_a_drill_named_in_a_production_sentence_leaves_it_production(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Since the restore drill in May the production cluster runs "
        "4 × m6i.4xlarge nodes at https://sg.acme.example.</p>"
    )
    assert _view(html, catalogue).get("instance_types") == ["4 × m6i.4xlarge"]


# -- a lead-in naming another environment only sets apart what follows it (`read/examples.py`) ------
def test_output_introduced_as_another_environments_is_not_read(catalogue: Catalogue) -> None:
    html = (
        "<h2>Counting repositories</h2><p>Production indexes 2,310 repositories in total.</p>"
        "<p>What the staging copy printed when we tried the query:</p>"
        "<p>count</p><p>------</p><p>1,450</p><p>(1 row)</p><h2>Next</h2>"
    )
    assert read(html, catalogue).get("repositories") == ["2310"]


def test_output_from_a_drill_box_in_docs_json_is_not_read(catalogue: Catalogue) -> None:
    doc = _docs(
        "Production indexes 2,310 repositories in total.",
        "The restore drill VM printed this when we counted there:",
        "1,450 repositories in total",
    )
    assert read_doc(doc, catalogue).get("repositories") == ["2310"]


def test_a_lead_in_naming_no_output_sets_nothing_apart(catalogue: Catalogue) -> None:
    html = "<h2>Sites</h2><p>Staging:</p><p>Production indexes 2,310 repositories in total.</p>"
    assert read(html, catalogue).get("repositories") == ["2310"]


def test_a_lead_in_naming_production_sets_nothing_apart(catalogue: Catalogue) -> None:
    html = (
        "<h2>Counting repositories</h2><p>The production instance printed:</p>"
        "<p>2,310 repositories in total</p>"
    )
    assert read(html, catalogue).get("repositories") == ["2310"]


# -- "all up" closing a count's clause makes it the total (`read/counts.py`) ------------------------
@pytest.mark.parametrize(
    "sentence",
    ["So 1,085 repositories all up.", "That makes 1,085 repos all up, no monorepos among them."],
)
def test_all_up_closes_a_total_count(sentence: str, catalogue: Catalogue) -> None:
    html = f"<h2>Code</h2><p>It reads code from GitLab and Bitbucket Server.</p><p>{sentence}</p>"
    assert _view(html, catalogue).get("repositories") == 1085


def test_all_up_inside_a_clause_is_no_total_word() -> None:
    from handoff.read.counts import _ALL

    assert _ALL.search("We set it all up on 3 May with 1,085 repositories") is None


# -- a count of accounts that exist is no user limit (`read/limits.py`) ------------------------------
@pytest.mark.parametrize(
    "sentence",
    ["At the last count 1,020 people had an account.", "Right now 1,020 engineers have user accounts."],
)
def test_a_count_of_accounts_beside_agreed_capacity_is_no_limit(sentence: str, catalogue: Catalogue) -> None:
    html = f"<h2>Capacity</h2><p>Capacity agreed with IT: up to 150 concurrent users. {sentence}</p>"
    got = read(html, catalogue)
    assert "1020" not in got.get("max_users", [])
    assert got.get("max_concurrent_users") == ["150"]


def test_a_licence_for_accounts_stays_the_limit(catalogue: Catalogue) -> None:
    html = "<h2>Licence</h2><p>The licence covers 1,200 users.</p>"
    assert read(html, catalogue).get("max_users") == ["1200"]


# -- dates of a review's items, a repeated task, a ticket: none is the build's (`read/reviewitem.py`,
# `read/dates.py`, `read/paperevent.py`) -----------------------------------------------------------
def _dates(html: str, catalogue: Catalogue) -> tuple[Any, Any]:
    got = _view(html, catalogue)
    return got.get("start_date"), got.get("completion_date")


@pytest.mark.parametrize(
    "later",
    [
        "The CISO accepted the residual risk on 2 September 2026.",
        "Architecture board: all findings closed on 2 September 2026.",
        "The remaining observations were closed on 2 September 2026.",
        "Service account password: rotated monthly, last done 2 September 2026.",
        "Security sign-off: external scan on 2 September 2026 found nothing above low.",
    ],
)
def test_a_later_date_of_a_review_item_or_task_is_no_completion(later: str, catalogue: Catalogue) -> None:
    html = (
        "<h2>Build</h2><p>Installation started on 4 May 2026.</p><p>The service was accepted by the "
        f"operations team on 12 June 2026.</p><h2>Review</h2><p>{later}</p>"
    )
    assert _dates(html, catalogue) == ("2026-05-04", "2026-06-12")


def test_handed_to_the_team_that_runs_it_completes_the_build(catalogue: Catalogue) -> None:
    html = (
        "<h2>Build</h2><p>Prod cluster build started 4 May 2026. Handed to Service Operations 12 June "
        "2026.</p>"
    )
    assert _dates(html, catalogue) == ("2026-05-04", "2026-06-12")


# -- a range whose first date has its own clause between commas (`read/shapes.py`) -----------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Production was built between 4 May 2026, when the racks were cabled and the install began, and "
        "12 June 2026, when operations signed it off.",
        "We set up the production servers between 4 May 2026, as the hardware arrived, and 12 June 2026.",
    ],
)
def test_between_two_dates_with_the_first_ones_clause_is_the_build(
    sentence: str, catalogue: Catalogue
) -> None:
    assert _dates(f"<h2>Production</h2><p>{sentence}</p>", catalogue) == ("2026-05-04", "2026-06-12")


def test_a_when_clause_after_a_date_with_no_between_makes_no_range(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>The trial ended on 4 May 2026, when the budget ran out, and 12 June 2026 "
        "was the production go-live.</p>"
    )
    assert _dates(html, catalogue)[0] != "2026-05-04"


# -- a processor's cores written as its adjective (`read/sockets.py`) -------------------------------
@pytest.mark.parametrize(
    ("text", "cpu"),
    [
        ("Three servers, each with two 24-core Xeon Gold processors and 512 GB of memory.", 144),
        ("One host with 2 × 32-core EPYC CPUs and 1,024 GB of RAM.", 64),
    ],
)
def test_cores_as_a_processors_adjective_are_multiplied(text: str, cpu: int, catalogue: Catalogue) -> None:
    assert _view(f"<h2>Production</h2><p>{text}</p>", catalogue).get("total_cpu") == cpu


def test_a_core_adjective_with_no_processor_count_stays(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>One server with a 16-core CPU and 128 GB.</p>"
    assert _view(html, catalogue).get("total_cpu") == 16


# -- a label's clause of purpose names no part (`read/envwords.py`) ---------------------------------
@pytest.mark.parametrize(
    "label",
    ["Short history so nobody trusts the old wiki", "Timeline, because the previous notes were lost"],
)
def test_a_labels_purpose_clause_puts_its_line_in_no_other_part(label: str, catalogue: Catalogue) -> None:
    html = (
        f"<h2>Background</h2><p>{label}: the production VM was created on 4 May 2026 and accepted by IT "
        "on 12 June 2026.</p>"
    )
    assert _dates(html, catalogue) == ("2026-05-04", "2026-06-12")


def test_a_label_naming_the_old_thing_itself_is_still_another_part(catalogue: Catalogue) -> None:
    html = "<h2>Background</h2><p>Old search server: 8 vCPU and 32 GB, switched off in 2025.</p>"
    assert _view(html, catalogue).get("total_cpu") is None


def test_handed_to_a_team_by_a_deadline_is_a_target(catalogue: Catalogue) -> None:
    html = (
        "<h2>Key results</h2><p>KR1 Production cluster built and handed to SRE by 31 August</p>"
        "<p>Actual: build started 10 Aug 2026, SRE accepted it on 28 Aug 2026.</p>"
    )
    assert _dates(html, catalogue) == ("2026-08-10", "2026-08-28")
