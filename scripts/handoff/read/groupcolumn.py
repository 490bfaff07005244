"""A first column that groups label/value rows: `Compute` merged down over `Nodes | 4 × m6i.4xlarge`,
`Total vCPU | 64`, then `Code` over `Repositories | 1,200`. A careful reader reads the merged cell as
a small heading over its rows and each row as a label and its value. The reader does the same: each
group becomes a full-width row of its own (as a `PRD` row heading the rows below it, so a group that
names an environment scopes its rows) and its rows lose the first column. Found by shape: a table
of three columns or more whose first column holds a cell merged down over two rows or more
(`rowSpan`), blank only where a merge covers it, and whose second column's cells are mostly labels
of fields; a wider table may be headed by two rows (`Group | Fact` down both, environments
grouped above `Dev | Staging | Live`), which keep their place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from handoff.read.doctext import Text, as_dict
from handoff.read.headerrows import two_rows

_EMPTY: dict[str, Any] = {}


def _down(cell: dict[str, Any]) -> int:
    value = as_dict(cell.get("tableCellStyle")).get("rowSpan", 1)
    return value if isinstance(value, int) and value > 1 else 1


def _record_header(header: list[Text], is_label: Callable[[str], bool]) -> bool:
    """A header row whose cells after the label column name fields (`VM size | Nodes | vCPU per node`):
    each row below is one record (a pool, a VM), its cells those fields' values, so the merged first
    column is a column of its own (the rows' environment), not a heading over label/value rows."""
    names = [c.text for c in header[2:] if c.text]
    return len(names) >= 2 and sum(1 for t in names if is_label(t)) * 2 > len(names)


def lanes(
    grid: list[list[dict[str, Any]]], rows: list[list[Text]], is_label: Callable[[str], bool]
) -> tuple[list[list[dict[str, Any]]], list[list[Text]]] | None:
    """The table with its grouping first column made full-width rows over the rows each groups,
    or None when its first column groups nothing."""
    width = len(rows[0]) if rows else 0
    if len(rows) < 3 or width < 3 or any(len(r) != width for r in rows) or any(len(g) != width for g in grid):
        return None
    head = 2 if width > 3 and two_rows(rows) else 1  # a header of one row, or of two (`Group` down both)
    covered: set[int] = set()
    merged = 0
    for i, g in enumerate(grid[head:], head):
        span = _down(g[0])
        if span > 1 and rows[i][0].text:
            merged += 1
            covered.update(range(i + 1, i + span))
    if width == 3 and merged and _down(grid[0][0]) > 1:
        head, merged = 0, merged + 1  # no header row: the first group starts the table
        covered.update(range(1, _down(grid[0][0])))
    if head == 1 and width > 3 and _record_header(rows[0], is_label):
        return None  # `Environment | Pool | VM size | Nodes`: one record a row, the first column its group
    body = range(head, len(rows))
    if not merged or any(not rows[i][0].text and i not in covered for i in body):
        return None
    labels = [rows[i][1].text for i in body if rows[i][1].text]
    if sum(1 for t in labels if is_label(t)) * 2 < len(labels):
        return None
    out_grid: list[list[dict[str, Any]]] = [g[1:] for g in grid[:head]]
    out_rows: list[list[Text]] = [r[1:] for r in rows[:head]]
    for i in body:
        if i not in covered:
            out_grid.append([grid[i][0], *([_EMPTY] * (width - 2))])
            out_rows.append([rows[i][0], *([Text("")] * (width - 2))])
        out_grid.append(grid[i][1:])
        out_rows.append(rows[i][1:])
    return out_grid, out_rows
