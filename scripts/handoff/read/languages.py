"""A TDD written in another language, read the way the reader reads English.

A person who reads German reads `Produktionsumgebung`, `Abnahmeumgebung`, `bis zu 5.000 Nutzer`
or `Aufbau begonnen am 3. August 2026` as production, staging, a limit and a build start. The
reader's mechanisms (environments, limits, growth, labels, verbs, months, counts) know their
concepts by English words; `config/languages.toml` gives, per concept, its words in each language
(whole words, phrases and stems for languages that inflect or compound). Once per document:

* `languages_of(text)`: the languages it is written in, from the share of each language's common
  words (`[signs]`) beside the English ones. Most documents are English: then nothing else runs.
* `Gloss(languages)`: one compiled matcher over those languages' words; `gloss(text)` gives the
  text with each such word as its concept's English word, and a map of old offsets to new (links
  and footnote marks keep their place). A stem takes any ending; what follows a stem, when it is a
  word of the table itself, is read too (`Produktionsstart` → `production start`). A word only
  used before a number (`hasta 5.000`: up to) is read so only there. Dates come out in the order
  the date readers know (`3. August 2026`, `3 de agosto de 2026` → `3 August 2026`).

Words of a language are used only in a document written in it, so an ordinary word of English or
of another language (`of`, `to`, `die`, `ma`) changes nothing elsewhere; product names (`Data
Center`, `Server`, `Cloud`) are no entries. The values keep their locations; a value's text reads
as the reader read it (the concept words in English).
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from re import _casefix  # type: ignore[attr-defined]

from handoff.core.longdate import MONTHS
from handoff.core.quickre import any_of
from handoff.core.settings import PROJECT_ROOT
from handoff.read.wordorder import negation_edits

LANGUAGES_FILE = PROJECT_ROOT / "config" / "languages.toml"
_ENGLISH_SIGNS = ("the", "and", "of", "is", "to", "with", "for", "was", "are", "this", "that", "which", "we",
                  "our", "on", "it", "has", "were", "been", "from", "by")  # fmt: skip
MIN_SIGNS = 4  # a language's common words a document holds before it is read in that language
LETTERS = r"[^\W\d_]"


@dataclass(frozen=True)
class Lexicon:
    """One language's words, lower case: whole words and phrases, stems, words only before a
    number, month names and abbreviations (→ the month's number, 1-12)."""

    code: str
    signs: frozenset[str]
    words: dict[str, str]
    stems: dict[str, str]
    before_number: dict[str, str]
    months: dict[str, int]
    abbreviations: dict[str, int]


_SPACES_OR_HYPHENS = re.compile(r"[\s-]+")


def _entry(raw: str) -> str:
    """An entry as it is matched: lower case, hyphens and runs of spaces as one space."""
    return _SPACES_OR_HYPHENS.sub(" ", raw.strip().lower().replace("’", "'"))


@functools.lru_cache(maxsize=4)
def lexicons(path: Path = LANGUAGES_FILE) -> dict[str, Lexicon]:
    """Every language of the file, by its code."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    codes = list(data.get("signs", {}))
    out = {}
    for code in codes:
        words: dict[str, str] = {}
        stems: dict[str, str] = {}
        before: dict[str, str] = {}
        for english, by_language in data.get("words", {}).items():
            for raw in by_language.get(code, ()):
                entry = _entry(raw)
                if entry.endswith("~"):
                    before.setdefault(entry[:-1], english)
                elif entry.endswith("*") and " " not in entry:
                    stems.setdefault(entry[:-1], english)
                else:
                    words.setdefault(entry, english)
        months = {
            name: n
            for n, forms in enumerate(data.get("months", {}).get(code, ()), 1)
            for name in _entry(forms).split()
        }
        short = {
            name: n
            for n, forms in enumerate(data.get("month_abbreviations", {}).get(code, ()), 1)
            for name in _entry(forms).split()
        }
        # its own words are signs of it too where English never writes them (`Größe`, `produção`)
        spelled = {w.split()[0] for w in (*words, *months) if not w.split()[0].isascii()}
        signs = frozenset(_entry(w) for w in data["signs"][code]) | spelled
        out[code] = Lexicon(code, signs, words, stems, before, months, short)
    return out


# --------------------------------------------------------------------------------------------
# which languages a document is written in


# The characters `re` matches under IGNORECASE otherwise than `str.lower` lowers them: `İ` (lowered
# to two characters) and those of a letter with a second lower-case form (`ı` is `i`, `ſ` is `s`,
# `ς` is `σ` …). A text without them, lowered, matches a pattern of lower-case words without the flag
# just where it matches the text with the flag (and lowering keeps which characters are `\w`, `\d`).
_FOLDS_OTHERWISE = frozenset(
    {"\u0130", *(chr(c) for k, v in _casefix._EXTRA_CASES.items() for c in (k, *v) if c > 127)}
)
_FOLD_RISK = re.compile("[" + "".join(re.escape(c) for c in sorted(_FOLDS_OTHERWISE)) + "]")


@functools.lru_cache(maxsize=4)
def _signs(path: Path) -> dict[str, list[str]]:
    """Each sign (a stem ends in `*`) and the languages it is a sign of, English's first."""
    by_word: dict[str, list[str]] = {w: ["en"] for w in _ENGLISH_SIGNS}
    for code, lexicon in lexicons(path).items():
        for w in lexicon.signs:
            by_word.setdefault(w, []).append(code)
    return by_word


@functools.lru_cache(maxsize=4)
def _sign_matcher(
    path: Path,
) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]], re.Pattern[str] | None]:
    """The signs' pattern (any case), the languages of each sign, and the same pattern without the
    flag for lowered texts (None when a sign is not written in lower case, or holds a letter that
    folds otherwise)."""
    by_word = _signs(path)
    words = [w for w in by_word if not w.endswith("*")]
    stems = [w[:-1] for w in by_word if w.endswith("*")]
    source = rf"\b(?<![\w'’./@-])(?:{any_of(words)}|(?P<stem>{any_of(stems)}){LETTERS}*)(?![\w'’/@-]|\.\w)"
    lower = all(w == w.lower() and _FOLDS_OTHERWISE.isdisjoint(w) for w in (*words, *stems))
    by_sign = {w.rstrip("*"): tuple(codes) for w, codes in by_word.items()}
    return re.compile(source, re.IGNORECASE), by_sign, re.compile(source) if lower else None


