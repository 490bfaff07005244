"""The environment words of a TDD: `Environments.spans(text)` gives where in a text the production
or a non-production environment is named (the words are the catalogue's `[tdd]` production/trial
words, and the names a document declares for its environments, learnt by `learn`), so a value
takes the environment of the nearest naming before it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from handoff.core.fields import Catalogue, norm
from handoff.core.quickre import by_line, opened, quick
from handoff.read import shapes
from handoff.read.beforetitle import before
from handoff.read.contexttitle import context_title
from handoff.read.datedtitle import few_words_but_date
from handoff.read.envnames import definition_run, migration_sides, promotion_street, side_labels
from handoff.read.jointtitle import joins_present
from handoff.read.labelwords import label_meaning, outside_brackets
from handoff.read.legends import legend_pairs
from handoff.read.limitwords import growth_title
from handoff.read.livingparts import current_ours, stale_title
from handoff.read.namedis import said_is
from handoff.read.notplace import live_verb, names_no_place
from handoff.read.outofscope import title_out
from handoff.read.regionroles import region_roles, title_role
from handoff.read.replaced import NAMES, new_side, titled
from handoff.read.sharedwhole import whole_title
from handoff.read.supporting import supporting_title
from handoff.read.testtitle import test_title
from handoff.read.vendorguide import guide_title
from handoff.read.vocab import _WORD, _hosts_of, blank_spans
from handoff.read.whynot import argued_against


class Environments:
    """Production and non-production words (catalogue `[tdd]`), found by position in a text."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.trial_words = catalogue.tdd.trial_words
        self.production_words = catalogue.tdd.production_words
        self.trial = _phrases(self.trial_words)
        self.other = _phrases(catalogue.tdd.other_system_words, joined=False)
        self.production = _phrases(self.production_words)
        self.some_word = _some_word((*self.trial_words, *self.production_words))
        self.cache: dict[str, list[tuple[int, str]]] = {}
        # `part` and `label_part` of a title, each with what they read besides the words: kept while the
        # words, the letters, the regions and the chosen option are unchanged (cleared with `cache` and
        # when `learn` ends)
        self.titles: dict[
            tuple[str, bool, str, tuple[bool, bool], frozenset[str], tuple[tuple[str, str], ...]], str
        ] = {}
        self.products = _products(catalogue)
        self.chosen = ""  # the option the document says was decided or built ("Option B approved")
        self.options: dict[str, str] = {}  # a comparison table's option titles, by the one chosen
        self.proper: set[str] = set()  # learnt names that count only as written, capitalised
        self.regions: dict[str, str] = {}  # regions the document ties one to one to environments
        self.letters: dict[str, str] = {}  # one-letter codes the document gives its environments (`P`)
        self.street: list[tuple[str, str]] = []  # the environments of its promotion street ("OTAP: …")
        self.placed: frozenset[str] = frozenset()  # place-only words the document uses as a place
        self.living = False  # a living document keeping a stale copy of its design (`read/livingparts.py`)
        self.manual = False  # the deployment's operating manual (`read/runbook.py`): its "Current state" ours

    def learn(self, text: str, lines: list[str] | None = None) -> dict[str, str]:
        """The names a document declares for its environments ("PRD = production", "Sandbox (SBX)",
        "dr-eu is a disaster-recovery standby"), added to the words; returns them by kind. `lines`:
        the document a paragraph or a table row a line (`legends.row_lines`; default: `text`'s lines).
        A legend is learnt first: the other definitions may use its names ("ORCA — Granite: …")."""
        learned = self._learn_legend(text.splitlines() if lines is None else lines)
        self.letters = {}
        for m in _DECLARED.finditer(text) if "=" in text else _declared_no_equals(text):
            if _UNIT_BEFORE.search(text, max(0, m.start() - 24), m.start("abbr") if m.group("abbr") else 0):
                continue  # "3,000 GB (restored after failover)": a figure's unit, not a name
            if m.group("abbr"):
                name = re.match(r"[\w-]+", m.group("abbr")).group(0)  # type: ignore[union-attr]
                meaning = m.group("says")
            elif m.group("abbr2"):
                name, meaning = m.group("abbr2"), m.group("says2")
            else:  # (the glossed word: only `_DECLARED` has that branch)
                name, meaning = m.group("word"), m.group("says3")
                if not self.named(meaning) or _GLOSSED_NOT.fullmatch(name):
                    continue  # only an environment's name glosses a word, never "environment = uat"
            if (
                self.spans(name)
                or norm(name) in self.products
                or name.upper() in _THINGS
                or shapes.REGION.fullmatch(name)
                or _TOTAL_NAME.fullmatch(name)
            ):
                continue  # a known word ("Live"), a product's ("GKE cluster (staging)"), a thing's ("VM"), a
                # region ("Staging (us-east-1)": where it runs, which production may share), a sheet's
                # total row ("TOTAL (live)": the sum of the rows that are live, no environment's name)
            kinds = [k for _, k in self.spans(meaning)]
            if kinds:
                learned.setdefault(name, kinds[0])
        for name, kind in (*self.defined(text), *self.scoped(text)):
            learned.setdefault(name, kind)
        for name in self.subjects(text):
            learned.setdefault(name, "production")
        self._learn_said(text, learned)  # "Dock is the small evaluation copy"
        for name, kind in _siblings(text, learned):
            learned.setdefault(name, kind)
        labels = side_labels(text)  # "Source: … Target: …" (capitalised only)
        self.proper.update(name.casefold() for name, _ in labels)
        for name, kind in (*migration_sides(text), *labels):
            learned.setdefault(name, kind)
        self._learn_street(text, learned)
        self._learn_definitions(text, learned)
        self._learn_letters(text, learned)
        self.chosen = chosen_option(text)
        self._learn_places(text)
        self._teach(learned)
        self.regions = region_roles(text, self.spans)  # "us-east4 serves production; …": titles `us-east4`
        self.titles.clear()  # (read again with the letters, regions and option learnt)
        return learned

    def _learn_places(self, text: str) -> None:
        """The place-only words the document uses as a place (`sg-stage-1`): a bare title of one names it."""
        placed = _placed(text)
        if placed != self.placed:
            self.placed = placed
            self.cache.clear()  # (titles read before, now read with the document's places)
            self.titles.clear()

    def _teach(self, learned: dict[str, str]) -> None:
        """The learnt names added to the environment words."""
        if learned:
            self.trial = _phrases((*self.trial_words, *(w for w, k in learned.items() if k == "trial")))
            self.production = _phrases(
                (*self.production_words, *(w for w, k in learned.items() if k == "production"))
            )
            self.some_word = _some_word((*self.trial_words, *self.production_words, *learned))
            self.cache.clear()
            self.titles.clear()

    def _learn_said(self, text: str, learned: dict[str, str]) -> None:
        """Names a sentence says with "is" are an environment ("Dock is the small evaluation copy",
        "Harbour is what the engineers use every day": `read/namedis.py`)."""
        for name, says, daily in said_is(text):
            kinds = [k for _, k in self.spans(says)] or ([daily] if daily else [])
            if kinds and not self._known(name):
                learned.setdefault(name, kinds[0])

    def _learn_street(self, text: str, learned: dict[str, str]) -> None:
        """The environments of a promotion street ("OTAP: Ontwikkeling, Test, Acceptatie en Productie")."""
        self.street = promotion_street(text)
        for name, kind in self.street:
            if not self.spans(name) and name not in learned:
                learned[name] = kind
                if kind == "trial":
                    self.proper.add(name.casefold())  # a name only capitalised: "acceptatie" is the activity

    def _learn_letters(self, text: str, learned: dict[str, str]) -> None:
        """The one-letter codes of a document's environments, each its environment's initial: the
        letters of a promotion street ("OTAP: Ontwikkeling, Test, Acceptatie, Productie") and a letter
        in brackets after an environment's name ("Productie (P)", "Staging (S)"). A letter names its
        environment only as a whole cell or title (`part`): in a sentence it is a word ("A built").
        A letter given two environments names neither."""
        pairs = [(n[0].upper(), k) for n, k in self.street]
        for m in _LETTER_DECLARED.finditer(text) if _LETTER_MARK.search(text) else ():
            name, letter = m.group("name"), m.group("letter")
            kinds = [k for _, k in self.spans(name)] or ([learned[name]] if name in learned else [])
            if kinds and name[0].upper() == letter:
                pairs.append((letter, kinds[0]))
        clash = {a for a, k in pairs for b, j in pairs if a == b and k != j}
        self.letters = {a: k for a, k in pairs if a not in clash}

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
        for m in _UNLESS_LINES.finditer(text):  # (the document's text: its lines saying `unless`)
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
        series: frozenset[str] | None = None  # (worked out once a name has a reference's shape)
        for name, says in found:
            if self.spans(name) or norm(name) in self.products or label_meaning(name):
                continue
            ref = _REFERENCE.fullmatch(name)
            if ref and series is None:
                series = _series(text)
            if ref and series is not None and ref.group(1).casefold() in series:
                continue  # `R-04` of a register's …: a row's reference, no environment
            kinds = [k for _, k in self.spans(says)]
            if kinds:
                yield name, kinds[0]

    def spans(self, text: str) -> list[tuple[int, str]]:
        """(position, "production" | "trial") of every environment word, in order."""
        if text not in self.cache:
            if len(self.cache) > 4096:
                self.cache.clear()
                self.titles.clear()
            self.cache[text] = self._spans(text)
        return self.cache[text]

    def _spans(self, text: str) -> list[tuple[int, str]]:
        if text.isascii() and self.some_word.search(text.lower()) is None:
            return []  # (most texts: not one environment word's letters in it, so no word)
        hosts = _hosts_of(text)  # "sourcegraph.example.dev" is no dev
        text = blank_spans(text, [(a, b) for a, b, _ in hosts]) if hosts else text
        if "/" in text:  # nor is a file's path: `/dev/nvme1n1`, `/srv/test/data`
            text = blank_spans(text, [m.span() for m in _PATH.finditer(text)])
        if (
            "rg" in text or "rkspace" in text
        ):  # nor a code host's organisation: "the ardenwick-dev organisation"
            text = blank_spans(
                text, [m.span("a") if m.group("a") else m.span("b") for m in _ORG_NAME.finditer(text)]
            )
        if "hand" in text.casefold():  # "handed over to QA": the one handed to is a team, no place
            text = blank_spans(text, [m.span(1) for m in _RECIPIENT.finditer(text)])
        named = list(self.trial.finditer(text))  # (the words counted only for a text that has one)
        # "Test", "QA / Test", "Load testing (Perf)"; "Restore test, 8 July 2026" (`read/datedtitle.py`)
        title = bool(named) and (len(_WORD.findall(text)) <= 3 or few_words_but_date(text, 3))
        trial = [
            (m.start(), m.end())
            for m in named
            if not _UNDERGONE.search(text[max(0, m.start() - 12) : m.start()])
            and not names_no_place(text, m)  # "the QA-automation team", "After a six-week pilot, we …"
            and (
                (
                    title
                    and (not _PLACE_ONLY.fullmatch(m.group(0)) or self._alone_placed(text, m))
                    and not _REPLICA.fullmatch(m.group(0))
                )
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
            if _MODAL.search(text, max(0, m.start() - 12), m.start()) or live_verb(text, m):
                continue  # "It will live at https://…", "the SDKs live on GitHub.com": a verb, no environment
            if _COMPARED.search(text, max(0, m.start() - 24), m.start()) or _AGAINST.search(
                text, max(0, m.start() - 32), m.start()
            ):
                continue  # "differences from production", "built like production": the one compared against
            if (
                m.group(0).casefold() == "live"
                and _beside(text, trial, m.start())
                and (  # (beside another environment's name)
                    _GONE_LIVE.search(text, max(0, m.start() - 24), m.start())
                    or (_dated_after(text, m.end()) and not _PLACED_BEFORE.search(text, 0, m.start()))
                )
            ):
                continue  # "Staging went live on 30 January", "Go-live (staging)", "DR site live 7 Aug"
            if m.group(0).casefold() == "live" and any(
                b <= m.start() and _STATE_LIVE.fullmatch(text, b, m.start()) for _, b in trial
            ):
                continue  # "6 Feb: acceptance environment live": the other environment's going live
            negated = _NEGATED.search(text[max(0, m.start() - 40) : m.start()])
            found.append((m.start(), m.end(), "trial" if negated else "production"))  # "(not production)"
        return _grouped(text, sorted(found))

    def _alone_placed(self, text: str, m: re.Match[str]) -> bool:
        """Whether a place-only word that is a whole title or label ("stage", "Stage:") names the
        place: in a document that uses that word as a place elsewhere (`sg-stage-1`, "the stage
        server"); else it is a step ("Stage") as in any document."""
        word = m.group(0).casefold()
        return word in self.placed and text.strip(" :*#-–—\t").casefold() == word

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
        if not spans and self.regions:
            return title_role(text, self.regions)
        return spans[0][1] if spans else ""

    def part(self, title: str) -> str:
        """`_part(title)`, worked out once for a title and what it reads besides its words (the same
        titles are asked again for every paragraph, list item and row under them)."""
        return self._title_part(title, False)

    def label_part(self, label: str) -> str:
        """`_label_part(label)`, worked out once (as `part`)."""
        return self._title_part(label, True)

    def _title_part(self, title: str, label: bool) -> str:
        now = (self.living, self.manual)
        key = (title, label, self.chosen, now, NAMES.get(), tuple(self.options.items()))
        found = self.titles.get(key)
        if found is None:
            found = self.titles[key] = self._label_part(title) if label else self._part(title)
        return found

    def _part(self, title: str) -> str:
        """The environment a section title (heading, parent bullet, tab, column, leading label) puts
        its values in: the one it names, else "trial" when it is about another system or an option
        not taken ("Current state", "Legacy search", "Rejected options", "Sizing proposal for
        production": such a word wins), else the one it names, else ""."""
        if self.letters and title.strip() in self.letters:  # `P` in a column of environments
            return self.letters[title.strip()]
        if title.strip() in self.options:  # a comparison table's option (`read/options.py`)
            return self.options[title.strip()]
        if self._compares(title):
            return ""  # "Pilot vs production": a comparison of two; each column or line says its own
        option = _OPTION.search(title)
        if option:  # "Option A — single VM": an option not taken, unless the one decided or built
            return "production" if option.group("id").casefold() == self.chosen else "trial"
        if stale_title(title, self.living):  # "Architecture (as designed, v1.0 — not maintained)"
            return "trial"
        other = self.other.search(title) is not None
        # a living document's or an operating manual's "Current state"
        if other and current_ours(title, self.other, self.living or self.manual):
            return self.named(title) or "production"
        if (other or before(title)) and joins_present(title, self._other_time):
            return self.named(title)  # "Users, limits and what comes next": each sentence says its time
        if other or before(title) or titled(title) or whole_title(title):
            return "trial"
        if title_out(title) or argued_against(title) or self._context(title):  # "… – not part of this
            return "trial"  # handoff"; "Why not Kubernetes"; "The EU instance (context only)"
        if growth_title(title) or supporting_title(title) or test_title(title):  # "Expected growth";
            return "trial"  # "Jump host jmp01"; "Acceptance tests": not it
        if guide_title(title):  # "Appendix — reference sizes (Sourcegraph)": the vendor's tiers
            return "trial"
        return self.named(title) or ("production" if new_side(title) else "")  # "Target (Sourcegraph)"

    def _context(self, title: str) -> bool:
        """Whether a title gives its part for context only or sends it to its own TDD
        (`read.contexttitle`), naming no production of its own."""
        return context_title(title) and self.named(title) != "production"

    def _other_time(self, topic: str) -> bool:
        """Whether a topic of a title is of another time or another system ("what comes next",
        "what they had")."""
        return self.other.search(topic) is not None or before(topic)

    def _compares(self, title: str) -> bool:
        """Whether a title sets two environments or two options side by side ("Pilot vs production",
        "Staging versus Prod", "QA ↔ Production", "Option A vs Option B"): its part is neither's, as a
        comparison table's is."""
        low = title.casefold()
        m = _VERSUS.search(title) if "vs" in low or "versus" in low or "↔" in low or "⇄" in low else None
        if m is None:
            return False
        before, after = title[: m.start()], title[m.end() :]
        left, right = _OPTION.search(before), _OPTION.search(after)
        if left and right:  # "Sizing: Option A vs Option B": the slide weighs both
            return left.group("id").casefold() != right.group("id").casefold()
        left_env, right_env = self.named(before), self.named(after)
        return bool(left_env and right_env and left_env != right_env)

    def _label_part(self, label: str) -> str:
        """The environment a leading label puts its line in: as `part`, except that a bracketed
        aside describing the thing ("AWS CodeCommit (legacy geology tooling)") does not make it
        another system's, nor does the label's clause of purpose, which tells why the line is written,
        not what it is about ("Quick history so nobody's confused by old emails: …", "Notes, because the
        old wiki is gone: …"); an environment named in brackets ("URL (QS)") still counts. A label naming an
        option ("Option B (rejected): …") is an option not taken when the document decided another one
        or the label says it was not taken, and production when it is the one decided."""
        option = _OPTION.search(label)
        if option and self.chosen:
            return "production" if option.group("id").casefold() == self.chosen else "trial"
        if option and _NOT_TAKEN.search(label):
            return "trial"
        bare = _PURPOSE.sub("", outside_brackets(label))  # "History so nobody's confused by old emails"
        if whole_title(label, label=True) or supporting_title(label):  # "Shared cluster: …", "Bastion: …"
            return "trial"
        return "trial" if self.other.search(bare) or before(bare) or titled(bare) else self.named(label)


# a label's clause of purpose or reason, after its head: "… so nobody's confused by old emails"
_PURPOSE = re.compile(
    r"(?:,\s*|\s+)(?:so(?:\s+that)?\s+(?=[\w'’]+\s)|because\s|in\s+case\s|to\s+avoid\s|lest\s).*$",
    re.IGNORECASE | re.DOTALL,
)
# a title setting two things side by side: "Pilot vs production", "Staging versus Prod", "QA ↔ Production"
_VERSUS = re.compile(r"\bvs\b\.?|\bversus\b|↔|⇄", re.IGNORECASE)
_TOTAL_NAME = re.compile(r"(?:sub[\s-]?|grand[\s-]?)?totals?|sum|Σ|∑", re.IGNORECASE)
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


_ACTIVITY = re.compile(r"(?:load[\s_-]*)?test(?:ing)?", re.IGNORECASE)
_PLACE_AFTER = re.compile(
    r"\s*(?:environments?|envs?|instances?|clusters?|servers?|systems?|sites?|vms?|boxe?s?|tenants?|stages?|"
    r"setups?|deployments?|nodes?|subscriptions?|projects?|accounts?|namespaces?|copy|copies|zones?|tiers?|landscapes?|rings?)\b",
    re.IGNORECASE,
)
# a place-only word before its own going live ("Acceptance go-live", "acceptance went live on …"): the
# event happens to a place, so the word names it (a milestone itself is no subject of going live)
_WENT_LIVE_AFTER = re.compile(r"[\s-]+(?:go(?:es)?[\s-]?live|went\s+live|cut[\s-]?over)\b", re.IGNORECASE)
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
        or (_PLACE_ONLY.fullmatch(m.group(0)) and _WENT_LIVE_AFTER.match(text, m.end()))
        or _HOLDER_AFTER.match(text, m.end())  # "Load test has 4 × m5.4xlarge": a holder is a place
        or _PLACE_BEFORE.search(text[: m.start()])
        or _IN_NAME.match(text, m.end())
        or _IN_NAME_BEFORE.search(text[: m.start()])
    )


# a verb of having or running right after the word: the subject holds the figures, so it is a place
_HOLDER_AFTER = re.compile(
    # (its own dates or place between: "The load test of 21–23 September used …", "The soak test in
    # March ran on …")
    r"(?:\s+(?:of|in|on|from|during|between)\s+[^,.;:()\[\]]{1,40}?)?"
    r"\s+(?:has|have|had|uses|used|runs\s+on|ran\s+on|is\s+on|was\s+on|sits\s+on|lives\s+(?:on|in|at))\b",
    re.IGNORECASE,
)
# "acceptance" names an environment only as a place ("the acceptance copy", "in acceptance", a
# name's token `sg-acc-01`), never by itself: "Customer acceptance" is a milestone, even as a title
# ("acc", its abbreviation, is no milestone); likewise "stage" names an environment only as a
# place ("the stage cluster", `code-stage.…`), never as a step ("Stage 2", "at this stage"), and
# "shadow" only as a place ("the shadow VM", `sg_shadow`, "on shadow"), never as a word of prose
_PLACE_ONLY = re.compile(r"acceptance|stage|shadow", re.IGNORECASE)
# the place-only words a whole title or label may name once the document uses them as a place
# ("acceptance" not: a title "Acceptance" is its milestone even where an acceptance copy exists)
_PLACEABLE = re.compile(r"(?<![A-Za-z])(?:stage|shadow)(?![A-Za-z])", re.IGNORECASE)


def _placed(text: str) -> frozenset[str]:
    """The words of `_PLACEABLE` the text uses as a place somewhere (`sg-stage-1`, "stage server")."""
    if "stage" not in text.casefold() and "shadow" not in text.casefold():
        return frozenset()
    return frozenset(m.group(0).casefold() for m in _PLACEABLE.finditer(text) if _names_place(text, m))


# what a thing undergoes is no place: "System under test", "Code under test", "under evaluation"
_UNDERGONE = re.compile(r"\bunder\s+$", re.IGNORECASE)
# a slug named as a code host's organisation or workspace ("the ardenwick-dev organisation", "workspace
# acme-test", "GitHub org foo-staging"): the name of where repositories are kept, not an environment --
# a company names its organisations as it likes, and the repositories there are the deployment's
_ORG = r"(?:organi[sz]ations?|orgs?|workspaces?)"
_SLUG = r"[A-Za-z0-9][\w.]*(?:[-_][\w.]+)+"
_ORG_NAME = quick(rf"(?P<a>(?<![\w.-]){_SLUG})\s+{_ORG}\b|\b{_ORG}\s+(?P<b>{_SLUG})", re.IGNORECASE)
_IN_NAME = re.compile(r"[-_][A-Za-z0-9]")  # a token of a hyphenated name: `sg-acc-01`, `test-vm`
_IN_NAME_BEFORE = re.compile(r"[A-Za-z0-9](?<!multi)(?<!single)[-_]$", re.IGNORECASE)  # not "multi-stage"
# a replica is another copy of the instance ("the read-only replica in Singapore"), except one copy
# of a service's pod or volume: "per replica", "one gitserver replica", "replica counts", "a replica of …"
_REPLICA = re.compile(r"(?:read(?:[\s-]+only)?[\s-]+)?replica", re.IGNORECASE)
_POD_BEFORE = re.compile(
    r"\b(?:per|each|every|one|single|1|first|second|third|\d+(?:st|nd|rd|th)|gitserver|zoekt|"
    r"search(?:er)?|frontend|postgres|pgsql|pod|service)\s+$"
    # an amount per replica written with a slash: `Size / replica (GiB)`
    r"|\b(?:size|disk|storage|volume|pvc|cpus?|vcpus?|cores?|ram|memory|gb|gib|tb|tib|iops|cost)\s*/\s*$",
    re.IGNORECASE,
)
_POD_AFTER = re.compile(r"\s*(?:counts?|sets?|of)\b", re.IGNORECASE)
# another environment named only to compare with ("same as preprod but bigger", "like staging"):
# what follows is not that environment's
_COMPARED = opened(
    re.compile(r"\b(?:same as|as in|as on|like|than|unlike)\s+(?:the\s+|in\s+|on\s+)?$", re.IGNORECASE)
)
# the environment another is measured against ("Staging: differences from production", "deltas vs prod")
_AGAINST = re.compile(
    r"\b(?:(?:differences?|differs?|different|deviations?|deltas?|departures?)\s+(?:from|to|with|vs\.?|versus)"
    r"|compared\s+(?:to|with)|relative\s+to|vs\.?|versus"
    # a share or a copy of it ("staging uses half of production —", "a scaled-down copy of prod")
    r"|(?:half|third|quarter|fraction|copy|clone|mirror|replica|\d+\s*%|per\s?cent)\s+of"
    r"|(?:half|twice|double|third|quarter)\s+(?:(?:the\s+)?size\s+of|as\s+(?:big|large)\s+as)|twice|double)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# a modal right before a production word makes it a verb ("will live at", "should live in")
_MODAL = re.compile(r"\b(?:will|would|shall|should|can|could|may|might|must|'ll|’ll)\s+$", re.IGNORECASE)
# "live" after a verb of going or being is the event of going live ("went live", "is now live", a
# "go-live"), said of whatever the sentence names: no environment of its own
_GONE_LIVE = re.compile(
    r"\b(?:go|goes|going|gone|went|came|come|comes|is|are|was|were|been|being|be)"
    r"(?:\s+(?:now|fully|officially|finally|already|successfully))?[\s-]+$",
    re.IGNORECASE,
)
# "live" right after another environment's name and its place noun ("acceptance environment live",
# "UAT cluster live", "DR site now live") is that environment's state of being live, not production
# (words apart by a space or two: a masked address between two names is a wide blank, no such gap)
_STATE_LIVE = re.compile(
    r"(?:(?:[ \t]{1,2}|-)"
    r"(?:environments?|envs?|clusters?|sites?|instances?|servers?|stacks?|copy|tiers?|systems?))?"
    r"(?:[ \t]{1,2}(?:is|now|is[ \t]now|fully))?[ \t]{1,2}",
    re.IGNORECASE,
)
_CLAUSE_CUT = re.compile(r"[.;!?](?:\s|$)|,?\s+(?:and|but|while|whereas|so|then)\s+")


def _beside(text: str, names: list[tuple[int, int]], at: int) -> bool:
    """Whether one of the environment names `names` stands in the clause of the word at `at` ("Staging
    went live on 30 January", "Go-live (staging)"; not "The DR drill passed and we went live", nor one
    the event came after: "Post-UAT go-live"), nor one in another item of a list ("Load test 20 May 2025,
    Live May 20, 2026, Trial …")."""
    if not names:
        return False
    opens = max((c.end() for c in _CLAUSE_CUT.finditer(text, 0, at)), default=0)
    stop = _CLAUSE_CUT.search(text, at)
    ends = stop.start() if stop else len(text)
    return any(
        opens <= a < ends
        and not _BACKDROP_BEFORE.search(text, max(0, a - 16), a)
        and not _LIST_COMMA.search(text[b:at] if b <= at else text[at:a])
        for a, b in names
    )


_LIST_COMMA = re.compile(r"[,|]")  # ("Load test 20 May 2025, Live May 20, 2026, Trial …": each its own item)


# an environment named as what the event came after ("Post-UAT go-live", "after staging, prod went live")
_BACKDROP_BEFORE = re.compile(r"\b(?:after|post|following|before|prior to|once)[\s-]+(?:the\s+)?$", re.I)


# "live" right before its date ("DR site live 7 August", "live since 3 March") is the event, unless a
# preposition makes it a place ("in live since 3 March")
_DATED_AFTER = re.compile(r"\s*:?\s*(?:on |since |from |as of )?(?:the )?(?=\d)", re.IGNORECASE)


def _dated_after(text: str, end: int) -> bool:
    """Whether a date follows right after `end` ("live 7 Aug"; not a figure: "Live 16, Trial 2")."""
    m = _DATED_AFTER.match(text, end)
    day = next(shapes.dates(text[m.end() : m.end() + 40]), None) if m else None
    return day is not None and day.start == 0


_PLACED_BEFORE = re.compile(r"\b(?:in|on|to|into|at|onto)\s+$", re.IGNORECASE)
# production denied by the words right before it: "Stage cluster (not production)", "not part of prod"
_NEGATED = opened(
    re.compile(r"\b(?:not|isn't|is\s+no|non)\s+(?:(?:a|an|the|part|of|in|for)\s+){0,3}$", re.IGNORECASE)
)


_OPTION = quick(
    r"\b(?:option|alternative|variant|scenario)\s+(?P<id>[A-Z]|\d{1,2})(?!\w|\.\w)", re.IGNORECASE
)
_DECIDED = re.compile(
    r"\b(?:approved|chosen|selected|adopted|agreed|accepted|decided|decision|went with|go(?:ing)? with|"
    r"built|implemented|provisioned|deployed)\b",
    re.IGNORECASE,
)
_NOT_TAKEN = re.compile(r"\b(?:rejected|declined|not|ruled out|dropped|discarded)\b", re.IGNORECASE)


def chosen_option(text: str) -> str:
    """The one option ("Option B", "Variant 2") a sentence says was decided, approved or built (not
    only recommended), as its lower-case id; "" when none is, or several are. A short label before a
    colon is read with its value ("Decision: option B."): a label says what its value is."""
    chosen: set[str] = set()
    if not _OPTION.search(text):
        return ""  # no option named at all (most documents): no sentence to weigh
    label = ""  # the short label before a colon: "Decision: option B." says option B was decided
    for sentence in re.split(r"(?<=[.!?;:])\s+|\n+", text):
        ids = {m.group("id").casefold() for m in _OPTION.finditer(sentence)}
        said = sentence if not ids or not label else f"{label} {sentence}"
        if len(ids) == 1 and _DECIDED.search(said) and not _NOT_TAKEN.search(said):
            chosen |= ids
        label = sentence if _DECISION_LABEL.fullmatch(sentence) else ""
    return chosen.pop() if len(chosen) == 1 else ""


# a label of a decision: a few words ending in a colon, one of them a word of deciding ("Decision:",
# "Option selected:", "Outcome (approved):"); its value is the option decided
_DECISION_LABEL = re.compile(
    r"(?!.*\b(?:pending|open|tbd|tbc|proposed|recommended|needed|required)\b)\s*(?:[\w()-]+\s+){0,3}[\w()-]+\s*:\s*",
    re.IGNORECASE,
)


# A short name a document declares for an environment, then up to five words that say what it is:
# an abbreviation (PRD, SBX, UAT2) with "=", "(…", "means" or "stands for"; a hyphenated site name
# (dr-eu, prod-us) also with "is"; or an environment word with the name in brackets ("Sandbox (SBX)").
_UNLESS = quick(
    r"\bunless (?:(?:it is |it's )?(?:stated|noted|said|specified|marked)|it says|otherwise (?:stated|noted))"
    r"(?: otherwise)?\b",
    re.IGNORECASE,
)
_UNLESS_LINES = by_line(_UNLESS)
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


# an instance the document sends to a document of its own, or keeps for context only: "CORP has its own
# TDD", "EMEA-2 is covered by a separate handoff", "LEGACY is described for context only"
_UNIT_NOUN = r"(?:\s+(?i:instance|cluster|deployment|environment|site|tenant))?"
_DISOWNED = re.compile(
    rf"(?<![\w-])(?P<name>{_CODE_NAME}){_UNIT_NOUN}\s+(?i:(?:is|are|was|were)\s+(?:\w+\s+)?"
    r"(?:covered|documented|described|handed\s+(?:off|over))\s+(?:by|in)\s+(?:its|their|a|another)\s+"
    r"(?:own\s+|separate\s+|dedicated\s+)?|ha(?:s|ve)\s+(?:its|their)\s+own\s+)"
    r"(?i:tdd|hand-?off|hand-?over|design\s+document)\b"
    rf"|(?<![\w-])(?P<name2>{_CODE_NAME}){_UNIT_NOUN}\s+(?i:is|are)\s+(?i:described|included|shown|kept|"
    r"summari[sz]ed|mentioned)\s+(?i:here\s+)?(?i:for|as)\s+(?i:context|reference|orientation|contrast)\b"
)


def scoped(text: str) -> Iterator[tuple[str, str]]:
    """The instances a scope clause names by their code: (name, "production" | "trial"); an instance
    the document says has a document of its own or is described for context only is another's."""
    for m in _DISOWNED.finditer(text) if "own" in text or "separate" in text or "context" in text else ():
        yield m.group("name") or m.group("name2"), "trial"
    if "scope" not in text:  # (every match holds it, as written: the document's text is long)
        return
    for m in _SCOPED.finditer(text):
        first = m.group("name") is not None
        name, side = m.group("name" if first else "name2"), m.group("side" if first else "side2")
        yield name, "production" if side.casefold() == "in" else "trial"


_AKA = opened(  # the other name; the environment is the words right before it
    re.compile(
        r"\b(?:a\.?k\.?a\b\.?|also (?:called|known as)|known (?:internally )?as|code-?named?)"
        r"\s+[\"“'‘]?(?P<name>[A-Za-z][\w-]{2,})",
        re.IGNORECASE,
    )
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


_ABBR = r"[A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{2,7})?"  # `PRD`, `CS-TST`
# an environment's one-letter code in brackets after its name (`Productie (P)`)
_LETTER_DECLARED = re.compile(r"(?<![\w-])(?P<name>[^\W\d_]{3,})\s*\(\s*(?P<letter>[A-Z])\s*\)")
# what every match of `_LETTER_DECLARED` ends with: a text without it declares no letter (one scan from
# its brackets, where `_LETTER_DECLARED` is tried at every word)
_LETTER_MARK = re.compile(r"\(\s*[A-Z]\s*\)")
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
# the same on a text without "=", where the glossed-word branch (tried at every word) cannot match: its
# groups not there (every match sets `abbr` or `abbr2`); compiled as it is, without the quick test and the
# lookahead of `quick`, and with no branch after it: `re` runs this alternation about three times as
# quick so (1.0 against 2.6 to 3.4 ms for the five sample TDDs' texts)
_DECLARED_NO_EQUALS = re.compile(_DECLARED_SAID)
# A match of `_DECLARED_NO_EQUALS` holds only word characters, white space, `'`, `-` and brackets: a
# text's other characters (`.`, `,`, `:`, `;`, `/`, `|`, dashes …) cut it into pieces no match crosses.
# And it holds a bracket, an `=`, a defining verb after white space, or a site's name (its last part after a
# hyphen) before `is`.
_CUT = re.compile(r"[^\w\s'()=-]")
_DEFINING = re.compile(r"[(=]|-[a-z0-9]+\s+is\b")  # (a scan from three characters)
_DEFINING_VERB = re.compile(r"\s(?:means|stands for|refers to)\b")  # (only in a text with one of them)


def _declared_no_equals(text: str) -> Iterator[re.Match[str]]:
    """`_DECLARED_NO_EQUALS.finditer(text)`, tried only in the pieces of `text` (between `_CUT`'s
    characters) that hold a bracket, an `=` or a defining verb (`is` only after a site's name). A piece
    is searched in place (`pos`, `endpos`): the pattern's look behind sees the character before it, and
    its looks ahead at the piece's end ask for more characters than are there, whatever follows, so the
    matches are the same (about 370 -> 230 us on acme's text)."""
    at = [m.start() for m in _DEFINING.finditer(text)]
    if "means" in text or "stands for" in text or "refers to" in text:
        at = sorted(at + [m.start() for m in _DEFINING_VERB.finditer(text)])
    cuts: list[int] = [m.start() for m in _CUT.finditer(text)] if at else []
    done = 0  # (the end of the last piece searched)
    for d in at:
        if d < done:
            continue
        k = bisect.bisect_right(cuts, d)
        start = cuts[k - 1] + 1 if k else 0
        end = cuts[k] if k < len(cuts) else len(text)
        yield from _DECLARED_NO_EQUALS.finditer(text, start, end)
        done = end


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


@functools.lru_cache(maxsize=64)
def _some_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A quick no for `_phrases(words)`: a pattern that finds, in a lower-cased ASCII text, the
    longest letter run of one of the words (or a shorter run that one holds). Every match of the
    phrases holds its word's runs, in any case; ASCII letters fold as `str.lower` folds them, so an
    ASCII text where this finds nothing has none of the words. Built once per word list."""
    letters = "0-9a-z\u00c0-\u024f"  # (as `_phrases` splits the words)
    runs = {max(parts, key=len) for w in words if (parts := re.findall(f"[{letters}]+", w.casefold()))}
    kept = sorted(r for r in runs if not any(o != r and o in r for o in runs))  # "prod" finds "production"
    return re.compile(_by_first_letter([re.escape(r) for r in kept]) or r"(?!x)x")


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


# whom something is handed to: a party (a team's name, capitalised), never an environment
_RECIPIENT = re.compile(
    r"\bhand(?:ed|s|ing)?\s+(?:\w+\s+)?(?:over\s+)?to\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})"
)
