"""A shared storage whole and the part of it allocated to Sourcegraph: the part is the disk, the whole
is nobody's.

An on-premises or platform TDD often names the storage its volumes are carved from: "The storage
array is 20 TB; Sourcegraph was allocated 2.6 TB of it", "Datastore DS-PROD-01: 40 TB, of which
2.6 TB are allocated to the Sourcegraph VMs", "Our vSAN cluster provides 64 TB in total, and 2.6
TB of it has been carved out for Sourcegraph", "Storage class fast-ssd (20 TB pool); …". A careful
reader gives the whole's capacity to the whole (an array, a storage or Ceph pool, a datastore, a
NetApp aggregate, a SAN or NAS, a vSAN cluster, a filer), shared with every other system on it, and
reads the deployment's disk from the part said to be Sourcegraph's. With no part stated, the
whole's size is no disk at all (withheld, never the whole).

A size is the whole's when it stands right before the whole's noun (`a 20 TB pool`, `40 TB
datastore`) or after it in the same clause with nothing between that names Sourcegraph or an
allocation (`The storage array is 20 TB`, `Datastore DS-PROD-01: 40 TB`, `the SAN has 120 TB
usable`, `pool (200 TB raw)`); not when a disk's own noun follows it (`Datastore DS-01 (2 TB
thin-provisioned disk)`). A size is the part when its clause names Sourcegraph (or the deployment)
and its allocation or use (`was allocated`, `carved out for`, `uses`, `the Sourcegraph LUN`, `of
which … for Sourcegraph`). Clauses end at `;`, a sentence's stop, `, of which`, `, and`, `, but`,
`, while`, `, whereas`. A size that is the sum of the sizes written before it (`100 GB + 1,400 GB on
the vSAN datastore, 1.5 TB in total`) is their total, never the whole's.

`shares(text, facts, ...)` applies this to a paragraph's disk facts; `whole_label(label)` tells a
label naming the shared whole itself (`Storage pool`, `NetApp aggregate`, `Datastore DS-01`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.quickre import quick
from handoff.core.units import size_gb
from handoff.read import shapes
from handoff.read.fact import Fact

# the shared whole: a storage array, a storage/Ceph/ZFS/… pool (not a node or agent pool), a
# datastore, a NetApp aggregate, a SAN or NAS, a vSAN or Ceph cluster, a filer. An array, an
# aggregate, a filer, a SAN or NAS (as a noun: `the SAN has …`, not `12 TB NAS`) is always shared
# infrastructure; a pool, a datastore, a vSAN, Ceph or storage cluster only when the text says it is
# shared (`the shared pool`, `the company's Ceph cluster`) or gives Sourcegraph a part of it: a
# dedicated cluster's own pool (`the cluster has a 6 TB NVMe storage pool`) and a VM's datastore
# (`2 TB SAN-backed datastore`) are the deployment's disk.
_STORAGE_POOL = (
    r"(?:(?:storage|disk|ceph|zfs|vsan|san|nvme|ssd|flash|capacity|shared|backing|netapp|rbd|thin)"
    r"(?:\s+[\w-]+)?\s+pool|(?<![\w-])pool)"
)
_ALWAYS = (
    r"(?:(?:storage\s+|disk\s+|flash\s+|all-flash\s+)?arrays?\b"
    r"|(?:netapp|ontap|storage|san|the)\s+aggregate\b|\bfilers?\b)"
)
_WHOLE = (
    rf"(?:{_STORAGE_POOL}|{_ALWAYS}|datastores?\b|\bvsan\s+(?:cluster|datastore)\b"
    r"|\bceph\s+cluster\b|\bstorage\s+(?:cluster|system|appliance|backend)\b)"
)
_WHOLE_RE = re.compile(rf"(?<![\w-]){_WHOLE}", re.IGNORECASE)
_ALWAYS_RE = re.compile(rf"(?<![\w-]){_ALWAYS}", re.IGNORECASE)
_SAN = quick(r"(?<![\w-])(?:SAN|NAS)(?![\w-])")  # (upper case: `san` is a word of other languages)
_UNITS = ("TB", "GB", "Ti", "Gi")  # a size's unit: the text may hold a size (a cheap test first)
_UNIT_BEFORE = re.compile(r"(?:[KMGTP]i?B|[KMGT]i)\s*$")
_SHARED = re.compile(
    r"\b(?:shared|central|company(?:'s|-wide)?|corporate|multi-?tenant|group-wide)\b"
    r"|\b(?:all|other|every)\s+(?:the\s+)?(?:teams?|tenants?|systems?|applications?|apps|workloads?|services|vms)\b",
    re.IGNORECASE,
)
_GATE = quick(r"pool|array|datastore|aggregate|vsan|ceph|filer|storage\s+(?:cluster|system)", re.IGNORECASE)
_NOT_STORAGE_POOL = re.compile(  # a pool of machines, threads or addresses is no storage
    r"\b(?:node|agent|worker|thread|connection|ip|instance|vm|compute|user|build|runner|executor|"
    r"license|licence|db|database|buffer)s?\s+$",
    re.IGNORECASE,
)
# what names Sourcegraph's own part: the deployment named, with its allocation or its use
_OURS = re.compile(r"\b(?:sourcegraph(?:'s)?|the\s+deployment|the\s+instance|us)\b", re.IGNORECASE)
_SHARE = re.compile(
    r"\b(?:allocat\w*|allot\w*|assign\w*|carv\w*|set\s+aside|reserv\w*|dedicated|provisioned\s+for|given|gets|got|"
    r"receives?|uses|used\s+by|takes|claims?|luns?|share|portion|slice|volumes?|of\s+which|of\s+it)\b",
    re.IGNORECASE,
)
_STORAGE_WORD = re.compile(
    r"\b(?:storage|disks?|volumes?|pvcs?|datastores?|luns?|raw|usable)\b", re.IGNORECASE
)
_CLAUSE = re.compile(r";|(?<!\d)\.(?!\d)|,\s+(?:of\s+which|and|but|while|whereas)\b|\bof\s+which\b")
_PLACING = r"(?:from|on|in|of|the|at|to|for|via|under|behind|across|inside|within|out|off|into|onto)\b"
# a disk's own noun right after a size: the size is that disk's, not the whole's
_DISK_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:disks?|volumes?|vmdks?|luns?|pvcs?|claims?)\b", re.IGNORECASE
)
# (its words between are the whole's own: `a 20 TB shared pool`, not `2 TB from the vSAN datastore`)
_WHOLE_AFTER = re.compile(rf"\s*(?:(?!{_PLACING})[\w-]+\s+){{0,2}}?{_WHOLE}", re.IGNORECASE)


# a disk placed on the whole: "a 2 TB disk on datastore DS-GOLD-01 (40 TB)", "2 TB thin on the vSAN
# datastore", "Sourcegraph's VMDKs sit in datastore …": the whole holds more than this disk
_PLACED_ON = re.compile(
    rf"(?:\d\s*(?:[KMGTP]i?B|[KMGT]i)\b|\b(?:disks?|vmdks?|volumes?|luns?))[^.;()]{{0,30}}?"
    rf"\b(?:on|in|from|onto|into|backed\s+by|placed\s+on|sits?\s+(?:on|in)|lives?\s+(?:on|in))\s+"
    rf"(?:(?:the|a|our|its|their)\s+)?(?:[\w-]+\s+)?(?:{_WHOLE})",
    re.IGNORECASE,
)


def _wholes(text: str) -> list[tuple[int, int]]:
    """Where `text` names a shared storage whole (see `_ALWAYS`)."""
    shared = bool(_SHARED.search(text)) or _gives_part(text) or bool(_PLACED_ON.search(text))
    found = [
        (m.start(), m.end())
        for m in _WHOLE_RE.finditer(text)
        if not _NOT_STORAGE_POOL.search(text[max(0, m.start() - 24) : m.start()])
        and (m.group(0).lower() != "pool" or _STORAGE_WORD.search(text))  # a bare pool of storage
        and (shared or _ALWAYS_RE.fullmatch(m.group(0)))
    ]
    found += [  # (`12 TB NAS`, `3.5 TB Ceph`: a size's kind of disk)
        (m.start(), m.end())
        for m in _SAN.finditer(text)
        if not _UNIT_BEFORE.search(text[max(0, m.start() - 8) : m.start()])
    ]
    return sorted(found)


def _gives_part(text: str) -> bool:
    """Whether a clause of `text` gives Sourcegraph a part (`Sourcegraph was allocated 2.6 TB`)."""
    return any(_OURS.search(c) and _SHARE.search(c) and shapes.DIGIT.search(c) for c in _CLAUSE.split(text))


def _clause(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _CLAUSE.finditer(text):
        if m.start() >= pos:
            return start, m.start()
        start = m.end() if not m.group(0).startswith(",") else m.start() + 1
    return start, len(text)


def _sums_before(text: str, m: shapes.Match) -> bool:
    """Whether size `m` is the sum of the two or more sizes written before it in `text` (the disks
    placed on the whole, then their total: `OS disk 100 GB + data disk 1,400 GB on the vSAN datastore,
    1.5 TB in total`): the total of the parts, which the whole holds more than."""
    before = [size_gb(b.value) for b in shapes.sizes(text[: m.start])]
    whole = size_gb(m.value)
    if len(before) < 2 or whole is None or any(b is None for b in before):
        return False
    return abs(sum(b for b in before if b is not None) - whole) <= 0.005 * whole


def _of_whole(text: str, m: shapes.Match, wholes: list[tuple[int, int]]) -> bool:
    """Whether size `m` of `text` is a shared whole's capacity (module doc)."""
    if _DISK_AFTER.match(text, m.end) or _sums_before(text, m):
        return False
    if _WHOLE_AFTER.match(text, m.end) and not _OURS.search(text, max(0, m.start - 1), m.start):
        return True  # "a 20 TB pool", "40 TB datastore"
    a, _ = _clause(text, m.start)
    named = [w for w in wholes if a <= w[0] < m.start]
    if not named:
        return False
    between = text[named[-1][1] : m.start]
    return not (_OURS.search(between) or _SHARE.search(between))


