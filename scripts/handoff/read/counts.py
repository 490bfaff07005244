"""The counting part of FactReader: repository counts (the total, a code host's part, a sum of
hosts' parts), limits (max users, concurrent users, repositories) and monorepo counts, read from
one sentence of prose.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from handoff.core.quickre import Pieces, opened, quick
from handoff.read import (
    arithmetic,
    bounds,
    clippedlimits,
    connection,
    headcount,
    limitchange,
    limits,
    limitvalues,
    partitive,
    polarity,
    shapes,
)
from handoff.read.appositive import comma_count
from handoff.read.batches import one_batch
from handoff.read.elided import elided_parts
from handoff.read.fact import Context, Fact
from handoff.read.factparts import FactParts
from handoff.read.further import ADDED, added_clause, further_parts
from handoff.read.limitwords import is_growth, is_limit
from handoff.read.vocab import Found

_LIMIT_FIELDS = frozenset({"max_users", "max_concurrent_users", "max_repositories"})
_BOUNDED = _LIMIT_FIELDS | {"repositories", "monorepos"}  # counts a lower bound leaves with no figure

AMBIENT = "limit (limits part)"  # a count of people read as a limit only because its part is about limits
_REPO_NOUNS = r"repositories|repository|repos|repo|projects|proj|depots"
_TOTAL = quick(
    r"\b(?:in total|in all|total|altogether|together(?!\s+with)|all told|combined|overall|today|currently|"
    r"now|synced|indexed|all up(?=\s*(?:[.,;)]|$)))\b",
    re.I,
)
_ALL = quick(  # a count of all hosts ("all up" closing its clause: "So 1,085 repositories all up.")
    r"\b(?:in total|in all|total|altogether|together(?!\s+with)|all told|combined|overall|"
    r"all up(?=\s*(?:[.,;)]|$)))\b",
    re.I,
)
_RESULT = quick(  # a count given as the result of those before it: "…, so 1,760 repositories", "So 1,125 …"
    r"(?:^\W*|[,;]\s*|\band\s+)"
    r"(?:so|thus|hence|making|which\s+makes|that\s+makes|giving|for\s+a\s+(?:total|sum)\s+of)"
    r"\s+(?:about\s+|roughly\s+|some\s+|~\s*)?$",
    re.I,
)
_ALL_LATER = re.compile(  # a later number said to be all of them ("…, in total 2,290")
    r"[,;]\s*(?:in total|in all|altogether|all told|combined|overall|total)\s*:?\s*[~≈]?\s*\d", re.I
)
_PEAK = quick(  # "300 at peak", "500 are concurrent", "600 may be active at the same time"
    rf"(?<![\w.,])(?<![A-Za-z]-)(?P<num>{shapes.NUMBER})\s+(?:[a-z]+\s+){{0,4}}?"
    r"(?:at (?:peak|once|the same (?:time|moment)|(?:any |one |a )(?:one |given |single )?(?:time|moment))|"
    r"concurrent(?:ly)?|conc|simultaneous(?:ly)?)\b",
    re.IGNORECASE,
)
_PEAK_IS = re.compile(
    r"\b(?:peak|maximum)\s+(?:concurren\w*|simultaneous)(?:\s+(?:users|sessions))?"
    # "peak concurrency target 500": the field, its role word, the figure
    r"(?:\s+(?:target|goal|design(?:\s+point)?))?(?:\s+(?:is|was|of|at)|\s*:)?\s+"
    # "peak concurrency sized for 450", "maximum concurrency planned at 300": what it was sized for
    r"(?:(?:is\s+|was\s+)?(?:sized|planned|designed|dimensioned|built|specced)\s+(?:for|at)\s+)?"
    rf"(?:about |around |roughly |approx\.? |~\s*)?(?P<num>{shapes.NUMBER})(?![\w.,]\d|\s*[%kK]\b)",
    re.IGNORECASE,
)
_HOST_AFTER = re.compile(
    r"\b(?:in|on|of|from|at|by|via|across|over|between)\s+(?:the\s+|our\s+|their\s+|its\s+|both\s+)?$",
    re.IGNORECASE,
)
_HOSTS_JOINED = re.compile(r"\s*(?:,|and|or|&|plus|,\s*and)\s*(?:the\s+|our\s+)?", re.IGNORECASE)
_PAIRED_HOSTS = re.compile(r"\s*(?:\+|&|and|plus)\s*", re.IGNORECASE)


def _joined_before(s: str, host: Found | None, hosts: list[Found]) -> bool:
    """Whether the host a count follows is the second of two joined (`gitlab + perforce synced: 1,400
    repos`, `GitHub and GitLab: 900`): the count is both hosts' together, no part of the second's."""
    if host is None:
        return False
    before = [h for h in hosts if h.end <= host.start]
    return bool(before) and bool(_PAIRED_HOSTS.fullmatch(s[before[-1].end : host.start]))


_FIGURE_START = re.compile(  # where another figure's words begin: its number, or a bracket holding one
    r"[(\[](?=[^)\]]*\d)|(?:about\s+|~\s*)?\d"
)
_CURRENT = re.compile(r"\b(?:today|currently|now|at present|at the moment|as of)\b", re.IGNORECASE)
# after a bare limit, no noun of its own but where it was set: "capped at 1,500 in the SOW", "limit of
# 8,000 under the order form", "up to 600 according to the licence" (no date or figure follows in its clause)
_WHERE_SET = (
    r"(?:in|under|by|per|according\s+to|as\s+per|from|on|via)\s+(?:the|our|their|this|its)\s+"
    r"[^\d.;,]*(?:[.;,]|$)"
)
# or a circumstance it holds in: "cap the number of repositories at about 5,000 for this VM size"
# (no figure after it in its clause: "capped at 1,500 in the year 2027" is a time, not where it holds)
_CIRCUMSTANCE = (
    r"(?:for|on|until|before|with|in|at)\s+(?:this|that|the|these|those|our|its|their)\b(?![^.;,]*\d)"
)
_BARE_LIMIT = opened(
    re.compile(  # a number with no noun after a limit word: its noun is earlier in the sentence
        rf"\b(?:up to|at most|no more than|limit|maximum|max|caps?|capped|ceiling|"
        rf"(?:licen[cs]ed|sized|designed|dimensioned|contracted|subscribed) for)\b[^.;:\d]{{0,48}}?"
        rf"(?<![\w.,])(?P<num>{shapes.NUMBER})(?P<k>k)?(?![\w,/-]|\.\d|\s*%|\s+(?!{_WHERE_SET}|{_CIRCUMSTANCE})[A-Za-z])",
        re.IGNORECASE,
    )
)  # (a circumstance may follow it: "cap the number of repositories at about 5,000 for this VM size")
_LICENSED = re.compile(r"licen[cs]ed for\b", re.IGNORECASE)  # a licence counts people unless it says what
_LIMIT_NOUN = re.compile(rf"\b(?:repositor(?:y|ies)|repos?|{limits.PERSONS}|seat)\b", re.IGNORECASE)
_N = rf"\d+|{shapes.SPELT.pattern}"
_MONO_COUNT = opened(
    re.compile(
        rf"\b(?P<n>no|zero|none|{_N})\s+(?P<other>other\s+)?monorepos?\b"
        rf"|\b(?<![\w.,])(?P<n2>{_N})\s+of\s+(?:which|them|these|those|(?:the|our|their|its|all)\s"
        r"(?:[\w\s/-]|[,.](?!\s)){1,40}?)\s+"
        # (a word qualifying the kind between: "Two of them are genuine monorepos"; not a negation)
        r"(?:(?:is|are|were|was)\s+)?(?:also\s+)?(?:a\s+)?(?:(?!(?:not|no|never|also)\b)[a-z]+\s+)?monorepos?\b"
        rf"|\b(?:out\s+)?of\s+(?:which|them|these|those|(?:the|our|their|its|all)\s[\w\s./,-]{{1,40}}?),?\s+"
        rf"(?:only\s+|just\s+|exactly\s+)?(?P<n3>{_N})\s+"
        r"(?:is|are|were|was)\s+(?:also\s+)?"
        r"(?:a\s+)?monorepos?\b"
        r"|\b(?P<none>none) of (?:them|these|those|(?:our|the) [\w\s/-]{1,40}?) (?:is |are |counts? as )?"
        r"(?:a )?monorepos?\b"
        r"|\b(?:the|our|their|its) only monorepo\b"
        # "Two repositories count as monorepos", "Six repositories are monorepos", "Three are treated as …"
        rf"|\b(?!(?:19|20)\d\d\b)(?P<n4>{_N})\s+(?:(?:repositories|repos|depots|projects)\s+)?"
        r"(?:count|qualify|(?:are|were)(?:\s+(?:classed|counted|treated|handled|considered|classified))?)"
        r"\s+(?:as\s+)?monorepos\b"
        # the same of one: "Only one repository counts as a monorepo", "just one repo qualifies as a monorepo"
        r"|\b(?P<n5>one|1)\s+(?:(?:repository|repo|depot|project)\s+)?"
        r"(?:counts|qualifies|(?:is|was)(?:\s+(?:classed|counted|treated|handled|considered|classified))?)"
        r"\s+as\s+(?:a\s+)?monorepo\b(?!s)",
        re.IGNORECASE,
    )
)  # "two monorepos", "three of the Perforce depots are monorepos", "…, of which 2 are monorepos",
# "Of the repositories in clause 4.1.1, two (2) are monorepos" (the digits in brackets blanked)
_TOPIC_COUNT = re.compile(  # under a question about monorepos: "Yes. We have two, the firmware depot and …"
    rf"\b(?:have|has|are|is|there are|there is|counts?)\s+(?:only\s+|just\s+|exactly\s+)?"
    rf"(?P<n>no|none|{_N})(?![.,]?\d)(?=\s*(?:[,.;:(—–→]|$))",
    re.IGNORECASE,
)
_BARE_COUNT = re.compile(  # a whole answer that is only a count: "about 2,340", "~1.850"
    rf"^\W*(?:about|approx(?:imately|\.)?|around|roughly|some|circa|ca\.|~|≈)?\s*(?P<num>{shapes.NUMBER})"
    r"(?:,?\s*(?:give or take|or so|more or less|roughly|approximately))?\s*[.!]?\s*$",
    re.IGNORECASE,
)
_LEAD_FIGURE = re.compile(  # an answer that opens with a count, then its parts: "About 3,200, of which …"
    rf"^\W*(?:about|approx(?:imately|\.)?|around|roughly|some|circa|ca\.|~|≈)?\s*(?P<num>{shapes.NUMBER})"
    r"\s*[,;(—–]\s*(?:of which|including|among them|incl\.)",
    re.IGNORECASE,
)
_LEAD_COUNT = re.compile(  # an answer that opens with its count: "Two: store-pos and webshop."
    rf"^\W*(?:yes[,.:]?\s+)?(?:only\s+|just\s+|exactly\s+)?(?P<n>{_N})(?![.,]?\d)(?=\s*(?:[,.;:—–→]|$))",
    re.IGNORECASE,
)
_OTHER_NUMBER = re.compile(  # a number between, not a year, nor their size ("… with about 390 GB, all from")
    r"(?<![\w.,])(?!(?:19|20)\d\d\b)(?!\d[\d.,]*\s*(?:[KMGTP]i?B|[GT]Bytes?|gigs?|(?:giga|tera)bytes?)\b)\d"
)
_BREAKDOWN = re.compile(r"\s*(?:[—–:(]|-\s)\s*~?\d")  # a count, then its parts
# (the bare word as an item of a list of terms, "(node pool, ingress, monorepo, code host)", names none)
_MONO_MENTION = opened(
    re.compile(
        r"(?<![(,;/]\s)(?<![(,;/])\bmonorepo\b|(?<=[(,;/]\s)monorepo(?!\s*[,;)/])|(?<=[(,;/])monorepo(?!\s*[,;)/])",
        re.IGNORECASE,
    )
)


_NOT_BEFORE = re.compile(r"\b(?:not|never)\s+(?:even\s+)?$", re.IGNORECASE)
_MONO_WORD = re.compile(r"\bmonorepos?\b", re.IGNORECASE)


_HOLDS_BEFORE = quick(  # the deployment's state verb right before the count, no "each" or "per" near
    r"(?<!\beach )(?<!\bevery )\b(?:index(?:es)?|hold(?:s)?|search(?:es)?|contain(?:s)?|mirror(?:s)?|"
    r"sync(?:s)?|clone(?:s)?|"
    r"there\s+(?:are|were)|(?:it|we|instance|service|sourcegraph|deployment)\s+(?:has|have|had)|"
    r"(?:that|this|which)\s+(?:is|makes|gives|comes\s+to)|mak(?:es|ing))\s+"  # "That is 1,800 repositories"
    r"(?:about\s+|around\s+|roughly\s+|some\s+|approx\.?\s+|nearly\s+|just\s+over\s+|~\s*)?$",
    re.IGNORECASE,
)
_HOLDS_AFTER = re.compile(  # "2,400 repositories are searchable"
    r"^\s+(?:are|were)\s+(?:now\s+|currently\s+)?(?:searchable|indexed|synced|cloned|mirrored|searched)\b",
    re.IGNORECASE,
)


# a verb of what the deployment could do, not what it does: "can hold 5,000 repositories", "would index"
_ABLE = re.compile(
    r"\b(?:can|could|would|will|may|might|should|shall|must|'ll|’ll|(?:able|designed|built|sized|meant|"
    r"enough|expected|planned|going)\s+to)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _holds(before: str, after: str) -> bool:
    """A count of repositories the deployment's own state verb gives, with no host and no total word
    ("We index 2,400 repositories.", "There are 2,400 repositories", "… are searchable", the parts told
    before summed up by "That is 1,800 repositories" / "making 1,800 repositories"): the count; not
    what it could hold ("The instance can hold 5,000 repositories", "it would index 8,000")."""
    tail = before[-64:]
    m = _HOLDS_BEFORE.search(tail, max(0, len(tail) - 40))
    return bool((m and not _ABLE.search(tail, 0, m.start())) or _HOLDS_AFTER.match(after))


_CLAUSE_STOP = re.compile(r"[.;!?](?:\s|$)|,\s+(?:and|but)\s|\s+(?:and|but|while|whereas)\s+")


def _own_clause(s: str, start: int, end: int) -> str:
    """The clause a figure stands in ("We index 3,300 repositories" of "… and the licence covers 5,000")."""
    opens = max((c.end() for c in _CLAUSE_STOP.finditer(s, 0, start)), default=0)
    stop = _CLAUSE_STOP.search(s, end)
    return s[opens : stop.start() if stop else len(s)]


def _own_after(s: str, m: shapes.Match) -> str:
    """The words after a count that may be its own: up to its bracket's end when it is inside one
    ("3,770 (previously 2,828) in all": the total word is not the bracketed figure's)."""
    after = s[m.end : m.end + 24]
    return after.split(")", 1)[0] if s.rfind("(", 0, m.start) > s.rfind(")", 0, m.start) else after


def _bare_own(between: str) -> bool:
    """A host's own bare number stands between it and a later count ("Bitbucket Data Center with 430,
    so 2,300 repositories …"): the count is not that host's (its noun elided, the 430 is)."""
    return bool(_OWN_BARE.match(between))


_OWN_BARE = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:with|has|holds|:|—|–|-)?\s*(?:about\s+|~\s*)?\d[\d,.]*\s*[,;)]"
)


