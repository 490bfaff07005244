"""`make eval-styles`: does the TDD reader keep its answers when only the writing style changes?

    python -m bench.metamorphic [DIR ...] [--json]

Each HTML document of the sets (default: the corpus) is rewritten by one style transform at a
time, a change a careful human reader would not even notice, and scored against its unchanged key
(scoring as `make eval`: recall, precision, values from a wrong environment or a limit). A
reader that generalises keeps its figures under every transform; one that learnt the corpus's
phrasing loses them. Nobody tunes on the transformed text: the transforms model how other
writers write, and the figures show which axis of style the reader still depends on.

The transforms touch only the text a reader sees (never a tag, an attribute or a URL):

* thousands-space: `4,180` -> `4 180` (thousands grouped with a space, as in most of Europe; by
  document a plain, a no-break or a narrow no-break space, or a Swiss apostrophe `4'180`);
* european-numbers: `4,180` -> `4.180` and `3.5` -> `3,5` (German, Dutch, Danish … notation);
* dates-reworded: `2026-08-03` -> `3 August 2026`, and `3 August 2026` / `August 3, 2026` -> ISO;
* dates-dotted: every date as `03.08.2026`;
* environment-codes: production / staging / trial … written as codes (`PRD`, `STG`, `TRL` …)
  that a legend at the top of the document defines;
* environment-names: the same, under names of the customer's own (`Orca` is production …);
* headings-as-bold: headings become bold paragraphs (documents styled by hand);
* label-tables-as-lines: two-column tables become `Label: value` paragraphs;
* tables-transposed: rectangular tables turned a quarter (environments as columns become rows).
* units-reworded: `64 GB` -> `64 gigabytes` / `64GB` / `64 gigs` / `64 GBytes`, `32 vCPU` ->
  `32 vCPUs` / `32 cores` / `32 virtual CPUs` (one spelling set by document);
* label-synonyms: field labels replaced by labels read the same (`Repositories` -> `Repo count`);
* table-rows-as-sentences: two-column label tables as prose, sentence frames varied by row;
* tables-as-lists: two-column label tables as bulleted `label — value` items;
* headings-numbered: headings numbered by level (`2.1 Production`, `Section 2.1: Production`).
* sections-reordered: production's section moved after its sibling environments' sections, or
  before them if it came last (only where environments are adjacent sibling sections).
* edited-values: documents left mid-edit: a figure (a size or CPU count with its unit, a count of
  repositories, a labelled or lone figure in a cell) gets an older figure beside it, struck through
  (`<s>`, `~~`), before an arrow (`→`, `->`), or after it (`(was …)`, `(previously …)`,
  `(corrected from …)`, `, not …`); the older figures are scored as wrong values.
* template-leftovers: the template's guidance with example values after the title (scored as
  wrong values) and a closing part of fields holding only a placeholder (`TBD`, `<N>`, `x.x`, `?`).
* ditto-cells: a table cell equal to the one above it written as a ditto mark (`〃`, `"`, `ditto`,
  `same as above`, `as above`, `same as <the row above>`).
* translated: the visible text in one of seven languages by document (bench/translated.py).

The later probes vary their own wording by document (`_pick`): a probe written one way is learnt
that way.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench import eval_tdd, scalestyles, tablestyles, translated
from bench.eval_tdd import COUNT_FIELDS, SIZE_FIELDS
from bench.eval_tdd import SIZE_GB as _SIZE_GB
from handoff.core.fields import Catalogue, load_catalogue
from handoff.core.settings import PROJECT_ROOT
from handoff.read.tdd import html_document

DEFAULT_SETS = ("tdd_corpus",)
MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]
_TEXT = re.compile(r">([^<>]+)<")
_BODY = re.compile(r"<body[^>]*>", re.I)


def _in_text(html: str, fn: Callable[[str], str]) -> str:
    """`fn` applied to every text node of the body (tags, attributes and the head left alone)."""
    match = _BODY.search(html)
    start = match.end() - 1 if match else 0
    body = _TEXT.sub(lambda m: ">" + fn(m.group(1)) + "<", html[start:])
    return html[:start] + body


_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3})+)(?![\d,]|\.\d)")
_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w,/-]|\.\d)")


# a plain space, a no-break space (Word, French), a narrow no-break space (SI), an apostrophe (Swiss)
GROUPINGS = (" ", "\u00a0", "\u202f", "'")


def _pick(html: str, choices: int) -> int:
    """A choice fixed by the document's own text, so a probe varies from document to document."""
    return zlib.crc32(html.encode("utf-8")) % choices


def thousands_space(html: str) -> str:
    mark = GROUPINGS[_pick(html, len(GROUPINGS))]
    return _in_text(html, lambda t: _THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(",", mark), t))


