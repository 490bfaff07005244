"""The data that flows between the parts: where a value came from, what is wrong, and the merged handoff.

Read side:  sheet reader -> AccountRecord (+ SheetCell addresses, the state cell parsed once as a
            StateCell); TDD parser -> TddValue list.
Merge side: merge/validate -> Handoff (typed FieldValue per field, log entries, problems).
Everything here is plain, immutable data: no I/O.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from handoff.core.redact import mask
from handoff.core.state import AccountState


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Location:
    """Where a value lives: a sheet cell/row (`Accounts!F4`) or a place in a TDD."""

    source: str  # "sheet" | "tdd" | "config" | "vitally" | "drive"
    ref: str  # human-readable: 'Accounts!F4' or 'TDD tab "Production" › Infrastructure › table 2, row 3'

    def __str__(self) -> str:
        return self.ref


@dataclass(frozen=True)
class Problem:
    severity: Severity
    message: str
    field: str | None = None
    location: Location | None = None
    fix: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity.value,
            "field": self.field,
            "message": mask(self.message),
            "location": str(self.location) if self.location else None,
            "fix": mask(self.fix) if self.fix else self.fix,
        }


@dataclass(frozen=True)
class SheetCell:
    """One raw cell value as the sheet holds it (string, already stripped), with its A1 address."""

    value: str
    a1: str  # e.g. "Accounts!F4" (sheet name quoted when needed: "'Handoff Log'!B2")

    @property
    def location(self) -> Location:
        return Location("sheet", self.a1)


@dataclass(frozen=True)
class SheetRow:
    """One data row of a tab: canonical column key -> cell. Missing columns are absent keys."""

    tab: str
    row: int  # 1-based sheet row number
    cells: Mapping[str, SheetCell]

    def get(self, key: str) -> str:
        cell = self.cells.get(key)
        return cell.value if cell else ""

    @property
    def location(self) -> Location:
        return Location("sheet", f"{quote_sheet(self.tab)}!{self.row}:{self.row}")


@dataclass(frozen=True)
class StateCell:
    """An account's handoff_state cell, parsed once where the sheet is read (read/sheet.py).

    `value` is the recorded state: empty when the account has no state row (`a1` "") or when the
    cell cannot be read, in which case `error` says why and `problem` is the one report of it."""

    value: AccountState = field(default_factory=AccountState)
    a1: str = ""
    error: str = ""

    @classmethod
    def parse(cls, cell: SheetCell | None) -> StateCell:
        if cell is None:
            return cls()
        try:
            return cls(AccountState.from_cell(cell.value), cell.a1)
        except ValueError as exc:
            return cls(AccountState(), cell.a1, str(exc))

    @property
    def recorded(self) -> AccountState | None:
        """The state a cell records; None when there is no cell or it cannot be read."""
        return self.value if self.a1 and not self.error else None

    def problem(self, account: str) -> Problem | None:
        """An unreadable cell: an error at the cell that blocks the account's run, with the fix."""
        if not self.error:
            return None
        return Problem(
            Severity.ERROR,
            f"the handoff state for {account} is unreadable: {self.error}",
            None,
            Location("sheet", self.a1),
            f"restore the cell from the sheet's version history, or clear {self.a1} "
            "(the next run then finds the doc, note and task again by their tags)",
        )


@dataclass(frozen=True)
class AccountRecord:
    """Everything the sheet says about one account."""

    slug: str
    row: SheetRow  # the Accounts tab row
    notes: tuple[SheetRow, ...] = ()
    issues: tuple[SheetRow, ...] = ()
    risks: tuple[SheetRow, ...] = ()
    expansion: tuple[SheetRow, ...] = ()
    checklist: tuple[SheetRow, ...] = ()
    state: StateCell = field(default_factory=StateCell)  # the handoff_state cell, parsed


