"""A legend: the names a document gives its environments, learnt from any structure that pairs a
name with an environment, whatever its wording.

A careful reader sees a legend by its shape, not its words: several short units next to each
other, each holding one name and one environment ("Orca is production", a table row
`Orca | Production`, a list item "Orca — production", "Orca (production)", "production runs in the
Orca cluster", "Production: Orca"), whose names the rest of the document then uses. So:

- a unit is a table row (its cells, never split), or a line, split while it holds several names:
  at `;`, then `,`, then "and" / "or", then `:` (never inside brackets); or a glossary's entry, a
  name alone on its line and the line after it, which says what it is;
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

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from handoff.core.quickre import opened
from handoff.read import pairgrid
from handoff.read.doctext import Text, Texts, as_dict, as_list, iter_tabs, paragraph_text, structural

Spans = Callable[[str], list[tuple[int, str]]]  # (position, "production" | "trial") of environment words
Pair = tuple[str, str]  # (name, "production" | "trial")
CELL = " | "  # between a row's cells in `row_lines`

_WORD = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")  # (not `Jun-2026` of `22-Jun-2026`)
_NAME = re.compile(r"[A-Z][a-z]{2,15}|[A-Z][A-Z0-9]{1,11}|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+")
_FIGURE = opened(re.compile(r"(?<![\w.-])\d"))  # a token that opens with a digit: a number, a date, `3x`
# A URL, host or file, a whole run of non-spaces: its words are lower case whatever they name. (Every
# match starts where its run does: the run's start is tried first. Saying so spares `re` a scan of
# each run from each of its characters: the same matches.)
_ADDRESS = re.compile(r"(?<!\S)\S*\w(?:[./@]|://)\w\S*")
_ADDRESS_CORE = re.compile(r"(?:[./@](?<=\w.)|://(?<=\w...))(?=\w)")  # what every `_ADDRESS` holds
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
        text = "\n".join(lines)
        if "." in text:  # (blanked to the same length: positions still find their line)
            text = _without_addresses(text)
        lower: set[str] = set()
        capital: dict[str, list[int]] = {}  # capitalised word -> the lines it is written on
        at = 0
        for i, line in enumerate(lines):
            for word in _WORD.findall(text, at, at + len(line)):  # (a line's start is no word's middle)
                if word[0].islower():
                    lower.add(word.casefold())
                else:
                    capital.setdefault(word, []).append(i)
            at += len(line) + 1
        self.names = frozenset(
            w
            for w in capital
            if w.casefold() not in lower and w.casefold() not in _CALENDAR and _NAME.fullmatch(w)
        )
        self.at = {w: capital[w] for w in self.names}
        self.lines = sorted({i for found in self.at.values() for i in found})  # the lines naming one

    def used_outside(self, name: str, first: int, last: int) -> bool:
        return any(i < first or i > last for i in self.at[name])


def _without_addresses(text: str) -> str:
    """`_ADDRESS.sub` blanking each match (a whole run of non-spaces holding `_ADDRESS_CORE`): the runs
    found from their cores, which `re` finds without trying the whole pattern at every position."""
    parts: list[str] = []
    done = 0
    for m in _ADDRESS_CORE.finditer(text):
        if m.start() < done:
            continue  # (in the run blanked already)
        start = end = m.start()
        while start > done and not text[start - 1].isspace():  # (`isspace` is `re`'s `\s`)
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        parts += (text[done:start], " " * (end - start))
        done = end
    return "".join(parts) + text[done:] if parts else text


@functools.lru_cache(maxsize=8)
def _words(lines: tuple[str, ...]) -> _Words:
    """The document's words, scanned once per text: a legend is read again while it learns names."""
    return _Words(list(lines))


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


def _pairs(unit: str, level: int, name: Callable[[str], bool], spans: Spans) -> list[Pair]:
    """The (name, kind) pairs of `unit`: itself when it holds one name and environment words of one
    kind only, in few words; else, when it holds several names (or too many words), its parts at
    the next separator (a table row is never split: its cells are one statement). An environment's
    own words are no name ("Proof of concept | Lark": "Proof" opens the environment)."""
    words = list(_WORD.finditer(unit))
    candidates = [w for w in words if name(w.group(0))]
    if not candidates:
        return []
    named = spans(unit)
    opens = {at for at, _ in named}
    found = {w.group(0) for w in candidates if w.start() not in opens}
    if not found:
        return []
    if len(found) == 1 and len(words) <= _MAX_WORDS:
        kinds = {k for _, k in named}
        if kinds:  # (one name said to be two environments: no pairing)
            return [(found.pop(), kinds.pop())] if len(kinds) == 1 else []
    if CELL in unit:
        return []
    for at in range(level, len(_SPLITS)):
        parts = _split(_SPLITS[at], unit)
        if len(parts) > 1:
            return [pair for part in parts for pair in _pairs(part, at + 1, name, spans)]
    return []


