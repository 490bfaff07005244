"""Vitally REST for the sandbox: accounts, notes, tasks, admins and custom fields under `/resources`.

Behaviour follows `reference/vitally-api.md`; where Vitally's docs are silent the sandbox
chooses, and says so here:

* Auth: HTTP Basic, the API key as username and an empty password; the sandbox accepts
  `SANDBOX_API_KEY` (a fake key, never valid anywhere else) and the keys listed,
  comma-separated, in `HANDOFF_SANDBOX_VITALLY_KEYS` (read per request: how tests drive the
  production code path, a key from `vitally.api_key_env` and a configured `base_url`, against
  the sandbox with a fake key). Anything else → 401.
* Rate limit: a sliding 60 s window of 1000 requests per presented key. Every response
  carries `RateLimit-Limit: 1000, 1000;window=60`, `RateLimit-Remaining` and `RateLimit-Reset`
  (seconds until the oldest counted request leaves the window); over the limit → 429 with the
  same headers and no `Retry-After` (Vitally does not document one).
* Lists: cursor pages `{"results": [...], "next": cursor|null}`, `limit` 1–100 (default 100,
  more → 400), `from`, `sortBy` createdAt|updatedAt (default updatedAt, newest first). The
  cursor is opaque (base64 JSON). `GET /accounts` takes `status` active (default) | churned |
  activeOrChurned. `GET /customFields?model=` answers a bare array.
* Accounts: `GET/PUT /accounts/{id}` take the Vitally id or the externalId (URL-encoded).
  PUT merges `traits` (a `null` value deletes the key) and may set `name`; `accountOwnerId`
  may only be set to null.
* Notes and tasks: `accountId` must be a Vitally account id (an externalId → 400); notes need
  `note` and `noteDate`, tasks need `name`; `authorId` / `assignedToId` / `completedById` must
  be admin ids. **Duplicate externalId → upsert**: a POST whose `externalId` already exists
  updates that note/task (same id, 200) instead of creating a second one or failing, as
  withone documents "Create or upsert a task". PUT replaces `tags` whole and merges `traits`.
  Real Vitally's answer is unconfirmed, so `HANDOFF_SANDBOX_VITALLY_EXTERNAL_IDS` (read per
  request) picks another: `duplicate` (a second object with the same externalId) or `reject`
  (409). `DELETE /notes/{id}` and `DELETE /tasks/{id}` archive (set `archivedAt`), as Vitally
  documents; lists still include archived objects.
* `GET /admins/search?email=` answers one object, or 404 `{"error": "Not Found", ...}`.
* Ids are uuid4 strings; `createdAt` / `updatedAt` are ISO 8601 UTC with milliseconds and `Z`.
"""

from __future__ import annotations

import base64
import binascii
import collections
import datetime as dt
import functools
import json
import math
import os
import threading
import time
import uuid
import weakref
from collections.abc import Callable
from typing import Any

from handoff.core.settings import SANDBOX_API_KEY  # fake: accepted by the sandbox only
from handoff.sandbox.http import ApiError, Handler, Request, Response, iso_now, route
from handoff.sandbox.store import Store

EXTRA_KEYS_ENV = "HANDOFF_SANDBOX_VITALLY_KEYS"  # more (fake) keys the sandbox accepts, comma-separated
EXTERNAL_IDS_ENV = "HANDOFF_SANDBOX_VITALLY_EXTERNAL_IDS"  # upsert (default) | duplicate | reject
EXTERNAL_ID_MODES = ("upsert", "duplicate", "reject")
RATE_LIMIT = 1000
RATE_WINDOW_S = 60.0
MAX_PAGE = 100

ACCOUNTS = "vitally_accounts"
NOTES = "vitally_notes"
TASKS = "vitally_tasks"
ADMINS = "vitally_admins"
CUSTOM_FIELDS = "vitally_custom_fields"

