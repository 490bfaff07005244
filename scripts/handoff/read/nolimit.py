"""A limit of a kind the document says was never agreed: a figure of that kind after it is no limit.

A limits section often says which limits there are not, then explains the sizing in the same breath:
"No concurrent-user or repository limit was agreed; the VM is sized for about 2,000 repositories before
it needs the next flavour", "There is no seat cap. The cluster was designed for 5,000 users." A careful
reader takes the denial as the author's answer for that kind of limit: the figure that follows of the
kind it names (users, people at once, repositories) is a capacity remark, not an agreed limit, however
limit-like its own words ("sized for", "designed for") are.

The denial is `no` (or `without`) before a limit's noun (`limit`, `cap`, `ceiling`, `maximum`), up to
four words between naming its kinds (`no concurrent-user or repository limit`); it holds for the rest
of its sentence and the sentence after it. A limit of a kind the denial names (or of any kind, when it
names none: "No limits were agreed") is dropped; one of another kind stands ("No repository cap; the
licence is for 900 users" keeps the 900 users), and so does a limit written before the denial or after a
clause set against it ("There is no hard cap, but the licence allows 500 users").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.core.quickre import quick
from handoff.read.fact import Fact

_DENIAL = quick(
    r"\b(?:no|without(?:\s+an?)?)\s+(?P<kinds>(?:[\w-]+,?\s+){0,4}?)(?:limits?|caps?|ceilings?|maximums?)\b",
    re.IGNORECASE,
)
_AT_ONCE = re.compile(
    r"\b(?:concurren\w*|simultaneous|parallel|peak)(?:[\s-]+(?:users?|sessions?))?", re.IGNORECASE
)
_USERS = re.compile(r"\b(?:users?|seats?|licen[cs]es?|people|named)\b", re.IGNORECASE)
_REPOS = re.compile(r"\b(?:repo(?:sitor(?:y|ies)|s)?|projects?)\b", re.IGNORECASE)
# a clause set against the denial ("There is no hard cap, but the licence allows 500 users"): its own
_AGAINST = re.compile(r"\b(?:but|however|except|although|though|yet|apart\s+from)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?](?:\s|$)|\n")


def _names(field: str, kinds: str) -> bool:
    """Whether a denial's words before its limit noun name the field's kind (all kinds when none)."""
    at_once = bool(_AT_ONCE.search(kinds))
    users = bool(_USERS.search(_AT_ONCE.sub(" ", kinds)))
    repos = bool(_REPOS.search(kinds))
    if not (at_once or users or repos):
        return True
    return {"max_concurrent_users": at_once, "max_users": users, "max_repositories": repos}.get(field, False)


def denied(text: str, at: int, field: str) -> bool:
    """Whether the limit `field` whose figure is at text[at] follows, in its sentence or the one
    before, a denial that a limit of its kind was agreed."""
    if field not in ("max_users", "max_concurrent_users", "max_repositories") or "o" not in text[:at]:
        return False
    cuts = [m.end() for m in _SENTENCE.finditer(text, 0, at)]
    since = cuts[-2] if len(cuts) >= 2 else 0
    return any(
        _names(field, m.group("kinds")) and not _AGAINST.search(text, m.end(), at)
        for m in _DENIAL.finditer(text, since, at)
    )


def without_denied(text: str, at: int, found: Sequence[Fact]) -> list[Fact]:
    """`found` (facts of the sentence starting at text[at], their starts the sentence's) less the
    limits a denial before them says were not agreed."""
    return [f for f in found if not denied(text, at + f.start, f.field)]


__all__ = ["denied", "without_denied"]
