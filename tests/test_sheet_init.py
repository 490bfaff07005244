"""`handoff sheet init` through the real gspread client against the sandbox.

An empty spreadsheet becomes a guided tracking sheet (tabs, headers, frozen rows, dropdowns,
checkboxes, the hidden warning-protected state tab, How to use) in four write requests, and the
example account passes `check` and `run`; a second init sends no write at all; the seeded sample
workspace, with its extra columns and reordered tabs, is upgraded without one cell changing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gspread
import pytest
from google.auth.credentials import AnonymousCredentials

from handoff.clients import Clients
from handoff.clients.google import sandbox_session
from handoff.core.errors import EXIT_OK, EXIT_PROBLEMS
from handoff.core.settings import Settings
from handoff.read.batch import check_accounts
from handoff.sandbox.server import RunningSandbox
from handoff.setup.sheet_init import GRID_FIELDS, SheetPlan, apply_plan, prepare
from handoff.setup.spec import HOWTO_TITLE, canonical
from workspace import SEED, Workspace
from workspace import SHEET_ID as SID

SEEDS = Path(__file__).parent / "seeds"
READ_BACK = ["acme", "globex", "initech"]  # happy path, errors of every kind, TDD disagreements
TOOL_TABS = ["Accounts", "Notes", "Issues", "Risks", "Expansion", "Checklist", "Handoff Log", "handoff_state"]


class Sheet(Workspace):
    """A workspace seen through the real gspread client: tabs, cells as stored, validation rules."""

    def __init__(self, sandbox: RunningSandbox, settings: Settings, out_dir: Path) -> None:
        super().__init__(sandbox, settings, out_dir)
        self.session = sandbox_session(sandbox.url)
        self.gc = gspread.Client(auth=AnonymousCredentials(), session=self.session)

    def init(self, *, example: bool = False, dry_run: bool = False) -> SheetPlan:
        with Clients(self.settings) as clients:
            plan = prepare(self.settings, clients, example=example)
            if plan.changes and not dry_run:
                apply_plan(clients, plan)
        return plan

    def invoke(self, *args: str) -> tuple[int, str]:
        """The CLI against this sandbox: (exit code, everything it printed)."""
        code, out, err = self.cli(*args)
        return code, out + err

    def write_routes(self, mark: int) -> list[str]:
        return [f"{e['api']} {e['route']}" for e in self.writes_after(mark)]

    def book(self) -> gspread.Spreadsheet:
        return self.gc.open_by_key(SID)

    def titles(self) -> list[str]:
        return [ws.title for ws in self.book().worksheets(exclude_hidden=False)]

    def meta(self, title: str) -> dict[str, Any]:
        sheets = self.book().fetch_sheet_metadata()["sheets"]
        return next(s for s in sheets if s["properties"]["title"] == title)

    def everything(self) -> dict[str, list[list[Any]]]:
        """Every cell of every tab as stored (formulas as written, numbers unformatted)."""
        titles = self.titles()
        ranges = [f"'{t}'" for t in titles]
        got = self.book().values_batch_get(ranges, params={"valueRenderOption": "FORMULA"})
        return {t: vr.get("values", []) for t, vr in zip(titles, got["valueRanges"], strict=True)}

    def rules(self, title: str, row: int) -> list[dict[str, Any] | None]:
        """The validation rule of each cell of a row (1-based), as spreadsheets.get returns it."""
        got = self.book().fetch_sheet_metadata(
            params={"ranges": [f"'{title}'!{row}:{row}"], "fields": GRID_FIELDS}
        )
        data = got["sheets"][0]["data"][0].get("rowData") or [{}]
        return [c.get("dataValidation") for c in data[0].get("values", [])]


@pytest.fixture(autouse=True)
def _environment(pinned: None) -> None:
    """Every test here runs with the clock and the user pinned."""


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Sheet]:
    """A new team's spreadsheet: one empty "Sheet1", no accounts."""
    with Sheet.start(SEEDS / "empty", tmp_path) as sheet:
        yield sheet
        sheet.session.close()


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Sheet]:
    """The sample workspace as a team left it: extra columns, odd headers, and the tabs reordered,
    Expansion missing."""
    seed = tmp_path / "seed"
    shutil.copytree(SEED, seed)
    spec = json.loads((seed / "spreadsheet.json").read_text(encoding="utf-8"))
    tabs = {t["title"]: t for t in spec["tabs"]}
    order = ["Checklist", "handoff_state", "Notes", "Accounts", "Handoff Log", "Risks", "Issues"]
    spec["tabs"] = [tabs[t] for t in order]
    (seed / "spreadsheet.json").write_text(json.dumps(spec), encoding="utf-8")
    with Sheet.start(seed, tmp_path) as sheet:
        yield sheet
        sheet.session.close()


