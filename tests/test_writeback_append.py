"""The sheet write-back appends new rows and grows tabs, so full tabs and teammates at the same time are fine.

Real Sheets refuses cells past a tab's grid (the sandbox does too, tests/test_sandbox_grid.py),
so the write-back appends Handoff Log rows and new state rows (`appendCells`, placed by the
server after the last row with data, adding rows), updates existing rows in place, and widens
the grid before writing a new column: one `spreadsheets.get` and one `spreadsheets.batchUpdate`.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

import pytest

from crashkit import log_rows, one_line, sheet_rows, spawn_run, state_of
from handoff.core.errors import EXIT_OK, EXIT_PROBLEMS
from handoff.sandbox.faults import FaultPlan, FaultRule, parse_rules
from workspace import SHEET_ID, TODAY, USER, SeedFolder, Workspace

SHEET_ROUTES = ("sheets.spreadsheets.get", "sheets.spreadsheets.batchUpdate")


@pytest.fixture(autouse=True)
def _pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOFF_TODAY", TODAY)
    monkeypatch.setenv("HANDOFF_USER", USER)


def _start(seed: SeedFolder, tmp: Path) -> contextlib.AbstractContextManager[Workspace]:
    return Workspace.start(seed.root, tmp)


def _grid(ws: Workspace, title: str) -> tuple[int, int]:
    meta = ws.http.get(f"/v4/spreadsheets/{SHEET_ID}").json()
    props = next(s["properties"] for s in meta["sheets"] if s["properties"]["title"] == title)
    return props["gridProperties"]["rowCount"], props["gridProperties"]["columnCount"]


def _write_back_requests(ws: Workspace, mark: int) -> list[str]:
    """The sheet requests of the write-back: every Sheets request after the batch's read."""
    sheets = [e["route"] for e in ws.log()[mark:] if e["route"].startswith("sheets.")]
    return sheets[sheets.index("sheets.values.batchGet") + 1 :]


def test_full_log_and_state_tabs_grow_by_the_rows_appended(tmp_path: Path) -> None:
    seed = SeedFolder.copy(tmp_path / "seed")
    old_runs = [[f"2026-01-{i % 28 + 1:02d}", "x", f"old-{i}", "final", "ok", ""] for i in range(999)]
    seed.edit_rows("Handoff Log", lambda rows: rows[:1] + old_runs)
    seed.edit_rows("handoff_state", lambda rows: rows[:1] + [[f"old-{i}", ""] for i in range(999)])
    with _start(seed, tmp_path) as ws:
        assert _grid(ws, "Handoff Log")[0] == _grid(ws, "handoff_state")[0] == 1000  # full: 999 rows + header
        mark = ws.mark()
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_OK, text
        assert _write_back_requests(ws, mark) == list(SHEET_ROUTES)
        assert _grid(ws, "Handoff Log")[0] == _grid(ws, "handoff_state")[0] == 1001
        assert [r["Result"] for r in log_rows(ws)] == ["ok"]
        assert sheet_rows(ws, "Handoff Log")[-1]["Account"] == "acme"
        assert state_of(ws).status
        assert ws.values("'Accounts'!Z2")[0][0] == "handed off"  # in place, in the account's row


def test_a_missing_write_back_column_is_added_past_the_grid(tmp_path: Path) -> None:
    seed = SeedFolder.copy(tmp_path / "seed")
    seed.edit_rows("Accounts", lambda rows: [r[:27] for r in rows])  # no Last Handoff: 27 columns
    with _start(seed, tmp_path) as ws:
        assert _grid(ws, "Accounts")[1] == 27
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_OK, text
        assert _grid(ws, "Accounts")[1] == 28
        header, row = ws.values("'Accounts'!Z1:AB2")
        assert header == ["Handoff Status", "Handoff Doc", "Last Handoff"]
        assert row[2].endswith(f"by {USER}")


def test_values_are_written_as_text_never_formulas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOFF_USER", "=1+1")
    with _start(SeedFolder.copy(tmp_path / "seed"), tmp_path) as ws:
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_OK, text
        log = ws.values("'Handoff Log'", render="FORMULA")
        assert log[-1][1] == "=1+1"
        assert ws.user_entered("'Handoff Log'!B2") == {"stringValue": "=1+1"}


