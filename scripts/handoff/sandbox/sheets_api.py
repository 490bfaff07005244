"""Sheets v4 for the sandbox: `spreadsheets.get`, `spreadsheets.batchUpdate` and the `values.*` routes.

Spreadsheets live in the store collection `sheets`, one object per spreadsheet id:
`{"spreadsheetId", "properties": {title, locale, autoRecalc, timeZone}, "sheets": [stored
sheet, …], "nextProtectedRangeId"}` (a stored sheet is described in `sheet_grid`). Each one is
also registered in the Drive collection `drive_files` (mimeType
`application/vnd.google-apps.spreadsheet`) so the Drive routes find it; every write bumps that
entry's `version` and `modifiedTime` as Drive does. `new_spreadsheet` / `delete_spreadsheet`
are the entry points for the seed and for Drive `files.create` / `files.delete`.

Response shapes follow real recordings (gspread's cassettes): every ValueRange has `range` and
`majorDimension`, `values` is omitted when empty, trailing empty rows and cells are trimmed,
interior empty rows are `[]`, the returned range is quoted only when needed and spans the grid
for a whole-sheet request. Errors use Google's shape (`ApiError` → `error_response`).
`spreadsheets.get` with `ranges=` (and grid data) is answered by `sheet_griddata`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from handoff.sandbox import a1, sheet_grid, sheet_griddata
from handoff.sandbox.drive_access import ROLE_RANK, access_role
from handoff.sandbox.http import ApiError, Request, Response, iso_now, route
from handoff.sandbox.sheet_cells import (
    FORMATTED,
    INPUT_OPTIONS,
    RENDER_OPTIONS,
    SKIP,
    display,
    parse_input,
    render,
)
from handoff.sandbox.sheet_requests import apply_requests
from handoff.sandbox.store import Store

SHEETS = "sheets"
DRIVE_FILES = "drive_files"
SPREADSHEET_MIME = "application/vnd.google-apps.spreadsheet"
NOT_FOUND = "Requested entity was not found."
PERMISSION_DENIED = "The caller does not have permission"

_BOOK = r"/v4/spreadsheets/(?P<sid>[^/:]+)"
_ENUMS = {
    "majorDimension": ("Dimension", ("ROWS", "COLUMNS")),
    "valueRenderOption": ("ValueRenderOption", RENDER_OPTIONS),
    "responseValueRenderOption": ("ValueRenderOption", RENDER_OPTIONS),
    "dateTimeRenderOption": ("DateTimeRenderOption", ("SERIAL_NUMBER", "FORMATTED_STRING")),
    "responseDateTimeRenderOption": ("DateTimeRenderOption", ("SERIAL_NUMBER", "FORMATTED_STRING")),
    "valueInputOption": ("ValueInputOption", INPUT_OPTIONS),
    "insertDataOption": ("InsertDataOption", ("OVERWRITE", "INSERT_ROWS")),
}
_DEFAULT_FORMAT: dict[str, Any] = {
    "backgroundColor": {"red": 1, "green": 1, "blue": 1},
    "padding": {"top": 2, "right": 3, "bottom": 2, "left": 3},
    "verticalAlignment": "BOTTOM",
    "wrapStrategy": "OVERFLOW_CELL",
    "textFormat": {
        "foregroundColor": {},
        "fontFamily": "arial,sans,sans-serif",
        "fontSize": 10,
        "bold": False,
        "italic": False,
        "strikethrough": False,
        "underline": False,
        "foregroundColorStyle": {"rgbColor": {}},
    },
    "backgroundColorStyle": {"rgbColor": {"red": 1, "green": 1, "blue": 1}},
}
_THEME_COLORS: tuple[tuple[str, dict[str, float]], ...] = (
    ("TEXT", {}),
    ("BACKGROUND", {"red": 1, "green": 1, "blue": 1}),
    ("ACCENT1", {"red": 0.25882354, "green": 0.52156866, "blue": 0.95686275}),
    ("ACCENT2", {"red": 0.91764706, "green": 0.2627451, "blue": 0.20784314}),
    ("ACCENT3", {"red": 0.9843137, "green": 0.7372549, "blue": 0.015686275}),
    ("ACCENT4", {"red": 0.20392157, "green": 0.65882355, "blue": 0.3254902}),
    ("ACCENT5", {"red": 1, "green": 0.42745098, "blue": 0.003921569}),
    ("ACCENT6", {"red": 0.27450982, "green": 0.7411765, "blue": 0.7764706}),
    ("LINK", {"red": 0.06666667, "green": 0.33333334, "blue": 0.8}),
)


# -- storage -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tab:
    """A sheet to create with `new_spreadsheet`: its title, cells (already parsed) and visibility."""

    title: str
    cells: list[list[Any]]
    hidden: bool = False


def new_spreadsheet(
    store: Store,
    spreadsheet_id: str,
    title: str,
    tabs: list[Tab] | None = None,
    parents: list[str] | None = None,
    *,
    locale: str = "en_US",
) -> dict[str, Any]:
    """Create (or replace) a spreadsheet and register it in Drive. Call inside a transaction."""
    book: dict[str, Any] = {
        "spreadsheetId": spreadsheet_id,
        "properties": {"title": title, "locale": locale, "autoRecalc": "ON_CHANGE", "timeZone": "Etc/GMT"},
        "sheets": [],
        "nextProtectedRangeId": 1,
    }
    for i, tab in enumerate(tabs or [Tab("Sheet1", [])]):
        rows = max(sheet_grid.DEFAULT_ROWS, len(tab.cells))
        cols = max(sheet_grid.DEFAULT_COLS, max((len(r) for r in tab.cells), default=0))
        sheet = sheet_grid.new_sheet(_seed_sheet_id(i), tab.title, i, rows, cols, tab.hidden)
        sheet_grid.write(sheet, 0, 0, tab.cells)
        book["sheets"].append(sheet)
    store.put(SHEETS, spreadsheet_id, book)
    now = iso_now()
    store.put(
        DRIVE_FILES,
        spreadsheet_id,
        {
            "id": spreadsheet_id,
            "name": title,
            "mimeType": SPREADSHEET_MIME,
            "parents": list(parents or []),
            "version": 1,
            "createdTime": now,
            "modifiedTime": now,
            "properties": {},
            "trashed": False,
        },
    )
    return book


def _seed_sheet_id(index: int) -> int:
    """The first sheet of a new spreadsheet has id 0, as in Google; later seeded tabs get fixed ids."""
    return 0 if index == 0 else 1_000_000 + index


def export_file(store: Store, spreadsheet_id: str, mime: str) -> bytes | None:
    """Drive `files.export` of a spreadsheet: its first sheet as CSV or TSV of the shown values.

    As Google does: rows padded to the widest row, CRLF between rows, no final newline.
    None when the spreadsheet is unknown or the format is not one the sandbox exports.
    """
    book = store.get(SHEETS, spreadsheet_id)
    delimiter = {"text/csv": ",", "text/tab-separated-values": "\t"}.get(mime)
    sheet = _first_sheet(book) if book is not None else None
    if sheet is None or delimiter is None:
        return None
    width = max((len(row) for row in sheet["data"]), default=0)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([display(c) for c in row] + [""] * (width - len(row)) for row in sheet["data"])
    return out.getvalue().removesuffix("\r\n").encode("utf-8")


def delete_spreadsheet(store: Store, spreadsheet_id: str) -> None:
    """Forget a spreadsheet (Drive `files.delete` calls this for spreadsheet files)."""
    store.delete(SHEETS, spreadsheet_id)


def load(store: Store, spreadsheet_id: str, user: str | None = None, need: str = "reader") -> dict[str, Any]:
    """A fresh copy of the spreadsheet (handlers mutate it, then `save` it, or raise and drop it).

    With `user`, the caller's access is checked on the spreadsheet's Drive file (its owners and
    permissions): no access, or a reader writing, answers 403 "The caller does not have
    permission", as real Sheets does for a spreadsheet not shared with the caller (recorded in
    gspread's test_access_private_spreadsheet cassette)."""
    book = store.get(SHEETS, spreadsheet_id)
    if book is None:
        raise ApiError(404, NOT_FOUND)
    if user is not None:
        entry = store.get(DRIVE_FILES, spreadsheet_id) or {}
        role = access_role(entry, user)
        if role is None or ROLE_RANK.get(role, 0) < ROLE_RANK[need]:
            raise ApiError(403, PERMISSION_DENIED)
    return dict(book)


