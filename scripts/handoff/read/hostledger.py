"""What the whole document says of each code host: its last word on a host decides, and a host
whose repositories are counted is connected.

A careful reader does not stop at the paragraph. "Bitbucket Cloud was in the press release, but the
repos kept there are NOT connected" withdraws the host a press release named three paragraphs up;
a chat reply "not connecting it: …" right under a question naming a host answers that question.
Each statement about a host is, in document order, one of:

* an affirmation: a code-host value or a repository count the reader took for the host from a block;
* a denial: a block saying outright that the host is not connected ("not connected", "don't
  index", "out of scope", "excluded": `connection.denial`), of the host as its clause's subject or
  right after the denying words, not of a host the clause names in passing ("moved to Azure
  DevOps", "the models on the legacy TFS collection"); or a reply right after a question naming
  hosts, naming none itself, whose first clause says "not … it".

A host whose last statement is a denial is not connected, wherever else it was named (an
affirmation in the same block as a denial wins: the reader's finer reading already weighed them).
Trial parts make no statement.

`counted_run` is the other half: the per-host counts whose sum is the repository count taken (all
of them, or the run of consecutive ones just before a total that states their sum: "GitHub.com —
1,120 repos / Bitbucket Server — 310 repos / → 1,430 repos"); their hosts are connected, named in
a code-host list or not ("Repositories on gitserver 2,870 / — from GitHub Enterprise Server 2,610").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from handoff.read import connection
from handoff.read.found import outright
from handoff.read.oldinstance import old_instance
from handoff.read.vocab import Found

# (a reply's speaker, "R. Lindqvist:" or "Dev 18:05", and its "No," stay in it)
_FIRST_SENTENCE = re.compile(r"(?:[^.;!?]|\.(?=\d)|(?<=\b[A-Z])\.)*")
_PRONOUN = re.compile(r"\s*\b(?:it|them|those|that one|this one)\b", re.IGNORECASE)
_PRONOUN_BEFORE = re.compile(r"\b(?:it|they|that one|this one)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)


def _answers_no(text: str) -> bool:
    """A reply's first sentence denies outright, of a pronoun for the host asked about: "not
    connecting it", "we did not index them", "No, it is not connected"."""
    first = _FIRST_SENTENCE.match(text)
    sentence = first.group(0) if first else ""
    m = connection.denial(sentence)
    if m is None:
        return False
    return bool(_PRONOUN.match(sentence, m.end()) or _PRONOUN_BEFORE.search(sentence, 0, m.start()))


_PREPOSITION = re.compile(
    r"\b(?:on|in|from|of|at|to|into|onto|via|under|with|for|by|towards?|than|like)\b", re.IGNORECASE
)
_OPENS_PRONOUN = re.compile(r"^\W*(?:it|they|this|these)\b", re.IGNORECASE)
# a clause whose subject is the connection itself, no host named: "Connection deleted 20 Aug"
_HEADLESS = re.compile(
    r"^\W*(?:the\s+|that\s+|this\s+)?(?:connection|integration|code[\s-]+host\s+connection)\b", re.IGNORECASE
)
# a verb of taking a connection away, done: the change that ends a host
_TAKEN_AWAY = re.compile(
    r"\b(?:removed|deleted|disconnected|decommissioned|retired|switched\s+off)\b", re.IGNORECASE
)
# the words that make a removal not (yet) done: a present or future verb group, a condition, a plan
_NOT_DONE = re.compile(
    r"\b(?:is|are|be|being|gets?|will|would|shall|going\s+to|plan\w*|once|when|whenever|if|unless|until|"
    r"as\s+soon\s+as|after|before)\b",
    re.IGNORECASE,
)


def _removal_done(clause: str, denying: str) -> bool:
    """Whether a clause's denying words tell a connection taken away and done: a verb of removal in the
    past ("was deleted", "connection removed 20 Aug"), not "once it is retired" nor "will be removed"."""
    return bool(_TAKEN_AWAY.search(denying)) and not _NOT_DONE.search(clause)


_NEAR = 40  # a host right after the denying words ("not in scope: the actuarial Perforce depots")


def _denied_in(text: str, hosts: Sequence[Found], gone: set[str] | None = None) -> set[str]:
    """The hosts `text` says outright are not connected: the subject of a denying clause (named
    before its denying words, with no preposition before it: not "the models on the legacy TFS
    collection", nor "migrated to GitHub"), the object right after them ("we don't index GitHub"),
    or the host of the clause before, when the denying clause refers back to it ("… the repos kept
    there are NOT connected"). A plan or a wish is no denial here.

    A clause with no host whose subject is the connection itself ("Connection deleted 20 Aug", "the
    integration was removed") speaks of the last host a clause of the text had as its subject ("ADO:
    connected 11 Aug … Connection deleted 20 Aug"), whatever hosts were named in passing between. The
    hosts denied by a verb of taking the connection away (removed, deleted, disconnected, retired) are
    added to `gone` too: the change that ended them (`read.hostcounts` keeps them off)."""
    out: set[str] = set()
    before: list[Found] = []  # the subjects of the clause before
    topic: list[Found] = []  # the subjects of the last clause that had some
    for a, b in connection.clauses(text):
        clause = text[a:b]
        named = [h for h in hosts if a <= h.start < b and not old_instance(text, h.start)]
        # (a clause opening with a pronoun goes on with the subject before: "It will be shut down
        # after the ADO Server migration" names ADO in passing)
        goes_on = bool(_OPENS_PRONOUN.match(clause))
        subjects = [] if goes_on else [h for h in named if not _PREPOSITION.search(text, a, h.start)]
        m = connection.denial(clause)
        found: set[str] = set()
        nearest: set[str] = set()  # (of a removal: the subject right before its verb, or the object after)
        if m is not None and named:
            after = [h for h in named if 0 <= h.start - (a + m.end()) <= _NEAR
                     and not _PREPOSITION.search(text, a + m.end(), h.start)]  # fmt: skip
            at = a + m.start()
            denied = [h for h in subjects if h.start < at and not _other_subject(text, h, at, named)]
            found = {h.value for h in denied} | {h.value for h in after}
            closest = max(denied, key=lambda h: h.start, default=None)
            nearest = {h.value for h in after} | ({closest.value} if closest else set())
        elif m is not None and before and connection.refers_back(clause):
            found = {h.value for h in before}
        elif m is not None and topic and _HEADLESS.match(clause):
            found = {h.value for h in topic}
        out |= found
        if gone is not None and m is not None and found and _removal_done(clause, m.group(0)):
            gone |= nearest if named else found
        before = subjects or (before if not named or goes_on else [])
        topic = subjects or topic
    return out


