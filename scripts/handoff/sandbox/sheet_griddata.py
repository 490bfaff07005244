"""`spreadsheets.get` with grid data for the Sheets emulator: `ranges=` and `includeGridData` / `fields`.

The real API returns, for `GET /v4/spreadsheets/{id}?ranges=…` with `includeGridData=true` or a
`fields` mask naming `data`, only the sheets the ranges touch, each with one `GridData` per range:
`{"startRow", "startColumn", "rowData": [{"values": [CellData, …]}, …]}` (zero starts are left
out, as proto3 JSON does; trailing empty rows and cells are trimmed; an empty cell is `{}`).
A CellData here holds `userEnteredValue`, `effectiveValue`, `formattedValue` and the cell's
`dataValidation` rule; the sandbox keeps no formatting, so no format fields. With `ranges` but
no grid data, the sheets are still limited to those the ranges touch. The `fields` mask is not
applied otherwise: the answer is a superset of what was asked, which clients tolerate.
"""

from __future__ import annotations

import re
from typing import Any

from handoff.sandbox.a1 import GridBox
from handoff.sandbox.sheet_cells import FORMATTED, UNFORMATTED, render

_DATA_FIELD = re.compile(r"\bdata\b")


def wants_grid_data(include_grid_data: bool, fields: str | None) -> bool:
    """Grid data is returned when asked for, or when the `fields` mask names `data` (the mask wins)."""
    if fields:
        return bool(_DATA_FIELD.search(fields))
    return include_grid_data


def grid_data(sheet: dict[str, Any], box: GridBox, locale: str | None = None) -> dict[str, Any]:
    """One `GridData` for `box` of a stored sheet."""
    rows = []
    data = sheet["data"]
    for r in range(box.row0, box.row1):
        stored = data[r] if r < len(data) else []
        cells = [
            _cell_data(stored[c] if c < len(stored) else None, validation_at(sheet, r, c), locale)
            for c in range(box.col0, box.col1)
        ]
        while cells and not cells[-1]:
            cells.pop()
        rows.append({"values": cells} if cells else {})
    while rows and not rows[-1]:
        rows.pop()
    out: dict[str, Any] = {}
    if box.row0:
        out["startRow"] = box.row0
    if box.col0:
        out["startColumn"] = box.col0
    out["rowData"] = rows
    return out


def validation_at(sheet: dict[str, Any], row: int, col: int) -> dict[str, Any] | None:
    """The data-validation rule of one cell: the last rule set on a range covering it."""
    found = None
    for item in sheet.get("dataValidations") or []:
        if _covers(item["range"], row, col):
            found = item["rule"]
    return found


def _covers(grid_range: dict[str, Any], row: int, col: int) -> bool:
    def inside(value: int, start: str, end: str) -> bool:
        lo = grid_range.get(start)
        hi = grid_range.get(end)
        return (lo is None or value >= int(lo)) and (hi is None or value < int(hi))

    return inside(row, "startRowIndex", "endRowIndex") and inside(col, "startColumnIndex", "endColumnIndex")


def _cell_data(cell: Any, rule: dict[str, Any] | None, locale: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if cell is not None:
        value = render(cell, UNFORMATTED)
        formula = cell.get("f") if isinstance(cell, dict) else None
        out["userEnteredValue"] = {"formulaValue": formula} if formula else _extended(value)
        out["effectiveValue"] = _extended(value)
        out["formattedValue"] = render(cell, FORMATTED, locale=locale)
    if rule:
        out["dataValidation"] = rule
    return out


def _extended(value: Any) -> dict[str, Any]:
    """An ExtendedValue: exactly one of numberValue, stringValue, boolValue."""
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int | float):
        return {"numberValue": value}
    return {"stringValue": str(value)}
