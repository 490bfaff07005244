"""A sign-off or acceptance of a paper, not of the build: "after the design sign-off on 12 January".

The build is signed off, accepted or handed over when it is done; so is a design, a statement of work,
a plan or a set of requirements, weeks before the build starts ("I started the production build on 19
January 2026 after the design sign-off on 12 January"). A completion word with such a paper's noun
right before it ("design sign-off", "SOW signed off", "architecture review completed", "the plan's
acceptance") dates that paper's event: it is neither the build's completion nor its start. So does
one with the name of a review of the system by its assessors ("Security sign-off", "pen-test
completed", "the audit completed"): the review is done, not the build.

`paper_before(head)`: whether the words right before a completion word name a paper.
"""

from __future__ import annotations

import re

_PAPER = re.compile(
    # (not a plan kept to: "ahead of plan", "according to plan", "as per plan")
    r"(?<!\bof\s)(?<!\bto\s)(?<!\bper\s)(?<!\bthan\s)\b(?:design|architecture|solution|hld|lld|sow|statement\s+of\s+work|contract|proposal|plan|"
    r"requirements?|scope|budget|purchase\s+order|po|quote|estimate|sizing|"
    # a review of the system by its assessors, not the build: "Security sign-off", "the audit completed"
    r"security|audit|pen-?test|penetration\s+test|compliance)(?:['’]s)?"
    r"(?:\s+(?:doc(?:ument)?|paper|review|v?\d[\d.]*))?\s+(?:was\s+|were\s+|is\s+|got\s+)?$",
    re.IGNORECASE,
)


# the completion words a paper has: signed off, accepted, approved, reviewed, completed (not "went live")
_SIGNED = re.compile(r"sign|accept|approv|review|complet|finish", re.IGNORECASE)


def paper_before(head: str, verb: str) -> bool:
    """Whether the completion word `verb` is a paper's, the words `head` right before it naming one
    (module doc)."""
    return _SIGNED.search(verb) is not None and _PAPER.search(head[-48:]) is not None


__all__ = ["paper_before"]