ACCOUNT_DEFAULTS: dict[str, Any] = {
    "externalId": None,
    "name": None,
    "traits": {},
    "organizationId": None,
    "accountOwnerId": None,
    "mrr": None,
    "nextRenewalDate": None,
    "churnedAt": None,
    "trialEndDate": None,
    "firstSeenTimestamp": None,
    "lastSeenTimestamp": None,
    "lastInboundMessageTimestamp": None,
    "lastOutboundMessageTimestamp": None,
    "usersCount": 0,
    "npsDetractorCount": 0,
    "npsPassiveCount": 0,
    "npsPromoterCount": 0,
    "npsScore": None,
    "healthScore": None,
    "csmId": None,
    "accountExecutiveId": None,
    "keyRoles": [],
    "segments": [],
}
NOTE_FIELDS = (
    "accountId",
    "organizationId",
    "note",
    "noteDate",
    "subject",
    "authorId",
    "categoryId",
    "tags",
    "traits",
)
TASK_FIELDS = (
    "accountId",
    "organizationId",
    "name",
    "description",
    "dueDate",
    "assignedToId",
    "completedAt",
    "completedById",
    "categoryId",
    "tags",
    "traits",
)


# -- rate limit --------------------------------------------------------------------------------


class SlidingWindow:
    """Per-key sliding-window counter; `hit` answers (allowed, RateLimit-* headers)."""

    def __init__(
        self,
        limit: int = RATE_LIMIT,
        window_s: float = RATE_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self._hits: dict[str, collections.deque[float]] = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()

    def hit(self, key: str) -> tuple[bool, dict[str, str]]:
        with self._lock:
            now = self.clock()
            hits = self._hits[key]
            while hits and hits[0] <= now - self.window_s:
                hits.popleft()
            allowed = len(hits) < self.limit
            if allowed:
                hits.append(now)
            # seconds until the oldest hit leaves the window; (now - oldest) first, so a hit made
            # just now gives exactly the window (hits[0] + 60 - now can round up to 61)
            reset = min(math.ceil(self.window_s - (now - hits[0])), int(self.window_s)) if hits else 0
            headers = {
                "RateLimit-Limit": f"{self.limit}, {self.limit};window={int(self.window_s)}",
                "RateLimit-Remaining": str(max(0, self.limit - len(hits))),
                "RateLimit-Reset": str(max(0, reset)),
            }
            return allowed, headers


_LIMITERS: weakref.WeakKeyDictionary[Store, SlidingWindow] = weakref.WeakKeyDictionary()
_LIMITERS_LOCK = threading.Lock()


def limiter(store: Store) -> SlidingWindow:
    """The rate limiter of one sandbox (kept in memory, per store object)."""
    with _LIMITERS_LOCK:
        if store not in _LIMITERS:
            _LIMITERS[store] = SlidingWindow()
        return _LIMITERS[store]


def set_rate_limit(store: Store, limit: int) -> None:
    """Replace one sandbox's limit (requests per window), e.g. scaled for a benchmark."""
    with _LIMITERS_LOCK:
        _LIMITERS[store] = SlidingWindow(limit=limit)


def _presented_key(req: Request) -> tuple[str, bool]:
    """(the username of a Basic Authorization header, whether the password was empty)."""
    scheme, _, value = req.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return "", False
    try:
        user, _, password = base64.b64decode(value.strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return "", False
    return user, password == ""


def accepted_keys() -> frozenset[str]:
    """The API keys the sandbox takes: its own, plus any in HANDOFF_SANDBOX_VITALLY_KEYS."""
    extra = os.environ.get(EXTRA_KEYS_ENV, "")
    return frozenset({SANDBOX_API_KEY, *(k.strip() for k in extra.split(",") if k.strip())})


def vitally_route(method: str, pattern: str, name: str, *, raw: bool = False) -> Callable[[Handler], Handler]:
    """`route` for Vitally: rate limit, then auth, then the handler; RateLimit-* on every response."""

    def wrap(fn: Handler) -> Handler:
        @functools.wraps(fn)
        def handler(req: Request, store: Store, **params: str) -> Response:
            key, empty_password = _presented_key(req)
            allowed, headers = limiter(store).hit(key)
            try:
                if not allowed:
                    limit = limiter(store).limit
                    msg = f"Too Many Requests: rate limit of {limit} requests per minute exceeded"
                    raise ApiError(429, msg)
                if key not in accepted_keys() or not empty_password:
                    raise ApiError(401, "Unauthorized: send the API key as the Basic auth username")
                resp = fn(req, store, **params)
            except ApiError as err:
                err.headers.update(headers)
                raise
            resp.headers.update(headers)
            return resp

        route("vitally", method, pattern, name, raw=raw)(handler)
        return handler

    return wrap


# -- records -----------------------------------------------------------------------------------


def new_id() -> str:
    return str(uuid.uuid4())


def seed_id(item: dict[str, Any], kind: str, natural_key: str) -> str:
    """The seed item's id, or a stable uuid5 derived from its natural key (reseeding keeps ids)."""
    if item.get("id"):
        return str(item["id"])
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"handoff-sandbox:vitally:{kind}:{item.get(natural_key)}"))


