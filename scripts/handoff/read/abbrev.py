"""A key to the tables: abbreviations a document defines once and then uses as whole table cells,
written out in those cells before the tables are read.

A careful reader of a table headed `Env | CH | Repos | MR` with rows `P | BBDC | 1 410 | 1` looks
the short forms up where the document explains them: a key or glossary before or after the tables
("P = production; A = acceptance", "CH = code host", a `Term | Meaning` table, "CU: concurrent
users"), or the place the term was introduced in prose ("concurrent users (CU)", "BBDC (Bitbucket
Data Center)"). What the document says of a column in its key is part of the column too: its unit
("RAM and Disk in GiB") and the way its dates are written ("dd.mm.yy").

So, once per document and only when its text holds a definition:

- a definition is `TERM = meaning` (several on a line, split at `;` or before the next `TERM =`; a
  `Label:` before them aside; `A / B = x / y` pairs them), or, checked by its letters (the term's
  letters appear in order in the meaning, the first one opening it), `TERM: meaning`, `TERM —
  meaning`, a two-cell row `TERM | meaning`, a short sentence ("For L, we have Live production
  service"), `meaning (TERM)` or `TERM (meaning)`; in a run of consecutive entries most of which
  fit (a glossary), every entry counts. A meaning is cut at its first bracket, comma or full stop,
  and holds no figure;
- a term is short (a capital and up to five letters or digits, one hyphenated part; or one sign
  such as `Σ` or `†`), and is only written out where a table cell is made of terms and nothing
  else (`P`, `GL-SM`, `T†`): a cell of words is never touched, nor is any prose;
- a column name the key gives a unit (`X and Y in GiB`) gains it in brackets (`RAM (GiB)`), and
  with a date order declared (`dd.mm.yy`, `mm/dd/yy`) a two-digit year in a cell is written in full.

The written-out texts replace the cells' paragraphs' texts in the document's `Texts` (the document
itself is not changed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from handoff.core.quickre import opened, quick
from handoff.read.doctext import Text, Texts, as_dict, as_list, iter_tabs

_TERM = r"(?:[A-Z][A-Za-z0-9]{0,5}(?:-[A-Z0-9]{1,4})?|[Σ†‡§¤#*])"
_TERM_RE = re.compile(_TERM)
_TERMS = rf"{_TERM}(?:\s*/\s*{_TERM})*"
# `TERM =` (or `A / B =`) where a definition opens: a line's start, after `;`, `,` or `:`
_EQ = re.compile(rf"(?:^|(?<=[;,:•·])|(?<=\s))({_TERMS})\s*[=≙]\s+")
_CUT = re.compile(r"\s*(?:\(|\[|,|;|\.(?:\s|$)|\s[–—]\s)")
_COLON = re.compile(rf"^\s*(?:[•*–-]\s*)?({_TERM})\s*(?::|\s[–—-])\s+(.+)$")
_BRACKET_AFTER = re.compile(rf"\(({_TERM})\)")  # "concurrent users (CU)"
_BRACKET_BEFORE = opened(
    re.compile(rf"(?<![\w-])({_TERM})\s+\(([^()]{{3,60}})\)")
)  # "BBDC (Bitbucket Data Center)"
_WORDS = re.compile(r"[^\W\d_][\w'-]*")
_WORD_SHAPE = re.compile(r"[A-Z][a-z]+")  # a capitalised word ("As", "For"): a term only failing others
_CAPITAL = re.compile(r"(?<![\w-])[A-Z]")
_TOKEN = re.compile(r"(?<![\w-])[^\s,.:;()]+(?![\w-])")
_DIGIT = re.compile(r"\d")
_CELL_TERMS = re.compile(rf"\s*((?:{_TERM})(?:\s*(?:{_TERM}))?)\s*")  # a cell of one or two terms ("T†")
_UNIT = re.compile(
    r"(?:^|(?<=[;:.•]))\s*([^;:.\n]{1,60}?)\s+(?:are\s+|is\s+)?in\s+(GiB|GB|TiB|TB|MiB|MB)\b(?!\s*/)",
    re.MULTILINE,
)
_UNIT_AFTER = re.compile(r"in\s+(?:GiB|GB|TiB|TB|MiB|MB)\b")  # (opening with its literal: found quickly)
_UNIT_SPLIT = re.compile(r"\s*(?:,|\band\b|&|/)\s*")
_ORDER = quick(r"\b(dd|mm)([./-])(mm|dd)\2yy\b", re.IGNORECASE)  # (a document without "yy" is not scanned)
_SHORT_YEAR = re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2(\d{2})\b")
_MAX_WORDS = 8
_PLACE_WORD = re.compile(r"acceptance|stage|shadow", re.IGNORECASE)  # (`envwords._PLACE_ONLY`)
_NAME_SHAPE = re.compile(r"[-\d]")
_SIGNS = frozenset("Σ†‡§¤#*")


def _letters_fit(term: str, meaning: str) -> bool:
    """Whether the term's letters appear in order in the meaning, its first opening the meaning."""
    letters = [c for c in term.casefold() if c.isalpha()]
    text = meaning.casefold()
    if not letters or not text.startswith(letters[0]):
        return False
    at = 0
    for c in letters:
        at = text.find(c, at)
        if at < 0:
            return False
        at += 1
    return True


