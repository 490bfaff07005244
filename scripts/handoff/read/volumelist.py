"""A lead-in about the volumes, then one volume (or a set of replicas) a list item.

"EBS gp3 volumes, created by the chart's PVCs (sizes per replica):" over `gitserver: 4 replicas ×
250 GiB`, `indexed-search: 2 replicas × 300 GiB`, `pgsql: 200 GiB`, …; a bill's "… the TiB volumes
were created with the Terraform module that takes TiB:" over `pd-ssd, gitserver: 2 volumes × 1 TiB`,
…, `snapshot storage: 1.3 TiB average`. No item is the disk; a careful reader adds them, each as
its count of volumes times its size, and leaves out the copies (snapshots, backups).

`lead_in(label)`: a `Label:` line of prose (too long to be a field's label) that speaks of volumes,
disks or persistent storage, and of nothing bounded or planned: its list is read as the disk's
value. `lines_total(value)`: such a list one volume a line (`component: [N volumes|replicas ×]
size`, any other words after the size), copies left out, is their sum; any line that is not one
volume, and no total.
"""

from __future__ import annotations

import re

from handoff.core.units import ParseError, parse_size
from handoff.read import copies, shapes

_VOLUMES = re.compile(
    r"\b(?:volumes?|disks?|pvcs?|persistent\s+(?:volumes?|storage)|storage)\b", re.IGNORECASE
)
_NOT_NOW = re.compile(
    r"\b(?:plan(?:ned)?|propos\w*|request\w*|quota|limit|max(?:imum)?|up\s+to|growth|reserv\w*|option)\b",
    re.IGNORECASE,
)
_LINE = re.compile(
    rf"(?P<name>[A-Za-z][^:]{{0,60}}):\s*(?:(?P<n>\d{{1,3}})\s*(?:(?:replicas?|volumes?|disks?|pvcs?|copies)\s*)?"
    rf"[×x*]\s*)?(?P<size>{shapes.NUMBER}\s*[KMGT]i?B?)\b",
    re.IGNORECASE,
)


def lead_in(label: str, closed: bool = False) -> bool:
    """Whether a `Label:` line of prose introduces a list of the deployment's volumes (`closed`: a
    paragraph of prose, which must end on the colon)."""
    if closed and not label.rstrip().endswith(":"):
        return False
    return len(label.split()) > 4 and bool(_VOLUMES.search(label)) and not _NOT_NOW.search(label)


def lines_total(value: str) -> str | None:
    """The sum of a list of volumes one a line (copies left out), as `N GB`; None otherwise."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    total, parts = 0.0, 0
    for line in lines:
        m = _LINE.match(line)
        if m is None or (len(list(shapes.sizes(line))) != 1 and not copies.copies_label(line)):
            return None
        if copies.copies_label(m.group("name")):
            continue  # "snapshot storage: 1.3 TiB average": copies, not a volume
        try:
            size = parse_size(m.group("size"), "GB")
        except ParseError:
            return None
        total, parts = total + size * int(m.group("n") or 1), parts + 1
    return f"{shapes.canon(f'{total:.3f}')} GB" if parts > 1 else None


__all__ = ["lead_in", "lines_total"]
