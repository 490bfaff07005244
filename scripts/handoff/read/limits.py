"""What a count of people or repositories is to the deployment: a limit, an observation, an addition.

A careful reader takes a figure as a limit (`max_users`, `max_concurrent_users`,
`max_repositories`) by its relation to the deployment, read from the words of its own clause:

* `relation(text, start, end)`: "limit" when the clause says the deployment is licensed, sized,
  designed, contracted or capped for the figure (or a bound such as "up to", "until" stands right
  before it); "observed" when the clause reports what was measured or seen (logged in, so far, at
  the moment, weekly, uses); "added" when the figure is an increment (add, further, more, +300,
  an expansion) or is said not to be agreed ("not contractual", "not bought"). An observation or
  an addition is never a limit, whatever part it is in.
  The figure's own words may say it counts no people ("40 virtual users" of a load test) or is
  today's ("the current 1,180 users", right before it): observed, whatever governs the clause.
* `concurrent(text, start, end)`: the figure counts people at one time (concurrent, simultaneous,
  at once, at the same time or moment, at peak), written before or after it in its clause.
* `person_counts(text)`: counts whose noun is a person or a seat ("3,000 developers", "nine hundred
  users", "1.200 users"); a seat is a licence's unit, so a count of seats is a limit by itself.
* `observed_label(label)`, `denied(text)`: a label of a measurement or a rate, a text saying its
  figure was not agreed; `not_limit(note)`: a note beside a figure saying it is measured or no limit.

A figure its own sentence calls no limit ("600 concurrent users on the sandbox (a test, not a
limit)"), or that a test reached ("load-tested at 600 concurrent users"), is observed.

The clause of a figure runs back to the last colon, semicolon or bracket (a list after "Capacity
model:" shares it) or to a new clause (", and …", "but"), and forward to the next comma, bracket
or number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handoff.core.quickre import opened, quick
from handoff.read import shapes
from handoff.read.limitwords import NOT_SUMMED, threshold

PERSONS = (
    r"users|seats|people|persons|developers|devs|engineers|employees|staff|colleagues|programmers|"
    r"contributors|committers|licen[cs]es|"
    # the same nouns in the languages TDDs here are also written in (Dutch, German, French, Spanish)
    r"gebruikers|ontwikkelaars|medewerkers|benutzer|nutzer(?:innen)?|anwender|entwickler(?:innen)?|"
    r"mitarbeitende|utilisateurs|d[ée]veloppeurs|usuarios|desarrolladores|licenties|lizenzen|licencias"
)
_OPENS = opened(
    re.compile(  # where a clause begins, looking back from a figure
        r"[;:!?()\[\]]|,\s*(?:and|but|so|while|whereas|which)\b|\b(?:but|while|whereas|although|however)\b",
        re.IGNORECASE,
    )
)
_ENDS = re.compile(r"[.;:!?,()\[\]]|\s(?:and|but|while|whereas)\s|(?<![\w.,])\d", re.IGNORECASE)
_LIMIT = quick(  # (a label or note without one of its words: no limit)
    r"\b(?:upper bound|licen[cs]\w*|subscri\w*|entitle\w*|contract\w*|order form|seats?|caps?|capped|ceiling|"
    r"limit(?:s|ed)?|max(?:imum)?|"
    + NOT_SUMMED
    + r"up to|at most|no more than|(?:sized|designed|dimensioned|rated|"
    r"specified) (?:for|to)|(?:design|sizing|capacity) (?:targets?|assumptions?|basis|model|"
    r"load|figures?|parameters?|limits?)|headroom|allow(?:s|ed)?|"
    # Dutch, German, French, Spanish: licence, maximum, designed or sized for
    r"licentie\w*|lizenz\w*|licencia\w*|maxima(?:al|l)|m[áa]ximo|ontworpen voor|gedimensioneerd voor|"
    r"ausgelegt f[üu]r|dimensionn[ée]e? pour|con(?:ç|c)u pour|dimensionad[oa] para)\b",
    re.IGNORECASE,
)
_BOUND = opened(  # a bound right before the figure: "good until 5000 repositories", "max. 400"
    re.compile(
        r"\b(?:"
        + NOT_SUMMED
        + r"up to|until|till|at most|no more than|max(?:imum)?\.?(?: of)?|capped at|limited to|"
        r"(?:built|meant|scaled|provisioned|planned) for|"
        # a promise to stay on one side of the figure: "we agreed to stay below 2,500 repositories"
        r"(?:stay|stays|stayed|staying|remain|remains|keep|keeps|kept)\s+(?:\w+\s+)?(?:below|under|within)|"
        r"(?:must|shall|may|will|should|do(?:es)?|to)\s+not\s+exceed|not\s+to\s+exceed|never\s+exceeds?|"
        # a requirement the deployment is built to: "shall support 400", "must be able to serve 2,000"
        r"(?:shall|must|is required to|are required to)\s+(?:be\s+able\s+to\s+)?(?:support|sustain|"
        r"accommodate|serve|handle|cope\s+with|cater\s+for|scale\s+to|be\s+sized\s+for)|"
        r"maxima(?:al|l)|m[áa]ximo|bis zu|jusqu'à|hasta|tot|"
        # the peak of concurrency is the field itself ("Peak concurrent users"): "peak concurrency is ~150"
        r"(?:peak|maximum|max\.?)\s+(?:concurren\w*|simultaneous)(?:\s+(?:users|sessions))?"
        r"(?:\s+(?:target|goal|design(?:\s+point)?))?(?:\s+(?:is|was|of|at))?:?|"  # "… target 500"
        # the design's figure, the limit a sizing is made for: "Design 1,800 concurrent", "design point 1,200"
        r"design(?:\s+point)?(?:\s+(?:is|of))?:?)\s+"
        r"(?:about |around |approx\.? |roughly |~\s*)?$",
        re.IGNORECASE,
    )
)  # (`opened`: tried only where a match can open)
_OBSERVED = opened(
    re.compile(
        r"\b(?:so far|to date|at the moment|current(?:ly)?|today|right now|as of|weekly|monthly|daily|"
        r"(?:logged|signed) (?:in|on)|log[- ]?ins?|sign[- ]?ins?|we see|seen|saw|observed|measured|"
        r"actual(?:ly)?|"
        # a count taken of what exists: "at the last count 1,020 people had an account"
        r"(?:at )?the (?:last|latest) count|(?:have|has|had|hold|held) (?:an? )?(?:user )?accounts?|"
        r"(?:per|a|each|every|in an?(?: typical| average| normal)?) (?:day|week|month)|"
        r"usage|uses|in use|average|"
        # people who "use it" now ("roughly 430 people use the instance"; not "can use", "to use")
        r"(?<!can\s)(?<!will\s)(?<!may\s)(?<!to\s)use\s+(?:it|the|this|sourcegraph|our)|"
        r"last (?:week|month|quarter|year)|virtual|simulated|synthetic|vus?|"
        r"(?:load[- ]|soak[- ]|stress[- ])?tested\s+(?:at|with))\b",
        re.IGNORECASE,
    )
)
# a sentence reporting measurements before the figure: the metrics' verbs and words ("CPU averaged 14 %
# and peaked at 33 %, peak concurrent users 96", "Grafana: …, 140 concurrent"): what was seen, unless a
# limit word is said of it ("… at 350 concurrent users (the limit in our support agreement)")
_MEASURING = quick(
    r"\b(?:averaged|peaked|topped out|maxed out|monitoring|metrics|grafana)\b",
    re.IGNORECASE,
)
_ADDED = quick(
    r"\+\s*$|\b(?:add(?:s|ed|ing)?|further|another|additional|extra|expan\w*|increase\w*|grow\w*|extend\w*|"
    r"extension\w*|"
    r"true-?up|uplift|bring(?:s|ing)?)\b",
    re.IGNORECASE,
)
_SIMULATED = opened(
    re.compile(  # "40 virtual users" of a load test: no people at all
        r"\b(?:virtual|simulated|synthetic|emulated|scripted|test|dummy|fake)\b", re.IGNORECASE
    )
)
_NOW_BEFORE = re.compile(  # "at the current 1,180 users", "today's 2,310": now's figure
    r"\b(?:current|present|existing|actual|today's|todays)\s+$", re.IGNORECASE
)
_DENIED = opened(
    re.compile(  # "(not contractual)", "not bought", "non-binding", "not set": a figure nobody agreed
        r"\b(?:not|non-?|never|no longer)\s*(?:yet\s+|part of (?:the |our )?)?"
        r"(?:contract\w*|licen[cs]\w*|bought|"
        r"purchased|committed|binding|agreed|signed|(?:defined|set|fixed|determined|specified|decided)\b)",
        re.IGNORECASE,
    )
)
# a figure its writer only guesses ("my guess would be 100–150 at peak", "I'd say about 80", "a hunch:
# 200"): nobody agreed it
_GUESSED = quick(
    r"\b(?:guess(?:ed|es|ing|timate)?|hunch|gut[\s-]+feel\w*|speculat\w*|"
    r"I(?:['’]d| would)\s+(?:say|guess|expect|estimate)|I\s+(?:think|reckon|suppose)|"
    r"(?:my|our)\s+(?:own\s+)?(?:estimate|feeling|assumption|expectation))\b",
    re.IGNORECASE,
)
_PENDING = quick(  # a figure asked for or offered, not yet agreed
    r"\W*\b(?:requested|pending|proposed|awaiting|under negotiation|being negotiated|quoted|"
    r"to be (?:confirmed|agreed|signed|approved))\b",
    re.IGNORECASE,
)
_NOT_LIMIT = re.compile(  # "(a test, not a limit)", "observed, not a cap": the figure's own words deny it
    r"\bnot\s+(?:a|an|the|our|any)\s+(?:(?:hard|design|sizing|contractual|licen[cs]ed?)\s+)?"
    r"(?:limit|cap|ceiling|maximum|max|target|commitment|entitlement)\b"
    # "… below 5,000 repos, but that's not a contractual number": agreed by nobody, whatever it counts
    r"|\bnot\s+(?:a|an|the|our|any)\s+(?:contractual|binding|agreed|licen[cs]ed|committed|signed)\s+"
    r"(?:number|figure|value|amount|count)\b",
    re.IGNORECASE,
)
_NOTE_OBSERVED = re.compile(r"\W*(?:observed|measured|seen|actual|recorded)\b", re.IGNORECASE)
_SENTENCE_END = opened(re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n"))
_MORE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?more\b(?! than)", re.IGNORECASE)  # "400 more users"
_FIGURE = opened(
    re.compile(rf"(?<![\w.,])(?!(?:19|20)\d\d\b)(?:{shapes.NUMBER})")
)  # an earlier figure, not a year
_AT_ONCE = re.compile(
    r"\b(?:concurren(?:t|tly|cy)|simultaneous(?:ly)?|gelijktijdige?|gleichzeitige?n?|simultan[ée]s?|"
    r"simult[áa]neos|concurrentes|at once|(?:at|in) (?:the |one |a )?same (?:time|moment)|"
    r"at (?:any |one |a )(?:one |given |single )?(?:time|moment)|"  # "at any one time", "at a time"
    r"at (?:the |a )?peak|peak|in parallel|conc)\b",
    re.IGNORECASE,
)


def clause(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(the words of the figure's clause before it, the same words after the previous figure's own,
    the words after it up to the clause's end). A verb before the first of coordinated figures governs
    them all ("would add 2,500 repositories and 700 users"); words after a figure are its own ("6,200
    repositories today and … up to 10,000")."""
    opens = [m.end() for m in _OPENS.finditer(text, 0, start)]
    at = opens[-1] if opens else 0
    near = at
    for m in _FIGURE.finditer(text, at, start):
        stop = _ENDS.search(text, m.end())
        near = max(near, min(stop.start() if stop else start, start))
    stop = _ENDS.search(text, end)
    return text[at:start], text[near:start], text[end : stop.start() if stop else len(text)]


