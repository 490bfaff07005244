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


def count_cell(value: str) -> str | None:
    """A node count label's value: its digits (`3`), "" when it says the count is not fixed
    (`autoscaled`), else None."""
    if re.fullmatch(r"\s*\d+\s*", value):
        return value.strip()
    return "" if open_count(value) else None


__all__ = ["count_cell", "open_count"]
