"""A table of things whose environments are columns: `Code host | Staging | Production`.

People list the things a deployment uses one a row (code hosts, machine types, deployment tools)
and put the environments side by side as columns, each cell saying whether, or how much of, the
row's thing that environment has: a tick or `yes`, a count (`1,450`, `3`), or nothing there (a dash
`-` / `–` / `—`, `n/a`, `none`, `no`, a cross, a count of `0`, or a blank where the other rows of the
column are filled and the row's other environments are not blank; a column of dashes only says
production has none of the rows). A reader takes a row for
production only when its production cell says the thing is there: a row whose production cell says
nothing is there is another environment's thing (staging's host, the test server's type), and none
of the row's cells is a production fact, whatever column they sit in.

And when the production column holds counts (every filled cell of the rows kept opens on a whole
number) and no other column counts the rows' things, the production cell is the count: of a code
host's row, the host's repositories (`GitLab.com | 40 | 1,450`: 1,450 repositories in production);
of a machine type's row, how many machines (`m6i.4xlarge | 1 | 3`: 3 × m6i.4xlarge).

Only a table whose first column names the rows' things (a field of the catalogue) is such a table:
one whose first column holds labels (`Setting | Staging | Production`) reads each label's cells in
their environments already. The production column is one of two or more environment columns.

`in_production(rows, roles, part, repositories)`: the table's rows and roles, the rows a production
cell says are not there left out and the count column named; any other table as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.fields import Field, FieldType
from handoff.read.doctext import Text

_Role = tuple[str, Field | None]

# a cell saying the row's thing is not in its environment: a dash, n/a, none, no, a cross, nought
_ABSENT = re.compile(
    r"\s*(?:[-–—−]+|n\s*/\s*a|n\.a\.|none|nil|no|not\s+(?:used|applicable|connected|in\s+use)|[✗✘❌☐]|0)\s*\.?\s*",
    re.IGNORECASE,
)
# a count and, maybe, the noun it counts (`1,450`, `~300 repos`, `3 nodes`): no size, share or date
_COUNT = re.compile(
    r"\s*[~≈]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?![KMGT]i?B\b)[^\W\d_]+(?:\s+[^\W\d_]+)?)?\s*", re.I
)


def absent(cell: str) -> bool:
    """A cell saying its row's thing is not in its column's environment (`—`, `n/a`, `none`, `0`)."""
    return bool(_ABSENT.fullmatch(cell))


def _cell(row: list[Text], j: int) -> str:
    return row[j].text if 0 <= j < len(row) else ""


def production_column(header: list[str], roles: list[_Role], part: Callable[[str], str]) -> int | None:
    """The production column of a table of things with environments as columns: the first column
    names a field (the rows' things), and of two or more environment columns one is production's."""
    if not roles or roles[0][0] != "field":
        return None
    sections = [j for j, (kind, _) in enumerate(roles) if kind == "section" and j < len(header)]
    production = [j for j in sections if part(header[j]) == "production"]
    if len(sections) < 2 or len(production) != 1 or len(sections) == len(production):
        return None
    return production[0]


def in_production(
    rows: list[list[Text]],
    roles: list[_Role],
    part: Callable[[str], str],
    repositories: Field | None,
) -> tuple[list[list[Text]], list[_Role]]:
    """The rows a production cell says are there (and the header), and the roles with the production
    column made the rows' count when it holds counts and no other column counts them."""
    prod = production_column([c.text for c in rows[0]] if rows else [], roles, part)
    if prod is None:
        return rows, roles
    others = [j for j, (kind, _) in enumerate(roles) if kind == "section" and j != prod]
    body = rows[1:]
    # (a blank is nothing there only where others of the column are filled: not in a column left blank)
    filled = any(_cell(r, prod).strip() and not absent(_cell(r, prod)) for r in body)

    def gone(r: list[Text]) -> bool:
        cell = _cell(r, prod)
        if cell.strip():
            return absent(cell)
        return filled and any(_cell(r, j).strip() for j in others) and any(c.text.strip() for c in r[:1])

    kept = [r for r in body if not gone(r)]
    roles = _counted(kept, roles, prod, repositories)
    return [rows[0], *kept], roles


def _counted(
    rows: list[list[Text]], roles: list[_Role], prod: int, repositories: Field | None
) -> list[_Role]:
    """The roles with the production column as the rows' count: a code host's repositories, a
    machine type's number of machines, when every filled cell opens on a whole number."""
    cells = [_cell(r, prod) for r in rows if _cell(r, prod).strip()]
    if not cells or not all(_COUNT.fullmatch(c) for c in cells):
        return roles
    fields = [f for kind, f in roles if kind == "field" and f is not None]
    names = {f.name for f in fields}
    out = list(roles)
    if "code_hosts" in names and "repositories" not in names and repositories is not None:
        out[prod] = ("field", repositories)
    elif any(f.type is FieldType.INSTANCE_LIST for f in fields) and not any(k == "count" for k, _ in roles):
        out[prod] = ("count", None)
    return out


__all__ = ["absent", "in_production", "production_column"]
