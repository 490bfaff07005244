"""Marks in a table's cells and their key under it: `OpenGrok VM†` with `† Not part of Sourcegraph …
It is not in the total.` below the table, `0.5*` with `* Per volume …`, `node pool¹` with `¹ The pool
autoscales …`. A careful reader reads each key as a note about the row its mark stands in, never as
a statement about the whole deployment, and leaves out a row whose key says it is no part of what
the table adds up. The reader does the same:

* `keys(paragraphs, cells)`: the paragraphs right after a table, each opening with a mark that
  stands at the end of one of the table's cells (superscript digits, also as exported plain, `*`,
  `†`, `‡`, `§`), until the
  first that does not: the table's key, mark by mark;
* `left_out(note)`: the note says its row is not part of the deployment or not in the total
  ("Not part of Sourcegraph.", "It is not in the total.", "excluded from the sum", or what
  `read.outside` reads);
* `marked(cell)`: the mark a cell ends with; `without(grid, rows, marks)`: the table less the rows
  (or, written the other way round, the columns) those marks leave out.

The walk reads a key's paragraph for its row's repository facts and limits only (as a table row's
note), so "1.5 TB in all" of one row's volumes is no total; the table drops the rows whose key
leaves them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from typing import TypeVar

from handoff.read.doctext import Text
from handoff.read.outside import outside

T = TypeVar("T")

# what a key may state, as a table row's note (`read.headertables`): its row's repository facts, limits
FIELDS = frozenset({"monorepos", "largest_repo_mb", "total_repo_size_gb", "max_users", "max_concurrent_users",
                    "max_repositories"})  # fmt: skip
_MARK = r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*†‡§¶]{1,3}"
# a superscript digit exported as a plain one: glued to the word it marks (`node pool1`), and opening
# its key before a capital (`1 The node pool autoscales …`)
_ENDS = re.compile(rf"(?:{_MARK}|(?<=[^\W\d_])\d{{1,2}})\s*$")
_KEY = re.compile(rf"^\s*({_MARK}|\d{{1,2}}(?=\s+[A-Z]))\s*(?=\S)")
_LEFT_OUT = re.compile(
    r"^\W*not\s+(?:a\s+)?(?:part\s+of|included|counted|in\s+(?:the\s+)?(?:totals?|sum|scope))\b"
    r"|\bnot\s+(?:included\s+)?in\s+(?:the\s+)?(?:totals?|sum)\b|\b(?:excluded|left\s+out)\s+(?:from|of)\s+"
    r"(?:the\s+)?(?:totals?|sum)\b|\boutside\s+(?:the\s+)?(?:totals?|sum)\b",
    re.IGNORECASE,
)


def opens_key(text: str) -> bool:
    """A paragraph opening with a mark (`† Not part of …`): a cheap first test for a key."""
    return bool(_KEY.match(text))


def marked(cell: str) -> str:
    """The mark a cell's text ends with (`OpenGrok VM†` → `†`), or ''."""
    m = _ENDS.search(cell) if cell else None
    return m.group(0).strip() if m else ""


def keys(paragraphs: Iterable[tuple[int, str]], cells: Iterable[str]) -> dict[str, tuple[int, str]]:
    """The key under a table: each mark a cell ends with → (the id of its paragraph, the note), from
    `paragraphs` (id, text) right after the table, up to the first that is no such key."""
    found = {m for m in map(marked, cells) if m}
    out: dict[str, tuple[int, str]] = {}
    if not found:
        return out
    for key, text in paragraphs:
        m = _KEY.match(text)
        if m is None or m.group(1) not in found:
            break
        out[m.group(1)] = (key, text[m.end() :])
    return out


def without(
    grid: list[list[T]], rows: list[list[Text]], left: Set[str]
) -> tuple[list[list[T]], list[list[Text]]]:
    """The table without the body rows carrying a mark of `left`, nor the columns whose header cell
    carries one (the same table written the other way round)."""
    width = len(rows[0]) if rows else 0
    drop = {j for j in range(1, width) if marked(rows[0][j].text) in left}
    kept = [i for i, r in enumerate(rows) if not i or all(marked(c.text) not in left for c in r)]
    if len(kept) == len(rows) and not drop:
        return grid, rows
    return (
        [[c for j, c in enumerate(grid[i]) if j not in drop] for i in kept],
        [[c for j, c in enumerate(rows[i]) if j not in drop] for i in kept],
    )


def left_out(note: str) -> bool:
    """Whether a mark's note says its row is no part of the deployment or of the table's total."""
    return bool(_LEFT_OUT.search(note)) or any(outside(s) for s in re.split(r"(?<=[.;])\s+", note))


__all__ = ["FIELDS", "keys", "left_out", "marked", "opens_key", "without"]
