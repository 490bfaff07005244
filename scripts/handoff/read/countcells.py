"""A machines table's count cell that states no number of machines, and a row number that is none.

A careful reader of a node-pool table (`Pool | Instance type | Nodes`) whose count cell says
`autoscaled`, `TBD`, `as needed`, `min 3` or `2–6 (autoscaling)` knows the type but not how many
machines there are: entering `1 ×` (the type alone read as one machine) or `2 ×` (a range's first
end) would be a count the document never states. `unstated(cell)` tells such a cell: filled, not
saying none (`—`, `0`, `n/a`: the row's machines are not there), and not opening with a plain
count: no figure at all, a bound before its figure (`min 3`, `up to 6`, `≥ 3`), or a range
(`2–6`, `3 to 8`). The table's machines are then no value at all (one row's types without the
others' would be a wrong list), nor is any total worked out from their counts.

`row_number(header)` tells a header numbering the rows (`#`, `No.`, `Pos.`, `Line`, `Item #`):
beside another count column (`# | Item | Type | Qty`) it is the row's number, never its count, even
in a one-row table where the numbering cannot be seen (`read.tables` takes its count role away).
"""

from __future__ import annotations

import re

_NONE = re.compile(r"\s*(?:[—–-]+|0|none|nil|n/?a)\s*", re.IGNORECASE)  # a count cell saying none
_DIGIT = re.compile(r"\d")
_BOUND = re.compile(
    r"\s*(?:min(?:imum)?|max(?:imum)?|up\s+to|at\s+(?:least|most)|from|between|≥|≤|>=?|<=?)\b\W*\d",
    re.IGNORECASE,
)
_RANGE = re.compile(r"\s*[~≈]?\s*\d+\s*(?:[-–—]|to|\.\.)\s*\d+", re.IGNORECASE)  # `2–6`, `3 to 8`
_ROW_NUMBER = re.compile(
    r"\s*(?:#|(?:s|sl|sr)\.?\s*(?:no|nr)\.?|no\.?|nr\.?|pos\.?|position|line(?:\s*(?:no\.?|#))?"
    r"|item\s*(?:no\.?|#)|row(?:\s*#)?)\s*",
    re.IGNORECASE,
)


def unstated(cell: str) -> bool:
    """A filled count cell that states no number of machines (`autoscaled`, `min 3`, `2–6`)."""
    if not cell.strip() or _NONE.fullmatch(cell):
        return False
    return not _DIGIT.search(cell) or bool(_BOUND.match(cell) or _RANGE.match(cell))


def says_none(cell: str) -> bool:
    """A count cell saying none of the row's machines are there (`—`, `0`, `n/a`)."""
    return bool(_NONE.fullmatch(cell))


def row_number(header: str) -> bool:
    """A header naming the rows' numbers (`#`, `No.`, `S.No.`, `Pos.`, `Line`), not a count of things."""
    return bool(_ROW_NUMBER.fullmatch(header))


__all__ = ["row_number", "says_none", "unstated"]
