"""A section title that places what follows before the move: "What we had before", "Before the migration".

A migration document describes the state it leaves under a heading, parent bullet or label of time
rather than of a thing: "What we had before", "How it looked before", "Previously", "Before the
migration", "Pre-cut-over". A careful reader takes what such a part lists (the old machine, its
size, its address, its repositories) as history, not the deployment. `before(title)` says whether a
title is such: it ends with an adverb of the time before (`before`, `previously`, `formerly`), or
puts its content before a move (`before the migration`, `move`, `cut-over`, `switch`, `transition`,
`replacement`, `re-platforming`; `pre-migration`). A title naming an event of the deployment itself
("Before go-live", "Before production opened") or both times ("Before and after") is not read so:
what comes before go-live may be the deployment's own build.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.read.lasttext import last_text

_BEFORE = quick(
    r"\b(?:before|previously|formerly|beforehand)\W*$"
    r"|\bbefore\s+(?:the\s+|our\s+|this\s+)?(?:migration|move|moving|cut-?over|switch(?:-?over)?|transition|"
    r"replacement|re-?platform\w*)\b"
    r"|\bpre-?(?:migration|move|cut-?over)\b"
    # the point the move started from: "Where we started", "Starting point", "What they started with"
    r"|\b(?:where|how)\s+(?:we|they|things|the\s+customer)\s+(?:started|stood|began|were)\W*$"
    r"|\bstarting\s+(?:point|position|situation|state)\b|\bpoint\s+of\s+departure\b"
    r"|\bwhat\s+(?:we|they)\s+(?:started\s+(?:with|from)|had|ran|used)\W*$"
    # what the deployment replaces, asked or told: "What did Sourcegraph replace?", "What it replaces"
    r"|\bwhat\s+(?:did|does|do|will|would)\s+(?:[\w-]+\s+){1,3}(?:replace|retire|supersede)\b"
    r"|\bwhat\s+(?:[\w-]+\s+){1,2}(?:replaces|retires|supersedes)\b"
    r"|\b(?:being|to\s+be)\s+(?:replaced|retired|superseded)\b",
    re.IGNORECASE,
)


@last_text  # (a title asked again for each of its paragraphs in turn)
def before(title: str) -> bool:
    """Whether a section title puts its content in the time before the move (see the docstring)."""
    return len(title) < 80 and _BEFORE.search(title) is not None


__all__ = ["before"]