def _meaning(text: str) -> str:
    cut = _CUT.search(text)
    meaning = (text[: cut.start()] if cut else text).strip(" .:")
    words = _WORDS.findall(meaning)
    if (
        not words
        or len(meaning.split()) > _MAX_WORDS
        or _DIGIT.search(meaning)
        or "://" in meaning
        or "=" in meaning
    ):
        return ""
    return meaning


def _add(terms: dict[str, str], term: str, meaning: str, checked: bool) -> None:
    meaning = _meaning(meaning)
    if not meaning or meaning.casefold() == term.casefold():
        return
    if checked and not (term in _SIGNS or _letters_fit(term, meaning)):
        return
    terms.setdefault(term, meaning)


def _equals(line: str, terms: dict[str, str]) -> None:
    found = list(_EQ.finditer(line))
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(line)
        rest = line[m.end() : end].rstrip(" ;,")
        names = [t.strip() for t in m.group(1).split("/")]
        if len(names) > 1:  # "Start / Done = infrastructure work started / infrastructure handed over"
            cut = _CUT.search(rest)
            parts = [p.strip() for p in (rest[: cut.start()] if cut else rest).split("/")]
            if len(parts) == len(names):
                for name, part in zip(names, parts, strict=True):
                    _add(terms, name, part, checked=False)
            continue
        _add(terms, names[0], rest, checked=False)


def _entry(line: str) -> tuple[str, str] | None:
    """(term, text after it) of a glossary entry: a two-cell row `CU | concurrent users`, a line
    `CU: concurrent users` or `CU — concurrent users`."""
    cells = line.split(" | ")
    if len(cells) == 2:
        term = cells[0].strip()
        return (term, cells[1]) if _TERM_RE.fullmatch(term) else None
    colon = _COLON.match(line) if len(cells) == 1 else None
    if colon:
        return colon.group(1), colon.group(2)
    return _told(line) if len(cells) == 1 and len(line) <= 90 else None


def _told(line: str) -> tuple[str, str] | None:
    """A glossary's entry told in a short sentence ("For L, we have Live production service.", "The
    MEM entry reads Memory."): a term among its first words, then a meaning its letters fit, else
    (a code or a sign) the words from the first capital after it ("As to S, it is Kestrel copy")."""
    found = [m for m in _TOKEN.finditer(line, 0, min(len(line), 30)) if _TERM_RE.fullmatch(m.group(0))]
    codes = [m for m in found if _WORD_SHAPE.fullmatch(m.group(0)) is None]
    for m in codes or found:  # `BA`, never `As`, in "As to BA, it is …"; a word only with no code
        term = m.group(0)
        initial = term[0].casefold()
        for w in _WORDS.finditer(line, m.end()):
            if w.group(0)[0].casefold() == initial and _letters_fit(term, _meaning(line[w.start() :])):
                return term, line[w.start() :]
    for m in codes:
        capital = _CAPITAL.search(line, m.end())
        if capital:
            return m.group(0), line[capital.start() :]
    return None


def _glossary(entries: list[tuple[str, str]], terms: dict[str, str]) -> None:
    """A run of consecutive entries is a glossary when most of its terms' letters fit their meanings:
    then every entry of it is a definition (`S | Hazel copy`, a name the document gave its staging)."""
    fit = sum(1 for term, text in entries if _letters_fit(term, _meaning(text)) or term in _SIGNS)
    whole = fit >= 2 and 2 * fit >= len(entries)
    for term, text in entries:
        _add(terms, term, text, checked=not whole)


def definitions(lines: list[str], wanted: frozenset[str] | None = None) -> dict[str, str]:
    """Term → meaning, of every definition in the document's lines (paragraphs and table rows, the
    cells of a row joined by " | "); with `wanted`, of those terms only (`_wanted_definitions`)."""
    if wanted is not None:
        return _wanted_definitions(lines, wanted)
    terms: dict[str, str] = {}
    run: list[tuple[str, str]] = []
    for line in lines:
        equals = "=" in line or "≙" in line
        if equals:
            _equals(line, terms)
        entry = None if equals else _entry(line)  # (`Env: P = production`: the `=` defines)
        if entry is not None:
            run.append(entry)
            continue
        if run:
            _glossary(run, terms)
            run = []
        if "(" in line:
            _bracketed(line, terms)
    if run:
        _glossary(run, terms)
    return terms