def legend_pairs(lines: Iterable[str], spans: Spans, known: Callable[[str], bool]) -> list[Pair]:
    """(name, "production" | "trial") of every legend in `lines` (one paragraph or table row each,
    as `row_lines` gives them); `spans` finds environment words, `known` says a word is known as
    something else (a product, a field's label, an environment word)."""
    lines = list(lines)
    words = _words(tuple(lines))
    memo: dict[str, bool] = {}

    def unknown_name(word: str) -> bool:
        if word not in memo:
            memo[word] = word in words.names and not known(word)
        return memo[word]

    out: list[Pair] = []
    run: list[Pair] = []
    first = last = -2
    for i in (*words.lines, len(lines) + 1):
        if i <= last:
            continue  # (the line a glossary's name is defined by)
        line = lines[i] if i < len(lines) else ""
        pairs, end = _line_pairs(lines, i, unknown_name, spans), i
        if not pairs and i + 1 < len(lines):
            pairs, end = _defined(line, lines[i + 1], unknown_name, spans), i + 1
        if run and (not pairs or i != last + 1):
            out += _legend(run, functools.partial(words.used_outside, first=first, last=last))
            run = []
        if pairs:
            first = i if not run else first
            run += pairs
            last = end
    return out


def _line_pairs(lines: list[str], i: int, name: Callable[[str], bool], spans: Spans) -> list[Pair]:
    line = lines[i] if i < len(lines) else ""
    return _pairs(line, 0, name, spans) if line and not _FIGURE.search(line) and spans(line) else []


def _defined(line: str, after: str, name: Callable[[str], bool], spans: Spans) -> list[Pair]:
    """A glossary's entry: a name alone on its line (a heading, a bold line, a cell), then a line
    without a name that says what it is ("Orca" / "The production environment.")."""
    found = _WORD.finditer(line)  # (one word, or not: the line read up to its second word at most)
    first = next(found, None)
    if first is None or next(found, None) is not None:
        return []
    words = [first.group(0)]
    if not name(words[0]) or _FIGURE.search(after) or not spans(after):
        return []
    said = _WORD.findall(after)
    if len(said) > _MAX_WORDS or any(name(w) for w in said[1:]):  # (its first word opens a sentence)
        return []
    kinds = {k for _, k in spans(after)}
    return [(words[0], kinds.pop())] if len(kinds) == 1 else []


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
    """The document as lines of its units: a paragraph a line, a table's record (a row, or a
    column of a table laid across) a line of its cells (joined by `CELL`), every tab in turn."""
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
            grid = [
                [_cell_words(as_dict(c), read) for c in as_list(as_dict(row).get("tableCells"))]
                for row in as_list(as_dict(se["table"]).get("tableRows"))
            ]
            for cells in _records(grid):
                line = CELL.join(c for c in cells if c)
                if line:
                    out.append(line if CELL in line else f"{line}{CELL}")


def _cell_words(cell: dict[str, Any], read: Callable[[dict[str, Any]], Text]) -> str:
    """A cell's words on one line: `cell_text`'s, without its links and notes (nested tables flattened)."""
    return " ".join(
        word
        for se in structural(as_list(cell.get("content")), 1)
        if "paragraph" in se
        for word in read(as_dict(se["paragraph"])).text.split()
    )


def _records(grid: list[list[str]]) -> list[list[str]]:
    """A table's records: its rows, or its columns when it is laid across (fewer rows than
    columns, every row as wide: `Cluster | Matterhorn | Eiger` over `Role | live | pre-production`),
    or its pairs when it is folded (`Cluster | Role | Cluster | Role`: `read.pairgrid`)."""
    folded = pairgrid.repeated(grid)
    if folded is not None:
        return pairgrid.unfolded(grid, folded)
    width = len(grid[0]) if grid else 0
    if len(grid) < width and all(len(row) == width for row in grid):
        return [list(column) for column in zip(*grid, strict=True)]
    return grid
