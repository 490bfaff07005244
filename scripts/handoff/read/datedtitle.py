"""A short title or label dated by its event: "Restore test, 8 July 2026", "DR drill (2026-03-04)".

An environment word that is the whole of a title or a leading label names the environment the line is
about ("Test: …", "Rehearsal: …"). Operators' documents date such a label with the day the event ran
("Restore test, 8 July 2026: launched from the latest snapshot as a separate instance …"): the date
says when, not what, so the label is still no more than its few words, and the environment word names
the line's environment as it would without the date.

`few_words_but_date(text, words)`: whether `text` has at most `words` words once its dates are left out.
"""

from __future__ import annotations

import re

from handoff.read import shapes
from handoff.read.vocab import _WORD

_MAX = 60  # a label, not a sentence


def few_words_but_date(text: str, words: int) -> bool:
    """Whether `text` (a short label) has at most `words` words besides the dates it holds (module doc)."""
    if len(text) > _MAX or shapes.DIGIT.search(text) is None:
        return False
    rest, at = [], 0
    for m in shapes.dates(text):
        rest.append(text[at : m.start])
        at = m.end
    if not rest:
        return False
    rest.append(text[at:])
    return len(_WORD.findall(re.sub(r"[(),–—-]+", " ", " ".join(rest)))) <= words


__all__ = ["few_words_but_date"]
