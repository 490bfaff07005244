"""Ctrl-C during a run: the first stops new steps and records what was written; the second exits at once.

The first Ctrl-C is a real SIGINT delivered to this process while a write is in flight (raised
from inside the note create, before its request): that request finishes, the account stops
before its next step, the sheet gets a `failed: interrupted` log row with what was and was not
written, the run exits 130 with that summary, and a re-run finishes the handoff. The second
Ctrl-C ends the process, so it runs in a child process.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from crashkit import (
    ACCOUNT,
    VITALLY_REF,
    clean_end_state,
    end_state,
    live,
    log_rows,
    state_of,
)
from handoff.apply import execute
from handoff.core.errors import EXIT_INTERRUPTED, EXIT_OK
from workspace import Workspace

# conftest: TODAY and USER pinned; ws is a copy of the seeded template with fast retries
pytestmark = [pytest.mark.usefixtures("pinned"), pytest.mark.fast_workspace()]


def ctrl_c_during(monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    """A Ctrl-C arrives while `step`'s request is in flight (the step itself then completes)."""
    real = execute.HANDLERS[step]

    def pressed(*args: Any) -> Any:
        signal.raise_signal(signal.SIGINT)
        return real(*args)

    monkeypatch.setitem(execute.HANDLERS, step, pressed)


def test_first_ctrl_c_finishes_the_step_records_what_was_written_and_exits_130(
    ws: Workspace, template: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_note_create = execute.HANDLERS["note.create"]
    ctrl_c_during(monkeypatch, "note.create")
    code, out, err = ws.cli("run", ACCOUNT)
    assert code == EXIT_INTERRUPTED, (out, err)
    assert "interrupted: finishing the request in flight" in err
    said = " ".join(out.split())
    assert f"✗ {ACCOUNT}: stopped: interrupted" in said
    assert "written: doc, sharing, Vitally traits, note" in said and "not written: task" in said
    assert "fix: run the handoff again: it finishes the job" in said
    (row,) = log_rows(ws)
    assert row["Result"] == "failed: interrupted"
    assert row["Changes"].startswith("written: doc, sharing, Vitally traits, note; not written: task")
    state = state_of(ws)  # the state tab records the doc and the note this run made, and no task
    (doc,) = ws.handoff_docs(ACCOUNT)
    (note,) = live(ws.notes(VITALLY_REF))
    assert state.docs["handoff"].id == doc["id"] and state.note_id == note["id"]
    assert not state.task_id and live(ws.tasks(VITALLY_REF)) == []

    monkeypatch.setitem(execute.HANDLERS, "note.create", real_note_create)  # no more Ctrl-C
    code, out, err = ws.cli("run", ACCOUNT)
    assert code == EXIT_OK, (out, err)
    assert end_state(ws) == clean_end_state(template, tmp_path_factory)
    assert [r["Result"] for r in log_rows(ws)] == ["failed: interrupted", "ok"]


def test_a_ctrl_c_before_an_account_starts_writes_nothing_for_it(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted before its first write step: nothing of the account is written, no log row."""
    real = execute.write_local_copies

    def pressed(*args: Any) -> Any:  # the last thing before the account's first write step
        signal.raise_signal(signal.SIGINT)
        return real(*args)

    monkeypatch.setattr(execute, "write_local_copies", pressed)
    mark = ws.mark()
    code, out, err = ws.cli("run", ACCOUNT)
    assert code == EXIT_INTERRUPTED, (out, err)
    assert "written: nothing" in " ".join(out.split())
    assert ws.writes_after(mark) == []
    assert log_rows(ws) == []


SECOND = textwrap.dedent(
    """
    import os, signal, time
    from handoff.commands.interrupt import stop_on_interrupt

    with stop_on_interrupt() as stop:
        signal.raise_signal(signal.SIGINT)
        print("first: stop requested" if stop.requested else "first: ignored", flush=True)
        signal.raise_signal(signal.SIGINT)
        time.sleep(5)
        print("never", flush=True)
    """
)


def test_a_second_ctrl_c_exits_at_once() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SECOND], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == EXIT_INTERRUPTED, done
    assert done.stdout.splitlines() == ["first: stop requested"]
    assert "stopped at once: re-run the handoff to finish and record it" in done.stderr
