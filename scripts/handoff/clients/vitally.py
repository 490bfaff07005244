"""The Vitally REST client (httpx): accounts, traits, notes, tasks, admins, custom fields.

One `httpx.Client` per `VitallyClient`, with a timeout, HTTP Basic auth (the key as user
name, empty password) and the region's base URL (`settings.vitally.rest_base_url`, or the
sandbox's `/resources`). Every HTTP request passes one method, `_request`, which runs it
through the `call` the owner supplies (in `Clients`: rate limit + retry policy + error
mapping) and reports the rate-limit headers of each answer to `observe`. So the methods
below are already retried: do not wrap them in `Clients.call` again (that is harmless but
pointless: a nested call for the same API is passed through).

Errors: NotFoundError (404) becomes None where the method says so; everything else is a
ServiceError whose message carries the status and Vitally's own words (`message`, else
`error`, else the raw body cut to 1 KB) and never the key or the Authorization header.
"""

from __future__ import annotations

import base64
import contextlib
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

import httpx

from handoff import __version__
from handoff.clients.retry import service_error
from handoff.core.errors import HandoffError, NotFoundError

if TYPE_CHECKING:
    import httpx

T = TypeVar("T")
Caller = Callable[[Callable[[], Any], str], Any]  # (fn, kind) -> fn's result
PAGE_SIZE = 100
MAX_PAGES = 1000  # a guard against a cursor that never ends


def _direct(fn: Callable[[], Any], kind: str) -> Any:
    """The standalone default: no rate limit, no retry, but errors mapped like the policy does."""
    try:
        return fn()
    except Exception as exc:
        error = service_error("vitally", exc)
        if error is None:
            raise
        raise error from exc


