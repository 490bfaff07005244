"""The dates part of FactReader: the production build's start and completion dates in a sentence
(a date after a start verb: began, started, created; after a completion verb: accepted, signed off,
live), date ranges of the build, a day heading's date for a sentence saying the build began or was
signed off, and a span of dates across a text. Which of several such dates is the build's is
`read.builddates`.
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened, quick
from handoff.read import eventsubject, handedin, notdone, otherevents, shapes
from handoff.read.fact import Context, Fact
from handoff.read.factparts import FactParts
from handoff.read.limitwords import is_future
from handoff.read.paperevent import paper_before
from handoff.read.relative import relative_dates
from handoff.read.reviewitem import item_event

# a day that names the week it opens ("go-live wk of 10/5", "handover w/c 6/29", "the week of 14 Sep"):
# no day of its own, so no build date
_WEEK_OF = re.compile(r"\b(?:wk|week)\s+(?:of|beginning|commencing|starting)\s+$|\bw/[cb]\s+$", re.I)


def _after_named(s: str, m: shapes.Match, named_end: int, opens: int, at: int) -> tuple[int, int]:
    """(where the next date's clause opens, where this date's event is) once a date names its event
    after it: the clause opens after the event; an event after `=` or an arrow (not a bracket) is
    where the environment is told ("= prod done")."""
    if not named_end:
        return opens, at
    return named_end, (at if _ROLE.match(s, m.end) else named_end)


def _days(s: str, found: list[shapes.Match]) -> list[shapes.Match]:
    """The dates of `found` that name a day, not the week it opens ("go-live wk of 10/5")."""
    return [m for m in found if not _WEEK_OF.search(s, 0, m.start)]


_START = opened(
    re.compile(
        r"\b(?:start(?:ed|s|ing)?|began|begun|begin(?:s|ning)?|kick(?:ed|s) off|created|build[- ]?out|"
        r"provisioned|launched|from|"
        r"commenc(?:ed|es|ing)?|(?:stood|went|came|spun|brought)(?: it| them)? up|for the first time|"
        # a kick-off of the build itself ("Kicked off the infra on 24 Aug"), not a meeting's
        r"kick(?:ed|s)? off (?:the |our |its )?(?:production |prod )?"
        r"(?=(?:infra|infrastructure|build|installation|cluster|terraform|deployment)\b)|"
        r"first (?:applied|deployed|installed)|"
        # the command a note names for putting the deployment up ("prod helm install 3/9", "tf apply 2/26")
        r"(?:helm(?: upgrade --)? install|(?:terraform|tf) apply|(?:docker[ -])?compose up)"
        r"(?=(?:\s+(?:prod|production|live))?\s*(?:\d|$))|"  # (before its date: not "(Terraform apply, …)")
        # notes' "ec2 + ebs up 4/6", "vms up 2 Mar", "node group (5) up": the machines up, the build begun
        r"(?:ec2|ebs|vms?|nodes?|infra(?:structure)?|cluster|node ?groups?|ngs?|servers?|instances?)"
        r"(?:\s+\(\d+\))?\s+up|"
        r"gestart|begonnen|gestartet|démarrée?|commencée?|iniciad[oa]|comenzad[oa])\b",  # (Dutch … Spanish)
        re.I,
    )
)
_START_EVENT = opened(
    re.compile(  # a start said with its event (not "kick-off" alone: a meeting)
        r"\b(?:start(?:ed|s|ing)|start of|(?:build|install|installation|rollout) start|began|begun|"
        r"kick(?:ed|s)? off|provisioned|"
        r"(?:stood|went|came|spun|brought)(?: it| them)? up|first (?:applied|deployed))\b",
        re.I,
    )
)
_DONE_EVENT = quick(  # (a note's "prod done", "build done")
    # (and a go-live told as it happened: "Production went live today", "prod is live since this morning")
    r"\b(?:completed?|accepted|signed(?: \w+){0,2}[- ]off|handed(?: \w+){0,2} over|finished|delivered|"
    r"(?:prod|production|build|install) done|"
    r"went live|(?:is|was) (?:now )?live(?= *(?:$|[.;,!]|today|this|since|as|for)))\b",
    re.I,
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
# a state the deployment is in from a day on ("in use from 20 March", "operational since 20.03.2026",
# "open to users from …"): the day it began is its go-live, and "from" there starts no build
_IN_STATE = (
    r"(?:in (?:use|service|operation)|operational|available|up and running|running|usable|"
    r"open (?:to|for) (?:\w+ ){0,2}?(?:users|everyone|everybody|all|developers|engineers))"
)
# verbs said of anything that runs or ends ("Jenkins has been running since …", "Discovery concluded on
# …", "we wrapped up the knowledge transfer on …"): a build date only when what they are said of is
# the deployment or its build, or nothing is named (a bare "Running since 20 March" under production)
_SAID_OF_ANY = re.compile(rf"{_IN_STATE}|ended|concluded|wrapped up", re.I)
_OWN_SUBJECT = re.compile(
    r"(?:\W|\d|\b(?:it|we|the|our|this|its|has|have|had|been|being|is|are|was|were|be|now|fully|finally|"
    r"officially|successfully|then|and|so|all|everything|sourcegraph|sg|prod|production|live|instance|"
    r"platform|service|search|system|environment|site|cluster|deployment|build|building|implementation|"
    r"installation|roll-?out|project|engagement|programme|program|phase|infra|infrastructure|"
    r"on|in|at|by|from|since|as|of|to|for|across|a|an|day|date|"
    r"users|everyone|everybody|developers|engineers|staff|teams?|employees|org|organi[sz]ation)\b)*",
    re.I,
)
_STATE_FROM = re.compile(rf"\b{_IN_STATE}\s+(?:[\w-]+\s+){{0,3}}?$", re.I)  # ("running in prod from …")
_DONE = opened(
    re.compile(
        rf"\b(?:complet(?:ed|ion|e)|accepted|acceptance|signed(?: \w+){{0,2}}[- ]off|sign[- ]off|"
        rf"handed(?: \w+){{0,2}} over|"
        # handed to the team that runs it ("Handed to Platform Ops 19 June"), not to the implementer, nor
        # by a deadline ("… handed to SRE by 31 August": a target)
        rf"handed to(?! (?:me|us|the ie|the implementer|sourcegraph)\b)(?![^.;\n]{{0,40}}?\bby\b)|"
        rf"handover(?!\s+(?!{_NOT_NOUN})[^\W\d_])|"
        rf"done|finished|closed|resolved|(?:went |go[- ])live|{_INTO_SERVICE}|"
        rf"live(?!\s+(?!{_NOT_NOUN})[^\W\d_])|"
        rf"{_IN_STATE}(?=\s+(?:[\w-]+\s+){{0,3}}?(?:since|from|as of|on)\b)|ended|concluded|wrapped up|"
        r"delivered|to|until|"
        # the same events in Dutch, German, French and Spanish (as the limit words are known)
        r"oplevering|opgeleverd|afgerond|acceptatie|geaccepteerd|abnahme|abgenommen|fertiggestellt|"
        r"réception|livrée?|terminée?|entrega(?:do|da)?|aceptaci[óo]n|finalizad[oa])\b",
        re.IGNORECASE,
    )
)


def tells_own_events(value: str, year: str) -> bool:
    """Whether a text dates two events or more by verbs of its own, a start and an end ("we started on
    14 April and I completed it today, 24 April"): after a label it is prose, its dates its verbs',
    not the label's."""
    if not (_START_EVENT.search(value) and _DONE_EVENT.search(value)):
        return False
    return len(list(shapes.dates(value, year))) >= 2


_DATE_TOPICS = ("start_date", "completion_date")
BUILD = quick(
    r"\b(?:build|building|built|build-?out|implementation|implemented|infrastructure|infra|installation|installed|"
    r"deployment|deployed|roll-?out|set ?up|provisioning|cluster|terraform)\b",
    re.IGNORECASE,
)


_ROLE = re.compile(r"\s*\(([^()\d]{1,60})\)")  # a bracket right after a date: the event it dates
# quick notes name a date's milestone after an equals sign or an arrow ("smoke ok 3/13 = prod done",
# "tf apply 3/2 → that's infra start", "ns created 6/8 (= infra start)"): the event it dates, as a
# bracket does (only when it names a start or an end; "3/13 → 2.4k synced" names none)
_MILESTONE = re.compile(  # (ending its clause: "→ resolved Sep 18" is the next date's verb)
    r"\s*(?:\(\s*=\s*([^()\d]{1,60})\)|(?:=|→|->|⇒)\s*([^\W\d][^,;()\d]{0,40})(?=$|[,;.(\n]))"
)
_ROLE_FROM = re.compile(r"\bfrom\b.*", re.I)  # "(ack from k. thorsen)": who, no start
# "from" opens a date only right before it ("from 16 March", "from Monday 5 October")
_FROM_DATE = re.compile(
    r"\s*(?:the\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_RANGE_END = re.compile(r"[\s,;:–—-]*$")  # "to" or "until" ends a range only right after its first date
# "as at 30 October 2026", "as of 1 May": the date of a state (a table's figures), no event of it;
# but "complete as of 2026-09-18", "live as of 1 May" date the state's beginning: the event
_SNAPSHOT = opened(
    re.compile(
        r"(?<!\bcomplete\s)(?<!\bcompleted\s)(?<!\blive\s)(?<!\bfinished\s)(?<!\bdone\s)(?<!\w)as\s+(?:at|of)\s+"
        r"(?:the\s+)?$",
        re.IGNORECASE,
    )
)
# a date its own words deny or whose event failed: "…, not 31 July", "rather than 2 May", "the acceptance
# test failed on 31 July"
_DENIED_DATE = re.compile(
    r"(?:\b(?:not|rather than|instead of)\s+(?:on\s+)?(?:the\s+)?|\bfailed\s+(?:on\s+|at\s+)?(?:the\s+)?)$",
    re.IGNORECASE,
)
_LEADING_LABEL = quick(r"\s*([^:\n]{1,40}):\s")


_LEAD_WORDS = re.compile(r"\s*(?:[^\W\d_][\w-]*\s+){1,2}")


def _lead_words(text: str, year: str) -> str:
    """The one or two words a note's line opens with right before its first date ("built 2026-11-02 →
    done 2026-11-13"): they name what the dates are of, as a label would; "" when there are none."""
    first = next(iter(shapes.dates(text, year)), None)
    if first is None:
        return ""
    m = _LEAD_WORDS.fullmatch(text, 0, first.start)
    return m.group(0) if m else ""


def _span(text: str, year: str, facts: list[Fact]) -> list[Fact]:
    """Under a label naming the build ("Built: AMI launched Jul 6, 2026; IE marked production complete
    Jul 17, 2026"), two dates are the build's span: the earlier, with no verb of its own (a heading's
    topic aside), starts it. A note's line that opens with a word of the build right before its first
    date ("built 2026-11-02 → done 2026-11-13") names the build as such a label does: the earlier date
    starts it. Drops the topic's dates from `facts`. (The one completion date is asked for first: the
    facts are at hand, the label or lead words are looked for in the text.)"""
    dates = [f for f in facts if f.field in _DATE_TOPICS and not f.how.endswith("(topic)")]
    if len(dates) != 1 or dates[0].field != "completion_date":
        return []
    label = _LEADING_LABEL.match(text)
    lead = label.group(1) if label is not None else _lead_words(text, year)
    if not BUILD.search(lead):
        return []
    end = dates[0]
    found = [m for m in shapes.dates(text, year) if m.value != end.value]
    if len(found) != 1 or found[0].value > end.value:
        return []
    m = found[0]
    facts[:] = [f for f in facts if not (f.field in _DATE_TOPICS and f.how.endswith("(topic)"))]
    return [Fact("start_date", m.value, m.text, "date (span)", end.section, "", m.start)]


# a clause with no verb of its own after a dated one: "… and production on 17 March" (the verb left out)
_ELIDED = re.compile(r"\s*[,;]?\s*(?:and|while|whereas)\s+(?:[\w-]+\s+){1,3}?(?:on|in|at|by)?\s*", re.I)
_VERB_ENDING = re.compile(r"\w(?:ed|ing)\b", re.I)
_CHANGED = re.compile(
    r"\b(?:slipp\w*|slid|moved|postponed|delayed|pushed(?: \w+)?|deferred|shifted|re-?scheduled|"
    r"brought forward|changed|re-?planned|re-?baselined)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_RANGE_VERB = re.compile(
    r"(?:between|from|to|until|during|over|ran|run|runs|took|was|were|is|are|on|in|the)", re.I
)


def _other_span(label: str) -> bool:
    """Whether the words before a range (since the last date) name what it spans, and that is no part
    of the build: no build word, no start or end of one ("Reporting period:", "Cut-over weekend",
    "Change freeze"); the caller also asks that they name no production. A range with no such words
    ("2–27 February", "between 2 and 20 Feb") is not."""
    words = [w for w in _WORD.findall(label) if not _RANGE_VERB.fullmatch(w)]
    if not words:
        return False
    said = " ".join(words)  # (without "from", which opens any range)
    return not (BUILD.search(said) or _START.search(said) or _DONE.search(said))


_CLAUSE_END = re.compile(r"[.;:!?]\s|,\s+(?:and|but)\s|\s+(?:and|but|while)\s+")


def _clause_end(s: str, at: int) -> int:
    """Where the clause of `s` around position `at` ends (`_clause_of`)."""
    return next((m.start() for m in _CLAUSE_END.finditer(s, at)), len(s))


def _clause_of(s: str, at: int) -> str:
    """The clause of `s` around position `at` (between commas with a conjunction, semicolons, colons)."""
    start = max((m.end() for m in _CLAUSE_END.finditer(s, 0, at)), default=0)
    end = next((m.start() for m in _CLAUSE_END.finditer(s, at)), len(s))
    return s[start:end]


_DONE_NOUN = r"go-?live|live|sign-?off|hand-?over|acceptance|completion|cut-?over"
_HEAD = re.compile(rf"\b(?:{_DONE_NOUN})\b", re.IGNORECASE)


def _backdrop(clause: str, at: int) -> bool:
    """Whether the event word at `at`, after a date, is what the dated one came after or before, the
    dated one named before it ("13/03/2026 — Final after production go-live"); not when the dated one
    is itself such an event ("Handover following go-live", "post go-live acceptance") or, after an
    event it followed, is named by nothing else ("20 March — following the CAB go-live")."""
    m = _BACKDROP.search(clause, 0, at)
    if m is None or _HEAD.search(clause, 0, m.start()):
        return False
    if _NOT_YET.match(m.group(0)) or _ONLY_PREPOSITION.fullmatch(m.group(0)):
        return True  # "… pending final acceptance", "… before go-live", "Post go-live …": not the dated one
    return not _NO_SUBJECT.fullmatch(clause[: m.start()])  # the dated event named before: "Final", "Retro"


_NOT_YET = re.compile(r"before|prior|ahead|pending", re.IGNORECASE)
_ONLY_PREPOSITION = re.compile(r"\w+\s+(?:(?:the|our|its|their|a)\s+)?", re.IGNORECASE)


# after a date, an event told as what the dated one came after or before ("13/03/2026 — Final after
# production go-live", "… re-indexed following the sign-off"): the date is not that event's (before a
# date it is: "two weeks after go-live on 13 March")
_BACKDROP = re.compile(
    r"\b(?:after|following|post|before|prior to|ahead of|pending)\s+(?:(?:the|our|its|their|a)\s+)?"
    rf"(?:(?!(?:that|which|who|when|it|we|they|schedule|plan|time|target|deadline|approval|{_DONE_NOUN})\b)"
    r"[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)  # (not "after a build that started", "ahead of schedule go-live", "post go-live acceptance")
# an event told by its verb ("went live", "signed off", "accepted"), not named as a noun the preposition
# takes ("after production go-live"): it happened on the date ("20 March — following approval went live")
_FINITE = re.compile(r"went live|\w+ed\b.*|done", re.IGNORECASE)


_PARTS = re.compile(r"[,;:(]\s*|\s+[—–]\s+|\s+(?=(?:and|but|so|then)\s)")
_NO_SUBJECT = re.compile(
    r"(?:\W|\d|\b(?:then|and|but|so|also|finally|was|were|is|are|been|has|had|have|the|on|at|by|in|of)\b)*",
    re.IGNORECASE,
)


def _event_words(clause: str) -> str:
    """The words of a date's clause that name its event: the last part of it (after a comma, a
    semicolon, a colon or a dash) that names something besides its verb ("Once the first backup had
    run, the customer signed off on": "the customer signed off on"; "Security review, completed on":
    all of it)."""
    parts = _PARTS.split(clause)
    for k in range(len(parts) - 1, -1, -1):
        said = " ".join(parts[k:])
        if not _NO_SUBJECT.fullmatch(_START.sub(" ", _DONE.sub(" ", said))):
            return said
    return clause


# the latest time of a task done again and again ("rotated every 90 days (last done 2 September)", "most
# recently completed on"): a build is done once, so the date is the task's, never its completion
_LAST_TIME = re.compile(r"\b(?:last|latest|most\s+recently)\s+$", re.IGNORECASE)


def _date_kind(clause: str, last: bool, first: bool = False, after: bool = False) -> tuple[str | None, str]:
    """(start_date or completion_date by the verb in `clause` nearest the date, how); None without one.
    A go-live is weaker evidence of completion than a build said complete or accepted; "from" starts
    only the date right after it ("accepted from us the 27 of March": no start), so never one it
    follows (`after`: "20 Oct: re-indexes from scratch")."""
    given = handedin.given_at(clause)  # "VMs handed over by the vsphere team": what the build starts from
    verbs = [(x.start(), "completion_date", x.group(0)) for x in _DONE.finditer(clause)
             if x.start() not in given
             and (x.group(0).casefold() not in ("to", "until")
                 or (not first and _RANGE_END.fullmatch(clause[: x.start()])))
             and not (after and not _FINITE.match(x.group(0)) and _backdrop(clause, x.start()))]  # fmt: skip
    starts = [(x.start(), x.group(0).casefold()) for x in _START.finditer(clause)
              if not (after and _backdrop(clause, x.start()))]  # fmt: skip
    starts = [(at, w) for at, w in starts if not (after and w == "from")]
    if after and not starts:  # "13 July 2026 – Terraform apply for the cluster": the build begun
        cmd = _COMMAND_FIRST.match(clause)
        starts = [(cmd.start(1), cmd.group(1).casefold())] if cmd else []
    starts = [(at, w) for at, w in starts if not (w == "from" and _STATE_FROM.search(clause, 0, at))]
    weak = bool(verbs) or any(w != "from" for _, w in starts)  # "accepted from us the 27 of March"
    # "from" opens only the date right after it: "pasted from the planning sheet on 6 Oct" starts nothing
    verbs += [(at, "start_date", "") for at, w in starts
              if w != "from" or (_FROM_DATE.match(clause, at + 4) if last else not weak)]  # fmt: skip
    if not verbs:
        return None, ""
    at, name, verb = max(verbs) if last else min(verbs)
    if verb and notdone.intended(clause[:at]):  # "we expect to sign off production on 31 July"
        return None, "intended"
    if verb and name == "completion_date" and paper_before(clause[:at], verb):  # "the design sign-off on"
        return None, "a paper's"
    if verb and name == "completion_date" and item_event(clause, at, verb):  # "accepted that risk on"
        return None, "a review item's"
    if verb and name == "completion_date" and _LAST_TIME.search(clause, 0, at):
        return None, "a repeated task's"  # "IT rotates it every 90 days (last done 2 September 2026)"
    others = clause[:at] + clause[at + len(verb) :]  # the clause's words but the verb
    if verb and _SAID_OF_ANY.fullmatch(verb) and not _OWN_SUBJECT.fullmatch(others):
        return None, "intended"  # "Jenkins has been running since 2024", "Discovery concluded on 20 Feb"
    go_live = (
        verb.casefold().endswith("live")
        or re.fullmatch(_INTO_SERVICE, verb, re.I)
        or re.fullmatch(_IN_STATE, verb, re.I)
    )
    return name, "date (go-live)" if go_live else "date"


def _named_event(s: str, end: int) -> tuple[str | None, str, int]:
    """(field, how, where its words end) of the event a bracket right after a date names ("18 May 2026
    (start)"; not who acknowledged: "(ack from k. t.)"), or a milestone after an equals sign or an
    arrow ("3/13 = prod done", "(= infra start)"); (None, "", 0) when they name no start or end."""
    role = _ROLE.match(s, end)
    if role is not None:
        said = _ROLE_FROM.sub("", role.group(1))
        name, how = _date_kind(said, last=False, first=True) if said.strip() else (None, "")
        return name, how, role.end() if name else 0  # ("intended" kept: "(planned start)")
    milestone = _MILESTONE.match(s, end)
    if milestone is None:
        return None, "", 0
    name, how = _date_kind(milestone.group(1) or milestone.group(2), last=False, first=True)
    return (name, how, milestone.end()) if name else (None, "", 0)


# a log entry's event that is the command putting the deployment up, right after its date ("D0 –
# Terraform apply for the cluster and node groups", "3 March: helm install (prod values)")
_COMMAND_FIRST = quick(  # (`match`ed at the date's end; `may_date` searches for it anywhere)
    r"\s*[–—:-]?\s*((?:helm(?:\s+upgrade\s+--)?\s+install|(?:terraform|tf)\s+apply"
    r"|(?:docker[ -])?compose\s+up))\b",
    re.IGNORECASE,
)
# a clause naming the whole project, nothing else, before its event: "Migration complete", "Cutover done"
_WHOLE = re.compile(
    r"\W*(?:(?:the|our)\s+)?(?:migration|cut-?over|move|switch-?over)\s+(?:is\s+|was\s+|has\s+been\s+)?"
    r"(?:now\s+|fully\s+)?(?:complete[d]?|done|finished|signed\s+off)\b",
    re.IGNORECASE,
)


class DateReading(FactParts):
    """FactReader's start and completion dates in a sentence."""

    def _dates(self, s: str, ctx: Context) -> list[Fact]:
        every = list(shapes.dates(s, ctx.year))
        if not every or is_future(s):
            return []
        facts, taken = self._ranges(s, ctx, every)
        found = [m for m in every if m.start not in taken and not _SNAPSHOT.search(s, 0, m.start)]
        found = _days(s, notdone.real(s, found))  # "Go-live: 30 Sep 2026 (target; not yet confirmed)"
        kinds: list[tuple[shapes.Match, str | None, str, int]] = []
        opens = 0  # where the clause of the next date opens: after this one (and the event it names)
        for i, m in enumerate(found):
            clause = s[opens : m.start]
            opens = m.end
            at = m.start
            first = i == 0 and next(shapes.dates(s[: m.start], "2000"), None) is None  # no day before it
            name, how, named_end = _named_event(s, m.end)  # "(start)", "= prod done", "→ infra start"
            opens, at = _after_named(s, m, named_end, opens, at)
            if name is None:
                name, how = _date_kind(clause, last=True, first=first)
            if name is None and how != "intended" and i + 1 == len(found):  # "2026-03-16 — build started"
                after = s[m.end :]  # (the verb after a date, unless another date follows: that one's)
                name, how = _date_kind(
                    after, last=False, first=True, after=True
                )  # "… announced to all": no end
                at = m.end + len(after)
            if name is None and not how and kinds and kinds[-1][1] and self._elided(clause):
                name, how = (
                    kinds[-1][1],
                    kinds[-1][2],
                )  # "UAT went live on 3 March and production on 17 March"
            words = s[m.end : at] if at > m.end else _event_words(clause)  # the words naming its event
            if (
                name
                and (
                    otherevents.not_the_build(words, ctx.limit)
                    or (at > m.end and eventsubject.said_of_other(words))
                    or (at <= m.end and eventsubject.step_done(words))  # "connections were complete by"
                )
                and not self._names_build(words)
            ):  # (another thing completed or started: "Action items closed", "Full re-index started")
                name, how = None, "intended"  # "Subscription start: 1 July", "Security review completed …"
            if name and _DENIED_DATE.search(s, max(0, m.start - 40), m.start):
                name, how = None, ""  # "7 August is the completion date, not 31 July"; "… failed on 31 July"
            kinds.append((m, name, how, at))
        facts += self._relative(s, ctx, found, kinds)  # "kicked off on 3 Aug and started the day after"
        # a date with its own verb (done or not): the rest are not the topic's
        verbs = any(name or how == "intended" for _, name, how, _ in kinds)
        for m, name, how, at in kinds:
            if name is None and not verbs and ctx.topic in ("start_date", "completion_date"):
                name, how = ctx.topic, "date (topic)"  # weaker than a date with its own verb
            if name is not None:
                facts.append(Fact(name, m.value, m.text, how, self.env_at(s, at, ctx), "", m.start))
        return facts

    def _relative(
        self,
        s: str,
        ctx: Context,
        found: list[shapes.Match],
        kinds: list[tuple[shapes.Match, str | None, str, int]],
    ) -> list[Fact]:
        """The events a sentence dates relative to its written dates (`read.relative`): "kicked off on
        3 August and started installing the day after" started on 4 August; the written date, when
        its event is of the same kind, is not the build's (`kinds` updated)."""
        facts: list[Fact] = []
        for i, name, day, at, off in relative_dates(
            s, found, lambda c: _date_kind(c, last=False, first=True)
        ):
            if kinds[i][1] == name:
                kinds[i] = (kinds[i][0], None, "relative", kinds[i][3])
            if not otherevents.not_the_build(s[found[i].end : at], ctx.limit):
                facts.append(
                    Fact(name, day, off.group(0), "date (relative)", self.env_at(s, at, ctx), "", at)
                )
        return facts

    def _dated_by_heading(self, s: str, ctx: Context) -> list[Fact]:
        """Under a heading naming one day (a log's or a chat's day header), a sentence with no date that
        says production's build began or was signed off ("kicked off terraform for the Live cluster
        this morning", "Live is signed off by infra") happened that day: a weak date, beaten by one
        written with its own verb."""
        if ctx.section == "trial" or is_future(s) or next(shapes.dates(s, ctx.year), None) is not None:
            return []
        # the event's own clause names the build or production: "the VM was handed over" is not it; a
        # later event word may be the one that does ("Helm install started this morning: production
        # build start", the second clause naming what the first began)
        done, start = (
            next((m for m in pattern.finditer(s) if self._build_clause(s, m.start())), None)
            for pattern in (_DONE_EVENT, _START_EVENT)
        )
        if (done is None) == (start is None):
            return []
        name = "completion_date" if done else "start_date"
        m = done or start
        # (where the event's clause ends: "Production build complete. https://… is live for the pilot
        # group" is production's, the pilot group a clause after it)
        env = self.env_at(s, _clause_end(s, m.start()) if m else len(s), ctx)
        if env == "trial":
            return []
        return [
            Fact(name, ctx.day, m.group(0) if m else "", "date (heading)", env, "", m.start() if m else 0)
        ]

    def _build_clause(self, s: str, at: int) -> bool:
        """Whether the clause of `s` around `at` names the build or production (`_names_build`, whole)."""
        return self._names_build(_clause_of(s, at), whole=True)

    def _elided(self, clause: str) -> bool:
        """Whether a date's clause is another subject's with the verb of the date before left out: "… and
        production on 17 March" (it names an environment and has no verb's ending of its own)."""
        return bool(_ELIDED.fullmatch(clause) and self.env.spans(clause) and not _VERB_ENDING.search(clause))

    def _names_build(self, clause: str, whole: bool = False) -> bool:
        """Whether a clause names the build or production; `whole`: or the project as a whole, a
        migration or cut-over with nothing else named ("Migration complete", under a day)."""
        if BUILD.search(clause) or self.env.at(clause, len(clause), "") == "production":
            return True
        return whole and bool(_WHOLE.match(clause)) and not otherevents.not_the_build(clause, False)

    def _ranges(self, s: str, ctx: Context, dates: list[shapes.Match]) -> tuple[list[Fact], set[int]]:
        """A date range of the production build ("Production infrastructure: 2 March – 17 April 2026",
        "the build ran from 2026-03-02 to 2026-03-20"): its first date starts it, its last completes it.
        Also where every range begins and ends: a range of anything else dates no start or end alone.
        `dates`: the sentence's dates (`shapes.dates`)."""
        facts: list[Fact] = []
        taken: set[int] = set()
        ends = {m.start: m.end for m in dates}
        for first, last in shapes.ranges(s, ctx.year, dates):
            taken |= {first.start, last.start}
            opens = max((ends[a] for a in ends if ends[a] <= first.start), default=0)
            label = s[opens : first.start]  # "Reporting period: 13–24 July", "Cut-over weekend 25–26 July"
            other = otherevents.other_event(label) and not self._names_build(label)  # "Licence valid from …"
            if (
                other
                or _CHANGED.search(label)
                or (_other_span(label) and self.env.named(label) != "production")
            ):
                continue  # (a date moved "from 13 March to 20 March": its old and new day, no span)
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