def _count_word(word: str) -> int:
    w = word.lower()
    if w in ("no", "zero", "none"):
        return 0
    return int(w) if w.isdigit() else shapes.spelt_number(w)


_BRACKETED_ASIDE = re.compile(r"\([^()]*\)")
_AFTER_HOST = re.compile(  # (a note's label may keep its bracket first: "ghe (ghe.acme.example, 3.12): 410")
    r"(?:\s*\((?![^()]*\d\s*k?\s*(?:repo|proj|depot))[^()]{0,80}\)(?=\s*[:=])"  # (no count in it)
    r"|\s*\([^()\d]{1,80}\)(?=\s*~?\d))?"  # (or no figure: "gerrit (review.acme.example) 600")
    rf"[\s:=(–—-]*(?:(?:with|has|holds)\s+)?~?\s*(?P<num>{shapes.NUMBER})(?P<k>k)?\b"
)
_BEFORE_HOST = re.compile(  # (its owner may be named before the host: "450 from the research group's GitLab")
    rf"(?<![\w.,])~?(?P<num>{shapes.NUMBER})(?P<k>k)?(?:\s+|\s*\(\s*)(?:(?:[a-z]+\s+)?(?:on|in|from|at|via)\s+"
    r"(?:the\s+|our\s+)?(?:(?:[a-z-]+\s+){0,2}[a-z-]+['’]s\s+)?)?$",
    re.IGNORECASE,
)


