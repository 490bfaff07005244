"""A state told in the past, then the present: "At go-live we had 1,200 repos; it is 1,650 now",
"Storage was 2 TB. Today it is 3 TB". A human takes the present figure and reads the one before as
history. `then_now(before, sentence)`: the clause or sentence before tells a state in the past (was,
were, had, at go-live, at launch) and this one the present (now, today, currently, these days); the
caller marks the figures before of the fields this one states again as old. A sentence that only
says the figure is unchanged ("it is still 2 TB") states it again, and the old figure is the same.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from handoff.core.model import TddValue
from handoff.core.quickre import quick
from handoff.read import shapes
from handoff.read.changes import CHANGING
from handoff.read.fact import Fact
from handoff.read.stops import sentence_ends

_PAST = re.compile(
    r"\b(?:was|were|had|at (?:go-live|launch|cut-?over|kick-?off|the start)|initially|originally|"
    r"at first|back then|last (?:year|quarter|month))\b",
    re.IGNORECASE,
)
_NOW = quick(r"\b(?:now|today|currently|these days|at present|as of today)\b", re.IGNORECASE)
_STILL = re.compile(r"\b(?:still|unchanged|same)\b", re.IGNORECASE)


def then_now(before: str, sentence: str) -> bool:
    """Whether `before` tells a past state and `sentence` the present that replaces it."""
    return bool(
        _NOW.search(sentence)
        and not _STILL.search(sentence)
        and _PAST.search(before)
        and not _NOW.search(before)
    )


def told_past(sentence: str) -> bool:
    """Whether a sentence tells a state or a step in the past, not the present ("At go-live each claim
    was 500 GB", "On 8 Sep the claims were grown to 800 GB each")."""
    return bool(_PAST.search(sentence)) and not _NOW.search(sentence)


def past_before_now(prose: str, earlier: list[TddValue], label: str, now: list[TddValue]) -> list[TddValue]:
    """Of the values `earlier` read from `prose`, those a labelled value after it in the same paragraph
    makes history: the label names the present ("Total persistent disk for all claims now: 2,800 GB",
    "Currently: …") and gives their field, and they were read in sentences of the prose told in the past
    ("At go-live each claim was 500 GB …", "On 8 Sep they were grown to 800 GB each")."""
    if not _NOW.search(label):
        return []
    fields = {v.field for v in now if v.field in CHANGING}
    if not fields:
        return []
    cuts = [0, *sentence_ends(prose), len(prose)]
    past = [(a, b) for a, b in itertools.pairwise(cuts) if told_past(prose[a:b])]
    out = []
    for v in earlier:
        at = prose.find(v.text) if v.field in fields and v.text else -1
        if at >= 0 and any(a <= at < b for a, b in past):
            out.append(v)
    return out


def present(sentence: str, before: list[Fact]) -> list[Fact]:
    """The present clause's figure with no noun of its own ("it is 1,650 now", "now 3 TB"), as the
    field of the one figure of the clause before: that field's new value; else none."""
    if len({f.field for f in before}) != 1:
        return []
    old = before[0]
    if old.field == "repositories":
        m = re.search(rf"(?<![\w.,]){shapes.NUMBER}(?![\w.,]*\d)(?!\s*(?:%|[KMGT]i?B\b))", sentence)
        if m is None or shapes.YEAR.fullmatch(m.group(0)):
            return []
        return [replace(old, value=shapes.canon(m.group(0)), text=m.group(0), role="", start=m.start())]
    size = next(shapes.sizes(sentence), None)
    if size is None or old.field not in ("total_disk_gb", "total_memory_gb"):
        return []
    return [replace(old, value=size.value, text=size.text, role="", start=size.start)]


def replaced(
    said: tuple[str, object] | None,
    sentence: str,
    facts: list[Fact],
    found: list[Fact],
    last: int,
    run: list[tuple[int, str]] | None = None,
) -> tuple[list[Fact], list[Fact]]:
    """(the facts so far, this sentence's facts) when `sentence` states in the present what the
    sentence before (`said`: its text and context; its facts start at `last`) told in the past: the
    figures before of the fields stated again are old; a figure of no noun of its own is of the
    field before (`present`). `run`: the sentences before (where each starts, its text); those told in
    the past right before it ("At go-live each claim was 500 GB. On 8 Sep they were grown to 800 GB
    each. Total now: 2,800 GB") give history too."""
    if said is None or not then_now(said[0], sentence):
        return facts, found
    found = found or present(sentence, [f for f in facts if f.start >= last and f.field in CHANGING])
    fields = {f.field for f in found} & CHANGING
    first = last
    for at, told in reversed(run or []):
        if not told_past(told):
            break
        first = min(first, at)
    marked = [
        replace(f, role="old") if f.start >= first and f.field in fields and f.role != "part" else f
        for f in facts
    ]
    return marked, found
