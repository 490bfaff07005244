"""The dates part of FactReader: the production build's start and completion dates in a sentence
(a date after a start verb: began, started, created; after a completion verb: accepted, signed off,
live), date ranges of the build, a day heading's date for a sentence saying the build began or was
signed off, and a span of dates across a text. Which of several such dates is the build's is
`read.builddates`.
"""

from __future__ import annotations

import re

from handoff.read import notdone, shapes
from handoff.read.fact import Context, Fact
from handoff.read.factparts import FactParts
from handoff.read.limitwords import is_future

_START = re.compile(
    r"\b(?:start(?:ed|s|ing)?|began|begun|begin(?:s|ning)?|kick(?:ed|s) off|created|build[- ]?out|"
    r"provisioned|launched|from|"
    r"commenc(?:ed|es|ing)?|(?:stood|went|came|spun|brought)(?: it| them)? up|for the first time|"
    # a kick-off of the build itself ("Kicked off the infra on 24 Aug"), not a meeting's
    r"kick(?:ed|s)? off (?:the |our |its )?(?:production |prod )?"
    r"(?=(?:infra|infrastructure|build|installation|cluster|terraform|deployment)\b)|"
    r"first (?:applied|deployed|installed)|"
    r"gestart|begonnen|gestartet|démarrée?|commencée?|iniciad[oa]|comenzad[oa])\b",  # (Dutch … Spanish)
    re.I,
)
_START_EVENT = re.compile(  # a start said with its event (not "kick-off" alone: a meeting)
    r"\b(?:start(?:ed|s|ing)|began|begun|kick(?:ed|s)? off|provisioned|"
    r"(?:stood|went|came|spun|brought)(?: it| them)? up|first (?:applied|deployed))\b",
    re.I,
)
_DONE_EVENT = re.compile(
    r"\b(?:completed|accepted|signed(?: \w+)?[- ]off|handed(?: \w+){0,2} over|finished|delivered)\b", re.I
)
# "Live" before a word that is no preposition is an environment's name ("Live build started", "the
# live cluster"), not a go-live: "went live on", "Live: 3 March", "live since" are. So is "handover"
# before a noun a thing ("for the handover pack"), not the event.
_INTO_SERVICE = (  # (a move into production, "promoted to lifecycle: production", is a go-live too)
    r"(?:(?:went|goes|go|came|put|brought|taken) into (?:service|operation|production use)|"
    r"(?:promoted|moved|released|cut over) (?:in)?to (?:[\w-]+:?\s+){0,2}?production\b|"
    r"(?:switched|cut) (?:every\w*|all|users|(?:the|our) \w+) over\b)"  # "switched everyone over on 26 June"
)
_NOT_NOUN = r"(?:on|since|from|in|at|for|with|to|by|as|and|after|before|date|day|was|is)\b"
_DONE = re.compile(
    rf"\b(?:complet(?:ed|ion|e)|accepted|acceptance|signed(?: \w+)?[- ]off|sign[- ]off|"
    rf"handed(?: \w+){{0,2}} over|"
    rf"handover(?!\s+(?!{_NOT_NOUN})[^\W\d_])|"
    rf"done|finished|closed|resolved|(?:went |go[- ])live|{_INTO_SERVICE}|live(?!\s+(?!{_NOT_NOUN})[^\W\d_])|"
    r"delivered|to|until|"
    # the same events in Dutch, German, French and Spanish (as the limit words are known)
    r"oplevering|opgeleverd|afgerond|acceptatie|geaccepteerd|abnahme|abgenommen|fertiggestellt|"
    r"réception|livrée?|terminée?|entrega(?:do|da)?|aceptaci[óo]n|finalizad[oa])\b",
    re.IGNORECASE,
)


_DATE_TOPICS = ("start_date", "completion_date")
BUILD = re.compile(
    r"\b(?:build|building|built|build-?out|implementation|implemented|infrastructure|infra|installation|installed|"
    r"deployment|deployed|roll-?out|set ?up|provisioning|cluster|terraform)\b",
    re.IGNORECASE,
)


