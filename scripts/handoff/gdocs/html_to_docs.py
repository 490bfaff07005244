"""Emulated Drive HTML import: HTML → a Docs API `Document` (tabs form), pure.

Drive turns an uploaded `text/html` file into a Google Doc when the target mimeType is
`application/vnd.google-apps.document`. This module reproduces that for the HTML subset the
tool writes (h1–h6, p, b/strong, i/em, u, s, a href, nested ul/ol/li, table/tr/td/th with
row/colspan, br, div, span, section, pre, title) and returns the JSON `documents.get`
would give with `includeTabsContent=true`:

* `body.content` starts with a `sectionBreak` (`endIndex` 1, no `startIndex`); every
  paragraph ends in `"\\n"`; indexes are UTF-16 code units; a table is always preceded and
  followed by a paragraph, as in the Docs editor;
* proto3 style: zero/default values are omitted (`nestingLevel` 0, `startIndex` 0, false
  styles), empty maps such as `lists` are left out;
* ids (`kix.…` list ids, `h.…` heading ids, `t.…` tab ids) are deterministic for a given
  input, so importing the same HTML twice gives the same JSON.

`chips=True` (seed files only, never a Drive upload) also honours the seed conventions of
docs/CONTRACTS.md: `<a data-chip="person" href="mailto:…">`, `<time data-chip="date"
datetime="YYYY-MM-DD">`, `<a data-chip="richlink" href="…">` become smart chips and
`<section data-tab="Title">` (nested for child tabs) become document tabs.

Malformed HTML never raises; `script`, `style` and other non-content elements are dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any

JSON = dict[str, Any]

DOC_MIME = "application/vnd.google-apps.document"
SHEET_MIME = "application/vnd.google-apps.spreadsheet"
LINK_COLOR = {"color": {"rgbColor": {"red": 0.06666667, "green": 0.33333334, "blue": 0.8}}}
MAX_LIST_LEVEL = 8  # Docs lists have nine nesting levels
# Docs' own HTML export writes a nested list flat: one <ul> per run of items, classed
# `lst-kix_<list id>-<nesting level>`; the import reads the level back from the class.
_KIX_LIST = re.compile(r"(?<![\w-])lst-kix_([A-Za-z0-9_]+?)-(\d+)(?![\w-])")
MAX_DEPTH = 256  # open elements kept; deeper tags are ignored (their text is kept)
MAX_TABLE_DEPTH = 8  # tables nested deeper are flattened into paragraphs
MAX_TAB_DEPTH = 3  # Docs allows a tab, its child tabs and their child tabs

HEADINGS = {f"h{n}": f"HEADING_{n}" for n in range(1, 7)}
CLASS_STYLES = {"title": "TITLE", "subtitle": "SUBTITLE"}


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


VOID = _tags("area base br col embed hr img input keygen link meta param source track wbr")
DROP = _tags(  # elements whose content is never document text
    "script style template noscript iframe object svg math select textarea button canvas video audio"
)
PARAGRAPHS = _tags("p li pre dt dd caption figcaption h1 h2 h3 h4 h5 h6")
BLOCKS = PARAGRAPHS | _tags(
    "div section article aside header footer main nav blockquote address figure dl form fieldset ul ol "
    "table body html center"
)
CLOSES_P = BLOCKS - {"li", "dt", "dd", "caption", "figcaption", "body", "html"}
INLINE_STYLES: dict[str, dict[str, Any]] = {
    "b": {"bold": True},
    "strong": {"bold": True},
    "i": {"italic": True},
    "em": {"italic": True},
    "cite": {"italic": True},
    "var": {"italic": True},
    "dfn": {"italic": True},
    "u": {"underline": True},
    "ins": {"underline": True},
    "s": {"strikethrough": True},
    "strike": {"strikethrough": True},
    "del": {"strikethrough": True},
    "th": {"bold": True},
    "mark": {"highlight": "#ffff00"},
}
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
PRESERVED_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_COLSPAN = 20
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


# -- the intermediate model ------------------------------------------------------------------------
@dataclass(frozen=True)
class Style:
    """Inline text style; only these survive the import."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    strikethrough: bool = False
    highlight: str | None = None  # a background colour (`#ffff00`), not white or none
    link: str | None = None
    grey: str | None = None  # a neutral grey text colour (`#999999`): how a template writes its guidance


@dataclass
class Text:
    text: str
    style: Style


@dataclass
class Chip:
    kind: str  # "person" | "date" | "richlink"
    props: dict[str, str]
    style: Style


Inline = Text | Chip


@dataclass(frozen=True)
class ListRef:
    list_no: int
    level: int
    ordered: bool = False  # ol or ul; a level's kind is fixed by its first item (see bullet())


@dataclass
class Para:
    named_style: str = "NORMAL_TEXT"
    bullet: ListRef | None = None
    inlines: list[Inline] = field(default_factory=list)
    preserve: bool = False


