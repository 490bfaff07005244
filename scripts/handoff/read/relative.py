"""A date given relative to another date of its sentence: "kicked off on Monday 3 August 2026 and
started installing the production cluster the day after", "the build began on 8 June and was signed
off two weeks later".

The date written belongs to the first event (the kick-off); the second event happened that many days
or weeks after it. A careful reader does the arithmetic: the build started on 4 August. So a
clause after a date that tells a build's start or completion and ends on an offset (`the day
after`, `the next day`, `three days later`, `two weeks after that`) is dated the written date plus
the offset; when both clauses tell the same kind of event (a kick-off, then the start of the
install), the later clause's is the build's and the written date is not. An offset followed by a
date of its own ("two weeks later, on Monday 22 June 2026") is left to that date; a month, a
working day or an offset from a named event ("the day after the review") gives nothing.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from handoff.core.quickre import opened
from handoff.read import shapes

_NUMBER = "|".join(sorted((w for w in shapes.NUMBER_WORDS if " " not in w), key=len, reverse=True))
OFFSET = opened(
    re.compile(
        r"\b(?:(?P<one>the\s+(?:next|following)\s+day|the\s+day\s+after(?:wards)?)"
        rf"|(?:exactly\s+|just\s+|only\s+)?(?P<n>\d{{1,2}}|{_NUMBER})\s+(?P<unit>days?|weeks?)\s+"
        r"(?:later|after(?:wards)?(?:\s+(?:that|this|it))?))"
        # the offset closes its clause: not "the day after the review", "two weeks later, on 22 June"
        r"(?=\s*(?:[.;)!]|,\s*(?![^.;]{0,24}\d)|\s+and\b|\s+but\b|$))",
        re.IGNORECASE,
    )
)


def offset_days(m: re.Match[str]) -> int | None:
    """The days an offset match stands for."""
    if m.group("one"):
        return 1
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else shapes.NUMBER_WORDS.get(word)
    if not isinstance(n, int) or n < 1:
        return None
    return n * (7 if m.group("unit").lower().startswith("week") else 1)


def shifted(iso: str, days: int) -> str | None:
    """An ISO date `days` later, or None when `iso` is not a full date."""
    try:
        return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=days)).isoformat()
    except ValueError:
        return None


def relative_dates(
    s: str, found: list[shapes.Match], kind: Callable[[str], tuple[str | None, str]]
) -> list[tuple[int, str, str, int, re.Match[str]]]:
    """For each written date of sentence `s` (`found`, in order) followed in its sentence by a clause
    that tells an event (`kind` of the words between: start_date or completion_date) and closes on an
    offset: (index of the date, the event's field, its ISO date, where the offset is, the offset)."""
    out: list[tuple[int, str, str, int, re.Match[str]]] = []
    if "after" not in s and "later" not in s and "next day" not in s and "following day" not in s:
        return out
    for i, m in enumerate(found):
        end = found[i + 1].start if i + 1 < len(found) else len(s)
        off = OFFSET.search(s, m.end)
        if off is None or off.end() > end:
            continue
        name, _how = kind(s[m.end : off.start()])
        days = offset_days(off)
        day = shifted(m.value, days) if name and days else None
        if name and day:
            out.append((i, name, day, off.start(), off))
    return out


__all__ = ["OFFSET", "offset_days", "relative_dates", "shifted"]
