"""A machine type's size told of the type, not of the fleet: one machine's figures.

People who size a fleet of counted machines often say what one machine of each type is, apart from
the count: "For reference, an m6i.4xlarge has 16 vCPU and 64 GiB", "was n2-standard-16 (16 vCPU /
64 GB) for the first week". A figure written right after a machine type that stands uncounted (no
count before it, or `a`, `an`, `one`), in its own clause, and that is exactly that type's published
size (`config/instance_types.toml`), describes one machine of the type. It is the production fleet's
total only when the fleet is that one machine. So, once the production machines are known:

- `described(values, text_at, specs)`: the CPU and memory values that are such a description while
  the production fleet is not exactly one machine of that type (several of it, or other types: a
  type of the past, of another system, of a note) are no total; they are dropped, and the conflict
  they made with the fleet's figures goes with them. A figure written elsewhere in the same place as
  well (the same text in another clause) stays; an unknown type or fleet leaves everything as is.
- `said_size(kind, text)`: the CPU figures and memory sizes a clause whose subject is the uncounted
  type says it has ("an r6i.4xlarge has 16 vCPU and 128 GiB", "each n2-highmem-8 with 8 vCPU and 64
  GB"), for `read.writtenshape`, which multiplies one machine's size by production's count of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from handoff.core.fields import InstanceSpec
from handoff.core.model import TddValue
from handoff.core.units import instance_key, parse_size
from handoff.read import shapes

_FIELDS = ("total_cpu", "total_memory_gb")
_MEMORY = re.compile(r"\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>GiB|GB|Gi|G)\b", re.IGNORECASE)
# what stands between an uncounted type and the figure that describes it: a bracket opening, or a
# verb of having (`has`, `with`, `gives`, `is`), maybe a colon or dash; nothing else
_BETWEEN = re.compile(
    r"\s*(?:\(|[:=–—-]\s*|,?\s*(?:has|have|had|with|offers|offering|provides|providing|gives|giving|"
    r"comes\s+with|is|are|was|were|means)\s+(?:(?:a|an|about|roughly)\s+)?)",
    re.IGNORECASE,
)
# the end of what a clause says of its subject: a clause break, or `and` opening another subject
_CLAUSE_END = re.compile(
    r"[;)]|\.(?:\s|$)|\band\s+(?:an?|the|each|every|one|its|their)\s|\bbut\b|\bwhile\b", re.IGNORECASE
)


def _clause(text: str, start: int) -> str:
    """The clause that opens at `start`: up to its end (`_CLAUSE_END`) or the text's."""
    end = _CLAUSE_END.search(text, start)
    return text[start : end.start() if end else len(text)]


def _own_size(kind: str, figure: str, specs: Mapping[str, InstanceSpec]) -> bool:
    """Whether `figure` (a CPU count, or a memory size with its unit) is exactly one `kind`'s size."""
    spec = specs.get(instance_key(kind))
    if spec is None:
        return False
    memory = _MEMORY.fullmatch(figure)
    if memory is not None:
        own = spec.memory_gib
        return abs(float(memory.group("n")) - own) <= 0.01 * own
    try:
        return abs(float(figure) - float(spec.vcpu)) < 0.01
    except ValueError:
        return False


def _described_kinds(text: str, figure: str, specs: Mapping[str, InstanceSpec]) -> set[str]:
    """The uncounted types the occurrences of `figure` (as written) in `text` describe, each
    occurrence one of them; none when an occurrence is not right after such a type."""
    kinds: set[str] = set()
    found = [m.start() for m in re.finditer(re.escape(figure), text)]
    if not found:
        return set()
    types = list(shapes.instances(text))
    for at in found:
        before = [m for m in types if m.end <= at]
        if not before or not before[-1].value.startswith("1 × "):
            return set()
        machine = before[-1]
        kind = machine.value.split(" × ", 1)[1]
        between = text[machine.end : at]
        opening = _BETWEEN.match(between)
        if opening is None or at > machine.end + len(_clause(text, machine.end)):
            return set()
        rest = between[opening.end() :]
        if shapes.INSTANCE_TYPE.search(rest) or len(rest) > 40:
            return set()
        value = list(shapes.cpus(figure))
        written = value[0].value if value and not _MEMORY.fullmatch(figure) else figure
        if not _own_size(kind, written, specs):
            return set()
        kinds.add(instance_key(kind))
    return kinds


def _entries(v: TddValue) -> list[tuple[int, str]]:
    """A machines value's (count, type) entries."""
    entries = [m.value.split(" × ", 1) for m in shapes.instances(v.value or v.text)]
    return [(int(n), instance_key(kind)) for n, kind in entries if n.isdigit()]


