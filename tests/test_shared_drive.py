"""Shared drives: the sandbox hides a shared drive's files from requests that do not say they support
them, as Drive does; the tool says so on every call, and with `docs.shared_drive` lists that drive alone.

Evidence: docs/CONTRACTS.md, "Shared drives".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from handoff.clients import Clients, drive_docs
from handoff.core.errors import EXIT_OK, ConfigError
from workspace import SeedFolder, Workspace

DRIVE = "0AHndffSandboxSharedDrive000"
FOLDER = "1HndffSandboxSharedDriveFolder0000"
DOC = "application/vnd.google-apps.document"


def _seed(tmp_path: Path) -> SeedFolder:
    seed = SeedFolder.copy(tmp_path / "seed")

    def add(spec: dict[str, Any]) -> dict[str, Any]:
        spec["folders"].append({"id": FOLDER, "name": "Handoffs (shared drive)", "driveId": DRIVE})
        return spec

    seed.edit_json("drive.json", add)
    return seed


def _create(http: httpx.Client, **params: Any) -> httpx.Response:
    meta = {"name": "In the shared drive", "mimeType": DOC, "parents": [FOLDER]}
    return http.post("/drive/v3/files", params={"fields": "id,driveId", **params}, json=meta)


def test_a_shared_drive_file_is_hidden_without_supports_all_drives(tmp_path: Path) -> None:
    with Workspace.start(_seed(tmp_path).root, tmp_path) as ws:
        http = ws.http
        assert _create(http).status_code == 404  # its folder cannot be seen without the flag
        made = _create(http, supportsAllDrives="true").json()
        assert made["driveId"] == DRIVE
        url = f"/drive/v3/files/{made['id']}"
        assert http.get(url).status_code == 404
        assert http.get(url, params={"supportsAllDrives": "true", "fields": "driveId"}).json() == {
            "driveId": DRIVE
        }

        def listed(**params: str) -> set[str]:
            files = http.get("/drive/v3/files", params={"q": "trashed = false", **params}).json()["files"]
            return {f["id"] for f in files}

        assert made["id"] not in listed()
        both = {"supportsAllDrives": "true", "includeItemsFromAllDrives": "true"}
        assert made["id"] in listed(**both)
        assert listed(**both, corpora="drive", driveId=DRIVE) == {FOLDER, made["id"]}
        refused = http.get("/drive/v3/files", params={**both, "corpora": "drive"})
        assert refused.status_code == 400


def test_the_tool_hands_off_into_a_shared_drive(tmp_path: Path) -> None:
    overrides: dict[str, Any] = {"docs.folder_id": FOLDER, "docs.shared_drive": True}
    with Workspace.start(_seed(tmp_path).root, tmp_path, overrides=overrides) as ws:
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_OK, text
        docs = ws.http.get(
            "/drive/v3/files",
            params={
                "corpora": "drive",
                "driveId": DRIVE,
                "supportsAllDrives": "true",
                "includeItemsFromAllDrives": "true",
                "q": "properties has { key='handoffAccount' and value='acme' }",
                "fields": "files(id,driveId)",
            },
        ).json()["files"]
        assert len(docs) == 1 and docs[0]["driveId"] == DRIVE
        with Clients(ws.settings) as clients:
            assert drive_docs.list_scope(clients) == {"corpora": "drive", "driveId": DRIVE}
            assert [d.id for d in drive_docs.list_docs(clients, "acme", "handoff")] == [docs[0]["id"]]
        mark = ws.mark()
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_OK and ws.writes_after(mark) == [], text


def test_shared_drive_set_for_a_my_drive_folder_is_a_configuration_error(tmp_path: Path) -> None:
    overrides = {"docs.shared_drive": True}
    with (
        Workspace.start(_seed(tmp_path).root, tmp_path, overrides=overrides) as ws,
        Clients(ws.settings) as clients,
        pytest.raises(ConfigError, match="is in My Drive"),
    ):
        drive_docs.list_scope(clients)
