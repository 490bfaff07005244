"""A first column that groups label/value rows: `Compute` merged down over `Nodes | 4 × m6i.4xlarge`,
`Total vCPU | 64`, then `Code` over `Repositories | 1,200`. A careful reader reads the merged cell as
a small heading over its rows and each row as a label and its value. The reader does the same: each
group becomes a full-width row of its own (as a `PRD` row heading the rows below it, so a group that
names an environment scopes its rows) and its rows lose the first column. Found by shape: a table
of three columns whose first column holds a cell merged down over two rows or more (`rowSpan`),
blank only where a merge covers it, and whose second column's cells are mostly labels of fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from handoff.read.doctext import Text, as_dict

_EMPTY: dict[str, Any] = {}


def _down(cell: dict[str, Any]) -> int:
    value = as_dict(cell.get("tableCellStyle")).get("rowSpan", 1)
    return value if isinstance(value, int) and value > 1 else 1


def lanes(
    grid: list[list[dict[str, Any]]], rows: list[list[Text]], is_label: Callable[[str], bool]
) -> tuple[list[list[dict[str, Any]]], list[list[Text]]] | None:
    """The table with its grouping first column made full-width rows over the rows each groups,
    or None when its first column groups nothing."""
    if len(rows) < 3 or any(len(r) != 3 for r in rows) or any(len(g) != 3 for g in grid):
        return None
    covered: set[int] = set()
    merged = 0
    for i, g in enumerate(grid):
        span = _down(g[0])
        if span > 1 and rows[i][0].text:
            merged += 1
            covered.update(range(i + 1, i + span))
    head = 0 if merged and _down(grid[0][0]) > 1 else 1  # a header row: its first cell names the column
    body = range(head, len(rows))
    if not merged or any(not rows[i][0].text and i not in covered for i in body):
        return None
    labels = [rows[i][1].text for i in body if rows[i][1].text]
    if sum(1 for t in labels if is_label(t)) * 2 < len(labels):
        return None
    out_grid: list[list[dict[str, Any]]] = [grid[0][1:]] if head else []
    out_rows: list[list[Text]] = [rows[0][1:]] if head else []
    for i in body:
        if i not in covered:
            out_grid.append([grid[i][0], _EMPTY])
            out_rows.append([rows[i][0], Text("")])
        out_grid.append(grid[i][1:])
        out_rows.append(rows[i][1:])
    return out_grid, out_rows
