"""Counts a sentence shows to be parts of a total by its arithmetic.

A careful reader who sees "3,480 — 2,900 from gitlab.com and 580 from GitHub Enterprise Server" or
"GHES 1,980 + CodeCommit 240 = 2,220" knows what the numbers count without a noun after them: a
number bound to each code host is that host's part, and the number of the sentence that is exactly
their sum is the total they make. The arithmetic is the evidence: without a number equal to the
parts' sum nothing is read here (a noun-less number beside a host may count anything).
"""

from __future__ import annotations

import re

from handoff.read import shapes

_FIGURE = re.compile(
    rf"(?<![\w.,/:-])~?(?P<num>{shapes.NUMBER})(?P<k>k)?(?![\w%/:-]|[.,]\d|\s*(?:%|[KMGT]i?B\b))",
    re.IGNORECASE,
)
_EQUALS = re.compile(r"=\s*~?$")


def stated_sum(text: str, parts: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """(start, end, value) of the number of `text`, outside the parts, that is exactly the sum of the
    parts (`(start, end, count)`, two at least); one written after "=" first. None when there is none."""
    if len(parts) < 2 or not all(c.isdigit() for _, _, c in parts):
        return None
    total = sum(int(c) for _, _, c in parts)
    spans = [(a, b) for a, b, _ in parts]
    found = []
    for m in _FIGURE.finditer(text):
        if any(a <= m.start("num") < b for a, b in spans) or shapes.YEAR.fullmatch(m.group("num") or ""):
            continue
        value = shapes.thousands(m.group("num"), m.group("k"))
        if value.isdigit() and int(value) == total:
            found.append((not _EQUALS.search(text[: m.start()]), m.start("num"), m.end(), value))
    if not found:
        return None
    _, start, end, value = min(found)
    return start, end, value
