"""A column whose header dates its figures before a change: the figures that no longer hold.

A review after a resize, a change record or an upgrade report sets the old figures beside the new
ones: `Item | Before (until 17 Oct) | Now (since 18 Oct)`, `Setting | Previous | Current`,
`Metric | Was | Is`, `Old value | New value`. A careful reader takes the column that says it is
now and leaves the one that says it was: its figures are history, whatever row they sit in.

A table of figures over time dates its other columns instead (`Metric | Q2 2026 (30 Jun) | Now (30 Sep
2026) | Projection (Jun 2027)`): beside a column that says it is now, a column whose header is only a
time (a quarter, a month, a year, a day) holds the figures of another time, before or after, never
the current ones (`others`).

`past(header)`: the header says its column held the values before (before, previous, old, was,
former, prior, until a date, replaced, retired) and says nothing of now; `now(header)`: the header
says its column holds them now (now, current, new, since a date, after), the value column beside a
past one. A column of plans
(`Target`, `Proposed`) is a different thing (`words.is_planned`); a header naming both (`Before →
now`) is none of these.
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened

_PAST = re.compile(
    r"\b(?:before|previous(?:ly)?|old|was|were|former(?:ly)?|prior|until|till|earlier|replaced|retired|"
    r"decommissioned|pre-(?:change|resize|upgrade|migration))\b",
    re.IGNORECASE,
)
_NOW = opened(
    re.compile(
        r"\b(?:now|current(?:ly)?|new|is|since|today|after|actual|as[- ]built|latest)\b", re.IGNORECASE
    )
)


_TIME = re.compile(
    r"\b(?:[QH][1-4]|FY\s?\d{2,4}|(?:19|20)\d\d|\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|quarter|month|year|week|end|start|as|of|at)\b|[^\w\s]",
    re.IGNORECASE,
)  # the words of a time (`Q2 2026 (30 Jun)`, `End of June`, `FY26`, `as of 30 Jun`)
_NAMED_TIME = re.compile(
    r"\b(?:[QH][1-4]|FY\s?\d{2,4}|(?:19|20)\d\d|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|january"
    r"|february|march|april|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)  # what names the time (a bare `30` or `end` does not)


def dated(header: str) -> bool:
    """Whether a column's header is only a time (`Q2 2026 (30 Jun)`, `Jun 2027`, `FY26`) or a time
    counted from now (`+12 months`, `In 2 years`, `Year 2`, `T+6m`: `horizon`): the figures of that time."""
    return (bool(_NAMED_TIME.search(header)) and not _TIME.sub("", header).strip()) or horizon(header)


# a time counted from now: `+12 months`, `+1 yr`, `In 24 months`, `T+6m`, `12 months out`, `Year 2`,
# `Month 18`, `Next year`, `Two years ahead`; a bracket after it may say what it is (`(budget request)`)
_HORIZON = re.compile(
    r"(?:(?:\+|plus|in|after|t\s*\+)\s*(?P<n>\d{1,2}|one|two|three|four|five|six)\s*-?\s*"
    r"(?:months?|mos?|m|years?|yrs?|y|"
    r"quarters?|qtrs?|q)\b(?:\s+(?:out|ahead|later|on|from now))?"
    r"|(?:\d{1,2}|one|two|three|four|five|six)\s*-?\s*(?:months?|years?|quarters?)\s+"
    r"(?:out|ahead|later|on|from now)"
    r"|(?:year|yr|month|quarter)\s*\d{1,2}|next\s+(?:year|quarter|fy|financial year|fiscal year))",
    re.IGNORECASE,
)


def horizon(header: str) -> bool:
    """Whether a column's header is only a time counted from now (`+12 months`, `In 2 years`, `Year 2`,
    `Next year`; a bracket after it may say what it holds): another time's figures beside a column of
    now (a capacity plan's `Current | +12 months | +24 months`)."""
    bare = re.sub(r"\([^()]*\)", " ", header).strip(" :–—-")
    return bool(_HORIZON.fullmatch(bare))


# a milestone of the build, its figures those of that day: `Go-live (31 Jul)`, `At launch`, `Initial
# build`, `First size`, `Day 1`, `Cut-over`
_MILESTONE = re.compile(
    r"\b(?:go[- ]?live|launch(?:ed)?|cut-?over|initial(?:ly)?|first\s+(?:build|size|sizing|install(?:ation)?|"
    r"deployment)|day\s*(?:one|1|0))\b",
    re.IGNORECASE,
)
# the words a milestone's header may name its thing with (`Production at launch`, `Initial build`)
_THING = re.compile(
    r"\b(?:production|prod|prd|live|cluster|environment|env|instance|deployment|build|setup|size|sizing|"
    r"fleet|nodes|at|on|in|the)\b",
    re.IGNORECASE,
)


def milestone(header: str) -> bool:
    """Whether a column's header names a milestone of the build, alone, with its date or with the thing
    (`Go-live (31 Jul)`, `Production at launch`, `Initial build`, `Day 1`): beside a column that says
    it is now, the figures of that day."""
    m = _MILESTONE.search(header)
    rest = header[: m.start()] + " " + header[m.end() :] if m else ""
    return m is not None and not _TIME.sub("", _THING.sub("", rest)).strip()


def others(header: list[str]) -> set[int]:
    """The columns (after the first) of figures of another time than now: a past column, or a column
    headed by a time alone or by a milestone of the build beside one that says it is now (`Q2 2026 (30
    Jun)`, `Go-live (31 Jul)` beside `Now (30 Sep)`)."""
    current = any(now(h) for h in header[1:])
    return {
        j
        for j, h in enumerate(header[1:], 1)
        if past(h) or (current and not now(h) and (dated(h) or milestone(h)))
    }


# a column saying it holds the figures now in so many words (`Production now (v1.7)`, `Current`, `Today`)
_PRESENT = re.compile(r"\b(?:now|current(?:ly)?|today|latest|as of today)\b", re.IGNORECASE)
# a column of the state as first built or delivered (`Production as built (v1.0, June)`, `As delivered`)
_AS_BUILT = re.compile(r"\bas[- ](?:built|delivered|installed|handed over)\b|\bat (?:go-?live|handover)\b",
                       re.IGNORECASE)  # fmt: skip


def built_then(header: str, beside: list[str]) -> bool:
    """Whether a column's header names the state as built (`Production as built (v1.0, June)`) and a
    column beside it says its figures are those of now (`Production now (v1.7)`): a living document's
    table keeping the go-live figures next to the current ones; the as-built column is history."""
    return (
        bool(_AS_BUILT.search(header))
        and not _PRESENT.search(header)
        and any(_PRESENT.search(h) and not _AS_BUILT.search(h) for h in beside)
    )


def past(header: str) -> bool:
    """Whether a column's header says its figures held before a change and not now."""
    return bool(_PAST.search(header)) and not _NOW.search(header)


def now(header: str) -> bool:
    """Whether a column's header says its figures hold now (`Now (since 18 Oct)`, `New value`,
    `After`): read as the values when a column of the past stands beside it."""
    return bool(_NOW.search(header)) and not _PAST.search(header)


__all__ = ["built_then", "dated", "horizon", "milestone", "now", "others", "past"]
