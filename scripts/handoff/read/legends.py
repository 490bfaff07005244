"""A legend: the names a document gives its environments, learnt from any structure that pairs a
name with an environment, whatever its wording.

A careful reader sees a legend by its shape, not its words: several short units next to each
other, each holding one name and one environment ("Orca is production", a table row
`Orca | Production`, a list item "Orca — production", "Orca (production)", "production runs in the
Orca cluster", "Production: Orca"), whose names the rest of the document then uses. So:

- a unit is a table row (its cells, never split), or a line, split while it holds several names:
  at `;`, then `,`, then "and" / "or", then `:` (never inside brackets);
- it pairs when it holds exactly one name and environment words of one kind only, in few words
  (one name said to be two environments pairs nothing);
- a name is a word the document never writes in lower case (so not "the", "runs", "developers"),
  that the reader does not already know as something else: an environment word, a product, a
  field's label, a month or a weekday;
- a legend is a run of consecutive lines that pair, with no figure in them (a data row, a date, a
  count measure something: a legend only names), two or more pairings whose names the document
  uses outside the run: both of two, or one of three or more (one pairing alone is a mention; a
  word used only there, "Tags | dev-tools", is no name the document goes on to use); a name
  paired with both kinds is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from handoff.read.doctext import Texts, as_dict, as_list, cell_text, iter_tabs, paragraph_text

Spans = Callable[[str], list[tuple[int, str]]]  # (position, "production" | "trial") of environment words
Pair = tuple[str, str]  # (name, "production" | "trial")
CELL = " | "  # between a row's cells in `row_lines`

_WORD = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")  # (not `Jun-2026` of `22-Jun-2026`)
_NAME = re.compile(r"[A-Z][a-z]{2,15}|[A-Z][A-Z0-9]{1,11}|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+")
_FIGURE = re.compile(r"(?<![\w.-])\d")  # a token that opens with a digit: a number, a date, `3x`
_ADDRESS = re.compile(
    r"\S*\w(?:[./@]|://)\w\S*"
)  # a URL, host or file: its words are lower case whatever they name
_SPLITS = tuple(re.compile(p) for p in (r";", r",", r"\s(?:and|or|&)\s", r":"))  # a unit's parts, in turn
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_MAX_WORDS = 9  # a unit longer than this is a sentence about something, or a data row
_CALENDAR = frozenset(
    (
        *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *("january", "february", "march", "april", "june", "july", "august", "september", "october"),
        *("november", "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat"),
        *("sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    )
)


class _Words:
    """The document's words, scanned once: its names, and on which lines each is written."""

    def __init__(self, lines: list[str]) -> None:
        lower: set[str] = set()
        self.at: dict[str, list[int]] = {}  # capitalised word -> the lines it is on
        for i, line in enumerate(lines):
            for word in _WORD.findall(_ADDRESS.sub(" ", line) if "." in line else line):
                if word[0].islower():
                    lower.add(word.casefold())
                else:
                    self.at.setdefault(word, []).append(i)
        self.names = frozenset(
            w
            for w in self.at
            if w.casefold() not in lower and w.casefold() not in _CALENDAR and _NAME.fullmatch(w)
        )
        self.lines = frozenset(i for w in self.names for i in self.at[w])  # the lines naming one

    def used_outside(self, name: str, first: int, last: int) -> bool:
        return any(i < first or i > last for i in self.at[name])


def _split(pattern: re.Pattern[str], text: str) -> list[str]:
    """`text` cut at `pattern`, never inside brackets ("Sandbox (SBX, no real data)" stays whole)."""
    masked = (
        _BRACKETS.sub(lambda m: "(" + "_" * (len(m.group(0)) - 2) + ")", text)
        if "(" in text or "[" in text
        else text
    )
    cuts = [m.span() for m in pattern.finditer(masked)]
    if not cuts:
        return [text]
    starts = [0, *(b for _, b in cuts)]
    ends = [*(a for a, _ in cuts), len(text)]
    return [text[a:b] for a, b in zip(starts, ends, strict=True)]