def european_numbers(html: str) -> str:
    """`4,180` -> `4.180` and `3.5` -> `3,5` (numbers only: versions, addresses and types kept)."""

    def swap(m: re.Match[str]) -> str:
        whole, fraction = m.group(1), m.group(2) or ""
        return whole.replace(",", ".") + fraction.replace(".", ",")

    return _in_text(html, lambda t: _NUMBER.sub(swap, t))


_MONTH = "|".join(MONTHS)
_DATE = re.compile(
    rf"\b(?P<iso>(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d))\b"
    rf"|\b(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH}) (?P<y2>20\d\d)\b"
    rf"|\b(?P<m3>{_MONTH}) (?P<d3>\d{{1,2}}), (?P<y3>20\d\d)\b"
)


def _reword(m: re.Match[str]) -> str:
    """An ISO date in words (`3 August 2026`), a date in words as ISO."""
    if m.group("iso"):
        number = int(m.group("m"))
        return f"{int(m.group('d'))} {MONTHS[number - 1]} {m.group('y')}" if 1 <= number <= 12 else m.group(0)
    day, month, year = (
        (m.group("d2"), m.group("m2"), m.group("y2"))
        if m.group("d2")
        else (m.group("d3"), m.group("m3"), m.group("y3"))
    )
    return f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


def dates_reworded(html: str) -> str:
    return _in_text(html, lambda t: _DATE.sub(_reword, t))


def _dotted(m: re.Match[str]) -> str:
    """Any ISO or worded date as `dd.mm.yyyy` (day first, as Germany, Norway or Finland write it)."""
    iso = _reword(m) if not m.group("iso") else m.group("iso")
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}" if month.isdigit() and 1 <= int(month) <= 12 else m.group(0)


def dates_dotted(html: str) -> str:
    return _in_text(html, lambda t: _DATE.sub(_dotted, t))


CODES = {
    "production": "PRD",
    "prod": "PRD",
    "staging": "STG",
    "trial": "TRL",
    "proof of concept": "POC",
    "pilot": "PLT",
    "development": "DEV",
}
_ENV = re.compile(
    r"(?<![\w./@-])(" + "|".join(sorted(CODES, key=len, reverse=True)) + r")(?![\w/@-]|\.\w)", re.I
)
LEGEND = (
    "<p>Environment codes used in this document: PRD = production, STG = staging, TRL = trial, "
    "POC = proof of concept, PLT = pilot, DEV = development.</p>"
)


ROLES = ("production", "staging", "trial", "proof of concept", "pilot", "development")
NAME_SETS = (  # one name per role, in ROLES order: none is an environment word
    ("Orca", "Heron", "Wren", "Lark", "Kite", "Moth"),
    ("Granite", "Slate", "Flint", "Quartz", "Onyx", "Jasper"),
    ("Danube", "Rhine", "Elbe", "Oder", "Tagus", "Loire"),
    ("Juniper", "Hazel", "Rowan", "Alder", "Aspen", "Willow"),
    ("Atlas", "Vega", "Lyra", "Orion", "Castor", "Rigel"),
)


PURPOSES = ("what everyone uses", "upgrades are rehearsed here", "the evaluation", "early experiments",
            "the first teams", "engineers try changes")  # fmt: skip
LEGEND_SHAPES = 9


def _legend(form: int, names: Sequence[str]) -> str:
    """The legend in one of the shapes people use: a sentence, a table, a list, where each runs,
    names with the role in brackets, a table with the role first and a purpose, role-first
    definition lines, "we call …", a glossary (each name on its own line, then what it is)."""
    pairs = list(zip(names, ROLES, strict=True))
    if form == 0:
        return (
            f"<p>Our environments have names: {names[0]} is production, {names[1]} is staging, "
            f"{names[2]} was the trial, {names[3]} the proof of concept, {names[4]} the pilot and "
            f"{names[5]} development.</p>"
        )
    if form == 1:
        rows = "".join(f"<tr><td>{n}</td><td>{r}</td></tr>" for n, r in pairs)
        return f"<table><tr><td>Name</td><td>Environment</td></tr>{rows}</table>"
    if form == 2:
        return "<p>Environment names:</p><ul>" + "".join(f"<li>{n} — {r}</li>" for n, r in pairs) + "</ul>"
    if form == 3:
        return (
            f"<p>Production runs in the {names[0]} cluster and staging in {names[1]}; the trial ran in "
            f"{names[2]}, the proof of concept in {names[3]} and the pilot in {names[4]}; developers "
            f"use {names[5]}.</p>"
        )
    if form == 5:
        rows = "".join(
            f"<tr><td>{r.capitalize()}</td><td>{n}</td><td>{p}</td></tr>"
            for (n, r), p in zip(pairs, PURPOSES, strict=True)
        )
        return f"<table><tr><th>Environment</th><th>Cluster</th><th>Used for</th></tr>{rows}</table>"
    if form == 6:
        return "<p>Cluster names</p>" + "".join(f"<p>{r.capitalize()}: {n}</p>" for n, r in pairs)
    if form == 7:
        return (
            f"<p>We call production {names[0]} and staging {names[1]}; the trial was called {names[2]}, "
            f"the proof of concept {names[3]}, the pilot {names[4]} and development {names[5]}.</p>"
        )
    if form == 8:
        return "<p>Glossary</p>" + "".join(f"<p><b>{n}</b></p><p>The {r} environment.</p>" for n, r in pairs)
    listed = ", ".join(f"{n} ({r})" for n, r in pairs[:-1])
    return f"<p>In this document {listed} and {names[5]} (development) name the environments.</p>"


