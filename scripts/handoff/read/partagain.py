"""A part of a total, named again elsewhere, is that part, not a rival total.

A writer who states a total with its parts in one sentence ("a 100 GB root volume and a 1,500 GB
gp3 data volume; 1,600 GB of EBS in total") often comes back to one of the parts on its own further
on ("the 1,000 GB data volume in the original record became 1,500 GB"): the figure is the part the
total was made of, written again, not a second total. So a disk or memory figure of the same
environment equal to one of the sizes a total's own sentence adds up to it (written right before
the total, each smaller than it, their sum the total) gives way to the total. A figure no total's
sentence adds up from stays a rival (a conflict). So does a total written first with its working
after an `=` ("Disk: 7,440 GB = 3 × 480 GB usable boot + 6,000 GB NFS export", then "one NFS export, 6
TB"): the working's sizes, each times its count, add up to it, and a figure equal to one of them is
that part.

A paragraph that works a total out of counted terms ("gitserver 3 × 1,000 GB, indexed-search 2 × 300
GB, everything else 200 GB together. 3,800 GB in total.", "5 volumes × 400 GB = 2,000 GB") may read
a term as a total of its own (`200 GB together`): when the last terms before the total, each times
its count, add up to it, a figure read at the same place equal to a term's size or subtotal is that
term, not a rival. Only at the same place: elsewhere a figure equal to a term may be another
volume, environment or system's (the arithmetic ties the terms to their total only where they are
written together).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.model import TddValue
from handoff.core.units import parse_size
from handoff.read import shapes

_FIELDS = ("total_disk_gb", "total_memory_gb")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def _gb(text: str) -> float | None:
    size = next(shapes.sizes(text), None)
    return round(parse_size(size.value, "GB"), 1) if size else None


def _parts_before(total: TddValue, block: str) -> list[float]:
    """The sizes written right before a figure in its own sentence that add up to it (the last two
    or more: not the memory a sentence names before the disks), else none."""
    whole = _gb(total.value or total.text)
    sentence = next((s for s in _SENTENCE_END.split(block) if total.text and total.text in s), "")
    if whole is None or not sentence:
        return []
    before = sentence[: sentence.find(total.text)]
    sizes = [round(parse_size(s.value, "GB"), 1) for s in shapes.sizes(before)]
    for k in range(2, len(sizes) + 1):
        parts = sizes[-k:]
        if all(0 < p < whole for p in parts) and abs(sum(parts) - whole) <= 0.005 * whole:
            return parts
    return []


# a size with the count of its like before it: `3 × 1,000 GB`, `5 volumes × 400 GB`, `2 disks of 300 GB`
_COUNTED = re.compile(
    r"(?:\b(?P<n>\d{1,3})\s*(?:[a-z][\w-]*\s+){0,2}(?:[×x*]|at|of)\s*)?"
    r"(?P<size>\d[\d.,]*\s*(?:[KMGT]i?B|[GT])\b)",
    re.IGNORECASE,
)


def _counted_before(total: TddValue, block: str) -> list[float]:
    """The sizes and subtotals of the terms written right before a total in its paragraph, each with
    the count of its like before it (`gitserver 3 × 1,000 GB, indexed-search 2 × 300 GB, everything
    else 200 GB together. 3,800 GB in total.`, `5 volumes × 400 GB = 2,000 GB`), when the last of
    them, each times its count, add up to it (one term only with a count of two or more); else none."""
    whole = _gb(total.value or total.text)
    at = block.find(total.text) if total.text else -1
    if whole is None or at < 0:
        return []
    terms: list[tuple[int, float]] = []
    for t in _COUNTED.finditer(block[:at]):
        try:
            terms.append(
                (int(t.group("n") or 1), round(parse_size(t.group("size").replace(",", ""), "GB"), 1))
            )
        except ValueError:
            return []
    for k in range(1, len(terms) + 1):
        last = terms[-k:]
        if k == 1 and last[0][0] < 2:
            continue
        if all(0 < g < whole for _, g in last) and abs(sum(n * g for n, g in last) - whole) <= 0.005 * whole:
            return [x for n, g in last for x in ((g, n * g) if n > 1 else (g,)) if x < whole]
    return []


_WORKING_AFTER = re.compile(r"^\s*(?:~|≈|about\s+)?[\d.,]+\s*[A-Za-z]{0,6}\s+=\s*(?P<working>[^.;=\n]+)")
_TERM = re.compile(r"(?:(?P<n>\d{1,3})\s*[×x*]\s*)?(?P<size>\d[\d.,]*\s*(?:[KMGT]i?B|[GT])\b)", re.IGNORECASE)


def _parts_after(total: TddValue) -> list[float]:
    """The sizes of the working a total's own value writes after it (`7,440 GB = 3 × 480 GB usable boot
    + 6,000 GB NFS export`) when the terms, each times its count, add up to it; else none."""
    whole = _gb(total.value or total.text)
    working = _WORKING_AFTER.match(total.text)
    if whole is None or working is None or "+" not in working.group("working"):
        return []
    terms = [
        (int(t.group("n") or 1), round(parse_size(t.group("size").replace(",", ""), "GB"), 1))
        for t in _TERM.finditer(working.group("working"))
    ]
    if len(terms) < 2 or abs(sum(n * g for n, g in terms) - whole) > 0.005 * whole:
        return []
    return [g for _, g in terms if 0 < g < whole]


def _at_own_place(v: TddValue, total: TddValue) -> bool:
    """Whether `v` is another figure read at `total`'s own place."""
    return v is not total and v.location == total.location


def parts_again(
    values: list[TddValue], text_at: Callable[[TddValue], str], environment: Callable[[str], str]
) -> set[int]:
    """The ids of the disk and memory figures that are a part of a total (a figure its own sentence
    adds up to from the sizes right before it) written again elsewhere in its environment, and of
    those read at a total's own place that are a counted term of the working before it."""
    drop: set[int] = set()
    for name in _FIELDS:
        found = [v for v in values if v.field == name and v.section != "trial"]
        for total in found:
            parts = _parts_before(total, text_at(total)) or _parts_after(total)
            counted = [] if parts else _counted_before(total, text_at(total))
            drop |= {
                id(v) for v in found
                if environment(v.section) == environment(total.section)
                and (v.location != total.location if parts else _at_own_place(v, total))
                and (gb := _gb(v.value or v.text)) is not None
                and any(abs(gb - p) <= 0.005 * p for p in parts or counted)
            }  # fmt: skip
    return drop