def _pairs(
    unit: str, level: int, names: frozenset[str], spans: Spans, known: Callable[[str], bool]
) -> list[Pair]:
    """The (name, kind) pairs of `unit`: itself when it holds one name and environment words of one
    kind only, in few words; else, when it holds several names (or too many words), its parts at
    the next separator (a table row is never split: its cells are one statement)."""
    words = _WORD.findall(unit)
    found = {w for w in words if w in names and not known(w)}
    if not found:
        return []
    if len(found) == 1 and len(words) <= _MAX_WORDS:
        kinds = {k for _, k in spans(unit)}
        if kinds:  # (one name said to be two environments: no pairing)
            return [(found.pop(), kinds.pop())] if len(kinds) == 1 else []
    if CELL in unit:
        return []
    for at in range(level, len(_SPLITS)):
        parts = _split(_SPLITS[at], unit)
        if len(parts) > 1:
            return [pair for part in parts for pair in _pairs(part, at + 1, names, spans, known)]
    return []


def legend_pairs(lines: Iterable[str], spans: Spans, known: Callable[[str], bool]) -> list[Pair]:
    """(name, "production" | "trial") of every legend in `lines` (one paragraph or table row each,
    as `row_lines` gives them); `spans` finds environment words, `known` says a word is known as
    something else (a product, a field's label, an environment word)."""
    lines = list(lines)
    words = _Words(lines)
    out: list[Pair] = []
    run: list[Pair] = []
    first = 0
    for i, line in enumerate((*lines, "")):
        pairs = []
        if i in words.lines and not _FIGURE.search(line):
            pairs = _pairs(line, 0, words.names, spans, known)
        if pairs:
            first = i if not run else first
            run += pairs
        elif run:
            out += _legend(run, lambda n, a=first, b=i - 1: words.used_outside(n, a, b))
            run = []
    return out


def _legend(run: list[Pair], used: Callable[[str], bool]) -> list[Pair]:
    """The pairs of a run of pairing lines when it is a legend: names of one kind each, of which the
    document uses outside the run both of two, or one of three or more (a longer run is surer); only
    those used are kept (the others change nothing)."""
    kinds: dict[str, set[str]] = {}
    for name, kind in run:
        kinds.setdefault(name, set()).add(kind)
    clear = [(n, next(iter(k))) for n, k in kinds.items() if len(k) == 1]
    kept = [(n, k) for n, k in clear if used(n)]
    return kept if kept and len(clear) + len(kept) >= 4 else []


def row_lines(doc: Any, texts: Texts | None = None) -> list[str]:
    """The document as lines of its units: a paragraph a line, a table row a line of its cells
    (joined by `CELL`), every tab in turn."""
    tabs = as_list(as_dict(doc).get("tabs"))
    if tabs:
        contents = [
            as_list(as_dict(as_dict(as_dict(t).get("documentTab")).get("body")).get("content"))
            for _, t in iter_tabs(tabs, ())
        ]
    else:
        contents = [as_list(as_dict(as_dict(doc).get("body")).get("content"))]
    out: list[str] = []
    for content in contents:
        _walk(content, texts, out)
    return out


def _walk(content: list[Any], texts: Texts | None, out: list[str]) -> None:
    read = texts.paragraph if texts is not None else paragraph_text
    for se in content:
        se = as_dict(se)
        if "paragraph" in se:
            line = read(as_dict(se["paragraph"])).text.strip()
            if line:
                out.append(line)
        elif "table" in se:
            for row in as_list(as_dict(se["table"]).get("tableRows")):
                cells = [
                    " ".join(cell_text(as_dict(c), 0, texts).text.split())
                    for c in as_list(as_dict(row).get("tableCells"))
                ]
                line = CELL.join(c for c in cells if c)
                if line:
                    out.append(line if CELL in line else f"{line}{CELL}")
