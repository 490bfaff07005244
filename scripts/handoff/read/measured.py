"""What a size measures when its clause's subject says so. An amount the repositories take, occupy or
come to ("the repositories take about 410 GB of gitserver disk", "all repos together ≈ 310 GB") is
their total size, whatever resource it is then said to be of: the disk is where the amount sits, the
repositories are what it measures. A pronoun ("all of them together take 340 GB") stands for the
repositories when they are the last of the things it could stand for named before it (not "three VMs").
So does a size named by no thing ("Total size on disk 1.6 TB" after "3,460 repositories in total, 3
of them monorepos", a sentence "Total about 260 GB." after the largest repository's), and what sits
on gitserver ("everything on gitserver is about 480 GB") is the clones, whatever the disk under it,
and so is what it indexes or syncs ("Everything indexed comes to 1.9 TB before compression", "all
the code synced takes 600 GB").
"""

from __future__ import annotations

import re

_NAMED = (  # (what sits on gitserver is the clones: "everything on gitserver is about 480 GB")
    r"repositories|repos|clones|code ?base|source code|git data"
    r"|(?:everything|all\s+(?:the\s+)?data|the\s+data|what(?:'s|’s|\s+is))\s+(?:on|in)\s+(?:the\s+)?gitservers?"
    # what the deployment indexes or syncs is the repositories: "Everything indexed comes to 1.9 TB"
    r"|(?:everything|all(?:\s+(?:the\s+)?(?:data|code|content))?|what(?:'s|’s|\s+is|\s+gets|\s+we))\s+"
    r"(?:indexed|synced|cloned|mirrored|searched|index|sync|clone|mirror)"
)
_PRONOUN = (
    r"all\s+(?:of\s+)?(?:them|these|those)|they|together\s+they|everything(?!\s+else)|all\s+of\s+it|it\s+all"
)
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
    rf"\b(?:(?P<named>{_NAMED})|(?P<pronoun>{_PRONOUN}))\b"
    # where they sit, said between ("the clones on the new gitserver total 612 GiB")
    r"(?:\s+(?:on|in|across|at)(?:\s+[\w-]+){1,4}?)?"
    rf"(?:[\s,]+[\w-]+){{0,3}}?[\s,]+"
    rf"(?:(?:{_VERB})\b|(?:{_TOGETHER})\b\s*[:=≈~]?)\s*(?:{_NEAR}\s*)*$",
    re.IGNORECASE,
)
# where the size sits, and when it was taken ("on the gitserver volumes after the full sync"): a size's
# place and time, not another thing it measures
_ON_DISK = (
    r"(?:\s+on\s+(?:the\s+)?(?:gitserver\s+)?(?:disks?|volumes?))?"
    r"(?:\s+after\s+the\s+(?:full\s+|first\s+|initial\s+)?(?:sync|clone))?"
)
_BARE_SIZE = re.compile(  # "Total size on disk 1.6 TB", "Total on disk: 95 GB": a size named by no thing,
    # the thing named before
    rf"(?:^|[.;]\s+)\W*(?:(?:(?:the\s+)?total\s+)?size{_ON_DISK}|(?:the\s+)?total\s+on\s+"
    rf"(?:the\s+)?disks?|total)\s*(?:is\s+)?[:=]?\s*(?:{_NEAR}\s*)*$",
    re.IGNORECASE,
)
_BARE_LABEL = re.compile(rf"\W*(?:(?:the\s+)?total\s+)?size{_ON_DISK}\W*", re.IGNORECASE)
REPO_TOPICS = frozenset({"repositories", "largest_repo_mb", "total_repo_size_gb", "monorepos"})
_ANTECEDENT = re.compile(  # what a plural pronoun can stand for: the repositories, or machines, disks
    rf"\b(?:(?P<repos>{_NAMED}|monorepos|repository)|nodes|servers|vms|hosts|machines|pods|instances|replicas|boxes|"
    r"disks|volumes)\b",
    re.IGNORECASE,
)


# the size of the repositories named as such, then where they sit ("Total size of all repositories on
# the gitserver volume: approx. 380 GB"): the place is where the amount sits, not what it measures
_SIZE_OF = re.compile(
    rf"\bsize\s+of\s+(?:all\s+)?(?:(?:the|our|its|their)\s+)?(?:{_NAMED})\b(?:\s+[\w'’-]+){{0,5}}?"
    rf"\s*(?:[:=]|\b(?:is|are|was|were|comes\s+to|came\s+to)\b)\s*(?:{_NEAR}\s*)*$",
    re.IGNORECASE,
)


