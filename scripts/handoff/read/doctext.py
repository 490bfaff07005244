"""Text of a Docs API document: paragraphs and cells as plain text with their links and boldness.

The input is whatever JSON someone handed us, so every accessor is defensive: anything that is not
the expected shape reads as empty. Smart chips read as text (person → name, rich link → title,
date → its display text); text runs marked as suggested insertions are skipped and suggested
deletions kept, so a document fetched with `SUGGESTIONS_INLINE` reads like
`PREVIEW_WITHOUT_SUGGESTIONS`. Struck-through text (a strikethrough run, or `~~old~~` typed as
markdown) is a value someone crossed out, never the current one: it reads as nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from handoff.read.edits import current
from handoff.read.mounts import blanked

MAX_DEPTH = 40


# --------------------------------------------------------------------------------------------
# small, defensive accessors: the input is whatever JSON someone handed us


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def body_styles(holder: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """(paragraph, its named style) of each structural element of a tab's body (`holder`: its
    `documentTab`, or a legacy document): `{}` and "" for an element that is no paragraph. (The
    accessors written out: the title and heading passes read every element of the body.)"""
    body = holder.get("body")
    content = body.get("content") if isinstance(body, dict) else None
    return content_styles(content if isinstance(content, list) else [])


def content_styles(content: list[Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """`body_styles` of a list of structural elements."""
    for el in content:
        paragraph = el.get("paragraph") if isinstance(el, dict) else None
        if not isinstance(paragraph, dict):
            paragraph = {}
        style = paragraph.get("paragraphStyle")
        name = style.get("namedStyleType") if isinstance(style, dict) else None
        yield paragraph, name if isinstance(name, str) else ""


def paragraph_runs(paragraph: dict[str, Any]) -> str:
    """A paragraph's text runs joined as they are, stripped (a title's or a heading's words)."""
    parts: list[str] = []
    elements = paragraph.get("elements")
    for el in elements if isinstance(elements, list) else ():
        run = el.get("textRun") if isinstance(el, dict) else None
        content = run.get("content") if isinstance(run, dict) else None
        if isinstance(content, str):
            parts.append(content)
    return "".join(parts).strip()


# --------------------------------------------------------------------------------------------
# text of paragraphs and cells


@dataclass
class Text:
    text: str = ""
    links: list[tuple[int, str]] = field(default_factory=list)  # (offset in text, url)
    bold: bool = True  # every non-blank run is bold
    notes: list[tuple[int, str]] = field(default_factory=list)  # (offset in text, footnote id)
    shown: str = ""  # the document's own words where `text` is in the reader's (`Texts.gloss`)
    moved: Callable[[int], int] | None = None  # where an offset of `shown` went in `text` (glossed)

    def link_after(self, offset: int) -> str | None:
        for pos, url in self.links:
            if pos >= offset:
                return url
        return None


def _element_text(el: dict[str, Any]) -> tuple[str, str | None, bool | None]:
    """(text, link, bold) of one paragraph element; bold is None for non-text elements."""
    run = el.get("textRun")
    if isinstance(run, dict) and run:  # (the accessors below written out: the common case, run by run)
        style = run.get("textStyle")
        if not isinstance(style, dict):
            style = {}
        inserted = run.get("suggestedInsertionIds")
        if (isinstance(inserted, list) and inserted) or style.get("strikethrough"):
            return "", None, None
        link = style.get("link")
        url = link.get("url") if isinstance(link, dict) else None
        content = run.get("content")
        text = content.replace("\ue907", "") if isinstance(content, str) else ""
        return text, (url if isinstance(url, str) and url else None), bool(style.get("bold"))
    person = as_dict(as_dict(el.get("person")).get("personProperties"))
    if person:
        email = as_str(person.get("email"))
        return as_str(person.get("name")) or email, (f"mailto:{email}" if email else None), None
    rich = as_dict(as_dict(el.get("richLink")).get("richLinkProperties"))
    if rich:
        uri = as_str(rich.get("uri"))
        return as_str(rich.get("title")) or uri, uri or None, None
    date = as_dict(as_dict(el.get("dateElement")).get("dateElementProperties"))
    if date:
        return as_str(date.get("displayText")) or as_str(date.get("timestamp"))[:10], None, None
    return "", None, None


