"""The tracking-sheet reader: one batched read of every tab, then pure parsing into AccountRecords.

`batch_ranges` lists what to ask for (each tab's whole range, in one `values:batchGet`); the
caller (check.py) makes the call; `parse_batch` pairs the answer with the tabs; `parse_sheet`
turns the grids into records:

* headers are matched to column keys through the catalogue's labels and aliases, ignoring case,
  spaces and punctuation (`total memory (gb)` is `Total Memory (GB)`); column order is free;
  unknown columns are ignored; the header row is the first row naming the account column
  (rows above it, such as a title, are skipped);
* blank rows are skipped, every value is stripped, and every value keeps its A1 address;
* refused, each with the cell and the fix: a duplicate header, a missing required column, a
  missing tab, two rows for one account; an unknown account (`SheetData.select`) suggests the
  closest slugs;
* a value in a column without a header is never silently dropped: an error on the account
  (a warning for a log-tab row). This is what merged header cells look like through the API:
  the header in the first column of the merge, blanks in the others.

Accounts are keyed by their slug with case and surrounding spaces ignored.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from handoff.core.errors import InputError
from handoff.core.fields import Catalogue, Field, TabSpec, norm, strip_brackets, suggest_column
from handoff.core.model import (
    AccountRecord,
    Location,
    Problem,
    Severity,
    SheetCell,
    SheetRow,
    StateCell,
    column_letter,
    quote_sheet,
    sheet_ref,
)
from handoff.core.redact import mask
from handoff.core.slug import slug_problem
from handoff.core.units import unit_in_label
from handoff.validate.rules import LOG_TABS, clip

OPTIONAL_TABS = frozenset({"state"})  # created by the first handoff run
HEADER_SCAN_ROWS = 10


def column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def slug_key(slug: str) -> str:
    return slug.strip().casefold()


@dataclass(frozen=True)
class Grid:
    """One tab's values as the API returned them, with the position of its first cell."""

    title: str
    rows: tuple[tuple[str, ...], ...]
    first_row: int = 1  # sheet row number of rows[0]
    first_col: int = 0  # column index of each row's [0]

    def a1(self, row: int, col: int) -> str:
        return f"{quote_sheet(self.title)}!{column_letter(col)}{row}"


@dataclass(frozen=True)
class SheetData:
    """Everything read from the sheet, ready for merge."""

    accounts: Mapping[str, AccountRecord]  # slug_key -> record, in sheet order
    headers: Mapping[str, Mapping[str, str]]  # tab key -> column key -> header as written
    shared: tuple[Problem, ...] = ()  # concern every account (a missing tab or column)
    per_account: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)  # slug_key -> problems
    notices: tuple[Problem, ...] = ()  # about the sheet, no account of their own
    accounts_title: str = "Accounts"

    def problems_for(self, slug: str) -> tuple[Problem, ...]:
        return self.shared + tuple(self.per_account.get(slug_key(slug), ()))

    def unit_hints(self) -> dict[str, str]:
        """Accounts columns whose header names a unit (`Total Memory (GiB)`): key -> unit."""
        out = {}
        for key, header in self.headers.get("accounts", {}).items():
            unit = unit_in_label(header)
            if unit:
                out[key] = unit
        return out

    def select(self, slugs: Sequence[str] | None) -> list[AccountRecord]:
        """The records asked for (all, in sheet order, for None); InputError naming unknown ones."""
        if slugs is None:
            return list(self.accounts.values())
        unknown = [s for s in slugs if slug_key(s) not in self.accounts]
        if unknown:
            known = [r.slug for r in self.accounts.values()]
            hints = []
            for s in unknown:
                close = difflib.get_close_matches(slug_key(s), [slug_key(k) for k in known], n=3, cutoff=0.5)
                names = [self.accounts[c].slug for c in close]
                hints.append(f"'{s}'" + (f" (did you mean {_or(names)}?)" if names else ""))
            col = self.headers.get("accounts", {}).get("account", "Account")
            raise InputError(
                f"no account {', '.join(hints)} in the '{col}' column of the {self.accounts_title} tab",
                fix="known accounts: "
                + (", ".join(known) if known else "none (the tab has no account rows)"),
            )
        seen: dict[str, AccountRecord] = {}
        for s in slugs:
            seen.setdefault(slug_key(s), self.accounts[slug_key(s)])
        return list(seen.values())


