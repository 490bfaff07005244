"""The TDD parser (pure): a Docs API document (JSON) → labelled values with the place each was found.

What it reads, in every tab and child tab (or the legacy single `body` when there are no tabs):

* two-column tables, `Label | Value` per row (a first row of generic headers such as
  `Field | Value` is skipped);
* tables with a header row: an instance table (`Instance type | Count | vCPU | Memory`) gives
  one `instance_types` value (`3 × m6i.4xlarge, 2 × c6i.2xlarge`) and, from a `Total` row, the
  totals; other columns named like a field give that field (a list field collects the column);
  a header naming environments (`Setting | Trial | Production`) gives each column's values in
  that section; an `Environment` column puts each row in its section;
* `Label: value` paragraphs and list items (several per line when separated by ` · ` or ` | `,
  and per soft line break), and a `Label:` paragraph followed by a list (the items are the value);
* smart chips as text (person → name, rich link → title, date → its display text) and links
  (the URL is kept as `TddValue.link`).

Labels are matched to catalogue fields through their aliases (`Catalogue.field_for_label`);
unmatched labelled values are kept with `field=None` so `handoff tdd` can show them.

Production vs trial: a tab title, heading or table column naming production (`Production`,
`Prod`) or a non-production part (`Trial`, `POC`, `Pilot`, `Staging`, …; the words are in
`[tdd]` of the catalogue) puts every value under it in that section; the nearest one wins.
Merge uses production values first, then unsectioned ones, and never trial ones.

Suggestions: text runs marked as suggested insertions are skipped and suggested deletions kept,
so a document fetched with `SUGGESTIONS_INLINE` reads like `PREVIEW_WITHOUT_SUGGESTIONS`.

Locations read like `TDD tab "Production" › Production deployment › Nodes › table 3, row 2` or
`TDD Code hosts › paragraph 12`; tables and paragraphs are numbered per tab, 1-based, in document
order (paragraphs count non-empty ones only, list items included; rows count the header row).

The parser never raises on odd input: anything that is not the expected shape is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from handoff.core.fields import Catalogue, Field, FieldType, norm
from handoff.core.model import Location, Problem, TddValue

MAX_DEPTH = 40
HEADING_LEVELS = {f"HEADING_{n}": n for n in range(1, 7)}
PSEUDO_HEADING = 7  # a short, all-bold paragraph that people use as a heading
GENERIC_HEADERS = frozenset(norm(w) for w in (
    "field", "fields", "value", "values", "setting", "settings", "item", "parameter", "property", "name",
    "detail", "details", "description", "key", "attribute", "answer", "question", "notes", "comment",
    "comments", "role", "component", "topic", "",
))  # fmt: skip
_LABEL = re.compile(r"^([^:：]{1,60}?)\s*[:：](?:\s+|$)(.*)$", re.DOTALL)
_SEPARATORS = re.compile(r"\s+[·|•]\s+")
_MAX_LABEL_WORDS = 8


# --------------------------------------------------------------------------------------------
# small, defensive accessors: the input is whatever JSON someone handed us


def _d(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _l(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _s(value: Any) -> str:
    return value if isinstance(value, str) else ""


# --------------------------------------------------------------------------------------------
# text of paragraphs and cells


@dataclass
class _Text:
    text: str = ""
    links: list[tuple[int, str]] = field(default_factory=list)  # (offset in text, url)
    bold: bool = True  # every non-blank run is bold

    def link_after(self, offset: int) -> str | None:
        for pos, url in self.links:
            if pos >= offset:
                return url
        return None


def _element_text(el: dict[str, Any]) -> tuple[str, str | None, bool | None]:
    """(text, link, bold) of one paragraph element; bold is None for non-text elements."""
    run = _d(el.get("textRun"))
    if run:
        if _l(run.get("suggestedInsertionIds")):
            return "", None, None
        style = _d(run.get("textStyle"))
        url = _s(_d(style.get("link")).get("url")) or None
        return _s(run.get("content")).replace("\ue907", ""), url, bool(style.get("bold"))
    person = _d(_d(el.get("person")).get("personProperties"))
    if person:
        email = _s(person.get("email"))
        return _s(person.get("name")) or email, (f"mailto:{email}" if email else None), None
    rich = _d(_d(el.get("richLink")).get("richLinkProperties"))
    if rich:
        uri = _s(rich.get("uri"))
        return _s(rich.get("title")) or uri, uri or None, None
    date = _d(_d(el.get("dateElement")).get("dateElementProperties"))
    if date:
        return _s(date.get("displayText")) or _s(date.get("timestamp"))[:10], None, None
    return "", None, None


def _paragraph_text(paragraph: dict[str, Any]) -> _Text:
    out = _Text()
    parts: list[str] = []
    length = 0
    for el in _l(paragraph.get("elements")):
        text, url, bold = _element_text(_d(el))
        if not text:
            continue
        if url:
            out.links.append((length, url))
        if bold is False and text.strip():
            out.bold = False
        parts.append(text)
        length += len(text)
    out.text = "".join(parts).replace("\u000b", "\n").replace("\r", "\n")
    if not out.text.strip():
        out.bold = False
    return out


def _cell_text(cell: dict[str, Any], depth: int = 0) -> _Text:
    """A table cell's text: its paragraphs joined by new lines (nested tables flattened)."""
    out = _Text()
    lines: list[str] = []
    length = 0
    for se in _structural(_l(cell.get("content")), depth + 1):
        if "paragraph" in se:
            t = _paragraph_text(_d(se["paragraph"]))
            stripped = t.text.strip()
            if not stripped:
                continue
            lead = len(t.text) - len(t.text.lstrip())
            out.links.extend((length + max(0, pos - lead), url) for pos, url in t.links)
            if not t.bold:
                out.bold = False
            lines.append(stripped)
            length += len(stripped) + 1
    out.text = "\n".join(lines)
    if not lines:
        out.bold = False
    return out


