"""A machine's OS disk beside its data disk: the data disk is Sourcegraph's.

A VM's summary or a handover lists each disk with what it is for: "Hard disk 1  100 GB (OS, thin)",
"Hard disk 2  1,500 GB (data, thick eager zeroed)", "OS disk: 128 GB" / "Data disk: 2 TB". The disk a
TA records is where Sourcegraph keeps its data; the operating system's disk is the machine's. So when
one environment's disk figures, each read at its own place, include one whose own line marks it the
OS's (an aside opening with `OS`, `boot` or `root`; an `OS disk`, `boot volume`, `root disk`) and one
whose own line marks it the data's (`(data …)`, `data disk`, `data volume`), the OS disk's figure gives
way. A line that adds the two ("100 GB OS + 1.5 TB data") marks both at one place and is read as its
sum elsewhere (`read/parts.py`); it is left alone here, as is a disk list with no data disk named.

`os_disks(values, text_at)`: the ids of the values that give way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.model import TddValue

_OS = re.compile(
    r"\(\s*(?:os|boot|root)\b|\b(?:os|boot|root|system)[\s-]+(?:disks?|volumes?|drives?|partitions?)\b",
    re.IGNORECASE,
)
_DATA = re.compile(r"\(\s*data\b|\bdata[\s-]+(?:disks?|volumes?|drives?|partitions?)\b", re.IGNORECASE)


def os_disks(values: list[TddValue], text_at: Callable[[TddValue], str]) -> set[int]:
    """The ids of the disk values whose own place marks them the OS's, in an environment where another
    disk value's own place marks it the data's."""
    drop: set[int] = set()
    for trial in (False, True):
        disks = [v for v in values if v.field == "total_disk_gb" and (v.section == "trial") == trial]
        if len(disks) < 2:
            continue
        kinds = {id(v): _kind(text_at(v)) for v in disks}
        if "data" in kinds.values() and "os" in kinds.values():
            drop.update(i for i, k in kinds.items() if k == "os")
    return drop


def _kind(text: str) -> str:
    """`os` or `data` when the text marks one of them only, else nothing."""
    os_disk, data = _OS.search(text) is not None, _DATA.search(text) is not None
    if os_disk == data or "+" in text:
        return ""
    return "os" if os_disk else "data"


__all__ = ["os_disks"]
