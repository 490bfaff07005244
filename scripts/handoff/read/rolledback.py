"""A change that was undone: "we scaled the pool to 5 × n2-highmem-16 (80 vCPU / 640 GB) on 2 Sep …
so Kamil rolled it back to 4 nodes", "tried resizing sgprod to 4 × Standard_E32s_v5; reverted the
next day", "Edit (4 Sep): rolled back to 6 × n2-standard-16".

A living document keeps the resize it tried beside the words that undid it. A careful reader takes
the figures told before the undoing (in its paragraph, list item or cell) as history: the machines,
CPU, memory and disk of the change are not the deployment's, wherever they are written again. What
the undoing names as where it went back to ("rolled back to 6 × n2-standard-16", "back down to 4 ×
…") is the state now: `target_at` says where that starts, and the gatherer lets it beat every value
of its field written before it (an earlier edit's too). Only a past undoing counts: a rollback
plan, a condition or a denial ("can be rolled back", "if it fails we revert", "was not reverted")
undoes nothing.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

# the fields a resize changes (its figures before the undoing are history)
UNDONE = frozenset({"instance_types", "total_cpu", "total_memory_gb", "total_disk_gb"})

_UNDO = quick(
    r"\b(?:(?:rolled|scaled|re-?sized|moved|changed|switched)"
    r"(?:\s+(?:it|them|this|that|these|those|everything|(?:the|our)\s+[\w-]+(?:\s+[\w-]+)?))?\s+back"
    r"|reverted|undone|undid|backed\s+out|back\s+(?:down|up)(?=\s+to\b))\b",
    re.IGNORECASE,
)
# a clause that only plans, conditions or denies the undoing
_NOT_DONE = re.compile(
    r"\b(?:not|never|no|if|unless|can|could|would|will|shall|should|may|might|must|to\s+be|plan(?:s|ned)?|"
    r"in\s+case|able\s+to|ready\s+to|want(?:s|ed)?\s+to|need(?:s|ed)?\s+to)\b[^.;]*$",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[^.;:,]*$")  # the clause the undo word stands in, up to it
# where the undoing went back to: "rolled back to 6 × …", "back down to 4 × …", "reverted to 3 nodes"
_TO = re.compile(r"\s+(?:(?:down|up)\s+)?(?:again\s+)?to\b\s*", re.IGNORECASE)


def undone_at(sentence: str) -> int | None:
    """Where the sentence says a change was undone (past tense, not planned, conditioned or denied):
    the end of its undo words, or None."""
    for m in _UNDO.finditer(sentence):
        clause = _CLAUSE.search(sentence, 0, m.start())
        head = sentence[clause.start() if clause else 0 : m.start()]
        if not _NOT_DONE.search(head):
            return m.end()
    return None


def target_at(text: str) -> int | None:
    """Where the state an undoing went back to starts ("rolled back to 6 × …": after `to`), or None."""
    for m in _UNDO.finditer(text):
        clause = _CLAUSE.search(text, 0, m.start())
        if _NOT_DONE.search(text[clause.start() if clause else 0 : m.start()]):
            continue
        to = _TO.match(text, m.end())
        if to:
            return to.end()
    return None
