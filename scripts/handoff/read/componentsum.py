"""A total size followed by its breakdown over Sourcegraph's components: the deployment's disk.

A storage paragraph often gives the whole first and its parts after it in brackets: "Claimed by the
deployment: 2,600 GB in total (gitserver 2 × 800 GB, zoekt 2 × 350 GB, databases 200 GB, the rest
100 GB)". No noun says what the 2,600 GB is, but a careful reader sees the parts are the volumes of
gitserver, zoekt and the databases, and that they add up to it: the whole is the disk.

`proved_disk(s, facts, before)` finds a size of `s` said to be a total with no noun of its own (a
fact with no field, role `total`), right before a bracket whose items each give a size (`N × size`
counts N), at least two of them opening with a component's name, the rest only words (`the rest`,
`other`); when the items add up to the total (within 1%) and the sentence or the one before speaks
of storage (disk, volume, claim, PVC, vSAN, datastore …) and neither of memory, the total becomes
`total_disk_gb`. Nothing else is changed: without the arithmetic nothing is read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.units import size_gb
from handoff.read import shapes
from handoff.read.fact import Fact

_COMPONENTS = re.compile(
    r"^\s*(?:and\s+)?(?:the\s+)?(?:gitserver|zoekt|indexed[- ]search|searcher|symbols|pgsql|postgres(?:ql)?|"
    r"codeintel(?:-db)?|codeinsights(?:-db)?|databases?|dbs?|redis(?:-\w+)?|blobstore|minio|prometheus|grafana|"
    r"jaeger|monitoring|precise[- ]code[- ]intel\w*|embeddings|syntect)\b",
    re.IGNORECASE,
)
_REST = re.compile(
    r"^\s*(?:and\s+)?(?:the\s+)?(?:rest|others?|remainder|misc\w*|everything else)\b", re.IGNORECASE
)
_STORAGE = re.compile(
    r"\b(?:disks?|volumes?|claim\w*|pvcs?|pvs?|vsan|datastores?|luns?|storage|ssd|nvme)\b", re.I
)
_MEMORY = re.compile(r"\b(?:ram|memory|mem)\b", re.IGNORECASE)
_ITEM = re.compile(r"[,;]\s*")


def _breakdown(aside: str) -> float | None:
    """The sum (GB) of a bracket's items when each gives one size after words naming a component
    (two at least) or the rest; None otherwise."""
    items = [i for i in _ITEM.split(aside) if i.strip()]
    total, named = 0.0, 0
    for item in items:
        sizes = list(shapes.sizes(item))
        if len(sizes) != 1:
            return None
        m = sizes[0]
        lead = item[: m.start]
        times = shapes.size_count(lead)
        words = lead[: times.start()] if times else lead
        if _COMPONENTS.match(words) and not re.search(r"\d", words):
            named += 1
        elif not _REST.match(words):
            return None
        gb = size_gb(m.value)
        if gb is None:
            return None
        total += gb * (int(times.group(1)) if times else 1)
    return total if named >= 2 else None


def proved_disk(s: str, facts: list[Fact], before: str) -> list[Fact]:
    """`facts` with a noun-less total size whose bracketed component breakdown adds up to it read as
    the disk (see the module's docstring)."""
    totals = [f for f in facts if not f.field and f.role == "total"]
    if not totals or "(" not in s:
        return facts
    out = list(facts)
    for f in totals:
        opened = s.find("(", f.start)
        close = s.find(")", opened)
        if (
            opened < 0
            or close < 0
            or s[f.start + len(f.text) : opened].strip(" ,:") not in ("", "in total", "total")
        ):
            continue
        whole, parts = size_gb(f.value), _breakdown(s[opened + 1 : close])
        context = s + " " + before[-200:]
        if whole is None or parts is None or abs(parts - whole) > 0.01 * whole:
            continue
        if not _STORAGE.search(context) or _MEMORY.search(s):
            continue
        out[out.index(f)] = replace(
            f, field="total_disk_gb", how=f"{f.how}, its components' volumes adding up"
        )
    return out


__all__ = ["proved_disk"]
