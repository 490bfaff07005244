"""Patterns rewritten for speed find what they found before: the same matches as the pattern as it
was first written, on random texts of the characters that decide a match (the fixtures' readings are
compared by `python -m bench.identity`)."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from handoff.core.fields import strip_brackets
from handoff.read import envwords, labelwords, legends, shapes
from tdd_snippets import corpus_lines

_LETTERS = "0-9a-z\u00c0-\u024f"


def _phrases_as_first_written(ws: tuple[str, ...], joined: bool = True) -> re.Pattern[str]:
    phrases = sorted((re.findall(f"[{_LETTERS}]+", w.casefold()) for w in ws), key=lambda p: -len("".join(p)))
    body = "|".join(r"[\s\-_'’]*".join(parts) for parts in phrases if parts) or r"(?!x)x"
    edge = _LETTERS if joined else f"{_LETTERS}-"
    return re.compile(rf"(?<![{edge}])(?:" + body + rf")(?![{edge}])", re.IGNORECASE)


_ENV_WORDS = (
    "prod",
    "production",
    "pre-prod",
    "test",
    "uat",
    "staging",
    "stage",
    "dr",
    "qa",
    "sandbox",
    "k8s",
)
_DECLARED_SAID_FIRST = envwords._DECLARED_SAID.replace(r"[\w-]++(?:\s[\w-]++)?", r"[\w-]+(?:\s[\w-]+)?")
_DECLARED_TEXT = [*"ab AB-x(=)\n.' ", "PRD", "sg-eu", "means", "is", "zone", "stands for", "production"]

# (the pattern now, the pattern as first written, the characters its matches turn on)
REWRITES: list[tuple[Any, re.Pattern[str], str | list[str]]] = [
    (legends._ADDRESS, re.compile(r"\S*\w(?:[./@]|://)\w\S*"), "ab1_. /@:\n\t-é\u00a0x"),
    (
        shapes.DATE,
        re.compile(shapes.DATE.pattern.replace(r"\b(?=[\djfmasond])", r"\b", 1), re.I),
        [
            *"0123456789 -,.Tt\u0662ſ",
            "jan",
            "Feb",
            "MAY",
            "sept",
            "Oct.",
            "nov",
            "dec",
            "of",
            "st",
            "2026-08-10",
        ],
    ),
    (
        shapes.DAY_MONTH,
        re.compile(shapes.DAY_MONTH.pattern.replace(r"\b(?=[\dJFMASONDtfsen])", r"\b", 1)),
        [
            *"0123 -,.",
            "Jan",
            "Feb",
            "May",
            "Sept",
            "Oct.",
            "Nov",
            "Dec",
            "of",
            "th",
            "third",
            "twenty-first",
            "eleventh",
        ],
    ),
    (
        envwords._DECLARED,
        re.compile(envwords._DECLARED.pattern.replace(envwords._DECLARED_SAID, _DECLARED_SAID_FIRST)),
        [*_DECLARED_TEXT, "="],
    ),
    (
        envwords._phrases(_ENV_WORDS),
        _phrases_as_first_written(_ENV_WORDS),
        [*"prodtesuagqk8 -_'’\u017f\u212aÀéı", *_ENV_WORDS],
    ),
    (
        envwords._phrases(_ENV_WORDS, joined=False),
        _phrases_as_first_written(_ENV_WORDS, joined=False),
        [*"prodtesuagqk8 -_'’\u017f\u212aÀé", *_ENV_WORDS],
    ),
]


def _texts(alphabet: str | list[str], n: int = 20000) -> list[str]:
    """Random texts of the characters (or pieces) given."""
    rng = random.Random(7)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


_EXAMPLES = [
    "the eleventh of Oct was", "from the first of March", "twenty-first of Sept. x", "Oct 3rd 2026", "3 Oct",
    "3 of oct, 2026", "on 2026-08-10T21:05", "Sept. 14th, 2026", "sg-eu (staging)", "PRD = production",
    "Staging (STG)", "see https://x.example/a?b", "pre-prod and UAT", "prod-eu is the live one",
]  # fmt: skip


@pytest.mark.parametrize(("new", "old", "alphabet"), REWRITES, ids=lambda v: getattr(v, "pattern", "")[:20])
def test_same_matches_as_first_written(new: Any, old: re.Pattern[str], alphabet: str | list[str]) -> None:
    assert new.pattern != old.pattern  # (the rewrite is in force)
    for text in [*_EXAMPLES, *_texts(alphabet), *corpus_lines()]:
        assert [(m.span(), m.groups()) for m in new.finditer(text)] == [
            (m.span(), m.groups()) for m in old.finditer(text)
        ], text


def test_phrases_keep_their_order_per_first_letter() -> None:
    assert envwords._by_first_letter(["prod", "test", "pre", "t"]) == "p(?:rod|re)|t(?:est|)"
    assert envwords._by_first_letter(["ıx", "prod"]) == "ıx|prod"  # (a non-ASCII opening: as written)


def test_bracket_and_space_shortcuts_as_first_written() -> None:
    for text in _texts("ab ()[]\t\n\u00a0\u2028\x1c\u3000x", 5000):
        assert strip_brackets(text) == re.sub(r"\s*[(\[][^()\[\]]*[)\]]", " ", text).strip(), text
        expected = re.sub(r"\s+", " ", labelwords._BRACKETED.sub(" ", text)).strip()
        assert labelwords.outside_brackets(text) == expected, text


def test_declared_names_without_equals_as_first_written() -> None:
    # `_DECLARED_NO_EQUALS`, the declared names' branches alone, finds what the pattern as first written
    # (with the glossed word's branch that cannot match, behind the quick test) found, groups by name
    old = re.compile(_DECLARED_SAID_FIRST + r"|(?P<word>(?!x)x)(?P<says3>)")
    names = ("abbr", "says", "says2", "abbr2")
    for text in [*_EXAMPLES, *_texts(_DECLARED_TEXT), *corpus_lines()]:
        found = [
            (m.span(), *(m.group(n) for n in names)) for m in envwords._DECLARED_NO_EQUALS.finditer(text)
        ]
        first = list(old.finditer(text))
        assert found == [(m.span(), *(m.group(n) for n in names)) for m in first], text
        assert all(m.group("abbr") or m.group("abbr2") for m in first), text
