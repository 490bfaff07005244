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

from handoff.read.labelwords import label_meaning

AMOUNTS = frozenset({"total_cpu", "total_memory_gb", "total_disk_gb"})
_JOINED = re.compile(r"\s+(?:and|&|\+)\s+|\s*[,/]\s*", re.IGNORECASE)
_NUMBERED = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")  # `5.`, `2.1`, `B.`


def heading_topic(text: str) -> str | None:
    """The field a heading (of any length) is about: the amount one part of a heading joining two
    things names ("Storage and private endpoints" → the disk), else its meaning as a whole."""
    whole = label_meaning(text, any_length=True)
    if whole in AMOUNTS or not _JOINED.search(text):
        return whole
    parts = [p for p in _JOINED.split(_NUMBERED.sub("", text)) if p.strip()]
    named = {label_meaning(p) for p in parts} & AMOUNTS
    return named.pop() if len(parts) > 1 and len(named) == 1 else whole


__all__ = ["heading_topic"]