def save(store: Store, book: dict[str, Any]) -> None:
    """Write the spreadsheet back and bump its Drive `version` / `modifiedTime`."""
    sid = book["spreadsheetId"]
    store.put(SHEETS, sid, book)
    entry = store.get(DRIVE_FILES, sid)
    if entry is not None:
        entry["version"] = int(entry.get("version") or 1) + 1
        entry["modifiedTime"] = iso_now()
        entry["name"] = book["properties"]["title"]
        store.put(DRIVE_FILES, sid, entry)


# -- ranges ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A range resolved against one sheet of a spreadsheet."""

    sheet: dict[str, Any]
    box: a1.GridBox
    single_cell: bool
    locale: str = "en_US"  # the spreadsheet's: how typed input is read and numbers are shown

    @property
    def title(self) -> str:
        return str(self.sheet["properties"]["title"])

    @property
    def label(self) -> str:
        return a1.box_label(self.title, self.box)


def bad_range(text: str) -> ApiError:
    return ApiError(400, f"Unable to parse range: {text}")


def target(book: dict[str, Any], text: str, *, reading: bool) -> Target:
    """Resolve an A1 range; neither reads nor updates may reach past the grid (appends grow it)."""
    try:
        rng = a1.parse(text)
    except a1.A1Error:
        raise bad_range(text) from None
    sheet = sheet_named(book, rng.sheet) if rng.sheet is not None else _first_sheet(book)
    if sheet is None:
        raise bad_range(text)
    rows, cols = sheet_grid.grid_size(sheet)
    box = a1.resolve(rng, rows, cols)
    single = rng.start is not None and rng.start == rng.end
    t = Target(sheet, box, single, book["properties"].get("locale") or "en_US")
    if reading or not (single or box.open_rows or box.open_cols):
        check_in_grid(t, box)  # a closed write range is checked as written; the others by their data
    return t


