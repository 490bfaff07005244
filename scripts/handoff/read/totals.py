"""Totals and their parts: whether a figure is said to be the total of the others ("3.6 TB total",
"Together 72 vCPU", "= 2,200 GB", a label "Total storage"), and how a total beats its parts among the
facts read from one text. Used by the fact reader (read/facts.py) and the gatherer (read/gather.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from handoff.core.quickre import quick
from handoff.core.units import size_gb
from handoff.read import shapes
from handoff.read.fact import Fact

# Words saying a figure is the total of its parts: "3.6 TB total", "in sum 4,250 GiB", "Together 72 vCPU",
# "2,000 GB + 200 GB = 2,200 GB" (after an equals sign).
_TOTAL_WORDS = (
    r"in total|in all|altogether|all told|overall|combined|aggregate|in sum|together(?!\s+with)|"
    r"summed(?: up)?|adds? up to|added up|sums? (?:up )?to|totall?ing|all-in|all in(?!\s*[\w-])|"
    # as Dutch, German, French and Spanish write them ("samen 48 vCPU", "insgesamt 3,5 TB")
    r"samen|in totaal|totaal|insgesamt|zusammen|gesamt|au total|en tout|en total"
)
_STATED_TOTAL = re.compile(rf"\b(?:{_TOTAL_WORDS})\b", re.IGNORECASE)
# A note's short `tot` is the total too ("→ tot 56c / 256g", "2.8T tot provisioned"; a Dutch `tot`,
# "up to", is glossed before it is read: `read.languages`).
_TOTAL_AFTER = re.compile(  # "2,200 GiB total", "3,000 GB of EBS total" (not "500 GB of the total")
    r"\s*(?:of\s+(?!(?:the|a|an|our|its|their|this|that|which)\b)[\w-]+(?:\s+[\w-]+)?\s+)?(?:in\s+)?tot(?:al)?\b",
    re.IGNORECASE,
)
_TOTAL_BEFORE = quick(  # "Total production disk is now 3 TB", "In total the disk is 3.3 TB", "= 2 TB"
    rf"(?:\b(?:total|tot|{_TOTAL_WORDS})\b,?[^,;:()=]*|=\s*(?:about\s+|~\s*)?"
    # a label opening with a total word: "Total: 4,100 GB", "total provisioned: 2,600 GiB"
    r"|^\W*(?:sub|grand\s+)?totals?\b[^:\n\d]{0,30}:\s*(?:about\s+|~\s*)?)$",
    re.IGNORECASE,
)
# a total word right before the next figure, no comma between: "…, together 2,200 GB", "… = 2 TB"
_NEXT_TOTAL = re.compile(
    rf"(?:\b(?:total|tot|{_TOTAL_WORDS})\b[^,;:()=.—–]*|=\s*(?:about\s+|~\s*)?)$", re.IGNORECASE
)
_TOTAL_LABEL = re.compile(rf"\b(?:totals?|tot|sum|{_TOTAL_WORDS})\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"(?<=[.!?;])\s+|\n")
_NEXT_FIGURES = re.compile(r"\s*[:=]?\s*(?:about\s+|~\s*)?$")  # nothing between the word and the next figure
_PAUSE = re.compile(r"[,–—(]|\band\b")  # the figure's own words end before the total word


def said_total(head: str, tail: str) -> bool:
    """Whether a figure is said to be the total, from the words of its own clause before it (`head`,
    from the figure before it) and after it (`tail`, up to the next figure): never across a full stop."""
    head = _CLAUSE_END.split(head)[-1]
    tail = _CLAUSE_END.split(tail, maxsplit=1)[0]
    stated = _STATED_TOTAL.search(tail)
    if stated and _NEXT_FIGURES.match(tail, stated.end()) and _PAUSE.search(tail, 0, stated.start()):
        stated = None  # "8 vCPU and 32 GB each, together 48 vCPU": the word opens the next figure
    return bool(stated or _TOTAL_AFTER.match(tail) or _TOTAL_BEFORE.search(head))


def names_total(label: str) -> bool:
    """Whether a label says its value is the total ("Total storage", "Storage (sum)")."""
    return bool(_TOTAL_LABEL.search(label))


def states_total(name: str, label: str, value: str) -> bool:
    """Whether a labelled amount is said to be the total: by its label ("Total disk", "Storage (sum)")
    or by its value ("…; 3.6 TB total")."""
    if _TOTAL_LABEL.search(label):
        return True
    marks = list(shapes.cpus(value) if name == "total_cpu" else shapes.sizes(value))
    return bool(stated_totals(value, marks))


def stated_totals(text: str, marks: list[shapes.Match]) -> list[shapes.Match]:
    """Of the figures found in a text (in order), those said to be the total of the others (or listed
    right after one: "Together 56 vCPU and 416 GiB")."""
    out: list[shapes.Match] = []
    for i, m in enumerate(marks):
        head = text[marks[i - 1].end if i else 0 : m.start]
        tail = text[m.end : marks[i + 1].start if i + 1 < len(marks) else len(text)]
        if i + 1 < len(marks) and not _TOTAL_AFTER.match(tail) and _NEXT_TOTAL.search(tail):
            tail = ""  # "… and the 200 GB system disk, together 2,200 GB": the word is the next figure's
        if in_breakdown(text, m):
            continue
        if (
            said_total(head, tail)
            or (out and out[-1] is marks[i - 1] and LISTED.fullmatch(head))
            or (_ARROW_TOTAL.search(head) and "+" in _CLAUSE_START.split(text[: m.start])[-1])
        ):
            out.append(m)
    if len(out) > 1:  # "pgsql and codeintel-db together 100 GiB → 3,500 GiB in total": the whole
        out = [m for m in out if not _pair_subtotal(text, marks, m)] or out
    return out


# two named things joined, then `together` before or after their figure: "pgsql and codeintel-db
# together 100 GiB", "pgsql and codeintel-db 200 GiB together"
_PAIR = r"[A-Za-z][\w.-]*\s+(?:and|&|\+)\s+[A-Za-z][\w.-]*"
_PAIR_BEFORE = re.compile(rf"(?:^|[,;:(]\s*){_PAIR}\s+together\s*[:=]?\s*(?:about\s+|~\s*)?$", re.IGNORECASE)
_PAIR_AROUND = re.compile(rf"(?:^|[,;:(]\s*){_PAIR}\s*[:=]?\s*(?:about\s+|~\s*)?$", re.IGNORECASE)
_TOGETHER_AFTER = re.compile(r"\s*together\b", re.IGNORECASE)


def _pair_subtotal(text: str, marks: list[shapes.Match], m: shapes.Match) -> bool:
    """Whether a figure said to be a total is only that of the two things its clause names with
    `together` ("…, pgsql and codeintel-db together 100 GiB → 3,500 GiB in total"): people list the
    parts of a whole and add two small ones up in passing; the whole is the total stated after them."""
    i = marks.index(m)
    head = _CLAUSE_END.split(text[marks[i - 1].end if i else 0 : m.start])[-1]
    if _PAIR_BEFORE.search(head):
        return True
    return bool(_PAIR_AROUND.search(head) and _TOGETHER_AFTER.match(text, m.end))


_SIZE_VALUE = re.compile(r"[KMGTP]i?B$")


def in_breakdown(text: str, m: shapes.Match) -> bool:
    """Whether size `m` of `text` stands in a bracket right after a larger size: the bracket breaks that
    size down, and a total word inside it totals the things it names ("2,400 GB (gitserver 4 × 400 GB,
    …, pgsql + redis + blobstore 200 GB together)": those three's 200 GB), not the whole. A size
    larger than the one before the bracket ("500 GB per node (2 TB in total)") is the whole's."""
    opened = text.rfind("(", 0, m.start)
    if opened < 0 or ")" in text[opened : m.start] or not _SIZE_VALUE.search(m.value):
        return False
    before = [b for b in shapes.sizes(text[:opened]) if not text[b.end : opened].strip()]
    if not before:
        return False
    outer, inner = size_gb(before[-1].value), size_gb(m.value)
    return outer is not None and inner is not None and inner < outer


