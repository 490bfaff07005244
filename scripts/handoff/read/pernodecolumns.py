"""Columns of one machine's CPU and memory in a table of node pools, one pool a row.

`Pool | Instance type | Nodes | vCPU per node | Memory per node` over `general | m6i.4xlarge | 4 | 16 |
64 GiB` and `search | r6i.2xlarge | 2 | 8 | 64 GiB`: a careful reader multiplies each row's figures
by its count and adds the rows: 80 vCPU, 384 GiB. The columns are one machine's (their headers say
so), so none of their figures is a total by itself.

`summed(columns, rows, counts, entry)`: for each per-machine CPU or memory column, the sum over the
rows of the row's count times its figure; a field is left out when any row lacks its figure or its
count (no telling the whole then).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from handoff.core.units import ParseError, parse_size
from handoff.read import permachine, shapes

_PER_MACHINE = re.compile(rf"\b(?:each|ea|per)\b|/\s*(?:{permachine.MACHINES})\b", re.IGNORECASE)


def per_machine(header: str) -> bool:
    """A header of one machine's figures (`vCPU per node`, `RAM / node`, `Memory (each)`)."""
    return bool(_PER_MACHINE.search(header))


def _figure(name: str, text: str) -> float | None:
    if name == "total_cpu":
        number = shapes.leading_number(text)
        cpus = list(shapes.cpus(text))
        value = cpus[0].value if len(cpus) == 1 else number
        try:
            return float(value) if value else None
        except ValueError:
            return None
    sizes = list(shapes.sizes(text))
    if len(sizes) != 1:
        return None
    try:
        return parse_size(sizes[0].value, "GB")
    except ParseError:
        return None


def figure(name: str, text: str) -> float | None:
    """One cell's CPU count or size in GB (`name` the field), or None when it holds not exactly one."""
    return _figure(name, text)


def summed(
    columns: Sequence[tuple[int, str]],
    rows: Sequence[int],
    counts: Callable[[int], int | None],
    entry: Callable[[int, int], str],
) -> list[tuple[str, str]]:
    """(field, total text) of each per-machine column (`columns`: index and field name) over `rows`
    (`counts`: a row's machine count; `entry`: a cell's text with its header's unit)."""
    out: list[tuple[str, str]] = []
    for j, name in columns:
        total = 0.0
        for i in rows:
            count, figure = counts(i), _figure(name, entry(i, j))
            if count is None or figure is None:
                break
            total += count * figure
        else:
            if rows:
                out.append((name, f"{total:g} vCPU" if name == "total_cpu" else f"{total:g} GB"))
    return out


__all__ = ["figure", "per_machine", "summed"]