def check_in_grid(t: Target, box: a1.GridBox) -> None:
    """400 when `box` reaches past the sheet's last row or column, as the real API answers reads
    and `values.update` / `values.batchUpdate` (only `values.append` grows a sheet)."""
    rows, cols = sheet_grid.grid_size(t.sheet)
    if box.row1 > rows or box.col1 > cols:
        label = a1.box_label(t.title, box)
        raise ApiError(400, f"Range ({label}) exceeds grid limits. Max rows: {rows}, max columns: {cols}")


def sheet_named(book: dict[str, Any], title: str) -> dict[str, Any] | None:
    """The sheet with this title (exact, else case-insensitive, as Sheets titles are unique so)."""
    sheets = book["sheets"]
    for sheet in sheets:
        if sheet["properties"]["title"] == title:
            return sheet
    folded = title.casefold()
    return next((s for s in sheets if s["properties"]["title"].casefold() == folded), None)


def _first_sheet(book: dict[str, Any]) -> dict[str, Any] | None:
    """The first visible sheet: what a range without a sheet name refers to."""
    return min(
        book["sheets"],
        key=lambda s: (bool(s["properties"].get("hidden")), s["properties"]["index"]),
        default=None,
    )


def enum_arg(name: str, value: Any, default: str) -> str:
    """A validated enum value (query parameter or body field); None/"" → default."""
    if value is None or value == "" or str(value).endswith("_UNSPECIFIED"):
        return default
    type_name, allowed = _ENUMS[name]
    if value not in allowed:
        snake = "".join("_" + c.lower() if c.isupper() else c for c in name)
        raise ApiError(
            400,
            f"Invalid value at '{snake}' (type.googleapis.com/google.apps.sheets.v4.{type_name}), "
            f'"{value}"',
        )
    return str(value)


# -- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenderOptions:
    major: str = "ROWS"
    value: str = FORMATTED
    date: str = "SERIAL_NUMBER"

    @classmethod
    def from_query(cls, req: Request) -> RenderOptions:
        return cls(
            enum_arg("majorDimension", req.arg("majorDimension"), "ROWS"),
            enum_arg("valueRenderOption", req.arg("valueRenderOption"), FORMATTED),
            enum_arg("dateTimeRenderOption", req.arg("dateTimeRenderOption"), "SERIAL_NUMBER"),
        )


def value_range(t: Target, opts: RenderOptions) -> dict[str, Any]:
    """The ValueRange for a resolved target, shaped like the real API's."""
    cells = sheet_grid.read(t.sheet, t.box)
    if opts.major == "COLUMNS":
        cells = sheet_grid.trim_block(sheet_grid.transpose(cells))
    out: dict[str, Any] = {"range": t.label, "majorDimension": opts.major}
    if cells:
        out["values"] = [[render(c, opts.value, opts.date, t.locale) for c in row] for row in cells]
    return out


