"""`handoff sheet init`: set up, or upgrade, the tracking sheet so that it guides the people typing in it.

    read   open the spreadsheet (1) · spreadsheets.get: every tab's properties and protections (1)
           · spreadsheets.get?ranges=<each tool tab>!1:11 with grid data: the header rows and the
           validation rule of the first data row of every tool tab, in one request (1)
           · with --example, also values:batchGet of the account tabs (1) and a Drive lookup of
           an example TDD an interrupted run may have made (1)
    plan   plan_sheet(...) -> SheetPlan, a list of typed SheetChanges (pure; --dry-run prints it)
    apply  ONE spreadsheets.batchUpdate (new tabs, grown grids, frozen header rows, validation,
           the hidden, warning-protected state tab, bold new headers) and ONE values:batchUpdate
           RAW (new headers, the How to use text); with --example also a Drive HTML import of the
           example TDD and ONE values:batchUpdate USER_ENTERED for the example rows.

What the tool tabs should hold (titles, columns, rules) is `sheet_spec`'s. Decisions:

* **Nothing a person wrote moves or goes.** Tabs are found by title (case and outer spaces
  ignored), columns by the catalogue's labels and aliases, the header row as the reader finds it
  (the first of rows 1-10 naming the account column). A missing column is appended after the
  last used column of rows 1-11; a missing tab is added at the end (How to use: first); existing
  tabs, titles, cells and order are never touched. A tab whose header row cannot be found is left
  alone and reported.
* **Validation guides, it does not forbid**: the rules are `sheet_spec`'s (strict false).
* **The catalogue is the source of truth for rules.** A column's rule is compared (defaults
  ignored) with the rule on its first data row; when it is missing or different, the rule is set
  on the whole column below the header. Customise dropdowns in `config/fields.toml`, not in the
  sheet: a hand-edited rule is replaced (the plan says so).
* **Idempotent:** on an up-to-date sheet the plan is empty, "nothing to change" is printed and
  no write request is sent. The How to use tab is only created when missing (delete it and
  re-run to refresh it); the example account only when no row names `example`.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from handoff.clients import drive_docs as docs_writer
from handoff.core.fields import Catalogue, load_catalogue
from handoff.core.model import sheet_ref
from handoff.core.settings import ENTRY_TABS
from handoff.read.sheet import HEADER_SCAN_ROWS, column_letter, parse_batch
from handoff.setup import example as sheet_example
from handoff.setup.spec import (
    HOWTO_TITLE,
    ColumnSpec,
    TabTarget,
    canonical,
    howto_rows,
    matches,
    sheet_targets,
)

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.clients import Clients
    from handoff.core.settings import Settings

SCAN_ROWS = HEADER_SCAN_ROWS + 1  # the header can be in rows 1-10; its first data row is read too
DEFAULT_ROWS = 1000
DEFAULT_COLS = 26
ACCOUNT_TABS = ("accounts", *ENTRY_TABS)
STATE_DESCRIPTION = "Machine state written by handoff: edit only to repair it (see the How to use tab)"
METADATA_FIELDS = "properties.title,sheets(properties,protectedRanges)"
GRID_FIELDS = (
    "sheets(properties(sheetId,title),"
    "data(startRow,startColumn,rowData(values(formattedValue,dataValidation))))"
)
_PHASES = {"addSheet": 0, "appendDimension": 1}  # a batch refers to new sheets and columns after making them


# --------------------------------------------------------------------------------------------
# what the sheet holds (the reads)


@dataclass(frozen=True)
class FoundTab:
    """An existing tab: its properties, and the text and rule of each cell of its first rows."""

    sheet_id: int
    title: str
    row_count: int
    col_count: int
    frozen_rows: int = 0
    hidden: bool = False
    protected: bool = False  # a protection covers the whole tab
    cells: tuple[tuple[tuple[str, Mapping[str, Any] | None], ...], ...] = ()  # [row][col] = (text, rule)

    def text(self, row: int, col: int) -> str:
        return self._cell(row, col)[0]

    def rule(self, row: int, col: int) -> Mapping[str, Any] | None:
        return self._cell(row, col)[1]

    def _cell(self, row: int, col: int) -> tuple[str, Mapping[str, Any] | None]:
        if row < len(self.cells) and col < len(self.cells[row]):
            return self.cells[row][col]
        return "", None

    @property
    def used_width(self) -> int:
        """Columns in use in the rows read: one past the last non-blank cell."""
        return max(
            (max((j + 1 for j, (t, _) in enumerate(r) if t), default=0) for r in self.cells), default=0
        )

    @classmethod
    def from_json(cls, sheet: Mapping[str, Any]) -> FoundTab:
        props = sheet.get("properties") or {}
        grid = props.get("gridProperties") or {}
        return cls(
            sheet_id=int(props.get("sheetId") or 0),
            title=str(props.get("title") or ""),
            row_count=int(grid.get("rowCount") or 0),
            col_count=int(grid.get("columnCount") or 0),
            frozen_rows=int(grid.get("frozenRowCount") or 0),
            hidden=bool(props.get("hidden")),
            protected=any(_whole_tab(p.get("range") or {}) for p in sheet.get("protectedRanges") or []),
        )


def _whole_tab(grid_range: Mapping[str, Any]) -> bool:
    return not (set(grid_range) - {"sheetId"})


def _grid_cells(sheet: Mapping[str, Any]) -> tuple[tuple[tuple[str, Mapping[str, Any] | None], ...], ...]:
    """GridData (from row 1, column A) → rows of (text, rule)."""
    data = (sheet.get("data") or [{}])[0]
    rows = []
    for row in data.get("rowData") or []:
        rows.append(
            tuple(
                (str(c.get("formattedValue") or "").strip(), c.get("dataValidation") or None)
                for c in row.get("values") or []
            )
        )
    return tuple(rows)


def title_key(title: str) -> str:
    return title.strip().casefold()


@dataclass
class SheetState:
    """Everything the plan needs from the spreadsheet."""

    title: str
    tabs: dict[str, FoundTab]  # title_key -> tab
    values: dict[str, list[list[str]]] = field(default_factory=dict)  # tab key -> rows (only with --example)
    example_tdd_url: str = ""  # an example TDD found in Drive (only with --example)

    def find(self, title: str) -> FoundTab | None:
        return self.tabs.get(title_key(title))


def read_sheet_state(clients: Clients, targets: Sequence[TabTarget]) -> SheetState:
    """The metadata of every tab, then the first rows (text + rules) of the tool tabs that exist."""
    sh = clients.spreadsheet()
    meta = clients.call("sheets", lambda: sh.fetch_sheet_metadata(params={"fields": METADATA_FIELDS}))
    found = {title_key(t.title): t for t in (FoundTab.from_json(s) for s in meta.get("sheets") or [])}
    wanted = [found[title_key(t.title)] for t in targets if title_key(t.title) in found]
    if wanted:
        ranges = [f"{sheet_ref(t.title)}!1:{max(1, min(SCAN_ROWS, t.row_count))}" for t in wanted]
        params: dict[str, Any] = {"ranges": ranges, "fields": GRID_FIELDS}
        grid = clients.call("sheets", lambda: sh.fetch_sheet_metadata(params=params))
        by_id = {tab.sheet_id: key for key, tab in found.items()}
        for s in grid.get("sheets") or []:
            key = by_id.get(int((s.get("properties") or {}).get("sheetId") or 0))
            if key is not None:
                found[key] = replace(found[key], cells=_grid_cells(s))
    title = str((meta.get("properties") or {}).get("title") or "")
    return SheetState(title, found)


def read_example_inputs(clients: Clients, state: SheetState, targets: Sequence[TabTarget]) -> None:
    """For --example: the account tabs' values (is `example` there? where are the free rows?) and
    an example TDD an earlier, interrupted run made."""
    present = {t.key: state.find(t.title) for t in targets if t.key in ACCOUNT_TABS}
    titles = {k: tab.title for k, tab in present.items() if tab is not None}
    if titles:
        sh = clients.spreadsheet()
        ranges = [sheet_ref(t) for t in titles.values()]
        response = clients.call("sheets", lambda: sh.values_batch_get(ranges))
        state.values = {k: [list(r) for r in g.rows] for k, g in parse_batch(response, titles).items()}
    if not _has_example(state, targets):
        doc = docs_writer.find_doc(clients, sheet_example.SLUG, sheet_example.TDD_KIND)
        state.example_tdd_url = doc.url if doc else ""


def _has_example(state: SheetState, targets: Sequence[TabTarget]) -> bool:
    accounts = next(t for t in targets if t.key == "accounts")
    tab = state.find(accounts.title)
    if tab is None:
        return False
    place = locate(accounts, tab)
    col = place.columns.get("account") if place else None
    if place is None or col is None:
        return False
    rows = state.values.get("accounts", [])[place.header_row + 1 :]
    return any(col < len(r) and r[col].strip().casefold() == sheet_example.SLUG for r in rows)


# --------------------------------------------------------------------------------------------
# the plan


@dataclass(frozen=True)
class SheetChange:
    """One change to the spreadsheet, as a person reads it and as the API requests that make it."""

    kind: str  # tab.add, column.add, freeze, validation.set, tab.hide, tab.protect, howto.add, example.*
    tab: str
    summary: str
    requests: tuple[Mapping[str, Any], ...] = ()  # spreadsheets.batchUpdate requests
    values: tuple[Mapping[str, Any], ...] = ()  # values:batchUpdate RAW ValueRanges
    typed_values: tuple[Mapping[str, Any], ...] = ()  # values:batchUpdate USER_ENTERED (example rows)
    doc: Mapping[str, str] | None = None  # a Drive document to import: title, html, folder


@dataclass
class SheetPlan:
    spreadsheet_id: str
    title: str
    changes: list[SheetChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was left alone, and why
    problems: list[str] = field(default_factory=list)  # what could not be set up; the fix is in the text
    example_tdd_url: str = ""

    @property
    def requests(self) -> list[Mapping[str, Any]]:
        ordered = [r for c in self.changes for r in c.requests]
        return sorted(ordered, key=lambda r: _PHASES.get(next(iter(r)), 2))  # stable: keeps the rest in order

    @property
    def values(self) -> list[Mapping[str, Any]]:
        return [v for c in self.changes for v in c.values]

    @property
    def typed_values(self) -> list[Mapping[str, Any]]:
        return [v for c in self.changes for v in c.typed_values]

    @property
    def doc(self) -> Mapping[str, str] | None:
        return next((c.doc for c in self.changes if c.doc), None)

    def write_requests(self) -> list[str]:
        """The write requests applying the plan sends, in order (empty: nothing to change)."""
        out = []
        if self.requests:
            out.append(f"spreadsheets.batchUpdate ({len(self.requests)} requests)")
        if self.doc:
            out.append("drive files.create (the example TDD, imported from HTML)")
        if self.values:
            out.append(f"values.batchUpdate RAW ({len(self.values)} ranges)")
        if self.typed_values:
            out.append(f"values.batchUpdate USER_ENTERED ({len(self.typed_values)} ranges)")
        return out


@dataclass
class TabPlace:
    """Where a tool tab's columns are (or will be, once the plan is applied)."""

    title: str
    sheet_id: int
    header_row: int  # 0-based
    columns: dict[str, int]  # column key -> 0-based index

    def a1(self, row: int, col: int) -> str:
        return f"{sheet_ref(self.title)}!{column_letter(col)}{row + 1}"

    def column_range(self, col: int) -> dict[str, int]:
        """The GridRange of a column below the header, to the end of the grid."""
        return {
            "sheetId": self.sheet_id,
            "startRowIndex": self.header_row + 1,
            "startColumnIndex": col,
            "endColumnIndex": col + 1,
        }

    def row_range(self, row: int, col0: int, col1: int) -> dict[str, int]:
        return {
            "sheetId": self.sheet_id,
            "startRowIndex": row,
            "endRowIndex": row + 1,
            "startColumnIndex": col0,
            "endColumnIndex": col1,
        }


