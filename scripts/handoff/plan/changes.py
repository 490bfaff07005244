"""The plan is data: a list of typed changes per account, printable as text or JSON.

`plan` computes it (see planner.py) against the current remote state and writes nothing;
`run` prints the same list and then `apply` executes exactly that list, in order.
A change either writes (`writes=True`) or reports something deliberately left alone
(a TA's edit kept, a human-edited doc not overwritten): both are shown, only the first is done.

Each kind of change carries its own payload type (what apply needs to do it); the plan's
`ApplyContext` holds what the planner found that apply records (ids, links, adopted items).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from handoff.core.model import Handoff, Problem, jsonable
from handoff.core.state import AccountState

if TYPE_CHECKING:
    from handoff.clients.drive_docs import RemoteDoc


class ChangeKind(StrEnum):
    DOC_CREATE = "doc.create"
    DOC_UPDATE = "doc.update"
    DOC_SHARE = "doc.share"
    DOC_STAMP = "doc.stamp"  # store the fingerprint of the doc's text (its content unchanged)
    DOC_KEEP = "doc.keep"  # someone edited the doc since our last write
    TRAIT_SET = "trait.set"
    TRAIT_KEEP = "trait.keep"  # the TA changed the trait since our last write
    NOTE_CREATE = "note.create"
    NOTE_UPDATE = "note.update"
    TASK_CREATE = "task.create"
    # a duplicate an interrupted or concurrent run left (found by its tag): trashed / archived
    DOC_TRASH = "doc.trash"
    NOTE_ARCHIVE = "note.archive"
    TASK_ARCHIVE = "task.archive"
    SHEET_ROW = "sheet.row"
    SHEET_LOG = "sheet.log"
    SHEET_STATE = "sheet.state"

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self][0]

    @property
    def writes(self) -> bool:
        return _SYMBOLS[self][1]

    @property
    def on_sheet(self) -> bool:
        """Written by the batch's one sheet write-back, not by the account's apply."""
        return self.value.startswith("sheet.")


K = ChangeKind
# kind -> (symbol, writes)
_SYMBOLS: dict[ChangeKind, tuple[str, bool]] = {
    K.DOC_CREATE: ("+", True),
    K.DOC_UPDATE: ("~", True),
    K.DOC_SHARE: ("+", True),
    K.DOC_STAMP: ("~", True),
    K.DOC_KEEP: ("!", False),
    K.TRAIT_SET: ("~", True),
    K.TRAIT_KEEP: ("!", False),
    K.NOTE_CREATE: ("+", True),
    K.NOTE_UPDATE: ("~", True),
    K.TASK_CREATE: ("+", True),
    K.DOC_TRASH: ("-", True),
    K.NOTE_ARCHIVE: ("-", True),
    K.TASK_ARCHIVE: ("-", True),
    K.SHEET_ROW: ("~", True),
    K.SHEET_LOG: ("+", True),
    K.SHEET_STATE: ("~", True),
}


# -- payloads: one type per kind of change ----------------------------------------------------------


@dataclass(frozen=True)
class DocWrite:
    """doc.create / doc.update / doc.keep / doc.stamp: one rendered document and where it goes."""

    kind: str  # the document kind (settings.docs.documents)
    title: str
    html: str
    sha: str  # sha256 of the html
    generated_at: str  # the "as of" date the doc was rendered with (ISO)
    id: str = ""  # the existing doc's id ("" for a create)


@dataclass(frozen=True)
class DocRelink:
    """doc.update of several documents: re-render with every final link once a new doc exists."""

    kinds: tuple[str, ...]
    stamp: str  # the "as of" date to render with (ISO)


@dataclass(frozen=True)
class DocShare:
    kind: str
    email: str


@dataclass(frozen=True)
class NoteWrite:
    id: str = ""  # the note to update ("" for a create)


@dataclass(frozen=True)
class TaskCreate:
    due: str  # ISO date
    ext: str  # the externalId that tags it


@dataclass(frozen=True)
class Duplicate:
    """doc.trash / note.archive / task.archive: one duplicate to remove, and the one kept."""

    id: str
    keep: str


@dataclass(frozen=True)
class SheetRow:
    status: str


Payload = DocWrite | DocRelink | DocShare | NoteWrite | TaskCreate | Duplicate | SheetRow

# kind -> the payload types it accepts (None: no payload)
_PAYLOADS: dict[ChangeKind, tuple[type, ...]] = {
    K.DOC_CREATE: (DocWrite,),
    K.DOC_UPDATE: (DocWrite, DocRelink),
    K.DOC_SHARE: (DocShare,),
    K.DOC_STAMP: (DocWrite,),
    K.DOC_KEEP: (DocWrite,),
    K.TRAIT_SET: (type(None),),
    K.TRAIT_KEEP: (type(None),),
    K.NOTE_CREATE: (NoteWrite,),
    K.NOTE_UPDATE: (NoteWrite,),
    K.TASK_CREATE: (TaskCreate,),
    K.DOC_TRASH: (Duplicate,),
    K.NOTE_ARCHIVE: (Duplicate,),
    K.TASK_ARCHIVE: (Duplicate,),
    K.SHEET_ROW: (SheetRow,),
    K.SHEET_LOG: (type(None),),
    K.SHEET_STATE: (type(None),),
}

P = TypeVar("P", DocWrite, DocRelink, DocShare, NoteWrite, TaskCreate, Duplicate, SheetRow)


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    target: str
    before: Any  # display values: a trait's JSON value, a title, a URL, a status
    after: Any
    reason: str
    payload: Payload | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        kind = ChangeKind(self.kind)  # ValueError for an unknown kind
        object.__setattr__(self, "kind", kind)
        if not isinstance(self.payload, _PAYLOADS[kind]):
            raise TypeError(f"a {kind} change cannot carry {type(self.payload).__name__}")

    @property
    def writes(self) -> bool:
        return self.kind.writes

    @property
    def symbol(self) -> str:
        return self.kind.symbol

    def data(self, cls: type[P]) -> P:
        """The payload as `cls` (the type the kind carries); TypeError if it is another."""
        if not isinstance(self.payload, cls):
            raise TypeError(
                f"the {self.kind} change carries {type(self.payload).__name__}, not {cls.__name__}"
            )
        return self.payload

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "target": self.target,
            "before": jsonable(self.before),
            "after": jsonable(self.after),
            "reason": self.reason,
            "writes": self.writes,
        }


# -- what apply needs besides the changes ----------------------------------------------------------


@dataclass(frozen=True)
class AdoptedDoc:
    """A doc a crashed run created that is current: recorded in the state, not rewritten."""

    doc: RemoteDoc
    generated_at: str  # the "as of" it was rendered with


@dataclass
class ApplyContext:
    """What the planner found (and apply records): the state read, the resolved Vitally records,
    the doc links, and what an earlier, crashed run left that this run adopts."""

    state: AccountState = field(default_factory=AccountState)
    override: str | None = None  # the readiness override in force (given now, or kept from a run)
    override_dropped: str = ""  # an earlier run's override, dropped as the checklist is complete
    fresh: bool = False  # the sheet shows no earlier run for this account
    found_unrecorded_doc: bool = False  # the Drive lookup found a doc no state records
    doc_links: dict[str, str] = field(default_factory=dict)  # document kind -> URL
    adopted_docs: dict[str, AdoptedDoc] = field(default_factory=dict)  # document kind -> doc
    adopted_note: dict[str, Any] | None = None  # the Vitally note (JSON)
    adopted_task: dict[str, Any] | None = None  # the Vitally task (JSON)
    settled: set[str] = field(default_factory=set)  # "note"/"task": a retried create now checked
    vitally_account: dict[str, Any] | None = None  # the Vitally account (JSON)
    ta_admin: dict[str, str] | None = None  # {"email", "id", "name"} of the TA's active admin
    desired_traits: dict[str, Any] = field(default_factory=dict)  # trait key -> Vitally JSON value
    trait_record: str = ""  # the record trait's value, sent with the traits (core/written.py)

    @property
    def recovering(self) -> bool:
        """An earlier run wrote something this run records without rewriting it (or the state's
        "unsettled" mark is cleared)."""
        return bool(self.adopted_docs or self.adopted_note or self.adopted_task or self.settled)


@dataclass
class AccountPlan:
    account: str
    handoff: Handoff | None
    mode: str  # "final" | "draft" (docs/modes.md)
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # from check plus plan-time ones
    blocked: str = ""  # why nothing will be written (errors), else ""
    context: ApplyContext = field(default_factory=ApplyContext)  # ids and inputs apply needs
    fix: str = ""  # for a blocked plan: what to do about it
    service_failure: bool = False  # blocked because a service kept failing (exit 4)

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
    """One-line display of a before/after value, shortened at a word boundary."""
    if value is None or value == "":
        return "∅"
    text = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)  # whole words only: a URL or an email is never cut
    if cut <= 0:
        end = text.find(" ")
        return text if end < 0 else text[:end] + " …"
    return text[:cut] + " …"
