"""`core.quickre.quick`: the same answers as `re.compile`, without running the regex on a text that
cannot hold a match."""

from __future__ import annotations

import re

import pytest

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
