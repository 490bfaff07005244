"""A machine type, its count and one machine's size written under different headings.

A design document often names the machine type in one section (`Platform › Node type:
m6i.4xlarge`), counts the machines in another (`Capacity › Worker nodes: 3`) and gives one
machine's CPU and memory in a third, or in prose ("Each node has 16 vCPU and 64 GiB"). A careful
reader puts them together: 3 × m6i.4xlarge, 48 vCPU, 192 GiB. `read.nodecount` pairs them within
one section; this module pairs them across one environment's sections, only where there is no
telling them apart otherwise:

* `pair_in_environment`: the environment's machines written without a count are all of one type,
  and the environment has exactly one node count left unpaired: that many of the type.
* `per_machine_in_environment`: one machine's amount whose own section names no machines, in an
  environment whose machines are one counted value (one fleet, each entry with a written count):
  the amount times that fleet's machines, when the fleet is of one type (a machine's figure says
  nothing of a fleet of two types).

* `counted_by_label`: a label that counts the machines ("The cluster has 3 worker nodes: m6i.4xlarge,
  16 vCPU / 64 GiB each") over a value naming one type without a count: that many of the type.

Two types, two counts, or a count not written: nothing is paired, and a bare type stays one machine
as the sheet reads it.
"""

from __future__ import annotations

from dataclasses import replace

from handoff.core.model import Location, TddValue
from handoff.read import permachine, shapes
from handoff.read.fact import Fact
from handoff.read.nodecount import bare


def _bare_kinds(v: TddValue) -> list[str]:
    """The types of a machines value written without a count (one entry), else none."""
    if v.field != "instance_types" or "node count" in v.how:
        return []
    entries = list(shapes.instances(v.text))
    return [entries[0].text] if len(entries) == 1 and bare(entries[0]) else []


def pair_in_environment(
    values: list[TddValue], counts: list[tuple[int, Fact, str]], places: dict[int, Location], paired: set[int]
) -> None:
    """Each environment's bare machines values, all of one type, take its only unpaired node count."""
    if all(id(f) in paired for _at, f, _l in counts):
        return  # (most documents: no node count left, nothing to pair)
    bare_at: dict[str, list[int]] = {}
    kind_of: dict[int, str] = {}
    for i, v in enumerate(values):
        kinds = _bare_kinds(v)
        if kinds:
            bare_at.setdefault(v.section, []).append(i)
            kind_of[i] = kinds[0]
    for env, idx in bare_at.items():
        types = {kind_of[i].casefold() for i in idx}
        if len(types) != 1 or any(
            v.field == "instance_types" and v.section == env and i not in idx for i, v in enumerate(values)
        ):
            continue  # two types, or machines counted elsewhere in the environment: no telling
        found = [f for _at, f, _l in counts if id(f) not in paired and id(f) in places and f.section == env]
        if len(found) != 1 or not found[0].value.isdigit() or int(found[0].value) < 1:
            continue
        paired.add(id(found[0]))
        for i in idx:
            v = values[i]
            values[i] = replace(
                v, value=f"{found[0].value} × {_bare_kinds(v)[0]}", how=f"{v.how} + node count"
            )


def _scope(ref: str) -> str:
    return ref.rsplit(" › ", 1)[0]


def per_machine_in_environment(values: list[TddValue], each: list[tuple[Fact, Location]]) -> list[TddValue]:
    """One machine's amounts whose sections name no machines, times their environment's one fleet."""
    out: list[TddValue] = []
    for f, place in each:
        scope = _scope(place.ref)
        machines = [v for v in values if v.field == "instance_types" and v.section == f.section]
        if not machines or any(_scope(v.location.ref) == scope for v in machines):
            continue  # its own section names machines: `nodecount.per_machine_totals` reads it
        fleets = {v.value for v in machines}
        if len(fleets) != 1:
            continue
        entries = (machines[0].value or "").split(", ")
        written = "node count" in machines[0].how or not any(map(bare, shapes.instances(machines[0].text)))
        if len(entries) != 1 or not written:
            continue
        count = entries[0].split(" × ", 1)[0]
        if count.isdigit():
            total = permachine.multiply(f.value, int(count))
            out.append(TddValue(f.text, f.text, place, f.field, f.section, None, True, total,
                                "per machine × the environment's machines"))  # fmt: skip
    return out


def counted_by_label(label: str, value: str, canonical: str) -> str:
    """`canonical` (a labelled value's machines) with the count its label states, when the value names
    one type without a count and the label one number of machines."""
    if not canonical.startswith("1 × ") or ", " in canonical or not permachine.MACHINE_NOUN.search(label):
        return canonical  # (a cheap test first: a count written, or a label naming no machines)
    entries = list(shapes.instances(value))
    if len(entries) != 1 or not bare(entries[0]) or canonical != entries[0].value:
        return canonical
    counts = permachine.machine_counts(label, types=False)
    if len(counts) != 1 or counts[0][1] < 2:
        return canonical
    return f"{counts[0][1]} × {entries[0].text}"


__all__ = ["counted_by_label", "pair_in_environment", "per_machine_in_environment"]
