"""Words that say a text's figures are not the deployment's current state, or not yet settled.

* `is_limit` / `is_growth`: a text about agreed limits, scope or sizing targets (its counts are
  the `max_*` fields), or about expected growth (its figures are never a current count);
  `is_technical_limit`: a service's own limit ("hits its rate limit after ~200 repositories").
* `is_future` / `is_planned`: a date that was a plan, a label of a plan ("Planned start date").
* `is_suggestion` / `is_correction`: a sentence that proposes (or reports a question: "asks whether"), a
  block that corrects or withdraws.
"""

from __future__ import annotations

import functools
import re

from handoff.core.quickre import opened, quick
from handoff.read.lasttext import last_text

# "up to" bounds a figure, but "adds up to" sums to it (a fixed-width look-behind per form)
NOT_SUMMED = r"(?<!\badd\s)(?<!\badds\s)(?<!\badded\s)(?<!\badding\s)"
_LIMIT = quick(
    r"\b(?:limits?|upper|maximum|max|caps?|capped|quotas?|allowances?|contract(?:ed)?|licen[cs]e[ds]?|"
    + NOT_SUMMED
    + r"up to|"
    r"at most|no more than|entitle(?:d|ment)s?|order form|subscri(?:ption|bed)|"
    r"(?:sized|designed|dimensioned|rated) (?:for|to)|(?:sizing|design|capacity) (?:assumptions?|"
    r"targets?|points?|basis|model|load|figures?|parameters?|plan(?:ning)?)|headroom|ceiling|"
    r"(?:sizing|design|capacity|performance|operating) envelopes?|"  # the bounds it is sized within
    r"(?:sizing|capacity)\s+(?:\w+\s+){0,2}agreed|agreed\s+(?:sizing|capacity))\b",
    re.IGNORECASE,
)
_GROWTH = quick(
    # ("1,600 GB (grown from 800 GB on 2026-08-26)": a bracket telling the change that made the figure)
    r"\b(?:grow(?:s|ing|th)?|(?<!\()grown|double|doubling|triple|forecast|projected|projection|will reach|"
    # an outlook is a forecast ("Three-year outlook", "Outlook for 2028"), not the mail client's add-in
    r"outlook(?!\s+(?:add|plug|client|web|calendar|mail|365|integration)\w*)|"
    r"would mean|"
    r"next year|roadmap|uplift|increases? to|expand(?:s|ed)? to|will (?:\w+ )?reach|"
    r"by (?:the )?(?:(?:end|middle|start) of |mid-?|early |late )?"
    r"(?:next \w+|(?:FY|Q[1-4]|H[12])\s?'?(?:20)?\d\d(?:[/-]\d\d)?|20\d\d(?:[/-]\d\d)?(?![/.-]\d))"
    r"|(?:is|are) expected to)\b"
    # a state to come, told by its adverb or by the event it waits for: "1,500 users eventually",
    # "once the magazines group joins" (not a past event: "the index eventually finished")
    r"|\beventually\b(?!\s+(?:\w+ed|came|went|got|took|ran|was|were|had|did|made|grew|became)\b)"
    r"|\bonce\s+(?:the\s+|our\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:joins?|is\s+in|are\s+in|comes?\s+on\s*board|"
    r"(?:is|are)\s+(?:on-?boarded|migrated|acquired))\b"
    r"|(?:^|(?<=[\s(]))\+\d"  # "about +600 seats": an increase, never a current figure
    r"|\b(?:extend|increas|expand|enlarg|rais|grow|resiz|bump)\w*\s+by\s+(?:about\s+|~\s*)?\d"  # a step
    r"|\bby\s+(?:about\s+|~\s*)?\d[\d.,]*\s*(?:[KMGT]i?B|vCPUs?|nodes?|%)\s+(?:extended|increased|expanded|"
    r"enlarged|raised|grown)\b"  # the same with its verb last, as German writes it ("um 200 GB erweitert")
    r"|\bif\b[^.;]*\bwould\b|\bwould\b[^.;]*\bif\b"  # a condition's outcome: "if X joins, it would take"
    # a hypothetical size told by its figures: "at the maximum of 6 the cluster would have 104 vCPU"
    r"|\bwould\s+(?:then\s+)?(?:have|total|come\s+to|reach|give)\s+(?:(?:about|roughly|around|some)\s+|~\s*)?\d"
    # the same said short, or said to be hypothetical: "if we hit 5,000 repos we'd need a fifth node"
    r"|\bif\b[^.;]*\b(?:we|they|you|it|that|I)['’]d\b|\bhypothetical(?:ly)?\b"
    # an addition planned for a later period: "a fourth node (64 vCPU in all) is planned for next quarter"
    r"|\b(?:planned|scheduled|slated|budgeted|pencil+ed\s+in)\s+for\s+(?:the\s+)?(?:(?:next|coming|following)\s+"
    r"(?:quarter|half|year|month|phase|release|sprint|budget|fiscal)|(?:Q[1-4]|H[12]|FY\s?'?\d\d)\b|"
    r"20\d\d\b(?![/.-]\d)|phase\s+(?:2|3|two|three|II)\b)",
    re.IGNORECASE,
)
_FUTURE = quick(
    # ("went live today as planned", "completed as expected": it happened, as the plan said)
    r"\b(?:(?<!\bas )(?:planned|scheduled|expected)"
    r"|as (?:planned|scheduled|expected)(?= +(?:for|on|in|to|by|at)\b)|"
    r"will be|is due|tentative(?:ly)?|originally|re-?scheduled|postponed|"
    r"moved(?!\s+(?:in)?to\s+production)|pushed back|brought forward)\b",
    re.IGNORECASE,
)  # a date that was a plan, or a plan that was moved (not "moved into production"): no date of the thing
_PLANNED = opened(
    re.compile(
        r"\b(?:plan(?:ned)?|scheduled|proposed|target(?:ed)?|tentative|estimated?|expected|forecast|baseline|projected|projections?|"
        r"outlook(?!\s+(?:add|plug|client|web|calendar|mail|365|integration)\w*)|"
        r"original(?:ly)?|requested|due|ETA|estimator|calculator|sizing\s+tool)\b",
        re.IGNORECASE,
    )
)


