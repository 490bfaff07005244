"""A spreadsheet not shared with the caller answers 403, as real Sheets does; each request acts as its user.

The acting user is the `X-Sandbox-User` header (the tool sends `sandbox.user`), so a test can act
as two teammates. Evidence: gspread's test_access_private_spreadsheet recording (403
PERMISSION_DENIED "The caller does not have permission"), docs/CONTRACTS.md.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from handoff.sandbox.http import DEFAULT_USER, USER_HEADER
from handoff.sandbox.server import RunningSandbox
from handoff.sandbox.sheets_api import DRIVE_FILES
from workspace import SHEET_ID, SeedFolder, Workspace

VALUES = f"/v4/spreadsheets/{SHEET_ID}/values/'Accounts'!A1"
OWNER = "sheet.owner@example.com"
READER = "teammate@example.com"


def _restrict(sandbox: RunningSandbox, readers: tuple[str, ...] = ()) -> None:
    with sandbox.store.transaction():
        entry = sandbox.store.get(DRIVE_FILES, SHEET_ID)
        assert entry is not None
        entry["owners"] = [OWNER]
        entry["restricted"] = True
        entry["permissions"] = [
            {"id": f"p{i}", "type": "user", "role": "reader", "emailAddress": r}
            for i, r in enumerate(readers)
        ]
        sandbox.store.put(DRIVE_FILES, SHEET_ID, entry)


def _as(user: str) -> dict[str, str]:
    return {USER_HEADER: user}


def test_a_spreadsheet_not_shared_with_the_caller_is_403(tmp_path: Path) -> None:
    with Workspace.start(SeedFolder.copy(tmp_path / "seed").root, tmp_path) as ws:
        _restrict(ws.sandbox, readers=(READER,))
        with httpx.Client(base_url=ws.sandbox.url) as http:
            refused = http.get(VALUES, headers=_as(DEFAULT_USER))
            assert refused.status_code == 403
            assert refused.json() == {
                "error": {
                    "code": 403,
                    "message": "The caller does not have permission",
                    "status": "PERMISSION_DENIED",
                }
            }
            assert http.get(VALUES, headers=_as(OWNER)).status_code == 200
            assert http.get(VALUES, headers=_as(READER)).status_code == 200
            write = {"valueInputOption": "RAW"}
            body = {"values": [["x"]]}
            assert http.put(VALUES, params=write, json=body, headers=_as(READER)).status_code == 403
            assert http.put(VALUES, params=write, json=body, headers=_as(OWNER)).status_code == 200


def test_the_tool_says_to_share_the_sheet(tmp_path: Path) -> None:
    with Workspace.start(SeedFolder.copy(tmp_path / "seed").root, tmp_path) as ws:
        _restrict(ws.sandbox)
        code, out, err = ws.cli("check", "acme")
        assert code != 0
        text = " ".join((out + err).split())
        assert "Traceback" not in text
        assert "share" in text.lower(), text
