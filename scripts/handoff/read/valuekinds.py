"""The kinds of value a part of a document holds: an address, a machine type with its count, a
size, a CPU count, a date. Two parts holding the same kinds are parallel: the same facts written
for two things (a section per system, a list item per tool), which a heading such as
`Architecture` or `Timeline` beside them is not."""

from __future__ import annotations

import re

_KINDS = {
    "url": re.compile(r"https?://|\w\.(?:com|io|net|org|dev|cloud|internal|local)\b", re.I),
    "machine": re.compile(
        r"\b\d+\s*[x×]\s*[A-Za-z][\w.-]*\d|\b[a-z]\d[a-z]*\.\d*x?large\b|\bStandard_[A-Z]", re.I
    ),
    "size": re.compile(r"\b\d[\d,.]*\s*(?:[GT]i?B|[GT]i?)\b"),
    "cpu": re.compile(r"\b\d+\s*(?:v?CPUs?|cores?)\b", re.I),
    "date": re.compile(  # (`14 May 2026` holds `May 2026`)
        r"\b(?:19|20)\d\d-\d\d-\d\d\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}"
    ),
}
SHARED = 2  # kinds of value two parts share to be parallel


# a quick look at the text before each kind's pattern: what a value of the kind cannot be without
_CUES = {
    "url": (".",),
    "machine": ("x", "×", "standard_", "large"),
    "size": ("gb", "tb", "gi", "ti", "g ", "t "),
    "cpu": ("cpu", "core"),
    "date": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "-"),
}


def value_kinds(text: str) -> set[str]:
    """The kinds of value `text` holds."""
    low = text.lower()
    if not any(ch.isdigit() for ch in low) and "://" not in low:
        return set()  # (every kind but an address holds a figure)
    return {k for k, rx in _KINDS.items() if any(c in low for c in _CUES[k]) and rx.search(text)}


def parallel(text: str, kinds: set[str]) -> bool:
    """Whether `text` holds at least `SHARED` of the kinds of value `kinds` (another part's)."""
    return len(value_kinds(text) & kinds) >= SHARED


__all__ = ["SHARED", "parallel", "value_kinds"]
