"""Passes skipped on a cheap test read as before: each gated function gives what the function as
first written (without its gate) gives, on random texts of the characters that decide it and on the
development corpus's lines (the fixtures' readings are compared by `python -m bench.identity`)."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from handoff.core import quickre
from handoff.core.fields import Catalogue, norm
from handoff.read import (
    abbrev,
    blanks,
    branches,
    cells,
    changes,
    connection,
    counts,
    doctext,
    edits,
    envnames,
    forms,
    hostaddress,
    labelled,
    languages,
    leftbehind,
    legends,
    limits,
    limitwords,
    markedoptions,
    namedis,
    oldthing,
    options,
    owntypes,
    partitive,
    pasted,
    pastnow,
    prose,
    quicktext,
    regionroles,
    replaced,
    reviewed,
    services,
    shapes,
    stamps,
    verdict,
    vocab,
)
from handoff.read.cells import not_done, status_words
from handoff.read.doctext import Texts, as_dict, as_list
from handoff.read.edits import has_digit
from handoff.read.envwords import Environments
from handoff.read.fact import Context
from handoff.read.facts import FactReader
from handoff.read.legends import row_lines
from handoff.read.tdd import html_document
from handoff.read.vocab import mask
from tdd_snippets import corpus_lines, corpus_texts, paragraph

_WORDS = status_words(("to do", "won't do", "dropped", "declined", "next", "later", "carried over", "ideas"))


def _texts(pieces: list[str], n: int = 20000, longest: int = 12) -> list[str]:
    rng = random.Random(11)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def _closed_as_first_written(text: str, words: frozenset[str]) -> bool:
    if not any(c in text for c in verdict._MARKS):
        return False
    text = text.rstrip()
    reasoned = verdict._REASON.sub("", text)
    for end in (text,) if reasoned == text else (text, reasoned):
        m = verdict._CLOSING.search(end)
        if m is not None and not_done(m.group("clause") or m.group("aside") or "", words):
            return True
    return False


def _without_as_first_written(text: str, words: frozenset[str]) -> str:
    if not any(c in text for c in verdict._MARKS) or not words:
        return text
    out = text
    for m in verdict._SENTENCE.finditer(text):
        if _closed_as_first_written(m.group(0), words):
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out


_VERDICT_PIECES = [
    *" ;,—–-()[].!\n\t\u00a0x7²É",
    " - ", "dropped", "Dropped", "DROP", "ped", "declined", "won't", "wont", "do", "to", "To do", "next",
    "later", "carried", "over", "ideas", "1,200 users", "m6i.4xlarge", "(price)", "[see notes]", "Straße",
]  # fmt: skip


def test_verdict_as_without_its_gate() -> None:
    for text in [*_texts(_VERDICT_PIECES), *corpus_lines()]:
        assert verdict.closed_as_not_taken(text, _WORDS) == _closed_as_first_written(text, _WORDS), text
        assert verdict.without_not_taken(text, _WORDS) == _without_as_first_written(text, _WORDS), text


_CONTEXTS = [
    Context(),
    Context(limit=True),
    Context(topic="repositories"),
    Context(topic="monorepos"),
    Context(section="trial", host="GitHub Enterprise Server"),
]
_COUNT_PIECES = [
    *" ,.;:()-—\n=+", "1,200", "3", "two", "Two", "a dozen", "hundred", "repositories", "repos", "users",
    "seats", "monorepo", "Monorepos", "in total", "up to", "licensed for", "at peak", "concurrent", "GitHub",
    "GitLab", "Bitbucket", "of which", "none", "we have", "not connected", "٣", "another", "a further",
    "plus", "in addition", "licensed", "licence is", "of whom", "are licensed", "engineers", "Entwickler",
    "seat", "at the same time", "Peak concurrency is", "maximum", "projects", "depots", "Of the", "synced",
    "indexed", "2.4k", "(2)", "three (3)", "64 vCPU", "2 TB", "Sep 14, 2026", "İ", "ı", "ſ", "\u212a",
]  # fmt: skip
_BEFORE = ("", "We have 1,200 repositories on GitHub.")


def test_counts_as_without_their_gate(catalogue: Catalogue) -> None:
    reader = FactReader(catalogue)
    contexts = [*_CONTEXTS, Context(limit=True, topic="repositories"), Context(topic="max_users")]
    for text in [*_texts(_COUNT_PIECES, 6000), *corpus_lines()]:
        for before in _BEFORE:
            reader.said_before = before
            for ctx in contexts:
                assert reader._counts(text, ctx) == reader._counts_read(text, ctx), (text, ctx, before)
    reader.said_before = ""


def test_count_gate_holds_the_pieces_of_every_counting_pattern() -> None:
    """Each pattern whose pieces the gate holds: wherever it matches, the gate opens."""
    patterns = [
        shapes._noun(counts._REPO_NOUNS), shapes._noun(limits.PERSONS), counts._PEAK, counts._PEAK_IS,
        counts._BARE_TOTAL, partitive._PART_OF, partitive._OF_WHOLE, partitive._OF_THEM,
    ]  # fmt: skip
    for text in [*_texts(_COUNT_PIECES, 6000), *corpus_lines()]:
        for p in patterns:
            if _plain(p).search(text):
                assert counts._COUNTED.possible(text), (p.pattern, text)
        if counts._LIMIT_NOUN.search(text) or counts._LICENSED.search(text):
            assert counts._COUNTED_IN_LIMITS.possible(text), text


_NAME_PIECES = [
    *" ,.;:()-/\n", "GitHub", "GitLab", "gitlab", "Bitbucket Data Center", "GHES", "ADO", "Azure",
    "Azure DevOps", "AWS", "Amazon EKS", "EKS", "GCP", "Kubernetes", "Helm", "Docker Compose", "on-prem",
    "on premises", "vSphere", "our data centre", "no cloud", "github.acme.com", "gitlab.example.de",
    "ghe.corp", "p4.acme.io", "stash.acme.io", "dev.azure.com/acme", "bitbucket.org/acme",
    "git-codecommit.eu-west-1.amazonaws.com", "code", "repos", "hosted", "not connected", "instead of",
    "rather than", "sign-in", "SSO", "runs", "the", "sourcegraph.acme.com", "İ", "ı", "ſ", "\u212a",
    "ﬆash.acme.io", "É", "x", "7",
]  # fmt: skip


def test_names_as_without_their_gate(catalogue: Catalogue) -> None:
    gated, ungated = FactReader(catalogue), FactReader(catalogue)
    ungated._may_name = lambda s: True  # type: ignore[method-assign]
    contexts = [Context(), Context(topic="code_hosts"), Context(about_code=True), Context(section="trial")]
    for text in [*_texts(_NAME_PIECES, 6000), *corpus_lines()]:
        for ctx in contexts:
            assert gated._names(text, ctx) == ungated._names(text, ctx), (text, ctx)


def test_addresses_as_without_their_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_texts(_NAME_PIECES, 8000), *corpus_lines()]
    gated = [hostaddress.addresses(t) for t in texts]
    monkeypatch.setattr(hostaddress, "may_name_host", lambda text: True)
    assert gated == [hostaddress.addresses(t) for t in texts]


def test_has_digit_as_any_isdigit() -> None:
    pieces = [*"a 0 9.\n", "\u0663", "\u00b2", "\u2460", "\u00bd", "\uff11", "x", "É"]
    for text in [*_texts(pieces, 5000, 6), *corpus_lines()]:
        assert has_digit(text) == any(c.isdigit() for c in text), text


_ENVIRONMENT_PIECES = [
    *" -_'’/.,()\n", "prod", "PROD", "Production", "préprod", "PRÉPROD", "staging", "Stg", "dev", "DR",
    "dr-eu", "test", "load test", "non-production", "QA", "uat", "live", "as built", "sandbox", "not",
    "same as", "handed over to", "QA team", "/srv/test/data", "sg-dev.example.com", "Orca", "runs", "the",
    "cluster", "Lark", "sg-t-muc-01", "İ", "ı", "ſ", "\u212a", "É", "x", "7",
]  # fmt: skip


def test_environment_words_as_without_their_quick_no(catalogue: Catalogue) -> None:
    for learned in ({}, {"Orca": "production", "Lark": "trial", "sg-t-muc-01": "trial"}):
        gated, ungated = Environments(catalogue), Environments(catalogue)
        for env in (gated, ungated):
            env._teach(learned)
        ungated.some_word = re.compile("")  # (finds something in every text: no quick no)
        for text in [*_texts(_ENVIRONMENT_PIECES, 6000), *corpus_lines()]:
            assert gated._spans(text) == ungated._spans(text), text


def test_abbreviation_key_read_for_the_terms_wanted() -> None:
    rng = random.Random(3)
    for path in sorted((Path(__file__).parent / "fixtures" / "tdd_corpus").glob("*.html")):
        lines = row_lines(html_document(path.read_text(encoding="utf-8")))
        every = abbrev.definitions(lines)
        tokens = sorted({m.group(0) for line in lines for m in abbrev._TERM_RE.finditer(line)})
        for wanted in (
            frozenset(every),
            frozenset(tokens),
            frozenset(rng.sample(tokens, min(4, len(tokens)))),
        ):
            assert abbrev.definitions(lines, wanted) == {t: m for t, m in every.items() if t in wanted}, path


_FORM_PIECES = [*" ?[]xX✓☐☑●\n", "Which one", "(tick one)", "[ ]", "[x]", "Answer: B", "a)", "b."]


def test_form_signs_before_the_question_test() -> None:
    for text in _texts(_FORM_PIECES, 4000):
        doc = {"body": {"content": [paragraph(*text.split("\n"))]}}
        if not forms._signs(doc):
            assert not any(
                forms._QUESTION.search(t) or len(forms._BOX.findall(t)) >= 2 for t in forms._texts(doc)
            )


# -- the same answers in fewer steps: patterns behind `quick` / `opened`, keys in one C step ------

_SPED_UP = [
    (changes, "_THEN"), (connection, "_CLAUSE"), (counts, "_ALL"), (counts, "_FIGURES"),
    (envnames, "_SIDE_LABEL"), (leftbehind, "_HINT"), (namedis, "_IS"), (oldthing, "_HINT"),
    (partitive, "_PART_OF"), (pasted, "_LAYOUT_SPACE"), (prose, "_SENTENCE"), (shapes, "_COUNT_BEFORE"),
    (shapes, "YEAR"), (stamps, "_WROTE_ANY"), (limitwords, "_PLANNED"), (connection, "_ELSEWHERE"),
    (markedoptions, "_SEPARATOR"), (shapes, "_GLUED"), (shapes, "_WORD_THEN_UNIT"), (legends, "_FIGURE"),
    (shapes, "_LONE_YEAR"), (options, "_CHOSEN"), (limits, "_OBSERVED"), (blanks, "_NOTE"), (pastnow, "_NOW"),
    (regionroles, "REGION"), (shapes, "_FORMAT"), (limits, "_LIMIT"), (limits, "_BOUND"), (replaced, "_HINT"),
    (edits, "_ARROW"), (shapes, "_HOST_ADDRESS"), (reviewed, "_GATE"), (branches, "_GATE"),
]  # fmt: skip
_PATTERN_PIECES = [
    *" .;:,!?()-×x*\n\t\u00a0\u2007\u202f", "1", "12", "2026", "1999", "3", "Source", "Target", "Dock",
    " is the ", " is our ", "from", "to", "now", "today", "moved", "was", "old", "former", "legacy", "but",
    "whereas", "all", "every", "hosts", "of", "part", "nodes", "three", "a pair of", "commented", "wrote",
    "İ", "ı", "ſ", "\u212a", "É", "planned", "will", "helm", "chart", "SSO", "/", "|", "·", "or", "9.8G",
    "140G", "two", "TiB", "GB", "chosen", "decided", "weekly", "active", "N.B.", "note", "at present",
    "us-east-1", "europe-west4", "westeurope", "eastus2", "north", "east", "-", "dd/mm/yyyy", "MM-DD-YY",
    "licence", "max.", "up to ", "limit", "seats", "stay below ", "about ", "→", "->", "⇒", "=>", "Replaced",
    "retired", "to Sourcegraph", "1,200", "2,000 ", "(was ", ")", "GitHub", "gitlab", "TFS", ".acme", "-x",
]  # fmt: skip


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as written, without its quick test or its lookahead of opening characters."""
    if isinstance(pattern, quickre.QuickPattern):
        pattern = pattern.pattern_object
    wrapped = re.fullmatch(r"\(\?=\[[^\]]*\]\)\(\?:(.*)\)", pattern.pattern, re.DOTALL)
    return re.compile(wrapped.group(1) if wrapped else pattern.pattern, pattern.flags)


