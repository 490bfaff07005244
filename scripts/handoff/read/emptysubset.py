"""A none-word said of a subset of the things, not of all of them: "no repositories in failed to clone
for more than a day".

"Monorepos: none", "Repositories: no monorepos", "none in scope" count zero. A check in a runbook says
instead that none of the things is in a bad state ("Site admin → Repositories: no repositories in
failed to clone for more than a day", "no pods restarting", "none stuck in cloning for over 12 hours"):
the things it counts are the failing, stuck or stale ones, and what it expects of them is that there be
none; how many there are in all it does not say. So a none-word whose sentence goes on to a state of
failure or delay, or a time the state has lasted, counts nothing.

`empty_subset(value)`: whether a value opening on a none-word says it of such a subset.
"""

from __future__ import annotations

import re

# a state of failure or delay, or how long it has lasted, in the none-word's sentence
_STATE = re.compile(
    r"\b(?:fail(?:s|ed|ing|ures?)?|stuck|errors?|erroring|errored|broken|pending|queued|lagging|stale|"
    r"restart(?:s|ing)?|crash\w*|unhealthy|out\s+of\s+sync|behind|"
    r"(?:for|since)\s+(?:more|longer)\s+than|older\s+than|longer\s+than|for\s+over)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.;!?\n]*")


def empty_subset(value: str) -> bool:
    """Whether a value opening on a none-word says it of a failing or waiting subset (module doc)."""
    m = _SENTENCE.match(value)
    return m is not None and _STATE.search(m.group(0)) is not None


__all__ = ["empty_subset"]
