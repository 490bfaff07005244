"""A size of the repositories written as the parts it is made of, each with what it is for.

"The clones add up to roughly 410 GiB for the GitHub organisations plus about 75 GiB for the GitLab
projects": the first figure is only a part; a careful reader adds them (485 GiB). The parts are the
whole when the sentence is nothing but that list: every figure followed by `for` and what it
measures, the figures joined by `plus` or `and` (with a hedge: `about`, `another`), all of one
environment. Anything else between them (an `or`, a verb, a figure of another amount) and nothing
is summed: the figure is left as it was read. Disks listed one component at a time are
`read.diskparts`'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.units import size_gb
from handoff.read import shapes
from handoff.read.fact import Fact

_BETWEEN = re.compile(  # "… for the GitHub organisations plus about "
    r"\s+for\s+(?:the\s+|our\s+|its\s+)?(?:(?!(?:or|plus|and|but|than|instead)\b)[\w.-]+\s+){1,5}?"
    r"(?:plus|and|,\s*and|,)\s+(?:also\s+)?(?:another\s+|a\s+further\s+)?(?:about\s+|roughly\s+|around\s+|~\s*|some\s+)?$",
    re.IGNORECASE,
)
_LAST = re.compile(r"\s+for\s+(?:the\s+|our\s+|its\s+)?[\w.-]+", re.IGNORECASE)  # the last part names its own


def summed(s: str, facts: list[Fact], unnamed: list[Fact]) -> list[Fact]:
    """`facts` of sentence `s` with a repositories' size followed by its other parts (`unnamed`
    sizes naming no field) replaced by the sum; else `facts` as they are."""
    if " for " not in s:
        return facts
    first = [f for f in facts if f.field == "total_repo_size_gb" and f.role in ("", "total") and not f.new]
    if len(first) != 1:
        return facts
    head = first[0]
    items = sorted((f for f in unnamed if f.start > head.start and f.role == "item"), key=lambda f: f.start)
    chain, end = [head], head.start + len(head.text)
    for f in items:
        if not _BETWEEN.fullmatch(s[end : f.start]):
            break
        chain.append(f)
        end = f.start + len(f.text)
    if len(chain) < 2 or not _LAST.match(s, end) or len({f.section for f in chain}) > 1:
        return facts
    if any(head.start < f.start < end for f in facts if f is not head):
        return facts  # another amount among the parts
    sizes = [size_gb(f.value) for f in chain]
    if any(g is None for g in sizes):
        return facts
    total = sum(g for g in sizes if g is not None)
    one = replace(
        head, value=f"{shapes.canon(f'{total:.3f}')} GB", text=s[head.start : end], how="sum of named parts"
    )
    return [one if f is head else f for f in facts]


__all__ = ["summed"]
