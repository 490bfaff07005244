"""Patterns rewritten for speed find what they found before: the same matches as the pattern as it
was first written, on random texts of the characters that decide a match (the fixtures' readings are
compared by `python -m bench.identity`)."""

from __future__ import annotations

import random
import re

import pytest

from handoff.read import legends

# (the pattern now, the pattern as first written, the characters its matches turn on)
REWRITES = [
    (legends._ADDRESS, re.compile(r"\S*\w(?:[./@]|://)\w\S*"), "ab1_. /@:\n\t-é\u00a0x"),
]


@pytest.mark.parametrize(("new", "old", "alphabet"), REWRITES, ids=lambda v: getattr(v, "pattern", "")[:20])
def test_same_matches_as_first_written(new: re.Pattern[str], old: re.Pattern[str], alphabet: str) -> None:
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], text
