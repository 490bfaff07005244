"""Crash consistency: a failure at any write step of `handoff run acme`, then a re-run, ends as a clean run.

The matrix is every write step of a first run (apply.py's order: doc create, sharing, Vitally
traits, note, task, then the runner's one sheet write-back) × three ways to fail there:

* `5xx`   the step's route answers 503 until the retries are spent: the process lives, stops
          that account with exit 4 and says what was and was not written;
* `drop`  (`drop_after`) the service carries the step out and the connection drops before the
          answer: the retry must not make a second doc, note or task;
* `kill`  SIGKILL of the `handoff run` process with the step's request in flight, which the
          service then carries out (crashkit.KillSwitch; a kill before a request reaches the
          service leaves exactly what the previous step's kill leaves).

After it, a clean re-run (the `drop` case converges within its own run), and then:

* the end state equals a clean run's in a fresh workspace (crashkit.end_state: ids, times and
  Drive versions normalised): one doc with its content and sharing, the Vitally traits, one
  live note, one live task, the Accounts row, the `ok` log row, the state cell;
* the state tab is true (its ids are the objects that exist, its hashes and traits theirs);
* one more run writes nothing;
* the Handoff Log holds exactly one `ok` row, plus one `failed` row exactly when the failed
  run wrote something before failing and could still reach the sheet (5xx at sharing, traits,
  note, task). A run that wrote nothing, was killed, or lost the sheet leaves no row; a kill
  during the sheet write-back, which the sheet carried out, leaves that run's `ok` row and the
  re-run writes nothing.

The same three ways to fail are applied to each write step of an *update* run (a second run
after one cell changed: doc update, its text fingerprint, the traits, the note, the sheet): the
re-run must take every write of the stopped run for handoff's own (no trait or doc kept as a
person's edit) and end as a clean update run does (crashkit.clean_update_end_state).
"""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pytest

from crashkit import (
    ACCEPT,
    ACCOUNT,
    LABELS,
    STEPS,
    UPDATE_CELL,
    UPDATE_STEPS,
    VITALLY_REF,
    KillSwitch,
    add_faults,
    assert_state_true,
    clean_update_end_state,
    end_state,
    log_rows,
    one_line,
    spawn_run,
    writes,
)
from handoff.core.errors import EXIT_OK, EXIT_SERVICE
from handoff.sandbox.faults import FaultPlan, FaultRule
from handoff.sandbox.vitally_api import EXTERNAL_IDS_ENV
from workspace import Workspace

SERVICE = {
    "doc": "Drive",
    "sharing": "Drive",
    "traits": "Vitally",
    "note": "Vitally",
    "task": "Vitally",
    "sheet": "Sheets",
}
ORDER = list(STEPS)
WHAT = {"doc": "handoff doc", "note": "note", "task": "review task"}  # the creates, as reported


# conftest: TODAY and USER pinned; ws is a copy of the seeded template with fast retries
pytestmark = [pytest.mark.usefixtures("pinned"), pytest.mark.fast_workspace()]


def _tagged_docs_ever(ws: Workspace) -> list[dict[str, Any]]:
    """Every doc tagged for the account, trashed or not."""
    q = f"properties has {{ key='handoffAccount' and value='{ACCOUNT}' }}"
    r = ws.http.get("/drive/v3/files", params={"q": q, "fields": "files(id,trashed)"})
    r.raise_for_status()
    return list(r.json()["files"])


def _converged(ws: Workspace, clean: dict[str, Any], failed_rows: int) -> None:
    """End state == clean, state true, exactly one ok log row (+ failed rows), and a no-op re-run."""
    assert end_state(ws) == clean
    assert_state_true(ws)
    results = [r["Result"] for r in log_rows(ws)]
    assert results.count("ok") == 1, results
    assert len([r for r in results if r.startswith("failed: ")]) == failed_rows, results
    mark = ws.mark()
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK, text
    assert "up to date" in text
    assert ws.writes_after(mark) == []


@pytest.mark.parametrize("step", ORDER)
def test_5xx_until_retries_are_spent_then_rerun(ws: Workspace, clean: dict[str, Any], step: str) -> None:
    add_faults(ws, {"route": STEPS[step], "kind": "5xx", "count": 0})
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    text = one_line(text)
    assert outcome.exit_code == EXIT_SERVICE, text
    before = [LABELS[s] for s in ORDER[: ORDER.index(step)]]
    if step == "sheet":
        assert f"sheet write-back failed: {SERVICE[step]}: 503 Service Unavailable" in text
        assert "not written: sheet (status, link, run log, state)" in text
    else:
        assert f"✗ {ACCOUNT}: stopped: {SERVICE[step]}: 503 Service Unavailable" in text
        assert "(gave up after 2 attempts" in text
        rest = [LABELS[s] for s in ORDER[ORDER.index(step) : -1]]
        if before:
            assert f"written: {', '.join(before)}, sheet run log and state " in text
            assert f"not written: {', '.join(rest)}, sheet status " in text
        else:
            assert "written: nothing " in text
            assert f"not written: {', '.join(rest)}, sheet " in text
        assert "fix: the service is failing or unreachable: re-run later (a re-run finishes the job)" in text
    wrote_something = bool(before) and step != "sheet"
    rows = log_rows(ws)
    assert len(rows) == int(wrote_something)  # a failed run that wrote nothing leaves no row
    if wrote_something:
        assert rows[0]["Result"].startswith(f"failed: {SERVICE[step]}: 503")
        assert rows[0]["Changes"].startswith(f"written: {', '.join(before)}; not written: ")
    ws.sandbox.faults.clear()
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK, text
    _converged(ws, clean, failed_rows=int(wrote_something))
    assert len(_tagged_docs_ever(ws)) == 1


