"""A column whose header dates its figures before a change: the figures that no longer hold.

A review after a resize, a change record or an upgrade report sets the old figures beside the new
ones: `Item | Before (until 17 Oct) | Now (since 18 Oct)`, `Setting | Previous | Current`,
`Metric | Was | Is`, `Old value | New value`. A careful reader takes the column that says it is
now and leaves the one that says it was: its figures are history, whatever row they sit in.

`past(header)`: the header says its column held the values before (before, previous, old, was,
former, prior, until a date, replaced, retired) and says nothing of now; `now(header)`: the header
says its column holds them now (now, current, new, since a date, after), the value column beside a
past one. A column of plans
(`Target`, `Proposed`) is a different thing (`words.is_planned`); a header naming both (`Before →
now`) is none of these.
"""

from __future__ import annotations

import re

_PAST = re.compile(
    r"\b(?:before|previous(?:ly)?|old|was|were|former(?:ly)?|prior|until|till|earlier|replaced|retired|"
    r"decommissioned|pre-(?:change|resize|upgrade|migration))\b",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(?:now|current(?:ly)?|new|is|since|today|after|actual|as[- ]built|latest)\b", re.IGNORECASE
)


def past(header: str) -> bool:
    """Whether a column's header says its figures held before a change and not now."""
    return bool(_PAST.search(header)) and not _NOW.search(header)


def now(header: str) -> bool:
    """Whether a column's header says its figures hold now (`Now (since 18 Oct)`, `New value`,
    `After`): read as the values when a column of the past stands beside it."""
    return bool(_NOW.search(header)) and not _PAST.search(header)


__all__ = ["now", "past"]
