"""What a size measures when its clause's subject says so. An amount the repositories take, occupy or
come to ("the repositories take about 410 GB of gitserver disk", "all repos together ≈ 310 GB") is
their total size, whatever resource it is then said to be of: the disk is where the amount sits, the
repositories are what it measures. A pronoun ("all of them together take 340 GB") stands for the
repositories when they are the last of the things it could stand for named before it (not "three VMs").
"""

from __future__ import annotations

import re

_NAMED = r"repositories|repos|clones|code ?base|source code|git data"
_PRONOUN = r"all\s+(?:of\s+)?(?:them|these|those)|they|together\s+they"
_VERB = (  # an amount the subject takes up or comes to (not "are on", "have": a place or a part)
    r"take|takes|took|taking|occupy|occupies|occupied|occupying|use|uses|used|using|consume|consumes|"
    r"consumed|weigh|weighs|weighed|(?:come|comes|came|amount|amounts|add|adds|added)\s+(?:up\s+)?to|"
    r"total|totals|totalled|totaled|need|needs|is|are|was|were|sum\s+to|sums\s+to"
)
_TOGETHER = r"together|in total|combined|altogether|overall"
_NEAR = (
    r"(?:about|around|roughly|approx(?:imately|\.)|some|nearly|almost|circa|ca\.|just (?:over|under)|[~≈])"
)
_SUBJECT = re.compile(
    rf"\b(?:(?P<named>{_NAMED})|(?P<pronoun>{_PRONOUN}))\b(?:[\s,]+[\w-]+){{0,3}}?[\s,]+"
    rf"(?:(?:{_VERB})\b|(?:{_TOGETHER})\b\s*[:=≈~]?)\s*(?:{_NEAR}\s*)*$",
    re.IGNORECASE,
)
_ANTECEDENT = re.compile(  # what a plural pronoun can stand for: the repositories, or machines, disks
    rf"\b(?:(?P<repos>{_NAMED}|monorepos)|nodes|servers|vms|hosts|machines|pods|instances|replicas|boxes|"
    r"disks|volumes)\b",
    re.IGNORECASE,
)


def repositories_measured(head: str, before: str) -> bool:
    """Whether the size right after `head` (its clause's words before it) is the amount its subject,
    the repositories, take: named, or as a pronoun standing for them in the text `before` it."""
    m = _SUBJECT.search(head[-96:])
    if m is None:
        return False
    if m.group("named"):
        return True
    said = before + head[: m.start()]
    named = [a for a in _ANTECEDENT.finditer(said[-400:])]
    return bool(named and named[-1].group("repos"))
