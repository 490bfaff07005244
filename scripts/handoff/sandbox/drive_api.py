"""Drive v3 subset of the sandbox: files, uploads with HTML import, export, permissions.

State (see `handoff.sandbox.store.Store`):

* `drive_files/<id>` — every Drive file, Google Docs, folders, spreadsheets (the Sheets
  module registers those) and plain uploads: `{id, name, mimeType, parents, properties,
  appProperties, description, starred, trashed, version (int), createdTime, modifiedTime,
  owners [email], lastModifyingUser (email), permissions [{id, type, role, emailAddress}],
  restricted (bool)}`; missing keys take defaults, unknown keys are kept;
* `docs/<id>` — a Google Doc's content as `documents.get(includeTabsContent=true)` returns
  it (`documentId`, `title`, `revisionId`, `tabs`), served by `docs_api`;
* `drive_blobs/<id>` — the bytes of non-Google files; `drive_uploads/<id>` — resumable sessions.

Rules: `version` (a string of an int on the wire) goes up on every change — content,
metadata, sharing; content and metadata changes also set `modifiedTime` and
`lastModifyingUser` (the `X-Sandbox-User` of the request; `me` is true when that is the
requester). A `restricted` file is visible only to its owners and the people it is shared
with: Drive answers 404 to the others, Docs 403. Uploading `text/html` (or `text/plain`)
into a Google Doc imports it with `html_to_docs` and gives the doc a new `revisionId`.

Shared drives: a file whose record has a `driveId` lives in a shared drive (a folder seeded with
`"driveId"`, and everything created in it). As in real Drive, a request without
`supportsAllDrives=true` does not see it (404, like a missing file), and `files.list` leaves it
out unless `includeItemsFromAllDrives=true`; `corpora=drive` needs `driveId` and lists that
drive only. The flag of the request in hand is `ALL_DRIVES` (set by the server per request, for
the methods that take it: `ALL_DRIVES_ROUTES`).

`seed(store, seed_dir)` loads `drive.json` (docs/CONTRACTS.md); `touch_file` lets other
sandbox modules record a change; `stage_human_edit` sends the Drive upload a person's edit
would be, for tests and demos.
"""

from __future__ import annotations

import base64
import contextvars
import functools
import hashlib
import html
import json
import re
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from handoff.gdocs.docs_to_html import to_html, to_text
from handoff.gdocs.html_to_docs import html_to_docs
from handoff.gdocs.stored import normalize_document
from handoff.sandbox import sheets_api
from handoff.sandbox.drive_access import ROLE_RANK, access_role, owners_of
from handoff.sandbox.drive_query import QueryError, apply_mask, compile_query, parse_fields
from handoff.sandbox.http import DEFAULT_USER, USER_HEADER, ApiError, Request, Response, route
from handoff.sandbox.store import Store

JSON = dict[str, Any]

FILES = "drive_files"
DOCS = "docs"
BLOBS = "drive_blobs"
UPLOADS = "drive_uploads"
USERS = ("_meta", "drive_users")

DOC_MIME = "application/vnd.google-apps.document"
SHEET_MIME = "application/vnd.google-apps.spreadsheet"
FOLDER_MIME = "application/vnd.google-apps.folder"
GOOGLE_PREFIX = "application/vnd.google-apps."
DOC_IMPORTS = ("text/html", "text/plain", "text/markdown")
DOC_EXPORTS = ("text/html", "text/plain")
FILE_DEFAULT_FIELDS = "kind,id,name,mimeType"
ALL_DRIVES: contextvars.ContextVar[bool] = contextvars.ContextVar("all_drives", default=True)
# the methods that take `supportsAllDrives` (Drive v3 discovery); export, generateIds, about and
# the continuation of a resumable upload do not, and see shared-drive files regardless
ALL_DRIVES_ROUTES = frozenset(
    {
        "drive.files.create",
        "drive.files.create.upload",
        "drive.files.update",
        "drive.files.update.upload",
        "drive.files.get",
        "drive.files.list",
        "drive.files.delete",
        "drive.permissions.create",
        "drive.permissions.list",
    }
)
LIST_DEFAULT_FIELDS = "kind,nextPageToken,incompleteSearch,files(kind,id,name,mimeType)"
PERMISSION_DEFAULT_FIELDS = "kind,id,type,role"
SEED_TIME = "2026-01-15T09:00:00.000Z"
ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
WRITABLE = (
    "name",
    "description",
    "starred",
    "trashed",
    "properties",
    "appProperties",
    "modifiedTime",
    "mimeType",
)

FILE_ID = r"(?P<file_id>[^/]+)"


# -- small helpers ---------------------------------------------------------------------------------
# A service account has no storage of its own, so it cannot own a file in My Drive: real Drive
# refuses the create with this 403 (docs/CONTRACTS.md, "Service accounts and My Drive").
SERVICE_ACCOUNT_DOMAIN = ".gserviceaccount.com"
NO_STORAGE = (
    "Service Accounts do not have storage quota. Leverage shared drives "
    "(https://developers.google.com/workspace/drive/api/guides/about-shareddrives), or use OAuth "
    "delegation (http://support.google.com/a/answer/7281227) instead."
)


def now_rfc3339(after: str | None = None) -> str:
    """The current UTC time as Drive writes it (milliseconds, `Z`), strictly later than `after`."""
    stamp = datetime.now(UTC)
    if after:
        try:
            previous = datetime.fromisoformat(after.replace("Z", "+00:00"))
        except ValueError:
            previous = None
        if previous is not None and stamp <= previous:
            stamp = previous + timedelta(milliseconds=1)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


