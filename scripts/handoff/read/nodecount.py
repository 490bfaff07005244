"""A machine type written without its count, and the count written apart from it.

A careful reader of `Node pool: 3 nodes, type m6i.4xlarge`, `Nodes: 3 (m6i.4xlarge)`, or of
`Node type: m6i.4xlarge` with `Nodes: 3` further down the same section, enters `3 × m6i.4xlarge`:
the count is the machines', wherever in the section it is written. Taking the type alone as one
machine would be a wrong value (a silent `1 ×`).

* `counted(value, entries)`: a labelled value holding one type without a count and one number of
  machines (`3 nodes`, or a number opening a value about machines) is that many of the type.
* `uncounted(s, m)`: a type whose count is not the machines' is read as written without one: the
  end of a range (`between 2 and 6 m6i.4xlarge nodes`, `2–6 × …`), or an article after "each node
  is" (`Each node is an m6i.4xlarge`: what one machine is, not how many there are).
* `counted(value, entries)` also leaves a value alone whose count is unknown: a bare type beside
  numbers that count something unnamed (`m6i.4xlarge, min 2, desired 3, max 6`) is no value,
  rather than one machine.
* `pair_in_sections(values, counts)`: a type written without a count and a `Nodes: N` count left
  unpaired in the same section (the same heading, the same environment) pair when each is the
  only one there. Two of either, and no pairing: there is no telling which count is whose.

* `per_machine_totals(values, each)`: one machine's amount under a label that says so (`Memory per
  node: 128 GiB`) times the count of the section's only machines value (`3 × n2-highmem-16`).

A type with no count anywhere in its section stays one machine, as the sheet reads it
(`config/fields.toml`: the count is optional).
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.model import Location, TddValue
from handoff.read import opencount, permachine, shapes
from handoff.read.fact import Fact


def _kind(m: shapes.Match) -> str:
    """The type of a machines match (`5 × m6i.4xlarge` → `m6i.4xlarge`)."""
    return m.value.rsplit(" × ", 1)[-1]


# words right before a bare type that make it one machine more: "plus one spare m6i.4xlarge"
_ONE_MORE = re.compile(r"\b(?:one|a|an|single|spare|extra|additional|another|plus|and)\s+(?:\w+\s+)?$", re.I)


def _restated(value: str, m: shapes.Match, entries: list[shapes.Match]) -> bool:
    """Whether a bare type names the machines a later entry of the value counts ("VMs from template
    rnd-w-16x64 …: 5 × rnd-w-16x64"), not one machine more ("3 × m6i.4xlarge plus one spare
    m6i.4xlarge")."""
    return (
        bare(m)
        and any(
            not bare(e) and e.start > m.start and _kind(e).casefold() == _kind(m).casefold() for e in entries
        )
        and not _ONE_MORE.search(value[max(0, m.start - 24) : m.start])
    )


def bare(m: shapes.Match) -> bool:
    """A type written without any count (`m6i.4xlarge`; not `3 × …`, `a single …`, `an …`)."""
    return shapes.bare(m)


_RANGE_BEFORE = re.compile(  # "between 2 and ", "2–", "2 to " (not "from 4 to ": a change, its new side)
    r"(?:\bbetween\s+\d{1,4}\s+and|(?<![\w.,-])\d{1,4}\s*[-–—]|(?<!from\s)(?<![\w.,-])\d{1,4}\s+to)\s*$",
    re.IGNORECASE,
)
_EACH_BEFORE = re.compile(
    rf"\b(?:each|every|per|any)\s+(?:\w+\s+)?(?:{permachine.MACHINES})\s+(?:is|was|being|=|:)\s*$",
    re.IGNORECASE,
)
_STRAY_NUMBER = re.compile(r"(?<![\w.,/-])\d{1,4}(?=\s*(?:[,;)]|$))")  # "desired 3," "max 6": counts of what?


def uncounted(s: str, m: shapes.Match) -> shapes.Match:
    """`m` read without its count when the count written is not the number of machines."""
    kind = m.value.split(" × ", 1)[1]
    ranged = m.text[:1].isdigit() and _RANGE_BEFORE.search(s, 0, m.start)
    per_one = permachine.ARTICLE.match(m.text) and _EACH_BEFORE.search(s, 0, m.start)
    if not (ranged or per_one):
        return m
    typed = shapes.INSTANCE_TYPE.search(s[: m.end], m.start)  # (the type as written: `m6i.4xl` too)
    if typed is None:
        return m
    return shapes.Match(typed.start(), typed.end(), typed.group(0), f"1 × {kind}")


def counted(value: str, entries: list[shapes.Match]) -> list[shapes.Match]:
    """`entries` of a labelled `value`, the one bare type given the machine count the value states
    (none when numbers beside it may count the machines but do not say so). A bare type the value
    also writes with its count ("worker VMs from template rnd-w-16x64 …: 5 × rnd-w-16x64 = 80 vCPU") is
    those machines named again, not one more."""
    if len(entries) > 1 and any(bare(m) for m in entries):
        entries = [m for m in entries if not _restated(value, m, entries)]
    if len(entries) != 1 or not bare(entries[0]):
        return entries
    count = permachine.machine_count(value, entries[0].start, machines_topic=True, types=False)
    if count is None or count < 1:
        rest = value[: entries[0].start] + " " * len(entries[0].text) + value[entries[0].end :]
        return [] if _STRAY_NUMBER.search(rest) or opencount.open_count(rest) else entries  # "…, autoscaled"
    m = entries[0]
    return [replace(m, value=f"{count} × {m.text}")]


def _scope(ref: str, section: str) -> tuple[str, str]:
    """The heading a place sits under (the place less its paragraph, row or item) and its environment."""
    return ref.rsplit(" › ", 1)[0], section


def pair_in_sections(
    values: list[TddValue], counts: list[tuple[int, Fact, str]], places: dict[int, Location], paired: set[int]
) -> None:
    """Each section's only bare-typed machines value takes that section's only unpaired node count
    (`counts`: the gatherer's node counts; `places`: their places by id; `paired`: ids already taken)."""
    by_scope: dict[tuple[str, str], list[int]] = {}
    for i, v in enumerate(values):
        if v.field == "instance_types" and "node count" not in v.how:
            entries = list(shapes.instances(v.text))
            if len(entries) == 1 and bare(entries[0]):
                by_scope.setdefault(_scope(v.location.ref, v.section), []).append(i)
    if not by_scope:
        return
    found: dict[tuple[str, str], list[Fact]] = {}
    for _at, f, _label in counts:
        if id(f) not in paired and id(f) in places:
            found.setdefault(_scope(places[id(f)].ref, f.section), []).append(f)
    unstated = set()
    for scope, idx in by_scope.items():
        fs = found.get(scope, [])
        if len(idx) == 1 and len(fs) == 1 and fs[0].value.isdigit() and int(fs[0].value) > 0:
            v = values[idx[0]]
            kind = next(shapes.instances(v.text)).text
            values[idx[0]] = replace(v, value=f"{fs[0].value} × {kind}", how=f"{v.how} + node count")
        elif len(idx) == 1 and len(fs) == 1 and not fs[0].value:
            unstated.add(idx[0])  # `Nodes: autoscaled` (`read/opencount.py`): how many is not written
    if unstated:
        values[:] = [v for i, v in enumerate(values) if i not in unstated]


def restated_types(values: list[TddValue]) -> None:
    """A type written alone (`instance type in the launch template: m5.4xlarge`) in an environment
    whose machines value counts that same type (`5x m5.4xl`) names the counted machines again, as a
    note restates the full name of a type it wrote short: no second value (no `1 ×` against `5 ×`).
    So do several types each written alone (a node-pool listing's `MACHINE_TYPE` column, one row a
    pool: `n2-highmem-8`, `n2-standard-16`) when the environment counts every one of them (`3 ×
    n2-highmem-8, 2 × n2-standard-16` from its node listing): the pools' types, not one machine each."""
    counted: dict[str, set[str]] = {}
    lone: list[tuple[int, set[str]]] = []
    listed: list[tuple[int, set[str]]] = []  # several types, each alone
    for i, v in enumerate(values):
        if v.field != "instance_types" or v.section == "trial":
            continue
        entries = list(shapes.instances(v.text))
        if entries and all(map(bare, entries)) and "node count" not in v.how:
            (lone if len(entries) == 1 else listed).append(
                (i, {e.value.split(" × ", 1)[1].casefold() for e in entries})
            )
        else:
            for e in entries:
                if not bare(e):
                    counted.setdefault(v.section, set()).add(e.value.split(" × ", 1)[1].casefold())
    drop = {i for i, kinds in lone if kinds <= counted.get(values[i].section, set())}
    if len(drop) < len(lone):
        drop = set()  # another type written alone there: no telling which machines they name (a rival value)
    drop |= {i for i, kinds in listed if kinds <= counted.get(values[i].section, set())}
    if drop:
        values[:] = [v for i, v in enumerate(values) if i not in drop]


def _count_written(text: str, count: str) -> bool:
    """Whether a machines value's count is written in its text as a number of machines ("4 VMs of
    flavour rcp.mem.xl"), not the one machine a bare type stands for."""
    if not count.isdigit():
        return False
    return (
        re.search(rf"(?<![\w.,]){count}\s+(?:[\w-]+\s+)?(?:{permachine.MACHINES})\b", text, re.I) is not None
    )


def per_machine_totals(values: list[TddValue], each: list[tuple[Fact, Location]]) -> list[TddValue]:
    """Each per-machine amount multiplied by its section's machines, when the section has one machines
    value of one type (no telling otherwise which machines it is of)."""
    out: list[TddValue] = []
    for f, place in each:
        scope = _scope(place.ref, f.section)
        machines = [
            v for v in values if v.field == "instance_types" and _scope(v.location.ref, v.section) == scope
        ]
        entries = machines[0].value.split(", ") if len(machines) == 1 and machines[0].value else []
        count = entries[0].split(" × ", 1)[0] if len(entries) == 1 else ""
        written = machines and (
            "node count" in machines[0].how
            or not all(map(bare, shapes.instances(machines[0].text)))
            or _count_written(machines[0].text, count)  # "4 VMs of flavour rcp.mem.xl"
        )
        count = count if written else ""  # not a 1 × by default
        if count.isdigit():
            total = permachine.multiply(f.value, int(count))
            out.append(
                TddValue(
                    f.text, f.text, place, f.field, f.section, None, True, total, "per machine × machines"
                )
            )
    return out


__all__ = ["bare", "counted", "pair_in_sections", "per_machine_totals", "uncounted"]
