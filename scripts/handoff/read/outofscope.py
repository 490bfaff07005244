"""A sentence that puts what it describes outside the document's own scope.

A qualification protocol describes the validation copy beside the system it qualifies ("A validation
environment (VAL, 8 vCPU / 32 GB …) was installed on 14-SEP-2026; it is not in the scope of this
IQ"), a security plan the development VM beside the enclave ("It … is outside the authorization
boundary of this attachment"), build notes the standby site ("not part of this doc's numbers"). A
careful reader takes such a thing for another system or environment than the one the document is
about: none of its values (machines, sizes, counts, dates, address) are production's.

The verdict is the sentence's own words: not in (or out of, outside) the scope of *this* document,
outside a boundary, not part of *this* document. It is said of the sentence's own subject, and of
the sentence before when it opens with a pronoun standing for that ("It holds only mirrors and is
outside the boundary"). A thing merely "out of scope" (a feature, a host) is not this: that is the
connection's or the feature's business, not another environment's.

`title_out(title)`: a section title (heading, parent bullet, column) saying its part is not this
handoff's ("E. Meridale read-only instance – not part of this handoff", "Acquired company's mirror (NOT
this handoff)", "Partner instance — not covered by this TDD"): the part is another system's. Only the
document's own whole is named (this handoff, TDD, engagement, deployment, document, scope), so "not the
DR instance" beside production's title says nothing of it. A short title that is itself that verdict on
what it lists ("Out of scope", "Not connected (yet)", "Code hosts not indexed", "Excluded repositories",
"Deferred") puts its part out too: the hosts, counts and machines under it are not the deployment's.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_VERDICT = quick(
    r"\b(?:(?:is|are|was|were|being|'s|'re|stays?|remains?|lies|lie|sits?)\s+)?"
    r"(?:not\s+(?:in|within|covered\s+by|part\s+of)|out(?:side)?(?:\s+of)?)\s+(?:the\s+)?"
    r"(?:scope|remit)\s+(?:of|for)\s+this\b"
    r"|\boutside\s+(?:of\s+)?(?:the|this|our)\s+(?:[\w-]+\s+){0,2}?boundary\b"
    r"|\bnot\s+(?:a\s+)?part\s+of\s+this\s+(?:doc|document|design|plan|protocol|report|attachment|record"
    r"|hand-?off|hand-?over|tdd|engagement)\b",
    re.IGNORECASE,
)
# the document's own whole, as a title names it when it says its part is not in it
_OURS = r"(?:hand-?off|hand-?over|tdd|engagement|doc|document|design|deployment|project|scope)"
_TITLE_OUT = quick(
    r"\bnot\s+(?:(?:a\s+)?part\s+of\s+|in\s+|within\s+|covered\s+by\s+|included\s+in\s+|for\s+)?"
    rf"(?:this|th(?:e|at)\s+(?={_OURS}\b))\s*{_OURS}\b"
    rf"|\bexcluded\s+from\s+(?:this|the)\s+{_OURS}\b",
    re.IGNORECASE,
)
# a title that is itself the verdict on what it lists: "Out of scope", "Not connected (yet)", "Code hosts
# not indexed", "Excluded repositories", "Deferred to phase 2" (not "In and out of scope")
_TITLE_NOT = quick(
    # (after a section number: "5.1 Not connected", "Section 5: Out of scope", "5.1 — Deferred")
    r"^\W*(?:(?:section|part|chapter)\s+)?(?:\d+(?:\.\d+)*\.?\s*[:.—–-]?\s*)?"
    r"(?:[\w-]+\s+){0,2}?(?:(?:out\s+of|not\s+in)\s+scope|(?:not|never)\s+(?:yet\s+)?"
    r"(?:connected|indexed|migrated|included|onboarded|synced|searched)|excluded|left\s+out|deferred|"
    r"postponed)\b(?!\s+(?:but|except)\b)",
    re.IGNORECASE,
)
_TITLE_IN = quick(r"\bin\s+(?:and|/|&)\s+out\b|(?<!not )\bin[\s-]+scope\b", re.IGNORECASE)
_PRONOUN = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:it|they|this|these|those|both|which)\b", re.IGNORECASE)


def out_of_scope(sentence: str) -> bool:
    """Whether the sentence says what it describes is outside the document's scope (another system
    or environment than the one documented)."""
    return bool(_VERDICT.search(sentence))


def title_out(title: str) -> bool:
    """Whether a section title says its part is not this handoff's (another system's), see above."""
    if len(title) >= 120:
        return False
    if _TITLE_OUT.search(title) or _VERDICT.search(title):
        return True
    return len(title) < 60 and _TITLE_NOT.search(title) is not None and not _TITLE_IN.search(title)


def said_of_before(sentence: str) -> bool:
    """Whether the verdict of a sentence opening with a pronoun is said of the sentence before's
    subject too ("It holds only mirrors and is outside the authorization boundary")."""
    return bool(_PRONOUN.match(sentence)) and out_of_scope(sentence)


__all__ = ["out_of_scope", "said_of_before", "title_out"]