def test_sped_up_patterns_find_what_they_found() -> None:
    texts = [*_texts(_PATTERN_PIECES, 6000), *corpus_lines()]
    for module, name in _SPED_UP:
        fast = getattr(module, name)
        plain = _plain(fast)
        assert (fast is not plain and fast.pattern != plain.pattern) or isinstance(fast, quickre.QuickPattern)
        for text in texts:
            found = [(m.span(), m.groups()) for m in fast.finditer(text)]
            assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], (name, text)
            assert bool(fast.search(text)) == bool(plain.search(text)), (name, text)


_KEY_PIECES = [
    *"aZ09 .,;:-_()[]\n\t~",
    "Dropped",
    "did not go well",
    "1,200",
    "É",
    "—",
    "²",
    "İ",
    "ß",
    "Ⅻ",
    "ſ",
]


def test_ascii_keys_as_the_regex_gave_them() -> None:
    not_alnum = re.compile(r"[^0-9a-z]+")
    for text in [*_texts(_KEY_PIECES, 20000), *corpus_lines()]:
        if text.isascii():
            assert norm.__wrapped__(text) == not_alnum.sub("", text.lower()), text
        assert verdict._key(text) == norm(verdict._DIGITS.sub(" ", text)), text
        assert vocab._letters.__wrapped__(text) == vocab._NOT_LETTERS.sub("", text).lower(), text


_SIGN_PIECES = [
    *" .,;:'’/-@\n", "the", "THE", "The", "und", "UND", "der", "Die", "für", "FÜR", "Größe", "de", "la",
    "produção", "PRODUÇÃO", "l'année", "L’ANNÉE", "n°", "N°", "jusqu'à", "ist", "och", "że", "Ż", "sind",
    "ſ", "ı", "İ", "\u212a", "Σ", "ß", "ẞ", "é", "É", "x", "7", "Umgebung", "umgebungen", "Środowisko",
]  # fmt: skip


def test_lowering_keeps_what_the_sign_pattern_asks_of_a_character() -> None:
    word, digit, letter = re.compile(r"\w"), re.compile(r"\d"), re.compile(languages.LETTERS)
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        low = c.lower()
        if low == c or c in languages._FOLDS_OTHERWISE:
            continue
        assert len(low) == 1, c
        for p in (word, digit, letter):
            assert bool(p.match(c)) == bool(p.match(low)), c


def test_language_signs_read_on_the_lowered_text() -> None:
    pattern, _, lowered = languages._sign_matcher(languages.LANGUAGES_FILE)
    assert lowered is not None
    for text in [*_texts(_SIGN_PIECES, 20000), *corpus_lines()]:
        if languages._FOLD_RISK.search(text):
            continue  # (read with the flag, as before)
        quick_words = [(m.group("stem") or m.group(0)).lower() for m in lowered.finditer(text.lower())]
        assert quick_words == [(m.group("stem") or m.group(0)).lower() for m in pattern.finditer(text)], text


_CODE_PIECES = [
    *" .,;()-\n", "GitHub", "GitLab Server", "Bitbucket Data Center", "code", "CODE", "repos", "Repository",
    "host", "hosted", "source", "kept", "lives", "İ", "ı", "ſ", "\u212a", "x", "7", "GitHub-code",
]  # fmt: skip


def test_code_words_looked_for_before_the_names(catalogue: Catalogue) -> None:
    reader = FactReader(catalogue)
    for text in [*_texts(_CODE_PIECES, 8000), *corpus_lines()]:
        if not prose.may_speak_of_code(text):
            assert prose._CODE.search(mask(text, reader.code_hosts.find(text))) is None, text


_PROSE_PIECES = [
    *_NAME_PIECES, *". . ; ;\n", "Okta (SAML)", "one", "ten", "two", "gigs", "GB", "cores",
    "the third of August", "largest", "the larger, api-core,", "monorepo", "MONOREPO", "https://sg.acme.com",
    "Total", "Raj Mehta", "That proposal was superseded: ", ", leaving room", "\nto\n", " by ", "Standard_D",
    "nothing", "users",
]  # fmt: skip


def test_prose_as_without_its_gate(catalogue: Catalogue) -> None:
    gated, ungated = FactReader(catalogue), FactReader(catalogue)
    ungated._may_hold = lambda text, ctx: True  # type: ignore[method-assign]
    contexts = [
        Context(), Context(year="2026"), Context(year="2026", day="2026-08-03"), Context(topic="monorepos"),
        Context(topic="code_hosts"), Context(limit=True),
    ]  # fmt: skip
    for text in [*_texts(_PROSE_PIECES, 6000), *corpus_lines()]:
        for ctx in contexts:
            assert gated.prose(text, ctx) == ungated.prose(text, ctx), (text, ctx)