@dataclass(frozen=True)
class TddValue:
    """A labelled value found in a TDD, with the place it was found."""

    label: str  # the label as written ("Total memory")
    text: str  # the value as written ("128 GiB")
    location: Location
    field: str | None = None  # catalogue field name the label matched, if any
    section: str = ""  # "production" | "trial" | "" : which part of the document it came from
    link: str | None = None  # a URL behind the value (link or chip), if any
    derived: bool = False  # gathered from a table's columns or from prose, not a written label
    value: str = (
        ""  # the text to read as the field (canonical: "Kubernetes with Helm", "2026-08-03"); "" = `text`
    )
    how: str = ""  # how it was recognised: "label", "label meaning", "table column", "CPU count", "sum" …


@dataclass(frozen=True)
class FieldValue:
    """The winning value of one catalogue field after merge, typed."""

    name: str
    value: Any  # str | int | float | datetime.date | list[...] | None
    text: str  # as written at the source
    source: str  # "sheet" | "tdd"
    location: Location

    def to_json(self) -> dict[str, Any]:
        return {
            "value": jsonable(self.value),
            "text": self.text,
            "source": self.source,
            "location": str(self.location),
        }


@dataclass(frozen=True)
class Disagreement:
    field: str
    sheet_text: str
    sheet_location: Location
    tdd_text: str
    tdd_location: Location
    winner: str  # "sheet" | "tdd"
    blocking: bool = False  # the field goes to Vitally or into the doc's deployment tables
    accepted: bool = False  # the winner was chosen with --accept FIELD=SOURCE


@dataclass(frozen=True)
class LogEntry:
    """A row of a log tab (notes, issues, risks, expansion, checklist), validated and typed."""

    values: Mapping[str, Any]
    location: Location


@dataclass(frozen=True)
class Handoff:
    """The merged, validated view of one account: what render/plan/apply consume."""

    account: str
    fields: Mapping[str, FieldValue]
    notes: tuple[LogEntry, ...] = ()
    issues: tuple[LogEntry, ...] = ()
    risks: tuple[LogEntry, ...] = ()
    expansion: tuple[LogEntry, ...] = ()
    checklist: tuple[LogEntry, ...] = ()
    problems: tuple[Problem, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    record: AccountRecord | None = field(default=None, compare=False, repr=False)

    def value(self, name: str, default: Any = None) -> Any:
        fv = self.fields.get(name)
        return default if fv is None or fv.value is None else fv.value

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def checklist_done(self) -> tuple[int, int]:
        done = sum(1 for e in self.checklist if e.values.get("done"))
        return done, len(self.checklist)

    @property
    def checklist_complete(self) -> bool:
        """Every close-out item done (at least one). Not the same as ready for handoff, which also
        needs no errors: validate/readiness.py."""
        done, total = self.checklist_done
        return total > 0 and done == total

    def to_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "fields": {k: v.to_json() for k, v in self.fields.items()},
            "problems": [p.to_json() for p in self.problems],
            "disagreements": [
                {
                    "field": d.field,
                    "sheet": d.sheet_text,
                    "sheet_location": str(d.sheet_location),
                    "tdd": d.tdd_text,
                    "tdd_location": str(d.tdd_location),
                    "winner": d.winner,
                    "blocking": d.blocking,
                    "accepted": d.accepted,
                }
                for d in self.disagreements
            ],
            "checklist": {"done": self.checklist_done[0], "total": self.checklist_done[1]},
        }


def quote_sheet(title: str) -> str:
    """A sheet name as Google prints it in a range (for messages): bare when it is a plain
    identifier that cannot be read as a cell (`Accounts`), else quoted (`'Handoff Log'`, `'Q4'`)."""
    plain = title.replace("_", "a").isascii() and title.replace("_", "a").isalnum()
    if plain and not title[:1].isdigit() and not _CELL_LIKE.fullmatch(title):
        return title
    return sheet_ref(title)


def sheet_ref(title: str) -> str:
    """A sheet name for a request's A1 range: always quoted, `'` doubled (`'Q4'`, `'It''s'`), so a
    name like Q4, CO2 or FY26 is never read as a cell reference."""
    return "'" + title.replace("'", "''") + "'"


_CELL_LIKE = re.compile(r"[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*")


def column_letter(index: int) -> str:
    """A 0-based column index as A1 letters: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def jsonable(value: Any) -> Any:
    """Turn typed values (dates, tuples, dataclasses with to_json) into JSON-ready ones."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return to_json()
    return value
