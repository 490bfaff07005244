"""One sheet's grid for the Sheets emulator: read, write, clear, insert and resize, pure functions.

A stored sheet is `{"properties": {... "gridProperties": {"rowCount", "columnCount"}},
"data": [[cell, ...], ...], "protectedRanges": [...], "dataValidations": [...]}` where
`data` holds only the filled part (rows and cells trimmed of trailing empties); cells are
described in `sheet_cells`. `write` grows the grid to fit: only `values.append`, `appendCells`
and the seed call it past the edge (updates are checked against the grid first, as the real
service refuses them).
"""

from __future__ import annotations

from typing import Any

from handoff.sandbox.a1 import GridBox
from handoff.sandbox.sheet_cells import SKIP

DEFAULT_ROWS = 1000
DEFAULT_COLS = 26


def new_sheet(
    sheet_id: int,
    title: str,
    index: int,
    rows: int = DEFAULT_ROWS,
    cols: int = DEFAULT_COLS,
    hidden: bool = False,
) -> dict[str, Any]:
    props: dict[str, Any] = {
        "sheetId": sheet_id,
        "title": title,
        "index": index,
        "sheetType": "GRID",
        "gridProperties": {"rowCount": rows, "columnCount": cols},
    }
    if hidden:
        props["hidden"] = True
    return {"properties": props, "data": [], "protectedRanges": [], "dataValidations": []}


def grid_size(sheet: dict[str, Any]) -> tuple[int, int]:
    grid = sheet["properties"]["gridProperties"]
    return int(grid["rowCount"]), int(grid["columnCount"])


def set_grid_size(sheet: dict[str, Any], rows: int, cols: int) -> None:
    """Resize the grid; cells that fall outside are dropped, as in the UI."""
    grid = sheet["properties"]["gridProperties"]
    grid["rowCount"], grid["columnCount"] = rows, cols
    data = sheet["data"][:rows]
    sheet["data"] = [row[:cols] for row in data]
    trim(sheet)


def grow_to(sheet: dict[str, Any], rows: int, cols: int) -> None:
    have_rows, have_cols = grid_size(sheet)
    if rows > have_rows or cols > have_cols:
        set_grid_size(sheet, max(rows, have_rows), max(cols, have_cols))


def read(sheet: dict[str, Any], box: GridBox) -> list[list[Any]]:
    """The stored cells inside `box`, row-major, with trailing empty cells and rows trimmed."""
    data = sheet["data"]
    block = [_slice(data[r] if r < len(data) else [], box.col0, box.col1) for r in range(box.row0, box.row1)]
    return trim_block(block)


def _slice(row: list[Any], col0: int, col1: int) -> list[Any]:
    return list(row[col0:col1])


def trim_block(block: list[list[Any]]) -> list[list[Any]]:
    rows = [_rstrip(row) for row in block]
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _rstrip(row: list[Any]) -> list[Any]:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row[:end]


def transpose(block: list[list[Any]]) -> list[list[Any]]:
    width = max((len(r) for r in block), default=0)
    return [[row[c] if c < len(row) else None for row in block] for c in range(width)]


def write(sheet: dict[str, Any], row0: int, col0: int, cells: list[list[Any]]) -> None:
    """Put a block of stored cells at (row0, col0); `SKIP` leaves a cell as it was."""
    height = len(cells)
    width = max((len(r) for r in cells), default=0)
    grow_to(sheet, row0 + height, col0 + width)
    data = sheet["data"]
    for i, row in enumerate(cells):
        for j, cell in enumerate(row):
            if cell is not SKIP:
                _put(data, row0 + i, col0 + j, cell)
    trim(sheet)


def _put(data: list[list[Any]], r: int, c: int, cell: Any) -> None:
    if cell is None and (r >= len(data) or c >= len(data[r])):
        return
    while len(data) <= r:
        data.append([])
    row = data[r]
    while len(row) <= c:
        row.append(None)
    row[c] = cell


def clear(sheet: dict[str, Any], box: GridBox) -> None:
    data = sheet["data"]
    for r in range(box.row0, min(box.row1, len(data))):
        row = data[r]
        for c in range(box.col0, min(box.col1, len(row))):
            row[c] = None
    trim(sheet)


def insert_rows(sheet: dict[str, Any], at: int, count: int) -> None:
    """Insert `count` empty rows before row index `at` (grid grows by `count`)."""
    rows, _ = grid_size(sheet)
    data = sheet["data"]
    if at < len(data):
        data[at:at] = [[] for _ in range(count)]
    sheet["properties"]["gridProperties"]["rowCount"] = rows + count
    trim(sheet)


def trim(sheet: dict[str, Any]) -> None:
    sheet["data"] = trim_block(sheet["data"])


def table_after(sheet: dict[str, Any], box: GridBox) -> tuple[GridBox | None, int]:
    """The logical table `values.append` finds in `box`, and the row index to append at.

    The table is the block of rows, from the first filled row at or below the range's top to
    the last filled row, that holds data in the range's columns. No table → append at the top.
    """
    filled = [r for r in range(box.row0, len(sheet["data"])) if _has_data(sheet["data"][r], box)]
    if not filled:
        return None, box.row0
    last_col = max(_last_col(sheet["data"][r], box) for r in filled)
    table = GridBox(filled[0], filled[-1] + 1, box.col0, last_col + 1)
    return table, filled[-1] + 1


def _has_data(row: list[Any], box: GridBox) -> bool:
    return any(cell is not None for cell in row[box.col0 : box.col1])


def _last_col(row: list[Any], box: GridBox) -> int:
    cols = [box.col0 + i for i, cell in enumerate(row[box.col0 : box.col1]) if cell is not None]
    return max(cols)
