"""Compute one account's plan against the current remote state. Reads only; writes nothing.

Inputs: the merged `Handoff`, the account's recorded `AccountState`, the run options, and
the clients (for the reads that prove what is already there: the doc's Drive metadata, the
Vitally account, and, only when no id is recorded, the lookups that find a doc, note or task
a crashed run left behind). Output: an `AccountPlan` whose changes `apply` executes in order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from handoff.apply import converge
from handoff.clients import drive_docs as docs_writer
from handoff.core import written
from handoff.core.errors import UsageError
from handoff.core.model import Location, Problem, Severity
from handoff.core.slug import slug_problem
from handoff.core.state import AccountState, DocState
from handoff.plan.changes import (
    AccountPlan,
    AdoptedDoc,
    Change,
    ChangeKind,
    DocRelink,
    DocShare,
    DocWrite,
    Duplicate,
    NoteWrite,
    SheetRow,
    TaskCreate,
)
from handoff.plan.traits import diff_traits, to_vitally
from handoff.read.vitally_checks import VitallyChecks
from handoff.render.documents import (
    RenderedDocument,
    RunInfo,
    note_context,
    render_documents,
    render_note,
    templates_dir,
)
from handoff.validate.readiness import handoff_reason

if TYPE_CHECKING:
    from handoff.clients import Clients
    from handoff.core.fields import Catalogue
    from handoff.core.model import Handoff
    from handoff.core.settings import Settings

NOTE_EXTERNAL_ID = "handoff-note:{account}"
TASK_EXTERNAL_ID = "handoff-review:{account}"

STATUS = {"final": "handed off", "draft": "draft"}


@dataclass(frozen=True)
class RunOptions:
    apply: bool = False
    as_json: bool = False
    draft: bool = False
    override_readiness: str | None = None
    force_doc: bool = False
    force_fields: tuple[str, ...] = ()
    verbosity: int = 0  # -1 quiet, 0 normal, 1 verbose: what is printed, never what is done
    accept: tuple[str, ...] = ()  # raw `--accept FIELD=sheet|tdd`, checked by read_batch

    @classmethod
    def from_cli(cls, apply: bool, **options: Any) -> RunOptions:
        reason = options.get("override_readiness")
        if reason is not None and not reason.strip():
            raise UsageError(
                "--override-readiness needs a reason: it goes into the doc, the Vitally note and the run log",
                fix='say why the handoff goes ahead now: --override-readiness "customer signed off on 3/5"',
            )
        return cls(
            apply=apply,
            as_json=bool(options.get("as_json")),
            draft=bool(options.get("draft")),
            override_readiness=reason.strip() if reason else None,
            force_doc=bool(options.get("force_doc")),
            force_fields=tuple(options.get("force_fields") or ()),
            verbosity=int(options.get("verbosity") or 0),
            accept=tuple(options.get("accept") or ()),
        )


def _no_step(account: str, step: str) -> None:
    """The default progress callback: nobody is watching."""


@dataclass(frozen=True)
class PlanInputs:
    """What every account of a batch shares: settings, clients, catalogue, clock, caches, progress.

    Built complete and never reassigned; a phase that reports progress elsewhere takes a copy
    (`with_progress`), which shares the Drive lookup and the Vitally checks."""

    settings: Settings
    clients: Clients
    catalogue: Catalogue
    options: RunOptions
    today: dt.date
    # The batch's one Drive lookup of docs no state records ({(account, kind): doc}); None: per account.
    found_docs: dict[tuple[str, str], list[docs_writer.RemoteDoc]] | None = None  # oldest first
    on_step: Callable[[str, str], None] = _no_step  # (account, step) for the progress display
    vitally_checks: VitallyChecks | None = None  # the batch's Vitally lookups (made on first use)

    def __post_init__(self) -> None:
        if self.vitally_checks is None:
            object.__setattr__(self, "vitally_checks", VitallyChecks(self.clients))

    def with_progress(self, on_step: Callable[[str, str], None]) -> PlanInputs:
        return dataclasses.replace(self, on_step=on_step)


MODES = ("final", "draft")
NOT_READY_FIX = (
    "finish the close-out checklist; or pass --draft (the doc only, marked DRAFT: Vitally and the "
    'status untouched), or --override-readiness "REASON" (hand off now; the reason is recorded)'
)


def plan_account(
    inputs: PlanInputs,
    handoff: Handoff,
    state: AccountState,
    state_problem: Problem | None = None,
    fresh: bool = False,
) -> AccountPlan:
    """`fresh`: the sheet holds no trace of an earlier run for this account (no state row, log row,
    status or link), so a note or task can only exist if a crashed run got as far as the doc,
    which the Drive lookup finds; the Vitally note/task lookups are then skipped.

    Two modes. Final: the account is ready (readiness.py) or its readiness is overridden (now, or
    by an earlier run while the checklist stays incomplete). Draft: the doc only. Anything else
    stops with the reason and both options as fixes; a stopped plan writes nothing."""
    mode = "draft" if inputs.options.draft else "final"
    plan = AccountPlan(handoff.account, handoff, mode, problems=list(handoff.problems))
    plan.context.state, plan.context.fresh = state, fresh
    if state_problem:
        plan.problems.append(state_problem)
    if slug_problem(handoff.account):  # even a draft: the slug names the local copy's folder
        plan.blocked = "the account slug is not a safe name"
        return plan
    if state_problem and state_problem.severity is Severity.ERROR:
        plan.blocked = "the recorded handoff state cannot be read"
        return plan
    not_ready = _readiness_override(inputs, handoff, state, plan)
    if mode == "final" and handoff.value("vitally_account"):
        inputs.on_step(handoff.account, "read Vitally")
        _plan_vitally_checks(inputs, handoff, state, plan)  # reads only: its problems join the report
    if _blocked(inputs, handoff, state, plan, not_ready):
        return plan
    inputs.on_step(handoff.account, "plan doc")
    _plan_docs(inputs, handoff, state, plan)
    if mode == "final":
        _plan_traits(inputs, handoff, state, plan)
        _plan_note(inputs, handoff, state, plan)
        _plan_task(inputs, handoff, state, plan)
    _plan_sheet(inputs, handoff, state, plan)
    return plan


def _readiness_override(inputs: PlanInputs, handoff: Handoff, state: AccountState, plan: AccountPlan) -> str:
    """Settle the readiness override; returns why the account is not ready ("" when it is, or when
    the override covers it). An override is kept in the state and honoured by later runs until
    the checklist is complete; then it is dropped (the run log says so)."""
    given, kept = inputs.options.override_readiness, state.override_reason
    if handoff.checklist_complete:
        if given:
            plan.problems.append(
                Problem(
                    Severity.INFO,
                    "the checklist is complete; --override-readiness was not needed and is ignored",
                )
            )
        if kept and plan.mode == "final":
            plan.context.override_dropped = kept
            plan.problems.append(
                Problem(
                    Severity.INFO,
                    f"the checklist is now complete: the readiness override of an earlier run ({kept}) "
                    "is dropped",
                )
            )
        plan.context.override = None
    else:
        plan.context.override = given or kept or None
        if kept and not given:
            plan.problems.append(
                Problem(
                    Severity.INFO,
                    f"readiness overridden by an earlier run ({kept}); kept until the checklist is complete",
                )
            )
    why = handoff_reason(inputs.settings, inputs.catalogue, handoff)
    return "" if plan.context.override else why


def _blocked(
    inputs: PlanInputs, handoff: Handoff, state: AccountState, plan: AccountPlan, not_ready: str
) -> bool:
    """Whether the plan stops here (writing nothing), and why: errors (a draft goes ahead despite
    them), an account not ready for a final handoff, a draft over a doc already handed off."""
    errors = [p for p in plan.problems if p.severity is Severity.ERROR]
    if plan.mode == "draft":
        if _handed_off(handoff, state) and not inputs.options.force_doc:
            plan.blocked = "already handed off: a draft would replace the TA's final doc"
            plan.fix = (
                "run without --draft to update the handoff doc, or add --force-doc to replace it with a draft"
            )
        return bool(plan.blocked)
    parts = [not_ready] if not_ready else []
    if errors:
        parts.append(f"{len(errors)} error(s): fix them (or ask for a --draft)")
    if not parts:
        return False
    plan.blocked = "; ".join(parts)
    if not_ready:
        plan.fix = NOT_READY_FIX
    return True


def _handed_off(handoff: Handoff, state: AccountState) -> bool:
    """The TA has a final handoff doc: the state or the sheet's status says it was handed off (the
    sheet alone counts too: a state tab someone cleared must not let a draft over the TA's doc)."""
    row = handoff.record.row.get("handoff_status") if handoff.record else ""
    return STATUS["final"] in (_norm_cell(state.status), _norm_cell(row))


