"""The column a table compares its other environments with (pure).

A table of environments as columns often names only the copies: `Component | Main instance | QA
instance`, `Item | Current cluster | DR cluster`. A careful reader sees that the column built like
the non-production ones (the same head noun: `instance`, `cluster`) but naming no environment is the
one they are set beside: the live deployment. That holds only when every column naming an
environment names a non-production one, and exactly one column is built that way; a `Notes` or
`Description` column is not built like them and stays unread. Beside columns of the figures before
a change (`Previous (to 30 June)`, `Old setup`: `read.pastcolumns`), the one column saying it is
now (`Current`, `Now`) is the counterpart, however it is built.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.read.pastcolumns import now, past

_WORDS = re.compile(r"[^\W\d_]+")
_ASIDE = re.compile(r"\([^()]*\)")


def _head(header: str) -> str:
    """A header's head noun: its last word (`Main instance` → `instance`), or '' for one word; an
    aside in brackets is no part of it (`New configuration (since 1 July)` → `configuration`)."""
    words = _WORDS.findall(_ASIDE.sub(" ", header).casefold())
    return words[-1] if len(words) >= 2 else ""


def counterpart(header: list[str], kinds: list[str], part: Callable[[str], str]) -> int | None:
    """The index of the column (after the first) that the non-production columns are compared with,
    or None. `kinds`: each column's role (`section` for a column naming an environment); `part`: the
    environment a header names."""
    named = [j for j, k in enumerate(kinds) if k == "section" and j > 0]
    if not named or any(part(header[j]) != "trial" for j in named):
        return None
    heads = {_head(header[j]) for j in named} - {""}
    built = [
        j for j, k in enumerate(kinds) if j > 0 and k == "" and j < len(header) and _head(header[j]) in heads
    ]
    if not built and all(past(header[j]) for j in named):  # `Previous (to 30 June) | Current`
        built = [j for j, k in enumerate(kinds) if j > 0 and k == "" and j < len(header) and now(header[j])]
    return built[0] if len(built) == 1 else None
