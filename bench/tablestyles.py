"""Table-structure probes for `make eval-styles`: the corpus's tables rewritten into other
structures a careful human reads the same (registered in `bench.metamorphic.TRANSFORMS`).

* label-value-grid: a two-column label/value table folded into a four-column
  `Label | Value | Label | Value` grid (pairs across each row, or down the left half then the right);
* two-row-header: a table with a header row of three cells or more gets a group cell over its
  value columns (`Environment` over `Trial | Production`), with the first header cell spanning
  both header rows, or standing in the lower or the upper one beside a blank;
* units-in-headers: a column (or a row) whose every value is a figure with the same unit gets
  the unit in its header (`RAM (GiB)`, `RAM, GiB`, `RAM [GiB]`, `RAM in GiB`) and bare figures;
* blank-same-as-left: a cell equal to its left neighbour left blank, with a note saying so
  before or after the table, or merged with it into one cell spanning both columns;
* superseded-twin: the table with the most figures gets a superseded twin just above it (older
  figures; headed `Superseded`, struck through, captioned `OLD` in a spanning row, or introduced
  as the old version): the older figures are scored as wrong values.

The form of each probe is chosen by document (`_pick`), so no wording is learnt.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.eval_tdd import COUNT_FIELDS as _COUNT_FIELDS
from bench.eval_tdd import SIZE_FIELDS as _SIZE_FIELDS
from bench.eval_tdd import SIZE_GB as _SIZE_GB

_TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.I | re.S)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.I | re.S)
_CELL = re.compile(r"<(t[dh])\b([^>]*)>(.*?)</\1>", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")
_SPANS = re.compile(r"colspan|rowspan|<table\b", re.I)


def _pick(html: str, choices: int, salt: str) -> int:
    """A choice fixed by the document's own text (and the probe), so a probe varies by document."""
    return zlib.crc32((salt + html).encode("utf-8")) % choices


@dataclass
class Cell:
    tag: str
    attrs: str
    inner: str

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", _TAGS.sub(" ", self.inner)).replace("&nbsp;", " ").strip()

    def html(self) -> str:
        return f"<{self.tag}{self.attrs}>{self.inner}</{self.tag}>"


def _rows(table: str) -> list[list[Cell]] | None:
    """The rows of a plain table (no spanning cell, no table inside); else None."""
    if _SPANS.search(table):
        return None
    rows = [[Cell(*c) for c in _CELL.findall(r)] for r in _ROW.findall(table)]
    return rows if rows and all(rows) else None


def _render(rows: list[list[Cell]], top: str = "") -> str:
    return (
        "<table><tbody>"
        + top
        + "".join("<tr>" + "".join(c.html() for c in r) + "</tr>" for r in rows)
        + ("</tbody></table>")
    )


def _is_header(row: list[Cell]) -> bool:
    return all(c.tag.lower() == "th" for c in row)


def _tables(html: str, fn: Callable[[list[list[Cell]], int], str | None]) -> str:
    """`fn(rows, n)` applied to each plain table of the body (n: its number); None keeps it."""
    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        rows = _rows(m.group(1))
        count += 1
        out = fn(rows, count - 1) if rows else None
        return m.group(0) if out is None else out

    return _TABLE.sub(one, html)


# ---- (a) a two-column label/value table folded into a four-column grid ----

_GENERIC = {"field", "value", "item", "setting", "label", "property", "name", "detail", "details", "key"}


