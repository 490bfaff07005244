"""The TDD as a record of a conversation (blind 87's family): a thread, a ticket, minutes, a decision
log. Figures are proposed, questioned, revised and agreed; the reader takes what was finally agreed
and built, or withholds. Each rule here is written in shapes and words the tuning set does not use
(`read/permachine.py` inner products, `read/figures.py` an amount of a storage kind,
`read/cells.py` a resolution turning a row down, `read/verdict.py` a predicate of refusal,
`read/limitwords.py` a reported question, `read/changes.py` what a figure replaces,
`read/limits.py` a figure nobody agreed, `read/stamps.py` a writer's stamp with no verb,
`read/precedence.py` a quoted correction)."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read import stamps
from handoff.read.limitwords import is_suggestion
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields
from tdd_snippets import read, table


def view(html: str, catalogue: Catalogue) -> dict[str, Any]:
    """Field → the value `handoff check` would use (None when the TDD's values conflict)."""
    doc = html_document(f"<html><body>{html}</body></html>")
    got = tdd_fields(read_document(doc, catalogue).values, catalogue)
    return {n: None if n in got.conflicted else fv.to_json()["value"] for n, fv in got.fields.items()}


# -- a multiplier inside a run of one machine's figures -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "disk"),
    [
        ("Built on 1 × CCX43 (16 vCPU, 64 GB RAM, 2 × 1,000 GB volumes).", "2000 GB"),
        ("The server (32 vCPU, 128 GB RAM, 3x 500 GB SSDs) runs everything.", "1500 GB"),
        ("One VM: 16 vCPU / 64 GiB RAM / 4 × 250 GiB data disks.", "1000 GiB"),
        ("3 × m6i.4xlarge (16 vCPU, 64 GB, 2 × 500 GB disks each)", "3000 GB"),
    ],
)
def test_a_multiplier_inside_a_run_counts_its_own_figure(
    sentence: str, disk: str, catalogue: Catalogue
) -> None:
    assert read(f"<h2>Production</h2><p>{sentence}</p>", catalogue)["total_disk_gb"] == [disk]


def test_a_multiplier_of_a_figure_leaves_the_others_of_its_run_alone(catalogue: Catalogue) -> None:
    got = read("<h2>Production</h2><p>The VM has 48 vCPU, 192 GB RAM and 2 × 1 TB disks.</p>", catalogue)
    assert (got["total_cpu"], got["total_memory_gb"], got["total_disk_gb"]) == (["48"], ["192 GB"], ["2 TB"])


# -- an amount of a kind of storage ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "disk"),
    [
        ("Gitserver gets 3,000 GB of vSAN.", "3000 GB"),
        ("We were given 1.2 TB of Ceph for the repositories.", "1.2 TB"),
        ("Storage is 800 GB of NFS from the filer team.", "800 GB"),
    ],
)
def test_an_amount_of_a_kind_of_storage_is_the_disk(sentence: str, disk: str, catalogue: Catalogue) -> None:
    assert read(f"<h2>Production</h2><p>{sentence}</p>", catalogue)["total_disk_gb"] == [disk]


def test_the_size_of_a_whole_storage_system_is_still_no_disk(catalogue: Catalogue) -> None:
    assert "total_disk_gb" not in read(
        "<h2>Production</h2><p>The 64 TB vSAN is shared by all teams.</p>", catalogue
    )


# -- a resolution that turns a proposal down ---------------------------------------------------------


def _review(resolution: str) -> str:
    return "<h2>Review comments</h2>" + table(
        ("Ref", "Raised by", "Suggestion", "Outcome"),
        ("R1", "Ops", "Go for Docker Compose on one VM, 1 × m6i.8xlarge (32 vCPU / 128 GB).", "Accepted."),
        ("R2", "Sales", "Sourcegraph Cloud would save the upgrade work.", resolution),
    )


