"""The sandbox's Sheets v4, driven by the real gspread and checked against real recorded responses.

The cassettes under tests/fixtures/cassettes/ are gspread's own vcrpy recordings of the real
service (MIT, see LICENSE-gspread.txt). Each Sheets request in them is replayed against the
sandbox in order; the response must equal the recorded one (ids aside), except for
`spreadsheets.get`, whose key set and value types must match.
"""

from __future__ import annotations

import json
import re
from typing import Any

import gspread
import pytest
from gspread.exceptions import APIError, SpreadsheetNotFound
from gspread.utils import ValueInputOption
from hypothesis import given, settings
from hypothesis import strategies as st

from cassettes import DRIVE_HOST, Replayer, body, cassettes, interactions, shape
from handoff.sandbox import a1
from handoff.sandbox.server import RunningSandbox
from handoff.sandbox.sheet_cells import FORMULA, UNFORMATTED, parse_input, parse_typed, render
from handoff.sandbox.sheets_api import DRIVE_FILES, SPREADSHEET_MIME
from workspace import SHEET_ID as SID

METADATA = re.compile(r"/v4/spreadsheets/[^/:?]+\?includeGridData=false$")


# -- replaying real recordings -----------------------------------------------------------------


def replay_sheets(r: Replayer, interaction: dict[str, Any]) -> None:
    """One recorded interaction: a spreadsheet create is made through Drive (its id learned); a
    Sheets request must get the recorded answer (ids aside; `spreadsheets.get` by shape)."""
    request, recorded = interaction["request"], interaction["response"]
    if request["uri"].startswith(DRIVE_HOST):
        meta = json.loads(request["body"]) if request["body"] else {}
        if request["method"] == "POST" and meta.get("mimeType") == SPREADSHEET_MIME:
            r.learn(body(recorded["body"]["string"]), r.send(request).json())
        return  # the other Drive calls are the contract test's
    if recorded["status"]["code"] == 403:
        return  # someone else's private spreadsheet: the contract test sets one up
    response = r.send(request)
    assert response.status_code == recorded["status"]["code"], (request["uri"], response.text)
    expected, ours = json.loads(recorded["body"]["string"]), response.json()
    r.learn(expected, ours)
    if METADATA.search(request["uri"]):
        assert shape(ours) == shape(expected)
    else:
        assert r.as_recorded(ours) == expected, request["uri"]


@pytest.mark.parametrize("cassette", cassettes())
def test_replaying_real_recordings_gives_the_recorded_responses(
    sandbox: RunningSandbox, cassette: str
) -> None:
    replay = Replayer(sandbox)
    for interaction in interactions(cassette):
        replay_sheets(replay, interaction)
    assert replay.ids, "the cassette created no spreadsheet"


# -- gspread against the seeded sheet ----------------------------------------------------------