def _renamed(html: str, names: dict[str, str], legend: str) -> str:
    coded = _in_text(html, lambda t: _ENV.sub(lambda m: names[m.group(1).lower()], t))
    match = _BODY.search(coded)
    at = match.end() if match else 0
    return coded[:at] + legend + coded[at:]


def environment_codes(html: str) -> str:
    return _renamed(html, CODES, LEGEND)


def environment_names(html: str) -> str:
    """Environments under names of the customer's own that only a legend at the top explains; the
    names and the legend's shape differ from one document to the next (chosen by its text)."""
    pick = _pick(html, len(NAME_SETS) * LEGEND_SHAPES)
    names = NAME_SETS[pick % len(NAME_SETS)]
    by_word = dict(zip(ROLES, names, strict=True)) | {"prod": names[0]}
    return _renamed(html, by_word, _legend(pick // len(NAME_SETS) % LEGEND_SHAPES, names))


_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.I | re.S)


def headings_as_bold(html: str) -> str:
    return _HEADING.sub(lambda m: f"<p><b>{m.group(2)}</b></p>", html)


_TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.I | re.S)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.I | re.S)
_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.I | re.S)
_PARA = re.compile(r"</?p\b[^>]*>", re.I)


def label_tables_as_lines(html: str) -> str:
    """Tables whose every row has two cells become one `label: value` paragraph per row."""

    def lines(m: re.Match[str]) -> str:
        rows = [_CELL.findall(r) for r in _ROW.findall(m.group(1))]
        if not rows or any(len(cells) != 2 for cells in rows):
            return m.group(0)
        flat = [[_PARA.sub(" ", c).strip() for c in cells] for cells in rows]
        return "".join(f"<p>{label}: {value}</p>" for label, value in flat)

    return _TABLE.sub(lines, html)


def tables_transposed(html: str) -> str:
    """Rectangular tables turned a quarter: rows become columns (environments as columns become
    environments as rows, and the other way round)."""

    def turn(m: re.Match[str]) -> str:
        if re.search(r"colspan|rowspan", m.group(1), re.I):
            return m.group(0)
        rows = [[c.group(0) for c in _CELL.finditer(r)] for r in _ROW.findall(m.group(1))]
        width = len(rows[0]) if rows else 0
        if len(rows) < 2 or width < 2 or any(len(r) != width for r in rows):
            return m.group(0)
        turned = "".join("<tr>" + "".join(r[i] for r in rows) + "</tr>" for i in range(width))
        return f"<table><tbody>{turned}</tbody></table>"

    return _TABLE.sub(turn, html)


# ---- further style probes (units, labels, sentences, lists, numbered headings) ----

# by document one spelling for each unit after a number (the number itself never changes)
UNIT_SPELLINGS = (
    {
        "GB": " gigabytes",
        "GiB": " GiB",
        "TB": " terabytes",
        "TiB": " TiB",
        "MB": " megabytes",
        "vCPU": " vCPUs",
    },
    {"GB": "GB", "GiB": "GiB", "TB": "TB", "TiB": "TiB", "MB": "MB", "vCPU": "vCPU"},  # no space: `64GB`
    {"GB": " gigs", "GiB": " GiB", "TB": " TB", "TiB": " TiB", "MB": " MB", "vCPU": " cores"},
    {
        "GB": " GBytes",
        "GiB": " gibibytes",
        "TB": " TBytes",
        "TiB": " tebibytes",
        "MB": " MBytes",
        "vCPU": " virtual CPUs",
    },
)
_UNIT = re.compile(r"(?<=\d)[ \u00a0]?(GiB|GB|TiB|TB|MB|vCPUs?)\b")


def units_reworded(html: str) -> str:
    """`64 GB` -> `64 gigabytes` / `64GB` / `64 gigs` / `64 GBytes`, `32 vCPU` -> `32 vCPUs` /
    `32 cores` / `32 virtual CPUs` (one spelling set by document; values untouched)."""
    spelling = UNIT_SPELLINGS[_pick(html, len(UNIT_SPELLINGS))]

    def spell(m: re.Match[str]) -> str:
        word = spelling[m.group(1).rstrip("s")]
        one = re.search(r"(?<![\d.,])1$", m.string[: m.start()]) is not None
        return word[:-1] if one and word.endswith(("bytes", "CPUs", "cores", "gigs")) else word

    return _in_text(html, lambda t: _UNIT.sub(spell, t))


