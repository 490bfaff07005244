"""A slide's speaker notes that set its figures right.

A deck exported to a document keeps each slide's notes under it ("Speaker notes: …", "Notes: …",
"Presenter notes — …"). The notes are the presenter's word after the slide was made, and they often
say where the slide is out of date: "the slide still says 3 nodes; we went with 4", "24 vCPU on the
slide was our request; the VMware team gave us 32", "node callouts are the pre-review numbers", "the
production column shows the first draft". Notes that speak of the slide's own figures that way
correct them, as a block opening with `Correction:` does: their figures replace the earlier ones of
the same fields (`read/precedence.py`). Notes that only add to the slide ("Pilot is switched off a
week after go-live") correct nothing.
"""

from __future__ import annotations

import re

# the block opens as a slide's notes
_NOTES = re.compile(
    r"\W*(?:speaker|presenter|presenter's|speaker's|slide)?\s*notes?\s*(?::|\s[–—-]\s)", re.IGNORECASE
)
# the notes speak of the slide's figures as out of date: the slide (a callout, a column, a bullet) "says",
# "shows", "was", "is the first draft", or the figures "on the slide"
_OUTDATED = re.compile(
    r"\b(?:slide|callouts?|column|table|bullets?|numbers?\s+(?:on|in)\s+the\s+slide)\b[^.;:]{0,40}?"
    r"\b(?:says?|said|shows?|showed|still|was|were|is|are|reads?)\b"
    r"|\bon\s+the\s+slide\b",
    re.IGNORECASE,
)


def notes_correct(text: str) -> bool:
    """Whether a block is a slide's notes saying the slide's figures are out of date."""
    head = text[:24]
    if "ote" not in head.lower() or not _NOTES.match(head):
        return False
    return _OUTDATED.search(text) is not None


# the slide's own figures as the notes quote them: a run of figures right before "on the slide" ("24 vCPU /
# 96 GB on the slide was our request") or right after the slide "says" ("the slide still says 3 nodes")
_FIGURES = r"(?:[~≈]?\d[\d,.]*\s*[A-Za-z%]{0,6}(?:\s*(?:/|,|and|×|x)\s*)?){1,4}"
_BEFORE_SLIDE = re.compile(rf"({_FIGURES})\s*(?=\b(?:on|in)\s+the\s+(?:slide|callouts?)\b)", re.IGNORECASE)
_AFTER_SAYS = re.compile(
    rf"\b(?:slide|callouts?|column)\s+(?:still\s+)?(?:says?|said|shows?|showed|reads?)\s+({_FIGURES})",
    re.IGNORECASE,
)


def slide_figures_blanked(text: str) -> str:
    """The notes with the slide's figures they quote as out of date blanked (offsets kept): those are
    the old side of the correction, not a second candidate beside the new figures."""
    spans = [m.span(1) for m in _BEFORE_SLIDE.finditer(text)]
    for a, b in spans + [m.span(1) for m in _AFTER_SAYS.finditer(text)]:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def corrected_notes(text: str) -> str | None:
    """A slide's notes correcting the slide, with the slide's figures they quote blanked; else None."""
    return slide_figures_blanked(text) if notes_correct(text) else None


__all__ = ["corrected_notes", "notes_correct", "slide_figures_blanked"]
