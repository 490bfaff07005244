"""A commitment's ledger: `Resource | Committed | In use | Unused`.

A cost review accounts for a commitment bought ahead (a committed-use discount, a reservation, a
savings plan, a licence's seats) in a table of its own: how much was committed, how much of it is
used, how much is left (`vCPU | 40 | 24 | 16`). A careful reader takes such a table for the
commitment's accounting: its committed column is what was bought, and its used column is only the
part of the deployment the commitment covers (one machine family, one pool, the seats taken), not the
deployment's totals, which are stated where the deployment is described. None of its figures is a
value of the deployment, even under a header that names production (`In use (N2, production)`).

The table is told by its header: one column names what was committed, reserved or purchased, and
another what of it is left over or how much of it is used as a share (`Unused`, `Remaining`,
`Utilisation`); a limits table's `Headroom` beside `Agreed` and `Stretch (not contracted)` is none.

`commitment_ledger(header)`: whether a header row is such a ledger's; `unread(rows)`: no rows for such a
table, any other table's rows as they are.
"""

from __future__ import annotations

import re

from handoff.read.doctext import Text

_COMMITTED = re.compile(  # (not a column of what was not: `Stretch (not contracted)`)
    r"(?<!\bnot\s)(?<!\bnon-)\b(?:committed|commitments?|reserved|reservations?|purchased|bought|entitle(?:d|ments?)|contracted)\b",
    re.IGNORECASE,
)
_LEFT = re.compile(
    r"\b(?:unused|un-used|remaining|left\s+over|leftover|unutili[sz]ed|idle|utili[sz]ation)\b",
    re.IGNORECASE,
)


def commitment_ledger(header: list[str]) -> bool:
    """A header with a column of what was committed and another of what of it is left or used."""
    committed = [j for j, h in enumerate(header) if _COMMITTED.search(h)]
    left = [j for j, h in enumerate(header) if _LEFT.search(h)]
    return any(j != k for j in committed for k in left)


def unread(rows: list[list[Text]]) -> list[list[Text]]:
    """No rows when the table is a commitment's ledger (its header row's), else `rows`."""
    return [] if rows and commitment_ledger([c.text for c in rows[0]]) else rows


__all__ = ["commitment_ledger", "unread"]