@functools.lru_cache(maxsize=4)
def _foreign_matcher(path: Path) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """`_sign_matcher`'s two patterns without the signs of English alone (`the`, `and`, `of` …)."""
    lowered = _sign_matcher(path)[2]
    foreign = [w for w, codes in _signs(path).items() if any(code != "en" for code in codes)]
    words = [w for w in foreign if not w.endswith("*")]
    stems = [w[:-1] for w in foreign if w.endswith("*")]
    source = rf"\b(?<![\w'’./@-])(?:{any_of(words)}|(?P<stem>{any_of(stems)}){LETTERS}*)(?![\w'’/@-]|\.\w)"
    return re.compile(source, re.IGNORECASE), re.compile(source) if lowered is not None else None


def _may_be_foreign(text: str, path: Path) -> bool:
    """False only when no language but English has `MIN_SIGNS` signs in `text`. The pattern without
    English's own signs matches, where the whole pattern matched a sign of a language but English,
    that very sign (a sign is a whole word or phrase: the one there; the alternatives before it did
    not match with English's there, nor do they without them), and where it matched one of English
    alone perhaps another: its counts are at least the true ones. An English document's sign words
    (a hundred in a sample TDD) are not counted one by one."""
    pattern, lowered = _foreign_matcher(path)
    by_word = _sign_matcher(path)[1]
    if lowered is not None and _FOLD_RISK.search(text) is None:
        pattern, text = lowered, text.lower()
    counts: dict[str, int] = {}
    for m in pattern.finditer(text):
        for code in by_word.get((m.group("stem") or m.group(0)).lower(), ()):
            counts[code] = counts.get(code, 0) + 1
            if code != "en" and counts[code] >= MIN_SIGNS:
                return True
    return False


def languages_of(text: str, path: Path = LANGUAGES_FILE) -> tuple[str, ...]:
    """The languages other than English a text is written in (none for most documents): each
    whose common words number at least `MIN_SIGNS`, four fifths of the English ones (an English
    text with a few terms in German stays English), and half as many as those of the language best
    represented (so a Spanish text is not Portuguese too)."""
    if not _may_be_foreign(text, path):
        return ()
    pattern, by_word, lowered = _sign_matcher(path)
    if lowered is not None and _FOLD_RISK.search(text) is None:  # (the same matches, about twice as quick)
        pattern, text = lowered, text.lower()
    counts: dict[str, int] = {}
    for m in pattern.finditer(text):
        word = m.group("stem") or m.group(0)
        for code in by_word.get(word.lower(), ()):
            counts[code] = counts.get(code, 0) + 1
    english = counts.pop("en", 0)
    best = max(counts.values(), default=0)
    return tuple(
        sorted(c for c, n in counts.items() if n >= MIN_SIGNS and 5 * n >= 4 * english and 2 * n >= best)
    )


