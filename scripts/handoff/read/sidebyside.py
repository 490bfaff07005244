"""A two-column table setting two sides side by side (pure): which side's cells are the deployment's.

A slide deck compares two states or two choices in two columns, a title over each and no column of
labels: `Today | Target`, `Before | After`, `As-is | To-be`, `Hetzner Cloud ✔ | AWS`. Its rows pair
like with like (`OpenGrok on one VM | Sourcegraph on EKS`, `8 vCPU / 32 GB | 64 vCPU / 256 GB`), so
it is no `Label | value` table: the left cell is the first side's value, not a label of the right
one's. A careful reader reads each cell under its column's title, and:

* of two times (what was before: `Before`, `Previous`, `Legacy`; today's: `Today`, `Current`,
  `As-is`, `Existing`; the design's: `Target`, `Future`, `After`, `To-be`, `Proposed`, `As built`),
  the earlier side is the state the deployment replaces or changed: its cells are not the
  deployment's;
* of two titles exactly one of which carries a mark of choice (a tick, `(chosen)`), the other is an
  option not taken.

`sides(texts, named, is_label)` gives, per column, "trial" for the side that is not the deployment's
and "" for the other, or None when the table is no such comparison: titles naming an environment
(`Staging | Production`: the readers of environment columns), no side told apart, or a left column
of field labels (`Nodes | 4`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from handoff.read.cells import Cell
from handoff.read.doctext import as_dict, as_list
from handoff.read.options import marked

# the sides in time: what was before, what is there today, what the design builds
_PAST = re.compile(r"\b(?:before|previous(?:ly)?|old|former|was|legacy|incumbent)\b", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:today|current(?:ly)?|now|as[- ]is|existing|status\s+quo)\b", re.IGNORECASE)
_TARGET = re.compile(
    r"\b(?:target|future|to[- ]be|after|proposed|new|planned|as[- ]built|end[- ]state|tomorrow)\b",
    re.IGNORECASE,
)
_MAX_TITLE_WORDS = 8
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:[KMGT]i?B|vCPUs?|CPUs?|cores?|nodes?|users?|repos?|%)", re.IGNORECASE)


def _title(text: str) -> bool:
    """A column's title: a few words, no figure of an amount."""
    return bool(text.strip()) and len(text.split()) <= _MAX_TITLE_WORDS and not _FIGURE.search(text)


def _when(text: str) -> int | None:
    """0 for a title of what was before, 1 for today's, 2 for the design's; None for none or several."""
    found = [k for k, p in enumerate((_PAST, _PRESENT, _TARGET)) if p.search(text)]
    return found[0] if len(found) == 1 else None


def sides(
    texts: list[list[str]], named: Callable[[str], str], is_label: Callable[[str], bool]
) -> list[str] | None:
    """Per column, "trial" for the side that is not the deployment's and "" for the other; None when
    `texts` (a table's cell texts, row by row) is no two-sided comparison."""
    rows = [r for r in texts if any(c.strip() for c in r)]
    if len(rows) < 3 or any(len(r) != 2 for r in rows):
        return None
    titles = [c.strip() for c in rows[0]]
    if not all(_title(t) for t in titles) or any(named(t) for t in titles):
        return None
    body = rows[1:]
    if sum(1 for left, _ in body if is_label(left.strip()) or left.rstrip().endswith(":")) * 3 > len(body):
        return None  # a left column of labels: `Label | value` rows under a header
    ticked = [k for k, t in enumerate(titles) if marked(t)]
    if len(ticked) == 1:
        return ["" if k == ticked[0] else "trial" for k in range(2)]
    left, right = _when(titles[0]), _when(titles[1])
    if left is None or right is None or left == right:
        return None
    return ["trial", ""] if left < right else ["", "trial"]


def cells(table: dict[str, Any], parts: list[str]) -> list[Cell]:
    """The body cells of a two-sided table, each under its column's title, with its side's part."""
    rows = as_list(table.get("tableRows"))
    grid = [[as_dict(c) for c in as_list(as_dict(row).get("tableCells"))] for row in rows]
    grid = [row for row in grid if row]
    titles = [_text(c) for c in grid[0]]
    return [
        Cell(as_list(cell.get("content")), f"row {i}, column {j}", (titles[j - 1],), part=parts[j - 1])
        for i, row in enumerate(grid[1:], 2)
        for j, cell in enumerate(row, 1)
    ]


def _text(cell: dict[str, Any]) -> str:
    return " ".join(
        "".join(
            str(as_dict(el.get("textRun")).get("content", ""))
            for el in map(as_dict, as_list(as_dict(se.get("paragraph")).get("elements")))
        ).strip()
        for se in map(as_dict, as_list(cell.get("content")))
        if "paragraph" in se
    ).strip()


__all__ = ["cells", "sides"]
