"""A machine's row whose status cell says the machine is not running (a spreadsheet's `Status` column:
`planned`, `ordered`, `cancelled`, `deallocated`, `on order`, `not yet built`): the row is a plan, an
order not delivered or a machine gone, none of the deployment's. Asked only of the short cell of a
column naming no field in a table of machines or their amounts, so a timeline's `planned` milestone
is no concern of it; `live`, `active`, `in service`, `running` count.
"""

from __future__ import annotations

import re

from handoff.read.labelwords import outside_brackets

# the whole cell (its bracketed aside apart), one status: a plan, an order, a cancellation, a machine gone
_NOT_RUNNING = re.compile(
    r"\W*(?:(?:not\s+(?:yet\s+)?(?:built|ordered|delivered|provisioned|deployed|live|started|created))|"
    r"planned|proposed|pending|ordered|on\s+order|to\s+(?:be\s+)?order(?:ed)?|requested|on\s+hold|"
    r"cancell?ed|dropped|deallocated|deleted|removed|destroyed|terminated|scrapped|"
    r"future|optional|reserved\s+only|tbd|backlog)\W*",
    re.IGNORECASE,
)


def not_running(cell: str) -> bool:
    """A status cell saying its row's machine is not running: planned, ordered, cancelled, gone."""
    text = cell.strip()
    if not text or len(text) > 60 or any(ch.isdigit() for ch in outside_brackets(text)):
        return False
    return bool(_NOT_RUNNING.fullmatch(outside_brackets(text)))


__all__ = ["not_running"]