def _bracketed(line: str, terms: dict[str, str]) -> None:
    """The terms a line introduces in brackets: "concurrent users (CU)", "BBDC (Bitbucket Data Center)"."""
    for m in _BRACKET_AFTER.finditer(line):
        before = _WORDS.findall(line[max(0, m.start() - 80) : m.start()])
        for k in range(1, min(len(before), len(m.group(1)) + 2) + 1):
            if _letters_fit(m.group(1), " ".join(before[-k:])):
                _add(terms, m.group(1), " ".join(before[-k:]), checked=True)
                break
    for m in _BRACKET_BEFORE.finditer(line):
        _add(terms, m.group(1), m.group(2), checked=True)


def _wanted_definitions(lines: list[str], wanted: frozenset[str]) -> dict[str, str]:
    """`definitions(lines)` for the `wanted` terms, the same meanings, without reading every line: a
    term is defined only on a line that holds it (its `=` line, its brackets, its glossary entry), so
    only those lines are read, and a glossary's run of entries around one of them (the run decides
    how its entries are checked). The definitions are added in the order `definitions` adds them
    (a term's first definition wins): a line's `=` first, then the run that ends before it, then its
    brackets."""
    if not wanted:
        return {}
    holds = re.compile("|".join(re.escape(t) for t in sorted(wanted, key=len, reverse=True)))
    entries = _Entries(lines)
    steps: list[tuple[int, int, Callable[[dict[str, str]], None]]] = []  # (line, order in the line, add)
    runs: set[tuple[int, int]] = set()
    for i, line in enumerate(lines):
        if holds.search(line) is None:
            continue
        if "=" in line or "≙" in line:
            steps.append((i, 0, partial(_equals, line)))
        if entries.at(i) is None:
            if "(" in line:
                steps.append((i, 2, partial(_bracketed, line)))
            continue
        a, b = entries.run(i)
        if (a, b) not in runs:
            runs.add((a, b))
            run = [e for k in range(a, b + 1) if (e := entries.at(k)) is not None]
            steps.append((b + 1, 1, partial(_glossary, run)))
    terms: dict[str, str] = {}
    for _, _, add in sorted(steps, key=lambda step: step[:2]):
        add(terms)
    return {t: m for t, m in terms.items() if t in wanted}


class _Entries:
    """The glossary entry of each line (`_entry`; none on a `=` line), worked out when asked."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.found: dict[int, tuple[str, str] | None] = {}

    def at(self, i: int) -> tuple[str, str] | None:
        if i not in self.found:
            line = self.lines[i]
            self.found[i] = None if "=" in line or "≙" in line else _entry(line)
        return self.found[i]

    def run(self, i: int) -> tuple[int, int]:
        """The first and last line of the run of consecutive entries holding line `i` (an entry)."""
        a, b = i, i
        while a > 0 and self.at(a - 1) is not None:
            a -= 1
        while b + 1 < len(self.lines) and self.at(b + 1) is not None:
            b += 1
        return a, b


def _spoken(term: str, lines: list[str]) -> bool:
    """Whether the document writes a code shaped as a name (`LON-1`, `P1`) anywhere but its
    definition and as whole table cells ("LON-1 total", "IRL-1 failover never exercised"): a name the
    document speaks in, which the reader learns as a name (`read.legends`, declared names), not a
    key's code to write out."""
    word = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
    seen = 0
    for line in lines:
        if term in line:
            seen += sum(1 for cell in line.split(" | ") if cell.strip() != term and word.search(cell))
    return seen > 1


def _units(lines: list[str]) -> dict[str, str]:
    """Column name → the unit the key gives it ("RAM and Disk in GiB")."""
    out: dict[str, str] = {}
    for line in lines:
        if " in " not in line or _UNIT_AFTER.search(line) is None:
            continue  # (every `_UNIT` match ends with "in GiB" or the like: most lines have none)
        for m in _UNIT.finditer(line):
            for name in _UNIT_SPLIT.split(m.group(1).strip()):
                if name and len(name.split()) <= 3:
                    out.setdefault(name.strip(), m.group(2))
    return out