def new_id(store: Store, kind: str = "file", length: int = 44) -> str:
    """A Drive-looking id (`1…`, 44 chars for files), deterministic per sandbox state."""
    number = store.next_number(f"drive_{kind}_id")
    digest = int.from_bytes(hashlib.sha256(f"{kind}:{number}".encode()).digest(), "big")
    chars = []
    for _ in range(length - 1):
        digest, r = divmod(digest, len(ID_ALPHABET))
        chars.append(ID_ALPHABET[r])
    return "1" + "".join(chars)


def new_revision_id(file_id: str, version: int) -> str:
    digest = hashlib.sha512(f"rev:{file_id}:{version}".encode()).digest()
    return "ALm37B" + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def permission_id(email: str) -> str:
    """A stable numeric permission id for a user (Drive uses the same id on every file)."""
    return str(int(hashlib.sha256(email.lower().encode()).hexdigest(), 16))[:20]


def display_name(store: Store, email: str) -> str:
    names = store.get(*USERS) or {}
    if email in names:
        return str(names[email])
    local = email.split("@")[0]
    return " ".join(part.capitalize() for part in re.split(r"[._-]+", local) if part) or email


def user_json(store: Store, email: str, requester: str) -> JSON:
    return {
        "kind": "drive#user",
        "displayName": display_name(store, email),
        "me": email == requester,
        "permissionId": permission_id(email),
        "emailAddress": email,
    }


def _base_url(req: Request) -> str:
    return f"http://{req.headers.get('host', '127.0.0.1')}"


def fields_mask(spec: str | None, default: str) -> Any:
    """The parsed `fields` parameter (or `default`), as a 400 error when it does not parse."""
    try:
        return parse_fields(spec or default)
    except QueryError as exc:
        raise ApiError(400, str(exc), reason="invalidParameter") from exc


def _not_found(file_id: str) -> ApiError:
    return ApiError(404, f"File not found: {file_id}.", reason="notFound")


# -- records and access ----------------------------------------------------------------------------
def load_file(store: Store, file_id: str, user: str, need: str = "reader") -> JSON:
    """The stored record, or the API error a real Drive would give this user."""
    record = store.get(FILES, file_id)
    if record is None or (record.get("driveId") and not ALL_DRIVES.get()):
        raise _not_found(file_id)  # a shared-drive file, asked without supportsAllDrives
    role = access_role(record, user)
    if role is None:
        raise _not_found(file_id)
    if ROLE_RANK.get(role, 0) < ROLE_RANK[need]:
        raise ApiError(
            403,
            "The user does not have sufficient permissions for this file.",
            reason="insufficientFilePermissions",
        )
    return record


def touch(record: JSON, user: str, *, modified: bool = True) -> JSON:
    """Record one change: version + 1; content/metadata changes also move modifiedTime/user."""
    record["version"] = int(record.get("version") or 0) + 1
    if modified:
        record["modifiedTime"] = now_rfc3339(record.get("modifiedTime"))
        record["lastModifyingUser"] = user
    return record


def touch_file(store: Store, file_id: str, user: str = DEFAULT_USER, *, modified: bool = True) -> None:
    """For other sandbox modules (e.g. a spreadsheet edit): count a change on a Drive file."""
    record = store.get(FILES, file_id)
    if record is not None:
        store.put(FILES, file_id, touch(record, user, modified=modified))


def _owner_permission(email: str) -> JSON:
    return {"id": permission_id(email), "type": "user", "role": "owner", "emailAddress": email}


def new_record(store: Store, meta: JSON, user: str, *, mime_type: str | None = None) -> JSON:
    """A fresh file record from `files.create` metadata (parents checked, id optional)."""
    file_id = str(
        meta.get("id")
        or new_id(
            store,
            "folder" if meta.get("mimeType") == FOLDER_MIME else "file",
            33 if meta.get("mimeType") == FOLDER_MIME else 44,
        )
    )
    if store.get(FILES, file_id) is not None:
        raise ApiError(409, "A file already exists with the provided ID.", reason="fileIdInUse")
    parents = [str(p) for p in meta.get("parents") or []]
    drive_id = ""
    for parent in parents:
        drive_id = drive_id or str(load_file(store, parent, user, need="writer").get("driveId") or "")
    if not drive_id and user.endswith(SERVICE_ACCOUNT_DOMAIN):
        raise ApiError(403, NO_STORAGE, reason="storageQuotaExceeded")  # it would own a My Drive file
    stamp = str(meta.get("modifiedTime") or now_rfc3339())
    return {
        **({"driveId": drive_id} if drive_id else {}),
        "id": file_id,
        "name": str(meta.get("name") or "Untitled"),
        "mimeType": str(meta.get("mimeType") or mime_type or "application/octet-stream"),
        "parents": parents,
        "properties": _clean_props(meta.get("properties")),
        "appProperties": _clean_props(meta.get("appProperties")),
        "description": str(meta.get("description") or ""),
        "starred": bool(meta.get("starred")),
        "trashed": False,
        "version": 1,
        "createdTime": stamp,
        "modifiedTime": stamp,
        "owners": [user],
        "lastModifyingUser": user,
        "permissions": [_owner_permission(user)],
        "restricted": False,
    }


