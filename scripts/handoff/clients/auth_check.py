"""`handoff auth check`: which credentials, which identity, and can we reach every service.

One line per check, OK or FAIL, and a fix under every FAIL:

    credentials     the mode (adc / service_account / oauth / sandbox) and the identity (for user
                    credentials, the email Drive's about.get reports)
    tracking sheet  opens the spreadsheet by key
    TDDs            documents.get on the first TDD linked from the Accounts tab (or, if none is
                    linked, proves the Docs API answers and accepts the credentials)
    output folder   Drive files.get on docs.folder_id: exists, is a folder, accepts new files
    Vitally         GET /customFields?model=accounts with the key

Exit status 0 when every check passes, else 1. Nothing is written anywhere.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from handoff.core.errors import HandoffError, NotFoundError
from handoff.core.model import column_letter
from handoff.validate.rules import doc_id

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.clients import Clients

FOLDER_MIME = "application/vnd.google-apps.folder"
PROBE_DOC_ID = "handoff-auth-check-probe-0000000000"  # an id no document has: a 404 proves access
HEADER_ROWS = "1:200"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str | None = None


def run_checks(clients: Clients) -> list[Check]:
    credentials = _guard("credentials", lambda: check_credentials(clients))
    checks = [credentials]
    if credentials.ok:
        checks += [
            _guard("tracking sheet", lambda: check_sheet(clients)),
            _guard("TDDs", lambda: check_tdds(clients)),
            _guard("output folder", lambda: check_folder(clients)),
        ]
    else:
        skipped = "not checked: no usable Google credentials"
        checks += [Check(n, False, skipped) for n in ("tracking sheet", "TDDs", "output folder")]
    checks.append(_guard("Vitally", lambda: check_vitally(clients)))
    return checks


def _guard(name: str, check: Callable[[], Check]) -> Check:
    """A check's own result, or FAIL with the error's message and fix."""
    try:
        return check()
    except HandoffError as exc:
        return Check(name, False, exc.message, exc.fix)


def check_credentials(clients: Clients) -> Check:
    auth = clients.google_auth()
    where = f" at {clients.sandbox_url}" if clients.sandbox_url else ""
    seen = "" if auth.mode == "service_account" else drive_user(clients)
    seen = f"; Google sees {seen}" if seen else ""
    return Check("credentials", True, f"{auth.mode}: {auth.identity}{where}{seen}")


def drive_user(clients: Clients) -> str:
    """The signed-in user's email as Drive reports it (about.get), "" if it cannot say."""
    drive = clients.drive()
    try:
        about = clients.call("drive", lambda: drive.about().get(fields="user(emailAddress)").execute())
    except HandoffError:
        return ""  # the folder check reports Drive problems with their fix
    return str((about.get("user") or {}).get("emailAddress") or "")


def check_sheet(clients: Clients) -> Check:
    sh = clients.spreadsheet()
    return Check("tracking sheet", True, f'"{sh.title}" ({sh.id})')


def check_tdds(clients: Clients) -> Check:
    """documents.get on one linked TDD; with none linked, a probe whose 404 proves access."""
    linked = first_tdd_link(clients)
    docs = clients.docs()
    who = clients.identity
    if linked is None:
        with contextlib.suppress(NotFoundError):  # a 404: the API answered and accepted the credentials
            clients.call("docs", lambda: docs.documents().get(documentId=PROBE_DOC_ID).execute())
        return Check("TDDs", True, "Docs API reachable (no TDD linked in the sheet to try)")
    doc_id, cell = linked
    try:
        doc = clients.call("docs", lambda: docs.documents().get(documentId=doc_id).execute())
    except NotFoundError:
        return Check(
            "TDDs",
            False,
            f"TDD {doc_id} (linked in {cell}) was not found or is not shared with {who}",
            fix=f"share the TDDs (or their folder) with {who} as Viewer, or fix the link in {cell}",
        )
    except HandoffError as exc:
        return Check("TDDs", False, f"TDD {doc_id} (linked in {cell}): {exc.message}", exc.fix)
    return Check("TDDs", True, f'"{doc.get("title", doc_id)}" readable (linked in {cell})')


def first_tdd_link(clients: Clients) -> tuple[str, str] | None:
    """(doc id, A1 cell) of the first Google Doc link in the Accounts tab's TDD column, if any."""
    sh = clients.spreadsheet()
    tab = clients.settings.sheet.tabs.accounts
    rng = "'{}'!{}".format(tab.replace("'", "''"), HEADER_ROWS)
    data = clients.call("sheets", lambda: sh.values_get(rng))
    rows: list[list[Any]] = data.get("values") or []
    if not rows:
        return None
    columns = [i for i, h in enumerate(rows[0]) if "tdd" in str(h).lower()]
    for r, row in enumerate(rows[1:], start=2):
        for c in columns:
            found = doc_id(str(row[c])) if c < len(row) else None
            if found:
                return found, f"{tab}!{column_letter(c)}{r}"
    return None


def check_folder(clients: Clients) -> Check:
    folder_id = clients.settings.docs.folder_id
    if not folder_id:
        return Check(
            "output folder", True, "docs.folder_id is not set: docs go to the identity's My Drive root"
        )
    drive = clients.drive()
    fix = f"share the folder with {clients.identity} as Editor (Content manager on a shared drive)"
    try:
        f = clients.call(
            "drive",
            lambda: (
                drive.files()
                .get(
                    fileId=folder_id,
                    fields="id,name,mimeType,capabilities(canAddChildren)",
                    supportsAllDrives=True,
                )
                .execute()
            ),
        )
    except NotFoundError:
        return Check("output folder", False, f"folder {folder_id} (docs.folder_id) was not found", fix)
    if f.get("mimeType") and f["mimeType"] != FOLDER_MIME:
        return Check(
            "output folder", False, f"{folder_id} (docs.folder_id) is a {f['mimeType']}, not a folder"
        )
    if (f.get("capabilities") or {}).get("canAddChildren") is False:
        return Check(
            "output folder", False, f'"{f.get("name")}" ({folder_id}) does not accept new files', fix
        )
    return Check("output folder", True, f'"{f.get("name", folder_id)}" ({folder_id})')


def check_vitally(clients: Clients) -> Check:
    vitally = clients.vitally()
    fields = vitally.list_custom_fields("accounts")
    return Check("Vitally", True, f"{len(fields)} account trait definitions at {vitally.base_url}")


def print_checks(console: Console, checks: list[Check]) -> None:
    from rich.markup import escape

    width = max(len(c.name) for c in checks)
    for c in checks:
        mark = "[green]OK  [/]" if c.ok else "[bold red]FAIL[/]"
        console.print(f"{mark}  {escape(c.name.ljust(width))}  {escape(c.detail)}")
        if c.fix and not c.ok:
            console.print(f"      {' ' * width}  [bold]fix:[/] {escape(c.fix)}")