# labels a careful reader reads the same, by the label's text (lower case, no colon)
LABEL_SYNONYMS = {
    "repositories": ("Number of repositories", "Repo count", "Repos", "Repositories indexed"),
    "total repositories": ("Repositories in total", "Number of repositories", "Repo count"),
    "code hosts": ("Code hosting", "Connected code hosts", "Source control systems"),
    "code host": ("Code hosting", "Source control", "Connected code host"),
    "monorepos": ("Monorepositories", "Number of monorepos", "Monorepo count"),
    "largest repository": ("Biggest repository", "Largest repo", "Size of the largest repository"),
    "total repository size": ("Combined repository size", "Size of all repositories", "Total repo size"),
    "total memory": ("Memory (total)", "Total RAM", "RAM in total"),
    "total cpu": ("CPU (total)", "Total vCPUs", "CPUs in total"),
    "total vcpu": ("vCPUs in total", "Total CPU", "CPU (total)"),
    "total disk": ("Disk (total)", "Total disk space", "Disk in total"),
    "deployment type": ("Deployment method", "Deployed with", "Kind of deployment"),
    "hosting provider": ("Cloud provider", "Hosted on", "Hosting"),
    "instance types": ("Machine types", "VM types", "Instance sizes"),
    "instance type": ("Machine type", "VM type", "Instance size"),
    "sourcegraph url": ("Instance URL", "Sourcegraph address", "URL of the instance"),
    "sourcegraph version": ("Version of Sourcegraph", "Sourcegraph release", "Release"),
    "region": ("Cloud region", "Region used", "Deployed region"),
    "concurrent users": ("Simultaneous users", "Users at the same time", "Concurrent sessions (users)"),
    "licensed users": ("Licensed seats", "Users licensed", "Licence seats"),
}
_LINE_LABEL = re.compile(r"(<(?:p|li)\b[^>]*>\s*(?:<(?:b|strong)>)?)([A-Za-z][A-Za-z ]{1,40}?)(:)")
_FIRST_CELL = re.compile(
    r"(<tr\b[^>]*>\s*<t[dh]\b[^>]*>\s*(?:<p\b[^>]*>)?\s*(?:<(?:b|strong)>)?)([^<]{2,40}?)(\s*<)"
)


def label_synonyms(html: str) -> str:
    """A field's label (`Label: value` line, or a table row's first cell) replaced by one a careful
    reader reads the same (`Repositories` -> `Repo count`); the choice varies by document and label."""
    seed = _pick(html, 997)

    def swap(m: re.Match[str]) -> str:
        choices = LABEL_SYNONYMS.get(m.group(2).strip().lower())
        if not choices:
            return m.group(0)
        return m.group(1) + choices[(seed + len(m.group(2))) % len(choices)] + m.group(3)

    body = _BODY.search(html)
    at = body.end() if body else 0
    return html[:at] + _FIRST_CELL.sub(swap, _LINE_LABEL.sub(swap, html[at:]))


def _cell_text(cell: str) -> str:
    """A cell's paragraphs as one run of text, each paragraph a sentence of its own."""
    parts = [p.strip() for p in re.split(r"</?p\b[^>]*>", cell) if p.strip()]
    return " ".join(p if p[-1] in ".!?:;" or i == len(parts) - 1 else p + "." for i, p in enumerate(parts))


def _two_column_rows(table: str) -> list[tuple[str, str]] | None:
    """The (label, value) texts of a table whose every row has two plain cells (no list, table or
    spanning cell inside), a header row such as `Field | Value` left out; else None."""
    rows = [_CELL.findall(r) for r in _ROW.findall(table)]
    if (
        not rows
        or any(len(cells) != 2 for cells in rows)
        or re.search(r"colspan|rowspan|<(?:ul|ol|table|li)\b", table, re.I)
    ):
        return None
    labels = [re.sub(r"<[^>]+>", "", a).strip() for a, _ in rows]
    if any(len(label) > 50 or ": " in label for label in labels):
        return None  # not labels: a side-by-side translation, a comparison
    first = _ROW.search(table)
    header_cells = first is not None and not re.search(r"<td\b", first.group(1), re.I)
    if header_cells or {re.sub(r"<[^>]+>", "", c).strip().lower() for c in rows[0]} <= _HEADER_WORDS:
        rows = rows[1:]
    return [(_cell_text(a), _cell_text(b)) for a, b in rows]