_JOINED_BEFORE = re.compile(r"\s+(?:more\s+|further\s+)?(?:on|in|from|at|via)\s", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s(?!\w)")  # "two people's …": a count of the owners of what follows
_FROM = re.compile(r"\s*(?:from|on|in|across)\s+(?:the\s+|our\s+|both\s+)?", re.IGNORECASE)


def _from_hosts(s: str, end: int, hosts: list[Found]) -> bool:
    """Whether the code hosts a count comes from are named right after it ("with 2,030 repositories
    from GitHub Enterprise Server and Bitbucket Server"): repositories counted where they are, no bound,
    in a sentence whose limit word is another figure's ("serving 1,800 licensed users, …")."""
    return any((m := _FROM.match(s, end)) is not None and m.end() == h.start for h in hosts)


def _said_total(s: str, end: int, before: str, after: str, hostless: bool) -> bool:
    """A count said to be the total ("in total", or "today", "indexed" for want of one), unless only
    those weaker words say so and a later number is said to be all of them ("today 1,980 … and
    310 …, in total 2,290")."""
    if not (_TOTAL.search(after) or (hostless and _TOTAL.search(before[-24:]))):
        return False
    return bool(_ALL.search(f"{before[-24:]} {after}")) or not _ALL_LATER.search(s, end)


def _host_own_count(
    s: str, m: shapes.Match, before: str, after: str, host: Found | None, hosts: list[Found]
) -> bool:
    """Whether a count one code host alone is named before ("Bitbucket Data Center has 1,870
    repositories synced", "GitLab: 640 repositories indexed") is that host's count although a weak
    word (synced, indexed, today) follows it: such a word says the figure is the one in the index now,
    not that it counts every host; only a word of all of them ("in total", "altogether") does."""
    if host is None or _ALL.search(f"{before[-24:]} {after}"):
        return False
    named = {h.value for h in hosts if m.start - len(before) <= h.start < m.start}
    return named == {host.value}


def without_asides(s: str, hosts: list[Found]) -> list[Found]:
    """The hosts a sentence names, less a host named again in a bracket after it (`GitHub
    (github.com/acme)`, `GitLab (gitlab.acme.io)`): its address, not another host."""
    out: list[Found] = []
    for h in hosts:
        last = out[-1] if out else None
        between = s[last.end : h.start] if last else ""
        if last is not None and last.value == h.value and between.count("(") > between.count(")"):
            continue
        out.append(h)
    return out


def _numbers_after(value: str, hosts: list[Found]) -> list[tuple[int, int, str]] | None:
    """(start, end, count) of the number right after each host (`GitHub 1,000; GitLab 250`), or None."""
    out = []
    for i, h in enumerate(hosts):
        end = hosts[i + 1].start if i + 1 < len(hosts) else len(value)
        m = _AFTER_HOST.match(value[h.end : end])
        if m is None:
            return None
        count = shapes.thousands(m.group("num"), m.group("k"))
        out.append((h.end + m.start("num"), h.end + m.end(), count))
    return out


def _numbers_before(value: str, hosts: list[Found]) -> list[tuple[int, int, str]] | None:
    """(start, end, count) of the number right before each host (`1,940 GitHub + 85 GitLab`, `1,200
    (GitHub) + 300 (GitLab)`,
    `1,312 on GitHub … + 88 still in CodeCommit`), or None."""
    out = []
    for i, h in enumerate(hosts):
        begin = hosts[i - 1].end if i else 0
        m = _BEFORE_HOST.search(value[begin : h.start])
        if m is None:
            return None
        count = shapes.thousands(m.group("num"), m.group("k"))
        out.append((begin + m.start("num"), begin + m.end("num"), count))
    return out


_LABEL_JOINT = re.compile(r"\s*(?:[—–:]|-{1,2})\s*(?:~|about\s+|approx\.?\s+|roughly\s+)?", re.IGNORECASE)


def _labelled_by_host(s: str, m: shapes.Match, hosts: list[Found]) -> bool:
    """Whether a count is written as a code host's value (`GitHub.com — 310 repos`, `Azure DevOps: 1,240`):
    the host right before it, joined by a dash or colon only. What follows it breaks down that host's
    count, not the whole estate's."""
    return any(h.end <= m.start and _LABEL_JOINT.fullmatch(s, h.end, m.start) for h in hosts)


def _breakdown(s: str, m: shapes.Match) -> bool:
    """A count followed by its parts ("3,000 repositories — 2,986 from GitHub …"): the next number
    is no larger than the count ("290 repositories: 1,600 … in all" is a part, then the total)."""
    after = _BREAKDOWN.match(s, m.end)
    if after is None:
        return False
    nxt = re.match(rf"[^\d]*(?P<n>{shapes.NUMBER})", s[m.end :])
    return nxt is None or not m.value.isdigit() or float(shapes.canon(nxt.group("n"))) <= int(m.value)


def _sum_is_total(s: str, facts: list[Fact]) -> list[Fact]:
    """With no total read, a repository count of the sentence that is exactly the sum of its hosts'
    parts ("… with 1,310 repositories and … with 290 repositories: 1,600 repositories synchronised")
    is their total (`read.arithmetic`)."""
    if any(f.field == "repositories" and f.role == "total" for f in facts):
        return facts
    parts = [
        (f.start, f.start + len(f.text), f.value)
        for f in facts
        if f.field == "repositories" and f.role == "part"
    ]
    total = arithmetic.stated_sum(s, parts)
    if total is None:
        return facts
    start, end, value = total
    env = next(f.section for f in facts if f.field == "repositories" and f.role == "part")
    return [
        *facts,
        Fact("repositories", value, s[start:end], "stated total (sum of its parts)", env, "total", start),
    ]


_BARE_TOTAL = re.compile(  # "Repositories indexed …, in total 870", "repos: altogether ~1,200"
    r"\b(?:repositor(?:y|ies)|repos)\b(?:[^.;:\d]|\.(?!\s)){0,100}?"
    r"\b(?:in total|total(?:ling)?|altogether|in all|all told)\s*[:=]?\s*(?:of\s+)?"
    r"(?:about\s+|approx\.?\s+|~\s*)?"
    rf"(?<![\w.,])(?P<num>{shapes.NUMBER})(?![\w,]|\.\d|\s*[%A-Za-z(])",
    re.IGNORECASE,
)
_FIGURES = opened(re.compile(r"(?<![\d.,])\d"))


_COUNT_TOTAL = quick(  # (a unit or another thing counted makes the number no count of repositories)
    rf"(?<![\w.,])(?P<n>{shapes.NUMBER})\s+"
    r"(?:(?!(?:[kmgtp]i?b|bytes|v?cpus?|cores?|users?|seats?|nodes?|vms?|machines?|servers?)\b)[a-z]+\s+)?"
    r"(?:in total|total|in all|altogether)\b",
    re.IGNORECASE,
)
# the same, the total word first: "so the total is 2,110", "a total of 1,405 repositories"
_TOTAL_IS = quick(
    r"\btotal(?: count| number)?(?: of (?:repositories|repos))?\s+(?:is|was|comes to|came to|stands at|of)\s+"
    rf"(?:now\s+)?(?:about\s+|roughly\s+|around\s+|~\s?)?(?P<n>{shapes.NUMBER})(?![\d.,]*\s*"
    r"(?:[kmgtp]i?b|bytes|v?cpus?|cores?|users?|seats?|nodes?|vms?|machines?|servers?|%)\b)",
    re.IGNORECASE,
)


def repo_totals(s: str) -> list[re.Match[str]]:
    """The repository totals a text states, in order ("1,400 total", "the total is 2,110")."""
    found = [*_COUNT_TOTAL.finditer(s), *(_TOTAL_IS.finditer(s) if "otal" in s else ())]
    return sorted(found, key=lambda m: m.start())


# What a sentence's counts need (`CountReading._may_count`): a match of one of the patterns each of
# its readings runs first, or their topic. The pieces are the patterns' own, so editing one needs no
# other change; a reading added to `_counts_read` adds its pattern here.
_COUNTED = Pieces(
    limitchange.CHANGE,  # `_limits` (`limitchange.changes`)
    shapes._noun(_REPO_NOUNS),  # `_repo_counts` (`shapes.counted`), `_monorepos`
    shapes._noun(limits.PERSONS),  # `_limits` (`limits.person_counts`)
    headcount._LICENSED_PART,  # `_licensed_parts`
    headcount._LICENSED_BARE,
    _PEAK,  # `_peaks` (`_peak_spans`)
    _PEAK_IS,
    _BARE_TOTAL,  # `_bare_total`
    partitive._PART_OF,  # `_subset` (`partitive.subset`)
    partitive._PART_OF_HOST,
    partitive._OF_WHOLE,
    partitive._OF_THEM,
)
_COUNTED_IN_LIMITS = Pieces(_LIMIT_NOUN, _LICENSED)  # `_limits`: a bare limit's noun, in a limits context


_FIGURE_OR_CLOSE = re.compile(r"[\d)\]]")
# a count of repositories made since ("about 50 new repositories", "120 newly created repos"): an
# increment of the count, neither the count nor a host's part of it
_NEW_ONES = re.compile(r"\s(?:new|newly(?:[\s-]\w+)?|brand[\s-]new)\s+\S+$", re.IGNORECASE)


def _increment(s: str, text: str, rel: str, ctx: Context) -> bool:
    """Whether a count of repositories is an increment, neither limit nor count: one a limit's sentence
    adds ("would add roughly 2,500 repositories"), or the ones made since ("Orrin created about 50 new
    repositories on GitHub during the move")."""
    if rel == "added" and (ctx.limit or is_limit(s)):
        return True
    return not ctx.limit and _NEW_ONES.search(text) is not None


class CountReading(FactParts):
    """FactReader's counts of repositories, users and monorepos in a sentence."""

    def _counts(self, s: str, ctx: Context) -> list[Fact]:
        if (
            not shapes.DIGIT.search(s)
            and ctx.topic != "monorepos"
            and "monorepo" not in s.casefold()
            and not shapes.SPELT.search(s)
        ):
            return []  # (no figure, no number word, no monorepo: nothing counted; `_counts_read`)
        return self._counts_read(s, ctx) if self._may_count(shapes.once(s), ctx) else []

    def _may_count(self, s: str, ctx: Context) -> bool:
        """False only when `_counts_read` finds nothing in `s` (written `once`): every count it reads
        needs a match of a pattern `_COUNTED` holds the pieces of, or a limits context and a bare
        limit's noun, the monorepos (`_monorepos`, `_topic_count`) or the repositories as the topic
        (a bare count), a clause adding to the sentence before (`_added_parts`), or two code hosts and
        three figures (`_host_sum`). Most sentences with a figure (sizes, CPUs, dates, versions) have none."""
        return (
            _COUNTED.possible(s)
            or (ctx.limit and (_COUNTED_IN_LIMITS.possible(s) or clippedlimits.may_hold(s)))
            or ctx.topic in ("monorepos", "repositories")
            or "monorepo" in s.casefold()
            or (bool(self.said_before) and ADDED.match(s) is not None)
            or (len(self.code_hosts.find(s)) >= 2 and len(_FIGURES.findall(s)) >= 3)
        )

    def _counts_read(self, s: str, ctx: Context) -> list[Fact]:
        """The counts of a sentence that holds a figure, a number word or a monorepo (`_counts`: every
        reading below needs one of them, or the monorepos' topic)."""
        s = shapes.once(s)  # "two (2) are monorepos"
        facts = self._repo_counts(s, ctx) + self._limits(s, ctx) + self._added_parts(s, ctx)
        summed = [] if ctx.limit else self._host_sum(s, ctx)
        if summed:  # the arithmetic proves which number is the total and which are the hosts' parts
            facts = [f for f in facts if f.field != "repositories"] + summed
        if not ctx.limit and not any(f.field == "repositories" and f.role == "total" for f in facts):
            facts += self._bare_total(s, ctx)  # "Repositories indexed … per group, in total 870."
        facts = (
            self._subset(s, ctx, facts) if "of " in s.casefold() else facts
        )  # "Of the 9,000 repos, 3,500 are synced"
        if "monorepo" in s.casefold():
            facts += self._monorepos(s, ctx)
        elif ctx.topic == "monorepos":
            facts += self._topic_count(s, ctx)
        if bounds.may_bound(s):  # "north of 300 at peak", "more than 4,000 repositories": a bound, no figure
            facts = [f for f in facts if f.field not in _BOUNDED or not bounds.bounded(s, f.start)]
        if (
            ctx.topic == "repositories"
            and not ctx.limit
            and not any(f.field == "repositories" for f in facts)
        ):
            # "about 2,340" answering "How many repositories …?"; "About 3,200, of which two monorepos"
            bare = _BARE_COUNT.match(s) or _LEAD_FIGURE.match(s)
            if bare:
                n = shapes.thousands(bare.group("num"), None)
                env = self.env_at(s, bare.start("num"), ctx)
                facts.append(Fact("repositories", n, s.strip(), "count (topic)", env, "", bare.start("num")))
        return facts

    def _subset(self, s: str, ctx: Context, facts: list[Fact]) -> list[Fact]:
        """The repositories counted as the part of a larger whole that is synced or indexed
        (`read.partitive`): that part is their count, the whole none of the deployment's."""
        found = partitive.subset(s)
        if found is None:
            return facts
        start, end, whole = found
        kept = [
            f
            for f in facts
            if f.field not in ("repositories", "max_repositories") or f.start not in (start, whole)
        ]
        n = shapes.canon(s[start:end])
        env = self.env_at(s, start, ctx)
        return [*kept, Fact("repositories", n, s[start:end], "part counted", env, "total", start)]

    def _bare_total(self, s: str, ctx: Context) -> list[Fact]:
        """A number with no noun right after a total word, in a sentence whose noun before it is the
        repositories ("Repositories indexed in production per group, in total 870"): their count."""
        u = _BARE_TOTAL.search(s) if _ALL.search(s) else None
        if u is None or shapes.YEAR.fullmatch(u.group("num")):
            return []
        n = shapes.thousands(u.group("num"), None)
        env = self.env_at(s, u.start("num"), ctx)
        return [Fact("repositories", n, u.group(0), "stated total", env, "total", u.start("num"))]

    def _host_sum(self, s: str, ctx: Context) -> list[Fact]:
        """Numbers bound to code hosts with no noun, shown to be parts by a number that is their sum
        ("3,480 — 2,900 from gitlab.com and 580 from GitHub Enterprise Server", "GHES 1,980 +
        CodeCommit 240 = 2,220"): the hosts' parts and the stated total (`read.arithmetic`)."""
        if len(_FIGURES.findall(s)) < 3:  # two parts and their sum at least (cheap, before the hosts)
            return []
        hosts = without_asides(s, self.code_hosts.find(s))
        if len(hosts) < 2 or is_growth(s):
            return []
        parts = _numbers_after(s, hosts) or _numbers_before(s, hosts)
        total = arithmetic.stated_sum(s, parts or [])
        if parts is None or total is None:
            return []
        start, end, value = total
        env = self.env_at(s, start, ctx)
        facts = [Fact("repositories", value, s[start:end], "stated total", env, "total", start)]
        for h, (a, b, count) in zip(hosts, parts, strict=True):
            env = self.env_at(s, a, ctx)
            facts.append(Fact("repositories", count, s[a:b], f"count for {h.value}", env, "part", a))
        return facts

    def _added_parts(self, s: str, ctx: Context) -> list[Fact]:
        """A clause adding to the repository count before it ("; a further 600 live on Bitbucket")."""
        if not (self.said_before and ADDED.match(s)) or any(True for _ in shapes.counted(s, _REPO_NOUNS)):
            return []
        return added_clause(s, self.code_hosts.find(s), self.said_before, self.env_at(s, 0, ctx))

    def _host_of_pronoun(self, before: str) -> Found | None:
        """The host a pronoun right before a count stands for ("The team runs its own GitLab
        Self-Managed instance; its 240 projects are synced"): the one the clause before names."""
        if not self.said_before or not _ITS.search(before[-12:]):
            return None
        named = self.code_hosts.find(_last_clause(self.said_before))
        return named[0] if len(named) == 1 else None

    def _repo_counts(self, s: str, ctx: Context) -> list[Fact]:
        """Repository counts: a limit in a limits context (unless said to be today's), else the total
        when said to be one, else a code host's part when a host is named next to it."""
        facts: list[Fact] = []
        counts = list(shapes.counted(s, _REPO_NOUNS))
        hosts = self.code_hosts.find(s) if counts else []
        previous, claimed = 0, -1  # claimed: a host named after a count ("… held in GitLab") is that count's
        for i, (m, noun) in enumerate(counts):
            env = self.env_at(s, m.start, ctx)
            before = s[previous : m.start]
            previous = m.end
            after = _own_after(s, m)
            own = _FIGURE_START.split(after, maxsplit=1)[0]  # "up to 2,000 repositories (1,500 today)"
            near = _FIGURE_OR_CLOSE.split(before[-24:])[-1]  # not "… (610 active today) and up to 1,000 …"
            rel = limits.relation(s, m.start, m.end)
            if _increment(s, m.text, rel, ctx):
                continue  # "would add roughly 2,500 repositories", "created about 50 new repositories"
            current = bool(rel == "observed" or _CURRENT.search(own) or _CURRENT.search(near))
            # "We index 3,300 repositories and the licence covers 5,000": the sentence's other clause is
            # the limit; a limits part's or a limit clause's own "holds 5,000 repositories" stays one
            held = rel != "limit" and _holds(before, after)
            held = held and (not ctx.limit or (is_limit(s) and not is_limit(_own_clause(s, m.start, m.end))))
            current = current or held or (not rel and _from_hosts(s, m.end, hosts))
            if (ctx.limit or rel == "limit") and not current:
                if noun.startswith("repo"):  # (a limit no longer in force: "old", dropped wherever written)
                    role = "old" if rel == "old" else ""
                    facts.append(Fact("max_repositories", m.value, m.text, "limit", env, role, m.start))
                continue
            # "1,870 + 430 = 2,300 repositories"; "3,000 repositories — 2,986 from GitHub …": the total
            # (not a host's own count, `Azure DevOps — 1,240 repos (620 of which …)`: its parts are its)
            broken = _breakdown(s, m) and not _labelled_by_host(s, m, hosts)
            summed = bool(re.search(r"=\s*$", before)) or broken or bool(_RESULT.search(before))
            host = next((h for h in reversed(hosts) if m.start - len(before) <= h.start < m.end
                         and h.start != claimed
                         and not _bare_own(s[h.end : m.start])), None)  # fmt: skip
            host = None if summed or _joined_before(s, host, hosts) else host
            its = (
                None if host is not None or summed else self._host_of_pronoun(before)
            )  # "…; its 240 projects"
            host = host or its
            total = summed or (
                its is None
                and not _host_own_count(s, m, before, after, host, hosts)
                and _said_total(s, m.end, before, after, host is None)
            )
            if host is None and not total:  # "5,200 repositories held in GitLab Self-Managed"
                upto = counts[i + 1][0].start if i + 1 < len(counts) else len(s)
                following = [h for h in hosts if m.end <= h.start < min(upto, m.end + 80)
                             and not _OTHER_NUMBER.search(s[m.end : h.start])]  # fmt: skip
                host = next((h for h in following[:1] if _HOST_AFTER.search(s[m.end : h.start])), None)
                claimed = host.start if host else claimed
                if (
                    host is not None
                    and len(following) > 1
                    and _HOSTS_JOINED.fullmatch(s[following[0].end : following[1].start])
                ):  # "2,500 repositories across GitHub and GitLab": the total of both
                    host, total = None, True
            whole = summed or _ALL.search(after) or (host is None and _ALL.search(before[-24:]))
            if host is None and not whole and ctx.host and not hosts:  # ("1,180 indexed": still the host's)
                facts += _part_of_host(ctx.host, s, m, env)
                continue
            total = total or (host is None and not hosts and _holds(before, after))  # "We index 2,400 repos."
            total = total and not one_batch(s[: m.start])  # "Wave 1, HQ: 3,100 repositories cloned": a part
            if noun.startswith("repo") and total:
                facts.append(Fact("repositories", m.value, m.text, "stated total", env, "total", m.start))
            elif host is not None:
                facts.append(
                    Fact("repositories", m.value, m.text, f"count for {host.value}", env, "part", m.start)
                )
        if counts and not ctx.limit:
            facts = self._bare_counts(s, ctx, counts, hosts, facts)
            facts = _sum_is_total(s, facts)
        facts = _containers_dropped(s, counts, hosts, facts)
        off = connection.unconnected(s, hosts)  # "Bitbucket Server (~350 repositories) is not connected yet"
        if off:
            every = off >= {h.value for h in hosts}
            facts = [f for f in facts if f.field != "repositories"
                     or not (every or f.how.removeprefix("count for ") in off)]  # fmt: skip
        return facts

    def _bare_counts(
        self,
        s: str,
        ctx: Context,
        counts: list[tuple[shapes.Match, str]],
        hosts: list[Found],
        facts: list[Fact],
    ) -> list[Fact]:
        """In a sentence that counts repositories, numbers with no noun: one right before or after a
        code host no count has claimed is that host's part ("GitHub Enterprise Server has 1,870
        repositories, Bitbucket DC 430"; "2,986 from GitHub Enterprise Cloud"); one said to be the
        total ("…, so 2,600 in all") is the stated total and the sentence's other totals are parts."""
        spans = [(m.start, m.end) for m, _ in counts]
        taken = {f.how.removeprefix("count for ") for f in facts if f.role == "part"}
        for h in hosts:
            if h.value in taken or any(a <= h.start < b for a, b in spans):
                continue
            before = _BEFORE_HOST.search(s[: h.start])
            near = _numbers_before(s, [h]) if before else _numbers_after(s, [h])
            if not near and not before:  # "GitLab.com, 900 repos, and Bitbucket Cloud, 250"
                apart = comma_count(s, hosts, h)
                near = [apart] if apart else near
            # (a count joined to its host by a preposition, "450 from the research group's GitLab", has
            # no unit of its own)
            first = near[0] if near else None
            joined = bool(
                before and first and _JOINED_BEFORE.match(s, first[1]) and not shapes.YEAR.fullmatch(first[2])
            )
            if near and (joined or not re.match(r"[.,]?\d|\s*[A-Za-z%]", s[near[0][1] : near[0][1] + 2])):
                start, end, count = near[0]
                if count.isdigit() and not any(a <= start < b for a, b in spans):
                    env = self.env_at(s, start, ctx)
                    how = f"count for {h.value}"
                    facts.append(Fact("repositories", count, s[start:end], how, env, "part", start))
        facts = further_parts(s, facts, hosts)  # "…, and another 1,400 from GHES"
        facts = elided_parts(s, facts, hosts)  # "… with 640 projects and quillmark-platform with 215"
        stated = [t for t in repo_totals(s) if not any(a <= t.start() < b for a, b in spans)]
        if stated:
            t = stated[-1]
            facts = [f for f in facts if f.role != "total"]
            facts.append(Fact("repositories", shapes.canon(t.group("n")), t.group(0), "stated total",
                              self.env_at(s, t.start(), ctx), "total", t.start()))  # fmt: skip
        return facts

    def _limits(self, s: str, ctx: Context) -> list[Fact]:
        """Counts of people and seats that are limits (`limits.relation`: in a limits part or a clause
        saying licensed, sized, capped …; a seat always; never one observed or added), concurrent when
        their clause says so; and repositories written bare after a limit word."""
        facts: list[Fact] = []
        peaks = self._peak_spans(s)
        taken: set[int] = set()
        weak: set[int] = set()  # the counts of people read as limits only by their sentence's words
        bare: set[str] = set()  # the fields of limits their own clause states
        facts += self._limit_changes(s, ctx, taken, bare)  # "licence raised from 1,000 to 1,400 users"
        for m, noun in limits.person_counts(s):
            if m.start in taken or limits.agreements(m.value, noun):  # "the two old licences": no seats
                continue
            if _POSSESSIVE.match(s, m.end):  # "two people's group claims were over the limit": the
                continue  # people own what the limit is about, they are not its bound
            taken.add(m.start)
            rel = limits.relation(s, m.start, m.end)
            if rel in ("observed", "added") or not (ctx.limit or rel == "limit" or noun.startswith("seat")):
                continue
            if _no_total(s, m, noun, rel):
                continue
            at_once = m.start in peaks or limits.concurrent(s, m.start, m.end)
            name = "max_concurrent_users" if at_once else "max_users"
            role = "old" if rel == "old" else ""  # "the runbook still quotes the licence as 1,000 users"
            stated = rel == "limit" or noun.startswith("seat") or is_limit(s)
            how = (
                "limit" if stated else AMBIENT
            )  # (only its part is about limits: "Kessler employs 2,300 people")
            if how == "limit" and not rel and not noun.startswith("seat"):
                weak.add(m.start)  # a limit only by its sentence's words
            elif rel == "limit" or noun.startswith("seat"):
                bare.add(name)  # a limit by its own clause's words
            facts.append(Fact(name, m.value, m.text, how, self.env_at(s, m.start, ctx), role, m.start))
        parts = self._licensed_parts(s, ctx, taken)  # "… of whom 1,400 are licensed users", "2,000 licensed"
        bare |= {f.field for f in parts}
        facts += parts + self._peaks(s, ctx, peaks, taken)
        if not ctx.limit:
            return [f for f in facts if not (f.start in weak and f.field in bare)]
        for u in _BARE_LIMIT.finditer(s):  # "sized for up to 10,000", "the repository limit is 5,000"
            nouns = list(_LIMIT_NOUN.finditer(s, 0, u.start("num")))
            licensed = not nouns and _LICENSED.match(u.group(0))  # "(we are licensed for 1,500)": seats
            if (nouns or licensed) and not shapes.YEAR.fullmatch(u.group("num")):  # "up to 2027" is a year
                noun = nouns[-1].group(0).lower() if nouns else "users"
                name = "max_repositories" if noun.startswith("repo") else "max_users"
                if name == "max_users" and limits.concurrent(s, u.start("num"), u.end("num")):
                    name = "max_concurrent_users"  # "… and in same time are maximum 250"
                value = shapes.thousands(u.group("num"), u.group("k"))
                facts.append(Fact(name, value, u.group(0), "limit, bare", self.env_at(s, u.start(), ctx), "",
                                  u.start("num")))  # fmt: skip
                bare.add(name)
        # "We have 1,100 engineers, licensed for 1,200": the figure its own words bound is the limit, the
        # one only its sentence made a limit is the headcount beside it
        return self._clipped([f for f in facts if not (f.start in weak and f.field in bare)], s, ctx)

    def _clipped(self, facts: list[Fact], s: str, ctx: Context) -> list[Fact]:
        """`facts` and, for the fields they lack, a quick note's clipped limit items (`users 800 (lic) /
        conc ~120 peak / repo cap 3k`, `read.clippedlimits`)."""
        if not clippedlimits.may_hold(s):
            return facts
        clipped = clippedlimits.clipped_limits(s)
        own = {at: (name, value, text) for name, value, text, at in clipped}
        # "Max users 1,200 / max concurrent users 150": each figure is its own item's, whose label opens
        # it; not the next item's noun the figure stands before ("1,200 / max concurrent users")
        facts = [
            replace(f, field=own[f.start][0], text=own[f.start][2], how="limit, clipped")
            if f.field in _LIMIT_FIELDS and f.start in own and own[f.start][0] != f.field
            else f
            for f in facts
        ]
        found = {f.field for f in facts}
        for name, value, text, at in clipped:
            if name not in found:
                facts.append(Fact(name, value, text, "limit, clipped", self.env_at(s, at, ctx), "", at))
        return facts

    def _limit_changes(self, s: str, ctx: Context, taken: set[int], bare: set[str]) -> list[Fact]:
        """A limit's change (`read.limitchange`): its new side a limit (a change's new figure: the limit
        written before is history), its old side `old`. Adds their places to `taken`, fields to `bare`."""
        facts: list[Fact] = []
        for c in limitchange.changes(s, ctx.limit):
            env = self.env_at(s, c.new_start, ctx)
            facts.append(Fact(c.field, c.new, c.new_text, "limit", env, "", c.new_start, new=True))
            if c.old:
                facts.append(Fact(c.field, c.old, c.old_text, "limit", env, "old", c.old_start))
            taken |= {c.new_start, c.old_start}
            bare.add(c.field)
        return facts

    def _licensed_parts(self, s: str, ctx: Context, taken: set[int]) -> list[Fact]:
        """Counts the words after them license ("Acme has 5,200 employees, of whom 1,400 are licensed
        users"), or a licence gives with no noun ("1,430 of 2,000 licensed", "licence is 1.5k"): user
        limits (`read.headcount`; repositories when the noun before them is). Adds their places to `taken`."""
        facts: list[Fact] = []
        for start, end, value in [*headcount.licensed_parts(s), *headcount.licensed_bare(s)]:
            if start not in taken and limits.relation(s, start, end) not in ("observed", "added"):
                taken.add(start)
                nouns = list(_LIMIT_NOUN.finditer(s, 0, start))
                repos = bool(nouns) and nouns[-1].group(0).lower().startswith("repo")
                env = self.env_at(s, start, ctx)
                name = "max_repositories" if repos else "max_users"
                facts.append(Fact(name, value, s[start:end], "limit", env, "", start))
        return facts

    @staticmethod
    def _peak_spans(s: str) -> dict[int, re.Match[str]]:
        if not shapes.DIGIT.search(s):
            return {}
        found = {u.start("num"): u for u in _PEAK.finditer(s)}
        if "eak" in s or "aximum" in s:  # "Peak concurrency is about 300": the field named, then its figure
            found |= {u.start("num"): u for u in _PEAK_IS.finditer(s) if u.start("num") not in found}
        return found

    def _peaks(
        self,
        s: str,
        ctx: Context,
        peaks: dict[int, re.Match[str]] | None = None,
        taken: set[int] | None = None,
    ) -> list[Fact]:
        """Counts of people at one time with no noun ("400 of them at the same time", "250
        concurrent", "peak 150 conc."): limits in a limits part or a clause saying so."""
        facts: list[Fact] = []
        for start, u in (self._peak_spans(s) if peaks is None else peaks).items():
            rel = limits.relation(s, start, u.end())
            if start in (taken or ()) or rel in ("observed", "added") or not (ctx.limit or rel == "limit"):
                continue
            if limits.counts_things(s, u.end()):
                continue  # "Jenkins runs up to 900 concurrent builds": no people
            facts.append(Fact("max_concurrent_users", shapes.canon(u.group("num")), u.group(0), "limit",
                              self.env_at(s, start, ctx), "old" if rel == "old" else "", start))  # fmt: skip
        return facts

    def _monorepos(self, s: str, ctx: Context) -> list[Fact]:
        facts: list[Fact] = []
        taken: list[tuple[int, int]] = []
        plain = _BRACKETED_ASIDE.sub(lambda m: " " * len(m.group(0)), s)  # "three of them (a, b, c) are …"
        asides = [m.span() for m in _BRACKETED_ASIDE.finditer(s) if "onorepo" in m.group(0)]
        inside = [
            u for a, b in asides for u in _MONO_COUNT.finditer(s, a + 1, b - 1)
        ]  # "(50 depots, incl. two monorepos)"
        for u in sorted([*_MONO_COUNT.finditer(plain), *inside], key=lambda u: u.start()):
            if any(a <= u.start() < b for a, b in taken):
                continue
            taken.append((u.start(), u.end()))
            if u.group("other") or _ASSUMED.search(s, max(0, u.start() - 40), u.start()):
                continue  # "the estimator's 3 TB assumed no monorepos": an assumption, no count
            groups = ("n", "n2", "n3", "n4", "n5", "none")
            word = next((u.group(g) for g in groups if u.group(g)), "one")
            word = (
                "none" if _NOT_BEFORE.search(s, max(0, u.start() - 12), u.start()) else word
            )  # "Not one of …"
            facts.append(Fact("monorepos", str(_count_word(word)), s[u.start() : u.end()], "monorepo count",
                              self.env_at(s, u.start(), ctx), "", u.start()))  # fmt: skip
        if not taken:  # "Monorepo we have 2: …", "monorepos: there are two"
            facts += self._topic_count(s, ctx, lead=False)
            taken += [(f.start, f.start + len(f.text)) for f in facts]
        for u in _MONO_WORD.finditer(s):  # "of which none is a monorepo"; "core-api is not a monorepo"
            if any(a <= u.start() < b for a, b in taken):
                continue
            said = polarity.polarity(s, u.start())
            if said == "none":
                env = self.env_at(s, u.start(), ctx)
                facts.append(Fact("monorepos", "0", u.group(0), "monorepo count (none)", env, "", u.start()))
            if said:
                taken.append((u.start(), u.end()))
        for u in _MONO_MENTION.finditer(s):
            if not any(a <= u.start() < b for a, b in taken):
                env = self.env_at(s, u.start(), ctx)
                facts.append(Fact("monorepos", "1", u.group(0), "monorepo named", env, "mention", u.start()))
        return facts

    def _topic_count(self, s: str, ctx: Context, lead: bool = True) -> list[Fact]:
        """Under a heading or question about monorepos, a count that counts no noun ("We have two,
        the firmware depot and kestrel-web"), or that opens the answer ("Two: a and b"), is their
        count; so is the first kind in a sentence naming monorepos ("Monorepo we have 2: …")."""
        u = _TOPIC_COUNT.search(s) or (_LEAD_COUNT.search(s) if lead else None)
        if u is None:
            if lead and polarity.answer_none(s):  # "None. See 3.8 for the biggest repository"
                env = self.env_at(s, 0, ctx)
                return [Fact("monorepos", "0", s.strip(), "monorepo count (none)", env, "", 0)]
            return []
        n = str(_count_word(u.group("n")))
        return [
            Fact("monorepos", n, u.group(0), "monorepo count", self.env_at(s, u.start(), ctx), "", u.start())
        ]


# what lies between a count of projects and the count of the repositories they hold: a few words
# ("41 projects, 3,450 repositories", "its 41 projects hold 3,450 repositories"), no figure, no clause end
_CONTAINER_GAP = re.compile(r"[^\d.;:!?()]{0,40}")


def _held_pairs(
    s: str, counts: list[tuple[shapes.Match, str]], hosts: list[Found]
) -> dict[int, shapes.Match]:
    """Where a count of projects stands right before the count of the repositories they hold: its
    start -> the repositories' count (see `_containers_dropped`)."""
    held: dict[int, shapes.Match] = {}
    for (m, noun), (n, other) in itertools.pairwise(counts):
        if (
            noun.casefold().startswith("proj")
            and other.casefold().startswith("repo")
            and _CONTAINER_GAP.fullmatch(s, m.end, n.start)
            and not any(m.end <= h.start < n.start for h in hosts)
        ):
            held[m.start] = n
    return held


# a host's value opening with the count of what holds its repositories, then theirs: "41 projects,
# 3,450 repositories", "120 groups hold 2,000 repos", "12 organisations with 900 repositories"
_CONTAINERS_FIRST = re.compile(
    rf"\W*(?:about\s+|around\s+|~\s*)?(?:{shapes.NUMBER})\s+(?:projects|groups|subgroups|organi[sz]ations|orgs|"
    r"workspaces|namespaces|collections|teams)\b[^\d.;:!?()]{0,40}?"
    rf"(?:about\s+|around\s+|~\s*)?(?P<n>{shapes.NUMBER})\s+(?:repositories|repos)\b",
    re.IGNORECASE,
)


def held_repositories(value: str) -> str | None:
    """The repositories' count of a host's value that opens with the count of its projects or groups
    ("41 projects, 3,450 repositories"), or None."""
    m = _CONTAINERS_FIRST.match(value)
    return shapes.canon(m.group("n")) if m else None


def _containers_dropped(
    s: str, counts: list[tuple[shapes.Match, str]], hosts: list[Found], facts: list[Fact]
) -> list[Fact]:
    """A count of projects right before a count of repositories of the same host ("Azure DevOps: 41
    projects, 3,450 repositories", "its 41 projects hold 3,450 repositories") counts what holds the
    repositories, not them: a host whose units are projects (GitLab's) says so with no second count
    beside it. What was read of the projects' count (a host's part, a total) is the repositories'."""
    held = _held_pairs(s, counts, hosts)
    if not held:
        return facts
    out: list[Fact] = []
    for f in facts:
        n = held.get(f.start) if f.field == "repositories" else None
        if n is None:
            out.append(f)
        elif not any(g.field == "repositories" and g.start == n.start for g in facts):
            out.append(replace(f, value=n.value, text=n.text, start=n.start))
    return out


def _part_of_host(host: str, s: str, m: shapes.Match, env: str) -> list[Fact]:
    """A count under a parent naming its host (a parent item, a lead-in): the host's part, unless its
    own words say it is not synced ("fh-archive: 95 repositories, deliberately not synced")."""
    if connection.denial(re.split(r"[.;!?](?:\s|$)", s[m.end :], maxsplit=1)[0]):
        return []
    return [
        Fact("code_hosts", host, host, "named", env, "", m.start),
        Fact("repositories", m.value, m.text, f"count for {host}", env, "part", m.start),
    ]


_ITS = re.compile(r"(?:^|\s)(?:its|their)\s+(?:own\s+)?$", re.IGNORECASE)  # a count the host's by a pronoun


def _last_clause(text: str) -> str:
    """The last clause of a text (after its last semicolon or full stop): what a pronoun opening the
    next one stands for."""
    body = text.rstrip().rstrip(";").rstrip()
    cut = max(body.rfind("; "), body.rfind(". "))
    return body[cut + 1 :]


_ASSUMED = re.compile(r"\bassum(?:ed|es|ing|ption)\b[^.;]*$", re.IGNORECASE)  # a count the sentence assumes


def _no_total(s: str, m: shapes.Match, noun: str, rel: str) -> bool:
    """A count of people that is no limit of the deployment's, whatever the sentence says of licences:
    the organisation's headcount ("Acme has 5,200 employees, of whom …") or one unit's share ("200
    seats per team")."""
    if rel != "limit" and not noun.startswith(("seat", "licen")) and headcount.has_headcount(s[: m.start]):
        return True
    return limitvalues.per_unit(s, m.end)


def stated_limits_win(facts: list[Fact]) -> list[Fact]:
    """Of a text's limits of one field, those a clause states ("The licence covers up to 1,400
    employees") beat the other counts of people read as limits only because the part is about limits
    ("Kessler employs about 2,300 people in total"): those are context, not the limit."""
    stated = {f.field for f in facts if f.how in ("limit", "limit, bare") and f.role != "old"}
    return [f for f in facts if not (f.how == AMBIENT and f.field in stated)]