# --------------------------------------------------------------------------------------------
# an empty spreadsheet


def test_init_sets_up_an_empty_spreadsheet_in_four_writes(empty: Sheet) -> None:
    mark = len(empty.log())
    code, out = empty.invoke("sheet", "init", "--example")
    assert code == EXIT_OK, out

    assert empty.write_routes(mark) == [
        "sheets sheets.spreadsheets.batchUpdate",
        "drive drive.files.create.upload",
        "sheets sheets.values.batchUpdate",
        "sheets sheets.values.batchUpdate",
    ]
    assert empty.titles() == [HOWTO_TITLE, "Sheet1", *TOOL_TABS]  # Sheet1 left where it was
    cells = empty.everything()
    assert cells["Sheet1"] == []
    assert cells["Notes"][0] == ["Account", "Date", "Category", "Note", "Author"]
    assert cells["Checklist"][0] == ["Account", "Item", "Done", "Evidence"]
    assert cells["Handoff Log"] == [["When", "Who", "Account", "Mode", "Result", "Changes"]]
    assert cells["handoff_state"] == [["Account", "State"]]
    header = cells["Accounts"][0]
    assert header[:4] == ["Account", "Name", "Vitally Account", "TDD Link"]
    assert header[-3:] == ["Handoff Status", "Handoff Doc", "Last Handoff"]
    assert cells[HOWTO_TITLE][0] == ["How to use this tracking sheet"]
    assert any(
        r[:1] == ["Accounts › Code Hosts (one or more, separated by commas)"] for r in cells[HOWTO_TITLE]
    )
    # every tool tab's header row is frozen; the state tab is hidden and warning-protected
    for title in TOOL_TABS:
        assert empty.meta(title)["properties"]["gridProperties"]["frozenRowCount"] == 1
    state = empty.meta("handoff_state")
    assert state["properties"]["hidden"] is True
    [protection] = state["protectedRanges"]
    assert protection["warningOnly"] is True and set(protection["range"]) == {"sheetId"}
    assert "Example Corp" in out and "sending 4 write requests" in out


def test_validation_guides_without_forbidding(empty: Sheet) -> None:
    empty.init()
    header = empty.everything()["Accounts"][0]
    rules = dict(zip(header, empty.rules("Accounts", 2), strict=False))
    deployment = rules["Deployment Type"]
    assert deployment is not None
    assert deployment["condition"]["type"] == "ONE_OF_LIST"
    assert [v["userEnteredValue"] for v in deployment["condition"]["values"]][:2] == [
        "Kubernetes with Helm",
        "Kubernetes with Kustomize",
    ]
    assert deployment["showCustomUi"] is True and deployment["strict"] is False
    assert rules["Start Date"]["condition"] == {"type": "DATE_IS_VALID"}
    assert rules["Total CPU"]["condition"] == {
        "type": "NUMBER_GREATER",
        "values": [{"userEnteredValue": "0"}],
    }
    assert rules["Repositories"]["condition"]["type"] == "NUMBER_GREATER_THAN_EQ"
    assert rules["Technical Advisor"]["condition"] == {"type": "TEXT_IS_EMAIL"}
    # a list field and a quantity (which may carry its unit) get help text, not a check
    assert rules["Code Hosts"]["condition"]["values"] == [{"userEnteredValue": "=TRUE"}]
    assert "GitLab Self-Managed" in rules["Code Hosts"]["inputMessage"]
    assert "224 GiB" in rules["Total Memory (GB)"]["inputMessage"]
    assert rules["Name"] is None and rules.get("Handoff Status") is None
    assert all(r is None or r["strict"] is False for r in rules.values())
    assert not any(empty.rules("Accounts", 1))  # the header row itself carries no rule
    checklist = dict(
        zip(["Account", "Item", "Done", "Evidence"], empty.rules("Checklist", 500), strict=False)
    )
    assert checklist["Done"] == {"condition": {"type": "BOOLEAN"}, "strict": False}
    notes = empty.rules("Notes", 2)
    assert notes[2] is not None
    assert notes[2]["condition"]["values"] == [
        {"userEnteredValue": v} for v in ("limits", "special deployment", "engineering involvement", "other")
    ]


