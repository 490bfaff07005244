"""The plan is data: a list of typed changes per account, printable as text or JSON.

`plan` computes it (see planner.py) against the current remote state and writes nothing;
`run` prints the same list and then `apply` executes exactly that list, in order.
A change either writes (`writes=True`) or reports something deliberately left alone
(a TA's edit kept, a human-edited doc not overwritten): both are shown, only the first is done.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from handoff.core.model import Handoff, Problem, jsonable

# kind -> (symbol, writes)
KINDS: dict[str, tuple[str, bool]] = {
    "doc.create": ("+", True),
    "doc.update": ("~", True),
    "doc.share": ("+", True),
    "doc.stamp": ("~", True),  # store the fingerprint of the doc's text (its content unchanged)
    "doc.keep": ("!", False),  # someone edited the doc since our last write
    "trait.set": ("~", True),
    "trait.keep": ("!", False),  # the TA changed the trait since our last write
    "note.create": ("+", True),
    "note.update": ("~", True),
    "task.create": ("+", True),
    # a duplicate an interrupted or concurrent run left (found by its tag): trashed / archived
    "doc.trash": ("-", True),
    "note.archive": ("-", True),
    "task.archive": ("-", True),
    "sheet.row": ("~", True),
    "sheet.log": ("+", True),
    "sheet.state": ("~", True),
}


@dataclass(frozen=True)
class Change:
    kind: str
    target: str
    before: Any
    after: Any
    reason: str
    payload: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown change kind {self.kind!r}")

    @property
    def writes(self) -> bool:
        return KINDS[self.kind][1]

    @property
    def symbol(self) -> str:
        return KINDS[self.kind][0]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "target": self.target,
            "before": jsonable(self.before),
            "after": jsonable(self.after),
            "reason": self.reason,
            "writes": self.writes,
        }


@dataclass
class AccountPlan:
    account: str
    handoff: Handoff | None
    mode: str  # "final" | "draft" (docs/modes.md)
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # from check plus plan-time ones
    blocked: str = ""  # why nothing will be written (errors), else ""
    context: dict[str, Any] = field(default_factory=dict)  # ids and inputs apply needs

    @property
    def writes(self) -> list[Change]:
        return [c for c in self.changes if c.writes]

    @property
    def kept(self) -> list[Change]:
        return [c for c in self.changes if not c.writes]

    def to_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "mode": self.mode,
            "blocked": self.blocked or None,
            "changes": [c.to_json() for c in self.changes],
            "problems": [p.to_json() for p in self.problems],
        }


def short(value: Any, limit: int = 60) -> str:
    """One-line display of a before/after value."""
    if value is None or value == "":
        return "∅"
    text = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
