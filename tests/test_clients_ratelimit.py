"""The client-side rate limiter: window math on a fake clock, thread safety, Vitally's headers."""

from __future__ import annotations

import threading
import time

import pytest

from fakeclock import FakeClock
from handoff.clients.ratelimit import RateLimits, WindowLimiter, quota_key
from handoff.core.settings import QuotaSettings


def test_admits_the_limit_at_once_then_waits_for_the_oldest_to_leave_the_window() -> None:
    clock = FakeClock(1000.0)
    limiter = WindowLimiter(3, 60, clock=clock, sleep=clock.sleep)
    assert [limiter.acquire() for _ in range(3)] == [0, 0, 0]
    assert clock.sleeps == []
    clock.now += 10
    assert limiter.acquire() == pytest.approx(50)  # the first slot frees at t0 + 60
    assert clock.now == pytest.approx(1060)


def test_never_more_than_the_limit_in_any_window() -> None:
    clock = FakeClock(1000.0)
    limiter = WindowLimiter(5, 60, clock=clock, sleep=clock.sleep)
    stamps = []
    for i in range(40):
        clock.now += (i * 7) % 13  # irregular arrivals
        limiter.acquire()
        stamps.append(clock.now)
    for i, start in enumerate(stamps):
        in_window = [t for t in stamps[i:] if t < start + 60]
        assert len(in_window) <= 5


def test_no_slower_than_the_quota_allows() -> None:
    clock = FakeClock(1000.0)
    limiter = WindowLimiter(5, 60, clock=clock, sleep=clock.sleep)
    start = clock.now
    for _ in range(40):
        limiter.acquire()
    assert clock.now - start == pytest.approx(7 * 60)  # 8 bursts of 5, one window apart


def test_pause_holds_every_caller_until_the_deadline() -> None:
    clock = FakeClock(1000.0)
    limiter = WindowLimiter(100, 60, clock=clock, sleep=clock.sleep)
    limiter.pause_for(12.5)
    assert limiter.acquire() == pytest.approx(12.5)
    assert limiter.acquire() == 0


def test_threads_share_one_window() -> None:
    limiter = WindowLimiter(4, 0.15)
    stamps: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(3):
            limiter.acquire()
            with lock:
                stamps.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps.sort()
    assert len(stamps) == 12
    for i, start in enumerate(stamps):
        assert len([t for t in stamps[i:] if t < start + 0.15 - 0.005]) <= 4


def test_quota_keys_split_reads_and_writes_where_google_does() -> None:
    assert quota_key("sheets", "read") == "sheets_read"
    assert quota_key("docs", "write") == "docs_write"
    assert quota_key("drive", "write") == "drive"
    assert quota_key("vitally", "read") == "vitally"
    with pytest.raises(ValueError):
        quota_key("gmail", "read")
    with pytest.raises(ValueError):
        quota_key("sheets", "delete")


def test_limits_come_from_the_quota_settings() -> None:
    limits = RateLimits(QuotaSettings(sheets_read=7, vitally=90))
    assert limits.limiter("sheets", "read").limit == 7
    assert limits.limiter("vitally", "write").limit == 90
    assert limits.limiter("docs", "write").limit == QuotaSettings().docs_write


def test_vitally_low_remaining_pauses_until_reset() -> None:
    clock = FakeClock(1000.0)
    limits = RateLimits(QuotaSettings(), clock=clock, sleep=clock.sleep)
    plenty = {
        "ratelimit-limit": "1000, 1000;window=60",
        "ratelimit-remaining": "600",
        "ratelimit-reset": "40",
    }
    assert limits.observe_vitally(plenty) == 0
    assert limits.acquire("vitally") == 0
    low = {"RateLimit-Limit": "1000, 1000;window=60", "RateLimit-Remaining": "3", "RateLimit-Reset": "17"}
    assert limits.observe_vitally(low) == 17
    assert limits.acquire("vitally") == pytest.approx(17)
    assert limits.acquire("sheets") == 0  # other APIs are not held up
    assert limits.observe_vitally({}) == 0
    assert limits.observe_vitally({"ratelimit-remaining": "junk", "ratelimit-reset": "5"}) == 0