# -- docs ------------------------------------------------------------------------------------------


def render_docs(
    inputs: PlanInputs,
    handoff: Handoff,
    mode: str,
    links: dict[str, str],
    stamp: str,
    override: str | None = None,
) -> dict[str, RenderedDocument]:
    """Every configured document rendered for this run, by kind."""
    run = RunInfo(
        mode="draft" if mode == "draft" else "final",
        generated_at=dt.date.fromisoformat(stamp[:10]),
        override_reason=override,
        ready=handoff.checklist_complete,
        doc_links=links,
    )
    return {d.kind: d for d in render_documents(inputs.settings, inputs.catalogue, handoff, run)}


def _plan_docs(inputs: PlanInputs, handoff: Handoff, state: AccountState, plan: AccountPlan) -> None:
    settings = inputs.settings
    remote: dict[str, docs_writer.RemoteDoc | None] = {}
    for spec in settings.docs.documents:
        remote[spec.kind] = _find_doc(inputs, handoff.account, state.docs.get(spec.kind), spec.kind, plan)
    links = {k: d.url for k, d in remote.items() if d}
    plan.context.doc_links = links

    renders: dict[str, dict[str, RenderedDocument]] = {}

    def render(stamp: str) -> dict[str, RenderedDocument]:
        if stamp not in renders:
            renders[stamp] = render_docs(inputs, handoff, plan.mode, links, stamp, plan.context.override)
        return renders[stamp]

    ta = str(handoff.value("technical_advisor") or "")
    for spec in settings.docs.documents:
        recorded = state.docs.get(spec.kind)
        doc = remote[spec.kind]
        stamp = recorded.generated_at if recorded and recorded.generated_at else inputs.today.isoformat()
        rendered = render(stamp)[spec.kind]
        sha = docs_writer.sha256(rendered.html)
        if doc is not None and sha != doc.properties.get(docs_writer.PROP_SHA, ""):
            stamp = inputs.today.isoformat()  # content changes: the doc says "as of" today
            rendered = render(stamp)[spec.kind]
            sha = docs_writer.sha256(rendered.html)
        payload = DocWrite(spec.kind, rendered.title, rendered.html, sha, stamp, doc.id if doc else "")
        target = f"doc {spec.kind}"
        if doc is None:
            plan.changes.append(
                Change(
                    ChangeKind.DOC_CREATE, target, None, rendered.title, "no handoff doc exists yet", payload
                )
            )
        else:
            _plan_existing_doc(inputs, plan, recorded, doc, payload, stamp)
        shared = set(recorded.shared_with) if recorded else set()
        if ta and ta.lower() not in {s.lower() for s in shared}:
            plan.changes.append(
                Change(
                    ChangeKind.DOC_SHARE,
                    target,
                    None,
                    ta,
                    f"share with the TA as {settings.docs.share_role}",
                    DocShare(spec.kind, ta),
                )
            )
    _plan_relink(inputs, plan)


