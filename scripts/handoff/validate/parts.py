"""A whole's production parts as the TDD states them: the figures `validate.agreement` holds a total to.

Both kinds come from the production lines the reader took as no field's value (a trial's line, a
limit or a growth figure is never a part).

A total disk is at least any one of its production volumes: a TDD that gives the disk as 200 GB
and, elsewhere in its production part, `gitserver 3 × 600 GB` contradicts itself (the reader took
one part, or a resize step, for the whole). `disk_parts(values)` finds such parts: a count times a
size (`3 × 600 GB`) after a disk component's name (gitserver, zoekt, a volume, a PVC …; in the
same clause, or the line's label), or one size with no count after one of the deployment's own
services (`gitserver | 2 TB`, `the pgsql PVC is 600 GB`). Never a figure that grows, resizes or
proposes (`+1 TB`, `2 TB → 4 TB`, `expand to 3 × 1 TB`), nor one about memory, a bound or a cache.

The repository count is at least any one code host's: `repository_parts(values, hosts)` finds a
line whose label names a code host (`— from GitHub Enterprise Server | 2 610`) and whose value is
only a count; never a host the label says is not connected yet, planned or going away.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from handoff.core.fields import Vocabulary, norm
from handoff.core.model import Location, TddValue
from handoff.core.units import size_gb

# a count times a size: `3 × 600 GB`, `2x 1 TB`, `4 × 1,000 GiB`
_COUNT_TIMES_SIZE = re.compile(
    r"(?<![\w.,])(\d{1,3})\s*[x×*]\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:TiB|TB|GiB|GB)\b", re.IGNORECASE
)
# the disk component a part belongs to, written before it in the same clause
_DISK_WORDS = re.compile(
    r"gitserver|zoekt|indexed[- ]search|pgsql|codeintel|postgres|\bvolumes?\b|\bdisks?\b|\bpvcs?\b|"
    r"\bssds?\b|persistent|block ?storage|blockspeicher|\bebs\b|gp[23]\b|pd-(?:ssd|balanced)",
    re.IGNORECASE,
)
# not the deployment's disk as it stands: memory, growth, a resize, a plan
_NOT_A_PART = re.compile(
    r"\bram\b|memory|vcpu|\bcpus?\b|grow|expand|extend|increase|resiz|\badd|\bplan|propos|\bmore\b|"
    r"\bto\b|→|->|\+",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;\n]|[.,](?!\d)")
# what follows a part that makes it a step, not a part: `2 TB → 4 TB`, `600 GB RAM`
_NOT_A_PART_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:ram\b|memory)|→|->|\bto\b", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    """One production part of a whole: its amount (GB, or a count), as written, and where."""

    amount: float
    text: str
    location: Location


def disk_parts(values: Sequence[TddValue]) -> list[Part]:
    """The production disk parts (`gitserver 3 × 600 GB`, `gitserver volume: 2 TB`) of lines no field
    took, largest first."""
    found = [
        part
        for v in values
        if v.field is None and v.section == "production"
        for part in (*_parts(v), *_one_volume_parts(v))
    ]
    return sorted(found, key=lambda p: -p.amount)


# one size, no count before it: `2 TB`, `1,500 GiB`
_ONE_SIZE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:TiB|TB|GiB|GB)\b", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"[x×*]\s*$")
# a service of the deployment's own that keeps its data on a volume of its own
_SERVICE = re.compile(
    r"gitserver|zoekt|indexed[- ]search|pgsql|codeintel|codeinsights|postgres", re.IGNORECASE
)
# not the volume as it stands: a bound, a plan, a growth, memory (`_NOT_A_PART`), a cache
_NOT_ONE_VOLUME = re.compile(
    r"\b(?:max\w*|limit\w*|quota|cap|up to|at most|cache|headroom|spare|"
    # a managed database's storage is the cloud's, not a volume of the deployment (`read/managed.py`)
    r"rds|aurora|cloud\s*sql|alloydb|azure\s+database|flexible\s+server|managed|hosted|external)\b",
    re.IGNORECASE,
)


def _one_volume_parts(v: TddValue) -> Iterator[Part]:
    """The one-volume parts of a line: a size after one of the deployment's own services in its
    clause (`gitserver volume: 2 TB`, `the gitserver PVC is 2 TB`): one volume that the total disk
    holds. Not a size with a count before it (`_parts` reads those), nor one the clause bounds,
    plans or grows."""
    text = v.text
    start = 0
    for m in _ONE_SIZE.finditer(text):
        before = text[start : m.start()]
        start = m.end()
        if _COUNT_BEFORE.search(before):
            continue
        clause = _CLAUSE_END.split(before)[-1]
        if not before.strip(" :="):
            clause = f"{v.label} {clause}"
        after = text[m.end() : m.end() + 20]
        if (
            not _SERVICE.search(clause)
            or _NOT_A_PART.search(clause)
            or _NOT_ONE_VOLUME.search(f"{clause} {after}")
            or _NOT_A_PART_AFTER.search(after)
            or _NOT_A_PART.search(after)
        ):
            continue
        gb = size_gb(m.group(0))
        if gb:
            yield Part(gb, m.group(0), v.location)


def _parts(v: TddValue) -> Iterator[Part]:
    text = v.text
    start = 0
    for m in _COUNT_TIMES_SIZE.finditer(text):
        before = text[start : m.start()]
        start = m.end()
        clause = _CLAUSE_END.split(before)[-1]
        if not before.strip(" :="):  # the line's first figure: its label names the component
            clause = f"{v.label} {clause}"
        after = text[m.end() : m.end() + 20]
        if not _DISK_WORDS.search(clause) or _NOT_A_PART.search(clause) or _NOT_A_PART_AFTER.search(after):
            continue
        gb = size_gb(m.group(0))
        if gb:
            yield Part(gb, m.group(0), v.location)


# a value that is only a count of repositories: `2 610`, `1,840 repositories`, `~900 repos`
_COUNT = re.compile(
    r"\s*~?\s*(\d{1,3}(?:([ ,'\u00a0\u202f])\d{3})(?:\2\d{3})*|\d+)\s*(?:repos|repositor\w*)?\.?\s*",
    re.IGNORECASE,
)
_HOST_NAME_MIN = 5  # a code host's name long enough to tell apart in a label (not `P4`, `Git`, `ADO`)
# a host's count that is not in the deployment yet (or any more): not a part
_NOT_CONNECTED = re.compile(
    r"\bnot\b|\bno\b|plan|future|pending|later|expect|grow|migrat|retir|acqui|onboard|next|target|limit|max",
    re.IGNORECASE,
)


def repository_parts(values: Sequence[TddValue], hosts: Vocabulary | None) -> list[Part]:
    """The production repository counts of one code host each (a line labelled with the host's
    name, valued only with a count), largest first."""
    if hosts is None:
        return []
    names = [
        k for k, canonical in hosts.aliases.items() if len(k) >= _HOST_NAME_MIN and canonical != "Other Git"
    ]
    found = []
    for v in values:
        m = _COUNT.fullmatch(v.text)
        if v.field is not None or v.section != "production" or m is None or _NOT_CONNECTED.search(v.label):
            continue
        if any(name in norm(v.label) for name in names):
            found.append(
                Part(
                    float(re.sub(r"\D", "", m.group(1))),
                    f"{v.label.strip(' —–-:')}: {v.text.strip()}",
                    v.location,
                )
            )
    return sorted(found, key=lambda p: -p.amount)
