"""Whether a code host a text names is connected to the deployment: read from the verb around it.

A careful reader takes a code host as the deployment's only when the statement about it says (or
takes for granted) that its code is searched. The statement is the clause naming the host and the
clauses after it that have no subject of their own (an ellipsis, "…; not connected, waiting on a
review") or whose subject or object is a pronoun standing for it ("The GitLab.com group … . The
customer decided not to connect it."). The statement says the host is NOT connected when its verb
group is:

* negated, with a verb of searching code (connect, index, sync, search, mirror, clone, onboard …):
  "is not connected", "decided not to connect it", "never indexed";
* modal or future, with a verb of joining (add, connect, onboard, include, bring in, migrate):
  "will probably be added in early 2027", "might onboard", "plans to connect" (a habit in the
  future, "will be synced hourly", says nothing);
* a plan or a deferral: "plan for …", "which moved to 2027", "postponed to phase 2";
* out of scope or gone: "out of scope", "not part of", "excluded", "retired", "switched off".

`not_connected(clause)` is that relation for one clause; `unconnected(text, hosts)` applies it to a
paragraph and returns the hosts whose every mention there is in such a statement. `for_tooling`
says a sentence names hosts only for the deployment's own tooling or sign-in ("the Helm chart's
source is on GitHub.com", "sign-in through GitLab"), not for code to search.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.core.quickre import quick
from handoff.read import shapes
from handoff.read.words import Found

_SEARCHING = (
    r"(?:connect|index|sync|search|mirror|clon|onboard|add|includ|crawl|import|integrat|pull|fetch|"
    r"bring|migrat)\w*"
)
_JOINING = r"(?:add|connect|onboard|includ|bring|migrat|integrat|import|mov)\w*"
_BETWEEN = r"(?:\s+(?:\w+ly|yet|also|then|later|soon|be|been|being|to|get|got|it|them|they|in|over|across))*"
_NEGATED = quick(
    rf"\b(?:not|never|no longer|n't|without)(?:\s+(?:\w+ly|yet|be|been|being|to|get|got|decided|planning|"
    rf"planned|going|able|possible))*\s+{_SEARCHING}",
    re.IGNORECASE,
)
_MODAL = quick(
    rf"\b(?:will|'ll|shall|would like to|would|may|might|could|can|should|going to|plan(?:s|ned)? to|"
    rf"intends? to|wants? to|hopes? to|is to|are to|yet to|still to|to be)\b{_BETWEEN}\s+{_JOINING}",
    re.IGNORECASE,
)
_PLANNED = quick(
    r"\b(?:plan(?:s|ned)? for|planned|(?:moved|postponed|deferred|pushed(?: back)?|slipped|delayed)\s+"
    r"(?:to|until|till|into)\s+(?:a\s+)?(?:later|next|future|phase|Q\d|H\d|(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_OUT = quick(
    r"\b(?:out of scope|not in scope|not included|excluded|not (?:a )?part of|"
    r"(?:was|were|is|are|has been|have been|got|gets) (?:\w+ )?(?:retired|decommissioned|disconnected|"
    r"removed|switched off|shut down|turned off))\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:it|its|they|them|this one|these|those|which)\b", re.IGNORECASE)
_ELLIPTIC = re.compile(  # a clause with no subject of its own: "not connected, waiting on …"
    r"^\W*(?:(?:but|and|yet|still|currently|so far)\s+)?(?:not|never|no longer|planned|deferred|postponed|"
    r"excluded|out of scope|retired|decommissioned|to be|later)\b",
    re.IGNORECASE,
)
_OPENS_BACK = re.compile(  # a clause whose subject is the host before it: elided, or a pronoun
    r"^\W*(?:(?:but|and|yet|still|currently|so far)\s+)?(?:it|they|this one|not|never|no longer)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"(?<=[.!?])\s+|;\s+|\n+|,\s+(?:but|whereas|while)\s+|\s+(?:but|whereas)\s+")


def not_connected(clause: str) -> bool:
    """Whether a clause says the thing it is about is not (yet) connected: negated, modal or
    planned, deferred, out of scope or gone (see the module's docstring)."""
    return bool(_NEGATED.search(clause) or _MODAL.search(clause) or _PLANNED.search(clause)
                or _OUT.search(clause))  # fmt: skip


def _refers_back(clause: str) -> bool:
    """A clause naming no host that speaks of the host named before it: it has no subject of its own,
    or a pronoun stands for the host."""
    return bool(_ELLIPTIC.match(clause) or _PRONOUN.search(clause))


def unconnected(text: str, hosts: Sequence[Found]) -> set[str]:
    """The hosts (canonical names) of `hosts`, found in `text`, whose every mention is in a statement
    saying they are not connected."""
    if not hosts:
        return set()
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    statements: list[tuple[list[Found], list[bool]]] = []  # (hosts, [said not connected])
    after = 0  # clauses read since the last one naming hosts
    for a, b in spans:
        clause = text[a:b]
        named = [h for h in hosts if a <= h.start < b]
        follows = _OPENS_BACK.match(clause)  # "It is read-only since the move to GitHub, and …"
        after += 1
        if statements and after <= 2 and (follows or not named) and _refers_back(clause):
            if not_connected(clause):
                statements[-1][1][0] = True
            if follows:  # the hosts it names in passing are no subject of its verb
                if named:
                    statements.append((named, [False]))
                continue
        if named:
            statements.append((named, [not_connected(clause)]))
            after = 0
    names = {h.value for h in hosts}
    return {n for n in names if all(off[0] for hs, off in statements if any(h.value == n for h in hs))}


_ELSEWHERE = (
    re.compile(  # the deployment's own tooling or sign-in: a host named for it holds no code to search
        r"\b(?:helm|helm charts?|charts?|values|values files?|manifests?|overlays?|terraform|pipelines?|ci|"
        r"ci/cd|actions|"
        r"container registry|registry|images?|packages?|issues?|tickets?|sso|saml|oauth|oidc|sign[- ]?in|"
        r"log[- ]?in|single sign-on|identity provider)\b",
        re.IGNORECASE,
    )
)
_CONNECTED = re.compile(  # … unless the sentence says the host's code is searched
    rf"\b(?:connected|indexed|synced|searchable|code hosts?|mirrored)\b|(?<![\w.,])(?:{shapes.NUMBER})\s+"
    r"(?:[\w-]+\s+)?(?:repositor|repos\b|projects|depots)",
    re.IGNORECASE,
)


def for_tooling(masked: str, sentence: str) -> bool:
    """Whether a sentence names its hosts for the deployment's tooling or sign-in (`masked`: the
    sentence with the hosts' names masked), and does not say their code is searched."""
    return bool(_ELSEWHERE.search(masked)) and not _CONNECTED.search(sentence)