def _structural(content: list[Any], depth: int) -> Iterator[dict[str, Any]]:
    """Paragraphs of `content`, descending into nested tables (for cell text)."""
    if depth > MAX_DEPTH:
        return
    for se in content:
        se = _d(se)
        if "paragraph" in se:
            yield se
        elif "table" in se:
            for row in _l(_d(se["table"]).get("tableRows")):
                for cell in _l(_d(row).get("tableCells")):
                    yield from _structural(_l(_d(cell).get("content")), depth + 1)


# --------------------------------------------------------------------------------------------
# sections


def _phrase(text: str) -> str:
    return " " + " ".join(re.findall(r"[0-9a-z]+", text.casefold())) + " "


class _Sections:
    def __init__(self, catalogue: Catalogue) -> None:
        self.trial = [_phrase(w) for w in catalogue.tdd.trial_words if _phrase(w).strip()]
        self.production = [_phrase(w) for w in catalogue.tdd.production_words if _phrase(w).strip()]

    def classify(self, text: str) -> str:
        """ "production", "trial" or "" for a heading, tab title or column header."""
        t = _phrase(text)
        trial_at = min((t.find(w) for w in self.trial if w in t), default=-1)
        masked = t
        for w in self.trial:
            masked = masked.replace(w, " " + "#" * (len(w) - 2) + " ")
        prod_at = min((masked.find(w) for w in self.production if w in masked), default=-1)
        if prod_at >= 0 and (trial_at < 0 or prod_at < trial_at):
            return "production"
        return "trial" if trial_at >= 0 else ""


# --------------------------------------------------------------------------------------------
# the walk


@dataclass
class _Pending:
    """A `Label:` paragraph waiting for the list that follows it."""

    label: str
    target: Field
    location: Location
    section: str
    items: list[str] = field(default_factory=list)