def account_record(item: dict[str, Any], now: str) -> dict[str, Any]:
    """A full account object from a (possibly partial) seed item; missing fields get defaults."""
    record: dict[str, Any] = {"id": "", "createdAt": now, "updatedAt": now}
    record.update({k: json.loads(json.dumps(v)) for k, v in ACCOUNT_DEFAULTS.items()})
    record.update(item)
    record["id"] = seed_id(item, "account", "externalId" if item.get("externalId") else "name")
    if not isinstance(record["traits"], dict):
        raise ValueError("'traits' must be an object")
    if not record.get("name"):
        raise ValueError("'name' is required")
    return record


def admin_record(item: dict[str, Any]) -> dict[str, Any]:
    if not item.get("email"):
        raise ValueError("'email' is required")
    return {
        "id": seed_id(item, "admin", "email"),
        "name": item.get("name") or item["email"],
        "email": item["email"],
        "licenseStatus": item.get("licenseStatus") or "active",
    }


def custom_field_record(item: dict[str, Any], now: str) -> dict[str, Any]:
    for key in ("label", "path", "type"):
        if not item.get(key):
            raise ValueError(f"'{key}' is required")
    return {
        **item,
        "id": seed_id(item, "customField", "path"),
        "createdAt": item.get("createdAt") or now,
        "model": item.get("model") or "accounts",
    }


def _not_found(what: str) -> ApiError:
    return ApiError(404, f"{what} not found")


def find_account(store: Store, key: str) -> dict[str, Any]:
    """An account by Vitally id or externalId; 404 otherwise."""
    found = store.get(ACCOUNTS, key)
    if found is None:
        found = next((a for a in store.values(ACCOUNTS) if a.get("externalId") == key), None)
    if found is None:
        raise _not_found("Account")
    return dict(found)


def _body(req: Request) -> dict[str, Any]:
    body = req.json()
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object")
    return body


def _merge_traits(current: dict[str, Any], changes: Any) -> dict[str, Any]:
    if not isinstance(changes, dict):
        raise ApiError(400, "traits must be an object")
    merged = dict(current)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


# -- pagination --------------------------------------------------------------------------------


def paginate(req: Request, items: list[dict[str, Any]]) -> dict[str, Any]:
    """One cursor page of `items` per the request's limit / from / sortBy."""
    limit = _limit(req.arg("limit"))
    sort = req.arg("sortBy") or "updatedAt"
    if sort not in ("createdAt", "updatedAt"):
        raise ApiError(400, "sortBy must be createdAt or updatedAt")
    ordered = sorted(items, key=lambda o: (o.get(sort) or "", o["id"]), reverse=True)
    cursor = req.arg("from")
    if cursor:
        after = _decode_cursor(cursor, sort)
        ordered = [o for o in ordered if (o.get(sort) or "", o["id"]) < after]
    page = ordered[:limit]
    more = len(ordered) > limit
    return {"results": page, "next": _encode_cursor(sort, page[-1]) if more else None}


