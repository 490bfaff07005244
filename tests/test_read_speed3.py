"""`core.quickre.Alternatives`: a pattern's outermost alternation run with only the branches a text can
match gives the pattern's own answers (the same matches, groups by number and name, substitutions),
and the source is cut into branches only where the parser reads them."""

from __future__ import annotations

import re

import pytest

from handoff.core.quickre import QuickPattern, alternatives, quick

TEXTS = [
    "",
    "The old cluster was removed on 3 May; GitLab (excluded) stays.",
    "resized from 3 nodes to 4 nodes (was 2) — then moved from AWS to GCP",
    "Bitbucket is out, GitHub is not part of the deployment",
    "nothing to see here",
    "\u212aept out of scope",  # Kelvin sign: `re` matches it to "k" under IGNORECASE
    "a | b [x|y] (p|q) \\| r",
]
PATTERNS = [
    (r"\b(?:removed|deleted)\b|(?P<x>excluded)|\bis\s+(?:not\s+)?(?P<what>out|part of)\b|kept\s+out", re.I),
    (r"from\s+(?P<a>\w+)\s+to\s+(?P<b>\w+)|\((?:was)\s+(?P<c>\d+)\)|(moved)\s+from|resized", 0),
    (r"\[x\|y\]\s+\S|\(p\|q\)|\\\||[|]b|nothing", 0),
]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_cut_pattern_answers_as_the_pattern(source: str, flags: int) -> None:
    plain = re.compile(source, flags)
    fast = quick(source, flags)
    assert isinstance(fast, QuickPattern) and fast.alternatives is not None
    for text in TEXTS:
        a, b = plain.search(text), fast.search(text)
        assert (a and (a.span(), a.groups(), a.groupdict(), a.lastindex)) == (
            b and (b.span(), b.groups(), b.groupdict(), b.lastindex)
        ), text
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)]
        assert plain.findall(text) == fast.findall(text)
        assert plain.sub("#", text) == fast.sub("#", text)
        assert plain.split(text) == fast.split(text)


def test_each_text_runs_only_the_branches_it_can_match() -> None:
    whole = re.compile(PATTERNS[0][0], PATTERNS[0][1])
    found = alternatives(whole)
    assert found is not None and len(found.parts) == 4
    assert found.mask("the old cluster was removed") == 0b0001  # (no "excluded", "is", "kept out")
    assert found.mask("nothing to see here") == 0
    assert found.variant(0, whole) is None  # no branch can match: not run at all
    assert found.variant(found.whole, whole) is whole
    cut = found.variant(0b0001, whole)
    assert cut is not None and cut.groupindex == whole.groupindex and cut.groups == whole.groups
    # a branch shut with its groups stays (opened by `(?!)`), one without groups is left out
    assert "(?!)(?P<x>excluded)" in cut.pattern and "kept" not in cut.pattern


def test_only_the_outermost_bars_cut_the_source() -> None:
    # bars in a class, a group or escaped are no branches; a comment or verbose pattern is not cut
    found = alternatives(re.compile(r"[a|b]cat\s+|(d|e)dog|\|bird|[]|]fish"))
    assert found is not None and found.parts == [r"[a|b]cat\s+", "(d|e)dog", r"\|bird", "[]|]fish"]
    assert alternatives(re.compile(r"(?#a|b)cat\s+|dog|bird")) is None
    assert alternatives(re.compile(r"cat\s+ | dog | bird", re.X)) is None
    # an alternation of fixed pieces is left to `re`, which tries it in one step a place
    assert alternatives(re.compile(r"\bcat|dog-?s|bird")) is None
