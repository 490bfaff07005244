"""A checklist's tick column: `Step | Done | Value` over `os installed, build started | y | 2026-10-07`.

People keep a go-live checklist as a table whose one column only ticks each step off (`y` / `n`,
`yes` / `no`, `✓` / `✗`) beside the column holding what the step found or when it happened. A
careful reader reads the value column for the step, and takes the tick as the step's state: a step
ticked done happened; a step marked not done (`ldap sso | n | next year`) did not, so nothing in its
row is a fact of the deployment yet. The tick column's header says it records completion (`Done`,
`Completed`, `Complete?`, `Status`), and every filled cell below it is a mark of yes or no.

`dropped(rows)`: the table without its tick column and without the rows it marks not done; any
other table as it is.
"""

from __future__ import annotations

import re

from handoff.read.doctext import Text

_HEADER = re.compile(r"\W*(?:done|completed?|finished|status|ticked|checked|[✓✔☑])\W*\??\W*", re.IGNORECASE)
_YES = re.compile(r"\W*(?:y|yes|done|[✓✔✅☑☒x])\W*", re.IGNORECASE)
_NO = re.compile(r"\W*(?:n|no|open|not\s+done|[✗✘❌☐])\W*", re.IGNORECASE)


def dropped(rows: list[list[Text]]) -> list[list[Text]]:
    """The rows without the tick column (and the rows it marks not done), when a table has one."""
    if len(rows) < 3 or len(rows[0]) < 3 or any(len(r) != len(rows[0]) for r in rows):
        return rows
    header = [c.text for c in rows[0]]
    for j in range(1, len(header)):
        cells = [r[j].text for r in rows[1:] if r[j].text.strip()]
        if (
            _HEADER.fullmatch(header[j])
            and len(cells) >= 2
            and all(_YES.fullmatch(c) or _NO.fullmatch(c) for c in cells)
            and any(_YES.fullmatch(c) for c in cells)
        ):
            kept = [r for r in rows[1:] if not _NO.fullmatch(r[j].text)]
            return [[c for k, c in enumerate(r) if k != j] for r in [rows[0], *kept]]
    return rows


__all__ = ["dropped"]