def _or(names: Sequence[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


# --------------------------------------------------------------------------------------------
# the request and its answer


def batch_ranges(titles: Mapping[str, str]) -> list[str]:
    """The `values:batchGet` ranges: each tab's whole range (its quoted title), in `titles` order."""
    return [sheet_ref(t) for t in titles.values()]


_RANGE = re.compile(r"^(?:'((?:[^']|'')*)'|([^!]*))(?:!\$?([A-Za-z]+)?\$?(\d+)?)?")


def parse_batch(response: Any, titles: Mapping[str, str]) -> dict[str, Grid]:
    """Pair a `values:batchGet` answer with the tabs asked for (same order); values become stripped text."""
    ranges = response.get("valueRanges", []) if isinstance(response, dict) else []
    grids: dict[str, Grid] = {}
    for (key, title), vr in zip(titles.items(), ranges, strict=False):
        vr = vr if isinstance(vr, dict) else {}
        first_row, first_col = 1, 0
        m = _RANGE.match(str(vr.get("range", "")))
        if m:
            if m.group(3):
                first_col = column_index(m.group(3))
            if m.group(4):
                first_row = int(m.group(4))
        rows = tuple(
            tuple(_cell_str(v) for v in row) if isinstance(row, list) else ()
            for row in (vr.get("values") or [])
        )
        grids[key] = Grid(title, rows, first_row, first_col)
    return grids


def _cell_str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# --------------------------------------------------------------------------------------------
# parsing


@dataclass
class _Tab:
    key: str
    grid: Grid
    columns: dict[str, int]  # column key -> index into the row tuples
    header_row: int  # index into grid.rows
    problems: list[Problem]


def _match_header(text: str, spec: TabSpec) -> Field | None:
    key = norm(text)
    if not key:
        return None
    for candidate in (key, norm(strip_brackets(text))):
        for col in spec.columns.values():
            if candidate in col.header_keys:
                return col
    return None


def _read_tab(key: str, grid: Grid, spec: TabSpec, required: Iterable[Field]) -> _Tab:
    problems: list[Problem] = []
    rows = grid.rows
    key_col = "account" if "account" in spec.columns else next(iter(spec.columns))
    header_at = next((i for i, r in enumerate(rows) if any(c for c in r)), 0)
    for i, r in enumerate(rows[:HEADER_SCAN_ROWS]):
        if any((f := _match_header(c, spec)) is not None and f.name == key_col for c in r):
            header_at = i
            break
    header = rows[header_at] if rows else ()
    header_row = grid.first_row + header_at
    columns: dict[str, int] = {}
    for j, text in enumerate(header):
        col = _match_header(text, spec)
        if col is None:
            continue
        if col.name in columns:
            first = columns[col.name]
            problems.append(
                Problem(
                    Severity.ERROR,
                    f"the {grid.title} tab has two '{col.label}' columns: "
                    f"{column_letter(grid.first_col + first)} ('{header[first]}') and "
                    f"{column_letter(grid.first_col + j)} ('{text}'), so it is unclear which one to read",
                    field=col.name,
                    location=Location("sheet", grid.a1(header_row, grid.first_col + j)),
                    fix="rename or delete one of the two columns "
                    f"({grid.a1(header_row, grid.first_col + first)}, "
                    f"{grid.a1(header_row, grid.first_col + j)})",
                )
            )
            continue
        columns[col.name] = j
    last_col = column_letter(grid.first_col + max(len(header) - 1, 0))
    for col in required:
        if col.name not in columns:
            names = ", ".join(f"'{a}'" for a in (col.label, *col.aliases[:3]))
            problems.append(
                Problem(
                    Severity.ERROR,
                    f"the {grid.title} tab has no '{col.label}' column",
                    field=col.name if key == "accounts" else None,
                    location=Location("sheet", f"{quote_sheet(grid.title)}!{header_row}:{header_row}"),
                    fix=f"add a column headed {names} to row {header_row} of the {grid.title} tab "
                    f"(after {last_col}, or anywhere)",
                )
            )
    return _Tab(key, grid, columns, header_at, problems)


def _rows(tab: _Tab) -> Iterable[SheetRow]:
    grid = tab.grid
    for i in range(tab.header_row + 1, len(grid.rows)):
        raw = [c.strip() for c in grid.rows[i]]
        if not any(raw):
            continue
        number = grid.first_row + i
        cells = {
            key: SheetCell(raw[j] if j < len(raw) else "", grid.a1(number, grid.first_col + j))
            for key, j in tab.columns.items()
        }
        yield SheetRow(grid.title, number, MappingProxyType(cells))


def _unlabelled(tab: _Tab, row: SheetRow, severity: Severity) -> list[Problem]:
    """A problem for each value of `row` in a column with no header (the value is not read)."""
    grid = tab.grid
    raw = grid.rows[row.row - grid.first_row]
    header = grid.rows[tab.header_row] if grid.rows else ()
    header_number = grid.first_row + tab.header_row
    out = []
    for j, value in enumerate(raw):
        if not value.strip() or (j < len(header) and header[j].strip()):
            continue
        col = grid.first_col + j
        letter = column_letter(col)
        left = next((header[i] for i in range(min(j, len(header)) - 1, -1, -1) if header[i].strip()), "")
        merged = f" (if the header '{left}' is merged across column {letter}, unmerge it)" if left else ""
        out.append(
            Problem(
                severity,
                f"{grid.a1(row.row, col)} holds '{clip(mask(value.strip()))}', but column {letter} "
                f"of the {grid.title} tab has no header, so the value is not read",
                location=Location("sheet", grid.a1(row.row, col)),
                fix=f"name the column in {grid.a1(header_number, col)}{merged} or clear the cell",
            )
        )
    return out


def _unknown_headers(tab: _Tab, catalogue: Catalogue) -> list[tuple[int, str, Problem]]:
    """(index, header, warning) per non-empty Accounts header that names no field and is not one of
    `[accounts] extra_columns`: its values are not read, so it is said, with a did-you-mean."""
    grid = tab.grid
    header = grid.rows[tab.header_row] if grid.rows else ()
    row = grid.first_row + tab.header_row
    out = []
    for j, text in enumerate(header):
        t = text.strip()
        if not t or _match_header(t, catalogue.accounts) is not None:
            continue
        if norm(t) in catalogue.extra_columns or norm(strip_brackets(t)) in catalogue.extra_columns:
            continue
        a1 = grid.a1(row, grid.first_col + j)
        close = suggest_column(catalogue.accounts, t)
        hint = f"; did you mean '{close.label}'?" if close else ""
        fix = (
            f"rename {a1} to '{close.label}'"
            if close
            else f"rename {a1} to a field's label (config/fields.toml)"
        ) + ", or list it in [accounts] extra_columns of config/fields.toml if it is for people only"
        out.append(
            (
                j,
                t,
                Problem(
                    Severity.WARNING,
                    f"the {grid.title} tab's column {column_letter(grid.first_col + j)} is headed "
                    f"'{clip(t)}', which names no field, so its values are not read{hint}",
                    close.name if close else None,
                    Location("sheet", a1),
                    fix,
                ),
            )
        )
    return out


def _unread_values(tab: _Tab, row: SheetRow, unknown: Sequence[tuple[int, str, Problem]]) -> list[Problem]:
    """An info line per value of `row` under a header that names no field: listed, never dropped silently."""
    grid = tab.grid
    raw = grid.rows[row.row - grid.first_row]
    out = []
    for j, header, _ in unknown:
        value = raw[j].strip() if j < len(raw) else ""
        if value:
            a1 = grid.a1(row.row, grid.first_col + j)
            out.append(
                Problem(
                    Severity.INFO,
                    f"{a1} holds '{clip(mask(value))}' under '{clip(header)}', a column no field reads",
                    location=Location("sheet", a1),
                    fix=f"see the warning on the header of column {column_letter(grid.first_col + j)}",
                )
            )
    return out


def required_account_columns(catalogue: Catalogue) -> list[Field]:
    """Accounts columns that must exist: the key, and every required field only the sheet can give."""
    return [
        f
        for f in catalogue.fields.values()
        if f.name == "account" or (f.required and tuple(f.sources) == ("sheet",))
    ]


def parse_sheet(
    grids: Mapping[str, Grid | None], catalogue: Catalogue, titles: Mapping[str, str]
) -> SheetData:
    """Grids (None for a tab the spreadsheet lacks) → SheetData. InputError when accounts cannot be found."""
    reading = _Reading(titles.get("accounts", "Accounts"))
    acc = _accounts_tab(grids.get("accounts"), catalogue, reading.accounts_title)
    reading.shared.extend(acc.problems)
    unknown = _unknown_headers(acc, catalogue)
    reading.shared.extend(p for _, _, p in unknown)
    for row in _rows(acc):
        reading.add_account(acc, row, unknown)
    reading.headers["accounts"] = {k: acc.grid.rows[acc.header_row][j] for k, j in acc.columns.items()}
    for key in (*LOG_TABS, "state"):
        spec = catalogue.tabs.get(key)
        if spec is not None:
            reading.add_tab(key, spec, grids.get(key), titles.get(key, key))
    return reading.result()


def _accounts_tab(grid: Grid | None, catalogue: Catalogue, title: str) -> _Tab:
    """The Accounts tab read; InputError when the tab or its account column is missing."""
    if grid is None:
        raise InputError(
            f"the spreadsheet has no tab named '{title}'",
            fix="rename the accounts tab, or set sheet.tabs.accounts in the configuration; "
            "a new sheet is set up with `handoff sheet init`",
        )
    acc = _read_tab("accounts", grid, catalogue.accounts, required_account_columns(catalogue))
    if "account" not in acc.columns:
        label = catalogue.fields["account"].label
        raise InputError(
            f"the {title} tab has no '{label}' column, so no account can be found "
            f"(looked at rows {grid.first_row}–{grid.first_row + HEADER_SCAN_ROWS - 1})",
            fix=f"head the column of account slugs '{label}' in the {title} tab's header row",
        )
    return acc


@dataclass
class _Draft:
    """One account's rows while the tabs are read."""

    row: SheetRow
    logs: dict[str, list[SheetRow]] = field(default_factory=lambda: {t: [] for t in LOG_TABS})
    state: SheetCell | None = None

    @property
    def slug(self) -> str:
        return self.row.cells["account"].value

    def record(self) -> AccountRecord:
        return AccountRecord(
            slug=self.slug,
            row=self.row,
            notes=tuple(self.logs["notes"]),
            issues=tuple(self.logs["issues"]),
            risks=tuple(self.logs["risks"]),
            expansion=tuple(self.logs["expansion"]),
            checklist=tuple(self.logs["checklist"]),
            state=StateCell.parse(self.state),
        )


@dataclass
class _Reading:
    """What `parse_sheet` gathers, tab by tab: the accounts, their rows and the problems found."""

    accounts_title: str
    records: dict[str, _Draft] = field(default_factory=dict)  # slug_key -> rows, in sheet order
    headers: dict[str, Mapping[str, str]] = field(default_factory=dict)
    shared: list[Problem] = field(default_factory=list)
    per_account: dict[str, list[Problem]] = field(default_factory=dict)
    notices: list[Problem] = field(default_factory=list)

    def say(self, key: str, problems: Iterable[Problem]) -> None:
        if problems := list(problems):
            self.per_account.setdefault(key, []).extend(problems)

    def add_account(self, acc: _Tab, row: SheetRow, unknown: Sequence[tuple[int, str, Problem]]) -> None:
        """One Accounts row: a new account, or a warning (no slug) or an error (a second row)."""
        cell = row.cells["account"]
        if not cell.value:
            self.notices.append(
                Problem(
                    Severity.WARNING,
                    f"row {row.row} of the {self.accounts_title} tab has values but no account",
                    location=cell.location,
                    fix=f"fill in the account slug in {cell.a1}, or clear the row",
                )
            )
            return
        k = slug_key(cell.value)
        if k in self.records:
            self.say(k, [self._second_row(self.records[k].row, row)])
            return
        self.records[k] = _Draft(row)
        if unsafe := slug_problem(cell.value):
            fix = f"rename the account in {cell.a1} (and its rows in the other tabs), e.g. 'acme-eu'"
            self.say(k, [Problem(Severity.ERROR, unsafe, field="account", location=cell.location, fix=fix)])
        self.say(k, _unlabelled(acc, row, Severity.ERROR))
        self.say(k, _unread_values(acc, row, unknown))

    def _second_row(self, first: SheetRow, row: SheetRow) -> Problem:
        cell = row.cells["account"]
        return Problem(
            Severity.ERROR,
            f"account '{cell.value}' has two rows in the {self.accounts_title} tab "
            f"({first.cells['account'].a1} and {cell.a1}); it is unclear which one is right",
            field="account",
            location=cell.location,
            fix=f"delete or merge one of the rows ({first.row} or {row.row}); row {first.row} was read",
        )

    def add_tab(self, key: str, spec: TabSpec, grid: Grid | None, title: str) -> None:
        """A log tab (or the state tab): its rows to their accounts; a missing required tab is an error."""
        if grid is None:
            if key not in OPTIONAL_TABS:
                self.shared.append(_missing_tab(key, spec, title))
            return
        tab = _read_tab(key, grid, spec, spec.required)
        self.shared.extend(tab.problems)
        self.headers[key] = (
            {k: grid.rows[tab.header_row][j] for k, j in tab.columns.items()} if grid.rows else {}
        )
        if "account" not in tab.columns:
            return
        for row in _rows(tab):
            self._add_row(key, tab, row, title)

    def _add_row(self, key: str, tab: _Tab, row: SheetRow, title: str) -> None:
        cell = row.cells["account"]
        draft = self.records.get(slug_key(cell.value))
        if draft is None:
            if key != "state":
                self.notices.append(_orphan(cell, title, self.accounts_title, self.records, self.per_account))
        elif key == "state":
            draft.state = draft.state or row.cells.get("state")
        else:
            draft.logs[key].append(row)
            self.say(slug_key(cell.value), _unlabelled(tab, row, Severity.WARNING))

    def result(self) -> SheetData:
        return SheetData(
            accounts=MappingProxyType({k: d.record() for k, d in self.records.items()}),
            headers=MappingProxyType(self.headers),
            shared=tuple(self.shared),
            per_account=MappingProxyType({k: tuple(v) for k, v in self.per_account.items()}),
            notices=tuple(self.notices),
            accounts_title=self.accounts_title,
        )


def _missing_tab(key: str, spec: TabSpec, title: str) -> Problem:
    cols = ", ".join(c.label for c in spec.columns.values())
    return Problem(
        Severity.ERROR,
        f"the spreadsheet has no '{title}' tab",
        location=Location("sheet", quote_sheet(title)),
        fix=f"add a tab named '{title}' with the headers {cols} "
        f"(or set sheet.tabs.{key} in the configuration)",
    )


def _orphan(
    cell: SheetCell,
    title: str,
    accounts_title: str,
    records: Mapping[str, _Draft],
    per_account: dict[str, list[Problem]],
) -> Problem:
    """A log row with an unknown account: a notice, and a warning on the account it most likely meant."""
    if not cell.value:
        return Problem(
            Severity.WARNING,
            f"a row of the {title} tab has values but no account",
            location=cell.location,
            fix=f"fill in the account slug in {cell.a1}, or clear the row",
        )
    close = difflib.get_close_matches(slug_key(cell.value), list(records), n=1, cutoff=0.75)
    hint = f"; did you mean '{records[close[0]].slug}'?" if close else ""
    problem = Problem(
        Severity.WARNING,
        f"the {title} tab names account '{cell.value}', which is not in the {accounts_title} tab{hint}",
        field="account",
        location=cell.location,
        fix=f"correct the slug in {cell.a1}" + (" so the row is read for that account" if close else ""),
    )
    if close:
        per_account.setdefault(close[0], []).append(problem)
    return problem
