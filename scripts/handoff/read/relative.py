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

from handoff.core.quickre import opened, quick
from handoff.read import shapes

_NUMBER = "|".join(sorted((w for w in shapes.NUMBER_WORDS if " " not in w), key=len, reverse=True))
OFFSET = opened(
    re.compile(
        r"\b(?:(?P<one>the\s+(?:next|following)\s+day|the\s+day\s+after(?:wards)?)"
        # the written day itself: "handed the VM over on 4 Aug and I started the install that day"
        r"|(?P<zero>(?:later\s+)?(?:that|the\s+same)\s+(?:day|morning|afternoon|evening)|on\s+the\s+same\s+day)"
        rf"|(?:exactly\s+|just\s+|only\s+)?(?P<n>\d{{1,2}}|{_NUMBER})\s+(?P<unit>days?|weeks?)\s+"
        r"(?:later|after(?:wards)?(?:\s+(?:that|this|it))?))"
        # the offset closes its clause: not "the day after the review", "two weeks later, on 22 June"
        r"(?=\s*(?:[.;)!]|,\s*(?![^.;]{0,24}\d)|\s+and\b|\s+but\b|$))",
        re.IGNORECASE,
    )
)


_MAY_OFFSET = quick(
    r"after|later|next day|following day|that day|same|that morning|that afternoon|that evening",
    re.IGNORECASE,
)


def offset_days(m: re.Match[str]) -> int | None:
    """The days an offset match stands for."""
    if m.group("one"):
        return 1
    if m.group("zero"):
        return 0
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
    if not _MAY_OFFSET.search(s):
        return out
    for i, m in enumerate(found):
        end = found[i + 1].start if i + 1 < len(found) else len(s)
        off = OFFSET.search(s, m.end)
        if off is None or off.end() > end:
            continue
        name, _how = kind(s[m.end : off.start()])
        days = offset_days(off)
        day = shifted(m.value, days) if name and days is not None else None
        if name and day:
            out.append((i, name, day, off.start(), off))
    return out


# A sentence with no date of its own that says when it happened from the day told before it ("Two days
# later the Gerrit connection followed.", "On the following Monday we declared the build complete.",
# a log's entry "the following Monday — production build complete"): the day it counts from is the
# last one told before it in its paragraph or list (its anchor), and each such day is the anchor of the
# next. A day in the week after the anchor is the first such weekday after it; an offset that gives no
# day ("the following week", "a few days later", "later that month") ends the chain: nothing after it
# counts from the anchor before it.
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = "|".join(_WEEKDAY_NAMES)
_COUNT = rf"\d{{1,2}}|{_NUMBER}"
# (an offset from a named event, "two days after the review", "the day after go-live", counts from
# that event, not from the day told before)
_NOT_EVENT = r"(?!\s+(?:the|our|their|its|go-?live|sign-?off|acceptance|handover|kick-?off|cut-?over)\b)"
_AFTER = rf"(?:later|after(?:wards)?(?:\s+(?:that|this))?{_NOT_EVENT})"
LEAD = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<one>(?:the\s+)?(?:next|following)\s+day|the\s+day\s+after(?:wards)?{_NOT_EVENT}|a\s+day\s+later"
    rf"|the\s+morning\s+after{_NOT_EVENT})"
    r"|(?P<same>(?:that|the)\s+same\s+(?:day|morning|afternoon|evening)|later\s+(?:that|the\s+same)\s+day"
    r"|that\s+(?:morning|afternoon|evening))"
    rf"|(?P<n>{_COUNT})\s+(?P<unit>days?|weeks?)\s+{_AFTER}"
    rf"|(?P<a>a|one)\s+(?P<aunit>week)\s+{_AFTER}"
    rf"|(?:the\s+)?(?:next|following)\s+(?P<wd>{_WEEKDAY})|(?P<wd2>{_WEEKDAY})\s+after\s+(?:that|this)"
    rf"|the\s+(?P<wd3>{_WEEKDAY})\s+after(?:wards)?{_NOT_EVENT}"
    r"|(?P<vague>(?:the\s+)?(?:next|following)\s+(?:week|month)|(?:a\s+few|several|some|a\s+couple\s+of)\s+"
    r"(?:days|weeks)\s+(?:later|after)|later\s+that\s+(?:week|month)|a\s+(?:week|month)\s+or\s+so\s+later)"
    r")(?![\w-])",
    re.IGNORECASE,
)
_MAY_LEAD = quick(r"later|after|next|following|same|that morning|that afternoon|that evening", re.IGNORECASE)


def may_lead(text: str) -> bool:
    """Whether a text may hold a relative day (`LEAD`): a quick literal test."""
    return _MAY_LEAD.search(text) is not None


def lead_day(s: str, anchor: str) -> tuple[str, re.Match[str]] | None:
    """The day a dateless sentence's relative date (`LEAD`) names, counted from `anchor` (an ISO date,
    or "" when none is known), with its match; ("", match) when it names no day or has nothing to count
    from; None when the sentence has no relative date."""
    m = LEAD.search(s) if may_lead(s) else None
    if m is None:
        return None
    if m.group("vague") or not anchor:
        return "", m
    try:
        day = datetime.date.fromisoformat(anchor)
    except ValueError:
        return "", m
    if m.group("same"):
        return anchor, m
    if m.group("one"):
        return shifted(anchor, 1) or "", m
    if m.group("a"):
        return shifted(anchor, 7) or "", m
    if m.group("n"):
        word = m.group("n").lower()
        n = int(word) if word.isdigit() else shapes.NUMBER_WORDS.get(word)
        if not isinstance(n, int) or n < 1:
            return "", m
        return shifted(anchor, n * (7 if m.group("unit").lower().startswith("week") else 1)) or "", m
    weekday = _WEEKDAY_NAMES.index((m.group("wd") or m.group("wd2") or m.group("wd3")).lower())
    ahead = (weekday - day.weekday() - 1) % 7 + 1  # the first such weekday after the anchor
    return (day + datetime.timedelta(days=ahead)).isoformat(), m


def next_anchor(anchor: str, dates: list[shapes.Match], lead: tuple[str, re.Match[str]] | None) -> str:
    """The anchor after a sentence or entry: its last full date written, else the day its relative date
    named ("" when that named none), else the anchor before it."""
    full = [m.value for m in dates if len(m.value) == 10]
    if full:
        return full[-1]
    return lead[0] if lead is not None else anchor


def anchor_after(anchor: str, texts: list[tuple[str, str]]) -> str:
    """The anchor after paragraphs or list items read in turn (`texts`: each with its year), starting
    from `anchor`: each one's last full date, else the day its relative date names, else unchanged."""
    for text, year in texts:
        dates = list(shapes.dates(text, year)) if shapes.DIGIT.search(text) else []
        anchor = next_anchor(anchor, dates, None if dates else lead_day(text, anchor))
    return anchor


__all__ = [
    "LEAD",
    "OFFSET",
    "anchor_after",
    "lead_day",
    "may_lead",
    "next_anchor",
    "offset_days",
    "relative_dates",
    "shifted",
]