@pytest.mark.parametrize(
    "resolution",
    [
        "Declined: the code may not leave the building.",
        "Rejected by the CISO — data must stay in our own account.",
        "Not accepted. The customer wants to run it themselves and must keep the data.",
        "Won't do: residency rules apply to every repository here.",
        "Turned down; we keep it self-hosted as agreed in the kickoff.",
    ],
)
def test_a_row_its_resolution_turns_down_gives_nothing(resolution: str, catalogue: Catalogue) -> None:
    got = view(_review(resolution), catalogue)
    assert got["deployment_type"] == "Docker Compose"
    assert got["instance_types"] == ["1 × m6i.8xlarge"]


def test_a_resolution_that_accepts_keeps_the_row(catalogue: Catalogue) -> None:
    got = read(_review("Accepted: we will move to Cloud next year."), catalogue)
    assert "Sourcegraph Cloud" in got["deployment_type"]


@pytest.mark.parametrize(
    "status", ["Superseded by 4", "superseded by D-7.", "Replaced by the later decision", "Withdrawn"]
)
def test_a_row_a_later_one_superseded_is_history(status: str, catalogue: Catalogue) -> None:
    html = "<h2>Decisions</h2>" + table(
        ("No.", "Decision", "State"),
        ("1", "Run on 3 × m6i.2xlarge with Helm", status),
        ("4", "Run on 3 × m6i.4xlarge with Helm", "Agreed"),
    )
    assert view(html, catalogue)["instance_types"] == ["3 × m6i.4xlarge"]


def test_a_row_replaced_by_new_figures_is_still_read(catalogue: Catalogue) -> None:
    html = "<h2>Changes</h2>" + table(
        ("No.", "Item", "State"),
        ("1", "Gitserver disk", "Replaced by 2 TB gp3 on 3 May"),
    )
    assert read(html, catalogue).get("total_disk_gb") == ["2 TB"]


# -- a sentence whose predicate turns its subject down -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A self-built Docker Compose host is declined (no hardening baseline).",
        "The Docker Compose option was rejected by the architecture board.",
        "Docker Compose on a single VM has been dropped.",
    ],
)
def test_a_thing_said_to_be_turned_down_is_not_the_deployment(sentence: str, catalogue: Catalogue) -> None:
    got = view(f"<h2>Production</h2><p>We deploy with the Helm chart on EKS. {sentence}</p>", catalogue)
    assert got["deployment_type"] == "Kubernetes with Helm"


# -- a question reported without a question mark -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Procurement asks whether a c6i.8xlarge would be enough.",
        "Their CTO wondered if 6 nodes of 16 vCPU were needed.",
        "The auditors want to know whether 2 × n2-highmem-16 would be safer.",
        "Ops enquired whether 4 TB of disk would fit the budget.",
    ],
)
def test_a_reported_question_states_nothing(sentence: str, catalogue: Catalogue) -> None:
    assert is_suggestion(sentence)
    assert read(f"<h2>Production</h2><p>{sentence}</p>", catalogue) == {}


def test_a_statement_with_if_is_no_question() -> None:
    assert not is_suggestion("If the import is slow we resize the disk to 2 TB.")
    assert not is_suggestion("We asked for 3 × m6i.4xlarge and got them.")


# -- what a figure replaces --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Final sizing: 6 × m6i.4xlarge and 4,000 GB gp3, replacing the 4 × m6i.4xlarge and 2,000 GB gp3.",
        "We run 6 × m6i.4xlarge with 4,000 GB gp3. This supersedes the 4 × m6i.4xlarge and 2,000 GB gp3.",
        "The 4 × m6i.4xlarge and 2,000 GB gp3 were replaced by 6 × m6i.4xlarge and 4,000 GB gp3.",
        "In May we replaced the 4 × m6i.4xlarge and 2,000 GB gp3 with 6 × m6i.4xlarge and 4,000 GB gp3.",
    ],
)
def test_what_a_figure_replaces_is_history(text: str, catalogue: Catalogue) -> None:
    got = view(f"<h2>Production</h2><p>{text}</p>", catalogue)
    assert (got["instance_types"], got["total_disk_gb"]) == (["6 × m6i.4xlarge"], 4000)


