"""The record of what handoff wrote to a Vitally account, carried on the account itself.

Every trait PUT also sends one more trait (`vitally.record_trait`, by default
`vitally.custom.handoffWritten`): a compact JSON string mapping each trait key handoff owns to
a short fingerprint of the value it wrote. It travels in the same request as the values, so
the record and the write can never disagree: a run that stops after the PUT (the sheet down,
a kill -9, a lost answer) still leaves a true record. The three-way diff takes its "last
written" base from it; the state tab's `traits` is only a cache (and the base for accounts an
older version wrote, which carry no record).

A JSON *string*, not a nested object: Vitally documents trait values as strings, numbers,
booleans, dates and lists; nested objects are not documented, and a string trait is stored
as sent. Fingerprints follow `traits.same` (48 == 48.0, dates by their day, text stripped),
so a value Vitally normalises still counts as the one handoff wrote.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

RECORD_VERSION = 1
FINGERPRINT_CHARS = 12  # 48 bits: a collision between a TA's edit and ours is not a practical risk


def canonical(value: Any) -> Any:
    """The form two values share exactly when `traits.same` calls them equal (near enough)."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return format(float(value), ".12g")
    if isinstance(value, str):
        text = value.strip()
        iso_date = len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-" and text[:4].isdigit()
        return text[:10] if iso_date else text
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): canonical(v) for k, v in sorted(value.items())}
    return str(value)


def fingerprint(value: Any) -> str:
    text = json.dumps(canonical(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_CHARS]


def fingerprints(values: Mapping[str, Any]) -> dict[str, str]:
    return {key: fingerprint(value) for key, value in values.items()}


def encode(record: Mapping[str, str]) -> str:
    """The trait value: {"v": 1, "h": {trait key: fingerprint}}, compact and in key order."""
    return json.dumps({"v": RECORD_VERSION, "h": dict(sorted(record.items()))}, separators=(",", ":"))


def decode(value: Any) -> dict[str, str] | None:
    """The record in a trait value: None when there is none; ValueError when it is not handoff's."""
    if value is None or value == "":
        return None
    try:
        data = json.loads(value) if isinstance(value, str) else value
    except json.JSONDecodeError:
        raise ValueError("it is not JSON") from None
    if not isinstance(data, dict) or data.get("v") != RECORD_VERSION or not isinstance(data.get("h"), dict):
        raise ValueError(f"it is not a handoff record of version {RECORD_VERSION}")
    record = data["h"]
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in record.items()):
        raise ValueError("its entries are not trait fingerprints")
    return dict(record)
