"""A licence's seats beside the number of users the deployment was sized for: the sizing is the limit.

A seat is a licence's unit, so a count of seats stands as the user limit when nothing else bounds the
users (`read.counts`). But a document written for the people who buy the licence states both: what was
bought ("1,250 seats", "a 5,000-named-user site licence", `Quantity | 2,500 user seats`) and what the
build was sized for ("sized for up to 1,000 users", `Sized for | 1,000 users / 150 concurrent`). They
differ either way round: seats bought ahead of the rollout, or fewer seats than the sizing because the
licence grows with adoption. The sizing is what a TA records as the deployment's limit; the seat count
is a commercial term. So, in one environment, a user limit counted in licence units (seats, named
users: the count's own noun) gives way to one counted in people whose own clause (or label) says the
deployment was sized, designed or agreed to handle that many ("sized for", "up to", "capacity") and
tells of no growth or plan ("will grow to", "by next year"), of no other environment, option, earlier
state or guidance ("the pilot was sized for 200 users", "option B handles up to 3,000", "originally
sized for …", "the reference architecture for up to 1,000 users"), and is no count at once (that is
concurrency's). Alone, a seat count stays the limit.

`seats_give_way(values, text_at)`: the ids of the values that give way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.model import TddValue
from handoff.read.limitwords import is_growth

# a count written in a licence's unit, its own noun right after it: "750 seats", "5,000 named users",
# "2,500 user seats" (not "1,500. (licence on 1,500 seats)": that count's noun is the label's)
_LICENCE_UNIT = re.compile(
    r"\W*(?:about |around |~\s*)?\d[\d,.\u00a0 ]*k?\s+(?:[a-z-]+\s+)?(?:seats?|named[\s-]+users?)\b",
    re.IGNORECASE,
)
# words saying a count of people is what the deployment was built to carry
_AT_ONCE = re.compile(
    r"\b(?:concurrent\w*|simultaneous\w*|at\s+once|at\s+the\s+same\s+(?:time|moment)|peak)\b", re.I
)
_SIZING = re.compile(
    r"\b(?:siz(?:ed|ing|e)|design(?:ed)?|dimension\w*|capacity|up\s+to|handle|agreed)\b",
    re.IGNORECASE,
)
# a clause telling of another environment, an option, an earlier state or guidance: not this build's sizing
_ELSEWHERE = re.compile(
    r"\b(?:pilot|poc|proof|trial|staging|test\w*|dr|options?|alternatives?|originally|initially|previous\w*|"
    r"guid\w*|recommend\w*|reference)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])|;|\n")


# a label naming what a licence grants (`Seats bought`, `Licence seats`, `Licensed named users`): a bare
# count under it is counted in licence units as much as "750 seats" is
_LICENCE_LABEL = re.compile(r"\b(?:seats?|licen[cs]\w*|named[\s-]+users?|subscri\w*)\b", re.IGNORECASE)
_BARE_COUNT = re.compile(r"\W*(?:about |around |~\s*)?\d[\d,.\u00a0 ]*k?\s*(?:\(.*\))?\W*", re.IGNORECASE)


def _in_licence_units(v: TddValue) -> bool:
    """Whether the value is a count of licence units: its own noun right after it, or a bare count
    under a label naming the licence's units and no sizing (`Seats bought | 600`; not `Users the
    licence is sized for`)."""
    if _LICENCE_UNIT.match(v.text):
        return True
    label = v.label if v.how.startswith("label") else ""
    return bool(
        label and _BARE_COUNT.fullmatch(v.text) and _LICENCE_LABEL.search(label) and not _SIZING.search(label)
    )


def _clause(v: TddValue, text: str) -> str:
    """The clause of the value's text at its place (to a sentence's end or a semicolon; the whole place
    when the value is not found there)."""
    at = text.find(v.text)
    if at < 0:
        return text
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, at)]
    end = _CLAUSE_END.search(text, at + len(v.text))
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


def _sized(v: TddValue, text: str) -> bool:
    """Whether a count of people is stated as what the deployment was sized for, and no growth."""
    clause = _clause(v, text)
    own = (v.label + " " if v.how.startswith("label") or v.label != v.how else "") + clause
    return (
        any(ch.isdigit() for ch in v.text)
        and not _ELSEWHERE.search(clause)
        and bool(_SIZING.search(own))
        and not _AT_ONCE.search(own[: own.find(v.text)] if v.text in own else own)
        and not is_growth(own)
    )


def seats_give_way(values: list[TddValue], text_at: Callable[[TddValue], str]) -> set[int]:
    """The ids of the `max_users` values counted in licence units, in an environment where another
    `max_users` value is counted in people and stated as the sizing."""
    drop: set[int] = set()
    for trial in (False, True):
        limits = [v for v in values if v.field == "max_users" and (v.section == "trial") == trial]
        seats = [v for v in limits if _in_licence_units(v)]
        rivals = [v for v in limits if not _in_licence_units(v) and _sized(v, text_at(v))]
        if seats and rivals:
            drop.update(id(v) for v in seats)
    return drop
