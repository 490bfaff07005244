"""A document's paragraphs and their texts, read fast for a gate: every run joined as it is (struck-through
and suggested runs too), in tabs, child tabs and table cells. A gate on them may say yes too often,
never too rarely."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from handoff.read.doctext import MAX_DEPTH, as_dict, as_list, as_str


def quick_texts(doc: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """Every paragraph (tabs, child tabs, table cells) with its text, its runs joined as they are."""

    def walk(content: Any, depth: int) -> Iterator[tuple[dict[str, Any], str]]:
        for se in as_list(content):
            se = as_dict(se)
            if "paragraph" in se:
                p = as_dict(se["paragraph"])
                elements = as_list(p.get("elements"))
                yield p, "".join(as_str(as_dict(as_dict(e).get("textRun")).get("content")) for e in elements)
            elif "table" in se and depth < MAX_DEPTH:
                for row in as_list(as_dict(se["table"]).get("tableRows")):
                    for cell in as_list(as_dict(row).get("tableCells")):
                        yield from walk(as_dict(cell).get("content"), depth + 1)

    def tabs(items: Any, depth: int) -> Iterator[tuple[dict[str, Any], str]]:
        for t in as_list(items):
            yield from walk(as_dict(as_dict(as_dict(t).get("documentTab")).get("body")).get("content"), 0)
            if depth < MAX_DEPTH:
                yield from tabs(as_dict(t).get("childTabs"), depth + 1)

    if as_list(doc.get("tabs")):
        yield from tabs(doc.get("tabs"), 0)
    else:
        yield from walk(as_dict(doc.get("body")).get("content"), 0)


__all__ = ["quick_texts"]