@dataclass
class Cell:
    blocks: list[Block] = field(default_factory=list)
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)


Block = Para | Table


@dataclass
class TabNode:
    title: str
    blocks: list[Block] = field(default_factory=list)
    children: list[TabNode] = field(default_factory=list)
    explicit: bool = False


@dataclass
class ListSpec:
    """A Docs list: whether each nesting level is ordered (set by the first item at that level)."""

    ordered: dict[int, bool] = field(default_factory=dict)


@dataclass
class Frame:
    """One open HTML element and what it means for the import."""

    tag: str
    style: dict[str, Any] = field(default_factory=dict)
    named_style: str | None = None
    block: bool = False
    empty_para: bool = False
    produced: bool = False
    preserve: bool | None = None
    drop: bool = False
    list_ref: ListRef | None = None  # ul/ol: the list level it opens; li: the level it belongs to
    container: Cell | TabNode | None = None
    table: TableBuilder | None = None
    capture: list[str] | None = None
    chip: tuple[str, dict[str, str]] | None = None


@dataclass
class TableBuilder:
    rows: list[list[Cell]] = field(default_factory=list)

    def new_row(self) -> None:
        self.rows.append([])

    def new_cell(self, rowspan: int, colspan: int) -> Cell:
        if not self.rows:
            self.new_row()
        cell = Cell(rowspan=rowspan, colspan=colspan)
        self.rows[-1].append(cell)
        return cell


# -- parsing ---------------------------------------------------------------------------------------
def _int_attr(value: str | None, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(str(value).strip())))
    except (TypeError, ValueError):
        return low


def _css(style: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for decl in (style or "").split(";"):
        name, _, value = decl.partition(":")
        if value:
            out[name.strip().lower()] = value.strip().lower()
    return out


_STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style\s*>", re.I | re.S)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"\.([A-Za-z_][\w-]*)")


def class_rules(html: str) -> list[tuple[str, dict[str, str]]]:
    """(class name, declarations) of the `<style>` rules whose selector is one bare `.name`, in order.

    A Docs "Download → Web page" export styles every run through such classes (`.c2{font-weight:
    700}`, `.c4{text-decoration:line-through}`); Drive's import keeps that formatting, so the
    emulation honours the simple class rules (other selectors are ignored).
    """
    rules: list[tuple[str, dict[str, str]]] = []
    for sheet in _STYLE_BLOCK.findall(html):
        for selectors, body in _CSS_RULE.findall(re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)):
            for selector in selectors.split(","):
                match = _CLASS_SELECTOR.fullmatch(selector.strip())
                if match:
                    rules.append((match.group(1), _css(body)))
    return rules


_HEX_COLOUR = re.compile(r"#(?:[0-9a-f]{3}){1,2}")
_NO_HIGHLIGHT = frozenset({"#fff", "#ffffff"})


def _rgb(colour: str) -> JSON:
    """A `#rrggbb` (or `#rgb`) colour as Docs' rgbColor."""
    digits = colour[1:] if len(colour) == 7 else "".join(c * 2 for c in colour[1:])
    names = ("red", "green", "blue")
    return {n: round(int(digits[2 * i : 2 * i + 2], 16) / 255, 4) for i, n in enumerate(names)}


def _css_effects(css: dict[str, str]) -> tuple[dict[str, Any], bool | None]:
    style: dict[str, Any] = {}
    weight = css.get("font-weight", "")
    if weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600):
        style["bold"] = True
    elif weight in ("normal", "lighter") or (weight.isdigit() and int(weight) < 600):
        style["bold"] = False
    if "font-style" in css:
        style["italic"] = css["font-style"] in ("italic", "oblique")
    decoration = css.get("text-decoration", css.get("text-decoration-line", ""))
    if "underline" in decoration:
        style["underline"] = True
    if "line-through" in decoration:
        style["strikethrough"] = True
    background = css.get("background-color", css.get("background", "")).split()
    if background and _HEX_COLOUR.fullmatch(background[0]) and background[0] not in _NO_HIGHLIGHT:
        style["highlight"] = background[0]
    colour = css.get("color", "").strip().lower()
    if colour:  # (any other colour ends an outer grey)
        style["grey"] = colour if _HEX_COLOUR.fullmatch(colour) and _neutral_grey(colour) else None
    space = css.get("white-space")
    preserve = None if space is None else space in ("pre", "pre-wrap", "break-spaces")
    return style, preserve


def _neutral_grey(colour: str) -> bool:
    """Whether a `#rrggbb` colour is a grey between dark and white (`#666666` … `#cccccc`)."""
    rgb = _rgb(colour)
    low, high = min(rgb.values()), max(rgb.values())
    return high - low <= 0.07 and low >= 0.3 and high <= 0.87