_TABLE_PIECES = [
    "Sourcegraph", "SOURCEGRAPH", "Sour", "cegraph", "sourcegraph-prod-01", "namespace", "Jenkins", "GitLab",
    "Total", "m6i.xlarge", "4 × ", "3", " ", "\n", "—", "Service", "Team",
]  # fmt: skip


def _random_table(rng: random.Random) -> dict[str, object]:
    def cell() -> dict[str, object]:
        pieces = [(rng.choice(_TABLE_PIECES), rng.random() < 0.2) for _ in range(rng.randint(0, 3))]
        runs = [{"textRun": {"content": c, "textStyle": {"strikethrough": struck}}} for c, struck in pieces]
        return {"content": [{"paragraph": {"elements": runs}} for _ in range(rng.randint(1, 2))]}

    width = rng.randint(1, 4)
    return {"tableRows": [{"tableCells": [cell() for _ in range(width)]} for _ in range(rng.randint(1, 5))]}


def test_service_tables_looked_at_only_when_a_cell_can_name_sourcegraph(catalogue: Catalogue) -> None:
    rng = random.Random(5)
    tables = [_random_table(rng) for _ in range(3000)]
    for path in sorted((Path(__file__).parent / "fixtures" / "tdd_corpus").glob("*.html")):
        tables += list(services._tables(html_document(path.read_text(encoding="utf-8"))))
    for t in tables:
        if not services._may_name_sourcegraph(t):
            assert services._subject_column(t, catalogue) is None, t
            assert services._subject_row(t, catalogue) is None, t


def _shape_as_first_written(cell: dict[str, Any], texts: Texts) -> cells._Shape:
    lines: list[str] = []
    items = tables = 0
    code = True
    for se in map(as_dict, as_list(cell.get("content"))):
        if "table" in se:
            tables += 1
            continue
        paragraph = as_dict(se.get("paragraph"))
        text = texts.paragraph(paragraph).text.strip()
        if not text:
            continue
        lines.extend(line.strip() for line in text.split("\n") if line.strip())
        items += "bullet" in paragraph
        code = code and cells._monospace(paragraph)
    return cells._Shape(tuple(lines), items, code and bool(lines), tables)


def _random_cell(rng: random.Random) -> dict[str, Any]:
    def paragraph() -> dict[str, Any]:
        font = {"weightedFontFamily": {"fontFamily": rng.choice(["Courier New", "Arial", "Roboto Mono"])}}
        words = [
            rng.choice(["x: 1", "a b c d e f", "\n", " ", "kubectl get pods"])
            for _ in range(rng.randint(0, 2))
        ]
        runs = [{"textRun": {"content": w, "textStyle": font}} for w in words]
        return {"paragraph": {"elements": runs, **({"bullet": {}} if rng.random() < 0.2 else {})}}

    content = [paragraph() if rng.random() < 0.9 else {"table": {}} for _ in range(rng.randint(0, 4))]
    return {"content": content}


def test_cell_shapes_read_as_before() -> None:
    rng = random.Random(9)
    found = [_random_cell(rng) for _ in range(3000)]
    for path in sorted((Path(__file__).parent / "fixtures" / "tdd_corpus").glob("*.html")):
        for t in services._tables(html_document(path.read_text(encoding="utf-8"))):
            found += [
                as_dict(c) for r in as_list(t.get("tableRows")) for c in as_list(as_dict(r).get("tableCells"))
            ]
    for cell in found:
        texts = Texts()
        now, before = cells._shape(cell, texts), _shape_as_first_written(cell, texts)
        assert (now.lines, now.items, now.tables) == (before.lines, before.items, before.tables), cell
        assert (now.prose, now.header, now.one_line) == (before.prose, before.header, before.one_line), cell


def _legend_words_as_first_written(lines: list[str]) -> tuple[frozenset[str], dict[str, list[int]]]:
    text = "\n".join(lines)
    if "." in text:
        text = legends._ADDRESS.sub(lambda m: " " * len(m.group(0)), text)
    lower: set[str] = set()
    capital: dict[str, list[int]] = {}
    at = 0
    for i, line in enumerate(lines):
        for word in legends._WORD.findall(text, at, at + len(line)):
            if word[0].islower():
                lower.add(word.casefold())
            else:
                capital.setdefault(word, []).append(i)
        at += len(line) + 1
    names = frozenset(
        w
        for w in capital
        if w.casefold() not in lower and w.casefold() not in legends._CALENDAR and legends._NAME.fullmatch(w)
    )
    return names, {w: capital[w] for w in names}


_LEGEND_PIECES = [
    *" .-/@:_|\n\t",
    "Orca",
    "orca",
    "PRD",
    "prd",
    "sg-prd",
    "a.b",
    "x://y",
    "Lark",
    "2026",
    "é",
]


def test_legend_words_read_in_one_scan() -> None:
    rng = random.Random(17)
    lines = _texts(_LEGEND_PIECES, 12000, 10)
    documents = [rng.sample(lines, rng.randint(1, 8)) for _ in range(3000)]
    for path in sorted((Path(__file__).parent / "fixtures" / "tdd_corpus").glob("*.html")):
        documents.append(row_lines(html_document(path.read_text(encoding="utf-8"))))
    for lines in documents:
        words = legends._Words(lines)
        assert (words.names, words.at) == _legend_words_as_first_written(lines), lines


def test_addresses_blanked_from_their_cores() -> None:
    texts = [
        *_texts([*_LEGEND_PIECES, "a", "1", "\u00a0", "\u2003", "://", "@b"], 20000, 14),
        *corpus_lines(),
    ]
    texts.append("\n".join(corpus_lines()))
    for text in texts:
        assert legends._without_addresses(text) == legends._ADDRESS.sub(lambda m: " " * len(m.group(0)), text)


_FIGURE_PIECES = [
    *"0123456789",
    *"0123456789",
    ",",
    ".",
    "~",
    " ",
    "TB",
    "GB",
    "MB",
    "TiB",
    "GiB",
    "MiB",
    "vCPU",
    "s",
]


def _readers_either_case(catalogue: Catalogue) -> Iterator[FactReader]:
    """A fact reader as for a document writing the vocabularies' short names as they are, then one as
    for a document writing them in lower case (`Vocab.learn_case`)."""
    for lower in (False, True):
        reader = FactReader(catalogue)
        for names in (reader.deployment, reader.hosting, reader.code_hosts):
            names.lower = lower
        yield reader


def _every_context() -> list[Context]:
    """Contexts of every kind a value read alone may be asked in: each section, limit or not, a year
    or not, a host or not, about code or not, a day or not."""
    return [
        Context(section=s, limit=lim, year=y, host=h, about_code=a, day=d)
        for s in ("", "production", "trial")
        for lim in (False, True)
        for y in ("", "2026")
        for h in ("", "GitHub Enterprise Server")
        for a in (False, True)
        for d in ("", "2026-03-02")
    ]


def test_a_value_alone_read_as_prose_gives_no_other_field(catalogue: Catalogue) -> None:
    # what `field_value` keeps of a value's prose reading (the facts of other fields) is nothing for a
    # value `labelled.value_alone` admits: random texts of figures, units and dates the gate admits, under
    # each field it is asked for and contexts of every kind, the document's numeric order too
    reader = FactReader(catalogue)
    rng = random.Random(23)
    contexts = _every_context()
    fields = sorted(labelled._VALUES_ALONE)

    def figure() -> str:
        n = rng.choice([rng.randint(0, 99), rng.randint(100, 99999), rng.randint(1000, 9_999_999)])
        written = f"{n:,}" if n >= 1000 and rng.random() < 0.6 else str(n)
        written += f".{rng.randint(0, 99)}" if rng.random() < 0.3 else ""
        unit = rng.choice(["", "", "TB", "GB", "MB", "TiB", "GiB", "MiB", "vCPU", "vCPUs"])
        return rng.choice(["", "~", "~ "]) + written + (rng.choice(["", " "]) + unit if unit else "")

    months = re.findall(r"\w+", "Jan January Feb February Mar March Apr April May Jun June Jul July")
    months += re.findall(r"\w+", "Aug August")
    months += re.findall(r"\w+", "Sep Sept September Oct October Nov November Dec December")

    def date() -> str:
        day, month, year = (
            rng.randint(0, 39),
            rng.choice(months) + rng.choice(["", "."]),
            rng.randint(1990, 2045),
        )
        ordinal = rng.choice(["", "", "st", "nd", "rd", "th"])
        return rng.choice(
            [
                f"{month} {day}{ordinal}{rng.choice(['', ','])} {year}",
                f"{day}{ordinal} {rng.choice(['', 'of '])}{month}{rng.choice(['', ','])} {year}",
                f"{year}-{rng.randint(0, 19):02d}-{day:02d}",
            ]
        )

    # (tails the gate turns down: a wider gate is tested on them too)
    tails = ["", "", "", "", " completed", " repos", " users", " vCPU", " GB", " (prod)", " and 4 TB"]
    texts = [figure() + rng.choice(tails) for _ in range(12000)] + _texts(_FIGURE_PIECES, 12000, 9)
    texts += [date() + rng.choice(tails) for _ in range(6000)]
    checked = dated = 0
    for text in texts:
        for name in fields:
            if not labelled.value_alone(name, text):
                continue
            checked += 1
            dated += name.endswith("_date")
            order = shapes.NUMERIC_ORDER.set(rng.choice(["", "day", "month"]))
            try:
                ctx = replace(rng.choice(contexts), topic=name)
                assert [f for f in reader.prose(text, ctx) if f.field != name] == [], (name, text, ctx)
            finally:
                shapes.NUMERIC_ORDER.reset(order)
    assert checked > 20000 and dated > 3000


