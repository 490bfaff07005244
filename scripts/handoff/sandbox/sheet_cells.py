"""Cell values for the Sheets emulator: how input is stored and how it is rendered back.

A stored cell is `None` (empty), a plain JSON value (`str`, `int`, `float`, `bool`), or a
dict `{"v": value, "s": displayed text, "f": formula, "t": "date"}` when what is shown
differs from the value. Input follows the API's `ValueInputOption`:

* `RAW`: strings are stored as typed (`"=1+1"` stays text, `"42"` stays a string), JSON
  numbers and booleans as themselves;
* `USER_ENTERED`: as if typed into the UI: `=…` becomes a formula (simple arithmetic is
  computed, anything else displays its own text), numbers, percentages, `TRUE`/`FALSE` and
  ISO / US dates are recognised, a leading `'` forces text.

In both, `""` empties a cell and JSON `null` leaves it unchanged (the API skips nulls).
Rendering follows `ValueRenderOption` (FORMATTED_VALUE / UNFORMATTED_VALUE / FORMULA) and
`DateTimeRenderOption` (SERIAL_NUMBER / FORMATTED_STRING).

The spreadsheet's locale (`properties.locale`; `LOCALES`) decides how typed text is read and
how a number is shown: en_US reads 1/2/2026 as January 2 and shows 3.5; en_GB reads it as
1 February; de_DE reads `1.234,5` as 1234.5 and `2.1.2026` as 2 January, and shows 3,5; fr_FR
groups with a narrow no-break space. FORMATTED_VALUE shows a typed number or date as typed
(its format follows the input, as in Sheets) and any other number in the locale's automatic
format; UNFORMATTED_VALUE gives numbers and date serials whatever the locale.
"""

from __future__ import annotations

import ast
import datetime as dt
import operator
import re
from dataclasses import dataclass
from typing import Any

SKIP = object()  # input null: leave the cell as it is

FORMATTED = "FORMATTED_VALUE"
UNFORMATTED = "UNFORMATTED_VALUE"
FORMULA = "FORMULA"
RENDER_OPTIONS = (FORMATTED, UNFORMATTED, FORMULA)
INPUT_OPTIONS = ("RAW", "USER_ENTERED")

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass(frozen=True)
class Locale:
    """How a spreadsheet locale writes numbers and dates."""

    decimal: str
    group: str
    day_first: bool
    date_sep: str

    def number(self) -> re.Pattern[str]:
        d = re.escape(self.decimal)
        return re.compile(rf"[-+]?(\d+{d}?\d*|{d}\d+)([eE][-+]?\d+)?")

    def grouped(self) -> re.Pattern[str]:
        return re.compile(rf"[-+]?\d{{1,3}}({re.escape(self.group)}\d{{3}})+({re.escape(self.decimal)}\d+)?")

    def percent(self) -> re.Pattern[str]:
        d = re.escape(self.decimal)
        return re.compile(rf"([-+]?(\d+{d}?\d*|{d}\d+))%")

    def date(self) -> re.Pattern[str]:
        sep = re.escape(self.date_sep)
        return re.compile(rf"(\d{{1,2}}){sep}(\d{{1,2}}){sep}(\d{{4}})")

    def to_float(self, text: str) -> float:
        return float(text.replace(self.group, "").replace(self.decimal, "."))


LOCALES = {
    "en_US": Locale(".", ",", False, "/"),
    "en_GB": Locale(".", ",", True, "/"),
    "de_DE": Locale(",", ".", True, "."),
    "fr_FR": Locale(",", "\u202f", True, "/"),
}
DEFAULT_LOCALE = "en_US"


def locale_of(name: str | None) -> Locale:
    """The rules of a locale name (unknown or None: en_US, which the seed loader checks first)."""
    return LOCALES.get(name or DEFAULT_LOCALE, LOCALES[DEFAULT_LOCALE])


_EPOCH = dt.date(1899, 12, 30)  # day 0 of Sheets' serial dates
_OPS: dict[type, Any] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}


