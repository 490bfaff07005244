"""Sheet write-back, pure part: where the outcome goes, as one `spreadsheets.batchUpdate`.

From the tab values the batch already read, find the account's row and the write-back columns
(Handoff Status, Handoff Doc, Last Handoff) and the account's state row: those cells are
updated in place (`updateCells`). Handoff Log rows, and state rows for accounts the tab does
not have yet, are appended (`appendCells`, which Sheets places after the last row with data
and which adds rows as needed), so two runs at the same time never write the same row and a
full tab grows. A missing write-back column is added after the last header (its header is
written too) and the grid widened first (`appendDimension`); a missing state or log tab is
added (`addSheet`) in the same request. Every value carries its kind (`stringValue` /
`numberValue`), so nothing is read as a formula or a date, as with RAW input.
The request needs each tab's sheet id and grid size: `apply.sheet_writeback` reads them.

The header row is the first of the top rows holding the key header (like the sheet reader,
which looks at the first ten), so a title or a merged group row above the headers moves
every address down instead of losing the account's row. `TabLayout.for_accounts` takes the
headers as the reader found them (aliases included) for the key and the write-back columns.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from handoff.core.errors import InputError
from handoff.core.fields import WRITEBACK_FIELDS, Catalogue, norm  # norm: the sheet reader's normaliser
from handoff.core.model import column_letter, quote_sheet

HEADER_SCAN_ROWS = 10  # as the sheet reader: the header row is one of the first ten


@dataclass
class TabLayout:
    """One tab as read: its headers, which column each wanted key sits in, rows by key, next free row."""

    title: str
    headers: list[str]
    rows: dict[str, int] = field(default_factory=dict)  # key value (e.g. account slug) -> 1-based row
    next_row: int = 2
    exists: bool = True
    added: dict[str, int] = field(default_factory=dict)  # columns this run appends: key -> index
    header_row: int = 1  # 1-based row of the headers
    names: dict[str, str] = field(default_factory=dict)  # write-back key -> header as the sheet has it

    @classmethod
    def from_values(
        cls,
        title: str,
        values: Sequence[Sequence[Any]] | None,
        key_header: str = "Account",
        exists: bool = True,
    ) -> TabLayout:
        values = values or []
        want = norm(key_header)
        at = next(
            (i for i, r in enumerate(values[:HEADER_SCAN_ROWS]) if any(norm(str(c)) == want for c in r)),
            0,
        )
        headers = [str(h).strip() for h in (values[at] if values else [])]
        layout = cls(title, headers, exists=exists, header_row=at + 1)
        key_col = layout.column(key_header)
        last = at + 1 if values else 0
        for i, row in enumerate(values[at + 1 :], start=at + 2):
            if any(str(c).strip() for c in row):
                last = i
            if key_col is not None and key_col < len(row):
                key = str(row[key_col]).strip().lower()
                if key and key not in layout.rows:
                    layout.rows[key] = i
        layout.next_row = max(last + 1, at + 2)
        return layout

    @classmethod
    def for_accounts(
        cls,
        title: str,
        values: Sequence[Sequence[Any]] | None,
        headers: Mapping[str, str],
        catalogue: Catalogue,
    ) -> TabLayout:
        """The Accounts tab, with `headers` (column key -> header as written) from the sheet reader;
        a write-back column the sheet lacks is added under its catalogue label."""
        fields = catalogue.fields
        layout = cls.from_values(title, values, key_header=headers.get("account") or fields["account"].label)
        layout.names = {k: headers.get(k) or fields[k].label for k in WRITEBACK_FIELDS}
        return layout

    def column(self, header: str) -> int | None:
        want = norm(header)
        for i, h in enumerate(self.headers):
            if norm(h) == want:
                return i
        return self.added.get(want)

    def ensure_column(self, header: str) -> tuple[int, bool]:
        """The column for `header`, appending it after the last header when absent. (index, added)."""
        found = self.column(header)
        if found is not None:
            return found, False
        index = len(self.headers) + len(self.added)
        self.added[norm(header)] = index
        return index, True

    def a1(self, row: int, col: int) -> str:
        return f"{quote_sheet(self.title)}!{column_letter(col)}{row}"


@dataclass
class SheetWrites:
    """What a batch writes to the sheet: cells updated in place (rows found by their key) and new
    rows appended, per tab. `requests` turns them into one `spreadsheets.batchUpdate`."""

    cells: dict[tuple[str, int, int], Any] = field(default_factory=dict)  # (tab, 1-based row, col) -> value
    appends: dict[str, list[dict[int, Any]]] = field(default_factory=dict)  # tab -> rows (col -> value)
    hidden: set[str] = field(default_factory=set)  # tabs to create hidden if they are missing
    proof: dict[str, list[str]] = field(default_factory=dict)  # tab -> texts it holds once written

    def put(self, tab: str, row: int, col: int, value: Any) -> None:
        self.cells[(tab, row, col)] = value

    def append(self, tab: str, row: Mapping[int, Any]) -> None:
        self.appends.setdefault(tab, []).append(dict(row))

    def __bool__(self) -> bool:
        return bool(self.cells or self.appends)

    def tabs(self) -> list[str]:
        return list(dict.fromkeys([t for t, _, _ in self.cells] + list(self.appends)))

    def requests(self, grids: Mapping[str, Grid]) -> list[dict[str, Any]]:
        """The batchUpdate requests, given each existing tab's grid (a missing tab is added first).

        Order matters and is kept: add missing tabs, widen grids for new columns, update cells in
        place (headers included), then append rows, which go after the last row with data.
        """
        grids = dict(grids)
        out: list[dict[str, Any]] = []
        for tab in self.tabs():
            if tab not in grids:
                grids[tab] = Grid(_free_sheet_id(tab, grids), 1000, 26)
                props = {"sheetId": grids[tab].sheet_id, "title": tab, "hidden": tab in self.hidden}
                out.append({"addSheet": {"properties": props}})
        for tab in self.tabs():
            out.extend(_widen(grids[tab], self._extent(tab)))
        for (tab, row, col), value in self.cells.items():
            start = {"sheetId": grids[tab].sheet_id, "rowIndex": row - 1, "columnIndex": col}
            out.append({"updateCells": {"start": start, "rows": [_row_data({0: value})], "fields": VALUE}})
        for tab, rows in self.appends.items():
            body = {"sheetId": grids[tab].sheet_id, "rows": [_row_data(r) for r in rows], "fields": VALUE}
            out.append({"appendCells": body})
        return out

    def _extent(self, tab: str) -> tuple[int, int]:
        """(rows, columns) the in-place cells of `tab` need, and the columns its appended rows need."""
        rows = max((r for t, r, _ in self.cells if t == tab), default=0)
        cols = max(
            [c + 1 for t, _, c in self.cells if t == tab]
            + [max(r, default=-1) + 1 for r in self.appends.get(tab, [])]
        )
        return rows, cols


VALUE = "userEnteredValue"


@dataclass(frozen=True)
class Grid:
    """A tab's id and size, from the spreadsheet's metadata."""

    sheet_id: int
    rows: int
    cols: int


def grids_from_metadata(metadata: Any) -> dict[str, Grid]:
    """`spreadsheets.get` (properties only) → tab title -> Grid."""
    out: dict[str, Grid] = {}
    for sheet in (metadata or {}).get("sheets", []):
        props = sheet.get("properties") or {}
        size = props.get("gridProperties") or {}
        out[str(props.get("title"))] = Grid(
            int(props.get("sheetId") or 0), int(size.get("rowCount") or 0), int(size.get("columnCount") or 0)
        )
    return out


def _free_sheet_id(title: str, grids: Mapping[str, Grid]) -> int:
    """A sheet id for a tab this write-back adds (stable for the title, unused in the spreadsheet)."""
    used = {g.sheet_id for g in grids.values()}
    candidate = zlib.crc32(title.encode()) % (2**31 - 2) + 1
    while candidate in used:
        candidate = candidate % (2**31 - 2) + 1
    return candidate


def _widen(grid: Grid, need: tuple[int, int]) -> list[dict[str, Any]]:
    """appendDimension requests so the grid holds `need` (rows, columns): Sheets refuses cells past it."""
    out = []
    for dimension, have, want in (("ROWS", grid.rows, need[0]), ("COLUMNS", grid.cols, need[1])):
        if want > have:
            out.append(
                {"appendDimension": {"sheetId": grid.sheet_id, "dimension": dimension, "length": want - have}}
            )
    return out


def _row_data(row: Mapping[int, Any]) -> dict[str, Any]:
    width = max(row, default=-1) + 1
    return {"values": [_cell_data(row.get(i)) for i in range(width)]}


def _cell_data(value: Any) -> dict[str, Any]:
    """A CellData with an explicit kind, so nothing is ever read as a formula or a date (RAW)."""
    if value is None or value == "":
        return {}
    if isinstance(value, bool):
        return {VALUE: {"stringValue": str(value)}}
    if isinstance(value, int | float):
        return {VALUE: {"numberValue": value}}
    return {VALUE: {"stringValue": str(value)}}


def row_updates(
    accounts: TabLayout, account: str, values: Mapping[str, Any], writes: SheetWrites
) -> list[str]:
    """Write-back cells for an account's row, updated in place; returns the A1 addresses written."""
    row = accounts.rows.get(account.lower())
    if row is None:
        raise InputError(
            f"the {accounts.title} tab has no row for account '{account}' to write the handoff status in",
            fix=f"check the account column of the {accounts.title} tab, then run again",
        )
    written = []
    for key, value in values.items():
        header = accounts.names[key]
        col = _column(accounts, header, writes)
        writes.put(accounts.title, row, col, value)
        written.append(accounts.a1(row, col))
    return written