def _find_doc(
    inputs: PlanInputs, account: str, recorded: DocState | None, kind: str, plan: AccountPlan
) -> docs_writer.RemoteDoc | None:
    """The account's doc of this kind: the oldest one tagged for it (the one every run keeps,
    converge.py); any other is planned for the trash. Every run lists the tagged docs (the
    batch's lookup, else one files.list), so a late duplicate is removed by the next run even
    when nothing else changed. The recorded doc, when the listing does not show it (Drive search
    can lag behind writes), is read by its id."""
    key = (account, kind)
    if inputs.found_docs is not None and key in inputs.found_docs:
        found = list(inputs.found_docs[key])
    else:
        found = docs_writer.list_docs(inputs.clients, account, kind)
    if recorded and all(d.id != recorded.id for d in found):
        doc = docs_writer.read_doc(inputs.clients, recorded.id)
        if doc is not None:
            found = sorted([*found, doc], key=docs_writer.age)
    _plan_duplicates(plan, ChangeKind.DOC_TRASH, f"doc {kind}", [d.id for d in found])
    doc = found[0] if found else None
    if doc is not None and (recorded is None or recorded.id != doc.id):
        plan.context.found_unrecorded_doc = True
    return doc


def _plan_existing_doc(
    inputs: PlanInputs,
    plan: AccountPlan,
    recorded: DocState | None,
    doc: docs_writer.RemoteDoc,
    payload: DocWrite,
    stamp: str,
) -> None:
    """Update, keep (a person's edit) or leave the doc; adopt it when the state does not record it.

    Whether a person edited it is asked only when it matters (a write is due, or the doc lacks
    the text fingerprint a write leaves): a no-op run makes no export."""
    kind, target = payload.kind, f"doc {payload.kind}"
    changed = payload.sha != doc.properties.get(docs_writer.PROP_SHA, "") or payload.title != doc.name
    unstamped = docs_writer.PROP_TEXT not in doc.properties
    edited = ""
    if changed or unstamped or inputs.options.force_doc:
        edited = docs_writer.human_edit(
            recorded, doc, lambda: docs_writer.export_text_sha(inputs.clients, doc.id)
        )
    if edited and not inputs.options.force_doc:
        if changed:
            plan.changes.append(
                Change(
                    ChangeKind.DOC_KEEP,
                    target,
                    doc.url,
                    payload.title,
                    f"{edited}; not overwritten (use --force-doc)",
                    payload,
                )
            )
    elif changed or edited:
        why = f"forced over an edit: {edited}" if edited else "content changed"
        plan.changes.append(Change(ChangeKind.DOC_UPDATE, target, doc.url, payload.title, why, payload))
        return
    elif unstamped:  # ours, written by an older version or by a run stopped before its stamp
        plan.changes.append(
            Change(
                ChangeKind.DOC_STAMP,
                target,
                doc.url,
                None,
                "record the fingerprint of the doc's text",
                payload,
            )
        )
    stale = recorded is not None and recorded.html_sha256 != doc.properties.get(docs_writer.PROP_SHA, "")
    if not recorded or recorded.id != doc.id or stale:  # a write the state missed (its write-back failed)
        # record what is there (a kept edit too), with the "as of" it was rendered with
        plan.context.adopted_docs[kind] = AdoptedDoc(doc, stamp)


