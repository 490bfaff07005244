"""Emulated `files.export` of a Google Doc: Docs JSON → HTML or plain text, pure.

`to_html(document)` gives a complete HTML page (headings, paragraphs, nested lists,
tables with spans, links, bold/italic/underline/strikethrough, line breaks; smart chips as
links or text). Google's own export styles everything with classes and wraps links in
`https://www.google.com/url?q=…`; this one uses plain tags and the original URLs, and is
built so that importing it again (`html_to_docs`) gives back the same document structure.

`to_text(document)` approximates Google's `text/plain` export: a UTF-8 BOM first, CRLF line
ends, list items as `* item` / `1. item` indented four spaces per level, table rows with
cells separated by tabs, chips as their visible text.

Both accept a Document in tabs form (`includeTabsContent=true`) or the legacy form and
export every tab, depth first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

JSON = dict[str, Any]

TAB_FIELDS = (
    "body",
    "headers",
    "footers",
    "footnotes",
    "documentStyle",
    "namedStyles",
    "lists",
    "namedRanges",
    "inlineObjects",
    "positionedObjects",
)
ORDERED_GLYPHS = {"DECIMAL", "ZERO_DECIMAL", "ALPHA", "UPPER_ALPHA", "ROMAN", "UPPER_ROMAN"}
HEADING_TAGS = {f"HEADING_{n}": f"h{n}" for n in range(1, 7)}
CLASS_TAGS = {"TITLE": "title", "SUBTITLE": "subtitle"}
NEEDS_PRESERVE = re.compile(r"^[ \t]|[ \t]$|  |\t|\x0b$| \x0b|\x0b ")


# -- walking a document ---------------------------------------------------------------------------
def iter_tabs(document: JSON) -> Iterator[JSON]:
    """Every tab's `documentTab`, depth first; a legacy (tab-less) document counts as one tab."""
    tabs = document.get("tabs") or []
    if not tabs:
        yield {k: document[k] for k in TAB_FIELDS if k in document}
        return
    stack = list(reversed(tabs))
    while stack:
        tab = stack.pop()
        yield tab.get("documentTab") or {}
        stack.extend(reversed(tab.get("childTabs") or []))


def element_text(element: JSON) -> str:
    """The visible text of one ParagraphElement (chips rendered as a person would read them)."""
    if "textRun" in element:
        return str(element["textRun"].get("content", ""))
    if "person" in element:
        props = element["person"].get("personProperties", {})
        return str(props.get("name") or props.get("email", ""))
    if "richLink" in element:
        props = element["richLink"].get("richLinkProperties", {})
        return str(props.get("title") or props.get("uri", ""))
    if "dateElement" in element:
        return str(element["dateElement"].get("dateElementProperties", {}).get("displayText", ""))
    return ""


def paragraph_text(paragraph: JSON) -> str:
    return "".join(element_text(e) for e in paragraph.get("elements", []))


def _is_ordered(lists: JSON, bullet: JSON) -> bool:
    levels = lists.get(bullet.get("listId", ""), {}).get("listProperties", {}).get("nestingLevels", [])
    level = int(bullet.get("nestingLevel", 0))
    entry = levels[level] if level < len(levels) else {}
    return "glyphSymbol" not in entry and entry.get("glyphType") in ORDERED_GLYPHS


def _cell_grid(table: JSON) -> list[list[tuple[JSON, bool]]]:
    """Each row's cells with a `covered` flag (inside another cell's row/column span)."""
    covered: set[tuple[int, int]] = set()
    grid = []
    for r, row in enumerate(table.get("tableRows", [])):
        cells = []
        for c, cell in enumerate(row.get("tableCells", [])):
            style = cell.get("tableCellStyle", {})
            is_covered = (r, c) in covered
            if not is_covered:
                for dr in range(max(1, int(style.get("rowSpan", 1) or 1))):
                    for dc in range(max(1, int(style.get("columnSpan", 1) or 1))):
                        if (dr, dc) != (0, 0):
                            covered.add((r + dr, c + dc))
            cells.append((cell, is_covered))
        grid.append(cells)
    return grid


