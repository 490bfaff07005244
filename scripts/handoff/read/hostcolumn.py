"""A monorepos column beside a table's code-host column: the hosts' monorepos added up.

`Code host | Repositories | Monorepos` with `GitHub Enterprise Server | 1,350 | 3` and `AWS
CodeCommit | 150 | 0`: each row counts its host's monorepos, as the repositories column counts its
repositories; a careful reader adds them (3). Every connected host's row must hold a plain count; a
table with a row naming no host (a total row, read as such elsewhere) or any other cell gives no value
here.
"""

from __future__ import annotations

import re

_PLAIN = re.compile(r"\s*(?:~\s*)?(\d{1,4})\s*")


def column_sum(rows: list[tuple[bool, str]]) -> int | None:
    """The sum of a monorepos column, one (names a connected host, its cell) a row; None when a row
    has no plain count or names no host."""
    total, hosts = 0, 0
    for named, cell in rows:
        m = _PLAIN.fullmatch(cell)
        if m is None:
            return None
        n = int(m.group(1))
        if not named:
            return None  # (a total row, `Σ | 1`, is read as the table's total row already)
        total, hosts = total + n, hosts + 1
    return total if hosts >= 2 else None


__all__ = ["column_sum"]
