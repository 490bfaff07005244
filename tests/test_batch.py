"""Batches: `run --all` takes the ready accounts, one sheet read and one write-back for the batch,
the call budget per account, one account's failure does not stop the others, crash recovery
without per-account lookups, the summary table and the progress display."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from handoff.clients import Clients
from handoff.commands.run import _state_for
from handoff.core.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_SERVICE, NotFoundError, ServiceError, UsageError
from handoff.core.model import AccountRecord, Handoff, SheetCell, SheetRow, StateCell
from handoff.core.state import AccountState
from handoff.output.progress import NULL, LineProgress, RichProgressDisplay, for_console
from handoff.sandbox.faults import FaultRule
from workspace import SEED, SHEET_ID, Workspace

READY = ["acme", "initech"]  # checklist complete and, with initech's disagreements settled, no errors
# initech's sheet is stale (the TDD has the scaled-up production): its TDD values are taken
SETTLE = ("instance_types=tdd", "total_cpu=tdd", "total_memory_gb=tdd", "repositories=tdd")


@pytest.fixture
def batch(tmp_path: Path, pinned: None) -> Iterator[Workspace]:
    """The sample workspace, without retries (a failure injected once fails the account)."""
    with Workspace.start(SEED, tmp_path, overrides={"retry.max_attempts": 1}) as ws:
        yield ws


def test_all_takes_the_ready_accounts_and_reports_the_others(batch: Workspace) -> None:
    outcome, text = batch.run_all(accept=SETTLE)
    assert outcome.exit_code == EXIT_OK, text
    assert [p.account for p in outcome.plans] == READY
    assert all(p.mode == "final" for p in outcome.plans)
    assert outcome.skipped == {
        "hooli": "not ready: checklist 0/5",
        "umbrella": "not ready: checklist 3/5",
        "vandelay": "not ready: no close-out checklist",
        "globex": "8 error(s): see `handoff check globex`",
    }
    for account in (*READY, "hooli", "umbrella", "vandelay", "globex"):
        assert account in text  # the summary table lists every account
    assert "2 account(s): 2 handed off or updated, 0 up to date, 0 failed, 0 blocked; 4 skipped" in text


def test_an_account_whose_sources_disagree_is_left_out_of_all(batch: Workspace) -> None:
    outcome, _ = batch.run_all()
    assert [p.account for p in outcome.plans] == ["acme"]
    assert outcome.skipped["initech"] == "4 error(s): see `handoff check initech`"


def test_first_batch_costs_the_floor_per_account_plus_shared_calls(batch: Workspace) -> None:
    batch.run_all(accept=SETTLE)
    log = batch.log()
    first_write = next(
        i for i, e in enumerate(log) if e["method"] != "GET" or e["route"] == "drive.files.generateIds"
    )  # the id reserved for a doc is the first step of its create
    # planning (every read before the first write): per account its TDD and its Vitally account;
    # shared by the batch: the sheet read, one Drive lookup of unrecorded docs, one TA lookup
    assert Counter(e["route"] for e in log[:first_write]) == Counter(
        {
            "sheets.values.batchGet": 1,
            "docs.documents.get": 3,  # acme, initech, and globex (read, then left out for its errors)
            "drive.files.list": 1,
            "vitally.accounts.get": len(READY),
            "vitally.admins.search": 1,  # acme and initech share their TA: looked up once
        }
    )
    writes = Counter(
        e["route"] for e in log if e["method"] != "GET" or e["route"] == "drive.files.generateIds"
    )
    per_account = (
        "drive.files.generateIds",  # the doc's id, reserved so a retried create cannot make two
        "drive.files.create.upload",
        "drive.files.update",  # the doc's text fingerprint, after one export
        "drive.permissions.create",
        "vitally.accounts.update",
    )
    assert writes == Counter(
        {
            **dict.fromkeys(per_account, len(READY)),
            "vitally.notes.create": len(READY),
            "vitally.tasks.create": len(READY),
            "sheets.spreadsheets.batchUpdate": 1,  # the batch's one write-back
        }
    )
    # after the writes, only the duplicate check that follows each create (converge.py) and the
    # export that fingerprints each doc written: at most one each
    checks = Counter(
        e["route"]
        for e in log[first_write:]
        if e["method"] == "GET" and e["route"] != "drive.files.generateIds"
    )
    assert checks.pop("sheets.spreadsheets.get") == 1  # the write-back's tab ids and grid sizes
    assert set(checks) <= {
        "drive.files.list",
        "drive.files.export",
        "vitally.accounts.notes",
        "vitally.accounts.tasks",
    }
    assert all(n <= len(READY) for n in checks.values())


def test_no_op_rerun_writes_nothing_and_reads_only_what_proves_it(batch: Workspace) -> None:
    batch.run_all(accept=SETTLE)
    mark = len(batch.log())
    outcome, text = batch.run_all(accept=SETTLE)
    assert outcome.exit_code == EXIT_OK
    assert all(not p.changes for p in outcome.plans)
    assert [e for e in batch.log()[mark:] if e["method"] != "GET"] == []
    assert batch.routes(mark) == Counter(
        {
            "sheets.values.batchGet": 1,
            "docs.documents.get": 3,
            "vitally.accounts.get": 2,
            "drive.files.list": 1,  # every account's tagged docs in one query (late duplicates too)
        }
    )
    assert "0 handed off or updated, 2 up to date" in text


def test_named_accounts_bypass_the_selection_but_not_readiness(batch: Workspace) -> None:
    outcome, _ = batch.run("umbrella", "acme", apply=False)
    assert [p.account for p in outcome.plans] == ["umbrella", "acme"]
    assert outcome.skipped == {}
    assert outcome.plans[0].blocked == "not ready: checklist 3/5"  # planned, and stopped with the reason
    assert not outcome.plans[1].blocked


def test_readiness_by_status_column(batch: Workspace) -> None:
    settings = batch.settings.model_copy(
        update={"run": batch.settings.run.model_copy(update={"ready_when": "status"})}
    )
    r = batch.http.put(
        f"/v4/spreadsheets/{SHEET_ID}/values/Accounts!Z7",
        params={"valueInputOption": "RAW"},
        json={"values": [["Ready"]]},
    )
    r.raise_for_status()
    mark = len(batch.log())
    outcome, _ = batch.run_all(apply=False, settings=settings)
    assert [p.account for p in outcome.plans] == ["umbrella"]
    assert outcome.skipped["acme"] == "not ready: Handoff Status is empty, not 'ready'"
    assert batch.routes(mark)["docs.documents.get"] == 1  # left-out accounts cost no TDD read


def test_override_readiness_is_not_for_all(batch: Workspace) -> None:
    with pytest.raises(UsageError, match="one account at a time"):
        batch.run_all(override_readiness="signed off")


def test_one_accounts_failure_does_not_stop_the_others(batch: Workspace) -> None:
    initech = batch.vitally.get("/accounts/0015e00000LwR2dAAF").json()["id"]
    batch.sandbox.faults.add(
        [FaultRule(kind="5xx", api="vitally", method="PUT", path=f"/accounts/{initech}$", count=0)]
    )
    outcome, text = batch.run_all(accept=SETTLE)
    assert outcome.exit_code == EXIT_SERVICE
    results = {r.account: r for r in outcome.results}
    assert results["acme"].failed == "" and "task.create" in results["acme"].done
    assert results["initech"].failed and results["initech"].done == ["doc.create", "doc.share"]
    assert outcome.sheet_written  # both outcomes recorded in the one write-back
    assert "failed" in text and "written before the failure: doc.create, doc.share" in text


@pytest.mark.parametrize(
    ("error", "exit_code"),
    [
        (ServiceError("Vitally", "503 Service Unavailable"), EXIT_SERVICE),
        (NotFoundError("Vitally", "404 Not Found"), EXIT_PROBLEMS),  # a 404 is not a service down
    ],
)
def test_a_failure_escaping_apply_is_recorded_with_its_error(
    batch: Workspace, monkeypatch: pytest.MonkeyPatch, error: ServiceError, exit_code: int
) -> None:
    import handoff.apply.execute

    def fail(*_: Any) -> Any:
        raise error

    monkeypatch.setattr(handoff.apply.execute, "apply_account", fail)
    outcome, text = batch.run("acme")
    assert outcome.exit_code == exit_code
    (result,) = outcome.results
    assert result.error is error and result.failed == error.message
    assert "service:" not in text and error.message in text


def test_crash_before_the_write_back_is_recovered_without_duplicates(batch: Workspace) -> None:
    batch.sandbox.faults.add([FaultRule(kind="5xx", api="sheets", method="POST", count=0)])
    outcome, _ = batch.run("acme")
    assert not outcome.sheet_written  # as if the run died before recording anything
    batch.sandbox.faults.clear()
    mark = len(batch.log())
    outcome, _ = batch.run("acme")
    calls = batch.routes(mark)
    assert calls["drive.files.list"] == 1  # the batch's lookup finds the doc the "crashed" run created...
    assert (
        calls["vitally.accounts.notes"] == 1 and calls["vitally.accounts.tasks"] == 1
    )  # ...so looks further
    assert calls["drive.files.create.upload"] == 0 and calls["vitally.tasks.create"] == 0
    assert len(batch.notes("0015e00000Kq7TbAAJ")) == 1 and len(batch.tasks("0015e00000Kq7TbAAJ")) == 1
    assert outcome.sheet_written


def test_json_output_is_only_json(batch: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    _, text = batch.run_all(accept=SETTLE, as_json=True)
    assert text == ""
    data = json.loads(capsys.readouterr().out)
    assert [p["account"] for p in data["accounts"]] == READY
    assert {s["account"] for s in data["skipped"]} == {"hooli", "umbrella", "vandelay", "globex"}
    assert all(s["reason"] for s in data["skipped"])
    assert data["summary"]["skipped"] == len(data["skipped"]) > 0


# -- the progress display ----------------------------------------------------------------------


def test_plain_lines_when_not_a_terminal() -> None:
    out = io.StringIO()
    progress = for_console(Console(file=out, width=100), as_json=False)
    assert isinstance(progress, LineProgress)
    with progress.phase("apply", 2) as phase:
        phase.step("acme", "doc.create")
        phase.done("acme", "ok (5 writes)")
        phase.done("initech", "failed: boom")
    assert out.getvalue().splitlines() == [
        "[apply 1/2] acme: ok (5 writes)",
        "[apply 2/2] initech: failed: boom",
    ]


def test_a_single_account_gets_no_plain_lines_and_json_gets_nothing() -> None:
    out = io.StringIO()
    with LineProgress(Console(file=out)).phase("plan", 1) as phase:
        phase.done("acme", "up to date")
    assert out.getvalue() == ""
    assert for_console(Console(file=out), as_json=True) is NULL


def test_rich_progress_on_a_terminal_is_transient() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, color_system=None)
    progress = for_console(console, as_json=False)
    assert isinstance(progress, RichProgressDisplay)
    with progress.phase("apply", 2) as phase:
        phase.step("acme", "doc.create")
        phase.step("acme", "note.create")
        phase.done("acme")
        phase.total(3)
    assert "Traceback" not in out.getvalue()


def test_the_batch_drive_lookup_is_one_list_per_40_accounts_even_with_a_long_query(batch: Workspace) -> None:
    from handoff.clients import drive_docs as docs_writer

    batch.run("acme")
    mark = len(batch.log())
    accounts = [f"account-{i:03d}" for i in range(60)] + ["acme"]
    with Clients(batch.settings) as clients:
        found = docs_writer.find_docs(clients, accounts, ["handoff"])
    assert list(found) == [("acme", "handoff")]
    # googleapiclient sends a GET whose URL is too long as a POST with X-HTTP-Method-Override
    assert batch.routes(mark) == Counter({"drive.files.list": 2})


@pytest.mark.parametrize("cell", ["handoff_state!B2", "handoff_state!A2"])  # wherever the reader found it
def test_an_unreadable_state_cell_is_reported_at_its_own_cell(cell: str) -> None:
    record = AccountRecord(
        "acme", SheetRow("Accounts", 2, {}), state=StateCell.parse(SheetCell("{not json", cell))
    )
    state, problem = _state_for(Handoff("acme", {}, record=record))
    assert state == AccountState() and problem is not None
    assert problem.location is not None and problem.location.ref == cell
    assert problem.fix is not None and f"clear {cell}" in problem.fix


def test_the_state_cell_is_parsed_once_per_command(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    outcome, text = ws.run("acme")
    assert outcome.exit_code == EXIT_OK, text
    parsed: list[str] = []
    original = AccountState.from_cell.__func__  # type: ignore[attr-defined]

    def counting(cls: type[AccountState], text: str) -> AccountState:
        parsed.append(text)
        return original(cls, text)

    monkeypatch.setattr(AccountState, "from_cell", classmethod(counting))
    outcome, text = ws.run("acme")  # the plan's state (and the readiness note, the checks)
    assert outcome.exit_code == EXIT_OK, text
    assert len(parsed) == 1  # where the sheet is read, and nowhere else
    parsed.clear()
    code, out, err = ws.cli("status")  # the drift's state and the Vitally checks' (twice before)
    assert code == EXIT_OK, out + err
    assert len(parsed) == 1