# -- HTML ------------------------------------------------------------------------------------------
def _escape(text: str) -> str:
    out = html.escape(text.replace("\r\n", "\x0b").replace("\n", "\x0b").replace("\r", "\x0b"), quote=False)
    return out.replace("\x0b", "<br>")


def _run_html(element: JSON) -> str:
    if "textRun" in element:
        run = element["textRun"]
        text = _escape(str(run.get("content", "")).removesuffix("\n"))
        style = run.get("textStyle", {})
        if not text:
            return ""
        return _styled(text, style)
    text = _escape(element_text(element))
    if "person" in element:
        email = element["person"].get("personProperties", {}).get("email", "")
        return f'<a href="mailto:{html.escape(email)}">{text}</a>'
    if "richLink" in element:
        uri = element["richLink"].get("richLinkProperties", {}).get("uri", "")
        return f'<a href="{html.escape(uri)}">{text}</a>'
    return text


def _styled(text: str, style: JSON) -> str:
    for flag, tag in (("strikethrough", "s"), ("italic", "i"), ("bold", "b")):
        if style.get(flag):
            text = f"<{tag}>{text}</{tag}>"
    url = (style.get("link") or {}).get("url")
    if url:
        return f'<a href="{html.escape(url)}">{text}</a>'
    if style.get("underline"):
        text = f"<u>{text}</u>"
    return text


def _paragraph_inner(paragraph: JSON) -> str:
    inner = "".join(_run_html(e) for e in paragraph.get("elements", []))
    if NEEDS_PRESERVE.search(paragraph_text(paragraph).removesuffix("\n")):
        inner = f'<span style="white-space:pre-wrap">{inner}</span>'
    return inner


def _paragraph_html(paragraph: JSON) -> str:
    style = paragraph.get("paragraphStyle", {})
    named = style.get("namedStyleType", "NORMAL_TEXT")
    inner = _paragraph_inner(paragraph)
    if named in HEADING_TAGS:
        tag = HEADING_TAGS[named]
        anchor = f' id="{html.escape(style["headingId"])}"' if style.get("headingId") else ""
        return f"<{tag}{anchor}>{inner}</{tag}>"
    if named in CLASS_TAGS:
        return f'<p class="{CLASS_TAGS[named]}">{inner}</p>'
    return f"<p>{inner}</p>"


def _list_class(bullet: JSON) -> str:
    """A Docs export's list class, `lst-kix_<list id>-<level>`: it keeps a list's identity across a
    paragraph that interrupts it, so the re-import joins the two runs again (docs/CONTRACTS.md)."""
    list_id = re.sub(r"\W", "", str(bullet.get("listId", "")).removeprefix("kix."))
    return f"lst-kix_{list_id}-{int(bullet.get('nestingLevel', 0))}"


class _HtmlWriter:
    """Renders one tab's structural elements, grouping bullet paragraphs into nested lists."""

    def __init__(self, lists: JSON) -> None:
        self.lists = lists
        self.out: list[str] = []
        self.open_lists: list[list[Any]] = []  # [tag, li_open]
        self.list_id: str | None = None

    def content(self, content: list[JSON]) -> None:
        for element in content:
            paragraph = element.get("paragraph")
            if paragraph is not None and paragraph.get("bullet"):
                self.list_item(paragraph)
                continue
            self.close_lists()
            if paragraph is not None:
                self.out.append(_paragraph_html(paragraph))
            elif "table" in element:
                self.table(element["table"])
            elif "tableOfContents" in element:
                self.content(element["tableOfContents"].get("content", []))
        self.close_lists()

    def list_item(self, paragraph: JSON) -> None:
        bullet = paragraph["bullet"]
        if bullet.get("listId") != self.list_id:
            self.close_lists()
            self.list_id = bullet.get("listId")
        depth = int(bullet.get("nestingLevel", 0)) + 1
        while len(self.open_lists) > depth:
            self._close_one()
        if len(self.open_lists) == depth and self.open_lists[-1][1]:
            self.out.append("</li>")
            self.open_lists[-1][1] = False
        while len(self.open_lists) < depth:
            level = {**bullet, "nestingLevel": len(self.open_lists)}
            tag = "ol" if _is_ordered(self.lists, level) else "ul"
            self.out.append(f'<{tag} class="{_list_class(level)}">')
            self.open_lists.append([tag, False])
        named = paragraph.get("paragraphStyle", {}).get("namedStyleType", "NORMAL_TEXT")
        inner = _paragraph_html(paragraph) if named != "NORMAL_TEXT" else _paragraph_inner(paragraph)
        self.out.append(f"<li>{inner}")
        self.open_lists[-1][1] = True

    def _close_one(self) -> None:
        tag, li_open = self.open_lists.pop()
        self.out.append(("</li>" if li_open else "") + f"</{tag}>")

    def close_lists(self) -> None:
        while self.open_lists:
            self._close_one()
        self.list_id = None

    def table(self, table: JSON) -> None:
        self.out.append("<table>")
        for row in _cell_grid(table):
            self.out.append("<tr>")
            for cell, covered in row:
                if not covered:
                    self.cell(cell)
            self.out.append("</tr>")
        self.out.append("</table>")

    def cell(self, cell: JSON) -> None:
        style = cell.get("tableCellStyle", {})
        attrs = "".join(
            f' {name}="{int(style[key])}"'
            for key, name in (("rowSpan", "rowspan"), ("columnSpan", "colspan"))
            if int(style.get(key, 1) or 1) > 1
        )
        writer = _HtmlWriter(self.lists)
        writer.content(cell.get("content", []))
        self.out.append(f"<td{attrs}>{''.join(writer.out)}</td>")


