"""Worked examples a document sets apart: a paragraph that ends in a colon and announces an example
("Example of a filled-in section 1 (NOT a real customer):", "A sample entry, for illustration
only:", "For instance:") introduces what comes right after it as the example, not as the
document's own facts. A careful reader skips it whatever it holds.

What the lead-in introduces is the element right after it when that is a table, else the run of
list items after it, else the paragraphs after it up to the next heading, table or empty paragraph.
A superseded copy of the example kept right before it (its mark, the old table) is passed over: the
table after the copy is the example.
A lead-in must both end in a colon and name an example in its last sentence; "Example" in a
sentence that states a fact ("The example repository is 2 GB") introduces nothing. A lead-in whose
last sentence names a tool's output and another environment only ("The output below is from the
staging box, so yours will differ:", "What the DR copy printed:") introduces that environment's
output, which is set apart the same way (`other`: whether a text names a non-production environment
and no other); one naming no output ("Staging:") introduces nothing. An example
inside a sentence ("e.g. 3 × m6i.2xlarge") is read/edits.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from handoff.read.superseded import marks_superseded

_EXAMPLE = re.compile(
    r"\b(?:examples?|samples?|illustrat\w+|for instance|e\.\s?g\.|dummy|made[- ]up|fictitious|fictional|"
    r"not (?:a )?real)\b",
    re.IGNORECASE,
)
# what a command or a tool gave: the lead-in of another environment's output names it
_OUTPUT = re.compile(r"\b(?:output|outputs|print(?:s|ed)?|listing|returns?|returned)\b", re.IGNORECASE)
_LAST_SENTENCE = re.compile(r"(?:^|[.!?]\s+)([^.!?]*(?:\.\w[^.!?]*)*)$")


def _lead_in(text: str, other: Callable[[str], bool] | None = None) -> str:
    """What a paragraph announces after it: "example" when it ends in a colon and its last sentence
    names one, "output" when that sentence names a tool's output and only another environment (by
    `other`), else ""."""
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return ""
    m = _LAST_SENTENCE.search(stripped[:-1])
    last = m.group(1) if m else stripped
    if _EXAMPLE.search(last):
        return "example"
    return "output" if other is not None and _OUTPUT.search(last) and other(last) else ""


def _kind(se: Any, text: Callable[[dict[str, Any]], str]) -> str:
    if not isinstance(se, dict):
        return ""
    if "table" in se:
        return "table"
    p = se.get("paragraph")
    if not isinstance(p, dict):
        return ""
    if "HEADING" in str(p.get("paragraphStyle", {}).get("namedStyleType", "")) or str(
        p.get("paragraphStyle", {}).get("namedStyleType", "")
    ) in ("TITLE", "SUBTITLE"):
        return "heading"
    if "bullet" in p:
        return "item"
    return "paragraph" if text(p).strip() else "empty"


def unexampled(
    content: Sequence[Any], text: Callable[[dict[str, Any]], str], other: Callable[[str], bool] | None = None
) -> list[Any]:
    """`content` (Docs structural elements) without the examples its lead-ins introduce; the input
    itself when it has none."""
    drop: set[int] = set()
    for i, se in enumerate(content):
        p = se.get("paragraph") if isinstance(se, dict) else None
        lead = _lead_in(text(p), other) if isinstance(p, dict) and "bullet" not in p else ""
        if not lead:
            continue
        first = _kind(content[i + 1], text) if i + 1 < len(content) else ""
        if lead == "output" and first not in ("table", "paragraph"):
            continue  # (an output is pasted as lines or a table, never as a list of notes)
        if first == "table":
            drop.add(i + 1)
            continue
        twin = _past_old_copy(content, i + 1, text)  # (an old copy of the example kept before it)
        if twin is not None:
            drop.add(twin)
            continue
        j = i + 1
        while j < len(content) and _kind(content[j], text) == (first if first == "item" else "paragraph"):
            drop.add(j)
            j += 1
    if not drop:
        return list(content) if not isinstance(content, list) else content
    return [se for k, se in enumerate(content) if k not in drop]


def _past_old_copy(content: Sequence[Any], k: int, text: Callable[[dict[str, Any]], str]) -> int | None:
    """The table right after a superseded copy of it (its mark, then the old table) starting at `k`."""
    if _kind(content[k], text) != "paragraph" if k < len(content) else True:
        return None
    if not marks_superseded(text(content[k]["paragraph"])):
        return None
    kinds = [_kind(se, text) for se in content[k + 1 : k + 5]]
    tables = [n for n, kind in enumerate(kinds) if kind == "table"]
    if len(tables) < 2 or any(kind not in ("table", "empty") for kind in kinds[: tables[1]]):
        return None
    return k + 1 + tables[1]


__all__ = ["unexampled"]