def _fleet(values: Sequence[TddValue]) -> tuple[list[tuple[int, str]] | None, set[int]]:
    """Production's machines as (count, type), when one value states them (production's, else an
    unsectioned one), and the ids of the values that only name its types again, uncounted ("an
    m6i.4xlarge has …, an r6i.4xlarge has …" beside `2 × m6i.4xlarge, 2 × r6i.4xlarge`)."""
    machines = [v for v in values if v.field == "instance_types" and v.section == "production"]
    machines = machines or [v for v in values if v.field == "instance_types" and v.section == ""]
    named = {id(v): _entries(v) for v in machines}
    again = {
        id(v)
        for v in machines
        if named[id(v)]
        and all(n == 1 for n, _ in named[id(v)])
        and any(
            {k for _, k in named[id(v)]} <= {k for _, k in named[id(w)]}
            and sum(n for n, _ in named[id(w)]) > len(named[id(v)])
            for w in machines
        )
    }
    stated = {v.value or v.text for v in machines if id(v) not in again}
    if len(stated) != 1:
        return None, set()
    fleet = next(named[id(v)] for v in machines if id(v) not in again)
    return fleet or None, again


def fleet(values: Sequence[TddValue]) -> tuple[list[tuple[int, str]] | None, set[int]]:
    """Production's machines as (count, type) when one value states them, and the ids of the values
    naming its types again uncounted (`_fleet`)."""
    return _fleet(values)


def described(
    values: Sequence[TddValue], text_at: Callable[[TddValue], str], specs: Mapping[str, InstanceSpec]
) -> set[int]:
    """ids of the CPU and memory values that describe one machine of a type, the fleet being other,
    and of the values naming the fleet's types again beside them."""
    fleet, again = _fleet(values)
    if fleet is None:
        return set()
    drop: set[int] = set()
    for v in values:
        if v.field not in _FIELDS or v.section not in ("production", "") or "×" in v.how or "sum" in v.how:
            continue
        kinds = _described_kinds(text_at(v), v.text, specs)
        if kinds and fleet not in [[(1, k)] for k in kinds] and not _fleets_own(v, fleet, specs):
            drop.add(id(v))
    return drop | (again if drop else set())


_BY_KEY: dict[int, tuple[Mapping[str, InstanceSpec], dict[str, InstanceSpec]]] = {}


def by_key(specs: Mapping[str, InstanceSpec]) -> dict[str, InstanceSpec]:
    """The published sizes by their types' normalised keys (`instance_key`), worked out once for a
    catalogue's table: every reading passes the same mapping, kept beside its answer so that an id
    reused by another mapping is never mistaken for it."""
    kept = _BY_KEY.get(id(specs))
    if kept is None or kept[0] is not specs:
        kept = (specs, {instance_key(k): spec for k, spec in specs.items()})
        _BY_KEY.clear()
        _BY_KEY[id(specs)] = kept
    return kept[1]


def _fleets_own(v: TddValue, fleet: list[tuple[int, str]], specs: Mapping[str, InstanceSpec]) -> bool:
    """Whether a figure told of another type is also the fleet's own total by the published sizes (the
    machine it went live on, `n2-standard-16 (16 vCPU, 64 GB)`, resized to one n2-highmem-16: 16 vCPU
    either way): the amount is right for the fleet, whichever machine the sentence tells it of."""
    known = by_key(specs)
    if any(kind not in known for _, kind in fleet):
        return False
    found = list(shapes.cpus(v.text)) if v.field == "total_cpu" else list(shapes.sizes(v.text))
    if len(found) != 1:
        return False
    try:
        written = str(found[0].value)
        amount = float(written.replace(",", "")) if v.field == "total_cpu" else parse_size(written, "GB")
    except ValueError:
        return False
    cpu = v.field == "total_cpu"
    each = [float(known[kind].vcpu if cpu else known[kind].memory_gib) for _, kind in fleet]
    whole = sum(n * size for (n, _), size in zip(fleet, each, strict=True))
    return abs(amount - whole) <= 0.005 * whole


def said_size(kind: str, text: str) -> tuple[list[str], list[str]]:
    """(CPU figures, memory sizes) that clauses of `text` say an uncounted `kind` has ("an
    m6i.4xlarge has 16 vCPU and 64 GiB"): the figures of the clause right after the type."""
    cpus: list[str] = []
    memory: list[str] = []
    for m in shapes.instances(text):
        if m.value != f"1 × {kind}":
            continue
        opening = _BETWEEN.match(text, m.end)
        if opening is None or text[opening.start() : opening.end()].strip().startswith("("):
            continue  # (a bracket: `read.writtenshape` reads it)
        clause = _clause(text, opening.end())
        if shapes.INSTANCE_TYPE.search(clause):
            continue
        found_cpu = [c.value for c in shapes.cpus(clause)]
        found_size = [s.value for s in shapes.sizes(clause)]
        if len(found_cpu) == 1 and len(found_size) == 1:
            cpus.append(found_cpu[0])
            memory.append(found_size[0])
    return cpus, memory


__all__ = ["by_key", "described", "fleet", "said_size"]
