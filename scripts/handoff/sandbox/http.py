"""Request/response types, routing, error shapes and the API error exception for the sandbox.

A route handler is `handler(req: Request, store: Store, **path_params) -> Response`.
Handlers raise `ApiError` for any client error; the server turns it into the real service's
error body (`google_error_body` for Sheets/Docs, the Drive variant with `errors[]`, Vitally's).
Control routes (api `"sandbox"`) also receive `server=` (the running `SandboxHTTPServer`), so
they can reach its `faults`, `seed_dir` and request log.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote

GOOGLE_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}

USAGE_LIMIT_REASONS = ("userRateLimitExceeded", "rateLimitExceeded", "dailyLimitExceeded")
DRIVE_REASON = {
    400: ("global", "badRequest"),
    401: ("global", "authError"),
    403: ("global", "forbidden"),
    404: ("global", "notFound"),
    429: ("usageLimits", "rateLimitExceeded"),
    500: ("global", "backendError"),
    502: ("global", "backendError"),
    503: ("global", "backendError"),
}

DEFAULT_USER = "handoff-bot@sandbox.local"
USER_HEADER = "X-Sandbox-User"


@dataclass
class Request:
    method: str
    path: str  # percent-decoded path, no query
    raw_path: str  # as sent (still percent-encoded), no query
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""

    @property
    def user(self) -> str:
        """The acting user: `X-Sandbox-User` header, else the tool's own identity."""
        return self.headers.get(USER_HEADER.lower()) or DEFAULT_USER

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else default

    def args(self, name: str) -> list[str]:
        return self.query.get(name, [])

    def flag(self, name: str) -> bool:
        return (self.arg(name) or "").lower() in ("true", "1")

    def json(self) -> Any:
        if not self.body:
            return {}
        try:
            return json.loads(self.body)
        except ValueError as exc:
            raise ApiError(400, f"Invalid JSON payload received. {exc}") from exc

    @classmethod
    def parse(cls, method: str, target: str, headers: dict[str, str], body: bytes) -> Request:
        """A request as the handlers see it. A POST carrying `X-HTTP-Method-Override: GET` is the GET
        it stands for, its form-encoded body the query (google-api-python-client sends a GET whose
        URL would exceed 2,048 characters that way, e.g. a long Drive `q`; Google honours it)."""
        raw_path, _, qs = target.partition("?")
        lower = {k.lower(): v for k, v in headers.items()}
        query = parse_qs(qs, keep_blank_values=True)
        override = lower.get("x-http-method-override", "").upper()
        if method.upper() == "POST" and override == "GET":
            for key, values in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                query.setdefault(key, []).extend(values)
            method, body = "GET", b""
        return cls(
            method=method.upper(),
            path=unquote(raw_path),
            raw_path=raw_path,
            query=query,
            headers=lower,
            body=body,
        )


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=UTF-8"
    headers: dict[str, str] = field(default_factory=dict)
    dropped: bool = False  # a `drop_after` fault: the handler ran, the answer is never sent
    throttled: bool = False  # refused for a rate limit (Drive says so with a 403, not a 429)

    @classmethod
    def json(cls, obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
        # Compact: with `indent`, json falls back to its pure-Python encoder, which made a 200 KB
        # Docs JSON answer the sandbox's main cost in a batch benchmark (Google answers compact too).
        body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
        return cls(status, body, headers=headers or {})

    @classmethod
    def text(cls, text: str, content_type: str = "text/plain; charset=UTF-8", status: int = 200) -> Response:
        return cls(status, text.encode(), content_type)

    @classmethod
    def empty(cls, status: int = 204) -> Response:
        return cls(status, b"", "text/plain")


class ApiError(Exception):
    """A client-visible error; rendered in the owning API's error shape."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        reason: str | None = None,
        details: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.message = message
        self.reason = reason
        self.details = details
        self.headers = headers or {}


def error_response(api: str, err: ApiError) -> Response:
    """The real service's error body for `api` ("sheets", "docs", "drive", "vitally", "sandbox")."""
    if api == "vitally":
        body: dict[str, Any] = {"error": _vitally_error_name(err.status), "message": err.message}
        return Response.json(body, err.status, err.headers)
    error: dict[str, Any] = {
        "code": err.status,
        "message": err.message,
        "status": GOOGLE_STATUS.get(err.status, "UNKNOWN"),
    }
    if api == "drive":
        domain, reason = DRIVE_REASON.get(err.status, ("global", "unknown"))
        if err.reason in USAGE_LIMIT_REASONS:
            domain = "usageLimits"
        error["errors"] = [{"message": err.message, "domain": domain, "reason": err.reason or reason}]
    if err.details:
        error["details"] = err.details
    return Response.json({"error": error}, err.status, err.headers)


def _vitally_error_name(status: int) -> str:
    return {
        400: "Bad Request",
        401: "Unauthorized",
        404: "Not Found",
        429: "Too Many Requests",
        500: "Internal Server Error",
        503: "Service Unavailable",
    }.get(status, "Error")


Handler = Callable[..., Response]


@dataclass(frozen=True)
class Route:
    api: str
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    name: str  # e.g. "sheets.values.batchGet", used by fault rules and the request log
    raw: bool = False  # match the still-percent-encoded path (groups are decoded afterwards)

    def match(self, req: Request) -> dict[str, str] | None:
        """The path parameters if this route's pattern matches the request path, else None."""
        m = self.pattern.fullmatch(req.raw_path if self.raw else req.path)
        if m is None:
            return None
        groups = m.groupdict()
        return {k: unquote(v) for k, v in groups.items()} if self.raw else groups


def route(
    api: str, method: str, pattern: str, name: str, *, raw: bool = False
) -> Callable[[Handler], Handler]:
    """Decorator collecting routes into `ROUTES` of the module that defines the handler.

    `pattern` is a regex matched against the *decoded* path with `re.fullmatch`;
    named groups become keyword arguments. With `raw=True` it is matched against the path
    as sent (still percent-encoded), so an encoded `/` or `:` inside a parameter (an A1
    range, a Vitally externalId) cannot be mistaken for a separator; groups are then decoded.
    """

    def register(fn: Handler) -> Handler:
        module = sys.modules[fn.__module__]
        routes: list[Route] = module.__dict__.setdefault("ROUTES", [])
        routes.append(Route(api, method.upper(), re.compile(pattern), fn, name, raw))
        return fn

    return register


def api_for_path(path: str) -> str:
    """Which API a path belongs to, for error shapes on unknown routes."""
    if path.startswith("/v4/spreadsheets"):
        return "sheets"
    if path.startswith("/v1/documents"):
        return "docs"
    if path.startswith(("/drive/", "/upload/drive/")):
        return "drive"
    if path.startswith("/resources"):
        return "vitally"
    return "sandbox"


def iso_now() -> str:
    """The current UTC time as both Google and Vitally print it: `2026-03-02T10:04:05.123Z`."""
    now = dt.datetime.now(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
