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
"""

from __future__ import annotations

import ast
import datetime as dt
import operator
import re
from typing import Any

SKIP = object()  # input null: leave the cell as it is

FORMATTED = "FORMATTED_VALUE"
UNFORMATTED = "UNFORMATTED_VALUE"
FORMULA = "FORMULA"
RENDER_OPTIONS = (FORMATTED, UNFORMATTED, FORMULA)
INPUT_OPTIONS = ("RAW", "USER_ENTERED")

_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_GROUPED = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")
_PERCENT = re.compile(r"([-+]?(\d+\.?\d*|\.\d+))%")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
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


def parse_input(value: Any, option: str) -> Any:
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
    return text if option == "RAW" else parse_typed(text)


def parse_typed(text: str) -> Any:
    """What the Sheets UI makes of `text` typed into a cell."""
    if text.startswith("'"):
        return text[1:] or None
    if text.startswith("=") and len(text) > 1:
        return {"f": text, "v": _evaluate(text[1:], text)}
    stripped = text.strip()
    if stripped.upper() in ("TRUE", "FALSE"):
        return stripped.upper() == "TRUE"
    return _typed_number(stripped, text) or _typed_date(stripped) or text


def _typed_number(stripped: str, text: str) -> Any:
    if _NUMBER.fullmatch(stripped):
        return normalize_number(float(stripped))
    if _GROUPED.fullmatch(stripped):
        return {"v": normalize_number(float(stripped.replace(",", ""))), "s": stripped}
    m = _PERCENT.fullmatch(stripped)
    if m:
        return {"v": normalize_number(float(m.group(1)) / 100), "s": stripped}
    return None


def _typed_date(text: str) -> Any:
    iso, us = _ISO_DATE.fullmatch(text), _US_DATE.fullmatch(text)
    try:
        if iso:
            day = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        elif us:
            day = dt.date(int(us[3]), int(us[1]), int(us[2]))
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


def render(cell: Any, option: str = FORMATTED, date_option: str = "SERIAL_NUMBER") -> Any:
    """A stored cell as the API returns it for the given render options (`""` when empty)."""
    if cell is None:
        return ""
    if isinstance(cell, dict):
        if option == FORMULA and "f" in cell:
            return cell["f"]
        if option == FORMATTED or (cell.get("t") == "date" and date_option == "FORMATTED_STRING"):
            return cell["s"] if "s" in cell else _formatted(cell["v"])
        return cell["v"]
    return _formatted(cell) if option == FORMATTED else cell


def _formatted(value: Any) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return format_number(value)
    return str(value)


def display(cell: Any) -> str:
    """What a person sees in the cell (the browse pages use this)."""
    return str(render(cell, FORMATTED))
