"""The retry policy: one choke point per API for retries and error mapping, built on tenacity.

    RetryPolicy.run(api, fn)
      attempt fn ─ ok ──────────────────────────────────────────────> result
        │ exception
        ├─ retriable?  429 · 500 · 502 · 503 · 504 · Drive 403 userRateLimitExceeded /
        │              rateLimitExceeded · connection errors, timeouts, dropped connections
        │     wait = Retry-After (seconds or HTTP-date) │ Vitally RateLimit-Reset (on 429)
        │            │ else full-jitter exponential backoff capped at retry.max_wait_seconds
        │     stop when retry.max_attempts are spent, or when the next wait would pass
        │     retry.total_seconds  ──> ServiceError(service, status + the service's message, fix)
        ├─ an HTTP error that is not retriable (other 4xx): no retry
        │     404 ──> NotFoundError · others ──> ServiceError
        └─ anything else (a bug, a ValueError): raised unchanged

Google credentials fail inside the request too (an access token is fetched or refreshed on
first use): google-auth's `TransportError` (the token endpoint unreachable) is a transport
error like any other, and its `RefreshError` (a revoked login, a deleted or disabled
service-account key, a missing delegation) is a ServiceError with status 401 that names the
cause and sends the person to `handoff auth check`; neither ever repeats a token or a key.

HTTP errors are read from the three client libraries without importing them here:
`gspread.exceptions.APIError` (`.response`), `googleapiclient.errors.HttpError` (`.resp`,
`.content`) and `httpx.HTTPStatusError` (`.response`); gspread's `SpreadsheetNotFound` and
its builtin `PermissionError` are read through their `__cause__`.

`sleep` and `clock` are injectable so tests never sleep for real.
"""

from __future__ import annotations

import email.utils
import errno
import http.client
import json
import logging
import socket
import ssl
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import tenacity

from handoff.core.errors import NotFoundError, ServiceError

if TYPE_CHECKING:
    import tenacity

    from handoff.core.settings import RetrySettings

T = TypeVar("T")
log = logging.getLogger("handoff.clients")

SERVICE_NAMES = {"sheets": "Sheets", "docs": "Docs", "drive": "Drive", "vitally": "Vitally"}
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DRIVE_RATE_REASONS = frozenset({"userRateLimitExceeded", "rateLimitExceeded"})
NETWORK_ERRNOS = frozenset(
    {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.ETIMEDOUT, errno.ECONNABORTED, errno.EPIPE}
)
MESSAGE_LIMIT = 1024  # the service's own error text is cut to this many characters


@dataclass(frozen=True)
class HttpFailure:
    """An HTTP error answer, whichever library raised it."""

    status: int
    message: str  # the service's own words (Google's error.message, Vitally's message/error)
    reason: str = ""  # Drive's errors[0].reason, else Google's error.status
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names


# -- reading exceptions ---------------------------------------------------------------------------


def _loaded(module: str, name: str) -> type[BaseException] | None:
    """A library's exception class if that library is loaded (if it is not, none of its errors exist)."""
    mod = sys.modules.get(module)
    cls = getattr(mod, name, None) if mod else None
    return cls if isinstance(cls, type) else None


def http_failure(exc: BaseException) -> HttpFailure | None:
    """The HTTP status, message, reason and headers behind `exc`, or None if it is no HTTP error."""
    gspread_api_error = _loaded("gspread.exceptions", "APIError")
    gspread_base = _loaded("gspread.exceptions", "GSpreadException")
    google_http_error = _loaded("googleapiclient.errors", "HttpError")
    httpx_status_error = _loaded("httpx", "HTTPStatusError")
    wrapped = gspread_base is not None and isinstance(exc, gspread_base | PermissionError)
    if wrapped and gspread_api_error and isinstance(exc.__cause__, gspread_api_error):
        exc = exc.__cause__  # open_by_key re-raises 404/403 as SpreadsheetNotFound/PermissionError
    if gspread_api_error and isinstance(exc, gspread_api_error):
        return _from_response(exc.response)  # type: ignore[attr-defined]
    if google_http_error and isinstance(exc, google_http_error):
        return _from_googleapiclient(exc)
    if httpx_status_error and isinstance(exc, httpx_status_error):
        return _from_response(exc.response)  # type: ignore[attr-defined]
    return None


def _from_response(response: Any) -> HttpFailure:
    """A requests or httpx response (the same attributes: status_code, headers, content)."""
    headers = {k.lower(): v for k, v in response.headers.items()}
    message, reason = parse_error_body(response.content)
    return HttpFailure(response.status_code, message, reason, headers)


def _from_googleapiclient(exc: Any) -> HttpFailure:
    resp = exc.resp
    headers = {str(k).lower(): str(v) for k, v in dict(resp).items()}
    message, reason = parse_error_body(exc.content)
    return HttpFailure(int(resp.status), message or str(getattr(exc, "reason", "") or ""), reason, headers)


