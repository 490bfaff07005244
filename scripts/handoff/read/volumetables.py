"""A table of the deployment's volumes, one component a row (`PVC | Size`: `gitserver | 1Ti`,
`indexed-search | 500Gi`, …; `Service | Replicas | Storage (GiB)`): the disk is their sum, or the
figure of the table's total row when it has one. A careful reader adds the rows up; the labels name
components, not fields, so no row is the disk by itself.

The table is one when its header row names volumes or storage (`PVC`, `Volume`, `Disk`, `Storage`,
`Persistent volume`, `SSD`), one column holds a size in every body row (a bare figure under a header
naming its unit: `Size (GiB)`), and no body label names a field or an environment. A column of
counts (`Replicas`, `Count`, `Qty`) multiplies its row; a column of what is used or free (`Used`,
`Used on 25 Oct`) is the load, not a volume. Two columns of sizes (`Staging | Production`) are not
one table of parts: nothing is read here, unless they give every row the same size (`Count × size |
GiB` over `4 × 2,500 GiB | 10,000`: a product and its result, one figure written twice). A header
of no volume word (`| Provisioned | Used`) is one when the total row's label names them (`All
cluster volumes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.units import ParseError, parse_size
from handoff.read import shapes
from handoff.read.usage import of_capacity
from handoff.read.valueunits import header_units, with_unit

_VOLUMES = re.compile(
    r"\b(?:pvcs?|volumes?|disks?|storage|persistent|ssd|nvme|ebs|pd-ssd|claims?|datastores?)\b", re.IGNORECASE
)
_COUNT = re.compile(r"^\s*(?:replicas?|count|qty|#|number|no\.?|instances|nodes|copies)\s*$", re.IGNORECASE)
_TIMES = re.compile(r"^\s*(\d{1,3})\s*[x×*]\s*")


def _gb(cell: str) -> float | None:
    times = _TIMES.match(cell)
    sizes = list(shapes.sizes(cell))
    if len(sizes) != 1:
        return None
    try:
        gb = parse_size(sizes[0].value, "GB")
    except ParseError:
        return None
    return gb * (int(times.group(1)) if times else 1)


def names_volumes(header: list[str], body: list[list[str]], is_total: Callable[[str], bool]) -> bool:
    """Whether the header names volumes or storage, or the total row's label does (`Provisioned |
    Used` over the components and `All cluster volumes`)."""
    return bool(_VOLUMES.search(" ".join(header))) or any(
        r and is_total(r[0]) and _VOLUMES.search(r[0]) for r in body
    )


def _restated(parts: list[list[str]], sized: list[int], units: dict[int, str]) -> bool:
    """Whether the columns `sized` give each row the same size (a product and its result)."""
    for r in parts:
        sizes = [_gb(with_unit(r[j], units.get(j), "")) or 0.0 for j in sized]
        if max(sizes) - min(sizes) > 0.01 * max(sizes):
            return False
    return True


# a lead-in right above a table that says its rows are volumes ("Persistent volumes on LANTERN (gp3):",
# "The PVCs, as created:"), one line ending in a colon
_LEAD_IN = re.compile(
    r"[^.;\n]{0,60}\b(?:persistent\s+volumes?|pvcs?|volumes|disks)\b[^.;\n]{0,60}:\s*", re.IGNORECASE
)
_SIZE_HEADER = re.compile(r"^\s*(?:capacity|size|storage|requested)\s*$", re.IGNORECASE)


def lead_in_names_volumes(text: str) -> bool:
    """Whether the line right above a table says its rows are volumes (then a header of no volume
    word, `NAME | CAPACITY | REPLICAS`, is theirs)."""
    return bool(text) and _LEAD_IN.fullmatch(text) is not None


def total(
    header: list[str],
    body: list[list[str]],
    named: Callable[[str], bool],
    is_total: Callable[[str], bool],
    led: bool = False,
) -> str | None:
    """The disk a volume table states (`N GB`), or None when the table is no such table. `named`:
    whether a row label names a field or an environment; `is_total`: whether it is a total row's;
    `led`: a lead-in above the table names volumes (then a column headed as a size is needed)."""
    dated = " ".join(h for h in header if not of_capacity(h))  # (`Used on 25 Oct`: the load's column, dated)
    if len(header) < 2 or len(body) < 2 or shapes.DIGIT.search(dated):
        return None
    if led:
        if not any(_SIZE_HEADER.match(h) for h in header[1:]):
            return None
    elif not names_volumes(header, body, is_total):
        return None
    units = header_units([h if not of_capacity(h) else "" for h in header])  # (the load's may be dated)
    rows = [r for r in body if r and r[0].strip()]
    parts = [r for r in rows if not is_total(r[0])]
    if not parts or any(named(r[0]) for r in parts):
        return None
    width = len(header)
    sized = [
        j for j in range(1, width)
        if not of_capacity(header[j])  # `Used`, `Free`: the load, not the volume
        and all(j < len(r) and _gb(with_unit(r[j], units.get(j), "")) is not None for r in parts)
    ]  # fmt: skip
    if len(sized) > 1 and _restated(parts, sized, units):
        sized = sized[-1:]  # `Count × size | GiB` over `4 × 2,500 GiB | 10,000`: one figure written twice
    if len(sized) != 1:
        return None
    j = sized[0]
    counts = [k for k in range(1, width) if k != j and _COUNT.match(header[k])]
    stated = [r for r in rows if is_total(r[0]) and j < len(r) and r[j].strip()]
    if stated:
        gb = _gb(with_unit(stated[-1][j], units.get(j), ""))
        return f"{shapes.canon(f'{gb:.3f}')} GB" if gb else None
    summed = 0.0
    for r in parts:
        gb = _gb(with_unit(r[j], units.get(j), "")) or 0.0
        if counts:
            count = r[counts[0]].strip() if counts[0] < len(r) else ""
            if not count.isdigit():
                return None
            gb *= int(count)
        summed += gb
    return f"{shapes.canon(f'{summed:.3f}')} GB"
