"""A code host the customer moved away from: history, not a host in use.

"GitHub Enterprise Cloud (migrated from Bitbucket Server in 2024)", "we moved off Perforce last
year", "formerly on GitLab", "replacing TFS": a careful reader takes the host after the words of a
finished move away as the one left behind. `left_behind(text, found)` gives the hosts whose every
mention in `text` comes right after such words (an article or "old" between them), unless their
clause says the host is still used ("… the rest are still there", "remains", "as well").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.core.quickre import quick
from handoff.read.found import outright
from handoff.read.vocab import Found

_AWAY = re.compile(
    r"\b(?:(?:migrat|mov|switch|transition|port|convert|consolidat)(?:ed|ing)\s+(?:\w+\s+){0,2}?"
    r"(?:away\s+from|from|off(?:\s+of)?|out\s+of)|came\s+from|formerly(?:\s+on)?|previously(?:\s+on)?|"
    r"used\s+to\s+be\s+on|replac(?:ed|ing)|retired|decommissioned)"
    r"\s+(?:(?:the|our|their|an?|old|legacy|former|on-prem(?:ises)?)\s+)*$",
    re.IGNORECASE,
)
_STILL = re.compile(r"\b(?:still|remains?|remaining|as well|too|also|in parallel|alongside)\b", re.IGNORECASE)
_HINT = quick(r"from|off|formerly|previously|used to|replac|retired|decommission", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;\n()]|\.(?:\s|$)")


def left_behind(text: str, found: Sequence[Found]) -> set[str]:
    """The hosts of `found` whose every mention in `text` is the source of a finished move away."""
    found = outright(found)  # (a bare name read as the document's edition denies nothing)
    if not found or not _HINT.search(text):
        return set()
    left: set[str] = set()
    kept: set[str] = set()
    for f in found:
        start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, f.start)), default=0)
        end = next((m.start() for m in _CLAUSE_END.finditer(text, f.end)), len(text))
        away = _AWAY.search(text[start : f.start]) and not _STILL.search(text[f.end : end])
        (left if away else kept).add(f.value)
    return left - kept