_SUGGESTION = quick(
    r"\b(?:suggest(?:s|ed|ion)?|recommend(?:s|ed|ation)?|propos(?:e|es|ed|al)|starting point)\b",
    re.IGNORECASE,
)
_CORRECTION = quick(
    r"\b(?:correction|corrected|correcting|erratum|amended|revised|changed to|should read|to correct|"
    r"withdr[ae]wn?|withdraws|retracted|superseded|scrapped|abandoned)\b"
    r"|\b(?:edit(?:ed)?|update[ds]?)\s*(?:\([^()]{0,30}\)\s*)?[:\-–—]",  # "Mats, 3 July: EDIT: …"
    re.IGNORECASE,
)


def is_suggestion(text: str) -> bool:
    """A sentence that proposes or recommends (its figures are not what was built), asks whether a
    thing would do without a question mark ("finance asks whether an e2-standard-32 would do", "Nell
    wondered if two VMs were needed", "they want to know whether 6 nodes fit"): a question reported, or
    supposes a case ("Hypothetically, 6 × m6i.4xlarge would give 96 vCPU")."""
    return bool(_SUGGESTION.search(text) or _ASKED_WHETHER.search(text))


# a question reported in a statement: a verb of asking, then "whether" or "if" (the asked thing); and a
# case only supposed ("Hypothetically, 6 × m6i.4xlarge would give 96 vCPU", "Hypothetical: …", "What if
# we went to 6 nodes: …", "Suppose we doubled the disk")
_ASKED_WHETHER = quick(
    r"\b(?:asks?|asked|asking|wonders?|wondered|wondering|enquir(?:es?|ed|ing)|inquir(?:es?|ed|ing)|queried|"
    r"(?:wants?|wanted|would\s+like|asked)\s+to\s+know)\s+(?:[\w'’-]+\s+){0,2}?(?:whether|if)\b"
    r"|\bhypothetic(?:al|ally)\b|\bwhat\s+if\b|\bsuppos(?:e|ing)\s+(?:we|they|you|the|that)\b",
    re.IGNORECASE,
)


