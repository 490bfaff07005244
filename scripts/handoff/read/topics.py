"""The field a heading is about, when it names two things.

A heading names what its part speaks of ("Storage" → the disk, "Endpoints" → the instance URL), and a
bare figure under it is of that field. A heading joining two things ("Storage and private endpoints",
"Compute & networking", "Volumes, backups") speaks of both: a careful reader takes a bare size under
it as the amount it names, not as the other thing. `heading_topic(text)`: the amount (CPU, memory,
disk) one part of a joined heading names, when exactly one part names an amount and another names
something else; otherwise the meaning of the whole heading.
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened
from handoff.read.labelwords import label_meaning

AMOUNTS = frozenset({"total_cpu", "total_memory_gb", "total_disk_gb"})
_JOINED = opened(re.compile(r"\s+(?:and|&|\+)\s+|\s*[,/]\s*", re.IGNORECASE))
_NUMBERED = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")  # `5.`, `2.1`, `B.`


# a heading naming only the code: "Source code", "3 Code", "Codebase", "Code and scale"
_CODE_PART = re.compile(
    r"(?:the\s+)?(?:source\s+)?code(?:\s*base)?(?:\s+(?:and|&)\s+(?:scale|size|volume|repositories|repos))?\W*",
    re.IGNORECASE,
)


def heading_topic(text: str) -> str | None:
    """The field a heading (of any length) is about: the amount one part of a heading joining two
    things names ("Storage and private endpoints" → the disk), else its meaning as a whole; a heading
    naming only the code ("Source code", "Code and scale") is about the repositories (a bare `Total
    size` under it is theirs: `read/measured.py`)."""
    whole = label_meaning(text, any_length=True)
    if whole is None and _CODE_PART.fullmatch(_NUMBERED.sub("", text.strip())):
        return "repositories"
    if whole in AMOUNTS or not _JOINED.search(text):
        return whole
    parts = [p for p in _JOINED.split(_NUMBERED.sub("", text)) if p.strip()]
    named = {label_meaning(p) for p in parts} & AMOUNTS
    return named.pop() if len(parts) > 1 and len(named) == 1 else whole


__all__ = ["heading_topic"]
