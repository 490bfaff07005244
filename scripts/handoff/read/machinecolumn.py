"""A machines table's column headed by the machines themselves, in the plural: their count.

In a table whose rows are pools of machines, each with its instance type (`Pool | VM size | VMs |
vCPU`, `Role | Shape | Servers`, `Group | Type | Worker nodes`), a column headed by nothing but the
machine noun in the plural (`VMs`, `Servers`, `Hosts`, `Worker nodes`), maybe with an aside (`VMs
(as built)`), holds how many of the row's machines there are: it is the question the header answers,
as `Count` or `Qty` would. `counted(header, cells)` tells such a column from its header and cells:
every filled cell a whole number (a figure with a unit, a name or a range is something else), and at
least one. A header with more words than a qualifier and the noun (`VMs per zone`, `Hosts to
patch`) is not one.
"""

from __future__ import annotations

import re

from handoff.read.labelwords import outside_brackets

_PLURAL = re.compile(
    r"(?:[^\W\d_]+[ -])?(?:vms|virtual machines|nodes|machines|servers|instances|hosts|workers|boxes)",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"\s*\d{1,3}\s*")


def counted(header: str, cells: list[str]) -> bool:
    """A column headed only by the machines in the plural whose cells are whole numbers: the count."""
    filled = [c for c in cells if c.strip()]
    bare = outside_brackets(header).strip()
    return bool(filled) and bool(_PLURAL.fullmatch(bare)) and all(_WHOLE.fullmatch(c) for c in filled)


__all__ = ["counted"]
