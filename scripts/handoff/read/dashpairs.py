"""A line written `Label — value` (an em or en dash, or a spaced hyphen, for the colon), read as a
label and its value when the label names a field (pure).

People typing a list of settings use a dash as often as a colon ("Repo count — 2,494", "Monorepos -
3"). A dash is also a clause's joint in prose ("Storage — we grew it twice"), so a careful reader
takes the words before it as a label only when they hold no figure and name a field on their own (a
catalogue label or a label's meaning) or an environment and nothing else ("Trial — it runs on …": the
rest is that environment's, as after a colon): `is_label`. The value is the rest of the line. Anything else is
left to the prose reader. `dash_pair(line, is_label)` gives (label, value) or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DASH = re.compile(r"^([^\d:：—–\n]{2,60}?)\s+(?:—|–|-{1,2})\s+(\S[^\n]*)$")
_SIGN = re.compile(r"\s(?:—|–|-{1,2})\s")


def dash_pair(line: str, is_label: Callable[[str], bool]) -> tuple[str, str] | None:
    """(label, value) of `Label — value` when `Label` names a field; None otherwise."""
    if not _SIGN.search(line):  # (a cheap sign first: most lines have no spaced dash)
        return None
    m = _DASH.match(line.strip())
    if m is None or not m.group(1)[0].isalnum() or not is_label(m.group(1).strip()):
        return None
    return m.group(1).strip(), m.group(2).strip()


__all__ = ["dash_pair"]
