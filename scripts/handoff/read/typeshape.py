"""A machine type's own size written beside its count: one machine's figures, not the fleet's.

"Nodes: 4 × m6i.4xlarge (16 vCPU / 64 GiB)" gives the size of one m6i.4xlarge: a careful reader who
knows the type (16 vCPU, 64 GiB) reads the fleet as 64 vCPU and 256 GiB, never 16 and 64. The same
words after "3 × m6i.4xlarge (48 vCPU, 192 GiB)" are the fleet's: the figures are three times the
type's. So a CPU or memory figure with no per-machine or total word of its own, in a sentence that
names one counted machine type before it (more than one machine), is multiplied by the count when
it is exactly the type's published size (`config/instance_types.toml`) and not the count times it.
A type the table does not know leaves the figure as written (no telling which it is).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from handoff.core.fields import InstanceSpec
from handoff.core.units import instance_key
from handoff.read import shapes

_MEMORY_UNIT = re.compile(r"\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>GiB|GB|Gi|G)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def _types(s: str) -> tuple[shapes.Match, ...]:
    """The machine types of a sentence (read once for all its figures)."""
    return tuple(shapes.instances(s))


def machines_of_size(s: str, m: shapes.Match, kind: str, specs: Mapping[str, InstanceSpec]) -> int | None:
    """The number of machines the figure `m` (a CPU count, `kind` "cpu", or a size) of sentence `s`
    is one machine's size of, or None when it is not the size of the counted type before it."""
    found = _types(s)
    before = [i for i in found if i.end <= m.start and not i.value.startswith("1 × ")]
    if len(before) != 1 or len(found) != 1:
        return None  # no counted type, or several: no telling whose size it is
    count_text, _, kind_text = before[0].value.partition(" × ")
    spec = specs.get(instance_key(kind_text))
    if spec is None or not count_text.isdigit():
        return None
    count = int(count_text)
    if kind == "cpu":
        figure = float(m.value)
        own = float(spec.vcpu)
    else:
        size = _MEMORY_UNIT.fullmatch(m.value)
        if size is None:
            return None
        figure, own = float(size.group("n")), spec.memory_gib
    if abs(figure - own) > 0.01 * own or abs(figure - count * own) <= 0.01 * own:
        return None
    return count


__all__ = ["machines_of_size"]
