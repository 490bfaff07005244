"""A name the document gives Sourcegraph once (`Lighthouse is our name for the Sourcegraph
instance`), read as Sourcegraph wherever it is written.

A team often calls its Sourcegraph instance by a name of its own and says so once: "Lighthouse is
our name for the Sourcegraph code search instance", "Sourcegraph (known internally as Beacon)",
"we call our Sourcegraph deployment Compass". From then on a service catalogue's row, a section's
heading or a tab says `Lighthouse`, and a human reads it as Sourcegraph's.

This pass, first before the walk, finds such definitions: a capitalised name (one word, not a
sentence opener) said to BE Sourcegraph or a name FOR it (`X is our / the team's name for
Sourcegraph`, `X is our Sourcegraph instance`), or given to it (`Sourcegraph (known as / aka /
called / nicknamed X)`, `call our Sourcegraph … X`). Every other whole-word, same-case occurrence of
the name in the document's text (paragraphs, cells, tab titles) is written `Sourcegraph`, so the
passes after it (a table or sections of several systems) and the walk read it as Sourcegraph. The
defining paragraph is left as written. A name that is a vocabulary word of the catalogue (a cloud,
a code host, a deployment type) is never taken. The input is not changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from handoff.core.fields import Catalogue
from handoff.core.quickre import opened
from handoff.read.doctext import MAX_DEPTH, as_dict, as_list, as_str
from handoff.read.vocab import Vocab

_NAME = r"(?P<name>[A-Z][A-Za-z0-9-]{2,20})"
_Q = r"[\"'“‘]?"
_DEFINES = [
    re.compile(
        rf"{_Q}{_NAME}{_Q},?\s+is\s+(?:our|the\s+team's|the\s+team’s|the\s+internal|the|what\s+we\s+call)\s+"
        r"(?:(?:internal\s+|own\s+)?(?:name|nickname|code\s?name)\s+for\s+(?:the\s+|our\s+)?)?Sourcegraph\b"
    ),
    re.compile(
        r"\bSourcegraph\b[^.;()]{0,40}?[(,]\s*(?:internally\s+)?(?:known\s+(?:internally\s+)?as|aka|a\.k\.a\.|"
        rf"called|nicknamed|code-?named)\s+{_Q}{_NAME}"
    ),
    re.compile(
        rf"\bcall(?:s|ed)?\s+(?:our|the|their)\s+Sourcegraph(?:\s+(?:instance|deployment|server))?\s+{_Q}{_NAME}"
    ),
]
_CUE = opened(
    re.compile(
        r"\b(?:name|nickname|call(?:s|ed)?|known|aka|a\.k\.a|nicknamed|code-?named|is\s+(?:our|the|what))\b"
    )
)
_NOT_NAMES = frozenset(
    {"This", "That", "There", "Here", "What", "Which", "The", "Our", "Its", "Their", "It", "Sourcegraph"}
)


def named_sourcegraph(doc: Any, catalogue: Catalogue, texts: list[tuple[dict[str, Any], str]]) -> Any:
    """`doc` with the names it gives Sourcegraph written `Sourcegraph` outside their definitions;
    the input itself when it defines none (nothing is copied)."""
    if not isinstance(doc, dict):
        return doc
    names: dict[str, int] = {}  # name → id of its defining paragraph
    for p, text in texts:
        if "Sourcegraph" not in text or not _CUE.search(text):
            continue
        for rx in _DEFINES:
            for m in rx.finditer(text):
                names.setdefault(m.group("name"), id(p))
    vocab = (
        [Vocab(catalogue, v) for v in ("code_host", "hosting_provider", "deployment_type")] if names else []
    )
    names = {n: p for n, p in names.items() if n not in _NOT_NAMES and not any(v.find(n) for v in vocab)}
    if not names:
        return doc
    rx = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    defining = set(names.values())
    out = dict(doc)
    if as_list(doc.get("tabs")):
        out["tabs"] = [_tab(t, rx, defining, 0) for t in as_list(doc.get("tabs"))]
    else:
        body = dict(as_dict(doc.get("body")))
        body["content"] = _content(as_list(body.get("content")), rx, defining, 0)
        out["body"] = body
    return out


def _tab(t: Any, rx: re.Pattern[str], defining: set[int], depth: int) -> dict[str, Any]:
    t = dict(as_dict(t))
    props = dict(as_dict(t.get("tabProperties")))
    if "title" in props:
        props["title"] = rx.sub("Sourcegraph", as_str(props["title"]))
        t["tabProperties"] = props
    dt = dict(as_dict(t.get("documentTab")))
    body = dict(as_dict(dt.get("body")))
    body["content"] = _content(as_list(body.get("content")), rx, defining, 0)
    dt["body"] = body
    t["documentTab"] = dt
    if depth < MAX_DEPTH and as_list(t.get("childTabs")):
        t["childTabs"] = [_tab(c, rx, defining, depth + 1) for c in as_list(t.get("childTabs"))]
    return t


def _content(items: list[Any], rx: re.Pattern[str], defining: set[int], depth: int) -> list[Any]:
    out: list[Any] = []
    for se in items:
        se = as_dict(se)
        if "paragraph" in se and id(se["paragraph"]) not in defining:
            p = dict(as_dict(se["paragraph"]))
            p["elements"] = list(_elements(as_list(p.get("elements")), rx))
            se = {**se, "paragraph": p}
        elif "table" in se and depth < MAX_DEPTH:
            t = dict(as_dict(se["table"]))
            t["tableRows"] = [_row(r, rx, defining, depth) for r in as_list(t.get("tableRows"))]
            se = {**se, "table": t}
        out.append(se)
    return out


def _row(r: Any, rx: re.Pattern[str], defining: set[int], depth: int) -> dict[str, Any]:
    return {
        **as_dict(r),
        "tableCells": [_cell(c, rx, defining, depth) for c in as_list(as_dict(r).get("tableCells"))],
    }


def _cell(c: Any, rx: re.Pattern[str], defining: set[int], depth: int) -> dict[str, Any]:
    return {**as_dict(c), "content": _content(as_list(as_dict(c).get("content")), rx, defining, depth + 1)}


def _elements(elements: list[Any], rx: re.Pattern[str]) -> Iterator[Any]:
    for el in elements:
        run = as_dict(as_dict(el).get("textRun"))
        content = as_str(run.get("content"))
        if content and rx.search(content):
            yield {**as_dict(el), "textRun": {**run, "content": rx.sub("Sourcegraph", content)}}
        else:
            yield el


__all__ = ["named_sourcegraph"]
