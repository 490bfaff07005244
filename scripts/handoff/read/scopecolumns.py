"""A table with one column per instance, one of them marked as this document's: only that column is read.

A document about one of several instances (a business unit's beside the others', the one in scope
beside an older one and a planned merger) often compares them in one table, a column each: `Item |
North (this handoff) | South | West`, ` | Main (in scope) | Legacy (context) | Merged (plan)`. A
careful reader copies the figures of the column the document marks as its own and none of the others:
they are other instances' (their machines, counts, hosts and addresses), never parts of one fleet to
add up, nor rivals of the in-scope figures.

Found by its header row: exactly one header cell after the first marks its column as the document's
own (`this handoff`, `this TDD`, `this document`, `in scope`; a denial before the words, `not in
scope`, `not this handoff`, is no such mark), and at least one other header cell names a column of its
own without that mark. With no column marked, the document may still say which instance is its own by
its address: when the paragraphs marking the document's scope ("This handoff covers the EU instance
at https://…", "In scope: ENG, https://…") name one site address, a row holding a different address in
every column (`URL | https://a… | https://b…`) picks the column of that address. The other columns
are dropped from every row, except a column of notes
(`Notes`, `Comment`, `Remarks`), which speaks of every column's thing. A table with a merged cell
(a cell spanning rows or columns) is left as it is: its columns are not one cell a row. The input
is not changed; the document itself is returned when no table is such.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from handoff.core.quickre import quick
from handoff.read.doctext import as_dict, as_list, tab_contents
from handoff.read.forms import _copy
from handoff.read.markcolumns import _cell_text, _cells

# the document's own part, as a title marks it: "(this handoff)", "— in scope", "(covered by this TDD)"
_OWN = quick(
    r"\bthis\s+(?:hand-?off|hand-?over|tdd|document|doc|engagement)\b|(?<![\w-])in[\s-]+scope\b",
    re.IGNORECASE,
)
# a denial right before the mark: "not in scope", "out of scope", "not part of this handoff"
_DENIED = re.compile(
    r"\b(?:not|no|never|out|outside|excluded|beyond|except)\b"
    r"(?:\s+(?:part|covered|included|of|in|by|from|for|scope|the))*\s*$",
    re.IGNORECASE,
)
# a name beside the mark: a word of two letters or more that is no word of the mark's phrase
_NAME = re.compile(r"\b(?!(?:covered|by|for|of|the|is|are|part|and|only)\b)[^\W\d_]{2,}", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"')]+", re.IGNORECASE)
_NOTE = re.compile(
    r"^\W*(?:notes?|comments?|remarks?|description|rationale|why|source|owner)\b", re.IGNORECASE
)


def own_mark(title: str) -> bool:
    """Whether a title (a header cell, a heading) marks the thing it names as the document's own,
    undenied. The mark qualifies a name written before it: a title that is the mark alone, opens
    with it or asks it (`In scope?`, `In scope (Y/N)`) heads a column of answers, not an instance's."""
    if title.rstrip().endswith("?"):
        return False
    return any(
        not _DENIED.search(title[: m.start()]) and _NAME.search(title[: m.start()])
        for m in _OWN.finditer(title)
    )


def scoped_columns(header: list[str]) -> int | None:
    """The one column of `header` marked as the document's own beside unmarked columns, else None."""
    marked = [j for j in range(1, len(header)) if own_mark(header[j])]
    if len(marked) != 1:
        return None
    others = [j for j in range(1, len(header)) if j != marked[0] and header[j].strip()]
    return marked[0] if any(not _NOTE.match(header[j]) for j in others) else None


def in_scope_columns(doc: Any, texts: list[tuple[dict[str, Any], str]]) -> Any:
    """`doc` with each table of instances as columns reduced to its own column (module doc)."""
    if not isinstance(doc, dict) or not any(_OWN.search(t) for _, t in texts):
        return doc
    url = own_url([t for _, t in texts])
    found = {n: own for n, t in enumerate(_tables(doc)) if (own := _own_column(t, url)) is not None}
    if not found:
        return doc
    out = _copy(doc)
    for n, t in enumerate(_tables(out)):
        if n in found:
            _keep(t, found[n])
    return out


def own_url(texts: list[str]) -> str | None:
    """The one site address the paragraphs marking the document's own part name ("This handoff covers
    the EU instance at https://…", "In scope: ENG, https://…"), else None (none, or several)."""
    found = {_site(m.group(0)) for t in texts if _OWN.search(t) for m in _URL.finditer(t)}
    return found.pop() if len(found) == 1 else None


def _site(url: str) -> str:
    return url.rstrip("/.,;:)").casefold()


def _tables(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The tables of each tab's body, in order."""
    for content in tab_contents(doc):
        for se in content:
            table = as_dict(as_dict(se).get("table"))
            if table:
                yield table


def _merged(t: dict[str, Any]) -> bool:
    for r in as_list(t.get("tableRows")):
        for c in _cells(r):
            style = as_dict(as_dict(c).get("tableCellStyle"))
            if int(style.get("rowSpan") or 1) > 1 or int(style.get("columnSpan") or 1) > 1:
                return True
    return False


def _own_column(t: dict[str, Any], url: str | None) -> int | None:
    rows = as_list(t.get("tableRows"))
    if len(rows) < 2 or _merged(t):
        return None
    header = [_cell_text(rows[0], j) for j in range(len(_cells(rows[0])))]
    if len(header) < 3 or any(len(_cells(r)) != len(header) for r in rows):
        return None
    marked = scoped_columns(header)
    return marked if marked is not None or url is None else _url_column(rows, len(header), url)


def _url_column(rows: list[Any], width: int, url: str) -> int | None:
    """The column of the one row holding a site address in every cell after its label, each another,
    whose address is the document's own (`url`); None when there is no such row."""
    for r in rows[1:]:
        cells = [_URL.fullmatch(_cell_text(r, j).strip()) for j in range(1, width)]
        sites = [_site(m.group(0)) for m in cells if m is not None]
        if len(sites) == width - 1 >= 2 and len(set(sites)) == len(sites) and sites.count(url) == 1:
            return 1 + sites.index(url)
    return None


def _keep(t: dict[str, Any], own: int) -> None:
    """The table with only its label column, its own column and its notes' columns."""
    rows = as_list(t.get("tableRows"))
    header = [_cell_text(rows[0], j) for j in range(len(_cells(rows[0])))]
    keep = [j for j in range(len(header)) if j in (0, own) or (header[j].strip() and _NOTE.match(header[j]))]
    t["tableRows"] = [{**as_dict(r), "tableCells": [_cells(r)[j] for j in keep]} for r in rows]
    t["columns"] = len(keep)


__all__ = ["in_scope_columns", "own_mark", "scoped_columns"]
