"""A1 notation for the Sheets emulator: parse a range, resolve it against a grid, print it back.

Forms accepted, as the real Sheets API accepts them: `'Handoff Log'!A1:Z` (quoted sheet
names with `''` escapes), `Accounts` (a whole sheet), `A2:Z` / `A:C` / `2:5` (open ranges),
`B3` (a single cell), and a range without a sheet name (the first sheet). Letters are
case-insensitive. A resolved range is 0-based and half-open, like the API's `GridRange`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CELLS = re.compile(r"([A-Za-z]{0,3})(\d{0,7})(?::([A-Za-z]{0,3})(\d{0,7}))?")
_PLAIN_TITLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CELL_LIKE = re.compile(r"[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*")


class A1Error(ValueError):
    """The text is not A1 notation (the API answers `Unable to parse range: …`)."""


@dataclass(frozen=True)
class Bound:
    """One corner of a range as written: a missing part means "open" (to the grid's edge)."""

    row: int | None  # 0-based
    col: int | None  # 0-based


@dataclass(frozen=True)
class A1Range:
    """A parsed range: the sheet title if one was given, and the cell part (None = whole sheet)."""

    sheet: str | None
    start: Bound | None = None
    end: Bound | None = None
    quoted: bool = False


@dataclass(frozen=True)
class GridBox:
    """A resolved, 0-based, half-open rectangle, plus which edges were left open in the request."""

    row0: int
    row1: int
    col0: int
    col1: int
    open_rows: bool = False
    open_cols: bool = False

    @property
    def rows(self) -> int:
        return self.row1 - self.row0

    @property
    def cols(self) -> int:
        return self.col1 - self.col0


def col_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    """A → 0, Z → 25, AA → 26."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def parse(text: str) -> A1Range:
    """Split a range into sheet title and cell part. Raises A1Error when it cannot be read."""
    if not text or not text.strip():
        raise A1Error(text)
    if text.startswith("'"):
        title, rest = _split_quoted(text)
        if not rest:
            return A1Range(title, quoted=True)
        return _with_cells(title, rest[1:], text, quoted=True)
    sheet, bang, cells = text.rpartition("!")
    if bang:
        if not sheet:
            raise A1Error(text)
        return _with_cells(sheet, cells, text)
    parsed = _parse_cells(text)
    return A1Range(None, *parsed) if parsed else A1Range(text)


def _split_quoted(text: str) -> tuple[str, str]:
    """`'It''s'!A1` → ("It's", "!A1")."""
    i, chars = 1, []
    while i < len(text):
        ch = text[i]
        if ch == "'":
            if text[i + 1 : i + 2] == "'":
                chars.append("'")
                i += 2
                continue
            rest = text[i + 1 :]
            if rest and not rest.startswith("!"):
                raise A1Error(text)
            return "".join(chars), rest
        chars.append(ch)
        i += 1
    raise A1Error(text)


def _with_cells(title: str, cells: str, text: str, *, quoted: bool = False) -> A1Range:
    parsed = _parse_cells(cells)
    if parsed is None:
        raise A1Error(text)
    return A1Range(title, parsed[0], parsed[1], quoted)


def _parse_cells(cells: str) -> tuple[Bound, Bound] | None:
    """`A1:B2`, `A:C`, `2:5`, `A2:Z`, `B3` → (start, end); None if it is not a cell range."""
    m = _CELLS.fullmatch(cells)
    if not m:
        return None
    c0, r0, c1, r1 = m.groups()
    if (r0 and int(r0) == 0) or (r1 and int(r1) == 0):
        return None
    start = Bound(int(r0) - 1 if r0 else None, col_index(c0) if c0 else None)
    if c1 is None:  # no colon: a single cell needs both parts
        return (start, start) if c0 and r0 else None
    end = Bound(int(r1) - 1 if r1 else None, col_index(c1) if c1 else None)
    if start == Bound(None, None) or end == Bound(None, None):
        return None
    if (start.row is None) != (end.row is None) and start.col is None:
        return None  # "2:B" and the like
    return start, end


def resolve(rng: A1Range, row_count: int, col_count: int) -> GridBox:
    """The rectangle `rng` covers on a grid of the given size (open edges reach the grid's edge)."""
    if rng.start is None or rng.end is None:
        return GridBox(0, row_count, 0, col_count, open_rows=True, open_cols=True)
    rows = _span(rng.start.row, rng.end.row, row_count)
    cols = _span(rng.start.col, rng.end.col, col_count)
    open_rows = rng.end.row is None or rng.start.row is None
    open_cols = rng.end.col is None or rng.start.col is None
    return GridBox(rows[0], rows[1], cols[0], cols[1], open_rows, open_cols)


def _span(a: int | None, b: int | None, size: int) -> tuple[int, int]:
    lo = 0 if a is None else a
    hi = size - 1 if b is None else b
    if a is not None and b is not None and a > b:
        lo, hi = b, a
    return lo, max(hi, lo) + 1


def quote_title(title: str) -> str:
    """A sheet title as the API prints it: bare when safe (`Sheet1`), else quoted (`'Handoff Log'`)."""
    if _PLAIN_TITLE.fullmatch(title) and not _CELL_LIKE.fullmatch(title):
        return title
    return "'" + title.replace("'", "''") + "'"


def cell_label(row: int, col: int) -> str:
    return f"{col_letters(col)}{row + 1}"


def box_label(title: str, box: GridBox) -> str:
    """`Sheet1!A1:D4`, or `Sheet1!A1` for a single cell."""
    first = cell_label(box.row0, box.col0)
    last = cell_label(box.row1 - 1, box.col1 - 1)
    cells = first if first == last else f"{first}:{last}"
    return f"{quote_title(title)}!{cells}"
