"""Whether a value stands in a comment of a work item's thread (pure).

An issue's, a story's or a merge request's comments are pasted as entries under stamp lines ("mkrantz
commented on Jun 23, 2026", "Tomasz added a comment - 19/Mar/26 5:20 PM"), which the walk makes
headings (`read.stamps`). A comment is a person's remark on the item, unlike a changelog's entry, which
revises the document: a count a comment gives after the build was complete is the estate's growth
since, not what the item built (`Gather._grown_after_build`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.read import shapes
from handoff.read.stamps import is_stamp_line


def under_comment(titles: Sequence[str]) -> bool:
    """Whether the innermost heading naming a day over a place (`titles`, outermost first) is a
    comment's stamp line."""
    for title in reversed(titles):
        if next(shapes.dates(title, "2000"), None) is not None:
            return is_stamp_line(title)
    return False


# words telling a figure changed since: "We now have 1,120 repos after the archive import", "grew to"
_CHANGE = re.compile(
    r"\b(?:now|grew|grown|increased|since|up\s+from|more\s+than\s+(?:before|at)|after\s+(?:the|our|an?)\s+\w+)\b",
    re.IGNORECASE,
)


def tells_change(text: str) -> bool:
    """Whether a comment's words tell that its figure changed since (`now`, `grew`, `after the import`)."""
    return _CHANGE.search(text) is not None


__all__ = ["tells_change", "under_comment"]
