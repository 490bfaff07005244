"""The system a migration replaces, known by the name the document gives it, and what is said of it.

A migration TDD names what the deployment replaces once, where it says so ("Hound replacement",
"OpenGrok → Sourcegraph", "replace the 4.5 cluster "sg-blue" with a new cluster", "the alias moves
from Livegrep to Sourcegraph", a comparison column headed "OpenGrok (retired 14 Sep 2026)"), and
then speaks of it by that name alone: "The Hound box (hound01, a Standard_D8s_v5 VM with 620
repositories) stays up read-only until 30 Oct", "Hound had 620 of them", "GitLab: 430 repositories
(never indexed by OpenGrok)". A careful reader gives everything such a clause says to the old system:
its machines, sizes, address and counts are history, and its "never indexed" denies nothing of the
new deployment.

* `learn(text)` gives the names a document says its deployment replaces: a name as written
  (capitalised, `OpenGrok`, or a code, `sg-blue`, `hound01`) before `replacement`, `→ Sourcegraph`
  or a bracket saying it was retired, or after `replace` / `replaces` / `replaced` / `retire` or
  `from` … `to Sourcegraph`. Never Sourcegraph itself, an environment's word or a product the
  catalogue names (`known`): "from Bitbucket to GitHub" moves a code host, "from VMware to AWS" a
  platform, which other modules read.
* `old_clauses(sentence)` gives the spans of the clauses whose subject is such a name (it stands in
  the clause's first words, before its verb: "The Hound box (…) stays up …") and of the brackets
  it opens ("(Hound had 620 of them)"): the prose reader puts their facts in no production part.
* `unsaid(clause)` blanks a denial whose agent or subject is the old system ("never indexed by
  OpenGrok", "the old instance never indexed GitLab", "OpenGrok did not search them"), so the code
  host stays connected to the new deployment.

The names are set once per document (`NAMES`, by the walk). What it does not do: a name the
document never ties to a replacement ("Hound" only in "the Hound box … stays up") is not learnt, and
a clause naming the old system as its object ("we copied Hound's list") is not its.
"""

from __future__ import annotations

import contextvars
import re
from typing import TYPE_CHECKING

from handoff.core.fields import norm
from handoff.core.quickre import by_line, quick

if TYPE_CHECKING:
    from handoff.read.envwords import Environments

NAMES: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("replaced", default=frozenset())

# a name as written: capitalised (`OpenGrok`) or a code (`sg-blue`, `hound01`), maybe in quotes
_NAME = r"[\"“‘']?(?P<{}>[A-Z][\w.-]*[A-Za-z\d]|[a-z][a-z\d]*(?:-[a-z\d]+)+|[a-z]+\d+)[\"”’']?"
_LEARN = quick(
    rf"(?:\b{_NAME.format('a')}[ \t]+replacement\b"  # "Hound replacement"
    rf"|\b{_NAME.format('b')}[ \t]*(?:→|->|⇒|=>)[ \t]*Sourcegraph\b"  # "OpenGrok → Sourcegraph"
    rf"|\b{_NAME.format('c')}[ \t]*\((?:retired|decommissioned|switched off|shut down|replaced)\b"
    r"|\b(?:[Rr]eplac(?:e|es|ed|ing)|[Rr]etir(?:e|es|ed|ing)|[Ss]unset(?:s|ting)?)[ \t]+"
    r"(?:(?:the|our|its|their)[ \t]+)?(?:[\d.x]+[ \t]+)?"
    r"(?:(?:cluster|server|instance|service|box|vm|tool)[ \t]+)?"
    rf"{_NAME.format('d')}"  # "replace the 4.5 cluster "sg-blue"", "replaced OpenGrok"
    rf"|\b[Ff]rom[ \t]+(?:the[ \t]+)?{_NAME.format('e')}[ \t]+"
    r"(?:box[ \t]+|vm[ \t]+|server[ \t]+)?to[ \t]+Sourcegraph\b)",
)
_LEARN_LINES = by_line(_LEARN)  # (the same matches, read only on the lines holding one of its pieces)
_NOT_NAMES = frozenset(
    {"sourcegraph", "the", "a", "an", "it", "this", "that", "our", "its", "their", "them", "we", "old", "new",
     "existing", "current", "legacy", "previous", "former", "code", "search", "in", "place"}
)  # fmt: skip
_HINT = quick(r"replac|→|->|⇒|=>|retir|decommission|switched off|shut down|sunset|\bto Sourcegraph", re.I)


def learn(text: str, env: Environments) -> frozenset[str]:
    """The names `text` says its deployment replaces (see the module's docstring); never a name
    `env` knows as an environment's or a product's (`GitLab`, `VMware`)."""
    if not _HINT.search(text):
        return frozenset()
    out = set()
    for m in _LEARN_LINES.finditer(text):
        name = next((g for g in m.groups() if g), "")
        if name.casefold() in _NOT_NAMES or env.spans(name) or norm(name) in env.products:
            continue
        out.add(name)
    return frozenset(out)


_CLAUSE_CUT = re.compile(r"[;.!?](?:\s|$)|,\s+(?:then|and|but|while|whereas|so)\s+|:\s")
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|had|have|runs?|ran|stays?|stayed|keeps?|kept|holds?|held|serves?|served|"
    r"indexe[sd]|searche[sd]|goes|went|sits?|sat|lives?|lived|uses?|used|needs?|needed|will|would|can|could|"
    r"did|does|never|only|still)\b",
    re.IGNORECASE,
)


