"""Ditto marks in tables: a cell that only repeats another says so instead of the value (`〃`, `"`,
`ditto`, `do.`, `idem`, `same as above`, `as above`, `same`), and the cell above it in its column
holds the value (in the row under the header, the cell to its left: environments as columns);
`same as <a name>` ("same as staging", "same as p02") points at the row whose
first cell is that name, or at the column whose header is (`same as Staging` under `Production` in
a `Component | Staging | Production` table). The mark reads as the value it stands for, in every
table, before the table is read (so an environment named only to point at its cell scopes
nothing); a mark pointing at nothing is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.quickre import opened
from handoff.read.doctext import Text

_MARK = re.compile(
    r"[\"“”″〃'`]{1,2}|ditto|do\.|idem|same|(?:the )?same as (?:above|before|the row above)|as above|"
    r"(?:(?:the )?same as|as (?:for|in)|see) (?P<row>[^\n]{1,40}?)",
    re.IGNORECASE,
)
_DASHES = opened(re.compile(r"^[\s\-–—_.]+|[\s\-–—_.]+$"))
_SHORT = 48


def _mark(text: str) -> re.Match[str] | None:
    core = _DASHES.sub("", text) or text.strip()
    return _MARK.fullmatch(core) if core and len(core) <= _SHORT else None


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def filled(rows: list[list[Text]]) -> list[list[Text]]:
    """`rows` with each ditto cell holding the text of the cell it repeats (a copy: a new object)."""
    if not any(len(c.text) <= _SHORT and _mark(c.text) for r in rows[1:] for c in r[1:] if c.text):
        return rows
    names = {_key(r[0].text): i for i, r in enumerate(rows) if r and r[0].text}
    headers = {_key(c.text): j for j, c in enumerate(rows[0]) if c.text}
    out = [list(r) for r in rows]
    for i in range(1, len(out)):
        for j in range(1, len(out[i])):
            m = _mark(out[i][j].text) if out[i][j].text and len(out[i][j].text) <= _SHORT else None
            if m is None:
                continue
            source, column = (i - 1, j) if i > 1 or j < 2 else (i, j - 1)  # under a header: the left one
            if m.group("row"):
                name = _key(m.group("row"))
                source = names.get(name, -1)
                if source in (-1, i):
                    source, column = i, headers.get(name, j)
                if column == j and source == i:
                    continue
            cell = out[source][column] if column < len(out[source]) else None
            if cell is not None and cell.text and not _mark(cell.text):
                out[i][j] = replace(cell, links=list(cell.links), notes=[])
    return out