class _Importer(HTMLParser):
    """Streams HTML into TabNodes of Paras and Tables (see module docstring)."""

    def __init__(self, chips: bool, classes: list[tuple[str, dict[str, str]]] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.chips = chips
        self.classes = classes or []
        self.root = TabNode("Tab 1")
        self.frames: list[Frame] = [Frame("#root", container=self.root)]
        self.lists: list[ListSpec] = []
        self.kix_lists: dict[str, int] = {}  # a Docs export's list id (`lst-kix_<id>-<level>`) → list number
        self.para: Para | None = None
        self.title_parts: list[str] = []
        self.ignored: dict[str, int] = {}

    # scope helpers ----------------------------------------------------------------------------
    def _scope(self) -> list[Frame]:
        """Frames from the innermost container (cell / tab / table) outwards-in to the top."""
        for i in range(len(self.frames) - 1, -1, -1):
            if self.frames[i].container is not None or self.frames[i].table is not None:
                return self.frames[i:]
        return self.frames

    def _container(self) -> Cell | TabNode:
        for frame in reversed(self.frames):
            if frame.container is not None:
                return frame.container
        return self.root

    def _dropping(self) -> bool:
        return any(f.drop for f in self.frames)

    def _capture(self) -> list[str] | None:
        for frame in reversed(self.frames):
            if frame.capture is not None:
                return frame.capture
        return None

    def _preserve(self) -> bool:
        for frame in reversed(self._scope()):
            if frame.preserve is not None:
                return frame.preserve
        return False

    def _inline_style(self) -> Style:
        values: dict[str, Any] = {}
        for frame in self._scope():
            values.update(frame.style)
        return Style(**values)

    # paragraphs -------------------------------------------------------------------------------
    def _open_para(self) -> Para:
        if self.para is None:
            named, bullet = "NORMAL_TEXT", None
            for frame in self._scope():
                named = frame.named_style or named
                if frame.tag == "li" and frame.list_ref is not None:
                    bullet = frame.list_ref
            self.para = Para(named, bullet, preserve=self._preserve())
        return self.para

    def _append_block(self, block: Block) -> None:
        self._container().blocks.append(block)
        for frame in self.frames:
            frame.produced = True

    def _flush(self) -> None:
        para, self.para = self.para, None
        if para is None:
            return
        if not para.preserve:
            _trim_end(para.inlines)
        self._append_block(para)

    def _add_text(self, text: str) -> None:
        para = self._open_para()
        style = self._inline_style()
        last = para.inlines[-1] if para.inlines else None
        if isinstance(last, Text) and last.style == style:
            last.text += text
        else:
            para.inlines.append(Text(text, style))

    # HTMLParser callbacks ---------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v if v is not None else "") for k, v in attrs}
        if len(self.frames) >= MAX_DEPTH and tag not in VOID:
            self.ignored[tag] = self.ignored.get(tag, 0) + 1  # too deep: keep the text, not the element
            return
        if self._dropping():
            if tag not in VOID:
                self.frames.append(Frame(tag, drop=True))
            return
        self._implicit_close(tag)
        if tag in VOID:
            self._void(tag)
            return
        frame = self._make_frame(tag, attr)
        if frame.block:
            self._flush()
        self._enter(frame, attr)
        self.frames.append(frame)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.ignored.get(tag):
            self.ignored[tag] -= 1
            return
        for i in range(len(self.frames) - 1, 0, -1):
            if self.frames[i].tag == tag:
                while len(self.frames) > i:
                    self._pop()
                return

    def parse_html_declaration(self, i: int) -> int:
        """`<!…` as the standard parser reads it; a malformed marked section (`<![0`), on which the
        standard library raises, is text."""
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            self.handle_data(self.rawdata[i : i + 2])
            return i + 2

    def handle_data(self, data: str) -> None:
        if self._dropping():
            return
        capture = self._capture()
        if capture is not None:
            capture.append(data)
            return
        text = self._clean(data)
        if text:
            self._add_text(text)

    def close(self) -> None:
        try:
            super().close()
        finally:
            while len(self.frames) > 1:
                self._pop()
            self._flush()

    # element handling -------------------------------------------------------------------------
    def _clean(self, data: str) -> str:
        if self._preserve():
            text = data.replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ")
            return PRESERVED_CONTROL_CHARS.sub("", text).replace("\n", "\x0b")
        text = CONTROL_CHARS.sub("", HTML_SPACE.sub(" ", data))
        para = self.para
        if para is None or _ends_with_break(para.inlines):
            text = text.lstrip(" ")
        return text

    def _implicit_close(self, tag: str) -> None:
        if tag in CLOSES_P or tag == "hr":
            self._close_open("p", stop=set())
        if tag in HEADINGS:
            for h in HEADINGS:
                self._close_open(h, stop={"td", "th", "table", "section", "li"})
        if tag == "li":
            self._close_open("li", stop={"ul", "ol", "td", "th", "table"})
        if tag in ("td", "th", "tr"):
            for name in ("td", "th"):
                self._close_open(name, stop={"table"})
        if tag == "tr":
            self._close_open("tr", stop={"table"})

    def _close_open(self, tag: str, stop: set[str]) -> None:
        for i in range(len(self.frames) - 1, 0, -1):
            name = self.frames[i].tag
            if name == tag:
                while len(self.frames) > i:
                    self._pop()
                return
            if name in stop or self.frames[i].container is not None or self.frames[i].table is not None:
                return

    def _void(self, tag: str) -> None:
        if tag == "br":
            capture = self._capture()
            if capture is not None:
                capture.append(" ")
                return
            para = self._open_para()
            if not para.preserve:
                _trim_end(para.inlines, " ")
            self._add_text("\x0b")
        elif tag == "hr":
            self._flush()

    def _make_frame(self, tag: str, attr: dict[str, str]) -> Frame:
        if tag in DROP:
            return Frame(tag, drop=True)
        css_style, preserve = _css_effects(self._class_css(attr.get("class")) | _css(attr.get("style")))
        if tag in BLOCKS or tag in ("td", "th", "tr"):
            css_style.pop("highlight", None)  # (a block's or a cell's shading: no highlight of its text)
        frame = Frame(tag, style={**INLINE_STYLES.get(tag, {}), **css_style}, preserve=preserve)
        if tag == "pre":
            frame.preserve = True
        if tag == "title":
            frame.capture = self.title_parts
        elif tag in ("a", "time") and self.chips and attr.get("data-chip"):
            self._chip_frame(frame, tag, attr)
        if tag == "a" and frame.chip is None and attr.get("href", "").strip():
            frame.style.update(link=attr["href"].strip(), underline=True)
        if tag in ("td", "th", "tr", "thead", "tbody", "tfoot"):
            frame.block = True
        if tag in BLOCKS:
            frame.block = True
            frame.empty_para = tag in PARAGRAPHS
            frame.named_style = HEADINGS.get(tag) or _class_style(attr.get("class"))
        return frame

    def _class_css(self, classes: str | None) -> dict[str, str]:
        """The declarations of the stylesheet's `.name` rules this element's classes match, in order."""
        names = set((classes or "").split())
        out: dict[str, str] = {}
        for name, decls in self.classes if names else ():
            if name in names:
                out.update(decls)
        return out

    def _chip_frame(self, frame: Frame, tag: str, attr: dict[str, str]) -> None:
        kind = attr.get("data-chip", "").strip().lower()
        href = attr.get("href", "").strip()
        if kind == "person" and tag == "a" and href.lower().startswith("mailto:") and len(href) > 7:
            frame.chip = ("person", {"email": href[7:].split("?")[0]})
        elif kind == "richlink" and tag == "a" and href:
            frame.chip = ("richlink", {"uri": href})
        elif kind == "date" and tag == "time" and _parse_date(attr.get("datetime", "")):
            frame.chip = ("date", {"datetime": attr.get("datetime", "").strip()})
        if frame.chip is not None:
            frame.capture = []

    def _enter(self, frame: Frame, attr: dict[str, str]) -> None:
        tag = frame.tag
        if tag in ("ul", "ol"):
            frame.list_ref = self._open_list(tag == "ol", attr.get("class", ""))
        elif tag == "li":
            frame.list_ref = self._innermost_list()
        elif tag == "table" and sum(f.tag == "table" for f in self.frames) < MAX_TABLE_DEPTH:
            frame.table = TableBuilder()
        elif tag == "tr":
            builder = self._innermost_table()
            if builder is not None:
                builder.new_row()
        elif tag in ("td", "th"):
            self._enter_cell(frame, attr)
        elif tag == "section" and self.chips and "data-tab" in attr and self._tab_depth() < MAX_TAB_DEPTH:
            self._enter_tab(frame, attr["data-tab"])

    def _enter_cell(self, frame: Frame, attr: dict[str, str]) -> None:
        builder = self._innermost_table()
        if builder is None:
            frame.empty_para = True
            return
        frame.container = builder.new_cell(
            _int_attr(attr.get("rowspan"), 1, 1000), _int_attr(attr.get("colspan"), 1, MAX_COLSPAN)
        )

    def _enter_tab(self, frame: Frame, title: str) -> None:
        parent = self._innermost_tab()
        tab = TabNode(HTML_SPACE.sub(" ", title).strip(), explicit=True)
        parent.children.append(tab)
        frame.container = tab

    def _tab_depth(self) -> int:
        return sum(isinstance(f.container, TabNode) for f in self.frames[1:])

    def _innermost_tab(self) -> TabNode:
        for frame in reversed(self.frames):
            if isinstance(frame.container, TabNode):
                return frame.container
        return self.root

    def _innermost_table(self) -> TableBuilder | None:
        for frame in reversed(self.frames):
            if frame.table is not None or frame.tag == "table":  # a table nested too deep has none
                return frame.table
            if frame.container is not None:
                return None
        return None

    def _innermost_list(self) -> ListRef | None:
        for frame in reversed(self._scope()):
            if frame.tag in ("ul", "ol") and frame.list_ref is not None:
                return frame.list_ref
        return None

    def _open_list(self, ordered: bool, classes: str = "") -> ListRef:
        outer = self._innermost_list()
        kix = _KIX_LIST.search(classes) if outer is None else None
        if kix is not None:  # a Docs export: one flat <ul> per run of items, the list and level in the class
            if kix.group(1) not in self.kix_lists:
                self.lists.append(ListSpec())
                self.kix_lists[kix.group(1)] = len(self.lists) - 1
            ref = ListRef(self.kix_lists[kix.group(1)], min(int(kix.group(2)), MAX_LIST_LEVEL), ordered)
        elif outer is None:
            self.lists.append(ListSpec())
            ref = ListRef(len(self.lists) - 1, 0, ordered)
        else:
            ref = ListRef(outer.list_no, min(outer.level + 1, MAX_LIST_LEVEL), ordered)
        return ref

    def _pop(self) -> None:
        """Close the innermost element (while it is still on the stack), then drop it."""
        self._close(self.frames[-1])
        self.frames.pop()

    def _close(self, frame: Frame) -> None:
        if frame.drop:
            return
        if frame.chip is not None:
            self._emit_chip(frame)
        elif frame.tag == "title":
            return
        if frame.table is not None:
            self._flush()
            if any(frame.table.rows):
                self._append_block(Table([row for row in frame.table.rows if row]))
            return
        if frame.container is not None:
            self._flush()
            if isinstance(frame.container, Cell) and not frame.container.blocks:
                frame.container.blocks.append(Para())
            return
        if frame.block:
            if frame.empty_para and not frame.produced and self.para is None:
                self.para = Para(frame.named_style or self._scope_named_style(), self._scope_bullet(frame))
            self._flush()

    def _scope_named_style(self) -> str:
        named = "NORMAL_TEXT"
        for frame in self._scope():
            named = frame.named_style or named
        return named

    def _scope_bullet(self, closing: Frame) -> ListRef | None:
        if closing.tag == "li":
            return closing.list_ref
        for frame in self._scope():
            if frame.tag == "li" and frame.list_ref is not None:
                return frame.list_ref
        return None

    def _emit_chip(self, frame: Frame) -> None:
        assert frame.chip is not None and frame.capture is not None
        kind, props = frame.chip
        text = HTML_SPACE.sub(" ", CONTROL_CHARS.sub("", "".join(frame.capture))).strip()
        style = self._inline_style()
        para = self._open_para()
        para.inlines.append(Chip(kind, {**props, "text": text}, replace(style, link=None)))


def _class_style(classes: str | None) -> str | None:
    for name in (classes or "").split():
        if name.lower() in CLASS_STYLES:
            return CLASS_STYLES[name.lower()]
    return None


def _ends_with_break(inlines: list[Inline]) -> bool:
    if not inlines:
        return True
    last = inlines[-1]
    return isinstance(last, Text) and (last.text.endswith(" ") or last.text.endswith("\x0b"))


def _trim_end(inlines: list[Inline], chars: str = " \x0b") -> None:
    """Drop trailing spaces (and line breaks) of a paragraph's runs, as HTML rendering does."""
    while inlines and isinstance(inlines[-1], Text):
        last = inlines[-1]
        assert isinstance(last, Text)
        last.text = last.text.rstrip(chars)
        if last.text:
            return
        inlines.pop()


def _parse_date(value: str) -> date | None:
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            return None


# -- building the Docs JSON ----------------------------------------------------------------------
def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of every Docs index (an emoji counts 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class _Ids:
    """Deterministic Docs-looking ids: `kix.…`, `h.…`, `t.…`."""

    def __init__(self, salt: str) -> None:
        self.salt = salt
        self.counter = 0

    def make(self, prefix: str, length: int = 12) -> str:
        self.counter += 1
        digest = hashlib.sha256(f"{self.salt}:{prefix}:{self.counter}".encode()).digest()
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
        n = int.from_bytes(digest, "big")
        chars = []
        for _ in range(length):
            n, r = divmod(n, len(alphabet))
            chars.append(alphabet[r])
        return f"{prefix}.{''.join(chars)}"


def _dim(magnitude: float | None = None) -> JSON:
    return {"unit": "PT"} if not magnitude else {"magnitude": magnitude, "unit": "PT"}


def _text_style(style: Style) -> JSON:
    out: JSON = {}
    for name in ("bold", "italic", "underline", "strikethrough"):
        if getattr(style, name):
            out[name] = True
    if style.highlight:
        out["backgroundColor"] = {"color": {"rgbColor": _rgb(style.highlight)}}
    if style.link:
        out["foregroundColor"] = LINK_COLOR
        out["link"] = {"url": style.link}
    elif style.grey:
        out["foregroundColor"] = {"color": {"rgbColor": _rgb(style.grey)}}
    return out


class _Layout:
    """Assigns UTF-16 indexes and ids while turning the block model into Docs JSON."""

    def __init__(self, ids: _Ids, lists: list[ListSpec]) -> None:
        self.ids = ids
        self.specs = lists
        self.list_ids: dict[int, str] = {}

    def body(self, blocks: list[Block]) -> JSON:
        section = {
            "endIndex": 1,
            "sectionBreak": {
                "sectionStyle": {
                    "columnSeparatorStyle": "NONE",
                    "contentDirection": "LEFT_TO_RIGHT",
                    "sectionType": "CONTINUOUS",
                }
            },
        }
        content, _ = self.content(blocks, 1)
        return {"content": [section, *content]}

    def content(self, blocks: list[Block], start: int) -> tuple[list[JSON], int]:
        out: list[JSON] = []
        index = start
        for block in _normalise(blocks):
            element = self.paragraph(block, index) if isinstance(block, Para) else self.table(block, index)
            out.append(element)
            index = element["endIndex"]
        return out, index

    def paragraph(self, para: Para, start: int) -> JSON:
        elements: list[JSON] = []
        index = start
        for inline in _with_newline(para.inlines):
            element = self.inline(inline, index)
            elements.append(element)
            index = element["endIndex"]
        paragraph: JSON = {"elements": elements, "paragraphStyle": self.paragraph_style(para)}
        if para.bullet is not None:
            paragraph["bullet"] = self.bullet(para.bullet)
        return {"startIndex": start, "endIndex": index, "paragraph": paragraph}

    def paragraph_style(self, para: Para) -> JSON:
        style: JSON = {}
        if para.named_style.startswith("HEADING_") or para.named_style in ("TITLE", "SUBTITLE"):
            style["headingId"] = self.ids.make("h")
        style["namedStyleType"] = para.named_style
        style["direction"] = "LEFT_TO_RIGHT"
        if para.bullet is not None:
            style["indentFirstLine"] = _dim(18 + 36 * para.bullet.level)
            style["indentStart"] = _dim(36 + 36 * para.bullet.level)
        return style

    def bullet(self, ref: ListRef) -> JSON:
        if ref.list_no not in self.list_ids:
            self.list_ids[ref.list_no] = self.ids.make("kix")
        # The level's kind comes from its first item, not from a ul/ol that holds none: an empty
        # list leaves no trace in the export, so it must leave none here (a stable round trip).
        self.specs[ref.list_no].ordered.setdefault(ref.level, ref.ordered)
        bullet: JSON = {"listId": self.list_ids[ref.list_no]}
        if ref.level:
            bullet["nestingLevel"] = ref.level
        bullet["textStyle"] = {}
        return bullet

    def inline(self, inline: Inline, start: int) -> JSON:
        if isinstance(inline, Text):
            run = {"content": inline.text, "textStyle": _text_style(inline.style)}
            return {"startIndex": start, "endIndex": start + utf16_len(inline.text), "textRun": run}
        return {"startIndex": start, "endIndex": start + 1, **self.chip(inline)}

    def chip(self, chip: Chip) -> JSON:
        text, style = chip.props.get("text", ""), _text_style(chip.style)
        if chip.kind == "person":
            props = {"email": chip.props["email"], "name": text or chip.props["email"]}
            return {
                "person": {"personId": self.ids.make("kix"), "personProperties": props, "textStyle": style}
            }
        if chip.kind == "richlink":
            rich: JSON = {"title": text or chip.props["uri"], "uri": chip.props["uri"]}
            mime = _link_mime(chip.props["uri"])
            if mime:
                rich["mimeType"] = mime
            return {
                "richLink": {
                    "richLinkId": self.ids.make("kix"),
                    "richLinkProperties": rich,
                    "textStyle": style,
                }
            }
        return {
            "dateElement": {
                "dateId": self.ids.make("kix"),
                "dateElementProperties": _date_props(chip.props["datetime"], text),
                "textStyle": style,
            }
        }

    def table(self, table: Table, start: int) -> JSON:
        grid, columns = _grid(table)
        index = start + 1
        rows: list[JSON] = []
        for grid_row in grid:
            row_start = index
            index += 1
            cells: list[JSON] = []
            for cell, covered in grid_row:
                cell_json = self.cell(cell, covered, index)
                cells.append(cell_json)
                index = cell_json["endIndex"]
            rows.append(
                {
                    "startIndex": row_start,
                    "endIndex": index,
                    "tableCells": cells,
                    "tableRowStyle": {"minRowHeight": _dim()},
                }
            )
        body = {
            "rows": len(rows),
            "columns": columns,
            "tableRows": rows,
            "tableStyle": {"tableColumnProperties": [{"widthType": "EVENLY_DISTRIBUTED"}] * columns},
        }
        return {"startIndex": start, "endIndex": index + 1, "table": body}

    def cell(self, cell: Cell, covered: bool, start: int) -> JSON:
        content, end = self.content(cell.blocks or [Para()], start + 1)
        style: JSON = {} if covered else {"rowSpan": cell.rowspan, "columnSpan": cell.colspan}
        style.update(
            {
                "backgroundColor": {},
                "paddingLeft": _dim(5),
                "paddingRight": _dim(5),
                "paddingTop": _dim(5),
                "paddingBottom": _dim(5),
                "contentAlignment": "TOP",
            }
        )
        return {"startIndex": start, "endIndex": end, "content": content, "tableCellStyle": style}

    def lists(self) -> JSON:
        return {
            list_id: {"listProperties": {"nestingLevels": _nesting_levels(self.specs[no])}}
            for no, list_id in self.list_ids.items()
        }


def _normalise(blocks: list[Block]) -> list[Block]:
    """A table is always preceded and followed by a paragraph; content ends with a paragraph."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and (not out or isinstance(out[-1], Table)):
            out.append(Para())
        out.append(block)
    if not out or isinstance(out[-1], Table):
        out.append(Para())
    return out


def _with_newline(inlines: list[Inline]) -> list[Inline]:
    """Close the paragraph: the final newline joins a trailing plain run, else runs on its own unstyled."""
    items = [i for i in inlines if not (isinstance(i, Text) and not i.text)]
    last = items[-1] if items else None
    if isinstance(last, Text) and last.style == Style():
        return [*items[:-1], Text(last.text + "\n", last.style)]
    return [*items, Text("\n", Style())]


def _grid(table: Table) -> tuple[list[list[tuple[Cell, bool]]], int]:
    """Lay HTML rows/cells with spans onto a full rectangular grid: (cell, covered) per slot."""
    occupied: dict[tuple[int, int], bool] = {}
    placed: dict[tuple[int, int], Cell] = {}
    n_rows = len(table.rows)
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in occupied:
                c += 1
            cell.rowspan = min(cell.rowspan, n_rows - r)
            placed[(r, c)] = cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied[(r + dr, c + dc)] = (dr, dc) != (0, 0)
            c += cell.colspan
    columns = max((c + 1 for (_, c) in occupied), default=1)
    grid = [
        [
            (placed[(r, c)], False) if (r, c) in placed else (Cell([Para()]), occupied.get((r, c), False))
            for c in range(columns)
        ]
        for r in range(n_rows)
    ]
    return grid, columns


BULLET_GLYPHS = ("●", "○", "■")
ORDERED_GLYPHS = ("DECIMAL", "ALPHA", "ROMAN")


def _nesting_levels(spec: ListSpec) -> list[JSON]:
    default = spec.ordered.get(0, False)
    levels = []
    for level in range(MAX_LIST_LEVEL + 1):
        ordered = spec.ordered.get(level, default)
        entry: JSON = {"bulletAlignment": "END" if ordered and level % 3 == 2 else "START"}
        if ordered:
            entry.update(glyphType=ORDERED_GLYPHS[level % 3], glyphFormat=f"%{level}.")
        else:
            entry.update(glyphSymbol=BULLET_GLYPHS[level % 3], glyphFormat=f"%{level}")
        entry.update(
            indentFirstLine=_dim(18 + 36 * level),
            indentStart=_dim(36 + 36 * level),
            textStyle={"underline": False},
            startNumber=1,
        )
        levels.append(entry)
    return levels


def _link_mime(uri: str) -> str | None:
    if "docs.google.com/document/" in uri:
        return DOC_MIME
    if "docs.google.com/spreadsheets/" in uri:
        return SHEET_MIME
    return None


def _date_props(value: str, text: str) -> JSON:
    day = _parse_date(value) or date(1970, 1, 1)
    props: JSON = {"timestamp": f"{day.isoformat()}T00:00:00Z"}
    if text:
        props.update(dateFormat="DATE_FORMAT_CUSTOM", displayText=text)
    else:
        props.update(
            dateFormat="DATE_FORMAT_MONTH_DAY_YEAR_ABBREVIATED",
            displayText=f"{day.strftime('%b')} {day.day}, {day.year}",
        )
    props.update(locale="en", timeFormat="TIME_FORMAT_DISABLED", timeZoneId="etc/UTC")
    return props


# -- default styles --------------------------------------------------------------------------------
def document_style() -> JSON:
    """The page setup of a new Doc (US Letter, 1in margins)."""
    return {
        "background": {"color": {}},
        "pageNumberStart": 1,
        "marginTop": _dim(72),
        "marginBottom": _dim(72),
        "marginRight": _dim(72),
        "marginLeft": _dim(72),
        "pageSize": {"height": _dim(792), "width": _dim(612)},
        "marginHeader": _dim(36),
        "marginFooter": _dim(36),
        "useCustomHeaderFooterMargins": True,
    }


_NAMED = (  # type, font size, space above, space below, grey level (None = black), italic
    ("NORMAL_TEXT", 11, 0, 0, None, False),
    ("HEADING_1", 20, 20, 6, None, False),
    ("HEADING_2", 16, 18, 6, None, False),
    ("HEADING_3", 14, 16, 4, 0.2627451, False),
    ("HEADING_4", 12, 14, 4, 0.4, False),
    ("HEADING_5", 11, 12, 4, 0.4, False),
    ("HEADING_6", 11, 12, 4, 0.4, True),
    ("TITLE", 26, 0, 3, None, False),
    ("SUBTITLE", 15, 0, 16, 0.4, False),
)


def named_styles() -> JSON:
    """Google Docs' default named styles (Arial; headings and title as in a new document)."""
    styles = []
    for name, size, above, below, grey, italic in _NAMED:
        text: JSON = {"fontSize": _dim(size)}
        if name == "NORMAL_TEXT":
            text.update(
                bold=False,
                italic=False,
                underline=False,
                strikethrough=False,
                smallCaps=False,
                backgroundColor={},
                weightedFontFamily={"fontFamily": "Arial", "weight": 400},
                baselineOffset="NONE",
            )
        if grey is not None:
            text["foregroundColor"] = {"color": {"rgbColor": {"red": grey, "green": grey, "blue": grey}}}
        if italic:
            text["italic"] = True
        paragraph: JSON = {
            "namedStyleType": name,
            "direction": "LEFT_TO_RIGHT",
            "spaceAbove": _dim(above),
            "spaceBelow": _dim(below),
            "keepLinesTogether": True,
            "keepWithNext": True,
        }
        if name == "NORMAL_TEXT":
            paragraph.update(
                alignment="START",
                lineSpacing=115,
                spacingMode="COLLAPSE_LISTS",
                keepLinesTogether=False,
                keepWithNext=False,
                avoidWidowAndOrphan=True,
            )
        styles.append({"namedStyleType": name, "textStyle": text, "paragraphStyle": paragraph})
    return {"styles": styles}


# -- public entry points ---------------------------------------------------------------------------
def parse_html(html: str, *, chips: bool = False) -> tuple[TabNode, list[ListSpec], str]:
    """HTML → (root tab tree, list specs, <title> text). Never raises on malformed input."""
    importer = _Importer(chips, class_rules(html))
    importer.feed(html)
    importer.close()
    title = HTML_SPACE.sub(" ", CONTROL_CHARS.sub("", "".join(importer.title_parts))).strip()
    return importer.root, importer.lists, title


def _tab_nodes(root: TabNode) -> list[TabNode]:
    """Top-level tabs: the explicit sections, with any content outside them as a leading tab."""
    if not root.children:
        return [root]
    has_content = any(not (isinstance(b, Para) and not b.inlines) for b in root.blocks)
    leading = [TabNode(root.title, root.blocks)] if has_content else []
    return [*leading, *root.children]


class _TabIds:
    """`t.0` for the first tab in document order, then `t.<hash>`; titles default to `Tab N`."""

    def __init__(self, salt: str) -> None:
        self.ids = _Ids(salt)
        self.count = 0

    def next(self) -> tuple[str, int]:
        self.count += 1
        return ("t.0" if self.count == 1 else self.ids.make("t")), self.count


def _tab_json(
    node: TabNode, make_layout: Callable[[], _Layout], index: int, parent: JSON | None, tab_ids: _TabIds
) -> JSON:
    tab_id, number = tab_ids.next()
    title = node.title if node.explicit and node.title else f"Tab {number}"
    props: JSON = {"tabId": tab_id, "title": title, "index": index}
    if parent is not None:
        props["parentTabId"] = parent["tabId"]
        props["nestingLevel"] = parent.get("nestingLevel", 0) + 1
    layout = make_layout()
    document_tab: JSON = {
        "body": layout.body(node.blocks),
        "documentStyle": document_style(),
        "namedStyles": named_styles(),
    }
    lists = layout.lists()
    if lists:
        document_tab["lists"] = lists
    tab: JSON = {"tabProperties": props, "documentTab": document_tab}
    children = [_tab_json(child, make_layout, i, props, tab_ids) for i, child in enumerate(node.children)]
    if children:
        tab["childTabs"] = children
    return tab


def html_to_docs(html: str, *, chips: bool = False, title: str | None = None, document_id: str = "") -> JSON:
    """Import `html` like Drive does; the Document as `documents.get(includeTabsContent=True)` shapes it.

    `title` defaults to the HTML `<title>`; `document_id` also salts the generated ids.
    `revisionId` and `suggestionsViewMode` are left to the API layer.
    """
    root, lists, html_title = parse_html(html if isinstance(html, str) else str(html), chips=chips)
    ids = _Ids(document_id or "doc")
    tab_ids = _TabIds(f"{document_id or 'doc'}:tabs")
    tabs = [
        _tab_json(node, lambda: _Layout(ids, lists), i, None, tab_ids)
        for i, node in enumerate(_tab_nodes(root))
    ]
    return {"title": title if title is not None else html_title, "documentId": document_id, "tabs": tabs}
