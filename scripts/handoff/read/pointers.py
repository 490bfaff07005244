"""Answers that point back to an earlier answer instead of repeating it: "Same as 2.1", "Same as
2.2, except the subscription is …", "As for 3.4", "same as above".

A questionnaire asked once per environment often answers a later environment's question by the
number of an earlier answer. A careful reader reads the answer pointed at again, in the place of the
pointer (so in the later environment), then the words after it ("except …", "but all projects,
plus GitHub Enterprise Cloud") as written. `Answers` records, per numbered title (a heading or
question opening with its number: `2.1  Deployment method`), the text of the paragraphs under it;
`Answers.resolve(text, title)` gives the text a pointer stands for, or None. "Above" is the answer
under the numbered title before the current one.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^\W*(\d+(?:\.\d+)+|\d+)[.)]?\s")
_POINTER = re.compile(
    r"^\W*(?:(?:the\s+)?same\s+as|as\s+(?:in|for|per)|identical\s+to|unchanged\s+from)\s+"
    r"(?:(?:answer|question|item|section|§)\s*)?(?:(?P<n>\d+(?:\.\d+)+|\d+)\b|(?P<above>above|before)\b)",
    re.IGNORECASE,
)


class Answers:
    """The answers under each numbered title, for the pointers after them."""

    def __init__(self) -> None:
        self.texts: dict[str, list[str]] = {}
        self.order: list[str] = []
        self.line: tuple[str, str] = ("", "")  # (the last numbered question line, the heading it was under)

    def title(self, text: str, heading: str) -> str:
        """The numbered title a paragraph answers: the last numbered question line written as a plain
        paragraph (`4.1) How is it installed?`) under the same heading, else the heading; a numbered
        question line is its own title (it is no answer)."""
        if len(text) <= 100 and "\n" not in text and _NUMBER.match(text) and not _POINTER.search(text):
            self.line = (text, heading)
            return text
        line, under = self.line
        return line if line and under == heading else heading

    def record(self, title: str, text: str) -> None:
        m = _NUMBER.match(title)
        if m is None:
            return
        key = m.group(1)
        if key not in self.texts:
            self.texts[key] = []
            self.order.append(key)
        self.texts[key].append(text)

    def resolve(self, text: str, title: str) -> str | None:
        """The text a paragraph opening with a pointer stands for: the answer pointed at, then the
        paragraph's own words after the pointer; None when it points at nothing recorded."""
        m = _POINTER.match(text) if text[:1].isalpha() or text[:1] in "(\"'" else None
        if m is None:
            return None
        if m.group("n"):
            key = m.group("n")
        else:
            own = _NUMBER.match(title)
            at = self.order.index(own.group(1)) if own and own.group(1) in self.order else len(self.order)
            key = self.order[at - 1] if at > 0 else ""
        said = self.texts.get(key)
        if not said or _POINTER.match(said[0]):
            return None
        rest = text[m.end() :].lstrip(" ,;:.")
        return " ".join(said) + (" " + rest if rest else "")
