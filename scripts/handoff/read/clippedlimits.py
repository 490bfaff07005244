"""Limits written as a quick note's clipped items: a label before its figure (pure).

Working notes give the agreed limits on one line, each item a clipped label and a figure, the items
split by slashes or commas: `users 800 (lic) / conc ~120 peak / repo cap 3k`, `lic 2,000 / conc peak
350`, `ppl: 1.2k lic, peak ~250 conc`, `lic 600 users, conc 90-ish`: two items or more (a line of one
label and its value is read as a labelled line). In a limits part a careful reader reads each item
as the limit its label names: people, seats or licences the users, a concurrency or peak word the concurrent
users, repositories (`repos`, `repo cap`) the repositories. The label must be only such words (and
`max`, `cap`, `limit`); an item that grows, adds or plans (`+400 ppl`, `→ 3k ppl 2027`), asks (`?`)
or whose figure is a year gives nothing. Items the sentence's other readings already read keep
their reading (`counts.py` adds these only for fields it found nothing for).
"""

from __future__ import annotations

import re

from handoff.read import shapes
from handoff.read.limitwords import is_growth

_ASIDE = re.compile(r"\([^()]*\)")  # ("(from okta + old logs)": where the figure came from)
_ITEMS = re.compile(r"\s+/\s+|[,;]\s+|\.\s+|\s+[|·]\s+")
_NUMBERING = re.compile(r"^\s*\d+(?:\.\d+)+\.?\s+")  # an outline number (`3.1 lic 2,000`)
_ITEM = re.compile(
    rf"^\s*(?P<label>[a-z][a-z .]{{0,24}}?)\s*[:=]?\s*(?:~|≈|ca\.?\s*)?(?P<num>{shapes.NUMBER})(?P<k>k)?"
    r"(?:\s*-?\s*ish)?(?![\w.,%/×x*+-])",
    re.IGNORECASE,
)
_USERS = r"users?|ppl|people|persons|seats?|lic|licen[cs]es?|licensed|named"
_CONCURRENT = r"conc|concurrent|concurrency|peak|simultaneous|at once"
_REPOS = r"repos?|repositor(?:y|ies)"
_FILLER = r"max|maximum|cap|limit|total|tot"
_LABEL = re.compile(rf"(?:(?:{_USERS}|{_CONCURRENT}|{_REPOS}|{_FILLER})\.?\s*)+", re.IGNORECASE)
_CONC_WORD = re.compile(rf"\b(?:{_CONCURRENT})\b", re.IGNORECASE)
_REPO_WORD = re.compile(rf"\b(?:{_REPOS})\b", re.IGNORECASE)
_USER_WORD = re.compile(rf"\b(?:{_USERS})\b", re.IGNORECASE)
_NOT_AGREED = re.compile(r"[?+→]|->|\b(?:tbc|tbd|if|when|by|growth|stretch|eoy|fy\d\d)\b", re.IGNORECASE)


def clipped_limits(line: str) -> list[tuple[str, str, str, int]]:
    """(field, value, text as written, offset) of each clipped limit item of `line`."""
    if not any(c.isdigit() for c in line) or is_growth(line):
        return []
    parts = _ITEMS.split(line)
    if len(parts) < 2:  # one label and its value is a labelled line (`Licensed seats: 750`), read as such
        return []
    out: list[tuple[str, str, str, int]] = []
    at = 0
    for part in parts:
        start = line.find(part, at)
        at = start + len(part)
        numbered = _NUMBERING.match(part)
        item = part[numbered.end() :] if numbered else part
        offset = start + (numbered.end() if numbered else 0)
        m = _ITEM.match(item)
        if m is None or _NOT_AGREED.search(_ASIDE.sub("", item)) or shapes.YEAR.fullmatch(m.group("num")):
            continue
        label = m.group("label").strip()
        if not label or not _LABEL.fullmatch(label):
            continue
        if _CONC_WORD.search(label):
            field = "max_concurrent_users"
        elif _REPO_WORD.search(label):
            field = "max_repositories"
        elif _USER_WORD.search(label):
            field = "max_users"
        else:
            continue
        value = shapes.thousands(m.group("num"), m.group("k"))
        out.append((field, value, item[: m.end()].strip(), offset + m.start("num")))
    return out


def may_hold(line: str) -> bool:
    """False only when `clipped_limits(line)` is surely empty (a quick literal check)."""
    low = line.casefold()
    return any(w in low for w in ("user", "ppl", "people", "seat", "lic", "conc", "peak", "repo"))


__all__ = ["clipped_limits", "may_hold"]
