"""A figure or date its own words mark as not (yet) real: a target, a plan, a request, a figure to be
confirmed.

`Completed: TBC (target 30 Sep 2026)`, `Go-live: 30 Sep 2026 (target; not yet confirmed)`, `CPU: 64
vCPU requested, 48 vCPU allocated`: a careful reader enters no completion date for the first two
(the build is not complete) and 48 for the last. The mark is the figure's own when it comes right
before it (`target 30 Sep`, `TBC … 30 Sep` with nothing dated between) or right after it (`64 vCPU
requested`, `30 Sep 2026 (target …)`; not after a dash: `28 Aug 2026 — target build complete` is a
plan's line read as what happened, as the writer of a wave plan means it once the wave is done). A
mark before another figure is that figure's: in `7 October 2026 (planned 30 September)` the plan is
the 30th, and the 7th stands.

`current_part(value)`: a value whose first figure is marked so and whose later clause holds another
figure is read from that clause (`planned 3,000; today 1,500`).

`unreal(value, m)`: whether the match `m` of `value` is so marked. `real(value, found)`: the matches
not so marked.

`intended(before)`: an event's verb governed by an intention, a modal or a denial ("We expect to sign
off production on 31 July", "it will go live on 3 Aug", "was not accepted on 13 Feb"): whatever date
the verb takes, the event did not happen on it. `before`: the words right before the verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.core.quickre import opened
from handoff.read.limitwords import without_as_planned
from handoff.read.shapes import Match

_MARK = (
    r"target(?:ed)?|planned|plan|proposed|requested|pending|expected|estimated|forecast|eta|tbc|tbd|"
    r"tentative(?:ly)?|provisional(?:ly)?|not yet(?: \w+)?|to be (?:confirmed|agreed|decided)|awaiting \w+|"
    # "Baseline go-live 13 Mar 2026 | Actual go-live 20 Mar 2026", "originally planned for 13 March"; not
    # an original that is no date ("signed off by the original project team on 20 March")
    r"(?:baseline|original(?:ly)?)(?=(?:\W+(?:go[- ]?live|live|dates?|day|plan\w*|target\w*|schedul\w*|"
    r"estimat\w*|deadline|milestone|completion|sign[- ]?off|start|end|delivery|cut-?over|for|on|by|at|was|"
    r"is|set|due|as|of))*\W*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|$))"
)
_BEFORE = opened(
    re.compile(rf"\b(?:{_MARK})\b[^\d\n]{{0,24}}$", re.IGNORECASE)
)  # "target 30 Sep", "TBC (target "
_AFTER = re.compile(rf"^\s*(?:\(\s*|,\s*|;\s*)?(?:{_MARK})\b", re.IGNORECASE)  # "64 vCPU requested"


_FIGURE_END = re.compile(r"\d[\d,.]*\s*(?:[A-Za-z]{1,6}\s*)?$")  # a figure (and its unit) right before a mark
_CLAUSE_REST = re.compile(r"[^,;()\n]*")


def unreal(value: str, m: Match) -> bool:
    """Whether `value`'s words mark the figure or date `m` as a target, plan or request."""
    before = _BEFORE.search(value, 0, m.start)
    if before and not _FIGURE_END.search(value, 0, before.start()):  # "64 vCPU requested, 48 …": 64's mark
        return True
    after = _AFTER.match(value[m.end :])
    if after is None:
        return False
    rest = _CLAUSE_REST.match(value, m.end + after.end())
    return not re.search(r"\d", rest.group(0) if rest else "")  # "(planned 30 September)": another date's


def real(value: str, found: Sequence[Match]) -> list[Match]:
    """`found` less the matches `value` marks as not real; the event measured against its plan ("started
    on 30 March as planned and finished on 24 April") marks no date a plan."""
    value = without_as_planned(value)
    return [m for m in found if not unreal(value, m)]


_FIGURE = re.compile(r"\d")
_NEXT_CLAUSE = re.compile(r";\s*|,\s+|\.\s+")


def current_part(value: str) -> str:
    """`value` from the clause after its first figure when a plan or target marks that figure."""
    first = _FIGURE.search(value)
    if first is None or not _BEFORE.search(value, 0, first.start()):
        return value
    rest = _NEXT_CLAUSE.search(value, first.start())
    if rest is None or not _FIGURE.search(value, rest.end()):
        return value
    return " " * rest.end() + value[rest.end() :]


_INTENDED = re.compile(
    r"\b(?:will|shall|would|should|could|might|may|must|cannot|can't|won't|wouldn't|'ll|not|never|"
    r"(?:(?:expect|plan|intend|aim|hope|want|wish|need|hav|ha|get|try|tri|set|go|due|propos|schedul|target)"
    r"(?:s|e|es|ed|ing)?|going|yet|about|supposed|meant|likely|unlikely|unable|ready|keen|happy|hoping|aiming)\s+to|"
    r"(?:has|have|had|is|are|was|were)n't|ain't)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def intended(before: str) -> bool:
    """Whether the words right before an event's verb say it is intended, possible or denied, not done
    ("we expect to sign off", "will go live", "not yet accepted", "is due to complete")."""
    return bool(_INTENDED.search(before[-48:]))


__all__ = ["current_part", "intended", "real", "unreal"]
