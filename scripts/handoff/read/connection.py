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
* a plan or a deferral: "plan for …", "which moved to 2027", "postponed to phase 2", "is waiting
  for a service account", "pending"; a decision put off says the same, whatever its word ("on hold",
  "parked until next year", "shelved");
* out of scope, gone or out of reach: "out of scope", "not part of", "excluded", "retired", "switched
  off", "is out" (not "out of" or "out for"), "cannot be reached", "unreachable"; not when what the
  host is left out of is a commercial paper ("not part of this PO", "excluded from the reseller's
  quote", "not included in the licence"): that says what was bought or paid for, not what is searched.

A host named in a bracketed aside of a clause that names another host ("GitLab (the Bitbucket
connection postponed to Q1)", not the same host's address) is the aside's subject: the aside's verb
is about it, and the clause without the aside about the host outside it.

`not_connected(clause)` is that relation for one clause; `unconnected(text, hosts)` applies it to a
paragraph and returns the hosts whose every mention there is in such a statement. `for_tooling`
says a sentence names hosts only for the deployment's own tooling or sign-in ("the Helm chart's
source is on GitHub.com", "sign-in through GitLab"), not for code to search.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set
from dataclasses import replace

from handoff.core.fields import norm
from handoff.core.quickre import opened, quick
from handoff.read import shapes
from handoff.read.denied import denied
from handoff.read.fact import Fact
from handoff.read.found import outright
from handoff.read.inpassing import in_passing, whole, without_verb
from handoff.read.labelwords import outside_brackets
from handoff.read.openquestion import answers_yes, asks, settled
from handoff.read.replaced import unsaid
from handoff.read.vocab import Found

_SEARCHING = (
    r"(?:(?:re-?)?(?:connect|index|sync|search|mirror|clon|onboard|add|includ|crawl|import|integrat|pull|"
    r"fetch|bring|migrat)\w*|re-?creat\w*|carr(?:y|ied|ies)\s+(?:over|across)|used?\b"
    r"|(?:have\s+)?had\b)"  # "we never had Bitbucket": the host was never there to connect
)
_JOINING = r"(?:add|connect|onboard|includ|bring|migrat|integrat|import|mov)\w*"
_BETWEEN = r"(?:\s+(?:\w+ly|yet|also|then|later|soon|be|been|being|to|get|got|it|them|they|in|over|across))*"
_NEGATED = quick(
    rf"(?:\b(?:not|never|no longer|without)|n['’]t)(?:\s+(?:\w+ly|yet|be|been|being|to|get|got|decided|"
    rf"planning|planned|going|able|possible))*\s+{_SEARCHING}",
    re.IGNORECASE,
)
_MODAL = quick(
    rf"\b(?:will|'ll|shall|would like to|would|may|might|could|can|should|going to|plan(?:s|ned)? to|"
    rf"intends? to|wants? to|hopes? to|is to|are to|yet to|still to|to be)\b{_BETWEEN}\s+{_JOINING}",
    re.IGNORECASE,
)
_PLANNED = quick(
    r"\b(?:plan(?:s|ned)? for|planned|(?:moved|postponed|deferred|pushed(?: back)?|slipped|delayed)\s+"
    r"(?:to|until|till|into)\s+(?:a\s+)?(?:later|next|future|phase|Q\d|H\d|(?:19|20)\d\d)"
    r"|(?:waiting|waits|blocked)\s+(?:for|on)|awaiting|pending)\b",
    re.IGNORECASE,
)
# a commercial paper after a denial's words ("not part of this PO", "excluded from the quote", "not
# included in the licence"): what is bought or paid for, not whether the host's code is searched
_PAPER_AFTER = (
    r"(?!\s+(?:(?:from|in|on|of|under)\s+)?(?:(?:the|this|that|our|its|their|any)\s+)?(?:[\w'’-]+\s+)?"
    r"(?:po|purchase\s+orders?|orders?|quotes?|quotations?|invoices?|bills?|billing|contracts?|budgets?|"
    r"licen[cs]es?|licen[cs]ing|capex|opex|costs?|prices?|pricing|chargebacks?|renewals?|subscriptions?)\b)"
)
_OUT = quick(
    r"\b(?:out of scope|not in scope|(?:not included|excluded|not (?:a )?part of)"
    + _PAPER_AFTER
    + r"|(?:de-?scoped|withdrawn|"
    r"abandoned|not started|on hold|parked|shelved)\b|(?:stays?|stayed|kept|keeps?|left|leaves?) out of|"
    r"(?:was|were|is|are|has been|have been|got|gets) (?:(?!being\b)\w+ )?"  # ("is being retired": not yet)
    r"(?:retired|decommissioned|disconnected|"
    r"removed|deleted|switched off|shut down|turned off))\b"
    r"|\b(?:is|are|was|were|stays?|stayed)\s+(?:now\s+|also\s+)?out\b(?!\s+(?:of|for|on|in|at|to|there)\b)"
    # a status opening its part of a host's line, with its date or its reason: "… — 300 repositories —
    # disconnected 2026-07-15", "(removed in May after the migration)", "; retired since Q2"
    r"|(?:^|[—–(;]|\s-)\s*(?:connection\s+)?(?:retired|decommissioned|disconnected|removed|deleted|switched\s+off)"
    r"(?=\s*(?:$|[)—–;,.]|(?:on|in|since|after|when|once|at)\b|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))"
    # a log's headline: "Bitbucket Cloud connection removed", "GitLab integration deleted on 3 May"
    r"|\b(?:connection|integration|code[\s-]+host\s+connection)\s+(?:retired|decommissioned|disconnected|removed|"
    r"deleted|dropped|switched\s+off)\b"
    # a decision against it: "we evaluated connecting Azure DevOps but decided against it", "ruled out"
    r"|\b(?:decided\s+against|ruled\s+(?:it\s+|them\s+)?out|turned\s+(?:it\s+|them\s+)?down)\b"
    # a trial that ended: "we tried Bitbucket Cloud for a week and dropped it", "gave up on it"
    r"|\b(?:dropped|abandoned|gave\s+up\s+on|stopped\s+(?:using|syncing|indexing))\s+(?:it|them)\b"
    # a log entry's headline, the host its subject: "2026-08-04: Bitbucket Cloud disconnected; …"
    r"|(?<!\bbeing )(?<!\bbe )(?<!\bbeen )(?<!\d )\b(?:disconnected|decommissioned)"  # (not a future's
    # participle after its time, as Dutch or German orders it: "wordt in 2027 uitgefaseerd")
    r"(?=\s*(?:$|[)—–;,.:]|(?:on|since|after|when|once|at)\b|\d))"
    # out of reach: a host the deployment cannot get to searches none of its code
    r"|\b(?:(?:can\s*not|can['’]t|could\s*not|couldn['’]t)\s+(?:be\s+)?reach(?:ed)?|unreachable|"
    r"(?:not|never)\s+reachable)\b",
    re.IGNORECASE,
)
# a hypothesis or a wish about the host: "Azure DevOps onboarding (~300 repositories) would need 150 GB
# more disk", "the team may want it searchable before it is archived", "bringing Gerrit in would
# double the index" (a host whose code is searched is told in the indicative)
_WOULD = quick(
    r"\b(?:would|may\s+(?:also\s+)?want|might\s+(?:also\s+)?want|(?:wants?|wish(?:es)?)\s+(?:it|them)\s+"
    r"(?:to\s+be\s+)?(?:searchable|indexed|connected|added|in))\b(?!\s+(?:otherwise|normally|usually)\b)",
    re.IGNORECASE,
)
_PRONOUN = opened(re.compile(r"\b(?:it|its|they|them|this one|these|those|which)\b", re.IGNORECASE))
# "there" standing for the host as a place ("the repos the office keeps there"), after a word that
# is no conjunction: not the "there" that opens a clause ("there are no plans", "but there is …").
_THERE = quick(
    r"(?<![\w'’])(?!(?:and|but|so|yet|as|because|while|if|although|though|since|where|when)\b)[a-z]+\s+there\b",
    re.IGNORECASE,
)
_ELLIPTIC = re.compile(  # a clause with no subject of its own: "not connected, waiting on …", "is not
    # connected", "will not be connected" (a row's remark opening with its verb: the row's host)
    r"^\W*(?:(?:but|and|yet|still|currently|so far)\s+)?"
    r"(?:(?:is|are|was|were|will|would|shall|has|have|had)(?:\s+(?:still|yet|also|now|currently|been|be))*\s+)?"
    r"(?:not|never|no longer|planned|deferred|postponed|excluded|out of scope|retired|decommissioned|"
    r"to be|later)\b",
    re.IGNORECASE,
)
_OPENS_BACK = re.compile(  # a clause whose subject is the host before it: elided, or a pronoun
    r"^\W*(?:(?:but|and|yet|still|currently|so far)\s+)?(?:it|they|this one|not|never|no longer)\b",
    re.IGNORECASE,
)
_CLAUSE = opened(re.compile(r"(?<=[.!?])\s+|;\s+|\n+|,\s+(?:but|whereas|while)\s+|\s+(?:but|whereas)\s+"))


# An answer opening with a bare no ("No — public code, search it on github.com", "Nee, buiten scope"),
# or a note's label answered with one ("github.com/acme-oss: no.", "gitea → nope, not wanted")
_ANSWER_NO = re.compile(
    r"^(?:[^:→\n]{1,80}(?::|→|->|=)\s*)?\W*(?:no|nope|nee|nein|non|não|nej)\s*(?:[—–,.:;(!-]|$)",
    re.IGNORECASE,
)


def not_connected(clause: str) -> bool:
    """Whether a clause says the thing it is about is not (yet) connected: negated, modal or
    planned, deferred, out of scope or gone, or an answer opening with a bare no (see the
    module's docstring); not a denial said of the system the deployment replaces (`replaced.py`)."""
    clause = unsaid(clause)  # "(never indexed by OpenGrok)": OpenGrok's, not the deployment's
    return bool(_NEGATED.search(clause) or _MODAL.search(clause) or _PLANNED.search(clause)
                or _OUT.search(clause) or _ANSWER_NO.match(clause) or asks(clause)
                or _WOULD.search(clause))  # fmt: skip


def denial(clause: str) -> re.Match[str] | None:
    """The words of a clause that deny a connection outright ("not connected", "don't index",
    "out of scope", "excluded"), not a plan or a wish; None when there are none."""
    found = [m for m in (_NEGATED.search(clause), _OUT.search(clause)) if m]
    return min(found, key=lambda m: m.start()) if found else None


def may_deny(text: str) -> bool:
    """False only when no clause of `text` can hold a denial (`denial`): the literal words every
    denial holds are all missing from it (a quick no for a whole paragraph)."""
    return any(getattr(p, "possible", lambda _: True)(text) for p in (_NEGATED, _OUT))


def refers_back(clause: str) -> bool:
    """A clause naming no host that speaks of the host named before it (see `_refers_back`)."""
    return _refers_back(clause)


def clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of `text`: sentences, `;` parts, "…, but …" halves."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


# "that" or "this" as the object of a verb of searching, closing its clause: "we were asked not to
# connect that", "nobody indexes this one" (not the "that" opening a relative clause: "repos that we sync")
_THAT_OBJECT = quick(rf"\b{_SEARCHING}\s+(?:that|this)(?:\s+one)?\s*(?:[,.;:!)]|$)", re.IGNORECASE)


def _refers_back(clause: str) -> bool:
    """A clause naming no host that speaks of the host named before it: it has no subject of its own,
    or a pronoun stands for the host."""
    return bool(
        _ELLIPTIC.match(clause)
        or _PRONOUN.search(clause)
        or _THERE.search(clause)
        or _THAT_OBJECT.search(clause)
    )


# a host moved away into another: "Lisbon's GitLab.com group is being moved into Azure DevOps", "the
# Gitolite repos were migrated to GitHub": the host before the verb is left, the one after it is kept
_MOVED_AWAY = quick(
    r"\b(?:(?:is|are|was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:being\s+)?"
    r"(?:moved|migrated|merged|folded|consolidated)|(?:is|are)\s+(?:\w+ly\s+)?(?:moving|migrating))"
    r"\s+(?:(?!(?:in)?to\b)\w+\s+){0,3}?(?:in)?to\b",
    re.IGNORECASE,
)


# a host's state given as a move under way with no verb of its own: "Bitbucket Server (migrating to
# GitHub Enterprise Cloud in 2027)": the host named is the one in use, the destination not yet
_MOVING_TO = quick(
    r"(?<!\bis )(?<!\bare )(?<!\bbeing )\b(?:migrating|moving|transitioning|switching)\s+"
    r"(?:(?!(?:in|on)?to\b)\w+\s+){0,2}?(?:in|on)?to\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\(([^()]*)\)")
# what a host keeps besides its repositories' code, named right after the host as its modifier
# ("Gerrit change refs", "GitLab wiki pages", "the GitHub forks", "Bitbucket's LFS objects"): a clause
# denying them says nothing of the host (its repositories, projects or depots are the host's code: "the
# Subversion repositories are not indexed" is the host's)
_OWN_PART = re.compile(
    r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?(?:refs?|tags?|forks?|wikis?|wiki\s+pages|issues?|lfs|submodules?|"
    r"(?:merge|pull|change)\s+requests?|patch\s?sets?|reviews?|snippets?|gists?|attachments?|artifacts?|"
    r"binaries|history|commits?|tickets?|pages)\b",
    re.IGNORECASE,
)
_BARE_NO = re.compile(
    r"\W*(?:not(?:\s+yet)?|no|nope|none|later|tbd|tbc|n/a)\W*", re.IGNORECASE
)  # a host's status


# the host's own code as a denial's subject: "(repositories not yet indexed)" is said of the host
_HOST_CODE = re.compile(
    r"(?:repos?|repositor(?:y|ies)|projects?|depots?|code|all|everything|rest|connection|host|instance|server)$",
    re.IGNORECASE,
)


def _of_its_own(aside: str) -> bool:
    """Whether a bracketed aside naming no host denies something of its own, not the host it follows:
    the denial's words follow a subject in their part of the aside ("(orgs: core, ops, archive
    excluded)", "(forks and mirrors not indexed)"), a subject that is not the host's code or a pronoun
    for it ("(repositories not yet indexed)", "(it is not connected)", "(not connected yet)" are the
    host's)."""
    found = denial(aside) or _PLANNED.search(aside)
    if found is None or _PRONOUN.search(aside) or _ELLIPTIC.match(aside):
        return False
    part = re.split(r"[,;:]|\band\b|\bor\b", aside[: found.start()])[-1]
    words = re.findall(r"[A-Za-z][\w-]*", part)
    return bool(words) and _HOST_CODE.match(words[-1]) is None and words[-1].casefold() not in _FUNCTION


_FUNCTION = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "the", "a", "an", "currently",
     "still", "yet", "now", "also", "so", "far", "but", "and", "for", "then"}
)  # fmt: skip


