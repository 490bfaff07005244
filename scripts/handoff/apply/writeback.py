"""Sheet write-back, pure part: where the outcome goes and the one batched RAW update.

From the tab values the batch already read (no extra read), find the account's row and the
write-back columns (Handoff Status, Handoff Doc, Last Handoff), the state tab row, and the
next free Handoff Log row, then build `values:batchUpdate` data for every account of a batch.
A missing write-back column is added after the last header (its header is written too);
a missing state/log tab is created by the caller before writing (see apply.py).

The header row is the first of the top rows holding the key header (like the sheet reader,
which looks at the first ten), so a title or a merged group row above the headers moves
every address down instead of losing the account's row. `TabLayout.for_accounts` takes the
headers as the reader found them (aliases included) for the key and the write-back columns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from handoff.core.errors import InputError
from handoff.core.model import column_letter, quote_sheet

WRITEBACK_HEADERS = {
    "handoff_status": "Handoff Status",
    "handoff_doc": "Handoff Doc",
    "last_handoff": "Last Handoff",
}
STATE_HEADERS = ("Account", "State")
LOG_HEADERS = ("When", "Who", "Account", "Mode", "Result", "Changes")
HEADER_SCAN_ROWS = 10  # as the sheet reader: the header row is one of the first ten


def norm(header: str) -> str:
    """Header matching key: case, spaces and punctuation ignored."""
    return re.sub(r"[^0-9a-z]+", "", header.lower())


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
        cls, title: str, values: Sequence[Sequence[Any]] | None, headers: Mapping[str, str]
    ) -> TabLayout:
        """The Accounts tab, with `headers` (column key -> header as written) from the sheet reader."""
        layout = cls.from_values(title, values, key_header=headers.get("account") or "Account")
        layout.names = {k: headers[k] for k in WRITEBACK_HEADERS if headers.get(k)}
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
    """The data of one `values:batchUpdate` (valueInputOption RAW) for a whole batch."""

    data: list[dict[str, Any]] = field(default_factory=list)

    def put(self, a1: str, row: Sequence[Any]) -> None:
        self.data.append({"range": a1, "majorDimension": "ROWS", "values": [[_cell(v) for v in row]]})

    def __bool__(self) -> bool:
        return bool(self.data)

    def body(self) -> dict[str, Any]:
        return {"valueInputOption": "RAW", "data": self.data}


def _cell(value: Any) -> Any:
    """A value for a RAW write: text stays text (a leading '=' is never a formula with RAW)."""
    if value is None:
        return ""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def row_updates(
    accounts: TabLayout, account: str, values: Mapping[str, Any], writes: SheetWrites
) -> list[str]:
    """Write-back cells for an account's row; returns the A1 addresses written."""
    row = accounts.rows.get(account.lower())
    if row is None:
        raise InputError(
            f"the {accounts.title} tab has no row for account '{account}' to write the handoff status in",
            fix=f"check the account column of the {accounts.title} tab, then run again",
        )
    written = []
    for key, value in values.items():
        header = accounts.names.get(key) or WRITEBACK_HEADERS[key]
        col, added = accounts.ensure_column(header)
        if added:
            writes.put(accounts.a1(accounts.header_row, col), [header])
        a1 = accounts.a1(row, col)
        writes.put(a1, [value])
        written.append(a1)
    return written


def _row_by_headers(tab: TabLayout, values: Mapping[str, Any], writes: SheetWrites, row: int) -> str:
    """Place `values` (header -> value) in their columns of `row`, adding missing columns."""
    placed: dict[int, Any] = {}
    for header, value in values.items():
        col, added = tab.ensure_column(header)
        if added:
            writes.put(tab.a1(tab.header_row, col), [header])
        placed[col] = value
    width = max(placed) + 1
    a1 = tab.a1(row, 0)
    writes.put(a1, [placed.get(i) for i in range(width)] if len(placed) == width else [])
    if len(placed) != width:  # non-adjacent columns: one range per cell, never clobber others
        writes.data.pop()
        for col, value in sorted(placed.items()):
            writes.put(tab.a1(row, col), [value])
    return a1


def state_update(state_tab: TabLayout, account: str, cell: str, writes: SheetWrites) -> str:
    """The account's JSON state cell (row found by account, or the next free row)."""
    row = state_tab.rows.get(account.lower())
    if row is None:
        row = state_tab.next_row
        state_tab.rows[account.lower()] = row
        state_tab.next_row += 1
    return _row_by_headers(state_tab, dict(zip(STATE_HEADERS, (account, cell), strict=True)), writes, row)


def log_append(log_tab: TabLayout, entry: Mapping[str, Any], writes: SheetWrites) -> str:
    """One Handoff Log row (header -> value) at the next free row."""
    row = log_tab.next_row
    log_tab.next_row += 1
    return _row_by_headers(log_tab, entry, writes, row)