_PARENTHETICAL = re.compile(  # a piece set off by commas that is no subject: "GitLab, which …, is excluded"
    r"\s*(?:which|who|whose|that|as|since|after|before|like|unlike|despite|although|though|because|in|on|at|"
    r"for|from|with|by|and|or|nor|but|also|too|then|now|still|even|however|both|either|neither)\b"
    r"|(?:\s*\b(?:is|are|was|were|has|have|had|been|be|being|will|would|now|also|all|both|then|still)\b)*\s*$",
    re.IGNORECASE,
)


def _other_subject(text: str, h: Found, at: int, named: Sequence[Found]) -> bool:
    """Whether a noun of its own stands between host `h` and the denying words at `at`, after a comma
    ("engine (Bitbucket Cloud, Git LFS for assets excluded from search)": the assets are excluded, not
    the host): the last piece before the words is the denial's subject, unless it is another host of
    a list or a clause set off by commas ("GitLab, which we trialled, is excluded")."""
    between = list(text[h.end : at])
    for g in named:  # (the other hosts of a list: "Bitbucket Cloud, GitLab and Gerrit are excluded")
        for k in range(max(g.start, h.end), min(g.end, at)):
            between[k - h.end] = " "
    pieces = "".join(between).split(",")
    return len(pieces) > 1 and _PARENTHETICAL.match(pieces[-1]) is None


def _child_denies(text: str) -> bool:
    """A child item with no subject of its own whose first clause denies ("not connected; decision
    2026-06-02", "— out of scope"): it speaks of the host its parent names."""
    first = connection.clauses(text)[0]
    clause = text[first[0] : first[1]]
    return connection.denial(clause) is not None and connection.refers_back(clause)


_TWO_WORDS = re.compile(r"\w\s+\w")


def denials(
    blocks: Sequence[tuple[str, str, str]],
    find: Callable[[str], Sequence[Found]],
    trial_at: Callable[[str, int, str], bool],
    gone: list[tuple[int, str]] | None = None,
) -> list[tuple[int, str]]:
    """(block index, host) of each block outside trial parts that says outright a host is not
    connected. `blocks`: (text, section, the host its parent bullet names) in document order;
    `trial_at(text, offset, section)`: whether the place is a trial's (a sentence naming the pilot
    inside an unlabelled block). `gone` gets (block index, host) of the denials by a verb of taking
    the connection away ("connection deleted 10-28")."""
    out: list[tuple[int, str]] = []
    asked: list[Found] = []  # the hosts a question in the block before names
    for i, (text, section, parent) in enumerate(blocks):
        if section == "trial":
            asked = []
            continue
        if not _TWO_WORDS.search(text):
            continue  # a fragment ("R." split from "R. Lindqvist: …"): no statement, the question stands
        if not asked and "?" not in text and (not (parent or find(text)) or not connection.may_deny(text)):
            continue  # (most blocks: no question before or here, and no host named nor a parent's, or no
            # denial: nothing its hosts could give; the names are looked up first, most blocks have none)
        hosts = [h for h in outright(find(text)) if not trial_at(text, h.start, section)]
        if hosts:
            ended: set[str] = set()
            out += [(i, name) for name in sorted(_denied_in(text, hosts, ended))]
            if gone is not None:
                gone += [(i, name) for name in sorted(ended)]
        elif asked and _answers_no(text):
            out += [(i, h.value) for h in asked]
        elif parent and _child_denies(text):  # "GitHub.com" / "  not connected; decision 2026-06-02"
            out.append((i, parent))
        asked = hosts if "?" in text else []
    return out


def denied(denials: Sequence[tuple[int, str]], affirmations: Sequence[tuple[int, str]]) -> set[str]:
    """The hosts whose last statement is a denial (an affirmation in the same block wins)."""
    last: dict[str, tuple[int, int]] = {}
    for i, host in [*denials, *affirmations]:
        kind = 0 if (i, host) in set(denials) and (i, host) not in set(affirmations) else 1
        last[host] = max(last.get(host, (-1, 0)), (i, kind))
    return {host for host, (_, kind) in last.items() if kind == 0}


def counted_run(counts: Sequence[tuple[int, int]], total: int, agrees: Callable[[int], bool]) -> list[int]:
    """The indices (into `counts`: (block index, count), in document order) of the counts whose sum
    is `total`: all of them when they agree with it, else the longest run of two or more
    consecutive ones whose sum is exactly `total`; [] when none."""
    if counts and agrees(sum(c for _, c in counts)):
        return list(range(len(counts)))
    best: list[int] = []
    for a in range(len(counts)):
        s = 0
        for b in range(a, len(counts)):
            s += counts[b][1]
            if s == total and b > a and b - a + 1 > len(best):
                best = list(range(a, b + 1))
    return best
