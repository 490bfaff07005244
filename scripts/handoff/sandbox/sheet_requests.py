"""`spreadsheets.batchUpdate` requests for the Sheets emulator, applied to a loaded spreadsheet.

Supported: addSheet, deleteSheet, updateSheetProperties (with the `fields` mask),
updateSpreadsheetProperties, appendDimension, setDataValidation, addProtectedRange,
deleteProtectedRange, and the cell writes updateCells / appendCells (see `sheet_rowdata`);
formatting-only requests (updateDimensionProperties,
autoResizeDimensions, repeatCell, …) are accepted and change nothing, since the sandbox keeps
no formatting. Replies have the real shape: `{}` for most, `{"addSheet": {"properties": …}}`,
`{"addProtectedRange": {"protectedRange": …}}`. The batch is atomic: the caller saves the
spreadsheet only if every request succeeded.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from handoff.sandbox import sheet_grid, sheet_rowdata
from handoff.sandbox.http import ApiError

Request = dict[str, Any]
Book = dict[str, Any]

NO_OPS = frozenset(
    {
        "updateDimensionProperties",
        "autoResizeDimensions",
        "repeatCell",
        "updateBorders",
        "mergeCells",
        "unmergeCells",
        "addConditionalFormatRule",
        "setBasicFilter",
        "clearBasicFilter",
        "addBanding",
    }
)


RequestError = sheet_rowdata.RequestError


def apply_requests(book: Book, requests: Any) -> list[dict[str, Any]]:
    """Apply every request in order; returns the replies. Raises ApiError(400) on the first bad one."""
    if not isinstance(requests, list):
        raise ApiError(400, "Invalid JSON payload received. 'requests' must be a list.")
    return [_apply_one(book, i, req) for i, req in enumerate(requests)]


def _apply_one(book: Book, i: int, req: Any) -> dict[str, Any]:
    if not isinstance(req, dict) or len(req) != 1:
        raise ApiError(400, f"Invalid requests[{i}]: exactly one request kind must be set.")
    kind, payload = next(iter(req.items()))
    handler = HANDLERS.get(kind)
    if handler is None and kind not in NO_OPS:
        raise ApiError(
            400,
            f"Invalid JSON payload received. Unknown name \"{kind}\" at 'requests[{i}]': Cannot find field.",
        )
    try:
        return handler(book, payload or {}) if handler else {}
    except RequestError as exc:
        raise ApiError(400, f"Invalid requests[{i}].{kind}: {exc}") from None


# -- helpers -----------------------------------------------------------------------------------


def _sheet_by_id(book: Book, sheet_id: Any) -> dict[str, Any]:
    sid = int(sheet_id or 0)
    for sheet in book["sheets"]:
        if sheet["properties"]["sheetId"] == sid:
            return sheet
    raise RequestError(f"No grid with id: {sid}")


def _titles(book: Book, *, skip: dict[str, Any] | None = None) -> set[str]:
    return {s["properties"]["title"].casefold() for s in book["sheets"] if s is not skip}


def _new_sheet_id(book: Book, title: str) -> int:
    """A random-looking positive 31-bit id, deterministic for the same spreadsheet and title."""
    used = {s["properties"]["sheetId"] for s in book["sheets"]}
    rnd = random.Random(f"{book['spreadsheetId']}:{title}:{len(book['sheets'])}")
    while True:
        candidate = rnd.randrange(1, 2**31 - 1)
        if candidate not in used:
            return candidate


def _reindex(book: Book) -> None:
    for i, sheet in enumerate(sorted(book["sheets"], key=lambda s: s["properties"]["index"])):
        sheet["properties"]["index"] = i


def _move(book: Book, sheet: dict[str, Any], index: int) -> None:
    others = sorted((s for s in book["sheets"] if s is not sheet), key=lambda s: s["properties"]["index"])
    index = max(0, min(index, len(others)))
    others.insert(index, sheet)
    for i, s in enumerate(others):
        s["properties"]["index"] = i


def _default_title(book: Book) -> str:
    taken = _titles(book)
    n = len(book["sheets"]) + 1
    while f"sheet{n}" in taken:
        n += 1
    return f"Sheet{n}"


# -- handlers ----------------------------------------------------------------------------------


def add_sheet(book: Book, payload: Request) -> dict[str, Any]:
    props = dict(payload.get("properties") or {})
    title = str(props.get("title") or _default_title(book))
    if title.casefold() in _titles(book):
        raise RequestError(f'A sheet with the name "{title}" already exists. Please enter another name.')
    sheet_id = props.get("sheetId")
    if sheet_id is not None and any(s["properties"]["sheetId"] == int(sheet_id) for s in book["sheets"]):
        raise RequestError(f"A sheet with the id {sheet_id} already exists.")
    grid = props.get("gridProperties") or {}
    sheet = sheet_grid.new_sheet(
        int(sheet_id) if sheet_id is not None else _new_sheet_id(book, title),
        title,
        len(book["sheets"]),
        int(grid.get("rowCount") or sheet_grid.DEFAULT_ROWS),
        int(grid.get("columnCount") or sheet_grid.DEFAULT_COLS),
        bool(props.get("hidden")),
    )
    for key in ("frozenRowCount", "frozenColumnCount"):
        if grid.get(key):
            sheet["properties"]["gridProperties"][key] = int(grid[key])
    if props.get("tabColor"):
        sheet["properties"]["tabColor"] = props["tabColor"]
    book["sheets"].append(sheet)
    if props.get("index") is not None:
        _move(book, sheet, int(props["index"]))
    _check_not_all_hidden(book)
    return {"addSheet": {"properties": sheet["properties"]}}


def delete_sheet(book: Book, payload: Request) -> dict[str, Any]:
    sheet = _sheet_by_id(book, payload.get("sheetId"))
    if len(book["sheets"]) == 1:
        raise RequestError("You can't remove all the sheets in a document.")
    book["sheets"] = [s for s in book["sheets"] if s is not sheet]
    _reindex(book)
    _check_not_all_hidden(book)
    return {}


def update_sheet_properties(book: Book, payload: Request) -> dict[str, Any]:
    new = payload.get("properties") or {}
    sheet = _sheet_by_id(book, new.get("sheetId"))
    props = sheet["properties"]
    old_size = sheet_grid.grid_size(sheet)
    for path in _field_paths(payload.get("fields"), new):
        if path[0] in ("sheetId", "sheetType"):
            continue
        if path == ["index"]:
            _move(book, sheet, int(new.get("index") or 0))
            continue
        _set_path(props, path, _get_path(new, path))
    _normalize_props(book, sheet, old_size)
    return {}


def _field_paths(fields: Any, new: dict[str, Any]) -> list[list[str]]:
    """`"gridProperties/rowCount,hidden"` → [["gridProperties", "rowCount"], ["hidden"]]; `*` = all given."""
    if not fields:
        raise RequestError("At least one field must be updated, but 'fields' is empty.")
    paths: list[list[str]] = []
    for item in str(fields).split(","):
        item = item.strip()
        if item == "*":
            paths.extend(_leaf_paths(new))
        elif item:
            paths.append(item.replace("/", ".").split("."))
    return paths


def _leaf_paths(obj: dict[str, Any], prefix: list[str] | None = None) -> list[list[str]]:
    out: list[list[str]] = []
    for key, value in obj.items():
        path = [*(prefix or []), key]
        if key == "gridProperties" and isinstance(value, dict):
            out.extend(_leaf_paths(value, path))
        else:
            out.append(path)
    return out


def _get_path(obj: dict[str, Any], path: list[str]) -> Any:
    for key in path:
        if not isinstance(obj, dict) or key not in obj:
            return None
        obj = obj[key]
    return obj


def _set_path(obj: dict[str, Any], path: list[str], value: Any) -> None:
    for key in path[:-1]:
        obj = obj.setdefault(key, {})
    is_default = (
        value is None or value is False or (value == 0 and path[-1] not in ("rowCount", "columnCount"))
    )
    if is_default:
        obj.pop(path[-1], None)  # proto3: default values are absent
    else:
        obj[path[-1]] = value


def _normalize_props(book: Book, sheet: dict[str, Any], old_size: tuple[int, int]) -> None:
    props = sheet["properties"]
    title = str(props.get("title") or "")
    if not title:
        raise RequestError("The sheet title must not be empty.")
    if title.casefold() in _titles(book, skip=sheet):
        raise RequestError(f'A sheet with the name "{title}" already exists. Please enter another name.')
    grid = props.setdefault("gridProperties", {})
    rows = int(grid.get("rowCount") or old_size[0])
    cols = int(grid.get("columnCount") or old_size[1])
    if rows < 1 or cols < 1:
        raise RequestError("A sheet must keep at least one row and one column.")
    sheet_grid.set_grid_size(sheet, rows, cols)
    _check_not_all_hidden(book)


def _check_not_all_hidden(book: Book) -> None:
    if all(s["properties"].get("hidden") for s in book["sheets"]):
        raise RequestError("You can't hide all the sheets in a document.")


def update_spreadsheet_properties(book: Book, payload: Request) -> dict[str, Any]:
    new = payload.get("properties") or {}
    for path in _field_paths(payload.get("fields"), new):
        if path[0] in ("title", "locale", "timeZone", "autoRecalc"):
            value = _get_path(new, path)
            if path == ["title"] and not value:
                raise RequestError("The spreadsheet title must not be empty.")
            _set_path(book["properties"], path, value)
    return {}


def append_dimension(book: Book, payload: Request) -> dict[str, Any]:
    sheet = _sheet_by_id(book, payload.get("sheetId"))
    length = int(payload.get("length") or 0)
    if length < 1:
        raise RequestError("length must be at least 1.")
    rows, cols = sheet_grid.grid_size(sheet)
    if payload.get("dimension") == "COLUMNS":
        sheet_grid.set_grid_size(sheet, rows, cols + length)
    elif payload.get("dimension") == "ROWS":
        sheet_grid.set_grid_size(sheet, rows + length, cols)
    else:
        raise RequestError("dimension must be ROWS or COLUMNS.")
    return {}


def set_data_validation(book: Book, payload: Request) -> dict[str, Any]:
    grid_range = dict(payload.get("range") or {})
    sheet = _sheet_by_id(book, grid_range.get("sheetId"))
    rules = [v for v in sheet.setdefault("dataValidations", []) if v["range"] != grid_range]
    if payload.get("rule"):
        rules.append({"range": grid_range, "rule": payload["rule"]})
    sheet["dataValidations"] = rules
    return {}


def add_protected_range(book: Book, payload: Request) -> dict[str, Any]:
    wanted = dict(payload.get("protectedRange") or {})
    grid_range = dict(wanted.get("range") or {})
    sheet = _sheet_by_id(book, grid_range.get("sheetId"))
    grid_range.pop("sheetId", None)
    if sheet["properties"]["sheetId"]:  # proto3 JSON leaves out a zero id
        grid_range = {"sheetId": sheet["properties"]["sheetId"], **grid_range}
    pr_id = int(book.get("nextProtectedRangeId") or 1)
    book["nextProtectedRangeId"] = pr_id + 1
    protected: dict[str, Any] = {"protectedRangeId": pr_id, "range": grid_range}
    for key in ("description", "warningOnly", "namedRangeId", "unprotectedRanges"):
        if wanted.get(key):
            protected[key] = wanted[key]
    protected["requestingUserCanEdit"] = True
    if not wanted.get("warningOnly"):
        protected["editors"] = wanted.get("editors") or {"users": []}
    sheet.setdefault("protectedRanges", []).append(protected)
    return {"addProtectedRange": {"protectedRange": protected}}


def delete_protected_range(book: Book, payload: Request) -> dict[str, Any]:
    pr_id = payload.get("protectedRangeId")
    for sheet in book["sheets"]:
        ranges = sheet.get("protectedRanges") or []
        kept = [p for p in ranges if p["protectedRangeId"] != pr_id]
        if len(kept) != len(ranges):
            sheet["protectedRanges"] = kept
            return {}
    raise RequestError(f"No protected range with id: {pr_id}")


def update_cells(book: Book, payload: Request) -> dict[str, Any]:
    where = payload.get("start") or payload.get("range") or {}
    return sheet_rowdata.update_cells(_sheet_by_id(book, where.get("sheetId")), payload)


def append_cells(book: Book, payload: Request) -> dict[str, Any]:
    return sheet_rowdata.append_cells(_sheet_by_id(book, payload.get("sheetId")), payload)


HANDLERS: dict[str, Callable[[Book, Request], dict[str, Any]]] = {
    "addSheet": add_sheet,
    "deleteSheet": delete_sheet,
    "updateSheetProperties": update_sheet_properties,
    "updateSpreadsheetProperties": update_spreadsheet_properties,
    "appendDimension": append_dimension,
    "setDataValidation": set_data_validation,
    "addProtectedRange": add_protected_range,
    "deleteProtectedRange": delete_protected_range,
    "updateCells": update_cells,
    "appendCells": append_cells,
}