_STALE = opened(
    re.compile(  # "the runbook still quotes the licence as 1 000 users": a figure no longer in force
        r"\b(?:still\s+(?:quotes?|says|states?|shows?|lists?|mentions?|gives?|reads?|has|had)|outdated|"
        r"out of date|stale|previously|formerly|used to|superseded|"
        r"(?<!-)(?:old|previous|earlier|former|expired)\s+(?:licen[cs]e|contract|subscription|order|agreement|figure|value|number|quote|sizing|limit|cap)s?)\b",
        re.IGNORECASE,
    )
)
_ACTIVE = re.compile(r"\bactive\b", re.IGNORECASE)  # "1,630 active users": a count of those who used it
_OF_THEM = re.compile(r"(?:\S+)\s+of\s+(?:them|those|these|whom)\b", re.IGNORECASE)  # "90 of them …"


def relation(text: str, start: int, end: int) -> str:
    """As `_relation`; a figure past which the sizing must be decided again ("growth beyond 4,000
    repositories needs a new ADR", `limitwords.threshold`) is the bound agreed: a limit."""
    return "limit" if threshold(text, start, end) else _relation(text, start, end)


def _relation(text: str, start: int, end: int) -> str:
    """ "limit", "observed", "added", "old" (no longer in force: "the runbook still quotes the licence
    as 1 000 users") or "" (nothing said) for the figure at text[start:end]. A figure counting a part
    of the one before ("good for 350 people, 90 of them searching at once") stands as that one does."""
    if _OF_THEM.match(text, start):
        earlier = [m for m in _FIGURE.finditer(text, 0, start) if m.end() < start]
        if earlier:
            return relation(text, earlier[-1].start(), earlier[-1].end())
    before, near, after = clause(text, start, end)
    if _NOT_LIMIT.search(_rest_of_sentence(text, end)):
        return "observed"  # "load-tested at 600 concurrent users (a test, not a limit)"
    label = _label_before(text, start)  # `Peak so far: 130 users`: the label's words are the figure's too
    if _DENIED.search(label):
        return "added"
    if (
        _SIMULATED.search(text, start, end)
        or _NOW_BEFORE.search(near)
        or (_OBSERVED.search(label) and not _LIMIT.search(label))
    ):
        return "observed"  # "(40 virtual users)", "the current 1,180 users": never a limit
    if (
        _ADDED.search(before)
        or _MORE.match(after)
        or _DENIED.search(before)
        or _DENIED.search(after)
        or _GUESSED.search(f"{label} {before}")  # "my guess would be 100–150 at peak": no figure agreed
    ):
        return "added"
    if _PENDING.search(before) or _PENDING.search(after) or _PENDING.match(_rest_of_sentence(text, end)):
        return "added"  # "Licence upgrade requested from 1,500 to 2,500 users (pending)": not agreed yet
    if _STALE.search(near) or _STALE.search(label):
        return "old"
    own = _OBSERVED.search(text, start, end) or _ACTIVE.search(text, start, end)  # "~260 weekly users"
    if (_OBSERVED.search(near) or _OBSERVED.search(after) or own) and not _LIMIT.search(near):
        return "observed"  # ("sized for 2,000 active users" is a limit)
    if _MEASURING.search(_sentence_before(text, start)) and not _LIMIT.search(
        f"{before} {after} {_rest_of_sentence(text, end)}"
    ):
        return "observed"  # "node CPU averaged 14 % and peaked at 33 %, peak concurrent users 96"
    if _BOUND.search(before) or _LIMIT.search(_others_own(before)) or _LIMIT.search(label):
        return "limit"  # (`Licentie: 900 gebruikers`: the label before the figure names the licence)
    return ""


