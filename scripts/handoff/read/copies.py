"""Sizes of copies kept apart from the deployment's disks: snapshots and backups.

"snapshot storage: 1.3 TiB average", `Backup vault | 3.6 TB`, "1.3 TiB of snapshots": a careful
reader does not count them as the deployment's disk (they are copies of its volumes, billed and
kept apart, often in another service). A size whose own label, or whose words right before it in
its clause, or whose noun right after it names snapshots or backups is no disk figure; the disks
themselves are written elsewhere ("gitserver: 2 volumes × 1 TiB"). It does not drop a disk the
words only say is backed up ("2 TB gp3, snapshotted nightly": the noun after the figure is the disk).
"""

from __future__ import annotations

import re

WORDS = frozenset({"snapshot", "snapshots", "backup", "backups"})
_HEAD = re.compile(r"\b(?:snapshots?|backups?)\b[^.;,()\d]{0,30}$", re.IGNORECASE)  # "snapshot storage: "
_TAIL = re.compile(r"^\s*(?:of\s+)?(?:[\w-]+\s+)?(?:snapshots?|backups?)\b", re.IGNORECASE)  # "of snapshots"


def copies_label(label: str) -> bool:
    """Whether a label names copies (snapshots, backups) rather than the deployment's disks."""
    return bool(WORDS.intersection(re.findall(r"[a-z]+", label.casefold())))


def copy_size(head: str, tail: str) -> bool:
    """Whether the words right before a size (`head`, its own clause) or right after it (`tail`)
    make it the size of snapshots or backups."""
    return bool(_HEAD.search(head) or _TAIL.match(tail))


_CLAUSE_OPEN = re.compile(r"[.;,()](?!\d)")


def only_copies(value: str, sizes: list[tuple[int, int]]) -> bool:
    """Whether each size of a labelled value (`sizes`: their spans) is said to be copies' by its own
    words ("Storage: the backup vault holds 12 TB of snapshots"): the label's disk word named the
    copies' storage, no disk of the deployment."""
    if not sizes:
        return False
    for start, end in sizes:
        opened = max((m.end() for m in _CLAUSE_OPEN.finditer(value, 0, start)), default=0)
        if not copy_size(value[opened:start], value[end:]):
            return False
    return True


__all__ = ["WORDS", "copies_label", "copy_size", "only_copies"]
