"""A machines table's count cell that states no number of machines, and a row number that is none.

A careful reader of a node-pool table (`Pool | Instance type | Nodes`) whose count cell says
`autoscaled`, `TBD`, `as needed`, `min 3` or `2–6 (autoscaling)` knows the type but not how many
machines there are: entering `1 ×` (the type alone read as one machine) or `2 ×` (a range's first
end) would be a count the document never states. `unstated(cell)` tells such a cell: filled, not
saying none (`—`, `0`, `n/a`: the row's machines are not there), and not opening with a count
(`3`, `3 nodes`, `about 3`): no figure at all, words or a bound before its figure (`min 3`, `up
to 6`, `≥ 3`, `scales 2-10`), or a range (`2–6`, `3 to 8`). The table's machines are then no
value at all (one row's types without the others' would be a wrong list), nor is any total worked
out from their counts. `countlike(cell)` tells the cells a count column may hold (a count, none, or
words or a bound instead of one; not a name carrying a number, `node-1`): a column headed as a
count in a machines table keeps that role when all its cells are such, though none opens with a
figure (`Nodes | autoscaled`, `about 3`).

`row_number(header)` tells a header numbering the rows (`#`, `No.`, `Pos.`, `Line`, `Item #`):
beside another count column (`# | Item | Type | Qty`) it is the row's number, never its count, even
in a one-row table where the numbering cannot be seen (`read.tables` takes its count role away).
"""

from __future__ import annotations

import re

_NONE = re.compile(r"\s*(?:[—–-]+|0|none|nil|n/?a)\s*", re.IGNORECASE)  # a count cell saying none
_NAMED = re.compile(r"[^\W\d_][\w.]*[-_]\d|\d[-_][^\W\d_]")  # `node-1`, `C-2`, `1-a`
# a number opening the cell, maybe after a hedge (`3`, `3 nodes`, `~3`, `about 3`): a count stated
HEDGE = r"(?:[~≈]|ca\.|approx\.|(?:about|approximately|around|roughly|circa)\b)?"
STATED = re.compile(rf"\s*{HEDGE}\s*(\d+)(?![\d.,]*\s*(?:[-–—]|to\b|\.\.)\s*\d)", re.IGNORECASE)
_ROW_NUMBER = re.compile(
    r"\s*(?:#|(?:s|sl|sr)\.?\s*(?:no|nr)\.?|no\.?|nr\.?|pos\.?|position|line(?:\s*(?:no\.?|#))?"
    r"|item\s*(?:no\.?|#)|row(?:\s*#)?)\s*",
    re.IGNORECASE,
)


def unstated(cell: str) -> bool:
    """A filled count cell that states no number of machines (`autoscaled`, `min 3`, `2–6`)."""
    if not cell.strip() or _NONE.fullmatch(cell):
        return False
    return not STATED.match(cell)


def countlike(cell: str) -> bool:
    """A cell a count column may hold: a count (hedged or not), none, or words or a bound or range
    instead of one (`autoscaled`, `min 3`, `2–6`); not a name carrying a number (`node-1`, `C-2`)."""
    stated = STATED.match(cell)
    return bool(stated) or says_none(cell) or not _NAMED.search(cell)


def says_none(cell: str) -> bool:
    """A count cell saying none of the row's machines are there (`—`, `0`, `n/a`)."""
    return bool(_NONE.fullmatch(cell))


def row_number(header: str) -> bool:
    """A header naming the rows' numbers (`#`, `No.`, `S.No.`, `Pos.`, `Line`), not a count of things."""
    return bool(_ROW_NUMBER.fullmatch(header))


__all__ = ["HEDGE", "STATED", "countlike", "row_number", "says_none", "unstated"]