def _without_own_asides(clause: str, at: int, named: list[Found]) -> str:
    """`clause` with its asides that name no host and deny something of their own blanked (length
    kept)."""
    if "(" not in clause:
        return clause
    for m in _ASIDE.finditer(clause):
        if not any(m.start() <= h.start - at < m.end() for h in named) and _of_its_own(m.group(1)):
            clause = clause[: m.start()] + " " * (m.end() - m.start()) + clause[m.end() :]
    return clause


def _statements(clause: str, at: int, named: list[Found]) -> list[tuple[list[Found], list[bool]]]:
    """The statements a clause starting at `at` makes about the hosts it names: one, or, when it
    moves a host into another, the host left (not connected) and the one it moves into; a move under
    way with no verb of its own leaves the host named before it in use and its destination not yet;
    a bracketed aside naming hosts of its own beside a host outside it is a statement of its own, and so
    is one right after a host denying it when others are named beside it ("Perforce (not connected)"); a
    host right after a word denying it ("no GitHub") is not connected (`denied.py`)."""
    clause = _without_own_asides(clause, at, named)  # "GHES (orgs: core, ops, archive excluded)"
    off = [h for h in named if denied(clause[: max(h.start - at, 0)])]
    if off:
        kept = [h for h in named if h not in off]
        return [(off, [True]), *(_statements(clause, at, kept) if kept else [])]
    parts = [h for h in named if _OWN_PART.match(clause, max(h.end - at, 0))]
    if parts:  # "Gerrit change refs are not indexed": the clause is about what the host keeps, not the host
        kept = [h for h in named if h not in parts]
        return [(parts, [False]), *(_statements(clause, at, kept) if kept else [])]
    for m in _ASIDE.finditer(clause) if _MOVING_TO.search(clause) is None else ():
        owner = [
            h
            for h in named
            if 0 <= m.start() - (h.end - at) <= 1 and not clause[h.end - at : m.start()].strip()
        ]
        others = [h for h in named if h not in owner]
        denies = not_connected(m.group(1)) or _BARE_NO.fullmatch(m.group(1)) is not None  # "(not yet)"
        if owner and others and denies and not any(m.start() < h.start - at < m.end() for h in named):
            # "GitHub Enterprise Server (connected), Perforce (not yet connected)": the host's own denial
            # (an aside saying nothing of it, "Perforce (3 depots) is not connected", leaves the clause's)
            rest = clause[: m.start()] + " " * (m.end() - m.start()) + clause[m.end() :]
            return [(owner, [True]), *_statements(rest, at, others)]
        inside = [h for h in named if m.start() < h.start - at < m.end()]
        outside = [h for h in named if not m.start() <= h.start - at < m.end()]
        if inside and outside and not {h.value for h in inside} & {h.value for h in outside}:
            rest = clause[: m.start()] + " " * (m.end() - m.start()) + clause[m.end() :]  # (places kept)
            return [(inside, [not_connected(m.group(1))]), *_statements(rest, at, outside)]
    moved = _MOVED_AWAY.search(clause)
    if moved is None:
        moving = _MOVING_TO.search(clause)
        if moving is not None:
            kept = [h for h in named if h.start - at < moving.start()]
            dest = [h for h in named if h.start - at >= moving.start()]
            return [
                (hs, [off])
                for hs, off in ((kept, not_connected(clause[: moving.start()])), (dest, True))
                if hs
            ]
        return [(named, [not_connected(clause)])]
    left = [h for h in named if h.start - at < moved.start()]
    into = [h for h in named if h.start - at >= moved.start()]
    return [(hs, [off]) for hs, off in ((left, True), (into, not_connected(clause[moved.end() :]))) if hs]


