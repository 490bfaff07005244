"""A value of a document in another language quoted in the document's own words.

The reader reads such a document through its glossary (`read/languages.py`): `Kubernetes con Helm
chart ufficiale` is read as `Kubernetes with Helm chart ufficiale`. The IE who checks a value
looks for it in the document, so the text quoted beside it is the document's (`con`), while the
value read stays the reader's. `in_own_words(values, texts)` finds each value's text in the one
glossed paragraph that holds it and gives back the document's words at that place (the gloss
keeps where each of its offsets went, `Text.moved`); a value whose text is made of several places
(a sum of parts) or found in paragraphs that say it differently keeps the reader's words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from handoff.core.model import TddValue
from handoff.read.doctext import Text


def in_own_words(values: Sequence[TddValue], texts: list[Text]) -> tuple[TddValue, ...]:
    """`values` with the text of each quoted as the document writes it, where it can be placed."""
    out = []
    for v in values:
        said = v.text.strip()
        own = {_own(t, at, len(said)) for t in texts if said and (at := t.text.find(said)) >= 0}
        own.discard("")
        if len(own) == 1 and (words := own.pop()) != said and _same_start(said, words):
            v = replace(v, text=words, value=v.value or v.text)  # read as before, shown as written
        out.append(v)
    return tuple(out)


def _same_start(said: str, words: str) -> bool:
    """Whether the document's words open as the value read does (a figure with a figure): a figure
    written at another scale (`1,5 tys.` read as `1,500`) is rewritten in place, its digits where
    the scale's word was, so the words found there are not the figure's."""
    return not said[:1].isdigit() or words[:1].isdigit()


def _own(t: Text, start: int, length: int) -> str:
    """The document's words at `start`…`start + length` of the glossed `t.text`."""
    moved = t.moved
    if moved is None:
        return ""
    a = _before(moved, start, len(t.shown))
    b = _after(moved, start + length, len(t.shown))
    return t.shown[a:b].strip() if a < b else ""


def _before(moved: Callable[[int], int], new: int, size: int) -> int:
    """The last old offset that goes to `new` or before it."""
    lo, hi = 0, size
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if moved(mid) <= new:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _after(moved: Callable[[int], int], new: int, size: int) -> int:
    """The first old offset that goes to `new` or after it."""
    lo, hi = 0, size
    while lo < hi:
        mid = (lo + hi) // 2
        if moved(mid) >= new:
            hi = mid
        else:
            lo = mid + 1
    return lo


__all__ = ["in_own_words"]