_MARKDOWN_STRIKE = re.compile(r"~~[^~\n]+~~")


def _unstrike(text: str) -> str:
    """`text` without the `~~old~~` runs typed as markdown strikethrough."""
    return _MARKDOWN_STRIKE.sub("", text) if "~~" in text else text


def paragraph_text(paragraph: dict[str, Any]) -> Text:
    out = Text()
    parts: list[str] = []
    length = 0
    for el in as_list(paragraph.get("elements")):
        if not isinstance(el, dict):
            continue  # (reads as nothing)
        ref = el.get("footnoteReference")
        note = ref.get("footnoteId") if isinstance(ref, dict) else None
        if isinstance(note, str) and note:
            out.notes.append((length, note))  # the mark sits right after the text it annotates
            continue
        text, url, bold = _element_text(el)
        if not text:
            continue
        if url:
            out.links.append((length, url))
        if bold is False and text.strip():
            out.bold = False
        parts.append(text)
        length += len(text)
    out.text = current(_unstrike("".join(parts).replace("\u000b", "\n").replace("\r", "\n")))
    out.text = blanked(out.text)  # a pasted `df -h` / `lsblk` line: only the data disk's size (`read.mounts`)
    if not out.text.strip():
        out.bold = False
    return out


class Texts:
    """The paragraph texts of one document, each worked out once: the word scan of the whole
    document, the walk, and the cells of nested tables read the same paragraphs. An entry holds its
    paragraph, so it is found again only for that very object."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[dict[str, Any], Text]] = {}
        self._rewrite: Callable[[str], str] | None = None
        self._gloss: Callable[[str], tuple[str, Callable[[int], int]]] | None = None

    def gloss(self, fn: Callable[[str], tuple[str, Callable[[int], int]]]) -> None:
        """Every paragraph's text, read and still to read, passed through `fn`, which gives the text
        in the reader's words and where each old offset went (`read.languages`): links and
        footnote marks move with their text. Before the notation's rewrite."""
        before = self._gloss
        self._gloss = fn if before is None else _then(before, fn)  # (a day zero's after the language's)
        for _, text in self._by_id.values():
            _glossed(text, fn)

    def rewrite(self, fn: Callable[[str], str]) -> None:
        """Every paragraph's text, read and still to read, passed through `fn`, which keeps its length
        (the document's number notation, `read.notation`): links keep their offsets."""
        self._rewrite = fn
        for _, text in self._by_id.values():
            text.text = fn(text.text)

    def replace(self, paragraph: dict[str, Any], text: Text) -> None:
        """Read `paragraph` as `text` from now on (a table cell's terms written out, `read.abbrev`):
        `text` is made from the paragraph's text as read, so the rewrite is not applied again."""
        self._by_id[id(paragraph)] = (paragraph, text)

    def glossed(self) -> list[Text]:
        """The texts read in the reader's words that keep the document's own (`Text.shown`)."""
        return [t for _, t in self._by_id.values() if t.shown and t.moved is not None]

    def paragraph(self, paragraph: dict[str, Any]) -> Text:
        """`paragraph_text(paragraph)`, shared: callers only read it."""
        hit = self._by_id.get(id(paragraph))
        if hit is not None and hit[0] is paragraph:
            return hit[1]
        text = paragraph_text(paragraph)
        if self._gloss is not None:
            _glossed(text, self._gloss)
        if self._rewrite is not None:
            text.text = self._rewrite(text.text)
        self._by_id[id(paragraph)] = (paragraph, text)
        return text


Gloss = Callable[[str], tuple[str, Callable[[int], int]]]


def _then(first: Gloss, second: Gloss) -> Gloss:
    """One gloss, then another: each offset moved by both."""

    def both(text: str) -> tuple[str, Callable[[int], int]]:
        mid, one = first(text)
        new, two = second(mid)
        if new is mid:
            return mid, one
        if mid is text:
            return new, two
        return new, lambda at: two(one(at))

    return both


