"""Numbered run-in titles inside a paragraph: `2.1 Method.`, `3.1 Monorepos: 2 (…)`.

A classic numbered TDD often runs its subsections into one paragraph, each opening with its number
and a short title ("3.1 Monorepos: 2 (the depots …). 3.2 Largest repository: //trading-main, 41 GB.
3.3 Total size: about 1.4 TB."). The number is the item's place in the document, no figure: `3.1
Monorepos` is no count of one monorepo, `4.3 Repositories` no 4.3 repositories. And a run-in title
that is a sentence of its own ("2.5 Platform capacity (for context only). meridian-prod-ew2 has 214
nodes …") heads the rest of its paragraph as a heading would its section.

* `without_number(sentence)`: the sentence with a dotted item number that opens it (two or more
  parts: `3.1`, `4.2.1`, before a capitalised word) blanked, length for length;
* `title(sentence)`: the run-in title a sentence is when it is only that (a few words, no figure,
  ending in a full stop), else "".
"""

from __future__ import annotations

import re

from handoff.read import shapes

_NUMBER = re.compile(r"^(\s*)(\d{1,2}(?:\.\d{1,2})+\.?)(?=\s+[A-Z][a-z])")
_TITLE = re.compile(r"^\s*([A-Z][^.:;!?]{0,80}?)\s*\.\s*$")
_MAX_WORDS = 8


def without_number(sentence: str) -> str:
    """`sentence` with the dotted item number opening it blanked ("3.1 Monorepos: 2" → "    Monorepos:
    2"); the sentence itself when it opens with none."""
    m = _NUMBER.match(sentence) if sentence[:4].lstrip()[:1].isdigit() else None
    if m is None:
        return sentence
    return sentence[: m.start(2)] + " " * len(m.group(2)) + sentence[m.end(2) :]


_ASIDE = re.compile(r"\([^()]*\)")


def title(sentence: str) -> str:
    """The run-in title `sentence` is ("Platform capacity (for context only)."), or "": a short
    capitalised sentence with no figure, ending in a full stop."""
    m = _TITLE.match(sentence)
    if m is None or shapes.DIGIT.search(sentence):
        return ""
    words = _ASIDE.sub(" ", m.group(1)).split()
    return m.group(1) if 0 < len(words) <= _MAX_WORDS else ""


__all__ = ["title", "without_number"]