def test_a_name_alone_read_as_prose_gives_no_other_field(catalogue: Catalogue) -> None:
    # the same for `named_alone`: every deployment type's and cloud's own name it admits, in every context,
    # with the vocabularies' short names read in lower case or not (`Vocab.learn_case`)
    contexts = _every_context()
    admitted = 0
    for reader in _readers_either_case(catalogue):
        for name in ("deployment_type", "hosting_provider"):
            for value in catalogue.fields[name].vocabulary.values:  # type: ignore[union-attr]
                if not reader.named_alone(name, value):
                    continue
                admitted += 1
                for ctx in contexts:
                    facts = reader.prose(value, replace(ctx, topic=name))
                    assert [f for f in facts if f.field != name] == [], (name, value, ctx)
    assert admitted >= 16


def _label_variants(label: str, rng: random.Random) -> list[str]:
    """A label as a writer may type it: its case and its spacing changed."""
    return [
        label,
        label.lower(),
        label.upper(),
        label.title(),
        label.replace(" ", rng.choice(["-", "_", "  "])),
    ]


def test_a_text_alone_read_as_prose_gives_no_other_field(catalogue: Catalogue) -> None:
    # `labelled.text_alone`: a region or a version alone, read as prose alone and after each label of its
    # field that `label_alone` admits (in other cases and spacings), gives no fact of another field, in
    # contexts of every kind (a date's topic too), with the document's numeric order either way
    reader = FactReader(catalogue)
    rng = random.Random(29)
    contexts = _every_context()
    topics = [None, "start_date", "completion_date", "repositories", "total_disk_gb", "instance_types"]
    directions = ["east", "west", "north", "south", "central", "northeast", "southeast", "southwest"]

    def region() -> str:
        if rng.random() < 0.5:
            head = rng.choice(["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"])
            gov = rng.choice(["", "", "-gov"])
            return f"{head}{gov}-{rng.choice(directions)}-{rng.randint(0, 9)}"
        head = rng.choice(
            ["us", "europe", "asia", "australia", "northamerica", "southamerica", "me", "africa"]
        )
        return f"{head}-{rng.choice(directions)}{rng.randint(0, 99)}"

    def version() -> str:
        parts = [str(rng.randint(0, 99)), str(rng.randint(0, 999))]
        if rng.random() < 0.7:
            parts.append(str(rng.choice([rng.randint(0, 9), rng.randint(10, 99), rng.randint(100, 999)])))
        return rng.choice(["", "", "v"]) + ".".join(parts)

    makers = {"region": region, "sourcegraph_version": version}
    checked = labels_checked = 0
    for name, make in makers.items():
        f = catalogue.fields[name]
        labels = [v for a in (f.label, *f.aliases) for v in _label_variants(a, rng)]
        labels = [x for x in labels if reader.label_alone(True, x)]
        assert labels and not reader.label_alone(True, "AWS region")
        assert not reader.label_alone(True, "Region (as of 2026-09-10)")
        for _ in range(2500):
            value = make() + rng.choice(["", "", "", " (prod)", " and 4 TB", ".1"])
            if not labelled.text_alone(name, value):
                continue
            checked += 1
            order = shapes.NUMERIC_ORDER.set(rng.choice(["", "day", "month"]))
            try:
                ctx = replace(rng.choice(contexts), topic=rng.choice(topics))
                facts = reader.prose(value, replace(ctx, topic=name))
                assert [x for x in facts if x.field != name] == [], (name, value, ctx)
                label = rng.choice(labels)
                labels_checked += 1
                facts = reader.prose(f"{label}: {value}", ctx, offset=-len(label) - 2)
                assert [x for x in facts if x.field != name] == [], (name, label, value, ctx)
            finally:
                shapes.NUMERIC_ORDER.reset(order)
    assert checked > 2000 and labels_checked > 2000
    own = shapes.OWN_TYPES.set(frozenset({r"us-east-\d"}))
    try:
        assert not labelled.text_alone("region", "us-east-1")  # (a document's own machine types: read)
    finally:
        shapes.OWN_TYPES.reset(own)
    assert not labelled.text_alone("sourcegraph_version", "6.9.25")  # (`24.09.26`: a date in a German note)


def test_code_hosts_alone_read_as_prose_give_no_other_field(catalogue: Catalogue) -> None:
    # `LabelledReading.hosts_alone`: lists of one to three code hosts' names (canonical or aliases, any
    # separator it admits), in every context, names read in lower case or not, give no fact of another
    # field read as prose; a list with anything else in it is not admitted
    rng = random.Random(31)
    names = _written_names("code_host")
    separators = [", ", " and ", " & ", "; ", " / ", ",", " "]
    contexts = _every_context()
    admitted = 0
    for reader in _readers_either_case(catalogue):
        for _ in range(700):
            picked = [rng.choice(names) for _ in range(rng.randint(1, 3))]
            value = picked[0] + "".join(rng.choice(separators) + p for p in picked[1:])
            if not reader.hosts_alone(value):
                continue
            admitted += 1
            for ctx in rng.sample(contexts, 12):
                facts = reader.prose(value, replace(ctx, topic="code_hosts"))
                assert [x for x in facts if x.field != "code_hosts"] == [], (value, ctx)
    assert admitted > 600
    reader = FactReader(catalogue)
    for value in (
        "GitHub Enterprise Server, 3 repos",
        "Azure DevOps",
        "GitLab (self-managed)",
        "GitHub Actions",
    ):
        assert not reader.hosts_alone(value), value


def _written_names(vocabulary: str) -> list[str]:
    """A vocabulary's values and aliases as the catalogue file writes them."""
    import tomllib

    data = tomllib.loads((Path(__file__).resolve().parents[1] / "config" / "fields.toml").read_text("utf-8"))
    return sorted(
        {n for value, aliases in data["vocabularies"][vocabulary].items() for n in (value, *aliases)}
    )


def test_short_year_signs_as_one_pattern_found_them() -> None:
    plain = re.compile(r"[-/][A-Za-z]{3}[-/]\d\d|\s['’]\d\d")
    pieces = [*" -/'’\t\n.", "Feb", "jul", "MAR", "Ma", "26", "2", "7", "20", "x"]
    for text in [*_texts(pieces, 30000, 9), *corpus_lines()]:
        assert shapes._short_year_sign(text) == bool(plain.search(text)), text


def test_quick_looks_before_the_patterns_find_what_they_found() -> None:
    # the cheap looks before a pattern: a sign the pattern needs, a word it needs
    from handoff.read import walk

    pieces = [
        *" .;:|·•()[]xX✓☐-\n\t",
        "Label",
        "label",
        "Sourcegraph",
        "sourcegraph",
        "SOURCEGRAPH",
        "K",
        "İ",
        "é",
    ]
    for text in [*_texts(pieces, 20000, 10), *corpus_lines()]:
        assert markedoptions._any_mark(text) == bool(markedoptions._ANY_MARK.search(text)), text
        words = re.findall(r"[a-z]+|\d+", text.lower())
        first = "sourcegraph" in words and all(
            w == "sourcegraph" or w in services._GENERIC or w.isdigit() for w in words
        )
        assert services.itself(text) == first, text
        if walk._SEPARATORS.search(text):
            assert "·" in text or "|" in text or "•" in text, text
        if walk._NEXT_LABEL.search(text):
            assert ":" in text and ("." in text or ";" in text), text


