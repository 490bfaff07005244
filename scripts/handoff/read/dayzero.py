"""Days written as offsets from a declared day zero: a runbook or cut-over plan that declares its
day zero once (`D0 = Monday 13 July 2026`, `T-0: 2026-07-13`, `Day 0 is 13 July 2026`, `D-Day (13
July 2026)`) and then dates every step only by its offset (`D+11 – Cutover … Migration complete`,
`T+3`, `D-2`, `Day 11`). A careful reader does the arithmetic, so each offset is read as the date
it stands for (`D+11` is 24 July 2026): the text is glossed once per document, the document's own
words kept for quoting (`doctext.Texts.gloss`).

Only offsets of the tag that was declared count (`T+3` means nothing beside a declared `D0`), and a
document that declares no day zero, or two different ones, is left as written. A bare `Day N`
(no sign) is an offset only when the declaration was itself `Day 0` or `Day 1` (then `Day 1` is the
first day).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from handoff.core.longdate import long_date
from handoff.core.quickre import quick
from handoff.read import shapes

# the declaration: a tag with its zero (or, for `Day`, one) and then its date, written right after an
# `=`, a colon, a dash, an opening bracket or `is`/`was`/`falls on` (a weekday may open the date)
_TAG = r"(?P<tag>D(?=[\s-]?0)|T(?=[\s-]?0)|Day(?=\s?[01]\b)|D-Day)"
_DECLARED = quick(
    rf"(?<![\w.+/-]){_TAG}(?:[\s-]?(?P<k>[01]))?(?![\w.+])\s*"
    r"(?:=|:|\(|–|—|-|\bis\b|\bwas\b|\bwill\s+be\b|\bfalls\s+on\b)\s*(?:on\s+)?",
)
_WEEKDAY = re.compile(
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+", re.IGNORECASE
)
_MAY_DECLARE = quick(r"D-?0|T-?0|Day [01]|D-Day|D 0|T 0")


@dataclass(frozen=True)
class DayZero:
    tag: str  # as declared: `D`, `T`, `Day`, `D-Day`
    day: datetime.date  # the date of offset 0
    offsets: re.Pattern[str]
    one: bool = False  # declared as `Day 1`: the first day is day one

    def date_of(self, m: re.Match[str]) -> str | None:
        """The date an offset match stands for, written out (`24 July 2026`)."""
        if m.group("zero") is not None:
            return self.written(0)
        n = int(m.group("n"))
        sign = m.group("sign")
        if sign is None:  # `Day 11` after `Day 1 = …` / `Day 0 = …`
            days = n - (1 if self.one else 0)
        elif sign == "+":
            days = n
        else:
            days = -n
        return self.written(days) if abs(days) <= 400 else None

    def written(self, days: int) -> str:
        day = self.day + datetime.timedelta(days=days)
        return long_date(day)

    def gloss(self, text: str) -> tuple[str, Callable[[int], int]]:
        """`text` with each offset of the declared tag written as its date, and where each old offset
        now is (the declaration itself is kept as written)."""
        if self.tag[0] not in text:
            return text, _same
        edits: list[tuple[int, int, str]] = []
        for m in self.offsets.finditer(text):
            if _declaration_at(text, m.start()):
                continue
            written = self.date_of(m)
            if written:
                edits.append((m.start(), m.end(), written))
        if not edits:
            return text, _same
        return _apply(text, edits)


def _same(at: int) -> int:
    return at


def _apply(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, Callable[[int], int]]:
    parts: list[str] = []
    moves: list[tuple[int, int]] = []  # (old end, shift after it)
    last = 0
    shift = 0
    for a, b, new in edits:
        parts.append(text[last:a])
        parts.append(new)
        shift += len(new) - (b - a)
        moves.append((b, shift))
        last = b
    parts.append(text[last:])

    def moved(at: int) -> int:
        step = 0
        for end, s in moves:
            if at >= end:
                step = s
            else:
                break
        return at + step

    return "".join(parts), moved


def _declaration_at(text: str, at: int) -> bool:
    """Whether the tag at `at` opens a day zero's declaration (kept as written)."""
    m = _DECLARED.match(text, at)
    return m is not None and _date_right_after(text, m.end()) is not None


def _date_right_after(text: str, at: int) -> shapes.Match | None:
    rest = text[at : at + 60]
    w = _WEEKDAY.match(rest)
    skip = w.end() if w else 0
    for d in shapes.dates(rest):
        if d.start == skip and len(d.value) == 10:
            return d
        break
    return None


def _offsets(tag: str, bare: bool) -> re.Pattern[str]:
    name = re.escape(tag)
    signed = r"(?:(?P<sign>[+\-−–])\s?(?P<n>\d{1,3})|(?P<zero>-?0))"
    if bare:  # `Day 11` as well as `Day +11`
        signed = r"(?:(?:(?P<sign>[+\-−–])\s?)?(?P<n>\d{1,3})(?P<zero>(?!))?)"
    return re.compile(rf"(?<![\w.+/-]){name}\s?{signed}(?:\s?d(?:ays?)?)?(?![\w.,]\d|[\w%])")


def learn(text: str) -> DayZero | None:
    """The document's day zero, when it declares one (and only one date for it)."""
    if _MAY_DECLARE.search(text) is None:
        return None
    found: dict[tuple[str, bool], tuple[str, tuple[int, int]]] = {}
    for m in _DECLARED.finditer(text):
        d = _date_right_after(text, m.end())
        if d is None:
            continue
        tag = m.group("tag")
        one = tag == "Day" and (m.group("k") == "1")
        if tag in ("D", "T") and m.group("k") is None:
            continue
        found.setdefault((tag, one), (d.value, m.span("tag")))
        if found[(tag, one)][0] != d.value:
            return None  # two different days zero: read nothing
    if len(found) != 1:
        return None
    (((tag, one), (iso, _span)),) = found.items()
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return None
    bare = tag == "Day"
    return DayZero(tag, day, _offsets("D" if tag == "D-Day" else tag, bare), one)