# a block opening as an edit or update of what was written ("EDIT: …", "Update 12 Oct: …", "UPDATE —")
_EDIT_OPENING = re.compile(r"\W*(?:edit(?:ed)?|update[d]?)\b[^:\n.]{0,24}(?::|\s[–—-]\s)", re.IGNORECASE)


def is_correction(text: str) -> bool:
    """A block that corrects an earlier figure ("correction: it's 5 nodes, not 6", "EDIT: 48 vCPU",
    "Update 12 Oct: memory is 384 GB") or withdraws an earlier proposal ("the 3-node proposal is
    withdrawn; final node group: …")."""
    return bool(_CORRECTION.search(text) or _EDIT_OPENING.match(text))


_TECHNICAL = quick(  # a limit of a service's resource, not of the licence or the sizing
    r"\b(?:rate|api|request|requests|memory|cpu|time|size|file|upload|connection|token|bandwidth|"
    r"throughput|quota)[\s-]+$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)
def _limit_words(text: str) -> tuple[int, ...]:
    """Where the limit words of a text start (both questions below ask it of each sentence)."""
    return tuple(m.start() for m in _LIMIT.finditer(text))


# a bound counted per unit of work: a page size or a rate ("returns at most 50 repositories per page",
# "up to 100 results per request", "max 5,000 calls an hour"): an API's, never the deployment's
_PER_CALL = re.compile(
    r"\d\s*(?:[\w-]+\s+){0,2}(?:per|an?|each|every)\s+(?:api\s+)?(?:page|request|call|response|query|batch|"
    r"hour|minute|second|token)\b",
    re.IGNORECASE,
)


def is_technical_limit(text: str) -> bool:
    """A text about a service's technical limit ("hits its rate limit after ~200 repositories", "the API
    returns at most 50 repositories per page"): its counts are that limit's thresholds, neither a current
    count nor an agreed limit."""
    return any(
        _TECHNICAL.search(text[:at]) or _PER_CALL.search(text, at, at + 60) for at in _limit_words(text)
    )


# a figure past which something must be decided again ("Repository growth beyond 4,000 repositories
# needs a new ADR", "anything above 2,000 users requires a re-sizing", "going past 6,000 repos would need
# a second instance"): the figure is the bound the deployment was agreed for, not a growth figure
_THRESHOLD = quick(
    r"\b(?:grow(?:th|ing|s|n)?|go(?:es|ing)?|scal(?:e|es|ing)|expan(?:d|ds|ding|sion)|increas(?:e|es|ing)|"
    r"anything|everything|more|use|usage)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:beyond|past|above|over|more\s+than|in\s+excess\s+of|exceeding)\s+(?:about\s+|~\s*)?"
    r"\d[\d,.]*\s*k?\s+(?:[\w-]+\s+){1,3}?"
    r"(?:needs?|requires?|would\s+(?:need|require|mean|trigger)|must\s+(?:go|be)|calls?\s+for|triggers?|"
    r"means?\s+(?:a|an)\s+(?:new|second|fresh|another))\b",
    re.IGNORECASE,
)
# a limit word denied: "Not a limit but noted: …", "this is no cap", "isn't a ceiling"
_DENIED = quick(
    r"\b(?:not|no|isn['’]t|aren['’]t|never)\s+(?:an?\s+|the\s+|any\s+)?(?:(?:hard|firm|fixed|agreed|user|"
    r"repository|repo|seat|usage)\s+)?$",
    re.IGNORECASE,
)


def threshold(text: str, start: int, end: int) -> bool:
    """Whether the figure at text[start:end] is one past which the sizing must be decided again
    (`_THRESHOLD`: "growth beyond 4,000 repositories needs a new ADR"): a limit, not an increment."""
    return any(m.start() <= start and end <= m.end() for m in _THRESHOLD.finditer(text))


def is_limit(text: str) -> bool:
    """A text about agreed limits, scope or sizing targets; not a technical limit ("Bitbucket hits its
    rate limit after ~200 repositories", "the API limit"), nor one whose limit word is denied ("Not a
    limit but noted: …", "no hard cap"); or a figure past which the sizing must be decided again
    (`_THRESHOLD`)."""
    return any(
        not _TECHNICAL.search(text[:at]) and not _DENIED.search(text[max(0, at - 28) : at])
        for at in _limit_words(text)
    ) or bool(_THRESHOLD.search(text))


# a bracketed aside with no figure in it (`_figure_aside`: nor right before it)
_ASIDE = re.compile(r"\(([^()\d]{0,80})\)")
_FIGURE_BEFORE = re.compile(r"\d[\d,.]*\s*(?:[^\W\d]+\s*){0,2}$")  # "2,000 users (…": the figure's aside


def _name_asides_blanked(sentence: str) -> str:
    """The sentence with each aside on a name (no figure in it, none in the two words before it) blanked."""

    def blank(m: re.Match[str]) -> str:
        return (
            m.group(0)
            if _FIGURE_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()])
            else " " * len(m.group(0))
        )

    return _ASIDE.sub(blank, sentence)


