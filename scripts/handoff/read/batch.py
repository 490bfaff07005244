"""Read, merge and validate: `handoff check` and `handoff tdd`. The only module here that does I/O.

    read_batch(settings, clients, accounts)
      1 request   values:batchGet of every tab the tool needs (Accounts, the log tabs, Checklist,
                  Handoff Log, handoff_state), whatever the number of accounts   → sheet.parse_sheet
      1 request   per distinct TDD: documents.get(includeTabsContent=True,
                  suggestionsViewMode=PREVIEW_WITHOUT_SUGGESTIONS), run in parallel → tdd.parse_document
      pure        build_handoff: merge.merge_fields + validate.validate_logs + validate.validate_fields

`PREVIEW_WITHOUT_SUGGESTIONS` reads the TDD as it stands, without edits someone has only
suggested: a suggestion is a proposal nobody accepted, so it is not yet a fact about the
deployment. (The parser also drops suggested insertions if a document is fetched inline.)

The spreadsheet is not opened first (opening costs a metadata read): the batch goes straight to
`values:batchGet`. Only when that fails does the tool look closer: a missing tab (the API
answers 400 "Unable to parse range") is found by listing the tabs and the read is repeated
without it; a missing or unshared spreadsheet is explained by `Clients.spreadsheet()`.

A TDD that cannot be read (the link is not a Docs URL, the document does not exist, is not
shared with the tool, or is not a Google Doc) is a problem on `tdd_link`, never a crash; an
empty TDD is a warning there (the fields it should give are reported missing on their own). The
Vitally checks (the Technical Advisor is an active admin, the Vitally account resolves) belong
to `plan`/`run`, which look those up anyway; `check` stays at one sheet read plus one document
read per account.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from handoff.core.clock import today
from handoff.core.errors import (
    NotFoundError,
    ServiceError,
)
from handoff.core.fields import Catalogue, load_catalogue
from handoff.core.model import AccountRecord, Handoff, Problem, Severity, SheetCell, TddValue
from handoff.core.settings import TAB_KEYS
from handoff.read.sheet import Grid, SheetData, batch_ranges, parse_batch, parse_sheet
from handoff.read.tdd import TddReading, document_text, read_document
from handoff.validate.merge import merge_fields
from handoff.validate.rules import doc_id, validate_fields, validate_logs

if TYPE_CHECKING:
    from handoff.core.settings import Settings

T = TypeVar("T")
SUGGESTIONS_VIEW_MODE = "PREVIEW_WITHOUT_SUGGESTIONS"
# Typed values: a real date cell arrives as its serial number (days since 1899-12-30), whatever
# the spreadsheet's locale or the cell's format shows; numbers as numbers, checkboxes as booleans.
RENDER = {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "SERIAL_NUMBER"}
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class ClientsLike(Protocol):
    """What check needs from `handoff.clients.Clients`."""

    def spreadsheet(self) -> Any: ...

    def gspread_client(self) -> Any: ...

    def docs(self) -> Any: ...

    def call(self, api: str, fn: Callable[[], T], kind: str = ...) -> T: ...


@dataclass(frozen=True)
class TddRead:
    """One account's TDD: the values found, or why it could not be read."""

    doc_id: str | None = None
    values: tuple[TddValue, ...] = ()
    problems: tuple[Problem, ...] = ()
    service_failure: bool = False
    unplaced: tuple[
        Problem, ...
    ] = ()  # info: lines that look like deployment facts, not used (`check` lists them)


@dataclass(frozen=True)
class Batch:
    """One read of the sheet and the TDDs, and the merged, validated accounts."""

    catalogue: Catalogue
    sheet: SheetData
    values: Mapping[str, list[list[str]]]  # configured tab title -> rows as read (only tabs that exist)
    handoffs: list[Handoff]
    tdds: Mapping[str, TddRead] = field(default_factory=dict)  # account slug -> its TDD read
    skipped: Mapping[str, str] = field(default_factory=dict)  # slug -> why `select` left it out

    @property
    def service_failure(self) -> bool:
        return any(t.service_failure for t in self.tdds.values())


def tab_titles(settings: Settings) -> dict[str, str]:
    tabs = settings.sheet.tabs
    return {key: getattr(tabs, key) for key in TAB_KEYS}


# --------------------------------------------------------------------------------------------
# the sheet


