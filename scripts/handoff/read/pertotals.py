"""A total row under columns of one machine's figures that the writer worked out.

`Role | VMs | vCPU / VM | RAM / VM (GB)` over `control plane | 3 | 4 | 16` and `worker | 5 | 16 | 64`,
then `subtotal | 8 | 92 vCPU | 368 GB`: the headers say each figure is one machine's, yet the total
row's figures are no stray sum of them (4 + 16 is 20, not 92): each is the rows' counts times their
figures, added (3 × 4 + 5 × 16 = 92). A careful reader checks the arithmetic and takes the total row
as the part's whole. The rule asks two sums to hold: the count column's total cell is the sum of its
rows (3 + 5 = 8: the column counts the rows' machines) and the amount's total cell is the sum of the
products, within 1%. When either fails the total row stays what it was, a sum of one machine's
figures that means nothing.

`counts_column(members, total, skip)`: the column whose rows hold whole numbers adding up to the
total row's cell. `proven(members, total, count, figure)`: whether the amount's total is the sum of
the products.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_WHOLE = re.compile(r"\s*(\d{1,3}(?:,\d{3})*|\d+)\b")  # `5`, `5 (powered off)`, `1,200`


def _whole(text: str) -> int | None:
    m = _WHOLE.match(text)
    return int(m.group(1).replace(",", "")) if m else None


def counts_column(members: Sequence[Sequence[str]], total: Sequence[str], skip: set[int]) -> int | None:
    """The one column (not in `skip`) whose member cells are all whole numbers adding up to the
    total row's whole number in that column, or None (none, or several)."""
    found: list[int] = []
    width = min([len(total), *(len(r) for r in members)]) if members else 0
    for j in range(width):
        if j in skip:
            continue
        stated = _whole(total[j])
        parts = [_whole(r[j]) for r in members]
        if (
            stated
            and len(parts) >= 2
            and all(p is not None for p in parts)
            and sum(p or 0 for p in parts) == stated
        ):
            found.append(j)
    return found[0] if len(found) == 1 else None


def proven(
    members: Sequence[int],
    stated: float | None,
    count: Callable[[int], int | None],
    figure: Callable[[int], float | None],
) -> bool:
    """Whether `stated` is the sum over the member rows of their count times their figure (1%)."""
    if not stated or len(members) < 2:
        return False
    total = 0.0
    for i in members:
        n, x = count(i), figure(i)
        if n is None or x is None:
            return False
        total += n * x
    return abs(total - stated) <= 0.01 * stated


__all__ = ["counts_column", "proven"]
