"""A machine's own CPU count and memory in a table row: its shape.

A bill of materials or a node-pool sheet gives each machine's figures per machine, beside a count
of machines: in the description of the type (`server CCX63 (48 vCPU, 192 GB RAM, …)`), or in a
column of their own (`Shape | 16vCPU/128GiB`, `Per node | 16 vCPU, 128 GB RAM`). A careful reader
takes the one cell of the row that holds exactly one CPU count and one memory size, never a
column that says it holds totals (`Pool total`); a memory size is one named so (`192 GB RAM`), or
in a shape column written as a compact pair with the CPU count (`16vCPU/128GiB`, `96c/384G`) or
listed after it as the cell's last figure (`16 vCPU, 64 GiB`: no noun after it, so not a disk), as
is a description's one bracketed aside after the type (`r6i.8xlarge (32 vCPU, 256 GiB)`).
"""

from __future__ import annotations

import re

from handoff.core.units import ParseError, parse_size
from handoff.read import shapes
from handoff.read.edits import unedit
from handoff.read.totals import names_total

_RAM_AFTER = re.compile(r"\s*(?:of\s+)?(?:ram|memory)\b", re.IGNORECASE)  # `192 GB RAM`
_PAIRED = re.compile(r"[ \u00a0]?/[ \u00a0]?")  # `16vCPU/` before a size: a compact pair
# `16 vCPU, 64 GiB` in a shape column: the pair listed, its size the cell's last figure, no noun after it
_LISTED = re.compile(r"\s*(?:,|;|\band\b)\s*")
_ENDS = re.compile(r"\s*\)?\s*$")
_SHAPE_ASIDE = re.compile(r"^[^()]*\(\s*\d[^()]*\)")  # `type (32 vCPU, 256 GiB)`: its first aside


def figures(text: str, pairs: bool = True) -> tuple[float, float] | None:
    """The one CPU count and the one memory size (GB) of a cell, else None; `pairs`: a compact pair
    names its memory (a shape column's cell; a description's memory is named `RAM` or `memory`)."""
    cpus = list(shapes.cpus(text))
    if len(cpus) != 1:
        return None
    after = cpus[0].end
    rams = [
        m
        for m in shapes.sizes(text)
        if _RAM_AFTER.match(text, m.end)
        or (pairs and m.start >= after and _PAIRED.fullmatch(text, after, m.start))
        or (
            pairs
            and m.start >= after
            and _LISTED.fullmatch(text, after, m.start)
            and _ENDS.fullmatch(text, m.end)
        )
    ]
    if len(rams) != 1:
        return None
    try:
        return float(cpus[0].value), parse_size(rams[0].value, "GB")
    except ParseError:
        return None


def node_shape(
    cells: list[str], header: list[str], type_col: int, count_col: int
) -> tuple[float, float] | None:
    """A row's per-machine CPU count and memory: its type cell's, else the one other cell (not the
    count, not a column of totals) that holds them."""
    cell = cells[type_col] if type_col < len(cells) else ""
    # (`r6i.8xlarge (32 vCPU, 256 GiB)`: the type's shape in brackets after it, listed as a shape cell's;
    # a correction's old figures beside them left out first)
    aside = _SHAPE_ASIDE.match(unedit(cell)) if "(" in cell else None
    own = figures(aside.group(0)) if aside else figures(cell, pairs=False) if cell else None
    if own is not None:
        return own
    found = [
        f
        for j, text in enumerate(cells)
        if j not in (type_col, count_col) and not (j < len(header) and names_total(header[j]))
        for f in (figures(text),)
        if f is not None
    ]
    return found[0] if len(found) == 1 else None
