"""A count of one batch of a migration: "Wave 1, HQ: 3,100 repositories cloned", "the second batch
moved 640 repositories".

A migration moves the repositories in batches (waves, tranches, batches, cohorts, rounds), and the
document counts each as it goes. A careful reader takes such a count for that batch's, a part of the
whole, never the total of repositories: the batch named before the count in its clause (`Wave 2:`,
`in the first wave`, `Batch B —`) says so. A clause counting all of them (`all three waves`, `waves 1
to 3 together`, `in total`) is the whole and is left to the other readers. "Phase" is not such a word:
a phased project's phase 1 may be the whole deployment handed over.

`one_batch(before)`: whether the words of a count's clause before it name one batch.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_BATCH = quick(
    r"\b(?:(?:wave|tranche|batch|cohort|round)\s*(?:\d{1,2}[a-z]?|[IVX]{1,4}|[A-H]|one|two|three|four|five|six)\b"
    r"|(?:first|second|third|fourth|fifth|sixth|final|last|next|pilot)\s+(?:wave|tranche|batch|cohort|round)\b)",
    re.IGNORECASE,
)
_WHOLE = re.compile(
    r"\b(?:all|every|both|total|together|combined|overall|in\s+all|cumulative|altogether)\b|\bwaves\b|\bbatches\b",
    re.IGNORECASE,
)
_CLAUSE_OPENS = re.compile(r".*[.;!?](?:\s|$)", re.DOTALL)


def one_batch(before: str) -> bool:
    """Whether the words before a count in its sentence name one batch of a migration in the count's
    clause (see the module's docstring), and nothing of the whole."""
    if _BATCH.search(before) is None:  # (a quick literal test first: `quick`)
        return False
    opened = _CLAUSE_OPENS.match(before)
    clause = before[opened.end() :] if opened else before
    return _BATCH.search(clause) is not None and _WHOLE.search(clause) is None


__all__ = ["one_batch"]