@pytest.mark.parametrize("step", ORDER)
def test_answer_lost_after_the_service_acted(ws: Workspace, clean: dict[str, Any], step: str) -> None:
    add_faults(ws, {"route": STEPS[step], "kind": "drop_after", "count": 1})
    mark = ws.mark()
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK, text
    sent = writes(ws.log()[mark:])
    if step in WHAT:  # a create: looked up before the retry, found, not made twice
        assert sent.count(STEPS[step]) == 1, sent
        assert f"the answer to the {WHAT[step]}'s create was lost" in one_line(text)
    elif step == "sheet":  # appends are not idempotent: the retry reads first, finds them, sends nothing
        assert sent.count(STEPS[step]) == 1, sent
    else:  # idempotent: sent again
        assert sent.count(STEPS[step]) == 2, sent
    assert any(e.get("dropped") for e in ws.log()[mark:])
    _converged(ws, clean, failed_rows=0)
    assert len(_tagged_docs_ever(ws)) == 1


@pytest.mark.slow
@pytest.mark.parametrize("step", ORDER)
def test_process_killed_mid_request_then_rerun(ws: Workspace, clean: dict[str, Any], step: str) -> None:
    switch = KillSwitch.install(ws, STEPS[step])
    proc = spawn_run(ws, ACCOUNT)
    switch.arm(proc)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, out + err
    assert switch.acted.wait(timeout=30)  # the service carried out the request the process died in
    done = ORDER[: ORDER.index(step) + 1]
    assert {e["route"] for e in ws.log()} >= {STEPS[s] for s in done}
    assert [r["Result"] for r in log_rows(ws)] == (["ok"] if step == "sheet" else [])  # killed: no row
    mark = ws.mark()
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK, text
    if step == "sheet":  # the sheet write-back the process died in was carried out: nothing left to do
        assert ws.writes_after(mark) == [] and "up to date" in text
    else:
        recorded = log_rows(ws)[-1]["Changes"]
        assert "recorded what an earlier run wrote: doc" in recorded, recorded
    _converged(ws, clean, failed_rows=0)
    assert len(_tagged_docs_ever(ws)) == 1


# -- duplicates the check after a create did not see, and a service that refuses a duplicate --------


def _upload_tagged_doc(ws: Workspace) -> str:
    """A second doc carrying acme's tags, as a run whose check missed it (say, a lagging listing) left it."""
    boundary = "dup0boundary"
    meta = (
        '{"name": "Acme Corp: Sourcegraph implementation handoff", '
        '"mimeType": "application/vnd.google-apps.document", '
        '"properties": {"handoffAccount": "acme", "handoffKind": "handoff", "handoffSha256": "x"}}'
    )
    body = (
        f"--{boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{meta}\r\n"
        f"--{boundary}\r\nContent-Type: text/html\r\n\r\n<html><body><p>dup</p></body></html>\r\n"
        f"--{boundary}--"
    )
    r = ws.http.post(
        "/upload/drive/v3/files",
        params={"uploadType": "multipart"},
        content=body.encode(),
        headers={"Content-Type": f'multipart/related; boundary="{boundary}"'},
    )
    r.raise_for_status()
    return str(r.json()["id"])