def unconnected(text: str, hosts: Sequence[Found]) -> set[str]:
    """The hosts (canonical names) of `hosts`, found in `text`, whose every mention is in a statement
    saying they are not connected, or that a statement denies outright beside mentions in passing
    (`inpassing`: "… keeps FPGA code in Perforce; … so it is not connected today"), or that a clause
    naming the host denies outright beside mentions with no verb of searching, a count of what it holds
    at most ("a company which keeps its code on Bitbucket Cloud, about 400 repositories. … Bitbucket
    Cloud isn't connected": the count says what the host holds, the denial whether it is searched)."""
    hosts = outright(hosts)  # (a bare name read as the document's edition denies nothing)
    if not hosts:
        return set()
    spans = clauses(text)
    # (hosts, [said not connected, the clause naming them says nothing of it, denied outright, the
    # clause has no verb of searching (a count at most)])
    statements: list[tuple[list[Found], list[bool]]] = []
    subjects: set[str] = set()  # the hosts a clause denies outright, named right before its denial
    after = 0  # clauses read since the last one naming hosts
    asked = False  # the last clause naming hosts asked whether they join (`read.openquestion`)
    for a, b in spans:
        clause = text[a:b]
        named = [h for h in hosts if a <= h.start < b]
        if asked and not named and answers_yes(clause):  # "Do we index Gerrit too? Yes, since March."
            statements[-1][1][0] = False
        asked = False  # (the answer is the clause right after its question)
        follows = _OPENS_BACK.match(clause)  # "It is read-only since the move to GitHub, and …"
        after += 1
        if statements and after <= 2 and (follows or not named) and _refers_back(clause):
            if not_connected(clause):
                last = statements[-1][1]
                last[0], last[2] = True, last[2] or _outright(clause)
            if follows:  # the hosts it names in passing are no subject of its verb
                if named:
                    statements.append((named, [False, in_passing(clause), False, without_verb(clause)]))
                continue
        if named:
            passing, verbless = in_passing(clause), without_verb(clause)
            made = [
                (hs, [o[0], passing, o[0] and _outright(clause), verbless])
                for hs, o in _statements(clause, a, named)
            ]
            statements += made
            if any(st[2] for _, st in made):
                subjects |= _denied_subject(clause, a, named)
            after, asked = 0, asks(clause)
    names = {h.value for h in hosts}
    out = set()
    for n in names:
        said = [st for hs, st in statements if any(h.value == n for h in hs)]
        if (
            all(st[0] for st in said)
            or (any(st[2] for st in said) and all(st[0] or st[1] for st in said))
            or (n in subjects and all(st[0] or st[3] for st in said))
        ):
            out.add(n)
    return out


