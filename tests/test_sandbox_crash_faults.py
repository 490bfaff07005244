"""The sandbox pieces the crash and concurrency tests stand on.

`drop_after` (the write is done, the answer is lost), Vitally's DELETE of notes and tasks
(archive), and the three things a POST with a duplicate externalId may do in real Vitally
(`HANDOFF_SANDBOX_VITALLY_EXTERNAL_IDS`: upsert, duplicate, reject).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from handoff.sandbox.faults import FaultPlan, parse_rules
from handoff.sandbox.request_log import read_request_log
from handoff.sandbox.server import RunningSandbox
from handoff.sandbox.vitally_api import EXTERNAL_IDS_ENV


def _account_id(vitally: httpx.Client) -> str:
    return str(vitally.get("/accounts").json()["results"][0]["id"])


def _note(vitally: httpx.Client, account_id: str, ext: str = "handoff-note:x") -> httpx.Response:
    body: dict[str, Any] = {
        "accountId": account_id,
        "note": "<p>n</p>",
        "noteDate": "2026-11-27T00:00:00.000Z",
        "externalId": ext,
    }
    return vitally.post("/notes", json=body)


def _notes(vitally: httpx.Client, account_id: str) -> list[dict[str, Any]]:
    return list(vitally.get(f"/accounts/{account_id}/notes").json()["results"])


def test_drop_after_does_the_write_and_loses_the_answer(
    sandbox: RunningSandbox, vitally: httpx.Client
) -> None:
    sandbox.faults.add(parse_rules([{"kind": "drop_after", "route": "vitally.notes.create"}]))
    account_id = _account_id(vitally)
    with pytest.raises(httpx.TransportError):
        _note(vitally, account_id)
    assert len(_notes(vitally, account_id)) == 1  # the server acted
    entry = [e for e in read_request_log(sandbox.store.root) if e["route"] == "vitally.notes.create"]
    assert entry[0]["status"] == 200 and entry[0]["dropped"] is True
    assert _note(vitally, account_id, "other").status_code == 200  # count 1: the next one answers


def test_drop_is_before_the_handler(sandbox: RunningSandbox, vitally: httpx.Client) -> None:
    sandbox.faults.add(parse_rules([{"kind": "drop", "route": "vitally.notes.create"}]))
    account_id = _account_id(vitally)
    with pytest.raises(httpx.TransportError):
        _note(vitally, account_id)
    assert _notes(vitally, account_id) == []


def test_fault_kind_drop_after_is_accepted_by_the_control_route(sandbox: RunningSandbox) -> None:
    rules = httpx.post(sandbox.url + "/_sandbox/faults", json={"kind": "drop_after", "route": "x"}).json()
    assert rules[-1]["kind"] == "drop_after"
    assert FaultPlan(parse_rules([{"kind": "drop_after"}])).to_json()[0]["kind"] == "drop_after"


def test_delete_archives_notes_and_tasks(sandbox: RunningSandbox, vitally: httpx.Client) -> None:
    account_id = _account_id(vitally)
    note = _note(vitally, account_id).json()
    first = vitally.delete(f"/notes/{note['id']}").json()
    assert first["archivedAt"]
    assert vitally.delete(f"/notes/{note['id']}").json()["archivedAt"] == first["archivedAt"]  # once
    assert _notes(vitally, account_id)[0]["archivedAt"] == first["archivedAt"]  # still listed
    task = vitally.post("/tasks", json={"accountId": account_id, "name": "t", "externalId": "t1"}).json()
    assert vitally.delete(f"/tasks/{task['id']}").json()["archivedAt"]
    assert vitally.delete("/tasks/nope").status_code == 404


@pytest.mark.parametrize(
    ("mode", "second_status", "count"), [("upsert", 200, 1), ("duplicate", 200, 2), ("reject", 409, 1)]
)
def test_duplicate_external_id_modes(
    sandbox: RunningSandbox,
    vitally: httpx.Client,
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    second_status: int,
    count: int,
) -> None:
    monkeypatch.setenv(EXTERNAL_IDS_ENV, mode)
    account_id = _account_id(vitally)
    assert _note(vitally, account_id).status_code == 200
    second = _note(vitally, account_id)
    assert second.status_code == second_status
    assert len(_notes(vitally, account_id)) == count
    if mode == "reject":
        assert "already exists" in second.json()["message"]