def is_limit_sentence(sentence: str) -> bool:
    """`is_limit` of a sentence whose limit words are not all inside an aside on a name: a product's
    or an account's own licence or plan ("GitHub.com (org acme, GitHub Enterprise Cloud licence) with
    940 repositories") says nothing of the deployment's limits; an aside after a figure ("2,000 users
    (licensed)") still does."""
    if not is_limit(sentence):
        return False
    if "(" not in sentence:
        return True
    return is_limit(_name_asides_blanked(sentence))


# a line labelled with a fiscal year ("FY27: 3,500 seats incl. the reinsurer"): the figure of a budget
# period, a plan for that year; the deployment's figures are never labelled with a budget year
_FISCAL_LABEL = re.compile(r"\W*FY\s?'?(?:20)?\d\d(?:[/-]\d\d)?\s*(?::|[–—-]\s)")


@last_text  # (asked of a sentence by its trailing clause's test, then by the sentence's skip test)
def is_growth(text: str) -> bool:
    """Whether a text tells of growth or a plan (`_GROWTH`); a phrase measuring the event against its
    plan ("built as on the roadmap", "according to the roadmap") is no plan: people write it of what
    happened."""
    m = _GROWTH.search(text)
    if m is None:
        return "FY" in text and _FISCAL_LABEL.match(text) is not None
    if "oadmap" in m.group(0) and _AS_PLANNED.search(text):
        text = _AS_PLANNED.sub(lambda a: " " * len(a.group(0)), text)
        m = _GROWTH.search(text)
        if m is None:
            return False
    t = _THRESHOLD.search(text)  # "growth beyond 4,000 repositories needs a new ADR": a bound, no growth
    if t is None:
        return True
    rest = text[: t.start()] + " " * (t.end() - t.start()) + text[t.end() :]
    return bool(_GROWTH.search(rest))