def test_the_example_account_passes_check_and_run(empty: Sheet) -> None:
    empty.init(example=True)

    with Clients(empty.settings) as clients:
        [handoff] = check_accounts(empty.settings, clients, ["example"])
    assert handoff.problems == ()
    assert handoff.checklist_complete and handoff.checklist_done == (5, 5)
    assert handoff.value("total_cpu") == 48 and handoff.value("deployment_type") == "Kubernetes with Helm"
    assert [len(h) for h in (handoff.notes, handoff.issues, handoff.risks, handoff.expansion)] == [4, 1, 1, 1]
    assert handoff.fields["tdd_link"].value.startswith("https://docs.google.com/document/d/")

    outcome, out = empty.run("example")
    assert outcome.exit_code == EXIT_OK, out
    row = empty.everything()["Accounts"][1]
    assert row[0] == "example" and "handed off" in row


def test_a_second_init_sends_no_write(empty: Sheet) -> None:
    empty.init(example=True)
    empty.run("example")  # the run's write-back changes nothing sheet init owns
    mark = len(empty.log())

    code, out = empty.invoke("sheet", "init", "--example")

    assert code == EXIT_OK
    assert empty.write_routes(mark) == []
    assert "nothing to change" in out and "'example' is already in the sheet" in out
    reads = [e["route"] for e in empty.log()[mark:]]
    assert reads == ["sheets.spreadsheets.get"] * 3 + ["sheets.values.batchGet"]


def test_dry_run_shows_the_plan_and_writes_nothing(empty: Sheet) -> None:
    mark = len(empty.log())
    code, out = empty.invoke("sheet", "init", "--dry-run", "--example")
    assert code == EXIT_OK
    assert empty.write_routes(mark) == []
    assert "add tab 'Accounts' with 32 columns" in out  # 27 + the 5 environment facts (optional)
    assert "would send 4 write requests" in out and "dry run: nothing was written" in out
    assert empty.titles() == ["Sheet1"]


def test_example_is_added_once_and_reuses_an_earlier_example_tdd(empty: Sheet) -> None:
    first = empty.init()  # no example yet
    assert not any(c.kind.startswith("example") for c in first.changes)
    plan = empty.init(example=True)
    assert [c.kind for c in plan.changes] == ["example.tdd", "example.add"]
    # a run that made the TDD and died before writing the rows: the next one finds that TDD
    with Clients(empty.settings) as clients:
        rows = empty.everything()["Accounts"]
        empty.book().values_clear("Accounts!A2:AA")
        again = prepare(empty.settings, clients, example=True)
    assert len(rows) == 2
    assert [c.kind for c in again.changes] == ["example.add"]
    assert again.example_tdd_url == rows[1][3]


# --------------------------------------------------------------------------------------------
# upgrading a sheet people have used


