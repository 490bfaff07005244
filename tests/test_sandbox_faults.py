"""Fault injection reaches the real clients as the real services would deliver it; the request log.

Rules are set through the control route `/_sandbox/faults`, as a person or a test would.
"""

from __future__ import annotations

import json
import time
from typing import Any

import gspread
import httpx
import pytest
import requests
from gspread.exceptions import APIError

from handoff.sandbox.server import RunningSandbox
from workspace import SHEET_ID as SID

ACME = "7c0b1c1e-9a55-4b8e-8a8e-000000000001"


def add_faults(sandbox: RunningSandbox, *rules: dict[str, Any]) -> list[dict[str, Any]]:
    response = requests.post(sandbox.url + "/_sandbox/faults", json=list(rules), timeout=5)
    assert response.status_code == 200, response.text
    return list(response.json())


def log_lines(sandbox: RunningSandbox, **params: str) -> list[dict[str, Any]]:
    text = requests.get(sandbox.url + "/_sandbox/log", params=params, timeout=5).text
    return [json.loads(line) for line in text.splitlines()]


# -- the kinds, as each client sees them -------------------------------------------------------


def test_sheets_429_reaches_gspread_with_retry_after(sandbox: RunningSandbox, gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    add_faults(sandbox, {"api": "sheets", "route": "sheets.values.batchGet", "kind": "429", "retry_after": 7})
    with pytest.raises(APIError) as err:
        sh.values_batch_get(["Accounts"])
    assert err.value.code == 429
    assert err.value.error["status"] == "RESOURCE_EXHAUSTED"
    assert err.value.response.headers["Retry-After"] == "7"
    assert sh.values_batch_get(["Accounts"])["valueRanges"]  # count 1: the retry goes through


def test_sheets_5xx_reaches_gspread(sandbox: RunningSandbox, gc: gspread.Client) -> None:
    add_faults(sandbox, {"api": "sheets", "kind": "5xx", "status": 503})
    with pytest.raises(APIError) as err:
        gc.open_by_key(SID)
    assert err.value.code == 503 and err.value.error["status"] == "UNAVAILABLE"


def test_a_dropped_connection_is_a_connection_error(
    sandbox: RunningSandbox, gc: gspread.Client, vitally: httpx.Client
) -> None:
    add_faults(sandbox, {"api": "sheets", "kind": "drop"}, {"api": "vitally", "kind": "drop"})
    with pytest.raises(requests.exceptions.ConnectionError):
        gc.open_by_key(SID)
    with pytest.raises(httpx.TransportError):
        vitally.get(f"/accounts/{ACME}")
    assert vitally.get(f"/accounts/{ACME}").status_code == 200  # a new connection works


def test_vitally_429_carries_rate_limit_headers(sandbox: RunningSandbox, vitally: httpx.Client) -> None:
    add_faults(
        sandbox, {"api": "vitally", "route": "vitally.accounts.update", "kind": "429", "retry_after": 3}
    )
    response = vitally.put(f"/accounts/{ACME}", json={"traits": {"x": 1}})
    assert response.status_code == 429
    assert response.json()["error"] == "Too Many Requests"
    assert response.headers["Retry-After"] == "3"
    assert response.headers["RateLimit-Limit"] == "1000, 1000;window=60"
    assert response.headers["RateLimit-Remaining"] == "0" and response.headers["RateLimit-Reset"] == "3"
    assert vitally.get(f"/accounts/{ACME}").json()["traits"].get("x") is None  # nothing was written


def test_vitally_5xx_has_vitally_error_body(sandbox: RunningSandbox, vitally: httpx.Client) -> None:
    add_faults(sandbox, {"api": "vitally", "kind": "5xx", "status": 500})
    response = vitally.get("/admins")
    assert response.status_code == 500 and response.json()["error"] == "Internal Server Error"


def test_latency_delays_the_response(sandbox: RunningSandbox, vitally: httpx.Client) -> None:
    add_faults(sandbox, {"api": "vitally", "kind": "latency", "latency_ms": 250})
    started = time.monotonic()
    assert vitally.get("/admins").status_code == 200
    assert time.monotonic() - started >= 0.25


# -- matching, counting, control ---------------------------------------------------------------


def test_rules_match_route_and_method_and_count(sandbox: RunningSandbox, vitally: httpx.Client) -> None:
    add_faults(
        sandbox, {"api": "vitally", "route": "vitally.accounts.*", "method": "PUT", "kind": "5xx", "count": 2}
    )
    assert vitally.get(f"/accounts/{ACME}").status_code == 200
    statuses = [vitally.put(f"/accounts/{ACME}", json={"traits": {}}).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    listed = requests.get(sandbox.url + "/_sandbox/faults", timeout=5).json()
    assert listed[0]["hits"] == 2 and listed[0]["count"] == 2


def test_control_routes_are_never_faulted(sandbox: RunningSandbox) -> None:
    add_faults(sandbox, {"kind": "drop", "count": 0})  # every API, forever
    assert requests.get(sandbox.url + "/_sandbox/health", timeout=5).json()["status"] == "ok"
    assert requests.delete(sandbox.url + "/_sandbox/faults", timeout=5).json() == []
    assert sandbox.faults.to_json() == []


@pytest.mark.parametrize("body", [[{"kind": "explode"}], [{"kind": "drop", "colour": "red"}], "nope"])
def test_bad_fault_rules_are_refused(sandbox: RunningSandbox, body: Any) -> None:
    response = requests.post(sandbox.url + "/_sandbox/faults", json=body, timeout=5)
    assert response.status_code == 400 and "Invalid fault rules" in response.json()["error"]["message"]


# -- the request log ---------------------------------------------------------------------------


def test_request_log_has_api_method_path_status_user(
    sandbox: RunningSandbox, gc: gspread.Client, vitally: httpx.Client
) -> None:
    gc.open_by_key(SID)
    vitally.get(f"/accounts/{ACME}", headers={"X-Sandbox-User": "ta@sandbox.local"})
    add_faults(sandbox, {"api": "vitally", "kind": "429"}, {"api": "vitally", "kind": "drop"})
    vitally.get("/admins")
    with pytest.raises(httpx.TransportError):
        vitally.get("/admins")
    requests.get(sandbox.url + "/", timeout=5)  # neither the browse pages nor control routes are logged
    lines = log_lines(sandbox)
    assert [(e["api"], e["method"], e["path"], e["status"]) for e in lines] == [
        ("sheets", "GET", f"/v4/spreadsheets/{SID}", 200),
        ("vitally", "GET", f"/resources/accounts/{ACME}", 200),
        ("vitally", "GET", "/resources/admins", 429),
        ("vitally", "GET", "/resources/admins", 0),  # dropped: no status was sent
    ]
    assert [e["user"] for e in lines[:2]] == ["handoff-bot@sandbox.local", "ta@sandbox.local"]
    assert lines[1]["route"] == "vitally.accounts.get" and isinstance(lines[1]["ts"], float)
    assert [e["api"] for e in log_lines(sandbox, api="sheets")] == ["sheets"]
    assert [e["status"] for e in log_lines(sandbox, tail="1")] == [0]
