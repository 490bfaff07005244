"""Two CPU or memory totals, one of them what the stated machines come to.

A document that states production's machines under a label or in a table (`Instance types: 4 ×
n2-standard-16`, `node pool sg-prod: 4 × n2-standard-16`) and then two different CPU or memory
figures for production has not necessarily contradicted itself: the machines are a third statement,
and the providers publish what each type has (`config/instance_types.toml`). People write, beside
the fleet's total, the figures of something smaller or other than the fleet in passing: a
container's memory limit ("zoekt-webserver memory limit raised to 24 GiB"), the CPUs a compose
file's limits add up to, an alternative considered and rejected, a machine's size before a resize.
What the fleet comes to is arithmetic the document itself settles: its counts times the published
sizes of its types.

So when production's machines are stated once, by a label or a table column (not a machine named in
passing in prose: that may be any machine the text talks about, and its figures agree with it only
because they describe the same machine), every type in the published table, and of a total's two
or more different production figures exactly one equals the machines' published total (to 1%, a
GiB counted as a GB or converted), that one is the total: the others give way (they stay unplaced
lines for the IE to see). The figures that give way must be figures met in prose ("the compose
limits add up to about 29 CPUs"): a figure under a label or a column of its own field ("Total CPU:
48 vCPU") is the writer stating the total, and two such that disagree are a contradiction whatever
the arithmetic says. When no figure, or two, equal the machines' total, or the machines are not known,
nothing is settled.

`settled_by_fleet(values, specs)`: the ids of the figures that give way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from handoff.core.fields import InstanceSpec
from handoff.core.model import TddValue
from handoff.read import typesizes
from handoff.read.gatherparts import amounts

_FIELDS = ("total_cpu", "total_memory_gb")
_GIB = 1.073741824
_STATED = frozenset({"label", "label meaning", "table column"})


def _tier(values: Sequence[TddValue], name: str) -> list[TddValue]:
    """The values the merge weighs for a field: production's, else those of parts naming no environment."""
    usable = [v for v in values if v.field == name and v.section != "trial"]
    return [v for v in usable if v.section == "production"] or [v for v in usable if v.section == ""]


def _amount(v: TddValue) -> float | None:
    found = amounts(v.field or "", v.value or v.text)
    return float(found[0]) if len(found) == 1 and isinstance(found[0], float) else None


def _stated(v: TddValue) -> bool:
    """Whether a value was read under a label or in a table column naming its field."""
    return v.how.split(" + ")[0] in _STATED


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * b


def _distinct(figures: Sequence[float]) -> list[float]:
    out: list[float] = []
    for a in figures:
        if not any(_near(a, d) or _near(d, a) for d in out):
            out.append(a)
    return out


def settled_by_fleet(values: Sequence[TddValue], specs: Mapping[str, InstanceSpec]) -> set[int]:
    """ids of the CPU and memory figures met in prose that give way to the one figure of their field
    equal to the production machines' published total; a figure read under a label or column of its
    field never gives way: two such are a contradiction."""
    fleet, _ = typesizes.fleet(values)
    if not fleet:
        return set()
    machines = _tier(values, "instance_types")
    known = typesizes.by_key(specs)
    if not all(_stated(v) for v in machines) or any(kind not in known for _, kind in fleet):
        return set()
    drop: set[int] = set()
    for name in _FIELDS:
        figures = [(v, _amount(v)) for v in _tier(values, name)]
        found = [a for _, a in figures if a is not None]
        if len(found) < len(figures) or len(_distinct(found)) < 2:
            continue
        cpu = name == "total_cpu"
        whole = float(sum(n * (known[k].vcpu if cpu else known[k].memory_gib) for n, k in fleet))
        wholes = [whole] if cpu else [whole, whole * _GIB]
        if sum(any(_near(d, w) for w in wholes) for d in _distinct(found)) != 1:
            continue
        losing = [v for v, a in figures if a is not None and not any(_near(a, w) for w in wholes)]
        if any(_stated(v) for v in losing):
            continue  # "Total CPU: 48 vCPU" beside a table's 64: the document states two totals
        drop |= {id(v) for v in losing}
    return drop


__all__ = ["settled_by_fleet"]