class HoldBoth(FaultPlan):
    """Holds the first write-back until the second one arrives, so both were planned on the same sheet."""

    def __init__(self) -> None:
        super().__init__()
        self.barrier = threading.Barrier(2, timeout=60)
        self.met = threading.Event()
        self._lock = threading.Lock()
        self._seen = 0

    def take(self, api: str, route: str, method: str, path: str) -> list[FaultRule]:
        if route == "sheets.spreadsheets.batchUpdate":
            with self._lock:
                self._seen += 1
                mine = self._seen
            if mine <= 2:
                try:
                    self.barrier.wait()
                    self.met.set()
                except threading.BrokenBarrierError:
                    pass
        return super().take(api, route, method, path)


@pytest.mark.slow
def test_two_accounts_handed_off_at_the_same_time_both_keep_their_rows(tmp_path: Path) -> None:
    seed = SeedFolder.copy(tmp_path / "seed")
    for a1, value in (("M6", "3 × r6i.4xlarge"), ("N6", "48"), ("O6", "384 GiB"), ("R6", "4,500")):
        seed.set(f"Accounts!{a1}", value)  # initech's sheet brought up to date with its TDD: ready
    with _start(seed, tmp_path) as ws:
        hold = HoldBoth()
        ws.sandbox.server.faults = hold
        procs = [spawn_run(ws, "acme"), spawn_run(ws, "initech")]
        results: list[tuple[int, Any]] = []
        for p in procs:
            out, err = p.communicate(timeout=120)
            results.append((p.returncode, one_line(out + err)))
        assert hold.met.is_set(), "the two write-backs were not in flight together"
        assert [code for code, _ in results] == [EXIT_OK, EXIT_OK], results
        for account in ("acme", "initech"):
            assert [r["Result"] for r in log_rows(ws, account)] == ["ok"], account
            assert state_of(ws, account).status, account
        statuses = {r["Account"]: r["Handoff Status"] for r in sheet_rows(ws, "Accounts")}
        assert statuses["acme"] and statuses["initech"]


def test_tabs_titled_like_cells_are_read_and_written_as_tabs(tmp_path: Path) -> None:
    """Q4, CO2, Log1, FY26 are cells unless quoted (as real Sheets reads them): the tool quotes every name."""
    seed = SeedFolder.copy(tmp_path / "seed")
    names = {"Accounts": "Q4", "Notes": "CO2", "Handoff Log": "Log1", "handoff_state": "FY26"}
    spec = seed.spec()
    for tab in spec["tabs"]:
        tab["title"] = names.get(tab["title"], tab["title"])
    seed.write_json("spreadsheet.json", spec)
    overrides: dict[str, Any] = {
        "sheet.tabs": {"accounts": "Q4", "notes": "CO2", "log": "Log1", "state": "FY26"}
    }
    with Workspace.start(seed.root, tmp_path, overrides=overrides) as ws:
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_OK, text
        assert ws.values("'Q4'!Z2")[0][0] == "handed off"
        assert [r["Account"] for r in sheet_rows(ws, "Log1")] == ["acme"]
        assert [r["Account"] for r in sheet_rows(ws, "FY26")] == ["acme"]
        mark = ws.mark()
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_OK and ws.writes_after(mark) == [], text  # the state was read back


def test_a_refused_write_back_is_a_sheet_problem_not_an_outage(tmp_path: Path) -> None:
    """A 4xx from Sheets (the sheet changed under the run) exits 1 with a fix, never 4 (service down)."""
    with _start(SeedFolder.copy(tmp_path / "seed"), tmp_path) as ws:
        rule = {"route": "sheets.spreadsheets.batchUpdate", "kind": "5xx", "status": 400, "count": 1}
        ws.sandbox.faults.add(parse_rules([rule]))
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_PROBLEMS, text
        line = " ".join(text.split())
        assert "sheet write-back failed: the sheet refused the write-back" in line
        assert "fix: check the tab named in the message" in line
        ws.sandbox.faults.clear()
        outcome, text = ws.run("acme")  # the re-run records the outcome
        assert outcome.exit_code == EXIT_OK, text
        assert [r["Result"] for r in log_rows(ws)] == ["ok"]
