"""A code host with its repository count set off by a comma, the noun written with the first only.

"Code hosts: GitLab.com, 900 repos, and Bitbucket Cloud, 250." A speaker or a quick note lists each
host and puts its count after a comma; the noun ("repos") is said once, with the first, and left out
after the others because it was just said. The bare number after the second host counts the same
thing: that host's repositories. Read as written, only the first is a count, and the sum of the
hosts' counts is the first host's alone: a wrong total.

`comma_count(s, hosts, h)`: the number set off by a comma right after host `h`, closing its item (a
stop, a comma, "and", a bracket or the end follows it), when another host of the sentence is written
the same way with the noun (`<host>, N repos`); else None. A number with a noun or unit of its own
("Bitbucket Cloud, 3 monorepos", "GitHub, 2 TB") is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.read import shapes
from handoff.read.found import Found

_WITH_NOUN = re.compile(
    rf"\s*,\s*~?\s*(?:{shapes.NUMBER})(?:k)?\s+(?:repos(?:itories)?|repositories|projects|depots)\b",
    re.IGNORECASE,
)
_BARE = re.compile(
    rf"\s*,\s*~?\s*(?P<num>{shapes.NUMBER})(?P<k>k)?(?=\s*(?:[.;)]|,|\band\b|$))", re.IGNORECASE
)


def comma_count(s: str, hosts: Sequence[Found], h: Found) -> tuple[int, int, str] | None:
    """(start, end, count) of the bare number after `h`'s comma, when another host shows the shape."""
    m = _BARE.match(s, h.end)
    if m is None or not any(g is not h and _WITH_NOUN.match(s, g.end) for g in hosts):
        return None
    return m.start("num"), m.end(), shapes.thousands(m.group("num"), m.group("k"))


__all__ = ["comma_count"]
