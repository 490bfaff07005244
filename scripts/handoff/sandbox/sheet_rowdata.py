"""Cell writes of `spreadsheets.batchUpdate` for the Sheets emulator: `updateCells` and `appendCells`.

Both carry `rows` (RowData: `{"values": [CellData, …]}`) and a `fields` mask over CellData
(at least one field; `*` means all). Only `userEnteredValue` is kept (the sandbox keeps no
formatting): an ExtendedValue's `stringValue` is stored as text, never parsed (`"=1+1"` stays
text, as with RAW input), `numberValue` / `boolValue` as themselves, `formulaValue` as a formula;
a CellData without a value, under a mask that names the value, empties the cell.

* `updateCells` writes at `start` (a GridCoordinate) or inside `range` (a GridRange, whose
  cells the rows leave uncovered are emptied). Nothing is written past the grid: the request
  is refused, as the real API refuses cells outside the sheet.
* `appendCells` writes after the last row with data anywhere in the sheet, adding rows as
  needed (the grid grows by the rows appended); its columns must lie inside the grid.
"""

from __future__ import annotations

from typing import Any

from handoff.sandbox import sheet_grid
from handoff.sandbox.a1 import GridBox, box_label
from handoff.sandbox.sheet_cells import SKIP, normalize_number, parse_typed


class RequestError(Exception):
    """A request in the batch is invalid; becomes `400 Invalid requests[i].kind: message`."""


def update_cells(sheet: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    keep_values = _writes_values(payload.get("fields"))
    rows = _rows(payload.get("rows"), keep_values)
    if payload.get("start") is not None:
        start = payload["start"] or {}
        row0, col0 = int(start.get("rowIndex") or 0), int(start.get("columnIndex") or 0)
        box = GridBox(row0, row0 + len(rows), col0, col0 + max((len(r) for r in rows), default=0))
    elif payload.get("range") is not None:
        box = _grid_range(sheet, payload["range"])
        if len(rows) > box.rows or any(len(r) > box.cols for r in rows):
            raise RequestError("The rows given do not fit in the range.")
        rows = [[*r, *([None] * (box.cols - len(r)))] for r in rows]
        rows += [[None] * box.cols for _ in range(box.rows - len(rows))]
    else:
        raise RequestError("Either 'start' or 'range' must be set.")
    _check_grid(sheet, box)
    if keep_values and box.rows and box.cols:
        sheet_grid.write(sheet, box.row0, box.col0, rows)
    return {}


def append_cells(sheet: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    keep_values = _writes_values(payload.get("fields"))
    rows = _rows(payload.get("rows"), keep_values)
    at = len(sheet["data"])  # stored data is trimmed: this is the row after the last with data
    width = max((len(r) for r in rows), default=0)
    _, cols = sheet_grid.grid_size(sheet)
    if width > cols:
        _check_grid(sheet, GridBox(at, at + 1, 0, width))
    if rows:
        sheet_grid.grow_to(sheet, at + len(rows), cols)
        sheet_grid.write(sheet, at, 0, rows)
    return {}


def _writes_values(fields: Any) -> bool:
    names = [f.strip() for f in str(fields or "").split(",") if f.strip()]
    if not names:
        raise RequestError("At least one field must be specified in 'fields'.")
    return any(n == "*" or n == "userEnteredValue" or n.startswith("userEnteredValue.") for n in names)


def _rows(rows: Any, keep_values: bool) -> list[list[Any]]:
    if rows is None:
        return []
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise RequestError("'rows' must be a list of RowData objects.")
    return [[_cell(c) if keep_values else SKIP for c in (r.get("values") or [])] for r in rows]


def _cell(cell_data: Any) -> Any:
    """A CellData's `userEnteredValue` → a stored cell (None empties it)."""
    if not isinstance(cell_data, dict):
        raise RequestError("Each value of a RowData must be a CellData object.")
    value = cell_data.get("userEnteredValue")
    if not value:
        return None
    if not isinstance(value, dict) or len(value) != 1:
        raise RequestError("An ExtendedValue must set exactly one of its kinds.")
    kind, raw = next(iter(value.items()))
    if kind == "stringValue":
        return str(raw) or None
    if kind == "numberValue" and isinstance(raw, int | float) and not isinstance(raw, bool):
        return normalize_number(raw)
    if kind == "boolValue" and isinstance(raw, bool):
        return raw
    if kind == "formulaValue" and str(raw).startswith("="):
        return parse_typed(str(raw))
    raise RequestError(f"Invalid ExtendedValue: {kind}={raw!r}")


def _grid_range(sheet: dict[str, Any], grid_range: dict[str, Any]) -> GridBox:
    rows, cols = sheet_grid.grid_size(sheet)
    return GridBox(
        int(grid_range.get("startRowIndex") or 0),
        int(grid_range.get("endRowIndex") or rows),
        int(grid_range.get("startColumnIndex") or 0),
        int(grid_range.get("endColumnIndex") or cols),
    )


def _check_grid(sheet: dict[str, Any], box: GridBox) -> None:
    rows, cols = sheet_grid.grid_size(sheet)
    if box.row1 > rows or box.col1 > cols:
        label = box_label(sheet["properties"]["title"], box)
        raise RequestError(f"Range ({label}) exceeds grid limits. Max rows: {rows}, max columns: {cols}")
