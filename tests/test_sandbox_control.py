"""Sandbox control routes (health, reset), seeding from a seed folder, and the browse pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import gspread
import httpx
import pytest
import requests

from handoff.sandbox.seed import MARKER, ensure_seeded, reset
from handoff.sandbox.server import RunningSandbox
from handoff.sandbox.store import Store
from workspace import SHEET_ID as SID

SEEDS = Path(__file__).parent / "seeds"
ACME = "7c0b1c1e-9a55-4b8e-8a8e-000000000001"


def test_health(sandbox: RunningSandbox) -> None:
    health = requests.get(sandbox.url + "/_sandbox/health", timeout=5).json()
    assert health["status"] == "ok" and health["url"] == sandbox.url
    assert health["seeded"]["seed_dir"] == str((SEEDS / "minimal").resolve())


def test_reset_restores_the_seed_and_empties_the_log(
    sandbox: RunningSandbox, gc: gspread.Client, vitally: httpx.Client
) -> None:
    gc.open_by_key(SID).worksheet("Accounts").update([["changed"]], "A2")
    vitally.put(f"/accounts/{ACME}", json={"traits": {"vitally.custom.totalCpu": 64}})
    vitally.post("/notes", json={"accountId": ACME, "note": "<p>x</p>", "noteDate": "2026-01-01T00:00:00Z"})
    response = requests.post(sandbox.url + "/_sandbox/reset", timeout=5)
    assert response.json()["status"] == "reset"
    assert requests.get(sandbox.url + "/_sandbox/log", timeout=5).text == ""
    assert gc.open_by_key(SID).values_get("Accounts!A2")["values"] == [["acme"]]
    assert vitally.get(f"/accounts/{ACME}").json()["traits"]["vitally.custom.totalCpu"] == 16
    assert vitally.get("/notes").json()["results"] == []


# -- seeding -----------------------------------------------------------------------------------


def test_ensure_seeded_runs_once_and_marks_the_seed_folder(tmp_path: Path) -> None:
    store = Store(tmp_path / "state")
    assert ensure_seeded(store, SEEDS / "minimal") is True
    store.put("vitally_accounts", "extra", {"id": "extra"})
    assert ensure_seeded(store, SEEDS / "minimal") is False
    assert store.get("vitally_accounts", "extra") is not None  # a second start keeps the state
    marker = store.get(*MARKER)
    assert marker is not None and marker["seed_dir"] == str((SEEDS / "minimal").resolve())
    drive_entry = store.get("drive_files", SID)
    assert drive_entry is not None
    assert drive_entry["mimeType"] == "application/vnd.google-apps.spreadsheet"


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seed"
    shutil.copytree(SEEDS / "minimal", target)
    return target


@pytest.mark.parametrize(
    ("file", "content", "expected"),
    [
        (
            "vitally/accounts.json",
            '[\n  {"id": "a", "name": "A"},\n  {"id": "b", "name": }\n]',
            "accounts.json: line 3: invalid JSON",
        ),
        (
            "vitally/accounts.json",
            '[\n  {"id": "a", "name": "A"},\n\n  {"id": "b"}\n]',
            "accounts.json: line 4: 'name' is required",
        ),
        (
            "vitally/accounts.json",
            '[{"id": "a", "name": "A"},\n {"id": "a", "name": "B"}]',
            "accounts.json: line 2: duplicate id",
        ),
        ("vitally/admins.json", '{"email": "x"}', "admins.json: line 1: expected a JSON list"),
        (
            "sheet/Notes.csv",
            'Account,Note\nacme,"fine"\nacme,"broken"quote\n',
            "Notes.csv: line 3: malformed CSV",
        ),
        ("spreadsheet.json", '{"id": "x",\n "tabs": []}', "spreadsheet.json: line 1: 'title' is required"),
        (
            "spreadsheet.json",
            '{"id": "x", "title": "t",\n "tabs": [\n  {"title": "A", "file": "sheet/none.csv"}]}',
            "spreadsheet.json: line 3: tab 'A': file",
        ),
    ],
)
def test_a_malformed_seed_names_file_and_line(
    tmp_path: Path, seed_copy: Path, file: str, content: str, expected: str
) -> None:
    (seed_copy / file).write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(expected)):
        ensure_seeded(Store(tmp_path / "state"), seed_copy)


def test_invalid_utf8_names_the_line(tmp_path: Path, seed_copy: Path) -> None:
    (seed_copy / "sheet" / "Notes.csv").write_bytes(b"Account\nacme\n\xff\n")
    with pytest.raises(ValueError, match=re.escape("Notes.csv: line 3: not valid UTF-8")):
        ensure_seeded(Store(tmp_path / "state"), seed_copy)


def test_a_missing_seed_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        ensure_seeded(Store(tmp_path / "state"), tmp_path / "nowhere")


def test_reset_with_a_bad_seed_keeps_the_state(tmp_path: Path, seed_copy: Path) -> None:
    store = Store(tmp_path / "state")
    ensure_seeded(store, seed_copy)
    (seed_copy / "vitally" / "admins.json").write_text("[", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape("admins.json")):
        reset(store, seed_copy)
    assert store.get("sheets", SID) is not None and store.get(*MARKER) is not None


# -- browse pages ------------------------------------------------------------------------------


def test_index_lists_tabs_and_accounts(sandbox: RunningSandbox) -> None:
    page = requests.get(sandbox.url + "/", timeout=5)
    assert page.headers["Content-Type"].startswith("text/html")
    assert (
        f"/browse/sheet/{SID}/0" in page.text
        and "handoff_state</a> <span class='muted'>(hidden)" in page.text
    )
    assert f"/browse/vitally/{ACME}" in page.text and "Globex, Inc." in page.text


def test_pages_escape_what_people_typed(
    sandbox: RunningSandbox, gc: gspread.Client, vitally: httpx.Client
) -> None:
    gc.open_by_key(SID).worksheet("Notes").update([["<script>alert(1)</script>"]], "B5")
    sheet = requests.get(f"{sandbox.url}/browse/sheet/{SID}/0", timeout=5).text
    assert "<script>" not in sheet
    notes_id = gc.open_by_key(SID).worksheet("Notes").id
    notes = requests.get(f"{sandbox.url}/browse/sheet/{SID}/{notes_id}", timeout=5).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in notes and "<script>" not in notes
    vitally.put(f"/accounts/{ACME}", json={"traits": {"<b>k</b>": "<img src=x onerror=alert(1)>"}})
    vitally.post("/notes", json={"accountId": ACME, "note": "<script>x()</script>", "noteDate": "2026-01-01"})
    account = requests.get(f"{sandbox.url}/browse/vitally/{ACME}", timeout=5).text
    assert "<img" not in account and "<script>" not in account and "<b>k</b>" not in account
    assert "sandbox='allow-same-origin' onload=" in account  # framed: no scripts run in it
    assert "allow-scripts" not in account and "&lt;script&gt;x()" in account


def test_doc_page_frames_the_docs_export(sandbox: RunningSandbox) -> None:
    created = requests.post(sandbox.url + "/v1/documents", json={"title": "Acme <handoff>"}, timeout=5).json()
    index = requests.get(sandbox.url + "/", timeout=5).text
    assert f"/browse/doc/{created['documentId']}" in index and "Acme &lt;handoff&gt;" in index
    page = requests.get(f"{sandbox.url}/browse/doc/{created['documentId']}", timeout=5)
    assert page.status_code == 200 and "<iframe sandbox='allow-same-origin' onload=" in page.text
    assert "<title>Acme &lt;handoff&gt;</title>" in page.text


def test_unknown_pages_are_404(sandbox: RunningSandbox) -> None:
    for path in (
        f"/browse/sheet/{SID}/42",
        "/browse/sheet/nope/0",
        "/browse/vitally/nope",
        "/browse/doc/nope",
    ):
        assert requests.get(sandbox.url + path, timeout=5).status_code == 404, path
