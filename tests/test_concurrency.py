"""Two `handoff run acme` processes at the same time against one sandbox end with one doc, one note, one task.

The mechanism (converge.py, README "Concurrent runs"): no service offers a compare-and-swap,
so every create is followed by a check: list what carries the tag, keep the oldest, remove
the rest; a run whose object is not the oldest removes its own and stops with exit 3 saying
what happened, and the winner finishes and records the handoff in the sheet.

The races are forced, not hoped for: the sandbox holds the first process's create until the
second process's create arrives (a barrier in the fault plan), so both creates are in flight
together. For the note race, the second process is started only once the first one's note
request is held, so it finds the first one's doc (no doc race) and races on the note alone;
the sandbox then creates duplicates on a repeated externalId (real Vitally's behaviour there
is unconfirmed: `HANDOFF_SANDBOX_VITALLY_EXTERNAL_IDS=duplicate`).
"""

from __future__ import annotations

import re
import subprocess
import threading
from collections.abc import Callable
from typing import Any

import pytest

from crashkit import (
    ACCOUNT,
    VITALLY_REF,
    assert_state_true,
    end_state,
    log_rows,
    one_line,
    spawn_run,
)
from handoff.core.errors import EXIT_CONFLICT, EXIT_OK
from handoff.sandbox.faults import FaultPlan, FaultRule
from handoff.sandbox.vitally_api import EXTERNAL_IDS_ENV
from workspace import Workspace


class Rendezvous(FaultPlan):
    """Holds the first request for `route` until a second one arrives; `first` is set when it is held."""

    def __init__(self, route: str) -> None:
        super().__init__()
        self.route = route
        self.barrier = threading.Barrier(2, timeout=30)
        self.first = threading.Event()
        self.met = threading.Event()
        self._lock = threading.Lock()
        self._seen = 0

    def take(self, api: str, route: str, method: str, path: str) -> list[FaultRule]:
        if route == self.route:
            with self._lock:
                self._seen += 1
                mine = self._seen
            if mine <= 2:
                if mine == 1:
                    self.first.set()
                try:
                    self.barrier.wait()
                    self.met.set()
                except threading.BrokenBarrierError:
                    pass  # the test fails on `met`; let the request through
        return super().take(api, route, method, path)


# conftest: TODAY and USER pinned; ws is a copy of the seeded template with fast retries
pytestmark = [pytest.mark.usefixtures("pinned"), pytest.mark.fast_workspace()]


def _finish(*procs: subprocess.Popen[str]) -> list[tuple[int, str]]:
    """(exit code, stdout + stderr) of each process."""
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=60)
        out.append((p.returncode, one_line(stdout + stderr)))
    return out


def _after_race(ws: Workspace, clean: dict[str, Any], results: list[tuple[int, str]]) -> tuple[str, str]:
    """One winner (exit 0), one loser (exit 3), the handoff complete and true: (winner, loser) output."""
    codes = sorted(code for code, _ in results)
    assert codes == [EXIT_OK, EXIT_CONFLICT], results
    winner = next(text for code, text in results if code == EXIT_OK)
    loser = next(text for code, text in results if code == EXIT_CONFLICT)
    assert end_state(ws) == clean
    assert_state_true(ws)
    assert [r["Result"] for r in log_rows(ws)] == ["ok"]  # the loser leaves the sheet to the winner
    mark = ws.mark()
    outcome, text = ws.run(ACCOUNT)
    assert outcome.exit_code == EXIT_OK and ws.writes_after(mark) == [], text
    return winner, loser


def _install(ws: Workspace, route: str) -> Rendezvous:
    plan = Rendezvous(route)
    ws.sandbox.server.faults = plan
    return plan


def _trashed_and_live(ws: Workspace) -> tuple[list[str], list[str]]:
    q = f"properties has {{ key='handoffAccount' and value='{ACCOUNT}' }}"
    files = ws.http.get("/drive/v3/files", params={"q": q, "fields": "files(id,trashed)"}).json()["files"]
    return [f["id"] for f in files if f["trashed"]], [f["id"] for f in files if not f["trashed"]]


@pytest.mark.slow
def test_two_runs_create_the_doc_at_once(ws: Workspace, clean: dict[str, Any]) -> None:
    meet = _install(ws, "drive.files.create.upload")
    results = _finish(spawn_run(ws, ACCOUNT), spawn_run(ws, ACCOUNT))
    assert meet.met.is_set(), "the two creates were not in flight together"
    trashed, kept = _trashed_and_live(ws)
    assert len(trashed) == 1 and len(kept) == 1
    _, loser = _after_race(ws, clean, results)
    assert (
        f"✗ {ACCOUNT}: conflict: another run created the handoff doc at the same time; kept {kept[0]} "
        f"(theirs) and removed {trashed[0]} (this run's). This run stopped: the other run finishes the "
        "handoff and records it in the sheet"
    ) in loser
    assert "written: nothing" in loser and "sheet (left to the other run)" in loser


def _start_second_when_first_is_held(
    ws: Workspace, meet: Rendezvous, spawn: Callable[[], subprocess.Popen[str]]
) -> list[subprocess.Popen[str]]:
    first = spawn()
    assert meet.first.wait(timeout=60), "the first run never reached the held request"
    return [first, spawn()]


@pytest.mark.slow
def test_two_runs_create_the_note_at_once(
    ws: Workspace, clean: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(EXTERNAL_IDS_ENV, "duplicate")  # read by the sandbox, in this process
    meet = _install(ws, "vitally.notes.create")
    procs = _start_second_when_first_is_held(ws, meet, lambda: spawn_run(ws, ACCOUNT))
    results = _finish(*procs)
    assert meet.met.is_set(), "the two note creates were not in flight together"
    notes = ws.notes(VITALLY_REF)
    assert len(notes) == 2 and len([n for n in notes if n.get("archivedAt")]) == 1
    _, loser = _after_race(ws, clean, results)
    assert "conflict: another run created the note at the same time; kept " in loser
    # Either may lose: the first run made the doc and wrote the traits; the second adopted the doc
    # and found the traits already written (it was started when the first one's note was held).
    said = loser[loser.index("✗") :]
    assert re.search(
        r"written: (doc, sharing, Vitally traits|sharing) not written: note, task, sheet \(left", said
    ), said
    assert len(_trashed_and_live(ws)[1]) == 1
