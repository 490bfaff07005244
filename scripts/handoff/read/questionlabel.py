"""An answer that cannot be read without its question: the question is its label.

In a questionnaire (`D19. Maximum number of repositories?` then `R: 3.000, come da verbale …`) or a
transcript (`read.turns` makes each question a list item heading its answers), an answer that opens
with a bare figure or date (`3,000, as agreed in the meeting of 2/9`, `16/10/2026 (Friday), with all
repositories indexed`) or by saying the value was never set
(`Not defined by the customer. We see a peak of about 150 …`) says what it is only through the
question. A careful reader reads it as the question's field: `Maximum number of repositories:
3,000 …`, `Maximum number of concurrent users: not defined …` (no value, its remark's figure none).
Any other answer says what its figures are itself and is read as it is, under its question.
"""

from __future__ import annotations

import re

from handoff.read import shapes
from handoff.read.edits import unexample
from handoff.read.unset import says_unset

# the question's own number or letter before it (`D19.`, `Q3)`, `3.2`, `Frage 4:`)
_NUMBERED = re.compile(r"^\s*(?:[A-Za-z]{1,6}[\s-]?)?\d+(?:[.-]\d+)*[a-z]?[.):]?\s+")
_EXAMPLE_MARK = re.compile(r"\be\.\s?g\.|\beg\.|\bfor (?:example|instance)\b|\bexample:", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"\s*[(\[]\s*[)\]]")
# a figure alone at the answer's start: punctuation or the end after it, no unit or noun
_BARE_FIGURE = re.compile(
    r"^[\s\"'“«(]{0,3}(?:~|≈|ca\.\s?|approx\.\s?)?\d++(?:[.,'\u2009\u202f\u00a0]\d++)*+"
    r"(?=\s*(?:[,;:(]|[–—](?!\s*\d)|$))"
)


def asked_label(question: str) -> str:
    """A question line as a label: its numbering, question mark and examples left out ("" for none).
    A form's prompt asks without a question mark too (`Q6.2. Expected peak concurrent users`); an
    example it gives (`Number of licensed users (e.g. 500 users)`) is no part of what it asks."""
    text = question.strip()
    if not text or "\n" in text:
        return ""
    if _EXAMPLE_MARK.search(text):
        text = _EMPTY_BRACKETS.sub("", unexample(text))
    return _NUMBERED.sub("", text).rstrip("?:, ").strip()


def needs_question(answer: str) -> bool:
    """Whether an answer opens with a bare figure or date, or by saying its value was not set, or is a
    machine type alone (module doc)."""
    if _BARE_FIGURE.match(answer) or says_unset(answer) or bare_type(answer):
        return True
    head = answer.lstrip(" \t•*-–—")[:40]
    found = next(shapes.dates(head), None) if head[:1].isdigit() else None
    return found is not None and found.start == 0


# what may follow a type answered alone: the end, or a remark set off by a dash, comma, semicolon or bracket
_AFTER_TYPE = re.compile(r"\s*(?:$|[,;(\[]|[–—-]\s)")


def bare_type(answer: str) -> bool:
    """Whether an answer is a machine type written alone, without a count (`m6i.4xlarge`,
    `Standard_E16s_v5 — memory optimised`): a form's prompt (`Worker node instance type`) asks what the
    machines are, and the answer names them in the prompt's place; how many is another question's."""
    text = answer.strip()
    found = list(shapes.instances(text))
    if len(found) != 1 or not shapes.bare(found[0]) or found[0].start != 0:
        return False
    return bool(_AFTER_TYPE.match(text, found[0].end))


__all__ = ["asked_label", "bare_type", "needs_question"]