def _holds(f: Fact, places: set[int]) -> bool:
    return any(f.start <= at < f.start + max(1, len(f.text)) for at in places)


def may_hold(text: str) -> bool:
    """Whether `text` may name a shared storage whole (a cheap test first)."""
    return bool(_GATE.search(text) or _SAN.search(text))


def whole_label(label: str) -> bool:
    """Whether a label names the shared storage whole itself (`Storage pool`, `NetApp aggregate`,
    `Datastore DS-PROD-01`, `SAN capacity`), not Sourcegraph's part of it (`Sourcegraph LUN`,
    `Allocated from the pool`)."""
    if not may_hold(label) or _OURS.search(label) or _SHARE.search(label):
        return False
    return bool(_wholes(label))


def the_whole(label: str, value: str) -> bool:
    """Whether a labelled value states only a shared whole's capacity: its label names the whole
    (`Storage pool | 20 TB`, `Datastore DS-PROD-01: 40 TB`, `whole_label`) or each size of the value
    is the whole's (`Storage: the fast-ssd class, backed by a 20 TB pool`)."""
    sized = list(shapes.sizes(value))
    if not sized:
        return False
    if whole_label(label):
        return not (_OURS.search(value) and _SHARE.search(value))
    wholes = _wholes(value)
    return bool(wholes) and all(_of_whole(value, m, wholes) for m in sized)


