"""Terminal output: one rich Console for stdout, one for stderr, the error printer, and tables
that never split a word.

**Words stay whole.** A URL or an email cut in two cannot be clicked or copied, so no output
splits one, piped or on a terminal, narrow or wide. Plain lines are printed with soft wrap
(rich never folds them; a terminal wraps them visually and copies them whole). Tables go
through `print_table`, which gives every column at least its longest word (and its longest
whole cell for a `no_wrap` column); when the columns cannot all get that much room, the table
is printed as a list instead: the row's first cell on a line, then `  header: cell` per
other cell, each line as long as it needs to be.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.measure import Measurement
from rich.text import Text

from handoff.core.redact import mask

if TYPE_CHECKING:
    from rich.table import Table

    from handoff.core.errors import HandoffError


def console() -> Console:
    return Console(highlight=False, soft_wrap=True)


@functools.cache
def error_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_error(exc: HandoffError) -> None:
    err = error_console()
    err.print(f"[bold red]error:[/] {escape(mask(exc.message))}")
    if exc.fix:
        err.print(f"  [bold]fix:[/] {escape(mask(exc.fix))}")


def column_widths(console: Console, table: Table) -> list[tuple[int, int]]:
    """(least, most) content width of each column: its longest word (its longest cell when the
    column does not wrap), and its longest line."""
    wide = console.options.update_width(10_000)
    ranges = []
    for column in table.columns:
        cells = [column.header, *column.cells] if table.show_header else list(column.cells)
        sizes = [Measurement.get(console, wide, cell) for cell in cells]
        most = max((m.maximum for m in sizes), default=1)
        least = most if column.no_wrap else max((m.minimum for m in sizes), default=1)
        ranges.append((least, most))
    return ranges


def _overhead(table: Table) -> int:
    """Padding and borders around the cells, as rich lays them out."""
    _, right, _, left = table.padding
    n = len(table.columns)
    padding = n * (left + right) - (0 if table.pad_edge else left + right)
    borders = ((2 if table.show_edge else 0) + n - 1) if table.box else 0
    return padding + borders


def fit_widths(
    ranges: list[tuple[int, int]], room: int, weights: list[int] | None = None
) -> list[int] | None:
    """Column widths within `room` that give each column at least its least; None if none do.
    The room is shared by weight (the column's ratio, default 1), as rich does, except that a
    column never gets less than its least or more than it can use; the rest goes to the others."""
    if sum(lo for lo, _ in ranges) > room:
        return None
    weights = weights or [1] * len(ranges)
    fixed: dict[int, int] = {i: lo for i, (lo, hi) in enumerate(ranges) if lo == hi}
    while True:
        free = [i for i in range(len(ranges)) if i not in fixed]
        if not free:
            return [fixed[i] for i in range(len(ranges))]
        avail = room - sum(fixed.values())
        total = sum(weights[i] for i in free)
        target = {i: avail * weights[i] / total for i in free}
        over = {i: ranges[i][1] for i in free if target[i] >= ranges[i][1]}
        under = {i: ranges[i][0] for i in free if target[i] <= ranges[i][0]}
        if over or under:
            fixed |= over or under
            continue
        widths = {i: int(target[i]) for i in free}
        for i in free[: avail - sum(widths.values())]:
            widths[i] += 1
        return [fixed.get(i, widths.get(i, 0)) for i in range(len(ranges))]


def print_table(console: Console, table: Table) -> None:
    """Print `table` without splitting a word: as a table when every column's longest word fits
    the console's width, as a list otherwise."""
    weights = [column.ratio or 1 for column in table.columns]
    widths = fit_widths(column_widths(console, table), console.width - _overhead(table), weights)
    if widths is None:
        _print_as_list(console, table)
        return
    table.expand = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width, column.ratio = width, None
    console.print(table)


def _print_as_list(console: Console, table: Table) -> None:
    columns = table.columns
    rows = zip(*(list(c.cells) for c in columns), strict=True)
    if table.title:
        console.print(_text(console, table.title), soft_wrap=True)
    for row in rows:
        head = _text(console, row[0])
        head.stylize("bold")
        console.print(head, soft_wrap=True)
        for column, cell in zip(columns[1:], row[1:], strict=True):
            text = _text(console, cell)
            if not text.plain.strip():
                continue
            line = Text(f"  {_text(console, column.header).plain}: ", style="dim")
            line.append_text(text)
            console.print(line, soft_wrap=True)


def _text(console: Console, cell: object) -> Text:
    if isinstance(cell, Text):
        return cell.copy()
    if isinstance(cell, str):
        return console.render_str(cell)
    return Text(str(cell))
