"""What a record table's header row says each column holds: the role of its cells, by the header's words.

Documents that are not TDDs keep their facts in records: a decision log (`ID | Decision needed |
Options | Chosen | Owner`), an agreement's capacity table (`Dimension | Committed ceiling | Remark`),
a test report's requirements (`NFR | Requirement | Measured | Result`). A careful reader reads a
cell by what its column is for, whatever the words in it:

* `limit`: the column states agreed, committed, licensed, required or designed-for figures
  (`Committed ceiling`, `Requirement`, `Licensed`, `Sized for`, `Design`): its counts of people and
  repositories are the `max_*` fields, never current counts;
* `options`: the column lists the choices that were on the table (`Options considered`,
  `Alternatives`): none of them is the deployment by itself, the decision says which was taken;
* `outcome`: the column records what was decided or done (`Decision`, `Chosen`, `Outcome`,
  `Resolution`): its cells are read as prose, the facts of the deployment;
* `observed`: the column reports measurements (`Measured`, `Actual`, `Observed`): no limit;
* `question`: the column asks what the row is about (`Decision needed`, `Question`, `Topic`): its
  cell says what the row's other cells speak of (the topic, the environment), it states nothing.

A header naming both an outcome and options (`Chosen option`) is the outcome.

`status(header)`: the column only checks or ticks the row (`OK?`, `Status`, `Match`, `Pass/Fail`,
`✓`, any question): its cells (✓ / ✗, Done, Open) are no value of the row's label and no note about it, so a
label table keeps its value column beside it (`Item | Expected | Actual | OK?`).
"""

from __future__ import annotations

import re

from handoff.read.limitwords import is_limit

_OUTCOME = re.compile(
    r"\b(?:decisions?|decided|chosen|choice|selected|selection|outcomes?|resolutions?|resolved|"
    r"conclusions?|ruling)\b",
    re.IGNORECASE,
)
_OPTIONS = re.compile(
    r"\b(?:options?|alternatives?|considered|candidates?|choices|proposals?|variants?)\b", re.IGNORECASE
)
_REQUIRED = re.compile(
    r"\b(?:requirements?|required|committed|commitments?|nfrs?|guaranteed|design(?:ed)?(?:\s+point)?)\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(
    r"\b(?:questions?|needed|asked|requested|request|query|topics?|subject|to (?:decide|be decided))\b",
    re.IGNORECASE,
)
_OBSERVED = re.compile(r"\b(?:measured|actual|observed|achieved|recorded|result(?:s|ing)?)\b", re.IGNORECASE)


_STATUS = re.compile(
    r"^\W*(?:ok|okay|status|state|check|match(?:es)?|pass\s*/\s*fail|[✓✔✗✘])\W*$|\?\s*$", re.IGNORECASE
)


def status(header: str) -> bool:
    """Whether a column's header says it only checks its row (`OK?`, `Status`, `Match`, `✓`)."""
    return bool(_STATUS.search(header.strip()))


def kind(header: str) -> str:
    """The role of a column's cells from its header: "limit", "options", "outcome", "observed",
    "question" or ""."""
    if not header.strip():
        return ""
    if _QUESTION.search(header):
        return "question"  # `Decision needed`: the row's question, no outcome
    if _OUTCOME.search(header):
        return "outcome"
    if _OPTIONS.search(header):
        return "options"
    if _OBSERVED.search(header):
        return "observed"
    if _REQUIRED.search(header) or is_limit(header):
        return "limit"
    return ""


def kinds(header: list[str]) -> list[str]:
    return [kind(h) for h in header]


__all__ = ["kind", "kinds", "status"]
