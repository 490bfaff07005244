"""A name denied by the word before it: "No GitHub, no Bitbucket.", "without Perforce".

A request form's free text says which code hosts are not used the short way: "our GitLab (about
3,400 projects). No GitHub, no Bitbucket." A human reads `no` right before a name as its absence,
whatever verb the sentence has (or none). `denied(before)` tells whether the text right before a
name ends with such a word: `no`, `nor`, `neither`, `without`, `not even` (not "no longer", not an
answer's "No," or "No." with its mark between, which `connection.py` reads).
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_DENYING = quick(r"(?:^|[^\w'’])(?:no|nor|neither|without|not even)\s+$", re.IGNORECASE)


def denied(before: str) -> bool:
    """Whether the text right before a name ends with a word that denies it."""
    return bool(_DENYING.search(before[-24:]))


__all__ = ["denied"]
