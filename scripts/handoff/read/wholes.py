"""A machine total beside its own parts: the part gives way to the whole it makes up.

People who size a deployment write the fleet's figure and one machine's or one pool's figure side by
side, in either order and often in different places: "Two hosts: 64 cores, 512 GB" in one
sentence, "all in: 128 cores, 1 TB of RAM" in the next; "3 application servers: 32 cores" in one
list item and "96 cores" in another. When nothing marks the part as one machine's ("each", "per
node"), the reader holds both figures as production values of one field: a conflict.

Arithmetic tells a part from a rival, whatever the words: a figure that, times a count of machines
written where it was read ("3 application servers — 32 cores / 256 GB"), equals a larger figure of
the same field (within 1.5%: a rounded "~1.5 TB" over 3 × 500 GB) is one machine's share of that
whole, not a second production value. The count must be the part's own: a count written elsewhere
in the document, or beside the larger figure, may count other machines (a shared cluster's
workers, a second site's servers, a growth plan's VMs), and a count that only happens to divide the
total is no evidence. Only the part is dropped, and only beside the whole it makes up; figures the
arithmetic does not join stay a conflict. Values of trial parts are neither parts nor wholes here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import combinations

from handoff.core.model import TddValue
from handoff.read.gatherparts import amounts

FIELDS = ("total_cpu", "total_memory_gb", "total_disk_gb")
_TOLERANCE = 0.015

_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "pair": 2,
}  # fmt: skip
_NUMBER = r"(?:\d{1,3}|" + "|".join(_WORDS) + r")"
_MACHINE = r"(?:vms?|nodes?|servers?|hosts?|instances?|machines?|workers?|boxes)"
# "3 VMs", "three identical application servers", "4 worker nodes", "both hosts", "three of them"
_UNIT = (
    r"(?:v?cpus?|cores?|threads?|[kmgt]i?b|ram|memory|disk|ssd|nvme)"  # "8 vCPU nodes": a size, not a count
)
_COUNTED = re.compile(
    rf"\b({_NUMBER})\s+(?:(?!{_UNIT}\b)[a-z][\w-]*\s+){{0,2}}?{_MACHINE}\b|\b({_NUMBER})\s+of\s+them\b",
    re.IGNORECASE,
)


def _count(word: str) -> int | None:
    word = word.casefold()
    return _WORDS.get(word) or (int(word) if word.isdigit() else None)


def machine_counts(texts: Iterable[str]) -> set[int]:
    """The counts of machines written in `texts`: a number (in figures or words) before a machine
    noun ("3 VMs", "four worker nodes", "both hosts") or "N of them". Only counts of two or more: a
    whole of one machine is its own part."""
    found: set[int] = set()
    for text in texts:
        for m in _COUNTED.finditer(text):
            n = _count(m.group(1) or m.group(2))
            if n:
                found.add(n)
    return {n for n in found if n >= 2}


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _TOLERANCE * max(a, b)


def _adds_to(name: str, product: float, whole: float) -> bool:
    """Whether a count times a part is the whole: within 1.5%, or, for a size, within 1.5% of the
    whole's binary reading (a "1 TB" over 2 × 512 GB: a terabyte taken as 1,024 GB)."""
    return _close(product, whole) or (name != "total_cpu" and _close(product, whole * 1.024))


def parts_of_wholes(
    values: list[TddValue], scope: Callable[[TddValue], str], text_at: Callable[[TddValue], str]
) -> set[int]:
    """The ids of CPU, memory and disk values that are one machine's share of a larger value of their
    field in the same scope (`scope`: production or trial): the larger a count (two or more) times the
    smaller, the count written where the smaller was read (`text_at`: "3 servers: 32 cores …")."""
    dropped: set[int] = set()
    for name in FIELDS:
        by_scope: dict[str, dict[float, list[TddValue]]] = {}
        for v in values:
            if v.field != name or scope(v) == "trial":
                continue
            found = amounts(name, v.value or v.text)
            if len(found) == 1 and isinstance(found[0], float) and found[0] > 0:
                by_scope.setdefault(scope(v), {}).setdefault(found[0], []).append(v)
        for figures in by_scope.values():
            for whole, part in combinations(sorted(figures, reverse=True), 2):
                n = round(whole / part)
                if (
                    n >= 2
                    and _adds_to(name, n * part, whole)
                    and n in machine_counts(text_at(v) for v in figures[part])
                ):
                    dropped.update(id(v) for v in figures[part])
    return dropped