def _plan_relink(inputs: PlanInputs, plan: AccountPlan) -> None:
    """Several documents link to each other: a new one's link exists only once it is created, so
    the run fills the links in right after (one update per document whose content then differs)."""
    created = [c.data(DocWrite).kind for c in plan.changes if c.kind is ChangeKind.DOC_CREATE]
    if not created or len(inputs.settings.docs.documents) < 2:
        return
    kept = {c.data(DocWrite).kind for c in plan.changes if c.kind is ChangeKind.DOC_KEEP}
    kinds = tuple(d.kind for d in inputs.settings.docs.documents if d.kind not in kept)
    plan.changes.append(
        Change(
            ChangeKind.DOC_UPDATE,
            "doc links",
            None,
            ", ".join(kinds),
            f"link the documents to the new {', '.join(created)} doc(s), where it changes them",
            DocRelink(kinds, inputs.today.isoformat()),
        )
    )


# -- Vitally ---------------------------------------------------------------------------------------


def _plan_vitally_checks(
    inputs: PlanInputs, handoff: Handoff, state: AccountState, plan: AccountPlan
) -> None:
    """The Vitally account and the TA's admin record (read/vitally_checks.py, shared with `check`
    and `status`); each failure becomes a problem."""
    assert inputs.vitally_checks is not None
    found = inputs.vitally_checks.run(handoff, state)
    plan.problems.extend(found.problems)
    if found.account is not None:
        plan.context.vitally_account = found.account
    if found.admin is not None:
        plan.context.ta_admin = found.admin