def _rows(content: list[Any]) -> Iterator[tuple[bool, list[list[dict[str, Any]]]]]:
    """(a header row, each cell's paragraphs) of every table row of `content`, nested tables too."""
    for se in content:
        se = as_dict(se)
        if "table" not in se:
            continue
        for r, row in enumerate(as_list(as_dict(se["table"]).get("tableRows"))):
            cells = [
                as_list(as_dict(cell).get("content")) for cell in as_list(as_dict(row).get("tableCells"))
            ]
            yield (
                r == 0,
                [[as_dict(x["paragraph"]) for x in map(as_dict, c) if "paragraph" in x] for c in cells],
            )
            for inner in cells:
                yield from _rows(inner)


def _written_out(text: str, terms: dict[str, str], units: dict[str, str], header: bool, order: str) -> str:
    stripped = text.strip()
    if not stripped:
        return text
    unit = units.get(stripped, "") if header else ""
    m = _CELL_TERMS.fullmatch(stripped)
    if m is not None:
        found = _TERM_RE.findall(m.group(1))
        if found and all(t in terms for t in found):
            out = terms[found[0]]
            if _PLACE_WORD.fullmatch(out):  # "A = acceptance" in an environment's key: the place, not
                out += " environment"  # the milestone "acceptance" is alone
            if len(found) > 1:
                out += f" ({terms[found[1]]})"
            elif _NAME_SHAPE.search(found[0]):  # a code shaped as a name (`LON-1`, `P1`) stays beside
                out += f" ({found[0]})"  # its meaning: the document goes on using it (`LON-1 total`)
            stripped = out
    unit = unit or (units.get(stripped, "") if header else "")
    if unit:
        stripped = f"{stripped} ({unit})"
    if order and not header:
        stripped = _SHORT_YEAR.sub(
            lambda d: f"{d.group(1)}{d.group(2)}{d.group(3)}{d.group(2)}20{d.group(4)}", stripped
        )
    return stripped if stripped != text.strip() else text


def _terms(
    lines: list[str], named: Callable[[str], str], wanted: frozenset[str] | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """(term → what a cell of it is read as, term → its meaning as defined); with `wanted`, of those
    terms only."""
    defined = definitions(lines, wanted)
    for term in list(defined):
        if named(term) or (_NAME_SHAPE.search(term) and term not in _SIGNS and _spoken(term, lines)):
            del defined[term]  # (a name the reader learnt already: `NPD zone (non-production)`)
    # a meaning naming production ("Live production service") makes its row or column production's
    return {t: "Production" if named(m) == "production" else m for t, m in defined.items()}, defined


def _defines(cells: list[list[dict[str, Any]]], texts: Texts, defined: dict[str, str]) -> bool:
    """Whether a row is one of the glossary's own (`L | Live production service`)."""
    if len(cells) != 2 or len(cells[0]) != 1 or len(cells[1]) != 1:
        return False
    term, meaning = (texts.paragraph(c[0]).text.strip() for c in cells)
    return term in defined and _meaning(meaning) == defined[term]


def expand(
    doc: dict[str, Any], text: str, lines: list[str], texts: Texts, named: Callable[[str], str]
) -> bool:
    """Write out, in `texts`, the table cells of `doc` made of terms its key defines (its `text`,
    one paragraph a line; `lines`, its paragraphs and table rows; `named`, the environment a text
    names). Whether any cell changed."""
    if "=" not in text and "(" not in text and ":" not in text:
        return False
    tabs = as_list(doc.get("tabs"))
    holders = [as_dict(as_dict(t).get("documentTab")) for _, t in iter_tabs(tabs, ())] if tabs else [doc]
    rows = [row for holder in holders for row in _rows(as_list(as_dict(holder.get("body")).get("content")))]
    # only the terms table cells are made of can be written out: only theirs are looked up
    terms, defined = _terms(lines, named, _cell_terms(rows, texts))
    units = _units(lines) if " in " in text else {}
    order = "" if _ORDER.search(text) is None else "declared"
    if not terms and not units and not order:
        return False
    changed = False
    for header, cells in rows:
        if _defines(cells, texts, defined):
            continue
        for p in (p for paragraphs in cells for p in paragraphs):
            old = texts.paragraph(p)
            new = _written_out(old.text, terms, units, header, order)
            if new is not old.text:
                texts.replace(p, Text(new, [], old.bold, []))
                changed = True
    return changed


def _cell_terms(rows: list[tuple[bool, list[list[dict[str, Any]]]]], texts: Texts) -> frozenset[str]:
    """The terms of every table cell made of terms (`P`, `GL-SM`, `T†`): the only ones
    `_written_out` writes out, and the only ones a glossary row (`_defines`) can open with."""
    found: set[str] = set()
    for _, cells in rows:
        for p in (p for paragraphs in cells for p in paragraphs):
            m = _CELL_TERMS.fullmatch(texts.paragraph(p).text.strip())
            if m is not None:
                found.update(_TERM_RE.findall(m.group(1)))
    return frozenset(found)
