"""A clause that tells of a passing state: "During the initial indexing we temporarily scaled to 6 nodes".

A migration (or any build) passes through states the deployment does not keep: a node pool scaled
up for the first clone, a bigger disk while the old data was copied, a second cluster during the
parallel run. The document says so with an adverb or a phrase of time: "temporarily", "briefly",
"for a while", "in the interim", "for the initial clone", "during the first indexing", "while the
backfill ran". A careful reader takes the figures of such a clause as history: the deployment is
what it went back to ("it is back to 3 nodes now"). `interim(sentence)` gives the spans of those
clauses (a sentence, or a part of it after a semicolon, a colon or ", then"); the prose reader
puts their facts in no production part. The adjective alone ("a temporary disk for scratch
files") names a thing, not a time: not read so.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_PASSING = quick(
    r"\b(?:temporarily|briefly|in\s+the\s+interim|interim\s+(?:state|setup|sizing)"
    r"|(?:for|during|while)\s+(?:the\s+)?(?:initial|first|one-off)\s+(?:full\s+)?"
    r"(?:clon\w*|index\w*|sync\w*|import\w*|backfill\w*|copy|migration|load)"
    r"|while\s+the\s+(?:backfill|initial\s+\w+|first\s+\w+|migration|copy)\s+(?:ran|was\s+running|lasted))\b",
    re.IGNORECASE,
)
_CUT = re.compile(r";\s+|:\s+|,\s+(?:then|but|and\s+(?:it|they|we)\s+(?:is|are|was|were|went|scaled))\s+")


def interim(sentence: str) -> list[tuple[int, int]]:
    """The spans of `sentence`'s clauses that tell of a passing state (see the module's docstring)."""
    if not _PASSING.search(sentence):
        return []
    starts = [0, *(m.end() for m in _CUT.finditer(sentence))]
    ends = [*(m.start() for m in _CUT.finditer(sentence)), len(sentence)]
    return [(a, b) for a, b in zip(starts, ends, strict=True) if _PASSING.search(sentence, a, b)]


__all__ = ["interim"]
