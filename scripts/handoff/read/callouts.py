"""A slide's callout line is a figure, not a title over what follows.

A deck exported to a document keeps its big "callout" lines: a short bold paragraph on its own
that is a figure with its unit or count noun (`48 vCPU`, `3 nodes`, `~4,150 repos`, `2,000 seats`,
`1,600 GB EBS`) or a bare figure (`1,850`). Short and all bold, it looks like a title, but it is
the slide's fact: taken as a heading it would name the part below it (so a footer's `p. 6` under
`2,600 repositories` became a count of repositories) and its own figure would be read nowhere. A
numbered title (`1. Overview`, `4 Code hosts`, `2026 Roadmap`) is no callout: its number ends in a
full stop or is followed by a capitalised word.
"""

from __future__ import annotations

import re

# A figure (grouped thousands, a decimal, an approximation mark), then nothing, or a first word
# that is lower-case or a unit written in capitals (`GB`, `GiB`, `TB`, `vCPU`, `CPU`, `RAM`,
# `%`), then at most two more words.
_CALLOUT = re.compile(
    r"[~≈±<>]?\s?\d{1,3}(?:[,.' \u00a0\u202f]\d{3})*(?:[.,]\d+)?(?!\.)"
    r"(?:\s*(?:%|[KkMm]\b)?)?"
    r"(?:\s*(?:[a-zµ][\w/-]*|[KMGTP]i?B\b|v?CPUs?\b|RAM\b|[KMGTP]B/s\b)(?:\s+[^\s]+){0,2})?"
)


def is_callout(text: str) -> bool:
    """Whether a short bold line is a slide's callout figure rather than a title."""
    t = text.strip()
    if not t or not ("0" <= t[0] <= "9" or t[0] in "~≈±<>"):
        return False
    return _CALLOUT.fullmatch(t) is not None
