"""Figures and addresses a sentence gives of the old machine or address: "the old VM (32 vCPU, 128 GB)".

A rollback plan, a cut-over note or a lessons-learnt paragraph names what the deployment left
beside what it is: "point DNS back to the old VM (32 vCPU, 128 GB)", "the previous address
https://sg.corp.local keeps working", "the former cluster, 3 × m5.2xlarge". A careful reader gives
the figures and the address standing right after "old", "previous", "former", "retired", "legacy"
or "decommissioned" and a machine or address noun (in its bracket, or within a few words after it)
to that old thing, not to the deployment; so too a machine's type and its bracket after words telling
how it came to be ("created as POP2-16C-64G (16 vcpu, 64 gb)", "started out as an n2-standard-16"),
its first state, which something else followed. `old_things(sentence)` gives those spans; the prose
reader puts the facts in them in no production part.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_OLD = re.compile(
    r"\b(?:old|previous|former|retired|legacy|decommissioned|outgoing|retiring)\s+(?:[\w-]+\s+)?"
    r"(?:vms?|virtual machines?|servers?|box(?:es)?|hosts?|machines?|instances?|clusters?|nodes?|"
    r"addresses|address|urls?|installation|install|deployment|setup|appliance)\b",
    re.IGNORECASE,
)
_AFTER = re.compile(  # its bracket, or an address or a figure right after it
    r"\s*\([^()]*\)|\s*[,:—–-]?\s*(?:at\s+|on\s+|was\s+|is\s+|had\s+)?(?:https?://\S+|\d[\d.,]*\s*(?:[×x]\s*)?\S+)"
)


# a machine's first state named by how it came to be ("created as POP2-16C-64G (16 vcpu, 64 gb)", "it
# started out as an n2-standard-16 (16 vCPU / 64 GB)", "launched as a t3.2xlarge"): the words tell a
# beginning that something else followed, so the type and its bracket are the old machine's
_FIRST_STATE = quick(
    r"\b(?:created|started(?:\s+out)?|began|launched|originally(?:\s+(?:created|built|provisioned))?)\s+as\s+"
    r"(?:an?\s+|the\s+)?(?P<type>[A-Za-z][\w.-]*\d[\w.-]*)(?P<bracket>\s*\([^()]*\))?",
    re.IGNORECASE,
)


def old_things(sentence: str) -> list[tuple[int, int]]:
    """The spans of a sentence describing an old machine or address: the bracket right after the
    noun phrase, else the address or the figure right after it ("with 3 × …" is the new one's); and
    a machine's first state named by how it came to be ("created as X (16 vcpu, 64 gb)"): the type
    and its bracket."""
    first = [(m.start("type"), m.end()) for m in _FIRST_STATE.finditer(sentence)] if "as" in sentence else []
    if not _HINT.search(sentence):
        return first
    out = first
    for m in _OLD.finditer(sentence):
        after = _AFTER.match(sentence, m.end())
        out.append((m.start(), after.end() if after else m.end()))
    return out


OLD_THING = "(an old thing's)"  # added to the `how` of the facts in those spans
_HINT = quick(r"old|previous|former|retir|legacy|decommission|outgoing", re.IGNORECASE)
