"""A name its speaker takes back: "We deploy with kustomize — sorry, no, it's the helm chart".

In a call transcript or a chat, people correct themselves as they speak: "on AWS, I mean Azure",
"Kustomize, no wait, Helm", "GKE — correction: AKS", "compose… or rather the Helm chart". A careful
reader takes the name after the correction. `retracted(text, found)` gives the names of `found`
(one field's) right after which the text takes them back, when another name of the same field
follows in the same sentence: "sorry for the delay" retracts nothing, nor does a "No" opening the
next sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.core.quickre import quick
from handoff.read.found import Found

_STOP = r"(?=\s*[,;:.…!—–-])"  # a word of correction standing alone ("sorry,", "no —"), not "sorry for"
_BACK = re.compile(
    rf"[\s,;:…—–-]*\(?\s*(?:(?:sorry|no|wait|well|oops|err?|um+|uh+|actually|my (?:bad|mistake)){_STOP}"
    rf"[\s,;:.…!—–-]*)*(?:(?:sorry|no|actually){_STOP}|i mean|i meant|correction|scratch that|or rather)\b",
    re.IGNORECASE,
)
_HINT = quick(r"sorry|\bno\b|mean|correction|scratch|rather|actually|my bad|my mistake", re.IGNORECASE)


def retracted(text: str, found: Sequence[Found]) -> set[Found]:
    """The names of `found` the text takes back right after them for a later name of their field."""
    if len(found) < 2 or not _HINT.search(text):
        return set()
    return {
        x
        for i, x in enumerate(found)
        if any(y.value != x.value for y in found[i + 1 :]) and _BACK.match(text, x.end, x.end + 40)
    }