def test_a_log_entry_read_only_when_it_may_date_the_build(catalogue: Catalogue) -> None:
    # `ProseReading.may_date`: a dated log's entry (`date — words`) that it turns down gives no start or
    # completion date read as prose, in contexts of every kind and under topics of every kind, with
    # the document's numeric order either way; entries of every kind of words, dates, ranges and
    # spelt numbers, most of which it admits
    reader = FactReader(catalogue)
    rng = random.Random(37)
    contexts = _every_context()
    topics = [None, "start_date", "completion_date", "repositories", "instance_types"]
    words = [
        *"  ,.;:()–—-", "First draft", "from", "the kickoff", "Executors and SSO added", "As built", "ready",
        "for handoff", "Trial design", "Production design", "(2 nodes)", "to", "until", "started", "began",
        "completed", "signed off", "went live", "kicked off", "live", "handover", "running since", "in use",
        "available", "provisioned", "build", "the build", "production", "cluster", "infrastructure", "start",
        "end", "(start)", "(complete)", "This was the start of", "that marked the end of", "the day after",
        "two days later", "next day", "3 March 2026", "2026-03-20", "17/04/2026", "2", "second", "twenty",
        "March", "Mar", "the", "review", "notes", "Prod", "UAT", "Scaled", "nodes", "3", "repos", "1,200",
        "accepted", "done", "finished", "closed", "delivered", "created", "launched", "stood up", "cut over",
        "switched everyone over", "and", "then", "x", "handover pack", "go-live", "post go-live", "Live",
        "kick off the infra", "gestartet", "opgeleverd", "Acceptance", "Handover", "LIVE", "Mon", "3rd",
    ]  # fmt: skip
    dates = ["2026-09-10", "Sep 10, 2026", "10 September 2026", "10/09/2026", "2–6 March 2026", "Oct 12"]
    skipped = read = 0
    for _ in range(9000):
        said = " ".join(rng.choice(words) for _ in range(rng.randint(1, 7)))
        text = f"{rng.choice(dates)} — {said}"
        ctx = replace(rng.choice(contexts), topic=rng.choice(topics))
        order = shapes.NUMERIC_ORDER.set(rng.choice(["", "day", "month"]))
        try:
            if reader.may_date(text, ctx):
                read += 1
                continue
            skipped += 1
            facts = reader.prose(text, ctx)
            assert [f for f in facts if f.field in ("start_date", "completion_date")] == [], (text, ctx)
        finally:
            shapes.NUMERIC_ORDER.reset(order)
    assert skipped > 600 and read > 4000


def _region_roles_as_first_written(text: str, spans: Any) -> dict[str, str]:
    if not regionroles.REGION.search(text):
        return {}
    tied: dict[str, set[str]] = {}
    for clause in regionroles._CLAUSE.split(text):
        regions = regionroles._regions(clause)
        if len(regions) != 1:
            continue
        kinds = {k for _, k in spans(clause)}
        if kinds:
            tied.setdefault(regions[0], set()).update(kinds if len(kinds) == 1 else {"?"})
    roles = {r: next(iter(k)) for r, k in tied.items() if len(k) == 1 and "?" not in k}
    kinds = set(roles.values())
    if len(roles) < 2 or kinds != {"production", "trial"} or list(roles.values()).count("production") != 1:
        return {}
    return roles


def test_region_roles_looked_for_only_with_two_regions(catalogue: Catalogue) -> None:
    env = Environments(catalogue)
    pieces = [
        *" .;\n!?—–-", " — ", "us-east-1", "europe-west4", "westeurope", "eastus2", "us-east4", "production",
        "serves", "is the", "DR", "standby", "staging", "prod", "x", "east", "Eastern", "a.us-east-1",
    ]  # fmt: skip
    rng = random.Random(41)
    regions = [
        "us-east-1",
        "europe-west4",
        "westeurope",
        "eastus2",
        "us-east4",
        "eu-west-2",
        "asia-south1",
        "",
    ]
    said = ["serves", "is the", "runs", "hosts", "holds the", ""]
    kinds = [
        "production",
        "prod",
        "DR standby",
        "staging",
        "the pilot",
        "test",
        "nothing",
        "production and staging",
    ]
    clauses = [f"{rng.choice(regions)} {rng.choice(said)} {rng.choice(kinds)}" for _ in range(400)]
    seps = [". ", "; ", "\n", " — ", ", ", " and "]
    built = [
        "".join(rng.choice(clauses) + rng.choice(seps) for _ in range(rng.randint(1, 4))) for _ in range(8000)
    ]
    tied = 0
    for text in [*built, *_texts(pieces, 12000, 14), *corpus_lines()]:
        roles = regionroles.region_roles(text, env.spans)
        assert roles == _region_roles_as_first_written(text, env.spans), text
        tied += bool(roles)
    assert tied > 500


def test_machines_and_addresses_alone_read_as_prose_give_no_other_field(catalogue: Catalogue) -> None:
    # `labelled.value_alone` for counted machine types alone (one to three, the clouds' shapes and the
    # catalogue's types), `named_alone` for a site's address alone (names, code hosts', clouds' and
    # platforms' among them, ports, IPs): read as prose under their field, in every context, they give no
    # other field's fact
    import tomllib

    reader = FactReader(catalogue)
    rng = random.Random(43)
    contexts = _every_context()
    data = tomllib.loads(
        (Path(__file__).resolve().parents[1] / "config" / "instance_types.toml").read_text("utf-8")
    )
    known = sorted(k for k in _flat_keys(data) if shapes.KNOWN_TYPE.fullmatch(k))
    shaped = [
        "m6i.4xlarge", "c6i.2xlarge", "r6i.8xlarge", "t3.medium", "m5.metal", "n2-highmem-16", "e2-small",
        "c2-standard-60", "Standard_E16s_v5", "Standard_D8s_v3", "StandardE16sv5", "x2iedn.32xlarge",
    ]  # fmt: skip
    types = known + shaped

    def machines() -> str:
        out = []
        for _ in range(rng.randint(1, 3)):
            count = rng.choice(
                ["", f"{rng.randint(1, 40)}x ", f"{rng.randint(1, 12)} × ", f"{rng.randint(1, 9)}x"]
            )
            out.append(count + rng.choice(types))
        return ", ".join(out)

    hosts = [
        "sourcegraph", "sg", "code", "search", "github", "gitlab", "bitbucket", "git", "p4", "ado", "aws",
        "azure", "eks", "prod", "staging", "dev", "sg-dev", "10", "20", "4", "17", "gerrit", "tfs", "tanzu",
        "vsphere", "nutanix", "openshift", "rancher", "gke", "aks", "helm", "k8s", "docker", "compose",
    ]  # fmt: skip
    tlds = ["com", "internal", "acme", "io", "local", "net", "corp", "example"]

    def address() -> str:
        labels = [rng.choice(hosts) for _ in range(rng.randint(1, 3))] + [rng.choice(tlds + hosts)]
        port = rng.choice(["", "", f":{rng.randint(10, 65535)}"])
        return f"{rng.choice(['https', 'http'])}://{'.'.join(labels)}{port}{rng.choice(['', '/'])}"

    admitted = {"instance_types": 0, "instance_url": 0}
    for name, make in (("instance_types", machines), ("instance_url", address)):
        for _ in range(2500):
            value = make()
            if not (reader.named_alone if name == "instance_url" else labelled.value_alone)(name, value):
                continue
            admitted[name] += 1
            for ctx in rng.sample(contexts, 6):
                facts = reader.prose(value, replace(ctx, topic=name))
                assert [f for f in facts if f.field != name] == [], (name, value, ctx)
    assert admitted["instance_types"] > 2000 and admitted["instance_url"] > 500, admitted
    assert not reader.named_alone("instance_url", "https://sg.example.com/search?q=1")
    assert not reader.named_alone("instance_url", "https://sg.tanzu.acme.internal")
    assert not labelled.value_alone("instance_types", "3x m6i.4xlarge (prod)")


def _flat_keys(data: Any) -> list[str]:
    """The keys of the instance types' table, as deep as they go."""
    out: list[str] = []
    for key, value in data.items():
        out.append(key)
        if isinstance(value, dict):
            out += _flat_keys(value)
    return out


def _corpus_texts() -> list[str]:
    """The development corpus's documents, each its whole text (the whole-text scans' input)."""
    lines = corpus_lines()
    rng = random.Random(53)
    return ["\n".join(lines[i : i + rng.randint(1, 120)]) for i in range(0, len(lines), 60)]


def test_regions_of_a_text_found_line_by_line() -> None:
    # `regionroles._text_regions`: the regions of a whole text, found in its lines in turn, are the ones
    # `_regions` finds in the text (random texts of regions, compass words and the characters around
    # them on several lines, and the development corpus's texts)
    pieces = [
        *" .-_\n\n\t;", "us-east-1", "europe-west4", "westeurope", "eastus2", "us", "-east", "east", "West",
        "1", "4", "a", "prod", "\r", "\u2028", "eu-west-2\n", "asia-south1",
    ]  # fmt: skip
    found = 0
    for text in [*_texts(pieces, 30000, 14), *_corpus_texts()]:
        regions = regionroles._text_regions(text)
        assert regions == regionroles._regions(text), text
        found += len(regions) >= 2
    assert found > 1000