# --------------------------------------------------------------------------------------------
# a document's words in the reader's language

Shift = Callable[[int], int]
_ENDINGS = frozenset(  # the endings of an inflected word: what follows a stem when nothing else does
    [
        *("s", "e", "n", "en", "er", "es", "em", "et", "ed", "ad", "na", "ne", "ar", "or", "a", "o", "i"),
        *("os", "as", "is", "us", "um", "y", "ie", "ies", "ów", "ach", "ami", "om", "u", "ó", "ą", "ę"),
        *("ý", "á", "é", "í"),
    ]
)
_DATE_DOT = re.compile(rf"\b(\d{{1,2}})(?:\.|er|º|ª)\s*(?=(?:{'|'.join(MONTHS)})\b)")
_DATE_DE = re.compile(
    rf"\b(\d{{1,2}}\s+)(?:de|of)\s+((?:{'|'.join(MONTHS)})\s+)(?:(?:de|del|of)\s+)?(?=\d{{4}}\b)"
)
_MONTH_DE = re.compile(rf"\b((?:{'|'.join(MONTHS)})\s+)(?:de|del|of)\s+(?=\d{{4}}\b)")
# an article before a date stands for "on" (`el 24 de julio`, `le 3 août`, `il 5 maggio`)
_THE_DATE = re.compile(
    rf"(?<!\bon )(?<!\bof )(?<!\bfrom )(?<!\buntil )(?<!\bsince )(?<!\bby )\b(?:the|The)\s+"
    rf"(?=\d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}}|\d{{4}}-\d\d-\d\d\b)"
)
_ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
_A_DATE = rf"\d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}}|\d{{4}}-\d\d-\d\d|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}"
_EVENT = (
    r"started|began|completed|finished|accepted|signed off|built|installed|deployed|handed over|delivered|"
    r"went live|approved|signed|connected|planned|scheduled"
)
# a verb after its date, as German and Dutch put it ("am 3. März 2026 begonnen"): before it
_VERB_LAST = re.compile(
    rf"\b(?:(?:am|an|on|den|op|vom|per|dne|dnia)[ \t]+)?({_A_DATE})(?:[ \t]+r\.)?[ \t]+({_EVENT})\b", re.I
)
# a change's two sides as a Romance language writes them: "de 3 × r6i a 4 × r6i" (of … to)
_FROM_TO = re.compile(r"\bof(\s+~?\d[^;:()]{0,40}?\s+)(?:a|al|to|on)(?=\s+~?\d)")
# a thing "of" its environment, as the Romance languages put it ("cluster de producción")
_OF_ENVIRONMENT = re.compile(
    r"\b(cluster|build|environment|infrastructure|instance|deployment|servers?|start|completion|site|"
    r"system|nodes?|machines?|disks?|memory|users|repositories|URL|address)\s+of\s+(?:the\s+)?"
    r"(production|staging|trial|test|development|pilot|evaluation|proof of concept)\b",
    re.I,
)
# a preposition before a date stands for "on" (`em 3 de agosto`, `le 3 août`, `w dniu 3 sierpnia`)
_AT_DATE = re.compile(rf"\b(?:em|en|in|le|el|il|op|den|på|dne|dnia|w dniu)[ \t]+(?=(?:{_A_DATE})\b)", re.I)
# a noun before its adjective, as the Romance languages put it ("usuarios simultáneos")
_NOUN_ADJECTIVE = re.compile(
    r"\b(users|user|repository|repositories|memory|disk|disk space|size|storage|cpu|vcpu|cores|nodes|"
    r"machines|seats)\s+(concurrent|largest|total|licensed|maximum)\b",
    re.I,
)


def _phrase_pattern(entries: Iterable[str]) -> str:
    """Phrases as one alternation: their spaces as spaces or hyphens, `*` any ending, an apostrophe
    either one."""
    plain = {e for e in entries if "*" not in e}
    wild = [e for e in entries if "*" in e]
    pattern = any_of(plain).replace("\\ ", r"[\s-]+").replace("'", "['’]")
    parts = [pattern] if plain else []
    for entry in sorted(wild, key=len, reverse=True):
        words = [re.escape(w.rstrip("*")) + (f"{LETTERS}*" if w.endswith("*") else "") for w in entry.split()]
        parts.append(r"[\s-]+".join(words).replace("'", "['’]"))
    return "|".join(parts) or r"(?!x)x"


