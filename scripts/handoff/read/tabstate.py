"""The TDD walk's state for one tab: its headings, parent list items and counters (`_Tab`), and a
`Label:` paragraph waiting for the list that follows it (`_Pending`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from handoff.core.fields import Field
from handoff.core.model import Location
from handoff.read.fact import Context


@dataclass
class _Pending:
    """A `Label:` paragraph waiting for the list that follows it."""

    label: str
    target: Field
    location: Location
    context: Context
    items: list[str] = field(default_factory=list)
    level: int = -1  # the label's own nesting level when it is a list item: its list is the items deeper
    lead_in: bool = False  # a line of prose over a list of volumes (`read.volumelist`), no label
    plain: bool = False  # its items so far are plain paragraphs, one entry each (`read.paralist`)


@dataclass
class _Tab:
    """Walking state for one tab (or the legacy body)."""

    titles: tuple[str, ...]  # this tab and its ancestors, outermost first
    show_tab: bool = True  # name the tab in locations (not when the document has only one)
    title: str = ""  # the tab's only HEADING_1 when it opens the tab: a document title, not a section
    headings: list[tuple[int, str]] = field(default_factory=list)
    bullets: list[tuple[int, str]] = field(default_factory=list)  # parent list items (nesting level, text)
    paragraphs: int = 0
    tables: int = 0
    breaks: int = 0  # paragraphs, headings, tables: list items are siblings only between two breaks
    pending: _Pending | None = None
    # a cell of a table used as a container (`read.cells`) is a section of its own:
    place: str = ""  # `table 2, row 3, column 4`, before each tail
    heads: tuple[str, ...] = ()  # its column's and row's headers (also the last of `headings`)
    fixed: int = 0  # headings the cell's own headings never end (the document's and the headers)
    forced: str = ""  # "trial" under a status of things not done (`Won't do`)
    # the headings of a part that said of itself it does not describe production (`read.disowned`)
    disowned: tuple[tuple[int, str], ...] | None = None
    notes: dict[str, list[Any]] = field(default_factory=dict)  # footnotes not yet read, by id (`read.notes`)
    noted: int = 0  # footnotes read
    # what a relative date ("two days later", "the following Monday") counts from (`read.relative`): the
    # day told last under the current heading as of `since`'s first text, and the texts read after it
    anchor: str = ""
    since: list[tuple[str, str]] = field(default_factory=list)  # (text, its context's year)
