"""Fields side by side on one line, set apart by wide gaps: `Licensed users: 3,500   Peak concurrent
users sized for: 500   Repository ceiling: 6,000`.

A form printed from a template, or typed to look like one, puts several `Label: value` fields on
one line with runs of spaces or tabs between them. A human reads each field as its own pair. The
gap is the only separator, and it is lost once a line's spaces are collapsed, so the walk asks
first: `gap_parts(line)` gives the pieces of a line cut at each gap of two or more spaces, tabs or
no-break spaces, when every piece is a `Label: value` whose label is a few words; None otherwise
(one field, prose, a gap inside a value).
"""

from __future__ import annotations

import re

_GAP = re.compile(r"[ \t\u00a0]{2,}|\t")
_PAIR = re.compile(r"\s*[^\W\d_][^:\n]{0,60}?:\s*\S")
_LABEL_WORDS = 7


def gap_parts(line: str) -> list[str] | None:
    """The `Label: value` fields of a line set apart by wide gaps, or None."""
    if "  " not in line and "\t" not in line and "\u00a0" not in line:
        return None
    pieces = [p for p in _GAP.split(line.strip()) if p.strip()]
    if len(pieces) < 2:
        return None
    for p in pieces:
        m = _PAIR.match(p)
        if m is None or len(p[: p.index(":")].split()) > _LABEL_WORDS:
            return None
    return pieces


__all__ = ["gap_parts"]
