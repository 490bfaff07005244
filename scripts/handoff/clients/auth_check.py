"""`handoff auth check`: which credentials, which identity, and can we reach every service.

One line per check, labelled by the service it checks, OK or FAIL, and a fix under every FAIL:

    configuration          no placeholder left from production.example.toml
    Google credentials     the mode (adc / service_account / oauth / sandbox), a real access token
                           obtained from Google's token endpoint, and the identity (for user
                           credentials, the email Drive's about.get reports)
    Sheets: tracking sheet opens the spreadsheet and reads its Accounts header row (row 1 only)
    Docs: TDD              documents.get on the first TDD linked from the Accounts tab (or, if none
                           is linked, proves the Docs API answers and accepts the credentials)
    Drive: output folder   files.get on docs.folder_id: exists, is a folder, accepts new files
    Vitally: API key       GET /customFields?model=accounts with the key

A failure says which kind it is: a configuration problem (a 400/401/403/404: the fix names the
setting or the sharing to change) or a service that is down or unreachable (re-run later). The
checks fail fast: the command layer runs them with one attempt and a short timeout, so an
unreachable endpoint costs seconds, not a retry storm. Exit 0 when every check passes, else 1.
Nothing is written anywhere.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import google.auth.transport.requests
from google.auth import exceptions
from rich.markup import escape

from handoff.clients.retry import refresh_reason
from handoff.core.errors import HandoffError, NotFoundError, ServiceError
from handoff.core.model import column_letter
from handoff.validate.rules import doc_id

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.clients import Clients

FOLDER_MIME = "application/vnd.google-apps.folder"
PROBE_DOC_ID = "handoff-auth-check-probe-0000000000"  # an id no document has: a 404 proves access
PLACEHOLDER = re.compile(r"YOUR_[A-Z0-9_]+|\byourcompany\b", re.IGNORECASE)
CREDENTIALS, SHEET, TDD, FOLDER, VITALLY = (
    "Google credentials",
    "Sheets: tracking sheet",
    "Docs: TDD",
    "Drive: output folder",
    "Vitally: API key",
)


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str | None = None


def run_checks(clients: Clients, *, token_request: Any = None) -> list[Check]:
    """Every check, in order. `token_request` (a google.auth transport Request) replaces the
    token endpoint in tests; by default a real token is fetched from Google."""
    checks = check_placeholders(clients.settings)
    credentials = _guard(CREDENTIALS, lambda: check_credentials(clients, token_request))
    checks.append(credentials)
    if credentials.ok:
        header: list[Any] = []  # the Accounts header row, read once by the sheet check
        sheet = _guard(SHEET, lambda: check_sheet(clients, header))
        checks.append(sheet)
        if sheet.ok:
            checks.append(_guard(TDD, lambda: check_tdds(clients, header)))
        else:
            checks.append(Check(TDD, False, "not checked: the tracking sheet, which links the TDDs, failed"))
        checks.append(_guard(FOLDER, lambda: check_folder(clients)))
    else:
        skipped = "not checked: no usable Google credentials"
        checks += [Check(n, False, skipped) for n in (SHEET, TDD, FOLDER)]
    checks.append(_guard(VITALLY, lambda: check_vitally(clients)))
    return checks


def _guard(name: str, check: Callable[[], Check]) -> Check:
    """A check's own result, or FAIL saying whether the configuration or the service is at fault."""
    try:
        return check()
    except ServiceError as exc:
        return Check(name, False, f"{failure_kind(exc)}: {exc.message}", exc.fix)
    except HandoffError as exc:
        return Check(name, False, exc.message, exc.fix)


def failure_kind(exc: ServiceError) -> str:
    """'configuration' when the service answered and refused (4xx but 429), else 'service down'."""
    if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
        return "configuration"
    return "service down or unreachable"


def check_placeholders(settings: Any) -> list[Check]:
    """A FAIL per setting still holding a placeholder from production.example.toml (none: [])."""
    values = {
        "sheet.spreadsheet": settings.sheet.spreadsheet,
        "docs.folder_id": settings.docs.folder_id,
        "docs.shared_drive": getattr(settings.docs, "shared_drive", ""),
        "vitally.subdomain": settings.vitally.subdomain,
        "vitally.base_url": settings.vitally.base_url,
        "google.subject": settings.google.subject,
        "google.service_account_file": settings.google.service_account_file,
    }
    where = settings.source or "the configuration"
    left = [key for key, value in values.items() if value and PLACEHOLDER.search(str(value))]
    if not left:
        return []
    return [
        Check(
            "configuration",
            False,
            f"configuration: {', '.join(left)} still hold{'s' if len(left) == 1 else ''} the example's "
            f"placeholder in {where}",
            fix="replace each with your team's value (the example's comments say where to find it)",
        )
    ]


