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
from handoff.core.errors import EXIT_OK, EXIT_PROBLEMS, ConfigError
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


SA = "handoff@proj.iam.gserviceaccount.com"


def _folder_check(ws: Workspace, mode: str) -> Any:
    """The auth check's folder line, with the given credential mode over the sandbox."""
    from google.auth.credentials import AnonymousCredentials

    from handoff.clients.auth_check import FOLDER, run_checks
    from handoff.clients.google import GoogleAuth

    auth = GoogleAuth(AnonymousCredentials(), mode, SA if mode == "service_account" else "ie@example.com")
    with Clients(ws.settings, auth=auth) as clients:
        (check,) = [c for c in run_checks(clients) if c.name == FOLDER]
    return check


def test_auth_check_catches_a_service_account_pointed_at_a_my_drive_folder(tmp_path: Path) -> None:
    with Workspace.start(_seed(tmp_path).root, tmp_path) as ws:  # the seeded folder is in My Drive
        check = _folder_check(ws, "service_account")
        assert not check.ok and check.detail.startswith("configuration:")
        assert "is in My Drive, where a service account cannot create files" in check.detail
        assert f"with {SA} as Content manager and set docs.shared_drive = true" in (check.fix or "")
        assert _folder_check(ws, "oauth").ok  # a user has storage of their own


def test_auth_check_accepts_a_service_account_on_a_shared_drive_folder(tmp_path: Path) -> None:
    overrides: dict[str, Any] = {"docs.folder_id": FOLDER, "docs.shared_drive": True}
    with Workspace.start(_seed(tmp_path).root, tmp_path, overrides=overrides) as ws:
        check = _folder_check(ws, "service_account")
        assert check.ok and check.detail.endswith(f"in shared drive {DRIVE}"), check


def test_auth_check_flags_shared_drive_set_for_a_my_drive_folder(tmp_path: Path) -> None:
    with Workspace.start(_seed(tmp_path).root, tmp_path, overrides={"docs.shared_drive": True}) as ws:
        check = _folder_check(ws, "oauth")
        assert not check.ok and "docs.shared_drive = true, but" in check.detail


def test_the_sandbox_refuses_a_service_account_create_in_my_drive(tmp_path: Path) -> None:
    """As real Drive does: a service account has no storage, so it cannot own a My Drive file."""
    with Workspace.start(_seed(tmp_path).root, tmp_path) as ws:
        as_sa = {"X-Sandbox-User": SA}
        mine = ws.settings.docs.folder_id
        meta = {"name": "x", "mimeType": DOC, "parents": [mine]}
        refused = ws.http.post(
            "/drive/v3/files", params={"supportsAllDrives": "true"}, json=meta, headers=as_sa
        )
        assert refused.status_code == 403
        error = refused.json()["error"]
        assert error["errors"][0]["reason"] == "storageQuotaExceeded"
        assert error["message"].startswith("Service Accounts do not have storage quota.")
        shared = ws.http.post(
            "/drive/v3/files",
            params={"supportsAllDrives": "true"},
            json={**meta, "parents": [FOLDER]},
            headers=as_sa,
        )
        assert shared.status_code == 200, shared.text  # a shared drive owns its files


def test_a_run_as_a_service_account_into_my_drive_stops_with_the_fix(tmp_path: Path) -> None:
    with Workspace.start(_seed(tmp_path).root, tmp_path, overrides={"sandbox.user": SA}) as ws:
        outcome, text = ws.run("acme")
        said = " ".join(text.split())
        assert outcome.exit_code == EXIT_PROBLEMS  # refused as configured: not a service down (4)
        assert "Service Accounts do not have storage quota" in said
        assert "a service account cannot create files in My Drive" in said
        assert ws.handoff_docs("acme") == []
