"""The retry policy in isolation: what is retried, how long it waits, when it gives up, what it raises.

The errors are the libraries' real exception types built from real response objects; the
sandbox tests (test_clients_sandbox.py) raise the same errors over the wire.
"""

from __future__ import annotations

import email.utils
import errno
import json
import socket
import time
from collections.abc import Callable
from typing import Any

import gspread
import httplib2
import httpx
import pytest
import requests
from googleapiclient.errors import HttpError
from requests.structures import CaseInsensitiveDict

from fakeclock import FakeClock
from handoff.clients.retry import (
    RetryPolicy,
    http_failure,
    is_retriable,
    parse_error_body,
    server_wait,
    service_error,
)
from handoff.core.errors import EXIT_PROBLEMS, EXIT_SERVICE, NotFoundError, ServiceError
from handoff.core.settings import RetrySettings


def vitally_error(
    status: int, headers: dict[str, str] | None = None, body: Any = None
) -> httpx.HTTPStatusError:
    request = httpx.Request("GET", "https://sandbox.rest.vitally.io/resources/accounts/acme")
    response = httpx.Response(
        status, headers=headers or {}, json=body if body is not None else {"error": "x"}, request=request
    )
    return httpx.HTTPStatusError("boom", request=request, response=response)


def google_error(
    status: int, message: str = "nope", reason: str = "", headers: dict[str, str] | None = None
) -> HttpError:
    error: dict[str, Any] = {"code": status, "message": message, "status": "X"}
    if reason:
        error["errors"] = [{"domain": "usageLimits", "reason": reason, "message": message}]
    resp = httplib2.Response({"status": status, **(headers or {})})
    return HttpError(
        resp, json.dumps({"error": error}).encode(), uri="https://www.googleapis.com/drive/v3/files/x"
    )


def gspread_error(
    status: int, message: str = "Requested entity was not found."
) -> gspread.exceptions.APIError:
    response = requests.Response()
    response.status_code = status
    response.headers = CaseInsensitiveDict({"Content-Type": "application/json"})
    response._content = json.dumps(
        {"error": {"code": status, "message": message, "status": "NOT_FOUND"}}
    ).encode()
    return gspread.exceptions.APIError(response)


def failing(errors: list[BaseException], result: Any = "ok") -> tuple[Callable[[], Any], list[int]]:
    calls: list[int] = []

    def fn() -> Any:
        calls.append(1)
        if len(calls) <= len(errors):
            raise errors[len(calls) - 1]
        return result

    return fn, calls


def policy(clock: FakeClock, **retry: Any) -> RetryPolicy:
    settings = RetrySettings(**{"max_attempts": 6, "max_wait_seconds": 4.0, "total_seconds": 120.0, **retry})
    return RetryPolicy(settings, sleep=clock.sleep, clock=clock)


# -- classification -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_rate_limits_and_server_errors_are_retriable_for_every_library(status: int) -> None:
    assert is_retriable(vitally_error(status))
    assert is_retriable(google_error(status))
    assert is_retriable(gspread_error(status))


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 412])
def test_other_client_errors_are_not(status: int) -> None:
    assert not is_retriable(vitally_error(status))
    assert not is_retriable(google_error(status))
    assert not is_retriable(gspread_error(status))


def test_drive_rate_limit_403s_are_retriable_but_a_plain_403_is_not() -> None:
    assert is_retriable(google_error(403, "User rate limit exceeded", reason="userRateLimitExceeded"))
    assert is_retriable(google_error(403, "Rate limit exceeded", reason="rateLimitExceeded"))
    assert not is_retriable(google_error(403, "The caller does not have permission", reason="forbidden"))


