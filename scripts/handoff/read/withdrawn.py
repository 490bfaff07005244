"""A sentence that withdraws what the sentence before it told: "Version 0.3 planned Docker Compose
on one m6i.8xlarge VM. That proposal was superseded: production runs on Kubernetes …".

Its subject points back (`that`, `this`, `it`, `which`, or one of them with a generic noun:
"that proposal", "this plan", "the earlier design") and its verb sets the thing aside (superseded,
withdrawn, dropped, replaced, rejected, abandoned, scrapped, cancelled): the sentence before is
history, none of its machines, amounts or names are the deployment's. The words after its colon
or semicolon ("…: production runs on Kubernetes") are the current state, read as a sentence of
their own (not as a proposal, though the sentence names one), and so is what replaced it ("It was
replaced by 4 × m6i.4xlarge"). A subject with a name of its own
("The Docker Compose proposal was dropped") points back at nothing: it withdraws only itself.
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened

_BY = re.compile(r"\s+(?:by|with|in favou?r of)\s", re.IGNORECASE)  # "… was replaced by 4 × m6i.4xlarge"
_SEPARATOR = re.compile(r"[:;]\s*")
_WITHDRAWS = re.compile(
    r"^\W*(?:(?:that|this|the|these|those)(?:\s+(?:earlier|original|initial|first|old|previous))?"
    r"\s+(?:proposal|plan|design|option|idea|approach|version|draft|sizing|setup|layout|variant|"
    r"configuration)s?|that|this|it|which)"
    r"\s+(?:was|were|is|are|has been|have been|had been|got)\s+(?:\w+ly\s+|then\s+|later\s+|since\s+)?"
    r"(?:superseded|withdrawn|dropped|replaced|rejected|abandoned|scrapped|cancell?ed|retracted|"
    r"discarded|overruled|not pursued|not taken|not built|wrong|incorrect|mistaken|"
    r"not (?:true|right|correct))\b",
    re.IGNORECASE,
)


# a sentence opening with the bare verb that sets the one before aside, as a note writes it ("Rejected:
# Hallberg operations have no Kubernetes experience", "Dropped – too costly.", "Superseded.")
_BARE = opened(
    re.compile(
        r"^\W*(?:superseded|withdrawn|dropped|rejected|abandoned|scrapped|cancell?ed|discarded|overruled|"
        r"not pursued|not taken|not built)\s*(?:[:.;]|\s[–—-]\s)\s*",
        re.IGNORECASE,
    )
)


# a sentence saying what the one before told was not agreed ("… mentions 850 users from 2027. Nothing
# signed, so the 600 stands.", "Not approved yet.", "It has not been signed."): its figures are talk
_NOT_AGREED = re.compile(
    r"^\W*(?:(?:nothing|none of (?:it|this|that)|it|this|that|which)\s+(?:is|was|has|had|have)?\s*"
    r"(?:not\s+)?(?:yet\s+)?(?:been\s+)?|not\s+(?:yet\s+)?)"
    r"(?:signed|agreed|approved|confirmed|decided|ordered|committed)(?!\s+off)(?:\s+(?:yet|so far))?"
    r"\s*(?:[:.;,]|\s[–—-]\s|$)\s*(?:so\s+)?",
    re.IGNORECASE,
)


def _not_agreed(sentence: str) -> int | None:
    """Where the own statement of a sentence saying the one before was not agreed starts, else None; a
    subject that is a pronoun must be denied ("It has not been signed", not "It was signed")."""
    m = _NOT_AGREED.match(sentence)
    if m is None:
        return None
    head = sentence[: m.end()].lower()
    if not re.search(r"\b(?:nothing|none|not)\b", head):
        return None
    return m.end()


def withdraws_before(sentence: str) -> int | None:
    """None when the sentence withdraws nothing before it; else where its own statement starts
    (after its colon or semicolon: "That proposal was superseded: production runs on …"), the
    sentence's length when it has none."""
    bare = _BARE.match(sentence)
    if bare is not None:  # "Rejected: …": the reason follows, told of the option before
        return bare.end()
    m = _WITHDRAWS.match(sentence)
    if m is None:
        return _not_agreed(sentence)
    if _BY.match(sentence, m.end()):  # what replaced it is the current state
        return m.end()
    sep = _SEPARATOR.search(sentence, m.end())
    return sep.end() if sep else len(sentence)


__all__ = ["withdraws_before"]