def _denied_subject(clause: str, at: int, named: Sequence[Found]) -> set[str]:
    """The host a clause starting at `at` denies outright as its subject: the last one named before
    the denial's words ("None of this is done and Bitbucket Cloud isn't connected"), not a host named
    after them ("GitLab.com was disconnected after the move to GitHub": GitHub is no subject)."""
    found = denial(clause)
    if found is None:
        return set()
    before = [h for h in named if h.end - at <= found.start()]
    return {max(before, key=lambda h: h.start).value} if before else set()


def _outright(clause: str) -> bool:
    """A clause denying the connection of the host itself ("so it is not connected today"), not of a
    part of it ("its archive groups are not indexed")."""
    return denial(clause) is not None and whole(clause)


_STATUS = re.compile(  # a status or reason cell of a host's row: "Retired", "Descoped 8/17", "Withdrawn",
    # with the connection as its subject: "(connection deleted 12 Mar)", "Integration removed in May"
    r"^\W*(?:(?:the\s+)?(?:code[\s-]+host\s+)?(?:connection|integration|external service|sync)\s+"
    r"(?:(?:was|has been|got)\s+)?(?=\w+ed\b))?"
    r"(?:retired|decommissioned|removed|deleted|disconnected|not connected|out of scope|excluded|deprecated|"
    r"planned|withdrawn|de-?scoped|rejected|cancell?ed|not started|on hold|parked|shelved)\b",
    re.IGNORECASE,
)


