"""A label of what is used of a capacity: a measurement, never the capacity itself.

A dashboard or a status report sets the capacity beside its use: `PV capacity 3.5 TiB` and `PV used
2.1 TiB`, `Disk size 2 TB` and `Disk free 800 GB`, `Memory in use 190 GiB`. A careful reader takes
the disk and memory of the deployment from the capacity: a figure whose label says it is used,
consumed, free, available or left of the amount measures the load, and the next month's figure
will differ.

`capacities(value, sizes)`: the sizes of one value that are not followed by a word of use
(`2.1 TB used of 3 TB`, `800 GB free of 2 TB`, `190 GiB used / 256 GiB`): the amount is the other.

`of_capacity(label)`: the label names a use or a remainder of an amount (used, in use, usage,
consumed, occupied, utilised, free, available, left, remaining), not the amount; a label naming
what the space holds (`Disk used for git data`: the repositories' size) is not this module's.
"""

from __future__ import annotations

import re

from handoff.read.shapes import Match

_USE = re.compile(
    r"\b(?:used|in use|usage|consumed|consumption|occupied|utili[sz](?:ed|ation)|free|available|left|"
    r"remaining|allocated so far|filled)\b(?!\s+(?:for|by)\b)",
    re.IGNORECASE,
)


def of_capacity(label: str) -> bool:
    """Whether a label of a size names the part used (or left) of an amount, not the amount."""
    return bool(_USE.search(label))


_USE_AFTER = re.compile(rf"\s*(?:{_USE.pattern})", re.IGNORECASE)


def capacities(value: str, sizes: list[Match]) -> list[Match]:
    """`sizes` of `value` less those a word of use follows (none left: none is the amount)."""
    return [m for m in sizes if not _USE_AFTER.match(value, m.end)]


__all__ = ["capacities", "of_capacity"]
