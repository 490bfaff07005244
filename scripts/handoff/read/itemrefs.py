"""References to other work items in a tracker's export: `#57`, `!131` (pure).

An issue's or a merge request's sidebar lists the items it closes or relates to by number and title
("Closes | #57 Production Sourcegraph instance, #61 Perforce depots in Sourcegraph"), and its text
points at others in passing ("decided in #61", "(#89 merged)"). A careful reader takes `#61` as a
name, not a figure (no count of 61), and a listed item's title as that item's subject: its words
("Production Sourcegraph instance", "Perforce depots") say what the other item is about, not what
this deployment is, where, or which hosts it has. `unreferenced` blanks both (length kept): the
number of every reference, and, in a list of two references or more, the title of each one listed at
the start of the text or after a separator, up to the next separator or bracket. A reference inside a
sentence keeps the words after it ("Terraform plan for #90 (staging): 1 × Standard_D4s_v5" still says
staging), and so does a lone one opening a line (a changelog's "#14 gitserver resized to 2 TB"). An
item's number has two digits or more: `#3` is as often an ordinal ("node #3", "the #1 concern") and
is left as written.
"""

from __future__ import annotations

import re

# `#57`, `!131`: a hash or bang right before the digits, at a word's start
_REFERENCE = re.compile(r"(?<![\w&#!])(?:#|!)(\d{2,})\b")
# a listed reference and its title: at the text's start or after a separator, up to the next one
_LISTED = re.compile(r"(?:^|(?<=[,;·|•]))[ \t\u00a0]*(?:#|!)\d{2,}\b(?P<title>[^,;·|•()\[\]:\n]*)")


def _blank(m: re.Match[str], group: str | int) -> str:
    start, end = m.span(group)
    whole = m.group(0)
    at = m.start()
    return whole[: start - at] + " " * (end - start) + whole[end - at :]


def unreferenced(text: str) -> str:
    """`text` with its work-item references' numbers blanked, and the titles of listed ones."""
    if "#" not in text and "!" not in text:
        return text
    if len(_LISTED.findall(text)) > 1:  # a list of items, each with its title
        text = _LISTED.sub(lambda m: _blank(m, "title"), text)
    return _REFERENCE.sub(lambda m: _blank(m, 1), text)


__all__ = ["unreferenced"]
