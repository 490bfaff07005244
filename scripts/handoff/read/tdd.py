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

This module is the public entry points; the walk (tabs, headings, paragraphs, lists, the context
of every piece of text) is `read.walk`, which names the modules that read tables, lines and facts.
"""

from __future__ import annotations

from typing import Any

from handoff.core.fields import Catalogue
from handoff.core.model import TddValue
from handoff.gdocs.html_to_docs import html_to_docs
from handoff.read.docmemo import forget
from handoff.read.doctext import document_text
from handoff.read.gather import TddReading, Unplaced
from handoff.read.prepasses import before_walk
from handoff.read.walk import _Parser


def read_document(doc: Any, catalogue: Catalogue) -> TddReading:
    """The full reading of a Docs API document: values, unplaced fact-like lines, problems."""
    if not isinstance(doc, dict):
        return TddReading(())
    forget()  # (what the reading of another document kept: `read.docmemo`)
    return _Parser(catalogue).document(before_walk(doc, catalogue))


def parse_document(doc: Any, catalogue: Catalogue) -> list[TddValue]:
    """Every labelled value in a Docs API document (all tabs), in document order."""
    return list(read_document(doc, catalogue).values)


def html_document(html: str, title: str | None = None) -> dict[str, Any]:
    """A local HTML file as the Docs JSON Drive's import would make of it (seed chip conventions on)."""
    return html_to_docs(html, chips=True, title=title)


__all__ = ["TddReading", "Unplaced", "document_text", "html_document", "parse_document", "read_document"]