class VitallyClient:
    """Vitally REST resources the handoff needs. Thread-safe (httpx.Client is)."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float = 30.0,
        call: Caller | None = None,
        observe: Callable[[Mapping[str, str]], Any] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._key = api_key
        self._call = call or _direct
        self._observe = observe
        self._http = httpx.Client(
            base_url=self.base_url,
            auth=httpx.BasicAuth(api_key, ""),
            timeout=httpx.Timeout(timeout),
            headers={"Accept": "application/json", "User-Agent": f"handoff/{__version__}"},
            transport=transport,
        )
        self._admins: dict[str, dict[str, Any] | None] = {}
        self._admins_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"VitallyClient({self.base_url!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> VitallyClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- accounts ---------------------------------------------------------------------------------

    def get_account(self, id_or_external: str) -> dict[str, Any] | None:
        """The account by Vitally id or externalId; None if Vitally has no such account."""
        return self._get_or_none(f"/accounts/{_seg(id_or_external)}")

    def update_traits(self, account_id: str, traits: Mapping[str, Any]) -> dict[str, Any]:
        """One PUT carrying only `traits` (Vitally merges; a None value deletes that trait)."""
        return self._request("PUT", f"/accounts/{_seg(account_id)}", "write", json={"traits": dict(traits)})

    def list_custom_fields(self, model: str = "accounts") -> list[dict[str, Any]]:
        """Trait definitions (`path` is the key to write). Vitally answers a bare array."""
        data = self._request("GET", "/customFields", "read", params={"model": model})
        return list(data or [])

    # -- notes ------------------------------------------------------------------------------------

    def create_note(
        self,
        account_id: str,
        html: str,
        note_date: datetime | date | str,
        subject: str,
        external_id: str,
        author_id: str | None = None,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "accountId": account_id,
            "note": html,
            "noteDate": iso_datetime(note_date),
            "subject": subject,
            "externalId": external_id,
        }
        if author_id:
            body["authorId"] = author_id
        return self._request("POST", "/notes", "write", json=body)

    def update_note(
        self,
        note_id: str,
        *,
        html: str | None = None,
        note_date: datetime | date | str | None = None,
        subject: str | None = None,
        author_id: str | None = None,
    ) -> dict[str, Any]:
        """PUT only the fields given."""
        body = _present(
            note=html,
            noteDate=iso_datetime(note_date) if note_date is not None else None,
            subject=subject,
            authorId=author_id,
        )
        return self._request("PUT", f"/notes/{_seg(note_id)}", "write", json=body)

    def get_note(self, note_id: str) -> dict[str, Any] | None:
        return self._get_or_none(f"/notes/{_seg(note_id)}")

    def list_account_notes(self, account_id: str) -> list[dict[str, Any]]:
        return list(self._pages(f"/accounts/{_seg(account_id)}/notes"))

    def archive_note(self, note_id: str) -> None:
        """DELETE, which Vitally documents as archiving (`archivedAt` set); a note already gone is fine."""
        self._delete_or_none(f"/notes/{_seg(note_id)}")

    # -- tasks ------------------------------------------------------------------------------------

    def create_task(
        self,
        account_id: str,
        name: str,
        description: str,
        assigned_to_id: str | None,
        due_date: date | str | None,
        external_id: str,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "accountId": account_id,
            "name": name,
            "description": description,
            "externalId": external_id,
        }
        if assigned_to_id:
            body["assignedToId"] = assigned_to_id
        if due_date:
            body["dueDate"] = due_date.isoformat() if isinstance(due_date, date) else due_date
        return self._request("POST", "/tasks", "write", json=body)

    def update_task(self, task_id: str, **fields: Any) -> dict[str, Any]:
        """PUT the given task fields (Vitally's names: name, description, assignedToId, dueDate, ...)."""
        body = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in fields.items() if v is not None}
        return self._request("PUT", f"/tasks/{_seg(task_id)}", "write", json=body)

    def get_task(self, task_id: str) -> dict[str, Any] | None:
        return self._get_or_none(f"/tasks/{_seg(task_id)}")

    def list_account_tasks(self, account_id: str) -> list[dict[str, Any]]:
        return list(self._pages(f"/accounts/{_seg(account_id)}/tasks"))

    def archive_task(self, task_id: str) -> None:
        """DELETE, which Vitally documents as archiving (`archivedAt` set); a task already gone is fine."""
        self._delete_or_none(f"/tasks/{_seg(task_id)}")

    # -- admins -----------------------------------------------------------------------------------

    def find_admin_by_email(self, email: str) -> dict[str, Any] | None:
        """The Vitally admin (team member) with this email, or None; cached for this client."""
        key = email.strip().lower()
        with self._admins_lock:
            if key in self._admins:
                return self._admins[key]
        found = self._get_or_none("/admins/search", params={"email": email.strip()})
        admin = found if isinstance(found, dict) and found.get("id") else None
        with self._admins_lock:
            self._admins[key] = admin
        return admin

    # -- plumbing ---------------------------------------------------------------------------------

    def _get_or_none(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        try:
            return self._request("GET", path, "read", params=params)
        except NotFoundError:
            return None

    def _delete_or_none(self, path: str) -> None:
        with contextlib.suppress(NotFoundError):
            self._request("DELETE", path, "write")

    def _pages(self, path: str) -> Iterator[dict[str, Any]]:
        """Follow Vitally's `next` cursor until it is null."""
        cursor: str | None = None
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            params: dict[str, Any] = {"limit": PAGE_SIZE}
            if cursor:
                params["from"] = cursor
            page = self._request("GET", path, "read", params=params) or {}
            yield from page.get("results") or []
            cursor = page.get("next")
            if not cursor or cursor in seen:
                return
            seen.add(cursor)

    def _request(
        self,
        method: str,
        path: str,
        kind: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> Any:
        """The choke point: one HTTP request under the owner's policy; the JSON answer (or None)."""

        def attempt() -> httpx.Response:
            response = self._http.request(method, path, params=params, json=json)
            if self._observe is not None and response.status_code != 429:
                self._observe(response.headers)
            if response.is_error:
                raise httpx.HTTPStatusError(
                    f"{method} {path}: {response.status_code}", request=response.request, response=response
                )
            return response

        try:
            response = self._call(attempt, kind)
        except HandoffError as exc:
            self._scrub(exc)
            raise
        return response.json() if response.content else None

    def _scrub(self, exc: HandoffError) -> None:
        """Blank the key out of an error, should a server ever echo it (as is, or as the Basic
        credentials of the Authorization header)."""
        if not self._key:
            return
        basic = base64.b64encode(f"{self._key}:".encode()).decode()
        for secret in (self._key, basic, basic.rstrip("=")):
            if secret in exc.message or secret in (exc.fix or ""):
                exc.message = exc.message.replace(secret, "***")
                exc.fix = (exc.fix or "").replace(secret, "***") or None
                exc.args = (exc.message,)


def _seg(value: str) -> str:
    """One URL path segment: ids and externalIds may hold '/', spaces, '+'."""
    return quote(str(value), safe="")


def _present(**fields: Any) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None}


def iso_datetime(value: datetime | date | str) -> str:
    """ISO 8601 UTC with milliseconds, as Vitally's examples write it: 2026-03-02T00:00:00.000Z."""
    if isinstance(value, str):
        return value
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day, tzinfo=UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    utc = value.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
