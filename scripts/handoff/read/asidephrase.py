"""Where the phrase a name stands in ends, past the brackets it is in or that follow it.

"Kubernetes (AKS on Azure Stack HCI) was discussed and rejected": the verdict after the bracket is
said of the whole phrase, the bracket's names included. A careful reader sets AKS and Azure aside
with Kubernetes. The words right after a name are not its verdict's place when the name sits inside
a bracketed aside, or when an aside follows it: the verdict comes after the closing bracket.

`phrase_end(text, end)`: for a name ending at `end`, the offset after the bracket it is inside (no
other bracket opening before its close) and after any asides right after that; `end` itself when
the name is in no bracket and no aside follows it.
"""

from __future__ import annotations

import re

_ASIDE = re.compile(r"\s*\([^()]{0,120}\)")
_MAX_INSIDE = 120  # characters to a closing bracket still read as the same aside


def phrase_end(text: str, end: int) -> int:
    """The end of the phrase whose name ends at `end`: past its bracket and the asides after it."""
    close = text.find(")", end, end + _MAX_INSIDE)
    opened = text.rfind("(", 0, end)
    if close >= 0 and opened >= 0 and "(" not in text[end:close] and ")" not in text[opened:end]:
        end = close + 1  # (inside a bracket: the phrase goes on after it)
    while m := _ASIDE.match(text, end):
        end = m.end()
    return end


__all__ = ["phrase_end"]