def label_value_grid(html: str) -> str:
    """Two-column tables of three rows or more as `Label | Value | Label | Value`: by document the
    pairs run across each row (1 2 / 3 4) or down the left half, then the right (1 3 / 2 4)."""
    down = _pick(html, 2, "grid") == 1

    def fold(rows: list[list[Cell]], _: int) -> str | None:
        if any(len(r) != 2 for r in rows) or re.search(
            r"<(?:ul|ol|li)\b", "".join(c.inner for r in rows for c in r)
        ):
            return None
        header = rows[0] if _is_header(rows[0]) else None
        body = rows[1:] if header else rows
        if len(body) < 3:
            return None
        half = (len(body) + 1) // 2
        if down:
            pairs = [(body[i], body[i + half] if i + half < len(body) else None) for i in range(half)]
        else:
            pairs = [(body[i], body[i + 1] if i + 1 < len(body) else None) for i in range(0, len(body), 2)]
        tag = body[0][0].tag
        blank = [Cell(tag, "", ""), Cell(body[0][1].tag, "", "")]
        grid = [[*a, *(b or blank)] for a, b in pairs]
        return _render([[*header, *header], *grid] if header else grid)

    return _tables(html, fold)


# ---- (b) a two-row header: a group cell over the value columns ----

_ENV_WORD = re.compile(
    r"(?<![\w-])(?:production|prod|live|staging|stage|trial|poc|proof of concept|pilot|evaluation|"
    r"development|dev|test|qa|uat|sandbox|dr|pre-production|preprod|primary|secondary|site|source|target)"
    r"(?![\w-])",
    re.I,
)
ENV_GROUPS = ("Environment", "Environments", "Instance", "Landscape")
OTHER_GROUPS = ("Details", "Record", "Entries")


def two_row_header(html: str) -> str:
    """A table whose first row heads three columns or more: a group cell spans the value columns
    (`Environment` over environments, else a generic word), the first header cell spanning both
    rows (form 0), standing in the lower row under a blank (1) or in the upper row over a blank (2)."""
    form = _pick(html, 3, "header")
    seed = _pick(html, 12, "group")

    def stack(rows: list[list[Cell]], _: int) -> str | None:
        head = rows[0]
        width = len(head)
        texts = [c.text for c in head]
        if width < 3 or len(rows) < 2 or any(len(r) != width for r in rows):
            return None
        if not all(texts[1:]) or any(re.search(r"\d", t) for t in texts):
            return None
        envs = sum(1 for t in texts[1:] if _ENV_WORD.search(t))
        groups = ENV_GROUPS if envs >= 2 else OTHER_GROUPS
        group = groups[seed % len(groups)]
        tag = head[0].tag
        first = head[0]
        over = f'<{tag} colspan="{width - 1}">{group}</{tag}></tr>'
        if form == 0:
            top = f'<tr><{tag} rowspan="2">{first.inner}</{tag}>{over}'
            sub = head[1:]
        elif form == 1:
            top = f"<tr><{tag}></{tag}>{over}"
            sub = head
        else:
            top = f"<tr>{first.html()}{over}"
            sub = [Cell(tag, "", ""), *head[1:]]
        return _render([sub, *rows[1:]], top)

    return _tables(html, stack)


# ---- (c) units moved from the value cells into the header ----

_UNIT_CELL = re.compile(
    r"(?:~|about |approx\. ?)?\d{1,3}(?:,\d{3})*(?:\.\d+)?[ \u00a0]?(GiB|GB|TiB|TB|MiB|MB|vCPUs?)", re.I
)
UNIT_HEADERS = ("{label} ({unit})", "{label}, {unit}", "{label} [{unit}]", "{label} in {unit}")


def _unit(cells: list[Cell]) -> str:
    """The one unit every non-empty cell's figure is written with (each cell only a figure), or ''."""
    units = set()
    for c in cells:
        if not c.text:
            continue
        m = _UNIT_CELL.fullmatch(c.text.replace("\u00a0", " "))
        if not m:
            return ""
        units.add(m.group(1).rstrip("s"))
    return units.pop() if len(units) == 1 else ""


def _text_nodes(inner: str, fn: Callable[[str], str]) -> str:
    """`fn` applied to each text node of a cell's HTML (tags and attributes left alone)."""
    return re.sub(r">([^<>]+)<", lambda m: ">" + fn(m.group(1)) + "<", f">{inner}<")[1:-1]


