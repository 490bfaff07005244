"""Production's CPU and memory from the size the document writes beside its machine type.

A report that sized a machine, tested it and resized it writes the type's size where the type is
introduced, often in the part about the test or the resize ("we stopped the VM, resized it to
Standard_E32s_v5 (32 vCPU, 256 GiB of memory) and re-ran the test"), and describes the deployment
as it stands by its type alone ("One Standard_E32s_v5 VM in UK South …"). A type's size is the
type's wherever it is written: the part it stands in tells what was done with the machine, not what
the machine is. A careful reader who knows production is one such machine takes its CPU and memory
from that bracket.

`shape_totals(machines, texts)`: production's machines (`1 × Standard_E32s_v5`, or several types,
each counted) and the document's texts; for each type, the bracket written right after it where it
stands alone or counted one (`a Standard_E32s_v5 (32 vCPU, 256 GiB)`: one machine's size; after a
larger count the bracket may be the pool's total, and is not used), or what a clause whose subject is
the type standing alone says it has ("an r6i.4xlarge has 16 vCPU and 128 GiB": `read.typesizes`),
the same wherever it is written.
Returns the CPU total and the memory total (count × one machine's, added up over the types), each
None when some type has no such bracket, or brackets that disagree, or memory in units that differ.
The gatherer adds them only for a field no part outside trials states.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from handoff.read import shapes, typesizes

_BRACKET = re.compile(r"\s*\(([^()]{1,80})\)")


def _one_size(kind: str, texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """The CPU figures and memory sizes written in a bracket right after `kind` standing as one machine."""
    cpus: set[str] = set()
    memory: set[str] = set()
    for text in texts:
        if kind not in text:
            continue
        said_cpu, said_memory = typesizes.said_size(kind, text)  # "an r6i.4xlarge has 16 vCPU and 128 GiB"
        cpus.update(said_cpu)
        memory.update(said_memory)
        for m in shapes.instances(text):
            if m.text != kind or not m.value.startswith("1 × "):
                continue
            bracket = _BRACKET.match(text, m.end)
            if bracket is None:
                continue
            inside = bracket.group(1)
            found_cpu = [c.value for c in shapes.cpus(inside)]
            found_size = [s.value for s in shapes.sizes(inside)]
            if len(found_cpu) == 1:
                cpus.add(found_cpu[0])
            if found_size:
                memory.add(found_size[0])
    return cpus, memory


def shape_totals(machines: str, texts: list[str]) -> tuple[str | None, str | None]:
    """(CPU total, memory total) of `machines` from the sizes the texts write beside their types."""
    entries = [
        (int(m.value.split(" × ", 1)[0]), m.value.split(" × ", 1)[1]) for m in shapes.instances(machines)
    ]
    if not entries:
        return None, None
    cpu_total: float | None = 0.0
    memory_total: float | None = 0.0
    units: set[str] = set()
    for count, kind in entries:
        cpus, memory = _one_size(kind, texts)
        if cpu_total is not None:
            cpu_total = cpu_total + count * float(cpus.pop()) if len(cpus) == 1 else None
        if memory_total is not None and len(memory) == 1:
            number, unit = memory.pop().split(" ", 1)
            units.add(unit)
            memory_total += count * float(number)
        else:
            memory_total = None
    cpu = shapes.canon(f"{cpu_total:.3f}") if cpu_total else None
    mem = f"{shapes.canon(f'{memory_total:.3f}')} {units.pop()}" if memory_total and len(units) == 1 else None
    return cpu, mem


__all__ = ["shape_totals"]
