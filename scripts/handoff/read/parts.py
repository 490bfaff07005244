"""A labelled amount written as its named parts, and whether they are the whole.

"Disk: gitserver 2× 1 TB gp3, zoekt 500 GB, pg+misc 100 GB" states no total: it lists the disks,
each with the component it serves. A careful reader never takes the first part for the total; the
parts are the whole when the value is nothing but that list (every item names its component and
has one size, a count of volumes before it allowed), so their sum is the amount (2,600 GB). A value
that opens with a figure ("2.6 TB (gitserver 2 × 1 TB, …)") states its own total: not read here.
A list closed by a figure after a dash that is exactly the sum of its parts ("gitserver 3 × 1,000
GiB, …, redis and the rest 100 GiB — 4,700 GiB in the active region") states its total there: the
arithmetic proves it, with or without a total word.
"""

from __future__ import annotations

import re

from handoff.core.units import ParseError, parse_size
from handoff.read import shapes

_ITEMS = re.compile(r"\s*(?:,(?!\d{3}(?!\d))|;|\s\+\s|\band\b|\bplus\b)\s*", re.IGNORECASE)  # (not `1,000`)
_COUNT = re.compile(r"(\d{1,3})\s*[x×*]\s*$", re.IGNORECASE)  # "2× " before a size: that many volumes
_NAME = re.compile(r"[A-Za-z]")


_SUM_AFTER = re.compile(r"\s*(?:[—–:=]|-\s|→)\s*(?:about\s+|~\s*|≈\s*)?")  # "… 100 GiB — 4,700 GiB"


def _size_gb(size: str, before: str) -> float | None:
    """A size in GB, times the count of volumes written right before it ("2× 1 TB")."""
    count = _COUNT.search(before)
    try:
        return parse_size(size, "GB") * (int(count.group(1)) if count else 1)
    except ParseError:
        return None


def _items(value: str) -> list[str]:
    """The items of a list, a name's words before "and" kept with what follows ("redis and the rest
    100 GiB" is one item; "gitserver 1 TB and zoekt 500 GB" two)."""
    pieces = _ITEMS.split(value)
    joins = _ITEMS.findall(value)
    out: list[str] = []
    carry = ""
    for k, piece in enumerate(pieces):
        joined = k < len(joins) and joins[k].strip().casefold() == "and"
        if joined and piece and not shapes.DIGIT.search(piece):
            carry += f"{piece} and "
            continue
        out.append(carry + piece)
        carry = ""
    return out


_TOTAL_WORD = re.compile(r"\b(?:in sum|in total|total|altogether|together|combined|overall)\b", re.IGNORECASE)


def named_parts_total(value: str) -> str | None:
    """The sum of a value listing named sizes ("gitserver 2× 1 TB, zoekt 500 GB"), as `N GB`; None
    when the value is anything else (one size, a total first, an item without a name or a size)."""
    if len(list(shapes.sizes(value))) < 2 or not _NAME.match(value.lstrip()):
        return None
    total = 0.0
    for item in _items(value):
        if not item:
            continue
        if _TOTAL_WORD.search(item):
            return None  # "…, databases 250 GiB; in sum 4,250 GiB": a stated total, read as such
        sized = list(shapes.sizes(item))
        if (
            len(sized) == 2
            and _NAME.search(item[: sized[0].start])
            and _SUM_AFTER.fullmatch(item, sized[0].end, sized[1].start)
        ):
            last = _size_gb(sized[0].value, item[: sized[0].start])
            stated = _size_gb(sized[1].value, "")
            if last is not None and stated is not None and abs(total + last - stated) <= 0.005 * stated:
                return sized[1].value  # "…, redis 100 GiB — 4,700 GiB in the region": the parts' sum, stated
            return None
        if len(sized) != 1 or not _NAME.search(item[: sized[0].start]):
            return None
        count = _COUNT.search(item[: sized[0].start])
        try:
            size = parse_size(sized[0].value, "GB")
        except ParseError:
            return None
        total += size * (int(count.group(1)) if count else 1)
    return f"{shapes.canon(f'{total:.3f}')} GB"
