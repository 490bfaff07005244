"""A document's whole-text scans tried only where a match can start (stop 27): each gives what the pattern's
`finditer` gives, on the development corpus's documents and on long random texts of the pieces that decide it;
and the quick tests in front of `shapes.once`, `abbrev._units` and `QuickPattern.search` answer as the code
first written."""

from __future__ import annotations

import random
import re

from handoff.core import quickre
from handoff.read import abbrev, namedis, owntypes, shapes
from tdd_snippets import corpus_lines, corpus_texts


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def _long_texts(pieces: list[str], seed: int, n: int = 1500) -> list[str]:
    """Texts past the long-text threshold, of random pieces and joints (a non-ASCII tail on some)."""
    rng = random.Random(seed)
    joints = ["", " ", " ", "  ", "\n", "\t", ", "]
    out = []
    for _ in range(n):
        text = ""
        while len(text) < 700:
            text += rng.choice(pieces) + rng.choice(joints)
        out.append(text + rng.choice(["", "—", "é", "\u212a", "\u017f", "\u0130"]))
    return out


_DATE_PIECES = [
    "12", "1st", "3rd", "of", "Oct", "October", "sept.", "Sept", "2026", "2026-10-12", "2026-10-12T10", "-",
    ",", "x", "_", "a2026", "20261", "Jan", "jan.", "may", "May", "31", "2", "th", "\u017fep", "\u0661\u0662",
    "(",
    "17/04/2026", "04.17.26", "2026/4/17", "7/13/26", "6.8.12", "1999", "/", ".", "v2.1", "24.09.26",
]  # fmt: skip


def test_long_text_dates_are_finditer() -> None:
    for text in [*corpus_texts(), *_long_texts(_DATE_PIECES, 1)]:
        assert _spans(shapes._long_text_dates(text)) == _spans(shapes.DATE.finditer(text)), text
        numeric = shapes._long_text_numeric_dates(text)
        assert _spans(numeric) == _spans(shapes._NUMERIC_DATE.finditer(text)), text


_IS_PIECES = [
    "Heron", "HERON", "KESTREL2", "Ab", "Abc", "is", "the", "our", "its", "a", "an", "what", "where", "while",
    "and", ",", ".", ";", ":", "x", "Dock", "DOCKYARDHARBOURX", "Aaaaaaaaaaaaaaaa", "Thee", "their", "(",
    "is\u00a0the", "whereas",
]  # fmt: skip


def test_said_is_on_a_long_text_is_finditer() -> None:
    for text in [*corpus_texts(), *_long_texts(_IS_PIECES, 2)]:
        assert _spans(namedis._long_text_matches(text)) == _spans(namedis._IS.finditer(text)), text


_TYPE_PIECES = [
    "VM", "vm", "Machine", "instance", "NODE", "catalog", "catalogue", "t-shirt", "server", "size", "Size",
    "SIZE", "class", "plan", "flavor", "Flavour", "flavours", ":", "=", "rcp.mem.xl", "MEM-XXL", "D16s", "v5",
    "kws-mem-16x128", "x", "a", "-", ".", "\u017fize", "\u212aVM",
]  # fmt: skip


def test_named_types_are_finditer() -> None:
    for text in [*corpus_texts(), *_long_texts(_TYPE_PIECES, 3)]:
        assert _spans(owntypes._named_types(text)) == _spans(owntypes._NAMED_TYPE.finditer(text)), text


_TWICE_PIECES = ["two", "three thousand", "(", ")", "2", "3,000", " ", "x", "a", "1", ".", ","]


def test_once_as_first_written() -> None:
    def first_written(text: str) -> str:
        if "(" not in text:
            return text
        saved = shapes._PAREN_DIGIT
        shapes._PAREN_DIGIT = re.compile("")  # (always found: the gate passes every text)
        try:
            return shapes.once(text)
        finally:
            shapes._PAREN_DIGIT = saved

    rng = random.Random(4)
    texts = ["".join(rng.choice(_TWICE_PIECES) for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    for text in texts:
        assert shapes.once(text) == first_written(text), text


def test_quick_search_as_possible_then_search() -> None:
    patterns = [
        quickre.quick(r"\bshared\s+(?:cluster|platform)", re.IGNORECASE),
        quickre.quick(r"grow(?:th|s)?|double", re.IGNORECASE),
        quickre.quick(r"\d+\s*TB"),
    ]
    rng = random.Random(5)
    pieces = ["shared", " ", "cluster", "Platform", "growth", "DOUBLE", "3 TB", "ſhared", "\u212a", "x"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        for p in patterns:
            assert isinstance(p, quickre.QuickPattern)
            expected = p.pattern_object.search(text) if p.possible(text) else None
            got = p.search(text)
            assert (got and (got.span(), got.groups())) == (expected and (expected.span(), expected.groups()))


def test_units_as_first_written() -> None:
    def first_written(lines: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for line in lines:
            if " in " not in line:
                continue
            for m in abbrev._UNIT.finditer(line):
                for name in abbrev._UNIT_SPLIT.split(m.group(1).strip()):
                    if name and len(name.split()) <= 3:
                        out.setdefault(name.strip(), m.group(2))
        return out

    rng = random.Random(6)
    pieces = [
        "RAM",
        " and ",
        "Disk",
        " in ",
        "in",
        "GiB",
        "GB",
        "TB",
        "MiB",
        " are ",
        " is ",
        "\t",
        ";",
        ".",
        "/",
        "x",
    ]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    for lines in ([t] for t in [*texts, *corpus_lines()]):
        assert abbrev._units(lines) == first_written(lines), lines
