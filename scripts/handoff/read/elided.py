"""A list of a host's organisations, each with its count, the noun written only with the first.

"GitLab.com, in two top-level groups: quillmark-editorial with 640 projects and quillmark-platform
with 215", "github.com organisations: pellucid 2,100 repositories, pellucid-tools 380": the bare
number after the second name counts the same thing as the first (the noun is left out because it
was just said). A careful reader adds them: 855 projects on GitLab.com. Taking the first alone is a
wrong value.

`elided_parts(s, facts, hosts)`: after a repository count written as `<name> [with] N <noun>`, each
further item joined by a comma or "and" and written the same way without the noun (`<name> [with]
M`, the number closing its item) is another organisation of the same count: added to it. An item
whose name is a code host (that host's own part), or whose number has a noun of its own ("300
users"), ends the list.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.read import shapes
from handoff.read.fact import Fact
from handoff.read.vocab import Found

_NAME = r"[A-Za-z][\w.-]{1,40}"
_NAMED_BEFORE = re.compile(rf"(?:^|[\s(:,;])(?:{_NAME})(?:\s+with|\s*:)?\s+$")
_COUNTED = re.compile(
    rf"(?P<num>{shapes.NUMBER})(?:k|\s*thousand)?\s+(?:repos(?:itories)?|projects|repositories)\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"(?:\s*\([^()]{0,40}\))?")
_NEXT = re.compile(
    rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<name>{_NAME})(?:\s+with|\s*:)?\s+(?P<num>{shapes.NUMBER})(?P<k>k)?"
    r"(?=\s*(?:[.;()]|,|\band\b|$))",
    re.IGNORECASE,
)


def elided_parts(s: str, facts: list[Fact], hosts: list[Found]) -> list[Fact]:
    """`facts` (a sentence's repository facts) with each count's further organisations added."""
    if "," not in s and " and " not in s:
        return facts
    out = list(facts)
    for i, f in enumerate(out):
        if f.field != "repositories" or f.role not in ("part", "") or not f.value.isdigit():
            continue
        counted = _COUNTED.match(s, f.start)
        if counted is None or not _NAMED_BEFORE.search(s, 0, f.start):
            continue
        aside = _ASIDE.match(s, counted.end())  # (an aside: "(was 900)")
        at, total = aside.end() if aside else counted.end(), int(f.value)
        while (m := _NEXT.match(s, at)) is not None:
            if any(h.start < m.end("name") and m.start("name") < h.end for h in hosts):
                break  # "…, Bitbucket 430": a host's own part
            n = shapes.thousands(m.group("num"), m.group("k"))
            if not n.isdigit():
                break
            total, at = total + int(n), m.end()
        if total != int(f.value):
            out[i] = replace(f, value=str(total), text=s[f.start : at])
    return out


__all__ = ["elided_parts"]
