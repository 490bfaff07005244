"""The sandbox's Sheets follows the spreadsheet's locale, as real Sheets does.

FORMATTED_VALUE (the default render option) shows typed numbers and dates as typed and other
numbers in the locale's automatic format; UNFORMATTED_VALUE gives typed values (numbers, date
serials) whatever the locale; `properties.locale` says which. The seed's `"locale"` sets it.
Evidence: docs/CONTRACTS.md, "Locale".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from handoff.sandbox.server import SeedError, start

SID = "1LocaleSheet"
UNFORMATTED = {"valueRenderOption": "UNFORMATTED_VALUE"}


def _seed(root: Path, locale: str | None, rows: list[str]) -> Path:
    (root / "sheet").mkdir(parents=True)
    spec: dict[str, Any] = {
        "id": SID,
        "title": "Locale",
        "tabs": [{"title": "Data", "file": "sheet/Data.csv"}],
    }
    if locale:
        spec["locale"] = locale
    (root / "spreadsheet.json").write_text(json.dumps(spec), encoding="utf-8")
    (root / "sheet" / "Data.csv").write_text(
        "Value\n" + "\n".join(f'"{r}"' for r in rows) + "\n", encoding="utf-8"
    )
    return root


def _read(tmp_path: Path, locale: str | None, rows: list[str]) -> tuple[dict[str, Any], list[Any], list[Any]]:
    """(spreadsheet properties, the values shown, the typed values) of column A below the header."""
    sandbox = start(tmp_path / "state", _seed(tmp_path / "seed", locale, rows))
    try:
        with httpx.Client(base_url=sandbox.url) as http:
            props = http.get(f"/v4/spreadsheets/{SID}").json()["properties"]
            shown = http.get(f"/v4/spreadsheets/{SID}/values/'Data'!A2:A").json()["values"]
            typed = http.get(f"/v4/spreadsheets/{SID}/values/'Data'!A2:A", params=UNFORMATTED).json()[
                "values"
            ]
            return props, [r[0] for r in shown], [r[0] for r in typed]
    finally:
        sandbox.stop()


def test_en_gb_reads_day_first_and_gives_the_serial(tmp_path: Path) -> None:
    props, shown, typed = _read(tmp_path, "en_GB", ["01/02/2026", "3.5", "1,234"])
    assert props["locale"] == "en_GB"
    assert shown == ["01/02/2026", "3.5", "1,234"]
    assert typed == [46054, 3.5, 1234]  # 1 February 2026, not January 2


def test_en_us_reads_month_first(tmp_path: Path) -> None:
    props, _, typed = _read(tmp_path, None, ["01/02/2026"])
    assert props["locale"] == "en_US"
    assert typed == [46024]  # January 2, 2026


def test_de_de_uses_the_decimal_comma_both_ways(tmp_path: Path) -> None:
    props, shown, typed = _read(tmp_path, "de_DE", ["1.234,5", "3,5", "2.1.2026", "3.5"])
    assert props["locale"] == "de_DE"
    assert shown == ["1.234,5", "3,5", "2.1.2026", "3.5"]
    assert typed == [1234.5, 3.5, 46024, "3.5"]  # "3.5" is no number in German


def test_a_number_written_by_the_api_is_shown_in_the_locale(tmp_path: Path) -> None:
    sandbox = start(tmp_path / "state", _seed(tmp_path / "seed", "fr_FR", ["x"]))
    try:
        with httpx.Client(base_url=sandbox.url) as http:
            r = http.put(
                f"/v4/spreadsheets/{SID}/values/'Data'!B2",
                params={"valueInputOption": "RAW"},
                json={"values": [[2.25]]},
            )
            assert r.status_code == 200, r.text
            assert http.get(f"/v4/spreadsheets/{SID}/values/'Data'!B2").json()["values"] == [["2,25"]]
            cells = http.get(
                f"/v4/spreadsheets/{SID}", params={"ranges": "'Data'!B2", "includeGridData": "true"}
            ).json()["sheets"][0]["data"][0]["rowData"][0]["values"][0]
            assert cells["formattedValue"] == "2,25" and cells["effectiveValue"] == {"numberValue": 2.25}
    finally:
        sandbox.stop()


def test_an_unknown_locale_in_the_seed_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="'locale' must be one of en_US, en_GB, de_DE, fr_FR, not 'xx_XX'"):
        start(tmp_path / "state", _seed(tmp_path / "seed", "xx_XX", []))