def _clean_props(props: Any) -> dict[str, str]:
    if props is None:
        return {}
    if not isinstance(props, dict):
        raise ApiError(400, "Invalid value for properties: expected an object.", reason="invalid")
    return {str(k): str(v) for k, v in props.items() if v is not None}


def _merge_props(current: dict[str, str] | None, changes: Any) -> dict[str, str]:
    if not isinstance(changes, dict):
        raise ApiError(400, "Invalid value for properties: expected an object.", reason="invalid")
    merged = dict(current or {})
    for key, value in changes.items():
        if value is None:
            merged.pop(str(key), None)
        else:
            merged[str(key)] = str(value)
    return merged


# -- the File resource -----------------------------------------------------------------------------
def web_view_link(record: JSON) -> str:
    file_id, mime = record["id"], record.get("mimeType")
    if mime == DOC_MIME:
        return f"https://docs.google.com/document/d/{file_id}/edit"
    if mime == SHEET_MIME:
        return f"https://docs.google.com/spreadsheets/d/{file_id}/edit"
    if mime == FOLDER_MIME:
        return f"https://drive.google.com/drive/folders/{file_id}"
    return f"https://drive.google.com/file/d/{file_id}/view"


def _capabilities(role: str | None, is_folder: bool) -> JSON:
    rank = ROLE_RANK.get(role or "", 0)
    can_edit, owner = rank >= ROLE_RANK["writer"], role == "owner"
    return {
        "canEdit": can_edit,
        "canComment": rank >= ROLE_RANK["commenter"],
        "canShare": can_edit,
        "canCopy": not is_folder,
        "canDownload": True,
        "canRename": can_edit,
        "canTrash": owner,
        "canDelete": owner,
        "canReadRevisions": can_edit,
        "canAddChildren": is_folder and can_edit,
        "canListChildren": is_folder,
        "canModifyContent": can_edit,
    }


def permission_json(store: Store, perm: JSON) -> JSON:
    out: JSON = {
        "kind": "drive#permission",
        "id": perm["id"],
        "type": perm.get("type", "user"),
        "role": perm.get("role", "reader"),
    }
    if perm.get("emailAddress"):
        out["emailAddress"] = perm["emailAddress"]
        out["displayName"] = display_name(store, perm["emailAddress"])
    if perm.get("domain"):
        out["domain"] = perm["domain"]
    out["deleted"] = False
    return out


def _permissions(record: JSON) -> list[JSON]:
    perms = list(record.get("permissions") or [])
    known = {p.get("emailAddress") for p in perms}
    perms += [_owner_permission(o) for o in owners_of(record) if o not in known]
    return perms


def file_resource(store: Store, record: JSON, requester: str) -> JSON:
    """Every field the sandbox knows for one file, shaped like Drive's `File`."""
    mime = record.get("mimeType", "application/octet-stream")
    role = access_role(record, requester)
    owners = owners_of(record)
    perms = _permissions(record)
    out: JSON = {
        "kind": "drive#file",
        "id": record["id"],
        "name": record.get("name", "Untitled"),
        "mimeType": mime,
    }
    if record.get("description"):
        out["description"] = record["description"]
    out.update(
        starred=bool(record.get("starred")),
        trashed=bool(record.get("trashed")),
        explicitlyTrashed=bool(record.get("trashed")),
    )
    if record.get("parents"):
        out["parents"] = list(record["parents"])
    if record.get("driveId"):
        out["driveId"] = record["driveId"]
    for key in ("properties", "appProperties"):
        if record.get(key):
            out[key] = dict(record[key])
    created = str(record.get("createdTime") or record.get("modifiedTime") or SEED_TIME)
    modified = str(record.get("modifiedTime") or created)
    last_user = str(record.get("lastModifyingUser") or owners[0])
    out.update(
        spaces=["drive"],
        version=str(int(record.get("version") or 1)),
        webViewLink=web_view_link(record),
        iconLink=f"https://drive-thirdparty.googleusercontent.com/16/type/{mime}",
        hasThumbnail=False,
        thumbnailVersion="0",
        viewedByMe=True,
        createdTime=created,
        modifiedTime=modified,
        modifiedByMe=last_user == requester,
        owners=[user_json(store, o, requester) for o in owners],
        lastModifyingUser=user_json(store, last_user, requester),
        shared=len(perms) > len(owners),
        ownedByMe=requester in owners,
        capabilities=_capabilities(role, mime == FOLDER_MIME),
        viewersCanCopyContent=True,
        copyRequiresWriterPermission=False,
        writersCanShare=True,
        permissions=[permission_json(store, p) for p in perms],
        permissionIds=[p["id"] for p in perms],
        isAppAuthorized=False,
        quotaBytesUsed=str(record.get("size") or 0),
    )
    if last_user == requester:
        out["modifiedByMeTime"] = modified
    if mime == DOC_MIME:
        out["exportLinks"] = {
            m: f"https://docs.google.com/feeds/download/documents/export/Export?id="
            f"{record['id']}&exportFormat={m.split('/')[1]}"
            for m in DOC_EXPORTS
        }
    elif not mime.startswith(GOOGLE_PREFIX):
        out["size"] = str(record.get("size") or 0)
        if record.get("md5Checksum"):
            out["md5Checksum"] = record["md5Checksum"]
    return out


def _render(store: Store, record: JSON, req: Request, default: str = FILE_DEFAULT_FIELDS) -> Response:
    return Response.json(
        apply_mask(file_resource(store, record, req.user), fields_mask(req.arg("fields"), default))
    )


