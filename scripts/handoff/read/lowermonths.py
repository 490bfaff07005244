"""Month names a document writes in lower case, as quick notes write everything (`prod build may 4 →
may 15`, `built apr 27`, `oct 2026`): read as the month names they are.

The shapes read a day and month without a year only with a capitalised month (`May 4`): in running
text `may 4` is as often a verb before a figure. A writer who writes one month name in lower case
with a day or a year, one that is no other English word (`apr 27`, `oct 2026`, `sept 9`; not
`may`, `mar`, `dec`), writes them all so: in such a document every month name next to a day (`may
4`, `15 jun`) gets its capital, character for character (locations and links hold). Decided once a
document, with a literal pre-check.
"""

from __future__ import annotations

import re

_NAME = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# a month name of no other word (not `may`, `mar`, `dec`), in lower case, with its day or year
_HABIT = re.compile(
    r"(?<![\w./-])(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|december)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d\d)(?![\w.,:/-]\d|\w)"
    r"|(?<![\w./,-])\d{1,2}(?:st|nd|rd|th)?\s+(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|december)\b(?!-)"
)
# a month name in lower case next to its day: `may 4`, `15 jun`, `sept 9th`
_DATED = re.compile(
    rf"(?<![\w./-])(?P<a>{_NAME})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\w.,:/%-]?\d|\w)"
    rf"|(?<![\w./,-])\d{{1,2}}(?:st|nd|rd|th)?\s+(?P<b>{_NAME})\b(?![-.]\w)"
)


_HABIT_NAMES = ("jan", "feb", "march", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "december")


def writes_lower(text: str) -> bool:
    """Whether the document writes a month name in lower case with its day or year (module doc); the
    pattern tried only around where a name is written (a few `str.find` calls a document)."""
    for name in _HABIT_NAMES:
        at = text.find(name)
        while at >= 0:
            if _HABIT.search(text, max(0, at - 6), at + 24) is not None:
                return True
            at = text.find(name, at + 1)
    return False


def capitalised(text: str) -> str:
    """`text` with each lower-case month name next to its day capitalised (the same length)."""
    if not any(c.isdigit() for c in text):
        return text
    return _DATED.sub(_capital, text)


def _capital(m: re.Match[str]) -> str:
    name = "a" if m.group("a") is not None else "b"
    start, end = m.start(name) - m.start(), m.end(name) - m.start()
    whole = m.group(0)
    return whole[:start] + whole[start].upper() + whole[start + 1 : end] + whole[end:]


__all__ = ["capitalised", "writes_lower"]