# -- a figure said to be nobody's agreed number ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "No cap on repositories; the SE finds 8,000 repositories fine, but that is not an agreed figure.",
        "Our architect quoted 6,000 repos as a safe size, though that's not a binding number.",
    ],
)
def test_a_count_said_not_agreed_is_no_limit(sentence: str, catalogue: Catalogue) -> None:
    got = read(f"<h2>Limits</h2><p>Licensed for 900 users. {sentence}</p>", catalogue)
    assert got.get("max_repositories") is None
    assert got["max_users"] == ["900"]


# -- a writer's stamp with no verb, and a ticket's own dates beside the build's ----------------------


@pytest.mark.parametrize(
    "line",
    [
        "Lena Vogt — 2026-06-19 15:10",
        "Sam O'Neill (platform team) · 19 Jun 2026, 15:10",
        "2026-06-19 15:10 | Lena Vogt",
    ],
)
def test_a_name_and_a_time_is_a_stamp_line(line: str) -> None:
    assert stamps.is_stamp_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Date: Fri, 19 Jun 2026 15:10",  # a mail header's field
        "Go-Live Cutover — 2026-06-19 15:10",  # an event
        "Lena Vogt — 2026-06-19",  # no time of day
        "Production build complete — 2026-06-19 15:10.",
    ],
)
def test_an_event_a_field_or_a_sentence_is_no_stamp_line(line: str) -> None:
    assert not stamps.is_stamp_line(line)


_TICKET_NEWEST_FIRST = (
    "<h1>OPS-77 Sourcegraph production</h1>"
    + table(("Key", "Value"), ("Created", "2026-05-28 10:12"), ("Resolved", "2026-06-22 09:00"))
    + "<p>Lena Vogt — 2026-06-19 15:10</p>"
    "<p>Production build complete. https://code.example.org is live for the beta group.</p>"
    "<p>Lena Vogt — 2026-06-15 09:00</p>"
    "<p>Production build started today on 1 × n2-standard-32 with a 1,500 GB pd-ssd disk.</p>"
    "<p>Tom Berg — 2026-06-02 11:00</p>"
    "<p>Finance asks whether an n2-standard-16 would do. Declined by Lena: too small.</p>"
)


def test_a_ticket_read_newest_first(catalogue: Catalogue) -> None:
    got = view(_TICKET_NEWEST_FIRST, catalogue)
    assert (got["start_date"], got["completion_date"]) == ("2026-06-15", "2026-06-19")
    assert (got["instance_types"], got["total_disk_gb"]) == (["1 × n2-standard-32"], 1500)


# -- a quoted message's correction corrects nothing outside the quote --------------------------------


def test_a_quoted_revision_does_not_undo_the_reply_above_it(catalogue: Catalogue) -> None:
    html = (
        "<h1>Sourcegraph — mail thread (newest first)</h1>"
        "<p>Production is up. We built 4 worker nodes, 64 vCPU and 256 GB of memory in total, with 2,500 GB"
        " of storage for gitserver.</p>"
        "<p>&gt; On 2 Mar 2026 Ana Ruiz wrote:</p><p>&gt; Revised plan: 4 nodes, 64 vCPU / 256 GB.</p>"
        "<p>&gt;&gt; First idea: 3 nodes, 48 vCPU / 192 GB and 1,500 GB of storage.</p>"
    )
    got = view(html, catalogue)
    assert (got["total_cpu"], got["total_memory_gb"], got["total_disk_gb"]) == (64, 256, 2500)


# -- a case only supposed ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Hypothetically, 6 × m6i.4xlarge would give 96 vCPU and 384 GiB; nobody has asked for it.",
        "Hypothetical: 6 × m6i.4xlarge, 96 vCPU, 384 GiB. Not planned.",
        "What if we went to 6 × m6i.4xlarge: 96 vCPU, 384 GiB, about 40% more cost.",
        "Suppose we doubled it to 6 × m6i.4xlarge (96 vCPU, 384 GiB).",
    ],
)
def test_a_supposed_case_states_nothing(sentence: str, catalogue: Catalogue) -> None:
    html = (
        f"<h2>Production</h2><p>Production runs on 4 × m6i.4xlarge (64 vCPU, 256 GiB).</p><p>{sentence}</p>"
    )
    got = view(html, catalogue)
    assert (got["instance_types"], got["total_cpu"], got["total_memory_gb"]) == (["4 × m6i.4xlarge"], 64, 256)


