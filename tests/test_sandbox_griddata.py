"""The sandbox's `spreadsheets.get?ranges=…` with grid data, through the real gspread client."""

from __future__ import annotations

import gspread
import pytest

from workspace import SHEET_ID as SID

FIELDS = (
    "sheets(properties(sheetId,title),"
    "data(startRow,startColumn,rowData(values(formattedValue,dataValidation))))"
)
DROPDOWN = {
    "condition": {"type": "ONE_OF_LIST", "values": [{"userEnteredValue": "limits"}]},
    "showCustomUi": True,
}


def test_ranges_limit_the_sheets_and_grid_data_carries_values_and_rules(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    notes = sh.worksheet("Notes").id
    sh.batch_update(
        {
            "requests": [
                {
                    "setDataValidation": {
                        "range": {
                            "sheetId": notes,
                            "startRowIndex": 1,
                            "startColumnIndex": 2,
                            "endColumnIndex": 3,
                        },
                        "rule": DROPDOWN,
                    }
                }
            ]
        }
    )

    meta = sh.fetch_sheet_metadata(params={"ranges": ["Notes!1:3", "'Handoff Log'!B1:C2"], "fields": FIELDS})

    assert [s["properties"]["title"] for s in meta["sheets"]] == ["Notes", "Handoff Log"]
    rows = meta["sheets"][0]["data"][0]["rowData"]
    assert [c["formattedValue"] for c in rows[0]["values"]] == [
        "Account",
        "Date",
        "Category",
        "Note",
        "Author",
    ]
    assert "dataValidation" not in rows[0]["values"][2]  # the rule starts below the header
    assert rows[1]["values"][2] == {
        "userEnteredValue": {"stringValue": "limits"},
        "effectiveValue": {"stringValue": "limits"},
        "formattedValue": "limits",
        "dataValidation": DROPDOWN,
    }
    assert rows[2] == {"values": [{}, {}, {"dataValidation": DROPDOWN}]}  # an empty row, ruled cell only
    log = meta["sheets"][1]["data"][0]
    assert log["startColumn"] == 1 and "startRow" not in log  # zero starts are left out, as proto3 JSON does
    assert [c["formattedValue"] for c in log["rowData"][0]["values"]] == ["Who", "Account"]


def test_ranges_without_grid_data_give_properties_only(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    meta = sh.fetch_sheet_metadata(params={"ranges": ["Accounts!A1"], "includeGridData": "false"})
    assert [s["properties"]["title"] for s in meta["sheets"]] == ["Accounts"]
    assert "data" not in meta["sheets"][0]
    with_data = sh.fetch_sheet_metadata(params={"ranges": ["Accounts!A1"], "includeGridData": "true"})
    assert with_data["sheets"][0]["data"][0]["rowData"][0]["values"][0]["formattedValue"] == "Account"


def test_a_range_on_a_missing_tab_is_refused(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    with pytest.raises(gspread.exceptions.APIError) as err:
        sh.fetch_sheet_metadata(params={"ranges": ["Nope!1:2"], "fields": FIELDS})
    assert err.value.code == 400
