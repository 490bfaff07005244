"""Seeding the sandbox state from a seed folder (`config/sandbox/`, or `HANDOFF_SANDBOX_SEED`).

`ensure_seeded` seeds a state folder once (the marker `_meta/seeded` records the seed folder);
`reset` wipes every piece of state, the request log included, and seeds again. The folder
layout is in `docs/CONTRACTS.md`:

* `spreadsheet.json` + `sheet/*.csv` → the tracking spreadsheet (cells read as if a person
  typed them: numbers, dates and `TRUE`/`FALSE` are recognised, a leading `'` forces text);
  an optional `"locale"` (en_US, en_GB, de_DE, fr_FR; default en_US) is the spreadsheet's
  locale, which decides how the typed cells are read and how numbers are shown;
  a tab file may also be `*.json` holding a list of rows;
* `vitally/accounts.json`, `vitally/admins.json`, `vitally/custom_fields.json` → Vitally;
* Drive folders and documents → `handoff.sandbox.drive_api.seed(store, seed_dir)` (skipped
  if that module does not exist).

Everything is read and checked before anything is written; a malformed file raises
`ValueError` naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handoff.sandbox import drive_api
from handoff.sandbox import vitally_api as vitally
from handoff.sandbox.http import iso_now
from handoff.sandbox.sheet_cells import DEFAULT_LOCALE, LOCALES, parse_typed
from handoff.sandbox.sheets_api import Tab, new_spreadsheet
from handoff.sandbox.store import Store

MARKER = ("_meta", "seeded")
KEEP = {".lock"}  # the inter-process lock file must survive a reset


@dataclass
class SheetSeed:
    spreadsheet_id: str
    title: str
    tabs: list[Tab]
    parents: list[str] = field(default_factory=list)
    locale: str = DEFAULT_LOCALE


@dataclass
class SeedData:
    sheet: SheetSeed | None = None
    vitally: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def ensure_seeded(store: Store, seed_dir: Path) -> bool:
    """Seed the state folder unless it already was; True if it seeded now."""
    with store.transaction():
        if store.get(*MARKER) is not None:
            return False
        _seed(store, Path(seed_dir))
        return True


def reset(store: Store, seed_dir: Path) -> None:
    """Delete all state (objects, counters, request log) and seed again from `seed_dir`."""
    with store.transaction():
        data = load_seed(Path(seed_dir))  # a bad seed must not leave the state wiped
        wipe(store)
        _write(store, data, Path(seed_dir))


def wipe(store: Store) -> None:
    for path in store.root.iterdir():
        if path.name in KEEP:
            continue
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()


def _seed(store: Store, seed_dir: Path) -> None:
    _write(store, load_seed(seed_dir), seed_dir)


def _write(store: Store, data: SeedData, seed_dir: Path) -> None:
    if data.sheet is not None:
        s = data.sheet
        new_spreadsheet(store, s.spreadsheet_id, s.title, s.tabs, s.parents, locale=s.locale)
    for collection, records in data.vitally.items():
        for record in records:
            store.put(collection, record["id"], record)
    _seed_drive(store, seed_dir)
    store.put(*MARKER, {"seed_dir": str(seed_dir.resolve()), "seededAt": iso_now()})


def _seed_drive(store: Store, seed_dir: Path) -> None:
    """Drive folders and documents are the Drive module's business."""
    drive_api.seed(store, seed_dir)


# -- reading and checking ----------------------------------------------------------------------


def load_seed(seed_dir: Path) -> SeedData:
    """Read and check every seed file; nothing is written."""
    if not seed_dir.is_dir():
        raise ValueError(f"sandbox seed folder {seed_dir} does not exist")
    now = iso_now()
    return SeedData(sheet=_load_sheet(seed_dir), vitally=_load_vitally(seed_dir, now))


def _load_sheet(seed_dir: Path) -> SheetSeed | None:
    path = seed_dir / "spreadsheet.json"
    if not path.exists():
        return None
    text = _read_text(path)
    spec = _parse_json(path, text)
    if not isinstance(spec, dict):
        raise ValueError(f"{path}: line 1: expected a JSON object")
    for key in ("id", "title"):
        if not isinstance(spec.get(key), str) or not spec[key]:
            raise ValueError(f"{path}: line {_line_of(text, key)}: '{key}' is required (a string)")
    tabs = spec.get("tabs") or []
    if not isinstance(tabs, list):
        raise ValueError(f"{path}: line {_line_of(text, 'tabs')}: 'tabs' must be a list")
    locale = spec.get("locale") or DEFAULT_LOCALE
    if locale not in LOCALES:
        where = f"{path}: line {_line_of(text, 'locale')}"
        raise ValueError(f"{where}: 'locale' must be one of {', '.join(LOCALES)}, not {locale!r}")
    loaded = [_load_tab(seed_dir, path, text, i, tab, locale) for i, tab in enumerate(tabs)]
    _check_unique_titles(path, text, loaded)
    return SheetSeed(
        spec["id"], spec["title"], loaded or [Tab("Sheet1", [])], list(spec.get("parents") or []), locale
    )


