"""A labelled amount written as its named parts, and whether they are the whole.

"Disk: gitserver 2× 1 TB gp3, zoekt 500 GB, pg+misc 100 GB" states no total: it lists the disks,
each with the component it serves. A careful reader never takes the first part for the total; the
parts are the whole when the value is nothing but that list (every item names its component and
has one size, a count of volumes before it allowed), so their sum is the amount (2,600 GB). A value
that opens with a figure ("2.6 TB (gitserver 2 × 1 TB, …)") states its own total: not read here.
"""

from __future__ import annotations

import re

from handoff.core.units import ParseError, parse_size
from handoff.read import shapes

_ITEMS = re.compile(r"\s*(?:[,;]|\s\+\s|\band\b|\bplus\b)\s*", re.IGNORECASE)
_COUNT = re.compile(r"(\d{1,3})\s*[x×*]\s*$", re.IGNORECASE)  # "2× " before a size: that many volumes
_NAME = re.compile(r"[A-Za-z]")


def named_parts_total(value: str) -> str | None:
    """The sum of a value listing named sizes ("gitserver 2× 1 TB, zoekt 500 GB"), as `N GB`; None
    when the value is anything else (one size, a total first, an item without a name or a size)."""
    if len(list(shapes.sizes(value))) < 2 or not _NAME.match(value.lstrip()):
        return None
    total = 0.0
    for item in _ITEMS.split(value):
        if not item:
            continue
        sized = list(shapes.sizes(item))
        if len(sized) != 1 or not _NAME.search(item[: sized[0].start]):
            return None
        count = _COUNT.search(item[: sized[0].start])
        try:
            size = parse_size(sized[0].value, "GB")
        except ParseError:
            return None
        total += size * (int(count.group(1)) if count else 1)
    return f"{shapes.canon(f'{total:.3f}')} GB"
