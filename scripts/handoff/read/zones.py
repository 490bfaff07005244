"""One fleet written zone by zone: `eu-west-1a: 2 × m6i.4xlarge`, `zone 2: 1 × m6i.4xlarge`.

A cluster spread over availability zones (or racks, data halls) is often listed one place per line,
each with its share of the machines. A careful reader adds the shares of each type: three lines of
one type are one pool of their sum, not three pools (nor a conflict). Read as written, the fleet
would list the type three times, with each line's count.

`by_place(values)`: a machines value that names one type more than once, each entry on a line of its
own opened by a place's name (a cloud zone code such as `us-east-1a` or `europe-west4-b`, `zone 2`,
`AZ1`, `availability zone c`, `rack 3`, `DC2`), is the sum of its entries per type. Any line whose
label is not a place (`prod: …`, `old: …`) and nothing is added.

`sum_siblings(values, pools)`: the same, for sibling list items read one value each (`pools`: the
gatherer's value index → its siblings), each item's label a place: the first holds the sum, the
rest to be dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from handoff.core.model import TddValue
from handoff.read import shapes

_PLACE = re.compile(
    r"\s*(?:[-•*]\s*)?(?:[a-z]{2,12}(?:-[a-z]+)*-[a-z]*\d{1,2}-?[a-z]"  # us-east-1a, europe-west4-b
    r"|(?:availability\s+)?zones?\s*[-#]?\s*(?:\d{1,2}|[a-f])\b|az\s*-?\s*(?:\d|[a-f])\b"
    r"|(?:rack|data\s*hall|hall|site|dc|datacent(?:er|re))\s*-?\s*(?:\d{1,2}|[a-f])\b)"
    r"[^:\n]{0,24}(?::|\s[–—-]\s)",
    re.IGNORECASE,
)

PLACE = _PLACE  # a place's name opening a line: a zone, a rack, a data hall, a site


def by_place(values: list[TddValue]) -> list[TddValue]:
    """`values` with each machines value listed place by place summed per type."""
    if any(v.field == "instance_types" and "\n" in v.text for v in values):
        return [_summed(v) if v.field == "instance_types" and "\n" in v.text else v for v in values]
    return values


def _summed(v: TddValue) -> TddValue:
    lines = [line for line in v.text.split("\n") if line.strip()]
    totals: dict[str, int] = {}
    for line in lines:
        found = list(shapes.instances(line))
        if len(found) != 1 or not _PLACE.match(line):
            return v
        count, kind = found[0].value.split(" × ", 1)
        totals[kind] = totals.get(kind, 0) + int(count)
    if len(totals) == len(lines):
        return v  # no type written twice: the fleet's pools as they are
    value = ", ".join(f"{n} × {kind}" for kind, n in totals.items())
    return replace(v, value=value, how=f"{v.how} + summed by place")


def sum_siblings(
    values: list[TddValue], pools: dict[int, tuple[object, ...]], text_at: Callable[[TddValue], str]
) -> set[int]:
    """Sibling items placed zone by zone, one type repeated: the first of them (in `values`) made
    their sum; the ids of the others, to drop (`text_at`: the text read at a value's place, for an
    item written `us-west-2a — 2 × …`, read as prose)."""
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, key in pools.items():
        groups.setdefault((*key, values[i].section), []).append(i)
    drop: set[int] = set()
    for members in groups.values():
        if len(members) < 2 or not all(
            _PLACE.match(values[i].label + ":") or _PLACE.match(text_at(values[i])) for i in members
        ):
            continue
        totals: dict[str, int] = {}
        entries = [e for i in members for e in (values[i].value or "").split(", ") if e]
        for e in entries:
            count, _, kind = e.partition(" × ")
            if not count.isdigit():
                break
            totals[kind] = totals.get(kind, 0) + int(count)
        else:
            if len(totals) < len(entries):
                first = values[members[0]]
                value = ", ".join(f"{n} × {kind}" for kind, n in totals.items())
                text = "; ".join(values[i].text for i in members)
                values[members[0]] = replace(
                    first, value=value, text=text, how=f"{first.how} + summed by place"
                )
                drop.update(id(values[i]) for i in members[1:])
    return drop


__all__ = ["by_place", "sum_siblings"]