# a participle inside an earlier figure's own noun phrase ("1,800 licensed users", "500 contracted seats")
_OWN_PARTICIPLE = quick(
    rf"(?<![\w.,])(?:{shapes.NUMBER})\s+(?:[a-z]+\s+)?(?P<word>licen[cs]ed|contracted|subscribed|entitled)"
    r"(?=\s+[a-z])",
    re.IGNORECASE,
)


def _others_own(before: str) -> str:
    """The words of a clause before a figure without the limit words an earlier figure's own noun
    phrase holds: in "serving 1,800 licensed users, with 2,030 repositories" the licence is the users'
    bound, and the repositories after it are counted, not bounded."""
    return _OWN_PARTICIPLE.sub(lambda m: m.group(0)[: m.start("word") - m.start()], before)


def _sentence_before(text: str, start: int) -> str:
    """The words of a figure's sentence before it (from the last full stop, semicolon or line break)."""
    head = text[:start]
    cut = max(head.rfind(". "), head.rfind("; "), head.rfind("\n"))
    return head[cut + 1 :]


def _rest_of_sentence(text: str, end: int) -> str:
    """The words after a figure to its sentence's end, up to the next figure (its own aside included)."""
    stop = _SENTENCE_END.search(text, end)
    rest = text[end : stop.start() if stop else len(text)]
    figure = _FIGURE.search(rest)
    return rest[: figure.start()] if figure else rest


