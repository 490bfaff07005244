"""Vitally traits: typing field values the way Vitally expects, and the three-way diff.

Three values per trait: *desired* (from the merged handoff), *current* (in Vitally now) and
*last written* (what this tool wrote last time: a fingerprint from the record trait the account
carries, see core/written.py). When current differs from last written, someone else (the TA)
changed it: keep theirs, report it, and overwrite only with an explicit per-field force.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

from handoff.core.written import fingerprint
from handoff.plan.changes import Change, ChangeKind


def to_vitally(value: Any, list_style: str = "array") -> Any:
    """A typed field value as Vitally stores it: numbers (one decimal at most), dates ISO 8601 UTC, lists."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):  # noon UTC: the same calendar day from UTC-11 to UTC+11 (docs/values.md)
        return f"{value.isoformat()}T12:00:00.000Z"
    if isinstance(value, int):
        return value
    if isinstance(value, float):  # at most one decimal: 6.25 GB → 6.2, 224.0 → 224
        rounded = round(value, 1)
        return int(rounded) if rounded.is_integer() else rounded
    if isinstance(value, list | tuple):
        items = [str(to_vitally(v, list_style)) for v in value]
        return items if list_style == "array" else "; ".join(items)
    return str(value)


def same(a: Any, b: Any) -> bool:
    """Equality as a person would see it: 48 == 48.0, list order kept, dates by their day."""
    if a is None or a == "" or a == []:
        return b is None or b == "" or b == []
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, str) and isinstance(b, str):
        if _is_iso_date(a) and _is_iso_date(b):
            return a[:10] == b[:10]
        return a.strip() == b.strip()
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _is_iso_date(s: str) -> bool:
    return len(s) >= 10 and s[4:5] == "-" and s[7:8] == "-" and s[:4].isdigit()


def diff_traits(
    desired: Mapping[str, Any],
    current: Mapping[str, Any],
    base: Mapping[str, str],
    force: Iterable[str] = (),
    labels: Mapping[str, str] | None = None,
    written: Mapping[str, Any] | None = None,
) -> list[Change]:
    """The trait changes to send (trait.set) and the TA edits to keep (trait.keep), in key order.

    `base`: trait key -> fingerprint of the value handoff last wrote (core/written.py);
    `written`: the values themselves where known (the state cache), only to word the report."""
    forced = set(force)
    labels = labels or {}
    written = written or {}
    changes: list[Change] = []
    for key in sorted(desired):
        want, now = desired[key], current.get(key)
        if same(want, now):
            continue
        name = labels.get(key, key)
        edited = key in base and fingerprint(now) != base[key]  # by the TA, since our write
        if edited and key not in forced and name not in forced:
            old = written.get(key)
            what = f"wrote {old!r}" if key in written and fingerprint(old) == base[key] else "wrote it"
            changes.append(
                Change(
                    ChangeKind.TRAIT_KEEP,
                    key,
                    now,
                    want,
                    f"changed in Vitally since handoff {what}; kept (use --force-field {name} to overwrite)",
                )
            )
            continue
        reason = "forced over a Vitally edit" if edited else ("new" if now is None else "value changed")
        changes.append(Change(ChangeKind.TRAIT_SET, key, now, want, reason))
    return changes
