"""A table cell saying whom its row is given to, Sourcegraph: that row is Sourcegraph's share.

A shared cluster's node pools, a rack's hosts or a licence pool's blocks are listed one a row, with
a column telling whom each row serves (`Dedicated to`, `Reserved for`, `Used by`): `shared`,
`jenkins agents`, `sourcegraph namespace only (taint dedicated=sourcegraph)`. A human reads the
row given to Sourcegraph alone as Sourcegraph's, and the others (and the whole's total) as other
tenants'.

The `services` module's test of a subject cell is widened to such cells: the cell's
lead (before a bracket, comma or semicolon) names Sourcegraph with only generic words and words of
dedication (`only`, `dedicated`, `reserved for`, `exclusively`), or (in another language) with a
few other words all in lower case. A lead naming another system beside it (`Sourcegraph and
Jenkins`, a joiner between them) is not Sourcegraph's alone, so not its row; nor a lead of the
name alone before a comma (`Sourcegraph, deployed with Docker Compose`: a value), nor one its own
words deny (`not supported by Sourcegraph`: a note on a row of other things). The `services`
module reads such a column only in a machines table (a column of machine types).
"""

from __future__ import annotations

import re

_LEAD = re.compile(r"^[^(;,\[]*")
_NAME = re.compile(r"\W*sourcegraph\W*", re.IGNORECASE)  # the name itself, as a word of its own
_FEW = 3  # words beside the name a dedication in another language may have
_JOINERS = frozenset({
    "and", "und", "et", "y", "e", "en", "och", "og", "i", "oraz", "plus", "with", "mit", "avec", "con",
})  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+|\d+")
# words that say a row is given to its tenant alone
_DEDICATION = frozenset({
    "only", "dedicated", "reserved", "exclusively", "exclusive", "solely", "sole", "for", "to", "used", "by",
    "owned", "assigned", "pinned",
})  # fmt: skip
# words that deny a dedication (`not supported by Sourcegraph`, `nicht für Sourcegraph`): a note, no owner
_DENIALS = frozenset({
    "not", "no", "never", "nor", "without", "unsupported", "nicht", "kein", "keine", "pas", "non", "niet",
    "geen", "ikke", "inte", "ei", "nie", "nao", "não",
})  # fmt: skip


def owner_lead(cell: str) -> str:
    """The name `cell` gives its row to, its other words left out (`sourcegraph namespace only
    (taint …)` → `sourcegraph namespace`, `reserved für Sourcegraph` → `sourcegraph`), "" when its
    lead is not such a dedication: the `services` module tests it as a subject."""
    m = _LEAD.match(cell)
    lead = m.group(0) if m else cell
    words = _WORD.findall(lead.lower())
    # (a few words in lower case around the name, in whatever language, no other name, no joiner)
    tokens = lead.split()
    rest = [w for w in tokens if "ourcegraph" not in w.lower()]
    if not any(_NAME.fullmatch(w) for w in tokens):
        return ""  # (`platform/sourcegraph-k8s`: a path or a component's name, not the tenant)
    if any(w in _DENIALS for w in words):
        return ""  # (`not supported by Sourcegraph, not connected`: a note on the row, no dedication)
    if any(w in _DEDICATION for w in words) and len(rest) > _FEW:
        return " ".join(w for w in words if w not in _DEDICATION)
    if (
        0 < len(rest) <= _FEW
        and len(rest) < len(tokens)
        and all(w.isalpha() and w.islower() and w not in _JOINERS for w in rest)
    ):
        return "sourcegraph"
    return ""  # (`Sourcegraph, deployed with …`: a value; `Sourcegraph and Jenkins`: not its alone)


__all__ = ["owner_lead"]