def desired_traits(inputs: PlanInputs, handoff: Handoff, admin: dict[str, str] | None) -> dict[str, Any]:
    style = inputs.settings.vitally.list_trait_style
    traits: dict[str, Any] = {}
    for name, f in inputs.catalogue.fields.items():
        if f.vitally is None:
            continue
        value = handoff.value(name)
        if value is None or value == [] or value == "":
            continue
        traits[f.vitally.key] = to_vitally(value, "string" if f.vitally.type == "string" else style)
    if admin and admin.get("name") and inputs.settings.vitally.ta_name_trait:
        traits[inputs.settings.vitally.ta_name_trait] = admin["name"]
    if inputs.settings.vitally.next_steps_trait:  # Vitally is written by final handoffs only
        from handoff.render.documents import render_next_steps_text

        traits[inputs.settings.vitally.next_steps_trait] = render_next_steps_text(
            handoff, inputs.settings, inputs.catalogue
        )
    return traits


def _plan_traits(inputs: PlanInputs, handoff: Handoff, state: AccountState, plan: AccountPlan) -> None:
    account = _vitally_account(plan)
    admin = plan.context.ta_admin  # the current TA's record only: never a previous TA's name
    desired = desired_traits(inputs, handoff, admin)
    labels = {f.vitally.key: name for name, f in inputs.catalogue.fields.items() if f.vitally}
    labels[inputs.settings.vitally.ta_name_trait] = "technical_advisor_name"
    if inputs.settings.vitally.next_steps_trait:
        labels[inputs.settings.vitally.next_steps_trait] = "next_steps"
    current = account.get("traits") or {}
    base = _written_base(inputs, state, current, plan)
    changes = diff_traits(desired, current, base, inputs.options.force_fields, labels, state.traits)
    for c in changes:
        if c.kind is ChangeKind.TRAIT_KEEP:
            plan.problems.append(
                Problem(
                    Severity.WARNING,
                    f"{labels.get(c.target, c.target)}: {c.reason}",
                    labels.get(c.target),
                    Location("vitally", c.target),
                )
            )
    plan.changes.extend(changes)
    plan.context.desired_traits = desired
    kept = {c.target for c in changes if c.kind is ChangeKind.TRAIT_KEEP}
    record = {k: v for k, v in base.items() if k in kept} | {
        k: written.fingerprint(v) for k, v in desired.items() if k not in kept
    }
    plan.context.trait_record = written.encode(record)  # sent with the traits (execute.py)


def _vitally_account(plan: AccountPlan) -> dict[str, Any]:
    """The resolved Vitally account (a plan gets this far only once the lookup found it)."""
    account = plan.context.vitally_account
    if account is None:
        raise RuntimeError(f"{plan.account}: the Vitally account was not resolved")
    return account