def locate(target: TabTarget, tab: FoundTab) -> TabPlace | None:
    """The header row and matched columns of an existing tab, as the sheet reader finds them.

    None when the tab has content but no row in 1-10 names its key column."""
    key_spec = next((c for c in target.columns if c.key == "account"), target.columns[0])
    header = None
    for i in range(min(HEADER_SCAN_ROWS, len(tab.cells))):
        if any(matches(tab.text(i, j), key_spec) for j in range(len(tab.cells[i]))):
            header = i
            break
    if header is None:
        if tab.used_width:
            return None
        header = 0
    columns: dict[str, int] = {}
    row = tab.cells[header] if header < len(tab.cells) else ()
    for j in range(len(row)):
        spec = next((c for c in target.columns if matches(tab.text(header, j), c)), None)
        if spec is not None and spec.key not in columns:
            columns[spec.key] = j
    return TabPlace(tab.title, tab.sheet_id, header, columns)


def _header_values(place: TabPlace, col0: int, labels: Sequence[str]) -> dict[str, Any]:
    return {"range": place.a1(place.header_row, col0), "majorDimension": "ROWS", "values": [list(labels)]}


def _bold(grid_range: Mapping[str, int]) -> dict[str, Any]:
    return {
        "repeatCell": {
            "range": dict(grid_range),
            "cell": {"userEnteredFormat": {"textFormat": {"bold": True}}},
            "fields": "userEnteredFormat.textFormat.bold",
        }
    }


