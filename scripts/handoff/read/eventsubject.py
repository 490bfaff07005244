"""What a dated "completed", "closed" or "started" after its date is said of: the build, or another thing.

A log dates many things that end or begin: "Mon 30 Mar 2026 09:00 | Action items closed.", "Fri 20 Mar
2026 | Pipeline #812 completed.", "Mon 6 Jul 2026 | Full re-index started.". A careful reader takes
such a date for the build's only when what is completed or started is the build, the deployment or
production, or when nothing is named ("20 Mar 2026 — Completed"); a thing the entry names first, as
its subject, that is none of them ends or starts on its own day.

`said_of_other(words)`: in the words after a date, the one to four words right before a verb a thing
undergoes (completed, closed, resolved, finished, done, started, accepted), back to a function word or
a mark, are its subject, and none of them names the deployment, its build, production, a move to it or
the people who sign it off. It is asked of the words after a date only: before a date the subject may
be far from its verb. `step_done(words)`: before a date, a subject ending on a step of the build (the
code hosts' connections, syncs, indexing) right before its verb ("connections were complete by").
"""

from __future__ import annotations

import re

_THING_VERB = re.compile(
    r"\b(?:(?:was|were|is|are|has been|have been|got|now|fully|finally|successfully)\s+)*"
    r"(?:complet(?:ed|e)|closed|resolved|finished|done|start(?:ed|s)|began|accepted)\b",
    re.IGNORECASE,
)
_STOP = re.compile(  # a word that ends a subject, read backwards from its verb: no part of the thing
    r"(?:and|or|but|so|then|when|once|after|before|while|it|we|they|he|she|i|you|this|that|which|who|"
    r"the|a|an|our|their|its|on|in|at|by|from|since|as|of|to|for|with|was|were|is|are|has|have|had|"
    r"be|been|reads?|says?|notes?|entry|[ap]m|utc|gmt|[a-z]st|[a-z]dt)$",
    re.IGNORECASE,
)
_BACKDROP = re.compile(
    r"\b(?:after|following|once|when|before|until|pending|post|since|because)\b", re.IGNORECASE
)
_WORDS = re.compile(r"[^\W\d_][\w#./-]*|#?\d[\w.-]*[^\W\d_][\w.-]*|#\d+|[^\w\s]+|\d[\d:.]*")
_BUILD_OWN = re.compile(  # a subject's word naming the deployment, its build, production, or a person
    r"\b(?:sourcegraph|sg|prod\w*|live|instance|platform|service|code ?search|search|system|environment|"
    r"site|cluster|deploy\w*|build\w*|built|implementation|install\w*|set-?up|roll-?out|rollout|project|"
    r"engagement|programme|program|phase|stage|infra\w*|provision\w*|vms?|nodes?|servers?|go-?live|"
    r"migration|cut-?over|handover|hand-?off|sign-?off|acceptance|commissioning|rack\w*|"
    r"customer|client|owner|sponsor|stakeholders?|manager|lead|vendor|partner|team|everyone|"
    r"work|works|everything|all)\b",
    re.IGNORECASE,
)


def said_of_other(words: str) -> bool:
    """Whether the words after a date say a thing undergoes the dated event that is not the build, its
    deployment or production ("Action items closed", "Pipeline #812 completed", "Full re-index
    started"); not an event said of nothing ("Completed"), nor of the build."""
    verb = _THING_VERB.search(words)
    if verb is None or _BACKDROP.search(words, 0, verb.start()):
        return False  # (" — went live after the repo sync finished": what the dated event came after)
    subject: list[str] = []
    for w in reversed(_WORDS.findall(words, 0, verb.start())):
        if _STOP.fullmatch(w) or not re.match(r"[\w#]", w) or len(subject) == 4:
            break
        subject.append(w)  # (read back from the verb to a function word or a mark)
    return (
        bool(subject)
        and any(re.search(r"[^\W\d_]{2,}", w) for w in subject)
        and not any(_BUILD_OWN.fullmatch(w) for w in subject)
    )


# a step of the build whose end is no completion of it: the code hosts' connections, their syncs, the
# first indexing ("Both code host connections were complete by October 9", "the syncs finished on …")
_STEP = re.compile(
    r"^(?:connections?|integrations?|syncs?|synchroni[sz]ations?|indexing|indexes|re-?index(?:es|ing)?|"
    r"clones?|cloning|imports?)$",
    re.IGNORECASE,
)


def step_done(words: str) -> bool:
    """Whether the words before a date say a step of the build was done by then, its subject (read back
    from the verb, as `said_of_other` reads it) ending on a step's noun ("Both code host connections
    were complete by"): the connections' end, not the build's. Any other subject before its date is
    left as it is (it may be far from its verb)."""
    verb = _THING_VERB.search(words)
    if verb is None or _BACKDROP.search(words, 0, verb.start()):
        return False
    subject = _WORDS.findall(words, 0, verb.start())
    return bool(subject) and _STEP.fullmatch(subject[-1]) is not None


__all__ = ["said_of_other", "step_done"]
