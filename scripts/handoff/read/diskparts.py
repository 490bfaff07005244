"""A sentence that lists the disks of the deployment one component at a time ("gitserver gets a 1 TB
volume, zoekt 500 GB and pgsql 250 GB", "We put 2 TB of pd-ssd behind gitserver and another 500 GB for
zoekt"): no figure of it is the disk, their sum is. A careful reader adds them up when each size comes
after words of its own (a component, "another", "a further"), none is said to be a total (the last size
after words of consequence or of the whole, "sda 150 GB, sdb 1,500 GB, so 1,650 GB for the box", is the
total when it is the others' sum: it alone is taken), all are of the one environment, and no size of
another amount stands among them. Sizes offered as options ("1 TB or 2 TB"), compared, or one written
again in other words ("a 2 TB disk, one 2 TB gp3 volume") are not parts: nothing is summed. A part
written one replica at a time ("3 replicas with 800 GiB each") is its count times the size
(`read.eachparts`), or, with no count, leaves nothing summed."""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.units import size_gb
from handoff.read import eachparts, shapes
from handoff.read.fact import Fact
from handoff.read.parts import COMPONENT
from handoff.read.storagepool import whole_sizes

_JOINERS = frozenset({
    "and", "plus", "with", "of", "the", "a", "an", "is", "are", "was", "were", "has", "have", "had", "gets",
    "get", "got", "for", "each", "on", "to", "in", "at", "its", "their", "then", "also", "as", "well",
    "while", "which", "that", "this", "it", "we", "our", "volume", "volumes", "disk", "disks", "storage",
    "ssd",
})  # fmt: skip
_NOT_PARTS = re.compile(
    r"\b(?:or|either|instead|versus|vs|rather|same|single|i\.e|namely)\b|/"
    # "one 2 TB gp3 volume" restates a disk; "one volume per service:" hands each its own (parts)
    r"|\bone\b(?!\s+(?:[\w-]+\s+)?(?:volumes?|disks?|pvcs?)\s+(?:per|for\s+each|for\s+every|each)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w.-]*")
_CLAUSE_END = re.compile(r"[;.](?:\s|$)")


def _after_only(s: str, disks: list[Fact], after: list[str]) -> bool:
    """Whether each size names its part after it ("2 TB for gitserver, 400 GB for zoekt"), no other
    size stands among them and no part is one machine's or replica's ("1,000 GB per replica")."""
    starts = {f.start for f in disks}
    among = (m for m in shapes.sizes(s) if disks[0].start <= m.start <= disks[-1].start)
    return (
        all(_COMPONENT_WORD.search(a) for a in after)  # (not "2,5 TB Premium SSD, 1,024 GiB for the rest")
        and all(m.start in starts for m in among)
        and not any(_PER.search(a) for a in after)
    )


_COMPONENT_WORD = re.compile(rf"\b(?:{COMPONENT.pattern})\b", re.IGNORECASE)  # what a volume is for
_PER = re.compile(r"\b(?:per|each|every|apiece)\b", re.IGNORECASE)


def _own_words(gaps: list[str]) -> bool:
    """Whether each gap holds a word of its own (a component, "another"), not only joiners."""
    return all(any(w.casefold() not in _JOINERS for w in _WORD.findall(gap)) for gap in gaps)


_RESULT_OPENS = re.compile(r"\(\s*(?:=\s*|≈\s*|~\s*|about\s+|i\.e\.\s*|so\s+)?$", re.IGNORECASE)


def _stated_result(facts: list[Fact], disks: list[Fact]) -> list[Fact]:
    """`facts` when the size in brackets closing a list of disks is their sum: that size alone, the
    parts dropped (a bracket of anything else sums nothing: `facts` as they are)."""
    sizes = [size_gb(f.value) for f in disks]
    if any(gb is None for gb in sizes):
        return facts
    *parts, whole = (float(gb or 0) for gb in sizes)
    if not whole or abs(sum(parts) - whole) > 0.01 * whole:
        return facts
    return [f for f in facts if f.field != "total_disk_gb"] + [
        replace(disks[-1], how="sum of named disks, stated")
    ]


_RESULT = re.compile(r"(?:→|->|=>|⇒|=|≈)\s*(?:about\s+|~\s*)?$")  # `… + data 2.5 TB gp3 → 2.6 TB`
# words that make what follows them the consequence or the whole of what came before ("…, so 1,650 GB
# for the box", "…, 2,100 GB in all"): a size after them that equals the sizes before it added up is
# the whole stated after its parts, not one more part
_WHOLE_LEAD = re.compile(
    r"\b(?:so|thus|hence|therefore|that\s+is|that's|which\s+(?:is|makes|gives|comes\s+to)|making|giving"
    r"|in\s+all|in\s+total|altogether|together|overall|totall?ing|comes?\s+to|adds?\s+up\s+to)\b[\s:,]*"
    r"(?:about\s+|roughly\s+|~\s*)?$",
    re.IGNORECASE,
)


