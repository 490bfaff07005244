"""A code hosts' table whose count column's header the reader cannot read (`Forge | Type | Dépôts`,
a label in another language than the document's, an in-house word): the column is the hosts'
repository counts when its body is whole numbers, one a host's row, and a total row states their
sum. A code-host table counts repositories per host; the sum proves the column is one of counts of
one kind, and a careful reader takes it (a total that is not their sum proves nothing: left alone).

* `counts_column(cells, totals)`: whether a column's cells (`totals`: which rows are total rows)
  are such counts, proved by their total.
"""

from __future__ import annotations

import re

_COUNT = re.compile(r"\s*~?\s*(\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d{1,6})\s*")


def _number(text: str) -> int | None:
    m = _COUNT.fullmatch(text)
    return int(re.sub(r"\D", "", m.group(1))) if m else None


def counts_column(cells: list[str], totals: list[bool]) -> bool:
    """Whether `cells` (one a row, `totals[i]` true for a total row) are whole numbers on two host
    rows or more, every other row's cell blank, and one total row holding their sum."""
    parts: list[int] = []
    stated: list[int] = []
    for text, total in zip(cells, totals, strict=True):
        n = _number(text) if text.strip() else None
        if total:
            if n is None:
                return False
            stated.append(n)
        elif n is not None:
            parts.append(n)
        elif text.strip():
            return False  # ("not connected", "n/a": a cell that counts nothing, so no proof)
    return len(parts) >= 2 and len(stated) == 1 and stated[0] == sum(parts)


__all__ = ["counts_column"]