def _validation(place: TabPlace, col: int, rule: Mapping[str, Any]) -> dict[str, Any]:
    return {"setDataValidation": {"range": place.column_range(col), "rule": dict(rule)}}


def new_sheet_id(title: str, used: set[int]) -> int:
    """A stable id for a tab this plan adds (requests later in the same batch refer to it)."""
    candidate = zlib.crc32(title.encode("utf-8")) % (2**31 - 2) + 1
    while candidate in used:
        candidate = candidate % (2**31 - 2) + 1
    used.add(candidate)
    return candidate


def _plan_new_tab(target: TabTarget, used_ids: set[int]) -> tuple[list[SheetChange], TabPlace]:
    sheet_id = new_sheet_id(target.title, used_ids)
    width = len(target.columns)
    place = TabPlace(target.title, sheet_id, 0, {c.key: j for j, c in enumerate(target.columns)})
    props: dict[str, Any] = {
        "sheetId": sheet_id,
        "title": target.title,
        "gridProperties": {
            "rowCount": DEFAULT_ROWS,
            "columnCount": max(DEFAULT_COLS, width),
            "frozenRowCount": 1,
        },
    }
    if target.hidden:
        props["hidden"] = True
    requests: list[Mapping[str, Any]] = [
        {"addSheet": {"properties": props}},
        _bold(place.row_range(0, 0, width)),
    ]
    labels = [c.label for c in target.columns]
    ruled = [(j, c) for j, c in enumerate(target.columns) if c.rule]
    requests += [_validation(place, j, c.rule) for j, c in ruled if c.rule]
    extra = ", hidden" if target.hidden else ""
    changes = [
        SheetChange(
            "tab.add",
            target.title,
            f"add tab '{target.title}' with {width} columns ({', '.join(labels)}), "
            f"header row frozen{extra}" + _rules_note(c for _, c in ruled),
            tuple(requests),
            (_header_values(place, 0, labels),),
        )
    ]
    if target.protected:
        changes.append(_protect(target, place))
    return changes, place


