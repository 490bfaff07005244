"""Client-side rate limiting: stay under each API's per-minute quota so a big batch sees no 429.

One `WindowLimiter` per quota (`settings.quotas`: sheets_read, sheets_write, docs_read,
docs_write, drive, vitally). A limiter admits at most `limit` requests in any window of
`window` seconds (a sliding-window log). Why not a token bucket: a bucket of capacity C
refilled at R/s admits C + 60·R requests in some 60-second window, so it must either
under-use the quota (C + 60·R = quota) or risk a 429; the log admits exactly the quota,
in any window, which matches both Google's per-minute quotas and Vitally's documented
sliding window. The window carries one second of margin for latency and clock skew
between us and the server.

Vitally also reports its own budget on every response (`RateLimit-Remaining`,
`RateLimit-Reset` in seconds): `RateLimits.observe_vitally` pauses the Vitally limiter
until the reset when the remaining budget runs low (another client may share the key).

Every limiter is thread-safe; `clock` and `sleep` are injectable so tests run on a fake
clock (the fake `sleep` must advance the fake clock).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handoff.core.settings import QuotaSettings

WINDOW_SECONDS = 61.0  # a minute, plus one second of margin
QUOTA_KEYS = ("sheets_read", "sheets_write", "docs_read", "docs_write", "drive", "vitally")
APIS = ("sheets", "docs", "drive", "vitally")

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class WindowLimiter:
    """At most `limit` acquisitions in any `window`-second interval; `acquire` blocks until allowed."""

    def __init__(
        self,
        limit: int,
        window: float = WINDOW_SECONDS,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
        name: str = "",
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("a rate limit needs limit >= 1 and window > 0")
        self.limit = limit
        self.window = window
        self.name = name
        self._clock = clock
        self._sleep = sleep
        self._stamps: deque[float] = deque()
        self._paused_until = float("-inf")
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"WindowLimiter({self.name or 'unnamed'}: {self.limit} per {self.window:g} s)"

    def acquire(self) -> float:
        """Wait for a slot and take it; returns how long this call waited (seconds)."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                wait = self._wait_needed(now)
                if wait <= 0:
                    self._stamps.append(now)
                    return waited
            self._sleep(wait)
            waited += wait

    def pause_until(self, deadline: float) -> None:
        """Admit nothing before `deadline` (a value of `clock`)."""
        with self._lock:
            self._paused_until = max(self._paused_until, deadline)

    def pause_for(self, seconds: float) -> None:
        self.pause_until(self._clock() + max(0.0, seconds))

    def _wait_needed(self, now: float) -> float:
        while self._stamps and self._stamps[0] <= now - self.window:
            self._stamps.popleft()
        wait = self._paused_until - now
        if len(self._stamps) >= self.limit:
            wait = max(wait, self._stamps[0] + self.window - now)
        return wait


def quota_key(api: str, kind: str) -> str:
    """The `settings.quotas` key that governs a request: Sheets and Docs split reads and writes."""
    if api not in APIS:
        raise ValueError(f"unknown API {api!r}; expected one of {', '.join(APIS)}")
    if kind not in ("read", "write"):
        raise ValueError(f"kind must be 'read' or 'write', not {kind!r}")
    return f"{api}_{kind}" if api in ("sheets", "docs") else api


class RateLimits:
    """The limiters for every quota in `settings.quotas`, shared by all threads of a run."""

    #: pause Vitally when fewer than this share of its window's budget remains
    VITALLY_LOW_WATER = 0.02

    def __init__(
        self,
        quotas: QuotaSettings,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
        window: float = WINDOW_SECONDS,
    ) -> None:
        self._limiters = {
            key: WindowLimiter(getattr(quotas, key), window, clock=clock, sleep=sleep, name=key)
            for key in QUOTA_KEYS
        }

    def limiter(self, api: str, kind: str = "read") -> WindowLimiter:
        return self._limiters[quota_key(api, kind)]

    def acquire(self, api: str, kind: str = "read") -> float:
        return self.limiter(api, kind).acquire()

    def observe_vitally(self, headers: Mapping[str, str]) -> float:
        """Pause Vitally until `RateLimit-Reset` when `RateLimit-Remaining` runs low; returns the pause."""
        remaining = _first_number(headers.get("ratelimit-remaining") or headers.get("RateLimit-Remaining"))
        reset = _first_number(headers.get("ratelimit-reset") or headers.get("RateLimit-Reset"))
        limit = _first_number(headers.get("ratelimit-limit") or headers.get("RateLimit-Limit"))
        if remaining is None or reset is None:
            return 0.0
        low_water = max(1.0, (limit or 0) * self.VITALLY_LOW_WATER)
        if remaining > low_water:
            return 0.0
        self._limiters["vitally"].pause_for(reset)
        return reset


def _first_number(value: str | None) -> float | None:
    """`"1000, 1000;window=60"` → 1000.0; `"59"` → 59.0; junk → None."""
    if not value:
        return None
    head = value.split(",")[0].split(";")[0].strip()
    try:
        return float(head)
    except ValueError:
        return None
