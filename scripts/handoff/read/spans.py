"""Merged cells spread into the grid they cover. A Docs table (and an HTML export's) keeps a
merged cell as its first slot, holding the text and its `rowSpan`/`columnSpan`, and blank slots
for the rest. A careful reader reads the merged cell in every row and column it covers: `AWS`
across `Staging | Production` is both environments' cloud, `Production` down three rows is each
row's environment. Below the header row each slot a merge covers down takes the merged cell's
text when it names something (an amount or an address down several rows is the group's one value:
`3,200 GB` beside two node rows is not two disks), and a slot it covers across only among alike
columns (`alike`: environments as columns):
`3,072 GiB` across `vCPU | RAM` under `Sum`, or a label across the value columns, is one value for
the row, not one in each. The header row's own merges (a group cell over the columns below it) are
left to `read.headerrows`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from handoff.read.doctext import Text, as_dict

_MAX_SPAN = 50
_AMOUNT = re.compile(r"\s*[~≈]?\d[\d,.\s]*(?:[^\W\d]{1,6}\.?)?\s*|.*\b(?:https?://|www\.)\S+.*", re.DOTALL)


def _span(cell: dict[str, Any], key: str) -> int:
    value = as_dict(cell.get("tableCellStyle")).get(key, 1)
    return min(value, _MAX_SPAN) if isinstance(value, int) and value > 1 else 1


def spread(grid: list[list[dict[str, Any]]], rows: list[list[Text]], alike: set[int]) -> list[list[Text]]:
    """`rows` with each blank slot a merged cell below the first row covers holding its text (across
    columns only when the merge covers columns of `alike` only)."""
    merged = [
        (i, j, _span(c, "rowSpan"), _span(c, "columnSpan"))
        for i, r in enumerate(grid[1:], 1)
        for j, c in enumerate(r)
        if "tableCellStyle" in c and (_span(c, "rowSpan") > 1 or _span(c, "columnSpan") > 1)
    ]
    if not merged:
        return rows
    out = [list(r) for r in rows]
    for i, j, down, across in merged:
        if i >= len(out) or j >= len(out[i]) or not out[i][j].text:
            continue
        source = out[i][j]
        if not all(b in alike for b in range(j, j + across)):
            across = 1
        if _AMOUNT.fullmatch(source.text):
            down = 1
        for a in range(i, min(i + down, len(out))):
            for b in range(j, min(j + across, len(out[a]))):
                if (a, b) != (i, j) and not out[a][b].text:
                    out[a][b] = replace(source, links=list(source.links), notes=[])
    return out