# -- writing -----------------------------------------------------------------------------------


def input_cells(values: Any, major: str, option: str, locale: str | None = None) -> list[list[Any]]:
    """Request `values` → stored cells, row-major (COLUMNS input is turned into rows)."""
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(row, list) for row in values):
        raise ApiError(400, "Invalid values: 'values' must be a list of lists.")
    try:
        cells = [[parse_input(v, option, locale) for v in row] for row in values]
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    if major != "COLUMNS":
        return cells
    height = max((len(col) for col in cells), default=0)
    return [[col[r] if r < len(col) else SKIP for col in cells] for r in range(height)]


def write_cells(t: Target, cells: list[list[Any]], at_row: int | None = None) -> dict[str, Any]:
    """Write `cells` at the target's top-left (or `at_row`); returns the UpdateValuesResponse body."""
    rows = len(cells)
    cols = max((len(r) for r in cells), default=0)
    row0 = t.box.row0 if at_row is None else at_row
    if at_row is None:
        _check_fits(t, rows, cols)
        if rows and cols:
            check_in_grid(t, a1.GridBox(row0, row0 + rows, t.box.col0, t.box.col0 + cols))
    sheet_grid.write(t.sheet, row0, t.box.col0, cells)
    if not rows or not cols:
        return {"updatedRange": t.label}
    written = a1.GridBox(row0, row0 + rows, t.box.col0, t.box.col0 + cols)
    return {
        "updatedRange": a1.box_label(t.title, written),
        "updatedRows": rows,
        "updatedColumns": cols,
        "updatedCells": sum(len(r) for r in cells),
    }


def _check_fits(t: Target, rows: int, cols: int) -> None:
    if t.single_cell:  # a single cell is only the top-left anchor
        return
    box, where = t.box, t.label  # as Google prints it: "[Servers!A3:L113]"
    if not box.open_rows and rows > box.rows:
        raise ApiError(
            400, f"Requested writing within range [{where}], but tried writing to row [{box.row0 + rows}]"
        )
    if not box.open_cols and cols > box.cols:
        col = a1.col_letters(box.col0 + cols - 1)
        raise ApiError(400, f"Requested writing within range [{where}], but tried writing to column [{col}]")


def _with_data(update: dict[str, Any], t: Target, include: bool, opts: RenderOptions) -> None:
    """Add `updatedData` (the written range read back) when `includeValuesInResponse` is set."""
    if include:
        written = Target(t.sheet, _box_of(update["updatedRange"], t.sheet), False, t.locale)
        update["updatedData"] = value_range(written, opts)


def _box_of(label: str, sheet: dict[str, Any]) -> a1.GridBox:
    rows, cols = sheet_grid.grid_size(sheet)
    return a1.resolve(a1.parse(label), rows, cols)


def _truthy(value: Any) -> bool:
    return str(value).lower() in ("true", "1") if value is not None else False


def _response_opts(source: Any) -> RenderOptions:
    """How `updatedData` is rendered: from the query (Request) or the batch body (dict)."""
    get = source.arg if isinstance(source, Request) else source.get
    return RenderOptions(
        "ROWS",
        enum_arg("responseValueRenderOption", get("responseValueRenderOption"), FORMATTED),
        enum_arg("responseDateTimeRenderOption", get("responseDateTimeRenderOption"), "SERIAL_NUMBER"),
    )


def _input_option(value: Any, *, in_body: bool) -> str:
    if value is None or value == "" or value == "INPUT_VALUE_OPTION_UNSPECIFIED":
        if in_body:
            raise ApiError(400, "Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED")
        raise ApiError(400, "'valueInputOption' is required but not specified")
    return enum_arg("valueInputOption", value, "RAW")


def _body(req: Request) -> dict[str, Any]:
    body = req.json()
    if not isinstance(body, dict):
        raise ApiError(400, "Invalid JSON payload received. Expected an object.")
    return body


# -- routes: spreadsheets ----------------------------------------------------------------------


@route("sheets", "GET", _BOOK, "sheets.spreadsheets.get")
def get_spreadsheet(req: Request, store: Store, sid: str) -> Response:
    book = load(store, sid, req.user)
    ranges = req.args("ranges")
    if not ranges:
        return Response.json(spreadsheet_json(book))
    with_data = sheet_griddata.wants_grid_data(req.flag("includeGridData"), req.arg("fields"))
    return Response.json(_ranged_json(book, [target(book, r, reading=True) for r in ranges], with_data))


