"""Read a snippet of TDD HTML the way the reader reads a whole document: the tests of its rules."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from handoff.core.fields import Catalogue
from handoff.read.doctext import document_text
from handoff.read.tdd import html_document, read_document


def read(html: str, catalogue: Catalogue) -> dict[str, list[str]]:
    """Field → the values read (canonical text), in document order; trial values left out."""
    return read_doc(html_document(f"<html><body>{html}</body></html>"), catalogue)


def read_doc(doc: dict[str, Any], catalogue: Catalogue) -> dict[str, list[str]]:
    """As `read`, for a Docs API document."""
    out: dict[str, list[str]] = {}
    for v in read_document(doc, catalogue).values:
        if v.field and v.section != "trial":
            out.setdefault(v.field, []).append(v.value or v.text)
    return out


def paragraph(*runs: str | dict[str, Any], style: str = "NORMAL_TEXT") -> dict[str, Any]:
    """A Docs API paragraph of text runs (a dict is an element as it is: a footnote reference, a chip)."""
    elements = [{"textRun": {"content": r, "textStyle": {}}} if isinstance(r, str) else r for r in runs]
    elements.append({"textRun": {"content": "\n", "textStyle": {}}})
    return {"paragraph": {"elements": elements, "paragraphStyle": {"namedStyleType": style}}}


def table(*rows: tuple[str, ...]) -> str:
    """A table of plain cells, one tuple of cell texts per row."""
    return "<table>" + "".join(
        "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in r) + "</tr>" for r in rows
    ) + "</table>"  # fmt: skip


@functools.cache
def corpus_texts() -> tuple[str, ...]:
    """The whole text of each of the development corpus's documents, one paragraph a line."""
    return tuple(
        document_text(html_document(path.read_text(encoding="utf-8")))
        for path in sorted((Path(__file__).parent / "fixtures" / "tdd_corpus").glob("*.html"))
    )


@functools.cache
def corpus_lines() -> tuple[str, ...]:
    """The lines of the development corpus's documents (random-text tests run their rewrites on them too)."""
    lines: list[str] = []
    for path in sorted((Path(__file__).parent / "fixtures" / "tdd_corpus").glob("*.html")):
        lines += document_text(html_document(path.read_text(encoding="utf-8"))).splitlines()
    return tuple(lines)