def _rules_note(columns: Iterable[ColumnSpec]) -> str:
    parts = [f"{c.label} ({c.kind})" for c in columns]
    return f"; validation: {', '.join(parts)}" if parts else ""


def _protect(target: TabTarget, place: TabPlace) -> SheetChange:
    request = {
        "addProtectedRange": {
            "protectedRange": {
                "range": {"sheetId": place.sheet_id},
                "description": STATE_DESCRIPTION,
                "warningOnly": True,
            }
        }
    }
    return SheetChange(
        "tab.protect",
        target.title,
        f"protect tab '{target.title}' (warning only: an edit asks for confirmation)",
        (request,),
    )


def _sheet_properties(sheet_id: int, props: Mapping[str, Any], fields: str) -> dict[str, Any]:
    return {"updateSheetProperties": {"properties": {"sheetId": sheet_id, **props}, "fields": fields}}


def _plan_existing_tab(target: TabTarget, tab: FoundTab, plan: SheetPlan) -> TabPlace | None:
    place = locate(target, tab)
    if place is None:
        key = next((c.label for c in target.columns if c.key == "account"), target.columns[0].label)
        plan.problems.append(
            f"tab '{tab.title}': no header row naming '{key}' in rows 1-{HEADER_SCAN_ROWS}, so its columns "
            f"are unknown; left unchanged (head the column of account slugs '{key}' and run sheet init again)"
        )
        return None
    if tab.title != target.title:
        plan.notes.append(f"tab '{tab.title}' is used as '{target.title}' (titles match ignoring case)")
    _plan_columns(target, tab, place, plan)
    if tab.frozen_rows < place.header_row + 1:
        rows = place.header_row + 1
        plan.changes.append(
            SheetChange(
                "freeze",
                tab.title,
                f"freeze the header row of '{tab.title}' ({rows})",
                (
                    _sheet_properties(
                        tab.sheet_id,
                        {"gridProperties": {"frozenRowCount": rows}},
                        "gridProperties.frozenRowCount",
                    ),
                ),
            )
        )
    _plan_rules(target, tab, place, plan)
    if target.hidden and not tab.hidden:
        plan.changes.append(
            SheetChange(
                "tab.hide",
                tab.title,
                f"hide tab '{tab.title}' (machine state)",
                (_sheet_properties(tab.sheet_id, {"hidden": True}, "hidden"),),
            )
        )
    if target.protected and not tab.protected:
        plan.changes.append(_protect(target, place))
    return place