def _load_tab(seed_dir: Path, path: Path, text: str, i: int, tab: Any, locale: str) -> Tab:
    if not isinstance(tab, dict) or not isinstance(tab.get("title"), str) or not tab["title"]:
        raise ValueError(f"{path}: line {_line_of(text, 'tabs')}: tabs[{i}] needs a 'title'")
    where = f"{path}: line {_line_of(text, tab['title'])}"
    file = tab.get("file")
    rows: list[list[str]] = []
    if file:
        tab_path = seed_dir / str(file)
        if not tab_path.is_file():
            raise ValueError(f"{where}: tab {tab['title']!r}: file {tab_path} does not exist")
        rows = _read_rows(tab_path)
    cells = [[parse_typed(v, locale) if v != "" else None for v in row] for row in rows]
    return Tab(tab["title"], cells, bool(tab.get("hidden")))


def _check_unique_titles(path: Path, text: str, tabs: list[Tab]) -> None:
    seen: set[str] = set()
    for tab in tabs:
        if tab.title.casefold() in seen:
            raise ValueError(f"{path}: line {_line_of(text, tab.title)}: duplicate tab title {tab.title!r}")
        seen.add(tab.title.casefold())


def _read_rows(path: Path) -> list[list[str]]:
    text = _read_text(path)
    if path.suffix.lower() == ".json":
        rows = _parse_json(path, text)
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise ValueError(f"{path}: line 1: expected a JSON list of rows (lists)")
        return [["" if v is None else str(v) for v in row] for row in rows]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return [list(row) for row in reader]
    except csv.Error as exc:
        raise ValueError(f"{path}: line {reader.line_num}: malformed CSV: {exc}") from None


def _load_vitally(seed_dir: Path, now: str) -> dict[str, list[dict[str, Any]]]:
    folder = seed_dir / "vitally"
    builders = {
        (vitally.ACCOUNTS, "accounts.json"): lambda item: vitally.account_record(item, now),
        (vitally.ADMINS, "admins.json"): vitally.admin_record,
        (vitally.CUSTOM_FIELDS, "custom_fields.json"): lambda item: vitally.custom_field_record(item, now),
    }
    out: dict[str, list[dict[str, Any]]] = {}
    for (collection, name), build in builders.items():
        path = folder / name
        if path.exists():
            out[collection] = _load_records(path, build)
    return out


def _load_records(path: Path, build: Any) -> list[dict[str, Any]]:
    text = _read_text(path)
    items = _parse_json(path, text)
    if not isinstance(items, list):
        raise ValueError(f"{path}: line 1: expected a JSON list")
    records: list[dict[str, Any]] = []
    seen: set[tuple[str, Any]] = set()
    for item, line in zip(items, _item_lines(text), strict=True):
        if not isinstance(item, dict):
            raise ValueError(f"{path}: line {line}: expected an object")
        try:
            record = build(item)
        except ValueError as exc:
            raise ValueError(f"{path}: line {line}: {exc}") from None
        keys = {("id", record["id"])} | (
            {("externalId", record["externalId"])} if record.get("externalId") else set()
        )
        if keys & seen:
            raise ValueError(f"{path}: line {line}: duplicate {sorted(keys & seen)[0][0]}")
        seen |= keys
        records.append(record)
    return records


# -- file helpers ------------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValueError(f"{path}: line {line}: not valid UTF-8") from None


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: line {exc.lineno}: invalid JSON: {exc.msg}") from None


def _item_lines(text: str) -> list[int]:
    """The line on which each element of a top-level JSON list starts."""
    decoder = json.JSONDecoder()
    idx = text.index("[") + 1
    lines: list[int] = []
    while True:
        while idx < len(text) and text[idx] in " \t\r\n,":
            idx += 1
        if idx >= len(text) or text[idx] == "]":
            return lines
        lines.append(text.count("\n", 0, idx) + 1)
        _, idx = decoder.raw_decode(text, idx)


def _line_of(text: str, needle: str) -> int:
    """The line of the first JSON string equal to `needle` (1 if absent): good enough to point at."""
    pos = text.find(json.dumps(needle, ensure_ascii=False))
    return text.count("\n", 0, pos) + 1 if pos >= 0 else 1
