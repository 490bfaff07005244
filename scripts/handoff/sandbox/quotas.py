"""Per-user request quotas for the sandbox's Google APIs, as Google enforces them: over the quota → 429.

Off by default (a person browsing, and most tests, never meet them). Turned on by
`HANDOFF_SANDBOX_QUOTAS=SCALE` or `handoff sandbox serve --quotas SCALE`: each published
per-user limit times SCALE, counted over a sliding 60-second window per acting user:

    sheets_read 60 · sheets_write 60 · docs_read 300 · docs_write 60 · drive 12,000 per minute

(Sheets and Docs from their "Usage limits" pages; Drive's legacy 12,000 queries per minute per
user, its per-user quota before quota units.) A request is a read when its method is GET.
Vitally's own limit (1,000 per minute per key, always on, see `vitally_api`) is scaled by the
same SCALE, so a benchmark can scale every quota at once. A refused request answers in the
service's own error shape and is logged like any other, which is how the benchmark counts them:
Sheets and Docs 429 RESOURCE_EXHAUSTED; Drive 403 `userRateLimitExceeded` ("User Rate Limit
Exceeded", domain usageLimits), the answer Drive's "Resolve errors" guide gives for a user over
its per-user quota (docs/CONTRACTS.md).
"""

from __future__ import annotations

import collections
import os
import threading
import time
from collections.abc import Callable

from handoff.sandbox.http import ApiError

WINDOW_S = 60.0
PUBLISHED_PER_MINUTE = {
    "sheets_read": 60,
    "sheets_write": 60,
    "docs_read": 300,
    "docs_write": 60,
    "drive": 12_000,
}
ENV = "HANDOFF_SANDBOX_QUOTAS"


def parse_scale(text: str | None) -> float | None:
    """`"100"` → 100.0; blank/None → None (quotas off); anything else → ValueError naming the value."""
    if text is None or not text.strip():
        return None
    try:
        scale = float(text)
    except ValueError:
        raise ValueError(f"quota scale must be a number such as 1 or 100, not {text!r}") from None
    if scale <= 0:
        raise ValueError(f"quota scale must be positive, not {text!r}")
    return scale


def quota_key(api: str, method: str) -> str | None:
    """The quota a request counts against, or None (Vitally and control routes are not counted here)."""
    if api in ("sheets", "docs"):
        return f"{api}_{'read' if method.upper() == 'GET' else 'write'}"
    return "drive" if api == "drive" else None


class Quotas:
    """Sliding-window counters per (quota, user); thread-safe; `admit` answers False over the limit."""

    def __init__(
        self, scale: float | None, window_s: float = WINDOW_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.scale = scale
        self.window_s = window_s
        self._clock = clock
        self._hits: dict[tuple[str, str], collections.deque[float]] = collections.defaultdict(
            collections.deque
        )
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls) -> Quotas:
        return cls(parse_scale(os.environ.get(ENV)))

    @property
    def enabled(self) -> bool:
        return self.scale is not None

    def limit(self, key: str) -> int:
        return max(1, int(PUBLISHED_PER_MINUTE[key] * (self.scale or 1)))

    def vitally_limit(self, published: int) -> int:
        return max(1, int(published * (self.scale or 1)))

    def admit(self, api: str, method: str, user: str) -> bool:
        key = quota_key(api, method)
        if self.scale is None or key is None:
            return True
        with self._lock:
            now = self._clock()
            hits = self._hits[(key, user)]
            while hits and hits[0] <= now - self.window_s:
                hits.popleft()
            if len(hits) >= self.limit(key):
                return False
            hits.append(now)
            return True

    def refusal(self, api: str, method: str) -> ApiError:
        """The error an over-quota request gets from this service."""
        if api == "drive":
            return ApiError(403, "User Rate Limit Exceeded", reason="userRateLimitExceeded")
        return ApiError(429, self.message(api, method))

    def message(self, api: str, method: str) -> str:
        key = quota_key(api, method) or api
        kind = "Write" if key.endswith("_write") else "Read" if key.endswith("_read") else "Queries"
        return (
            f"Quota exceeded for quota metric '{kind} requests' and limit '{kind} requests per minute "
            f"per user' of service '{api}.googleapis.com'."
        )