def test_letter_codes_looked_for_only_after_a_bracketed_capital() -> None:
    # `envwords._LETTER_MARK`: a text it finds nothing in, `_LETTER_DECLARED` finds nothing in either
    from handoff.read import envwords

    pieces = [*" ()\n\t(", "( ", " )", "P", "p", "S", "É", "Productie", "Staging", "ab", "Acc", "-", "1"]
    marked = 0
    for text in [*_texts(pieces, 40000, 12), *corpus_lines(), *_corpus_texts()]:
        if envwords._LETTER_MARK.search(text) is None:
            assert envwords._LETTER_DECLARED.search(text) is None, text
        else:
            marked += envwords._LETTER_DECLARED.search(text) is not None
    assert marked > 50


def test_migration_sides_looked_for_only_with_a_new_side_word() -> None:
    # `envnames.migration_sides` with its quick no (no `new`, no `target`, in any case) gives what the
    # scan gives without it
    def as_first_written(text: str) -> list[tuple[str, str]]:
        sides: dict[bool, set[str]] = {}
        for m in envnames._MIGRATION_SIDE.finditer(text):
            side = m.group("side").casefold()
            sides.setdefault(side in envnames._NEW_SIDE, set()).add(f"{side} {m.group('noun').casefold()}")
        if len(sides) < 2:
            return []
        return [(n, "production") for n in sorted(sides[True])] + [(n, "trial") for n in sorted(sides[False])]

    rng = random.Random(59)
    sides = ["old", "OLD", "previous", "ſource", "source", "New", "NEW", "nEw", "target", "Target", "renew",
             "retarget", "news", "x"]  # fmt: skip
    nouns = ["instance", "cluster", "servers", "Site", "VM", "clusterx", "thing"]
    phrases = [f"{rng.choice(sides)}{rng.choice([' ', '  ', chr(10), '', '-'])}{rng.choice(nouns)}"
               for _ in range(300)]  # fmt: skip
    built = [" ".join(rng.choice(phrases) for _ in range(rng.randint(1, 4))) for _ in range(20000)]
    both = 0
    for text in [*built, *_corpus_texts()]:
        found = envnames.migration_sides(text)
        assert found == as_first_written(text), text
        both += bool(found)
    assert both > 500


def _random_list(rng: random.Random) -> list[dict[str, Any]]:
    """A body of list items (bullets at two levels, some struck-through runs) and plain paragraphs whose
    subjects name Sourcegraph, its parts or other systems in several ways."""
    subjects = [
        "Sourcegraph", "sourcegraph", "SOURCEGRAPH", "Sourcegraph server", "Sourcegraph (prod)", "Jenkins",
        "Artifactory", "GitLab", "Grafana", "gitserver", "Cluster total", "Sourcegraph version", "Source",
        "graph", "Code hosts", "Sourcegraph frontend", "",
    ]  # fmt: skip
    values = [" – 6 × c5.2xlarge", ": 3 × m6i.4xlarge", " - 500 GB", " (namespace)", ":", "", " — runs CI"]

    def paragraph(bullet: bool) -> dict[str, Any]:
        runs = [
            {"textRun": {"content": rng.choice(subjects + values), "textStyle": {"strikethrough": True}
                         if rng.random() < 0.15 else {}}}
            for _ in range(rng.randint(1, 3))
        ]  # fmt: skip
        runs.append({"textRun": {"content": "\n", "textStyle": {}}})
        listed = {"bullet": {"listId": "l", "nestingLevel": rng.choice([0, 0, 1])}} if bullet else {}
        return {"paragraph": {"elements": runs, **listed}}

    return [paragraph(rng.random() < 0.8) for _ in range(rng.randint(1, 7))]


def test_service_lists_looked_for_only_with_an_item_naming_sourcegraph(catalogue: Catalogue) -> None:
    # `services._may_list_services`: a body it turns down has no list of services (`_service_lists`
    # finds none), on random lists and the development corpus's documents
    from handoff.read.forms import _paragraphs
    from handoff.read.quicktext import quick_texts

    rng = random.Random(61)
    docs = [{"body": {"content": _random_list(rng)}} for _ in range(4000)]
    for path in sorted((Path(__file__).parent / "fixtures" / "tdd_corpus").glob("*.html")):
        docs.append(html_document(path.read_text(encoding="utf-8")))
    found = 0
    for doc in docs:
        lists = services._service_lists(list(_paragraphs(doc, texts=False)), catalogue)
        if not services._may_list_services(list(quick_texts(doc))):
            assert not lists, doc
        found += bool(lists)
    assert found > 15


def _denials_as_first_written(blocks: Any, find: Any, trial_at: Any) -> list[tuple[int, str]]:
    from handoff.read import hostledger
    from handoff.read.found import outright

    out: list[tuple[int, str]] = []
    asked: list[Any] = []
    for i, (text, section, parent) in enumerate(blocks):
        if section == "trial":
            asked = []
            continue
        if not hostledger._TWO_WORDS.search(text):
            continue
        if not asked and "?" not in text and not connection.may_deny(text):
            continue
        hosts = [h for h in outright(find(text)) if not trial_at(text, h.start, section)]
        if hosts:
            out += [(i, name) for name in sorted(hostledger._denied_in(text, hosts))]
        elif asked and hostledger._answers_no(text):
            out += [(i, h.value) for h in asked]
        elif parent and hostledger._child_denies(text):
            out.append((i, parent))
        asked = hosts if "?" in text else []
    return out


def test_host_ledger_looks_up_the_names_before_the_denial_words(catalogue: Catalogue) -> None:
    # `hostledger.denials` skipping a block that names no host and has no parent's before its words of
    # denial are looked for: the same denials as without that look, on random runs of blocks (hosts,
    # questions, answers, denials, parents' hosts, trial parts) and the development corpus's lines
    from handoff.read import hostledger

    rng = random.Random(67)
    hosts = vocab.Vocab(catalogue, "code_host")
    sentences = [
        "GitHub Enterprise Server is connected", "Bitbucket Data Center is not connected",
        "Is GitLab connected?", "No.", "no, not yet", "not connected; decision 2026-06-02",
        "Perforce: out of scope", "the repos are NOT connected", "Do we index it?", "Yes, 1,200 repos",
        "GitHub.com holds the chart", "we will not connect it", "R.", "2,000 repositories in total",
        "it is excluded", "Azure DevOps is planned", "it was retired",
    ]  # fmt: skip
    lines = corpus_lines()
    found = 0
    for _ in range(3000):
        blocks = []
        for _ in range(rng.randint(1, 8)):
            text = rng.choice(sentences) if rng.random() < 0.8 else rng.choice(lines)
            if rng.random() < 0.3:
                text = f"{text} {rng.choice(sentences)}"
            section = rng.choice(["", "", "production", "trial"])
            parent = rng.choice(["", "", "", "GitHub Enterprise Server", "Bitbucket Data Center"])
            blocks.append((text, section, parent))
        trial_at = (lambda t, at, s: at > 40) if rng.random() < 0.3 else (lambda t, at, s: False)
        got = hostledger.denials(blocks, hosts.find, trial_at)
        assert got == _denials_as_first_written(blocks, hosts.find, trial_at), blocks
        found += bool(got)
    assert found > 500


def test_magnitudes_rewritten_only_with_a_scale_or_an_indian_grouping() -> None:
    # `magnitudes.rewrite` looking first for what its patterns hold gives what their rewrites give
    from handoff.read import magnitudes

    def as_first_written(text: str, dots: bool) -> str:
        text = magnitudes._SCALED.sub(magnitudes._digits, text)
        if dots:
            text = magnitudes._INDIAN_DOTS.sub(magnitudes._indian, text)
        return magnitudes._INDIAN.sub(magnitudes._indian, text)

    pieces = [
        *" .,\n", "\u00a0", "4", "18", "1", "2.5", "M", "m", "k", "K", "thousand", "Million", "lakh", "LAKHS",
        "crore", "00", "000", ",00", ".00", ",000", "x", "GB", "users",
    ]  # fmt: skip
    rewritten = 0
    for text in [*_texts(pieces, 40000, 10), *corpus_lines()]:
        for dots in (False, True):
            got = magnitudes.rewrite(text, dots)
            assert got == as_first_written(text, dots), text
            rewritten += got != text
    assert rewritten > 100


def test_declared_names_looked_for_in_the_pieces_that_may_declare_one() -> None:
    # `envwords._declared_no_equals`: the pattern searched only in the pieces of a text between the
    # characters no match holds, and only in those with a bracket, an `=` or a defining verb, finds
    # what it finds in the whole text (random texts of names, verbs, brackets and cutting characters,
    # and the development corpus's lines and texts)
    from handoff.read import envwords

    pieces = [
        *" ().,:;/|\n\t'-=—", "PRD", "SBX", "sg-eu", "prod-eu-1", "is", "means", "stands for", "refers to",
        "zone", "cluster", "the", "production", "Sandbox", "staging copy", "x", "É", "_", "3",
    ]  # fmt: skip
    found = 0
    for text in [*_texts(pieces, 40000, 14), *corpus_lines(), *_corpus_texts()]:
        got = [(m.span(), m.groups()) for m in envwords._declared_no_equals(text)]
        assert got == [(m.span(), m.groups()) for m in envwords._DECLARED_NO_EQUALS.finditer(text)], text
        found += bool(got)
    assert found > 1000


