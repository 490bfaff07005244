"""A "no monorepos" that a later passage contradicts by naming one.

A living document says "No monorepos" where it first describes the estate, and a later entry (a
change log, an update, an operations log) tells of a host connected "including the actuarial-models
monorepo". The first statement was true when it was written; the later one tells of a monorepo the
deployment now indexes. A careful reader does not record none: the later passage names one, and how
many there are now is for the passage that counts them (a count it states wins as usual).

`names_one(text)`: whether a text names a monorepo in a clause telling of code joining the
deployment ("… connected, including the X monorepo", "added the new monorepo core-platform"), not
one denying or supposing it ("no monorepo", "if a monorepo were added", "would be a monorepo").
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened

_GATE = opened(re.compile(r"monorepo", re.IGNORECASE))
_NAMED = re.compile(
    r"\b(?:the|a|one|its|their|new|another)\s+(?:[\w.-]+\s+){0,2}?mono-?repo\b(?!s)"
    r"|\bmono-?repo\s+(?=[\w.-]*[-_.][\w.-]*)[\w.-]+",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[.;!?](?:\s|$)|\n")
_DENIED = re.compile(
    r"\b(?:no|not|none|nor|never|without|if|would|could|might|may|should|plan(?:s|ned)?|n['’]t)\b|n['’]t\b",
    re.IGNORECASE,
)


# the clause tells of code joining the deployment: "connected …, including the X monorepo", "added the
# Y monorepo" (a monorepo named in passing, split up or only described says nothing of a change)
_JOINED = re.compile(
    r"\b(?:connect(?:ed|ing)?|add(?:ed|ing)?|onboard(?:ed|ing)?|import(?:ed|ing)?|now\s+(?:indexed|synced|searched))\b",
    re.IGNORECASE,
)


def names_one(text: str) -> bool:
    """Whether `text` names a monorepo that is there (module doc)."""
    if not _GATE.search(text):
        return False
    for m in _NAMED.finditer(text):
        starts = [c.end() for c in _CLAUSE.finditer(text, 0, m.start())]
        start = starts[-1] if starts else 0
        stop = _CLAUSE.search(text, m.end())
        clause = text[start : stop.start() if stop else len(text)]
        if not _DENIED.search(clause) and _JOINED.search(clause):
            return True
    return False


__all__ = ["names_one"]
