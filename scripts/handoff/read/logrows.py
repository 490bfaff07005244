"""A log table's row stamp: the day a row's first cell names, with its weekday and time of day.

An install log, a shift log or a ticket's history keeps one row per entry: `Fri 16 Oct 2026, 16:30 BST |
Handed over: commissioning sheet signed. Build complete. | TW`. A careful reader dates what the row's
other cells tell by that day, as a day's heading dates its paragraphs: "Build complete" happened on 16
October. `row_day(cell, year)`: the ISO day a cell that is only a timestamp names (a date, perhaps with
its weekday, a time of day and a time zone), else "". The row's sentences then read that day as
`Context.day` does (only a sentence that says the build began or was signed off takes it).
"""

from __future__ import annotations

import re

from handoff.read import shapes

_CLOCK = re.compile(  # a weekday, a time of day and its zone around a log's date
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?-i:[A-Z]{2,5})(?:[+-]\d{1,2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)


def row_day(cell: str, year: str) -> str:
    """The day a cell that is only a timestamp names ("Fri 16 Oct 2026, 16:30 BST"), else ""."""
    if not shapes.DIGIT.search(cell):
        return ""
    found = list(shapes.dates(cell, year))
    if len(found) != 1:
        return ""
    rest = _CLOCK.sub(" ", cell.replace(found[0].text, " "))
    return found[0].value if not re.search(r"[^\W\d_]{2,}|\d", rest) else ""
