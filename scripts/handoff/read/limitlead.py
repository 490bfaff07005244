"""A table introduced as the limits: its rows' counts are the limits, as under a `Limits` heading.

People put the agreed limits in a small table and say what it is in one of two places instead of a
heading: the line right before it, a lead-in ending in a colon ("Upper limits the deployment was
sized for:", "Agreed with the customer:"), or the header over the table's column of labels (`Limit |
Ashgrove | Typical`, `Ceiling | Value`). Either way the rows `Users`, `Concurrent users`,
`Repositories` name what is limited, and their figures are the limits, not today's counts; the
`Repositories` row is the repository limit. A lead-in or header that also speaks of what is used or
counted now (`Usage against the limits:`, `Limit | Used`) introduces both, so it makes nothing a
limit; nor does a lead-in holding a figure of its own (it is a sentence, not a title).
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.read.limitwords import is_growth, is_limit

# words of what exists or is used now, beside a limit: the table holds both
_NOW = quick(
    r"\b(?:us(?:ed|age|ing)|today|current(?:ly)?|actual|now|at\s+present|observed|measured|consumed|in\s+use)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# a column of what is expected later, beside the limits: `Three-year outlook`, `Projected`, `Forecast`
_AHEAD = re.compile(r"\b(?:outlook|forecast|projected|projections?|expected|indicative)\b", re.IGNORECASE)


def _limits_title(text: str, words: int) -> bool:
    """Whether a short text with no figure names the limits and nothing of today's counts or growth."""
    text = text.strip().rstrip(":").strip()
    return (
        bool(text)
        and len(text.split()) <= words
        and not _DIGIT.search(text)
        and is_limit(text)
        and not _NOW.search(text)
        and not is_growth(text)
    )


def limits_lead(lead: str | None, header: list[str]) -> str | None:
    """The words that make a table a limits part: its lead-in line (`lead`, the paragraph right before
    it, when it ends with a colon) or its header row's first cell, or its one value column's header
    (beside forecasts only), when the header names nothing of today's counts (see the module's
    docstring); else None."""
    if lead is not None and lead.rstrip().endswith(":") and _limits_title(lead, 12):
        return lead.strip().rstrip(":")
    plain = len(header) > 1 and not any(_DIGIT.search(c) or _NOW.search(c) for c in header)
    if plain and _limits_title(header[0], 3):
        return header[0].strip()
    # `Dimension | Contracted limit | Three-year outlook`: the one value column heads the limits (a
    # forecast beside it is growth, read as such), the labels' column naming only what is limited
    rest = [c for c in header[2:] if c.strip()]
    if (
        1 < len(header) <= 4
        and not any(_DIGIT.search(c) or _NOW.search(c) for c in header[:2])
        and not any(_NOW.search(c) for c in rest)
        and _limits_title(header[1], 3)
        and all(is_growth(c) or _AHEAD.search(c) for c in rest)
    ):
        return header[1].strip()
    return None


__all__ = ["limits_lead"]
