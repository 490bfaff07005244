"""The planner at its boundary: `plan_account(inputs, handoff, state)` against the sample workspace.

What it plans for each mode and state, what it reads to find out (the sandbox's request log),
and that planning writes nothing. The accounts are read from the sandbox by the real reader;
the state is made up per test, as the state tab would hold it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from handoff.clients import Clients
from handoff.clients import drive_docs as docs_writer
from handoff.core.model import Problem, Severity
from handoff.core.state import AccountState
from handoff.plan.changes import AccountPlan, DocWrite, Duplicate
from handoff.plan.planner import PlanInputs, RunOptions, plan_account
from handoff.read.batch import read_batch
from workspace import SEED, TODAY, Workspace

FIRST_RUN = ["doc.create", "doc.share", "trait.set", "note.create", "task.create"]
SHEET = ["sheet.row", "sheet.log", "sheet.state"]


class Planner(Workspace):
    """The sample workspace, with one `Clients` open for planning accounts one at a time."""

    clients: Clients

    def plan(
        self,
        account: str,
        state: AccountState | None = None,
        *,
        problem: Problem | None = None,
        fresh: bool = True,
        **options: object,
    ) -> AccountPlan:
        """Read `account` (a sheet read, its TDD), then plan it; `mark` is where planning began."""
        opts = RunOptions.from_cli(apply=True, **options)
        batch = read_batch(self.settings, self.clients, [account], accept=opts.accept, draft=opts.draft)
        inputs = PlanInputs(
            self.settings,
            self.clients,
            batch.catalogue,
            opts,
            dt.date.fromisoformat(TODAY),
        )
        self.planned_at = self.mark()
        return plan_account(inputs, batch.handoffs[0], state or AccountState(), problem, fresh=fresh)

    def plan_reads(self) -> list[str]:
        """The requests the last `plan` made (after its read of the sheet and the TDD)."""
        return [e["route"] for e in self.log()[self.planned_at :]]


@pytest.fixture
def planner(tmp_path: Path, pinned: None) -> Iterator[Planner]:
    with Planner.start(SEED, tmp_path) as p, Clients(p.settings) as clients:
        p.clients = clients
        yield p


def kinds(plan: AccountPlan) -> list[str]:
    """The change kinds in order, a run of equal kinds shown once."""
    out: list[str] = []
    for c in plan.changes:
        if not out or out[-1] != c.kind:
            out.append(c.kind)
    return out


def test_a_first_plan_creates_each_thing_once_and_records_it(planner: Planner) -> None:
    plan = planner.plan("acme")
    assert (plan.mode, plan.blocked) == ("final", "")
    assert kinds(plan) == FIRST_RUN + SHEET
    assert [c.target for c in plan.changes if c.kind.startswith(("doc", "note", "task"))] == [
        "doc handoff",
        "doc handoff",
        "vitally note",
        "vitally task",
    ]
    share = next(c for c in plan.changes if c.kind == "doc.share")
    assert share.after == "dana.whitfield@sourcegraph.com"
    # reads only: the Vitally account, the TA, one Drive lookup for a doc a crashed run left;
    # a fresh account (no trace of a run in the sheet) needs no note or task lookups
    assert planner.plan_reads() == ["vitally.accounts.get", "vitally.admins.search", "drive.files.list"]


def test_an_account_the_sheet_shows_a_run_for_is_searched_for_a_note_and_task(planner: Planner) -> None:
    plan = planner.plan("acme", fresh=False)
    assert kinds(plan) == FIRST_RUN + SHEET  # nothing found: the same plan
    reads = planner.plan_reads()
    assert "vitally.accounts.notes" in reads and "vitally.accounts.tasks" in reads


def test_a_not_ready_account_stops_with_its_reason_and_plans_nothing(planner: Planner) -> None:
    plan = planner.plan("umbrella")  # checklist 3/5: no third "in progress" mode
    assert (plan.mode, plan.blocked, plan.changes) == ("final", "not ready: checklist 3/5", [])
    assert "--draft" in plan.fix and "--override-readiness" in plan.fix
    assert not any(r.startswith("drive.") for r in planner.plan_reads())  # the Vitally checks only


def test_an_override_recorded_in_the_state_is_honoured_until_the_checklist_is_complete(
    planner: Planner,
) -> None:
    kept = planner.plan("umbrella", AccountState(override_reason="TA agreed on the call"))
    assert (kept.mode, kept.blocked, kept.context.override) == ("final", "", "TA agreed on the call")
    assert "task.create" in kinds(kept)
    done = planner.plan("acme", AccountState(override_reason="TA agreed on the call"))  # checklist 5/5
    assert done.context.override is None and done.context.override_dropped == "TA agreed on the call"


def test_a_draft_over_a_doc_already_handed_off_is_refused_unless_forced(planner: Planner) -> None:
    outcome, text = planner.run("acme")
    assert outcome.exit_code == 0, text
    state = planner.state("acme")
    plan = planner.plan("acme", state, draft=True, fresh=False)
    assert plan.blocked == "already handed off: a draft would replace the TA's final doc" and not plan.changes
    forced = planner.plan("acme", state, draft=True, force_doc=True, fresh=False)
    assert not forced.blocked and "doc.update" in kinds(forced)
    # the sheet's status alone is enough: a state tab someone cleared lets no draft over the doc
    assert planner.plan("acme", AccountState(), draft=True, fresh=False).blocked.startswith("already")


def test_overriding_readiness_makes_the_run_final(planner: Planner) -> None:
    plan = planner.plan("umbrella", override_readiness="TA agreed on the call")
    assert plan.mode == "final" and "task.create" in kinds(plan)
    ready = planner.plan("acme", override_readiness="not needed")
    assert any(p.severity is Severity.INFO and "was not needed" in p.message for p in ready.problems)


def test_a_draft_writes_the_doc_and_the_log_only(planner: Planner) -> None:
    plan = planner.plan("acme", draft=True)
    assert plan.mode == "draft"
    assert kinds(plan) == ["doc.create", "doc.share", "sheet.log", "sheet.state"]  # the row is left alone
    assert not any(r.startswith("vitally.") for r in planner.plan_reads())


def test_input_errors_block_the_account_and_nothing_is_planned(planner: Planner) -> None:
    plan = planner.plan("globex")
    errors = [p for p in plan.problems if p.severity is Severity.ERROR]
    assert plan.blocked == f"{len(errors)} error(s): fix them (or ask for a --draft)"
    assert plan.changes == []
    assert not any(r.startswith("drive.") for r in planner.plan_reads())
    draft = planner.plan("globex", draft=True)  # a draft is how a team shares an unfinished handoff
    assert not draft.blocked and "doc.create" in kinds(draft)


def test_an_unreadable_state_blocks_before_any_request(planner: Planner) -> None:
    broken = Problem(Severity.ERROR, "the handoff state for acme is unreadable: not valid JSON")
    plan = planner.plan("acme", problem=broken)
    assert plan.blocked == "the recorded handoff state cannot be read"
    assert plan.changes == [] and broken in plan.problems
    assert planner.plan_reads() == []


def test_an_unknown_vitally_account_is_an_error_that_blocks(planner: Planner) -> None:
    planner.set_cell("Accounts!C2", "no-such-account")
    plan = planner.plan("acme")
    assert plan.blocked and plan.changes == []
    [problem] = [p for p in plan.problems if p.field == "vitally_account"]
    assert "Vitally has no account with id or externalId 'no-such-account'" in problem.message
    assert problem.location is not None and problem.location.ref == "Accounts!C2"


def test_a_ta_resolved_before_is_not_looked_up_again(planner: Planner) -> None:
    state = AccountState(ta_admin={"email": "dana.whitfield@sourcegraph.com", "id": "a-1", "name": "Dana"})
    plan = planner.plan("acme", state)
    assert "vitally.admins.search" not in planner.plan_reads()
    assert next(c for c in plan.changes if c.kind == "task.create").after == (
        "assigned to dana.whitfield@sourcegraph.com"
    )


def test_after_a_run_the_recorded_state_plans_nothing(planner: Planner) -> None:
    outcome, text = planner.run("acme")
    assert outcome.exit_code == 0, text
    plan = planner.plan("acme", planner.state("acme"), fresh=False)
    assert plan.changes == [] and not plan.blocked
    # one listing of the account's tagged docs shows the recorded doc (and would show a late
    # duplicate); the recorded note and task are not searched for
    assert sorted(planner.plan_reads()) == ["drive.files.list", "vitally.accounts.get"]
    assert planner.writes_after(planner.planned_at) == []


def test_a_change_in_the_sheet_updates_the_doc_and_only_that_trait(planner: Planner) -> None:
    planner.run("acme")
    state = planner.state("acme")
    planner.set_cell("Accounts!P2", "5000")  # Total Disk (GB): 4000 -> 5000; the TDD still says 4 TB
    plan = planner.plan("acme", state, fresh=False, accept=("total_disk_gb=sheet",))
    assert [(c.kind, c.target) for c in plan.changes if c.kind.startswith(("doc", "trait"))] == [
        ("doc.update", "doc handoff"),
        ("trait.set", "vitally.custom.totalDiskGb"),
    ]
    # the note does not quote the disk size, but it lists the warnings, and 5000 now disagrees
    # with the TDD's 4 TB: the note is updated; the review task is recorded: not touched
    assert kinds(plan) == ["doc.update", "trait.set", "note.update", *SHEET]


def test_duplicate_docs_keep_the_oldest_and_trash_the_rest(planner: Planner) -> None:
    """Two docs tagged for acme and no state (a crashed run, then a race): adopt the oldest."""
    made = [
        docs_writer.create_doc(
            planner.clients,
            title=f"Acme copy {i}",
            html="<p>an older render</p>",
            account="acme",
            kind="handoff",
            folder_id=planner.settings.docs.folder_id,
        )
        for i in range(2)
    ]
    oldest = min(made, key=docs_writer.age)
    younger = max(made, key=docs_writer.age)
    plan = planner.plan("acme")
    assert "doc.create" not in kinds(plan)
    [trash] = [c for c in plan.changes if c.kind == "doc.trash"]
    assert (trash.before, trash.data(Duplicate).keep) == (younger.id, oldest.id)
    update = next(c for c in plan.changes if c.kind == "doc.update")
    assert update.data(DocWrite).id == oldest.id  # its content is stale: brought up to date, not recreated
    # a doc left behind means a run got that far: its note and task are looked for too
    assert "vitally.accounts.notes" in planner.plan_reads()


def test_planning_twice_plans_the_same_and_writes_nothing(planner: Planner) -> None:
    """The plan `plan` prints is the one `run` executes: planning is repeatable and read-only."""
    start = planner.mark()
    first = planner.plan("acme")
    again = planner.plan("acme")
    assert [dataclasses.astuple(c) for c in first.changes] == [dataclasses.astuple(c) for c in again.changes]
    assert planner.writes_after(start) == []
