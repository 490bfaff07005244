"""A document's own machine types: provider shapes the reader has no pattern for (`g2i.16`, `b3-64`,
`CCX63`), learnt once per document from how the document writes them.

The reader knows AWS, Google Cloud and Azure types by their shape (`read.shapes`); other providers
(STACKIT, OVHcloud, Hetzner, a hardware vendor's server model) name their machines in shapes of
their own. A careful reader sees a machine type by what is written around a token, not by the
token: a token of a provider's shape (a letter first, then letters and digits with a digit among
them, parts joined by `.`, `-` or `_`) is one of the document's machine types when the document
writes it as machines are written:

* after a count and a times sign (`4 × g2i.16`, `1 x CCX63`), or after an article (`on a CCX53 —
  32 vCPU`) when the CPU figure follows, and
* with a CPU figure right after it on its line (`4 × g2i.16 (16 vCPU / 64 GB je Knoten)`,
  `1 × CCX63 (48 dedicated vCPU, 192 GB RAM)`, the machines' total after an equals sign: `5 ×
  rnd-w-16x64 = 80 vCPU / 320 GB`), or a machine noun right after it (`3 × b3-64
  nodes`), or as the whole of a line (a cell, a value) whose line before is a short label naming
  machines (`Worker nodes` over `5 × b3-64 (+1 node planned for 2027)`), or the whole value of
  such a label on its own line (`machine: 1 × CCX63`, `servers: 3 x b3-64`).

or as a counted machine the token names (`two Hetzner Cloud CCX63 servers`, `three Dell PowerEdge
R660 servers`: a count, up to two capitalised words of the maker, the token, a machine noun), or
after a machine's type words (`Server plan …`, `instance flavour b3-64`, `machine type …`), or one a
type word names outright (`Flavour rcp.mem.xl`, `4 VMs of flavour rcp.mem.xl`, `Catalogue size:
MEM-XXL`, `VM class kws-mem-16x128`): such a token may be letters only, parts a separator joins (an
internal catalogue's names; a lone size word, `XL`, `large`, never).

A volume (`3 × gp3 volumes (500 GB)`) has no CPU figure and no machine noun: it is not learnt. The
types of a learnt type's family (the same token but for its last number: `g2i.8` beside `g2i.16`,
`b3-32` beside `b3-64`) are the document's too. Learnt types are matched as written (case kept)
wherever the reader looks for an instance type, within that document only (`shapes.OWN_TYPES`);
their vCPU and memory come only from the document (they are not in `config/instance_types.toml`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handoff.core.quickre import LinePattern, QuickPattern, by_line, quick
from handoff.read import shapes

# A provider-style token: a letter first, a digit somewhere, parts joined by `.`, `-` or `_`.
_TOKEN = r"[A-Za-z][A-Za-z0-9]*(?:[.\-_][A-Za-z0-9]+)*"
_MACHINE_NOUN = r"(?:nodes?|vms?|machines?|instances?|servers?|workers?|hosts?|boxes)"
_COUNTED = re.compile(rf"(?<![\w.,])\d{{1,3}}\s*[x×]\s*(?P<t>{_TOKEN})(?![\w.\-])")
_CPU_AFTER = re.compile(  # `(16 vCPU / …`, `, 48 dedicated vCPU`: a CPU figure opening what follows
    r"^\s*[(\[,:=–—-]?\s*(?:with\s+|each(?:\s+one)?\s+)?\d+(?:[\s-]*(?:[^\W\d_]{4,14}\s+)?"
    r"(?:v?CPUs?|vcores?|cores?)\b|\s?c\s?/\s?\d+(?:\.\d+)?\s?(?:g|gb|gib|gi)\b)",  # (a note's `32c/128g`)
    re.IGNORECASE,
)
# one machine named by its article with its CPU figure after it: "Rebuilt on a CCX53 — 32 vCPU, 128 GB"
_ONE = re.compile(rf"(?<![\w.,-])(?i:a|an|one|a\s+single|single)\s+(?P<t>{_TOKEN})(?![\w.\-])")
_NOUN_AFTER = re.compile(rf"^\s+{_MACHINE_NOUN}\b", re.IGNORECASE)
# a counted machine whose noun the token names (`a single Hetzner Cloud CCX63 server`, `three R660
# servers`: a count, up to two capitalised words of the maker, the token, a machine noun), or a token a
# machine's type words introduce (`Server plan 20xCPU-128GB`, `instance flavour b2-30`)
_COUNT_WORD = r"(?:a\s+single|single|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,3})"
_NAMED_MACHINE = re.compile(  # (within a line: run once over the whole text)
    rf"(?<![\w.,-])(?i:{_COUNT_WORD})[ \t]+(?:[A-Z][\w-]*[ \t]+){{0,2}}(?P<t>{_TOKEN})"
    rf"[ \t]+(?i:{_MACHINE_NOUN})\b"
)
# (a label's colon may follow the type words, and a bracketed aside before it: `Server type (e.g. CCX33,
# m6i.4xlarge): CCX43`, a form's prompt with its examples; the examples are no answer, the token after is)
_TYPE_WORD = quick(
    rf"\b(?:server|machine|instance|vm|node)[ \t]+(?:plan|type|flavou?r|size|model)"
    rf"(?:[ \t]*\([^()\n]{{0,80}}\))?(?:[ \t]*[:=])?[ \t]+"
    rf"(?P<t>{_TOKEN})(?![\w.\-])(?![ \t]+v\d)",  # (not Azure's `D16s v5`)
    re.IGNORECASE,
)
# a token a type word names outright, in a label or a phrase (`Flavour rcp.mem.xl`, `4 VMs of flavour
# rcp.mem.xl`, `Catalogue size: MEM-XXL`, `VM class kws-mem-16x128`): it may have no digit, only parts
# of letters a separator joins (an internal catalogue's names), never a lone size word (`XL`, `large`)
_NAMED_TYPE = quick(
    r"\b(?:flavou?r|(?:vm|machine|instance|node|catalog(?:ue)?|t-shirt|server)\s+(?:size|class|plan|flavou?r))"
    rf"[ \t]*(?::[ \t]*|=[ \t]*)?(?P<t>{_TOKEN})(?![\w.\-])(?![ \t]+v\d)",  # (not Azure's `D16s v5`)
    re.IGNORECASE,
)
_JOINED_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.\-_][A-Za-z0-9]+)+")
_MACHINES_LABEL = re.compile(rf"^\W*(?:\w+\s+){{0,3}}{_MACHINE_NOUN}\W*$", re.IGNORECASE)
_NOT_TYPES = re.compile(  # units, CPU words and versions are no machine types
    r"(?:[KMGTP]i?B|[KMGT]i|v?CPUs?|vcores?|cores?|v\d+(?:\.\d+)*|\d\w*)", re.IGNORECASE
)
# a provider's family and size with no digit (`standard.titan`, `memory.extra-large`): its family is
# every size of it (`standard.huge`, `standard.large` beside it)
_FAMILY_SIZE = re.compile(r"(?P<family>[a-z]{3,})\.[a-z]{3,}(?:-[a-z]+)*")
_LAST_NUMBER = re.compile(r"^(?P<head>.*?)(?P<n>\d+)(?P<tail>\D*)$")


def learn(text: str) -> frozenset[str]:
    """The families (regex sources) of the machine types a document's text writes as machines."""
    families: set[str] = set()
    for m in (*_NAMED_MACHINE_LINES.finditer(text), *_TYPE_WORD_LINES.finditer(text)):
        if _learnable(m.group("t")):
            families.add(_family(m.group("t")))
    for m in _named_types(text):
        if _learnable(m.group("t"), named=True):
            families.add(_family(m.group("t")))
    for start, end in _lines_of(text, [m.start() for m in _COUNTED_LINES.finditer(text)]):  # (few lines)
        line, previous = text[start:end], _line_before(text, start)
        for m in _COUNTED.finditer(line):
            token = m.group("t")
            if _learnable(token) and _written_as_machine(line, m, previous):
                families.add(_family(token))
    for start, end in _lines_of(text, [at for word in ("CPU", "cpu") for at in _found(text, word)]):
        line = text[start:end]
        families |= {_family(m.group("t")) for m in _ONE.finditer(line)
                     if _learnable(m.group("t")) and _CPU_AFTER.match(line[m.end() :])}  # fmt: skip
    return frozenset(families)


