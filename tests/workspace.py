"""A sandbox workspace for end-to-end tests: a varied copy of a seed folder, a sandbox on it, settings.

    seed = SeedFolder.copy(tmp_path / "seed")          # config/sandbox, copied
    seed.set("Accounts!N2", "lots")                    # one CSV cell (A1, rows grow as needed)
    seed.set_doc(ACME_DOC, html="<p>…</p>")            # replace a TDD (HTML or Docs JSON)
    seed.edit_json("vitally/admins.json", fn)          # change a Vitally (or Drive) seed file
    with Workspace.start(seed.root, tmp_path) as ws:   # a sandbox seeded from it
        code, out, err = ws.cli("run", "acme")         # the real CLI, in-process
        assert ws.writes_after(0) == []                # the sandbox request log

`SeedFolder.clone_account("acme", "case-01")` appends a copy of an account's rows under a new
slug (optionally with its own Vitally account), so many single-account cases can share one
sandbox and one batch run; `Clone.a1` moves an address of the source's rows to the clone's.

The seed format is config/sandbox/README.md's; cells are typed the way the seed loader
types them (a leading `'` forces text, `=…` is a formula). `Workspace.cli` runs
`handoff.cli.main` in this process with the sandbox's URL in `HANDOFF_SANDBOX_URL`, so
every request goes through the real clients to this sandbox, and returns the exit code
and everything printed. The clock is pinned to 2026-11-27 (the answer key's today).

This is the one workspace helper of the suite: conftest's `ws` fixture is the sample workspace
with the clock pinned; a test module that needs a varied seed, other settings or other methods
starts (or subclasses) `Workspace` itself. `DEVELOPER_ENV` lists the variables that configure
the tool; conftest removes them from every test, so a developer's shell never reaches one.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import httpx
import pytest
from rich.console import Console

from handoff.clients import Clients
from handoff.commands.run import BatchOutcome, run_batch
from handoff.core.settings import ENV_OVERRIDES, PROJECT_ROOT, Settings, load_settings
from handoff.core.state import AccountState
from handoff.plan.planner import RunOptions
from handoff.sandbox.faults import FaultPlan
from handoff.sandbox.request_log import read_request_log
from handoff.sandbox.server import RunningSandbox, start
from handoff.sandbox.vitally_api import SANDBOX_API_KEY

SEED = PROJECT_ROOT / "config" / "sandbox"
CONFIG = PROJECT_ROOT / "config" / "handoff.toml"
SHEET_ID = "1HndffSandboxTrackingSheet0000000000000000"
TODAY = "2026-11-27"
USER = "ie.person"
DOCS = {
    "acme": "1GtJ0r6EKnImrOk_vkjdfLCJQ4GFblOo_8Lw2DGmmPfK",
    "globex": "1fjxhCjIZLg8hJIsXYMiM7e1mvOvUt74954NWrd-xKFD",
    "initech": "17llti8sIJnDU5NP3cxmBDrftqski67vQKTuashe4c2J",
    "umbrella": "1239CJiZ9f7aAEZVNcphl95WzskoobnuXh-28qCZG-bl",
    "hooli": "1zEHjxzfxIEWy8nEZzZYsSJoj8E27-8wdGmYdiEXlk4e",
}
# Every variable the tool (or its sandbox) reads: a value exported in the developer's shell for a
# manual run would point the tests at another sheet, sandbox, clock or key. An explicit list, so
# that the suite's own switches (HANDOFF_UPDATE_SNAPSHOTS) pass through;
# test_support.py checks that every variable the code names is here.
DEVELOPER_ENV = (
    *ENV_OVERRIDES,  # HANDOFF_SPREADSHEET, HANDOFF_SANDBOX_URL, HANDOFF_OUT_DIR, ...
    "HANDOFF_CONFIG",
    "HANDOFF_TODAY",
    "HANDOFF_USER",
    "HANDOFF_SANDBOX_FAULTS",
    "HANDOFF_SANDBOX_QUOTAS",
    "HANDOFF_SANDBOX_VITALLY_KEYS",
    "HANDOFF_SANDBOX_VITALLY_EXTERNAL_IDS",
    "VITALLY_API_KEY",
    "GOOGLE_APPLICATION_CREDENTIALS",
)


def scrub_developer_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove the tool's variables (DEVELOPER_ENV) for one test; anything else passes through."""
    for name in DEVELOPER_ENV:
        monkeypatch.delenv(name, raising=False)


