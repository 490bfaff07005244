"""Tiny builders for Docs API document JSON (the shapes documents.get returns), for parser tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

JSON = dict[str, Any]


def run(text: str, *, bold: bool = False, link: str | None = None, **extra: Any) -> JSON:
    style: JSON = {}
    if bold:
        style["bold"] = True
    if link:
        style["link"] = {"url": link}
    return {"textRun": {"content": text, "textStyle": style, **extra}}


def person(name: str, email: str) -> JSON:
    return {"person": {"personId": "p1", "personProperties": {"name": name, "email": email}}}


def rich_link(title: str, uri: str) -> JSON:
    return {"richLink": {"richLinkId": "r1", "richLinkProperties": {"title": title, "uri": uri}}}


def date_chip(display: str, timestamp: str = "2026-03-02T00:00:00Z") -> JSON:
    return {
        "dateElement": {
            "dateId": "d1",
            "dateElementProperties": {"displayText": display, "timestamp": timestamp},
        }
    }


def para(*parts: str | JSON, style: str = "NORMAL_TEXT", bullet: bool = False) -> JSON:
    elements = [run(p) if isinstance(p, str) else p for p in parts]
    elements.append(run("\n"))
    paragraph: JSON = {"elements": elements, "paragraphStyle": {"namedStyleType": style}}
    if bullet:
        paragraph["bullet"] = {"listId": "kix.list1"}
    return {"paragraph": paragraph}


def heading(text: str, level: int = 2) -> JSON:
    return para(text, style=f"HEADING_{level}")


def item(*parts: str | JSON) -> JSON:
    return para(*parts, bullet=True)


def cell(*content: str | JSON) -> JSON:
    blocks = [para(c) if isinstance(c, str) else c for c in content] or [para()]
    return {"content": blocks}


def table(*rows: Sequence[str | JSON]) -> JSON:
    table_rows = [
        {"tableCells": [c if isinstance(c, dict) and "content" in c else cell(c) for c in r]} for r in rows
    ]
    return {
        "table": {
            "rows": len(rows),
            "columns": max((len(r) for r in rows), default=0),
            "tableRows": table_rows,
        }
    }


def body(*content: JSON) -> JSON:
    return {"content": [{"endIndex": 1, "sectionBreak": {"sectionStyle": {}}}, *content]}


def legacy(*content: JSON, title: str = "TDD") -> JSON:
    """A document as documents.get returns it without includeTabsContent (first tab in `body`)."""
    return {"documentId": "doc1", "title": title, "body": body(*content)}


def tab(title: str, *content: JSON, children: list[JSON] | None = None) -> JSON:
    t: JSON = {
        "tabProperties": {"tabId": f"t.{title}", "title": title},
        "documentTab": {"body": body(*content)},
    }
    if children:
        t["childTabs"] = children
    return t


def tabbed(*tabs: JSON, title: str = "TDD") -> JSON:
    return {"documentId": "doc1", "title": title, "tabs": list(tabs)}
