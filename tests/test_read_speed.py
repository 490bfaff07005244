"""The reader's speed-ups give the answers of the code they replace: the specialised `quick()` patterns
(case-insensitive and case-sensitive), the resize targets learnt only on the lines that can hold one,
and the replaced system's names read only on the lines holding a piece of their pattern."""

from __future__ import annotations

import re

import pytest

from handoff.core import quickre
from handoff.core.fields import Catalogue
from handoff.core.quickre import QuickPattern, quick
from handoff.read import legends, replaced, resizedto, shapes
from handoff.read.doctext import as_dict, as_list, as_str, body_styles, content_styles, paragraph_runs
from handoff.read.envwords import Environments
from handoff.read.livingparts import titles

TEXTS = [
    "",
    "We resized it to Standard_E32s_v5 after the load test.",
    "RESIZED TO r6i.4xlarge",
    "ccx53 → ccx63 on 3 May",
    "ccx53 -> ccx63",
    "a ſcaled value",  # long s: re matches it to "s" under IGNORECASE
    "\u212aept on m6i.2xlarge",  # Kelvin sign: re matches it to "k" under IGNORECASE
    "Ünïcödé text — with no keyword at all",
    "first line\nmoved up to m6i.8xlarge\nthird line",
]


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"\b(?:kept|scaled|moved|resized)\b", re.IGNORECASE),
        (r"\b(?:Standard|ccx)\w*", 0),
        (r"(?:→|->)\s*\w+", 0),
    ],
)
def test_quick_patterns_answer_as_re(source: str, flags: int) -> None:
    """Each kind of `quick()` pattern finds what `re` finds, and says a text may match whenever it does."""
    fast, plain = quick(source, flags), re.compile(source, flags)
    assert isinstance(fast, QuickPattern)
    assert isinstance(fast, quickre._FoldedQuick) == bool(flags & re.IGNORECASE)
    for text in TEXTS:
        expected = plain.search(text)
        got = fast.search(text)
        assert (got.span() if got else None) == (expected.span() if expected else None), text
        assert fast.possible(text) or expected is None, text
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_folded_letters_still_run_the_pattern() -> None:
    """A letter `re` folds to ASCII under IGNORECASE (the Kelvin sign, the long s) holds no piece as
    lowered, yet the pattern matches: the specialised test lets it through."""
    fast = quick(r"\bkept\b", re.IGNORECASE)
    assert fast.search("\u212aept on m6i.2xlarge") is not None
    assert quick(r"\bscaled\b", re.IGNORECASE).search("a ſcaled value") is not None


def _resize_targets_every_line(text: str) -> frozenset[str]:
    """`resizedto.learn` as written before its line gate: every line's types looked for."""
    if "to" not in text and "→" not in text and "->" not in text:
        return frozenset()
    found: set[str] = set()
    for line in text.splitlines():
        matches = list(shapes.INSTANCE_TYPE.finditer(line))
        for k, m in enumerate(matches):
            before = line[max(0, m.start() - 80) : m.start()]
            if resizedto._TO.search(before) or (
                k and resizedto._ARROW.search(line[matches[k - 1].end() : m.start()])
            ):
                found.add(m.group(0))
    return frozenset(found)


