"""A worksheet pasted from a spreadsheet: a table whose cells hold labels, inputs, formulas and
their results, read as the table it stands for.

A careful reader of `Row | Input | Value | Formula | Result` with a row `7 | vCPU total | | =C3*C5
| 48` reads "vCPU total: 48": the row numbers and the formulas are the sheet's working, a row's
value is its result (its input where no formula fills it), and a column projecting the figures
(`Growth`, `FY27 forecast`) holds no current value. So, in a table with a column of spreadsheet
formulas (`=C3*C5`, `=SUM(F12:F14)`, `=B2*1,35`: every filled cell of it one):

- the formula column, a first column numbering the rows (`3, 4, 5`: the sheet's row numbers) and
  the columns whose header names growth or a plan are left out;
- the column right after the formulas holds their results: with the input columns between the
  labels and the formulas it becomes one value column, each row's result, else its last input;
- unless a formula adds up a range of rows (`=SUM(F12:F14)`): then the rows are parts, each result
  the row's subtotal (`Volume | Count | Size each | Result (GB)`), and the result column is read
  as the subtotal column it is, whose total row is the amount's total.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from handoff.read.doctext import Text
from handoff.read.edits import current
from handoff.read.limitwords import is_growth, is_planned

# a spreadsheet formula: `=` then a cell reference, a function, or a number with an operator
_FORMULA = re.compile(r"=(?:\$?[A-Z]{1,3}\$?\d+|[A-Z][A-Z.]+\(|[\d.,]+[*/+^-])\S*")
_ROW_NUMBER = re.compile(r"\s*(\d{1,5})\s*(?:\([^()]*\))?\s*")
_RANGE = re.compile(r"\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+")  # `F12:F14`: a sum over rows
_UNIT = re.compile(r"\([^()]*\)")


def _formula_column(rows: list[list[Text]]) -> int | None:
    for j in range(len(rows[0])):
        cells = [r[j].text.strip() for r in rows[1:] if r[j].text.strip()]
        if cells and all(_FORMULA.fullmatch(c.replace(" ", "")) for c in cells):
            return j
    return None


def _numbers_rows(rows: list[list[Text]]) -> bool:
    """A first column numbering the rows: each body cell one more than the one above."""
    found = [_ROW_NUMBER.fullmatch(current(r[0].text)) for r in rows[1:]]  # ("22 (was 16)": a draft's)
    if len(found) < 2 or not all(found):
        return False
    numbers = [int(m.group(1)) for m in found if m]
    return all(b == a + 1 for a, b in itertools.pairwise(numbers))


def reshape(
    grid: list[list[dict[str, Any]]], rows: list[list[Text]]
) -> tuple[list[list[dict[str, Any]]], list[list[Text]]] | None:
    """The worksheet's cells as the table it stands for (`grid`: the cells, `rows`: their texts),
    or None when the table is no worksheet."""
    if len(rows) < 3 or len(rows[0]) < 3 or len({len(r) for r in rows}) != 1:
        return None
    formula = _formula_column(rows)
    if formula is None:
        return None
    header = [c.text for c in rows[0]]
    first = 1 if _numbers_rows(rows) else 0
    dropped = {formula} | {j for j, h in enumerate(header) if j > first and (is_growth(h) or is_planned(h))}
    result = formula + 1 if formula + 1 < len(header) and formula + 1 not in dropped else None
    inputs = [j for j in range(first + 1, formula) if j not in dropped]
    after = [j for j in range(formula + 1, len(header)) if j not in dropped and j != result]
    parts = result is not None and any(_RANGE.search(r[formula].text) for r in rows[2:])
    if result is None or parts:
        columns = [
            [first],
            *([j] for j in inputs),
            *([[result]] if result is not None else []),
            *([j] for j in after),
        ]
    else:
        columns = [[first], [result, *reversed(inputs)], *([j] for j in after)]
    if len(columns) < 2:
        return None
    out_grid: list[list[dict[str, Any]]] = []
    out_rows: list[list[Text]] = []
    for g, r in zip(grid, rows, strict=True):
        picks = [next((j for j in sources if r[j].text.strip()), sources[0]) for sources in columns]
        out_grid.append([g[j] for j in picks])
        out_rows.append([r[j] for j in picks])
    if parts and result is not None:  # `Result (GB)` over parts and their total: their subtotals
        unit = _UNIT.search(header[result])
        at = len(inputs) + 1
        out_rows[0][at] = Text(f"Subtotal {unit.group(0)}" if unit else "Subtotal", [], rows[0][result].bold)
    return out_grid, out_rows
