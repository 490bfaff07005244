"""A run of boxed lines some ticked, some not: a choice among them, whatever heads it.

A form asks "Code hosts to connect (tick all that apply)" or heads a list "Integrations" and prints
one option a line, each behind a box, with a blank or a count to fill in: `[x] GitHub Enterprise
Server — repositories: 1,620`, `[ ] GitLab.com — repositories: ____`. A human reads the ticked lines
as the answer and the others as options not taken, whether the line above ends in a question mark
or not. `forms.py` reads a question's boxed options so; this tells it that a line heads such a run
too when it is not boxed itself and two or more lines right after it each open with a box, at least
one ticked and one not. (A checklist's unticked line is a step not done: what it names is not so
either, so reading it the same way takes nothing true away.)
"""

from __future__ import annotations

import re
from typing import Any

_CHECKED = "☑☒✓✔✅◉●⦿"
_UNCHECKED = "☐□○◯⬜"
_LEAD = re.compile(r"^\s*(?:\[([ xX✓✔])\]|([" + _CHECKED + _UNCHECKED + r"]))")


def _lead(text: str) -> bool | None:
    """Whether a line opens with a ticked box (True), an empty one (False), or no box (None)."""
    m = _LEAD.match(text)
    if m is None:
        return None
    return (m.group(1) or "").strip() != "" if m.group(1) is not None else m.group(2) in _CHECKED


def heads_boxed_run(paras: list[Any], i: int) -> bool:
    """Whether `paras[i]` (a `forms._Para`) heads two or more boxed lines, ticked and not."""
    head = paras[i]
    if not head.text.strip() or _lead(head.text) is not None:
        return False
    states: list[bool] = []
    for q in paras[i + 1 :]:
        if q.content is not head.content or q.index != head.index + 1 + len(states):
            break
        state = _lead(q.text)
        if state is None:
            break
        states.append(state)
    return len(states) >= 2 and any(states) and not all(states)


__all__ = ["heads_boxed_run"]