def _limit(text: str | None) -> int:
    if text is None or text == "":
        return MAX_PAGE
    try:
        limit = int(text)
    except ValueError:
        raise ApiError(400, "limit must be a number") from None
    if not 1 <= limit <= MAX_PAGE:
        raise ApiError(400, f"limit must be between 1 and {MAX_PAGE}")
    return limit


def _encode_cursor(sort: str, last: dict[str, Any]) -> str:
    raw = json.dumps({"s": sort, "v": last.get(sort) or "", "i": last["id"]}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str) -> tuple[str, str]:
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if data["s"] != sort:
            raise ValueError("sort changed")
        return str(data["v"]), str(data["i"])
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise ApiError(400, "Invalid cursor in 'from'") from None


# -- accounts ----------------------------------------------------------------------------------

_ACCOUNT = r"/resources/accounts/(?P<account>[^/]+)"


@vitally_route("GET", "/resources/accounts", "vitally.accounts.list")
def list_accounts(req: Request, store: Store) -> Response:
    status = req.arg("status") or "active"
    wanted = {"active": (False,), "churned": (True,), "activeOrChurned": (False, True)}.get(status)
    if wanted is None:
        raise ApiError(400, "status must be one of active, churned, activeOrChurned")
    accounts = [a for a in store.values(ACCOUNTS) if (a.get("churnedAt") is not None) in wanted]
    return Response.json(paginate(req, accounts))


@vitally_route("GET", _ACCOUNT, "vitally.accounts.get", raw=True)
def get_account(req: Request, store: Store, account: str) -> Response:
    return Response.json(find_account(store, account))


@vitally_route("PUT", _ACCOUNT, "vitally.accounts.update", raw=True)
def update_account(req: Request, store: Store, account: str) -> Response:
    record = find_account(store, account)
    body = _body(req)
    if "traits" in body:
        record["traits"] = _merge_traits(record.get("traits") or {}, body["traits"])
    if "name" in body:
        if not isinstance(body["name"], str) or not body["name"].strip():
            raise ApiError(400, "name must be a non-empty string")
        record["name"] = body["name"]
    if "organizationId" in body:
        record["organizationId"] = body["organizationId"]
    if "accountOwnerId" in body:
        if body["accountOwnerId"] is not None:
            raise ApiError(400, "accountOwnerId can only be set to null")
        record["accountOwnerId"] = None
    record["updatedAt"] = iso_now()
    store.put(ACCOUNTS, record["id"], record)
    return Response.json(record)


@vitally_route("GET", _ACCOUNT + "/notes", "vitally.accounts.notes", raw=True)
def account_notes(req: Request, store: Store, account: str) -> Response:
    account_id = find_account(store, account)["id"]
    return Response.json(paginate(req, [n for n in store.values(NOTES) if n.get("accountId") == account_id]))


@vitally_route("GET", _ACCOUNT + "/tasks", "vitally.accounts.tasks", raw=True)
def account_tasks(req: Request, store: Store, account: str) -> Response:
    account_id = find_account(store, account)["id"]
    return Response.json(paginate(req, [t for t in store.values(TASKS) if t.get("accountId") == account_id]))


# -- notes and tasks ---------------------------------------------------------------------------


def _check_refs(store: Store, fields: dict[str, Any], creating: bool) -> None:
    """accountId must be a Vitally account id; person ids must be admin ids."""
    if creating and not fields.get("accountId") and not fields.get("organizationId"):
        raise ApiError(400, "accountId (or organizationId) is required")
    account_id = fields.get("accountId")
    if account_id is not None and store.get(ACCOUNTS, str(account_id)) is None:
        hint = ""
        if any(a.get("externalId") == account_id for a in store.values(ACCOUNTS)):
            hint = " (that is an externalId; send the account's Vitally id)"
        raise ApiError(400, f"accountId must be a Vitally account id{hint}")
    for key in ("authorId", "assignedToId", "completedById"):
        value = fields.get(key)
        if value is not None and store.get(ADMINS, str(value)) is None:
            raise ApiError(400, f"{key} must be a Vitally admin id")
    if "tags" in fields and not (
        isinstance(fields["tags"], list) and all(isinstance(t, str) for t in fields["tags"])
    ):
        raise ApiError(400, "tags must be an array of strings")


