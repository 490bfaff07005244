"""The answer for a text asked before, kept: a sentence is asked the same question several times (`is_growth`
of a sentence by its trailing clause's test, then by the sentence's own skip test, then by a count's), a
title once for each of its paragraphs, and the answer of a pure function of the text is the same for the
same text.

`last_text(f)` wraps a function of one string whose answer depends on the string alone (no other
state, no argument besides it) and is not changed by its callers (a bool, a tuple, None): asked
again with an equal string while the same document is read, it gives the answer it gave, without the
work (`read.docmemo`: the answers are kept for the document being read, not only the last one, since the
readings of a line and of its title take turns)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from handoff.read.docmemo import per_document

T = TypeVar("T")


def last_text(f: Callable[[str], T]) -> Callable[[str], T]:
    """`f`, answering at once when asked again of a text it was asked while this document is read."""
    return per_document(f)


__all__ = ["last_text"]