def _plan_columns(target: TabTarget, tab: FoundTab, place: TabPlace, plan: SheetPlan) -> None:
    missing = [c for c in target.columns if c.key not in place.columns]
    if not missing:
        return
    start = max(tab.used_width, max(place.columns.values(), default=-1) + 1)
    for j, c in enumerate(missing):
        place.columns[c.key] = start + j
    end = start + len(missing)
    requests: list[Mapping[str, Any]] = []
    if end > tab.col_count:
        requests.append(
            {
                "appendDimension": {
                    "sheetId": tab.sheet_id,
                    "dimension": "COLUMNS",
                    "length": end - tab.col_count,
                }
            }
        )
    requests.append(_bold(place.row_range(place.header_row, start, end)))
    letters = column_letter(start) + (f"-{column_letter(end - 1)}" if end - start > 1 else "")
    labels = [c.label for c in missing]
    plan.changes.append(
        SheetChange(
            "column.add",
            tab.title,
            f"add column{'s' if len(missing) > 1 else ''} {letters} to '{tab.title}': " + ", ".join(labels),
            tuple(requests),
            (_header_values(place, start, labels),),
        )
    )


def _plan_rules(target: TabTarget, tab: FoundTab, place: TabPlace, plan: SheetPlan) -> None:
    requests: list[Mapping[str, Any]] = []
    added: list[str] = []
    replaced: list[str] = []
    for c in sorted(target.columns, key=lambda c: place.columns[c.key]):
        if not c.rule:
            continue
        col = place.columns[c.key]
        current = tab.rule(place.header_row + 1, col)
        if current is not None and canonical(current) == canonical(c.rule):
            continue
        requests.append(_validation(place, col, c.rule))
        (replaced if current is not None else added).append(f"{column_letter(col)} {c.label} ({c.kind})")
    if not requests:
        return
    parts = []
    if added:
        parts.append("add " + ", ".join(added))
    if replaced:
        parts.append("replace a different rule on " + ", ".join(replaced))
    plan.changes.append(
        SheetChange(
            "validation.set", tab.title, f"validation on '{tab.title}': " + "; ".join(parts), tuple(requests)
        )
    )


