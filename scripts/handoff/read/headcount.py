"""An organisation's headcount beside the part of it that is licensed.

"Acme has 5,200 employees, of whom 1,400 are licensed Sourcegraph users": a careful reader takes 1,400
as the user limit and 5,200 as the size of the company, whatever else the sentence says about licences.

* `has_headcount(before)`: the words right before a count of people say the organisation has,
  employs or numbers them ("Acme has", "employs about", "a workforce of"): a headcount, no limit.
* `licensed_parts(text)`: counts written before the words that license them, their noun after those
  words ("of whom 1,400 are licensed users", "1,400 of them are contracted seats"): (start, end,
  value) of each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handoff.read import shapes
from handoff.read.limits import PERSONS

_HAS = re.compile(
    r"\b(?:has|have|had|employs?|employed|employing|numbers|counts|workforce of|headcount of|"
    r"(?:company|organi[sz]ation|business|group|firm) of)\s+"
    r"(?:about |around |roughly |some |over |nearly |almost |approx\.? |~\s*)?$",
    re.IGNORECASE,
)
_LICENSED_PART = re.compile(
    rf"(?<![\w.,-])(?P<num>{shapes.NUMBER})(?P<k>k)?\s+(?:of (?:them|whom|those|these)\s+)?"
    r"(?:are|is|were|will be|have been)\s+(?:(?:\w+ly|all|also|now)\s+)?"
    r"(?:licen[cs]ed|contracted|entitled|subscribed)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{PERSONS})\b",
    re.IGNORECASE,
)


def has_headcount(before: str) -> bool:
    """Whether the words right before a count of people say the organisation has or employs them."""
    return bool(_HAS.search(before[-40:]))


def licensed_parts(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, value) of counts the words after them license ("of whom 1,400 are licensed users")."""
    if not shapes.DIGIT.search(text):
        return
    for m in _LICENSED_PART.finditer(text):
        yield m.start("num"), m.end(), shapes.thousands(m.group("num"), m.group("k"))