# -- content ---------------------------------------------------------------------------------------
def _decode(data: bytes, media_type: str) -> str:
    m = re.search(r"charset=([\w.-]+)", media_type, re.I)
    try:
        return data.decode(m.group(1) if m else "utf-8", errors="replace").removeprefix("\ufeff")
    except LookupError:
        return data.decode("utf-8", errors="replace").removeprefix("\ufeff")


def _as_html(text: str, base_type: str) -> str:
    if base_type == "text/html":
        return text

    return "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() or [""])


def import_document(store: Store, record: JSON, html_text: str) -> None:
    """Store `html_text` as the content of Google Doc `record` (new revisionId each time)."""
    doc = html_to_docs(html_text, title=record.get("name", ""), document_id=record["id"])
    doc["revisionId"] = new_revision_id(record["id"], int(record.get("version") or 1))
    store.put(DOCS, record["id"], doc)


def store_content(store: Store, record: JSON, media_type: str, data: bytes) -> None:
    """Upload semantics: import into a Google Doc, or keep the bytes of an ordinary file."""
    base_type = media_type.split(";")[0].strip().lower()
    mime = record.get("mimeType", "")
    if mime == DOC_MIME:
        if base_type not in DOC_IMPORTS:
            raise ApiError(
                400,
                f"Conversion from {base_type} to a Google Docs document is not supported.",
                reason="badContent",
            )
        import_document(store, record, _as_html(_decode(data, media_type), base_type))
        return
    if mime.startswith(GOOGLE_PREFIX):
        raise ApiError(400, f"Uploading content into a {mime} file is not supported.", reason="badContent")
    store.put(BLOBS, record["id"], {"mimeType": base_type, "data": base64.b64encode(data).decode()})
    record["size"] = str(len(data))
    record["md5Checksum"] = hashlib.md5(data).hexdigest()


def parse_multipart(content_type: str, body: bytes) -> tuple[JSON, str, bytes]:
    """A `multipart/related` upload (JSON metadata part + media part) → (metadata, media type, bytes)."""
    m = re.search(r'boundary="?([^";]+)"?', content_type or "")
    if not m:
        raise ApiError(400, "Invalid multipart request with 0 mime parts.", reason="badRequest")
    parts = []
    for chunk in body.split(b"--" + m.group(1).encode())[1:]:
        if chunk.startswith(b"--"):
            break
        parts.append(_mime_part(chunk))
    if len(parts) != 2:
        raise ApiError(400, f"Invalid multipart request with {len(parts)} mime parts.", reason="badRequest")
    try:
        meta = json.loads(parts[0][1] or b"{}")
    except ValueError as exc:
        raise ApiError(400, f"Invalid JSON payload received. {exc}", reason="parseError") from exc
    headers, data = parts[1]
    if headers.get("content-transfer-encoding", "").lower() == "base64":
        data = base64.b64decode(data)
    return (
        meta if isinstance(meta, dict) else {},
        headers.get("content-type", "application/octet-stream"),
        data,
    )


def _mime_part(chunk: bytes) -> tuple[dict[str, str], bytes]:
    chunk = chunk[2:] if chunk.startswith(b"\r\n") else chunk[1:] if chunk.startswith(b"\n") else chunk
    chunk = chunk[:-2] if chunk.endswith(b"\r\n") else chunk[:-1] if chunk.endswith(b"\n") else chunk
    ends = [(i, len(sep)) for sep in (b"\r\n\r\n", b"\n\n") if (i := chunk.find(sep)) >= 0]
    if chunk.startswith((b"\r\n", b"\n")):
        return {}, chunk.lstrip(b"\r\n")
    if not ends:
        return {}, chunk
    at, size = min(ends)
    headers = {}
    for line in chunk[:at].decode("latin-1").splitlines():
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return headers, chunk[at + size :]


# -- metadata changes ------------------------------------------------------------------------------
def apply_metadata(store: Store, record: JSON, meta: JSON, req: Request) -> bool:
    """Apply a `files.update` body plus addParents/removeParents; True if anything changed."""
    if "parents" in meta:
        raise ApiError(
            403,
            "The parents field is not directly writable in update requests. "
            "Use the addParents and removeParents parameters instead.",
            reason="fieldNotWritable",
        )
    before = json.dumps(record, sort_keys=True)
    for key in WRITABLE:
        if key not in meta:
            continue
        if key in ("properties", "appProperties"):
            record[key] = _merge_props(record.get(key), meta[key])
        elif key == "mimeType":
            continue  # conversions happen through media uploads only
        elif key in ("starred", "trashed"):
            record[key] = bool(meta[key])
        else:
            record[key] = str(meta[key])
    _move(store, record, req)
    return json.dumps(record, sort_keys=True) != before


def _move(store: Store, record: JSON, req: Request) -> None:
    parents = list(record.get("parents") or [])
    for parent in _csv(req.arg("addParents")):
        load_file(store, parent, req.user, need="writer")
        if parent not in parents:
            parents.append(parent)
    removed = set(_csv(req.arg("removeParents")))
    record["parents"] = [p for p in parents if p not in removed]