def _bare(cell: Cell, unit: str) -> None:
    cell.inner = _text_nodes(cell.inner, lambda t: re.sub(rf"(?<=\d)[ \u00a0]?{unit}s?\b", "", t, count=1))


def _labelled(cell: Cell, unit: str, form: str) -> None:
    if unit.lower() in cell.text.lower():
        return
    nodes = list(re.finditer(r">([^<>]*[^<>\s][^<>]*)<", f">{cell.inner}<"))
    if not nodes:
        return
    last = nodes[-1]
    label = form.format(label=last.group(1).rstrip(), unit=unit)
    inner = f">{cell.inner}<"
    cell.inner = (inner[: last.start(1)] + label + inner[last.end(1) :])[1:-1]


def units_in_headers(html: str) -> str:
    """A column under a header row whose every value is `N <unit>` (two or more) gets the unit in
    its header; a row whose every value is so gets it after its label; the figures stay bare."""
    form = UNIT_HEADERS[_pick(html, len(UNIT_HEADERS), "units")]

    def move(rows: list[list[Cell]], _: int) -> str | None:
        changed = False
        width = len(rows[0])
        if len(rows) >= 3 and all(len(r) == width for r in rows) and not _unit(rows[0]):
            for j in range(1, width):
                column = [r[j] for r in rows[1:]]
                unit = _unit(column)
                if unit and sum(1 for c in column if c.text) >= 2 and rows[0][j].text:
                    _labelled(rows[0][j], unit, form)
                    for c in column:
                        _bare(c, unit)
                    changed = True
        for row in rows:
            unit = _unit(row[1:]) if len(row) >= 2 and row[0].text else ""
            if unit and not re.search(r"\d", row[0].text):
                _labelled(row[0], unit, form)
                for c in row[1:]:
                    _bare(c, unit)
                changed = True
        return _render(rows) if changed else None

    return _tables(html, move)


# ---- (d) a cell equal to its left neighbour left blank (with a note) or merged ----

BLANK_NOTES = (
    "<p><i>A blank cell means the same as the cell to its left.</i></p>",
    "<p>(blank = same as left)</p>",
    "<p>Note: empty cells repeat the value in the column to their left.</p>",
)


def blank_same_as_left(html: str) -> str:
    """A value cell (third column on) equal to the one on its left: left blank with a note before
    the table (form 0) or after it (1), or merged with it into one cell spanning both (2)."""
    form = _pick(html, 3, "blank")
    note = BLANK_NOTES[_pick(html, len(BLANK_NOTES), "note")]

    def blank(rows: list[list[Cell]], _: int) -> str | None:
        changed = False
        out = []
        for row in rows:
            if _is_header(row) or len(row) < 3:
                out.append(row)
                continue
            texts = [c.text for c in row]
            kept: list[Cell] = [row[0], row[1]]
            span = 1
            for j in range(2, len(row)):
                same = texts[j] == texts[j - 1] and re.search(r"[A-Za-z0-9]", texts[j])
                if not same:
                    if span > 1:
                        kept[-1].attrs += f' colspan="{span}"'
                    span = 1
                    kept.append(row[j])
                    continue
                changed = True
                if form == 2:
                    span += 1
                else:
                    kept.append(Cell(row[j].tag, row[j].attrs, ""))
            if span > 1:
                kept[-1].attrs += f' colspan="{span}"'
            out.append(kept)
        if not changed:
            return None
        table = _render(out)
        return table if form == 2 else (note + table if form == 0 else table + note)

    return _tables(html, blank)


# ---- (e) a superseded twin of a table just above it ----

_FIGURE = re.compile(
    r"(?<![\w.,/:-])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,.]\d|[\w/-]|\.\d)"
    r"(?P<u>[ \u00a0]?(?:GiB|GB|TiB|TB|MB|vCPUs?|cores|CPUs?)\b|\s+(?:repositories|repos|monorepos?)\b)?"
)
SUPERSEDED = (
    "<p><b>Superseded</b>: kept for reference only; the current figures are in the table below.</p>{table}",
    "{struck}",
    "{captioned}",
    "<p>Old version (before the resize), no longer valid:</p>{table}",
)