# The document's text is read line by line where a match may be (`quickre.LinePattern`): a named machine
# ends with its machine noun on its line (a count word's `a single` written over two lines gives the
# same token from `single` on: the families are the same), a type word's token follows it on its line.
_NAMED_MACHINE_LINES = LinePattern(
    re.compile(_NAMED_MACHINE.pattern.replace(r"a\s+single", r"a[^\S\n]+single")),
    ("node", "vm", "machine", "instance", "server", "worker", "host", "box"),
    folded=True,
)
_TYPE_WORD_LINES = by_line(_TYPE_WORD)
# `_COUNTED` within one line (what it finds in a line of the text is what it finds in the line alone)
_COUNTED_LINES = LinePattern(
    re.compile(_COUNTED.pattern.replace(r"\s*", r"[^\S\n]*")), ("x", "×"), folded=False
)


_FOLDS_OTHERWISE = "\u0130\u0131\u017f\u212a"  # `İ` (lowered to two characters), `ı`, `ſ`, `K`
_TYPE_WORDS = ("flavo", "size", "class", "plan")  # (a type word's own: every `_NAMED_TYPE` match holds one)
_KIND_LENGTHS = range(2, 10)  # the lengths of the kinds before one (`vm` … `catalogue`)


def _named_types(text: str) -> Iterator[re.Match[str]]:
    """`_NAMED_TYPE.finditer(text)`, in a long text tried only where a match can start: at a type
    word (`flavour`), or at a machine kind's word (2 to 9 letters: `vm` … `catalogue`) ending right
    before the white space ahead of one (`size`, `class`, `plan`, `flavour`), found by `str.find` in
    the text lowered (its characters where they were: no `İ`; and no letter `re` folds to an ASCII one
    otherwise than `str.lower`, `ſ` `ı` `K`). Those places, tried in order from where the last match
    ended, give the matches `finditer` gives (it tries every place; a place no match can start at gives
    none)."""
    if len(text) < 600 or any(c in text for c in _FOLDS_OTHERWISE):
        yield from _NAMED_TYPE.finditer(text)
        return
    low = text.lower()
    starts: set[int] = set()
    for word in _TYPE_WORDS:
        for at in _found(low, word):
            if word == "flavo":
                starts.add(at)
            end = at
            while end > 0 and low[end - 1].isspace():
                end -= 1
            if end < at:
                starts.update(end - n for n in _KIND_LENGTHS if end - n >= 0)
    pattern = _NAMED_TYPE.pattern_object if isinstance(_NAMED_TYPE, QuickPattern) else _NAMED_TYPE
    done = 0
    for at in sorted(starts):
        if at < done:
            continue
        m = pattern.match(text, at)
        if m is not None:
            yield m
            done = m.end()


