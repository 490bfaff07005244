"""Label/value pairs side by side: a table of four (or six …) columns that alternate label, value,
label, value (`Cloud | AWS | Nodes | 4`), a label/value table folded to save space. A careful reader
reads each pair on its own; so does the reader, once the pairs are laid out one per row, across each
row in turn. Found by alternation, by shape: every cell of the even columns is a short label (no
figure, no address, no sentence), and either the first row repeats its pair (`Field | Value | Field
| Value`, then left out), or two of the labels name fields, or most values are plainly values (a
figure, an address, a longer text). A first row naming environments, or a header row in bold
that does not repeat its pair, or a first row whose every second cell names a field (labels over
their values), heads columns: no fold. Nor does a column of labels holding one label twice (`Depends
on::Used by` row after row): a column of categories under a header, not fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from handoff.read.doctext import Text

_MAX_WORDS = 8
_VALUE = re.compile(r"\d|https?://|[.;]\s|[.;]$")
_SENTENCE = re.compile(r"https?://|[.;]\s|[.;]$")
T = TypeVar("T")


def _label_like(text: str, figures: bool = False) -> bool:
    """A short label: no sentence, no address, and no figure unless `figures` (under a header that
    repeats its pair a label may hold one: `Disk forecast at 24 months`)."""
    return len(text.split()) <= _MAX_WORDS and not (_SENTENCE if figures else _VALUE).search(text)


def pairs(
    rows: list[list[Text]], is_label: Callable[[str], bool], env: Callable[[str], str]
) -> list[tuple[int, int]] | None:
    """Where the labels of a folded label/value table stand, (row, column), row by row and left to
    right (each value on the label's right); None when `rows` is no such table."""
    width = len(rows[0]) if rows else 0
    if width < 4 or width % 2 or len(rows) < 2 or any(len(r) != width for r in rows):
        return None
    head = [c.text.casefold() for c in rows[0]]
    repeated = all(head[j] == head[j % 2] for j in range(width)) and bool(head[0])
    start = 1 if repeated else 0
    body = rows[start:]
    labels = [r[j].text for r in body for j in range(0, width, 2) if r[j].text]
    values = [r[j].text for r in body for j in range(1, width, 2) if r[j].text]
    if not values or not all(_label_like(t, repeated) for t in labels) or not any(r[2].text for r in body):
        return None  # (the cheap tests first: most tables end here)
    if not repeated and (
        sum(1 for t in head[1:] if env(t)) >= 2 or (all(c.bold for c in rows[0]) and any(head))
    ):
        return None
    for j in range(0, width, 2):  # a label written twice down one column is a category, not a label
        column = [r[j].text.casefold() for r in body if r[j].text]
        if len(set(column)) < len(column):
            return None  # (`Type | Related CI | …` over `Depends on::Used by` in row after row)
    top = [c.text for c in rows[0][1::2] if c.text]
    if not repeated and top and all(is_label(t) for t in top):
        return None  # a header row of fields over their values (`Repositories | Monorepos`), not pairs
    named = sum(1 for t in labels if is_label(t))
    plain = sum(1 for t in values if not _label_like(t))
    if not (repeated or named >= 2 or plain * 2 >= len(values)):
        return None
    return [
        (i, j)
        for i, r in enumerate(rows)
        if i >= start
        for j in range(0, width, 2)
        if r[j].text or r[j + 1].text
    ]


def repeated(grid: list[list[str]]) -> list[tuple[int, int]] | None:
    """Where the pairs of a table headed by its pair repeated (`Term | Meaning | Term | Meaning`)
    stand, the header's first pair included: a folded glossary or legend; else None."""
    width = len(grid[0]) if grid else 0
    if width < 4 or width % 2 or any(len(r) != width for r in grid):
        return None
    head = [t.strip().casefold() for t in grid[0]]
    if not head[0] or not head[1] or any(head[j] != head[j % 2] for j in range(width)):
        return None
    return [(0, 0)] + [
        (i, j) for i in range(1, len(grid)) for j in range(0, width, 2) if grid[i][j] or grid[i][j + 1]
    ]


def unfolded(table: list[list[T]], at: list[tuple[int, int]]) -> list[list[T]]:
    """The pairs at `at` (from `pairs`) one per row: `[label, value]`."""
    return [[table[i][j], table[i][j + 1]] for i, j in at]
