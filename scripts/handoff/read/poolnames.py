"""Node pools named in a table, counted by name in prose elsewhere.

An appendix lists each pool's machine type a row (`Pool | Machine type | vCPU per node`: `general |
Standard_E16s_v5`), and the architecture section counts them by name ("The cluster has 4 nodes in
the general pool and 2 nodes in the search pool"). A careful reader joins them by the pool's name:
4 × Standard_E16s_v5, 2 × Standard_D8s_v5. Read alone, each row's type is one machine (a wrong
value: a silent `1 ×`).

`counted_by_name(values, blocks)`: each machines value read from a table column, its types written
without counts one row each, takes for each row the count the rest of the document gives the
row's name (its first cell) once, when every row's name has exactly one such count in that
environment; otherwise it is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from handoff.core.model import TddValue
from handoff.read import permachine, shapes
from handoff.read.nodecount import bare

_ROWS = re.compile(r"^(?P<table>.* › table \d+), rows (?P<a>\d+)–(?P<b>\d+)$")
_COLUMN = re.compile(r"^(?P<table>.* › table \d+), column \d+$")  # a table of one row, read as labels
_NOUN = r"(?:nodes?|machines?|vms?|instances?|workers?|servers?|hosts?)"


Blocks = Sequence[tuple[str, str, str]]  # each block's place, environment and text


def _patterns(name: str) -> list[re.Pattern[str]]:
    n, key = rf"(?P<n>\d{{1,3}}|{permachine._WORDS})", re.escape(name)
    pool = r"(?:node\s+)?(?:pool|group|tier)"
    return [
        re.compile(
            rf"(?<![\w.,]){n}\s+(?:[\w-]+\s+){{0,2}}?{_NOUN}\s+(?:in|for|of|on)\s+(?:the\s+)?{key}\b", re.I
        ),
        re.compile(rf"\b{key}\s+{pool}\s*(?:has|have|with|of|:|=|runs?)\s*{n}\b", re.I),
    ]


def _row_names(
    ref: str, entries: int, blocks: Sequence[tuple[str, str, str]]
) -> tuple[str, list[str]] | None:
    """(the table's place, the names of the rows a table-read value's entries are in), or None."""
    rows = _ROWS.match(ref)
    if rows is not None:
        first, last = int(rows.group("a")), int(rows.group("b"))
        if last - first + 1 != entries:
            return None
        names = []
        for r in range(first, last + 1):
            at = f"{rows.group('table')}, row {r}"
            names.append(next((t.strip() for where, _s, t in blocks if where == at), ""))
        return rows.group("table"), names
    column = _COLUMN.match(ref)
    if column is None or entries != 1:
        return None
    at = f"{column.group('table')}, column 1"  # `Pool: general`
    first_cell = next((t for where, _s, t in blocks if where == at), "")
    return column.group("table"), [first_cell.partition(": ")[2].strip()]


def counted_by_name(values: list[TddValue], blocks_of: Callable[[], Blocks]) -> None:
    """`values` with the table-read machines counted by their rows' names (`blocks_of`: each block's
    place, environment and text, asked for only when a machines value was read from a table)."""
    blocks: Blocks = ()
    for i, v in enumerate(values):
        if v.field != "instance_types" or "node count" in v.how:
            continue
        if ", row" not in v.location.ref and ", column" not in v.location.ref:
            continue
        entries = list(shapes.instances(v.text))
        if not entries or not all(map(bare, entries)):
            continue
        blocks = blocks or blocks_of()
        found_rows = _row_names(v.location.ref, len(entries), blocks)
        if found_rows is None:
            continue
        table, names = found_rows
        prose = [t for ref, s, t in blocks if s == v.section and not ref.startswith(table)]
        counts = []
        for name in names:
            found = {
                m.group("n").lower() for pattern in (_patterns(name) if name else []) for t in prose
                for m in pattern.finditer(t)
            }  # fmt: skip
            if len(found) != 1:
                break
            word = found.pop()
            counts.append(int(word) if word.isdigit() else shapes.NUMBER_WORDS[word])
        if len(counts) != len(entries) or min(counts) < 1:
            continue
        value = ", ".join(f"{c} × {e.text}" for c, e in zip(counts, entries, strict=True))
        values[i] = replace(v, value=value, how=f"{v.how} + node count by pool name")


__all__ = ["counted_by_name"]
