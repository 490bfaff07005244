"""The sandbox's Sheets grid is as strict as the real one: updates stop at the sheet's edge, appends grow it.

Real Sheets answers a `values.update` / `values.batchUpdate` past a tab's last row or column with
400 "Range (…) exceeds grid limits. Max rows: N, max columns: M"; only `values.append` (and the
`appendCells` request) adds rows. Tab titles that read as cell references (Q4, CO2, FY26, Log1)
are cells unless quoted. Evidence: docs/CONTRACTS.md, "Sheets grid and A1".
"""

from __future__ import annotations

from typing import Any

import gspread
import pytest
from gspread.exceptions import APIError

from handoff.sandbox.server import RunningSandbox
from handoff.sandbox.sheets_api import DRIVE_FILES

SID = "1HndffSandboxTrackingSheet0000000000000000"
RAW: dict[str, Any] = {"valueInputOption": "RAW"}


def _version(sandbox: RunningSandbox) -> int:
    entry = sandbox.store.get(DRIVE_FILES, SID)
    assert entry is not None
    return int(entry["version"])


def _error(call: Any) -> dict[str, Any]:
    with pytest.raises(APIError) as err:
        call()
    return dict(err.value.error)


def test_an_update_past_the_last_row_or_column_is_refused_and_writes_nothing(
    gc: gspread.Client, sandbox: RunningSandbox
) -> None:
    sh = gc.open_by_key(SID)
    version = _version(sandbox)
    below = _error(lambda: sh.values_update("Accounts!A1001", params=RAW, body={"values": [["x"]]}))
    assert below == {
        "code": 400,
        "message": "Range (Accounts!A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
        "status": "INVALID_ARGUMENT",
    }
    right = _error(lambda: sh.values_update("'Handoff Log'!Z2", params=RAW, body={"values": [["a", "b"]]}))
    assert right["message"] == (
        "Range ('Handoff Log'!Z2:AA2) exceeds grid limits. Max rows: 1000, max columns: 26"
    )
    closed = _error(lambda: sh.values_update("Accounts!A999:A1002", params=RAW, body={"values": [["x"]]}))
    assert "exceeds grid limits. Max rows: 1000" in closed["message"]
    ws = sh.worksheet("Accounts")
    assert (ws.row_count, ws.col_count) == (1000, 26)
    assert _version(sandbox) == version


def test_a_batch_update_with_one_range_past_the_grid_writes_none_of_them(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    body = {
        "valueInputOption": "RAW",
        "data": [
            {"range": "Notes!A5", "values": [["kept out"]]},
            {"range": "'Handoff Log'!A1001:F1001", "values": [["t", "me", "acme", "apply", "ok", ""]]},
        ],
    }
    err = _error(lambda: sh.values_batch_update(body))
    assert err["message"] == (
        "Range ('Handoff Log'!A1001:F1001) exceeds grid limits. Max rows: 1000, max columns: 26"
    )
    assert "values" not in sh.values_get("Notes!A5")


def _fill(sh: gspread.Spreadsheet, title: str, rows: int) -> None:
    values = [[f"r{i}", "x"] for i in range(2, rows + 1)]
    sh.values_update(f"'{title}'!A2", params=RAW, body={"values": values})


def test_append_to_a_full_tab_grows_it(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    _fill(sh, "Handoff Log", 1000)
    out = sh.values_append("'Handoff Log'!A1:F", params=RAW, body={"values": [["new", "row"]]})
    assert out["tableRange"] == "'Handoff Log'!A1:F1000"
    assert out["updates"]["updatedRange"] == "'Handoff Log'!A1001:B1001"
    assert sh.worksheet("Handoff Log").row_count == 1001
    assert sh.values_get("'Handoff Log'!A1001:B1001")["values"] == [["new", "row"]]


def _batch(sh: gspread.Spreadsheet, *requests: dict[str, Any]) -> Any:
    return sh.batch_update({"requests": list(requests)})


def _strings(*row: str) -> dict[str, Any]:
    return {"values": [{"userEnteredValue": {"stringValue": v}} for v in row]}


def test_append_cells_goes_after_the_last_row_with_data_and_grows_the_grid(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    log = sh.worksheet("Handoff Log")
    _fill(sh, "Handoff Log", 1000)
    reply = _batch(
        sh,
        {"appendCells": {"sheetId": log.id, "rows": [_strings("=1+1", "a"), _strings("b")], "fields": "*"}},
    )
    assert reply["replies"] == [{}]
    assert sh.worksheet("Handoff Log").row_count == 1002
    got = sh.values_get("'Handoff Log'!A1001:B1002", params={"valueRenderOption": "FORMULA"})
    assert got["values"] == [["=1+1", "a"], ["b"]]  # a stringValue is text, never a formula


def test_update_cells_writes_in_place_and_stops_at_the_edge(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    notes = sh.worksheet("Notes")
    cell = {"sheetId": notes.id, "rowIndex": 1, "columnIndex": 1}
    number = {"values": [{"userEnteredValue": {"numberValue": 7}}, {}]}
    _batch(sh, {"updateCells": {"start": cell, "rows": [number], "fields": "userEnteredValue"}})
    assert sh.values_get("Notes!B2:C2", params={"valueRenderOption": "UNFORMATTED_VALUE"})["values"] == [[7]]
    past = {"sheetId": notes.id, "rowIndex": 0, "columnIndex": 26}
    err = _error(
        lambda: _batch(
            sh,
            {"updateCells": {"start": cell, "rows": [_strings("first")], "fields": "userEnteredValue"}},
            {"updateCells": {"start": past, "rows": [_strings("x")], "fields": "userEnteredValue"}},
        )
    )
    assert err["code"] == 400 and "exceeds grid limits. Max rows: 1000, max columns: 26" in err["message"]
    assert sh.values_get("Notes!B2")["values"] == [["7"]]  # the batch is atomic
    grown = {"appendDimension": {"sheetId": notes.id, "dimension": "COLUMNS", "length": 1}}
    _batch(sh, grown, {"updateCells": {"start": past, "rows": [_strings("x")], "fields": "userEnteredValue"}})
    assert sh.values_get("Notes!AA1")["values"] == [["x"]]


def test_a_tab_titled_like_a_cell_is_a_cell_unless_quoted(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    for title in ("Q4", "CO2", "FY26", "Log1"):
        sh.add_worksheet(title, rows=10, cols=5)
        sh.values_update(f"'{title}'!A1", params=RAW, body={"values": [["in the tab"]]})
        assert sh.values_get(f"'{title}'!A1") == {
            "range": f"'{title}'!A1",
            "majorDimension": "ROWS",
            "values": [["in the tab"]],
        }
    assert sh.values_get("Q4") == {"range": "Accounts!Q4", "majorDimension": "ROWS"}  # the first tab's cell
    for title in ("CO2", "FY26", "Log1"):  # columns CO, FY, LOG: past the first tab's 26 columns
        message = _error(lambda t=title: sh.values_get(t))["message"]
        assert (
            message
            == f"Range (Accounts!{title.upper()}) exceeds grid limits. Max rows: 1000, max columns: 26"
        )
