"""Changes: the old and the new figure of a sentence that changes an amount or the machines
("resized from 4 × c6i.4xlarge to 4 × m6i.4xlarge", "256 GiB (was 128 GiB)", "scaled from 3 to 4 ×
Standard_E16s_v5"), and a state told in the past tense after a bound in the past ("Until
14.09.2026 the production server was a CCX53 (32 vCPU, 128 GB RAM); it was resized …"), and a
figure said to have become another ("the 1,000 GB data volume … became 1,500 GB"). The old
side's figures are marked `old` (the gatherer drops that value wherever it is written), the others
`new`. The figures a change request was written or approved for, told in the past ("The change was
written (and approved by CAB) for an m6i.4xlarge"), are a plan: they give way to a built value.
Used by the fact reader (read/facts.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.quickre import opened, quick
from handoff.read import permachine, shapes
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
    # a change's old side with its new side told before it: "the server is a CCX53; it was resized from
    # the CCX43 (on 19 May)", "… resized from 3 nodes."
    rf"|\b{_CHANGE}\s+from\s+(?:the\s+|an?\s+)?(?P<z>(?:(?!\bto\b)[^.;:,()]|\.(?=\S)){{1,40}}?)"
    r"(?=\s*(?:[.;:,()]|$)|\s+(?:on|in|at|since|last|after|before|because|when|during)\b)"
    r"|\((?:was|previously|formerly|before|(?:up|down) from)\s+(?P<b>[^()]{1,60})\)"
    # a bracket telling the change that made the figure: "1,600 GB (grown from 800 GB on 2026-08-26)"
    r"|\((?:grown|raised|increased|extended|expanded|enlarged|resized|reduced|shrunk|lowered|changed)\s+from\s+"
    r"(?P<o>(?:(?!\bto\b)[^()]){1,60})\)"
    r"|\b(?:previously|formerly|(?:up|down) from|instead of|rather than|in place of)\s+"
    r"(?P<c>(?:[^.;:,()]|\.(?=\S)){1,40})"
    # a clause opening with a bound in the past and telling a state in the past tense: "Until
    # 14.09.2026 the production server was a CCX53 (32 vCPU, …)", "Before that, Dom was one VM …"
    r"|(?:^|[;:]\s*|\.\s+)(?:until|till|before|prior to)\b"
    r"(?P<d>(?:[^.;]|\.(?=\S)){0,60}?\b(?:was|were|ran|had)\b(?!\s+(?:not\s+)?\w+(?:ed|en|wn|lt)\b)"
    r"(?:[^.;]|\.(?=\S)){1,120})"
    # a stale copy of the figure another part still shows: "now 4,200 GB (the §3 table still shows 3,600)"
    r"|\bstill\s+(?:shows?|says?|lists?|reads?|gives?|quotes?|states?|has)\s+(?P<f>[^.;()]{1,30})"
    # a figure said to have fallen short, a state of the past: "256 GB was not enough for zoekt"
    # what an earlier version of the design had: "(The v1.0 sizing had gitserver at 3 × 1 TiB, …)"
    r"|\b(?:v?\d+(?:\.\d+)+|original|initial|first|earlier|previous|old|draft)\s+(?:sizing|design|draft|plan|"
    r"version|estimate|layout)(?:\s+(?:in|from|on|at)\s+[^.;:,()]{1,30}?)?"  # ("in March was")
    r"\s+(?:had|was|were|used|gave|said|asked for)\b(?P<h>[^.;()]{1,80})"
    # machines before an arrow to others (and their bracket): "nodes 3 × m6i.4xlarge (48 vCPU) → 3 × …"
    r"|(?P<i>(?<![\w.])\d+\s*[×xX*]\s*[A-Za-z][\w-]*\.?[\w-]*\d[\w.-]*(?:\s*\([^()]{0,50}\))?)\s*"
    r"(?:→|->|=>|⇒|⟶|➔)\s*(?=\d+\s*[×xX*]\s*[A-Za-z][\w-]*\.?[\w-]*\d)"  # (to machines, not their totals)
    # what no longer holds: "Production no longer runs on 3 × m6i.4xlarge: …", "is no longer 1,200"
    r"|\bno\s+longer\s+(?P<j>(?:[^.;:,()]|\.(?=\S)){1,60})"
    # what a new figure replaces, its object: "This replaces the n2-standard-16 and the 1 TB disk in the
    # description", "superseding the 3 × m6i.2xlarge of the first estimate" (not "replaced by", "… with")
    r"|\b(?:replac(?:es|ing)|supersed(?:es|ing)|in\s+lieu\s+of)\s+(?!by\b|with\b)"
    r"(?P<k>(?:(?!\bwith\b)[^.;:()]|\.(?=\S)){1,70})"
    # "we replaced the n2-standard-16 with …", "The 3 × m6i.2xlarge were replaced by 4 × …": the side before
    r"|\breplaced\s+(?!by\b|with\b)(?P<l>(?:(?!\b(?:with|by)\b)[^.;:()]|\.(?=\S)){1,70}?)\s+(?:with|by)\b"
    r"|(?:^|[;:]\s*|\.\s+)(?P<m>(?:[^.;:]|\.(?=\S)){1,80}?)\s+(?:was|were|is|are|has\s+been|have\s+been|got)\s+"
    r"(?:now\s+)?(?:replaced|superseded)\s+(?:by|with)\b"
    # what a figure became: "the 1,000 GB data volume in the original record became 1,500 GB"
    r"|(?:^|[;:]\s*|\.\s+)(?P<p>(?:[^.;:]|\.(?=\S)){1,80}?)\s+became\s+(?=(?:about\s+|~\s*)?\d)"
    r"|(?P<g>(?<![\w.,])\d[\d,.]*\s*(?:[KMGT]i?B|vCPUs?|cores?|CPUs?)\b)(?:\s+of\s+\w+)?\s+"
    r"(?:was|were|had been|proved|turned out to be)\s+"
    r"(?:not enough|too (?:small|little|few|low|tight)|insufficient|not sufficient|undersized)\b",
    re.IGNORECASE,
)

_THEN = quick(  # (cheap first: a word of change or of the present, then the clause)
    rf"\b(?:{_CHANGE[3:-1]}|now|today|currently)\b", re.IGNORECASE
)
_PAST_STATE = opened(
    re.compile(
        # a past state, then the change or the present: "Disk was 500 GB at go-live and was resized to
        # 1 TB", "we had 1,200 repos at launch; it is 1,650 now", "started with 800 GB, bumped to 1.2 TB"
        rf"\b(?:was|were|had|started (?:at|with|on)|began (?:at|with))\s+(?P<e>(?:[^.;:]|\.(?=\S)){{1,50}}?)"
        rf"(?=[,;]?\s+(?:and\s+|but\s+|then\s+|since\s+then\s+)?(?:{_AGENT}\s+)?(?:{_AUX}\s+)?{_CHANGE}\s+(?:(?:it|them|this|that)\s+)?(?:up\s+)?to\b"
        rf"|\s*[,;]\s*(?:and\s+|but\s+)?(?:{_AGENT}\s+)?(?:(?:is|are|has|have)\b[^.;]{{0,40}}\b(?:now|today|currently)\b"
        r"|(?:now|today|currently)\b))",
        re.IGNORECASE,
    )
)


# what a change request was written or approved for, told in the past: "The change was written (and
# approved by CAB) for an m6i.4xlarge with 16 vCPU and 64 GiB"
_REQUESTED = quick(
    r"\b(?:change|request|record|rfc|ticket|proposal)\s+(?:\w+\s+)?(?:was|were)\s+(?:originally\s+|first\s+)?"
    r"(?:written|approved|raised|requested|submitted|filed)(?:\s*\([^()]{0,40}\))?\s+for\s+"
    r"(?P<q>(?:[^.;:]|\.(?=\S)){1,80})"
    # what someone asked for, told in the past: "we asked in PLAT-3318 for 5 workers (80 vCPU / 320 GiB)",
    # "we had requested 96 vCPU"; what was granted or built is written beside it
    r"|\b(?:we|they|i|the\s+team|the\s+customer)\s+(?:had\s+|originally\s+|first\s+|initially\s+)?"
    r"(?:asked|applied)\b(?:[^.;:]{0,40}?)\s+for\s+(?P<r>(?:[^.;:]|\.(?=\S)){1,80})"
    r"|\b(?:we|they|i|the\s+team|the\s+customer)\s+(?:had\s+|originally\s+|first\s+|initially\s+)?requested\s+"
    r"(?P<t>(?:[^.;:]|\.(?=\S)){1,80})",
    re.IGNORECASE,
)


def requested(s: str, facts: list[Fact]) -> list[Fact]:
    """The figures a change request was written or approved for, told in the past ("The change was
    written (and approved by CAB) for an m6i.4xlarge with 16 vCPU and 64 GiB"): what was asked for,
    a plan. A writer tells what the request asked for when the build came out otherwise, so those
    figures give way to any other value of their field; alone, they stand (`requested` names a plan:
    `read.precedence` drops a plan beside an actual value)."""
    if not facts or not ("for" in s or "requested" in s.casefold()):
        return facts
    spans = [m.span(g) for m in _REQUESTED.finditer(s) for g in ("q", "r", "t") if m.group(g)]
    return [
        replace(f, how=f"requested ({f.how})")
        if f.field in CHANGING and any(a <= f.start < b for a, b in spans)
        else f
        for f in facts
    ]


def changed(s: str, facts: list[Fact]) -> list[Fact]:
    """In a sentence that changes an amount or the machines ("from 4 × c6i.4xlarge to 4 ×
    m6i.4xlarge", "256 GiB (was 128 GiB)"), the figures of the old side are `old` (the gatherer drops
    that value wherever it is written) and the others are `new`."""
    facts = requested(s, facts)
    if not facts:
        return _old_types(s, old_spans(s)) if _CHANGED_FROM.search(s) else facts
    spans = old_spans(s)
    if not spans:
        return facts
    out = _old_counts(s, spans, facts) + _old_types(s, spans) + _stale_copies(s, facts)
    for f in facts:
        if f.field not in CHANGING:
            out.append(f)
        elif any(a <= f.start < b for a, b in spans):
            out.append(replace(f, role="old"))
        else:
            out.append(replace(f, new=True))
    return out


_STILL = re.compile(
    r"\bstill\s+(?:shows?|says?|lists?|reads?|gives?|quotes?|states?|has)\s+(?P<n>\d[\d,.]*\d|\d)(?![\d,.]*\s*[A-Za-z])"
)


def _stale_copies(s: str, facts: list[Fact]) -> list[Fact]:
    """A bare figure another part still shows beside the sentence's one size ("total persistent disk now
    4,200 GB (the §3 table still shows 3,600)"): that size's old figure, in its unit."""
    sizes = [f for f in facts if f.field in ("total_disk_gb", "total_memory_gb") and " " in f.value]
    if len(sizes) != 1 or "still" not in s:
        return []
    unit = sizes[0].value.rsplit(" ", 1)[1]
    return [
        replace(
            sizes[0],
            value=f"{shapes.canon(m.group('n'))} {unit}",
            text=m.group("n"),
            role="old",
            start=m.start("n"),
        )
        for m in _STILL.finditer(s)
    ]


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


def _old_types(s: str, spans: list[tuple[int, int]]) -> list[Fact]:
    """A type named without a count on the old side of a change ("the server is a CCX53; it was resized
    from the CCX43", "moved the pool from n2-standard-16 to 4 × n2-highmem-16"): the machines of that
    type are history, however many the document counted of them elsewhere (a fact of the type alone,
    `old type`: the gatherer drops machines of only that type when others are written)."""
    out = []
    for a, b in spans:
        for m in shapes.instances(s[a:b]):
            if shapes.bare(m) or permachine.ARTICLE.match(m.text):
                kind = m.value.split(" × ", 1)[1]
                out.append(Fact("instance_types", kind, m.text, "old type", "", "old", a + m.start))
    return out


# a verb of change then `from`: a sentence that may name an old type alone ("resized from the CCX43")
_CHANGED_FROM = quick(rf"\b{_CHANGE}\s+from\b", re.IGNORECASE)


def fell_short(s: str) -> bool:
    """Whether a text says a figure of it fell short ("256 GB was not enough for zoekt"): a past state."""
    return (
        any(m.group("g") for m in _OLD.finditer(s))
        if "oo " in s or "nough" in s or "suffic" in s or "undersized" in s
        else False
    )


def old_spans(s: str) -> list[tuple[int, int]]:
    spans = [
        (m.start(g), m.end(g))
        for m in _OLD.finditer(s)
        for g in ("a", "b", "c", "d", "f", "g", "h", "i", "j", "k", "l", "m", "o", "p", "z")
        if m.group(g)
    ]
    if _THEN.search(s):
        spans += [(m.start("e"), m.end("e")) for m in _PAST_STATE.finditer(s)]
        spans += _stepped(s)
    return [(a, b) for a, b in spans if shapes.DIGIT.search(s[a:b])]


# A step made to an amount: "…, resized to 2 TB", "(bumped to 2 TB …)", "we doubled it to 2 TB", "later
# expanded to 2.5 TB" (a verb of change in the past, then `to` and the new figure)
_STEP = quick(
    rf"\b{_CHANGE}\s+(?P<pronoun>(?:it|them|this|that)\s+)?(?:up\s+)?to\s+"
    r"(?:about\s+|around\s+|roughly\s+|~\s*)?(?P<b>\d(?:[\d,.]*\d)?)\s*(?P<bu>[A-Za-z]+)?",
    re.IGNORECASE,
)
# the figure before the step, and what lies between them (no other figure, no sentence end)
_BEFORE_STEP = re.compile(r"(?<![\w.,])(\d(?:[\d,.]*\d)?)\s*([A-Za-z]+)?(?P<gap>[^\d.:!?]{0,48})$")
# between the figure and the step: a step not made (a plan, a condition: "to be increased to", "can
# be expanded to", "if needed"), or a subject of its own that the step may be about (memory,
# another component, another environment: "gitserver 1 TB, zoekt increased to 500 GB")
_NOT_THE_SAME = quick(
    r"\b(?:be|will|would|could|can|may|might|should|shall|must|needs?|plan\w*|propos\w*|if|unless|"
    r"ram|memory|cpus?|vcpus?|cores?|repo\w*|users?|nodes?|vms?|machines?|servers?|instances?|workers?|"
    r"gitserver|zoekt|search\w*|pgsql|postgres\w*|databases?|db|index\w*|codeintel|redis|minio|"
    r"clusters?|pools?|staging|stage|tests?|dev|dr|uat|qa|trial|pilot|poc|limit|quota|requests?)\b",
    re.IGNORECASE,
)
_ONCE = re.compile(
    r"\b(?:initially|originally|at first|at (?:go-?live|launch|the start|cut-?over))\b", re.IGNORECASE
)
_KINDS = {
    "tb": "size", "gb": "size", "tib": "size", "gib": "size", "mb": "size", "mib": "size", "pb": "size",
    "ti": "size", "gi": "size", "t": "size", "g": "size",
    "vcpu": "cpu", "vcpus": "cpu", "cpu": "cpu", "cpus": "cpu", "cores": "cpu", "core": "cpu",
}  # fmt: skip


def _stepped(s: str) -> list[tuple[int, int]]:
    """The figure a step changes: "Disk: 1 TB at go-live, resized to 2 TB" (1 TB), "1 TB, increased to
    2 TB on 3 July", "started at 1 TB; in July we doubled it to 2 TB": the last figure before a verb
    of change in the past and `to` a figure of the same kind (a size, a CPU count), in one sentence,
    with nothing between that makes the step a plan or gives it a subject of its own. A semicolon
    between needs the step to name what it changes by a pronoun ("doubled it to") or the figure to be
    said to be the first ("1.5 TB initially; extended to 2.5 TB")."""
    out = []
    for m in _STEP.finditer(s):
        kind = _KINDS.get((m.group("bu") or "").lower())
        before = _BEFORE_STEP.search(s, max(0, m.start() - 80), m.start())
        if kind is None or before is None or _KINDS.get((before.group(2) or "").lower()) != kind:
            continue
        gap = before.group("gap")
        if _NOT_THE_SAME.search(gap) or (";" in gap and not (m.group("pronoun") or _ONCE.search(gap))):
            continue
        out.append((before.start(), before.end(2) if before.group(2) else before.end(1)))
    return out


# a service of the deployment, or a container's resource setting: a change said of one changes a part
# ("zoekt memory limit raised from 24 to 40 GiB", "gitserver volume 500 → 900 GiB"), not the total
_OF_PART = quick(
    r"\b(?:gitserver|zoekt|indexed[- ]search|indexserver|webserver|searcher|symbols|postgres(?:ql)?|pgsql|"
    r"codeintel(?:-db)?|codeinsights(?:-db)?|redis(?:-cache|-store)?|blobstore|minio|prometheus|grafana|"
    r"frontend|executors?|precise-code-intel\w*|jaeger|otel\w*|limits?|requests?|heap)\b",
    re.IGNORECASE,
)


def of_part(s: str) -> bool:
    """Whether a change names a part of the deployment or a container setting as what it changed."""
    return _OF_PART.search(s) is not None
