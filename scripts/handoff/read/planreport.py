"""A plan's slide that reports its first phase done: the report is a fact, not the plan.

A deck shows a roadmap ("Rollout roadmap", "Plan", "Timeline") whose rows are phases; the titles make
the whole slide a plan, never production. But the presenter's notes under it, updated after the build,
often say what became of it: "Phase 1 happened as planned: node group and Helm install started 22 June,
production signed off on 10 July 2026. Phases 2 and 3 are plans only." A reader takes those dates as
the build's: the paragraph tells in the past tense (or with a done mark, `✔`) that the production
build happened, so it is a report, not a plan.

`reports_done(text)`: a sentence of the paragraph tells the production build (production, the build,
the install, go-live) done in the past tense or marked done, with no word of a future or an intention
in that sentence. `plan_title(text)`: a title naming a plan of phases (roadmap, plan, timeline,
rollout, phases, milestones, next steps); the walk reads such a paragraph as naming no environment when
every title that puts its part out of production is one of those and none names another environment.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.read.stops import sentence_ends

_PLAN_TITLE = re.compile(
    r"\b(?:road-?maps?|plans?|roll-?outs?|timelines?|phases?|schedule|milestones?|next\s+steps)\b", re.I
)
_DONE = re.compile(
    r"\b(?:happened|(?:was|were|is|are)\s+(?:done|complete|completed|finished|built|delivered|accepted|live)"
    r"|completed|finished|signed\s+off|went\s+live|started|began|ran)\b|[✔✅☑]",
    re.IGNORECASE,
)
_BUILD = quick(r"\b(?:production|prod|build|install(?:ation)?|go-?live|phase\s+(?:1|one|I)\b)", re.I)
_FUTURE = re.compile(
    r"\b(?:will|shall|would|going\s+to|to\s+be|planned\s+for|scheduled\s+for|target(?:ed|s)?|expected|"
    r"should|next|not\s+yet|if)\b",
    re.IGNORECASE,
)


def plan_title(text: str) -> bool:
    """Whether a title names a plan of phases ("Slide 10 — Rollout roadmap", "Timeline")."""
    return _PLAN_TITLE.search(text) is not None


def reports_done(text: str) -> bool:
    """Whether a sentence of the paragraph tells the production build done (past tense or a done mark)
    and speaks of no future in that sentence."""
    if not _DONE.search(text) or not _BUILD.search(text):
        return False
    start = 0
    for end in (*sentence_ends(text), len(text)):
        sentence = text[start:end]
        start = end
        if _DONE.search(sentence) and _BUILD.search(sentence) and not _FUTURE.search(sentence):
            return True
    return False


__all__ = ["plan_title", "reports_done"]
