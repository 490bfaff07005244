"""The record of a write lives with the write: the Vitally account carries what handoff wrote.

An update run that writes Vitally and then loses the sheet write-back leaves the state tab one
run behind. The record trait, sent in the same PUT as the values, still says what was written:
the next run neither takes its own write for a TA edit nor overwrites a TA edit made since.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from crashkit import ACCOUNT, VITALLY_REF, add_faults, one_line, state_of
from handoff.core.errors import EXIT_OK, EXIT_SERVICE
from handoff.core.written import fingerprint
from workspace import Workspace

CPU = "vitally.custom.totalCpu"
RECORD = "vitally.custom.handoffWritten"
CPU_CELL = "Accounts!N2"
# the IE's new figures are in the sheet only (the TDD still says 64 vCPU and 4 TB): the sheet is chosen
SHEET_WINS = ("total_cpu=sheet", "total_disk_gb=sheet")


# conftest: TODAY and USER pinned; ws is a copy of the seeded template with fast retries
pytestmark = [pytest.mark.usefixtures("pinned"), pytest.mark.fast_workspace()]


@pytest.fixture
def ws(ws: Workspace) -> Workspace:
    """conftest's fast workspace after the first handoff, recorded everywhere."""
    outcome, text = ws.run(ACCOUNT)
    assert outcome.exit_code == EXIT_OK, text
    return ws


def _traits(ws: Workspace) -> dict[str, Any]:
    return dict(ws.account(VITALLY_REF)["traits"])


def _record(ws: Workspace) -> dict[str, str]:
    return dict(json.loads(_traits(ws)[RECORD])["h"])


def _set_trait_as_ta(ws: Workspace, key: str, value: Any) -> None:
    ws.vitally.put(f"/accounts/{VITALLY_REF}", json={"traits": {key: value}}).raise_for_status()


def _update_run_losing_the_sheet(ws: Workspace, cpu: str) -> None:
    """The IE changes Total CPU; the run writes Vitally, then every sheet write fails (exit 4)."""
    ws.set_cell(CPU_CELL, cpu)
    add_faults(ws, {"route": "sheets.spreadsheets.batchUpdate", "kind": "5xx", "count": 0})
    outcome, text = ws.run(ACCOUNT, accept=SHEET_WINS)
    assert outcome.exit_code == EXIT_SERVICE, text
    assert "sheet write-back failed" in one_line(text)
    ws.sandbox.faults.clear()
    assert _traits(ws)[CPU] == int(cpu)


def test_the_record_travels_in_the_same_put_as_the_values(ws: Workspace) -> None:
    traits, record = _traits(ws), _record(ws)
    assert set(record) == set(state_of(ws).traits)  # every trait handoff owns, no other
    assert all(record[k] == fingerprint(traits[k]) for k in record)
    mark = ws.mark()
    ws.set_cell(CPU_CELL, "66")
    outcome, _ = ws.run(ACCOUNT, accept=SHEET_WINS)
    assert outcome.exit_code == EXIT_OK
    puts = [e for e in ws.writes_after(mark) if e["route"] == "vitally.accounts.update"]
    assert len(puts) == 1  # one request carries the value and the record of it
    assert _record(ws)[CPU] == fingerprint(66)


def test_after_a_lost_write_back_our_own_value_is_not_taken_for_a_ta_edit(ws: Workspace) -> None:
    _update_run_losing_the_sheet(ws, "66")  # the state tab still says 48
    outcome, text = ws.run(ACCOUNT, accept=SHEET_WINS)
    assert outcome.exit_code == EXIT_OK, text
    kinds = {c.kind: c for c in outcome.plans[0].changes}
    assert "trait.keep" not in kinds and "trait.set" not in kinds, text
    ws.set_cell(CPU_CELL, "70")  # the IE's next value reaches Vitally
    outcome, text = ws.run(ACCOUNT, accept=SHEET_WINS)
    assert outcome.exit_code == EXIT_OK, text
    assert [c.target for c in outcome.plans[0].changes if c.kind == "trait.set"] == [CPU]
    assert _traits(ws)[CPU] == 70


def test_after_a_lost_write_back_a_ta_edit_is_kept_and_reported(ws: Workspace) -> None:
    before = _traits(ws)[CPU]
    _update_run_losing_the_sheet(ws, "66")
    _set_trait_as_ta(ws, CPU, before)  # the TA puts back the value the state tab remembers
    outcome, text = ws.run(ACCOUNT, accept=SHEET_WINS)
    assert outcome.exit_code == EXIT_OK, text
    assert [c.target for c in outcome.plans[0].changes if c.kind == "trait.keep"] == [CPU]
    assert "total_cpu: changed in Vitally since handoff wrote it; kept (use --force-field total_cpu" in (
        one_line(text)
    )
    assert _traits(ws)[CPU] == before


def test_a_cleared_state_cell_never_misattributes_an_edit(ws: Workspace) -> None:
    _set_trait_as_ta(ws, CPU, 72)
    ws.set_cell("handoff_state!B2", "")  # the tool's own advice for a broken cell
    ws.set_cell(CPU_CELL, "66")
    outcome, text = ws.run(ACCOUNT, accept=SHEET_WINS)
    assert outcome.exit_code == EXIT_OK, text
    assert [c.target for c in outcome.plans[0].changes if c.kind == "trait.keep"] == [CPU]
    assert _traits(ws)[CPU] == 72
    assert _record(ws)[CPU] != fingerprint(66)  # still the old write: the edit stays the TA's


def test_a_record_someone_overwrote_falls_back_to_the_state_and_says_so(ws: Workspace) -> None:
    _set_trait_as_ta(ws, RECORD, "cleaned up by an admin")
    _set_trait_as_ta(ws, CPU, 72)
    ws.set_cell(CPU_CELL, "66")
    outcome, text = ws.run(ACCOUNT, accept=SHEET_WINS)
    said = one_line(text)
    assert outcome.exit_code == EXIT_OK, said
    assert f"the Vitally trait {RECORD} is not handoff's record of what it wrote" in said
    assert [c.target for c in outcome.plans[0].changes if c.kind == "trait.keep"] == [CPU]  # the state's
    ws.set_cell("Accounts!P2", "5000")  # Total Disk: the next trait write rewrites the record
    outcome, text = ws.run(ACCOUNT, accept=SHEET_WINS)
    assert outcome.exit_code == EXIT_OK, text
    assert _record(ws)[CPU] == fingerprint(state_of(ws).traits[CPU]) != fingerprint(72)  # still kept


def _drift(ws: Workspace) -> list[tuple[str, Any, Any]]:
    from handoff.clients import Clients
    from handoff.commands.status import read_status

    with Clients(ws.settings) as clients:
        statuses, _ = read_status(ws.settings, clients)
    return [(d.trait, d.written, d.current) for s in statuses if s.account == ACCOUNT for d in s.drift]


def test_status_never_shows_handoffs_own_write_as_drift(ws: Workspace) -> None:
    """`handoff status` reads the same record: a write the state missed is not the TA's change."""
    _update_run_losing_the_sheet(ws, "66")
    assert _drift(ws) == []
    _set_trait_as_ta(ws, CPU, 70)
    assert _drift(ws) == [(CPU, "(its last write)", 70)]  # the state holds an older value than 66
