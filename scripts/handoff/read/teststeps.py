"""A table of test steps with expected and actual results, read as its checks' labels and results.

An installation qualification, an acceptance test or a commissioning checklist records each check
as a row: `Step | Instruction | Expected result | Actual result | P/F | Initials / date`. A careful
reader takes the instruction for what the row is about ("Verify memory (free -g)"), and its results
as a label table's (`Item | Expected | Actual`): what was found is the value, what was expected the
plan (`read/rowtables.py`). The step's number, its pass mark and who ran it when are the record of
the test, not the system: they are not read (the executor's date is no build date).

`reduced(rows)` makes such a table the three-column `label | expected | actual` table the label
reader reads; any other table is returned as it is.
"""

from __future__ import annotations

import re

from handoff.read.doctext import Text

_EXPECTED = re.compile(
    r"\b(?:expected|acceptance\s+criteri(?:on|a)|pass\s+criteri(?:on|a)|specified|specification)\b",
    re.IGNORECASE,
)
_ACTUAL = re.compile(r"\b(?:actual|observed|as\s+found|measured)\b|^\W*results?\W*$", re.IGNORECASE)
_NUMBERING = re.compile(r"\W*(?:[A-Za-z]{0,4}[-.]?)?\d+(?:[.-]\d+)*\W*")  # `4.1`, `IQ-03`, `T12`


def reduced(rows: list[list[Text]]) -> list[list[Text]]:
    """A test-step table as `label | expected | actual` rows (header first); others unchanged."""
    if len(rows) < 3 or not rows[0]:
        return rows
    header = [c.text for c in rows[0]]
    expected = next((j for j, h in enumerate(header) if _EXPECTED.search(h)), None)
    actual = next((j for j, h in enumerate(header) if _ACTUAL.search(h) and not _EXPECTED.search(h)), None)
    if expected is None or actual is None or not expected:
        return rows
    body = [r for r in rows[1:] if len(r) == len(header)]
    if len(body) < 2 or len(body) + 1 < len(rows):
        return rows
    label = next(
        (j for j in range(expected - 1, -1, -1) if j != actual and not _numbering([r[j].text for r in body])),
        None,
    )
    if label is None:
        return rows
    keep = (label, expected, actual)
    return [[r[j] for j in keep] for r in (rows[0], *body)]


def _numbering(cells: list[str]) -> bool:
    """Cells that only number or reference their rows (`4.1`, `4.2`; `IQ-03`): no labels."""
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(_NUMBERING.fullmatch(c) for c in filled)


__all__ = ["reduced"]
