"""`core.quickre.quick`: the same answers as `re.compile`, without running the regex on a text that
cannot hold a match."""

from __future__ import annotations

import random
import re
import sys

import pytest

from handoff.core import quickre
from handoff.core.quickre import QuickPattern, any_of, quick, required_pieces

TEXTS = [
    "",
    "The fleet will grow to 12 nodes next year.",
    "GROWTH is expected to double",
    "Production runs 4 × m6i.4xlarge; nothing about the future.",
    "about +600 seats",
    "a ſuggested value",  # long s: re matches it to "s" under IGNORECASE
    "\u212aeeps the repos",  # Kelvin sign: re matches it to "k" under IGNORECASE
    "D\u0130SK 2 TB, İstanbul",  # dotted capital I
    "Ünïcödé text — with no keyword at all",
    "withdrawn: the earlier figure\nCorrected: 3 nodes",
]
PATTERNS = [
    (r"\b(?:grow(?:s|n|ing|th)?|double|next year|(?:is|are) expected to)\b|(?:^|(?<=[\s(]))\+\d", re.I),
    (r"\b(?:suggest(?:s|ed|ion)?|recommend)\b", re.I),
    (r"\b(?:keeps|kept|disk|withdr[ae]wn?|corrected)\b", re.I),
    (r"(?P<num>\d+)\s*(?:TB|GB)\b", 0),
    (r"(?:Jan|Jun|Jul)\w*\s+\d{1,2}", 0),
]


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_every_method_answers_as_the_plain_regex(source: str, flags: int) -> None:
    plain, fast = re.compile(source, flags), quick(source, flags)
    assert isinstance(fast, QuickPattern)
    for text in TEXTS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        assert _span(fast.search(text)) == _span(plain.search(text))
        assert _span(fast.match(text)) == _span(plain.match(text))
        assert fast.findall(text) == plain.findall(text)
        assert fast.sub("#", text) == plain.sub("#", text)
        assert fast.subn("#", text) == plain.subn("#", text)
        assert fast.split(text) == plain.split(text)
        assert fast.pattern == plain.pattern and fast.flags == plain.flags


def test_case_folding_letters_outside_ascii_still_match() -> None:
    fast = quick(r"\b(?:suggested|keeps|disk)\b", re.I)
    assert fast.search("a ſuggested value") is not None
    assert fast.search("\u212aeeps it") is not None
    assert fast.search("D\u0130SK") is not None


def test_the_pieces_come_from_the_pattern() -> None:
    assert required_pieces(re.compile(r"\b(?:Grow|double)\b", re.I)) == {"grow", "double"}
    assert required_pieces(re.compile(r"(?:is|are) expected to")) == {" expected to"}
    assert required_pieces(re.compile(r"\d+ (?:GB|TB)")) == {
        "GB",
        "TB",
    }  # the most selective
    # a branch that can match without a literal, an optional part alone, or scoped flags: no pieces
    assert required_pieces(re.compile(r"grow|\d+")) is None
    assert required_pieces(re.compile(r"(?:grow)?\d")) is None
    assert required_pieces(re.compile(r"(?i:grow)th")) is None
    assert not isinstance(quick(r"\d+"), QuickPattern)


def test_a_text_without_the_pieces_never_runs_the_regex() -> None:
    fast = quick(r"\b(?:grow|double)\b", re.I)
    assert isinstance(fast, QuickPattern)
    assert not fast.possible("Production: 4 nodes")
    assert fast.possible("They GROW")


def test_any_of_matches_exactly_the_strings() -> None:
    names = ["github", "githubenterpriseserver", "gitlab", "git", "bitbucket", "a.b"]
    trie = re.compile(any_of(names))
    for name in names:
        assert trie.fullmatch(name)
    for other in ("gi", "githu", "gitlabs", "bitbucke", "axb", ""):
        assert not trie.fullmatch(other)
    assert trie.search("ourgitlabserver") and not trie.search("nothing here")
    assert not re.compile(any_of([])).search("anything")


