"""Helpers for the crash, concurrency and service-down tests: fast workspaces, a kill switch, end states.

    template = seeded_template(tmp_path_factory)       # config/sandbox seeded once per session
    with workspace(template, tmp_path) as ws:          # a copy of it, a sandbox, settings (fast retries)
        switch = KillSwitch.install(ws, "vitally.notes.create")
        proc = spawn_run(ws, "acme"); switch.arm(proc)
        assert proc.wait() == -signal.SIGKILL          # killed while its note request was in flight
        switch.acted.wait()                            # ... which the sandbox then carried out
        assert end_state(ws) == clean_end_state        # ids, times and versions normalised

**The kill** is a real SIGKILL of a real `handoff run` process (the CLI in a subprocess, the
sandbox in this process, `HANDOFF_SANDBOX_URL` pointing the child at it). The sandbox's fault
plan is the hook: when the child's request for the chosen route arrives, the sandbox thread
kills the child and waits until the kernel reports it dead (`waitid(WNOWAIT)`), then lets the
request through. So the child dies with its request in flight, and the service carries the
write out after the client is gone: the case a crash-consistent design must survive (a kill
*before* a request reaches the service leaves what the previous step's kill leaves). No
sleeps, no timing windows: every wait is on an event the sandbox sets.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from handoff.core.state import AccountState
from handoff.plan.traits import same
from handoff.sandbox.faults import FaultPlan, FaultRule, parse_rules
from handoff.sandbox.server import open_store
from workspace import SEED, SHEET_ID, TODAY, USER, Workspace

ACCOUNT = "acme"
VITALLY_REF = "0015e00000Kq7TbAAJ"
TA = "dana.whitfield@sourcegraph.com"
FAST_RETRY = {"retry.max_attempts": 2, "retry.max_wait_seconds": 0.01, "retry.total_seconds": 1.0}

# The write steps of a first `handoff run acme`, in the order apply.py makes them, by sandbox route.
STEPS = {
    "doc": "drive.files.create.upload",
    "sharing": "drive.permissions.create",
    "traits": "vitally.accounts.update",
    "note": "vitally.notes.create",
    "task": "vitally.tasks.create",
    "sheet": "sheets.spreadsheets.batchUpdate",
}
LABELS = {
    "doc": "doc",
    "sharing": "sharing",
    "traits": "Vitally traits",
    "note": "note",
    "task": "task",
    "sheet": "sheet",
}


# The write steps of an update run (a second `handoff run acme` after one cell changed), in order.
UPDATE_CELL = ("Accounts!J2", "https://code.acmecorp.com")  # Instance URL: the doc, a trait, the note
# The update is in the sheet only (the TDD still names the old URL): every run chooses the sheet's.
ACCEPT = ("instance_url=sheet",)
UPDATE_STEPS = {
    "doc": "drive.files.update.upload",
    "fingerprint": "drive.files.update",  # the doc's text fingerprint, after its export
    "traits": "vitally.accounts.update",
    "note": "vitally.notes.update",
    "sheet": "sheets.spreadsheets.batchUpdate",
}

_CLEAN: dict[Path, dict[str, Any]] = {}
_CLEAN_UPDATE: dict[Path, dict[str, Any]] = {}


def clean_end_state(template: Path, factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The end state of one clean first run of acme in a fresh workspace (computed once per session).

    The caller pins HANDOFF_TODAY and HANDOFF_USER (TODAY, USER)."""
    if template not in _CLEAN:
        with workspace(template, factory.mktemp("clean")) as ws:
            outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
            assert outcome.exit_code == 0, text
            assert_state_true(ws)
            state = end_state(ws)
        assert len(state["docs"]) == 1 and len(state["notes"]) == 1 and len(state["tasks"]) == 1
        assert state["log_ok"] == [[USER, "final", "ok"]]
        _CLEAN[template] = state
    return _CLEAN[template]


