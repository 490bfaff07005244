"""`handoff status`: every account at a glance, and the TA's Vitally edits shown, never reverted."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.console import Console

from handoff.cli import cli
from handoff.clients import Clients
from handoff.commands.status import AccountStatus, find_drift, print_status, read_status
from handoff.core.errors import EXIT_OK
from handoff.setup.sheet_init import apply_plan, prepare
from workspace import SEED, Workspace

EMPTY = Path(__file__).parent / "seeds" / "empty"
LABELS = {
    "vitally.custom.totalCpu": ("total_cpu", "Total CPU"),
    "vitally.custom.codeHosts": ("code_hosts", "Code Hosts"),
}


class Team(Workspace):
    """A workspace, seen as a team sees it: runs that must succeed, the status report, a TA's edits."""

    def handoff(self, *accounts: str, **options: Any) -> str:
        outcome, text = self.run(*accounts, **options)
        assert outcome.exit_code == EXIT_OK, text
        return text

    def status(self) -> dict[str, AccountStatus]:
        with Clients(self.settings) as clients:
            statuses, failed = read_status(self.settings, clients)
        assert not failed
        return {s.account: s for s in statuses}

    def ta_edits(self, ref: str, traits: dict[str, Any]) -> None:
        """The TA changes traits in Vitally (through the REST API, as any other client would)."""
        with Clients(self.settings) as clients:
            vitally = clients.vitally()
            account = vitally.get_account(ref)
            assert account is not None
            vitally.update_traits(account["id"], traits)


@pytest.fixture
def team(tmp_path: Path, pinned: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[Team]:
    """The sample workspace."""
    with Team.start(SEED, tmp_path) as t:
        t.use_env(monkeypatch)
        yield t


@pytest.fixture
def new_team(tmp_path: Path, pinned: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[Team]:
    """An empty spreadsheet set up by `sheet init --example`."""
    with Team.start(EMPTY, tmp_path) as t:
        t.use_env(monkeypatch)
        with Clients(t.settings) as clients:
            apply_plan(clients, prepare(t.settings, clients, example=True))
        yield t


# --------------------------------------------------------------------------------------------
# pure


def test_drift_is_what_vitally_holds_now_against_what_handoff_wrote() -> None:
    written = {"vitally.custom.totalCpu": 48, "vitally.custom.codeHosts": ["GitHub.com", "Gerrit"]}
    assert (
        find_drift(
            written,
            {"vitally.custom.totalCpu": 48.0, "vitally.custom.codeHosts": ["GitHub.com", "Gerrit"]},
            LABELS,
        )
        == ()
    )
    [drift] = find_drift(
        written, {"vitally.custom.totalCpu": 64, "vitally.custom.codeHosts": ["GitHub.com", "Gerrit"]}, LABELS
    )
    assert (drift.field, drift.label, drift.written, drift.current) == ("total_cpu", "Total CPU", 48, 64)
    removed = find_drift({"vitally.custom.tddLink": "https://x"}, {}, LABELS)
    assert [(d.label, d.current) for d in removed] == [("vitally.custom.tddLink", None)]  # no field: the key


def test_the_report_prints_values_as_text() -> None:
    out = io.StringIO()
    s = AccountStatus(
        "acme",
        "[bold]Acme[/]",
        5,
        5,
        True,
        0,
        1,
        "handed off",
        "https://d/1",
        "today",
        True,
        find_drift({"vitally.custom.totalCpu": 48}, {"vitally.custom.totalCpu": 64}, LABELS),
    )
    print_status(Console(file=out, width=120, color_system=None), [s])
    text = out.getvalue()
    assert "[bold]Acme[/]" in text  # markup in a sheet value is shown, not interpreted
    assert "ready · checklist 5/5 · 0 errors · 1 warning" in text
    assert "Total CPU: handoff wrote 48, Vitally now has 64" in text


# --------------------------------------------------------------------------------------------
# against the sandbox


def test_every_account_at_a_glance(team: Team) -> None:
    before = team.status()
    assert list(before) == ["acme", "hooli", "globex", "initech", "umbrella", "vandelay"]
    acme = before["acme"]
    assert (acme.done, acme.total, acme.ready, acme.errors, acme.warnings) == (5, 5, True, 0, 0)
    assert not acme.handed_off and acme.status == "" and acme.doc == "" and acme.drift == ()
    assert (before["umbrella"].done, before["umbrella"].ready) == (3, False)
    assert before["globex"].errors > 0 and before["globex"].warnings == 2

    team.handoff("acme")
    mark = len(team.log())
    after = team.status()["acme"]

    assert after.handed_off and after.status == "handed off" and after.drift == ()
    assert after.doc.startswith("https://docs.google.com/document/d/")
    assert after.last_run.startswith("2026-") and after.last_run.endswith("by ie.person")
    vitally = Counter(e["route"] for e in team.log()[mark:] if e["api"] == "vitally")
    # The Vitally checks `run --all` applies: one account GET per account naming one (the drift of
    # handed-off acme comes from the same GET), one admin search per TA (4) for the accounts whose
    # state does not record their TA's admin id (acme's does; initech shares its TA and looks it up).
    assert vitally == Counter({"vitally.accounts.get": 5, "vitally.admins.search": 4})
    assert all(e["method"] == "GET" for e in team.log()[mark:])


def test_the_tas_changes_are_shown_and_never_reverted(new_team: Team) -> None:
    new_team.handoff("example")
    new_team.ta_edits("example", {"vitally.custom.totalCpu": 64, "vitally.custom.hostingProvider": "GCP"})

    drift = new_team.status()["example"].drift
    assert [(d.label, d.written, d.current) for d in drift] == [
        ("Hosting Provider", "AWS", "GCP"),
        ("Total CPU", 48, 64),
    ]

    text = new_team.handoff("example")  # a later run keeps them, and so does status
    assert "trait.keep" in text
    assert [d.label for d in new_team.status()["example"].drift] == ["Hosting Provider", "Total CPU"]


def test_status_command_text_and_json(new_team: Team) -> None:
    new_team.handoff("example")
    runner = CliRunner()
    text = runner.invoke(cli, ["status"], catch_exceptions=False)
    assert text.exit_code == EXIT_OK
    assert "example  Example Corp" in text.output and "unchanged since the handoff" in text.output
    assert "1 account: 1 handed off, 1 ready, 0 with errors" in text.output
    as_json = runner.invoke(cli, ["status", "--json"], catch_exceptions=False)
    [entry] = json.loads(as_json.output)
    assert entry["account"] == "example" and entry["checklist"] == {"done": 5, "total": 5}
    assert entry["status"] == "handed off" and entry["drift"] == [] and entry["handed_off"] is True


def test_an_unreadable_state_cell_is_a_note_not_a_crash(new_team: Team) -> None:
    new_team.handoff("example")
    with Clients(new_team.settings) as clients:
        clients.spreadsheet().values_update(
            "handoff_state!B2", params={"valueInputOption": "RAW"}, body={"values": [["{not json"]]}
        )
    s = new_team.status()["example"]
    assert s.note.startswith("the handoff state for example is unreadable: not valid JSON")
    assert "clear handoff_state!B2" in s.note  # the cell and the fix, as a run reports it
    assert not s.handed_off and s.status == "handed off"  # the Accounts row still says so
