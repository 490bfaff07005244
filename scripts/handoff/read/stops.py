"""Where a sentence ends in text written without capitals.

Notes in lowercase shorthand ("… → 64 vCPU / 256 GiB all in. control plane is 3 × m5.xlarge …",
"licence 1,800 users. repo cap we agreed with platform eng: 4,000.") begin their sentences with a
small letter, so a full stop followed by a capital is not the only end of one. A careful reader
takes a stop after a word, then a space and a letter, as a sentence's end, unless the word is one
the stop shortens (`approx.`, `incl.`, `e.g.`, `vs.`, `no.`): those go on with the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_STOP = re.compile(r"(?<=[\w)\]])[.!?]\s+(?=[A-Za-z])")
# a name that ends on a digit ("Standard_E16s_v5", "sg-prd-wrk-04"), not a number ("1.", "5.4.1."): its
# stop ends a sentence when a capital follows ("… now 4 × Standard_E16s_v5. The system pool …")
_NAME_END = re.compile(r"(?<![\w.-])[A-Za-z][\w.-]*\d$")
_ABBREVIATION = re.compile(  # a word its stop shortens ("approx. 4 vCPU", "e.g. the", "incl. backups")
    r"(?:^|[^\w.])(?:approx|incl|excl|etc|vs|ca|cf|e\.g|i\.e|no|nr|min|max|avg|esp|resp|fig|ref|est|sec|ver|v|"
    r"[a-z])$",
    re.IGNORECASE,
)


# a small letter closing a list of letters, then a capital: "spread over zones a, b and c. The system
# pool …" (an initial is a capital: "J. Smith")
_LAST_LETTER = re.compile(r"(?:,|\band|\bor)\s+[a-z]$")


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Where each sentence after the first begins in `text[start:end]` (a stop after a word that is
    no abbreviation, a space, a letter: capital or not; after a name ending on a digit, a capital)."""
    for m in _STOP.finditer(text, start, len(text) if end is None else end):
        at = m.start()
        digit = text[at - 1].isdigit() or text[at - 1] == "_"
        if digit and not (text[m.end()].isupper() and _NAME_END.search(text, max(0, at - 40), at)):
            continue
        if not _ABBREVIATION.search(text, 0, at) or (
            text[m.end()].isupper() and _LAST_LETTER.search(text, max(0, at - 40), at)
        ):
            yield m.end()


def ends_sentence(text: str, at: int) -> bool:
    """Whether the stop at `text[at]` (a `.`, `!` or `?`) ends a sentence: it follows a word that is
    no abbreviation."""
    return at > 0 and text[at - 1].isalpha() and not _ABBREVIATION.search(text, 0, at)


__all__ = ["ends_sentence", "sentence_ends"]