class Gloss:
    """The words of some languages, as their concepts' English words (module doc)."""

    def __init__(self, codes: Iterable[str], path: Path = LANGUAGES_FILE) -> None:
        chosen = [lexicons(path)[c] for c in codes]
        self.words: dict[str, str] = {}
        self.stems: dict[str, str] = {}
        self.before: dict[str, str] = {}
        self.months: dict[str, int] = {}
        self.abbreviations: dict[str, int] = {}
        for lexicon in chosen:  # a word of two languages keeps the first one's meaning
            for own, merged in (
                (lexicon.words, self.words),
                (lexicon.stems, self.stems),
                (lexicon.before_number, self.before),
            ):
                for k, v in own.items():
                    merged.setdefault(k, v)
            for numbers, into in ((lexicon.months, self.months), (lexicon.abbreviations, self.abbreviations)):
                for k, n in numbers.items():
                    into.setdefault(k, n)
        self.stem_lengths = sorted({len(s) for s in self.stems}, reverse=True)
        phrases = [w for w in self.words if " " in w or "'" in w]
        singles = [w for w in (*self.words, *self.months, *self.abbreviations) if w not in phrases]
        self.pattern = re.compile(
            rf"(?<!\w)(?:(?P<n>{_phrase_pattern(self.before)})(?=\s*[~≈]?\s*\d)"
            rf"|(?P<p>{_phrase_pattern(phrases)})(?![\w'’])"
            rf"|(?P<w>(?:{any_of(singles)}|{any_of(self.stems)}){LETTERS}*)(?![\w'’]))",
            re.IGNORECASE,
        )

    def gloss(self, text: str) -> tuple[str, Shift]:
        """`text` with its words as English ones, and where each old offset now is."""
        edits: list[tuple[int, int, str]] = []
        for m in self.pattern.finditer(text):
            if _in_address(m):
                continue
            english = self._english(m)
            if english is not None and english != m.group(0):
                end = m.end()
                if text[end : end + 1] == "." and _entry(m.group(0)) in self.abbreviations:
                    end += 1  # `3. Aug. 2026`: the month written out takes the abbreviation's full stop
                edits.append((m.start(), end, english))
        new, shift = _apply(text, edits)
        for step in (_date_edits, _order_edits):
            moved = step(new)
            if moved:
                new, then = _apply(new, moved)
                shift = functools.partial(_compose, shift, then)
        return new, shift

    def _english(self, m: re.Match[str]) -> str | None:
        source = m.group(0)
        key = _entry(source)
        if m.group("n") is not None:
            return _case(source, self.before.get(key) or self._wild(self.before, key) or source)
        if m.group("p") is not None:
            return _case(source, self.words.get(key) or self._wild(self.words, key) or source)
        if len(source) == 1 and (
            not source.islower() or (m.end() < len(m.string) and m.string[m.end()] in ").:")
        ):
            return None  # "Option A", "a)": a letter, not a word
        if key in self.months:
            return MONTHS[self.months[key] - 1]
        if key in self.abbreviations:
            return MONTHS[self.abbreviations[key] - 1] if _by_a_number(m) else None
        english = self.words.get(key) or self._compound(key)
        if english == "not" and _answer_word(m):
            english = "no"  # "Não, nenhum.": an answer's own word, "No, none."
        return None if english is None else _case(source, english)

    def _compound(self, word: str) -> str | None:
        """A word opening with a stem: the stem's English, and the English of what follows it when
        that is a word or stem of its own (`produktions|start`, `test|umgebung`)."""
        for n in self.stem_lengths:
            stem = word[:n]
            if len(word) >= n and stem in self.stems:
                rest = word[n:]
                head = self.stems[stem]
                if not rest or rest in _ENDINGS:
                    return head
                for tail in (rest, rest[1:], rest[2:]):  # a linking `s`, `e`, `en` before the next word
                    known = self.words.get(tail) or (self._compound(tail) if len(tail) > 3 else None)
                    if known and " " not in tail:
                        return f"{head} {known}"
                return head
        return None

    @staticmethod
    def _wild(table: dict[str, str], key: str) -> str | None:
        """The English of a phrase written with `*` (`dimensionado* para`) that `key` matches."""
        for entry, english in table.items():
            if "*" in entry:
                words = [
                    re.escape(w.rstrip("*")) + (f"{LETTERS}*" if w.endswith("*") else "")
                    for w in entry.split()
                ]
                if re.fullmatch(" ".join(words), key):
                    return english
        return None


_OPENS = re.compile(r"(?:^|[.!?:]\s+|\n)\W*$")