def _found(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _lines_of(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` (split at new lines) holding one of `positions`, once each."""
    lines: dict[int, int] = {}
    for at in positions:
        start = text.rfind("\n", 0, at) + 1
        if start not in lines:
            end = text.find("\n", at)
            lines[start] = len(text) if end < 0 else end
    return sorted(lines.items())


def _line_before(text: str, start: int) -> str:
    """The last line before the one starting at `start` that is not blank, or ""."""
    end = start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end].strip():
            return text[begin:end]
        end = begin - 1
    return ""


def _learnable(token: str, named: bool = False) -> bool:
    """A token of a provider's shape, not one the reader knows already, a unit or a version; one a type
    word names outright (`named`) may be letters only, in parts a separator joins (`rcp.mem.xl`)."""
    return (
        len(token) >= 4
        and (
            any(c.isdigit() for c in token)
            or bool(_FAMILY_SIZE.fullmatch(token))
            or (named and bool(_JOINED_NAME.fullmatch(token)))
        )
        and not _NOT_TYPES.fullmatch(token)
        and not shapes.KNOWN_TYPE.fullmatch(token)
    )


def _written_as_machine(line: str, m: re.Match[str], previous: str) -> bool:
    after = line[m.end() :]
    if _CPU_AFTER.match(after) or _NOUN_AFTER.match(after):
        return True
    whole = m.start() == len(line) - len(line.lstrip())  # the count opens the line (a cell, a value)
    if whole:
        return bool(_MACHINES_LABEL.match(previous))
    # `machine: 1 × CCX63`: the count is the value of a label naming machines (an AWS type written
    # short, `6x zz9.4xl`, is read only when it is a known one: `shapes.SHORT_TYPES`)
    lead = line[: m.start()].rstrip()
    return lead.endswith(":") and bool(_MACHINES_LABEL.match(lead)) and not _SHORT_XL.fullmatch(m.group("t"))


_SHORT_XL = re.compile(r"[a-z][a-z0-9]*\d[a-z0-9]*\.\d*xl", re.IGNORECASE)


def _family(token: str) -> str:
    """`g2i.16` → `g2i\\.\\d+`: the token with its last number free (providers number their sizes)."""
    named = _FAMILY_SIZE.fullmatch(token)
    if named and not any(c.isdigit() for c in token):
        return re.escape(named.group("family")) + r"\.[a-z]{3,}(?:-[a-z]+)*"
    m = _LAST_NUMBER.match(token)
    if m is None or len(m.group("head")) < 2:
        return re.escape(token)
    return re.escape(m.group("head")) + r"\d+" + re.escape(m.group("tail"))


# a header naming a column of machine types (`Server type`, `Instance type`, `Flavour`, `Type`), and one
# naming a column of a machine's figures (`vCPU`, `RAM (GB)`, `Memory`)
_TYPE_HEADER = re.compile(
    r"\s*(?:(?:server|machine|instance|vm|node)\s+)?(?:type|flavou?r|plan|shape|model)\s*", re.IGNORECASE
)
_FIGURE_HEADER = quick(r"\b(?:v?cpus?|vcores?|cores?|ram|memory|mem)\b", re.IGNORECASE)
_CELL = " | "  # (`legends.CELL`: between a row's cells in `legends.row_lines`)


def learn_columns(lines: list[str]) -> frozenset[str]:
    """The families of the machine types a table writes in a column of its own: under a header naming
    machine types (`Server type`, `Type`) in a table whose header also names a machine's figures
    (`vCPU`, `RAM (GB)`), every cell that is one provider-shaped token (`CCX33`) is a machine type,
    as the header says (`lines`: the document's rows as lines of cells, `legends.row_lines`)."""
    families: set[str] = set()
    column: int | None = None
    width = 0
    for line in lines:
        cells = line.split(_CELL) if _CELL in line else []
        if not cells:
            column = None
            continue
        if column is not None and len(cells) == width:
            token = cells[column].strip()
            if re.fullmatch(_TOKEN, token) and _learnable(token):
                families.add(_family(token))
            continue
        kinds = [k for k, c in enumerate(cells) if _TYPE_HEADER.fullmatch(c)]
        figures = any(_FIGURE_HEADER.search(c) for c in cells)
        column, width = (kinds[0], len(cells)) if len(kinds) == 1 and figures else (None, 0)
    return frozenset(families)


__all__ = ["learn", "learn_columns"]