def _written_base(
    inputs: PlanInputs, state: AccountState, current: dict[str, Any], plan: AccountPlan
) -> dict[str, str]:
    """What handoff last wrote: the record trait on the account; the state cache for an account
    an older version wrote (no record), or whose record someone overwrote (reported)."""
    key = inputs.settings.vitally.record_trait
    try:
        record = written.decode(current.get(key))
    except ValueError as exc:
        plan.problems.append(
            Problem(
                Severity.WARNING,
                f"the Vitally trait {key} is not handoff's record of what it wrote ({exc}); "
                "using the state tab instead",
                None,
                Location("vitally", key),
                f"leave {key} to handoff: the next run that writes traits rewrites it",
            )
        )
        record = None
    return record if record is not None else written.fingerprints(state.traits)


def _plan_note(inputs: PlanInputs, handoff: Handoff, state: AccountState, plan: AccountPlan) -> None:
    account = _vitally_account(plan)
    note_id = state.note_id
    unsettled = "note" in state.unsettled  # its create was retried: a late duplicate may exist
    if (not note_id and may_have_unrecorded(plan)) or unsettled:  # recover, or settle
        ext = NOTE_EXTERNAL_ID.format(account=handoff.account)
        found = converge.tagged(inputs.clients.vitally().list_account_notes(account["id"]), ext)
        for note in found[:1]:  # the oldest live one
            if note["id"] != note_id:
                note_id = note["id"]
                plan.context.adopted_note = note
        _plan_duplicates(plan, ChangeKind.NOTE_ARCHIVE, "vitally note", [n["id"] for n in found])
        if unsettled:
            plan.context.settled.add("note")
    payload = NoteWrite(note_id)
    if not note_id:
        plan.changes.append(
            Change(
                ChangeKind.NOTE_CREATE,
                "vitally note",
                None,
                "handoff summary",
                "no handoff note on the account yet",
                payload,
            )
        )
        return
    # The note's content depends on the doc link; apply renders it once links are final.
    if _doc_will_be_created(plan) or plan.context.adopted_note or _note_stale(inputs, handoff, state, plan):
        plan.changes.append(
            Change(
                ChangeKind.NOTE_UPDATE,
                "vitally note",
                note_id,
                "handoff summary",
                "the handoff changed",
                payload,
            )
        )


def _plan_duplicates(plan: AccountPlan, kind: ChangeKind, target: str, ids: list[str]) -> None:
    """Remove all but the first (the oldest) of `ids`: duplicates an interrupted or concurrent run
    left behind that the check after its create did not see (e.g. a listing that lagged)."""
    for dup in ids[1:]:
        plan.changes.append(
            Change(
                kind,
                target,
                dup,
                None,
                f"a duplicate left by an interrupted or concurrent run; keeping the oldest, {ids[0]}",
                Duplicate(dup, ids[0]),
            )
        )


def may_have_unrecorded(plan: AccountPlan) -> bool:
    """Could an earlier run have created a note or task this account's state does not record?

    Every run writes the doc before any note or task, and records what it wrote in the sheet
    at the end. So for an account the sheet shows no earlier run of (`fresh`), an unrecorded
    note or task implies an unrecorded doc, which the Drive lookup would have found.
    """
    return not plan.context.fresh or plan.context.found_unrecorded_doc


def _doc_will_be_created(plan: AccountPlan) -> bool:
    """A new doc means a new link in the note."""
    return any(c.kind is ChangeKind.DOC_CREATE for c in plan.changes)


def _note_stale(inputs: PlanInputs, handoff: Handoff, state: AccountState, plan: AccountPlan) -> bool:
    html = render_note_html(inputs, handoff, plan, plan.context.doc_links)
    return docs_writer.sha256(html) != state.note_sha256


def render_task_text(
    inputs: PlanInputs, handoff: Handoff, plan: AccountPlan, links: dict[str, str]
) -> tuple[str, str]:
    """The review task's title and description, from the task templates."""
    from handoff.render.documents import render_task

    run = RunInfo(
        mode="final", override_reason=plan.context.override, ready=handoff.checklist_complete, doc_links=links
    )
    return render_task(
        handoff,
        note_context(inputs.settings, inputs.catalogue, handoff, run),
        templates=templates_dir(inputs.settings),
    )


