"""A clause that only holds if something happens: "restore the snapshot on an m6i.4xlarge if needed".

A rollback plan, a runbook step or a fallback names machines that are used only should something go
wrong: "restore the previous AMI on an m6i.4xlarge if needed", "fall back to 2 × D8s_v5 should the
upgrade fail", "scale out to 6 nodes if required". A careful reader does not take them for the
deployment: the clause is a contingency. `contingent(sentence)` gives the spans of the clauses (a
sentence, or its parts between semicolons) closed by such a condition: `if needed`, `if required`,
`if necessary`, `should … fail`, `in case of …`, `as a fallback`, `where needed`.

A sentence that opens with its condition ("If Quillmoor onboard the pathology division, the next step
is a Standard_E48s_v5", "Should usage double, we would add 2 × m6i.4xlarge") tells machines that
would be built only then: `conditional_machines(sentence)` gives the span of its first clause (to a
semicolon), whose machines and sizes are a plan, not the deployment (the prose reader applies it to
the machines' fields alone: such a sentence may still give an address or a name).
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_CONDITION = re.compile(
    r"\b(?:if|when|where|as)\s+(?:needed|required|necessary|(?:ever\s+)?needed)\b"
    r"|\bshould\s+(?:it|that|this|they|the\s+\w+(?:\s+\w+)?)\s+(?:fail|be\s+needed|be\s+required)\b"
    r"|\bin\s+case\s+of\b|\bas\s+a\s+(?:fallback|fall-back|last\s+resort)\b",
    re.IGNORECASE,
)
_PARTS = re.compile(r"[^;.!?]+(?:[.!?](?=\S)[^;.!?]*)*")  # clauses: "m6i.4xlarge" ends none
_HINT = quick(r"needed|required|necessary|should|in case|fallback|fall-back|last resort", re.IGNORECASE)


def contingent(sentence: str) -> list[tuple[int, int]]:
    """The spans of the clauses of `sentence` that hold only on a condition."""
    if not _HINT.search(sentence):
        return []
    return [m.span() for m in _PARTS.finditer(sentence) if _CONDITION.search(m.group(0))]


_OPENS_WITH_CONDITION = re.compile(r"\s*(?:if|should|unless|in case|were)\s", re.IGNORECASE)


def conditional_machines(sentence: str) -> list[tuple[int, int]]:
    """The span of a sentence's first clause when the sentence opens with its condition ("If …, the
    next step is a Standard_E48s_v5")."""
    if not _OPENS_WITH_CONDITION.match(sentence):
        return []
    end = sentence.find(";")
    return [(0, end if end >= 0 else len(sentence))]


__all__ = ["conditional_machines", "contingent"]