def _check_date(fields: dict[str, Any], key: str, *, required: bool) -> None:
    value = fields.get(key)
    if value is None:
        if required:
            raise ApiError(400, f"{key} is required")
        return
    try:
        dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise ApiError(400, f"{key} must be an ISO 8601 date-time") from None


def _apply(record: dict[str, Any], body: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    for key in allowed:
        if key not in body:
            continue
        if key == "traits":
            record["traits"] = _merge_traits(record.get("traits") or {}, body["traits"])
        else:
            record[key] = body[key]
    record["updatedAt"] = iso_now()
    return record


def _upsert(
    store: Store, collection: str, body: dict[str, Any], blank: dict[str, Any], allowed: tuple[str, ...]
) -> dict[str, Any]:
    """Create, or update the object that already has this externalId (the documented upsert).

    `HANDOFF_SANDBOX_VITALLY_EXTERNAL_IDS=duplicate` creates a second object instead, `reject`
    answers 409: the two other things real Vitally might do."""
    external = body.get("externalId")
    mode = external_id_mode()
    existing = None
    if external is not None and mode != "duplicate":
        existing = next((o for o in store.values(collection) if o.get("externalId") == external), None)
    if existing is not None and mode == "reject":
        raise ApiError(409, f"An object with externalId {external} already exists")
    record = (
        dict(existing)
        if existing
        else {"id": new_id(), "createdAt": iso_now(), **blank, "externalId": external}
    )
    record = _apply(record, body, allowed)
    store.put(collection, record["id"], record)
    return record


def external_id_mode() -> str:
    mode = os.environ.get(EXTERNAL_IDS_ENV, "").strip().lower() or "upsert"
    if mode not in EXTERNAL_ID_MODES:
        raise ApiError(500, f"{EXTERNAL_IDS_ENV} must be one of {', '.join(EXTERNAL_ID_MODES)}")
    return mode


def _archive(store: Store, collection: str, key: str, what: str) -> Response:
    """Vitally's DELETE: set `archivedAt` (once); the object stays readable."""
    record = store.get(collection, key)
    if record is None:
        raise _not_found(what)
    record = dict(record)
    if not record.get("archivedAt"):
        record["archivedAt"] = record["updatedAt"] = iso_now()
        store.put(collection, key, record)
    return Response.json(record)


def _note_blank() -> dict[str, Any]:
    return {k: None for k in NOTE_FIELDS} | {"tags": [], "traits": {}, "archivedAt": None}


def _task_blank() -> dict[str, Any]:
    return {k: None for k in TASK_FIELDS} | {"tags": [], "traits": {}, "archivedAt": None}


def _get_one(req: Request, store: Store, collection: str, key: str, what: str) -> dict[str, Any]:
    """By Vitally id; with `?source=` also by externalId (as Vitally documents for notes/tasks)."""
    found = store.get(collection, key)
    if found is None and req.arg("source"):
        found = next((o for o in store.values(collection) if o.get("externalId") == key), None)
    if found is None:
        raise _not_found(what)
    return dict(found)


@vitally_route("POST", "/resources/notes", "vitally.notes.create")
def create_note(req: Request, store: Store) -> Response:
    body = _body(req)
    if not body.get("note"):
        raise ApiError(400, "note is required")
    _check_date(body, "noteDate", required=True)
    _check_refs(store, body, creating=True)
    return Response.json(_upsert(store, NOTES, body, _note_blank(), NOTE_FIELDS))


@vitally_route("GET", "/resources/notes", "vitally.notes.list")
def list_notes(req: Request, store: Store) -> Response:
    return Response.json(paginate(req, store.values(NOTES)))


@vitally_route("GET", r"/resources/notes/(?P<note_id>[^/]+)", "vitally.notes.get", raw=True)
def get_note(req: Request, store: Store, note_id: str) -> Response:
    return Response.json(_get_one(req, store, NOTES, note_id, "Note"))


@vitally_route("PUT", r"/resources/notes/(?P<note_id>[^/]+)", "vitally.notes.update", raw=True)
def update_note(req: Request, store: Store, note_id: str) -> Response:
    record = _get_one(req, store, NOTES, note_id, "Note")
    body = _body(req)
    if "note" in body and not body["note"]:
        raise ApiError(400, "note must not be empty")
    if "noteDate" in body:
        _check_date(body, "noteDate", required=True)
    _check_refs(store, body, creating=False)
    record = _apply(record, body, NOTE_FIELDS)
    store.put(NOTES, record["id"], record)
    return Response.json(record)


@vitally_route("DELETE", r"/resources/notes/(?P<note_id>[^/]+)", "vitally.notes.delete", raw=True)
def delete_note(req: Request, store: Store, note_id: str) -> Response:
    return _archive(store, NOTES, note_id, "Note")


@vitally_route("POST", "/resources/tasks", "vitally.tasks.create")
def create_task(req: Request, store: Store) -> Response:
    body = _body(req)
    if not body.get("name"):
        raise ApiError(400, "name is required")
    _check_date(body, "dueDate", required=False)
    _check_refs(store, body, creating=True)
    return Response.json(_upsert(store, TASKS, body, _task_blank(), TASK_FIELDS))


@vitally_route("GET", "/resources/tasks", "vitally.tasks.list")
def list_tasks(req: Request, store: Store) -> Response:
    return Response.json(paginate(req, store.values(TASKS)))


@vitally_route("GET", r"/resources/tasks/(?P<task_id>[^/]+)", "vitally.tasks.get", raw=True)
def get_task(req: Request, store: Store, task_id: str) -> Response:
    return Response.json(_get_one(req, store, TASKS, task_id, "Task"))


@vitally_route("PUT", r"/resources/tasks/(?P<task_id>[^/]+)", "vitally.tasks.update", raw=True)
def update_task(req: Request, store: Store, task_id: str) -> Response:
    record = _get_one(req, store, TASKS, task_id, "Task")
    body = _body(req)
    if "name" in body and not body["name"]:
        raise ApiError(400, "name must not be empty")
    _check_date(body, "dueDate", required=False)
    _check_refs(store, body, creating=False)
    record = _apply(record, body, TASK_FIELDS)
    store.put(TASKS, record["id"], record)
    return Response.json(record)


@vitally_route("DELETE", r"/resources/tasks/(?P<task_id>[^/]+)", "vitally.tasks.delete", raw=True)
def delete_task(req: Request, store: Store, task_id: str) -> Response:
    return _archive(store, TASKS, task_id, "Task")


# -- admins and custom fields ------------------------------------------------------------------


@vitally_route("GET", "/resources/admins/search", "vitally.admins.search")
def search_admins(req: Request, store: Store) -> Response:
    email = (req.arg("email") or "").strip().casefold()
    if not email:
        raise ApiError(400, "email is required")
    found = next((a for a in store.values(ADMINS) if str(a.get("email", "")).casefold() == email), None)
    if found is None:
        raise _not_found("Admin")
    return Response.json(found)


@vitally_route("GET", "/resources/admins", "vitally.admins.list")
def list_admins(req: Request, store: Store) -> Response:
    return Response.json(paginate(req, store.values(ADMINS)))


@vitally_route("GET", "/resources/customFields", "vitally.customFields.list")
def list_custom_fields(req: Request, store: Store) -> Response:
    model = req.arg("model")
    if not model:
        raise ApiError(400, "model is required")
    fields = [f for f in store.values(CUSTOM_FIELDS) if f.get("model", "accounts") == model]
    fields.sort(key=lambda f: str(f.get("label", "")).casefold())
    return Response.json([{k: v for k, v in f.items() if k != "model"} for f in fields])
