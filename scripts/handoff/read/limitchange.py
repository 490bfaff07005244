"""A limit changed, with both sides written: "licence raised from 1,000 to 1,400 users",
"concurrent-user limit raised 350 → 500 by the steering group", "repository cap lowered to 4,000
(was 5,000)", "the board raised the concurrent-user limit to 500".

A living document logs the change of an agreed limit where it happened (a changelog entry, a
revision-history row, an edit note) and leaves the old figure in its limits section. A careful
reader takes the new side as the limit and the old side as history wherever it is written (the
gatherer drops a value its change names as old). `changes(s)` gives each such change: the field
its noun names (concurrent users, repositories, else users), the old figure and the new one, with
their places. Only a change said of a limit counts: its noun or the words before it name a limit,
a licence, seats or a cap ("active users grew from 800 to 1,100" is a measurement, no limit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handoff.core.quickre import quick
from handoff.read import shapes

FIELDS = frozenset({"max_users", "max_concurrent_users", "max_repositories"})  # the fields it changes
_NUM = r"\d{1,3}(?:[,.' ]\d{3})+|\d+"
_VERB = (
    r"(?:raised|increased|lowered|reduced|bumped(?:\s+up)?|extended|amended|changed|upped|cut|"
    r"went(?:\s+up|\s+down)?|moved|grew|rose)"
)
_NO_SIZE = r"(?![\w.,]\d)(?![ \u00a0]*(?:%|[KMGT]i?B\b))"  # a whole figure, no share or size
_UNIT = r"(?:concurrent\s+|simultaneous\s+|named\s+|licensed\s+)?(?:users|seats|repositories|repos)\b"
CHANGE = quick(
    # the verb, what it changes ("increased the seat licence from …"), then both sides
    rf"\b{_VERB}\s+(?:(?P<obj>(?:[A-Za-z'-]+\s+){{1,4}}?)from\s+|from\s+)?(?P<a>{_NUM})\s*(?:→|->|=>|to\b)\s*"
    rf"(?P<b>{_NUM})(?P<unit>\s+{_UNIT})?"
    rf"|\b{_VERB}\s+to\s+(?P<c>{_NUM})(?P<unit2>\s+(?:concurrent\s+|named\s+)?(?:users|seats|repositories|repos)\b)?"
    rf"\s*\((?:was|from|previously)\s+(?P<d>{_NUM})\)"
    # the new side alone (the old one struck through, or its arrow's old side taken out as an edit mark)
    # (what it changes may stand between: "raised the concurrent-user limit to 500")
    rf"|\b(?:raised|increased|lowered|reduced|bumped(?:\s+up)?|upped|extended)\s+"
    rf"(?:(?P<obj2>(?:[A-Za-z'-]+\s+){{1,4}}?)to\s+|to\s+)?(?P<e>{_NUM})"
    r"(?P<unit3>\s+(?:concurrent\s+|named\s+)?(?:users|seats|repositories|repos)\b)?(?!\s*(?:%|[KMGT]i?B\b))"
    # the new side with the old one in a remark right after it ("licence is now 1,200 (was 900)", "Repo
    # limit 8,000 (was 5,000)", "seats: 1,100, up from 900")
    rf"|(?<![\w.,])(?P<f>{_NUM}){_NO_SIZE}(?P<unit4>\s+{_UNIT})?\s*"
    rf"(?:\(\s*|,\s*)(?:was|previously|formerly|(?:up|down)\s+from)\s+(?P<g>{_NUM}){_NO_SIZE}",
    re.IGNORECASE,
)
_LIMIT = re.compile(
    r"\b(?:licen[cs]e[sd]?|seats?|limits?|caps?|ceilings?|entitlements?|quota)\b", re.IGNORECASE
)
_CONCURRENT = re.compile(r"\b(?:concurrent|simultaneous|concurrency|at\s+once|peak)", re.IGNORECASE)
_REPOS = re.compile(r"\brepo(?:sitor(?:y|ies)|s)?\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[^.;:]{0,80}$")
_LABEL = re.compile(r"([^.;:]{1,60}):[^.;:]{0,80}$")  # the label over the clause
# a change not made: planned, asked for, conditioned or denied ("will be raised to 2,000", "raised to
# 1,600 once signed", "has not been raised")
_NOT_MADE = re.compile(
    r"\b(?:not|never|no|if|unless|once|when|would|will|shall|should|could|may|might|to\s+be|plan(?:s|ned)?|"
    r"requested|pending|proposed|propos(?:e|al)|expected|awaiting|subject\s+to|needs?|want(?:s|ed)?|"
    r"option|unsigned|draft)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LimitChange:
    field: str
    old: str
    old_start: int
    old_text: str
    new: str
    new_start: int
    new_text: str


def changes(s: str, limits_part: bool = False) -> list[LimitChange]:
    """The changes of a limit the sentence writes (both sides, or the new one alone: `old` is then "";
    `limits_part`: the sentence is in a part about limits, where a count of users is one without a
    limit word)."""
    found: list[LimitChange] = []
    for m in CHANGE.finditer(s):
        head = _CLAUSE.search(s, 0, m.start())
        before = s[head.start() if head else 0 : m.start()]
        unit = m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4") or ""
        after = s[m.end() : m.end() + 40].split(".")[0].split(";")[0]
        if _NOT_MADE.search(before) or _NOT_MADE.search(after):
            continue
        before += " " + (m.group("obj") or m.group("obj2") or "")  # ("increased the seat licence from …")
        if not _LIMIT.search(before):  # a label's words ("Licensed users: 1,200 (was 900)")
            label = _LABEL.search(s, 0, m.start())
            before = (label.group(1) if label else "") + " " + before
        words = before + " " + unit
        if not (_LIMIT.search(before) or (limits_part and (unit or re.search(r"\busers?\b", before)))):
            continue
        if not (
            unit or re.search(r"\b(?:users?|seats?|licen[cs]e|repo\w*|concurren\w*)", before, re.IGNORECASE)
        ):
            continue
        near = before[-32:] + " " + unit if unit else words  # (a list's other nouns name other limits)
        field = (
            "max_concurrent_users"
            if _CONCURRENT.search(near) and not _REPOS.search(unit)
            else "max_repositories"
            if _REPOS.search(unit or before)
            else "max_users"
        )
        new, old = next((n, o) for n, o in (("b", "a"), ("c", "d"), ("e", ""), ("f", "g")) if m.group(n))
        if any(shapes.YEAR.fullmatch(m.group(g)) for g in (new, old) if g):
            continue
        was = m.group(old) if old else ""
        found.append(
            LimitChange(
                field,
                shapes.thousands(was, None) if was else "",
                m.start(old) if old else -1,
                was,
                shapes.thousands(m.group(new), None),
                m.start(new),
                m.group(new),
            )
        )
    return found