_A1 = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+)(\d+)$")


def split_a1(a1: str) -> tuple[str, int, int]:
    """`Accounts!N2` / `'Handoff Log'!B3` → (tab title, 0-based row, 0-based column)."""
    m = _A1.match(a1)
    if not m:
        raise ValueError(f"not a single-cell A1 address: {a1!r}")
    title = (m.group(1) or "").replace("''", "'") or m.group(2)
    col = 0
    for ch in m.group(3):
        col = col * 26 + ord(ch) - 64
    return title, int(m.group(4)) - 1, col - 1


def run_cli(*argv: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """`handoff ARGV` in this process: (exit code, stdout, stderr). Anything but an exit propagates.

    The tool's variables of the calling environment are cleared (DEVELOPER_ENV) and `env` applied
    for the call only; the clock and the user are pinned unless `env` sets them.
    """
    from handoff.cli import main

    saved = dict(os.environ)
    for name in DEVELOPER_ENV:
        os.environ.pop(name, None)
    os.environ.update({"HANDOFF_TODAY": TODAY, "HANDOFF_USER": USER} | (env or {}))
    out, err = io.StringIO(), io.StringIO()
    code: int | str | None = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(list(argv))
            except SystemExit as exc:
                code = exc.code
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return (code if isinstance(code, int) else 1 if code else 0), out.getvalue(), err.getvalue()


@dataclass(frozen=True)
class Clone:
    """An account cloned into a seed: its slug, and where each of the source's rows went."""

    slug: str
    rows: dict[str, dict[int, int]]  # tab title -> source row number -> clone row number
    vitally_id: str | None = None

    def a1(self, a1: str) -> str:
        """`Accounts!N2` (an address in the source's rows) → the same column in the clone's row."""
        title, r, _ = split_a1(a1)
        row = self.rows.get(title, {}).get(r + 1)
        if row is None:
            raise KeyError(f"{a1} is not in a row of the cloned account")
        prefix = a1.rsplit("!", 1)[0]
        return f"{prefix}!{re.sub(r'[0-9]+$', '', a1.rsplit('!', 1)[1])}{row}"


@dataclass
class SeedFolder:
    """A writable seed folder (by default a copy of config/sandbox) with helpers to vary it."""

    root: Path

    @classmethod
    def copy(cls, dest: Path, base: Path = SEED, *, tdds: tuple[str, ...] | None = None) -> SeedFolder:
        """A copy of `base`; with `tdds` (account slugs), only those accounts' TDDs stay in Drive
        (a smaller seed loads faster; the other accounts' links then point at missing docs)."""
        shutil.copytree(base, dest)
        seed = cls(dest)
        if tdds is not None:
            keep = {DOCS[a] for a in tdds}
            drive = seed.drive()
            drive["documents"] = [d for d in drive["documents"] if d["id"] in keep]
            seed.write_json("drive.json", drive)
        return seed

    # -- the spreadsheet --------------------------------------------------------------------------
    def spec(self) -> dict[str, Any]:
        return dict(json.loads((self.root / "spreadsheet.json").read_text(encoding="utf-8")))

    def _tab_file(self, title: str) -> Path:
        for tab in self.spec()["tabs"]:
            if tab["title"] == title:
                return self.root / tab["file"]
        raise KeyError(f"no tab {title!r} in the seed")

    def rows(self, title: str) -> list[list[str]]:
        text = self._tab_file(title).read_text(encoding="utf-8")
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]

    def write_rows(self, title: str, rows: list[list[str]]) -> None:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        self._tab_file(title).write_text(out.getvalue(), encoding="utf-8")

    def set(self, a1: str, value: str) -> None:
        """One cell, as a person would type it (rows and columns are added as needed)."""
        title, r, c = split_a1(a1)
        rows = self.rows(title)
        while len(rows) <= r:
            rows.append([])
        rows[r] += [""] * (c + 1 - len(rows[r]))
        rows[r][c] = value
        self.write_rows(title, rows)

    def edit_rows(self, title: str, fn: Callable[[list[list[str]]], list[list[str]] | None]) -> None:
        rows = self.rows(title)
        result = fn(rows)
        self.write_rows(title, rows if result is None else result)

    def clone_account(self, source: str, slug: str, *, vitally_id: str | None = None) -> Clone:
        """Append a copy of `source`'s Accounts row and of its rows in every log tab, under `slug`.

        With `vitally_id`, the clone also gets its own Vitally account (a copy of the source's,
        that id and externalId `vitally_id`), named in its Vitally Account cell; otherwise it
        shares the source's. Many clones in one seed let one sandbox and one batch run stand for
        many single-account cases; `Clone.a1` moves an address of the source's to the clone's.
        """
        moved: dict[str, dict[int, int]] = {}
        for title in [t["title"] for t in self.spec()["tabs"]]:
            rows = self.rows(title)
            if not rows or "Account" not in rows[0] or title == "handoff_state":
                continue
            col = rows[0].index("Account")
            mine = [i for i, r in enumerate(rows) if i and col < len(r) and r[col].strip() == source]
            if not mine:
                continue
            moved[title] = {}
            for i in mine:
                copy = list(rows[i])
                copy[col] = slug
                if title == "Accounts" and vitally_id is not None:
                    copy[rows[0].index("Vitally Account")] = vitally_id
                rows.append(copy)
                moved[title][i + 1] = len(rows)
            self.write_rows(title, rows)
        if vitally_id is not None:
            accounts = self.rows("Accounts")
            ref = accounts[min(moved["Accounts"]) - 1][accounts[0].index("Vitally Account")]

            def add(accounts: list[dict[str, Any]]) -> None:
                original = next(a for a in accounts if ref.strip() in (a["id"], a.get("externalId")))
                accounts.append({**original, "id": vitally_id, "externalId": vitally_id, "name": slug})

            self.edit_json("vitally/accounts.json", add)
        return Clone(slug, moved, vitally_id)

    def drop_tab(self, title: str) -> None:
        spec = self.spec()
        spec["tabs"] = [t for t in spec["tabs"] if t["title"] != title]
        self.write_json("spreadsheet.json", spec)

    # -- Drive and the TDDs -------------------------------------------------------------------
    def drive(self) -> dict[str, Any]:
        return dict(json.loads((self.root / "drive.json").read_text(encoding="utf-8")))

    def set_doc(self, doc_id: str, *, html: str | None = None, docs_json: Any = None, **entry: Any) -> None:
        """Replace a TDD's content (HTML, or Docs API JSON) and/or its drive.json entry (e.g. restricted)."""
        drive = self.drive()
        found = next((d for d in drive["documents"] if d["id"] == doc_id), None)
        if found is None:
            found = {"id": doc_id, "name": f"TDD {doc_id[:8]}", "owner": "priya.raman@sourcegraph.com"}
            drive["documents"].append(found)
        if html is not None:
            found["file"] = f"docs/{doc_id}.html"
            (self.root / found["file"]).write_text(html, encoding="utf-8")
        if docs_json is not None:
            found["file"] = f"docs/{doc_id}.json"
            (self.root / found["file"]).write_text(json.dumps(docs_json), encoding="utf-8")
        found.update(entry)
        self.write_json("drive.json", drive)

    def doc_html(self, doc_id: str) -> str:
        entry = next(d for d in self.drive()["documents"] if d["id"] == doc_id)
        return (self.root / entry["file"]).read_text(encoding="utf-8")

    # -- any JSON seed file ---------------------------------------------------------------------
    def read_json(self, rel: str) -> Any:
        return json.loads((self.root / rel).read_text(encoding="utf-8"))

    def write_json(self, rel: str, data: Any) -> None:
        (self.root / rel).write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")

    def edit_json(self, rel: str, fn: Callable[[Any], Any]) -> None:
        data = self.read_json(rel)
        result = fn(data)
        self.write_json(rel, data if result is None else result)


