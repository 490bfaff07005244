"""One size written twice in two units, the second said to be of the same thing.

A note reconciling units gives a quantity as one system reports it and then as another does: "the
admin page reports the largest one as 3,650 MB; du on gitserver reports 3.4 GiB for the same
repository", "865 GiB on the gitserver disks (the storage report says 0.93 TB, the same thing in
decimal terabytes)". The words "the same" say the second figure restates the first; the two agree once
the binary unit is converted to the decimal one (a GiB is 1.0737 GB). Which one to read: the binary
figure, as `read/figuretwice.py` does for a bracketed conversion: it is the figure the writer's system
measured or allotted, and a GiB counts as a GB (the decimal figure would be 7% off). When the figures
do not agree, nothing here changes either.

`restated(text, facts, offset)`: `facts` with a size fact whose figure is restated later in `text`
(after it, in the same paragraph, with "the same …" right after or before the restating figure) in a
binary unit that agrees with it read as that binary figure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.read import shapes
from handoff.read.fact import Fact

_SIZE_FIELDS = frozenset({"largest_repo_mb", "total_repo_size_gb", "total_disk_gb", "total_memory_gb"})
_SAME_AFTER = re.compile(
    r"\s+(?:for|of|on)\s+(?:exactly\s+)?the\s+same\s+(?:repository|repo|one|thing|data|figure|quantity|disk|"
    r"volume|memory)\b",
    re.IGNORECASE,
)
_SAME_BEFORE = re.compile(r"\bthe\s+same\s+(?:repository|repo|one|thing|figure|quantity)\b[^.;]{0,40}$", re.I)
_UNIT = re.compile(r"^([\d.]+)\s*([KMGTP])(i?)B$", re.IGNORECASE)
_STEP = {"K": 1, "M": 2, "G": 3, "T": 4, "P": 5}


def _bytes(value: str) -> tuple[float, bool] | None:
    """A size's bytes (binary units as binary) and whether its unit is binary."""
    m = _UNIT.match(value.replace(" ", ""))
    if m is None:
        return None
    step = _STEP[m.group(2).upper()]
    binary = bool(m.group(3))
    return float(m.group(1)) * (1024.0 if binary else 1000.0) ** step, binary


def restated(text: str, facts: list[Fact], offset: int = 0) -> list[Fact]:
    """`facts` with a size restated "for the same …" in a binary unit read as that figure."""
    if "same" not in text:
        return facts
    out = list(facts)
    for m in shapes.sizes(text):
        if not (_SAME_AFTER.match(text, m.end) or _SAME_BEFORE.search(text, max(0, m.start - 60), m.start)):
            continue
        again = _bytes(m.value)
        if again is None or not again[1]:
            continue
        for i, f in enumerate(out):
            at = f.start - offset
            first = _bytes(f.value)
            if f.field not in _SIZE_FIELDS or not 0 <= at < m.start or first is None or first[1]:
                continue
            if abs(first[0] - again[0]) <= 0.015 * again[0]:  # the same quantity in the other unit
                out[i] = replace(f, value=m.value, text=m.text)
    return out


__all__ = ["restated"]
