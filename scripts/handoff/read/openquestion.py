"""A code host named in a question still open: asked about, not connected.

Minutes, design documents and their "Open questions" tables ask whether a host should join: "Do we
connect the Bitbucket Cloud workspace from the acquisition?", "Should the Perforce depots be
indexed too?", "Whether the CodeCommit repositories get searched is still open". A careful reader
takes the host as not connected: the question is the decision not yet made. Only an answer of yes
("Yes, connected on 3 May", a table row's other cell opening with a yes) makes it a statement that
the host is searched.

`asks(clause)`: the clause is a question (a direct one ending in a question mark, or an indirect one
opened by "whether" or "decide / check / confirm if") whose verb is one of joining or searching
code. `settled(text)`: the text with its question marks turned to full stops, for a row whose answer
is yes (its question then reads as the statement the answer makes).
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.read.lasttext import last_text

_JOINING = (
    r"(?:(?:re-?)?(?:connect|index|sync|search|mirror|clon|onboard|add|includ|crawl|import|integrat|"
    r"migrat)\w*|bring(?:ing)?\s+(?:\w+\s+){0,4}?in\b)"
)
# (a question ends its clause, or is the label of its answer: "Do we connect …?: Not yet")
_DIRECT = quick(rf"\b{_JOINING}[^?]*\?[\s\"'”’)\]]*(?:$|[:：])", re.IGNORECASE)
_INDIRECT = quick(
    rf"\b(?:whether|(?:decide|decided|deciding|ask|asking|check|checking|confirm|clarify|see)\s+if)\b"
    rf".*?\b{_JOINING}",
    re.IGNORECASE | re.DOTALL,
)
_YES = re.compile(r"^\W*(?:yes|yep|yeah|done|confirmed|agreed|partly|partially|in part)\b", re.IGNORECASE)


@last_text  # (a clause asked again by the next reading of it)
def asks(clause: str) -> bool:
    """Whether a clause asks whether something joins the code searched (see the module's docstring);
    a question labelling its answer and answered yes ("Do we index Gerrit?: Yes, since March") asks
    nothing any more."""
    direct = _DIRECT.search(clause) if "?" in clause else None
    if direct is not None and direct.end() < len(clause) and answers_yes(clause[direct.end() :]):
        return False
    return bool(direct or _INDIRECT.search(clause))


def answers_yes(text: str) -> bool:
    """Whether a text (an answer cell, the clause after a question) opens with a yes."""
    return bool(_YES.match(text))


def settled(text: str) -> str:
    """`text` with its question marks made full stops (same length): a question answered yes."""
    return text.replace("?", ".")


__all__ = ["answers_yes", "asks", "settled"]
