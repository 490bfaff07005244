"""A figure a lower bound opens: "north of 300 at peak", "more than 4,000 repositories", "upwards of
1,500 users", "in excess of 2 TB", "well over 600".

Such a figure says only that the true one is larger: no count, limit or size of the deployment. A
hedge on the figure itself ("about", "roughly", "just over", "a little over") states it, and a cap
("no more than 500", "not more than", "up to", "at most") is a limit, not a bound of this kind; nor is
"at least" after a requirement ("shall support at least 4,000 users": the capacity asked for), so
"at least" is left alone.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_LOWER = quick(
    r"(?<!\bno\s)(?<!\bnot\s)(?<!\bnothing\s)"
    r"\b(?:north\s+of|upwards\s+of|in\s+excess\s+of|more\s+than|greater\s+than|well\s+(?:over|above|north\s+of))"
    r"\s+(?:about\s+|roughly\s+|around\s+|~\s*)?[\"'“‘]?$",
    re.IGNORECASE,
)
_PIECES = quick(r"north of|upwards|excess|more than|greater than|well over|well above", re.IGNORECASE)


def may_bound(text: str) -> bool:
    """Whether a text may hold a lower bound (a quick literal test)."""
    return _PIECES.search(text) is not None


def bounded(text: str, at: int) -> bool:
    """Whether the figure at `at` in `text` is opened by a lower bound ("north of 300")."""
    return bool(_LOWER.search(text, max(0, at - 32), at))


def opens_bound(value: str) -> bool:
    """Whether a labelled value opens with a lower bound ("more than 4,000", "north of 1.5k")."""
    return may_bound(value) and _BOUND_VALUE.match(value) is not None


_BOUND_VALUE = re.compile(
    r"^\W*(?:north\s+of|upwards\s+of|in\s+excess\s+of|more\s+than|greater\s+than|well\s+(?:over|above|north\s+of))"
    r"\s+(?:about\s+|roughly\s+|around\s+|~\s*)?[\"'“‘]?\d",
    re.IGNORECASE,
)


__all__ = ["bounded", "may_bound", "opens_bound"]
