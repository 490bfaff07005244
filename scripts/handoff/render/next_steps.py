"""What the doc's "Next steps for the Technical Advisor" section needs beyond the logs: the
dated commitments found in the notes, and the review task's due date.

A commitment is a note that names a date still ahead of the doc's "as of" date (`2026-12-01`,
`Dec 1, 2026`, `1 December`, a year-less date read in the note's own year), a quarter or half
(`Q1`, `H1 2027`, `end of Q1`), or a schedule (`first Tuesday of the month`, `every 90 days`,
`monthly`, `quarterly`, `Thursdays`). A date already past (a cut-over that happened) is history,
not a commitment. Pure: no clock; `as_of` is passed in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from handoff.core.model import LogEntry
from handoff.core.quickre import opened, quick

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    )
    for m in names.split()
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATES = (
    quick(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    quick(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b", re.I),
    quick(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b", re.I),
)
# (both searched in every note, twice a render: `opened` and `quick` answer as the patterns do, sooner)
_PERIOD = opened(re.compile(r"\b(?:(?:end|start|beginning) of\s+)?[QH][1-4](?:\s+(?:FY)?\d{4})?\b"))
_SCHEDULE = quick(
    r"\b(?:(?:first|second|third|fourth|last)\s+\w+day\s+of\s+(?:the|each|every)\s+(?:month|quarter)"
    r"|every\s+\d+\s+(?:days|weeks|months)|weekly|monthly|quarterly|(?:mon|tues|wednes|thurs|fri)days)\b",
    re.I,
)


@dataclass(frozen=True)
class Commitment:
    when: str  # the words of the note that date it: "first Tuesday of the month", "end of Q1"
    entry: LogEntry


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _future_date(text: str, noted: dt.date | None, as_of: dt.date | None) -> str | None:
    for pattern in _DATES:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
            year = int(groups["year"]) if groups.get("year") else (noted or as_of or dt.date.min).year
            try:
                when = dt.date(year, month, int(groups["day"]))
            except ValueError:
                continue
            if as_of is None or when >= as_of:
                return m.group(0)
    return None


def commitments(entries: Iterable[LogEntry], as_of: Any = None) -> list[Commitment]:
    """The notes that commit to a date or a schedule still ahead, in sheet order."""
    today = _as_date(as_of)
    out = []
    for e in entries:
        text = str(e.values.get("note") or "")
        noted = _as_date(e.values.get("date"))
        phrases = [m.group(0) for p in (_SCHEDULE, _PERIOD) for m in p.finditer(text)]
        found = _future_date(text, noted, today) or max(phrases, key=len, default=None)
        if found:
            out.append(Commitment(found, e))
    return out


def add_days(value: Any, days: int | None) -> dt.date | None:
    """The day `days` after `value` (a date, datetime or ISO text), or None when either is unknown."""
    start = _as_date(value)
    return None if start is None or days is None else start + dt.timedelta(days=days)