def test_migration_side_labels_looked_for_only_with_both_words() -> None:
    # `envnames.side_labels` scanning only a text that holds both `Source` and `Target` gives what the
    # scan of any text with `Source` gave
    def as_first_written(text: str) -> list[tuple[str, str]]:
        sides = {m.group("side") for m in envnames._SIDE_LABEL.finditer(text)} if "Source" in text else set()
        return [("Source", "trial"), ("Target", "production")] if sides == {"Source", "Target"} else []

    pieces = [*" .;:\n\t", "Source", "Target", "source", "TARGET", "Sourcegraph", "x", ": ", ". "]
    both = 0
    for text in [*_texts(pieces, 40000, 8), *corpus_lines(), *_corpus_texts()]:
        found = envnames.side_labels(text)
        assert found == as_first_written(text), text
        both += bool(found)
    assert both > 20


def test_fact_like_texts_told_as_before() -> None:
    # `shapes.looks_like_fact` with its cheap looks (a year before the dates, an `=` before an
    # assignment, the size words before a written shape) says what the patterns said one after another
    def as_first_written(text: str) -> bool:
        if ("://" in text and shapes.URL.search(text)) or shapes._HOST_ADDRESS.search(text):
            return True
        plain = re.compile(shapes._SHAPE_WRITTEN.pattern)
        return bool(shapes.DIGIT.search(text)) and any(
            p.search(text) for p in (shapes.SIZE, shapes.CPU, shapes.INSTANCE_TYPE, shapes.DATE, plain,
                                     shapes._ASSIGNED)
        )  # fmt: skip

    pieces = [
        *" .,=:\n-", "2026", "14", "Sep", "sep", "GB", "TiB", "vCPU", "cores", "m6i.4xlarge", "db", "r6g",
        ".large", "medium", "cpus", "mem_gib", "disk", "https://", "github", "x", "3",
    ]  # fmt: skip
    facts = 0
    for text in [*_texts(pieces, 40000, 9), *corpus_lines()]:
        said = shapes.looks_like_fact(text)
        assert said == as_first_written(text), text
        facts += said
    assert facts > 1000


# ---- whole-document scans read on the lines that may hold a match (stop 26) ----

_LINE_PIECES = [
    *" \n\n\t.,;:()=/-@'’×x*~≈\u00a0",
    "3", "12", "16", "2026", " × ", "4 × ", "a ", "a\n", " single", "one", "two", "three", "Dell", "R660",
    "g2i.16", "b3-64", "CCX63", "std.huge", "standard.titan", "m6i.4xlarge", "servers", "Nodes", "node",
    " nodes", "VMs", "host", "boxes", "instance flavour ", "server plan ", "Machine type ", "vCPU",
    "(16 vCPU)", "cpu", "CPU", "Worker nodes", "GB", " GiB", "TB", "about ", "approx.", "i.e.,", "unless ",
    "Unless it says",
    "otherwise", "stated", "replaces the", "Replaces section", "replace", " wins", "takes precedence",
    "is binding", "github", "ghes", "gitlab", "bitbucket", "perforce", "GitHub", "12/05", "3/4", "03/04/2026",
    "2026-09-10", "17.04.2026", "7/13/26", "ſ", "K", "İ", "ı", "é",
]  # fmt: skip


def _line_texts() -> list[str]:
    return [*_texts(_LINE_PIECES, 20000, 30), *corpus_texts(), "\n".join(corpus_lines())]


def test_newline_free_patterns_told_from_the_others() -> None:
    free = [r"\bab[ \t]+c", r"a[^\n]b", r"(?<=\s)ab", r"a.b", r"a\Sb", r"ab\b", r"(?i:ab)[ \t]x", r"ab(?!x)"]
    not_free = [r"a\sb", r"a[^x]b", r"ab(?=\s)", r"ab(?!\s+c)", r"^ab", r"(?s)a.b", r"a\Wb", r"ab\Z", r"ab$"]
    assert all(quickre.newline_free(re.compile(p)) for p in free)
    assert not any(quickre.newline_free(re.compile(p)) for p in not_free)
    with pytest.raises(ValueError):
        quickre.by_line(quickre.quick(r"\bunless\s+stated\b", re.IGNORECASE))


def test_patterns_read_by_line_find_what_they_found_in_the_whole_text() -> None:
    from handoff.read import authority, envwords, figuretwice

    pairs = [
        (envwords._UNLESS_LINES, envwords._UNLESS),
        (figuretwice._SIGN_LINES, figuretwice.SIGN),
        (owntypes._TYPE_WORD_LINES, owntypes._TYPE_WORD),
    ]
    for text in _line_texts():
        for lines, whole in pairs:
            assert [(m.span(), m.groups()) for m in lines.finditer(text)] == [
                (m.span(), m.groups()) for m in whole.finditer(text)
            ], (whole.pattern, text)
        assert bool(authority._CLAIM_ANY.search(text)) == bool(authority._CLAIM.search(text)), text


def _learn_as_first_written(text: str) -> frozenset[str]:
    families: set[str] = set()
    previous = ""
    named = [
        (m, False) for m in (*owntypes._NAMED_MACHINE.finditer(text), *owntypes._TYPE_WORD.finditer(text))
    ]
    named += [
        (m, True) for m in owntypes._NAMED_TYPE.finditer(text)
    ]  # (a catalogue's name a type word names)
    for m, outright in named:
        if owntypes._learnable(m.group("t"), named=outright):
            families.add(owntypes._family(m.group("t")))
    for line in text.split("\n"):
        if "×" in line or "x" in line or "X" in line:
            for m in owntypes._COUNTED.finditer(line):
                token = m.group("t")
                if owntypes._learnable(token) and owntypes._written_as_machine(line, m, previous):
                    families.add(owntypes._family(token))
        if "CPU" in line or "cpu" in line:
            for m in owntypes._ONE.finditer(line):
                if owntypes._learnable(m.group("t")) and owntypes._CPU_AFTER.match(line[m.end() :]):
                    families.add(owntypes._family(m.group("t")))
        if line.strip():
            previous = line
    return frozenset(families)


def test_own_machine_types_learnt_from_the_lines_that_may_name_them() -> None:
    for text in _line_texts():
        assert owntypes.learn(text) == _learn_as_first_written(text), text


def _numeric_order_as_first_written(text: str) -> str:
    orders = set()
    for m in shapes._NUMERIC_DATE.finditer(text):
        if m.group("a") and m.group("sep") != ".":
            a, b = int(m.group("a")), int(m.group("b"))
            orders.add("day" if a > 12 else "month" if b > 12 else "")
    for m in shapes._NUMERIC_DAY_MONTH.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        orders.add("day" if a > 12 else "month" if b > 12 else "")
    for m in shapes._SHORT_DAY_MONTH.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if 1 <= min(a, b) <= 12 and max(a, b) <= 31:
            orders.add("day" if a > 12 else "month" if b > 12 else "")
    for m in shapes._FORMAT.finditer(text) if "/" in text or "-" in text or "." in text else ():
        orders.add("day" if m.group(1) else "month")
    orders.discard("")
    return orders.pop() if len(orders) == 1 else ""


def test_numeric_order_and_year_read_each_numeric_date_once() -> None:
    for text in _line_texts():
        assert bool(shapes._DIGIT_SLASH.search(text)) == bool(re.search(r"\d/\d", text)), text
        assert shapes.numeric_order(text) == _numeric_order_as_first_written(text), text
        fresh = (text + " ")[:-1]  # (another string: the matches found again)
        assert shapes.numeric_order(fresh) == shapes.numeric_order(text)
        assert shapes._numeric_date_matches(fresh) is shapes._numeric_date_matches(fresh)
        assert [m.span() for m in shapes._numeric_date_matches(fresh)] == [
            m.span() for m in shapes._NUMERIC_DATE.finditer(text)
        ]


def test_lower_case_names_found_by_their_keys(catalogue: Catalogue) -> None:
    found = vocab.Vocab(catalogue, "code_host")
    for text in _line_texts():
        found.learn_case(text)
        assert found.lower == (not found.names.keys().isdisjoint(vocab._LOWER_WORD.findall(text))), text