def row_unconnected(cells: Sequence[str], find: Callable[[str], Sequence[Found]]) -> set[str]:
    """The code hosts a table row names whose row says they are not connected. A row is one statement
    about its thing, whatever the column. A clause naming hosts speaks of those (a task "Connect
    Gerrit", a note "Gerrit stays out of code search"). A clause naming none speaks of every host
    the row names when it is a status ("Withdrawn: moved into GitLab") or has no subject of its own
    ("not connected", "Not used by Code Search") or a pronoun for it ("Dashed because it is NOT
    connected"), and says it is not connected; "archived repos excluded" or "9 GB with LFS
    excluded" speak of other things. One cell saying so is enough: the others name the host, they
    do not affirm it."""
    named = [(c, outright(find(c))) for c in cells if c.strip()]
    hosts = {h.value for _, found in named for h in found}
    if not hosts:
        return set()
    named = [
        (settled(c), found) if yes else (c, found)
        for (c, found), yes in zip(named, _answered(named), strict=True)
    ]
    off: set[str] = set()
    for cell, found in named:
        # ("Withdrawn: moved into GitLab", "decommissioned (migrated to GitHub in May)")
        pieces = [p for p in map(outside_brackets, _PIECE.split(cell)) if p and not find(p)]
        if any(_STATUS.match(p) or (_refers_back(p) and not_connected(p)) for p in pieces):
            return hosts
        if _bare_status(cell):  # `2 (planned Q1 2027)`: a phase's number and its state in brackets
            return hosts
        off |= {h.value for h in found if h.value in unconnected(cell, found)}
    return off


