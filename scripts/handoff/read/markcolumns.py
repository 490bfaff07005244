"""A table of options with a column of ticks: only the ticked rows are read.

A form lays its options out as rows and ticks the one taken in a column of its own (`Option |
Selected`, a size table `Tier | Users | vCPU | Memory | Disk | ✓` with one tier ticked, a first
column of boxes). A human reads the ticked row and no other: the other rows are the options not
taken, whose figures are not the deployment's.

This pass, before the walk, finds such a column: every body cell in it is empty or one mark
(`✔ ✓ ☒ ☑ ✅ ● ◉ X`, or an empty box `☐ ○`), at least one row is ticked and at least one is not,
and its header (one row, or two with a group row over it) is empty, a mark or a few words. The
rows not ticked are removed, and so is the column itself (its marks are read; the rest of the row
reads as a row of the table). A table turned the other way (options as columns, a `Built` row of
marks) keeps its ticked columns and loses the row of marks. Words
(`Yes`, `No`) are not marks: a column of them is a table's values. Nothing else is changed; the input is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from handoff.read.doctext import MAX_DEPTH, as_dict, as_list, tab_contents
from handoff.read.forms import _copy
from handoff.read.quicktext import quick_texts

_TICK = re.compile(r"[✔✓☒☑✅●◉⦿]|[xX]")
_EMPTY = re.compile(r"[☐□○◯⬜]?")
_HEADER_WORDS = 3
_HEADER_ROWS = 2  # a group row over the header
_SHORT = 4


def ticked_rows(doc: Any, texts: list[tuple[dict[str, Any], str]] | None = None) -> Any:
    """`doc` with each table of ticked options reduced to its ticked rows; the input itself when
    no table has a column of marks (the common case: nothing is copied). `texts`: the document's
    paragraphs and texts when the caller has them (`quicktext`)."""
    if not isinstance(doc, dict):
        return doc
    paragraphs = list(quick_texts(doc)) if texts is None else texts
    if not any(len(t) <= _SHORT and _TICK.fullmatch(t.strip()) for _, t in paragraphs):
        return doc  # (no paragraph that is one tick: no column of them)
    if not any(_marks(t) is not None for t in _tables(doc)):
        return doc
    doc = _copy(doc)
    for t in _tables(doc):
        found = _marks(t)
        if found is None:
            continue
        turned, index, heads = found
        rows = as_list(t.get("tableRows"))
        if not turned:  # a column of marks: its ticked rows (and the header rows) kept, the column out
            kept = rows[:heads] + [r for r in rows[heads:] if _ticked(_cell_text(r, index))]
            t["tableRows"] = [_without(r, {index}) for r in kept]
            t["rows"] = len(kept)
            t["columns"] = max(0, len(_cells(rows[0])) - 1)
        else:  # a row of marks (the table turned): its ticked columns and label columns kept, the row out
            marks = rows[index]
            out = {k for k in range(heads, len(_cells(marks))) if not _ticked(_cell_text(marks, k))}
            t["tableRows"] = [_without(r, out) for n, r in enumerate(rows) if n != index]
            t["rows"] = len(rows) - 1
            t["columns"] = max(0, len(_cells(marks)) - len(out))
    return doc


def _without(row: Any, columns: set[int]) -> dict[str, Any]:
    return {**as_dict(row), "tableCells": [c for k, c in enumerate(_cells(row)) if k not in columns]}


def _tables(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    def walk(content: Any, depth: int) -> Iterator[dict[str, Any]]:
        for se in as_list(content):
            table = as_dict(as_dict(se).get("table"))
            if table and depth < MAX_DEPTH:
                yield table
                for row in as_list(table.get("tableRows")):
                    for cell in as_list(as_dict(row).get("tableCells")):
                        yield from walk(as_dict(cell).get("content"), depth + 1)

    for content in tab_contents(doc):
        yield from walk(content, 0)


def _cells(row: Any) -> list[Any]:
    cells = row.get("tableCells") if isinstance(row, dict) else None
    return cells if isinstance(cells, list) else []


def _cell_text(row: Any, col: int) -> str:
    """A cell's text runs joined, struck-through ones left out, its white space as single spaces.
    (`as_dict`, `as_list` and `as_str` written out: the services' and answers' tables read every
    cell several times.)"""
    cells = _cells(row)
    if col >= len(cells):
        return ""
    cell = cells[col]
    content = cell.get("content") if isinstance(cell, dict) else None
    out = []
    for se in content if isinstance(content, list) else ():
        paragraph = se.get("paragraph") if isinstance(se, dict) else None
        elements = paragraph.get("elements") if isinstance(paragraph, dict) else None
        for el in elements if isinstance(elements, list) else ():
            run = el.get("textRun") if isinstance(el, dict) else None
            if not isinstance(run, dict):
                continue  # (a chip, or no run: no text)
            style = run.get("textStyle")
            if not (isinstance(style, dict) and style.get("strikethrough")):
                text = run.get("content")
                if isinstance(text, str):
                    out.append(text)
    return " ".join("".join(out).split())


def _ticked(text: str) -> bool:
    return bool(_TICK.fullmatch(text))


def _unticked(text: str) -> bool:
    return bool(_EMPTY.fullmatch(text))


def _marks(t: dict[str, Any]) -> tuple[bool, int, int] | None:
    """(turned, index, header rows or columns) of a table of options' column of marks, or of its row
    of marks when the table is turned (options as columns), if it has one."""
    rows = as_list(t.get("tableRows"))
    width = len(_cells(rows[0])) if rows else 0
    if len(rows) < 2 or width < 2 or any(len(_cells(r)) != width for r in rows):
        return None
    grid = [[_cell_text(r, k) for k in range(width)] for r in rows]
    found = _column(grid)
    if found is not None:
        return False, *found
    found = _column([list(col) for col in zip(*grid, strict=True)])
    return (True, *found) if found is not None else None


def _column(grid: list[list[str]]) -> tuple[int, int] | None:
    """(column, header rows) of the one column whose cells under its header (one or two rows of
    words) are all marks, some ticked and some not."""
    found = []
    for col in range(len(grid[0])):
        cells = [row[col] for row in grid]
        heads = next((n for n, c in enumerate(cells) if _ticked(c) or (_unticked(c) and c)), len(cells))
        heads = 1 if heads == 0 or all(_unticked(c) for c in cells[1:heads]) else heads
        header = " ".join(cells[:heads])
        if heads > _HEADER_ROWS or len(header.split()) > _HEADER_WORDS or any(ch.isdigit() for ch in header):
            continue
        body = cells[heads:]
        ticked = sum(_ticked(b) for b in body)
        unticked = sum(_unticked(b) for b in body)
        if len(body) >= 2 and ticked and unticked and ticked + unticked == len(body):
            found.append((col, heads))
    return found[0] if len(found) == 1 else None  # (columns of answers, `Yes | No | N/A`: not options)


__all__ = ["ticked_rows"]
