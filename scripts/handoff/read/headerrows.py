"""Header rows stacked: a table headed by two rows, the upper holding merged group cells over the
lower's (`Machine` over `Type | Count`, `PRD` over `Replicas | Size each`, `Environment` over
`Trial | Production`), read as one header row. Merged cells reach the reader as a cell and blanks
after it, so a blank in the upper row belongs to the group on its left. A group cell that names
something (`names`: a field, a count, an environment), or one of several (`Each` and `Sum` over
`vCPU | RAM` each), stays before each lower cell it covers (`Machine Type`, `PRD Size each`, `Sum
vCPU`); a lone group naming nothing (`Details` over every column after the first) is left out,
since a careful reader takes the column's meaning from the lower cell alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from handoff.read.doctext import Text

_FIGURE = re.compile(r"(?!(?:19|20)\d\d\b)(?<!\d)\d")  # a figure; a year (`2027 target`) is a name's


def two_rows(rows: list[list[Text]]) -> bool:
    """The first two rows are one header: the upper's merged cells (blank slots after a text) over
    a lower row of two names or more, with no figure (a year may name a column: `2027 target`)."""
    if len(rows) < 3:
        return False
    top, sub = rows[0], rows[1]
    spans = any(not c.text for c in top[1:]) and any(c.text for c in top[1:])
    return spans and sum(1 for c in sub if c.text) >= 2 and not any(_FIGURE.search(c.text) for c in sub)


def ungrouped(
    grid: list[list[dict[str, Any]]], rows: list[list[Text]], names: Callable[[str], bool]
) -> tuple[list[list[dict[str, Any]]], list[list[Text]]]:
    """A two-row header whose upper row is one group cell over the columns after the first (`Details`
    over `Owner | Due`) naming nothing, left as its lower row with the first column's header
    (standing in either row): every reader then sees one header. Several groups (`Each` over `vCPU |
    RAM`, `Sum` over the same) tell their columns apart, and stay."""
    groups = [c.text for c in rows[0][1:] if c.text]
    if not two_rows(rows) or len(groups) != 1 or names(groups[0]):
        return grid, rows
    first = 0 if rows[0][0].text and not rows[1][0].text else 1
    return [[grid[first][0], *grid[1][1:]], *grid[2:]], [[rows[first][0], *rows[1][1:]], *rows[2:]]


def stacked(rows: list[list[Text]], names: Callable[[str], bool]) -> tuple[list[list[Text]], list[str]]:
    """`rows` with a two-row header made one (the rows below as they are), and the lower header
    row's cells (each column's own header; '' where the upper cell spans both rows)."""
    if not two_rows(rows):
        return rows, []
    top, sub = rows[0], rows[1]
    groups = [c.text for c in top[1:] if c.text]
    plain = len(groups) == 1 and not names(groups[0])  # one group naming nothing: the lower cells say it
    header, last = [], ""
    for j, c in enumerate(top):
        last = c.text or last
        lower = sub[j].text if j < len(sub) else ""
        group = last if (c.text or j > 0) else ""
        if lower and group and j > 0 and plain:
            group = ""
        header.append(Text(f"{group} {lower}".strip() if lower else (c.text or last)))
    return [header, *rows[2:]], [sub[j].text if j < len(sub) else "" for j in range(len(top))]