def test_connection_errors_and_timeouts_are_retriable_but_bugs_are_not() -> None:
    import http.client

    for exc in [
        ConnectionResetError(104, "reset"),
        http.client.RemoteDisconnected("closed"),
        TimeoutError("timed out"),
        TimeoutError("timed out"),
        requests.exceptions.ConnectionError("aborted"),
        requests.exceptions.ReadTimeout("slow"),
        httplib2.ServerNotFoundError("dns"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("server disconnected"),
        OSError(errno.ENETUNREACH, "Network is unreachable"),
        socket.gaierror(-2, "Name or service not known"),
    ]:
        assert is_retriable(exc), exc
    for exc in [
        KeyError("x"),
        ValueError("x"),
        PermissionError("x"),
        FileNotFoundError("x"),
        OSError("disk"),
    ]:
        assert not is_retriable(exc), exc


def test_gspread_wraps_404_and_403_in_other_types_and_the_status_is_still_read() -> None:
    def raised(status: int, wrapper: type[BaseException]) -> BaseException:
        try:
            try:
                raise gspread_error(status)
            except gspread.exceptions.APIError as ex:
                raise wrapper() from ex
        except wrapper as outer:
            return outer

    failure = http_failure(raised(404, gspread.exceptions.SpreadsheetNotFound))
    assert failure is not None and failure.status == 404
    failure = http_failure(raised(403, PermissionError))
    assert failure is not None and failure.status == 403
    assert http_failure(PermissionError("a local file")) is None


def test_error_bodies_google_vitally_and_raw() -> None:
    assert parse_error_body(b'{"error": {"code": 404, "message": "Not here.", "status": "NOT_FOUND"}}') == (
        "Not here.",
        "NOT_FOUND",
    )
    drive = {"error": {"message": "Slow down", "errors": [{"reason": "userRateLimitExceeded"}]}}
    assert parse_error_body(json.dumps(drive)) == ("Slow down", "userRateLimitExceeded")
    assert parse_error_body(b'{"message": "externalId is required", "error": "Bad Request"}')[0] == (
        "externalId is required"
    )
    assert parse_error_body(b'{"error": "Unauthorized"}')[0] == "Unauthorized"
    raw, _ = parse_error_body(b"<html>" + b"x" * 5000 + b"</html>")
    assert raw.startswith("<html>") and len(raw) <= 1024


# -- waiting --------------------------------------------------------------------------------------


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    failure = http_failure(vitally_error(429, {"Retry-After": "7"}))
    assert failure is not None and server_wait(failure) == 7
    now = time.time()
    date = email.utils.formatdate(now + 30, usegmt=True)
    failure = http_failure(google_error(503, headers={"retry-after": date}))
    assert failure is not None
    assert server_wait(failure, now=now) == pytest.approx(30, abs=1)


def test_vitally_ratelimit_reset_is_the_fallback_on_429_only() -> None:
    failure = http_failure(vitally_error(429, {"RateLimit-Reset": "12", "RateLimit-Remaining": "0"}))
    assert failure is not None and server_wait(failure) == 12
    failure = http_failure(vitally_error(503, {"RateLimit-Reset": "12"}))
    assert failure is not None and server_wait(failure) is None


# -- the policy -----------------------------------------------------------------------------------


def test_retried_then_succeeds_with_jittered_capped_backoff() -> None:
    clock = FakeClock()
    fn, calls = failing([vitally_error(503), google_error(500), ConnectionResetError()])
    assert policy(clock, max_wait_seconds=0.5).run("vitally", fn) == "ok"
    assert len(calls) == 4
    assert len(clock.sleeps) == 3 and all(0 <= s <= 0.5 for s in clock.sleeps)


def test_retry_after_is_honoured() -> None:
    clock = FakeClock()
    fn, _ = failing([vitally_error(429, {"Retry-After": "7"}), vitally_error(429, {"Retry-After": "0"})])
    assert policy(clock).run("vitally", fn) == "ok"
    assert clock.sleeps == [7, 0]


def test_a_client_error_is_not_retried() -> None:
    clock = FakeClock()
    fn, calls = failing([vitally_error(400, body={"message": "externalId is required"})])
    with pytest.raises(ServiceError) as info:
        policy(clock).run("vitally", fn)
    assert len(calls) == 1 and clock.sleeps == []
    assert info.value.status == 400 and info.value.service == "Vitally"
    assert "400 Bad Request: externalId is required" in info.value.message
    assert info.value.exit_code == EXIT_PROBLEMS and info.value.fix  # refused as written: not a service down


def test_404_is_not_found_and_not_retried() -> None:
    clock = FakeClock()
    fn, calls = failing([google_error(404, "File not found: x.")])
    with pytest.raises(NotFoundError) as info:
        policy(clock).run("drive", fn)
    assert len(calls) == 1
    assert str(info.value) == "Drive: 404 Not Found: File not found: x."


def test_exhausted_attempts_name_the_service_and_exit_4() -> None:
    clock = FakeClock()
    fn, calls = failing([gspread_error(503, "The service is currently unavailable.")] * 10)
    with pytest.raises(ServiceError) as info:
        policy(clock, max_attempts=4).run("sheets", fn)
    assert len(calls) == 4 and len(clock.sleeps) == 3
    err = info.value
    assert err.exit_code == EXIT_SERVICE and err.service == "Sheets" and err.retriable
    assert err.message.startswith("Sheets: 503 Service Unavailable: The service is currently unavailable.")
    assert "gave up after 4 attempts" in err.message


def test_total_time_bound_stops_before_a_wait_that_would_pass_it() -> None:
    clock = FakeClock()
    fn, calls = failing([vitally_error(429, {"Retry-After": "3"})] * 20)
    with pytest.raises(ServiceError) as info:
        policy(clock, max_attempts=20, total_seconds=10).run("vitally", fn)
    assert clock.sleeps == [3, 3, 3]  # a fourth wait would end at 12 s > 10 s
    assert "gave up after 4 attempts in 9.0 s" in info.value.message
    assert info.value.message.endswith("retry.total_seconds = 10 would be passed by the next wait")
    assert len(calls) == 4


def test_a_retry_after_longer_than_the_budget_gives_up_at_once() -> None:
    clock = FakeClock()
    fn, calls = failing([vitally_error(429, {"Retry-After": "3600"})])
    with pytest.raises(ServiceError) as info:
        policy(clock, total_seconds=60).run("vitally", fn)
    assert len(calls) == 1 and clock.sleeps == [] and info.value.status == 429


def test_bugs_pass_through_unchanged_and_unretried() -> None:
    clock = FakeClock()
    fn, calls = failing([KeyError("documentId")])
    with pytest.raises(KeyError):
        policy(clock).run("docs", fn)
    assert len(calls) == 1


def test_connection_failures_end_as_service_errors() -> None:
    clock = FakeClock()
    fn, _ = failing([httpx.ConnectError("connection refused")] * 3)
    with pytest.raises(ServiceError) as info:
        policy(clock, max_attempts=3).run("vitally", fn)
    assert "could not reach the service: ConnectError: connection refused" in info.value.message
    assert info.value.status is None and info.value.exit_code == EXIT_SERVICE


def test_service_error_ignores_what_is_not_http_or_network() -> None:
    assert service_error("docs", ValueError("x")) is None
