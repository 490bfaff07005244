"""A code host a move has not reached yet: a plan, not a host in use.

"When GitHub Enterprise Server moves to GitHub.com in wave 3, …", "Once the projects are migrated
to GitLab.com next spring", "the repositories will be moved onto Azure DevOps", "we plan to migrate
to Bitbucket Cloud": a careful reader takes the host after the move's "to" as where the code is
going, not where it is. A move is not yet made when its verb is in the future (`will move`, `is
moving`, `are being migrated`, `plans to migrate`, `scheduled to move`) or in the present after a
word of time or condition (`when`, `once`, `after`, `until`, `if`, `as soon as`: "when X moves to
Y"). `moving_to(text, found)` gives the hosts whose every mention in `text` comes after such a
move's "to" (a few words between: "will be moved in phases onto"), unless their clause says the
host is already in use (`already`, `now`, `today`, `currently`) or the rest of their sentence says
it is used too ("…; until then both stay connected", "which also holds …"). A finished move (`moved to`,
`migrated to` in the past) is the `leftbehind` module's: its source is history, its target used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.core.quickre import quick
from handoff.read.found import outright
from handoff.read.vocab import Found

_VERB = r"(?:mov|migrat|switch|transition|consolidat|port|transferr?)"
_PENDING = re.compile(
    r"(?:"
    # a move in the future or under way: "will (be) move(d)", "is moving", "are being migrated",
    # "plan(s|ned) to migrate", "(is) scheduled / due / set / going / expected to move", "to be migrated"
    rf"\b(?:will|shall|'ll)\s+(?:\w+\s+)?(?:be\s+)?{_VERB}\w*"
    rf"|\b(?:is|are|am)\s+(?:being\s+)?{_VERB}ing\b"
    rf"|\b(?:plan(?:s|ned)?|scheduled|due|set|going|expected|intend(?:s|ed)?|aim(?:s|ing)?)\s+to\s+(?:be\s+)?{_VERB}\w*"
    rf"|\bto\s+be\s+{_VERB}\w*"
    # a move in the present after a word of time or condition: "when X moves to Y", "once … are migrated"
    rf"|\b(?:when|whenever|once|after|until|till|if|as\s+soon\s+as|before)\b[^.;:!?]{{0,80}}?"
    rf"\b(?:{_VERB}(?:es|s)\b|(?:is|are)\s+{_VERB}(?:ed|d)\b)"
    r")"
    # then its "to" (or "after": a word of direction glossed as time, German `nach`) and the host
    r"(?:\s+[\w'’-]+){0,5}?\s+(?:to|onto|into|over\s+to|after)\s+(?:(?:the|our|their|an?|new)\s+)*$",
    re.IGNORECASE,
)
_NOW = re.compile(r"\b(?:already|now|today|currently|since)\b", re.IGNORECASE)
_STILL = re.compile(r"\b(?:already|also|as well|too|both|still|alongside)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_HINT = quick(_VERB, re.IGNORECASE)  # (a move's verb: the cheap test before the pattern)
_CLAUSE_START = re.compile(r"[;\n()]|[.!?](?:\s|$)")


def moving_to(text: str, found: Sequence[Found]) -> set[str]:
    """The hosts of `found` whose every mention in `text` is where a move not yet made goes."""
    found = outright(found)  # (a bare name read as the document's edition denies nothing)
    if not found or not _HINT.search(text):
        return set()
    going: set[str] = set()
    kept: set[str] = set()
    for f in found:
        start = max((m.end() for m in _CLAUSE_START.finditer(text, 0, f.start)), default=0)
        before = text[start : f.start]
        stop = _SENTENCE_END.search(text, f.end)
        after = text[f.end : stop.start() if stop else len(text)]  # ("…; until then both stay connected")
        pending = _PENDING.search(before) and not _NOW.search(before[-40:]) and not _STILL.search(after)
        (going if pending else kept).add(f.value)
    return going - kept


__all__ = ["moving_to"]
