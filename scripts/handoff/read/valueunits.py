"""The unit a label table's value column names in its header (`Metric | Value (GB)`, `Item | Size
[MB]`, `Parameter | GB`), given to the bare figures under it: a human reads `Largest repository | 4.2`
under `Value (GB)` as 4.2 GB, not 4.2 of the field's own unit. A cell with its own unit, or a row whose
label names one (`Disk (TB) | 1.5`), keeps its own.

The same for a label naming its unit over a value that opens with a bare figure and goes on with a
remark (`Disk space (GB) | 2,048 (data disk …; the 128 GB OS disk is not counted)`): the figure is
the label's, in its unit; the remark's figures are asides (`opening_figure`).
"""

from __future__ import annotations

import re

_UNIT = r"(TiB|GiB|MiB|TB|GB|MB)"
_NAMED = re.compile(
    rf"[(\[]\s*(?:in\s+)?{_UNIT}\s*[)\]]|^\s*{_UNIT}\s*$|(?:\bin|,)\s+{_UNIT}\s*$", re.IGNORECASE
)  # `Value (GB)`, `Size [MB]`, `GB`, `Size in GB`, `Value, TiB`
_LABEL_UNIT = re.compile(rf"(?<![A-Za-z]){_UNIT}(?![A-Za-z])", re.IGNORECASE)
_BARE = re.compile(r"\s*(?:[~≈]\s*)?\d[\d,.]*\s*")


def header_units(header: list[str]) -> dict[int, str]:
    """Column → the unit a header row names for the value columns (not the label column): empty when
    the row is no header (a figure in it) or names no unit."""
    if any(re.search(r"\d", h) for h in header):
        return {}
    units: dict[int, str] = {}
    for j, h in enumerate(header[1:], 1):
        m = _NAMED.search(h)
        if m:
            units[j] = next(g for g in m.groups() if g)
    return units


def with_unit(cell: str, unit: str | None, label: str, counted: bool = False) -> str:
    """The cell with the column's unit when it is a bare figure and its row's label names none nor
    a count (`counted`: `Repositories | 1,900` under `Figure (MB)` is no size)."""
    if not unit or counted or not _BARE.fullmatch(cell) or _LABEL_UNIT.search(label):
        return cell
    return f"{cell.strip()} {unit}"


_OPENING = re.compile(
    r"\s*((?:[~≈]\s*)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d,.]*\d)\s*(?=[(;–—]|,\s|\s-\s)"
)  # (a comma grouping thousands is no remark's: `2,400`)


def opening_figure(value: str, unit: str) -> str:
    """`value` with `unit` after the bare figure it opens with before a remark (`2,048 (data disk …)`
    → `2,048 GB (data disk …)`); the value itself when it opens otherwise."""
    m = _OPENING.match(value)
    if m is None:
        return value
    return f"{m.group(1)} {unit} {value[m.end() :]}"
