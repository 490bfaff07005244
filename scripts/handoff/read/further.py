"""Further parts of a sentence's repository count, joined to it with "and another", "plus … more".

"On GitLab we sync 1,125 repositories from the data org and 1,125 from web, and another 1,400
from GHES, plus 1,000 more on GitHub.com": a careful reader adds each host's part: GitLab 2,250 (its
two organisations), GHES 1,400, GitHub.com 1,000. Read as written, only the first count has the noun
"repositories" and the rest are bare numbers; taking the first as the whole is a wrong value.

`further_parts(s, facts, hosts)`: after a part of the sentence's count (a fact of role `part`),
* a bare number joined by "and"/"plus"/a comma, with "another", "a further", "more" or "additional"
  beside it or a verb of where it comes from, right before a code host no count has claimed
  ("and another 1,400 from GHES", "plus 1,000 more on GitHub.com") is that host's part;
* after a code host no count has claimed, in the host's own clause, a bare number that "another",
  "a further" or "more" marks as more of what was counted ("Bitbucket Cloud, where the teams keep
  1,950 repositories, and GitHub.com, where the data group keeps another 310") is that host's part;
* a bare number joined by "and" right before "from" a name that is no code host, when the part
  before it came "from the <name> org" (an organisation, group, project, workspace, namespace of its
  host), is another organisation of the same host: added to that host's part.
A number followed by a noun of its own ("300 users on GitHub") is none of these.

`added_clause(s, hosts, before)`: a clause of its own that opens by adding to what was said
("; a further 600 live on Bitbucket", "On top of that, 600 sit in GitLab", "Another 250 come from
Azure DevOps") right after text counting repositories (`before`): its bare number before a code host
is that host's part.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.read import shapes
from handoff.read.fact import Fact
from handoff.read.vocab import Found

_JOINED = (
    r"(?:,\s*|;\s*|\s)(?:and\s+|plus\s+|with\s+)?"
    r"(?:(?:another|a\s+further|an?\s+additional|additional|other)\s+)?"
)
_MORE = r"\s*(?:more\s+|others?\s+|additional\s+)?"
_COMES = (
    r"(?:(?:repos(?:itories)?|come|comes|coming|are|sit|sits|live|lives|hosted|mirrored|synced|cloned)\s+)?"
)
_TO_HOST = re.compile(
    rf"{_JOINED}(?P<num>{shapes.NUMBER})(?P<k>k)?{_MORE}{_COMES}(?:from|on|in|at|via)\s+(?:the\s+|our\s+)?$",
    re.IGNORECASE,
)
_ORG_PART = re.compile(
    r"\s*(?:repos(?:itories)?\s+)?from\s+(?:the\s+)?[\w.-]+\s+(?:org|organi[sz]ation|group|project|workspace|"
    r"namespace|team)s?\b",
    re.IGNORECASE,
)
_NEXT_ORG = re.compile(
    rf"\s*(?:and|plus|,)\s+(?:another\s+)?(?P<num>{shapes.NUMBER})(?P<k>k)?\s+(?:more\s+)?from\s+"
    r"(?:the\s+)?(?P<org>[\w.-]+)(?:\s+(?:org|organi[sz]ation|group|project|workspace|namespace|team)s?)?\b",
    re.IGNORECASE,
)


def further_parts(s: str, facts: list[Fact], hosts: list[Found]) -> list[Fact]:
    """`facts` (a sentence's repository facts) with the parts joined after a first part added."""
    parts = [f for f in facts if f.field == "repositories" and f.role == "part"]
    if not parts or not shapes.DIGIT.search(s, parts[0].start + len(parts[0].text)):
        return facts
    facts = _organisations(s, facts, hosts)
    taken = {f.how.removeprefix("count for ") for f in facts if f.role == "part"}
    first = min(f.start for f in parts)
    for h in hosts:
        if h.value in taken or h.start < first:
            continue
        m = _TO_HOST.search(s, max(first, h.start - 60), h.start) or _after_host(s, h, hosts)
        if m is None:
            continue
        count = shapes.thousands(m.group("num"), m.group("k"))
        if count.isdigit():
            env = parts[0].section
            facts.append(
                Fact(
                    "repositories",
                    count,
                    m.group(0).strip(),
                    f"count for {h.value}",
                    env,
                    "part",
                    m.start("num"),
                )
            )
            taken.add(h.value)
    return facts


# after the host, in its own clause: "…, and GitHub.com, where the data group keeps another 310": a
# bare number that "another", "a further" or "more" marks as more of what was counted before, the noun
# left out (a noun of its own after it, "another 40 users", counts something else)
_FURTHER = (
    r"(?:(?:another|a\s+further|an?\s+additional)\s+"
    rf"|(?=(?:{shapes.NUMBER})k?\s+more\b))(?P<num>{shapes.NUMBER})(?P<k>k)?(?:\s+more)?"
)
_MORE_AFTER = re.compile(
    rf"[^.;:!?()]{{0,80}}?\b(?P<lead>{_FURTHER})"
    r"(?=\s*(?:$|[.,;:!?)—–]|(?:repos(?:itories)?|of\s+them|there|in\s+all|in\s+total)\b))",
    re.IGNORECASE,
)
_FURTHER_COUNT = re.compile(_FURTHER, re.IGNORECASE)


def _after_host(s: str, h: Found, hosts: list[Found]) -> re.Match[str] | None:
    """The bare further count written after host `h` in its own clause (`_MORE_AFTER`), before any
    other host is named: its words alone (`another 310`)."""
    m = _MORE_AFTER.match(s, h.end)
    if m is None or any(h.end <= o.start < m.end() for o in hosts if o is not h):
        return None
    return _FURTHER_COUNT.match(s, m.start("lead"))


def _organisations(s: str, facts: list[Fact], hosts: list[Found]) -> list[Fact]:
    """A host's part written per organisation: the organisations' counts added to it."""
    out = list(facts)
    for i, f in enumerate(out):
        if f.field != "repositories" or f.role != "part":
            continue
        end = f.start + len(f.text)
        if not _ORG_PART.match(s, end):
            continue
        at = _ORG_PART.match(s, end).end()  # type: ignore[union-attr]
        total = int(f.value)
        while (m := _NEXT_ORG.match(s, at)) is not None:
            if any(h.start <= m.start("org") < h.end for h in hosts):
                break  # "… and 1,400 from GHES": a host's, not an organisation's
            n = shapes.thousands(m.group("num"), m.group("k"))
            if not n.isdigit():
                break
            total, at = total + int(n), m.end()
        if total != int(f.value):
            out[i] = replace(f, value=str(total), how=f.how, text=s[f.start : at])
    return out


ADDED = re.compile(
    r"\W*(?:and\s+|but\s+)?(?:a\s+further|another|on\s+top\s+of\s+(?:that|this|those)|in\s+addition|"
    r"additionally|besides\s+(?:that|this)|plus)\b[,\s]*",
    re.IGNORECASE,
)
_ADDED_TO_HOST = re.compile(
    rf"(?:(?:another|a\s+further|an?\s+additional)\s+)?(?P<num>{shapes.NUMBER})(?P<k>k)?{_MORE}{_COMES}"
    r"(?:from|on|in|at|via)\s+(?:the\s+|our\s+)?$",
    re.IGNORECASE,
)
_REPO_WORD = re.compile(r"\brepo(?:s|sitor(?:y|ies))?\b", re.IGNORECASE)


def added_clause(s: str, hosts: list[Found], before: str, section: str) -> list[Fact]:
    """The parts a clause adding to a repository count gives its hosts (`ADDED` opens it)."""
    opening = ADDED.match(s)
    if opening is None or not _REPO_WORD.search(before[-300:]):
        return []
    facts: list[Fact] = []
    for h in hosts[:1]:
        m = _ADDED_TO_HOST.search(s, opening.end(), h.start)
        if m is None or m.start() != opening.end():
            continue
        count = shapes.thousands(m.group("num"), m.group("k"))
        if count.isdigit():
            how = f"count for {h.value}"
            facts.append(Fact("repositories", count, m.group(0).strip(), how, section, "part",
                              m.start("num")))  # fmt: skip
    return facts


__all__ = ["ADDED", "added_clause", "further_parts"]
