"""A table cell saying whom its row is given to, Sourcegraph: that row is Sourcegraph's share.

A shared cluster's node pools, a rack's hosts or a licence pool's blocks are listed one a row, with
a column telling whom each row serves (`Dedicated to`, `Reserved for`, `Used by`): `shared`,
`jenkins agents`, `sourcegraph namespace only (taint dedicated=sourcegraph)`. A human reads the
row given to Sourcegraph alone as Sourcegraph's, and the others (and the whole's total) as other
tenants'.

The `services` module's test of a subject cell is widened to such cells: the cell's
lead (before a bracket, comma or semicolon) names Sourcegraph with only generic words and words of
dedication (`only`, `dedicated`, `reserved for`, `exclusively`). A lead naming another system
beside it (`Sourcegraph and Jenkins`) is not Sourcegraph's alone, so not its row.
"""

from __future__ import annotations

import re

_LEAD = re.compile(r"^[^(;,\[]*")
_WORD = re.compile(r"[a-z]+|\d+")
# words that say a row is given to its tenant alone
_DEDICATION = frozenset({
    "only", "dedicated", "reserved", "exclusively", "exclusive", "solely", "sole", "for", "to", "used", "by",
    "owned", "assigned", "pinned",
})  # fmt: skip


def owner_lead(cell: str) -> str:
    """The name `cell` gives its row to, its words of dedication left out (`sourcegraph namespace
    only (taint …)` → `sourcegraph namespace`), "" when its lead has no such word: the `services`
    module tests it as a subject."""
    m = _LEAD.match(cell)
    words = _WORD.findall((m.group(0) if m else cell).lower())
    if not any(w in _DEDICATION for w in words):
        return ""  # (no word giving the row away: `Sourcegraph, deployed with …` is a value)
    return " ".join(w for w in words if w not in _DEDICATION)


__all__ = ["owner_lead"]
