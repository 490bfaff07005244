"""Comment threads pasted into a document: a run of paragraphs opening with a comment's marks (a
`Comment` / `Reply` / `Response` tag, `↳`, `[comment]`, `Re:`), each maybe after the commenter's name,
with the resolution lines between or after them ("Resolved", "Done", "marked this as resolved"). A
thread is about the text above it; one that ends accepted (resolved, done, agreed, updated, fixed,
yes) and keeps nothing ("keeping …", "leave it", "no change", "won't") changes what it states: the
figures its paragraphs give correct the earlier values of their fields (read as a correction is,
`read/gather.py`). A thread that keeps the figure changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from handoff.core.quickre import opened

_NAME = r"(?:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?: \([^()\n]{1,30}\))?)"
_MARK = opened(
    re.compile(
        rf"^\s*(?:(?:\[|\()?(?:comment|reply|response|re)\b(?:\]|\))?(?:\s*(?:#\d+|\d+))?"
        rf"(?:\s*(?:(?:[—–-]|by|from)\s*{_NAME}|\({_NAME}\)))?\s*[:—–-]|↳|⤷|\[comment\]|\[reply\])",
        re.IGNORECASE,
    )
)
_RESOLUTION = re.compile(
    r"^\W*(?:(?:\w+ ){0,3}(?:marked (?:this |it )?(?:as )?resolved|resolved|done|closed|fixed|accepted)"
    r"(?: by [^\n]{1,40})?)\W*$",
    re.IGNORECASE,
)
_ACCEPTED = re.compile(
    r"\b(?:resolved|done|agreed|agree|fixed|updated|updating|confirmed|accepted|yes|correct(?:ed)?|"
    r"good catch)\b",
    re.IGNORECASE,
)
_KEPT = re.compile(
    r"\b(?:keep(?:ing|s)?|leav(?:e|ing) (?:it|the)|no change|unchanged|won['’]t|will not|not chang\w*|"
    r"declined?|rejected|stays?|as it is|no,)\b",
    re.IGNORECASE,
)


def accepted_runs(texts: Sequence[str]) -> set[int]:
    """The indices of `texts` (a part's paragraphs in order; "" for a heading or table, which ends a
    thread) that belong to a comment thread ending accepted."""
    out: set[int] = set()
    i = 0
    while i < len(texts):
        if not _MARK.match(texts[i]):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(texts) and texts[j] and (_MARK.match(texts[j]) or _RESOLUTION.match(texts[j])):
            run.append(j)
            j += 1
        words = " ".join(texts[k] for k in run)
        if _ACCEPTED.search(words) and not _KEPT.search(words):
            out.update(run)
        i = j
    return out


def accepted_paragraphs(content: Sequence[Any], text: Callable[[dict[str, Any]], str]) -> list[int]:
    """The indices in `content` (Docs structural elements) of the paragraphs in accepted comment
    threads (a heading or a table ends a thread)."""
    texts: list[str] = []
    for se in content:
        p = se.get("paragraph") if isinstance(se, dict) else None
        style = str(p.get("paragraphStyle", {}).get("namedStyleType", "")) if isinstance(p, dict) else ""
        texts.append(text(p).strip() if isinstance(p, dict) and "HEADING" not in style else "")
    if not any(_MARK.match(t) for t in texts if t):
        return []
    return sorted(accepted_runs(texts))
