"""Drive listings page to the end: Drive may answer fewer files than `pageSize`, with a token to go on.

The sandbox's drive.json `max_page_size` makes every files.list page that short (evidence:
docs/CONTRACTS.md, "Drive listings"); the tool's lookups of its docs follow `nextPageToken`,
and the batch lookup splits a long query.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from handoff.clients import Clients, drive_docs
from handoff.core.errors import EXIT_OK
from workspace import SeedFolder, Workspace

FOLDER = "1HndffSandboxHandoffDocsFolder0000"


def _short_pages(seed: SeedFolder, size: int) -> None:
    seed.edit_json("drive.json", lambda d: {**d, "max_page_size": size})


def _tagged(ws: Workspace, account: str, n: int) -> None:
    for i in range(n):
        meta: dict[str, Any] = {
            "name": f"{account} {i}",
            "mimeType": "application/vnd.google-apps.document",
            "parents": [FOLDER],
            "properties": {drive_docs.PROP_ACCOUNT: account, drive_docs.PROP_KIND: "handoff"},
        }
        ws.http.post("/drive/v3/files", json=meta).raise_for_status()


def test_a_short_page_says_there_is_more(tmp_path: Path) -> None:
    seed = SeedFolder.copy(tmp_path / "seed")
    _short_pages(seed, 2)
    with Workspace.start(seed.root, tmp_path) as ws:
        page = ws.http.get("/drive/v3/files", params={"pageSize": 100}).json()
        assert len(page["files"]) == 2 and page["nextPageToken"]


def test_the_tools_lookups_follow_every_page(tmp_path: Path) -> None:
    seed = SeedFolder.copy(tmp_path / "seed")
    _short_pages(seed, 1)
    with Workspace.start(seed.root, tmp_path) as ws:
        _tagged(ws, "acme", 3)
        _tagged(ws, "initech", 2)
        mark = ws.mark()
        with Clients(ws.settings) as clients:
            assert len(drive_docs.list_docs(clients, "acme", "handoff")) == 3
            found = drive_docs.find_docs(clients, ["acme", "initech", "globex"], ["handoff"])
        assert {k: len(v) for k, v in found.items()} == {("acme", "handoff"): 3, ("initech", "handoff"): 2}
        lists = [e for e in ws.log()[mark:] if e["route"] == "drive.files.list"]
        assert len(lists) >= 3 + 5  # one page per file: every page was read


def test_a_run_with_short_pages_still_finds_its_own_doc(tmp_path: Path) -> None:
    seed = SeedFolder.copy(tmp_path / "seed")
    _short_pages(seed, 1)
    with Workspace.start(seed.root, tmp_path) as ws:
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_OK, text
        mark = ws.mark()
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_OK and ws.writes_after(mark) == [], text
        assert len(ws.handoff_docs("acme")) == 1


def test_the_batch_lookup_splits_a_long_query() -> None:
    clauses = [f"properties has {{ key='handoffAccount' and value='{'x' * 60}{i}' }}" for i in range(100)]
    chunks = drive_docs._query_chunks(clauses)
    assert all(len(c) <= drive_docs.FIND_Q_CHARS for c in chunks)
    assert sum(c.count(" or ") + 1 for c in chunks) == 100 and len(chunks) > 3