def clean_update_end_state(template: Path, factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The end state of a clean first run, then a clean update run (UPDATE_CELL), computed once."""
    if template not in _CLEAN_UPDATE:
        with workspace(template, factory.mktemp("clean-update")) as ws:
            outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
            assert outcome.exit_code == 0, text
            ws.set_cell(*UPDATE_CELL)
            mark = ws.mark()
            outcome, text = ws.run(ACCOUNT, accept=ACCEPT)
            assert outcome.exit_code == 0, text
            sent = [e["route"] for e in ws.writes_after(mark)]
            assert sent == list(UPDATE_STEPS.values()), sent
            assert_state_true(ws)
            state = end_state(ws)
        assert state["log_ok"] == [[USER, "final", "ok"]] * 2
        _CLEAN_UPDATE[template] = state
    return _CLEAN_UPDATE[template]


def seeded_template(factory: pytest.TempPathFactory) -> Path:
    """A state folder seeded from config/sandbox, made once per session; copies of it start in ~10 ms."""
    root = factory.getbasetemp() / "crashkit-seeded-state"
    if not (root / ".seeded-by-crashkit").exists():
        open_store(root, SEED)
        (root / ".seeded-by-crashkit").write_text("ok", encoding="utf-8")
    return root


@contextlib.contextmanager
def workspace(template: Path, tmp: Path, **overrides: Any) -> Iterator[Workspace]:
    """A sandbox on a copy of the seeded template, settings pointed at it, fast retries."""
    shutil.copytree(template, tmp / "state", ignore=shutil.ignore_patterns(".seeded-by-crashkit", ".lock"))
    with Workspace.start(SEED, tmp, overrides=FAST_RETRY | overrides) as ws:
        yield ws


def add_faults(ws: Workspace, *rules: dict[str, Any]) -> None:
    ws.sandbox.faults.add(parse_rules(list(rules)))


# -- the kill switch ---------------------------------------------------------------------------------


class KillSwitch(FaultPlan):
    """A fault plan that SIGKILLs the armed child when its first request for `route` arrives.

    `killed` is set once the child is dead (the request then goes on to the handler);
    `acted` once the sandbox has logged that request, i.e. carried it out."""

    def __init__(self, route: str, rules: list[FaultRule] | None = None) -> None:
        super().__init__(rules)
        self.route = route
        self.proc: subprocess.Popen[str] | None = None
        self.armed = threading.Event()
        self.killed = threading.Event()
        self.acted = threading.Event()

    @classmethod
    def install(cls, ws: Workspace, route: str) -> KillSwitch:
        switch = cls(route)
        server = ws.sandbox.server
        server.faults = switch
        log = server.log_request_line

        def logged(entry: dict[str, Any]) -> None:
            log(entry)
            if switch.killed.is_set() and entry.get("route") == route:
                switch.acted.set()

        server.log_request_line = logged  # type: ignore[method-assign]
        return switch

    def arm(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.armed.set()

    def take(self, api: str, route: str, method: str, path: str) -> list[FaultRule]:
        if route == self.route and not self.killed.is_set() and self.armed.wait(timeout=30):
            assert self.proc is not None
            os.kill(self.proc.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):  # the test thread may have reaped it already
                os.waitid(os.P_PID, self.proc.pid, os.WEXITED | os.WNOWAIT)
            self.killed.set()
        return super().take(api, route, method, path)


def spawn_run(ws: Workspace, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`handoff run ARGS` as a child process against the workspace's sandbox (output captured)."""
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")}
    child_env.update(ws.env() | (env or {}))
    return subprocess.Popen(
        [sys.executable, "-m", "handoff", "run", *args, *(a for pair in ACCEPT for a in ("--accept", pair))],
        env=child_env,
        cwd=ws.out_dir.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# -- the end state ----------------------------------------------------------------------------------


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sheet_rows(ws: Workspace, tab: str) -> list[dict[str, str]]:
    """A tab's rows as {header: value} (the header row is the first)."""
    values = ws.values(f"'{tab}'")
    if not values:
        return []
    headers = [str(h) for h in values[0]]
    return [dict(zip(headers, [*map(str, row), *[""] * len(headers)], strict=False)) for row in values[1:]]


def state_of(ws: Workspace, account: str = ACCOUNT) -> AccountState:
    rows = [r for r in sheet_rows(ws, "handoff_state") if r.get("Account") == account]
    assert len(rows) == 1, f"expected one state row for {account}, found {len(rows)}"
    return AccountState.from_cell(rows[0]["State"])


def live(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for i in items if not i.get("archivedAt")]


def log_rows(ws: Workspace, account: str = ACCOUNT) -> list[dict[str, str]]:
    return [r for r in sheet_rows(ws, "Handoff Log") if r.get("Account") == account]


def end_state(ws: Workspace, account: str = ACCOUNT, ref: str = VITALLY_REF) -> dict[str, Any]:
    """What a TA and a teammate see of the handoff, with ids, times and Drive versions normalised.

    The Handoff Log's `ok` rows appear as (Who, Mode, Result); `failed` rows are counted
    separately by the tests (they record a failed run; see README "Guarantees")."""
    docs = ws.handoff_docs(account)
    notes, tasks = live(ws.notes(ref)), live(ws.tasks(ref))
    ids = {d["id"]: f"<doc{i}>" for i, d in enumerate(docs)}
    ids |= {n["id"]: f"<note{i}>" for i, n in enumerate(notes)}
    ids |= {t["id"]: f"<task{i}>" for i, t in enumerate(tasks)}
    state = state_of(ws, account)
    row = next(r for r in sheet_rows(ws, "Accounts") if r.get("Account") == account)
    snap = {
        "docs": [
            {
                "name": d["name"],
                "properties": d["properties"],
                "text": ws.export(d["id"]),
                "permissions": sorted(
                    (p.get("emailAddress", ""), p["role"])
                    for p in ws.http.get(f"/drive/v3/files/{d['id']}/permissions").json()["permissions"]
                ),
            }
            for d in docs
        ],
        "traits": ws.account(ref)["traits"],
        "notes": [{k: n.get(k) for k in ("externalId", "subject", "note", "noteDate")} for n in notes],
        "tasks": [
            {k: t.get(k) for k in ("externalId", "name", "description", "assignedToId", "dueDate")}
            for t in tasks
        ],
        "row": {
            "status": row.get("Handoff Status"),
            "link": row.get("Handoff Doc"),
            "by": row.get("Last Handoff", "").rpartition(" by ")[2],
        },
        "log_ok": [(r["Who"], r["Mode"], r["Result"]) for r in log_rows(ws, account) if r["Result"] == "ok"],
        "state": _normal_state(state, notes),
    }
    text = json.dumps(snap, sort_keys=True)
    for raw, placeholder in ids.items():
        text = text.replace(raw, placeholder)
    return dict(json.loads(text))


def _normal_state(state: AccountState, notes: list[dict[str, Any]]) -> dict[str, Any]:
    """The state cell without what legitimately differs between two runs (times, Drive versions)."""
    data = {
        "docs": {
            k: {
                "id": d.id,
                "html_sha256": d.html_sha256,
                "generated_at": d.generated_at,
                "shared": d.shared_with,
            }
            for k, d in state.docs.items()
        },
        "vitally_account_id": state.vitally_account_id,
        "traits": state.traits,
        "ta_admin": state.ta_admin,
        "note_id": state.note_id,
        "note_matches": bool(notes) and state.note_sha256 == sha256(notes[0]["note"]),
        "task_id": state.task_id,
        "status": state.status,
    }
    return data


def assert_state_true(ws: Workspace, account: str = ACCOUNT, ref: str = VITALLY_REF) -> None:
    """The state tab tells the truth: its ids are the objects that exist, its hashes and traits theirs."""
    state = state_of(ws, account)
    docs = ws.handoff_docs(account)
    assert len(docs) == 1, docs
    doc = state.docs["handoff"]
    assert doc.id == docs[0]["id"]
    assert doc.html_sha256 == docs[0]["properties"]["handoffSha256"]
    assert doc.generated_at == TODAY
    emails = {
        p.get("emailAddress")
        for p in ws.http.get(f"/drive/v3/files/{doc.id}/permissions").json()["permissions"]
    }
    assert doc.shared_with == [TA] and TA in emails
    notes, tasks = live(ws.notes(ref)), live(ws.tasks(ref))
    assert [n["id"] for n in notes] == [state.note_id]
    assert state.note_sha256 == sha256(notes[0]["note"])
    assert [t["id"] for t in tasks] == [state.task_id]
    account_record = ws.account(ref)
    assert state.vitally_account_id == account_record["id"]
    assert state.traits and all(same(v, account_record["traits"].get(k)) for k, v in state.traits.items())
    assert state.status == "handed off"


def writes(entries: list[dict[str, Any]]) -> list[str]:
    return [e["route"] for e in entries if e["method"] != "GET"]


def one_line(text: str) -> str:
    """Rich wraps long lines at the console width: compare text with whitespace runs as one space."""
    return re.sub(r"\s+", " ", text)


__all__ = [
    "ACCEPT",
    "ACCOUNT",
    "FAST_RETRY",
    "LABELS",
    "SHEET_ID",
    "STEPS",
    "TA",
    "UPDATE_CELL",
    "UPDATE_STEPS",
    "USER",
    "VITALLY_REF",
    "KillSwitch",
    "add_faults",
    "assert_state_true",
    "clean_end_state",
    "clean_update_end_state",
    "end_state",
    "log_rows",
    "one_line",
    "seeded_template",
    "spawn_run",
    "state_of",
    "workspace",
    "writes",
]
