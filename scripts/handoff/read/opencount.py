"""A machine count the document says is not fixed: `Node count | autoscaled`, `m6i.4xlarge, autoscaled`.

A careful reader of `Node type | m6i.4xlarge` beside `Node count | autoscaled`, or of `Node pool:
m6i.4xlarge, autoscaled`, knows the type but not how many machines there are: entering the type as one
machine (`1 ×`, the count the sheet takes when none is written) would be a count the document never
states; the machines are no value. `open_count(text)`: the words say the number of machines is left
to an autoscaler or to demand (`autoscaled`, `autoscaling`, `as needed`, `on demand`, `elastic`),
with no number of them. `count_cell(value)`: a labelled count's value as a node count: its digits,
"" for such words (a count the document does not state), else None. (A header table's count column is
`read/countcells.py`.)
"""

from __future__ import annotations

import re

_OPEN = re.compile(
    r"\b(?:auto-?scal\w*|as needed|on demand|elastic(?:ally)?|"
    r"scales? (?:out|up|automatically|with (?:load|demand)))\b",
    re.IGNORECASE,
)


def open_count(text: str) -> bool:
    """Whether the words say the number of machines is not fixed (`autoscaled`, `as needed`)."""
    return bool(_OPEN.search(text)) and not re.search(r"\d", _OPEN.sub(" ", text))


# a count opening a value, then a remark set off by a dash, comma, semicolon or bracket
_REMARKED = re.compile(r"\s*(\d{1,4})\s*(?:[–—-]\s|[,;(]\s*)(?P<remark>.*)", re.DOTALL)
# a number of the remark; a digit glued to a name by a hyphen is part of the name (`sg-prod-1`)
_NUMBER = re.compile(r"(?<![\w.,])(?<![A-Za-z]-)\d+(?:[.,]\d+)*(?![\w.,]*\d)")
_DENIED = re.compile(r"\b(?:no|not|without|never)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _remarked_count(value: str) -> str | None:
    """A count written with a remark about those machines (`4 — node group "sg-prod", min 4 / max 4, no
    autoscaling`): a form's answer or a sheet's cell says how many, then what they are. The count stands
    when every other number of the remark is the same figure and the remark does not leave the number
    to an autoscaler; a remark with another number (`3 (min 2, max 6)`, `4, growing to 6`) may count
    other machines, and one saying the count is not fixed (`4, autoscaled`) gives no count. The machines'
    own names in the remark (`3 (sg-prod-1 to sg-prod-3)`) are no numbers."""
    m = _REMARKED.fullmatch(value)
    if m is None:
        return None
    count, remark = m.group(1), m.group("remark")
    if any(n.group(0) != count for n in _NUMBER.finditer(remark)):
        return None
    if any(not _DENIED.search(remark[: o.start()]) for o in _OPEN.finditer(remark)):
        return None
    return count


def count_cell(value: str) -> str | None:
    """A node count label's value: its digits (`3`), the count a remark follows (`_remarked_count`),
    "" when it says the count is not fixed (`autoscaled`), else None."""
    if re.fullmatch(r"\s*\d+\s*", value):
        return value.strip()
    remarked = _remarked_count(value)
    if remarked is not None:
        return remarked
    return "" if open_count(value) else None


__all__ = ["count_cell", "open_count"]
