"""Contract: every recorded request, replayed against the sandbox, answers like the real service.

The cassettes under tests/fixtures/cassettes/ are gspread's vcrpy recordings of the real Sheets
and Drive APIs (MIT, see LICENSE-gspread.txt). Each request, Sheets and Drive alike, is sent to
the sandbox in order, with the recording's ids swapped for the sandbox's (learned from the
creates' answers). The status must be the recorded one, and the body the same shape: the same
key sets, the same value types (lists by their first element). A text body (an export) must be
text. The recording's private spreadsheet (someone else's, for the 403) is set up as one owned
by another user. Exceptions are listed in EXCEPTIONS, each with its reason; the test fails if
one no longer applies, so the list stays true.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import requests

from handoff.sandbox.server import RunningSandbox
from handoff.sandbox.sheets_api import DRIVE_FILES, new_spreadsheet

CASSETTES = Path(__file__).parent / "fixtures" / "cassettes"
HOSTS = ("https://sheets.googleapis.com", "https://www.googleapis.com")
SPREADSHEET = re.compile(r"/spreadsheets/([A-Za-z0-9_-]{20,})")
OTHER_OWNER = "someone.else@example.com"

# (cassette, index of the interaction) -> why the sandbox's answer may differ in shape
EXCEPTIONS: dict[tuple[str, int], str] = {}


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
        body = request.get("body")
        data = None
        if body:
            data = json.dumps(self._sheet_ids(json.loads(self._swap(body)), self.sheet_ids)).encode()
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

    def _sheet_ids(self, obj: Any, mapping: dict[int, int]) -> Any:
        if isinstance(obj, dict):
            return {
                k: mapping.get(v, v) if k == "sheetId" else self._sheet_ids(v, mapping)
                for k, v in obj.items()
            }
        if isinstance(obj, list):
            return [self._sheet_ids(v, mapping) for v in obj]
        return obj


def _body(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def replay(sandbox: RunningSandbox, name: str) -> list[tuple[int, str]]:
    """Replay one cassette; the (index, difference) of every answer that is not like the recording."""
    r = Replayer(sandbox)
    differences = []
    for i, interaction in enumerate(interactions(name)):
        request, recorded = interaction["request"], interaction["response"]
        status = recorded["status"]["code"]
        m = SPREADSHEET.search(request["uri"])
        if status == 403 and m and m.group(1) not in r.ids:
            r.private(m.group(1))
        response = r.send(request)
        expected = _body(recorded["body"]["string"])
        ours = _body(response.text)
        r.learn(expected, ours)
        if response.status_code != status:
            differences.append(
                (i, f"status {response.status_code}, recorded {status}: {response.text[:200]}")
            )
        elif isinstance(expected, dict) != isinstance(ours, dict) or (
            isinstance(expected, dict) and shape(ours) != shape(expected)
        ):
            differences.append((i, f"shape {shape(ours)!r}, recorded {shape(expected)!r}"))
    return differences


@pytest.mark.parametrize("name", cassettes())
def test_every_recorded_request_answers_like_the_real_service(sandbox: RunningSandbox, name: str) -> None:
    differences = replay(sandbox, name)
    unexplained = [(i, d) for i, d in differences if (name, i) not in EXCEPTIONS]
    assert unexplained == []
    stale = [key for key in EXCEPTIONS if key[0] == name and key[1] not in dict(differences)]
    assert stale == [], "an exception no longer applies: remove it"


def test_the_cassettes_cover_sheets_and_drive() -> None:
    uris = [i["request"]["uri"] for name in cassettes() for i in interactions(name)]
    assert len(uris) >= 240
    assert any(u.startswith(HOSTS[0]) for u in uris) and any(u.startswith(HOSTS[1]) for u in uris)
