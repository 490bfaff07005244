"""A premise is no agreed figure: what a proposal or an offer assumed ("A-03: the estate was assumed
at proposal stage to be no more than 5,000 repositories", an item under an `Assumptions` title)
is what the sizing started from, not the limit the customer agreed nor the count found.

* `names_premises(title)`: a title (heading or parent bullet) that heads assumptions or hypotheses
  only (`3.1 Assumptions`, `Hypothèses`), not one that also heads constraints or limits
  (`Assumptions, Constraints and Dependencies` holds the licence's cap too), nor a sizing's own
  assumptions (`Sizing assumptions`: the limits the deployment is sized for, `read.limitwords`).
* `assumed(text, figure)`: the clause holding a figure says it was assumed ("it was assumed that no
  more than 1,000 repositories …", "The proposal assumed up to 5,000 repositories").

A premise's figure gives way to a figure of its field stated elsewhere (`read.precedence`): the
requirement, licence or constraint is the limit, the census the count. Alone, a limit stays what it
was; an assumed repository count or size goes even alone (the estate assumed is not the estate found).
"""

from __future__ import annotations

import re

from handoff.read.lasttext import last_text
from handoff.read.limitwords import is_limit

_PREMISE = re.compile(r"\b(?:assum(?:e|ed|es|ing|ptions?)|hypoth[eè]s[ei]s|premises?)\b", re.IGNORECASE)
_OTHERS = re.compile(r"\b(?:constraints?|limits?|limitations?|licen[cs]\w*|contraintes?)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\n")


def may_name(text: str) -> bool:
    """The literal pre-check: no premise word without one of these."""
    return "ssum" in text or "ypoth" in text or "remise" in text or "ASSUM" in text or "YPOTH" in text


@last_text  # (a heading asked again for each place under it)
def names_premises(title: str) -> bool:
    """A title heading assumptions only (`3.1 Assumptions`, `Planning hypotheses`): the words, and
    no constraint, limit or sizing named beside them."""
    return (
        may_name(title) and bool(_PREMISE.search(title)) and not _OTHERS.search(title) and not is_limit(title)
    )


def assumed(text: str, figure: str) -> bool:
    """The clause of `text` that holds `figure` (as written) says it was assumed; a sizing's own
    assumption ("design assumption: 2,000 users") is a limit, not a premise."""
    if not may_name(text) or not figure:
        return False
    at = text.find(figure)
    if at < 0:
        return False
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    stop = _CLAUSE_END.search(text, at + len(figure))
    clause = text[start : stop.start() if stop else len(text)]
    return bool(_PREMISE.search(clause)) and not _SIZING.search(clause)


_SIZING = re.compile(r"\b(?:sizing|design|capacity)\s+assumptions?\b", re.IGNORECASE)