def _glossed(text: Text, fn: Gloss) -> None:
    new, shift = fn(text.text)
    if new is not text.text:
        text.shown = text.shown or text.text
        before = text.moved
        text.moved = shift if before is None else (lambda at: shift(before(at)))
        text.links = [(shift(at), url) for at, url in text.links]
        text.notes = [(shift(at), note) for at, note in text.notes]
        text.text = new


def cell_text(cell: dict[str, Any], depth: int = 0, texts: Texts | None = None) -> Text:
    """A table cell's text: its paragraphs joined by new lines (nested tables flattened)."""
    read = texts.paragraph if texts is not None else paragraph_text
    out = Text()
    lines: list[str] = []
    length = 0
    for se in structural(as_list(cell.get("content")), depth + 1):
        if "paragraph" in se:
            t = read(as_dict(se["paragraph"]))
            stripped = t.text.strip()
            if not stripped:
                continue
            lead = len(t.text) - len(t.text.lstrip())
            out.links.extend((length + max(0, pos - lead), url) for pos, url in t.links)
            out.notes.extend((length + max(0, pos - lead), note) for pos, note in t.notes)
            if not t.bold:
                out.bold = False
            lines.append(stripped)
            length += len(stripped) + 1
    out.text = "\n".join(lines)
    if not lines:
        out.bold = False
    return out


def structural(content: list[Any], depth: int) -> Iterator[dict[str, Any]]:
    """Paragraphs of `content`, descending into nested tables (for cell text)."""
    if depth > MAX_DEPTH:
        return
    for se in content:
        if not isinstance(se, dict):  # (`as_dict` written out: every element of every body, a parse)
            continue
        if "paragraph" in se:
            yield se
        elif "table" in se:
            for row in as_list(as_dict(se["table"]).get("tableRows")):
                for cell in as_list(as_dict(row).get("tableCells")):
                    yield from structural(as_list(as_dict(cell).get("content")), depth + 1)


def iter_tabs(
    tabs: list[Any], parents: tuple[str, ...], depth: int = 0
) -> Iterator[tuple[tuple[str, ...], Any]]:
    if depth > MAX_DEPTH:
        return
    for i, tab in enumerate(tabs, 1):
        tab = as_dict(tab)
        title = as_str(as_dict(tab.get("tabProperties")).get("title")).strip() or f"Tab {i}"
        titles = (*parents, title)
        yield titles, tab
        yield from iter_tabs(as_list(tab.get("childTabs")), titles, depth + 1)


def tab_holders(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Each tab's `documentTab` (its `body`, `lists` …), child tabs after their parent as deep as
    `MAX_DEPTH`; a document without tabs is its own holder."""
    tabs = as_list(doc.get("tabs"))
    if not tabs:
        yield doc
        return
    for _, tab in iter_tabs(tabs, ()):
        yield as_dict(tab.get("documentTab"))


def tab_contents(doc: dict[str, Any]) -> Iterator[list[Any]]:
    """The body content of each of `tab_holders`."""
    return (as_list(as_dict(h.get("body")).get("content")) for h in tab_holders(doc))


def footnotes(holder: dict[str, Any]) -> dict[str, list[Any]]:
    """The footnotes of a tab's `documentTab` (or of a legacy document): id → their content."""
    return {
        as_str(key): as_list(as_dict(note).get("content"))
        for key, note in as_dict(holder.get("footnotes")).items()
    }


def document_text(doc: Any, texts: Texts | None = None) -> str:
    """All paragraph text of every tab (for word searches such as "Rockskip"), one paragraph a line;
    the footnotes after their tab's body (a footnote may say what the document's names mean)."""
    read = texts.paragraph if texts is not None else paragraph_text
    if not isinstance(doc, dict):
        return ""
    tabs = as_list(doc.get("tabs"))
    holders = [as_dict(as_dict(t).get("documentTab")) for _, t in iter_tabs(tabs, ())] if tabs else [doc]
    contents: list[list[Any]] = []
    for holder in holders:
        contents.append(as_list(as_dict(holder.get("body")).get("content")))
        contents.extend(footnotes(holder).values())
    lines = [
        read(as_dict(se["paragraph"])).text.strip() for content in contents for se in structural(content, 0)
    ]
    return "\n".join(line for line in lines if line)
