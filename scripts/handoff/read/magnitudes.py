"""Figures written at the extremes of scale, rewritten as plain digits, length for length.

A careful reader reads `4.18k`, `~4.2K`, `5 thousand`, `1.2 million`, `1,20,000` (Indian grouping)
and `35 lakh` / `2.5 crore` as the numbers they name, and a note's `300ish` / `90-ish` as the figure
(approximate, as `~300` is). `rewrite` writes each as digits in the one
notation the shapes read (`4,180`, `5,000`, `120,000`, `3500000`), padded with spaces to the
length of what was written so every place in the text stays where it was; a figure whose digits
do not fit in its written length (`5k`, `1.2M`, `2 crore`) is left as written (the count shapes
read a `k` after a count themselves).

It does not guess: a `k` or `M` only after a number with a fraction (`2.9k`, not `8k`, a size, a
resolution or a key length as often), never glued to a unit (`2.5kB`, `1.5 km`), and an Indian
grouping only in its own shape (pairs of digits before the last three, `12,00,000`; with dots,
`12.00.000`, in a document that groups its thousands with dots, where the comma shape stays Indian
too: a decimal comma is never written twice), which no other notation writes.
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened

_WORDS = {"thousand": 1e3, "million": 1e6, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
_LETTERS = {"k": 1e3, "m": 1e6}
# `2.9k`, `~4.2K`, `1.2M` (a fraction before the letter); `5 thousand`, `1.2 million`, `35 lakh`
_SCALED = opened(  # (`opened`: tried only where a digit opens, the same matches)
    re.compile(
        r"(?<![\w.,])(?P<num>\d+\.\d+)(?P<letter>M)(?![\w-])"
        r"|(?<![\w.,])(?P<n>\d{1,3}(?:\.\d+)?)[ \u00a0](?P<word>(?i:thousand|million|lakhs?|crores?))\b"
    )
)
_INDIAN = opened(re.compile(r"(?<![\w.,])\d{1,2}(?:,\d\d)+,\d{3}(?!\d|[.,]\d)"))
_INDIAN_DOTS = opened(re.compile(r"(?<![\w.,])\d{1,2}(?:\.\d\d)+\.\d{3}(?!\d|[.,]\d)"))  # (`1.12.400`)
# What every match of `_SCALED`, `_INDIAN` or `_INDIAN_DOTS` holds: a digit before `M` or before a space
# and a scale's word, or digits grouped by two before a group of three (a `k` after a number, `410k
# commits`, which no pattern here rewrites, leaves a text unscanned)
SIGN = re.compile(r"\dM|\d[ \u00a0](?i:thousand|million|lakh|crore)|\d[,.]\d\d[,.]\d{3}|\d-?ish\b")
# a figure a note makes approximate with a suffix (`300ish`, `90-ish`): the figure, as `~300` is read
_ISH = re.compile(r"(?<=\d)-?ish\b", re.IGNORECASE)


def rewrite(text: str, dots: bool = False) -> str:
    """`text` with its abbreviated, worded and Indian-grouped figures as plain digits (module doc);
    `dots`: the document groups its thousands with dots, and so its Indian figures (`1.12.400`)."""
    if not SIGN.search(text):
        return text
    text = _SCALED.sub(_digits, text)
    if "ish" in text:
        text = _ISH.sub(lambda m: " " * len(m.group(0)), text)
    if dots:  # (an Indian figure with commas in a document of dots is Indian still: no decimal comma twice)
        text = _INDIAN_DOTS.sub(_indian, text)
    return _INDIAN.sub(_indian, text)


def _indian(m: re.Match[str]) -> str:
    return _fit(float(re.sub(r"[,.]", "", m.group(0))), len(m.group(0)), m.group(0))


def _digits(m: re.Match[str]) -> str:
    if m.group("num"):
        scale = _LETTERS[m.group("letter").lower()]
        number = m.group("num")
    else:
        scale = _WORDS[m.group("word").lower()]
        number = m.group("n")
    return _fit(float(number) * scale, len(m.group(0)), m.group(0))


def _fit(value: float, width: int, written: str) -> str:
    """`value` as digits in `width` characters (grouped with commas where they fit, spaces before
    them), or `written` when it has a fraction left or no form fits."""
    if value != int(value):
        return written
    for digits in (f"{int(value):,}", str(int(value))):
        if len(digits) <= width:
            return digits.rjust(width)
    return written
