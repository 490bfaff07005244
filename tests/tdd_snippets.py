"""Read a snippet of TDD HTML the way the reader reads a whole document: the tests of its rules."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document


def read(html: str, catalogue: Catalogue) -> dict[str, list[str]]:
    """Field → the values read (canonical text), in document order; trial values left out."""
    out: dict[str, list[str]] = {}
    for v in read_document(html_document(f"<html><body>{html}</body></html>"), catalogue).values:
        if v.field and v.section != "trial":
            out.setdefault(v.field, []).append(v.value or v.text)
    return out


def table(*rows: tuple[str, ...]) -> str:
    """A table of plain cells, one tuple of cell texts per row."""
    return "<table>" + "".join(
        "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in r) + "</tr>" for r in rows
    ) + "</table>"  # fmt: skip