_HEADER_WORDS = {"field", "value", "item", "setting", "label", "property", "name", "detail", "details", "key"}
SENTENCE_FRAMES = (
    "The {l} entry reads {v}.",
    "For {l}, we have {v}.",
    "Recorded under {l}: {v}.",
    "As to {l}, it is {v}.",
)


def _in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: tags and colon dropped, its case kept (a label may be
    a name: `Matterhorn`)."""
    return re.sub(r"<[^>]+>", "", label).strip().rstrip(":").strip()


def table_rows_as_sentences(html: str) -> str:
    """Two-column tables rewritten as prose, one sentence per row in frames varied by row and
    document (a header row such as `Field | Value` is dropped)."""
    seed = _pick(html, 991)

    def prose(m: re.Match[str]) -> str:
        rows = _two_column_rows(m.group(1))
        if rows is None:
            return m.group(0)
        out = []
        for i, (label, value) in enumerate(rows):
            frame = SENTENCE_FRAMES[(seed + i) % len(SENTENCE_FRAMES)]
            sentence = frame.format(l=_in_sentence(label), v=value.rstrip(". "))
            out.append(f"<p>{sentence}</p>")
        return "".join(out)

    return _TABLE.sub(prose, html)


LIST_MARKS = (" — ", " – ", ": ", " - ")


def tables_as_lists(html: str) -> str:
    """Two-column tables become bulleted `label — value` items (the mark between them by document:
    an em dash, an en dash, a colon, a hyphen)."""
    mark = LIST_MARKS[_pick(html, len(LIST_MARKS))]

    def items(m: re.Match[str]) -> str:
        rows = _two_column_rows(m.group(1))
        if rows is None:
            return m.group(0)
        return "<ul>" + "".join(f"<li>{label}{mark}{value}</li>" for label, value in rows) + "</ul>"

    return _TABLE.sub(items, html)


NUMBERINGS = ("{n} ", "{n}. ", "{n} — ", "Section {n}: ")
_NUMBERED = re.compile(r"<h[1-6]\b[^>]*>\s*(?:<[^>]+>\s*)*(?:\d|[IVX]+\.|§)")


def headings_numbered(html: str) -> str:
    """Headings numbered by their level (`2`, `2.1`, `2.1.3`; by document `2.1 `, `2.1. `,
    `2.1 — `, `Section 2.1: `); a single top heading (the title) and documents already numbered
    are left as they are."""
    if _NUMBERED.search(html):
        return html
    form = NUMBERINGS[_pick(html, len(NUMBERINGS))]
    found = [int(m.group(1)) for m in _HEADING.finditer(html)]
    levels = sorted(set(found))
    if levels and found.count(levels[0]) == 1:
        levels = levels[1:]
    counters: list[int] = []

    def number(m: re.Match[str]) -> str:
        level = int(m.group(1))
        if level not in levels:
            return m.group(0)
        depth = levels.index(level)
        del counters[depth + 1 :]
        counters.extend([0] * (depth + 1 - len(counters)))
        counters[depth] += 1
        label = ".".join(str(c or 1) for c in counters)
        head, _, rest = m.group(0).partition(">")
        return head + ">" + form.format(n=label) + rest

    return _HEADING.sub(number, html)


_PROD_WORD = re.compile(r"(?<![\w-])(?:production|prod|live)(?![\w-])", re.I)
_OTHER_ENV = re.compile(
    r"(?<![\w])(?:staging|stage|trial|poc|proof of concept|pilot|evaluation|development|dev|test|"
    r"qa|uat|sandbox|disaster recovery|dr|pre-production|preprod|non-production)(?![\w])",
    re.I,
)


def _sibling_runs(html: str) -> list[list[tuple[int, int, bool]]]:
    """Runs of adjacent same-level sections whose headings each name one environment (production or
    another), as (start, end, is_production); a section ends where a heading of its level or
    higher begins, or at the body's end."""
    heads = [
        (m.start(), int(m.group(1)), re.sub(r"<[^>]+>", "", m.group(2))) for m in _HEADING.finditer(html)
    ]
    end_body = html.lower().rfind("</body>")
    end_body = end_body if end_body >= 0 else len(html)
    runs: list[list[tuple[int, int, bool]]] = []
    for level in sorted({lvl for _, lvl, _ in heads}):
        run: list[tuple[int, int, bool]] = []
        for i, (start, lvl, text) in enumerate(heads):
            if lvl > level:
                continue
            prod, other = bool(_PROD_WORD.search(text)), bool(_OTHER_ENV.search(text))
            if lvl < level or prod == other:  # a parent heading, or none / both environments named
                runs.append(run)
                run = []
                continue
            end = next((s for s, lv, _ in heads[i + 1 :] if lv <= level), end_body)
            run.append((start, end, prod))
        runs.append(run)
    return [r for r in runs if any(p for *_, p in r) and not all(p for *_, p in r)]


