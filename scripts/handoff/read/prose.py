"""The prose part of FactReader: facts read from sentences by shape and the words around them.

`prose(text, context)`: per sentence (and per `;` clause), values are recognised by shape and the
words around them: `64 vCPUs` → total CPU; a size next to memory/RAM → memory, next to
disk/storage/SSD → disk, next to largest → largest repository; instance types with their counts;
dates after a start verb (began, started, created) or a completion verb (accepted, signed off,
live); URLs said to be reached or used; vocabulary names (deployment type, cloud, code hosts). The
environment of a value is the last one named before it in its sentence, else the context's. A
sentence about growth is skipped. Figures are `read.figures`, dates `read.dates`, counts
`read.counts`; this module walks the sentences and reads instance types, names and URLs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

from handoff.core.quickre import Pieces, opened, quick
from handoff.read import (
    connection,
    hostaddress,
    hostuse,
    leadins,
    managed,
    nodecount,
    nolimit,
    outofscope,
    outside,
    pastnow,
    permachine,
    relative,
    shapes,
    sockets,
    stamps,
    storagepool,
    workings,
)
from handoff.read.backref import ENDS, STARTS, event_pointed_back
from handoff.read.bothsites import with_all_instances, with_both_sites
from handoff.read.ceilings import ceiling
from handoff.read.changes import changed, old_spans
from handoff.read.choice import NOT_TAKEN_BEFORE, switched_to, weighed
from handoff.read.commitments import bought_for
from handoff.read.contingency import conditional_machines, contingent
from handoff.read.counts import stated_limits_win
from handoff.read.dates import (
    _COMMAND_FIRST,
    _DATE_TOPICS,
    _DONE,
    _DONE_EVENT,
    _START,
    _START_EVENT,
    BUILD,
    _span,
)
from handoff.read.fact import Context, Fact
from handoff.read.factparts import FactParts
from handoff.read.figures import _DISK, _LARGEST, _MEMORY, amount_named_last, apart, on_disk_after
from handoff.read.frozen import replace
from handoff.read.goingaway import going_away
from handoff.read.interim import interim
from handoff.read.leftbehind import left_behind
from handoff.read.limitclause import without_reach_clause
from handoff.read.limitwords import is_growth, is_limit, is_limit_sentence, is_suggestion, is_technical_limit
from handoff.read.oldthing import OLD_THING, old_things
from handoff.read.onsite import on_site_first
from handoff.read.outaside import without_left_out
from handoff.read.pendingmove import moving_to
from handoff.read.replaced import old_clauses
from handoff.read.resizedto import first_built
from handoff.read.rolledback import UNDONE, undone_at
from handoff.read.sameunits import restated
from handoff.read.sharedwhole import in_whole_bracket, in_whole_clause, whole_title
from handoff.read.testrig import rig_spans
from handoff.read.tfdefaults import tool_default
from handoff.read.totals import bare_totals, totals_win
from handoff.read.underneath import without_platform
from handoff.read.urlchange import moved_to
from handoff.read.verdict import without_not_taken
from handoff.read.vmtemplate import template_spans
from handoff.read.vocab import Found, mask
from handoff.read.waitedfor import in_time_clause
from handoff.read.withdrawn import withdraws_before

_MONTH_DOT = "".join(
    f"(?<!{m}\\.)"
    for m in ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
)
_MONTH_DOT += "".join(  # nor does an approximation's or a number sign's before a figure: "approx. 7,4 GB"
    f"(?<!\\b{a}\\.)" for a in ("approx", "Approx", "appr", "ca", "Ca", "circ", "est", "No", "no", "Nr", "nr")
)
# a clause counting a part of the one before ("…; 2,400 of them are synced") is no sentence of its own
_OF_THEM = r"(?:only\s+|just\s+)?(?:about\s+|~\s*)?\d[\d,.]*\s+of\s+(?:them|these|those)\b"
_SENTENCE = opened(
    re.compile(  # (a month's abbreviation before a day ends no sentence: "Sept. 14th 2026")
        rf"(?<=[.!?])(?:{_MONTH_DOT}\s+(?=\d)|\s+(?=[A-Z(\"'“]|[a-z][a-z0-9]*[-_][a-z0-9]))|;\s+(?!{_OF_THEM})|\n+"
        # a note's question and its answer after an arrow ("… instead of 4x 4xl? → no, keep 4"): two
        r"|(?<=\?)\s+(?=→|->|=>|⇒)"
    )
)
URL_HINT = re.compile(
    r"\b(?:reach(?:ed|able)?|url|endpoint|address|served|browse|open(?:s|ed)? at|access(?:ed|ible)?|"
    r"get to|go to|available at|log in|sign in)\b",
    re.IGNORECASE,
)
_CODE = quick(
    r"\b(?:code|repositor|repos?\b|host|index|mirror|sync|project|depot|organi[sz]ation|group|workspace|"
    r"lives?\b|kept|keeps|source)",
    re.IGNORECASE,
)


def may_speak_of_code(text: str) -> bool:
    """False only when `_CODE` finds nothing in `text`, nor in `text` with names blanked (`mask`): its
    literal pieces are letters, which blanking never makes (a quick no before the names are found)."""
    return bool(getattr(_CODE, "possible", lambda _: True)(text))


_REPO_NAME = r"[A-Za-z0-9][\w.-]*[-_.][\w.-]*[A-Za-z0-9]"  # a repository's name: has a - _ or . in it
_LARGEST_NAMED = re.compile(
    rf"(?<![\w./-])(?P<name>{_REPO_NAME}) (?:is|was) [^.;]*?\b(?:largest|biggest)\b"
    rf"|\b(?:largest|biggest) (?:repository|repo) is (?P<name2>{_REPO_NAME})(?![\w./-])",
    re.IGNORECASE,
)
# A name set off by commas right after the noun it names: the sentence's subject goes on after it.
_APPOSITIVE = re.compile(  # ", litho-control,", ", the vehicle-platform repository,"
    r",\s*(?:the\s+)?[\w./-]+(?:\s+(?:repository|repo|depot|project))?(?:\s+\([^)]*\))?\s*,"
)
_ONE_MONOREPO = (
    re.compile(  # the deployment has one monorepo: "the only monorepo", "1 monorepo", "one monorepo"
        r"\b(?:only|sole|single|one|1)\s+(?:\w+\s+)?monorepo\b(?!s)", re.IGNORECASE
    )
)


# The number words and unit words every figure written without a digit has (`ProseReading._may_hold`)
_SPELT_OR_UNIT = Pieces(shapes.SPELT, shapes._UNIT_WORDS, shapes._WORD_THEN_UNIT, shapes._WORD_THEN_CPU)
_NAMED_LARGEST_OR_DAY = Pieces(
    _LARGEST, shapes._ORDINAL_DATE
)  # "claims-engine is the largest"; "the third of August"

_TRAILING_CLAUSE = re.compile(r",\s+(?=[a-z]+ing\b)")  # ", leaving room …", ", bringing the total to …"


def _without_growth_clause(sentence: str) -> str:
    """A sentence without its trailing participle clause when only that clause speaks of growth: the
    main clause states a figure of today ("The repositories occupy 2.9 TB, leaving room for the
    forecast"); the clause's own figures are growth and are dropped with it."""
    parts = _TRAILING_CLAUSE.split(sentence, maxsplit=1)
    if len(parts) == 2 and is_growth(parts[1]) and not is_growth(parts[0]):
        return parts[0]
    # "… ceiling of 2,000 repositories before the cluster has to grow": what reaching it means
    return without_reach_clause(sentence) if is_growth(sentence) else sentence


def _as_written(f: Fact, read: str, written: str, offset: int) -> Fact:
    """A fact read from a text whose counts in words were put in digits (`read`), with its words as
    written, when its text is the part of the text at its place."""
    at = f.start - offset
    if at >= 0 and read[at : at + len(f.text)] == f.text:
        return replace(f, text=written[at : at + len(f.text)].strip() or f.text)
    return f


_REST_SMALLER = quick(  # "everything else is small", "all other repositories are under 500 MB"
    r"\b(?:everything else|the rest|all (?:the )?others?|all other (?:repositor(?:y|ies)|repos)|every other "
    r"(?:repositor(?:y|ies)|repo))\b[^.;]{0,40}?\b(?:is|are)\s+(?:\w+\s+)?"
    r"(?:small(?:er)?|tiny|under|below|less than)",
    re.IGNORECASE,
)
_SIZED_NAME = re.compile(
    rf"(?<![\w./-]){_REPO_NAME}(?:,|:|\s+is|\s+at|\s*\()\s*(?:about\s+|~)?$"
)  # "mono-ehr, "
_TERM = r"\d+(?:\.\d+)?\s*[×x*]\s*\d+(?:\.\d+)?"
_SUM = rf"{_TERM}(?:\s*\+\s*(?:{_TERM}|\d+(?:\.\d+)?))+(?:\s*[A-Za-z]+)?"
_WORKED = re.compile(rf"\(\s*{_SUM}(?:\s*[;,]\s*{_SUM})*\s*\)")  # "(4×16 + 2×8 vCPU; 4×64 + 2×64 GiB)"


def _without_working(text: str) -> str:
    """`text` with the worked sums in brackets blanked (same length): products added up with no
    result of their own are the working of the figure they follow, no figures."""
    if "(" not in text:
        return text
    text = sockets.without_breakdown(text)  # "32 (4 sockets, 8 cores per socket)": the figure's working
    return _WORKED.sub(lambda m: " " * len(m.group(0)), text)


_NOUN_AFTER = re.compile(r"[ -]+[A-Za-z]+(?:[ -][A-Za-z]+)?")  # the noun a name qualifies: up to two words
_SIGN_IN = re.compile(  # the sign-in: a cloud named for it is the identity provider's, not the hosting
    r"\b(?:sso|saml|oauth|oidc|sign[- ]?in|signs in|log[- ]?in|logs in|single sign-on|identity provider|idp|"
    r"authentication|mfa|active directory|(?-i:AD)|entra)\b",
    re.IGNORECASE,
)
_RUNS_ON = re.compile(
    r"\b(?:runs?|running|hosted|deployed|installed|cluster|region|subscription|vms?|nodes?)\b",
    re.IGNORECASE,
)


# the brackets right after a code host's name, its version or edition between ("Azure DevOps Server 2022
# (on-premises, …)", "GitLab 16.11 EE (self-managed")
_AFTER_HOST = re.compile(r"\s*(?:(?:v?\d+(?:\.\d+)*|[A-Z]{2,3}|LTS|R\d|SP\d|CU\d+)\s*){0,2}\([^()]*")


# the code host as the subject of a clause placing it: "the Perforce server sits on-premises in Lyon",
# "GitLab itself still runs in their data centre", "Bitbucket is hosted on-prem"
_HOST_PLACED = re.compile(
    r"(?:\s+(?:server|instance|appliance|box|vm|host|itself|installation))?"
    r"\s+(?:(?:still|also|itself)\s+)?(?:is|are|was|were|sits?|lives?|runs?|stays?|remains?)"
    r"(?:\s+(?:still|also|hosted|kept|installed|located|running|deployed))?\s+(?:(?:still|also)\s+)?"
    r"(?:(?:in|at|on)\s+)?(?:(?:the|their|its|our|a)\s+)?(?:own\s+)?",
    re.IGNORECASE,
)


def _of_host(s: str, x: Found, hosts: list[Found]) -> bool:
    """Whether a cloud or platform word describes a code host: in the brackets right after the host
    ("GitHub Enterprise Server (on-premises appliance)"), right before it ("the on-prem GitLab"), or
    as where the clause whose subject it is places it ("the Perforce server sits on-premises")."""
    for h in hosts:
        if h.end <= x.start and (
            _AFTER_HOST.fullmatch(s[h.end : x.start]) or _HOST_PLACED.fullmatch(s, h.end, x.start)
        ):
            return True
        if x.end <= h.start and re.fullmatch(r"[\s-]*", s[x.end : h.start]):
            return True
    return False


_JOINER_LINE = re.compile(r"\n[ \t]*(→|->|–|—|to|until|till|through)[ \t]*\n", re.IGNORECASE)


def _union_hosts(facts: list[Fact]) -> list[Fact]:
    """The code hosts named in one text, per environment, as one list (in order of first naming)."""
    hosts: dict[str, list[Fact]] = {}
    for f in facts:
        if f.field == "code_hosts":
            hosts.setdefault(f.section, []).append(f)
    if all(len(v) < 2 for v in hosts.values()):
        return facts
    out = [f for f in facts if f.field != "code_hosts"]
    for fs in hosts.values():
        names = host_names(
            [p for f in fs for p in zip(f.value.split(", "), f.text.split(", "), strict=False)]
        )
        out.append(replace(fs[0], value=", ".join(v for v, _ in names), text=", ".join(w for _, w in names)))
    return out


def host_names(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(canonical, as written) code hosts, each once, in order; a bare family name ("Bitbucket") is
    dropped when the text also names a member of that family ("Bitbucket Data Center")."""
    out: dict[str, str] = {}
    for value, written in pairs:
        family = written.casefold()
        bare = " " not in family and "." not in family
        if bare and any(
            re.search(rf"(?<![\w.]){re.escape(family)}(?![\w.])", w.casefold()) and " " in w
            for v, w in pairs
            if v != value
        ):
            continue
        out.setdefault(value, written)
    return list(out.items())


# `dates._DONE`'s words with a look at what follows them, and the words a relative date needs
_CUT_WORDS = ("live", "handover", "after", "later", "next day", "following day")


# a count of a type's slots (an Outpost's, a reservation's), not of machines running: "12x m5.4xl slots"
_SLOTS = re.compile(r"\s*(?:capacity\s+)?slots?\b", re.IGNORECASE)


def _relative_day(
    s: str, dates: list[shapes.Match], anchor: str, led: tuple[str, re.Match[str]] | None, before: str
) -> tuple[str, re.Match[str]] | None:
    """The relative day of a sentence with no date (`read.relative`: "Two days later …", counted from
    `anchor`); a clause joined to the one before by a semicolon has that one's (`led`: "the following
    Monday — tests passed; production build complete"). None when it has none."""
    if dates or not anchor:
        return None  # (with nothing to count from, a relative date names no day)
    lead = relative.lead_day(s, anchor)
    return led if lead is None and before.rstrip().endswith(";") else lead


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _SENTENCE.finditer(text):
        if text[start : m.start()].strip():
            yield start, text[start : m.start()]
        start = m.end()
    if text[start:].strip():
        yield start, text[start:]


_STAMP = re.compile(r"\s*(?:[:|]|\s[—–-])\s")  # a log entry's date ends before its event


def _entry_day(text: str, year: str) -> str:
    """The day a log entry opens with ("09 Mar 2026: Production VM cloned; installation started",
    "2026-05-18 — …"): its clauses joined by semicolons each happened that day (a clause naming no
    date of its own reads it as a day's heading dates its lines); "" when the text opens otherwise."""
    first = next(shapes.dates(text[:40], year), None)
    if first is None or text[: first.start].strip() or not _STAMP.match(text, first.end):
        return ""
    return first.value


_DAY_WORDS = re.compile(
    r"[\W_]*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?[\W_]*)?", re.I
)


def _day_sentence(sentence: str, year: str) -> str:
    """The day a sentence that is only a date names ("20 April 2026.", "Thu 8 May." opening a log's
    entry): the sentences after it in its paragraph happened that day, as under a day's heading; ""
    for any other sentence."""
    if len(sentence) > 40 or not shapes.DIGIT.search(sentence):
        return ""
    found = list(shapes.dates(sentence, year))
    if len(found) != 1:
        return ""
    rest = sentence[: found[0].start] + " " + sentence[found[0].end :]
    return found[0].value if _DAY_WORDS.fullmatch(rest) else ""


def _in_entry(sentence: str, ctx: Context, dates: list[shapes.Match], entry: str) -> tuple[Context, str]:
    """A sentence's context and the entry day in force after it: a sentence that is only a date opens
    a log's entry (`_day_sentence`); a later sentence with no date of its own is dated by it."""
    if ctx.day:
        return ctx, entry
    if dates:
        return ctx, _day_sentence(sentence, ctx.year) or entry
    return (replace(ctx, day=entry) if entry else ctx), entry


def _on_entry_day(ctx: Context, stamp: str, text: str, start: int) -> Context:
    """The context of a log entry's clause after the first (after a semicolon, or a sentence of its
    own: "24 July 2026 – Cutover: DNS repointed. Migration complete."): dated by the entry's day
    (`stamp`)."""
    if stamp and start:
        return replace(ctx, day=stamp)
    return ctx


def _of_before(sentence: str, joined: bool) -> bool:
    """Whether `sentence` says the machines of the sentence before are outside: after a semicolon, or
    as a sentence of no figures of its own ("None of that is ours.")."""
    return (joined or not shapes.DIGIT.search(sentence)) and outside.said_of_before(sentence)


def _not_ours_from(sentence: str, before: bool) -> bool:
    """Whether the sentences from `sentence` on are under a run-in title saying they are not ours: the
    sentence is such a title ("Platform capacity (for context only)."), or another title ends the one
    before; else as `before`."""
    heading = leadins.title(sentence) if sentence.lstrip()[:1].isupper() else ""
    return whole_title(heading, label=True) if heading else before


class ProseReading(FactParts):
    """FactReader's reading of prose: sentence by sentence; instance types, names, URLs."""

    # -- prose -------------------------------------------------------------------------------
    def prose(self, text: str, ctx: Context, offset: int = 0) -> list[Fact]:
        text = _without_working(text)  # "80 vCPU (4×16 + 2×8 vCPU)": the working of the figure before
        text = without_left_out(text)  # "4 × m6i.4xlarge (the 2 × t3.medium ingress pair is not counted)"
        text = without_not_taken(text, self.not_done)  # "… 5 × m6i.4xlarge; declined": an offer turned down
        written = text
        text = shapes.spelt_digits(text)  # "three hundred from Bitbucket, fifteen hundred in total"
        if text is not written:
            return [_as_written(f, text, written, offset) for f in self._prose(text, ctx, offset)]
        return self._prose(text, ctx, offset)

    def may_date(self, text: str, ctx: Context) -> bool:
        """False only when `text` read as prose under `ctx` gives no start or completion date: every
        such date is a date's event told by a start or end word (`dates._START`, `_DONE`, the words of
        a heading's day and of an event pointed back; relative dates and a role's bracket take theirs
        too), a range of dates, or a date under a date topic; looked for in the text as written and as
        `prose` reads it. The reader looks for those words in a date's clause, cut where a date opens or
        ends (which no word character touches); the words it takes only when no word follows them
        (`live`, `handover`) may end a cut clause, so a text with them is read, as is one with the words
        of a relative date (`read.relative`). (A text of several lines is read: its lines may join into
        a range.)"""
        if ctx.topic in _DATE_TOPICS or "\n" in text:
            return True
        read = shapes.spelt_digits(without_not_taken(without_left_out(_without_working(text)), self.not_done))
        if any(w in t.lower() for t in {text, read} for w in _CUT_WORDS):
            return True  # (a clause cut before a date may end on one: "… nodes live | March 3")
        events = (_START, _DONE, _START_EVENT, _DONE_EVENT, STARTS, ENDS, _COMMAND_FIRST)
        return any(p.search(t) for t in {text, read} for p in events) or any(
            next(shapes.ranges(t, ctx.year), None) is not None for t in {text, read}
        )

    def _prose(self, text: str, ctx: Context, offset: int = 0) -> list[Fact]:
        facts: list[Fact] = []
        opening = self._opening(text, ctx)
        if opening is None:
            return []  # (no figure, date, number word, name, address or URL: no sentence gives a fact)
        text, ctx = opening
        before: shapes.Match | None = None  # the last date of the sentence before (its place in `text`)
        last = 0  # where the facts of the sentence before start (their offsets)
        held = 0  # where the facts of the last sentence that gave any start
        limited = False  # the clause before was about limits
        said: tuple[str, Context] | None = None  # the sentence before, for the environment at its end
        others = self.other_subjects.spans(text)  # "Jenkins runs on 4 × c5.2xlarge; Sourcegraph runs on …"
        not_ours = False  # a run-in title said the rest of the paragraph is not Sourcegraph's
        stamp = "" if ctx.day or (";" not in text and ". " not in text) else _entry_day(text, ctx.year)
        entry = ""  # the day a sentence of its own opening a log's entry named ("20 April 2026. …")
        anchor = ctx.anchor  # the day told last: what a relative date counts from (`read.relative`)
        led: tuple[str, re.Match[str]] | None = None  # the clause before's relative day
        run: list[tuple[int, str]] = []  # the sentences since the last growth or question: (offset, text)
        for start, sentence in _sentences(text):
            sentence = _without_growth_clause(sentence)  # "…, leaving room for the forecast below"
            sentence = leadins.without_number(sentence)  # "3.1 Monorepos: 2": the item's number, no count
            not_ours = _not_ours_from(sentence, not_ours)  # "2.5 Platform capacity (for context only)."
            own = withdraws_before(sentence)  # "… . That proposal was superseded: production runs …"
            if own is not None:
                facts = [f for f in facts if f.start < last]  # the sentence before is history
                start, sentence = start + own, sentence[own:]
                if not sentence.strip():
                    before, last = None, len(text)
                    continue
            if (
                is_growth(sentence)
                or is_suggestion(sentence)
                or sentence.rstrip().endswith("?")
                or workings.estimated(sentence)  # "the estimate was 40 vCPU"
                or workings.would_not_do(sentence)  # "Three nodes (384 GiB) would not."
            ):
                before, limited, said, run = None, False, None, []
                continue  # expected growth, or a question: not a fact about the deployment
            sctx = replace(ctx, limit=True) if is_limit_sentence(sentence) else ctx  # (no name's aside)
            sctx = _on_entry_day(sctx, stamp, text, start)  # "09 Mar 2026: VM cloned; installation started"
            dates = list(shapes.dates(sentence, ctx.year))
            sctx, entry = _in_entry(sentence, sctx, dates, entry)  # "20 April 2026. … I started the build"
            led = _relative_day(sentence, dates, anchor, led, text[max(0, start - 3) : start])
            sctx = replace(sctx, day=led[0]) if led is not None and led[0] else sctx  # "Two days later …"
            shift = start + offset
            back = replace(before, start=before.start - start) if before else None  # (to this sentence)
            self.said_before, self.said_after = text[:start], text[start + len(sentence) :]
            found = self.sentence(sentence, sctx) + self._pointed_back(sentence, sctx, back)
            found = self.other_subjects.without_others(found, start, others)
            found = nolimit.without_denied(text, start, found)  # "No repository cap; … sized for 2,000"
            found = with_all_instances(sentence, found)  # "Across both instances … 3,520 repositories"
            found = [
                f for f in found if not (f.field in outside.FIELDS and in_whole_clause(sentence, f.start))
            ]
            found = [f for f in found if not (not_ours and f.field in outside.FIELDS)]  # (the whole's)
            self.said_before = self.said_after = ""
            joined = text[max(0, start - 3) : start].rstrip().endswith(";")  # one sentence, two clauses
            if joined and limited and not sctx.limit:  # "Licensed for 1,200 users; a peak of 180 at once"
                found += self._peaks(sentence, replace(sctx, limit=True))
            limited = sctx.limit
            # "The acceptance copy holds …; its repos come to 70 GB": where the clause before ended
            if joined and said is not None and self.env_at(said[0], len(said[0]), said[1]) == "trial":
                found = [self._clause_env(f, sentence, "trial") for f in found]
            # "we had 1,200 repos at go-live; it is 1,650 now": the figure before is history
            facts, found = pastnow.replaced(said, sentence, facts, found, last, run)
            run.append((start + offset, sentence))
            facts, found = _undone(sentence, facts, found, last)  # "… 5 × …; rolled it back on 9 Sep"
            said = (sentence, sctx)
            if _of_before(sentence, joined):  # "…; they … are not part of it", "None of that is ours."
                # (across a sentence of no facts that goes on about them: "HVC-02 is four hosts, 192
                # cores … That is the platform team's estate and it carries 300 other VMs. None of it
                # is ours.")
                reach = last if last < len(text) or not outside.said_of_all(sentence) else held
                facts = [f for f in facts if f.field not in outside.FIELDS or f.start < reach]
            if outofscope.out_of_scope(sentence):  # "…; it is not in the scope of this IQ": another system
                found = [replace(f, section="trial") for f in found]
                if outofscope.said_of_before(sentence):
                    facts = [f if f.start < last else replace(f, section="trial") for f in facts]
            last = len(text) if not found else start + offset
            held = last if found else held
            facts += [replace(f, start=f.start + shift) if shift else f for f in found]
            before = replace(dates[-1], start=dates[-1].start + start) if dates else None
            anchor = relative.next_anchor(anchor, dates, led)
        facts += [replace(f, start=f.start + offset) for f in _span(text, ctx.year, facts)]
        if _REST_SMALLER.search(text) and not any(f.field == "largest_repo_mb" for f in facts):
            facts += self._only_sized(text, ctx, offset, {f.start for f in facts})
        facts = self._summed_across(text, ctx, offset, facts)
        facts = self._connected_only(text, facts)
        # "The array is 20 TB; Sourcegraph was allocated 2.6 TB of it": the part, not the whole
        facts = storagepool.shares(text, facts, lambda at: self.env_at(text, at, ctx), offset)
        facts = restated(text, facts, offset)  # "3,650 MB; du reports 3.4 GiB for the same repository"
        return _union_hosts(
            totals_win(
                bare_totals(
                    stated_limits_win(facts),
                    partial(amount_named_last, text, offset),
                    partial(apart, text, offset),
                )
            )
        )

    def _opening(self, text: str, ctx: Context) -> tuple[str, Context] | None:
        """The text as its sentences are read and its context, or None when it can give no fact."""
        if "\n" in text:  # "12 May 2026" / "until" / "29 May 2026": one range written over three lines
            text = _JOINER_LINE.sub(lambda m: " " + m.group(1) + " ", text)
        stamp = stamps.trailing_stamp(text, ctx.year)  # "… has started. Aug 3, 08:00 UTC": its day
        if stamp is not None:
            text, ctx = text[: stamp.start], replace(ctx, day=stamp.value)
        if not self._may_hold(text, ctx):
            return None
        if (  # "Everything on our GitHub Enterprise Server. … 2,586 repos"
            not ctx.about_code
            and may_speak_of_code(text)
            and _CODE.search(mask(text, self.code_hosts.find(text)))
        ):
            ctx = replace(ctx, about_code=True)
        return text, ctx

    def _may_hold(self, text: str, ctx: Context) -> bool:
        """False only when no sentence of `text` gives a fact. Every sentence (a part of `text` cut
        where no word goes on) and the text around it need one of: a digit (figures, dates, counts,
        instance types, the sums across sentences), a number word or a unit's word (figures spelt
        out: the pieces of `SPELT`, `_UNIT_WORDS`, `_WORD_THEN_UNIT`, `_WORD_THEN_CPU`), a day in
        words (`ordinal_date`'s pieces), the day of a heading (`_dated_by_heading`), a URL, the
        monorepos, the largest repository by name (`_LARGEST`'s pieces), or what `_names` needs: a
        vocabulary name (a name in a part of a text is one in the text: the same words) or a
        platform word or host address (`_may_name`: pieces). A text with none is not read."""
        return bool(
            shapes.DIGIT.search(text)
            or "://" in text
            or ctx.day
            or (ctx.anchor and relative.may_lead(text))
            or ctx.topic == "monorepos"
            or _SPELT_OR_UNIT.possible(text)
            or _NAMED_LARGEST_OR_DAY.possible(text)
            or "monorepo" in text.casefold()
            or self.code_hosts.find(text)
            or self._may_name(text)
        )

    def _clause_env(self, f: Fact, clause: str, env: str) -> Fact:
        """A fact of a clause joined to the one before by a semicolon is in the environment that clause
        ended in, unless its own words name one before the fact."""
        return f if self.env.at(clause, f.start, "") else replace(f, section=env)

    def _summed_across(self, text: str, ctx: Context, offset: int, facts: list[Fact]) -> list[Fact]:
        """The hosts' counts and their sum in different sentences or clauses of one paragraph ("1,140
        repos in Azure DevOps, 85 in GitLab; 1,225 repos"): the arithmetic reads them as one statement."""
        if ctx.limit or (";" not in text and ". " not in text) or is_limit(text):
            return facts
        summed = self._host_sum(text, ctx)
        total = next((f for f in summed if f.role == "total"), None)
        if total is None or any(f.field == "repositories" and f.value == total.value for f in facts):
            return facts
        shifted = [replace(f, start=f.start + offset) for f in summed]
        return [f for f in facts if f.field != "repositories"] + shifted

    def _pointed_back(self, s: str, ctx: Context, before: shapes.Match | None) -> list[Fact]:
        """A sentence with no date saying that what the sentence before told started or completed the
        production build ("… applied the same morning. This was the start of the production build."):
        the build's date is that sentence's last date."""
        if before is None or next(shapes.dates(s, ctx.year), None) is not None:
            return []
        name = event_pointed_back(s)
        env = self.env_at(s, len(s), ctx)
        if name is None or env == "trial" or not (env == "production" or BUILD.search(s)):
            return []
        return [Fact(name, before.value, before.text, "date (pointed back)", env, "", before.start)]

    def _connected_only(self, text: str, facts: list[Fact]) -> list[Fact]:
        """The facts of a paragraph without the code hosts its statements say are not connected
        (a later sentence or clause about the host: "… . The customer decided not to connect it"),
        nor those hosts' repository counts."""
        if not any(f.field in ("code_hosts", "repositories") for f in facts):
            return facts
        off = connection.unconnected(text, self.code_hosts.find(text))
        return connection.without_hosts(facts, off) if off else facts

    def _only_sized(self, text: str, ctx: Context, offset: int, taken: set[int]) -> list[Fact]:
        """A paragraph that gives one repository's size and says the rest are smaller ("mono-ehr, 3.2
        GiB packed. everything else is small"): that size is the largest repository's."""
        sized = [
            m for m in shapes.sizes(text)
            if m.start + offset not in taken and _SIZED_NAME.search(text[max(0, m.start - 60) : m.start])
        ]  # fmt: skip
        if len(sized) != 1:
            return []
        m = sized[0]
        env = self.env_at(text, m.start, ctx)
        return [
            Fact(
                "largest_repo_mb",
                m.value,
                m.text,
                "the one size, the rest smaller",
                env,
                "",
                m.start + offset,
            )
        ]

    def _one_monorepo_size(self, s: str, ctx: Context, facts: list[Fact]) -> list[Fact]:
        """The one size of a sentence about the deployment's only monorepo ("The only monorepo,
        network-telemetry (about 9.3 GB), …", "Monorepos: 1 (payments-mono, .git 9.8G)"): the largest
        repository's, weakly (a size the document calls the largest wins; `read.gather`)."""
        one = _ONE_MONOREPO.search(s) or (ctx.topic == "monorepos" and re.match(r"\W*(?:1|one)\b", s, re.I))
        counted = [f for f in facts if f.field == "monorepos" and f.role != "mention"]
        if not one and len(counted) == 1 and counted[0].value == "1":  # "only one is a monorepo, …"
            one = re.compile(re.escape(counted[0].text)).search(s, counted[0].start)
        sized = list(shapes.sizes(s))
        if not one or len(sized) != 1 or _DISK.search(on_disk_after(s, sized[0].end)) or _MEMORY.search(s):
            return []  # (a size "on disk" is where the monorepo is kept: no disk named)
        for f in facts:  # a size said of the monorepo, its clause's subject, is no total of the repositories
            named = bool(_APPOSITIVE.match(s, one.end()))  # "The only monorepo, litho-control, weighs …"
            subject = f.field == "total_repo_size_gb" and one.start() < f.start and named
            if f.start == sized[0].start and not subject:
                return []
        m = sized[0]
        return [
            Fact(
                "largest_repo_mb",
                m.value,
                m.text,
                "size (monorepo)",
                self.env_at(s, m.start, ctx),
                "",
                m.start,
            )
        ]

    def url_env(self, sentence: str, m: shapes.Match, ctx: Context) -> str:
        """A URL's environment: its host's when its name carries one (`sg-dev.example.com`), else
        the one in force where it is written."""
        return "trial" if self.env.of_address(m.value) == "trial" else self.env_at(sentence, m.start, ctx)

    def env_at(self, sentence: str, pos: int, ctx: Context) -> str:
        return "trial" if ctx.section == "trial" else self.env.at(sentence, pos, ctx.section)

    def sentence(self, s: str, ctx: Context) -> list[Fact]:
        facts: list[Fact] = []
        if shapes.DIGIT.search(s) or shapes.spelt_size(s):  # "at about eleven gigabytes"
            found = changed(s, self._instances(s, ctx) + self._numbers(s, ctx))
            facts += first_built(s, found, self.catalogue.instance_types)
            facts += self._dates(s, ctx)
        elif ctx.year and shapes.ordinal_date(s):  # "signed off on the twenty-first of August"
            facts += self._dates(s, ctx)
        if ctx.day and not any(f.field in _DATE_TOPICS for f in facts):
            facts += self._dated_by_heading(s, ctx)
        facts += self._names(s, ctx)
        if not is_technical_limit(s):
            facts += changed(s, self._counts(s, ctx))  # "we had 1,200 repos at launch; it is 1,650 now"
        if not any(f.field == "largest_repo_mb" for f in facts) and (
            ctx.topic == "monorepos" or "onorepo" in s
        ):
            one = self._one_monorepo_size(s, ctx, facts)
            at = one[0].start if one else -1
            facts = [f for f in facts if not (f.field == "total_repo_size_gb" and f.start == at)]
            facts += one
        if not any(f.field == "largest_repo_mb" for f in facts):
            named = _LARGEST_NAMED.search(s) if _LARGEST.search(s) else None  # (it has the word)
            if named:  # "claims-engine is … the largest repository": its size may be written by its name
                name = named.group("name") or named.group("name2")
                env = self.env_at(s, named.start(), ctx)
                facts.append(Fact("largest_repo_mb", name, named.group(0), "largest, by name", env, "name"))
        for m in shapes.urls(s) if "://" in s else ():
            hinted = URL_HINT.search(s[max(0, m.start - 40) : m.start])
            moved = moved_to(s, m.start)  # "hostname moved to https://…": the address now
            if hinted or moved or (ctx.topic == "instance_url" and self.site_address(m.value)):
                env = self.url_env(s, m, ctx)
                facts.append(Fact("instance_url", m.value, m.text, "URL", env, "", m.start, new=moved))
                break
        gone = (  # "the old VM (32 vCPU, …)", "The Hound box (…) stays up …"
            [*old_things(s), *going_away(s), *contingent(s), *old_clauses(s), *interim(s), *template_spans(s)]
            if facts
            else []
        )
        planned = conditional_machines(s) + rig_spans(s) if facts else []  # "If they grow, …", "load agents"
        if gone or planned:
            facts = [replace(f, section="trial", how=f"{f.how} {OLD_THING}")
                     if any(a <= f.start < b for a, b in gone)
                     or (f.field in outside.FIELDS and any(a <= f.start < b for a, b in planned))
                     else f for f in facts]  # fmt: skip
        facts = _outside_left(s, facts) if facts else facts
        facts = without_platform(s, facts)  # "the Nutanix cluster itself (four … nodes) has …"
        facts = with_both_sites(s, facts, outside.FIELDS)  # "Across both regions the footprint is … 96 vCPU"
        facts = managed.left_out(s, facts, outside.FIELDS)  # "RDS for PostgreSQL (…, 2,000 GB io2)": no disk
        return facts

    def _instances(self, s: str, ctx: Context) -> list[Fact]:
        groups: dict[tuple[str, bool], list[shapes.Match]] = {}
        found = [nodecount.uncounted(s, m) for m in shapes.instances(s)]
        if not found:
            return []  # (no machine type: nothing below reads one)
        found = [m for m in found if not bought_for(s, m.start)]  # "Reserved Instances bought for: 4 × …"
        found = [m for m in found if not _SLOTS.match(s, m.end)]  # "12x m5.4xl slots": room for machines
        found = [m for m in found if not in_whole_bracket(s, m.start)]  # "the shared cluster (12 × …)"
        found = [m for m in found if not ceiling(s[: m.start])]  # "you may see up to 6 E16s nodes": a bound
        bare = [m for m in found if shapes.bare(m) or permachine.ARTICLE.match(m.text)]
        counted = False  # a count of one stated apart from a type of the document's own catalogue
        if len(found) == 1 and bare:  # "6 nodes · c6i.8xlarge", "MEM-XXL, 1 VM": the count is the machines'
            count = permachine.machine_count(s, bare[0].start, types=False)
            if count is not None:
                kind = bare[0].value.split(" × ", 1)[1]
                found = [replace(bare[0], value=f"{count} × {kind}")]
                counted = shapes.own_type(kind) or (count == 1 and permachine.one_beside(s, bare[0]))
        old = old_spans(s)  # "from 4 × c6i.4xlarge to 4 × m6i.4xlarge": two sides, two facts
        for m in found:
            if counted or not shapes.bare(m):  # a type named without a count is a mention, not the deployment
                side = any(a <= m.start < b for a, b in old)
                groups.setdefault((self.env_at(s, m.start, ctx), side), []).append(m)
        return [
            Fact("instance_types", ", ".join(m.value for m in ms), s[ms[0].start : ms[-1].end],
                 "instance shape", env, "", ms[0].start)
            for (env, _), ms in groups.items()
        ]  # fmt: skip

    def _names(self, s: str, ctx: Context) -> list[Fact]:
        """Deployment type, cloud and code hosts named in a sentence (not after "rather than", "not" …)."""
        facts: list[Fact] = []
        everything = self.code_hosts.find(s)  # (refined: "their GitLab at gitlab.acme.de" is self-managed)
        if not everything and not self._may_name(s):
            return []  # (no name of any vocabulary, no platform word, no host's address)
        masked = mask(s, everything)
        about = (
            ctx.topic in ("code_hosts", "repositories") or ctx.about_code
        )  # "Repositories: 1,200, all on GitHub"
        coded = about or _CODE.search(masked) is not None  # (the hosts are read only then: below)
        hosts = _taken_hosts(s, masked, everything) if coded and everything else []
        facts += self.platform(s, ctx, everything, masked)
        if coded:  # a host named only by its address ("repos on gitlab.acme.de")
            hosts = sorted(hosts + hostaddress.by_address(s, everything), key=lambda x: x.start)
        if hosts and coded:
            by_env: dict[str, list[Found]] = {}
            for x in hosts:
                by_env.setdefault(self.env_at(s, x.start, ctx), []).append(x)
            for env, xs in by_env.items():
                names = host_names([(x.value, s[x.start : x.end]) for x in xs])
                values, written = ", ".join(v for v, _ in names), ", ".join(w for _, w in names)
                facts.append(Fact("code_hosts", values, written, "named", env, "", xs[0].start))
        return facts

    def _may_name(self, s: str) -> bool:
        """False only when a sentence naming no code host gives `_names` nothing: a deployment type
        or a cloud named (`platform`: a cloud is looked for in the text with the hosts' names blanked,
        the text itself when there are none), a word of the customer's own platform (`on_premises`'s
        pieces), or a host named by its address (`hostaddress.by_address`, asked only for some)."""
        return bool(
            self.deployment.find(s)
            or self.hosting.find(s)
            or getattr(self.on_premises, "possible", lambda _: True)(s)
            or hostaddress.may_name_host(s)
        )

    def platform(
        self, s: str, ctx: Context, hosts: list[Found] | None = None, masked: str | None = None
    ) -> list[Fact]:
        """The deployment type and the cloud a sentence names (not after "rather than", "not" …; of
        the options it weighs, the one it says was chosen). A cloud is not where the deployment runs
        when it describes a code host ("GitHub Enterprise Server (on-premises appliance)") or the
        sign-in ("the Azure AD of the group (SAML)"); a platform of the customer's own data centre
        (vSphere, "our data centre", "no cloud") means on-premises, weaker than a cloud named."""
        hosts = self.code_hosts.find(s) if hosts is None else hosts
        masked = mask(s, hosts) if masked is None else masked  # (the code hosts' names blanked)
        clouds = [x for x in self.hosting.find(masked) if not _of_host(s, x, hosts)]
        clouds = on_site_first(masked, clouds, self.hosting.find)  # "EKS … on the AWS Outposts rack"
        if clouds and _SIGN_IN.search(s) and not _RUNS_ON.search(s):
            clouds = []
        own = [] if clouds else self._own_platform(masked, hosts)
        facts: list[Fact] = []
        for found, name, how in (
            (self.deployment.find(s), "deployment_type", "named"),
            (clouds, "hosting_provider", "named"),
            (own, "hosting_provider", "named (platform)"),
        ):
            for x in weighed(s, found)[:1] if found else ():  # of the options it weighs, the one chosen
                if name == "deployment_type" and _COPIES_AFTER.match(s, x.end):
                    continue  # "the AMI snapshots give a quick rollback": the copies, not how it is deployed
                env = self.env_at(s, x.start, ctx)
                after = _NOUN_AFTER.match(s, x.end)  # "the Sourcegraph-managed trial": the trial's
                env = "trial" if after and self.trial_nouns.search(after.group(0)) else env
                new = switched_to(s, x)  # "… and moved to Kustomize": the names before it are history
                facts.append(Fact(name, x.value, s[x.start : x.end], how, env, "", x.start, new))
        return facts

    def _own_platform(self, s: str, hosts: list[Found]) -> list[Found]:
        return [
            Found(m.start(), m.end(), "on-premises")
            for m in self.on_premises.finditer(s)
            if not _of_host(s, Found(m.start(), m.end(), ""), hosts)
        ]


# a deployment's name before a noun of its copies names them, not the method: "AMI snapshots", "image backups"
_COPIES_AFTER = re.compile(r"[\s-]*(?:snapshots?|backups?|cop(?:y|ies))\b", re.IGNORECASE)


def _taken_hosts(s: str, masked: str, everything: list[Found]) -> list[Found]:
    """The code hosts a sentence names as the deployment's (`masked`: the sentence with their names
    blanked): none not taken, not connected, of the tooling only, left behind, being moved away from,
    or named in a clause of time."""
    hosts = [x for x in everything if not NOT_TAKEN_BEFORE.search(s[max(0, x.start - 32) : x.start])]
    off = connection.unconnected(s, hosts)  # "The Bitbucket Cloud workspace is out of scope"
    off = off | hostuse.tooling_only(s, hosts) | left_behind(s, hosts)  # "(chart on GitHub.com)"
    off |= moving_to(s, hosts)  # "when GitHub Enterprise Server moves to GitHub.com in wave 3"
    hosts = [x for x in hosts if x.value not in off and not in_time_clause(s, x.start)]
    if hosts and connection.for_tooling(masked, s):
        return []  # "The Helm chart's source is on GitHub.com", "sign-in through GitLab": another use
    return hosts


def _undone(sentence: str, facts: list[Fact], found: list[Fact], last: int) -> tuple[list[Fact], list[Fact]]:
    """(the facts so far, this sentence's facts) when `sentence` says a change was undone ("… so Kamil
    rolled it back to 4 nodes", "tried 4 × E32s_v5; reverted the next day"): the machines and amounts
    of the change (before the undo words in this sentence, else of the sentence before, whose facts
    start at `last`) are `old`, history wherever written (`read.rolledback`)."""
    if not any(f.field in UNDONE for f in (*facts, *found)):
        return facts, found
    at = undone_at(sentence)
    if at is None:
        return facts, found
    if any(f.field in UNDONE and f.start < at for f in found):
        return facts, [g for f in found for g in ((f,) if f.start >= at else _split_at(sentence, f, at))]
    return [_as_old(f) if f.start >= last else f for f in facts], found


def _as_old(f: Fact) -> Fact:
    return replace(f, role="old") if f.field in UNDONE and f.role != "part" else f


def _split_at(sentence: str, f: Fact, at: int) -> tuple[Fact, ...]:
    """A fact starting before the undo words, as history; machines read as one list across them ("scaled
    to 5 × E16s_v5 …, then back down to 3 × E16s_v5") split there: the ones after are what it went
    back to."""
    if f.field != "instance_types" or f.role == "part":
        return (_as_old(f),)
    found = list(shapes.instances(sentence))
    after = [m for m in found if m.start >= at]
    before = [m for m in found if m.start < at]
    if not after or not before:
        return (_as_old(f),)
    old = replace(f, value=", ".join(m.value for m in before), role="old")
    new = replace(f, value=", ".join(m.value for m in after), text=after[0].text, start=after[0].start)
    return old, new


def _outside_left(s: str, facts: list[Fact]) -> list[Fact]:
    """The sentence's facts without the machines and sizes it says are outside the deployment ("…
    load-generator VMs … are not part of the system", from the sentence saying so: "… all in. control
    plane … not ours") or are a tool's own default ("Chart defaults in values.yaml give gitserver a
    200Gi volume": `tfdefaults.tool_default`)."""
    if outside.outside(s):
        cut = outside.said_from(s)
        facts = [f for f in facts if f.field not in outside.FIELDS or f.start < cut]
    if tool_default(s):
        facts = [f for f in facts if f.field not in outside.FIELDS]
    return facts
