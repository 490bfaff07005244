"""A sentence that dates its event by pointing back: "Run #41 was applied on 12 May 2026. This was
the start of the production build." The sentence with the event has no date of its own; its subject
("this", "that", "it", "which") is what the sentence before it told, so the event happened on that
sentence's date."""

from __future__ import annotations

import re

_POINTS_BACK = re.compile(r"^\W*(?:this|that|it|which)\s+(?:was|is|marked|marks|became|meant)\b", re.I)
STARTS = re.compile(r"\b(?:start|beginning|kick-?off|first day)\s+of\b|\b(?:started|began|begun)\b", re.I)
ENDS = re.compile(
    r"\b(?:end|completion|close|last day|sign-?off|acceptance)\s+of\b|\b(?:completed|finished|accepted)\b",
    re.I,
)


def event_pointed_back(sentence: str) -> str | None:
    """`start_date` or `completion_date` when a sentence with no date says the thing told before it
    started or completed something ("This was the start of the production build"), else None."""
    if not _POINTS_BACK.match(sentence):
        return None
    start, end = STARTS.search(sentence), ENDS.search(sentence)
    if (start is None) == (end is None):
        return None
    return "start_date" if start else "completion_date"