_OLD_SUBJECT = re.compile(  # "The old VM had 2,310 repositories", "the previous instance indexed 800"
    r"\W*(?:the\s+|our\s+)?(?:old|previous|former|legacy|retired|outgoing|decommissioned)\s+(?:[\w-]+\s+)?"
    r"(?:instance|server|vm|box|cluster|setup|tool|system|installation|deployment|machine|host)s?\b"
    r"(?:\s*\([^()]*\))?\s+(?!(?:to|with|by|and|or|for|of|from|into|in|on|at|is\s+replaced|was\s+replaced)\b)",
    re.IGNORECASE,
)


def old_clauses(sentence: str) -> list[tuple[int, int]]:
    """The spans of `sentence`'s clauses (and brackets) whose subject is a replaced system, by its
    name or as "the old VM", "the previous instance"."""
    names = NAMES.get()
    out = _old_subjects(sentence) if _OLD_HINT.search(sentence) else []
    if not names or not any(n in sentence for n in names):
        return out
    for name in names:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence):
            span = _bracket(sentence, m.start(), m.end()) or _clause(sentence, m.start(), m.end())
            if span:
                out.append(span)
    return out


def _old_subjects(sentence: str) -> list[tuple[int, int]]:
    """The clauses opening with "the old VM", "the previous instance" … and a verb of their own."""
    out = []
    starts = [0, *(c.end() for c in _CLAUSE_CUT.finditer(sentence))]
    for opens in starts:
        m = _OLD_SUBJECT.match(sentence, opens)
        if m is not None and _VERB.match(sentence, m.end()):
            ends = _CLAUSE_CUT.search(sentence, m.end())
            out.append((opens, ends.start() if ends else len(sentence)))
    return out


def titled(title: str) -> bool:
    """Whether a section title or column header names the replaced system and not Sourcegraph
    ("Current (Hound)", "What Hound had"): the old system's part."""
    names = NAMES.get()
    return (
        bool(names)
        and "ourcegraph" not in title
        and any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", title) for n in names if n in title)
    )


def new_side(title: str) -> bool:
    """Whether a short title or column header of a migration names Sourcegraph ("Target
    (Sourcegraph)", "New (Sourcegraph)") beside the replaced system: the new side, production."""
    return bool(NAMES.get()) and "Sourcegraph" in title and len(title.split()) <= 4


def _bracket(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """A bracket the name opens, with a verb of its own ("(Hound had 620 of them)"): the bracket."""
    opened = sentence.rfind("(", 0, start)
    if opened <= sentence.rfind(")", 0, start) or sentence[opened + 1 : start].strip(" "):
        return None
    close = sentence.find(")", end)
    close = close + 1 if close > 0 else len(sentence)
    return (opened, close) if _VERB.search(sentence, end, close) else None


def _clause(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The clause whose first words hold the name, before any verb ("The Hound box (…) stays up")."""
    cuts = [c.end() for c in _CLAUSE_CUT.finditer(sentence, 0, start)]
    opens = cuts[-1] if cuts else 0
    opening = sentence[opens:start]
    words = len(re.findall(r"[\w'’]+", opening))
    if sentence[start - 1 : start] == "(" or words > 2 or _VERB.search(opening):
        return None  # the name further in: an object ("… moves from Hound to Sourcegraph")
    ends = _CLAUSE_CUT.search(sentence, end)
    return opens, ends.start() if ends else len(sentence)


_AGENT = (
    r"(?:the\s+)?(?:old|previous|former|legacy|retired|existing)\s+(?:[\w-]+\s+)?"
    r"(?:instance|server|vm|box|cluster|setup|tool|system|installation|deployment|search)\b"
)
_AGENT_OPENS = re.compile(rf"\s*{_AGENT}", re.IGNORECASE)
_AGENT_ENDS = re.compile(rf"{_AGENT}\s*$", re.IGNORECASE)
_SEARCHED = r"(?:index|search|sync|connect|mirror|clon|cover|see)\w*"
_DENIED_BY = re.compile(  # "never indexed by OpenGrok"
    rf"\b(?:not|never|no longer)\s+(?:(?:been|be|get|got|ever)\s+)?{_SEARCHED}\s+(?:by|in|on)\s+"
    r"(?P<agent>[\w\"“”' .-]{2,40})",
    re.IGNORECASE,
)
_DENIED_SUBJECT = re.compile(  # "the old instance never indexed GitLab", "OpenGrok never indexed them"
    r"(?P<agent>[\w\"“”'.-]+(?:\s+[\w\"“”'.-]+){0,3})\s+(?:(?:has|had|did|does|was|were)\s+)?"
    rf"(?:never|not|no longer|n['’]t)\s+(?:(?:been|ever)\s+)?{_SEARCHED}",
    re.IGNORECASE,
)
_OLD_HINT = quick(r"old|previous|former|legacy|retired|existing", re.IGNORECASE)


def unsaid(clause: str) -> str:
    """`clause` with each denial whose agent or subject is the old system blanked (length kept)."""
    if not _OLD_HINT.search(clause) and not any(n in clause for n in NAMES.get()):
        return clause
    for pattern in (_DENIED_BY, _DENIED_SUBJECT):
        for m in pattern.finditer(clause):
            if _is_old(m.group("agent")):
                clause = clause[: m.start()] + " " * (m.end() - m.start()) + clause[m.end() :]
    return clause


def _is_old(agent: str) -> bool:
    """Whether the words of an agent or subject name the old system."""
    if _AGENT_OPENS.match(agent) or _AGENT_ENDS.search(agent):
        return True
    return any(w.strip(".") in NAMES.get() for w in re.findall(r"[\w.-]+", agent))


__all__ = ["NAMES", "learn", "new_side", "old_clauses", "titled", "unsaid"]