def test_duplicates_left_behind_are_removed_by_the_next_run(
    ws: Workspace, clean: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    outcome, _ = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK
    monkeypatch.setenv(EXTERNAL_IDS_ENV, "duplicate")
    account_id = ws.account(VITALLY_REF)["id"]
    dup_doc = _upload_tagged_doc(ws)
    note = {"accountId": account_id, "note": "<p>dup</p>", "noteDate": "2026-11-27T00:00:00.000Z"}
    dup_note = ws.vitally.post("/notes", json=note | {"externalId": "handoff-note:acme"}).json()["id"]
    task = {"accountId": account_id, "name": "dup", "externalId": "handoff-review:acme"}
    dup_task = ws.vitally.post("/tasks", json=task).json()["id"]
    ws.set_cell("handoff_state!B2", "")  # the state lost (a cleared cell): the run must search
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK, text
    kinds = [c.kind for c in outcome.plans[0].changes]
    assert {"doc.trash", "note.archive", "task.archive"} <= set(kinds)
    said = one_line(text)
    for dup in (dup_doc, dup_note, dup_task):
        assert "removed duplicate " in said and dup in said
    assert {**end_state(ws), "log_ok": clean["log_ok"]} == clean
    assert_state_true(ws)


def test_vitally_refusing_a_duplicate_external_id_is_settled(
    ws: Workspace, clean: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note and a task with our externalIds exist that the plan did not look for (no earlier run in
    the sheet, no doc), and Vitally answers each create with 409: the run takes them and makes them ours."""
    monkeypatch.setenv(EXTERNAL_IDS_ENV, "reject")
    account_id = ws.account(VITALLY_REF)["id"]
    note = {"accountId": account_id, "note": "<p>old</p>", "noteDate": "2026-01-01T00:00:00.000Z"}
    old_note = ws.vitally.post("/notes", json=note | {"externalId": "handoff-note:acme"}).json()["id"]
    task = {"accountId": account_id, "name": "old", "externalId": "handoff-review:acme"}
    old_task = ws.vitally.post("/tasks", json=task).json()["id"]
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK, text
    said = one_line(text)
    assert f"the note already existed (made by another run); using {old_note}" in said
    assert f"the review task already existed (made by another run); using {old_task}" in said
    assert [n["id"] for n in ws.notes(VITALLY_REF)] == [old_note]
    assert [t["id"] for t in ws.tasks(VITALLY_REF)] == [old_task]
    _converged(ws, clean, failed_rows=0)


class FailListingAfterCreate(FaultPlan):
    """Once `create` has been served, every `listing` request answers 503: the check after a create fails."""

    def __init__(self, create: str, listing: str) -> None:
        super().__init__()
        self.create, self.listing, self.created = create, listing, False

    def take(self, api: str, route: str, method: str, path: str) -> list[FaultRule]:
        if route == self.create:
            self.created = True
        elif self.created and route == self.listing:
            return [FaultRule(kind="5xx", count=0)]
        return super().take(api, route, method, path)


@pytest.mark.parametrize(
    ("step", "listing"),
    [("doc", "drive.files.list"), ("note", "vitally.accounts.notes"), ("task", "vitally.accounts.tasks")],
)
def test_the_check_after_a_create_fails(
    ws: Workspace, clean: dict[str, Any], step: str, listing: str
) -> None:
    """The create happened, the listing after it did not: the report and the state count the create."""
    ws.sandbox.server.faults = FailListingAfterCreate(STEPS[step], listing)
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    said = one_line(text)
    assert outcome.exit_code == EXIT_SERVICE, said
    done = [LABELS[s] for s in ORDER[: ORDER.index(step) + 1]]
    rest = [LABELS[s] for s in ORDER[ORDER.index(step) + 1 : -1]]
    assert f"written: {', '.join(done)}, sheet run log and state " in said
    assert f"not written: {', '.join([*rest, 'sheet status'])} " in said
    ws.sandbox.server.faults = FaultPlan()
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK, text
    _converged(ws, clean, failed_rows=1)


# -- the matrix for update runs: a second run that changes a field, failing at each of its steps ----

UPDATE_ORDER = list(UPDATE_STEPS)


@pytest.fixture
def clean_update(template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The end state of a clean first run and a clean update run, in a fresh workspace (once)."""
    return clean_update_end_state(template, tmp_path_factory)


def _fail_update_run(ws: Workspace, step: str, how: str) -> None:
    """The update run, failing at `step` in the way `how` says (see the module docstring)."""
    route = UPDATE_STEPS[step]
    if how == "kill":
        switch = KillSwitch.install(ws, route)
        proc = spawn_run(ws, ACCOUNT)
        switch.arm(proc)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL, out + err
        assert switch.acted.wait(timeout=30)
        ws.sandbox.server.faults = FaultPlan()
        return
    kind = {"5xx": "5xx", "drop": "drop_after"}[how]
    add_faults(ws, {"route": route, "kind": kind, "count": 0 if how == "5xx" else 1})
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == (EXIT_SERVICE if how == "5xx" else EXIT_OK), text
    ws.sandbox.faults.clear()


@pytest.mark.slow
@pytest.mark.parametrize("how", ["5xx", "drop", "kill"])
@pytest.mark.parametrize("step", UPDATE_ORDER)
def test_an_update_run_stopped_part_way_then_rerun(
    ws: Workspace, clean_update: dict[str, Any], step: str, how: str
) -> None:
    """Whatever the update run wrote before it stopped is recognised as handoff's own on the re-run
    (never kept as a TA edit, never written twice), and the end state is a clean update's."""
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK, text
    ws.set_cell(*UPDATE_CELL)
    _fail_update_run(ws, step, how)
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK, text
    kept = [c for c in outcome.plans[0].changes if c.kind in ("trait.keep", "doc.keep")]
    assert kept == [], text  # its own earlier write is never taken for a person's edit
    assert end_state(ws) == clean_update
    assert_state_true(ws)
    assert [r["Result"] for r in log_rows(ws)].count("ok") == 2
    mark = ws.mark()
    outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
    assert outcome.exit_code == EXIT_OK and "up to date" in text, text
    assert ws.writes_after(mark) == []