# an arrow after parts added up is their sum ("gitserver 3x 1 TiB + zoekt 2x 500 GiB + misc ~200 GiB
# → ~4.2 TiB"); an arrow correcting one figure was settled before (read/edits.py)
_ARROW_TOTAL = re.compile(r"(?:→|->|⇒)\s*(?:about\s+|~\s*)?$")
_CLAUSE_START = re.compile(r"[.;:\n](?!\d)")


# figures listed side by side ("80 vCPU and 448 GB", Dutch "48 vCPU en 192 GB", German "und")
LISTED = re.compile(r"\s*(?:,|/|&|\+|and|en|und|et|y|,\s*and)?\s*", re.IGNORECASE)


AMOUNTS = frozenset({"total_cpu", "total_memory_gb", "total_disk_gb"})
SIZES = frozenset({"total_memory_gb", "total_disk_gb"})


def bare_totals(
    facts: list[Fact],
    named: Callable[[int], str | None] | None = None,
    apart: Callable[[int, int], bool] | None = None,
) -> list[Fact]:
    """A size said to be a total with no noun of its own, in a clause after its parts ("gitserver 3 × 1 TB,
    other services 600 GB; 3.6 TB total"), is the total of the amount the text spoke of last; after a
    count of the repositories ("so 915 altogether, ~180 GB"), the size of those repositories; with no
    figure before it, the amount its sentence's words before it name (`named`: "storage on gp3; PRD
    total 3,600 GiB (gitserver …)"). Those words win over a figure of an earlier sentence (`apart`:
    whether a full stop lies between two places): "That is 512 GB of memory. The persistent disks for
    gitserver, zoekt and the databases come to 2,400 GB in total" is the disk's."""
    out: list[Fact] = []
    for f in facts:
        if f.field:
            out.append(f)
            continue
        spoken = [g for g in facts if g.start < f.start and (g.field in SIZES or g.field == "repositories")]
        latest = max(spoken, key=lambda g: g.start) if spoken else None
        last = latest.field if latest else None
        if latest is not None and named is not None and apart is not None and apart(latest.start, f.start):
            last = named(f.start) or last
        last = last or (named(f.start) if named else None)
        if last:
            out.append(replace(f, field="total_repo_size_gb" if last == "repositories" else last))
    return out


def totals_win(facts: list[Fact]) -> list[Fact]:
    """A figure said to be the total ("2.25 TiB of gp3 in total") beats the other figures of its
    field and environment in the same text: they are its parts ("4 × 400 GiB PVCs, plus …")."""
    totals = {(f.field, f.section) for f in facts if f.role == "total" and f.field in AMOUNTS}
    return [f for f in facts if f.role in ("total", "old") or (f.field, f.section) not in totals]