_LETTER = re.compile(r"[^\W\d_]")


def _bare_status(cell: str) -> bool:
    """A cell that is only a number or a code with its state in brackets (`2 (planned Q1 2027)`, `P3
    (on hold)`): the bracket is the row's status, its word one of `_STATUS`."""
    bare = outside_brackets(cell).strip()
    if "(" not in cell or len(bare) > 4 or len(_LETTER.findall(bare)) > 1:
        return False
    return any(_STATUS.match(m.group(1)) for m in _ASIDE.finditer(cell))


def _answered(cells: Sequence[tuple[str, object]]) -> list[bool]:
    """Which cells of a row are a question answered yes ("Is the GitLab mirror included? | Yes — …"): a
    row's one question by any cell opening with a yes, each of several by the cell right after it."""
    asking = [k for k, (c, _) in enumerate(cells) if "?" in c]
    if len(asking) == 1:
        return [k in asking and any(answers_yes(c) for c, _ in cells) for k in range(len(cells))]
    return [k in asking and k + 1 < len(cells) and answers_yes(cells[k + 1][0]) for k in range(len(cells))]


# A column asking whether each row's host is searched ("Indexed?", "Connected", "In scope",
# "Geïndexeerd", "Angebunden"), by its header's stem, and a cell answering no or yes to it.
_ASKS_CONNECTED = re.compile(
    r"index|connect|conect|sync|scope|search|includ|inclu|mirror|clon|onboard|aangesloten|angebunden|angeschlossen"
)
_NO = re.compile(r"^\W*(?:no|nee|nein|non|não|nao|nej|nie|ei|n)\b(?!['’-])|^\s*[✗✘❌✖]", re.IGNORECASE)
_YES = re.compile(r"^\W*(?:yes|ja|oui|sí|si|sim|y)\b(?!['’-])|^\s*[✓✔✅☑]", re.IGNORECASE)