def check_credentials(clients: Clients, token_request: Any = None) -> Check:
    auth = clients.google_auth()
    if clients.sandbox_url:
        return Check(
            CREDENTIALS,
            True,
            f"{auth.mode}: {auth.identity} at {clients.sandbox_url}; no token needed"
            + _seen(clients, auth.mode),
        )
    failure = obtain_token(auth.credentials, token_request)
    if failure is not None:  # who it is helps fix it: the identity goes with the cause
        return Check(CREDENTIALS, False, f"{auth.mode}: {auth.identity}; {failure.detail}", failure.fix)
    return Check(
        CREDENTIALS, True, f"{auth.mode}: {auth.identity}; access token obtained" + _seen(clients, auth.mode)
    )


def _seen(clients: Clients, mode: str) -> str:
    seen = "" if mode == "service_account" else drive_user(clients)
    return f"; Google sees {seen}" if seen else ""


def obtain_token(credentials: Any, token_request: Any = None) -> Check | None:
    """Refresh `credentials` once against the token endpoint; None when a token came back."""
    if token_request is None:
        token_request = google.auth.transport.requests.Request()
    try:
        credentials.refresh(token_request)
    except exceptions.RefreshError as exc:
        return Check(
            CREDENTIALS,
            False,
            f"configuration: Google refused them when asked for a token ({refresh_reason(exc)})",
            fix="re-create the key or log in again (`gcloud auth application-default login`, or delete the "
            "OAuth token cache), and check the scopes in docs/credentials.md",
        )
    except exceptions.TransportError as exc:
        return Check(
            CREDENTIALS,
            False,
            f"service down or unreachable: Google's token endpoint did not answer ({refresh_reason(exc)})",
            fix="check the network or proxy (oauth2.googleapis.com must be reachable), then re-run",
        )
    return None


def drive_user(clients: Clients) -> str:
    """The signed-in user's email as Drive reports it (about.get), "" if it cannot say."""
    drive = clients.drive()
    try:
        about = clients.call("drive", lambda: drive.about().get(fields="user(emailAddress)").execute())
    except HandoffError:
        return ""  # the folder check reports Drive problems with their fix
    return str((about.get("user") or {}).get("emailAddress") or "")


def check_sheet(clients: Clients, header: list[Any]) -> Check:
    """Open the spreadsheet and read the Accounts header row into `header`."""
    sh = clients.spreadsheet()
    tab = clients.settings.sheet.tabs.accounts
    header[:] = read_header(clients, tab)
    if not header:
        return Check(
            SHEET,
            False,
            f'configuration: "{sh.title}" has no header row in its {tab} tab',
            fix="run `handoff sheet init` to set up the tabs and headers",
        )
    return Check(SHEET, True, f'"{sh.title}" ({sh.id}); {tab} header: {len(header)} columns')


def _quoted(tab: str) -> str:
    return "'{}'".format(tab.replace("'", "''"))


def read_header(clients: Clients, tab: str) -> list[Any]:
    """Row 1 of `tab` (a whole-row range never exceeds the grid, whatever the tab's size)."""
    sh = clients.spreadsheet()
    data = clients.call("sheets", lambda: sh.values_get(f"{_quoted(tab)}!1:1"))
    rows: list[list[Any]] = data.get("values") or []
    return rows[0] if rows else []


def check_tdds(clients: Clients, header: list[Any]) -> Check:
    """documents.get on one linked TDD; with none linked, a probe whose 404 proves access."""
    linked = first_tdd_link(clients, header)
    docs = clients.docs()
    who = clients.identity
    if linked is None:
        with contextlib.suppress(NotFoundError):  # a 404: the API answered and accepted the credentials
            clients.call("docs", lambda: docs.documents().get(documentId=PROBE_DOC_ID).execute())
        return Check(TDD, True, "Docs API reachable (no TDD linked in the sheet to try)")
    doc_id, cell = linked
    try:
        doc = clients.call("docs", lambda: docs.documents().get(documentId=doc_id).execute())
    except NotFoundError:
        return Check(
            TDD,
            False,
            f"configuration: TDD {doc_id} (linked in {cell}) was not found or is not shared with {who}",
            fix=f"share the TDDs (or their folder) with {who} as Viewer, or fix the link in {cell}",
        )
    except ServiceError as exc:
        return Check(
            TDD, False, f"{failure_kind(exc)}: TDD {doc_id} (linked in {cell}): {exc.message}", exc.fix
        )
    return Check(TDD, True, f'"{doc.get("title", doc_id)}" readable (linked in {cell})')