# -- a question and its answer in a two-column table -------------------------------------------------


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Should we move to 8 × m6i.2xlarge for HA?", "No — 4 × m6i.4xlarge stays; HA is not required."),
        ("Would 8 × m6i.2xlarge be safer?", "Not needed. Production keeps 4 × m6i.4xlarge."),
    ],
)
def test_a_questions_figures_are_not_its_answers(question: str, answer: str, catalogue: Catalogue) -> None:
    html = "<h2>Review</h2>" + table(("Comment", "Response"), (question, answer))
    assert view(html, catalogue)["instance_types"] == ["4 × m6i.4xlarge"]


# -- an action table: what is still to do ------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (("#", "Owner", "Action", "Due"), ("A1", "Ops", "Scale production to 6 × m6i.4xlarge", "Q3 2027")),
        (
            ("Task", "Who", "What", "Deadline"),
            ("T-4", "Ops", "Scale production to 6 × m6i.4xlarge", "Q3 2027"),
        ),
        (("Ref", "Item", "By when", "Owner"), ("7", "Scale production to 6 × m6i.4xlarge", "next FY", "Ops")),
    ],
)
def test_an_action_not_done_is_no_fact(
    header: tuple[str, ...], row: tuple[str, ...], catalogue: Catalogue
) -> None:
    html = (
        "<h2>Production</h2><p>Production runs on 4 × m6i.4xlarge (64 vCPU, 256 GiB).</p>"
        "<h3>Follow-ups</h3>" + table(header, row)
    )
    assert view(html, catalogue)["instance_types"] == ["4 × m6i.4xlarge"]


# -- an outcome that only accepts: the proposal beside it was decided ----------------------------------


@pytest.mark.parametrize("outcome", ["Agreed", "Approved (CAB, 12 Feb)", "Accepted ✓", "✓"])
def test_a_proposal_its_outcome_accepts_is_read(outcome: str, catalogue: Catalogue) -> None:
    html = "<h2>Decisions</h2>" + table(
        ("Item", "Proposal", "Outcome"),
        ("1", "AKS with Helm on 3 × Standard_E16s_v5", outcome),
        ("2", "Sourcegraph Cloud", "Rejected: the code stays in the tenant."),
    )
    got = view(html, catalogue)
    assert (got["deployment_type"], got["instance_types"]) == (
        "Kubernetes with Helm",
        ["3 × Standard_E16s_v5"],
    )


def test_options_with_no_accepting_outcome_stay_unread(catalogue: Catalogue) -> None:
    html = "<h2>Options</h2>" + table(
        ("Item", "Proposal", "Outcome"),
        ("1", "AKS with Helm on 3 × Standard_E16s_v5", "Open"),
        ("2", "AKS with Helm on 5 × Standard_E16s_v5", "Open"),
    )
    assert "instance_types" not in view(html, catalogue)


# -- a go-live told as it happened, as the plan said -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Production went live today as planned.",
        "The production build was completed today, as expected.",
        "Production is live since this morning.",
    ],
)
def test_an_event_that_happened_as_planned_is_dated(sentence: str, catalogue: Catalogue) -> None:
    assert (
        view(f"<h2>Meeting 4 (17 Mar 2026)</h2><p>{sentence}</p>", catalogue)["completion_date"]
        == "2026-03-17"
    )


@pytest.mark.parametrize(
    "sentence", ["Go-live as planned for 24 March 2026.", "Production build expected on 24 March 2026."]
)
def test_a_plan_is_still_no_date(sentence: str, catalogue: Catalogue) -> None:
    assert "completion_date" not in view(f"<h2>Production</h2><p>{sentence}</p>", catalogue)