def sections_reordered(html: str) -> str:
    """Where environments are sibling sections under headings, the production section(s) moved
    after the others if production came first, else before them (the headings still name each)."""
    runs = _sibling_runs(html)
    if not runs:
        return html
    run = runs[0]
    prod = [html[s:e] for s, e, p in run if p]
    rest = [html[s:e] for s, e, p in run if not p]
    parts = rest + prod if run[0][2] else prod + rest
    return html[: run[0][0]] + "".join(parts) + html[run[-1][1] :]


# ---- drafts: documents left mid-edit (corrections beside old values, template leftovers, dittos) ----

# a figure a writer corrects: a size or CPU count with its unit, a count of repositories, a value
# right after a label's colon, or a cell holding only a number (dates, versions and Dutch/German
# `1.180` left alone)
_FIGURE = re.compile(
    r"(?<![\w.,/:-])(?P<n>\d{1,3}(?:[,\u00a0\u202f' ]\d{3})+|\d+(?:\.\d+)?)(?![\d,.]\d|[\w/-]|\.\d)"
    r"(?P<u>[ \u00a0]?(?:GiB|GB|TiB|TB|MB|vCPUs?|cores|CPUs?)\b|\s+(?:repositories|repos|monorepos?)\b)?"
)
_AFTER_COLON = re.compile(r":[ \u00a0]+$")
_ARROWED = re.compile(r"[ \u00a0]*(?:→|->)")
_ARROWED_BEFORE = re.compile(r"(?:→|->)[ \u00a0]*$")
_DATEISH = re.compile(rf"^[ \u00a0]*(?:{_MONTH}|[-/.]\d|st\b|nd\b|rd\b|th\b|%|am\b|pm\b|h\b)", re.I)
# the notations of a correction (old, new: the figure as written; u: its unit, kept on the old side
# or not by value)
EDIT_NOTATIONS = (
    "<s>{old}</s> {new}",
    "~~{old}~~ {new}",
    "{old} → {new}",
    "{old} -> {new}",
    "{new} (was {old})",
    "{new} (previously {old})",
    "{new} (corrected from {old})",
    "{new}, not {old}",
)


def _older(number: str) -> str:
    """A different figure written the same way: about three quarters of it (one more for 1 to 3)."""
    mark = next((c for c in number if not c.isdigit() and c != "."), "")  # the grouping mark
    value = float(number.replace(mark, "") if mark else number)
    decimals = len(number.partition(".")[2])
    old = round(value * 0.75, decimals) if value >= 4 else value + 1
    text = f"{old:,.{decimals}f}".replace(",", mark) if mark else f"{old:.{decimals}f}"
    return text if text != number else f"{value + 1:.{decimals}f}"


def _edited(html: str) -> tuple[str, dict[str, list[Any]]]:
    """Each figure a writer would correct gets an older figure beside it, in a notation of an edit
    chosen by document and figure; returns the text and the older figures (forbidden values)."""
    seed = _pick(html, 997)
    forbidden: dict[str, list[Any]] = {}
    count = 0

    def edit_text(t: str) -> str:
        nonlocal count

        def one(m: re.Match[str]) -> str:
            nonlocal count
            number, unit = m.group("n"), m.group("u") or ""
            whole_cell = t.strip(" \u00a0\n") == m.group(0).strip()
            labelled = bool(_AFTER_COLON.search(t[: m.start()]))
            if not (unit or whole_cell or labelled) or _DATEISH.match(t[m.end() :]):
                return m.group(0)
            if _ARROWED.match(t[m.end() :]) or _ARROWED_BEFORE.search(t[: m.start()]):
                return m.group(0)  # already corrected in place ("1.5 TB → 2 TB")
            if not unit and re.match(r"[ \u00a0]*[×x]\s", t[m.end() :]):
                return m.group(0)  # a machine count: its type names no amount to forbid
            old = _older(number)
            value = float(re.sub(r"[^\d.]", "", old))
            word = unit.strip().lower().rstrip("s")
            if word in _SIZE_GB:
                for name in SIZE_FIELDS:
                    forbidden.setdefault(name, []).append(value * _SIZE_GB[word])
                forbidden.setdefault("largest_repo_mb", []).append(value * _SIZE_GB[word] * 1000)
            else:
                for name in COUNT_FIELDS:
                    forbidden.setdefault(name, []).append(value)
            form = EDIT_NOTATIONS[(seed + count) % len(EDIT_NOTATIONS)]
            count += 1
            with_unit = (seed + count) % 2 == 0 or "{old}</s>" in form or "~~" in form
            return form.format(old=old + (unit if with_unit else ""), new=number + unit)

        return _FIGURE.sub(one, t)

    body = _BODY.search(html)
    start = body.end() - 1 if body else 0
    text = html[start:]
    # not inside code (`pre`), where an arrow or a bracket would be code; not inside a link's text
    parts = re.split(r"(<pre\b.*?</pre>|<a\b.*?</a>|<s>.*?</s>|<del>.*?</del>)", text, flags=re.S | re.I)
    out = [
        p if i % 2 else _TEXT.sub(lambda m: ">" + edit_text(m.group(1)) + "<", p) for i, p in enumerate(parts)
    ]
    return html[:start] + "".join(out), forbidden