def test_open_by_key_lists_tabs_with_hidden_flag_and_grid(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    tabs = {ws.title: ws for ws in sh.worksheets(exclude_hidden=False)}
    assert list(tabs) == ["Accounts", "Notes", "Handoff Log", "handoff_state"]
    assert tabs["handoff_state"].isSheetHidden and not tabs["Accounts"].isSheetHidden
    assert (tabs["Accounts"].row_count, tabs["Accounts"].col_count) == (1000, 26)
    assert sh.title == "Handoff tracking (test seed)"


def test_unknown_spreadsheet_is_not_found(gc: gspread.Client) -> None:
    with pytest.raises(SpreadsheetNotFound):
        gc.open_by_key("1NoSuchSpreadsheet")


def test_batch_get_reads_what_a_person_typed(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    got = sh.values_batch_get(["Accounts", "'Handoff Log'!A1:Z", "Notes!A:B", "Accounts!Z5"])
    accounts, log, notes, empty = got["valueRanges"]
    assert accounts["range"] == "Accounts!A1:Z1000"
    assert accounts["values"][1] == [
        "acme",
        "Acme Corp",
        "acme-ext",
        "32",
        "2026-01-15",
        "https://sourcegraph.acme.example",
    ]  # trailing empty cell trimmed
    assert accounts["values"][2] == []  # an interior blank row
    assert accounts["values"][3][0] == "globex "  # spaces kept as typed
    assert log == {
        "range": "'Handoff Log'!A1:Z1000",
        "majorDimension": "ROWS",
        "values": [["When", "Who", "Account", "Mode", "Result", "Changes"]],
    }
    assert notes["range"] == "Notes!A1:B1000" and notes["values"][1] == ["acme", "2026-02-01"]
    assert empty == {"range": "Accounts!Z5", "majorDimension": "ROWS"}


def test_render_options_unformatted_formula_and_dates(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    raw = sh.values_get("Accounts!D2:E4", params={"valueRenderOption": "UNFORMATTED_VALUE"})
    assert raw["values"] == [[32, 46037], [], [16, 46083]]  # numbers and date serials
    shown = sh.values_get(
        "Accounts!D2:E2",
        params={"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "FORMATTED_STRING"},
    )
    assert shown["values"] == [[32, "2026-01-15"]]
    cols = sh.values_get("Accounts!A1:B2", params={"majorDimension": "COLUMNS"})
    assert cols == {
        "range": "Accounts!A1:B2",
        "majorDimension": "COLUMNS",
        "values": [["Account", "acme"], ["Name", "Acme Corp"]],
    }


def test_raw_keeps_text_and_user_entered_parses_it(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    ws = sh.worksheet("Notes")
    ws.update([["=1+1", "42", 7, True]], "A3", raw=True)
    ws.update([["=1+1", "42", "'007", "TRUE"]], "A4", raw=False)
    formula = sh.values_get("Notes!A3:D4", params={"valueRenderOption": FORMULA})["values"]
    assert formula == [["=1+1", "42", 7, True], ["=1+1", 42, "007", True]]
    shown = sh.values_get("Notes!A3:D4")["values"]
    assert shown == [["=1+1", "42", "7", "TRUE"], ["2", "42", "007", "TRUE"]]


def test_update_bumps_the_drive_version(gc: gspread.Client, sandbox: RunningSandbox) -> None:
    before = sandbox.store.get(DRIVE_FILES, SID)
    assert before is not None and before["mimeType"] == SPREADSHEET_MIME and before["version"] == 1
    sh = gc.open_by_key(SID)
    result = sh.values_update(
        "Accounts!Z1000", params={"valueInputOption": "RAW"}, body={"values": [["far"]]}
    )
    assert result["updatedRange"] == "Accounts!Z1000"
    assert sh.values_get("Accounts!Z1000")["values"] == [["far"]]
    drive_entry = sandbox.store.get(DRIVE_FILES, SID)
    assert drive_entry is not None and drive_entry["version"] == 2


def test_writing_past_an_explicit_range_is_refused(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    with pytest.raises(APIError) as err:
        sh.values_update("Notes!A5:B5", params={"valueInputOption": "RAW"}, body={"values": [[1, 2, 3]]})
    assert err.value.code == 400
    assert "Requested writing within range [Notes!A5:B5], but tried writing to column [C]" in str(err.value)


def test_bad_ranges_answer_like_google(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    with pytest.raises(APIError) as err:
        sh.values_get("'Nope'!A1")
    assert err.value.error == {
        "code": 400,
        "message": "Unable to parse range: 'Nope'!A1",
        "status": "INVALID_ARGUMENT",
    }
    with pytest.raises(APIError) as err:
        sh.values_get("Accounts!A1:A2000")
    assert "exceeds grid limits. Max rows: 1000, max columns: 26" in err.value.error["message"]


def test_append_rows_after_the_table_and_insert_rows(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    ws = sh.worksheet("Handoff Log")
    first = ws.append_rows(
        [["t1", "me", "acme", "apply", "ok", "2"]], value_input_option=ValueInputOption.raw
    )
    assert first["tableRange"] == "'Handoff Log'!A1:F1"
    assert first["updates"]["updatedRange"] == "'Handoff Log'!A2:F2"
    ws.update([["below"]], "A10")
    inserted = sh.values_append(
        "'Handoff Log'!A1:F3",
        params={"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"},
        body={"values": [["t2"]]},
    )
    assert inserted["tableRange"] == "'Handoff Log'!A1:F10"
    assert inserted["updates"]["updatedRange"] == "'Handoff Log'!A11"
    assert ws.col_values(1)[-1] == "t2"
    assert sh.worksheet("Handoff Log").row_count == 1001


def test_values_batch_update_is_atomic_and_totals_like_google(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    body = {
        "valueInputOption": "RAW",
        "data": [
            {"range": "Accounts!G2", "values": [["handed off"]]},
            {"range": "'Handoff Log'!A2:B3", "values": [["a", "b"], ["c", "d"]], "majorDimension": "ROWS"},
            {"range": "Notes!E2", "values": [["x"], ["y"]], "majorDimension": "COLUMNS"},
        ],
    }
    result = sh.values_batch_update(body)
    assert {
        k: result[k]
        for k in ("totalUpdatedRows", "totalUpdatedColumns", "totalUpdatedCells", "totalUpdatedSheets")
    } == {"totalUpdatedRows": 4, "totalUpdatedColumns": 5, "totalUpdatedCells": 7, "totalUpdatedSheets": 3}
    assert [r["updatedRange"] for r in result["responses"]] == [
        "Accounts!G2",
        "'Handoff Log'!A2:B3",
        "Notes!E2:F2",
    ]
    with pytest.raises(APIError):
        sh.values_batch_update(
            {
                "valueInputOption": "RAW",
                "data": [
                    {"range": "Accounts!G2", "values": [["overwritten?"]]},
                    {"range": "Nope!A1", "values": [["x"]]},
                ],
            }
        )
    assert sh.values_get("Accounts!G2")["values"] == [["handed off"]]
    with pytest.raises(APIError, match="INPUT_VALUE_OPTION_UNSPECIFIED"):
        sh.values_batch_update({"data": [{"range": "Accounts!G2", "values": [["x"]]}]})


def test_clear_and_batch_clear(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    assert sh.values_clear("Notes!A2:E2") == {"spreadsheetId": SID, "clearedRange": "Notes!A2:E2"}
    cleared = sh.values_batch_clear(body={"ranges": ["Accounts!A3:Z", "'Handoff Log'"]})
    assert cleared["clearedRanges"] == ["Accounts!A3:Z1000", "'Handoff Log'!A1:Z1000"]
    got = sh.values_batch_get(["Notes", "Accounts", "'Handoff Log'"])["valueRanges"]
    assert len(got[0]["values"]) == 1 and len(got[1]["values"]) == 2 and "values" not in got[2]


def test_structural_batch_update_replies_in_the_real_shape(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    state_id = sh.worksheet("handoff_state").id
    replies = sh.batch_update(
        {
            "requests": [
                {
                    "addSheet": {
                        "properties": {
                            "title": "Scratch",
                            "gridProperties": {"rowCount": 10, "columnCount": 3},
                        }
                    }
                },
                {
                    "updateSheetProperties": {
                        "properties": {"sheetId": 0, "gridProperties": {"frozenRowCount": 1}},
                        "fields": "gridProperties.frozenRowCount",
                    }
                },
                {
                    "setDataValidation": {
                        "range": {
                            "sheetId": 0,
                            "startRowIndex": 1,
                            "startColumnIndex": 6,
                            "endColumnIndex": 7,
                        },
                        "rule": {
                            "condition": {"type": "ONE_OF_LIST", "values": [{"userEnteredValue": "done"}]}
                        },
                    }
                },
                {
                    "addProtectedRange": {
                        "protectedRange": {
                            "range": {"sheetId": state_id},
                            "description": "machine state",
                            "warningOnly": True,
                        }
                    }
                },
                {
                    "updateDimensionProperties": {
                        "range": {"sheetId": 0, "dimension": "COLUMNS"},
                        "properties": {"pixelSize": 200},
                        "fields": "pixelSize",
                    }
                },
                {"autoResizeDimensions": {"dimensions": {"sheetId": 0, "dimension": "COLUMNS"}}},
                {"appendDimension": {"sheetId": 0, "dimension": "ROWS", "length": 5}},
            ]
        }
    )["replies"]
    added = replies[0]["addSheet"]["properties"]
    assert set(added) == {"sheetId", "title", "index", "sheetType", "gridProperties"}
    assert added["index"] == 4 and added["gridProperties"] == {"rowCount": 10, "columnCount": 3}
    assert replies[1:3] == [{}, {}] and replies[4:] == [{}, {}, {}]
    protected = replies[3]["addProtectedRange"]["protectedRange"]
    assert protected["range"] == {"sheetId": state_id} and protected["warningOnly"] is True
    meta = sh.fetch_sheet_metadata()
    accounts = meta["sheets"][0]["properties"]
    assert accounts["gridProperties"] == {"rowCount": 1005, "columnCount": 26, "frozenRowCount": 1}
    assert meta["sheets"][3]["protectedRanges"][0]["description"] == "machine state"


def test_structural_errors(gc: gspread.Client) -> None:
    sh = gc.open_by_key(SID)
    with pytest.raises(APIError, match='A sheet with the name "notes" already exists'):
        sh.add_worksheet("notes", rows=5, cols=5)
    hide_all = [
        {"updateSheetProperties": {"properties": {"sheetId": ws.id, "hidden": True}, "fields": "hidden"}}
        for ws in sh.worksheets()
    ]
    with pytest.raises(APIError, match="You can't hide all the sheets in a document"):
        sh.batch_update({"requests": hide_all})
    with pytest.raises(APIError, match='Unknown name "frobnicate"'):
        sh.batch_update({"requests": [{"frobnicate": {}}]})
    assert not sh.worksheet("Accounts").isSheetHidden  # the failed batch changed nothing


def test_gspread_worksheet_hide_freeze_and_resize(gc: gspread.Client) -> None:
    ws = gc.open_by_key(SID).worksheet("Notes")
    ws.freeze(rows=1)
    ws.hide()
    ws.resize(rows=3)
    again = gc.open_by_key(SID).worksheet("Notes")
    assert again.isSheetHidden and again.frozen_row_count == 1 and again.row_count == 3


# -- A1 notation and cells ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sheet", "box"),
    [
        ("'Handoff Log'!A1:Z", "Handoff Log", (0, 1000, 0, 26)),
        ("'It''s'!B2", "It's", (1, 2, 1, 2)),
        ("Accounts", "Accounts", (0, 1000, 0, 26)),
        ("A2:Z", None, (1, 1000, 0, 26)),
        ("Sheet1!A:C", "Sheet1", (0, 1000, 0, 3)),
        ("2:5", None, (1, 5, 0, 26)),
        ("b3:a1", None, (0, 3, 0, 2)),
        ("A1:1", None, (0, 1, 0, 26)),
    ],
)
def test_a1_parse_and_resolve(text: str, sheet: str | None, box: tuple[int, int, int, int]) -> None:
    rng = a1.parse(text)
    resolved = a1.resolve(rng, 1000, 26)
    assert rng.sheet == sheet
    assert (resolved.row0, resolved.row1, resolved.col0, resolved.col1) == box


@pytest.mark.parametrize("text", ["'Open!A1", "Sheet1!", "Sheet1!A0", "'x'y!A1", "Sheet1!2:B", ""])
def test_a1_rejects(text: str) -> None:
    with pytest.raises(a1.A1Error):
        a1.parse(text)


@settings(deadline=None)
@given(
    title=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12),
    row0=st.integers(0, 5000),
    rows=st.integers(1, 50),
    col0=st.integers(0, 800),
    cols=st.integers(1, 30),
)
def test_a1_labels_round_trip(title: str, row0: int, rows: int, col0: int, cols: int) -> None:
    box = a1.GridBox(row0, row0 + rows, col0, col0 + cols)
    parsed = a1.parse(a1.box_label(title, box))
    assert parsed.sheet == title
    back = a1.resolve(parsed, 10_000, 1_000)
    assert (back.row0, back.row1, back.col0, back.col1) == (box.row0, box.row1, box.col0, box.col1)


@settings(deadline=None)
@given(st.integers(0, 20_000))
def test_column_letters_round_trip(index: int) -> None:
    assert a1.col_index(a1.col_letters(index)) == index


def test_quoting_only_when_needed() -> None:
    assert [a1.quote_title(t) for t in ("Sheet1", "handoff_state", "Handoff Log", "A1", "🌵 x", "It's")] == [
        "Sheet1",
        "handoff_state",
        "'Handoff Log'",
        "'A1'",
        "'🌵 x'",
        "'It''s'",
    ]


@pytest.mark.parametrize(
    ("typed", "unformatted", "formatted"),
    [
        ("42", 42, "42"),
        ("3.50", 3.5, "3.5"),
        ("1,234", 1234, "1,234"),
        ("50%", 0.5, "50%"),
        ("2020-01-01", 43831, "2020-01-01"),
        ("true", True, "TRUE"),
        ("=4/2", 2, "2"),
        ("=VLOOKUP(A1)", "=VLOOKUP(A1)", "=VLOOKUP(A1)"),
        ("'=not a formula", "=not a formula", "=not a formula"),
        ("v1.2.3", "v1.2.3", "v1.2.3"),
    ],
)
def test_user_entered_values(typed: str, unformatted: Any, formatted: str) -> None:
    cell = parse_typed(typed)
    assert render(cell, UNFORMATTED) == unformatted
    assert render(cell) == formatted


def test_raw_values_and_nulls() -> None:
    assert parse_input("=1+1", "RAW") == "=1+1"
    assert parse_input("", "RAW") is None
    assert render(parse_input(2.0, "RAW"), UNFORMATTED) == 2
    with pytest.raises(ValueError):
        parse_input({"a": 1}, "RAW")
