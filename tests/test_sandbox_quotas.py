"""The sandbox's per-user quotas: off by default; when on, the published limits × scale, 429 beyond."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fakeclock import FakeClock
from handoff.sandbox.faults import FaultPlan
from handoff.sandbox.quotas import Quotas, parse_scale, quota_key
from handoff.sandbox.request_log import read_request_log
from handoff.sandbox.server import RunningSandbox, SandboxHTTPServer, open_store, start
from handoff.sandbox.vitally_api import SANDBOX_API_KEY
from workspace import SEED
from workspace import SHEET_ID as SID


def test_scale_parsing() -> None:
    assert parse_scale(None) is None and parse_scale(" ") is None
    assert parse_scale("100") == 100.0 and parse_scale("0.5") == 0.5
    for bad in ("fast", "0", "-1"):
        with pytest.raises(ValueError, match="quota scale"):
            parse_scale(bad)


def test_which_quota_a_request_counts_against() -> None:
    assert quota_key("sheets", "GET") == "sheets_read"
    assert quota_key("sheets", "POST") == "sheets_write"
    assert quota_key("docs", "GET") == "docs_read"
    assert quota_key("drive", "POST") == quota_key("drive", "GET") == "drive"
    assert quota_key("vitally", "GET") is None  # Vitally keeps its own limiter


def test_sliding_window_per_user_and_quota() -> None:
    clock = FakeClock(1000.0)
    quotas = Quotas(2 / 60, clock=clock)  # Sheets: 2 per minute
    assert quotas.limit("sheets_read") == 2 and quotas.limit("drive") == 400
    assert quotas.admit("sheets", "GET", "a") and quotas.admit("sheets", "GET", "a")
    assert not quotas.admit("sheets", "GET", "a")
    assert quotas.admit("sheets", "GET", "b")  # another user has their own quota
    assert quotas.admit("sheets", "POST", "a")  # writes are a separate quota
    clock.now += 60.0
    assert quotas.admit("sheets", "GET", "a")  # the window moved on


def test_off_by_default_admits_everything() -> None:
    quotas = Quotas(None)
    assert not quotas.enabled
    assert all(quotas.admit("sheets", "GET", "a") for _ in range(500))


@pytest.fixture
def limited(tmp_path: Path) -> Iterator[RunningSandbox]:
    store = open_store(tmp_path / "state", SEED)
    server = SandboxHTTPServer(("127.0.0.1", 0), store, SEED, FaultPlan(), Quotas(2 / 60))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    running = RunningSandbox(server, thread)
    yield running
    running.stop()


def test_over_quota_answers_429_in_the_services_shape_and_is_logged(limited: RunningSandbox) -> None:
    with httpx.Client(base_url=limited.url, timeout=10) as http:
        url = f"/v4/spreadsheets/{SID}/values/Accounts!A1"
        assert [http.get(url).status_code for _ in range(3)] == [200, 200, 429]
        body = http.get(url).json()
        assert body["error"]["status"] == "RESOURCE_EXHAUSTED"
        assert "per minute per user" in body["error"]["message"]
        vitally = httpx.BasicAuth(SANDBOX_API_KEY, "")
        codes = [http.get("/resources/accounts", auth=vitally).status_code for _ in range(35)]
        assert codes.count(429) == 2  # Vitally's 1,000/min scaled by 2/60: 33 in a minute
    statuses = [e["status"] for e in read_request_log(limited.store.root)]
    assert statuses.count(429) == 4


def test_drive_over_quota_answers_403_user_rate_limit_exceeded(limited: RunningSandbox) -> None:
    with httpx.Client(base_url=limited.url, timeout=10) as http:
        answers = [http.get("/drive/v3/files", params={"pageSize": 1}) for _ in range(401)]
        assert [a.status_code for a in answers].count(200) == 400  # Drive: 12,000/min scaled by 2/60
        refused = answers[-1]
        assert refused.status_code == 403
        assert refused.json()["error"]["errors"] == [
            {
                "message": "User Rate Limit Exceeded",
                "domain": "usageLimits",
                "reason": "userRateLimitExceeded",
            }
        ]


def test_start_without_the_setting_enforces_no_google_quota(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HANDOFF_SANDBOX_QUOTAS", raising=False)
    sandbox = start(tmp_path / "state", SEED, faults=FaultPlan())
    try:
        with httpx.Client(base_url=sandbox.url, timeout=10) as http:
            url = f"/v4/spreadsheets/{SID}/values/Accounts!A1"
            assert {http.get(url).status_code for _ in range(70)} == {200}
    finally:
        sandbox.stop()
