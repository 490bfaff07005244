"""A code host named in a clause of time: what the told event waited for, not what is searched.

A dated sentence often says what the event came after or waited on: "production was complete on
2026-10-23 after the Perforce depots finished converting", "we went live once the GitLab mirror had
caught up", "the build started before the Bitbucket migration ended". The clause a conjunction of
time opens (after, once, when, before, until, as soon as) tells when, and a host named in it only in
passing (no verb of searching or connecting, no figure: `inpassing.in_passing`) says nothing of
which hosts the deployment reads. A careful reader takes the hosts from where the document lists
them, not from such a clause; the host stays whatever the rest of the document says of it.

`in_time_clause(s, start)`: the host named at `start` stands in such a clause, said in passing.
"""

from __future__ import annotations

import re

from handoff.read.inpassing import in_passing

# a conjunction of time opening a clause, up to the host (no clause boundary between)
_OPENS = re.compile(
    r"\b(?:after|once|when|before|until|till|as soon as)\s+[^,;:.()!?]*$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:.()!?](?:\s|$)|$")


def in_time_clause(s: str, start: int) -> bool:
    """Whether the host named at `start` stands in a clause of time that names it only in passing
    ("… complete on 2026-10-23 after the Perforce depots finished converting")."""
    m = _OPENS.search(s, 0, start)
    if m is None:
        return False
    end = _CLAUSE_END.search(s, start)
    clause = s[m.start() : end.start() if end else len(s)]
    return in_passing(clause)


__all__ = ["in_time_clause"]
