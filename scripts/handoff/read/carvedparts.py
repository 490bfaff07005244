"""Volumes a document says are carved out of disks it has already counted: parts, no capacity.

A design that gives the machines' disks and then the Kubernetes volumes living on them often says
so: "The persistent volume claims below are carved out of those disks, so they are not additional
capacity:", "Longhorn volumes come out of the agents' data disks: 2,850 GiB claimed in all, which is
not extra storage". The claims add up to a figure of their own, but a careful reader records the
disks, not what was cut from them: the writer has said the sizes are not more disk. So a sentence
saying what it gives is not additional (extra, further, separate, new) capacity, storage, disk or
space gives no disk, and a table right after a lead-in saying so is read as no production part (its
sizes are the parts of a disk counted elsewhere). Only the writer's own words decide, never the
names of the volumes.

`not_extra(text)`: whether the text says what it describes is no capacity of its own (`NOT_EXTRA`
the words saying so, for `read.outside`).
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

NOT_EXTRA = quick(
    r"(?:\b(?:is|are|was|were|being)|['’](?:s|re))\s*(?:n['’]t|\s+not)\s+(?:any\s+)?"
    r"(?:additional|extra|further|separate|new|more)\s+(?:[\w-]+\s+)?(?:capacity|storage|disks?|space|volumes?)\b"
    r"|\bnot\s+(?:additional|extra)\s*(?:capacity|storage|disks?|space)?\s*(?:[)\].,;:]|$)",
    re.IGNORECASE,
)


def not_extra(text: str) -> bool:
    """Whether `text` says what it describes is not additional capacity ("so they are not
    additional capacity", "which is not extra storage", "(inside the 6 TB export, not extra)")."""
    return bool(NOT_EXTRA.search(text))


__all__ = ["NOT_EXTRA", "not_extra"]
