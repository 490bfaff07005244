"""A first column that numbers a table's rows (`S.No. | Parameter | Production`): no part of it.

Reports written to a template (an Indian IT-services firm's, a tender's response) number every row
in a first column: `S.No.`, `Sl. No.`, `#`, `No.` over `1, 2, 3`. A careful reader reads the label
in the column after it (`Total memory | 1,536 GiB`), never the number (`5 | 1,536 GiB`). `dropped`
takes that column out when its header says it numbers the rows, or names no field (a group header
stacked over it: `Details`), and its cells number them one after another from one (`1, 2, 3`; `1.1,
1.2`), or reference them in one series on every row (`Ref | Requirement | Value` over `R-01`, `R-02`,
…), with two columns or more after it, the first of them labels (mostly without figures); a column
of counts (`Nodes`), and the lines of an order (`Line | Item | Qty` over `1 | Dedicated server CCX63
(48 vCPU, …) | 1`), are left as they are.
"""

from __future__ import annotations

import itertools
import re

from handoff.read.doctext import Text
from handoff.read.labelwords import label_meaning
from handoff.read.orient import references

_HEADER = re.compile(r"\s*(?:(?:s|sl|sr)\.?\s*)?(?:no|nr|#)\.?\s*|\s*#?\s*", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\s*(?:(\d+)\.)?(\d+)\.?\s*")


def _numbers(cells: list[str]) -> bool:
    """Cells that number the rows, each one more than the one above, in two rows or more."""
    found = [_NUMBER.fullmatch(c) for c in cells]
    if len(found) < 2 or not all(found):
        return False
    keys = [(m.group(1), int(m.group(2))) for m in found if m]
    return keys[0][1] == 1 and all(b == (a[0], a[1] + 1) for a, b in itertools.pairwise(keys))


def dropped(rows: list[list[Text]]) -> list[list[Text]]:
    """`rows` without a first column numbering them (the table as it is when it has none)."""
    if len(rows) < 3 or min(len(r) for r in rows) < 3:
        return rows
    head = rows[0][0].text
    if not _HEADER.fullmatch(head) and label_meaning(head):  # `Nodes | Type`: a count of its own
        return rows
    firsts = [r[0].text for r in rows[1:] if r[0].text.strip()]
    labels = [r[1].text for r in rows[1:] if r[1].text.strip()]
    referenced = references(firsts) and len(firsts) + 1 >= len(rows)  # `R-01, R-02, …` on every row
    if not _numbers(firsts) and not (referenced and not any(t.rstrip().endswith("?") for t in labels)):
        return rows  # (references to questions, `C-1 | Which platform …?`, head a form's lines)
    if sum(not _DIGIT.search(t) for t in labels) * 2 <= len(labels):
        return rows  # `Line | Item | Qty` over `1 | Dedicated server CCX63 (48 vCPU, …) | 1`: order lines
    return [r[1:] for r in rows]


__all__ = ["dropped"]