def test_signs_of_english_alone_not_counted_one_by_one() -> None:
    # `languages._may_be_foreign`: False only when `languages_of` finds no language but English
    signs = [w.rstrip("*") for w in languages._signs(languages.LANGUAGES_FILE)]
    rng = random.Random(29)
    extra = [
        " ",
        " ",
        ", ",
        ". ",
        "\n",
        "'",
        "’",
        "-",
        "x",
        "ſ",
        "İ",
        "É",
        "The",
        "AND",
        "were",
        "we",
        "de la",
    ]
    texts = [
        "".join(
            rng.choice(signs) if rng.random() < 0.6 else rng.choice(extra) for _ in range(rng.randint(0, 40))
        )
        for _ in range(6000)
    ]
    texts += [
        " ".join(rng.choice(signs) + rng.choice(["", "", "en", "s"]) for _ in range(30)) for _ in range(3000)
    ]
    for text in [*texts, *corpus_texts()]:
        counts: dict[str, int] = {}
        pattern, by_word, _ = languages._sign_matcher(languages.LANGUAGES_FILE)
        for m in pattern.finditer(text):
            for code in by_word.get((m.group("stem") or m.group(0)).lower(), ()):
                counts[code] = counts.get(code, 0) + 1
        foreign = any(n >= languages.MIN_SIGNS for code, n in counts.items() if code != "en")
        assert languages._may_be_foreign(text, languages.LANGUAGES_FILE) or not foreign, text


def test_number_habits_looked_for_behind_their_signs() -> None:
    from handoff.read import notation

    pieces = [
        *"0123456789",
        " ",
        " ",
        "'",
        "’",
        ".",
        ",",
        "\n",
        "\u00a0",
        "GB",
        " GiB",
        "MB",
        "Go",
        "ko",
        "Mio",
    ]
    pieces += ["Kio", " o", "o", "x", "users", "2026 ", "1 240", "1.250 GB", "4'180", "2 816 GiB", "M", "ish"]
    for text in [*_texts(pieces, 30000, 30), *corpus_lines(), *corpus_texts()]:
        for sign, pattern in (
            (notation._APOS_SIGN, notation._GROUPED_APOS),
            (notation._SPACE_SIGN, notation._GROUPED_SPACE),
            (notation._OCTETS_SIGN, notation._OCTETS),
            (notation._DOTTED_SIGN, notation._DOTTED_SIZE),
        ):
            assert sign.search(text) or not pattern.search(text), (pattern.pattern, text)


def test_change_remarks_moved_only_in_a_text_with_one() -> None:
    pieces = [
        " ",
        "\n",
        ". ",
        "! ",
        "? ",
        "A",
        "a",
        "3",
        "1,200",
        " GB",
        "(",
        ")",
        "(was 3)",
        "(formerly: 2 TB)",
    ]
    pieces += [" (previously 1,000 users)", "earlier", "before", "was", "→", "not", "from", "x", "\u00a0"]
    for text in [*_texts(pieces, 30000, 25), *corpus_lines()]:
        if not edits._WAS.search(text):
            assert edits._remarks_last(text) == text, text


def _element_text_as_first_written(el: dict[str, Any]) -> tuple[str, str | None, bool | None]:
    run = as_dict(el.get("textRun"))
    if run:
        style = as_dict(run.get("textStyle"))
        if as_list(run.get("suggestedInsertionIds")) or style.get("strikethrough"):
            return "", None, None
        url = doctext.as_str(as_dict(style.get("link")).get("url")) or None
        return doctext.as_str(run.get("content")).replace("\ue907", ""), url, bool(style.get("bold"))
    return doctext._element_text({k: v for k, v in el.items() if k != "textRun"})


def _text_runs_as_first_written(doc: dict[str, Any]) -> list[str]:
    return [
        "".join(
            doctext.as_str(as_dict(as_dict(e).get("textRun")).get("content"))
            for e in as_list(p.get("elements"))
        )
        for p in quicktext.paragraph_dicts(doc)
    ]


def _junk(rng: random.Random) -> Any:
    return rng.choice([None, "x", 3, [], {}, {"a": 1}])


def _random_run(rng: random.Random) -> dict[str, Any]:
    run: dict[str, Any] = {}
    if rng.random() < 0.8:
        run["content"] = rng.choice(["abc", "1,200 users\n", "x\ue907y", "", 5, None])
    if rng.random() < 0.6:
        style: dict[str, Any] = {
            k: rng.choice([True, False, None, 1, "yes"])
            for k in ("bold", "strikethrough")
            if rng.random() < 0.3
        }
        if rng.random() < 0.3:
            style["link"] = rng.choice([{"url": "https://a.b"}, {"url": ""}, {"url": 3}, "x", None, {}])
        run["textStyle"] = style if rng.random() < 0.9 else _junk(rng)
    if rng.random() < 0.1:
        run["suggestedInsertionIds"] = rng.choice([["a"], [], "a", None])
    return run


def _random_element(rng: random.Random) -> Any:
    c = rng.random()
    if c < 0.6:
        return {"textRun": _random_run(rng) if rng.random() < 0.9 else _junk(rng)}
    if c < 0.7:
        return {
            "footnoteReference": rng.choice([{"footnoteId": "f1"}, {"footnoteId": ""}, {"footnoteId": 3}])
        }
    if c < 0.8:
        return {"person": {"personProperties": rng.choice([{"name": "Ann", "email": "a@b"}, {}])}}
    return _junk(rng)


def _random_content(rng: random.Random, depth: int = 0) -> list[Any]:
    out: list[Any] = []
    for _ in range(rng.randint(0, 5)):
        c = rng.random()
        if c < 0.6:
            elements = [_random_element(rng) for _ in range(rng.randint(0, 4))]
            out.append({"paragraph": rng.choice([{"elements": elements}, None, {}])})
        elif c < 0.8 and depth < 3:
            rows = [
                {"tableCells": [{"content": _random_content(rng, depth + 1)}]}
                for _ in range(rng.randint(0, 2))
            ]
            out.append({"table": {"tableRows": rows}})
        else:
            out.append(_junk(rng))
    return out


def test_text_runs_read_as_the_accessors_read_them() -> None:
    rng = random.Random(17)
    for _ in range(4000):
        doc = {"body": {"content": _random_content(rng)}}
        assert [t for _, t in quicktext.quick_texts(doc)] == _text_runs_as_first_written(doc)
        for p in quicktext.paragraph_dicts(doc):
            for el in as_list(p.get("elements")):
                if isinstance(el, dict):
                    assert doctext._element_text(el) == _element_text_as_first_written(el), el


def _all_dates_as_first_written(text: str, year: str) -> tuple[shapes.Match, ...]:
    full = tuple(shapes._dates(text))
    year = shapes._own_year(text, full) or year
    if year:
        return tuple(sorted((*full, *shapes._day_months(text, year)), key=lambda m: m.start))
    return full


_DATE_PIECES = [
    *" ,.-/'’()\n", "the", "third", "twenty-first", "ninth", "of", "August", "august", "AUGUST", "Aug",
    "Sept", "March", "May", "may", "June", "the first", "Mon", "Dec.", "2026", "7", "12", "3rd", "/",
    "\u0663", "\uff11", "É", "x",
]  # fmt: skip


def test_dates_without_a_digit_as_first_written() -> None:
    for text in [*_texts(_DATE_PIECES, 6000, 8), *corpus_lines()]:
        for year in ("", "2026"):
            found = shapes._all_dates.__wrapped__(text, year, "")
            assert found == _all_dates_as_first_written(text, year), text


# -- whole-document gates: a literal piece in no text is in none of them -----------------------

_GATE_TEXTS = [
    "Reviewer: 4 nodes, not 3",
    "If Q2 is yes, fill in 3.1",
    "CORRECTED by the IE",
    "verified",
    "two commas, comma, full stop",
    "Nothing to see here",
    "",
    "İstanbul review",
]


@pytest.mark.parametrize("pattern", [reviewed._GATE, branches._GATE, quickre.quick(r"\bfull stop\b", re.I)])
def test_a_joined_gate_says_no_only_when_every_text_does(pattern: re.Pattern[str]) -> None:
    rng = random.Random(5)
    for _ in range(400):
        texts: list[tuple[dict[str, Any], str]] = [
            ({}, t) for t in rng.sample(_GATE_TEXTS, rng.randint(0, 4))
        ]
        whole = quicktext.joined(texts)
        assert whole == "\n".join(t for _, t in texts)
        assert quicktext.joined(texts) is whole  # (once per list)
        if not quickre.possible(pattern, whole):
            assert not any(pattern.search(t) for _, t in texts), texts
    assert quickre.possible(re.compile("x"), "")  # (a pattern without pieces: always possible)


def test_literal_mark_tests_as_their_patterns() -> None:
    for text in [*_texts([*";—–,-(/|·", " or ", "or", "a", " ", "x"], 4000, 8), *corpus_lines()]:
        assert verdict._marked(text) == any(c in text for c in verdict._MARKS), text
        literal = "," in text or "/" in text or "|" in text or "·" in text
        assert literal == bool(markedoptions._EMPHASIS.search(text)), text