def _answer_word(m: re.Match[str]) -> bool:
    """A negation standing alone as an answer, opening its sentence before a comma or a full stop
    ("Não, nenhum.", "No. Todo en un solo nodo."): the answer's "no", not a verb's "not"."""
    text = m.string
    return text[m.end() : m.end() + 1] in (",", ".", ";", "!", "") and bool(_OPENS.search(text, 0, m.start()))


_ADDRESS = re.compile(r"://|@|\w\.[^\W\d_]|[/\\_]")


def _in_address(m: re.Match[str]) -> bool:
    """A word inside a URL, a host or e-mail name, a path or an identifier (`sg-produktion.firma.de`)."""
    text = m.string
    start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (text.find(" ", m.end()), text.find("\n", m.end())) if i >= 0]
    chunk = text[start : min(ends) if ends else len(text)]
    return bool(_ADDRESS.search(chunk.rstrip(".,;:)")))


def _by_a_number(m: re.Match[str]) -> bool:
    """A month's abbreviation next to a day or a year (`3 Okt 2026`, `okt-2026`), not a word."""
    before = m.string[max(0, m.start() - 3) : m.start()]
    after = m.string[m.end() : m.end() + 3]
    return bool(re.search(r"\d[\s.\-/]*$", before) or re.match(r"\.?[\s\-/]*\d", after))


def _case(source: str, english: str) -> str:
    if len(source) > 1 and source.isupper():
        return english.upper()
    return english[:1].upper() + english[1:] if source[:1].isupper() else english


def _order_edits(text: str) -> list[tuple[int, int, str]]:
    """The glossed words in English order: a verb before its date (`3 March 2026 started` →
    `started on 3 March 2026`), an adjective before its noun (`users concurrent` → `concurrent
    users`); after `_date_edits`."""
    edits = [(m.start(), m.end(), f"{m.group(2)} on {m.group(1)}") for m in _VERB_LAST.finditer(text)]
    edits += [(m.start(), m.end(), f"{m.group(2)} {m.group(1)}") for m in _NOUN_ADJECTIVE.finditer(text)]
    edits += [(m.start(), m.end(), "on ") for m in _THE_DATE.finditer(text)]
    edits += [(m.start(), m.end(), _case(m.group(0), "on ")) for m in _AT_DATE.finditer(text)]
    edits += [(m.start(), m.end(), f"{m.group(2)} {m.group(1)}") for m in _OF_ENVIRONMENT.finditer(text)]
    edits += [(m.start(), m.end(), f"from{m.group(1)}to") for m in _FROM_TO.finditer(text)]
    edits += negation_edits(text)  # `not was connected` → `was not connected`
    return sorted(edits)


def _compose(first: Shift, then: Shift, offset: int) -> int:
    return then(first(offset))


def _date_edits(text: str) -> list[tuple[int, int, str]]:
    """`3. August` → `3 August`, `3 de August de 2026` → `3 August 2026`, `August de 2026` → `August 2026`."""
    if not any(name in text for name in MONTHS) and not _ISO_DATE.search(text):
        return []
    edits = [(m.start(), m.end(), m.group(1) + " ") for m in _DATE_DOT.finditer(text)]
    edits += [(m.start(), m.end(), m.group(1) + m.group(2)) for m in _DATE_DE.finditer(text)]
    taken = [(a, b) for a, b, _ in edits]
    edits += [
        (m.start(), m.end(), m.group(1))
        for m in _MONTH_DE.finditer(text)
        if not any(a <= m.start() < b for a, b in taken)
    ]
    return sorted(edits)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, Shift]:
    """`text` with `edits` (start, end, replacement; in order, apart) made, and the offset map."""
    if not edits:
        return text, lambda o: o
    parts, olds, deltas = [], [], []
    at, delta = 0, 0
    for start, end, new in edits:
        if start < at:
            continue
        parts += [text[at:start], new]
        at = end
        delta += len(new) - (end - start)
        olds.append(end)
        deltas.append(delta)
    parts.append(text[at:])
    starts = {end: start for start, end, _ in edits}

    def shift(offset: int) -> int:
        i = bisect.bisect_right(olds, offset)
        moved = offset + (deltas[i - 1] if i else 0)
        if i < len(olds) and starts.get(olds[i], offset + 1) < offset:  # inside an edited word
            return starts[olds[i]] + (deltas[i - 1] if i else 0)
        return moved

    return "".join(parts), shift


@functools.lru_cache(maxsize=32)
def gloss_for(codes: tuple[str, ...]) -> Gloss:
    """One matcher per set of languages, built once."""
    return Gloss(codes)


__all__ = ["Gloss", "gloss_for", "languages_of", "lexicons"]
