"""A count of repositories taken from a larger whole: "Of the 9,000 repositories in the GitHub org,
3,500 are synced to Sourcegraph", "3,500 of the 9,000 repositories are indexed", "We index 3,500 out
of 9,000 repos", "The org has 9,000 repositories; 3,500 of them are synced". A careful reader takes
the part the sentence says is synced, indexed, cloned, read or in scope as the deployment's count and
the whole as the code host's, never the deployment's ("Sourcegraph reads 3,150 of GitLab's 12,800
projects"; with no whole given, "… reads 3,150 of GitLab's projects", the part is still the count).
A part said to be something else ("Of the 3,000 repositories, 2 are monorepos", "600 of them are
archived") leaves the whole as it is: not read here.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.read.shapes import NUMBER

_REPOS = r"(?:repositories|repositorys|repos|projects)"
_OWNER = (  # (a host's own: "of GitLab's 12,800 projects", "of the Bitbucket Server's")
    r"(?:(?:the|our|their|its|all|all the|all of the|those|these)\s+"
    r"|(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s\s+)?"
)
_ABOUT = r"(?:(?:about|around|roughly|some|approximately|approx\.|~|≈)\s*)?"
_IN = (
    r"(?:synced|synchroni[sz]ed|indexed|searchable|cloned|mirrored|connected|in scope|added|imported|"
    r"enabled|selected|onboarded|included|configured|being (?:synced|indexed|cloned|mirrored))"
)
_VERB = r"(?:index|sync|clone|search|mirror|import|onboard|read|cover|crawl|pull|fetch)(?:es|s|ed|ing)?"
_PART = rf"(?:only\s+|just\s+)?{_ABOUT}(?P<m>{NUMBER})"
_BE_IN = rf"(?:are|were|is|get|got|have been|has been|will be)\s+(?:currently\s+|actually\s+|now\s+)?{_IN}\b"
_OF_WHOLE = re.compile(  # "Of the 9,000 repositories in the GitHub org, 3,500 are synced"
    rf"\bof\s+{_OWNER}{_ABOUT}(?P<n>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?{_REPOS}\b[^.;:]{{0,60}}?,?\s+{_PART}"
    rf"(?:\s+of them)?\s+(?:{_BE_IN}|{_IN}\b)",
    re.IGNORECASE,
)
# "3,500 of the 9,000 repositories in the org are indexed", "We index 3,500 out of 9,000 repos"
_PART_OF = quick(
    rf"(?P<verb>\b{_VERB}\s+)?{_PART}\s+(?:out\s+)?of\s+{_OWNER}{_ABOUT}(?P<n>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_REPOS}\b(?P<tail>[^.;:]{{0,60}}?\s+{_BE_IN})?",
    re.IGNORECASE,
)
# "Sourcegraph reads 3,150 of GitLab's projects", "we index 800 of the Bitbucket repositories": a part
# the verb says is read, of a host's whole whose size the sentence does not give
_PART_OF_HOST = quick(
    rf"\b{_VERB}\s+{_PART}\s+(?:out\s+)?of\s+{_OWNER}(?:[\w-]+\s+){{0,2}}?{_REPOS}\b",
    re.IGNORECASE,
)
_OF_THEM = quick(  # "The org has 9,000 repositories; 3,500 of them are synced", "…, of which 4,100 are …"
    rf"(?P<n>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?{_REPOS}\b[^.;:]{{0,40}}?[;,]\s*"
    rf"(?:of which\s+)?{_PART}(?:\s+of (?:them|which|these|those))?\s+(?:{_BE_IN}|{_IN}\b)",
    re.IGNORECASE,
)


def subset(s: str) -> tuple[int, int, int] | None:
    """(the part's start, its end, the whole's start) when `s` counts the repositories in the
    deployment as a part of a larger whole; else None."""
    m = _PART_OF.search(s)
    if m is not None and (m.group("verb") or m.group("tail")):  # (the part said to be in)
        return m.start("m"), m.end("m"), m.start("n")
    m = _OF_WHOLE.search(s) or _OF_THEM.search(s)
    if m is not None:
        return m.start("m"), m.end("m"), m.start("n")
    m = _PART_OF_HOST.search(s)
    return (m.start("m"), m.end("m"), m.start("m")) if m else None


_OURS = quick(rf"\b(?:{_IN}|in\s+(?:sourcegraph|code\s+search|scope)|sourcegraph)\b", re.IGNORECASE)


def ours_of_columns(headers: list[str]) -> set[int]:
    """Of several repository-count columns (`Repos on host | Repos in Sourcegraph`), the ones whose
    header names the part synced, indexed or in Sourcegraph, when some do and others do not; the
    others count the hosts' wholes. Empty when the headers do not tell them apart."""
    ours = {k for k, h in enumerate(headers) if _OURS.search(h)}
    return ours if 0 < len(ours) < len(headers) else set()
