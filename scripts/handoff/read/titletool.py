"""The deployment tool a heading names, when no line of the document names one.

Infrastructure notes and runbooks are organised around the tool production is deployed with, and
say it only in their section titles: "Helm values — prod (override.yaml, storage excerpt)" over a
pasted values file, "Kustomize overlays for production" over the overlay's description. A careful
reader takes the tool a production (or unmarked) heading names as the deployment's, when the body
names none. Only then: a deployment type any line states, in any part but a trial's, wins (and two
that disagree stay a conflict). A heading that weighs or replaces options ("Helm or Kustomize?",
"Why not Docker Compose", "Migration from Docker Compose", "Option B: Helm") names no tool taken, nor
does a heading naming two tools.

`record(titles, text, section, location)` keeps a heading as the walk passes it; `tool_of(titles,
values, find)` gives the value to add (or None).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from handoff.core.model import Location, TddValue

_WEIGHED = re.compile(
    r"\?|\b(?:or|vs\.?|versus|instead|rather|not|no|why|whether|option|options|alternatives?|compared?|"
    r"comparison|from|migrat\w*|replac\w*|old|legacy|previous|former|pilot|trial|poc)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Title:
    text: str
    section: str
    location: Location


def record(titles: list[Title], text: str, section: str, location: Location) -> None:
    """Keep a heading (its text, the environment in force under it, its place)."""
    if text.strip() and section != "trial":
        titles.append(Title(text.strip(), section, location))


def tool_of(
    titles: Sequence[Title], values: Sequence[TddValue], find: Callable[[str], list[str]]
) -> TddValue | None:
    """The deployment type one heading names when no value outside trials gives it (`find`: the
    deployment-type names a text holds); None when a value gives it, no heading names one, or the
    headings naming one disagree."""
    if any(v.field == "deployment_type" and v.section != "trial" for v in values):
        return None
    named: dict[str, Title] = {}
    for t in titles:
        if _WEIGHED.search(t.text):
            continue
        tools = set(find(t.text))
        if len(tools) == 1:
            named.setdefault(tools.pop(), t)
    if len(named) != 1:
        return None
    tool, t = next(iter(named.items()))
    return TddValue("Heading", t.text, t.location, "deployment_type", t.section, None, True, tool,
                    "the tool a heading names")  # fmt: skip


__all__ = ["Title", "record", "tool_of"]