def edited_values(html: str) -> str:
    """Figures corrected in place: an older figure beside the current one, struck through (`<s>`,
    `~~`), before an arrow (`→`, `->`), or after it in brackets (`was`, `previously`, `corrected
    from`) or after `, not` (the notation by document and figure; the current figure is the keyed one)."""
    return _edited(html)[0]


# template leftovers: guidance with example values and fields holding only a placeholder
GUIDANCE = (
    "<p><i>Template guidance (delete before sending): fill in every field. Example: Instance types: e.g. "
    "3 × m6i.2xlarge; Total vCPU: e.g. 24 vCPU; Total memory: e.g. 96 GB.</i></p>",
    "<table><tr><td><p><b>How to fill in this template</b></p><p>Replace each placeholder with the "
    "production value, for example “Nodes: 3 × m6i.2xlarge (24 vCPU, 96 GB in total)”.</p></td></tr></table>",
    "<p>[Instructions: list the machines as count × type, e.g. 3 × m6i.2xlarge, and give the totals, "
    "e.g. 24 vCPU / 96 GB RAM / 500 GB disk. Remove this note.]</p>",
)
GUIDANCE_FORBIDDEN: dict[str, list[Any]] = {
    "instance_types": ["3 × m6i.2xlarge"],
    "total_cpu": [24],
    "total_memory_gb": [96],
    "total_disk_gb": [500, 96],
}
PLACEHOLDERS = ("TBD", "TBC", "<N>", "[value]", "x.x", "?", "XX", "…")
PLACEHOLDER_LINES = (
    ("Largest repository", "{p} GB"),
    ("Concurrent users", "{p}"),
    ("Total disk", "{p} TB"),
    ("Monorepos", "{p}"),
    ("Go-live date", "{p}"),
    ("Total vCPU", "{p} vCPU"),
)


def _placeholder_rows(seed: int) -> list[tuple[str, str]]:
    rows = []
    for i, (label, value) in enumerate(PLACEHOLDER_LINES):
        mark = PLACEHOLDERS[(seed + i) % len(PLACEHOLDERS)]
        rows.append((label, value.format(p=mark).replace("<", "&lt;").replace(">", "&gt;")))
    return rows


def _leftovers(html: str) -> tuple[str, dict[str, list[Any]]]:
    seed = _pick(html, 991)
    rows = _placeholder_rows(seed)
    guidance = GUIDANCE[seed % len(GUIDANCE)]
    block = "".join(f"<p>{label}: {value}</p>" for label, value in rows[: 2 + seed % 3])
    if seed % 2:
        cells = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in rows[2 + seed % 3 :])
        block += f"<table><tr><th>Field</th><th>Value</th></tr>{cells}</table>" if cells else ""
    else:
        block += "".join(f"<p>{label}: {value}</p>" for label, value in rows[2 + seed % 3 :])
    body = _BODY.search(html)
    at = body.end() if body else 0
    first = re.search(r"</h1>", html[at:], re.I)
    at = at + first.end() if first else at
    end = html.lower().rfind("</body>")
    end = end if end >= at else len(html)
    tail = f"<h2>To be completed</h2>{block}"
    return html[:at] + guidance + html[at:end] + tail + html[end:], GUIDANCE_FORBIDDEN


def template_leftovers(html: str) -> str:
    """Leftovers of the template a TDD was written from: guidance with example values after the
    title, and a closing part of fields holding only a placeholder (`TBD`, `<N> vCPU`, `x.x`, `XX
    GB`, `?`, `…`) as lines or a table: none of them is a value."""
    return _leftovers(html)[0]


DITTOS = ("〃", '"', "ditto", "same as above", "as above", "same as {row}")


