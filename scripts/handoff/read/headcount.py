"""An organisation's headcount beside the part of it that is licensed.

"Acme has 5,200 employees, of whom 1,400 are licensed Sourcegraph users": a careful reader takes 1,400
as the user limit and 5,200 as the size of the company, whatever else the sentence says about licences.

* `has_headcount(before)`: the words right before a count of people say the organisation has,
  employs or numbers them ("Acme has", "employs about", "a workforce of"): a headcount, no limit.
* `licensed_parts(text)`: counts written before the words that license them, their noun after those
  words ("of whom 1,400 are licensed users", "1,400 of them are contracted seats"), or before a verb
  saying they hold the licences ("Of the 2,900 people in R&D, 1,200 hold a named licence", "800 of
  them have seats", "1,200 of the 2,900 engineers hold a licence"): (start, end, value) of each.
* `licensed_bare(text)`: counts a licence gives with no noun of their own ("1,430 of 2,000 licensed",
  "2,000 licensed, ~250 concurrent", "licence is 1.5k", "licensed for 2,000 of them"): what they count
  is the noun named before them, else the users a licence counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handoff.core.quickre import quick
from handoff.read import shapes
from handoff.read.limits import PERSONS

_HAS = re.compile(
    r"\b(?:has|have|had|employs?|employed|employing|numbers|counts|workforce of|headcount of|"
    r"(?:company|organi[sz]ation|business|group|firm) of)\s+"
    r"(?:about |around |roughly |some |over |nearly |almost |approx\.? |~\s*)?$",
    re.IGNORECASE,
)
_LICENSED_PART = quick(
    rf"(?<![\w.,-])(?P<num>{shapes.NUMBER})(?P<k>k)?\s+(?:of (?:them|whom|those|these)\s+)?"
    r"(?:are|is|were|will be|have been)\s+(?:(?:\w+ly|all|also|now)\s+)?"
    r"(?:licen[cs]ed|contracted|entitled|subscribed)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{PERSONS})\b"
    # the count holds the licences itself: "1,200 hold a named Sourcegraph licence", "800 of them have
    # seats", "950 are assigned a seat", "300 will receive licences"
    rf"|(?<![\w.,-])(?P<num5>{shapes.NUMBER})(?P<k5>k)?\s+"
    r"(?:of (?:them|whom|those|these|(?:the|our|its|their)\s+"
    rf"(?:(?:{shapes.NUMBER})\s+)?(?:[\w&;-]+\s+){{0,4}}?)\s*)?"
    r"(?:(?:already|currently|now|also)\s+)?"
    r"(?:hold|holds|held|have|has|had|get|gets|got|receive|receives|received|will (?:get|receive|hold|have)|"
    r"(?:are|were|will be|have been) (?:given|assigned|issued|allocated))\s+"
    r"(?:(?:a|an|one)\s+)?(?:[\w-]+\s+){0,2}?(?:licen[cs]es?|seats?)\b",
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
        g, k = ("num", "k") if m.group("num") else ("num5", "k5")
        yield m.start(g), m.end(), shapes.thousands(m.group(g), m.group(k))


_LICENSED_BARE = re.compile(
    rf"(?<![\w.,-])(?P<num>{shapes.NUMBER})(?P<k>k)?\s+(?:are\s+|is\s+)?licen[cs]ed\b(?=\s*(?:[,;.)]|$|and\b|but\b))"
    rf"|\blicen[cs]e(?:\s+(?:size|count))?\s+(?:is|covers|of|:)\s*(?:about |around |~\s*)?"
    rf"(?P<num2>{shapes.NUMBER})(?P<k2>k)?(?![\w,/-]|\.\d|\s*%|\s+[A-Za-z])"
    # a licence's seats counted after their noun: "licence seats 1,200", "licensed seats: 950"
    rf"|\blicen[cs]ed?\s+seats?\s*(?::|=|of)?\s*(?:about |around |~\s*)?"
    rf"(?P<num4>{shapes.NUMBER})(?P<k4>k)?(?![\w,/-]|\.\d|\s*%|\s+[A-Za-z]|\s*\()"  # not `1,000 (renewal)`
    rf"|\blicen[cs]ed\s+for\s+(?:about |around |~\s*)?(?P<num3>{shapes.NUMBER})(?P<k3>k)?"
    r"\s+of\s+(?:them|those|these)\b",
    re.IGNORECASE,
)


def licensed_bare(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, value) of counts a licence gives with no noun of their own ("2,000 licensed")."""
    if "icen" not in text or not shapes.DIGIT.search(text):
        return
    for m in _LICENSED_BARE.finditer(text):
        g = next(g for g in ("num", "num2", "num3", "num4") if m.group(g))
        k = m.group({"num": "k", "num2": "k2", "num3": "k3", "num4": "k4"}[g])
        yield m.start(g), m.end(g), shapes.thousands(m.group(g), k)