def parse_error_body(content: bytes | str | None) -> tuple[str, str]:
    """(message, reason) from a Google or Vitally error body; raw text (cut to 1 KB) if not JSON.

    Google: `{"error": {"code", "message", "status", "errors": [{"reason"}]}}`.
    Vitally: `{"message": ...}` or `{"error": "Bad Request"}`.
    """
    if content is None:
        return "", ""
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    try:
        body = json.loads(text)
    except ValueError:
        return _cut(" ".join(text.split())), ""
    if not isinstance(body, dict):
        return _cut(text.strip()), ""
    error = body.get("error")
    if isinstance(error, dict):  # Google
        errors = error.get("errors")
        reason = ""
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            reason = str(errors[0].get("reason") or "")
        return _cut(str(error.get("message") or "")), reason or str(error.get("status") or "")
    for key in ("message", "error"):  # Vitally
        if body.get(key):
            return _cut(str(body[key])), ""
    return _cut(text.strip()), ""


def _cut(text: str) -> str:
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


def is_transport_error(exc: BaseException) -> bool:
    """Connection refused/reset/dropped, timeouts, broken TLS streams: the request may be retried."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return False  # a wrong certificate does not heal by retrying
    builtin = (ConnectionError, TimeoutError, http.client.HTTPException, ssl.SSLError, socket.gaierror)
    if isinstance(exc, builtin):
        return True
    if type(exc) is OSError and exc.errno in NETWORK_ERRNOS:  # httplib2 lets some socket errors through
        return True
    candidates = [
        _loaded("requests.exceptions", "ConnectionError"),
        _loaded("requests.exceptions", "Timeout"),
        _loaded("requests.exceptions", "ChunkedEncodingError"),
        _loaded("httplib2", "ServerNotFoundError"),
        _loaded("httpx", "TransportError"),
        _loaded("google.auth.exceptions", "TransportError"),
    ]
    unsupported = _loaded("httpx", "UnsupportedProtocol")
    if unsupported and isinstance(exc, unsupported):
        return False
    return any(cls is not None and isinstance(exc, cls) for cls in candidates)


def is_retriable(exc: BaseException) -> bool:
    failure = http_failure(exc)
    if failure is None:
        return is_transport_error(exc)
    if failure.status in RETRY_STATUSES:
        return True
    return failure.status == 403 and failure.reason in DRIVE_RATE_REASONS


# -- waiting --------------------------------------------------------------------------------------


def server_wait(failure: HttpFailure, now: float | None = None) -> float | None:
    """The wait the server asked for: Retry-After (seconds or HTTP-date), else Vitally's
    RateLimit-Reset on a 429; None when it said nothing usable."""
    retry_after = failure.headers.get("retry-after")
    if retry_after:
        seconds = _parse_retry_after(retry_after, time.time() if now is None else now)
        if seconds is not None:
            return seconds
    reset = failure.headers.get("ratelimit-reset")
    if failure.status == 429 and reset:
        try:
            return max(0.0, float(reset.split(",")[0].strip()))
        except ValueError:
            return None
    return None


def _parse_retry_after(value: str, now: float) -> float | None:
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


class _Wait:
    """tenacity wait: the server's hint if any, else full-jitter exponential backoff."""

    def __init__(self, max_wait: float) -> None:
        self._backoff = tenacity.wait_random_exponential(multiplier=1, max=max_wait)

    def __call__(self, retry_state: tenacity.RetryCallState) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        failure = http_failure(exc) if exc else None
        hinted = server_wait(failure) if failure else None
        return hinted if hinted is not None else float(self._backoff(retry_state))


class _Stop:
    """tenacity stop: attempts spent, or the next wait would end past the total time budget."""

    def __init__(self, max_attempts: int, total_seconds: float, clock: Callable[[], float]) -> None:
        self.max_attempts = max_attempts
        self.total_seconds = total_seconds
        self._clock = clock
        self.started = clock()
        self.out_of_time = False

    def __call__(self, retry_state: tenacity.RetryCallState) -> bool:
        if retry_state.attempt_number >= self.max_attempts:
            return True
        spent = max(self._clock() - self.started, retry_state.idle_for)
        self.out_of_time = spent + retry_state.upcoming_sleep > self.total_seconds
        return self.out_of_time


# -- the policy -----------------------------------------------------------------------------------


