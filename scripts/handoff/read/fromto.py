"""The side a move leaves: in "from A … to B" (or "A → B"), A is what the deployment was, B what it became.

"Migration: from the on-prem Docker Compose box to Helm on EKS", "we went from GKE to AKS last
spring", "Docker Compose → Helm (cut over in May)": a careful reader takes the name after "to" (or
the arrow) and sets the one after "from" (or before the arrow) aside, when both are names of the
same field in one sentence. `left_sides(text, found)` gives the names of `found` (one field's) on
the side left; a lone "from" ("deployed from the Helm chart to EKS": no second deployment name)
sets nothing aside.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.read.found import Found

_IN = r"(?:[^.;!?]|\.(?!\s|$))"  # within a sentence (a dot inside an address or a number)
_FROM = re.compile(rf"\bfrom\b{_IN}*$", re.IGNORECASE)  # "from" before the name, in its sentence
_ARROW = re.compile(r"^[^.;!?→]{0,30}?(?:→|->|=>|⇒)[^.;!?]{0,20}$")  # "Docker Compose → Helm"
_HINT = re.compile(r"from|→|->|=>|⇒", re.IGNORECASE)
_TO = re.compile(rf"^{_IN}*?(?:\b(?:to|into|onto)\b|→|->|=>){_IN}*$", re.IGNORECASE)  # then a "to"


def left_sides(text: str, found: Sequence[Found]) -> set[Found]:
    """The names of `found` on the "from" side of a "from … to …" move to another of them."""
    if len(found) < 2 or not _HINT.search(text):
        return set()
    out: set[Found] = set()
    for i, x in enumerate(found):
        later = [y for y in found[i + 1 :] if y.value != x.value]
        if not later:
            continue
        between = text[x.end : later[0].start]
        moved = _FROM.search(text, max(0, x.start - 60), x.start) and _TO.match(between)
        if moved or _ARROW.match(between):
            out.add(x)
    return out
