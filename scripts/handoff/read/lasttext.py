"""The answer for the last text asked, kept: a sentence is asked the same question several times in a
row (`is_growth` of a sentence by its trailing clause's test, then by the sentence's own skip test, then
by a count's), and the answer of a pure function of the text is the same for the same text object.

`last_text(f)` wraps a function of one string whose answer depends on the string alone (no other
state, no argument besides it) and is not changed by its callers (a bool, a tuple, None): asked
again with the very same string object, it gives the answer it gave, without the work. One answer is
kept, replaced by the next text's; the pair is read and written as one tuple, so a thread never sees
one text's answer under another's."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def last_text(f: Callable[[str], T]) -> Callable[[str], T]:
    """`f`, answering at once when asked again of the text it was asked last (the same object)."""
    kept: tuple[str, T] | None = None

    @functools.wraps(f)
    def asked(text: str) -> T:
        nonlocal kept
        last = kept  # (one read of a tuple)
        if last is not None and last[0] is text:
            return last[1]
        answer = f(text)
        kept = (text, answer)
        return answer

    return asked


__all__ = ["last_text"]
