"""Changes: the old and the new figure of a sentence that changes an amount or the machines
("resized from 4 × c6i.4xlarge to 4 × m6i.4xlarge", "256 GiB (was 128 GiB)", "scaled from 3 to 4 ×
Standard_E16s_v5"), and a state told in the past tense after a bound in the past ("Until
14.09.2026 the production server was a CCX53 (32 vCPU, 128 GB RAM); it was resized …"). The old
side's figures are marked `old` (the gatherer drops that value wherever it is written), the others
`new`. Used by the fact reader (read/facts.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.quickre import quick
from handoff.read import shapes
from handoff.read.fact import Fact

CHANGING = frozenset({"instance_types", "total_cpu", "total_memory_gb", "total_disk_gb", "repositories"})


_AGENT = r"(?:it|they|we|this|that|the \w+)"
_AUX = r"(?:was|were|got|has been|have been|had been)"
_CHANGE = (
    r"(?:re-?sized|increased|expanded|extended|grown|grew|bumped|raised|upgraded|changed|doubled|tripled|"
    r"scaled|moved|went|rose)"
)

# The old figure of a change: "changed from A to B", "resized from A to B", "B (was A)", "B, up from A".
_OLD = quick(
    r"\bfrom\s+(?P<a>(?:[^.;:()]|\.(?=\S)){1,60}?)\s+to\s+(?=\S)"
    r"|\((?:was|previously|formerly|before|(?:up|down) from)\s+(?P<b>[^()]{1,60})\)"
    r"|\b(?:previously|formerly|(?:up|down) from|instead of|rather than|in place of)\s+"
    r"(?P<c>(?:[^.;:,()]|\.(?=\S)){1,40})"
    # a clause opening with a bound in the past and telling a state in the past tense: "Until
    # 14.09.2026 the production server was a CCX53 (32 vCPU, …)", "Before that, Dom was one VM …"
    r"|(?:^|[;:]\s*|\.\s+)(?:until|till|before|prior to)\b"
    r"(?P<d>(?:[^.;]|\.(?=\S)){0,60}?\b(?:was|were|ran|had)\b(?!\s+(?:not\s+)?\w+(?:ed|en|wn|lt)\b)"
    r"(?:[^.;]|\.(?=\S)){1,120})",
    re.IGNORECASE,
)

_THEN = quick(  # (cheap first: a word of change or of the present, then the clause)
    rf"\b(?:{_CHANGE[3:-1]}|now|today|currently)\b", re.IGNORECASE
)
_PAST_STATE = re.compile(
    # a past state, then the change or the present: "Disk was 500 GB at go-live and was resized to
    # 1 TB", "we had 1,200 repos at launch; it is 1,650 now", "started with 800 GB, bumped to 1.2 TB"
    rf"\b(?:was|were|had|started (?:at|with|on)|began (?:at|with))\s+(?P<e>(?:[^.;:]|\.(?=\S)){{1,50}}?)"
    rf"(?=[,;]?\s+(?:and\s+|but\s+|then\s+|since\s+then\s+)?(?:{_AGENT}\s+)?(?:{_AUX}\s+)?{_CHANGE}\s+(?:(?:it|them|this|that)\s+)?(?:up\s+)?to\b"
    rf"|\s*[,;]\s*(?:and\s+|but\s+)?(?:{_AGENT}\s+)?(?:(?:is|are|has|have)\b[^.;]{{0,40}}\b(?:now|today|currently)\b"
    r"|(?:now|today|currently)\b))",
    re.IGNORECASE,
)


def changed(s: str, facts: list[Fact]) -> list[Fact]:
    """In a sentence that changes an amount or the machines ("from 4 × c6i.4xlarge to 4 ×
    m6i.4xlarge", "256 GiB (was 128 GiB)"), the figures of the old side are `old` (the gatherer drops
    that value wherever it is written) and the others are `new`."""
    if not facts:
        return facts
    spans = old_spans(s)
    if not spans:
        return facts
    out = _old_counts(s, spans, facts)
    for f in facts:
        if f.field not in CHANGING:
            out.append(f)
        elif any(a <= f.start < b for a, b in spans):
            out.append(replace(f, role="old"))
        else:
            out.append(replace(f, new=True))
    return out


def _old_counts(s: str, spans: list[tuple[int, int]], facts: list[Fact]) -> list[Fact]:
    """An old side that is a bare count before machines of one type ("scaled from 3 to 4 ×
    Standard_E16s_v5"): that many of the new side's type, the old machines."""
    out = []
    for a, b in spans:
        count = s[a:b].strip()
        new = next((f for f in facts if f.field == "instance_types" and f.start >= b), None)
        kinds = [m.value.split(" × ", 1)[1] for m in shapes.instances(new.value)] if new else []
        if new and count.isdigit() and len(kinds) == 1:
            out.append(replace(new, value=f"{int(count)} × {kinds[0]}", text=count, role="old", start=a))
    return out


def old_spans(s: str) -> list[tuple[int, int]]:
    spans = [(m.start(g), m.end(g)) for m in _OLD.finditer(s) for g in ("a", "b", "c", "d") if m.group(g)]
    if _THEN.search(s):
        spans += [(m.start("e"), m.end("e")) for m in _PAST_STATE.finditer(s)]
    return [(a, b) for a, b in spans if shapes.DIGIT.search(s[a:b])]
