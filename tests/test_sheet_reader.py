"""The sheet reader: headers by alias, free order, blank rows, A1 addresses, every refusal with its fix."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.errors import InputError
from handoff.core.fields import Catalogue
from handoff.core.model import Severity
from handoff.core.state import AccountState
from handoff.read.sheet import (
    Grid,
    SheetData,
    batch_ranges,
    column_index,
    column_letter,
    parse_batch,
    parse_sheet,
    required_account_columns,
)

TITLES = {
    "accounts": "Accounts", "notes": "Notes", "issues": "Issues", "risks": "Risks", "expansion": "Expansion",
    "checklist": "Checklist", "log": "Handoff Log", "state": "handoff_state",
}  # fmt: skip
ACCOUNTS = ["Account", "Name", "Vitally Account", "TDD Link", "Implementation Engineer", "Technical Advisor"]
LOGS: dict[str, list[str]] = {
    "notes": ["Account", "Date", "Category", "Note", "Author"],
    "issues": ["Account", "ID", "Opened", "Summary", "Severity", "Status", "Owner", "Next Step", "Link"],
    "risks": ["Account", "Risk", "Likelihood", "Impact", "Response", "Owner", "Status"],
    "expansion": ["Account", "Opportunity", "Kind", "Detail", "Size", "Contact", "Date"],
    "checklist": ["Account", "Item", "Done", "Evidence"],
    "log": ["When", "Who", "Account", "Mode", "Result", "Changes"],
    "state": ["Account", "State"],
}


def grids(**tabs: list[list[str]] | None) -> dict[str, Grid | None]:
    """Every tab with just its headers unless given; None for a missing tab."""
    out: dict[str, Grid | None] = {}
    for key, title in TITLES.items():
        if key in tabs:
            rows = tabs[key]
            out[key] = None if rows is None else Grid(title, tuple(tuple(r) for r in rows))
        else:
            out[key] = Grid(title, ((tuple(ACCOUNTS) if key == "accounts" else tuple(LOGS[key])),))
    return out


def read(catalogue: Catalogue, **tabs: list[list[str]] | None) -> SheetData:
    return parse_sheet(grids(**tabs), catalogue, TITLES)


ACME = [
    "acme",
    "Acme Corp",
    "0015e",
    "https://docs.google.com/document/d/1abcdefghijk/edit",
    "priya@x.com",
    "dana@x.com",
]


def test_one_batch_asks_for_each_whole_tab() -> None:
    """Every name quoted: real Sheets reads a bare Q4 or FY26 as a cell, not as the tab."""
    assert batch_ranges(TITLES) == [
        "'Accounts'",
        "'Notes'",
        "'Issues'",
        "'Risks'",
        "'Expansion'",
        "'Checklist'",
        "'Handoff Log'",
        "'handoff_state'",
    ]
    assert batch_ranges({"accounts": "Q4", "log": "It's"}) == ["'Q4'", "'It''s'"]


def test_parse_batch_pairs_ranges_with_tabs_and_keeps_offsets() -> None:
    response: dict[str, Any] = {
        "spreadsheetId": "s",
        "valueRanges": [
            {
                "range": "Accounts!A1:Z10",
                "majorDimension": "ROWS",
                "values": [["Account"], ["acme "], [], [5, True]],
            },
            {"range": "'Handoff Log'!B3:D4", "majorDimension": "ROWS"},
        ],
    }
    got = parse_batch(response, {"accounts": "Accounts", "log": "Handoff Log"})
    assert got["accounts"].rows == (("Account",), ("acme",), (), ("5", "TRUE"))
    assert (got["log"].first_row, got["log"].first_col, got["log"].rows) == (3, 1, ())
    assert got["log"].a1(3, 1) == "'Handoff Log'!B3"


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
    assert [column_index(s) for s in ("A", "Z", "AA", "ZZ", "AAA")] == [0, 25, 26, 701, 702]


def test_headers_by_alias_in_any_order_with_extra_columns(catalogue: Catalogue) -> None:
    header = [
        "Slack Channel",
        "technical advisor",
        "ACCOUNT",
        "tdd-link",
        "Name",
        "Vitally account",
        "Implementation engineer ",
        "total memory (gb)",
        "Comments",
    ]
    row = [
        "#acme",
        "dana@x.com ",
        "acme",
        "https://docs.google.com/document/d/1abcdefghijk/edit",
        "Acme",
        "v1",
        "priya@x.com",
        "224 GiB",
        "note",
    ]
    sheet = read(catalogue, accounts=[header, row])
    rec = sheet.accounts["acme"]
    assert rec.row.cells["technical_advisor"].value == "dana@x.com"
    assert rec.row.cells["technical_advisor"].a1 == "Accounts!B2"
    assert rec.row.cells["total_memory_gb"].a1 == "Accounts!H2"
    assert "comments" not in rec.row.cells and sheet.shared == ()
    assert sheet.headers["accounts"]["total_memory_gb"] == "total memory (gb)"


def test_blank_rows_and_trailing_spaces(catalogue: Catalogue) -> None:
    sheet = read(catalogue, accounts=[ACCOUNTS, [], ["", "", ""], ["Umbrella ", "U", "v"], ACME])
    assert list(sheet.accounts) == ["umbrella", "acme"]
    assert sheet.accounts["umbrella"].slug == "Umbrella"
    assert sheet.accounts["umbrella"].row.row == 4
    assert sheet.accounts["acme"].row.cells["account"].a1 == "Accounts!A5"
    assert sheet.notices == ()


def test_a_title_row_above_the_headers_is_skipped(catalogue: Catalogue) -> None:
    sheet = read(catalogue, accounts=[["Sourcegraph implementations"], [], ACCOUNTS, ACME])
    assert sheet.accounts["acme"].row.cells["name" if False else "account_name"].a1 == "Accounts!B4"


def test_units_named_in_headers(catalogue: Catalogue) -> None:
    sheet = read(catalogue, accounts=[[*ACCOUNTS, "Total Memory (GiB)", "Total Disk (GB)"], ACME])
    assert sheet.unit_hints() == {"total_memory_gb": "GiB", "total_disk_gb": "GB"}


def test_duplicate_headers_are_refused_naming_both_cells(catalogue: Catalogue) -> None:
    sheet = read(catalogue, accounts=[[*ACCOUNTS, "Total CPU", "CPU"], [*ACME, "64", "48"]])
    [p] = sheet.shared
    assert p.severity is Severity.ERROR and p.field == "total_cpu"
    assert str(p.location) == "Accounts!H1"
    assert "two 'Total CPU' columns: G ('Total CPU') and H ('CPU')" in p.message
    assert "Accounts!G1" in (p.fix or "") and "Accounts!H1" in (p.fix or "")
    assert sheet.problems_for("acme") == sheet.shared


def test_missing_required_columns(catalogue: Catalogue) -> None:
    sheet = read(
        catalogue,
        accounts=[
            ["Account", "Name", "Vitally Account", "Implementation Engineer"],
            ["acme", "Acme", "v", "p@x.com"],
        ],
    )
    missing = {p.field: p for p in sheet.shared}
    assert set(missing) == {"tdd_link", "technical_advisor"}
    p = missing["tdd_link"]
    assert p.message == "the Accounts tab has no 'TDD Link' column"
    assert str(p.location) == "Accounts!1:1"
    assert "add a column headed 'TDD Link'" in (p.fix or "")


def test_required_columns_are_those_only_the_sheet_can_fill(catalogue: Catalogue) -> None:
    names = [f.name for f in required_account_columns(catalogue)]
    assert names == [
        "account",
        "account_name",
        "vitally_account",
        "tdd_link",
        "implementation_engineer",
        "technical_advisor",
    ]


def test_no_account_column_stops_with_the_fix(catalogue: Catalogue) -> None:
    with pytest.raises(InputError, match="no 'Account' column") as info:
        read(catalogue, accounts=[["Customer slug", "Name"], ["acme", "Acme"]])
    assert "Account" in (info.value.fix or "")


def test_missing_accounts_tab_stops(catalogue: Catalogue) -> None:
    with pytest.raises(InputError, match="no tab named 'Accounts'") as info:
        read(catalogue, accounts=None)
    assert "sheet.tabs.accounts" in (info.value.fix or "")


def test_a_missing_log_tab_is_an_error_for_every_account(catalogue: Catalogue) -> None:
    sheet = read(catalogue, accounts=[ACCOUNTS, ACME], risks=None, state=None)
    [p] = sheet.shared
    assert p.message == "the spreadsheet has no 'Risks' tab"
    assert str(p.location) == "Risks"
    assert "Account, Risk, Likelihood, Impact, Response, Owner, Status" in (p.fix or "")
    assert sheet.accounts["acme"].state.recorded is None  # the state tab is optional


def test_missing_required_log_column(catalogue: Catalogue) -> None:
    sheet = read(catalogue, accounts=[ACCOUNTS, ACME], issues=[["Account", "Summary", "Status"]])
    assert {p.message for p in sheet.shared} == {"the Issues tab has no 'Severity' column"}
    assert str(sheet.shared[0].location) == "Issues!1:1"


def test_duplicate_account_rows(catalogue: Catalogue) -> None:
    sheet = read(catalogue, accounts=[ACCOUNTS, ACME, ["other", "O"], ["ACME ", "Acme again"]])
    [p] = sheet.problems_for("acme")
    assert p.severity is Severity.ERROR and p.field == "account"
    assert str(p.location) == "Accounts!A4"
    assert "Accounts!A2 and Accounts!A4" in p.message
    assert "row 2 was read" in (p.fix or "")
    assert sheet.accounts["acme"].row.cells["account_name"].value == "Acme Corp"
    assert sheet.problems_for("other") == ()


def test_unknown_account_suggests_the_closest(catalogue: Catalogue) -> None:
    sheet = read(catalogue, accounts=[ACCOUNTS, ACME, ["globex"], ["initech"]])
    with pytest.raises(InputError) as info:
        sheet.select(["acmee", "zzz"])
    assert "'acmee' (did you mean 'acme'?)" in info.value.message
    assert "'zzz'" in info.value.message
    assert info.value.fix == "known accounts: acme, globex, initech"
    assert [r.slug for r in sheet.select(["GLOBEX", "acme", "globex"])] == ["globex", "acme"]
    assert [r.slug for r in sheet.select(None)] == ["acme", "globex", "initech"]


def test_log_rows_go_to_their_account_with_addresses(catalogue: Catalogue) -> None:
    sheet = read(
        catalogue,
        accounts=[ACCOUNTS, ACME],
        notes=[
            ["Date", "Account", "Note", "Category"],
            ["2026-09-15", "Acme ", "Scoped", "limits"],
            [],
            ["2026-09-16", "acme", "RDS", "special deployment"],
        ],
        checklist=[LOGS["checklist"], ["acme", "Infra", "TRUE", ""]],
        state=[LOGS["state"], ["acme", '{"v": 1}']],
    )
    rec = sheet.accounts["acme"]
    assert [(n.row, n.cells["note"].value, n.cells["note"].a1) for n in rec.notes] == [
        (2, "Scoped", "Notes!C2"),
        (4, "RDS", "Notes!C4"),
    ]
    assert rec.checklist[0].cells["done"].a1 == "Checklist!C2"
    assert rec.state.a1 == "handoff_state!B2" and rec.state.recorded == AccountState()  # parsed as it is read


def test_log_rows_for_an_unknown_account(catalogue: Catalogue) -> None:
    sheet = read(
        catalogue,
        accounts=[ACCOUNTS, ACME],
        issues=[LOGS["issues"], ["acm", "A-1"], ["nobody", "N-1"], ["", "X-1"]],
    )
    messages = [p.message for p in sheet.notices]
    assert messages == [
        "the Issues tab names account 'acm', which is not in the Accounts tab; did you mean 'acme'?",
        "the Issues tab names account 'nobody', which is not in the Accounts tab",
        "a row of the Issues tab has values but no account",
    ]
    assert [str(p.location) for p in sheet.notices] == ["Issues!A2", "Issues!A3", "Issues!A4"]
    [warning] = sheet.problems_for("acme")
    assert warning.severity is Severity.WARNING and str(warning.location) == "Issues!A2"


def test_an_accounts_row_without_a_slug_is_a_notice(catalogue: Catalogue) -> None:
    sheet = read(catalogue, accounts=[ACCOUNTS, ACME, ["", "Forgot the slug"]])
    [p] = sheet.notices
    assert str(p.location) == "Accounts!A3" and "no account" in p.message
    assert sheet.problems_for("acme") == ()


def test_empty_tabs(catalogue: Catalogue) -> None:
    sheet = read(catalogue, accounts=[ACCOUNTS], notes=[], issues=[[]])
    assert dict(sheet.accounts) == {}
    assert {p.message for p in sheet.shared} == {
        "the Notes tab has no 'Account' column",
        "the Notes tab has no 'Date' column",
        "the Notes tab has no 'Category' column",
        "the Notes tab has no 'Note' column",
        "the Issues tab has no 'Account' column",
        "the Issues tab has no 'Summary' column",
        "the Issues tab has no 'Severity' column",
        "the Issues tab has no 'Status' column",
    }
