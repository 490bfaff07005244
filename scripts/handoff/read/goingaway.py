"""A machine its own clause sends away: "the OpenGrok box (opengrok01, 8 vCPU / 32 GB) stays up until
decommissioning".

A change request or a migration note names the machine the deployment replaces beside the new one,
and says what becomes of it: it "stays up until decommissioning", "is switched off after cut-over",
"will be retired in Q3", "goes once the new one is live". A careful reader gives the figures in the
bracket right after such a machine to it, not to the deployment, even when no word before it says
"old" (`oldthing.py` reads those). `going_away(sentence)` gives the spans of those brackets: a
machine noun (box, server, VM, host, …) with a bracket right after it, followed in the same clause
by a verb or phrase of taking it away (decommission, retire, switch off, shut down, tear down).
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_MACHINE = re.compile(
    r"\b(?:vms?|virtual machines?|servers?|box(?:es)?|hosts?|machines?|instances?|clusters?|appliances?)"
    r"\s*(?P<bracket>\([^()]*\))",
    re.IGNORECASE,
)
_AWAY = re.compile(
    r"\b(?:decommission\w*|retir(?:e|ed|es|ing|ement)|switch(?:ed|es|ing)?[\s-]+off|shut(?:s|ting)?[\s-]+down|"
    r"turn(?:ed|s|ing)?[\s-]+off|tear(?:s|ing)?[\s-]+down|torn[\s-]+down|sunset\w*|phas(?:e|ed|es|ing)[\s-]+out)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;.!?](?:\s|$)")
_HINT = quick(r"decommission|retir|switch|shut|turn|tear|torn|sunset|phas", re.IGNORECASE)


def going_away(sentence: str) -> list[tuple[int, int]]:
    """The spans of the brackets of machines the same clause takes away."""
    if "(" not in sentence or not _HINT.search(sentence):
        return []
    out = []
    for m in _MACHINE.finditer(sentence):
        end = _CLAUSE_END.search(sentence, m.end())
        if _AWAY.search(sentence, m.end(), end.start() if end else len(sentence)):
            out.append(m.span("bracket"))
    return out


__all__ = ["going_away"]
