"""Replaying gspread's recorded cassettes against the sandbox, shared by the contract test
(every request, compared by shape) and the Sheets tests (Sheets requests, compared exactly).

The cassettes under tests/fixtures/cassettes/ are gspread's vcrpy recordings of the real Sheets
and Drive APIs (MIT, see LICENSE-gspread.txt). `Replayer` sends a recorded request to the
sandbox with the recording's ids swapped for the sandbox's (learned from the creates' and
addSheet answers), and swaps them back in an answer (`as_recorded`) for an exact comparison.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import requests

from handoff.sandbox.server import RunningSandbox
from handoff.sandbox.sheets_api import DRIVE_FILES, new_spreadsheet

CASSETTES = Path(__file__).parent / "fixtures" / "cassettes"
SHEETS_HOST = "https://sheets.googleapis.com"
DRIVE_HOST = "https://www.googleapis.com"
HOSTS = (SHEETS_HOST, DRIVE_HOST)
OTHER_OWNER = "someone.else@example.com"


def shape(value: Any) -> Any:
    """Key sets and value types, lists reduced to their first element."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def cassettes() -> list[str]:
    return sorted(p.name for p in CASSETTES.glob("*.json"))


def interactions(name: str) -> list[dict[str, Any]]:
    return list(json.loads((CASSETTES / name).read_text(encoding="utf-8"))["interactions"])


def body(text: str) -> Any:
    """A recorded or received body: JSON when it is JSON, else the text (an export), None when empty."""
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


class Replayer:
    """Sends recorded requests to the sandbox, mapping spreadsheet/file ids and sheet ids both ways."""

    def __init__(self, sandbox: RunningSandbox) -> None:
        self.sandbox = sandbox
        self.ids: dict[str, str] = {}  # recorded id -> sandbox id
        self.sheet_ids: dict[int, int] = {}  # recorded sheetId -> sandbox sheetId
        self.http = requests.Session()

    def send(self, request: dict[str, Any]) -> requests.Response:
        uri = self._swap(request["uri"])
        host = next(h for h in HOSTS if uri.startswith(h))
        data = None
        if request.get("body"):
            data = json.dumps(
                _map_sheet_ids(json.loads(self._swap(request["body"])), self.sheet_ids)
            ).encode()
        return self.http.request(
            request["method"],
            self.sandbox.url + uri[len(host) :],
            data=data,
            headers={"Content-Type": "application/json"},
        )

    def learn(self, recorded: Any, ours: Any) -> None:
        """New ids from a create's answer (file ids) and a batchUpdate's addSheet replies."""
        if not isinstance(recorded, dict) or not isinstance(ours, dict):
            return
        if recorded.get("kind") == "drive#file" and recorded.get("id") and ours.get("id"):
            self.ids.setdefault(recorded["id"], ours["id"])
        for theirs, mine in zip(recorded.get("replies", []), ours.get("replies", []), strict=False):
            if "addSheet" in theirs and "addSheet" in mine:
                their_id = theirs["addSheet"]["properties"]["sheetId"]
                self.sheet_ids[their_id] = mine["addSheet"]["properties"]["sheetId"]

    def as_recorded(self, ours: Any) -> Any:
        """Our answer with our ids swapped for the recorded ones."""
        text = json.dumps(ours)
        for recorded, mine in self.ids.items():
            text = text.replace(mine, recorded)
        return _map_sheet_ids(json.loads(text), {v: k for k, v in self.sheet_ids.items()})

    def private(self, recorded_id: str) -> None:
        """The recording's someone-else's spreadsheet: made here, owned by another user, not shared."""
        ours = f"1Private{len(self.ids):02d}"
        with self.sandbox.store.transaction():
            new_spreadsheet(self.sandbox.store, ours, "Someone else's")
            entry = self.sandbox.store.get(DRIVE_FILES, ours)
            assert entry is not None
            entry.update({"owners": [OTHER_OWNER], "restricted": True, "permissions": []})
            self.sandbox.store.put(DRIVE_FILES, ours, entry)
        self.ids[recorded_id] = ours

    def _swap(self, text: str) -> str:
        for recorded, ours in self.ids.items():
            text = text.replace(recorded, ours)
        return text


def _map_sheet_ids(obj: Any, mapping: dict[int, int]) -> Any:
    if isinstance(obj, dict):
        return {
            k: mapping.get(v, v) if k == "sheetId" else _map_sheet_ids(v, mapping) for k, v in obj.items()
        }
    if isinstance(obj, list):
        return [_map_sheet_ids(v, mapping) for v in obj]
    return obj