def read_sheet(
    settings: Settings, clients: ClientsLike, catalogue: Catalogue
) -> tuple[SheetData, dict[str, Any]]:
    """One `values:batchGet` of every tab → (SheetData, configured title -> raw rows)."""
    titles = tab_titles(settings)
    spreadsheet_id = settings.sheet.spreadsheet_id

    def fetch(wanted: Mapping[str, str]) -> Any:
        http = clients.gspread_client().http_client
        ranges = batch_ranges(wanted)
        return clients.call(
            "sheets",
            lambda: http.values_batch_get(spreadsheet_id, ranges, RENDER),
        )

    present = dict(titles)
    try:
        response = fetch(present)
    except NotFoundError:
        clients.spreadsheet()  # raises InputError naming the spreadsheet setting
        raise
    except ServiceError as exc:
        if exc.status == 403:
            clients.spreadsheet()  # raises InputError with the account to share the sheet with
            raise
        if exc.status != 400:
            raise
        present = _existing_tabs(clients, titles)
        response = fetch(present) if present else {"valueRanges": []}
    grids: dict[str, Grid | None] = dict.fromkeys(titles)
    grids.update(parse_batch(response, present))
    raw = {titles[k]: [list(r) for r in g.rows] for k, g in grids.items() if g is not None}
    return parse_sheet(grids, catalogue, titles), raw


def _existing_tabs(clients: ClientsLike, titles: Mapping[str, str]) -> dict[str, str]:
    """The configured tabs the spreadsheet has (matched ignoring case and outer spaces), real titles."""
    sheet = clients.spreadsheet()
    actual = [ws.title for ws in clients.call("sheets", sheet.worksheets)]
    by_key = {t.strip().casefold(): t for t in actual}
    return {k: by_key[t.strip().casefold()] for k, t in titles.items() if t.strip().casefold() in by_key}


# --------------------------------------------------------------------------------------------
# the TDDs


def fetch_document(clients: ClientsLike, document_id: str) -> Any:
    """One `documents.get` of every tab, without pending suggestions."""
    docs = clients.docs()
    request = docs.documents().get(
        documentId=document_id, includeTabsContent=True, suggestionsViewMode=SUGGESTIONS_VIEW_MODE
    )
    return clients.call("docs", request.execute)


def _fetch(clients: ClientsLike, document_id: str) -> Any | ServiceError:
    """The document, or the ServiceError (NotFoundError included) the Docs API ended with."""
    try:
        return fetch_document(clients, document_id)
    except ServiceError as exc:
        return exc


def unplaced_notes(reading: TddReading) -> tuple[Problem, ...]:
    """Each TDD line that looks like a deployment fact but was not used, as an info note at its place."""
    return tuple(
        Problem(
            Severity.INFO,
            f"the TDD line '{u.text}' looks like a deployment fact but was not used",
            None,
            u.location,
            "if it is a production value, write it as 'Label: value' under a production heading "
            "(`handoff tdd` shows how the TDD is read)",
        )
        for u in reading.unplaced
    )


def tdd_problem(error: ServiceError, cell: SheetCell, document_id: str, identity: str) -> Problem:
    """Why the TDD linked in `cell` could not be read, as a problem on `tdd_link` at that cell."""
    if isinstance(error, NotFoundError):
        message = f"the linked TDD does not exist (no document {document_id})"
        fix = f"put the TDD's current address in {cell.a1}"
    elif error.status == 403:
        message = "the tool may not read the linked TDD (permission denied)"
        fix = f"share the document with {identity} as a Viewer"
    elif error.status == 400:
        message = f"the linked file is not a Google Doc ({error.message})"
        fix = f"open it in Google Drive, use File → Save as Google Docs, and put that link in {cell.a1}"
    else:
        message = f"the linked TDD could not be read: {error.message}"
        fix = error.fix or "try again later"
    return Problem(Severity.ERROR, message, "tdd_link", cell.location, fix)


def _link(record: AccountRecord) -> tuple[str, SheetCell] | None:
    """The account's TDD document id and its link cell; None when there is no Docs URL to read."""
    cell = record.row.cells.get("tdd_link")
    doc = doc_id(cell.value) if cell and cell.value else None
    return (doc, cell) if doc and cell else None


class ReadProgress(Protocol):
    """Where read_tdds reports each document read (handoff.progress.Phase fits)."""

    def total(self, n: int) -> None: ...
    def done(self, account: str, note: str = "") -> None: ...