def first_tdd_link(clients: Clients, header: list[Any]) -> tuple[str, str] | None:
    """(doc id, A1 cell) of the first Google Doc link in the Accounts tab's TDD column, if any.

    Given the header row, reads only the TDD column(s) (whole-column ranges, within any grid)."""
    sh = clients.spreadsheet()
    tab = clients.settings.sheet.tabs.accounts
    columns = [i for i, h in enumerate(header) if "tdd" in str(h).lower()]
    if not columns:
        return None
    ranges = [f"{_quoted(tab)}!{column_letter(c)}2:{column_letter(c)}" for c in columns]
    data = clients.call("sheets", lambda: sh.values_batch_get(ranges))
    for c, value_range in zip(columns, data.get("valueRanges") or [], strict=False):
        for r, row in enumerate(value_range.get("values") or [], start=2):
            found = doc_id(str(row[0])) if row else None
            if found:
                return found, f"{tab}!{column_letter(c)}{r}"
    return None


def check_folder(clients: Clients) -> Check:
    folder_id = clients.settings.docs.folder_id
    if not folder_id:
        return Check(FOLDER, True, "docs.folder_id is not set: docs go to the identity's My Drive root")
    drive = clients.drive()
    fix = f"share the folder with {clients.identity} as Editor (Content manager on a shared drive)"
    try:
        f = clients.call(
            "drive",
            lambda: (
                drive.files()
                .get(
                    fileId=folder_id,
                    fields="id,name,mimeType,driveId,capabilities(canAddChildren)",
                    supportsAllDrives=True,
                )
                .execute()
            ),
        )
    except NotFoundError:
        return Check(FOLDER, False, f"configuration: folder {folder_id} (docs.folder_id) was not found", fix)
    if f.get("mimeType") and f["mimeType"] != FOLDER_MIME:
        return Check(
            FOLDER, False, f"configuration: {folder_id} (docs.folder_id) is a {f['mimeType']}, not a folder"
        )
    if (f.get("capabilities") or {}).get("canAddChildren") is False:
        return Check(
            FOLDER, False, f'configuration: "{f.get("name")}" ({folder_id}) does not accept new files', fix
        )
    return where_docs_go(clients, f)


def where_docs_go(clients: Clients, folder: dict[str, Any]) -> Check:
    """OK, unless the folder's drive cannot hold what the identity creates there.

    A service account has no storage of its own: a file it creates in a My Drive folder fails
    with 403 storageQuotaExceeded ("Service Accounts do not have storage quota"), so it must
    write into a shared drive, whose files the drive owns (docs/credentials.md). With
    domain-wide delegation it acts as a user and has that user's storage."""
    name, folder_id, drive_id = folder.get("name", folder.get("id")), folder.get("id"), folder.get("driveId")
    settings = clients.settings
    if drive_id:
        return Check(FOLDER, True, f'"{name}" ({folder_id}) in shared drive {drive_id}')
    if settings.docs.shared_drive:
        return Check(
            FOLDER,
            False,
            f'configuration: docs.shared_drive = true, but "{name}" ({folder_id}) is in My Drive',
            fix="set docs.folder_id to a folder in the shared drive, or set docs.shared_drive = false",
        )
    auth = clients.google_auth()
    if auth.mode == "service_account" and not settings.google.subject:
        return Check(
            FOLDER,
            False,
            f'configuration: "{name}" ({folder_id}) is in My Drive, where a service account cannot '
            "create files (it has no storage of its own: Drive refuses with storageQuotaExceeded)",
            fix=f"use a folder in a shared drive with {auth.identity} as Content manager and set "
            "docs.shared_drive = true, or act as a user (google.subject, domain-wide delegation)",
        )
    return Check(FOLDER, True, f'"{name}" ({folder_id}) in My Drive')


def check_vitally(clients: Clients) -> Check:
    vitally = clients.vitally()
    fields = vitally.list_custom_fields("accounts")
    return Check(VITALLY, True, f"{len(fields)} account trait definitions at {vitally.base_url}")


def print_checks(console: Console, checks: list[Check]) -> None:
    width = max(len(c.name) for c in checks)
    for c in checks:
        mark = "[green]OK  [/]" if c.ok else "[bold red]FAIL[/]"
        console.print(f"{mark}  {escape(c.name.ljust(width))}  {escape(c.detail)}")
        if c.fix and not c.ok:
            console.print(f"      {' ' * width}  [bold]fix:[/] {escape(c.fix)}")