class Workspace:
    """A running sandbox seeded from a seed folder, the settings pointed at it, and ways to look inside."""

    def __init__(self, sandbox: RunningSandbox, settings: Settings, out_dir: Path) -> None:
        self.sandbox = sandbox
        self.settings = settings
        self.out_dir = out_dir
        self.http = httpx.Client(base_url=sandbox.url, timeout=10)
        self.vitally = httpx.Client(
            base_url=sandbox.url + "/resources", auth=httpx.BasicAuth(SANDBOX_API_KEY, ""), timeout=10
        )

    @classmethod
    @contextlib.contextmanager
    def start(
        cls, seed: Path, tmp: Path, *, config: Path = CONFIG, overrides: Mapping[str, Any] | None = None
    ) -> Iterator[Self]:
        """Seed a sandbox from `seed` (state and out/ under `tmp`), settings from `config` plus
        `overrides` (dotted keys) pointed at it; stop it afterwards."""
        sandbox = start(tmp / "state", seed, faults=FaultPlan())
        out_dir = tmp / "out"
        settings = load_settings(
            config, {"sandbox.url": sandbox.url, "docs.out_dir": str(out_dir), **(overrides or {})}
        )
        ws = cls(sandbox, settings, out_dir)
        try:
            yield ws
        finally:
            ws.http.close()
            ws.vitally.close()
            sandbox.stop()

    # -- running the tool ---------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        """The environment `cli` runs under (merged into os.environ for the call)."""
        return {
            "HANDOFF_SANDBOX_URL": self.sandbox.url,
            "HANDOFF_OUT_DIR": str(self.out_dir),
            "HANDOFF_TODAY": TODAY,
            "HANDOFF_USER": USER,
        }

    def cli(self, *argv: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        """`handoff ARGV` in this process against this sandbox: (exit code, stdout, stderr)."""
        return run_cli(*argv, env=self.env() | (env or {}))

    def use_env(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Export `env()` for the rest of the test (for CliRunner, which reads the process's)."""
        for name, value in self.env().items():
            monkeypatch.setenv(name, value)

    def run(
        self, *accounts: str, apply: bool = True, settings: Settings | None = None, **options: Any
    ) -> tuple[BatchOutcome, str]:
        """run_batch directly on `accounts` (the outcome object as well as the text)."""
        return self._batch(list(accounts), apply, settings, options)

    def run_all(
        self, *, apply: bool = True, settings: Settings | None = None, **options: Any
    ) -> tuple[BatchOutcome, str]:
        """run_batch as `run --all` calls it: the accounts readiness takes."""
        return self._batch(None, apply, settings, options)

    def _batch(
        self, accounts: list[str] | None, apply: bool, settings: Settings | None, options: dict[str, Any]
    ) -> tuple[BatchOutcome, str]:
        out = io.StringIO()
        console = Console(file=out, width=200, color_system=None)
        opts = RunOptions.from_cli(apply=apply, **options)
        with Clients(settings or self.settings) as clients:
            outcome = run_batch(settings or self.settings, clients, accounts, opts, console)
        return outcome, out.getvalue()

    # -- the request log ----------------------------------------------------------------------
    def log(self) -> list[dict[str, Any]]:
        return read_request_log(self.sandbox.store.root)

    def mark(self) -> int:
        return len(self.log())

    def writes_after(self, mark: int) -> list[dict[str, Any]]:
        return [e for e in self.log()[mark:] if e["method"] != "GET"]

    def routes(self, mark: int = 0) -> Counter[str]:
        return Counter(e["route"] for e in self.log()[mark:])

    # -- the sheet ----------------------------------------------------------------------------
    def values(self, a1: str, render: str = "FORMATTED_VALUE") -> list[list[Any]]:
        r = self.http.get(f"/v4/spreadsheets/{SHEET_ID}/values/{a1}", params={"valueRenderOption": render})
        r.raise_for_status()
        return list(r.json().get("values", []))

    def user_entered(self, a1: str) -> dict[str, Any]:
        """One cell's `userEnteredValue` (grid data): `stringValue` for text, `formulaValue` for a formula."""
        r = self.http.get(f"/v4/spreadsheets/{SHEET_ID}", params={"ranges": a1, "includeGridData": "true"})
        r.raise_for_status()
        rows = r.json()["sheets"][0]["data"][0].get("rowData") or [{}]
        cells = rows[0].get("values") or [{}]
        return dict(cells[0].get("userEnteredValue") or {})

    def state(self, account: str) -> AccountState:
        """The account's handoff state, as recorded in the state tab."""
        for row in self.values("handoff_state")[1:]:
            if row and row[0] == account:
                return AccountState.from_cell(row[1])
        raise AssertionError(f"no state row for {account}")

    def set_cell(self, a1: str, value: str) -> None:
        r = self.http.put(
            f"/v4/spreadsheets/{SHEET_ID}/values/{a1}",
            params={"valueInputOption": "RAW"},
            json={"values": [[value]]},
            headers={"X-Sandbox-User": "ie.person@sourcegraph.com"},
        )
        r.raise_for_status()

    # -- Drive, Docs, Vitally -------------------------------------------------------------------
    def handoff_docs(self, account: str) -> list[dict[str, Any]]:
        q = f"properties has {{ key='handoffAccount' and value='{account}' }} and trashed = false"
        r = self.http.get("/drive/v3/files", params={"q": q, "fields": "files(id,name,version,properties)"})
        r.raise_for_status()
        return list(r.json()["files"])

    def export(self, doc_id: str, mime: str = "text/plain") -> str:
        r = self.http.get(f"/drive/v3/files/{doc_id}/export", params={"mimeType": mime})
        r.raise_for_status()
        return r.text

    def edit_doc(self, doc_id: str, html: str, user: str) -> None:
        """`user` rewrites the doc with `html`, as a person in the Docs editor (a Drive multipart update)."""
        boundary = "b0undary"
        body = (
            f"--{boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{{}}\r\n"
            f"--{boundary}\r\nContent-Type: text/html\r\n\r\n{html}\r\n--{boundary}--"
        )
        r = self.http.patch(
            f"/upload/drive/v3/files/{doc_id}",
            params={"uploadType": "multipart"},
            content=body.encode(),
            headers={"Content-Type": f'multipart/related; boundary="{boundary}"', "X-Sandbox-User": user},
        )
        r.raise_for_status()

    def account(self, ref: str) -> dict[str, Any]:
        r = self.vitally.get(f"/accounts/{ref}")
        r.raise_for_status()
        return dict(r.json())

    def notes(self, ref: str) -> list[dict[str, Any]]:
        account_id = self.account(ref)["id"]
        return list(self.vitally.get(f"/accounts/{account_id}/notes").json()["results"])

    def tasks(self, ref: str) -> list[dict[str, Any]]:
        account_id = self.account(ref)["id"]
        return list(self.vitally.get(f"/accounts/{account_id}/tasks").json()["results"])