def read_tdds(
    settings: Settings,
    clients: ClientsLike,
    records: Sequence[AccountRecord],
    catalogue: Catalogue,
    progress: ReadProgress | None = None,
) -> dict[str, TddRead]:
    """Each account's TDD: one `documents.get` per distinct document, `run.concurrency` at a time.

    An account without a Docs URL gets an empty TddRead (merge/validate report the cell itself).
    """
    identity = str(getattr(clients, "identity", "") or "the tool's Google account")
    links = {r.slug: _link(r) for r in records}
    docs = list(dict.fromkeys(link[0] for link in links.values() if link))
    reader = {link[0]: slug for slug, link in reversed(links.items()) if link}  # doc -> first account
    if progress is not None:
        progress.total(len(docs))

    def fetch(d: str) -> Any:
        got = _fetch(clients, d)
        if progress is not None:
            progress.done(reader[d], "TDD read")
        return got

    with ThreadPoolExecutor(max_workers=max(1, min(settings.run.concurrency, len(docs)))) as pool:
        fetched = dict(zip(docs, pool.map(fetch, docs), strict=True))
    read = {d: f for d, f in fetched.items() if not isinstance(f, ServiceError)}
    parsed = {d: read_document(f, catalogue) for d, f in read.items()}
    blank = {d for d, f in read.items() if not document_text(f).strip()}  # once per document, not per account
    out: dict[str, TddRead] = {}
    for slug, link in links.items():
        if link is None:
            out[slug] = TddRead()
            continue
        doc, cell = link
        result = fetched[doc]
        if isinstance(result, ServiceError):
            failed = not isinstance(result, NotFoundError) and result.status not in (400, 403)
            out[slug] = TddRead(
                doc, problems=(tdd_problem(result, cell, doc, identity),), service_failure=failed
            )
        elif doc in blank:
            empty = Problem(
                Severity.WARNING,
                f"the linked TDD is empty (document {doc} has no text), so no field can come from it",
                "tdd_link",
                cell.location,
                f"write the TDD, or put the address of the document that has it in {cell.a1}",
            )
            out[slug] = TddRead(doc, (), (empty,))
        else:
            reading = parsed[doc]
            out[slug] = TddRead(doc, reading.values, reading.problems, unplaced=unplaced_notes(reading))
    return out


# --------------------------------------------------------------------------------------------
# merge + validate (pure)


def build_handoff(
    record: AccountRecord,
    tdd: TddRead,
    sheet: SheetData,
    catalogue: Catalogue,
    today: dt.date,
    accept: Mapping[str, str] | None = None,
    draft: bool = False,
) -> Handoff:
    """The merged, validated account. Pure: everything it needs has been read.
    `accept`/`draft`: how sheet/TDD disagreements are settled (validate/merge.py)."""
    merged = merge_fields(record, tdd.values, catalogue, sheet.unit_hints(), accept, draft)
    logs, log_problems = validate_logs(record, catalogue)
    rules = validate_fields(
        merged.fields,
        catalogue,
        today,
        record,
        logs.get("notes", ()),
        frozenset(sheet.headers.get("accounts", {})),
        merged.unsettled,
    )
    order = {name: i for i, name in enumerate(catalogue.fields)}
    problems = sorted(
        [*sheet.problems_for(record.slug), *tdd.problems, *merged.problems, *rules, *log_problems],
        key=lambda p: (SEVERITY_ORDER[p.severity], order.get(p.field or "", len(order))),
    )
    return Handoff(
        account=record.slug,
        fields=merged.fields,
        notes=logs.get("notes", ()),
        issues=logs.get("issues", ()),
        risks=logs.get("risks", ()),
        expansion=logs.get("expansion", ()),
        checklist=logs.get("checklist", ()),
        problems=tuple(problems),
        disagreements=merged.disagreements,
        record=record,
    )


# --------------------------------------------------------------------------------------------
# entry points


def read_batch(
    settings: Settings,
    clients: ClientsLike,
    accounts: Sequence[str] | None,
    on: dt.date | None = None,
    select: Callable[[AccountRecord, Catalogue], str] | None = None,
    progress: ReadProgress | None = None,
    accept: Sequence[str] = (),
    draft: bool = False,
) -> Batch:
    """Read the sheet once and each selected account's TDD once; merge and validate them.

    `accounts` None means every account on the sheet; an unknown slug raises InputError
    suggesting the closest ones. `on` is "today" for the date rules (default: `today()`).
    `select(record, catalogue)` says why an account is left out ("" keeps it), from the sheet
    alone, so a left-out account's TDD is never read (see readiness.py). `accept`: the
    `--accept FIELD=sheet|tdd` options, checked before anything is read; `draft`: a --draft run.
    """
    from handoff.validate.merge import parse_accepts

    catalogue = load_catalogue(settings.path(settings.fields_file))
    accepts = parse_accepts(catalogue, accept)
    sheet, raw = read_sheet(settings, clients, catalogue)
    records = sheet.select(list(accounts) if accounts is not None else None)
    skipped: dict[str, str] = {}
    if select is not None:
        reasons = {r.slug: select(r, catalogue) for r in records}
        skipped = {slug: why for slug, why in reasons.items() if why}
        records = [r for r in records if not reasons[r.slug]]
    tdds = read_tdds(settings, clients, records, catalogue, progress)
    date = on or today()
    handoffs = [build_handoff(r, tdds[r.slug], sheet, catalogue, date, accepts, draft) for r in records]
    return Batch(catalogue, sheet, raw, handoffs, tdds, skipped)


def check_accounts(
    settings: Settings, clients: ClientsLike, slugs: list[str] | None, on: dt.date | None = None
) -> list[Handoff]:
    """The merged, validated accounts (`slugs` None: all). One sheet read, one read per TDD."""
    return read_batch(settings, clients, slugs, on).handoffs