def not_limit(note: str) -> bool:
    """A note beside a figure (a table's `Notes` cell) saying it is a measurement or no limit
    ("observed, not a limit", "measured peak"): the figure is no limit."""
    return bool(_NOT_LIMIT.search(note) or _NOTE_OBSERVED.match(note))


_NOTE_AFTER = re.compile(
    rf"\W*(?:about |around |approx\.? |ca\.? |~)?(?:{shapes.NUMBER})(?P<k>k)?\b\W*", re.I
)


_NOTE_END = re.compile(r"[;.]\s")


def bound_note(value: str) -> bool:
    """A labelled count followed by words of its own, no figure among them, that call it a bound
    ("3,000 Upper bound of the design; growth above it needs a change order", "5,000 (the licence
    cap)"): the value is a limit, whatever its label."""
    m = _NOTE_AFTER.match(value)
    if m is None:
        return False
    note = _NOTE_END.split(value[m.end() :], maxsplit=1)[0]
    if not note.strip() or shapes.DIGIT.search(note) or _OBSERVED.search(note) or _DENIED.search(note):
        return False
    return bool(_LIMIT.search(note)) and not re.search(r"\b(?:today|currently|now|at present)\b", note, re.I)


_BOUND_AFTER = re.compile(  # a later figure of a value its own words bound: "1,100 (licensed for 1,200)"
    rf"\b(?:licen[cs]ed?|contracted|subscribed|sized|designed|capped|limited)(?:\s+(?:for|at|to|of)\s+|\s*:\s*)"
    rf"(?:up to\s+)?(?:about |around |approx\.? |~\s*)?(?P<n>{shapes.NUMBER})(?P<k>k)?\b",
    re.IGNORECASE,
)
# a bound named as a noun that opens an aside and bounds the value's own things: "(limit 5k)", "(licence
# cap 1,500)", "— hard limit: 4,000"; not another thing's bound ("GitHub org cap of 2,000", "API rate
# limit 5,000 per hour", "DR limit: 200"), nor one of other things, a share or a later year's ("max 500
# concurrent", "max 2 GB", "max 10 tokens each", "ceiling of 2,000 after the renewal", "max 2027: …")
_BOUND_NOUN = re.compile(
    r"(?:(?<=[(,;])|[(,;]|\s[—–-]|(?<=\s[—–-]))\s*(?:the\s+)?(?:(?:hard|soft|licen[cs]e|contract(?:ual)?|seat|user)\s+)?"
    r"(?:limit|cap|ceiling|max(?:imum)?)(?:\s+(?:of|is)|\s*:)?\s+(?:about |around |approx\.? |~\s*)?"
    rf"(?!(?:19|20)\d\d\b)(?P<n>{shapes.NUMBER})(?![.,]?\d)(?P<k>k)?(?:\s+(?P<noun>[a-z]+))?\s*(?=[),;.]|$)",
    re.IGNORECASE,
)
_OWN_NOUN = re.compile(rf"(?:{PERSONS})", re.IGNORECASE)
_REPO_NOUN = re.compile(r"repos|repositories|repo", re.IGNORECASE)


