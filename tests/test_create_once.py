"""A create that may have succeeded is never duplicated, and a late duplicate never outlives a run.

A create that times out may still reach the service after the client gave up, while the retry
is already on its way. The doc's id is reserved first (Drive `files.generateIds`), so the two
creates carry one id and Drive refuses the second (409 fileIdInUse). Vitally has no such
reservation: a retried note or task create is marked unsettled, and the next run archives a
late duplicate. Every run also lists the account's tagged docs, so a duplicate left behind by
anything else is trashed even when nothing else changed.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from crashkit import ACCOUNT, VITALLY_REF, add_faults, live, one_line, state_of
from handoff.core.errors import EXIT_OK
from handoff.sandbox.vitally_api import EXTERNAL_IDS_ENV
from workspace import Workspace

TIMEOUT = {"retry.timeout_seconds": 1.5, "retry.total_seconds": 10.0}
SLOW_MS = 3000  # longer than the client's timeout: the service acts after the client gave up


# conftest: TODAY and USER pinned; ws is a copy of the seeded template with fast retries
pytestmark = [pytest.mark.usefixtures("pinned"), pytest.mark.fast_workspace(**TIMEOUT)]


def _served(ws: Workspace, route: str, n: int) -> list[dict[str, Any]]:
    """The log entries of `route` once the sandbox has carried out `n` of them (the slow one too)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        entries = [e for e in ws.log() if e["route"] == route]
        if len(entries) >= n:
            return entries
        time.sleep(0.05)
    raise AssertionError(f"the sandbox served fewer than {n} {route} requests")


def _tagged_docs_ever(ws: Workspace) -> list[dict[str, Any]]:
    q = f"properties has {{ key='handoffAccount' and value='{ACCOUNT}' }}"
    r = ws.http.get("/drive/v3/files", params={"q": q, "fields": "files(id,trashed)"})
    r.raise_for_status()
    return list(r.json()["files"])


def _no_op(ws: Workspace) -> None:
    mark = ws.mark()
    outcome, text = ws.run(ACCOUNT)
    assert outcome.exit_code == EXIT_OK, text
    assert "up to date" in text and ws.writes_after(mark) == []


def test_a_slow_doc_create_completing_after_the_timeout_leaves_one_doc(ws: Workspace) -> None:
    add_faults(
        ws, {"route": "drive.files.create.upload", "kind": "latency", "latency_ms": SLOW_MS, "count": 1}
    )
    outcome, text = ws.run(ACCOUNT)
    assert outcome.exit_code == EXIT_OK, text
    creates = _served(ws, "drive.files.create.upload", 2)  # the retry's, then the slow first one's
    assert sorted(e["status"] for e in creates) == [200, 409]  # Drive refused the second: one id
    assert len(_tagged_docs_ever(ws)) == 1
    assert [d["id"] for d in ws.handoff_docs(ACCOUNT)] == [state_of(ws).docs["handoff"].id]
    _no_op(ws)


def test_a_late_duplicate_doc_is_trashed_by_a_run_with_nothing_else_to_do(ws: Workspace) -> None:
    from test_crash_consistency import _upload_tagged_doc

    outcome, _ = ws.run(ACCOUNT)
    assert outcome.exit_code == EXIT_OK
    kept = state_of(ws).docs["handoff"].id
    dup = _upload_tagged_doc(ws)  # younger than ours; the state still records ours
    outcome, text = ws.run(ACCOUNT)
    said = one_line(text)
    assert outcome.exit_code == EXIT_OK, said
    assert [c.kind for c in outcome.plans[0].changes if c.writes and not c.kind.startswith("sheet.")] == [
        "doc.trash"
    ]
    assert f"removed duplicate doc handoff {dup}; kept {kept}" in said
    assert [d["id"] for d in ws.handoff_docs(ACCOUNT)] == [kept]
    _no_op(ws)


def test_a_slow_note_create_completing_after_the_timeout_is_archived_by_the_next_run(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(EXTERNAL_IDS_ENV, "duplicate")  # a Vitally that makes a second object
    add_faults(ws, {"route": "vitally.notes.create", "kind": "latency", "latency_ms": SLOW_MS, "count": 1})
    outcome, text = ws.run(ACCOUNT)
    assert outcome.exit_code == EXIT_OK, text
    _served(ws, "vitally.notes.create", 2)
    notes = live(ws.notes(VITALLY_REF))
    assert len(notes) == 2  # the late one landed after this run's check
    assert state_of(ws).unsettled == ["note"]
    recorded = state_of(ws).note_id
    outcome, text = ws.run(ACCOUNT)
    assert outcome.exit_code == EXIT_OK, text
    assert [n["id"] for n in live(ws.notes(VITALLY_REF))] == [recorded]
    assert "removed duplicate vitally note" in one_line(text)
    assert state_of(ws).unsettled == []
    _no_op(ws)
