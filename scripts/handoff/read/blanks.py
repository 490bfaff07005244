"""Blank cells a note explains: "(blank = same as left)", "Empty cells repeat the value in the column
to their left", "A blank cell means the same as the one above". A careful reader fills each blank
from the cell the note names; without such a note a blank is unknown, and stays blank. The note is
a short paragraph just before or after the table (`note`); the filling (`filled`) is of body cells
only: from the left from the third column on (the second's left is the row's label), from above
from the third row on (the second's is the header).
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.quickre import quick
from handoff.read.doctext import Text

_NOTE = quick(
    r"\b(?:blank|empty)\b[^.;]{0,60}?\b(?:same|repeats?|as (?:in|for)|unchanged|identical|copies)\b"
    r"[^.;]{0,50}?\b(?P<way>left|above|previous column|column before|row above|previous row)\b",
    re.IGNORECASE,
)
_MAX_WORDS = 30


def note(text: str) -> str:
    """'left' or 'above' when a short text says blank cells repeat that neighbour, else ''."""
    m = _NOTE.search(text) if len(text.split()) <= _MAX_WORDS else None
    if m is None:
        return ""
    return "left" if m.group("way").lower() in ("left", "previous column", "column before") else "above"


def filled(rows: list[list[Text]], way: str) -> list[list[Text]]:
    """`rows` with each blank body cell holding the text of its neighbour on the `way` side."""
    out = [list(r) for r in rows]
    for i in range(1, len(out)):
        for j in range(len(out[i])):
            if out[i][j].text:
                continue
            a, b = (i, j - 1) if way == "left" else (i - 1, j)
            if (j >= 2 if way == "left" else i >= 2) and b < len(out[a]) and out[a][b].text:
                out[i][j] = replace(out[a][b], links=list(out[a][b].links), notes=[])
    return out
