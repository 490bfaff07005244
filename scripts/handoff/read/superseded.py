"""A table marked as superseded: an old copy of a table kept beside the current one. A careful
reader takes no figure from it. The mark is the short paragraph just before the table (`Superseded:
kept for reference`, `Old version, no longer valid:`, `Previous sizing (do not use)`) or the table's
own first row when it is one cell across the table (a caption row: `OLD: superseded by the table
below`); a table whose every figure is struck through reads as empty already (`read.doctext`).
The mark must come first: a caption that says the table below replaces or updates something
(`Updated sizing (replaces the old figures)`) marks the new table, which is read.
"""

from __future__ import annotations

import re

_OLD = re.compile(
    r"\b(?:superseded|obsolete|outdated|out[- ]of[- ]date|deprecated|withdrawn|"
    r"no longer (?:valid|current|accurate|applies|in (?:force|use))|do not use|don't use|not to be used|"
    r"for reference only|kept for (?:reference|the record)|replaced by|"
    r"(?:old|previous|earlier|former|original|initial|first) "
    r"(?:version|draft|sizing|figures|numbers|table|plan|estimate|design|values|revision)|^\W*old\b)",
    re.IGNORECASE,
)
_NEW = re.compile(
    r"\b(?:supersedes|replaces|replacing|updated|revised|corrected|"
    r"(?:current|new|latest|final) (?:version|draft|sizing|figures|numbers|table|values|revision))\b",
    re.IGNORECASE,
)
_MAX_WORDS = 30


def marks_superseded(text: str) -> bool:
    """Whether a caption (a short paragraph before a table, or its full-width first row) says the
    table is an old, superseded copy."""
    if not text.strip() or len(text.split()) > _MAX_WORDS:
        return False
    old = _OLD.search(text)
    new = _NEW.search(text)
    return old is not None and (new is None or old.start() < new.start())