def _csv(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _json_body(req: Request) -> JSON:
    body = req.json()
    if not isinstance(body, dict):
        raise ApiError(400, "Invalid JSON payload received. Expected an object.", reason="parseError")
    return body


# -- files.create / update ---------------------------------------------------------------------------
def create_file(store: Store, meta: JSON, user: str, media: tuple[str, bytes] | None = None) -> JSON:
    """Create a file (and its content); a new Google Doc without media is an empty doc."""
    record = new_record(store, meta, user, mime_type=media[0].split(";")[0].strip() if media else None)
    if media is not None:
        store_content(store, record, *media)
    elif record["mimeType"] == DOC_MIME:
        import_document(store, record, "")
    elif record["mimeType"] == SHEET_MIME:
        new_spreadsheet = _sheets_hook("new_spreadsheet")
        if new_spreadsheet is not None:
            new_spreadsheet(store, record["id"], record["name"], None, record["parents"])
    store.put(FILES, record["id"], record)
    return record


def _sheets_hook(name: str) -> Any:
    """A function of the Sheets module (`new_spreadsheet`, `delete_spreadsheet`, `export_file`)."""
    hook = getattr(sheets_api, name, None)
    return hook if callable(hook) else None


def update_file(
    store: Store,
    record: JSON,
    meta: JSON,
    req: Request,
    media: tuple[str, bytes] | None = None,
    user: str | None = None,
) -> JSON:
    """One `files.update`: metadata and/or content, counted as one change."""
    changed = apply_metadata(store, record, meta, req)
    if changed or media is not None:
        touch(record, user or req.user)
        if meta.get("modifiedTime"):  # writable: an explicit time wins
            record["modifiedTime"] = str(meta["modifiedTime"])
    if media is not None:
        store_content(store, record, *media)
    elif changed and record.get("mimeType") == DOC_MIME and "name" in meta:
        _retitle(store, record)
    store.put(FILES, record["id"], record)
    return record


def _retitle(store: Store, record: JSON) -> None:
    doc = store.get(DOCS, record["id"])
    if doc is not None:
        doc["title"] = record.get("name", "")
        store.put(DOCS, record["id"], doc)


def _upload_media(req: Request) -> tuple[JSON, tuple[str, bytes]]:
    kind = req.arg("uploadType", "media")
    content_type = req.headers.get("content-type", "application/octet-stream")
    if kind == "multipart":
        meta, media_type, data = parse_multipart(content_type, req.body)
        return meta, (media_type, data)
    if kind == "media":
        return {}, (content_type, req.body)
    raise ApiError(400, f"Invalid upload type: {kind}.", reason="invalid")


@route("drive", "POST", r"/drive/v3/files", "drive.files.create")
def files_create(req: Request, store: Store) -> Response:
    return _render(store, create_file(store, _json_body(req), req.user), req)


@route("drive", "POST", r"/upload/drive/v3/files", "drive.files.create.upload")
def files_create_upload(req: Request, store: Store) -> Response:
    if req.arg("uploadType") == "resumable":
        return _start_resumable(req, store, None)
    meta, media = _upload_media(req)
    return _render(store, create_file(store, meta, req.user, media), req)


@route("drive", "PATCH", rf"/drive/v3/files/{FILE_ID}", "drive.files.update")
def files_update(req: Request, store: Store, file_id: str) -> Response:
    record = load_file(store, file_id, req.user, need="writer")
    return _render(store, update_file(store, record, _json_body(req), req), req)


@route("drive", "PATCH", rf"/upload/drive/v3/files/{FILE_ID}", "drive.files.update.upload")
def files_update_upload(req: Request, store: Store, file_id: str) -> Response:
    record = load_file(store, file_id, req.user, need="writer")
    if req.arg("uploadType") == "resumable":
        return _start_resumable(req, store, file_id)
    meta, media = _upload_media(req)
    return _render(store, update_file(store, record, meta, req, media), req)


# -- resumable uploads -------------------------------------------------------------------------------
def _start_resumable(req: Request, store: Store, file_id: str | None) -> Response:
    meta = _json_body(req)
    session_id = new_id(store, "upload", 40)
    media_type = req.headers.get("x-upload-content-type", "application/octet-stream")
    store.put(
        UPLOADS,
        session_id,
        {
            "fileId": file_id,
            "meta": meta,
            "mediaType": media_type,
            "user": req.user,
            "fields": req.arg("fields"),
            "data": "",
        },
    )
    path = "/upload/drive/v3/files" + (f"/{file_id}" if file_id else "")
    location = f"{_base_url(req)}{path}?uploadType=resumable&upload_id={session_id}"
    return Response(
        200, b"", "text/plain", headers={"Location": location, "X-GUploader-UploadID": session_id}
    )


def _content_range(header: str | None) -> tuple[int | None, int | None]:
    """`bytes 0-9/10` → (start, total); `bytes */10` → (None, 10); total None when `*`."""
    m = re.fullmatch(r"\s*bytes\s+(\*|(\d+)-(\d+))/(\*|\d+)\s*", header or "")
    if not m:
        return 0, None
    start = int(m.group(2)) if m.group(2) else None
    total = None if m.group(4) == "*" else int(m.group(4))
    return start, total


def _resumable_put(req: Request, store: Store, file_id: str | None) -> Response:
    session_id = req.arg("upload_id") or ""
    session = store.get(UPLOADS, session_id)
    if session is None or session.get("fileId") != file_id:
        raise ApiError(404, "Upload session not found.", reason="notFound")
    data = base64.b64decode(session["data"])
    start, total = _content_range(req.headers.get("content-range"))
    if start is not None and req.body:
        data = data[:start] + req.body
    if total is None and start is not None and not req.headers.get("content-range"):
        total = len(data)
    if total is None or len(data) < total:
        session["data"] = base64.b64encode(data).decode()
        store.put(UPLOADS, session_id, session)
        headers = {"Range": f"bytes=0-{len(data) - 1}"} if data else {}
        return Response(308, b"", "text/plain", headers=headers)
    store.delete(UPLOADS, session_id)
    fake = Request(
        req.method,
        req.path,
        req.raw_path,
        {"fields": [session["fields"]]} if session["fields"] else {},
        {USER_HEADER.lower(): session["user"]},
    )
    media = (session["mediaType"], data)
    if file_id is None:
        record = create_file(store, session["meta"], session["user"], media)
    else:
        record = update_file(
            store,
            load_file(store, file_id, session["user"], "writer"),
            session["meta"],
            fake,
            media,
            session["user"],
        )
    return _render(store, record, fake)


@route("drive", "PUT", r"/upload/drive/v3/files", "drive.files.create.resumable")
def files_create_resumable(req: Request, store: Store) -> Response:
    return _resumable_put(req, store, None)


@route("drive", "PUT", rf"/upload/drive/v3/files/{FILE_ID}", "drive.files.update.resumable")
def files_update_resumable(req: Request, store: Store, file_id: str) -> Response:
    return _resumable_put(req, store, file_id)


# -- files.generateIds / get / list / export / delete -----------------------------------------------
@route("drive", "GET", r"/drive/v3/files/generateIds", "drive.files.generateIds")
def files_generate_ids(req: Request, store: Store) -> Response:
    """Ids a later files.create may use; a create with an id already taken answers 409 fileIdInUse."""
    try:
        count = int(req.arg("count") or "10")
    except ValueError as exc:
        raise ApiError(400, "Invalid value for: count", reason="invalid") from exc
    if not 1 <= count <= 1000:
        raise ApiError(400, "Invalid value for: count (must be between 1 and 1000)", reason="invalid")
    space = req.arg("space") or "drive"
    if space not in ("drive", "appDataFolder"):
        raise ApiError(400, f"Invalid value for: space ({space})", reason="invalid")
    with store.transaction():
        ids = [new_id(store) for _ in range(count)]
    return Response.json({"kind": "drive#generatedIds", "space": space, "ids": ids})


@route("drive", "GET", rf"/drive/v3/files/{FILE_ID}", "drive.files.get")
def files_get(req: Request, store: Store, file_id: str) -> Response:
    record = load_file(store, file_id, req.user)
    if req.arg("alt") == "media":
        return _download(store, record)
    return _render(store, record, req)


def _download(store: Store, record: JSON) -> Response:
    if str(record.get("mimeType", "")).startswith(GOOGLE_PREFIX):
        raise ApiError(
            403,
            "Only files with binary content can be downloaded. Use Export with Docs Editors files.",
            reason="fileNotDownloadable",
        )
    blob = store.get(BLOBS, record["id"]) or {"mimeType": record.get("mimeType"), "data": ""}
    return Response(
        200, base64.b64decode(blob["data"]), str(blob.get("mimeType") or "application/octet-stream")
    )


SETTINGS = ("_meta", "drive_settings")


def _drive_filter(req: Request) -> Any:
    """Which files a listing may show, by drive: `corpora`, `driveId`, `includeItemsFromAllDrives`."""
    corpora, drive_id = req.arg("corpora") or "user", req.arg("driveId") or ""
    if (corpora == "drive") != bool(drive_id):
        raise ApiError(400, "The driveId parameter must be specified if and only if corpora is set to drive.")
    if corpora == "drive":
        return lambda r: r.get("driveId") == drive_id
    if req.flag("includeItemsFromAllDrives"):
        return lambda r: True
    return lambda r: not r.get("driveId")


def short_pages(store: Store) -> int:
    """The most files one files.list page holds: drive.json's `max_page_size` (default 1000).

    Drive documents that a page may hold fewer files than `pageSize`, even none, with a
    `nextPageToken` to go on; a small `max_page_size` makes every listing page that way."""
    settings = store.get(*SETTINGS) or {}
    return max(1, int(settings.get("max_page_size") or 1000))


def _page_token(token: str | None) -> int:
    if not token:
        return 0
    try:
        return max(0, int(base64.urlsafe_b64decode(token.encode() + b"==").decode().removeprefix("o:")))
    except ValueError as exc:
        raise ApiError(400, "Invalid Value", reason="invalid") from exc


@route("drive", "GET", r"/drive/v3/files", "drive.files.list")
def files_list(req: Request, store: Store) -> Response:
    try:
        matches = compile_query(req.arg("q"))
    except QueryError as exc:
        raise ApiError(400, "Invalid Value", reason="invalid") from exc
    size = min(max(int(req.arg("pageSize") or 100), 1), 1000, short_pages(store))
    offset = _page_token(req.arg("pageToken"))
    in_drives = _drive_filter(req)
    visible = [
        r for r in store.values(FILES) if access_role(r, req.user) is not None and in_drives(r) and matches(r)
    ]
    visible = _sorted(visible, req.arg("orderBy"))
    page = visible[offset : offset + size]
    body: JSON = {
        "kind": "drive#fileList",
        "incompleteSearch": False,
        "files": [file_resource(store, r, req.user) for r in page],
    }
    if offset + size < len(visible):
        body["nextPageToken"] = base64.urlsafe_b64encode(f"o:{offset + size}".encode()).decode().rstrip("=")
    return Response.json(apply_mask(body, fields_mask(req.arg("fields"), LIST_DEFAULT_FIELDS)))


def _sorted(records: list[JSON], order_by: str | None) -> list[JSON]:
    """`orderBy` ("name", "modifiedTime desc", "folder,name", …); default: creation order."""
    keys = [(part.split()[0], part.lower().endswith(" desc")) for part in _csv(order_by)] or [
        ("createdTime", False)
    ]
    out = sorted(records, key=lambda r: str(r.get("id", "")))
    for name, desc in reversed(keys):
        out.sort(key=functools.partial(_sort_value, name=name), reverse=desc)
    return out


def _sort_value(record: JSON, name: str) -> str:
    if name == "folder":
        return "0" if record.get("mimeType") == FOLDER_MIME else "1"
    return str(record.get("name" if name == "name_natural" else name) or "")


@route("drive", "GET", rf"/drive/v3/files/{FILE_ID}/export", "drive.files.export")
def files_export(req: Request, store: Store, file_id: str) -> Response:
    record = load_file(store, file_id, req.user)
    mime = req.arg("mimeType") or ""
    if not mime:
        raise ApiError(400, "Required parameter: mimeType", reason="required")
    if record.get("mimeType") == DOC_MIME:
        if mime not in DOC_EXPORTS:
            raise ApiError(400, "The requested conversion is not supported.", reason="badRequest")
        doc = store.get(DOCS, file_id) or html_to_docs("", document_id=file_id)
        doc = {**doc, "title": record.get("name", "")}
        text = to_html(doc) if mime == "text/html" else to_text(doc)
        return Response(200, text.encode("utf-8"), f"{mime}; charset=utf-8")
    if str(record.get("mimeType", "")).startswith(GOOGLE_PREFIX):
        return _export_other(store, record, mime)
    raise ApiError(403, "Export only supports Docs Editors files.", reason="fileNotExportable")


def _export_other(store: Store, record: JSON, mime: str) -> Response:
    """Spreadsheets: delegated to `sheets_api.export_file(store, id, mime) -> bytes | None` if present."""
    exporter = _sheets_hook("export_file")
    data = exporter(store, record["id"], mime) if exporter is not None else None
    if data is None:
        raise ApiError(400, "The requested conversion is not supported.", reason="badRequest")
    return Response(200, data, mime)


@route("drive", "DELETE", rf"/drive/v3/files/{FILE_ID}", "drive.files.delete")
def files_delete(req: Request, store: Store, file_id: str) -> Response:
    load_file(store, file_id, req.user, need="owner")
    delete_file(store, file_id)
    return Response.empty(204)


def delete_file(store: Store, file_id: str) -> None:
    """Remove a file and its content; a folder takes the files only it contains with it."""
    for child in store.values(FILES):
        if child.get("parents") == [file_id]:
            delete_file(store, child["id"])
    record = store.get(FILES, file_id) or {}
    delete_spreadsheet = _sheets_hook("delete_spreadsheet")
    if record.get("mimeType") == SHEET_MIME and delete_spreadsheet is not None:
        delete_spreadsheet(store, file_id)
    for collection in (FILES, DOCS, BLOBS):
        store.delete(collection, file_id)


# -- permissions ---------------------------------------------------------------------------------------
@route("drive", "POST", rf"/drive/v3/files/{FILE_ID}/permissions", "drive.permissions.create")
def permissions_create(req: Request, store: Store, file_id: str) -> Response:
    record = load_file(store, file_id, req.user, need="writer")
    perm = _new_permission(_json_body(req), req)
    perms = [p for p in record.get("permissions") or [] if p.get("id") != perm["id"]]
    record["permissions"] = [*perms, perm]
    if perm["role"] == "owner":
        record["owners"] = [perm["emailAddress"]]
    store.put(FILES, file_id, touch(record, req.user, modified=False))
    return Response.json(
        apply_mask(permission_json(store, perm), fields_mask(req.arg("fields"), PERMISSION_DEFAULT_FIELDS))
    )


def _new_permission(body: JSON, req: Request) -> JSON:
    kind, role = body.get("type"), body.get("role")
    if kind not in ("user", "group", "domain", "anyone"):
        raise ApiError(
            400,
            "The permission type field is required." if not kind else f"Invalid permission type: {kind}.",
            reason="required" if not kind else "invalid",
        )
    if role not in ROLE_RANK:
        raise ApiError(
            400,
            "The permission role field is required." if not role else f"Invalid permission role: {role}.",
            reason="required" if not role else "invalid",
        )
    if role == "owner" and not req.flag("transferOwnership"):
        raise ApiError(
            403,
            "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
            reason="forbidden",
        )
    perm: JSON = {"type": kind, "role": role}
    if kind in ("user", "group"):
        email = str(body.get("emailAddress") or "").strip()
        if "@" not in email:
            raise ApiError(400, "The permission emailAddress field is required.", reason="required")
        perm.update(id=permission_id(email), emailAddress=email)
    elif kind == "domain":
        domain = str(body.get("domain") or "").strip()
        if not domain:
            raise ApiError(400, "The permission domain field is required.", reason="required")
        perm.update(id=permission_id("domain:" + domain), domain=domain)
    else:
        perm["id"] = "anyoneWithLink"
    return perm


@route("drive", "GET", rf"/drive/v3/files/{FILE_ID}/permissions", "drive.permissions.list")
def permissions_list(req: Request, store: Store, file_id: str) -> Response:
    record = load_file(store, file_id, req.user)
    body = {
        "kind": "drive#permissionList",
        "permissions": [permission_json(store, p) for p in _permissions(record)],
    }
    return Response.json(
        apply_mask(body, fields_mask(req.arg("fields"), "kind,permissions(kind,id,type,emailAddress,role)"))
    )


@route(
    "drive",
    "DELETE",
    rf"/drive/v3/files/{FILE_ID}/permissions/(?P<permission_id>[^/]+)",
    "drive.permissions.delete",
)
def permissions_delete(req: Request, store: Store, file_id: str, permission_id: str) -> Response:
    record = load_file(store, file_id, req.user, need="writer")
    perms = record.get("permissions") or []
    target = next((p for p in perms if p.get("id") == permission_id), None)
    if target is None:
        raise ApiError(404, f"Permission not found: {permission_id}.", reason="notFound")
    if target.get("role") == "owner":
        raise ApiError(403, "The owner of a file cannot be removed.", reason="cannotRemoveOwner")
    record["permissions"] = [p for p in perms if p is not target]
    store.put(FILES, file_id, touch(record, req.user, modified=False))
    return Response.empty(204)


@route("drive", "GET", r"/drive/v3/about", "drive.about.get")
def about_get(req: Request, store: Store) -> Response:
    if not req.arg("fields"):
        raise ApiError(400, "The 'fields' parameter is required for this method.", reason="required")
    body = {
        "kind": "drive#about",
        "user": user_json(store, req.user, req.user),
        "importFormats": {m: [DOC_MIME] for m in DOC_IMPORTS},
        "exportFormats": {DOC_MIME: list(DOC_EXPORTS)},
        "maxImportSizes": {DOC_MIME: "10485760"},
        "maxUploadSize": "5242880000000",
    }
    return Response.json(apply_mask(body, fields_mask(req.arg("fields"), "*")))


# -- seeding -------------------------------------------------------------------------------------------
def seed(store: Store, seed_dir: Path) -> None:
    """Load `seed_dir/drive.json` (folders, then documents from HTML or Docs JSON); absent = nothing."""
    path = Path(seed_dir) / "drive.json"
    if not path.is_file():
        return
    spec = json.loads(path.read_text(encoding="utf-8"))
    names = {
        str(u["email"]): str(u.get("name") or u.get("displayName"))
        for u in spec.get("users", [])
        if u.get("email") and (u.get("name") or u.get("displayName"))
    }
    if names:
        store.put(*USERS, {**(store.get(*USERS) or {}), **names})
    if spec.get("max_page_size"):
        store.put(*SETTINGS, {"max_page_size": int(spec["max_page_size"])})
    for folder in spec.get("folders", []):
        store.put(FILES, folder["id"], _seed_record(folder, FOLDER_MIME))
    for entry in spec.get("documents", []):
        record = _seed_record(entry, DOC_MIME)
        store.put(FILES, record["id"], record)
        store.put(DOCS, record["id"], _seed_document(Path(seed_dir), entry, record))


def _seed_record(entry: JSON, mime: str) -> JSON:
    owner = str(entry.get("owner") or DEFAULT_USER)
    created = str(entry.get("createdTime") or entry.get("modifiedTime") or SEED_TIME)
    perms = [_owner_permission(owner)]
    for role, key in (("writer", "writers"), ("reader", "readers")):
        perms += [
            {"id": permission_id(e), "type": "user", "role": role, "emailAddress": e}
            for e in entry.get(key, [])
        ]
    return {
        "id": str(entry["id"]),
        "name": str(entry.get("name") or "Untitled"),
        "mimeType": mime,
        "parents": list(entry.get("parents") or []),
        "properties": _clean_props(entry.get("properties")),
        "appProperties": {},
        "description": "",
        "starred": False,
        "trashed": False,
        "version": int(entry.get("version") or 1),
        "createdTime": created,
        "modifiedTime": str(entry.get("modifiedTime") or created),
        "owners": [owner],
        "lastModifyingUser": str(entry.get("lastModifyingUser") or owner),
        "permissions": perms,
        "restricted": bool(entry.get("restricted")),
        **({"driveId": str(entry["driveId"])} if entry.get("driveId") else {}),
    }


def _seed_document(seed_dir: Path, entry: JSON, record: JSON) -> JSON:
    file = entry.get("file")
    if not file:
        doc = html_to_docs("", title=record["name"], document_id=record["id"])
    elif str(file).lower().endswith(".json"):
        doc = normalize_document(json.loads((seed_dir / file).read_text(encoding="utf-8")))
    else:
        html_text = (seed_dir / file).read_text(encoding="utf-8")
        doc = html_to_docs(html_text, chips=True, title=record["name"], document_id=record["id"])
    doc.update(documentId=record["id"], title=record["name"])
    doc.setdefault("revisionId", new_revision_id(record["id"], record["version"]))
    return doc


# -- staging a person's edit (tests, demos) ------------------------------------------------------------
def stage_human_edit(base_url: str, file_id: str, html_text: str, user: str = "ta@example.com") -> JSON:
    """Replace a doc's content as `user` would, through the real Drive upload route; the File JSON."""
    url = f"{base_url.rstrip('/')}/upload/drive/v3/files/{file_id}?uploadType=media&fields=*"
    request = urllib.request.Request(
        url,
        data=html_text.encode("utf-8"),
        method="PATCH",
        headers={"Content-Type": "text/html; charset=utf-8", USER_HEADER: user},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        result: JSON = json.loads(response.read())
    return result
