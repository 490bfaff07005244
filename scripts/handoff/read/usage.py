"""A label of what is used of a capacity: a measurement, never the capacity itself.

A dashboard or a status report sets the capacity beside its use: `PV capacity 3.5 TiB` and `PV used
2.1 TiB`, `Disk size 2 TB` and `Disk free 800 GB`, `Memory in use 190 GiB`. A careful reader takes
the disk and memory of the deployment from the capacity: a figure whose label says it is used,
consumed, free, available or left of the amount measures the load, and the next month's figure
will differ.

`capacities(value, sizes)`: the sizes of one value that are not followed by a word of use
(`2.1 TB used of 3 TB`, `800 GB free of 2 TB`, `190 GiB used / 256 GiB`): the amount is the other;
nor, beside another, by words saying a tool shows it (`62 GB usable as reported by free -g; 64 GB
configured in vCenter`): that is a reading of the amount.

`of_capacity(label)`: the label names a use or a remainder of an amount (used, in use, usage,
consumed, occupied, utilised, free, available, left, remaining), not the amount; a label naming
what the space holds (`Disk used for git data`: the repositories' size) is not this module's, and
neither is a form's instruction in a label (`Persistent storage (free text)`: the answer is text),
nor a command the figure was read with (`Verify memory (free -g)`: the word before its flag).

A peak, a high-water mark or an average seen on the running machine (`memory: peak so far 71 GiB`,
`128 GiB (peak usage 71 GiB)`, `disk: high-water mark 900 GB`) is a measurement too: the most or the
mean the load reached, never what the machine has. `capacities` leaves out a size such a word comes
right before (a few words between at most: "peak so far", "observed peak of"), and
`only_readings(value)` says a value has sizes and all of them are such readings (it states no size).

`measured_after(text, end)`: in prose, a memory or disk size followed right away by such a word
("memory 109 GiB used of 128 (85 %)", "96 GB used (page cache excluded)") is a reading of the load
on the machine, not its memory or disk: the prose reader takes no amount from it.
"""

from __future__ import annotations

import re

from handoff.read import shapes
from handoff.read.shapes import Match

_USE = re.compile(
    r"\b(?:used|in use|usage|consumed|consumption|occupied|utili[sz](?:ed|ation)|"
    r"free(?![\s-]+(?:text|form|entry|field|answer|format)\b)|available|left|"  # ("free text": a form's)
    r"remaining|allocated so far|filled)\b(?!\s+(?:for|by)\b)"
    r"(?!\s+--?[a-z])",  # ("free -g", a command's flag: how the figure was read, `Verify memory (free -g)`)
    re.IGNORECASE,
)


def of_capacity(label: str) -> bool:
    """Whether a label of a size names the part used (or left) of an amount, not the amount."""
    return bool(_USE.search(label))


_USE_AFTER = re.compile(rf"\s*(?:{_USE.pattern})", re.IGNORECASE)


def capacities(value: str, sizes: list[Match]) -> list[Match]:
    """`sizes` of `value` less those a word of use follows (none left: none is the amount)."""
    shares = {
        i
        for i in range(len(sizes) - 1)
        if share_of_next(value[sizes[i].end : sizes[i + 1].start], value[: sizes[i].start])
    }
    if shares:  # "64 GB of 128 GB used": the share is the use, the size after it the capacity
        return [m for i, m in enumerate(sizes) if i not in shares]
    kept = [
        m for m in sizes if not _USE_AFTER.match(value, m.end) and not _PEAK_BEFORE.search(value[: m.start])
    ]
    read = [m for m in kept if _READ_AFTER.match(value, m.end)] if len(kept) > 1 else []
    if read and len(read) < len(kept):  # "62 GB usable as reported by free -g; 64 GB configured"
        return [m for m in kept if m not in read]
    return kept


# a peak, high-water mark or average seen written right before a size, a few words between at most
# ("peak so far 71 GiB", "observed peak of 71 GiB", "high-water mark: 900 GB", "avg 40 GB"): a reading
_PEAK_BEFORE = re.compile(
    r"\b(?:peak(?:ed|s)?|high[\s-]?water(?:\s+mark)?|average|avg|mean)\b(?:\s+(?!\d)[\w-]+){0,3}?"
    r"\s*(?:at|of|was|is|:|=|~|≈|around|about)?\s*(?:[~≈]\s*)?$",
    re.IGNORECASE,
)


def only_readings(value: str) -> bool:
    """Whether `value` has sizes and every one is a peak, high-water mark or average seen
    (`peak so far 71 GiB`): a value stating no capacity at all."""
    found = list(shapes.sizes(value))
    return bool(found) and not any(not _PEAK_BEFORE.search(value[: m.start]) for m in found)


# a figure as a tool or the system shows it ("62 GB usable as reported by free -g", "61.8 GiB as seen
# by the OS"): a reading of the amount, beside which the amount itself (configured) is the value
# a word right after a size saying it is the part used or left of an amount ("109 GiB used of 128",
# "96 GB used (page cache excluded)", "800 GB free"): a reading of the load ("available" is not one:
# "2 TB available to Sourcegraph" is often the amount given to it)
_MEASURED_AFTER = re.compile(
    r"\s*(?:used|in use|consumed|occupied|utili[sz]ed|free|left|remaining)\b(?!\s+(?:for|by|to|as)\b)"
    r"(?!\s*--?[a-z])",
    re.IGNORECASE,
)


def measured_after(text: str, end: int) -> bool:
    """Whether the size ending at `end` is said to be used or left of an amount by the word right after
    it: a measurement of the load, not a memory or disk of the deployment."""
    return _MEASURED_AFTER.match(text, end) is not None


_READ_AFTER = re.compile(
    r"\s*(?:(?:usable|free|available|total)\s+)?(?:as\s+)?(?:reported|shown|seen|displayed|visible)\b",
    re.IGNORECASE,
)


_SHARE = re.compile(  # "640 GB of 1 TB", "1.1 TB out of the 2 TB provisioned", "640 GB used of 1 TB"
    rf"\s*(?:(?:{_USE.pattern})\s+)?(?:out\s+)?of\s+(?:the\s+|an?\s+|its\s+|our\s+)?"
    r"(?:total\s+|provisioned\s+|allocated\s+|available\s+)?(?:[~≈]\s*)?",
    re.IGNORECASE,
)
_SLASH = re.compile(r"\s*/\s*")


def share_of_next(gap: str, head: str) -> bool:
    """Whether a size is a share of the size right after it: the words between say so ("640 GB of
    1 TB", "1.1 TB out of 2 TB"), or a slash does after a word of use ("Disk usage: 640 GB / 1 TB")."""
    return bool(_SHARE.fullmatch(gap)) or bool(_SLASH.fullmatch(gap) and _USE.search(head))


__all__ = ["capacities", "measured_after", "of_capacity", "only_readings", "share_of_next"]