# -- opened: the lookahead of a match's opening characters ------------------------------------


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"\b(?:grow(?:s|th)?|double|kilo|sky)\b", re.IGNORECASE),
        (r"(?<![\w.])(?:up|down)?\s*(?P<n>\d+)\s*(?:k|K)\b", 0),
        (r"(?:^|(?<=[\s(]))\+\d|\bif\b[^.;]*\bwould\b", re.IGNORECASE | re.MULTILINE),
        (r"[A-Z][a-z]{2,}|[-_.]x|\(\d\)", 0),
        (r"(?:a|b?)c*d", re.IGNORECASE),
        (r"(?>ab|c)+[\W\d]", 0),
    ],
)
def test_opened_finds_what_the_pattern_finds(pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    fast = quickre.opened(plain)
    assert fast is not plain and fast.groupindex == plain.groupindex
    rng = random.Random(11)
    pieces = [
        *"abcdkKsS+()-_.x19 \n\u212a\u017fİı",
        "grow",
        "growth",
        "if",
        "would",
        "up",
        "Abc",
        "kilo",
        "SKY",
    ]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ], text


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"a*", 0),
        (r".b", 0),
        (r"[^a]b", 0),
        (r"(?P<x>a)?(?(x)b|c)", 0),
        (r"(?i:a)b", 0),
        (r"(?i)ab", 0),
        (r"a b", re.VERBOSE),
    ],
)
def test_opened_leaves_what_it_cannot_tell(pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    assert quickre.opened(plain) is plain


def test_pieces_open_wherever_one_of_their_patterns_matches() -> None:
    """A gate built from several patterns (and literals) opens on every text any of them matches in."""
    patterns = [re.compile(source, flags) for source, flags in PATTERNS]
    gate = quickre.Pieces(*patterns, quick(PATTERNS[0][0], PATTERNS[0][1]), "m6i.")
    rng = random.Random(5)
    pieces = [*" .;\n", *TEXTS, "grow", "KEEPS", "2 TB", "Jul 4", "m6i.4xlarge", "ſuggest", "D\u0130SK", "x"]
    texts = [*TEXTS, *("".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(3000))]
    for text in texts:
        if any(p.search(text) for p in patterns) or "m6i." in text:
            assert gate.possible(text), text
    assert not gate.possible("nothing here at all")


def test_pieces_refuse_a_pattern_without_pieces() -> None:
    with pytest.raises(ValueError):
        quickre.Pieces(re.compile(r"\d+"))


def test_pieces_may_hold_characters_without_case() -> None:
    # arrows, dashes and signs have no case: lowering keeps them and `re` matches them only as
    # themselves, so a pattern needing one has it as a piece; a letter beyond ASCII gives no piece
    assert required_pieces(re.compile(r"a→b|->|⇒", re.I)) == {"a→b", "->", "⇒"}
    assert required_pieces(re.compile(r"x—y")) == {"x—y"}
    assert required_pieces(re.compile(r"größe|size", re.I)) is None
    assert required_pieces(re.compile(r"Σ|sum")) is None
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for c in "→⇒➔➜⟶—–×·•":
        assert c.lower() == c == c.upper()
        assert re.findall(re.escape(c), everything, re.IGNORECASE) == [c], c
        assert [x for x in everything if c in x.lower()] == [c], c


def test_a_pattern_with_arrows_finds_what_it_found() -> None:
    pattern = r"replac|→|->|⇒|=>|retir|decommission|switched off|shut down|sunset|\bto Sourcegraph"
    fast, plain = quick(pattern, re.I), re.compile(pattern, re.I)
    assert isinstance(fast, QuickPattern)
    pieces = [*" .,-=>→⇒\n", "REPLAC", "Retir", "sunSET", "to", "Sourcegraph", "x", "İ", "ſ", "ı", "K", "é"]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert bool(fast.search(text)) == bool(plain.search(text)), text
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