def rows_answering_no(header: Sequence[str], rows: Sequence[Sequence[str]]) -> set[int]:
    """The indices of `rows` whose cell under a column asking whether the row is connected (its
    header's stem; every answer in it a yes or a no, in any language or as a tick) says no
    ("Nee, buiten scope", "No – public mirrors"): a row is one statement about its host."""
    out: set[int] = set()
    for j, head in enumerate(header):
        if not _ASKS_CONNECTED.search(norm(head)):
            continue
        cells = [(i, r[j]) for i, r in enumerate(rows) if j < len(r) and r[j].strip()]
        if cells and all(_NO.match(c) or _YES.match(c) for _, c in cells):
            out |= {i for i, c in cells if _NO.match(c)}
    return out


_PIECE = re.compile(r"\s*[,;:—–]\s+|\s+-\s+|(?<=[.!?])\s+")  # a cell's clauses and phrases


def without_hosts(facts: list[Fact], off: Set[str]) -> list[Fact]:
    """`facts` without the code hosts `off` nor those hosts' repository counts."""
    out: list[Fact] = []
    for f in facts:
        if f.field == "repositories" and f.how.removeprefix("count for ") in off:
            continue
        if f.field == "code_hosts":
            pairs = [p for p in zip(f.value.split(", "), f.text.split(", "), strict=False) if p[0] not in off]
            if not pairs:
                continue
            f = replace(f, value=", ".join(v for v, _ in pairs), text=", ".join(w for _, w in pairs))
        out.append(f)
    return out


_ELSEWHERE = quick(
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
