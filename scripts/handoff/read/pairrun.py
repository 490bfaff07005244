"""A run of labelled values on one line: `Limits — users: 2k, concurrent: 250, repos: 8k`.

A careful reader reads each `label: value` of such a line as its own pair, under what the first label
says of them all (a limits part here). `split(value, names_field)`: the first value, then the
(label, value) pairs that follow it after a comma, semicolon, middle dot or bar; a piece splits off only
where its label is a few words that name a field (`names_field`), so prose with a colon in it ("…, as
agreed: 2,000") stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NEXT = re.compile(
    r"\s*[,;·|]\s*(?!(?:of|which|whom|incl\w*|excl\w*|among|out|and|or|but|with|without|from|for|e\.?g|i\.?e)\b)"
    r"(?P<label>[^\W\d_][^\W\d_ .'/-]*(?:[ .'/-][^\W\d_]+){0,3})\s*:\s+(?=\S)",
    re.IGNORECASE,
)  # (not a part of the value before: "1,400, of which repo admins: 20")


def split(value: str, names_field: Callable[[str], bool]) -> tuple[str, list[tuple[str, str]]]:
    """(the first value, the pairs after it) of a run of labelled values; (value, []) for one pair."""
    if ":" not in value:
        return value, []
    cuts = [m for m in _NEXT.finditer(value) if names_field(m.group("label"))]
    if not cuts:
        return value, []
    first = value[: cuts[0].start()]
    pairs = []
    for k, m in enumerate(cuts):
        end = cuts[k + 1].start() if k + 1 < len(cuts) else len(value)
        pairs.append((m.group("label"), value[m.end() : end].strip()))
    return first, pairs
