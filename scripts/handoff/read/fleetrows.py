"""A machines table whose CPU and memory cells are each row's whole: proved by the types' own sizes.

A size-tier table or a fleet table gives each row its machines and their figures: `L | 3 ×
Standard_E16s_v5 | 48 | 384 GiB | 3 TB`. Whether `48` is one machine's or the row's is not in the
header (`vCPU`); a careful reader who knows the type (16 vCPU, 128 GiB) sees 48 = 3 × 16 and 384 =
3 × 128: the cells are the row's totals (a note may say so too: "figures are the whole cluster").
`fleet_sums(machines, columns, specs)`: when every row names one counted, known machine type, at
least one row more than one machine, and every CPU and memory cell is its row's count times the
type's published size (`config/instance_types.toml`, 1%), the columns are totals: their sums over
the rows, CPU, memory and the disk column beside them (the same kind of figure in the same row).
An inventory of one machine a row (no count column, a type written on several rows: `sg-w-1 | m6i.2xlarge
| 8 | 32`) is such a table too: each row's figures are its one machine's and so the row's whole, proved
the same way, or, for the document's own types (no published size), by each type's rows giving the same
figures. Otherwise nothing (one machine's figures are read as they are by the rest of the reader).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from handoff.core.fields import InstanceSpec
from handoff.core.units import ParseError, instance_key, parse_size
from handoff.read import shapes

_PROVED = ("total_cpu", "total_memory_gb")
_SUMMED = (*_PROVED, "total_disk_gb")
FIELDS = frozenset(_SUMMED)


def _cpu(text: str) -> float | None:
    cpus = list(shapes.cpus(text))
    number = cpus[0].value if len(cpus) == 1 else shapes.leading_number(text)
    try:
        return float(number) if number else None
    except ValueError:
        return None


def _gib(text: str) -> float | None:
    """A size cell in GiB-as-written (`384 GiB`, `384 GB`: the same number, as the keys count it)."""
    sizes = list(shapes.sizes(text))
    if len(sizes) != 1 or text[: sizes[0].start].strip():
        return None  # (the cell's one figure, whole: `2 000 GB` read as `000 GB` is none)
    try:
        return parse_size(sizes[0].value, "GB")
    except (ParseError, TypeError):
        return None


def _proved(name: str, counted: Sequence[tuple[int, InstanceSpec | None, str]], cells: Sequence[str]) -> bool:
    """Whether each row's figure of a CPU or memory column is its count times its type's published
    size; for a document's own type (no published size), whether each of its rows gives the same."""
    seen: dict[str, float] = {}
    for (n, spec, kind), cell in zip(counted, cells, strict=True):
        figure = _cpu(cell) if name == "total_cpu" else _gib(cell)
        if figure is None:
            return False
        if spec is None:
            if abs(seen.setdefault(kind, figure) - figure) > 0.01 * figure:
                return False
            continue
        own = spec.vcpu if name == "total_cpu" else spec.memory_gib
        if abs(figure - n * own) > 0.01 * n * own:
            return False
    return True


def fleet_sums(
    machines: Sequence[str],
    columns: Mapping[str, Sequence[str]],
    specs: Mapping[str, InstanceSpec],
    one_each: bool = False,
) -> list[tuple[str, str]]:
    """(field, total text) of each amount column proved to hold its rows' totals; [] otherwise.
    `machines`: each row's machines (`3 × Standard_E16s_v5`); `columns`: field → each row's cell.
    `one_each`: the rows are one machine each (an inventory listing a type on several rows), so a
    row's figures are its machine's and its own whole alike."""
    counted: list[tuple[int, InstanceSpec | None, str]] = []
    for text in machines:
        found = list(shapes.instances(text))
        if len(found) != 1:
            return []
        count, _, kind = found[0].value.partition(" × ")
        spec = specs.get(instance_key(kind))
        if (spec is None and not (one_each and shapes.own_type(kind))) or not count.isdigit():
            return []
        counted.append((int(count), spec, kind.casefold()))
    proved = [name for name in _PROVED if name in columns]
    if not proved or not (one_each or any(n > 1 for n, _, _ in counted)):
        return []
    if not all(_proved(name, counted, columns[name]) for name in proved):
        return []
    out = []
    for name in _SUMMED:
        if name not in columns:
            continue
        figures = [_cpu(c) if name == "total_cpu" else _gib(c) for c in columns[name]]
        if any(f is None for f in figures):
            continue
        total = sum(f for f in figures if f is not None)
        out.append((name, f"{total:g} vCPU" if name == "total_cpu" else f"{total:g} GB"))
    return out


__all__ = ["FIELDS", "fleet_sums"]