@dataclass
class _Tab:
    """Walking state for one tab (or the legacy body)."""

    titles: tuple[str, ...]  # this tab and its ancestors, outermost first
    show_tab: bool = True  # name the tab in locations (not when the document has only one)
    title: str = ""  # the tab's only HEADING_1 when it opens the tab: a document title, not a section
    headings: list[tuple[int, str]] = field(default_factory=list)
    paragraphs: int = 0
    tables: int = 0
    pending: _Pending | None = None


class _Parser:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.sections = _Sections(catalogue)
        words = catalogue.tdd
        self.count_words = frozenset(norm(w) for w in words.count_words)
        self.total_words = frozenset(norm(w) for w in words.total_words)
        self.env_words = frozenset(norm(w) for w in words.environment_words)
        self.out: list[TddValue] = []

    # -- places ------------------------------------------------------------------------------
    def location(self, tab: _Tab, tail: str) -> Location:
        parts: list[str] = []
        if tab.titles and tab.show_tab:
            parts.append(f'tab "{tab.titles[-1]}"')
        parts.extend(_short(h) for _, h in tab.headings)
        parts.append(tail)
        return Location("tdd", "TDD " + " › ".join(parts))

    def section(self, tab: _Tab) -> str:
        found = ""
        for text in (*tab.titles, tab.title, *(h for _, h in tab.headings)):
            found = self.sections.classify(text) or found
        return found

    def emit(
        self,
        label: str,
        text: str,
        location: Location,
        section: str,
        link: str | None = None,
        matched: Field | None = None,
    ) -> None:
        """Record one labelled value; `matched` (a header table's column field) marks it derived."""
        label = re.sub(r"\s+", " ", label).strip().rstrip(":：").strip()
        value = "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.strip().split("\n"))
        value = value.strip()
        if not label or not value:
            return
        f = matched or self.catalogue.field_for_label(label)
        self.out.append(
            TddValue(
                label=label,
                text=value,
                location=location,
                field=f.name if f else None,
                section=section,
                link=link,
                derived=matched is not None,
            )
        )

    # -- document ----------------------------------------------------------------------------
    def document(self, doc: dict[str, Any]) -> list[TddValue]:
        tabs = list(_iter_tabs(_l(doc.get("tabs")), ()))
        if tabs:
            for titles, tab in tabs:
                body = _d(_d(_d(tab).get("documentTab")).get("body"))
                self.body(_l(body.get("content")), _Tab(titles, show_tab=len(tabs) > 1))
        else:
            self.body(_l(_d(doc.get("body")).get("content")), _Tab(()))
        return self.out

    def body(self, content: list[Any], tab: _Tab) -> None:
        title_at = _title_heading(content)
        for i, se in enumerate(content):
            se = _d(se)
            if i == title_at:
                self.flush(tab)
                tab.title = _paragraph_text(_d(se["paragraph"])).text.strip()
            elif "paragraph" in se:
                self.paragraph(_d(se["paragraph"]), tab)
            elif "table" in se:
                self.flush(tab)
                self.table(_d(se["table"]), tab, 0)
            # sectionBreak, tableOfContents (a copy of the headings): nothing to read

        self.flush(tab)

    def flush(self, tab: _Tab) -> None:
        p = tab.pending
        tab.pending = None
        if p and p.items:
            self.out.append(
                TddValue(
                    label=p.label,
                    text="\n".join(p.items),
                    location=p.location,
                    field=p.target.name,
                    section=p.section,
                )
            )

    def paragraph(self, paragraph: dict[str, Any], tab: _Tab) -> None:
        style = _s(_d(paragraph.get("paragraphStyle")).get("namedStyleType"))
        content = _paragraph_text(paragraph)
        text = content.text.strip()
        if not text:
            return
        if style in HEADING_LEVELS:
            self.flush(tab)
            self.heading(tab, HEADING_LEVELS[style], text)
            return
        if style in ("TITLE", "SUBTITLE"):
            self.flush(tab)
            return
        tab.paragraphs += 1
        is_item = bool(_d(paragraph.get("bullet"))) or "bullet" in paragraph
        if tab.pending is not None:
            if is_item:
                tab.pending.items.append(text)
                return
            self.flush(tab)
        if content.bold and not is_item and len(text) <= 80 and ":" not in text and "\n" not in text:
            self.heading(tab, PSEUDO_HEADING, text)
            return
        self.lines(content, tab, self.location(tab, f"paragraph {tab.paragraphs}"), allow_pending=True)

    def heading(self, tab: _Tab, level: int, text: str) -> None:
        while tab.headings and tab.headings[-1][0] >= level:
            tab.headings.pop()
        tab.headings.append((level, re.sub(r"\s+", " ", text)))

    def lines(
        self,
        content: _Text,
        tab: _Tab,
        location: Location,
        *,
        allow_pending: bool,
        section: str | None = None,
    ) -> None:
        """`Label: value` pairs of a paragraph or cell, per line and per ` · `-separated part."""
        sec = self.section(tab) if section is None else section
        offset = 0
        for line in content.text.split("\n"):
            start = offset
            offset += len(line) + 1
            parts = _SEPARATORS.split(line) if _SEPARATORS.search(line) else [line]
            pos = start
            for part in parts:
                part_at = content.text.find(part, pos)
                pos = part_at + len(part) if part_at >= 0 else pos
                m = _LABEL.match(part.strip())
                if not m or not _looks_like_label(m.group(1)):
                    continue
                label, value = m.group(1).strip(), m.group(2).strip()
                value_at = (part_at if part_at >= 0 else start) + part.find(value) if value else -1
                if value:
                    self.emit(label, value, location, sec, content.link_after(max(value_at, 0)))
                elif allow_pending and len(parts) == 1:
                    f = self.catalogue.field_for_label(label)
                    if f is not None:
                        tab.pending = _Pending(label, f, location, sec)

    # -- tables ------------------------------------------------------------------------------
    def table(self, table: dict[str, Any], tab: _Tab, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        tab.tables += 1
        number = tab.tables
        rows: list[list[_Text]] = []
        nested: list[dict[str, Any]] = []
        for row in _l(table.get("tableRows")):
            cells = []
            for cell in _l(_d(row).get("tableCells")):
                cells.append(_cell_text(_d(cell)))
                nested.extend(_d(se["table"]) for se in map(_d, _l(_d(cell).get("content"))) if "table" in se)
            rows.append(cells)
        if any(any(c.text for c in r) for r in rows):
            self.read_table(rows, tab, number)
        for inner in nested:
            self.table(inner, tab, depth + 1)

    def where(self, tab: _Tab, number: int, first: int, last: int | None = None) -> Location:
        rows = f"row {first}" if last is None or last == first else f"rows {first}–{last}"
        return self.location(tab, f"table {number}, {rows}")

    def role(self, text: str) -> tuple[str, Field | None]:
        key = norm(text)
        if key in self.count_words:
            return "count", None
        if key in self.env_words:
            return "environment", None
        f = self.catalogue.field_for_label(text)
        if f is not None:
            return "field", f
        if self.sections.classify(text):
            return "section", None
        return "", None

    def read_table(self, rows: list[list[_Text]], tab: _Tab, number: int) -> None:
        width = max((len(r) for r in rows), default=0)
        if width == 1:
            for i, r in enumerate(rows, 1):
                if r:
                    self.lines(r[0], tab, self.where(tab, number, i), allow_pending=False)
            return
        header = [c.text for c in rows[0]]
        roles = [self.role(h) for h in header]
        kinds = [k for k, _ in roles]
        if kinds and kinds[0] != "field" and "section" in kinds[1:]:
            self.sectioned_table(rows, header, kinds, tab, number)
        else:
            named = sum(1 for k in kinds if k in ("field", "count", "environment"))
            label_value = self.looks_label_value(rows)
            if (named >= 2 or (width >= 3 and named)) and not label_value:
                self.header_table(rows, roles, tab, number)
            elif width == 2 or label_value or all(norm(h) in GENERIC_HEADERS for h in header):
                self.label_value_table(rows, tab, number)

    def looks_label_value(self, rows: list[list[_Text]]) -> bool:
        """Most first cells name a field: a label/value table with extra columns, not a header table."""
        hits = sum(1 for r in rows if r and self.catalogue.field_for_label(r[0].text))
        return hits >= max(2, (len(rows) + 1) // 2)

    def label_value_table(self, rows: list[list[_Text]], tab: _Tab, number: int) -> None:
        start = 1 if all(norm(c.text) in GENERIC_HEADERS for c in rows[0]) else 0
        sec = self.section(tab)
        for i, r in enumerate(rows[start:], start + 1):
            if len(r) < 2:
                if r:
                    self.lines(r[0], tab, self.where(tab, number, i), allow_pending=False)
                continue
            values = [c for c in r[1:] if c.text]
            if not values:
                continue
            link = next((c.links[0][1] for c in values if c.links), None)
            self.emit(r[0].text, " ".join(c.text for c in values), self.where(tab, number, i), sec, link)

    def sectioned_table(
        self, rows: list[list[_Text]], header: list[str], kinds: list[str], tab: _Tab, number: int
    ) -> None:
        for i, r in enumerate(rows[1:], 2):
            if not r:
                continue
            for j in range(1, min(len(r), len(header))):
                if kinds[j] == "section" and r[j].text:
                    link = r[j].links[0][1] if r[j].links else None
                    self.emit(
                        r[0].text,
                        r[j].text,
                        self.where(tab, number, i),
                        self.sections.classify(header[j]),
                        link,
                    )

    def header_table(
        self, rows: list[list[_Text]], roles: list[tuple[str, Field | None]], tab: _Tab, number: int
    ) -> None:
        header_text = [c.text for c in rows[0]]
        col = {
            kind: j for j, (kind, _) in reversed(list(enumerate(roles))) if kind in ("count", "environment")
        }
        fields = [(j, f) for j, (kind, f) in enumerate(roles) if kind == "field" and f is not None]
        type_col = next((j for j, f in fields if f.type is FieldType.INSTANCE_LIST), None)
        base = self.section(tab)
        groups: dict[str, list[tuple[int, list[_Text]]]] = {}
        totals: list[tuple[int, list[_Text]]] = []
        for i, r in enumerate(rows[1:], 2):
            if not any(c.text for c in r):
                continue
            if any(norm(_cell(r, j)) in self.total_words for j in (0, type_col) if j is not None):
                totals.append((i, r))
                continue
            env = col.get("environment")
            sec = (self.sections.classify(_cell(r, env)) if env is not None else "") or base
            groups.setdefault(sec, []).append((i, r))
        for sec, members in groups.items():
            for j, f in fields:
                if f.type in (FieldType.INSTANCE_LIST, FieldType.VOCABULARY_LIST):
                    items = [
                        (
                            i,
                            _instance_entry(_cell(r, j), _cell(r, col["count"]) if "count" in col else "")
                            if j == type_col
                            else _cell(r, j),
                        )
                        for i, r in members
                    ]
                    items = [(i, t) for i, t in items if t]
                    if items:
                        self.emit(
                            header_text[j],
                            ", ".join(t for _, t in items),
                            self.where(tab, number, items[0][0], items[-1][0]),
                            sec,
                            matched=f,
                        )
                elif type_col is None and len(members) == 1 and not totals:
                    i, r = members[0]
                    cell = r[j] if j < len(r) else _Text()
                    self.emit(
                        header_text[j],
                        cell.text,
                        self.where(tab, number, i),
                        sec,
                        cell.links[0][1] if cell.links else None,
                        matched=f,
                    )
        for i, r in totals[:1]:
            for j, f in fields:
                if f.type not in (FieldType.INSTANCE_LIST, FieldType.VOCABULARY_LIST):
                    self.emit(header_text[j], _cell(r, j), self.where(tab, number, i), base, matched=f)


def _title_heading(content: list[Any]) -> int:
    """Index of a HEADING_1 that opens the content and is its only one (a document title), else -1."""
    first, count = -1, 0
    for i, se in enumerate(content):
        style = _s(_d(_d(_d(se).get("paragraph")).get("paragraphStyle")).get("namedStyleType"))
        if style in HEADING_LEVELS:
            if first < 0:
                first = i if style == "HEADING_1" else -2
            count += style == "HEADING_1"
    return first if first >= 0 and count == 1 else -1


def _cell(row: list[_Text], j: int | None) -> str:
    return row[j].text if j is not None and 0 <= j < len(row) else ""


def _instance_entry(type_text: str, count_text: str) -> str:
    type_text = type_text.strip()
    if not type_text:
        return ""
    m = re.match(r"\s*(\d+)\b", count_text)
    return f"{m.group(1)} × {type_text}" if m else type_text


def _looks_like_label(label: str) -> bool:
    label = label.strip()
    return (
        bool(label)
        and label[0].isalnum()
        and len(label.split()) <= _MAX_LABEL_WORDS
        and "http" not in label.lower()
        and not label.replace(" ", "").isdigit()
    )


def _short(heading: str, limit: int = 48) -> str:
    return heading if len(heading) <= limit else heading[: limit - 1].rstrip() + "…"


def _iter_tabs(
    tabs: list[Any], parents: tuple[str, ...], depth: int = 0
) -> Iterator[tuple[tuple[str, ...], Any]]:
    if depth > MAX_DEPTH:
        return
    for i, tab in enumerate(tabs, 1):
        tab = _d(tab)
        title = _s(_d(tab.get("tabProperties")).get("title")).strip() or f"Tab {i}"
        titles = (*parents, title)
        yield titles, tab
        yield from _iter_tabs(_l(tab.get("childTabs")), titles, depth + 1)


# --------------------------------------------------------------------------------------------
# public


@dataclass(frozen=True)
class Unplaced:
    """A line that looks like a deployment fact (a size, an instance shape, a URL, a date), not used."""

    text: str
    location: Location


@dataclass(frozen=True)
class TddReading:
    """Everything read from one TDD: the values, the fact-like lines not placed, the reader's warnings."""

    values: tuple[TddValue, ...]
    unplaced: tuple[Unplaced, ...] = ()
    problems: tuple[Problem, ...] = ()


def read_document(doc: Any, catalogue: Catalogue) -> TddReading:
    """The full reading of a Docs API document: values, unplaced fact-like lines, problems."""
    return TddReading(tuple(parse_document(doc, catalogue)))


def parse_document(doc: Any, catalogue: Catalogue) -> list[TddValue]:
    """Every labelled value in a Docs API document (all tabs), in document order."""
    if not isinstance(doc, dict):
        return []
    return _Parser(catalogue).document(doc)


def html_document(html: str, title: str | None = None) -> dict[str, Any]:
    """A local HTML file as the Docs JSON Drive's import would make of it (seed chip conventions on)."""
    from handoff.gdocs.html_to_docs import html_to_docs

    return html_to_docs(html, chips=True, title=title)


def document_text(doc: Any) -> str:
    """All paragraph text of every tab (for word searches such as "Rockskip"), one paragraph a line."""
    if not isinstance(doc, dict):
        return ""
    contents: list[list[Any]] = []
    tabs = _l(doc.get("tabs"))
    if tabs:
        contents = [
            _l(_d(_d(_d(t).get("documentTab")).get("body")).get("content")) for _, t in _iter_tabs(tabs, ())
        ]
    else:
        contents = [_l(_d(doc.get("body")).get("content"))]
    lines = [
        _paragraph_text(_d(se["paragraph"])).text.strip()
        for content in contents
        for se in _structural(content, 0)
    ]
    return "\n".join(line for line in lines if line)
