"""A table's caption naming another environment or source (pure): `Table 2: Staging node pool`
above a table or `Figure 3 — DR cluster` below it makes the figures of that table not production's,
whatever heading it sits under.

A careful reader reads a caption before the numbers: documents that keep their figures in captioned
tables put the vendor's reference sizing, the staging pool and the production pool one after the
other under one heading, each told apart only by its caption. A caption is a numbered line (`Table
N`, `Tab. N`, `Figure N`, `Exhibit B`) right above the table, or right below it when no table
follows (a numbered line between two tables captions the one below). An unnumbered short line over
a table is no caption here: such lines name a table's subject as often as its environment ("UAT
sign-off" over the production milestones). `caption(text)` gives the caption's words, or ''; the
walker asks the environment words (`Environments.part`) which part they name, and reads the table
in it only when that is not production (a caption naming production under a heading of another
part changes nothing).
"""

from __future__ import annotations

import re

# `Table 3:`, `Tab. 2 –`, `Figure 1.`, `Exhibit B —`, `Table A-2:`
_NUMBERED = re.compile(
    r"^\s*(?:table|tab\.|figure|fig\.|exhibit|chart|listing)(?:\s*\d[\w.-]{0,5}|\s+[A-Z](?:[.-]?\d{1,3})?)"
    r"\s*[:.\u2013\u2014-]\s*(?P<words>\S.*)$",
    re.IGNORECASE,
)


def caption(text: str) -> str:
    """The words of a numbered table caption (`text` the paragraph above or below the table), or ''
    when the paragraph is no caption."""
    line = text.strip()
    if not line or "\n" in line:
        return ""
    numbered = _NUMBERED.match(line)
    return numbered.group("words") if numbered else ""


__all__ = ["caption"]