def whole_sizes(text: str) -> set[int]:
    """Where the sizes of `text` that are a shared whole's capacity start (none when no whole is named)."""
    if not any(unit in text for unit in _UNITS) or not may_hold(text):
        return set()
    wholes = _wholes(text)
    return {m.start for m in shapes.sizes(text) if _of_whole(text, m, wholes)} if wholes else set()


def shares(text: str, facts: list[Fact], env: Callable[[int], str], offset: int = 0) -> list[Fact]:
    """`facts` of `text` (offsets from `offset`) without the shared wholes' capacities, and with the
    one part a clause allocates to Sourcegraph read as the disk when no fact holds it yet."""
    if not any(unit in text for unit in _UNITS) or not may_hold(text):
        return facts  # (no size written, or no whole named)
    wholes = _wholes(text)
    if not wholes:
        return facts
    sized = list(shapes.sizes(text))
    theirs = {m.start + offset for m in sized if _of_whole(text, m, wholes)}
    # (a sum over its sizes too: "2 TB disk on datastore DS-01 (40 TB, shared)" is no 42 TB)
    out = [f for f in facts if not (f.field == "total_disk_gb" and _holds(f, theirs))]
    ours = []
    for m in sized:
        if m.start + offset in theirs:
            continue
        a, b = _clause(text, m.start)
        clause = text[a:b]
        if _OURS.search(clause) and _SHARE.search(clause):
            ours.append(m)
    held = {f.start for f in out if f.field == "total_disk_gb"}
    if len(ours) == 1 and ours[0].start + offset not in held:
        m = ours[0]
        out.append(
            Fact("total_disk_gb", m.value, m.text, "part of a shared storage whole", env(m.start), "",
                 m.start + offset)
        )  # fmt: skip
    return out


__all__ = ["may_hold", "shares", "whole_label", "whole_sizes"]