def plan_sheet(
    settings: Settings,
    catalogue: Catalogue,
    targets: Sequence[TabTarget],
    state: SheetState,
    *,
    example: bool = False,
) -> SheetPlan:
    """Compare the sheet with what the tool needs (`targets`); the changes that close the gap (pure)."""
    plan = SheetPlan(settings.sheet.spreadsheet_id, state.title, example_tdd_url=state.example_tdd_url)
    used_ids = {t.sheet_id for t in state.tabs.values()}
    places: dict[str, TabPlace] = {}
    for target in targets:
        tab = state.find(target.title)
        if tab is None:
            changes, place = _plan_new_tab(target, used_ids)
            plan.changes.extend(changes)
            places[target.key] = place
        else:
            found = _plan_existing_tab(target, tab, plan)
            if found is not None:
                places[target.key] = found
    if state.find(HOWTO_TITLE) is None:
        plan.changes.append(_plan_howto(settings, targets, used_ids))
    if example:
        _plan_example(settings, catalogue, state, targets, places, plan)
    return plan


# --------------------------------------------------------------------------------------------
# the How to use tab


def _plan_howto(settings: Settings, targets: Sequence[TabTarget], used_ids: set[int]) -> SheetChange:
    sheet_id = new_sheet_id(HOWTO_TITLE, used_ids)
    rows = howto_rows(settings, targets)
    place = TabPlace(HOWTO_TITLE, sheet_id, 0, {})
    requests = (
        {
            "addSheet": {
                "properties": {
                    "sheetId": sheet_id,
                    "title": HOWTO_TITLE,
                    "index": 0,
                    "gridProperties": {
                        "rowCount": max(DEFAULT_ROWS // 10, len(rows) + 10),
                        "columnCount": DEFAULT_COLS,
                    },
                }
            }
        },
        _bold(place.row_range(0, 0, 1)),
        {
            "updateDimensionProperties": {
                "range": {"sheetId": sheet_id, "dimension": "COLUMNS", "startIndex": 0, "endIndex": 1},
                "properties": {"pixelSize": 320},
                "fields": "pixelSize",
            }
        },
    )
    values = ({"range": f"{sheet_ref(HOWTO_TITLE)}!A1", "majorDimension": "ROWS", "values": rows},)
    return SheetChange(
        "howto.add",
        HOWTO_TITLE,
        f"add tab '{HOWTO_TITLE}' first: what goes where, the commands and the allowed values",
        requests,
        values,
    )


# --------------------------------------------------------------------------------------------
# the example account


def _plan_example(
    settings: Settings,
    catalogue: Catalogue,
    state: SheetState,
    targets: Sequence[TabTarget],
    places: Mapping[str, TabPlace],
    plan: SheetPlan,
) -> None:
    if _has_example(state, targets):
        plan.notes.append(
            f"the example account '{sheet_example.SLUG}' is already in the sheet; left as it is"
        )
        return
    if "accounts" not in places:
        plan.problems.append("the example account was not added: the Accounts tab cannot be read (see above)")
        return
    if not plan.example_tdd_url:
        plan.changes.append(
            SheetChange(
                "example.tdd",
                "Drive",
                f"import the example TDD '{sheet_example.tdd_title()}' into Drive"
                + (f" (folder {settings.docs.folder_id})" if settings.docs.folder_id else ""),
                doc={
                    "title": sheet_example.tdd_title(),
                    "html": sheet_example.tdd_html(catalogue),
                    "folder": settings.docs.folder_id,
                },
            )
        )
    rows = [("accounts", dict(sheet_example.ACCOUNT))]
    rows += [
        (key, {"account": sheet_example.SLUG, **row})
        for key, log in sheet_example.LOGS.items()
        for row in log
    ]
    next_free = {key: _next_row(state.values.get(key, []), place) for key, place in places.items()}
    values = []
    counts: dict[str, int] = {}
    for key, row in rows:
        place = places.get(key)
        if place is None:
            continue
        values.append(_example_row(place, next_free[key], row))
        next_free[key] += 1
        counts[place.title] = counts.get(place.title, 0) + 1
    summary = ", ".join(f"{n} row{'s' if n > 1 else ''} in '{t}'" for t, n in counts.items())
    plan.changes.append(
        SheetChange(
            "example.add",
            places["accounts"].title,
            f"add the example account '{sheet_example.SLUG}': {summary}",
            typed_values=tuple(values),
        )
    )


def _next_row(values: Sequence[Sequence[str]], place: TabPlace) -> int:
    """0-based index of the first row after the last non-blank one (and after the header)."""
    last = max((i for i, r in enumerate(values) if any(str(c).strip() for c in r)), default=place.header_row)
    return max(last, place.header_row) + 1


def _example_row(place: TabPlace, row: int, values: Mapping[str, Any]) -> dict[str, Any]:
    """One row from column A: the example's values in their columns, null (left as is) elsewhere."""
    placed = {place.columns[k]: v for k, v in values.items() if k in place.columns}
    width = max(placed) + 1
    cells = [sheet_example.typed(placed[j]) if j in placed else None for j in range(width)]
    return {"range": place.a1(row, 0), "majorDimension": "ROWS", "values": [cells]}


# --------------------------------------------------------------------------------------------
# apply, print, command


def apply_plan(clients: Clients, plan: SheetPlan) -> list[str]:
    """Send exactly the plan's writes; returns what was sent (see `SheetPlan.write_requests`)."""
    sh = clients.spreadsheet()
    requests = plan.requests
    if requests:
        clients.call("sheets", lambda: sh.batch_update({"requests": requests}), kind="write")
    link = plan.example_tdd_url
    if plan.doc:
        link = _import_example_tdd(clients, plan.doc)
    if plan.values:
        body = {"valueInputOption": "RAW", "data": plan.values}
        clients.call("sheets", lambda: sh.values_batch_update(body), kind="write")
    if plan.typed_values:
        data = [_with_link(v, link) for v in plan.typed_values]
        body = {"valueInputOption": "USER_ENTERED", "data": data}
        clients.call("sheets", lambda: sh.values_batch_update(body), kind="write")
    return plan.write_requests()


def _import_example_tdd(clients: Clients, doc: Mapping[str, str]) -> str:
    created = docs_writer.create_doc(
        clients,
        title=doc["title"],
        html=doc["html"],
        account=sheet_example.SLUG,
        kind=sheet_example.TDD_KIND,
        folder_id=doc["folder"],
    )
    return created.url


def _with_link(value_range: Mapping[str, Any], link: str) -> dict[str, Any]:
    rows = [[link if c == sheet_example.TDD_LINK else c for c in row] for row in value_range["values"]]
    return {**value_range, "values": rows}


def print_plan(console: Console, plan: SheetPlan, *, dry_run: bool) -> None:
    name = f"'{plan.title}' ({plan.spreadsheet_id})" if plan.title else plan.spreadsheet_id
    console.print(f"[bold]sheet init[/] {escape(name)}")
    for problem in plan.problems:
        console.print(f"  [bold red]✗[/] {escape(problem)}")
    for note in plan.notes:
        console.print(f"  [dim]= {escape(note)}[/]")
    if not plan.changes:
        console.print("  nothing to change: the sheet has every tab, column and rule the tool needs")
        return
    for change in plan.changes:
        console.print(f"  [green]+[/] {escape(change.summary)}")
    writes = plan.write_requests()
    verb = "would send" if dry_run else "sending"
    console.print(
        f"  {len(plan.changes)} change{'s' if len(plan.changes) > 1 else ''}; {verb} "
        f"{len(writes)} write request{'s' if len(writes) > 1 else ''}: {'; '.join(writes)}"
    )
    if dry_run:
        console.print("  [dim]dry run: nothing was written; run without --dry-run to apply[/]")


def plan_json(plan: SheetPlan, *, dry_run: bool, applied: bool) -> dict[str, Any]:
    """`sheet init --json` (docs/CONTRACTS.md has an example)."""
    return {
        "spreadsheet": {"id": plan.spreadsheet_id, "title": plan.title},
        "dry_run": dry_run,
        "applied": applied,
        "changes": [{"kind": c.kind, "tab": c.tab, "summary": c.summary} for c in plan.changes],
        "write_requests": plan.write_requests(),
        "notes": list(plan.notes),
        "problems": list(plan.problems),
    }


def prepare(settings: Settings, clients: Clients, *, example: bool = False) -> SheetPlan:
    """Read the spreadsheet and plan its setup. Reads only."""
    catalogue = load_catalogue(settings.path(settings.fields_file))
    targets = sheet_targets(settings, catalogue)
    state = read_sheet_state(clients, targets)
    if example:
        read_example_inputs(clients, state, targets)
    return plan_sheet(settings, catalogue, targets, state, example=example)
