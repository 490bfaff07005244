"""A cell of several figures that its header names position by position: the current one is the value.

An autoscaler's node pool is written `3 / 3 / 6` under `Nodes min / current / max`, a deployment's
replicas `2 / 4` under `Replicas (desired / max)`, a quota `12 – 16 – 24` under `Nodes (min – now – max)`.
A careful reader matches the figures to the header's words in order and takes the one the header
calls current (current, desired, running, now, actual, in use): the others are the bounds the
pool may move between, not what runs.

`chosen(rows)`: the table with each such cell holding only its current figure and its header (or
its row's label, when the names stand in the first cell of the row) without the list of positions,
so the column reads as an ordinary count (`Nodes`). A header naming no current position
(`requests / limits`, `min / max`) changes nothing; nor does a cell whose figures are not as many
as the header's names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.read.doctext import Text

_SEP = r"\s*(?:/|–|—|-|\|)\s*"
_WORD = r"[A-Za-z][\w.]*"
# the positions named in order: `min / current / max`, `(desired / max)`, `min–now–max`
_NAMES = re.compile(rf"\(?(?P<names>{_WORD}(?:{_SEP}{_WORD}){{1,3}})\)?")
_CURRENT = frozenset(
    {"current", "desired", "running", "now", "actual", "live", "in-use", "used", "cur", "today"}
)
_LISTED = re.compile(r"\w\s*[/–—|-]\s*\w")  # a header listing anything at all
_FIGURES = re.compile(r"\s*\d[\d,.]*(?:\s*(?:/|–|—|\|)\s*\d[\d,.]*){1,3}\s*")


def _positions(label: str) -> tuple[int, int, str] | None:
    """(how many positions, which is current, the label without them) of a label naming a cell's
    figures in order; None when it names no current position."""
    if not any(sep in label for sep in "/–—-|"):
        return None
    for m in _NAMES.finditer(label):
        names = [w.casefold() for w in re.split(_SEP, m.group("names"))]
        current = [k for k, w in enumerate(names) if w in _CURRENT]
        if len(current) == 1 and len(names) >= 2:
            bare = " ".join((label[: m.start()] + " " + label[m.end() :]).split())
            return len(names), current[0], bare or label
    return None


def _pick(text: str, count: int, at: int) -> str | None:
    """The figure at position `at` of a cell written as `count` figures, else None."""
    if not _FIGURES.fullmatch(text):
        return None
    figures = re.split(r"\s*(?:/|–|—|\|)\s*", text.strip())
    return figures[at] if len(figures) == count else None


def chosen(rows: list[list[Text]]) -> list[list[Text]]:
    """`rows` with each cell of figures its header (or row label) names by position holding only the
    current figure, and that header or label without the names (a copy when anything changed)."""
    if not rows or not any(_LISTED.search(c.text) for c in (*rows[0], *(r[0] for r in rows[1:] if r))):
        return rows  # (no header or label lists positions: the common case, answered cheaply)
    out = [list(r) for r in rows]
    changed = False
    for j, head in enumerate(out[0] if out else []):
        found = _positions(head.text) if len(head.text) <= 60 else None
        if found is None:
            continue
        count, at, bare = found
        cells = [
            (i, _pick(r[j].text, count, at)) for i, r in enumerate(out[1:], 1) if j < len(r) and r[j].text
        ]
        if cells and all(figure is not None for _, figure in cells):
            for i, figure in cells:
                out[i][j] = replace(out[i][j], text=str(figure), links=[], notes=[])
            out[0][j] = replace(head, text=bare, links=list(head.links), notes=list(head.notes))
            changed = True
    for r in out:
        found = _positions(r[0].text) if r and len(r[0].text) <= 60 else None
        if found is None or len(r) < 2:
            continue
        count, at, bare = found
        figures = [(j, _pick(c.text, count, at)) for j, c in enumerate(r[1:], 1) if c.text]
        if figures and all(figure is not None for _, figure in figures):
            for j, figure in figures:
                r[j] = replace(r[j], text=str(figure), links=[], notes=[])
            r[0] = replace(r[0], text=bare, links=list(r[0].links), notes=list(r[0].notes))
            changed = True
    return out if changed else rows


__all__ = ["chosen"]
