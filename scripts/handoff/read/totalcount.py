"""Production's machines counted where the fleet's totals are written beside their number.

A write-up often names the machine type once, uncounted, with one machine's size ("ocp-prod-sg-workers
uses r6i.2xlarge (8 vCPU, 64 GiB each)"), and states how many there are in the sentence that sums
them up ("So: 4 machines, 32 vCPU and 256 GiB between them"). The type alone is a mention (no count:
not the deployment's machines), and the count sits in a sentence with figures of its own (not a
bare count to pair). A careful reader checks the arithmetic: four machines of a type of 8 vCPU and
64 GiB have 32 vCPU and 256 GiB, as written; so production is 4 × r6i.2xlarge.

`counted_type(values, text_at, specs)`: when production (or the unsectioned part) has no machines
value, states one CPU total and/or one memory total, and the places those totals are written name
exactly one machine type, uncounted and of a published size (`config/instance_types.toml`), and
count machines (`4 machines`, `three nodes`) with a number n for which n times the type's size is
every stated total: the value `n × type`, derived. Any doubt (two types, a type counted elsewhere in
those places, two numbers that fit, a total that does not) gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from handoff.core.fields import InstanceSpec
from handoff.core.model import TddValue
from handoff.core.units import instance_key
from handoff.read import permachine, shapes

_HOW = "count beside totals of the type's size"
_MEMORY = re.compile(r"\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>TiB|TB|GiB|GB|Gi|G)\b", re.IGNORECASE)
_SECTIONS = ("production", "")


def _amount(v: TddValue) -> float | None:
    """A CPU count, or a memory size in GB (GiB counted as GB, TB × 1000), of a value."""
    text = (v.value or v.text).strip()
    if v.field == "total_cpu":
        try:
            return float(text.split()[0].replace(",", ""))
        except (ValueError, IndexError):
            return None
    size = _MEMORY.match(text.replace(",", ""))
    if size is None:
        return None
    return float(size.group("n")) * (1000.0 if size.group("unit").lower().startswith("t") else 1.0)


def _one(values: list[TddValue]) -> tuple[float | None, list[TddValue]]:
    """The one amount the values state (None if none, or several), and the values."""
    amounts = {_amount(v) for v in values}
    if len(amounts) != 1 or None in amounts:
        return None, values
    return amounts.pop(), values


def counted_type(
    values: Sequence[TddValue], text_at: Callable[[TddValue], str], specs: Mapping[str, InstanceSpec]
) -> TddValue | None:
    """Production's machines from an uncounted type and a count written beside totals that fit it."""
    for section in _SECTIONS:
        if any(v.field == "instance_types" and v.section in _SECTIONS for v in values):
            return None
        cpu, cpus = _one([v for v in values if v.field == "total_cpu" and v.section == section])
        memory, mems = _one([v for v in values if v.field == "total_memory_gb" and v.section == section])
        if (cpus and cpu is None) or (mems and memory is None) or (cpu is None and memory is None):
            continue
        texts = {text_at(v) for v in (*cpus, *mems)}
        types = [m for t in texts for m in shapes.instances(t)]
        kinds = {instance_key(m.value.split(" × ", 1)[1]) for m in types}
        if len(kinds) != 1 or not all(shapes.bare(m) for m in types):
            continue
        kind = kinds.pop()
        spec = specs.get(kind)
        if spec is None:
            continue
        counts = set()
        for t in texts:
            for m in permachine.COUNT.finditer(t):
                n = m.group("n").lower()
                counts.add(int(n) if n.isdigit() else shapes.NUMBER_WORDS.get(n, 0))
        fits = [
            n
            for n in counts
            if n > 1
            and (cpu is None or abs(n * spec.vcpu - cpu) < 0.01)
            and (memory is None or abs(n * spec.memory_gib - memory) <= 0.01 * memory)
        ]
        if len(fits) != 1:
            continue
        written = next(m.value.split(" × ", 1)[1] for m in types)
        machines = f"{fits[0]} × {written}"
        first = (cpus or mems)[0]
        return replace(first, field="instance_types", label=_HOW, text=machines, value=machines, derived=True,
                       how=_HOW)  # fmt: skip
    return None


__all__ = ["counted_type"]