# a note's subject with no verb: "all repos ~780G", "all repos on disk ~640G"
_ALL_OF = re.compile(
    rf"\ball\s+(?:(?:the|our)\s+)?(?:{_NAMED})(?:\s+on\s+(?:the\s+)?(?:disks?|gitservers?))?"
    rf"\s*[:=≈~]?\s*(?:{_NEAR}\s*)*$",
    re.IGNORECASE,
)
# what `du` (disk usage) measured on the gitservers or the repositories' directory: the space the
# clones use ("gitserver du total ~1.1T", "1.7T (du /data/repos)", "640G (du on gitserver-0 + -1)")
_DU = re.compile(
    r"(?<![\w/.-])du\b(?:\s+-\w+)*(?:\s+(?:on|of)\b)?\s*\S*?(?:gitservers?|repos|repositories)\b", re.I
)
_DU_AFTER = re.compile(r"\s*\(\s*" + _DU.pattern, re.IGNORECASE)
_DU_BEFORE = re.compile(r"\b(?:gitservers?|repos|repositories)(?:-\d+)?\s+du\b[^,;.()]{0,16}$", re.I)


# a line of `du -sh` output: the size, then the directory it measured, a gitserver's or the repositories'
# (`310G    /var/lib/docker/volumes/sourcegraph_gitserver-0/_data`)
# (the directory itself, not one repository's under it: `/data/repos/github.com/acme/big` is that repository)
_DU_LINE = re.compile(
    r"[^\S\n]+[/.~]\S*(?:gitservers?|repos|repositories)[\w.-]*(?:/_?data)?/?[^\S\n]*(?:\n|$)", re.I
)


def measured_by_du(head: str, tail: str) -> bool:
    """Whether the size between `head` and `tail` is what `du` measured on the gitservers or the
    repositories' directory, right before it or in a bracket right after it: the clones' size."""
    return _DU_AFTER.match(tail) is not None or _DU_BEFORE.search(head[-48:]) is not None


def du_output(text: str, start: int, end: int) -> bool:
    """Whether the size at `text[start:end]` opens a line of `du` output whose directory is a
    gitserver's or the repositories' (`310G    /var/lib/docker/volumes/sourcegraph_gitserver-0/_data`):
    the clones' size, as `du` measured it."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip() and _DU_LINE.match(text, end) is not None


def repositories_measured(head: str, before: str, of_repos: bool = False) -> bool:
    """Whether the size right after `head` (its clause's words before it) is the amount its subject,
    the repositories, take: named, or as a pronoun standing for them in the text `before` it (or, for
    a size named by no thing, in the part about them: `of_repos`), or as the size of them named with
    where they sit (`Total size of all repositories on the gitserver volume: 380 GB`)."""
    if _SIZE_OF.search(head[-120:]) or _ALL_OF.search(head[-64:]):
        return True
    m = _SUBJECT.search(head[-96:])
    if m is None:
        near = head[-64:]
        bare = _BARE_SIZE.search(near)
        if bare is None:
            return False
        said = before + head[: len(head) - len(near) + bare.start()]
        named = [a for a in _ANTECEDENT.finditer(said[-400:])]
        return bool(named[-1].group("repos")) if named else of_repos
    if m.group("named"):
        return True
    said = before + head[: m.start()]
    named = [a for a in _ANTECEDENT.finditer(said[-400:])]
    return bool(named and named[-1].group("repos"))


def bare_size(label: str, topic: str | None) -> bool:
    """Whether a label naming only a size ("Total size on disk", "Size") in the part about the
    repositories (`topic`) measures them."""
    return topic in REPO_TOPICS and _BARE_LABEL.fullmatch(label) is not None


_NOTE_NAMES = re.compile(rf"^\W*(?:{_NAMED})\b|{_DU.pattern}", re.IGNORECASE)


def noted_repositories(label: str, notes: list[str]) -> bool:
    """Whether a label naming only a size (`Size`, `sz` written out) measures the repositories by the
    note beside its value: what `du` measured on them (`du -sh /data/repos`), or a note opening on
    their name (`repos, all orgs`)."""
    return _BARE_LABEL.fullmatch(label) is not None and any(_NOTE_NAMES.search(n) for n in notes if n)
