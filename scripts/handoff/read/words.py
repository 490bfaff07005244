"""What words in a TDD mean: environments, limits, growth, a label's field, vocabulary names in text.

* `Environments.spans(text)`: where in a text the production or a non-production environment is
  named (the words are the catalogue's `[tdd]` production/trial words), so a value takes the
  environment of the nearest naming before it.
* `is_limit` / `is_growth`: a text about agreed limits, scope or sizing targets (its counts are
  the `max_*` fields), or about expected growth (its figures are never a current count).
* `label_meaning(label)`: the field a label means when the catalogue has no alias for it, from
  its words' stems ("Node pool", "Machines" → instance types; "Endpoint" → instance URL;
  "Production complete" → completion date). The value's shape still has to fit (`read.facts`).
* `Vocab.find(text)`: the vocabulary values named anywhere in a text ("Helm chart on Amazon EKS"
  → Kubernetes with Helm; AWS), longest name first, from the catalogue's vocabularies.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from handoff.core.fields import Catalogue, norm
from handoff.core.quickre import any_of, quick
from handoff.read.envnames import definition_run, migration_sides, promotion_street
from handoff.read.legends import legend_pairs
from handoff.read.limits import observed_label

_LIMIT = quick(
    r"\b(?:limits?|upper|maximum|max|caps?|capped|contract(?:ed)?|licen[cs]e[ds]?|up to|in scope|"
    r"at most|no more than|entitle(?:d|ment)s?|order form|subscri(?:ption|bed)|"
    r"(?:sized|designed|dimensioned|rated) (?:for|to)|(?:sizing|design|capacity) (?:assumptions?|"
    r"targets?|basis|model|load|figures?|parameters?|plan(?:ning)?)|headroom|ceiling|"
    r"(?:sizing|capacity)\s+(?:\w+\s+){0,2}agreed|agreed\s+(?:sizing|capacity))\b",
    re.IGNORECASE,
)
_GROWTH = quick(
    r"\b(?:grow(?:s|n|ing|th)?|double|doubling|triple|forecast|projected|projection|will reach|would mean|"
    r"next year|roadmap|uplift|increase[sd]? to|expand(?:s|ed)? to|will (?:\w+ )?reach|"
    r"by (?:the )?(?:(?:end|middle|start) of |mid-?|early |late )?"
    r"(?:next \w+|(?:FY|Q[1-4]|H[12])\s?'?(?:20)?\d\d(?:[/-]\d\d)?|20\d\d(?:[/-]\d\d)?(?![/.-]\d))"
    r"|(?:is|are) expected to)\b"
    r"|(?:^|(?<=[\s(]))\+\d"  # "about +600 seats": an increase, never a current figure
    r"|\bif\b[^.;]*\bwould\b|\bwould\b[^.;]*\bif\b",  # a condition's outcome: "if X joins, it would take"
    re.IGNORECASE,
)
_FUTURE = quick(
    r"\b(?:planned|scheduled|will be|is due|expected|tentative(?:ly)?|originally|re-?scheduled|postponed|"
    r"moved(?!\s+(?:in)?to\s+production)|pushed back|brought forward)\b",
    re.IGNORECASE,
)  # a date that was a plan, or a plan that was moved (not "moved into production"): no date of the thing
_PLANNED = re.compile(
    r"\b(?:plan(?:ned)?|scheduled|proposed|target(?:ed)?|tentative|estimated|expected|forecast|baseline|"
    r"original(?:ly)?|requested|due|ETA)\b",
    re.IGNORECASE,
)


_SUGGESTION = quick(
    r"\b(?:suggest(?:s|ed|ion)?|recommend(?:s|ed|ation)?|propos(?:e|es|ed|al)|starting point)\b",
    re.IGNORECASE,
)
_CORRECTION = quick(
    r"\b(?:correction|corrected|correcting|erratum|amended|revised|changed to|should read|to correct|"
    r"withdr[ae]wn?|withdraws|retracted|superseded|scrapped|abandoned)\b",
    re.IGNORECASE,
)


def is_suggestion(text: str) -> bool:
    """A sentence that proposes or recommends (its figures are not what was built)."""
    return bool(_SUGGESTION.search(text))


def is_correction(text: str) -> bool:
    """A block that corrects an earlier figure ("correction: it's 5 nodes, not 6") or withdraws an
    earlier proposal ("the 3-node proposal is withdrawn; final node group: …")."""
    return bool(_CORRECTION.search(text))


_TECHNICAL = re.compile(  # a limit of a service's resource, not of the licence or the sizing
    r"\b(?:rate|api|request|requests|memory|cpu|time|size|file|upload|connection|token|bandwidth|"
    r"throughput|quota)[\s-]+$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)
def _limit_words(text: str) -> tuple[int, ...]:
    """Where the limit words of a text start (both questions below ask it of each sentence)."""
    return tuple(m.start() for m in _LIMIT.finditer(text))


def is_technical_limit(text: str) -> bool:
    """A text about a service's technical limit ("hits its rate limit after ~200 repositories"):
    its counts are that limit's thresholds, neither a current count nor an agreed limit."""
    return any(_TECHNICAL.search(text[:at]) for at in _limit_words(text))


def is_limit(text: str) -> bool:
    """A text about agreed limits, scope or sizing targets; not a technical limit ("Bitbucket hits its
    rate limit after ~200 repositories", "the API limit")."""
    return any(not _TECHNICAL.search(text[:at]) for at in _limit_words(text))


def is_growth(text: str) -> bool:
    return bool(_GROWTH.search(text))


def is_future(text: str) -> bool:
    return bool(_FUTURE.search(text))


def is_planned(label: str) -> bool:
    """A label of a plan ("Planned start date", "Target go-live", "Proposed disk"): an actual value wins."""
    return bool(_PLANNED.search(label))


# --------------------------------------------------------------------------------------------
# environments