def _older(number: str) -> str:
    """A different figure written the same way: about three quarters of it (one more below 4)."""
    value = float(number.replace(",", ""))
    decimals = len(number.partition(".")[2])
    old = round(value * 0.75, decimals) if value >= 4 else value + 1
    text = f"{old:,.{decimals}f}" if "," in number else f"{old:.{decimals}f}"
    return text if text != number else f"{value + 1:.{decimals}f}"


def _twin_cell(cell: Cell, forbidden: dict[str, list[Any]]) -> Cell:
    """The cell with each figure (with a unit, or alone in the cell) made older; the older figures
    recorded as forbidden values."""
    whole = _FIGURE.fullmatch(cell.text) is not None

    def one(m: re.Match[str]) -> str:
        unit = (m.group("u") or "").strip().lower().rstrip("s")
        if not (unit or whole) or re.match(r"[ \u00a0]*[×x]\s", m.string[m.end() :]):
            return m.group(0)
        old = _older(m.group("n"))
        value = float(old.replace(",", ""))
        if unit in _SIZE_GB or not unit:
            scale = _SIZE_GB.get(unit, 1.0)
            for name in _SIZE_FIELDS:
                forbidden.setdefault(name, []).append(value * scale)
            forbidden.setdefault("largest_repo_mb", []).append(value * scale * 1000)
        if unit not in _SIZE_GB:
            for name in _COUNT_FIELDS:
                forbidden.setdefault(name, []).append(value)
        return old + (m.group("u") or "")

    return Cell(cell.tag, cell.attrs, _text_nodes(cell.inner, lambda t: _FIGURE.sub(one, t)))


def _twinned(html: str) -> tuple[str, dict[str, list[Any]]]:
    form = SUPERSEDED[_pick(html, len(SUPERSEDED), "twin")]
    best, most = -1, 1
    counts: list[int] = []

    def count(rows: list[list[Cell]], n: int) -> None:
        nonlocal best, most
        probe: dict[str, list[Any]] = {}
        for r in rows:
            for c in r:
                _twin_cell(c, probe)
        figures = len(probe.get("largest_repo_mb", [])) + len(probe.get("total_cpu", []))
        counts.append(figures)
        if figures > most:
            best, most = n, figures
        return None

    _tables(html, count)
    forbidden: dict[str, list[Any]] = {}
    if best < 0:
        return html, forbidden

    def twin(rows: list[list[Cell]], n: int) -> str | None:
        if n != best:
            return None
        old = [[_twin_cell(c, forbidden) for c in r] for r in rows]
        table = _render(rows)
        struck = _render(
            [
                [
                    Cell(
                        c.tag,
                        c.attrs,
                        re.sub(r">([^<>]*[^<>\s][^<>]*)<", r"><s>\1</s><", f">{c.inner}<")[1:-1],
                    )
                    for c in r
                ]
                for r in old
            ]
        )
        width = max(len(r) for r in rows)
        caption = f'<tr><td colspan="{width}"><b>OLD: superseded by the table below</b></td></tr>'
        twin_html = form.format(table=_render(old), struck=struck, captioned=_render(old, caption))
        return twin_html + table

    return _tables(html, twin), forbidden


def superseded_twin(html: str) -> str:
    """The table with the most figures, with a superseded twin of older figures just above it."""
    return _twinned(html)[0]


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "label-value-grid": label_value_grid,
    "two-row-header": two_row_header,
    "units-in-headers": units_in_headers,
    "blank-same-as-left": blank_same_as_left,
    "superseded-twin": superseded_twin,
}
INSERTED: dict[Callable[[str], str], Callable[[str], dict[str, list[Any]]]] = {
    superseded_twin: lambda html: _twinned(html)[1],
}
