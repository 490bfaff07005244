"""Sizes of a managed data service beside the deployment: the cloud's database or object store.

A large deployment keeps its databases and uploads in services the cloud runs (Amazon RDS or
Aurora, Cloud SQL, Azure Database for PostgreSQL, an S3 or GCS bucket, a Blob Storage account) and
its TDD sizes them beside the cluster: "Amazon RDS for PostgreSQL 16, db.r6i.2xlarge, Multi-AZ,
1,000 GiB gp3 storage", "DB is Cloud SQL (pg16, HA, 1 TB)", "S3 for code-intel uploads (1.1 TB at
period end)". A careful reader does not add them to the deployment's disk (nor the database
machine's memory or CPUs to its totals): the disks are the cluster's volumes, written elsewhere.

`spans(sentence)` gives the stretches of a sentence that describe one such service: from its name
to the first figure whose words after it name a disk of the deployment's own (`gitserver`, a
volume, a PVC), and never past a new clause (`;`, "and", "but", "while", "plus", outside the
service's brackets). A database the deployment runs itself (`postgres 200 GB`, `pgsql` on its own
volume, MinIO as the blob store) is no managed service and stays in the disk.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.read.fact import Fact

# a service the cloud runs for the deployment's data (not a disk, nor a file share it might mount)
_MANAGED = quick(
    r"\b(?:Amazon\s+|AWS\s+)?(?:RDS|Aurora)\b|\bCloud\s+SQL\b|\bAlloyDB\b|"
    r"\bAzure\s+Database\s+for\s+(?:PostgreSQL|MySQL)\b|\bFlexible\s+Server\b|\bAzure\s+SQL\b|"
    r"\bmanaged\s+(?:PostgreSQL|Postgres|database|DB)\b|"
    r"\b(?:Amazon\s+)?S3\b|\bGCS\b|\bCloud\s+Storage\b|\bBlob\s+Storage\b|\bstorage\s+account\b|"
    r"\b(?:bucket|Memorystore|ElastiCache|Azure\s+Cache\s+for\s+Redis)\b",
    re.IGNORECASE,
)
# a new clause between the service and a figure: the figure is another thing's
_CLAUSE = re.compile(r"[;.]\s|\b(?:and|but|while|whereas|plus)\b|\+", re.IGNORECASE)
# the deployment's own disks named between the service and the figure, or right after the figure
_OWN_DISK = re.compile(
    r"\b(?:gitserver|zoekt|indexed[- ]search|searcher|PVCs?|persistent\s+volumes?|volumes?|EBS|"
    r"pd-(?:ssd|balanced)|Premium\s+SSD|managed\s+disks?|nodes?|cluster|in-cluster)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"(?<![\w.,])\d")  # where a figure begins
_NEAR = 16  # characters between a figure and the disk noun that makes it the deployment's
_OPEN, _CLOSE = "([", ")]"


def _open_bracket(text: str) -> bool:
    """Whether `text` leaves a bracket open (the figure is inside the service's own aside)."""
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    return depth > 0


def spans(sentence: str) -> list[tuple[int, int]]:
    """The stretches of `sentence` that describe a managed data service: each from the service's
    name to the end of its clause (a figure after them is the service's)."""
    names = list(_MANAGED.finditer(sentence))
    if not names:
        return []
    found: list[tuple[int, int]] = []
    for i, m in enumerate(names):
        end = names[i + 1].start() if i + 1 < len(names) else len(sentence)
        gap_end = m.end()
        for cut in _CLAUSE.finditer(sentence, m.end(), end):
            if not _open_bracket(sentence[m.end() : cut.start()]):
                end = cut.start()
                break
        own = _OWN_DISK.search(sentence, gap_end, end)
        if own is not None:  # "…, 4 TB pd-ssd for gitserver": that figure on is the deployment's
            figure = _FIGURE.search(sentence, max(gap_end, own.start() - _NEAR), own.start())
            end = figure.start() if figure else own.start()
        found.append((m.start(), end))
    return found


def left_out(sentence: str, facts: list[Fact], fields: frozenset[str]) -> list[Fact]:
    """`facts` of `sentence` without those of `fields` that lie in a managed service's stretch."""
    stretches = spans(sentence) if facts else []
    if not stretches:
        return facts
    return [f for f in facts if f.field not in fields or not any(a <= f.start < b for a, b in stretches)]


__all__ = ["left_out", "spans"]