def _ranged_json(book: dict[str, Any], targets: list[Target], with_data: bool) -> dict[str, Any]:
    """`spreadsheets.get?ranges=…`: only the sheets the ranges touch, with one GridData per range if asked."""
    out = spreadsheet_json(book)
    wanted = {t.sheet["properties"]["sheetId"] for t in targets}
    out["sheets"] = [s for s in out["sheets"] if s["properties"]["sheetId"] in wanted]
    if with_data:
        for s in out["sheets"]:
            sheet_id = s["properties"]["sheetId"]
            s["data"] = [
                sheet_griddata.grid_data(t.sheet, t.box, t.locale)
                for t in targets
                if t.sheet["properties"]["sheetId"] == sheet_id
            ]
    return out


def spreadsheet_json(book: dict[str, Any]) -> dict[str, Any]:
    """The `spreadsheets.get` body (includeGridData=false)."""
    sid = book["spreadsheetId"]
    theme = [{"colorType": kind, "color": {"rgbColor": rgb}} for kind, rgb in _THEME_COLORS]
    props = dict(book["properties"])
    props["defaultFormat"] = _DEFAULT_FORMAT
    props["spreadsheetTheme"] = {"primaryFontFamily": "Arial", "themeColors": theme}
    sheets = sorted(book["sheets"], key=lambda s: s["properties"]["index"])
    return {
        "spreadsheetId": sid,
        "properties": props,
        "sheets": [_sheet_json(s) for s in sheets],
        "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{sid}/edit",
    }


def _sheet_json(sheet: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"properties": sheet["properties"]}
    if sheet.get("protectedRanges"):
        out["protectedRanges"] = sheet["protectedRanges"]
    return out


@route("sheets", "POST", _BOOK + ":batchUpdate", "sheets.spreadsheets.batchUpdate")
def batch_update(req: Request, store: Store, sid: str) -> Response:
    book = load(store, sid, req.user, "writer")
    body = _body(req)
    replies = apply_requests(book, body.get("requests"))
    save(store, book)
    out: dict[str, Any] = {"spreadsheetId": sid, "replies": replies}
    if _truthy(body.get("includeSpreadsheetInResponse")):
        out["updatedSpreadsheet"] = spreadsheet_json(book)
    return Response.json(out)


# -- routes: values ----------------------------------------------------------------------------


@route("sheets", "GET", _BOOK + r"/values/(?P<rng>.+)", "sheets.values.get", raw=True)
def values_get(req: Request, store: Store, sid: str, rng: str) -> Response:
    book = load(store, sid, req.user)
    return Response.json(value_range(target(book, rng, reading=True), RenderOptions.from_query(req)))


@route("sheets", "GET", _BOOK + "/values:batchGet", "sheets.values.batchGet")
def values_batch_get(req: Request, store: Store, sid: str) -> Response:
    book = load(store, sid, req.user)
    opts = RenderOptions.from_query(req)
    out: dict[str, Any] = {"spreadsheetId": sid}
    ranges = req.args("ranges")
    if ranges:
        out["valueRanges"] = [value_range(target(book, r, reading=True), opts) for r in ranges]
    return Response.json(out)


@route("sheets", "PUT", _BOOK + r"/values/(?P<rng>.+)", "sheets.values.update", raw=True)
def values_update(req: Request, store: Store, sid: str, rng: str) -> Response:
    book = load(store, sid, req.user, "writer")
    body = _body(req)
    option = _input_option(req.arg("valueInputOption"), in_body=False)
    major = enum_arg("majorDimension", body.get("majorDimension"), "ROWS")
    t = target(book, rng, reading=False)
    update = {
        "spreadsheetId": sid,
        **write_cells(t, input_cells(body.get("values"), major, option, t.locale)),
    }
    _with_data(update, t, req.flag("includeValuesInResponse"), _response_opts(req))
    save(store, book)
    return Response.json(update)