def _bound(value: str, start: int, end: int, repositories: bool) -> re.Match[str] | None:
    """The first bound of the value's own count in `value[start:end]`: its words (`_BOUND_AFTER`) or a
    bound noun opening an aside whose figure counts the value's own things (`_BOUND_NOUN`)."""
    own = _REPO_NOUN if repositories else _OWN_NOUN
    named = _BOUND_NOUN.search(value, start, end)
    if named is not None and named.group("noun") and not own.fullmatch(named.group("noun")):
        named = None  # "(max 500 concurrent)": other things' bound
    found = [m for m in (_BOUND_AFTER.search(value, start, end), named) if m]
    return min(found, key=lambda m: m.start()) if found else None


_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)")
_OTHER_COUNT = re.compile(r"\s*(?:concurrent|simultaneous|active|peak|repos|repositories)\b", re.IGNORECASE)


# what a bound's figure counts when it is no total of the value's own things: one unit's share ("max
# 1,000 per group", "cap of 10,000 / org"), a size ("max 2 GB each")
_SHARE_OR_SIZE = re.compile(r"\s*(?:(?:per|each|a|an)\b|/|[KMGT]i?B\b|[KMGT]\b)", re.IGNORECASE)
_PERSONS_AFTER = re.compile(rf"\s*(?:\w+\s+)?(?:{PERSONS})\b", re.IGNORECASE)


