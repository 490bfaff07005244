"""A label table's row bounded by a limit beside its value: the limit read, the value a measurement.

A review or workbook sets a row's figure beside its limit: a column of limits (`Metric | Now | Max /
agreed limit`: `Peak concurrent users | 520 | 600 (designed for)`) or a note saying one (`Users |
~2.4k | licence cap 3k seats`, `Repos | 12.4k | cap 15k before re-sizing`). A careful reader takes
the limit as the row's limit (users, concurrent users, repositories) and the figure beside it as what
is used: a measurement, no limit. A limit cell is read as the row's label's value in a limits
context; a note saying a limit is read as a sentence about the row's thing, or, when its sentence
names no noun (`cap 15k`), its one figure outside any date as the row's limit. A limit of nodes, CPU
or disk is no field, and a note's reference or date (`order form OF-2291`, `contract through Sep
2027`) is no figure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.model import Location
from handoff.read import shapes
from handoff.read.fact import Context
from handoff.read.labelwords import label_meaning
from handoff.read.walkparts import WalkParts

_BARE_FIGURE = re.compile(r"(?<![\w.,/-])~?\d[\d,.]*\s?[kKM]?(?![\w.,/-])")  # `15k`, not `OF-2291`
_LIMIT_FIELDS = frozenset({"max_users", "max_concurrent_users", "max_repositories"})
_YEAR = re.compile(r"(?:19|20)\d\d")


def _bare_figures(text: str, year: str) -> list[str]:
    """The figures of a note outside its dates (`contract through Sep 2027` has none)."""
    spans = [(d.start, d.end) for d in shapes.dates(text, year)]
    return [
        m.group(0) for m in _BARE_FIGURE.finditer(text)
        if not any(a <= m.start() < b for a, b in spans) and not _YEAR.fullmatch(m.group(0))
    ]  # fmt: skip


class RowLimits(WalkParts):
    """The walk's reading of the limits beside a label table's values."""

    def bounded(self, label: str, values: list[str], limits: list[str], notes: list[str], where: Location,
                ctx: Context) -> str:  # fmt: skip
        """A row's label, marked a measurement when a limit beside its values bounds the same field
        (`Peak concurrent | 520 | 600 (designed for)` under `Max / agreed limit`, `Users | ~2.4k |
        licence cap 3k seats`): the limit cells and the notes saying a limit are read as the limits."""
        about = replace(ctx, topic=label_meaning(label) or ctx.topic)
        bounded = self.limit_cells(label, limits, where, ctx) | self.limit_notes(label, notes, where, about)
        if bounded and any(self.facts.labelled(label, v, ctx)[0] in bounded for v in values if v):
            return f"{label} (observed)"
        return label

    def limit_cells(self, label: str, cells: list[str], where: Location, ctx: Context) -> set[str]:
        """A row's cells under a column of limits (`Repositories | 5,610 | 10,000` under `Max / agreed
        limit`), read as limits when the row's label has a limit field (repositories, users,
        concurrent users); a limit of nodes, CPU or disk is no field. The limit fields read."""
        bounded: set[str] = set()
        limited = replace(ctx, limit=True)
        for text in cells:
            name, facts = self.facts.labelled(label, text, limited) if text else (None, [])
            if name in _LIMIT_FIELDS and any(f.field == name for f in facts):  # (`order form OF-2291`: none)
                bounded.add(name)
                self.emit(label, text, where, limited)
        return bounded

    def limit_notes(self, label: str, notes: list[str], where: Location, about: Context) -> set[str]:
        """A row's notes that say a limit (`licence cap 3k seats`, `cap 15k before re-sizing`), read as
        limits of the row's thing: their sentences, or the one bare figure of a note whose sentence
        names no noun (`cap 15k`: the row's label is its noun). The limit fields read."""
        bounded: set[str] = set()
        limited = replace(about, limit=True)
        for text in notes:
            found = {f.field for f in self.facts.prose(text, limited)} & _LIMIT_FIELDS
            if found:
                bounded |= found
            elif len(figures := _bare_figures(text, about.year)) == 1:
                name, facts = self.facts.labelled(label, figures[0], limited)
                if name in _LIMIT_FIELDS and any(f.field == name for f in facts):
                    bounded.add(name)
                    self.emit(label, figures[0], where, limited)
                    continue
            self.prose(text, where, limited)
        return bounded


__all__ = ["RowLimits"]