def render_note_html(inputs: PlanInputs, handoff: Handoff, plan: AccountPlan, links: dict[str, str]) -> str:
    run = RunInfo(
        mode="final",
        generated_at=None,
        override_reason=plan.context.override,
        ready=handoff.checklist_complete,
        doc_links=links,
    )
    return render_note(
        handoff,
        note_context(inputs.settings, inputs.catalogue, handoff, run),
        templates=templates_dir(inputs.settings),
    )


def _plan_task(inputs: PlanInputs, handoff: Handoff, state: AccountState, plan: AccountPlan) -> None:
    unsettled = "task" in state.unsettled  # its create was retried: a late duplicate may exist
    if state.task_id and not unsettled:
        return
    account = _vitally_account(plan)
    ext = TASK_EXTERNAL_ID.format(account=handoff.account)
    look = unsettled or (not state.task_id and may_have_unrecorded(plan))
    tasks = inputs.clients.vitally().list_account_tasks(account["id"]) if look else []
    found = converge.tagged(tasks, ext)  # live ones (an archived one is a removed duplicate), oldest first
    _plan_duplicates(plan, ChangeKind.TASK_ARCHIVE, "vitally task", [t["id"] for t in found])
    if unsettled:
        plan.context.settled.add("task")
    if found:
        if found[0]["id"] != state.task_id:
            plan.context.adopted_task = found[0]
        return
    if state.task_id:
        return
    admin = plan.context.ta_admin
    if admin is None:
        raise RuntimeError(f"{plan.account}: the TA's Vitally admin was not resolved")
    due = inputs.today + dt.timedelta(days=inputs.settings.vitally.task_due_days)
    plan.changes.append(
        Change(
            ChangeKind.TASK_CREATE,
            "vitally task",
            None,
            f"assigned to {admin['email']}",
            "the TA reviews the handoff",
            TaskCreate(due.isoformat(), ext),
        )
    )


# -- sheet -----------------------------------------------------------------------------------------


def _norm_cell(text: str) -> str:
    """A hand-typed status ("Handed Off ") counts as the same as the tool's ("handed off")."""
    return " ".join(text.split()).casefold()


def _plan_sheet(inputs: PlanInputs, handoff: Handoff, state: AccountState, plan: AccountPlan) -> None:
    """Status and doc link on the account row, a log row, the state cell: only when something writes
    (or the row lost its status/link, or a crashed run left something to record). A draft leaves
    the account row alone: it records only the log row and the state (the doc id)."""
    status = STATUS[plan.mode]
    row = handoff.record.row if handoff.record else None
    current_status = row.get("handoff_status") if row else ""
    current_link = row.get("handoff_doc") if row else ""
    main_kind = inputs.settings.docs.documents[0].kind
    link = plan.context.doc_links.get(main_kind, "")
    other_writes = any(c.writes for c in plan.changes)
    recovering = plan.context.recovering
    draft = plan.mode == "draft"
    row_stale = not draft and (
        _norm_cell(current_status) != _norm_cell(status) or bool(link and current_link.strip() != link)
    )
    override_changed = not draft and (plan.context.override or "") != state.override_reason
    if not (other_writes or recovering or row_stale or override_changed):
        return
    if not draft:
        plan.changes.append(
            Change(
                ChangeKind.SHEET_ROW,
                "Accounts row",
                current_status or None,
                status,
                "record the handoff status, doc link and time",
                SheetRow(status),
            )
        )
    # One log row per run that writes the sheet: also the run that records what a crashed run wrote.
    plan.changes.append(
        Change(ChangeKind.SHEET_LOG, "Handoff Log", None, plan.mode, "one row per applied run")
    )
    plan.changes.append(
        Change(ChangeKind.SHEET_STATE, "handoff_state", None, "updated", "what this run wrote")
    )
