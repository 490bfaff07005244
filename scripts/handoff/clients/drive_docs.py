"""The handoff Google Docs: find, inspect, create, update in place, share, fingerprint.

Docs are written by Drive HTML import (files.create / files.update with text/html media
into a Google Doc), so the id never changes. Each doc carries Drive `properties`
(account, kind, content hash) so a run finds it again even if the sheet lost its id,
e.g. after a crash between the create and the sheet write-back.

"Ours" is a property of the doc, not of who ran the tool: right after each write the run
exports the doc's text and stores its hash in `handoffTextSha256` (the write itself clears
it, so a write the stamp never followed is never vouched for). A doc whose text still hashes
to that property holds what some run of handoff wrote, whichever teammate's identity ran it;
anything else is a person's edit (see `human_edit`).
Every call goes through `clients.call("drive", …)` (retries, rate limit, error mapping).
"""

from __future__ import annotations

import contextlib
import hashlib
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from googleapiclient.http import MediaInMemoryUpload

from handoff.core.errors import ConfigError, NotFoundError
from handoff.core.state import DocState

DOC_MIME = "application/vnd.google-apps.document"
PROP_ACCOUNT = "handoffAccount"
PROP_KIND = "handoffKind"
PROP_SHA = "handoffSha256"
PROP_TEXT = "handoffTextSha256"  # hash of the text export right after handoff's last write
FILE_FIELDS = (
    "id,name,version,modifiedTime,lastModifyingUser(emailAddress,displayName,me),"
    "trashed,properties,webViewLink,createdTime"
)


class DriveClients(Protocol):
    def drive(self) -> Any: ...
    def call(self, api: str, fn: Any, kind: str = "read") -> Any: ...


@dataclass(frozen=True)
class RemoteDoc:
    id: str
    name: str
    version: str
    modified_time: str
    modified_by: str  # email (or display name) of the last modifying user, "" if unknown
    modified_by_me: bool
    trashed: bool
    properties: dict[str, str]
    url: str
    created_time: str = ""  # RFC 3339; with the id it orders duplicates (`age`)

    @classmethod
    def from_file(cls, f: dict[str, Any]) -> RemoteDoc:
        user = f.get("lastModifyingUser") or {}
        return cls(
            id=f["id"],
            name=f.get("name", ""),
            version=str(f.get("version", "")),
            modified_time=f.get("modifiedTime", ""),
            modified_by=user.get("emailAddress") or user.get("displayName") or "",
            modified_by_me=bool(user.get("me", False)),
            trashed=bool(f.get("trashed", False)),
            properties=dict(f.get("properties") or {}),
            url=f.get("webViewLink") or doc_url(f["id"]),
            created_time=f.get("createdTime", ""),
        )


def doc_url(doc_id: str) -> str:
    return f"https://docs.google.com/document/d/{doc_id}/edit"