def parse_input(value: Any, option: str, locale: str | None = None) -> Any:
    """The stored cell for one input value (`SKIP` for a JSON null)."""
    if value is None:
        return SKIP
    if isinstance(value, int | float):  # bool is an int
        return normalize_number(value)
    if isinstance(value, dict | list):
        raise ValueError("Invalid values: a cell value must be a string, number or boolean")
    text = str(value)
    if text == "":
        return None
    return text if option == "RAW" else parse_typed(text, locale)


def parse_typed(text: str, locale: str | None = None) -> Any:
    """What the Sheets UI makes of `text` typed into a cell of a spreadsheet in `locale`."""
    if text.startswith("'"):
        return text[1:] or None
    if text.startswith("=") and len(text) > 1:
        return {"f": text, "v": _evaluate(text[1:], text)}
    stripped = text.strip()
    if stripped.upper() in ("TRUE", "FALSE"):
        return stripped.upper() == "TRUE"
    loc = locale_of(locale)
    return _typed_number(stripped, loc) or _typed_date(stripped, loc) or text


def _typed_number(stripped: str, loc: Locale) -> Any:
    if loc.number().fullmatch(stripped):
        value = normalize_number(loc.to_float(stripped))
        return value if loc.decimal == "." else {"v": value, "s": stripped}
    if loc.grouped().fullmatch(stripped):
        return {"v": normalize_number(loc.to_float(stripped)), "s": stripped}
    m = loc.percent().fullmatch(stripped)
    if m:
        return {"v": normalize_number(loc.to_float(m.group(1)) / 100), "s": stripped}
    return None


def _typed_date(text: str, loc: Locale) -> Any:
    iso, local = _ISO_DATE.fullmatch(text), loc.date().fullmatch(text)
    try:
        if iso:
            day = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        elif local:
            first, second = int(local[1]), int(local[2])
            month, mday = (second, first) if loc.day_first else (first, second)
            day = dt.date(int(local[3]), month, mday)
        else:
            return None
    except ValueError:
        return None
    return {"v": (day - _EPOCH).days, "s": text, "t": "date"}


def _evaluate(expr: str, text: str) -> Any:
    """Plain arithmetic (`=4/2` → 2); any other formula shows its own text."""
    try:
        return normalize_number(_eval_node(ast.parse(expr, mode="eval").body))
    except (SyntaxError, ValueError, TypeError, ZeroDivisionError, OverflowError, RecursionError):
        return text


def _eval_node(node: ast.AST) -> float:
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    ):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return float(_OPS[type(node.op)](_eval_node(node.left), _eval_node(node.right)))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return float(_OPS[type(node.op)](_eval_node(node.operand)))
    raise ValueError("not arithmetic")


def normalize_number(value: Any) -> Any:
    """2.0 → 2 (the API prints integral numbers without a fraction); bools and others unchanged."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def format_number(value: float) -> str:
    """A number in the sheet's default ("automatic") format: 53, 0.12, 1.5, 1E+20."""
    value = normalize_number(value)
    if isinstance(value, int):
        return str(value)
    text = format(value, ".15g")
    return text.upper().replace("E+0", "E+").replace("E-0", "E-")


def render(
    cell: Any, option: str = FORMATTED, date_option: str = "SERIAL_NUMBER", locale: str | None = None
) -> Any:
    """A stored cell as the API returns it for the given render options (`""` when empty)."""
    if cell is None:
        return ""
    if isinstance(cell, dict):
        if option == FORMULA and "f" in cell:
            return cell["f"]
        if option == FORMATTED or (cell.get("t") == "date" and date_option == "FORMATTED_STRING"):
            return cell["s"] if "s" in cell else _formatted(cell["v"], locale)
        return cell["v"]
    return _formatted(cell, locale) if option == FORMATTED else cell


def _formatted(value: Any, locale: str | None = None) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return format_number(value).replace(".", locale_of(locale).decimal)
    return str(value)


def display(cell: Any, locale: str | None = None) -> str:
    """What a person sees in the cell (the browse pages use this)."""
    return str(render(cell, FORMATTED, locale=locale))