def to_html(document: JSON) -> str:
    """`files.export(mimeType="text/html")`: a full HTML page of every tab's content."""
    parts: list[str] = []
    for tab in iter_tabs(document):
        writer = _HtmlWriter(tab.get("lists", {}))
        writer.content(tab.get("body", {}).get("content", []))
        parts.extend(writer.out)
    title = html.escape(str(document.get("title", "")))
    head = f'<meta content="text/html; charset=UTF-8" http-equiv="content-type"><title>{title}</title>'
    body = "\n".join(parts)
    return f'<!DOCTYPE html>\n<html><head>{head}</head><body class="doc-content">\n{body}\n</body></html>\n'


# -- plain text ------------------------------------------------------------------------------------
class _TextWriter:
    """Renders structural elements as lines; numbers ordered list items per list and level."""

    def __init__(self, lists: JSON) -> None:
        self.lists = lists
        self.lines: list[str] = []
        self.counters: dict[tuple[str, int], int] = {}

    def content(self, content: list[JSON]) -> None:
        for element in content:
            if "paragraph" in element:
                self.paragraph(element["paragraph"])
            elif "table" in element:
                self.table(element["table"])
            elif "tableOfContents" in element:
                self.content(element["tableOfContents"].get("content", []))

    def paragraph(self, paragraph: JSON) -> None:
        text = paragraph_text(paragraph).removesuffix("\n").replace("\x0b", "\n")
        bullet = paragraph.get("bullet")
        if bullet:
            text = self.marker(bullet) + text
        self.lines.append(text)

    def marker(self, bullet: JSON) -> str:
        level = int(bullet.get("nestingLevel", 0))
        list_id = str(bullet.get("listId", ""))
        for key in [k for k in self.counters if k[0] == list_id and k[1] > level]:
            del self.counters[key]
        indent = "    " * level
        if not _is_ordered(self.lists, bullet):
            return f"{indent}* "
        self.counters[(list_id, level)] = self.counters.get((list_id, level), 0) + 1
        return f"{indent}{self.counters[(list_id, level)]}. "

    def table(self, table: JSON) -> None:
        for row in table.get("tableRows", []):
            cells = []
            for cell in row.get("tableCells", []):
                writer = _TextWriter(self.lists)
                writer.content(cell.get("content", []))
                cells.append("\n".join(writer.lines).strip("\n"))
            self.lines.append("\t".join(cells))


def to_text(document: JSON) -> str:
    """`files.export(mimeType="text/plain")`: BOM, CRLF line ends, lists and tables flattened."""
    lines: list[str] = []
    for tab in iter_tabs(document):
        writer = _TextWriter(tab.get("lists", {}))
        writer.content(tab.get("body", {}).get("content", []))
        lines.extend(writer.lines)
    text = "\n".join(lines)
    return "\ufeff" + text.replace("\r\n", "\n").replace("\n", "\r\n")
