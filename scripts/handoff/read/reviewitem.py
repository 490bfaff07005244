"""An acceptance or a closure said of a review's item, not of the build: "IT Security accepted that
risk on 21 July 2026".

A security review, an audit or a handbook dates what its reviewers decided about each item: a risk
accepted, a finding or an action closed, the pen-test results or a report accepted, an exception
approved. The build is accepted, signed off or closed too, so the verb alone does not tell whose
event the date is; the verb's object does. A completion word with a review's item right after it
("accepted that risk", "accepted the pen-test results", "closed all findings") or right before it as
its subject ("Residual risk accepted", "the observations were closed on 30 June") dates that item:
neither the build's completion nor its start. A completion word said of the deployment ("the service
was accepted by IT Operations on 10 July") is the build's, as before, and so is a ticket or an issue
closed: it may be the build's own ("closed the build ticket on 15 May").

`item_event(clause, at, verb)`: whether the completion word `verb` at `clause[at]` is said of such an
item.
"""

from __future__ import annotations

import re

_ITEM = (
    r"(?:risks?|findings?|observations?|exceptions?|waivers?|results?|recommendations?|"
    r"actions?|action\s+items?|vulnerabilit(?:y|ies)|deviations?|gaps?|remediations?|"
    r"mitigations?|queries|query)"
)
_AFTER = re.compile(
    r"\s+(?:(?:that|the|this|these|those|its|their|our|all|every|each|both|any|a|an)\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?{_ITEM}\b",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    rf"\b{_ITEM}(?:\s+[\w-]+)?\s+(?:(?:was|were|is|are|has\s+been|have\s+been|got|formally|all)\s+)*$",
    re.IGNORECASE,
)


def item_event(clause: str, at: int, verb: str) -> bool:
    """Whether the completion word `verb` at `clause[at]` is said of a review's item (module doc)."""
    return bool(_AFTER.match(clause, at + len(verb)) or _BEFORE.search(clause[max(0, at - 60) : at]))


__all__ = ["item_event"]
