"""A small browsable HTML view of the sandbox state for a person: `GET /` and `/browse/…`.

The index lists the spreadsheets (each tab → an HTML table), the Google Docs in the Drive
collection (each → its Docs export HTML, from `handoff.sandbox.docs_api.export_html`), and the
Vitally accounts (traits, notes, tasks). Every value is escaped; HTML that belongs to the data
(a doc export, a note body) is shown in a sandboxed `iframe srcdoc` (no scripts in it, so it
can never script the page); the page sizes each frame to its content, so a doc is shown whole,
with table borders. The Vitally view puts the label of each custom field (the account custom
fields a seed defines) beside its trait key; a "Handoff Log" tab is shown newest first.
Read-only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from html import escape
from typing import Any
from urllib.parse import quote

from handoff.sandbox import docs_api, sheet_grid, vitally_api
from handoff.sandbox.a1 import col_letters
from handoff.sandbox.http import ApiError, Request, Response, route
from handoff.sandbox.sheet_cells import display
from handoff.sandbox.store import Store

DOC_MIME = "application/vnd.google-apps.document"
_STYLE = (
    "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;"
    "vertical-align:top;text-align:left}th{background:#f3f3f3}.muted{color:#888}"
    "iframe{width:100%;min-height:8em;border:1px solid #ddd}"
)
# Inside a frame: the doc's tables get borders (a Docs export styles cells, a note may not).
_FRAME_STYLE = (
    "<style>body{font:14px/1.4 system-ui,sans-serif;margin:.5em}table{border-collapse:collapse}"
    "td,th{border:1px solid #bbb;padding:2px 6px;vertical-align:top}</style>"
)
# The frame has no scripts; its parent (this page) reads its height once it has loaded.
_FIT = "this.style.height=(this.contentDocument.documentElement.scrollHeight+24)+'px'"
LOG_TAB = "handoff log"  # shown newest first


def _page(title: str, body: str, status: int = 200) -> Response:
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"<style>{_STYLE}</style></head><body><p><a href='/'>handoff sandbox</a></p>"
        f"<h1>{escape(title)}</h1>{body}</body></html>"
    )
    return Response.text(html, "text/html; charset=UTF-8", status)


def _link(href: str, text: str) -> str:
    return f"<a href='{escape(href, quote=True)}'>{escape(text)}</a>"


def _list(items: Iterable[str], empty: str) -> str:
    rendered = "".join(f"<li>{item}</li>" for item in items)
    return f"<ul>{rendered}</ul>" if rendered else f"<p class='muted'>{escape(empty)}</p>"


def _table(header: list[str], rows: Iterable[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _framed(html: str) -> str:
    """Data-owned HTML, rendered without any power over this page."""
    framed = escape(_FRAME_STYLE + html, quote=True)
    return f"<iframe sandbox='allow-same-origin' onload=\"{_FIT}\" srcdoc='{framed}'></iframe>"


def _quote(value: str) -> str:
    return quote(value, safe="")


# -- index -------------------------------------------------------------------------------------


@route("sandbox", "GET", "/", "sandbox.browse.index")
def index(req: Request, store: Store, **_: Any) -> Response:
    sections = [
        "<h2>Spreadsheets</h2>" + _list(_spreadsheet_items(store), "No spreadsheets."),
        "<h2>Documents</h2>" + _list(_doc_items(store), "No Google Docs."),
        "<h2>Vitally accounts</h2>" + _list(_account_items(store), "No Vitally accounts."),
        "<h2>Control</h2>"
        + _list(
            [
                _link("/_sandbox/health", "health"),
                _link("/_sandbox/log", "request log"),
                _link("/_sandbox/faults", "fault rules"),
            ],
            "",
        ),
    ]
    return _page("handoff sandbox", "".join(sections))


def _spreadsheet_items(store: Store) -> list[str]:
    items = []
    for book in store.values("sheets"):
        sheets = sorted(book["sheets"], key=lambda s: s["properties"]["index"])
        tabs = ", ".join(_tab_link(book["spreadsheetId"], s) for s in sheets)
        items.append(
            f"{escape(book['properties']['title'])} <span class='muted'>"
            f"({escape(book['spreadsheetId'])})</span>: {tabs}"
        )
    return items


def _tab_link(sid: str, sheet: dict[str, Any]) -> str:
    props = sheet["properties"]
    link = _link(f"/browse/sheet/{_quote(sid)}/{props['sheetId']}", props["title"])
    return link + (" <span class='muted'>(hidden)</span>" if props.get("hidden") else "")


def _doc_items(store: Store) -> list[str]:
    docs = [f for f in store.values("drive_files") if f.get("mimeType") == DOC_MIME and not f.get("trashed")]
    docs.sort(key=lambda f: str(f.get("name", "")).casefold())
    return [_link(f"/browse/doc/{_quote(f['id'])}", str(f.get("name") or f["id"])) for f in docs]


def _account_items(store: Store) -> list[str]:
    accounts = sorted(store.values(vitally_api.ACCOUNTS), key=lambda a: str(a.get("name", "")).casefold())
    return [
        _link(f"/browse/vitally/{_quote(a['id'])}", str(a.get("name")))
        + f" <span class='muted'>{escape(str(a.get('externalId') or ''))}</span>"
        for a in accounts
    ]


# -- pages -------------------------------------------------------------------------------------


@route(
    "sandbox", "GET", r"/browse/sheet/(?P<sid>[^/]+)/(?P<sheet_id>-?\d+)", "sandbox.browse.sheet", raw=True
)
def sheet_page(req: Request, store: Store, sid: str, sheet_id: str, **_: Any) -> Response:
    book = store.get("sheets", sid)
    sheet = next(
        (s for s in (book or {}).get("sheets", []) if s["properties"]["sheetId"] == int(sheet_id)), None
    )
    if book is None or sheet is None:
        return _page("Not found", "<p>No such spreadsheet tab.</p>", 404)
    data = sheet["data"]
    width = max((len(r) for r in data), default=0)
    rows = [
        [f"<b>{i + 1}</b>", *(escape(display(c)) for c in row + [None] * (width - len(row)))]
        for i, row in enumerate(data)
    ]
    newest_first = sheet["properties"]["title"].strip().casefold() == LOG_TAB
    if newest_first and len(rows) > 1:
        rows = [rows[0], *reversed(rows[1:])]  # the header row stays on top
    rows_count, cols_count = sheet_grid.grid_size(sheet)
    info = f"<p class='muted'>grid {rows_count} × {cols_count}; showing the filled part"
    info += "; newest first</p>" if newest_first else "</p>"
    header = ["", *(col_letters(c) for c in range(width))]
    title = f"{book['properties']['title']} › {sheet['properties']['title']}"
    return _page(title, info + _table(header, rows))


@route("sandbox", "GET", r"/browse/doc/(?P<doc_id>[^/]+)", "sandbox.browse.doc", raw=True)
def doc_page(req: Request, store: Store, doc_id: str, **_: Any) -> Response:
    export = _export_function()
    if export is None:
        return _page("Document", "<p>The Docs emulator is not available in this build.</p>", 501)
    try:
        html = export(store, doc_id)
    except ApiError as err:
        return _page("Document", f"<p>{escape(err.message)}</p>", err.status)
    if html is None:
        return _page("Document", "<p>No such Google Doc.</p>", 404)
    meta = store.get("drive_files", doc_id) or {}
    return _page(str(meta.get("name") or doc_id), _framed(html))


def _export_function() -> Callable[[Store, str], str | None] | None:
    return docs_api.export_html


@route("sandbox", "GET", r"/browse/vitally/(?P<account>[^/]+)", "sandbox.browse.vitally", raw=True)
def account_page(req: Request, store: Store, account: str, **_: Any) -> Response:
    try:
        record = vitally_api.find_account(store, account)
    except ApiError:
        return _page("Not found", "<p>No such Vitally account.</p>", 404)
    facts = [[escape(k), escape(_text(record.get(k)))] for k in ("id", "externalId", "name", "updatedAt")]
    labels = {f.get("path"): f.get("label") for f in store.values(vitally_api.CUSTOM_FIELDS)}
    traits = [
        [escape(k), escape(str(labels.get(k) or "")), escape(_text(v))]
        for k, v in sorted(record.get("traits", {}).items())
    ]
    notes = [n for n in store.values(vitally_api.NOTES) if n.get("accountId") == record["id"]]
    tasks = [t for t in store.values(vitally_api.TASKS) if t.get("accountId") == record["id"]]
    body = (
        _table(["field", "value"], facts)
        + "<h2>Traits</h2>"
        + _table(["trait", "label", "value"], traits)
        + "<h2>Notes</h2>"
        + _list((_note_item(n) for n in notes), "No notes.")
        + "<h2>Tasks</h2>"
        + _list((_task_item(t) for t in tasks), "No tasks.")
    )
    return _page(str(record.get("name")), body)


def _note_item(note: dict[str, Any]) -> str:
    subject = _text(note.get("subject")) or "(no subject)"
    head = f"<b>{escape(subject)}</b> · {escape(_text(note.get('noteDate')))}"
    return head + _framed(str(note.get("note") or ""))


def _task_item(task: dict[str, Any]) -> str:
    state = "done" if task.get("completedAt") else "open"
    head = f"<b>{escape(_text(task.get('name')))}</b> · due {escape(_text(task.get('dueDate')))} · {state}"
    return head + (_framed(str(task["description"])) if task.get("description") else "")


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
