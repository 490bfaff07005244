"""The benchmark's arithmetic, pure: API calls from the sandbox request log, and the time floors.

* `calls(entries)`: counts by route and by (API, kind), kind being read (GET) or write.
* `quota_floor`: the earliest the last call can go out under the client's sliding-window
  limits: for a quota of L requests per window W, n requests need at least ⌊(n−1)/L⌋·W seconds
  (a window's worth go at once, the next one a window later).
* `latency_floor`: with c accounts in flight and λ per request, the batch's shared requests
  run one after another and the per-account requests c at a time: λ·(shared + per_account·N/c).
  (It ignores the sandbox's own service time and the tool's CPU time: a floor, not a model.)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from handoff.clients.ratelimit import WINDOW_SECONDS, quota_key

# Requests a batch makes once, whatever its size (the Drive lookup: once per 40 accounts).
SHARED_ROUTES = frozenset(
    {
        "sheets.values.batchGet",
        "sheets.spreadsheets.get",
        "sheets.values.batchUpdate",
        "sheets.spreadsheets.batchUpdate",
    }
)
# The floor of a first handoff, per account (the TA lookup is cached per batch, so it is shared).
FLOOR_ROUTES = (
    "docs.documents.get",
    "drive.files.create.upload",
    "drive.permissions.create",
    "vitally.accounts.get",
    "vitally.accounts.update",
    "vitally.notes.create",
    "vitally.tasks.create",
)
API_KINDS = (
    ("sheets", "read"),
    ("sheets", "write"),
    ("docs", "read"),
    ("docs", "write"),
    ("drive", "read"),
    ("drive", "write"),
    ("vitally", "read"),
    ("vitally", "write"),
)


def kind(entry: Mapping[str, Any]) -> str:
    return "read" if entry.get("method") == "GET" else "write"


@dataclass(frozen=True)
class Calls:
    """One run's requests as the sandbox logged them."""

    by_route: Counter[str]
    by_api_kind: Counter[tuple[str, str]]
    throttled: int  # answers refusing for a rate limit: 429, or Drive's 403 userRateLimitExceeded

    @property
    def total(self) -> int:
        return sum(self.by_route.values())

    @property
    def writes(self) -> int:
        return sum(n for (_, k), n in self.by_api_kind.items() if k == "write")

    def quota_counts(self) -> Counter[str]:
        """Requests per client quota key (settings.quotas): sheets/docs split by kind."""
        out: Counter[str] = Counter()
        for (api, k), n in self.by_api_kind.items():
            out[quota_key(api, k)] += n
        return out


def calls(entries: Iterable[Mapping[str, Any]]) -> Calls:
    entries = [e for e in entries if e.get("api") in ("sheets", "docs", "drive", "vitally")]
    return Calls(
        Counter(str(e["route"]) for e in entries),
        Counter((str(e["api"]), kind(e)) for e in entries),
        sum(1 for e in entries if e.get("status") == 429 or e.get("throttled")),
    )


def quota_floor(
    counts: Mapping[str, int], limits: Mapping[str, int], window: float = WINDOW_SECONDS
) -> float:
    """Seconds the client's quotas force the batch to take at least (0 when none binds)."""
    worst = 0.0
    for key, n in counts.items():
        limit = limits.get(key)
        if limit and n > 0:
            worst = max(worst, ((n - 1) // limit) * window)
    return worst


def latency_floor(c: Calls, accounts: int, concurrency: int, latency_s: float) -> float:
    shared = sum(n for route, n in c.by_route.items() if route in SHARED_ROUTES)
    per_account = (c.total - shared) / max(1, accounts)
    waves = accounts / max(1, min(concurrency, accounts))
    return latency_s * (shared + per_account * waves)


def extrapolate(points: list[tuple[int, float]], n: int) -> float:
    """A straight line through (accounts, seconds) measurements, read at n (one point: proportional)."""
    if len(points) == 1:
        a, t = points[0]
        return t * n / a
    (a1, t1), (a2, t2) = points[0], points[-1]
    slope = (t2 - t1) / (a2 - a1)
    return t1 + slope * (n - a1)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]
