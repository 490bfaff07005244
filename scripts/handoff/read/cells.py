"""Tables used as containers: which tables hold prose in their cells, and the headers of each cell.

Many documents put prose inside tables: a board snapshot (a row per swimlane, a column per status,
cards of several paragraphs in each cell), a newsletter whose article and fact box sit side by side
in a layout table, a callout box (one cell), a decision table whose cells hold paragraphs. Such a
cell is a small section of the document, not a value: the walk (`read.walk`) reads it with the
whole prose reader, under its row's and its column's header.

The decision is by the shape of the cells, never by their words:

* a cell **holds prose** when it has two lines or more and one of them is a list item, a
  `Label: value` line or a sentence (six words or more), and its text is not code (every
  paragraph in a monospace font: a code block is one text, read as such);
* a table of **one row or one column** with a cell holding prose is a layout or a callout box:
  its cells are flow text, read in order (a one-column table's one-line first row is the title of
  the rows below it);
* a larger table is a **container** when two or more of its body cells hold prose and they are at
  least half of its filled body cells: its first row is the column headers when none of its cells
  holds prose (a line or a few short ones), its first column the row headers likewise; every body
  cell is read under them, and under the full-width title row above it (a lane) when the rows
  have no header of their own. Two columns, the first of short labels, are a label table, not a
  container: its first row is a label and a value like the others (the label table reads a value
  cell holding prose under its label).

Anything else is a data table: short values, read as today by the table readers.

`not_done(header, words)` says whether a header is a status of things not done (`To do`, `Won't do`,
`Didn't go well`: the catalogue's `not_done_words`, the whole header): the figures in its cells
are not the deployment's; `opens_not_done(cell, words)` whether a row's short status cell opens with
one (`Carried over → PI 26.4`, `Deferred to 2027`): none of the row's figures count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from handoff.core.fields import norm, strip_brackets
from handoff.read.doctext import Texts, as_dict, as_list, as_str

_SENTENCE_WORDS = 6  # a line of this many words is a sentence, not a value
_HEADER_LINES = 3
_LABEL_LINE = re.compile(r"^[^\W\d][^:：\n]{0,60}[:：]\s+\S")  # `Nodes: 4 × …`, `Sized for: up to …`
_MONOSPACE = re.compile(r"mono|courier|consolas|menlo|monaco|inconsolata|code", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """One cell of a container table: its content (structural elements), place and headers."""

    content: list[Any]
    place: str  # `row 2, column 4` (`column 2` in a one-row table, `row 3` in a one-column one)
    heads: tuple[str, ...]  # the column's header, then the row's (outermost first)
    label: str = ""  # the row's own header (`Licensed users`): it may label the cell's first line
    part: str = ""  # "trial": its column is a side that is not the deployment's (`read.sidebyside`)


@dataclass(frozen=True)
class _Shape:
    lines: tuple[str, ...]
    items: int  # list items among the paragraphs
    code: bool  # every paragraph in a monospace font (False for a cell of fewer than two lines)
    tables: int  # nested tables

    @property
    def prose(self) -> bool:
        if self.code or len(self.lines) + self.tables < 2:
            return False
        return bool(
            self.items
            or self.tables
            or any(_LABEL_LINE.match(line) or len(line.split()) >= _SENTENCE_WORDS for line in self.lines)
        )

    @property
    def one_line(self) -> bool:
        return len(self.lines) <= 1 and not self.tables

    @property
    def header(self) -> bool:
        """Short enough for a header: no prose, a few lines at most (`Won't do` / `(closed by PO)`)."""
        return not self.prose and not self.tables and len(self.lines) <= _HEADER_LINES


def _shape(cell: dict[str, Any], texts: Texts) -> _Shape:
    lines: list[str] = []
    items = tables = 0
    paragraphs: list[dict[str, Any]] = []
    for se in map(as_dict, as_list(cell.get("content"))):
        if "table" in se:
            tables += 1
            continue
        paragraph = as_dict(se.get("paragraph"))
        text = texts.paragraph(paragraph).text.strip()
        if not text:
            continue
        lines.extend(line.strip() for line in text.split("\n") if line.strip())
        items += "bullet" in paragraph
        paragraphs.append(paragraph)
    # (whether it is code is asked only of a cell of two lines or more: no other cell holds prose)
    code = len(lines) + tables >= 2 and bool(lines) and all(_monospace(p) for p in paragraphs)
    return _Shape(tuple(lines), items, code, tables)


def _monospace(paragraph: dict[str, Any]) -> bool:
    """Every text run of the paragraph is in a monospace font (a code block's line)."""
    runs = [as_dict(as_dict(el).get("textRun")) for el in as_list(paragraph.get("elements"))]
    runs = [r for r in runs if as_str(r.get("content")).strip()]
    return bool(runs) and all(
        _MONOSPACE.search(
            as_str(as_dict(as_dict(r.get("textStyle")).get("weightedFontFamily")).get("fontFamily"))
        )
        for r in runs
    )


def container(table: dict[str, Any], texts: Texts) -> list[Cell] | None:
    """The cells of a table used as a container, each with its headers, in reading order; None for
    a data table (short values in its cells)."""
    grid = [
        [as_dict(c) for c in as_list(as_dict(row).get("tableCells"))]
        for row in as_list(table.get("tableRows"))
    ]
    grid = [row for row in grid if row]
    if not grid:
        return None
    shapes = [[_shape(c, texts) for c in row] for row in grid]
    width = max(len(row) for row in grid)
    if len(grid) == 1 and width == 1 and shapes[0][0].code:
        return [Cell(as_list(grid[0][0].get("content")), "row 1", ())]  # a code box: its lines as pasted
    if len(grid) == 1 or width == 1:
        return _flow(grid, shapes, width)
    head_row = all(s.header for s in shapes[0])
    first = 1 if head_row else 0
    lanes = {i for i in range(first, len(grid)) if _lane(shapes[i])}  # full-width title rows
    head_col = all(row[0].header for i, row in enumerate(shapes) if i >= first and i not in lanes)
    lanes = set() if head_col else lanes  # with row headers, a row of its header alone is a row
    if head_col and width == 2:
        return None  # `Label | Value` rows (the first one too): the label table reads its prose cells
    body = [
        s for i, row in enumerate(shapes) if i >= first and i not in lanes
        for s in row[1 if head_col else 0 :] if s.lines or s.tables
    ]  # fmt: skip
    prose = sum(1 for s in body if s.prose)
    if prose < 2 or prose * 2 < len(body):
        return None
    columns = [_one_line(c, texts) for c in grid[0]] if head_row else []
    out: list[Cell] = []
    lane = ""
    for i, row in enumerate(grid[first:], first + 1):
        if i - 1 in lanes:  # `Platform [prod]` across the board: the lane of the rows below it
            lane = _one_line(row[0], texts)
            continue
        row_head = _one_line(row[0], texts) if head_col else ""
        for j, cell in enumerate(row[1 if head_col else 0 :], 2 if head_col else 1):
            heads = (columns[j - 1] if j - 1 < len(columns) else "", lane, row_head)
            place = f"row {i}, column {j}"
            out.append(Cell(as_list(cell.get("content")), place, tuple(h for h in heads if h), row_head))
    return out


def first_value(content: list[Any], texts: Texts) -> int | None:
    """The index of a cell's first paragraph when it is a short value (`800`, `4 × m6i.4xlarge`,
    `4 May 2026`): no sentence, no list item, no label of its own; None otherwise."""
    for k, se in enumerate(map(as_dict, content)):
        paragraph = as_dict(se.get("paragraph"))
        text = texts.paragraph(paragraph).text.strip()
        if not text:
            continue
        plain = "bullet" not in paragraph and "\n" not in text and not _LABEL_LINE.match(text)
        return k if plain and len(text.split()) < _SENTENCE_WORDS else None
    return None


def _lane(row: list[_Shape]) -> bool:
    """A full-width title row: its first cell a header, every other cell empty (or merged away)."""
    return row[0].header and bool(row[0].lines) and not any(s.lines or s.tables for s in row[1:])


def _flow(grid: list[list[dict[str, Any]]], shapes: list[list[_Shape]], width: int) -> list[Cell] | None:
    """A one-row or one-column table whose cells hold prose: its cells as flow text."""
    if not any(s.prose for row in shapes for s in row):
        return None
    if width > 1:
        return [Cell(as_list(c.get("content")), f"column {j}", ()) for j, c in enumerate(grid[0], 1)]
    cells = [row[0] for row in grid]
    title = shapes[0][0].one_line and len(cells) > 1 and not _LABEL_LINE.match(_text(shapes[0][0]))
    heads = (_text(shapes[0][0]),) if title else ()
    return [
        Cell(as_list(c.get("content")), f"row {i}", heads)
        for i, c in enumerate(cells, 1)
        if not (title and i == 1)
    ]


def holds_prose(cell: dict[str, Any], texts: Texts) -> bool:
    """A cell holding prose (two lines or more, one a list item, a label line or a sentence; no code)."""
    return _shape(cell, texts).prose


def _text(shape: _Shape) -> str:
    return shape.lines[0] if shape.lines else ""


def _one_line(cell: dict[str, Any], texts: Texts) -> str:
    lines = [
        texts.paragraph(as_dict(se["paragraph"])).text.strip()
        for se in map(as_dict, as_list(cell.get("content")))
        if "paragraph" in se
    ]
    return " ".join(line for line in lines if line)


def status_words(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


_DIGITS = re.compile(r"\d+")


def not_done(header: str, words: frozenset[str]) -> bool:
    """A header that is only a status of things not done, dropped or planned (`To do`, `Won't do`,
    `Backlog (3)`, `🚫 Won't do`): a count, brackets and symbols beside it aside."""
    key = norm(_DIGITS.sub(" ", strip_brackets(header)))
    return bool(key) and key in words


# After a status, what it says more: where the thing went or when ("→ PI 26.4", "to 2027", ": …").
_STATUS_REST = re.compile(r"^(?:$|[→>:\-–—(\[]|(?:to|until|till|into|for)\b)")


# A resolution that opens on a refusal closed by its own stop, then its reasons ("Declined: data
# residency and cost. Stays on …", "Declined by Jonas: code must stay …", "Rejected — too costly",
# "Not accepted. …"): what the row proposed was turned down, however long the reasons
_REFUSAL_OPENS = re.compile(
    r"\W*(?:declined|rejected|refused|turned\s+down|ruled\s+out|not\s+(?:accepted|agreed|adopted|approved)|"
    r"won['’]?t\s+do|will\s+not\s+do|wontfix|won['’]?t\s+fix)"
    r"(?:\s+by\s+[^:.;—–\n]{1,40}?)?\s*(?:[:.;—–]|\s-\s)",
    re.IGNORECASE,
)


# a status saying a later row or decision took the row's place ("superseded by D4", "Replaced by 3",
# "Superseded (see D-7)", "Withdrawn", "overtaken by C6"): the row is history
_SUPERSEDED_OPENS = re.compile(
    r"\W*(?:superseded|replaced|overtaken|overridden|overruled|withdrawn|retracted|obsolete|void)\b"
    # (by a reference to another row or decision, not by the new figures: "Replaced by 4 × m6i.4xlarge")
    r"(?:\s*$|\s*[(:;,.—–-]|\s+by\s+(?:[A-Za-z]{0,10}[\s#-]?\d+[a-z]?(?!\w|\.\d|\s*(?:[×x*]|[kmgt]i?b\b|v?cpus?\b|nodes?\b))"
    r"|(?:the\s+|a\s+)?(?:later|newer|new|next|following|final)\s+[a-z]+))",
    re.IGNORECASE,
)


def opens_not_done(cell: str, words: frozenset[str]) -> bool:
    """A short status cell that opens with a status of things not done (`Carried over → PI 26.4`,
    `Deferred to 2027`, `Backlog`): its row's thing was not done, so its figures are not the
    deployment's. A longer cell is a description, and a status word opening a phrase of other words
    ("Later phase") is no status; but a longer cell opening on a refusal closed by its own stop
    ("Declined by Jonas: code must stay in our project.") is a resolution turning the row down."""
    text = cell.strip()
    if not text:
        return False
    if words and _SUPERSEDED_OPENS.match(text):
        return True
    if len(text.split()) > 6:
        return bool(words) and _REFUSAL_OPENS.match(text) is not None
    lowered = text.casefold()
    tokens = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", lowered)
    for n in (3, 2, 1):
        if len(tokens) >= n and norm(" ".join(tokens[:n])) in words:
            at = lowered.find(tokens[n - 1]) + len(tokens[n - 1])
            return bool(_STATUS_REST.match(lowered[at:].strip()))
    return False


__all__ = ["Cell", "container", "first_value", "holds_prose", "not_done", "opens_not_done", "status_words"]
