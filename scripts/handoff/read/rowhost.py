"""The one code host a table row names in a cell of its own, for the repository count of its note.

A relationships table (`Type | Related CI | Class | Comment`), a dependency list or an integration
register has no column of code hosts: the hosts are some of its rows (`Azure DevOps Services (org
kestrel-fs)`, `Bitbucket Cloud (workspace …)`), beside an identity provider's or a machine's. A
careful reader gives each such row's comment (`1,320 repositories indexed`) to the host its row
names, so the rows' counts are the hosts' parts, added up. A row naming no host, or two, gives its
note's count to none (it stays what it was read as).
"""

from __future__ import annotations

from collections.abc import Callable

from handoff.read.doctext import Text


def row_host(row: list[Text], note: int, hosts_of: Callable[[list[Text], int | None], list[str]]) -> str:
    """The code host the cells of `row` other than its note `note` name, when exactly one; else ""
    (`hosts_of`: the table reader's hosts of one cell, less those the row says are not connected)."""
    named = {h for k in range(len(row)) if k != note for h in hosts_of(row, k)}
    return next(iter(named)) if len(named) == 1 else ""


__all__ = ["row_host"]