class Environments:
    """Production and non-production words (catalogue `[tdd]`), found by position in a text."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.trial_words = catalogue.tdd.trial_words
        self.production_words = catalogue.tdd.production_words
        self.trial = _phrases(self.trial_words)
        self.other = _phrases(catalogue.tdd.other_system_words, joined=False)
        self.production = _phrases(self.production_words)
        self.cache: dict[str, list[tuple[int, str]]] = {}
        self.products = _products(catalogue)
        self.chosen = ""  # the option the document says was decided or built ("Option B approved")
        self.options: dict[str, str] = {}  # a comparison table's option titles, by the one chosen
        self.proper: set[str] = set()  # learnt names that count only as written, capitalised

    def learn(self, text: str, lines: list[str] | None = None) -> dict[str, str]:
        """The names a document declares for its environments ("PRD = production", "Sandbox (SBX)",
        "dr-eu is a disaster-recovery standby"), added to the words; returns them by kind. `lines`:
        the document a paragraph or a table row a line (`legends.row_lines`; default: `text`'s lines).
        A legend is learnt first: the other definitions may use its names ("ORCA — Granite: …")."""
        learned = self._learn_legend(text.splitlines() if lines is None else lines)
        for m in (_DECLARED if "=" in text else _DECLARED_NO_EQUALS).finditer(text):
            if _UNIT_BEFORE.search(text, max(0, m.start() - 24), m.start("abbr") if m.group("abbr") else 0):
                continue  # "3,000 GB (restored after failover)": a figure's unit, not a name
            if m.group("abbr"):
                name = re.match(r"[\w-]+", m.group("abbr")).group(0)  # type: ignore[union-attr]
                meaning = m.group("says")
            elif m.group("abbr2"):
                name, meaning = m.group("abbr2"), m.group("says2")
            else:
                name, meaning = m.group("word"), m.group("says3")
                if not self.named(meaning) or _GLOSSED_NOT.fullmatch(name):
                    continue  # only an environment's name glosses a word, never "environment = uat"
            if self.spans(name) or norm(name) in self.products or name.upper() in _THINGS:
                continue  # a known word ("Live"), a product's ("GKE cluster (staging)"), a thing's ("VM")
            kinds = [k for _, k in self.spans(meaning)]
            if kinds:
                learned.setdefault(name, kinds[0])
        for name, kind in (*self.defined(text), *self.scoped(text)):
            learned.setdefault(name, kind)
        for name in self.subjects(text):
            learned.setdefault(name, "production")
        for name, kind in _siblings(text, learned):
            learned.setdefault(name, kind)
        for name, kind in migration_sides(text):
            learned.setdefault(name, kind)
        self._learn_street(text, learned)
        self._learn_definitions(text, learned)
        self.chosen = chosen_option(text)
        self._teach(learned)
        return learned

    def _teach(self, learned: dict[str, str]) -> None:
        """The learnt names added to the environment words."""
        if learned:
            self.trial = _phrases((*self.trial_words, *(w for w, k in learned.items() if k == "trial")))
            self.production = _phrases(
                (*self.production_words, *(w for w, k in learned.items() if k == "production"))
            )
            self.cache.clear()

    def _learn_street(self, text: str, learned: dict[str, str]) -> None:
        """The environments of a promotion street ("OTAP: Ontwikkeling, Test, Acceptatie en Productie")."""
        for name, kind in promotion_street(text):
            if not self.spans(name) and name not in learned:
                learned[name] = kind
                if kind == "trial":
                    self.proper.add(name.casefold())  # a name only capitalised: "acceptatie" is the activity

    def _learn_legend(self, lines: list[str]) -> dict[str, str]:
        """The names a legend pairs with environments, whatever its shape (`read/legends.py`); again
        with those names known, while it learns more (a legend may pair a name with another:
        "Harrier is Orca")."""
        learned: dict[str, str] = {}
        for _ in range(3):
            new = [(n, k) for n, k in legend_pairs(lines, self.spans, self._known) if n not in learned]
            if not new:
                break
            learned.update(new)
            self._teach(learned)
        return learned

    def _known(self, word: str) -> bool:
        """Whether the reader knows `word` as something else than a name: an environment word, a
        product (`GKE`, `GitLab`), a field's label (`CPU`, `Cloud`)."""
        return bool(self.spans(word)) or norm(word) in self.products or label_meaning(word) is not None

    def _learn_definitions(self, text: str, learned: dict[str, str]) -> None:
        """Names defined side by side (`prod-eu = the one the developers use. preview = a small copy
        …`): with one of them production's by its own word, each other name is another environment,
        unless what it is said to be names production."""
        found = definition_run(text)
        if not any(self.kind_of(name) == "production" for name, _ in found):
            return
        for name, says in found:
            if self.spans(name) or norm(name) in self.products or label_meaning(name) or name in learned:
                continue
            said = [k for _, k in self.spans(says)]
            learned[name] = "production" if said[:1] == ["production"] else "trial"

    def kind_of(self, name: str) -> str:
        """The environment a name is on its own (`prod-eu`, `live`: production), else ""."""
        kinds = self.spans(name)
        return kinds[0][1] if kinds else ""

    def subjects(self, text: str) -> Iterator[str]:
        """The names a document says it is about unless it says otherwise ("Everything in this
        handout refers to sg-p-muc-01 unless it says otherwise"): its deployment, production."""
        for m in _UNLESS.finditer(text):
            start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
            sentence = _SENTENCE_END.split(text[start : m.end() + 120], maxsplit=1)[0]
            for name in _HOST_NAME.findall(sentence):
                if not self.spans(name) and norm(name) not in self.products:
                    yield name

    def scoped(self, text: str) -> Iterator[tuple[str, str]]:
        """Instance codes an agreement's scope clause puts in scope (production) or out of it."""
        for name, kind in scoped(text):
            if not self.spans(name) and norm(name) not in self.products:
                yield name, kind

    def defined(self, text: str) -> Iterator[tuple[str, str]]:
        """Names a glossary or a definition line gives an environment: a name alone on its line (a
        glossary table's first cell) or before a dash or colon, then words whose first few name an
        environment ("KESTREL | The production platform …", "OSPREY — warm standby for DR",
        "sg-lab-02: the sandbox"), or an environment's other name ("production, a.k.a. blue",
        "the DR site, known as Harbour"). A name is a code's shape (capitals, or a hyphenated or numbered
        token), never a field's word (`CPU`) nor a product's (`GKE`, `GitLab`)."""
        found = [(m.group("name"), " ".join(m.group("says").split()[:6])) for m in _DEFINED.finditer(text)]
        for m in _AKA.finditer(text):
            of = _AKA_OF.search(text, max(0, m.start() - 40), m.start())
            if of:
                found.append((m.group("name"), of.group(1)))
        series = _series(text) if found else frozenset()
        for name, says in found:
            if self.spans(name) or norm(name) in self.products or label_meaning(name):
                continue
            ref = _REFERENCE.fullmatch(name)
            if ref and ref.group(1).casefold() in series:
                continue  # `R-04` of a register's …: a row's reference, no environment
            kinds = [k for _, k in self.spans(says)]
            if kinds:
                yield name, kinds[0]

    def spans(self, text: str) -> list[tuple[int, str]]:
        """(position, "production" | "trial") of every environment word, in order."""
        if text not in self.cache:
            if len(self.cache) > 4096:
                self.cache.clear()
            self.cache[text] = self._spans(text)
        return self.cache[text]

    def _spans(self, text: str) -> list[tuple[int, str]]:
        hosts = _hosts_of(text)  # "sourcegraph.example.dev" is no dev
        text = _blanked(text, [(a, b) for a, b, _ in hosts]) if hosts else text
        if "/" in text:  # nor is a file's path: `/dev/nvme1n1`, `/srv/test/data`
            text = _blanked(text, [m.span() for m in _PATH.finditer(text)])
        if "hand" in text.casefold():  # "handed over to QA": the one handed to is a team, no place
            text = _blanked(text, [m.span(1) for m in _RECIPIENT.finditer(text)])
        title = len(_WORD.findall(text)) <= 3  # "Test", "QA / Test", "Load testing (Perf)"
        trial = [
            (m.start(), m.end())
            for m in self.trial.finditer(text)
            if not _UNDERGONE.search(text[max(0, m.start() - 12) : m.start()])
            and (
                (title and not _PLACE_ONLY.fullmatch(m.group(0)) and not _REPLICA.fullmatch(m.group(0)))
                or _names_place(text, m)
            )
        ]
        trial = [
            (a, b)
            for a, b in trial
            if not _COMPARED.search(text[max(0, a - 24) : a])
            and not (self.proper and text[a].islower() and text[a:b].casefold() in self.proper)
        ]
        found = [(a, b, "trial") for a, b in trial]
        for m in self.production.finditer(text):
            if any(a <= m.start() < b for a, b in trial):  # "non-production" is not production
                continue
            if _MODAL.search(text, max(0, m.start() - 12), m.start()):
                continue  # "It will live at https://…": a verb, no environment
            negated = _NEGATED.search(text[max(0, m.start() - 40) : m.start()])
            found.append((m.start(), m.end(), "trial" if negated else "production"))  # "(not production)"
        return _grouped(text, sorted(found))

    def of_address(self, url: str) -> str:
        """The environment a URL's host names in its first label, where a name carries it
        (`sg-dev.example.com`, `sourcegraph-stg.…`, `codesearch-dr.…`); "" for none
        (`sourcegraph.example.dev`: a domain's words are no environment)."""
        m = _HOST.match(url)  # (a word only a place names, `code-stage`, is read in the name as written)
        return (self.named(re.sub(r"[-_]+", " ", m.group(1))) or self.named(m.group(1))) if m else ""

    def at(self, text: str, position: int, default: str) -> str:
        """The environment in force at `position`: the last one named before it, else `default`."""
        kind = default
        for start, k in self.spans(text):
            if start > position:
                break
            kind = k
        return kind

    def named(self, text: str) -> str:
        """The first environment a heading, label or column header names ("" for none)."""
        if self.options and text.strip() in self.options:  # a comparison table's option
            return self.options[text.strip()]
        spans = self.spans(text)
        return spans[0][1] if spans else ""

    def part(self, title: str) -> str:
        """The environment a section title (heading, parent bullet, tab, column, leading label) puts
        its values in: the one it names, else "trial" when it is about another system or an option
        not taken ("Current state", "Legacy search", "Rejected options", "Sizing proposal for
        production": such a word wins), else the one it names, else ""."""
        if title.strip() in self.options:  # a comparison table's option (`read/options.py`)
            return self.options[title.strip()]
        option = _OPTION.search(title)
        if option:  # "Option A — single VM": an option not taken, unless the one decided or built
            return "production" if option.group("id").casefold() == self.chosen else "trial"
        return "trial" if self.other.search(title) else self.named(title)

    def label_part(self, label: str) -> str:
        """The environment a leading label puts its line in: as `part`, except that a bracketed
        aside describing the thing ("AWS CodeCommit (legacy geology tooling)") does not make it
        another system's; an environment named in brackets ("URL (QS)") still counts."""
        return "trial" if self.other.search(outside_brackets(label)) else self.named(label)


_HOST = re.compile(r"\s*(?:[a-z][a-z0-9+.-]*://)?(?:[^/@\s]+@)?([A-Za-z0-9_-]+)\.[A-Za-z0-9.-]+", re.I)
_PATH = re.compile(r"(?<![\w/.:])/[A-Za-z][\w.-]*(?:/[\w.-]+)+")
_UNIT_BEFORE = re.compile(r"\d\s*$")  # right before a name: a number, so the name is its unit
_JOINED = re.compile(r"(?:\s*(?:,|/|&|\+|\band\b|\bor\b)\s*)+")  # "KESTREL, WREN and OSPREY"


def _grouped(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """(position, kind) of each environment named; names joined in one run ("KESTREL, WREN and
    OSPREY are GKE clusters", "staging and production use …") are said of all of them: with
    production among them, what follows is production's too."""
    out = [(a, k) for a, _, k in found]
    i = 0
    while i < len(found):
        j = i
        while j + 1 < len(found) and _JOINED.fullmatch(text, found[j][1], found[j + 1][0]):
            j += 1
        if j > i and any(k == "production" for _, _, k in found[i : j + 1]):
            out[i : j + 1] = [(a, "production") for a, _, _ in found[i : j + 1]]
        i = j + 1
    return out


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def outside_brackets(text: str) -> str:
    """`text` without its bracketed asides: "Code size on disk (all repositories)" → "Code size on disk"."""
    if "(" in text or "[" in text:  # (every match of _BRACKETED opens with one)
        text = _BRACKETED.sub(" ", text)
    return " ".join(text.split())  # (`re.sub(r"\s+", " ", text).strip()`: the same spaces)


def bracketed(text: str) -> list[str]:
    """The bracketed asides of `text`, inner text only."""
    return [m.group(0)[1:-1] for m in _BRACKETED.finditer(text)]


_ACTIVITY = re.compile(r"(?:load[\s_-]*)?test(?:ing)?", re.IGNORECASE)
_PLACE_AFTER = re.compile(
    r"\s*(?:environments?|envs?|instances?|clusters?|servers?|systems?|sites?|vms?|boxe?s?|tenants?|stages?|"
    r"setups?|deployments?|nodes?|subscriptions?|projects?|accounts?|namespaces?|copy|copies)\b",
    re.IGNORECASE,
)
# (not "to" ending a range after its first date: "from 01.07.2026 to acceptance on 24.07.2026")
_PLACE_BEFORE = re.compile(r"\b(?:in|on|into|(?<!\d\s)to)\s+(?:the\s+)?$", re.IGNORECASE)


def _names_place(text: str, m: re.Match[str]) -> bool:
    """An environment word, except "test" / "load test" used for an activity ("a penetration test",
    "after the load test"): that one names a place only before an environment noun ("test cluster",
    "load-test environment") or after "in" / "on" ("promoted to test")."""
    if _REPLICA.fullmatch(m.group(0)):  # "the read-only replica", not "per replica", "replica counts"
        return not (
            _POD_BEFORE.search(text[max(0, m.start() - 24) : m.start()]) or _POD_AFTER.match(text, m.end())
        )
    if not _ACTIVITY.fullmatch(m.group(0)) and not _PLACE_ONLY.fullmatch(m.group(0)):
        return True
    return bool(
        _PLACE_AFTER.match(text, m.end())
        or _PLACE_BEFORE.search(text[: m.start()])
        or _IN_NAME.match(text, m.end())
        or _IN_NAME_BEFORE.search(text[: m.start()])
    )


# "acceptance" names an environment only as a place ("the acceptance copy", "in acceptance", a
# name's token `sg-acc-01`), never by itself: "Customer acceptance" is a milestone, even as a title
# ("acc", its abbreviation, is no milestone); likewise "stage" names an environment only as a
# place ("the stage cluster", `code-stage.…`), never as a step ("Stage 2", "at this stage"), and
# "shadow" only as a place ("the shadow VM", `sg_shadow`, "on shadow"), never as a word of prose
_PLACE_ONLY = re.compile(r"acceptance|stage|shadow", re.IGNORECASE)
# what a thing undergoes is no place: "System under test", "Code under test", "under evaluation"
_UNDERGONE = re.compile(r"\bunder\s+$", re.IGNORECASE)
_IN_NAME = re.compile(r"[-_][A-Za-z0-9]")  # a token of a hyphenated name: `sg-acc-01`, `test-vm`
_IN_NAME_BEFORE = re.compile(r"[A-Za-z0-9](?<!multi)(?<!single)[-_]$", re.IGNORECASE)  # not "multi-stage"
# a replica is another copy of the instance ("the read-only replica in Singapore"), except one copy
# of a service's pod or volume: "per replica", "one gitserver replica", "replica counts", "a replica of …"
_REPLICA = re.compile(r"(?:read(?:[\s-]+only)?[\s-]+)?replica", re.IGNORECASE)
_POD_BEFORE = re.compile(
    r"\b(?:per|each|every|one|single|1|first|second|third|\d+(?:st|nd|rd|th)|gitserver|zoekt|"
    r"search(?:er)?|frontend|postgres|pgsql|pod|service)\s+$",
    re.IGNORECASE,
)
_POD_AFTER = re.compile(r"\s*(?:counts?|sets?|of)\b", re.IGNORECASE)
# another environment named only to compare with ("same as preprod but bigger", "like staging"):
# what follows is not that environment's
_COMPARED = re.compile(
    r"\b(?:same as|as in|as on|like|than|unlike)\s+(?:the\s+|in\s+|on\s+)?$", re.IGNORECASE
)
# a modal right before a production word makes it a verb ("will live at", "should live in")
_MODAL = re.compile(r"\b(?:will|would|shall|should|can|could|may|might|must|'ll|’ll)\s+$", re.IGNORECASE)
# production denied by the words right before it: "Stage cluster (not production)", "not part of prod"
_NEGATED = re.compile(
    r"\b(?:not|isn't|is\s+no|non)\s+(?:(?:a|an|the|part|of|in|for)\s+){0,3}$", re.IGNORECASE
)


_OPTION = quick(r"\b(?:option|alternative|variant|scenario)\s+(?P<id>[A-Z]|\d{1,2})(?![\w.])", re.IGNORECASE)
_DECIDED = re.compile(
    r"\b(?:approved|chosen|selected|adopted|agreed|accepted|decided|decision|went with|go(?:ing)? with|"
    r"built|implemented|provisioned|deployed)\b",
    re.IGNORECASE,
)
_NOT_TAKEN = re.compile(r"\b(?:rejected|declined|not|ruled out|dropped|discarded)\b", re.IGNORECASE)


def chosen_option(text: str) -> str:
    """The one option ("Option B", "Variant 2") a sentence says was decided, approved or built (not
    only recommended), as its lower-case id; "" when none is, or several are."""
    chosen: set[str] = set()
    if not _OPTION.search(text):
        return ""  # no option named at all (most documents): no sentence to weigh
    for sentence in re.split(r"(?<=[.!?;:])\s+|\n+", text):
        ids = {m.group("id").casefold() for m in _OPTION.finditer(sentence)}
        if len(ids) == 1 and _DECIDED.search(sentence) and not _NOT_TAKEN.search(sentence):
            chosen |= ids
    return chosen.pop() if len(chosen) == 1 else ""


# A short name a document declares for an environment, then up to five words that say what it is:
# an abbreviation (PRD, SBX, UAT2) with "=", "(…", "means" or "stands for"; a hyphenated site name
# (dr-eu, prod-us) also with "is"; or an environment word with the name in brackets ("Sandbox (SBX)").
_UNLESS = quick(
    r"\bunless (?:(?:it is |it's )?(?:stated|noted|said|specified|marked)|it says|otherwise (?:stated|noted))"
    r"(?: otherwise)?\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_HOST_NAME = re.compile(r"(?<![\w.-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+(?![\w-])")


def _siblings(text: str, learned: dict[str, str]) -> Iterator[tuple[str, str]]:
    """Names of one pattern as a learnt production name, differing in one short letter code
    (`sg-p-muc-01` production, so `sg-t-muc-01` is another environment); a number that differs is
    a numbered twin (`sg-p-muc-02`), a longer word a place (`-ber-`): neither is read."""
    known = [n.casefold().split("-") for n, k in learned.items() if k == "production" and "-" in n]
    if not known:
        return
    for name in dict.fromkeys(_HOST_NAME.findall(text)):
        parts = name.casefold().split("-")
        for own in known:
            if len(own) != len(parts):
                continue
            differ = [(a, b) for a, b in zip(own, parts, strict=True) if a != b]
            if len(differ) == 1 and all(x.isalpha() and len(x) <= 2 for x in differ[0]):
                yield name, "trial"
                break


# A glossary's name, then what it is: alone on its line (a table cell) or before a dash or colon.
_CODE_NAME = r"[A-Z][A-Z0-9]{2,11}|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+"
_DEFINED = re.compile(
    rf"^[ \t]*(?P<name>{_CODE_NAME})[ \t]*(?:\n|[—–:=][ \t]*|[ \t]-[ \t]+)(?P<says>[^\n]+)", re.MULTILINE
)

_REFERENCE = re.compile(r"([A-Za-z]{1,4})-?(\d{1,4})")


def _series(text: str) -> frozenset[str]:
    """The prefixes numbered three times or more in the text (`R-01`, `R-02`, `R-03`): references."""
    numbers: dict[str, set[str]] = {}
    for m in re.finditer(r"(?<![\w-])([A-Za-z]{1,4})-?(\d{1,4})(?![\w-])", text):
        numbers.setdefault(m.group(1).casefold(), set()).add(m.group(2).lstrip("0"))
    return frozenset(p for p, n in numbers.items() if len(n) >= 3)


# an agreement's scope clause naming an instance by its code: "In scope is the service instance
# SRCH-P1" (production), "Out of scope is the rehearsal instance SRCH-R", "SRCH-R is out of scope"
_SCOPED = re.compile(
    rf"\b(?P<side>(?i:in|out of|outside the|not in))\s+scope\s+(?i:is|are)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?"
    rf"(?P<name>{_CODE_NAME})(?![\w-])"
    rf"|(?<![\w-])(?P<name2>{_CODE_NAME})\s+(?:is|are)\s+(?:\w+\s+)?"
    r"(?P<side2>in|out of|not in|outside the)\s+scope\b"
)


def scoped(text: str) -> Iterator[tuple[str, str]]:
    """The instances a scope clause names by their code: (name, "production" | "trial")."""
    if "scope" not in text:  # (every match holds it, as written: the document's text is long)
        return
    for m in _SCOPED.finditer(text):
        first = m.group("name") is not None
        name, side = m.group("name" if first else "name2"), m.group("side" if first else "side2")
        yield name, "production" if side.casefold() == "in" else "trial"


_AKA = re.compile(  # the other name; the environment is the words right before it
    r"\b(?:a\.?k\.?a\b\.?|also (?:called|known as)|known (?:internally )?as|code-?named?)"
    r"\s+[\"“'‘]?(?P<name>[A-Za-z][\w-]{2,})",
    re.IGNORECASE,
)
_AKA_OF = re.compile(r"([\w-]+(?:\s[\w-]+)?)\s*[,(]?\s*$")

_PRODUCTS: dict[int, tuple[Catalogue, frozenset[str]]] = {}


def _products(catalogue: Catalogue) -> frozenset[str]:
    """The vocabularies' names (clouds, code hosts, deployment types): never an environment's name;
    worked out once per catalogue."""
    known = _PRODUCTS.get(id(catalogue))
    if known is None or known[0] is not catalogue:
        known = _PRODUCTS[id(catalogue)] = (
            catalogue,
            frozenset(k for v in catalogue.vocabularies.values() for k in v.aliases),
        )
    return known[1]


_ABBR = r"[A-Z][A-Z0-9]{1,7}"
_THINGS = frozenset(
    {"VM", "VMS", "DB", "OS", "CPU", "GPU", "SSD", "HDD", "NFS", "SAN", "LB", "DNS", "API", "UI"}
)
_SITE = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+"
_SAYS = r"\s*(?P<says>(?:[\w'-]+\s+){0,4}[\w'-]+)"
# "NPD zone (non-production)": a code, the kind of place it names, and its meaning in brackets
_PLACE_NOUN = r"(?:zone|cluster|environment|env|site|tier|landscape|segment|stage|subscription|account)"
_GLOSSED_NOT = re.compile(rf"{_PLACE_NOUN}|name|type|role|mode|profile|target|deployment|instance", re.I)
_DECLARED_SAID = (
    rf"(?<![\w.-])(?P<abbr>{_ABBR}(?![\w.-])(?:\s+{_PLACE_NOUN})?\s*"
    rf"(?:=|\(|\s(?:means|stands for|refers to)\b)"
    rf"|{_SITE}(?![\w.-])\s*(?:=|\(|\s(?:is|means|refers to)\b)){_SAYS}"
    rf"|(?<![\w-])(?P<says2>[\w-]++(?:\s[\w-]++)?)\s*\(\s*(?P<abbr2>{_ABBR}|{_SITE})\s*\)"
)  # (the says2 branch starts a word: tried inside one, it can only find what its start found; its
# words are taken whole (`++`): what follows a word is a space or a bracket, never the word's end)
_DECLARED = quick(
    _DECLARED_SAID
    # a word of the document's own language glossed with an environment ("tuotanto = production, …")
    + r"|(?<![\w.=-])(?P<word>[^\W\d_]{4,20})\s*=\s*"
    r"(?P<says3>[^\W\d_]+(?:[ -][^\W\d_]+)?)(?=[ \t]*(?:[,.;)\n]|\Z))"
)
# the same on a text without "=", where the glossed-word branch (tried at every word) cannot match;
# its groups keep their numbers and names, `word` and `says3` never set
_DECLARED_NO_EQUALS = quick(_DECLARED_SAID + r"|(?P<word>(?!x)x)(?P<says3>)")


@functools.lru_cache(maxsize=64)
def _phrases(words: tuple[str, ...], joined: bool = True) -> re.Pattern[str]:
    """One pattern for all the words (longest first), each as whole words, any case, spacing and
    apostrophe (`what's` is `What’s`);
    not `joined`: not inside a hyphenated name either ("legacy-erp" is a repository, not legacy).
    An accented letter is a letter: "prod" is no word of "préprod".
    (Built once per word list: every parse starts from the catalogue's.)"""
    letters = "0-9a-z\u00c0-\u024f"
    phrases = sorted(
        (re.findall(f"[{letters}]+", w.casefold()) for w in words), key=lambda p: -len("".join(p))
    )
    body = _by_first_letter([r"[\s\-_'’]*".join(parts) for parts in phrases if parts]) or r"(?!x)x"
    edge = letters if joined else f"{letters}-"
    return re.compile(rf"(?<![{edge}])(?:" + body + rf")(?![{edge}])", re.IGNORECASE)


def _by_first_letter(alternatives: list[str]) -> str:
    """`a|b|…` with the alternatives that open with the same letter or digit written as one
    (`prod|preprod|test` → `p(?:rod|reprod)|t(?:est)`), each group in the order of its first member
    and each member in its order: at any place at most one group can match (distinct ASCII letters
    match no character in common, whatever the case), so the same alternative wins, and `re`
    tries one letter per group instead of every alternative at every word. Alternatives opening
    with another character are left as they are."""
    if not all(a[:1].isascii() and a[:1].isalnum() for a in alternatives):
        return "|".join(alternatives)
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[0], []).append(a[1:])
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


# --------------------------------------------------------------------------------------------
# what a label means


# (stems that must all start some word of the label, field); first rule that holds wins.
_MEANINGS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("concurrent",), "max_concurrent_users"),
    (("peak", "user"), "max_concurrent_users"),
    (("simultaneous",), "max_concurrent_users"),
    (("user", "once"), "max_concurrent_users"),  # "users at once", as the prose reader reads it
    (("user",), "max_users"),
    (("seat",), "max_users"),
    (("monorepo",), "monorepos"),
    (("largest",), "largest_repo_mb"),
    (("biggest",), "largest_repo_mb"),
    (("repo", "size"), "total_repo_size_gb"),
    (("git", "data"), "total_repo_size_gb"),
    (("code", "size"), "total_repo_size_gb"),
    (("code", "host"), "code_hosts"),
    (("source", "control"), "code_hosts"),
    (("version", "control"), "code_hosts"),
    (("scm",), "code_hosts"),
    (("vcs",), "code_hosts"),
    (("repo",), "repositories"),
    (("url",), "instance_url"),
    (("endpoint",), "instance_url"),
    (("address",), "instance_url"),
    (("hostname",), "instance_url"),
    (("link",), "instance_url"),
    (("start",), "start_date"),
    (("began",), "start_date"),
    (("begin",), "start_date"),
    (("complet",), "completion_date"),
    (("end",), "completion_date"),
    (("done",), "completion_date"),
    (("finish",), "completion_date"),
    (("accept",), "completion_date"),
    (("handover",), "completion_date"),
    (("handed",), "completion_date"),
    (("live",), "completion_date"),
    (("ready",), "completion_date"),
    (("deliver",), "completion_date"),
    (("provision",), "start_date"),
    (("commenc",), "start_date"),
    (("cpu",), "total_cpu"),
    (("vcpu",), "total_cpu"),
    (("core",), "total_cpu"),
    (("memory",), "total_memory_gb"),
    (("ram",), "total_memory_gb"),
    (("disk",), "total_disk_gb"),
    (("storage",), "total_disk_gb"),
    (("volume",), "total_disk_gb"),
    (("pv",), "total_disk_gb"),  # a Kubernetes persistent volume (`pv`, `PVCs`), as `EBS` or `LUN` is
    (("node",), "instance_types"),
    (("machine",), "instance_types"),
    (("instance",), "instance_types"),
    (("vm",), "instance_types"),
    (("server",), "instance_types"),
    (("pool",), "instance_types"),
    (("cloud",), "hosting_provider"),
    (("provider",), "hosting_provider"),
    (("hosting",), "hosting_provider"),
    (("hosted",), "hosting_provider"),
    (("platform",), "deployment_type"),
    (("deploy",), "deployment_type"),
    (("install",), "deployment_type"),
    (("orchestrat",), "deployment_type"),
)


_STEM_LENGTHS = frozenset(len(s) for stems, _ in _MEANINGS for s in stems)
_MEANING_SETS = tuple((frozenset(stems), name, len(stems)) for stems, name in _MEANINGS)  # subset tests


@functools.lru_cache(maxsize=4096)
def label_meaning(label: str, any_length: bool = False) -> str | None:
    """The field a label (of up to six words, or a heading or question of any length) means, or None.
    A label with a bracketed aside is read without it ("Code size on disk (as reported by
    gitserver)") and the aside on its own (a gloss in another language: "Gesamtgröße aller
    Repositories (total size of all repositories)"): the more specific meaning wins, the words
    outside the brackets on a tie."""
    meanings = label_meanings(label, any_length)
    return meanings[0] if meanings else None


@functools.lru_cache(maxsize=4096)
def label_meanings(label: str, any_length: bool = False) -> tuple[str, ...]:
    """The fields a label may mean, best first: one, or for a label with a bracketed aside, the
    meanings of its words outside the brackets and of each aside (more stems first)."""
    if not any_length and ("(" in label or "[" in label):
        outside = outside_brackets(label)
        if outside and outside != label:
            found = [_meaning(text, False) for text in (outside, *bracketed(label))]
            ranked = sorted(found, key=lambda m: -m[1])
            return tuple(dict.fromkeys(name for name, _ in ranked if name))
    name = _meaning(label, any_length)[0]
    return (name,) if name else ()


def _meaning(label: str, any_length: bool) -> tuple[str | None, int]:
    """(the field, the number of stems that matched), or (None, 0)."""
    words = [w for w in re.findall(r"[a-z0-9]+", label.casefold()) if not w.startswith("report")]
    # "Storage on live", "Nodes in live": after a preposition `live` is the environment, no go-live
    words = [w for k, w in enumerate(words) if not (w == "live" and k and words[k - 1] in _PLACE_WORDS)]
    if not words or (len(words) > 8 and not any_length):  # ("report" is no repository: `Report date`)
        return None, 0
    starts = {w[:n] for w in words for n in _STEM_LENGTHS}  # a stem starts a word: it is one of these
    for stems, name, size in _MEANING_SETS:
        if stems <= starts:
            if name in _LIMIT_FIELDS and observed_label(label):
                return None, 0  # "Weekly active users", "Peak concurrent so far": a measurement, no limit
            return name, size
    if "git" in words and not any_length:  # "total git: 0.7 TB": the word git alone is the repositories' data
        return "total_repo_size_gb", 1
    return None, 0


_LIMIT_FIELDS = frozenset({"max_users", "max_concurrent_users", "max_repositories"})
_PLACE_WORDS = frozenset({"on", "in", "at", "for", "of"})


# --------------------------------------------------------------------------------------------
# vocabulary names inside free text

# Names too generic to mean a vocabulary value inside a sentence (they still match a whole value).
_NOT_IN_TEXT = frozenset(
    norm(n) for n in ("Other", "Git", "Generic Git", "Plain Git", "Other Git host", "Other cloud", "Cloud",
                      "Compose", "Helix", "Amazon", "Server image", "Managed instance")
)  # fmt: skip


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: str  # canonical


_TOOL_AFTER = re.compile(  # a code host's product named after it: the name is the tool's, not a host's
    r"[ \t]+(?:apps?|actions|runners?|ci|pipelines|pages|packages|copilot|desktop|cli|codespaces|marketplace|"
    r"webhooks?)\b",
    re.IGNORECASE,
)


class Vocab:
    """Finds the names of one vocabulary's values inside a text: runs of up to five words whose
    letters and digits spell a name (`Bitbucket Data Center`, `self-managed GitLab`, `GitHub.com`),
    longest first. A name of three letters or fewer ("ADO", "EKS", "P4") counts only in capitals,
    unless the document writes the vocabulary's names in lower case (`learn_case`: "ghes conn — 1 204
    repos") and a count of repositories follows it in its clause ("p4 conn — 36 depots"); host
    names and URLs (`gitlab.example.com`) are not names.
    """

    def __init__(self, catalogue: Catalogue, name: str) -> None:
        vocab = catalogue.vocabularies.get(name)
        self.names, self.prefixes, self.spotter = _vocab_index(tuple(vocab.aliases.items()) if vocab else ())
        self.cache: dict[str, list[Found]] = {}
        self.tools = name == "code_host"  # "a GitHub App", "GitLab Runner": a host's tool names no host
        self.lower = False  # the document writes the vocabulary's names in lower case ("ghes", "bitbucket")

    def learn_case(self, text: str) -> None:
        """Whether the document writes names of this vocabulary of four letters or more in lower case,
        outside addresses ("ghes conn", "our gitlab"): then it writes the short ones so too."""
        self.lower = any(
            len(key) > 3 and key in self.names and written.islower() and "." not in written
            for written, key in ((m.group(0), m.group(0).casefold()) for m in _LOWER_WORD.finditer(text))
        )
        self.cache.clear()

    def _short_in_lower(self, span: str, text: str, end: int) -> bool:
        """A short name written in lower case, in a document that writes names so, with a count of
        repositories after it in its clause ("p4 conn — 36 depots")."""
        if not (self.lower and span.islower()):
            return False
        clause = _CLAUSE_END.split(text[end : end + 60], maxsplit=1)[0]
        return bool(_COUNTED_AFTER.search(clause))

    def find(self, text: str) -> list[Found]:
        """The names in `text`, in order (longest first where names overlap)."""
        if text not in self.cache:
            if len(self.cache) > 4096:
                self.cache.clear()
            found = self._find(text)
            if self.tools and found:
                found = [f for f in found if not _TOOL_AFTER.match(text, f.end)]
            self.cache[text] = found
        return self.cache[text]

    def _find(self, text: str) -> list[Found]:
        blank = [(a, b) for a, b, key in _hosts_of(text) if key not in self.names]
        if blank:  # host names and addresses are no names, unless one is (`GitHub.com`)
            text = _blanked(text, blank)
        if not self.spotter.search(_letters(text)):
            return []
        words = _words_of(text)
        found: list[Found] = []
        i = 0
        while i < len(words):
            key, best = "", None
            for j in range(i, len(words)):
                key += words[j][2]
                if key not in self.prefixes:
                    break
                span = text[words[i][0] : words[j][1]]
                short = len(key) <= 3 and not span.isupper()
                if (
                    key in self.names
                    and (not short or self._short_in_lower(span, text, words[j][1]))
                    and not re.search(r"[.\n]\s", span)
                ):
                    best = (j, self.names[key])
            if best is None:
                i += 1
                continue
            end = words[best[0]][1]
            found.append(
                Found(words[i][0], end, self.qualified(text[words[i][0] : end], text[end:], best[1]))
            )
            i = best[0] + 1
        return found

    def qualified(self, written: str, after: str, value: str) -> str:
        """A name qualified in the brackets right after it ("GitLab (selbst betrieben / self-managed)",
        "GitHub (Enterprise Server)") is the longer name they make together, when that is a name."""
        m = _QUALIFIER.match(after)
        for piece in re.split(r"\s*[,/;]\s*", m.group(1)) if m else ():
            for key in (norm(f"{written} {piece}"), norm(f"{piece} {written}")):
                if piece and key in self.names:
                    return self.names[key]
        return value

    def values(self, text: str) -> list[str]:
        return list(dict.fromkeys(f.value for f in self.find(text)))


@functools.lru_cache(maxsize=32)
def _vocab_index(
    aliases: tuple[tuple[str, str], ...],
) -> tuple[dict[str, str], frozenset[str], re.Pattern[str]]:
    """A vocabulary's names in text (`norm` key → canonical value), every prefix of a name's key,
    and a pattern finding any name's key in a text's letters and digits run together (a quick no:
    most sentences name none). Built once per vocabulary; the callers only read them."""
    names = {k: c for k, c in aliases if k not in _NOT_IN_TEXT}
    prefixes = frozenset(k[:n] for k in names for n in range(1, len(k) + 1))
    spotter = re.compile(any_of(names))
    return names, prefixes, spotter


_WORD = re.compile(r"[0-9A-Za-z]+")
_LOWER_WORD = re.compile(r"(?<![\w./@-])[a-z][a-z0-9]{3,}(?![\w./@-])")  # a word in lower case, no address
_CLAUSE_END = re.compile(r";|\n|\.\s+(?=[A-Z])|\.$")  # (not "coll. archive": no sentence ends there)
_COUNTED_AFTER = re.compile(
    r"(?<![\w.,])\d[\d,.\s]*\s*(?:k\s+)?(?:repositories|repository|repos|repo|depots|projects)\b",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(r"\s*\(([^()]{1,60})\)")
# a host name or address, or letters joined by a semicolon with no space (`TL;DR`: one abbreviation)
_HOSTNAME = re.compile(
    r"\b[a-z][a-z]+://\S+|(?<![\w.])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?(?![\w])|\b[A-Za-z]+;[A-Za-z]+\b"
)

_Span = tuple[int, int, str]
_NOT_LETTERS = re.compile(r"[^0-9A-Za-z]+")


_HOST_HINT = re.compile(r"[.;][A-Za-z0-9-]|://")  # in every _HOSTNAME match: a quick no for most texts


_LETTER = re.compile(r"[A-Za-z]")


@functools.lru_cache(maxsize=1024)
def _hosts_of(text: str) -> tuple[_Span, ...]:
    """The host names and addresses in `text`: (start, end, `norm` key)."""
    if not _HOST_HINT.search(text):
        return ()
    return tuple(  # (a dotted date or a version, `24.07.2026`, names no host)
        (m.start(), m.end(), norm(m.group(0))) for m in _HOSTNAME.finditer(text) if _LETTER.search(m.group(0))
    )


@functools.lru_cache(maxsize=1024)
def _letters(text: str) -> str:
    """The words of `text` run together, lower case: every name a text's words spell is in it."""
    return _NOT_LETTERS.sub("", text).lower()


@functools.lru_cache(maxsize=1024)
def _words_of(text: str) -> tuple[_Span, ...]:
    """The words of `text`: (start, end, lower case)."""
    return tuple((m.start(), m.end(), m.group(0).casefold()) for m in _WORD.finditer(text))


# whom something is handed to: a party (a team's name, capitalised), never an environment
_RECIPIENT = re.compile(
    r"\bhand(?:ed|s|ing)?\s+(?:\w+\s+)?(?:over\s+)?to\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})"
)


def _blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span replaced by as many spaces."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def mask(text: str, found: Iterable[Found]) -> str:
    """`text` with the found names blanked (so "Azure DevOps" is not read as the Azure cloud)."""
    if not found:
        return text
    chars = list(text)
    for f in found:
        chars[f.start : f.end] = " " * (f.end - f.start)
    return "".join(chars)