def sha256(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def read_doc(clients: DriveClients, doc_id: str) -> RemoteDoc | None:
    """files.get; None when the file is gone or trashed."""
    drive = clients.drive()
    try:
        f = clients.call(
            "drive",
            lambda: drive.files().get(fileId=doc_id, fields=FILE_FIELDS, supportsAllDrives=True).execute(),
        )
    except NotFoundError:
        return None
    doc = RemoteDoc.from_file(f)
    return None if doc.trashed else doc


def find_doc(clients: DriveClients, account: str, kind: str) -> RemoteDoc | None:
    """Find our doc by its Drive properties (the recovery path when no id is recorded): the oldest."""
    docs = list_docs(clients, account, kind)
    return docs[0] if docs else None


def list_docs(clients: DriveClients, account: str, kind: str) -> list[RemoteDoc]:
    """Every untrashed doc tagged with this account and kind, oldest first (`age`).

    More than one means a race or an interrupted create left a duplicate; converge.py keeps the
    oldest, which every run agrees on."""
    drive = clients.drive()
    q = (
        f"properties has {{ key='{PROP_ACCOUNT}' and value='{_q(account)}' }} and "
        f"properties has {{ key='{PROP_KIND}' and value='{_q(kind)}' }} and trashed = false"
    )
    files = list_all(clients, drive, q)
    return sorted((RemoteDoc.from_file(f) for f in files), key=age)


def list_all(clients: DriveClients, drive: Any, q: str) -> list[dict[str, Any]]:
    """Every file matching `q`, following `nextPageToken` to the end: Drive may answer a page
    with fewer files than `pageSize`, even none, and a token to go on."""
    files: list[dict[str, Any]] = []
    token: str | None = None
    while True:
        page = _list_page(clients, drive, q, token)
        files.extend(page.get("files", []))
        token = page.get("nextPageToken")
        if not token:
            return files


def age(doc: RemoteDoc) -> tuple[str, str]:
    """The order that decides which of two duplicates is kept: created first, then the lower id.
    RFC 3339 UTC times from one service compare as text."""
    return (doc.created_time or "~", doc.id)


FIND_CHUNK = 40  # accounts per files.list query at most
FIND_Q_CHARS = 3000  # and at most this much `q`: Google's front end refuses a request line past
# 8,192 characters even as a POST with X-HTTP-Method-Override (google-api-nodejs-client#972),
# and URL-encoding can double the length of a query


def _query_chunks(clauses: Sequence[str]) -> list[str]:
    """`clauses` joined with " or " into queries of at most FIND_CHUNK clauses and FIND_Q_CHARS."""
    out: list[str] = []
    current: list[str] = []
    for clause in clauses:
        if current and (len(current) >= FIND_CHUNK or len(" or ".join([*current, clause])) > FIND_Q_CHARS):
            out.append(" or ".join(current))
            current = []
        current.append(clause)
    if current:
        out.append(" or ".join(current))
    return out


def find_docs(
    clients: DriveClients, accounts: Sequence[str], kinds: Sequence[str]
) -> dict[tuple[str, str], list[RemoteDoc]]:
    """Our docs for many accounts at once: one files.list per FIND_CHUNK accounts (and per page).

    The batch form of `list_docs`: {(account, kind): docs, oldest first} for every untrashed doc
    tagged with one of `accounts` and one of `kinds` (more than one: a crash or a race left a
    duplicate; the planner keeps the oldest and trashes the rest).
    """
    found: dict[tuple[str, str], list[RemoteDoc]] = {}
    wanted = {k: None for k in kinds}
    unique = list(dict.fromkeys(accounts))
    drive = clients.drive()
    for who in _query_chunks(
        [f"properties has {{ key='{PROP_ACCOUNT}' and value='{_q(a)}' }}" for a in unique]
    ):
        q = f"({who}) and trashed = false"
        for f in list_all(clients, drive, q):
            doc = RemoteDoc.from_file(f)
            key = (doc.properties.get(PROP_ACCOUNT, ""), doc.properties.get(PROP_KIND, ""))
            if key[1] in wanted:
                found.setdefault(key, []).append(doc)
    return {key: sorted(docs, key=age) for key, docs in found.items()}


def _list_page(clients: DriveClients, drive: Any, q: str, token: str | None) -> Any:
    params: dict[str, Any] = {
        "q": q,
        "fields": f"nextPageToken,files({FILE_FIELDS})",
        "pageSize": 1000,
        "supportsAllDrives": True,
        "includeItemsFromAllDrives": True,
        **list_scope(clients),
    }
    if token:
        params["pageToken"] = token
    return clients.call("drive", lambda: drive.files().list(**params).execute())


_DRIVE_IDS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def list_scope(clients: DriveClients) -> dict[str, str]:
    """Where listings look: with `docs.shared_drive`, the docs folder's shared drive alone
    (`corpora=drive`, `driveId`: Drive's advice for shared drives, and no `incompleteSearch`);
    otherwise every drive the identity can see (`corpora=allDrives`). The drive id is read once
    per run (files.get of the folder)."""
    docs = getattr(getattr(clients, "settings", None), "docs", None)
    if docs is None or not docs.shared_drive:
        return {"corpora": "allDrives"}
    drive_id = _DRIVE_IDS.get(clients)
    if drive_id is None:
        drive_id = _DRIVE_IDS[clients] = folder_drive(clients, docs.folder_id)
    return {"corpora": "drive", "driveId": drive_id}


def folder_drive(clients: DriveClients, folder_id: str) -> str:
    """The shared drive holding the docs folder; a ConfigError when `docs.shared_drive` is set
    but the folder is not in one (or no folder is set)."""
    fix = "set docs.folder_id to a folder in the shared drive, or set docs.shared_drive = false"
    if not folder_id:
        raise ConfigError(
            "docs.shared_drive = true needs docs.folder_id (a folder in the shared drive)", fix=fix
        )
    drive = clients.drive()
    folder = clients.call(
        "drive",
        lambda: drive.files().get(fileId=folder_id, fields="id,driveId", supportsAllDrives=True).execute(),
    )
    if not folder.get("driveId"):
        raise ConfigError(
            f"docs.shared_drive = true, but folder {folder_id} (docs.folder_id) is in My Drive", fix=fix
        )
    return str(folder["driveId"])


def export_text_sha(clients: DriveClients, doc_id: str) -> str:
    """Hash of the doc's plain-text export: the fingerprint of what a reader sees."""
    drive = clients.drive()
    data = clients.call("drive", lambda: drive.files().export(fileId=doc_id, mimeType="text/plain").execute())
    if isinstance(data, str):
        data = data.encode("utf-8")
    return sha256(data.replace(b"\r\n", b"\n").strip())


def reserve_id(clients: DriveClients) -> str:
    """A file id from files.generateIds: a create carrying it can happen once; a repeat of the same
    create (a retry after a timeout, while the first is still on its way) answers 409 fileIdInUse."""
    drive = clients.drive()
    res = clients.call(
        "drive", lambda: drive.files().generateIds(count=1, space="drive", type="files").execute()
    )
    return str(res["ids"][0])


def create_doc(
    clients: DriveClients,
    *,
    title: str,
    html: str,
    account: str,
    kind: str,
    folder_id: str,
    doc_id: str = "",
) -> RemoteDoc:
    drive = clients.drive()
    body: dict[str, Any] = {
        "name": title,
        "mimeType": DOC_MIME,
        "properties": {PROP_ACCOUNT: account, PROP_KIND: kind, PROP_SHA: sha256(html)},
    }
    if folder_id:
        body["parents"] = [folder_id]
    if doc_id:
        body["id"] = doc_id
    media = MediaInMemoryUpload(html.encode("utf-8"), mimetype="text/html", resumable=False)
    f = clients.call(
        "drive",
        lambda: (
            drive.files()
            .create(body=body, media_body=media, fields=FILE_FIELDS, supportsAllDrives=True)
            .execute()
        ),
        kind="write",
    )
    return RemoteDoc.from_file(f)


def update_doc(clients: DriveClients, doc_id: str, *, title: str, html: str) -> RemoteDoc:
    """Replace the doc's content in place (same id, sharing kept) and refresh its hash property."""
    drive = clients.drive()
    body = {"name": title, "properties": {PROP_SHA: sha256(html), PROP_TEXT: None}}  # None: cleared
    media = MediaInMemoryUpload(html.encode("utf-8"), mimetype="text/html", resumable=False)
    f = clients.call(
        "drive",
        lambda: (
            drive.files()
            .update(fileId=doc_id, body=body, media_body=media, fields=FILE_FIELDS, supportsAllDrives=True)
            .execute()
        ),
        kind="write",
    )
    return RemoteDoc.from_file(f)


def stamp_text(clients: DriveClients, doc_id: str) -> RemoteDoc:
    """Right after a write: store the hash of the doc's text export in its properties (1 export,
    1 metadata update). Any later run, under any identity, recognises the text as handoff's."""
    text = export_text_sha(clients, doc_id)
    drive = clients.drive()
    f = clients.call(
        "drive",
        lambda: (
            drive.files()
            .update(
                fileId=doc_id,
                body={"properties": {PROP_TEXT: text}},
                fields=FILE_FIELDS,
                supportsAllDrives=True,
            )
            .execute()
        ),
        kind="write",
    )
    return RemoteDoc.from_file(f)


def trash_doc(clients: DriveClients, doc_id: str) -> None:
    """Move a doc to the trash (a person can restore it from there); a doc already gone is fine."""
    drive = clients.drive()
    with contextlib.suppress(NotFoundError):
        clients.call(
            "drive",
            lambda: (
                drive.files()
                .update(fileId=doc_id, body={"trashed": True}, fields="id", supportsAllDrives=True)
                .execute()
            ),
            kind="write",
        )


def share_doc(clients: DriveClients, doc_id: str, email: str, role: str, notify: bool) -> None:
    drive = clients.drive()
    clients.call(
        "drive",
        lambda: (
            drive.permissions()
            .create(
                fileId=doc_id,
                body={"type": "user", "role": role, "emailAddress": email},
                sendNotificationEmail=notify,
                supportsAllDrives=True,
                fields="id",
            )
            .execute()
        ),
        kind="write",
    )


def human_edit(recorded: DocState | None, remote: RemoteDoc, text_sha: Any) -> str:
    """Why the doc counts as edited by a person since handoff last wrote it ("" when it does not).

    `text_sha` is a zero-argument callable returning the current export hash; it is called at
    most once, only when the recorded version does not settle the question. The doc's own
    `handoffTextSha256` decides first, whoever ran the write (a teammate's run is ours too);
    a doc without it (written by an older version, or a write the stamp never followed) falls
    back to the last modifier and the state's text hash.
    """
    if recorded and recorded.version and recorded.version == remote.version:
        return ""
    stamped = remote.properties.get(PROP_TEXT, "")
    if stamped:
        return "" if text_sha() == stamped else _edited(remote)
    if remote.modified_by_me:
        return ""
    if recorded and recorded.text_sha256 and text_sha() == recorded.text_sha256:
        return ""  # a metadata-only change by someone else (sharing, rename)
    return _edited(remote)


def _edited(remote: RemoteDoc) -> str:
    who = remote.modified_by or "someone else"
    when = f" at {remote.modified_time}" if remote.modified_time else ""
    return f"edited by {who}{when} since handoff last wrote it"


def _q(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")