def _column(tab: TabLayout, header: str, writes: SheetWrites) -> int:
    """The column of `header`, added after the last header (its header cell written) when missing."""
    col, added = tab.ensure_column(header)
    if added:
        writes.put(tab.title, tab.header_row, col, header)
    return col


def _placed(tab: TabLayout, values: Mapping[str, Any], writes: SheetWrites) -> dict[int, Any]:
    return {_column(tab, header, writes): value for header, value in values.items()}


def column_labels(catalogue: Catalogue, tab: str) -> dict[str, str]:
    """Column key -> header, as config/fields.toml declares the tab (`tabs.log`, `tabs.state`)."""
    return {key: column.label for key, column in catalogue.tabs[tab].columns.items()}


def state_update(
    state_tab: TabLayout, account: str, cell: str, writes: SheetWrites, labels: Mapping[str, str]
) -> str:
    """The account's JSON state cell: updated in its row (found by account), else a new row appended.
    `labels`: the state tab's column headers by key (`column_labels`)."""
    placed = _placed(state_tab, {labels["account"]: account, labels["state"]: cell}, writes)
    writes.proof.setdefault(state_tab.title, []).append(cell)
    row = state_tab.rows.get(account.lower())
    if row is None:
        writes.append(state_tab.title, placed)
        return f"{quote_sheet(state_tab.title)} (new row)"
    for col, value in placed.items():
        writes.put(state_tab.title, row, col, value)
    return state_tab.a1(row, 0)


def log_append(
    log_tab: TabLayout, entry: Mapping[str, Any], writes: SheetWrites, labels: Mapping[str, str]
) -> str:
    """One Handoff Log row (column key -> value; `labels` gives each key's header), appended after
    the tab's last row."""
    writes.append(log_tab.title, _placed(log_tab, {labels[k]: v for k, v in entry.items()}, writes))
    return f"{quote_sheet(log_tab.title)} (new row)"
