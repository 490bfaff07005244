"""A machines table's one row with CPU and memory columns: the row's figures, told by the type's size.

`Node group | Instances | Count | … | Cores | RAM` with one row, `r6i.4xlarge | 3 | … | 48 | 384 GiB`
(or the one row left of a shared whole's table once other tenants' rows are out): are 48 and 384
one machine's or the row's? A careful reader who knows the type (16 vCPU, 128 GiB) sees they are
three times its size, so the row's: the deployment's. Figures equal to the type's own size (one
machine's) are left to what reads a column of them already; a type the catalogue
(`config/instance_types.toml`) does not know, or figures that are neither, give nothing: there is
no telling.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from handoff.core.fields import InstanceSpec
from handoff.core.units import instance_key

_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(TiB|TB|GiB|GB|Gi|G)?\b", re.IGNORECASE)
_CLOSE = 0.02  # GB written for GiB (or the other way) stays within this share


def row_totals(
    count: int, type_text: str, cells: list[tuple[str, str]], specs: Mapping[str, InstanceSpec]
) -> list[tuple[str, str]]:
    """(field, text) for each (field, cell) of `cells` (`total_cpu`, `total_memory_gb`) that is the
    row's total: `count` × the type's size."""
    spec = specs.get(instance_key(type_text))
    if spec is None or count < 1:
        return []
    out = []
    for name, cell in cells:
        m = _NUMBER.search(cell)
        if m is None:
            continue
        value = float(m.group(1).replace(",", ""))
        unit = (m.group(2) or "").lower()
        if name == "total_memory_gb" and unit in ("tb", "tib"):
            value *= 1024 if unit == "tib" else 1000
        one = spec.vcpu if name == "total_cpu" else spec.memory_gib
        if not _near(value, count * one) or (count > 1 and _near(value, one)):
            continue  # (one machine's figures are read elsewhere, as they were: `pernodecolumns`)
        total = value
        shown = "vCPU" if name == "total_cpu" else ("GiB" if unit in ("gib", "gi", "tib", "") else "GB")
        out.append((name, f"{total:g} {shown}"))
    return out


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= _CLOSE * max(b, 1.0)


__all__ = ["row_totals"]