def _stated(disks: list[Fact]) -> Fact | None:
    """The last size, after an arrow or `=`, when it is the sum of the sizes before it (`root 100 GB +
    data 2.5 TB → 2.6 TB`): the total the parts make, stated; else None (no sum either: a change)."""
    sizes = [size_gb(f.value) for f in disks]
    if any(g is None for g in sizes):
        return None
    parts, whole = sum(g for g in sizes[:-1] if g is not None), sizes[-1] or 0.0
    return replace(disks[-1], role="total") if abs(parts - whole) <= 0.01 * whole else None


def _led_whole(facts: list[Fact], disks: list[Fact], gap: str) -> list[Fact] | None:
    """`facts` with the last of three or more sizes taken as the whole, when the words before it lead
    to a result (an arrow, `=`, a word of consequence or of the whole: "so", "in all") and it is the
    sum of the sizes before it; when it is not, `facts` as they are after an arrow (a change) and no
    disk at all after a word (the writer's whole and parts disagree); None when no such words lead
    to it."""
    if len(disks) <= 2:
        return None
    arrow = bool(_RESULT.search(gap))
    if not (arrow or _WHOLE_LEAD.search(gap)):
        return None
    stated = _stated(disks)
    others = [f for f in facts if f.field != "total_disk_gb"]
    if stated is None:  # (an arrow's change stays as read; a whole the parts do not make: no disk)
        return facts if arrow else others
    return [*others, stated]


def summed(s: str, facts: list[Fact], unnamed: list[Fact], changes: bool = False) -> list[Fact]:
    """`facts` of sentence `s` with two or more disk sizes listed as parts replaced by their sum (no
    total role: a total the text states, "i.e. 2,960 GB in total", still wins); else `facts` as they
    are. The sizes that named nothing (`unnamed`, "another 500 GB for zoekt") count as parts after a
    disk that opens the list. A sentence that `changes` an amount
    ("enlarged to 4 TB (previously 2.5 TB)") lists no parts."""
    if changes:
        return facts
    disks = [f for f in facts if f.field == "total_disk_gb"]
    taken = {f.start for f in facts}
    items = [
        replace(f, field="total_disk_gb", role="")
        for f in unnamed
        if f.role == "item" and f.start not in taken
    ]
    if disks and items:
        disks = sorted(disks + [f for f in items if f.start > disks[0].start], key=lambda f: f.start)
    if len(disks) < 2 or any(f.role or f.new for f in disks) or len({f.section for f in disks}) > 1:
        return facts
    first, last = disks[0].start, disks[-1].start
    if any(f.field != "total_disk_gb" and first <= f.start <= last for f in facts):
        return facts
    if whole_sizes(s) & {f.start for f in disks}:
        return facts  # "a 2 TB disk on datastore DS-01 (40 TB)": the datastore's size is no part
    ends = [f.start + len(f.text) for f in disks]
    gaps = [s[a : f.start] for a, f in zip([0, *ends], disks, strict=False)]  # the words before each size
    if len(disks) > 2 and _RESULT_OPENS.search(gaps[-1]):  # "… a 100 GB OS disk (2,100 GB)": the result
        return _stated_result(facts, disks)
    led = _led_whole(facts, disks, gaps[-1])
    if led is not None:  # the parts, then what they make ("→ 2.6 TB", "…, so 1,650 GB")
        return led
    after = [*gaps[1:], _CLAUSE_END.split(s[ends[-1] :], 1)[0]]  # and after it ("2 TB for gitserver, …")
    if any(_NOT_PARTS.search(gap) for gap in gaps) or not (_own_words(gaps) or _after_only(s, disks, after)):
        return facts
    each = eachparts.each_total(s, first, ends[-1])  # "3 replicas with 800 GiB each, …": times the count
    if each is not None and not each:
        return facts  # one replica's volume with no count of replicas: no sum
    total = each or 0.0
    for f in disks if each is None else []:
        gb = size_gb(f.value)
        if gb is None:
            return facts
        total += gb
    end = ends[-1]
    one = Fact("total_disk_gb", f"{shapes.canon(f'{total:.3f}')} GB", s[first:end], "sum of named disks",
               disks[0].section, "", first)  # fmt: skip
    return [f for f in facts if f.field != "total_disk_gb"] + [one]