# a title only about growth: "Growth", "Expected growth", "4.4 Is growth expected?", "Growth forecast",
# "Future growth and plans", "Is there a forecast of growth?" (its words all growth or filler)
_GROWTH_WORD = opened(re.compile(r"grow(?:s|th|ing)?|expansion", re.IGNORECASE))
_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\bFY\s?\d|\bQ[1-4]\b")  # a time's column: `Growth (2027)`, `FY27`
_GROWTH_TITLE_WORDS = frozenset({
    "growth", "grow", "grows", "growing", "expansion", "forecast", "forecasts", "expected", "expect",
    "future", "planned", "plans", "plan", "projected", "projection", "projections", "anticipated",
    "outlook", "expectations", "is", "are", "there", "any", "a", "an", "of", "the", "for", "and", "do",
    "does", "you", "we", "they", "will", "it", "what", "how", "much", "some",
})  # fmt: skip
_TITLE_WORD = re.compile(r"[^\W\d_]+")


def growth_title(title: str) -> bool:
    """Whether a section title (a heading, a question) is about growth and nothing else: what its part
    says is what may come, not what was built or agreed ("4.4 Is growth expected?" over "Yes: up to
    5,000 users in 2027"). A title naming anything else too ("Limits and growth", "Sizing for growth")
    is not, nor one naming a time (`Growth (2027)`: a column of another time's figures)."""
    if not _GROWTH_WORD.search(title) or len(title) > 80 or _YEAR.search(title):
        return False  # (a column of figures at another time, `Forecast (2027)`, is `read.pastcolumns`')
    words = [w.casefold() for w in _TITLE_WORD.findall(title)]
    return bool(words) and all(w in _GROWTH_TITLE_WORDS for w in words)


# the actual event measured against its plan: "(completed as planned)", "went live as scheduled", "two
# days later than planned", "according to plan": what happened, no plan of its own
_AS_PLANNED = re.compile(
    r"\b(?:as|than)\s+(?:(?:was|were|had been|originally|first)\s+)*(?:planned|scheduled|expected)\b"
    r"|\baccording\s+to\s+(?:the\s+)?(?:plan|schedule|roadmap)\b"
    # the event measured against a plan that is named: "Build ran 19 Oct to 6 Nov as on the roadmap"
    r"|\bas\s+(?:on|in|per)\s+(?:the\s+|our\s+)?(?:plan|schedule|roadmap|timeline)\b",
    re.IGNORECASE,
)


def is_future(text: str) -> bool:
    """Whether a sentence's dates are of a plan or a plan moved (`_FUTURE`), not of the event measured
    against its plan ("completed as planned", "later than scheduled")."""
    if not _FUTURE.search(text):
        return False
    if not _AS_PLANNED.search(text):
        return True
    return bool(_FUTURE.search(_AS_PLANNED.sub(lambda m: " " * len(m.group(0)), text)))


def without_as_planned(text: str) -> str:
    """`text` with its phrases measuring the event against its plan blanked ("started on 30 March as
    planned and finished on …": the clause of the next date is no plan)."""
    if "lanned" not in text and "cheduled" not in text and "xpected" not in text and "ccording" not in text:
        return text
    return _AS_PLANNED.sub(
        lambda m: m.group(0) if _PLAN_FOR.match(text, m.end()) else " " * len(m.group(0)), text
    )


_PLAN_FOR = re.compile(
    r"\s+(?:for|on|to|by|in|at)\b", re.IGNORECASE
)  # "Go-live as planned for 24 March": the plan


# a label of a guess: "Estimated repositories", "Ballpark from the SE", "Rough estimate of users"
_ESTIMATE = quick(
    r"\b(?:estimated?|estimates|guess(?:ed|es|timate)?|ballpark|rule\s+of\s+thumb|"
    r"back[\s-]of[\s-](?:the[\s-])?envelope)\b",
    re.IGNORECASE,
)


def is_estimate(label: str) -> bool:
    """A label of an estimate, a guess or a rule of thumb: its value is nobody's figure, alone or not."""
    return bool(_ESTIMATE.search(label))


def is_planned(label: str) -> bool:
    """A label of a plan ("Planned start date", "Target go-live", "Proposed disk"): an actual value wins."""
    return bool(_PLANNED.search(label))
