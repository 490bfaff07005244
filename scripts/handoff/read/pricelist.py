"""A price list: machine types priced per unit, no machines.

A cost review, a quote reconciliation or a chargeback model often keeps the provider's prices it
worked from: `Shape | Unit | GBP per hour` over `VM.Standard.E4.Flex | per OCPU | 0.0250`, `SKU |
vCPU | Memory | Hourly rate`. Each row is a type that may be bought and what a unit of it costs (an
hour, an OCPU, a GB of memory); the same type may take two rows, one per thing it is priced by. A
reader takes the list for prices, never for the machines that run: how many of a type run is not
written in it, and a type on the list may not run at all (a column marking the ones in use names
a type, not how many).

A price list is told by its columns: one whose header names a rate (`Unit price`, `List price`,
`Rate`, `Hourly`, `per hour`, `/hr`, `USD/h`) or whose filled cells all say what a price is per
(`per OCPU`, `per GB-month`, `/hour`), and no column counting the rows' machines (a quote's or an
order's lines, `Item | Qty | Unit price`, count what was bought: that table is no price list). A
running machine's cost is said for a month or a year of its own (`Monthly (USD)`), not per unit.

`price_list(header, body)`: whether a table of these header cells and body rows is a price list.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

# a header naming a price per unit: `Unit price`, `List price`, `Rate`, `Hourly`, `GBP per hour`, `USD/hr`
_RATE_HEADER = quick(
    r"\b(?:unit\s+(?:price|cost|rate)|list\s+price|price\s+per|rates?|hourly|per\s+(?:hour|hr|h|unit)|"
    r"price\s*/\s*(?:hour|hr|h|unit))\b|/\s*(?:hour|hr|h)\b",
    re.IGNORECASE,
)
# a cell saying what a price is per: `per OCPU`, `per GB memory`, `per GB-month`, `/hour`
_PER_UNIT = re.compile(r"\s*(?:per|/)\s*[\w-]+(?:\s+[\w-]+)?\s*", re.IGNORECASE)


def price_list(header: list[str], body: list[list[str]], counted: bool) -> bool:
    """Whether a table is a price list: a rate column or a column of `per …` cells, and no count
    column (`counted`: the table has a column counting its machines)."""
    if counted or len(body) < 2:
        return False
    if any(_RATE_HEADER.search(h) for h in header):
        return True
    for j in range(len(header)):
        cells = [r[j] for r in body if j < len(r) and r[j].strip()]
        if len(cells) >= 2 and all(_PER_UNIT.fullmatch(c) for c in cells):
            return True
    return False


__all__ = ["price_list"]