def ditto_cells(html: str) -> str:
    """A table cell that repeats the one above it (same column, not the first) written as a ditto
    mark instead (`〃`, `"`, `ditto`, `same as above`, `as above`, `same as <the row above's name>`;
    the mark by document)."""
    seed = _pick(html, 983)
    mark = DITTOS[seed % len(DITTOS)]

    def table(m: re.Match[str]) -> str:
        if re.search(r"colspan|rowspan", m.group(0), re.I):
            return m.group(0)
        above: list[str] = []

        def row(r: re.Match[str]) -> str:
            nonlocal above
            cells = list(_CELL.finditer(r.group(1)))
            here = [re.sub(r"<[^>]+>", "", c.group(0)).strip() for c in cells]
            header = "<th" in r.group(1).lower()
            previous, above = above, ([] if header else here)
            if header or len(previous) != len(here):
                return r.group(0)
            out, at = [], 0
            for j, c in enumerate(cells):
                if j == 0 or not here[j] or here[j] != previous[j] or not re.search(r"[A-Za-z0-9]", here[j]):
                    continue
                word = mark.format(row=previous[0]) if previous[0] else "same as above"
                tag = c.group(0)
                out.append(
                    r.group(1)[at : c.start()] + tag[: tag.index(">") + 1] + word + tag[tag.rindex("<") :]
                )
                at = c.end()
            if not out:
                return r.group(0)
            body = "".join(out) + r.group(1)[at:]
            return r.group(0)[: r.start(1) - r.start()] + body + r.group(0)[r.end(1) - r.start() :]

        return _ROW.sub(row, m.group(0))

    return _TABLE.sub(table, html)


# the values a probe inserted that a reader must never return (scored as wrong values)
INSERTED: dict[Callable[[str], str], Callable[[str], dict[str, list[Any]]]] = {
    edited_values: lambda html: _edited(html)[1],
    template_leftovers: lambda html: _leftovers(html)[1],
    **tablestyles.INSERTED,
}


def translated_text(html: str) -> str:
    """The visible text in German, French, Spanish, Portuguese, Italian, Dutch or Swedish, chosen by
    document (bench/translated.py): labels, headings, environment words, verbs, connecting words,
    month names, number notation; tags, URLs, host names, instance types and products kept."""
    return translated.translate(html, _pick)


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "thousands-space": thousands_space,
    "european-numbers": european_numbers,
    "dates-reworded": dates_reworded,
    "dates-dotted": dates_dotted,
    "environment-codes": environment_codes,
    "environment-names": environment_names,
    "headings-as-bold": headings_as_bold,
    "label-tables-as-lines": label_tables_as_lines,
    "tables-transposed": tables_transposed,
    "units-reworded": units_reworded,
    "label-synonyms": label_synonyms,
    "table-rows-as-sentences": table_rows_as_sentences,
    "tables-as-lists": tables_as_lists,
    "headings-numbered": headings_numbered,
    "sections-reordered": sections_reordered,
    "edited-values": edited_values,
    "template-leftovers": template_leftovers,
    "ditto-cells": ditto_cells,
    "translated": translated_text,
    **scalestyles.TRANSFORMS,  # numbers at the extremes of scale (bench/scalestyles.py)
    **tablestyles.TRANSFORMS,  # tables of other structures (bench/tablestyles.py)
}


def score_set(
    folder: Path, catalogue: Catalogue, transform: Callable[[str], str] | None
) -> list[eval_tdd.DocScore]:
    """Every HTML document of `folder`, rewritten by `transform` (None: as it is), scored."""
    scores = []
    for doc_path, key_path in eval_tdd.documents(folder):
        if doc_path.suffix != ".html":
            continue
        html = doc_path.read_text(encoding="utf-8")
        document = html_document(transform(html) if transform else html, title=doc_path.stem)
        inserted = INSERTED[transform](html) if transform in INSERTED else None
        scores.append(
            eval_tdd.score_document(
                document, key_path, doc_path.stem, catalogue, timing_runs=1, forbidden=inserted
            )
        )
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="metamorphic", description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--details", action="store_true", help="list each transform's misses")
    args = parser.parse_args(argv)
    catalogue = load_catalogue(PROJECT_ROOT / "config" / "fields.toml")
    folders = args.folders or [PROJECT_ROOT / "tests" / "fixtures" / name for name in DEFAULT_SETS]
    out: dict[str, Any] = {}
    for folder in folders:
        rows = {"as written": eval_tdd.totals(score_set(folder, catalogue, None))}
        for name, fn in TRANSFORMS.items():
            scores = score_set(folder, catalogue, fn)
            rows[name] = eval_tdd.totals(scores)
            if args.details and not args.json:
                _, _, misses = eval_tdd.report(Path(name), scores).partition("misses:")
                print(f"{name}:{misses or ' none'}")
        out[folder.name] = rows
        if not args.json:
            print(f"== {folder.name}: {rows['as written']['documents']} HTML documents")
            print(f"{'style':24} {'recall':>16} {'precision':>16} {'wrong':>6}")
            for name, t in rows.items():
                recall = f"{100 * t['recall']:.1f}% ({t['right']}/{t['keyed']})"
                precision = f"{100 * t['precision']:.1f}% ({t['returned_right']}/{t['returned']})"
                print(f"{name:24} {recall:>16} {precision:>16} {t['forbidden']:>6}")
            print()
    if args.json:
        print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
