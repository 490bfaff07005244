"""A two-column table written value first: `8,500 | Named users (licence)`.

Most label tables put the label first and the value after it, but some writers (a requirements
register, a slide's "key numbers", a figure beside its caption) put the figure first and what it
counts after it. A careful reader reads such a row the same way: the text naming a field is the
label, the figure its value. The table is turned round only when its shape says so without doubt:
two columns, every body row's first cell a bare figure (digits, a unit or `k` at most) and its
second cell no figure, and at least half of those second cells naming a field. A header row (no
figure in it) stays the header, turned round too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_FIGURE = re.compile(
    r"^(?:~|≈|about\s+|approx\.?\s+|ca\.\s+)?\d[\d,.' ]*\s*(?:k|K|[KMGT]i?B|vCPUs?|cores?)?\s*$",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def value_first(texts: Sequence[Sequence[str]], names_field: Callable[[str], bool]) -> bool:
    """Whether a table of cell texts is written value first (see the module's docstring)."""
    if len(texts) < 2 or any(len(r) != 2 for r in texts):
        return False
    body = list(texts[1:]) if not any(_DIGIT.search(c) for c in texts[0]) else list(texts)
    body = [r for r in body if r[0].strip() or r[1].strip()]
    if len(body) < 2:
        return False
    if not all(_FIGURE.match(r[0].strip()) and r[1].strip() and not _DIGIT.search(r[1]) for r in body):
        return False
    return 2 * sum(names_field(r[1].strip()) for r in body) >= len(body)


__all__ = ["value_first"]