def bound_figure(value: str, repositories: bool = False) -> str | None:
    """The figure a value's own words bound after its first one ("640 today, licence for 1,000" →
    `1000`), or None; none when the figure counts other things than the value's (people, or
    `repositories`), one unit's share or a size ("Repos: 3,300 (max 1,000 per group)")."""
    m = _NOTE_AFTER.match(value)
    end = _CLAUSE_END.search(value)  # "3,500 licensed seats. The site is sized for 600 concurrent users"
    bound = _bound(value, m.end(), end.start() if end else len(value), repositories) if m else None
    after = bound.end("k") if bound and bound.group("k") else bound.end("n") if bound else 0
    if bound is None or _SHARE_OR_SIZE.match(value, after):
        return None
    other = _PERSONS_AFTER if repositories else _OTHER_COUNT  # "Repos: 3,300 (limit 2,000 users)"
    if other.match(value, after):
        return None
    return shapes.thousands(bound.group("n"), bound.group("k"))


_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")


def bound_later(value: str, repositories: bool = False) -> bool:
    """A labelled value that opens with a figure and then bounds another one ("~1,100 (licensed for
    1,200)", "2,000 — sized for 2,500"): its first figure is a headcount beside the limit, so the
    line is read as prose (where the bounded figure is the limit)."""
    m = _NOTE_AFTER.match(value)
    end = _SENTENCE_STOP.search(value)  # ("2,000. The DR instance is licensed for 200": another sentence's)
    return (
        m is not None and _bound(value, m.end(), end.start() if end else len(value), repositories) is not None
    )


_THINGS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?P<w>[a-z][a-z-]{2,}s)\b")
_NO_THINGS = re.compile(  # words ending in s that count no things ("is", "has"), or count people at once
    rf"\w*(?:ss|us|is)|has|was|does|always|perhaps|towards|sessions|log-?ins|sign-?ins|searchers|members|visitors|"
    rf"readers|viewers|humans|individuals|accounts|identities|{PERSONS}",
    re.IGNORECASE,
)


def counts_things(text: str, end: int) -> bool:
    """Whether the words right after a concurrency figure name the things it counts, and they are no
    people ("up to 900 concurrent builds", "40 concurrent CI jobs"): no count of users at once."""
    m = _THINGS_AFTER.match(text, end)
    return m is not None and not _NO_THINGS.fullmatch(m.group("w"))


def concurrent(text: str, start: int, end: int) -> bool:
    """Whether the figure counts people at one time, by the words of its clause around it."""
    _, near, after = clause(text, start, end)
    return bool(
        _AT_ONCE.search(text[start:end])
        or _AT_ONCE.search(after)
        or _AT_ONCE.search(near[-32:])
        or _AT_ONCE.search(_label_before(text, start))
    )


_LABEL_BEFORE = quick(r"(?:^|[;.\n•·|])([^;.\n•·|:]{1,48}):\s*(?:about |around |approx\.? |~\s*)?$")


def _label_before(text: str, start: int) -> str:
    """The label a figure opens the value of, within a line of several (`…; peak concurrency
    supported: 120 users`): its words describe the figure as much as its own clause does."""
    m = _LABEL_BEFORE.search(text, max(0, start - 64), start)
    return m.group(1) if m else ""


def denied(text: str) -> bool:
    """A text saying its figures were not agreed ("Planning figure for 2028 (not contractual)")."""
    return bool(_DENIED.search(text))


def observed_label(label: str) -> bool:
    """A label of a measurement ("Active users (approx.)", "Weekly active users", "Peak concurrent so
    far") or of a growth rate ("User growth / year"): its figure is no limit, unless the label also
    names one ("Max active users"). A label of simulated users ("Virtual users" of a load test)
    counts no people at all."""
    if _SIMULATED.search(label):
        return True
    if _LIMIT.search(label):
        return False
    return bool(_OBSERVED.search(label) or re.search(r"\bactive\b|\bgrowth\b", label, re.IGNORECASE))


_LICENCE_NOUN = re.compile(r"licen[cs]|lizenz", re.IGNORECASE)


def agreements(value: str, noun: str) -> bool:
    """Whether a count of licences counts the agreements, not the seats: a single digit ("both
    instances were licensed separately … the two old licences added up to 2,050"); no deployment's
    seats are that few."""
    return value.isdigit() and int(value) < 10 and _LICENCE_NOUN.match(noun) is not None


def person_counts(text: str) -> Iterator[tuple[shapes.Match, str]]:
    """Counts of people or seats: (the match, its noun)."""
    yield from shapes.counted(text, PERSONS)
