"""A table's last row that adds up the rows above it: its total, whatever labels it (`All machines`,
`Tutti macchine`, `Σ`, nothing). A careful reader sees the sum before the word: when every figure
of the last row, column by column, is the sum of the figures above it, the row is the total row and
no machine of its own. The reader checks the columns of amounts (counts, CPUs, sizes) only, and only
over two rows above or more; a column with a figure missing or not plain (`—`, `8 × 2`) above it
decides nothing, and one that does not add up means no total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_FIGURE = re.compile(r"\s*(\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+|\d+)(?:\s*[A-Za-z]{0,4})?\s*")


def _figure(cell: str) -> int | None:
    m = _FIGURE.fullmatch(cell)
    return int(re.sub(r"\D", "", m.group(1))) if m else None


def adds_up(rows: Sequence[Sequence[str]], columns: Sequence[int]) -> bool:
    """Whether the last of `rows` holds, in every column of `columns` that has figures all down, the
    sum of the rows above it (two or more), in one such column at least."""
    if len(rows) < 3:
        return False
    *above, last = rows
    checked = 0
    for j in columns:
        total = _figure(last[j]) if j < len(last) else None
        parts = [_figure(r[j]) if j < len(r) else None for r in above]
        if total is None or any(p is None for p in parts):
            continue
        if sum(p for p in parts if p is not None) != total:
            return False
        checked += 1
    return checked > 0


__all__ = ["adds_up"]
