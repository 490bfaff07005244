"""Dates of events that are not the production build: whose start or end a date gives.

A TDD dates more than the build. A careful reader enters no build date from "Subscription start: 1
July 2026", "support (SLA) starts 1 August", "Security review completed 3 July" or, under a heading
about the contract, "Start date: 1 July 2026 · End date: 30 June 2027": each date's own words say whose
start or end it is, and that is the agreement's term or another activity, not the build.

`other_event(words)`: the words naming a date's event (a label, or a sentence's words before the date)
name an event of the agreement (contract, licence, subscription, support, warranty, renewal, a purchase
order, an invoice) or an activity that is no part of the build (a review, an audit, a meeting, a
questionnaire's submission, a security sign-off, a
training, a reporting period, a sprint, a freeze, hypercare, onboarding, a test or drill, a backup or
restore, an upgrade or patch), unless only as what the event happened at or was handed to ("handed over
to the support team", "signed off at the review meeting", "in the maintenance window"); an acceptance
test is the build's own, and so is a smoke test (the check that closes a deployment: "last apply +
smoke test signed off 31 July"), unlike a load or a DR test. The caller checks they name neither the
build nor production.

`term_only(label)`: a label that says only which end of something a date is ("Start date", "End", "From
/ To"): under a part about the agreement (a contract, licence or limits part) it is the term's.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_OTHER = quick(
    r"\b(?:contract(?:ual)?|licen[cs]e[ds]?|licen[cs]ing|subscription|renewal|warranty|support|sla|"
    r"maintenance|purchase order|po|invoice[ds]?|invoicing|payment|billing|term|"
    r"review|audit|assessment|meeting|workshop|training|survey|reporting|period|sprint|"
    # a questionnaire's or a security review's own events: the document's submission and sign-off
    # ("Questionnaire submitted: 2 June", "Security sign-off: 19 June"); a board accepting the build
    # ("the Design Authority accepted it on 21 August") is the build's completion
    r"questionnaires?|submitted|submission|security\s+(?:sign-?off|clearance|acceptance)|risk\s+acceptance|"
    r"freeze|hypercare|onboarding|onboarded|(?<!acceptance )(?<!smoke )(?<!smoke-)(?:tests?|testing)|drill|"
    r"restore|backups?|"
    r"upgrade[ds]?|upgrading|"
    r"patch(?:ed|ing)?|rehearsal|"
    # the account's handover to its Technical Advisor, after the build ("until TA handover 10/9")
    r"ta\s+(?:hand-?over|intro)|technical\s+advisor\s+hand-?over)\b",
    re.IGNORECASE,
)
_TERM_ONLY = re.compile(
    r"\W*(?:(?:start|end|begin|beginning|from|to|until|valid)\w*(?:\s+date)?|dates?)"
    r"(?:\s*(?:/|-|–|and|&)\s*(?:start|end|from|to|until)\w*(?:\s+date)?)?\W*",
    re.IGNORECASE,
)


# a phrase saying to whom, at what or after what the event happened ("handed over to the support team",
# "signed off at the close-out meeting", "after load testing we went live"): the other activity is its
# occasion, its recipient or its backdrop, not the dated event
_OCCASION = re.compile(
    r"\b(?:to|at|during|in|within|with|by|into|after|following|once|post|before|prior to|ahead of|pending|"
    r"until)\s+(?:(?:the|our|their|its|a|an|[\w&/-]+)\s*){0,3}$",
    re.IGNORECASE,
)


def other_event(words: str) -> bool:
    """Whether `words` name an event of the agreement or an activity that is no part of the build (not
    only as its occasion or recipient: "handed over to support", "at the review meeting")."""
    return any(not _OCCASION.search(words, 0, m.start()) for m in _OTHER.finditer(words))


def not_the_build(words: str, agreement: bool) -> bool:
    """Whether the words naming a date's event (they name neither the build nor production: the
    caller checks) make it another event's: they name one, or, in a part about the agreement
    (`agreement`), they only say which end of something the date is."""
    return other_event(words) or (agreement and term_only(words))


def term_only(label: str) -> bool:
    """Whether a label says only which end a date is ("Start date", "End", "From / To")."""
    return bool(_TERM_ONLY.fullmatch(label))