_ROLE = re.compile(r"\s*\(([^()\d]{1,60})\)")  # a bracket right after a date: the event it dates
_FROM_DATE = re.compile(r"\s*(?:the\s+)?$")  # "from" opens a date only right before it ("from 16 March")
_RANGE_END = re.compile(r"[\s,;:–—-]*$")  # "to" or "until" ends a range only right after its first date
# "as at 30 October 2026", "as of 1 May": the date of a state (a table's figures), no event of it;
# but "complete as of 2026-09-18", "live as of 1 May" date the state's beginning: the event
_SNAPSHOT = re.compile(
    r"(?<!\bcomplete\s)(?<!\bcompleted\s)(?<!\blive\s)(?<!\bfinished\s)(?<!\bdone\s)(?<!\w)as\s+(?:at|of)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_LEADING_LABEL = re.compile(r"\s*([^:\n]{1,40}):\s")


def _span(text: str, year: str, facts: list[Fact]) -> list[Fact]:
    """Under a label naming the build ("Built: AMI launched Jul 6, 2026; IE marked production complete
    Jul 17, 2026"), two dates are the build's span: the earlier, with no verb of its own (a heading's
    topic aside), starts it. Drops the topic's dates from `facts`."""
    label = _LEADING_LABEL.match(text)
    if label is None or not BUILD.search(label.group(1)):
        return []
    dates = [f for f in facts if f.field in _DATE_TOPICS and not f.how.endswith("(topic)")]
    if len(dates) != 1 or dates[0].field != "completion_date":
        return []
    end = dates[0]
    found = [m for m in shapes.dates(text, year) if m.value != end.value]
    if len(found) != 1 or found[0].value > end.value:
        return []
    m = found[0]
    facts[:] = [f for f in facts if not (f.field in _DATE_TOPICS and f.how.endswith("(topic)"))]
    return [Fact("start_date", m.value, m.text, "date (span)", end.section, "", m.start)]


_CLAUSE_END = re.compile(r"[.;:!?]\s|,\s+(?:and|but)\s|\s+(?:and|but|while)\s+")


def _clause_of(s: str, at: int) -> str:
    """The clause of `s` around position `at` (between commas with a conjunction, semicolons, colons)."""
    start = max((m.end() for m in _CLAUSE_END.finditer(s, 0, at)), default=0)
    end = next((m.start() for m in _CLAUSE_END.finditer(s, at)), len(s))
    return s[start:end]


def _date_kind(clause: str, last: bool, first: bool = False, after: bool = False) -> tuple[str | None, str]:
    """(start_date or completion_date by the verb in `clause` nearest the date, how); None without one.
    A go-live is weaker evidence of completion than a build said complete or accepted; "from" starts
    only the date right after it ("accepted from us the 27 of March": no start), so never one it
    follows (`after`: "20 Oct: re-indexes from scratch")."""
    verbs = [(x.start(), "completion_date", x.group(0)) for x in _DONE.finditer(clause)
             if x.group(0).casefold() not in ("to", "until")
             or (not first and _RANGE_END.fullmatch(clause[: x.start()]))]  # fmt: skip
    starts = [(x.start(), x.group(0).casefold()) for x in _START.finditer(clause)]
    starts = [(at, w) for at, w in starts if not (after and w == "from")]
    weak = bool(verbs) or any(w != "from" for _, w in starts)  # "accepted from us the 27 of March"
    # "from" opens only the date right after it: "pasted from the planning sheet on 6 Oct" starts nothing
    verbs += [(at, "start_date", "") for at, w in starts
              if w != "from" or (_FROM_DATE.match(clause, at + 4) if last else not weak)]  # fmt: skip
    if not verbs:
        return None, ""
    _, name, verb = max(verbs) if last else min(verbs)
    go_live = verb.casefold().endswith("live") or re.fullmatch(_INTO_SERVICE, verb, re.I)
    return name, "date (go-live)" if go_live else "date"


class DateReading(FactParts):
    """FactReader's start and completion dates in a sentence."""

    def _dates(self, s: str, ctx: Context) -> list[Fact]:
        every = list(shapes.dates(s, ctx.year))
        if not every or is_future(s):
            return []
        facts, taken = self._ranges(s, ctx, every)
        found = [m for m in every if m.start not in taken and not _SNAPSHOT.search(s, 0, m.start)]
        found = notdone.real(s, found)  # "Go-live: 30 Sep 2026 (target; not yet confirmed)"
        kinds: list[tuple[shapes.Match, str | None, str, int]] = []
        for i, m in enumerate(found):
            clause = s[found[i - 1].end if i else 0 : m.start]
            at = m.start
            first = i == 0 and next(shapes.dates(s[: m.start], "2000"), None) is None  # no day before it
            role = _ROLE.match(s, m.end)  # "18 May 2026 (start) to 29 May 2026 (infrastructure complete)"
            name, how = _date_kind(role.group(1), last=False, first=True) if role else (None, "")
            if name is None:
                name, how = _date_kind(clause, last=True, first=first)
            if name is None and i + 1 == len(found):  # "2026-03-16 — production build started"
                after = s[m.end :]  # (the verb after a date, unless another date follows: that one's)
                name, how = _date_kind(
                    after, last=False, first=True, after=True
                )  # "… announced to all": no end
                at = m.end + len(after)
            kinds.append((m, name, how, at))
        verbs = any(name for _, name, _, _ in kinds)  # a date with its own verb: the rest are not the topic's
        for m, name, how, at in kinds:
            if name is None and not verbs and ctx.topic in ("start_date", "completion_date"):
                name, how = ctx.topic, "date (topic)"  # weaker than a date with its own verb
            if name is not None:
                facts.append(Fact(name, m.value, m.text, how, self.env_at(s, at, ctx), "", m.start))
        return facts

    def _dated_by_heading(self, s: str, ctx: Context) -> list[Fact]:
        """Under a heading naming one day (a log's or a chat's day header), a sentence with no date that
        says production's build began or was signed off ("kicked off terraform for the Live cluster
        this morning", "Live is signed off by infra") happened that day: a weak date, beaten by one
        written with its own verb."""
        if ctx.section == "trial" or is_future(s) or next(shapes.dates(s, ctx.year), None) is not None:
            return []
        env = self.env_at(s, len(s), ctx)
        if env == "trial":
            return []
        # the event's own clause names the build or production: "the VM was handed over" is not it
        done, start = (
            m if m and self._names_build(_clause_of(s, m.start())) else None
            for m in (_DONE_EVENT.search(s), _START_EVENT.search(s))
        )
        if (done is None) == (start is None):
            return []
        name = "completion_date" if done else "start_date"
        m = done or start
        return [
            Fact(name, ctx.day, m.group(0) if m else "", "date (heading)", env, "", m.start() if m else 0)
        ]

    def _names_build(self, clause: str) -> bool:
        return bool(BUILD.search(clause)) or self.env.at(clause, len(clause), "") == "production"

    def _ranges(self, s: str, ctx: Context, dates: list[shapes.Match]) -> tuple[list[Fact], set[int]]:
        """A date range of the production build ("Production infrastructure: 2 March – 17 April 2026",
        "the build ran from 2026-03-02 to 2026-03-20"): its first date starts it, its last completes it.
        Also where every range begins and ends: a range of anything else dates no start or end alone.
        `dates`: the sentence's dates (`shapes.dates`)."""
        facts: list[Fact] = []
        taken: set[int] = set()
        for first, last in shapes.ranges(s, ctx.year, dates):
            taken |= {first.start, last.start}
            named_before = self.env.at(s, first.start, "")
            env = named_before or self.env.at(s, len(s), ctx.section)  # "19 Jan – 13 Feb: POC"
            placed = named_before or ctx.section  # (a name after the range, "sourcegraph-prod created", is
            if "trial" in (env, ctx.section) or not (  # an activity's object: no build of production)
                placed == "production" or ctx.topic in _DATE_TOPICS or BUILD.search(s)
            ):
                continue
            facts.append(Fact("start_date", first.value, first.text, "date range", env, "", first.start))
            facts.append(Fact("completion_date", last.value, last.text, "date range", env, "", last.start))
        return facts, taken
