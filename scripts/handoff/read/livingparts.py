"""A living document's parts: the copy of the original design it keeps and no longer maintains, and
the part that tells the deployment as it is now.

A TDD kept after go-live often keeps the design as it was signed off beside a part refreshed with every
change. The stale copy says so in its own title ("3. Architecture (as designed, v1.0 — not
maintained)", "Architecture as built (rev 1.0, not updated)", "Original sizing — no longer kept up to
date", "Design (kept for the audit trail)"): its figures are the build's, not today's, so they are
never used (a part that is not production's). A title that only says the part is `frozen` ("Design v1.0
(frozen)") says so only in a document that also has a part telling the present ("Current state",
"Code hosts (current)"): a design frozen before the build, with nothing newer beside it, is the design.

In such a document, "Current state" is the deployment today, not the system it replaced (which is what
"current state" means in a migration design, beside its "Target state"): `current_ours`.

`living(titles)`: whether a document's titles (tabs and headings) make it a living document;
`stale_title(title, living)`: whether a title marks its part as the stale copy;
`current_ours(title, other, living)`: whether a title's only other-system words are a living
document's "current state".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from handoff.core.quickre import quick
from handoff.read.doctext import as_dict, as_list, body_styles, iter_tabs, paragraph_runs

# a part no longer kept up to date: "not maintained", "not updated since v1.0", "no longer kept current"
_NOT_KEPT = re.compile(
    r"\b(?:not|never|no\s+longer)\s+(?:been\s+|being\s+)?(?:maintained|updated|refreshed|revised|edited|"
    r"kept\s+(?:up[\s-]+to[\s-]+date|current))\b"
    r"|\bkept\s+(?:unchanged\s+|as\s+(?:is|it\s+was)\s+|as\s+signed\s+off\s+)?for\s+(?:the\s+)?"
    r"(?:audit(?:\s+trail)?|record|history|reference)\b",
    re.IGNORECASE,
)
_FROZEN = re.compile(r"\bfrozen\b", re.IGNORECASE)
# a title telling the present: "Current state", "Code hosts (current)", "… as of today"
_CURRENT = re.compile(r"\bcurrent\b|\b(?:as\s+(?:it\s+)?(?:runs|stands)\s+)?today\b", re.IGNORECASE)
# a migration design's other side: its "current state" is the system it replaces
_TARGET = re.compile(
    r"\b(?:target|future|to[\s-]+be|end)\s+state\b|\btarget\s+(?:architecture|design)\b", re.I
)
_GATE = quick(r"maintained|updated|refreshed|revised|edited|kept|frozen", re.IGNORECASE)
_MAX = 120  # a title, not a paragraph


def titles(doc: dict[str, Any]) -> Iterator[str]:
    """A document's tab titles and its headings (the body's own, not in tables)."""
    tabs = list(iter_tabs(as_list(doc.get("tabs")), ()))
    holders = [as_dict(as_dict(tab).get("documentTab")) for _, tab in tabs] or [doc]
    for names, _ in tabs:
        yield names[-1]
    for holder in holders:
        for paragraph, style in body_styles(holder):
            if style.startswith("HEADING_"):
                yield paragraph_runs(paragraph)


def _not_kept(title: str) -> bool:
    return len(title) <= _MAX and _NOT_KEPT.search(title) is not None


def living(names: Iterable[str]) -> bool:
    """Whether a document's titles make it a living document keeping a stale copy (module doc): a title
    saying its part is no longer kept up to date, or one saying it is frozen beside one telling the
    present; never a migration design (a target state beside its current one)."""
    shown = [t for t in names if t and len(t) <= _MAX]
    if any(_TARGET.search(t) for t in shown):
        return False
    if any(_GATE.search(t) and _not_kept(t) for t in shown):
        return True
    return any(_FROZEN.search(t) for t in shown) and any(_CURRENT.search(t) for t in shown)


def stale_title(title: str, in_living: bool) -> bool:
    """Whether a section title marks its part as the stale copy of a living document (module doc)."""
    if not in_living or len(title) > _MAX or not _GATE.search(title):
        return False
    return _not_kept(title) or (_FROZEN.search(title) is not None and not _CURRENT.search(title))


def current_ours(title: str, other: re.Pattern[str], in_living: bool) -> bool:
    """Whether every other-system word of a title is a living document's "current …" (module doc):
    then the title tells the deployment now."""
    if not in_living:
        return False
    found = [m.group(0) for m in other.finditer(title)]
    return bool(found) and all(w.casefold().startswith("current") for w in found)


__all__ = ["current_ours", "living", "stale_title", "titles"]
