"""Fault injection for the sandbox: latency, 429 with Retry-After, 5xx, dropped connections.

A rule matches a request by API (`sheets`, `docs`, `drive`, `vitally`, or `*`), by route
name glob (`vitally.accounts.update`, `drive.files.*`), by HTTP method, and/or by a path
regex. `count` is how many matching requests it affects (`0` = every one, forever);
rules are consumed in order. Sources, all merged:

* `HANDOFF_SANDBOX_FAULTS`: JSON (a list of rules) or a path to a JSON file;
* `POST /_sandbox/faults` with a JSON list (`DELETE /_sandbox/faults` clears);
* `handoff sandbox serve --faults FILE`.

Rule keys: api, route, method, path, kind ("latency" | "429" | "5xx" | "drop" | "drop_after"),
count, latency_ms, retry_after (seconds, for 429), status (for 5xx, default 503).

`drop` closes the connection before the handler runs (the request never happened);
`drop_after` runs the handler, so the write is done, then closes the connection without an
answer: the client cannot tell the two apart, which is what a retried create must survive.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

KINDS = ("latency", "429", "5xx", "drop", "drop_after")
APIS = ("*", "sheets", "docs", "drive", "vitally")


@dataclass
class FaultRule:
    kind: str
    api: str = "*"
    route: str = "*"
    method: str = "*"
    path: str | None = None
    count: int = 1
    latency_ms: int = 0
    retry_after: float | None = 1
    status: int = 503
    hits: int = 0

    def __post_init__(self) -> None:
        """Every key checked here, so a bad rule is refused when it is given (a 400 from the control
        endpoint, one line naming HANDOFF_SANDBOX_FAULTS), never while requests are served."""
        self.kind = str(self.kind)
        if self.kind not in KINDS:
            raise ValueError(f"fault kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if self.api not in APIS:
            raise ValueError(f"api {self.api!r} is not one of {', '.join(APIS)}")
        for key in ("route", "method"):
            if not isinstance(getattr(self, key), str):
                raise ValueError(f"{key} must be a string, not {getattr(self, key)!r}")
        _whole(self, "count", 0)
        _whole(self, "latency_ms", 0)
        _whole(self, "status", 100, 599)
        if self.retry_after is not None and (
            isinstance(self.retry_after, bool)
            or not isinstance(self.retry_after, int | float)
            or self.retry_after < 0
        ):
            raise ValueError(f"retry_after must be a number of seconds ≥ 0, not {self.retry_after!r}")
        if self.path is not None:
            if not isinstance(self.path, str):
                raise ValueError(f"path must be a regular expression, not {self.path!r}")
            try:
                re.compile(self.path)
            except re.error as exc:
                raise ValueError(f"path {self.path!r} is not a regular expression ({exc})") from None

    def matches(self, api: str, route: str, method: str, path: str) -> bool:
        if self.count and self.hits >= self.count:
            return False
        return (
            self.api in ("*", api)
            and fnmatch.fnmatchcase(route, self.route)
            and self.method.upper() in ("*", method.upper())
            and (self.path is None or re.search(self.path, path) is not None)
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _whole(rule: FaultRule, key: str, low: int, high: int | None = None) -> None:
    value = getattr(rule, key)
    if isinstance(value, bool) or not isinstance(value, int) or value < low or (high and value > high):
        bounds = f"from {low} to {high}" if high else f"≥ {low}"
        raise ValueError(f"{key} must be a whole number {bounds}, not {value!r}")


def parse_rules(data: Any) -> list[FaultRule]:
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ValueError("faults must be a JSON list of rules")
    known = set(FaultRule.__dataclass_fields__) - {"hits"}
    rules = []
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise ValueError(f"fault rule #{i + 1} must be an object")
        unknown = set(item) - known
        if unknown:
            raise ValueError(f"fault rule #{i + 1}: unknown key(s) {', '.join(sorted(unknown))}")
        if "kind" not in item:
            raise ValueError(f"fault rule #{i + 1}: 'kind' is missing (one of {', '.join(KINDS)})")
        try:
            rules.append(FaultRule(**item))
        except ValueError as exc:
            raise ValueError(f"fault rule #{i + 1}: {exc}") from None
    return rules


def load_rules(spec: str | None) -> list[FaultRule]:
    """Rules from a JSON text or a path to a JSON file (the `HANDOFF_SANDBOX_FAULTS` forms);
    ValueError with one readable line for a missing file, bad JSON or a bad rule."""
    if not spec or not spec.strip():
        return []
    if spec.lstrip().startswith(("[", "{")):
        text, where = spec, ""
    else:
        try:
            text, where = Path(spec).read_text(encoding="utf-8"), f"{spec}: "
        except OSError as exc:
            raise ValueError(
                f"no readable JSON file {spec!r} ({exc.strerror or type(exc).__name__})"
            ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"{where} is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    return parse_rules(data)


class FaultPlan:
    """The live set of rules; thread-safe; first matching rule wins and is counted."""

    def __init__(self, rules: list[FaultRule] | None = None) -> None:
        self._rules = list(rules or [])
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls) -> FaultPlan:
        return cls(load_rules(os.environ.get("HANDOFF_SANDBOX_FAULTS")))

    def add(self, rules: list[FaultRule]) -> None:
        with self._lock:
            self._rules.extend(rules)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def take(self, api: str, route: str, method: str, path: str) -> list[FaultRule]:
        """All rules this request triggers: any latency rules plus at most one failing rule."""
        hit: list[FaultRule] = []
        with self._lock:
            failing_taken = False
            for rule in self._rules:
                if not rule.matches(api, route, method, path):
                    continue
                if rule.kind == "latency":
                    rule.hits += 1
                    hit.append(rule)
                elif not failing_taken:
                    rule.hits += 1
                    hit.append(rule)
                    failing_taken = True
        return hit

    def to_json(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r.to_json() for r in self._rules]