def test_upgrade_keeps_every_cell_and_the_order_of_tabs(sample: Sheet) -> None:
    before = sample.everything()
    order = sample.titles()
    with Clients(sample.settings) as clients:
        checked = [h.to_json() for h in check_accounts(sample.settings, clients, READ_BACK)]

    code, out = sample.invoke("sheet", "init", "--example")
    assert code == EXIT_OK, out

    after = sample.everything()
    for title, rows in before.items():
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                got = after[title][r][c] if r < len(after[title]) and c < len(after[title][r]) else ""
                assert got == value, f"{title}!{r + 1}:{c + 1} changed from {value!r} to {got!r}"
    assert sample.titles() == [HOWTO_TITLE, *order, "Expansion"]  # kept in place; missing ones added
    accounts = after["Accounts"]
    assert accounts[0][6] == "Slack Channel" and accounts[0][24] == "Comments"  # extra columns kept
    assert accounts[0][28] == "Total Repository Size (GB)"  # the missing column, after the last one (AB)
    assert len(accounts[0]) == 34
    assert accounts[8][0] == "example"  # after the last filled row (8), not in the blank row 5
    assert after["Expansion"][1][:3] == ["example", "Roll out to the data science team", "users"]
    # every account reads exactly as before (same values, same cells, same problems)
    with Clients(sample.settings) as clients:
        again = [h.to_json() for h in check_accounts(sample.settings, clients, READ_BACK)]
    missing = "the spreadsheet has no 'Expansion' tab"  # the one problem init solves
    for h in checked:
        assert missing in [p["message"] for p in h["problems"]]
        h["problems"] = [p for p in h["problems"] if p["message"] != missing]
    assert again == checked
    # rules landed on the columns where the people put them (Risks is reordered, Accounts has extras)
    risks = dict(zip(after["Risks"][0], sample.rules("Risks", 2), strict=False))
    assert risks["Likelihood"]["condition"]["type"] == "ONE_OF_LIST"
    assert risks.get("Response") is None
    hosting = dict(zip(accounts[0], sample.rules("Accounts", 2), strict=False))["Hosting Provider"]
    assert [v["userEnteredValue"] for v in hosting["condition"]["values"]] == [
        "AWS",
        "GCP",
        "Azure",
        "on-premises",
        "other",
    ]
    assert sample.meta("handoff_state")["protectedRanges"][0]["warningOnly"] is True

    mark = len(sample.log())
    assert sample.init(example=True).changes == []
    assert sample.writes_after(mark) == []


def test_a_hand_made_layout_is_respected(empty: Sheet) -> None:
    book = empty.book()
    notes = book.add_worksheet("notes", rows=20, cols=6)  # other case: still the Notes tab
    notes.update([["Team notes"], [], ["account", "Date", "Kind", "Notes", "", "scratch"]], "A1", raw=False)
    book.batch_update(
        {
            "requests": [
                {
                    "setDataValidation": {
                        "range": {
                            "sheetId": notes.id,
                            "startRowIndex": 3,
                            "startColumnIndex": 2,
                            "endColumnIndex": 3,
                        },
                        "rule": {
                            "condition": {"type": "ONE_OF_LIST", "values": [{"userEnteredValue": "misc"}]}
                        },
                    }
                }
            ]
        }
    )
    risks = book.add_worksheet("Risks", rows=20, cols=4)
    risks.update([["", "no header anywhere"], ["some", "text"]], "A1")

    plan = empty.init()

    summaries = [c.summary for c in plan.changes if c.tab in ("notes", "Risks")]
    assert summaries == [
        "add column G to 'notes': Author",  # after the used columns, even the unheaded F
        "freeze the header row of 'notes' (3)",
        "validation on 'notes': add B Date (date); replace a different rule on C Category (dropdown)",
    ]
    assert plan.notes == ["tab 'notes' is used as 'Notes' (titles match ignoring case)"]
    [problem] = plan.problems
    assert problem.startswith("tab 'Risks': no header row naming 'Account' in rows 1-10")
    cells = empty.everything()
    assert cells["notes"][2] == ["account", "Date", "Kind", "Notes", "", "scratch", "Author"]
    assert cells["Risks"] == [["", "no header anywhere"], ["some", "text"]]
    assert "Risks" in empty.titles() and "Notes" not in empty.titles()
    assert empty.meta("notes")["properties"]["gridProperties"]["frozenRowCount"] == 3
    code, out = empty.invoke("sheet", "init")
    assert code == EXIT_PROBLEMS and "no header row naming 'Account'" in out


def test_rules_compare_as_the_api_returns_them() -> None:
    sent = {
        "condition": {"type": "NUMBER_GREATER_THAN_EQ", "values": [{"userEnteredValue": "0"}]},
        "strict": False,
        "inputMessage": "A whole number ≥ 0",
    }
    returned = {
        "condition": {"type": "NUMBER_GREATER_THAN_EQ", "values": [{"userEnteredValue": "0"}]},
        "inputMessage": "A whole number ≥ 0",
    }  # proto3 JSON leaves out false
    assert canonical(sent) == canonical(returned)
    assert canonical({**returned, "strict": True}) != canonical(sent)
    assert canonical({"condition": {"type": "BOOLEAN"}, "showCustomUi": False}) == {
        "condition": {"type": "BOOLEAN"}
    }