@route("sheets", "POST", _BOOK + r"/values/(?P<rng>.+):append", "sheets.values.append", raw=True)
def values_append(req: Request, store: Store, sid: str, rng: str) -> Response:
    book = load(store, sid, req.user, "writer")
    body = _body(req)
    option = _input_option(req.arg("valueInputOption"), in_body=False)
    insert = enum_arg("insertDataOption", req.arg("insertDataOption"), "OVERWRITE")
    major = enum_arg("majorDimension", body.get("majorDimension"), "ROWS")
    t = target(book, rng, reading=False)
    cells = input_cells(body.get("values"), major, option, t.locale)
    table, at_row = sheet_grid.table_after(t.sheet, t.box)
    if insert == "INSERT_ROWS" and cells:
        sheet_grid.insert_rows(t.sheet, at_row, len(cells))
    update = {"spreadsheetId": sid, **write_cells(t, cells, at_row)}
    _with_data(update, t, req.flag("includeValuesInResponse"), _response_opts(req))
    save(store, book)
    out: dict[str, Any] = {"spreadsheetId": sid}
    if table is not None:
        out["tableRange"] = a1.box_label(t.title, table)
    out["updates"] = update
    return Response.json(out)


@route("sheets", "POST", _BOOK + r"/values/(?P<rng>.+):clear", "sheets.values.clear", raw=True)
def values_clear(req: Request, store: Store, sid: str, rng: str) -> Response:
    book = load(store, sid, req.user, "writer")
    label = _clear(book, rng)
    save(store, book)
    return Response.json({"spreadsheetId": sid, "clearedRange": label})


def _clear(book: dict[str, Any], rng: str) -> str:
    t = target(book, rng, reading=True)
    sheet_grid.clear(t.sheet, t.box)
    return t.label


@route("sheets", "POST", _BOOK + "/values:batchClear", "sheets.values.batchClear")
def values_batch_clear(req: Request, store: Store, sid: str) -> Response:
    book = load(store, sid, req.user, "writer")
    ranges = _body(req).get("ranges") or []
    if not isinstance(ranges, list):
        raise ApiError(400, "Invalid JSON payload received. 'ranges' must be a list.")
    cleared = [_clear(book, str(r)) for r in ranges]
    save(store, book)
    out: dict[str, Any] = {"spreadsheetId": sid}
    if cleared:
        out["clearedRanges"] = cleared
    return Response.json(out)


@route("sheets", "POST", _BOOK + "/values:batchUpdate", "sheets.values.batchUpdate")
def values_batch_update(req: Request, store: Store, sid: str) -> Response:
    book = load(store, sid, req.user, "writer")
    body = _body(req)
    option = _input_option(body.get("valueInputOption"), in_body=True)
    include = _truthy(body.get("includeValuesInResponse"))
    data = body.get("data") or []
    if not isinstance(data, list):
        raise ApiError(400, "Invalid JSON payload received. 'data' must be a list.")
    responses = [_batch_item(book, sid, item, option, include, _response_opts(body)) for item in data]
    save(store, book)
    return Response.json(_batch_totals(sid, responses))


def _batch_item(
    book: dict[str, Any], sid: str, item: Any, option: str, include: bool, opts: RenderOptions
) -> dict[str, Any]:
    if not isinstance(item, dict) or not item.get("range"):
        raise ApiError(400, "Invalid data[]: each ValueRange needs a 'range'.")
    major = enum_arg("majorDimension", item.get("majorDimension"), "ROWS")
    t = target(book, str(item["range"]), reading=False)
    update = {
        "spreadsheetId": sid,
        **write_cells(t, input_cells(item.get("values"), major, option, t.locale)),
    }
    _with_data(update, t, include, opts)
    return update


def _batch_totals(sid: str, responses: list[dict[str, Any]]) -> dict[str, Any]:
    """`totalUpdated*` over all ranges: distinct rows / columns / sheets, summed cells."""
    rows: set[tuple[str, int]] = set()
    cols: set[tuple[str, int]] = set()
    cells = 0
    for r in responses:
        if "updatedCells" not in r:
            continue
        title, _ = r["updatedRange"].rsplit("!", 1)
        box = a1.resolve(a1.parse(r["updatedRange"]), 1, 1)
        rows.update((title, i) for i in range(box.row0, box.row1))
        cols.update((title, i) for i in range(box.col0, box.col1))
        cells += r["updatedCells"]
    out: dict[str, Any] = {"spreadsheetId": sid}
    if cells:
        out.update(
            {
                "totalUpdatedRows": len(rows),
                "totalUpdatedColumns": len(cols),
                "totalUpdatedCells": cells,
                "totalUpdatedSheets": len({t for t, _ in rows}),
            }
        )
    if responses:
        out["responses"] = responses
    return out