DOCUMENTS = [
    "The VM was first built as a Standard_E16s_v5.\nWe stopped it and resized it to Standard_E32s_v5.",
    "hetzner rescale ccx53 → ccx63\nnothing else here: 4 × m6i.4xlarge",
    "Production: 4 × m6i.4xlarge\nStaging: 2 × m6i.2xlarge\nWe moved up to r6i.4xlarge in May.",
    "Nodes went m5.2xlarge -> m5.4xlarge, then UPGRADED TO m5.8xlarge",
    "A line with 3 × c5.2xlarge\nand one with no type, moved to Tuesday",
    "4 × m6i.4xlarge to 6 × m6i.4xlarge is the plan",  # "to" without a resize verb
    "Sizing\nthe nodes: m5.2xlarge -> m5.4xlarge",  # an arrow alone
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_resize_targets_as_before(text: str) -> None:
    """Only a line with a resize verb or an arrow can give a target: reading only those gives the
    targets reading every line gives."""
    assert resizedto.learn(text) == _resize_targets_every_line(text)


def test_resize_targets_found_on_their_lines() -> None:
    assert resizedto.learn(DOCUMENTS[0]) == frozenset({"Standard_E32s_v5"})
    assert resizedto.learn(DOCUMENTS[2]) == frozenset({"r6i.4xlarge"})
    assert resizedto.learn(DOCUMENTS[3]) == frozenset({"m5.4xlarge", "m5.8xlarge"})  # an arrow, a verb
    assert resizedto.learn(DOCUMENTS[5]) == frozenset()
    assert resizedto.learn(DOCUMENTS[6]) == frozenset({"m5.4xlarge"})


REPLACING = [
    "Migration plan\nHound replacement: Sourcegraph on 4 × m6i.4xlarge\nThe Hound box stays up until 30 Oct.",
    "Overview\nOpenGrok → Sourcegraph\nGitLab: 430 repositories (never indexed by OpenGrok)",
    'We will replace the 4.5 cluster "sg-blue" with a new cluster.\nNothing else.',
    "The alias moves from Livegrep to Sourcegraph.\nlivegrep01 (retired 14 Sep 2026)",
    "No system is replaced here.\nProduction runs Sourcegraph 5.3.",
]


@pytest.mark.parametrize("text", REPLACING)
def test_replaced_names_read_by_line(text: str, catalogue: Catalogue) -> None:
    """The names the pattern gives read line by line are those it gives over the whole text."""
    env = Environments(catalogue)
    whole = [m.span() for m in replaced._LEARN.finditer(text)]
    assert [m.span() for m in replaced._LEARN_LINES.finditer(text)] == whole
    assert bool(replaced.learn(text, env)) == bool(whole)


def test_replaced_names_found(catalogue: Catalogue) -> None:
    env = Environments(catalogue)
    assert "Hound" in replaced.learn(REPLACING[0], env)
    assert "OpenGrok" in replaced.learn(REPLACING[1], env)
    assert replaced.learn(REPLACING[4], env) == frozenset()


def _styles_by_accessors(content: list[object]) -> list[tuple[dict[str, object], str]]:
    """(paragraph, named style) of each element as the accessors read them."""
    out = []
    for el in content:
        paragraph = as_dict(as_dict(el).get("paragraph"))
        out.append((paragraph, as_str(as_dict(paragraph.get("paragraphStyle")).get("namedStyleType"))))
    return out


def _paragraph(style: object, *runs: object) -> dict[str, object]:
    return {"paragraph": {"paragraphStyle": {"namedStyleType": style}, "elements": list(runs)}}


CONTENT: list[object] = [
    _paragraph("TITLE", {"textRun": {"content": " Acme \n"}}),
    _paragraph("HEADING_1", {"textRun": {"content": "Sizing"}}),
    {"table": {"tableRows": []}},
    {"paragraph": {"paragraphStyle": {"namedStyleType": 3}, "elements": "not a list"}},
    {"paragraph": "not a dict"},
    "not an element",
    _paragraph(None, {"textRun": {"content": "a"}}, {"person": {}}, {"textRun": {"content": "b"}}),
]


def test_body_styles_read_as_the_accessors() -> None:
    """The written-out walk of a body gives each element's paragraph and style as the accessors do,
    and a paragraph's runs joined as they do, whatever the JSON holds."""
    assert list(content_styles(CONTENT)) == _styles_by_accessors(CONTENT)
    assert list(body_styles({"body": {"content": CONTENT}})) == _styles_by_accessors(CONTENT)
    assert list(body_styles({"body": "nothing"})) == [] == list(body_styles({}))
    for paragraph, _ in _styles_by_accessors(CONTENT):
        expected = "".join(
            as_str(as_dict(as_dict(e).get("textRun")).get("content"))
            for e in as_list(paragraph.get("elements"))
        ).strip()
        assert paragraph_runs(paragraph) == expected
    assert paragraph_runs(_styles_by_accessors(CONTENT)[0][0]) == "Acme"
    assert list(titles({"body": {"content": CONTENT}})) == ["Sizing"]


def test_glossary_entry_is_one_word_alone() -> None:
    """A glossary's entry is a name alone on its line: a line of two words or none is none."""
    spans = lambda text: [(0, "production")] if "production" in text else []  # noqa: E731
    name = lambda word: word == "Orca"  # noqa: E731
    assert legends._defined("Orca", "The production environment.", name, spans) == [("Orca", "production")]
    assert legends._defined("Orca Harrier", "The production environment.", name, spans) == []
    assert legends._defined("", "The production environment.", name, spans) == []
    assert legends._defined("Orca", "The staging copy.", name, spans) == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("3 nodes", "3 nodes"),
        ("no cue here at all", "no cue here at all"),
        ("4 nodes, not 3", "4 nodes"),
        ("users: 1,200 → 1,400", "users: 1,400"),
        ("3,000 (updated from 2,500)", "3,000"),
        ("not counted", "not counted"),
    ],
)
def test_unedit_cues(text: str, read: str) -> None:
    """A text holding none of the cues, or no digit, is returned as it is; one with both is read."""
    from handoff.read.edits import unedit

    assert unedit(text) == read
