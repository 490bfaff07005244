"""A document that is the deployment's operating manual: its "Current state" is production as it stands.

In a migration design "Current state" is the system the deployment replaces, beside its "Target state"
(`config/fields.toml` `other_system_words`). A runbook or operations handbook handed over to the
customer's operators has no other system: it tells how to run the deployment it documents, and its
"Current state" (a heading, a tab, a table) is that deployment as it stands at handover. A document
presents itself as such a manual in its title, subtitle, a tab's or a heading's title (`Sourcegraph
operations handbook`, `Run book`, `Operator's guide`, `Day-2 operations`, `Playbook`, `On-call guide`,
`Standard operating procedures`), and it is one only when no title names a target, future or to-be
state or a migration (then it is a migration's runbook and "current" may still be the old side).

`operating_manual(doc)`: whether the document is such a manual (read once, before the walk).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from handoff.read.doctext import as_dict, as_list, body_styles, iter_tabs, paragraph_runs
from handoff.read.livingparts import titles

# a manual for operators: "runbook", "run book", "handbook", "playbook", "operations guide/manual",
# "operator's guide", "ops guide", "day-2 operations"
_MANUAL = re.compile(
    r"\b(?:run[\s-]?books?|hand[\s-]?books?|play[\s-]?books?|operat(?:ions|ing|or'?s?|ors')\s+"
    r"(?:guide|manual|handbook|runbook|notes)|ops\s+(?:guide|manual)|day[\s-]*(?:2|two)\s+op(?:eration)?s|"
    r"(?:on[\s-]?call|admin(?:istrator'?s?|istration)?|maintenance|support)\s+(?:guide|manual)|"
    r"standard\s+operating\s+procedures?|(?-i:SOPs?)(?=\W|$))\b",
    re.IGNORECASE,
)
# the other side of a change of systems: a target state, a migration, a replacement, a cut-over
_CHANGE = re.compile(
    r"\b(?:target|future|to[\s-]+be|end)\s+state\b|\btarget\s+(?:architecture|design)\b|\bmigrat\w*"
    r"|\breplac(?:es|ing|ement)\b|\bcut[\s-]?over\b",
    re.IGNORECASE,
)
_MAX = 160  # a title, not a paragraph


def _title_lines(doc: dict[str, Any]) -> Iterator[str]:
    """The document's title and subtitle paragraphs (of every tab's body)."""
    tabs = list(iter_tabs(as_list(doc.get("tabs")), ()))
    holders = [as_dict(as_dict(tab).get("documentTab")) for _, tab in tabs] or [doc]
    for holder in holders:
        for paragraph, style in body_styles(holder):
            if style in ("TITLE", "SUBTITLE"):
                yield paragraph_runs(paragraph)


def operating_manual(doc: dict[str, Any]) -> bool:
    """Whether the document is the deployment's operating manual (module doc)."""
    shown = [t for t in (*_title_lines(doc), *titles(doc)) if t and len(t) <= _MAX]
    if any(_CHANGE.search(t) for t in shown):
        return False
    return any(_MANUAL.search(t) for t in shown)


__all__ = ["operating_manual"]