class RetryPolicy:
    """Runs a call under the retry settings and maps its final failure to a HandoffError."""

    def __init__(
        self,
        settings: RetrySettings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._clock = clock

    def run(self, api: str, fn: Callable[[], T]) -> T:
        """`fn()` with retries; ServiceError/NotFoundError when it fails for good."""
        stop = _Stop(self.settings.max_attempts, self.settings.total_seconds, self._clock)
        attempts = 0

        def attempt() -> T:
            nonlocal attempts
            attempts += 1
            return fn()

        retrying = tenacity.Retrying(
            retry=tenacity.retry_if_exception(is_retriable),
            wait=_Wait(self.settings.max_wait_seconds),
            stop=stop,
            sleep=self._sleep,
            before_sleep=lambda state: _log_retry(api, state, self.settings.max_attempts),
            reraise=True,
        )
        try:
            return retrying(attempt)
        except Exception as exc:
            elapsed = max(self._clock() - stop.started, float(retrying.statistics.get("idle_for", 0)))
            error = service_error(api, exc, attempts=attempts, elapsed=elapsed)
            if error is None:
                raise
            if stop.out_of_time and error.retriable:
                budget = (
                    f"retry.total_seconds = {self.settings.total_seconds:g} would be passed by the next wait"
                )
                error.message = f"{error.message}; {budget}"
                error.args = (error.message,)
            raise error from exc


def _log_retry(api: str, state: tenacity.RetryCallState, max_attempts: int) -> None:
    exc = state.outcome.exception() if state.outcome else None
    what = describe(exc) if exc else "?"
    log.warning(
        "%s: %s; retrying in %.1f s (attempt %d of %d)",
        SERVICE_NAMES.get(api, api),
        what,
        state.upcoming_sleep,
        state.attempt_number + 1,
        max_attempts,
    )


def refresh_reason(exc: BaseException) -> str:
    """What google-auth says went wrong getting a token: its first argument only (the second is the
    token endpoint's whole answer), one line, cut to 1 KB."""
    first = exc.args[0] if exc.args else ""
    text = " ".join(str(first).split())
    return _cut(text) if text else type(exc).__name__


def describe(exc: BaseException) -> str:
    """One line about a failure, free of request headers (so free of credentials)."""
    failure = http_failure(exc)
    if failure is not None:
        phrase = http.client.responses.get(failure.status, "")
        head = f"{failure.status} {phrase}".strip()
        return f"{head}: {failure.message}" if failure.message else head
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {_cut(text)}" if text else type(exc).__name__


def service_error(
    api: str, exc: BaseException, *, attempts: int = 1, elapsed: float = 0.0
) -> ServiceError | None:
    """The HandoffError for a final failure; None when `exc` is neither an HTTP nor a network error."""
    service = SERVICE_NAMES.get(api, api)
    refresh_error = _loaded("google.auth.exceptions", "RefreshError")
    if refresh_error is not None and isinstance(exc, refresh_error):
        return ServiceError(
            service,
            f"the Google credentials were refused when getting an access token ({refresh_reason(exc)})",
            status=401,
            fix=_fix(api, 401, ""),
        )
    failure = http_failure(exc)
    if failure is None and not is_transport_error(exc):
        return None
    retriable = is_retriable(exc)
    tried = f" (gave up after {attempts} attempts in {elapsed:.1f} s)" if retriable and attempts > 1 else ""
    if failure is None:
        return ServiceError(
            service,
            f"could not reach the service: {describe(exc)}{tried}",
            fix=_fix(api, None, ""),
            retriable=True,
        )
    cls = NotFoundError if failure.status == 404 else ServiceError
    return cls(
        service,
        describe(exc) + tried,
        status=failure.status,
        fix=_fix(api, failure.status, failure.reason),
        retriable=retriable,
    )


def _fix(api: str, status: int | None, reason: str) -> str:
    quota = {"sheets": "sheets_read/sheets_write", "docs": "docs_read/docs_write"}.get(api, api)
    if status is None or status >= 500:
        return "the service is failing or unreachable: re-run later (a re-run finishes the job)"
    if status == 429 or reason in DRIVE_RATE_REASONS:
        return (
            f"the API quota is spent: wait a minute and re-run, or lower quotas.{quota} in the configuration"
        )
    if status == 401:
        if api == "vitally":
            return "the Vitally key was refused: check the variable vitally.api_key_env names"
        return "the Google credentials were refused: run `handoff auth check` for the identity and the fix"
    if reason == "storageQuotaExceeded" and api == "drive":
        return (
            "a service account cannot create files in My Drive: put docs.folder_id in a shared drive "
            "(docs.shared_drive = true) with the identity as Content manager (`handoff auth check` says so)"
        )
    if status == 403:
        if api == "vitally":
            return "the Vitally key may not do this: check the key's permissions in Vitally"
        return "the identity in use has no access: share the file with it (`handoff auth check` names it)"
    if status == 404:
        return "check the id (run `handoff auth check`); the item may have been deleted or never shared"
    return "the service refused the request as written; the message above says what it objected to"
