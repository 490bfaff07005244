"""A two-column table of a whole's parts and their repository counts, closed by a total row.

A code host's repositories are often tabled by its own groups: `Collection | Git repos in
Sourcegraph` (Azure DevOps collections), `Project | Repos` (Bitbucket projects), `Group | Repos`
(GitLab groups), one row a group and a `Total` row. Read as label and value, the groups' names are
no field's labels and the table gives nothing. A human reads it as a column of counts under a
header naming the repositories, and the total row as their count.

`parts_table(header, body, roles)` says a table is one: two columns, the first naming no field
(`roles`), the second's header naming the repositories, every body cell of it a count (a figure
in a few words: `1.3k`, `975 → 1,300`), its last row's first cell a total word and no other
row's. Such a table is read as a header table (`headertables`): its total row gives the repository
count, its other rows nothing (their sum is not taken: a table without its total row is left as it
was).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from handoff.core.fields import Field

# a cell holding a count (`1,300`, `~410`, `1.3k`), maybe beside its edit (`975 → 1,300`, `410, not 308`)
_COUNT = re.compile(
    r"(?<![\w.,])~?\d{1,3}(?:[,.\s]\d{3})+(?![\d.,]\d)|(?<![\w.,])~?\d+(?:\.\d+\s*k)?(?![\w.,]\d)", re.I
)
_MAX_WORDS = 4


def parts_table(
    header: Sequence[str],
    body: Sequence[Sequence[str]],
    roles: Sequence[tuple[str, Field | None]],
    is_total: Callable[[str], bool],
) -> bool:
    """Whether a table is a column of repository counts per part closed by a total row."""
    if len(header) != 2 or len(roles) != 2 or len(body) < 3 or roles[0][0] != "":
        return False
    kind, f = roles[1]
    if kind != "field" or f is None or f.name != "repositories":
        return False
    rows = [r for r in body if any(c.strip() for c in r)]
    if len(rows) < 3 or any(len(r) != 2 for r in rows):
        return False
    *parts, last = rows
    return (
        is_total(last[0])
        and not any(is_total(r[0]) for r in parts)
        and all(_COUNT.search(r[1]) and len(r[1].split()) <= _MAX_WORDS for r in rows)
    )


__all__ = ["parts_table"]
