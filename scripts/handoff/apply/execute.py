"""Apply exactly the plan: each write change in order, recording what was written in the state.

Order is chosen for crash consistency: the doc (tagged with Drive properties, so a re-run finds
it without a recorded id), its sharing, the Vitally traits (idempotent PUT), the note and the
task (tagged with externalIds, so a re-run finds them), and last the sheet write-back (status,
link, run log, state) which the runner sends for the whole batch in one RAW batchUpdate.
A failure part-way leaves every completed step findable; the re-run converges.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from handoff.apply import converge
from handoff.clients import drive_docs as docs_writer
from handoff.core.errors import EXIT_SERVICE, ConflictError, HandoffError, ServiceError
from handoff.core.model import Location, Problem, Severity
from handoff.core.settings import Settings
from handoff.core.slug import local_copy
from handoff.core.state import AccountState, DocState
from handoff.plan.changes import (
    AccountPlan,
    Change,
    ChangeKind,
    DocRelink,
    DocShare,
    DocWrite,
    Duplicate,
    NoteWrite,
    TaskCreate,
)
from handoff.plan.planner import (
    NOTE_EXTERNAL_ID,
    STATUS,
    PlanInputs,
    render_docs,
    render_note_html,
    render_task_text,
)
from handoff.plan.traits import same


@dataclasses.dataclass
class AccountResult:
    account: str
    state: AccountState
    done: list[str] = dataclasses.field(default_factory=list)  # kinds applied, in order
    problems: list[Problem] = dataclasses.field(default_factory=list)
    doc_links: dict[str, str] = dataclasses.field(default_factory=dict)
    failed: str = ""  # the error that stopped this account, if any
    error: HandoffError | None = None  # ... and the exception (ServiceError: exit 4, ConflictError: 3)
    recovered: list[str] = dataclasses.field(default_factory=list)  # an earlier run's writes, now recorded
    sheet: str = ""  # what the write-back did for it: "written", "log" (a failed run's log row), "failed"

    @property
    def conflict(self) -> bool:
        """Another run created the same doc/note/task at the same time and won: it records the outcome."""
        return isinstance(self.error, ConflictError)

    @property
    def service_down(self) -> bool:
        return isinstance(self.error, ServiceError) and self.error.exit_code == EXIT_SERVICE


# What a person calls each write step, for "written: …; not written: …".
STEP_LABELS: dict[str, str] = {
    ChangeKind.DOC_CREATE: "doc",
    ChangeKind.DOC_UPDATE: "doc",
    ChangeKind.DOC_STAMP: "doc",
    ChangeKind.DOC_SHARE: "sharing",
    ChangeKind.DOC_TRASH: "duplicates removed",
    ChangeKind.TRAIT_SET: "Vitally traits",
    ChangeKind.NOTE_CREATE: "note",
    ChangeKind.NOTE_UPDATE: "note",
    ChangeKind.NOTE_ARCHIVE: "duplicates removed",
    ChangeKind.TASK_CREATE: "task",
    ChangeKind.TASK_ARCHIVE: "duplicates removed",
}


def written_and_not(plan: AccountPlan, result: AccountResult) -> tuple[list[str], list[str]]:
    """The planned steps (outside the sheet) this run wrote, and those it did not, as labels."""
    planned = [STEP_LABELS.get(c.kind, c.kind) for c in plan.writes if not c.kind.on_sheet]
    done = list(dict.fromkeys(STEP_LABELS.get(k, k) for k in result.done))
    return done, [label for label in dict.fromkeys(planned) if label not in done]


def write_local_copies(settings: Settings, plan: AccountPlan) -> list[Path]:
    """out/<account>/<kind>.html: what the TA reads, for a person to open locally."""
    return [
        _write_local(settings, plan.account, change.payload.kind, change.payload.html)
        for change in plan.changes
        if isinstance(change.payload, DocWrite)
    ]


def apply_account(inputs: PlanInputs, plan: AccountPlan) -> AccountResult:
    """Execute the plan's write changes (not the sheet ones: the runner batches those).

    A failure part-way is not raised: the result says what stopped the account (`failed`,
    `error`) and holds the state of what was written before it, so the sheet can record the
    truth and the re-run starts from it."""
    state: AccountState = dataclasses.replace(plan.context.state)
    state.docs = {k: dataclasses.replace(v) for k, v in state.docs.items()}
    result = AccountResult(plan.account, state, doc_links=dict(plan.context.doc_links))
    _adopt(plan, state, result)
    try:
        _apply_changes(inputs, plan, result)
    except HandoffError as exc:
        result.failed, result.error = exc.message, exc
        traits_planned = any(c.kind is ChangeKind.TRAIT_SET for c in plan.writes)
        if plan.context.vitally_account is not None and (
            not traits_planned or ChangeKind.TRAIT_SET in result.done
        ):
            _record_owned_traits(plan, state)  # the traits in Vitally are ours: say so in the state
    return result


def _apply_changes(inputs: PlanInputs, plan: AccountPlan, result: AccountResult) -> None:
    state = result.state
    trait_changes = [c for c in plan.changes if c.kind is ChangeKind.TRAIT_SET]
    for change in plan.writes:
        if change.kind.on_sheet:
            continue
        if change.kind is ChangeKind.TRAIT_SET:
            if change is trait_changes[0]:
                inputs.on_step(plan.account, ChangeKind.TRAIT_SET)
                _write_traits(inputs, plan, trait_changes, result)
            continue
        inputs.on_step(plan.account, change.kind)
        HANDLERS[change.kind](inputs, plan, change, result)
        result.done.append(change.kind)
    if plan.mode != "draft":
        if plan.context.vitally_account is not None:
            _record_owned_traits(plan, state)
        state.status = STATUS[plan.mode]
        state.override_reason = plan.context.override or ""  # kept until the checklist is complete


def _adopt(plan: AccountPlan, state: AccountState, result: AccountResult) -> None:
    """Record what a crashed run left behind (found by properties / externalId) without rewriting it."""
    found = plan.context
    for kind, adopted in found.adopted_docs.items():
        doc, previous = adopted.doc, state.docs.get(kind)
        state.docs[kind] = DocState(
            id=doc.id,
            version="",  # unverified: the next run that would write checks its text (human_edit)
            html_sha256=doc.properties.get(docs_writer.PROP_SHA, ""),
            text_sha256=doc.properties.get(docs_writer.PROP_TEXT, ""),
            generated_at=adopted.generated_at,  # the "as of" the doc was rendered with: keeps it stable
            shared_with=list(previous.shared_with) if previous and previous.id == doc.id else [],
        )
        result.recovered.append("doc")
    if found.adopted_note:
        state.note_id = found.adopted_note["id"]
        result.recovered.append("note")
    if found.adopted_task:
        state.task_id = found.adopted_task["id"]
        result.recovered.append("task")
    if found.settled:
        state.unsettled = [k for k in state.unsettled if k not in found.settled]
    if found.vitally_account:
        state.vitally_account_id = found.vitally_account["id"]
    if found.ta_admin:
        state.ta_admin = dict(found.ta_admin)


def _doc_create(inputs: PlanInputs, plan: AccountPlan, change: Change, result: AccountResult) -> None:
    p = change.data(DocWrite)
    created = converge.create_doc(
        inputs.clients,
        title=p.title,
        html=p.html,
        account=plan.account,
        kind=p.kind,
        folder_id=inputs.settings.docs.folder_id,
    )
    doc = created.item
    _record_doc(result, p.kind, p.sha, p.generated_at, doc)  # first: should the check fail, it is there
    settled = _check(
        result, change.kind, lambda: converge.settle_doc(inputs.clients, doc, plan.account, p.kind)
    )
    _settled(result, f"{p.kind} doc", created, settled)
    _stamp(inputs, result, change.kind, p, doc.id)


def _stamp(inputs: PlanInputs, result: AccountResult, kind: str, p: DocWrite, doc_id: str) -> None:
    """After a doc write: fingerprint its text in its properties. Should that fail, the write
    happened all the same: count it (a later run stamps the doc, see planner.py)."""
    try:
        doc = docs_writer.stamp_text(inputs.clients, doc_id)
    except HandoffError:
        result.done.append(kind)
        raise
    _record_doc(result, p.kind, p.sha, p.generated_at, doc)


def _doc_stamp(inputs: PlanInputs, plan: AccountPlan, change: Change, result: AccountResult) -> None:
    p = change.data(DocWrite)
    recorded = result.state.docs.get(p.kind)
    stamp = recorded.generated_at if recorded and recorded.generated_at else p.generated_at
    doc = docs_writer.stamp_text(inputs.clients, p.id)
    _record_doc(result, p.kind, doc.properties.get(docs_writer.PROP_SHA, ""), stamp, doc)


def _check(result: AccountResult, kind: str, check: Callable[[], converge.Settled]) -> converge.Settled:
    """The check after a create. If it fails (its listing), the create still happened: count it."""
    try:
        return check()
    except ConflictError:
        raise
    except HandoffError:
        result.done.append(kind)
        raise


def _settled(
    result: AccountResult, what: str, created: converge.Created[Any], settled: converge.Settled
) -> None:
    """Report how a create converged; stop this account (ConflictError) when another run's won."""
    ours = str(created.item["id"] if isinstance(created.item, dict) else created.item.id)
    if settled.lost:
        raise ConflictError(
            f"another run created the {what} at the same time; kept {settled.kept} (theirs) and removed "
            f"{ours} (this run's). This run stopped: the other run finishes the handoff and records it "
            "in the sheet",
            fix="nothing to do; if the other run failed too, run the handoff again",
        )
    if created.how == "recovered":
        result.problems.append(
            Problem(
                Severity.WARNING,
                f"the answer to the {what}'s create was lost; found the {what} it made ({ours}) "
                "and kept it instead of creating a second one",
            )
        )
    elif created.how == "existing":
        result.problems.append(
            Problem(
                Severity.WARNING,
                f"the {what} already existed (made by another run); using {ours} instead of a second one",
            )
        )
    if settled.removed:
        result.problems.append(
            Problem(
                Severity.WARNING,
                f"removed duplicate {what}(s) {', '.join(settled.removed)} left by an interrupted or "
                f"concurrent run; kept {settled.kept}",
            )
        )


def _doc_update(inputs: PlanInputs, plan: AccountPlan, change: Change, result: AccountResult) -> None:
    if isinstance(change.payload, DocRelink):
        _relink(inputs, plan, change.payload, result)
        return
    p = change.data(DocWrite)
    doc = docs_writer.update_doc(inputs.clients, p.id, title=p.title, html=p.html)
    _record_doc(result, p.kind, p.sha, p.generated_at, doc)
    _stamp(inputs, result, change.kind, p, doc.id)


def _relink(inputs: PlanInputs, plan: AccountPlan, p: DocRelink, result: AccountResult) -> None:
    """Re-render with every document's final link; update only the docs whose content changes."""
    assert plan.handoff is not None
    rendered = render_docs(inputs, plan.handoff, plan.mode, result.doc_links, p.stamp, plan.context.override)
    for kind in p.kinds:
        doc, new = result.state.docs.get(kind), rendered[kind]
        sha = docs_writer.sha256(new.html)
        if doc is None or doc.html_sha256 == sha:
            continue
        written = docs_writer.update_doc(inputs.clients, doc.id, title=new.title, html=new.html)
        record = DocWrite(kind, new.title, new.html, sha, p.stamp, doc.id)
        _record_doc(result, kind, sha, p.stamp, written)
        _stamp(inputs, result, ChangeKind.DOC_UPDATE, record, doc.id)
        _write_local(inputs.settings, plan.account, kind, new.html)


def _write_local(settings: Settings, account: str, kind: str, html: str) -> Path:
    path = local_copy(settings.path(settings.docs.out_dir), account, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def _record_doc(
    result: AccountResult, kind: str, sha: str, generated_at: str, doc: docs_writer.RemoteDoc
) -> None:
    previous = result.state.docs.get(kind)
    shared = list(previous.shared_with) if previous and previous.id == doc.id else []
    result.state.docs[kind] = DocState(
        id=doc.id,
        version=doc.version,
        html_sha256=sha,
        text_sha256=doc.properties.get(docs_writer.PROP_TEXT, ""),  # set once the write is stamped
        generated_at=generated_at,
        shared_with=shared,
    )
    result.doc_links[kind] = doc.url


def _doc_share(inputs: PlanInputs, plan: AccountPlan, change: Change, result: AccountResult) -> None:
    share = change.data(DocShare)
    kind, email = share.kind, share.email
    doc = result.state.docs.get(kind)
    if doc is None:
        raise RuntimeError(f"no {kind} doc to share")  # the plan orders create before share
    docs = inputs.settings.docs
    docs_writer.share_doc(inputs.clients, doc.id, email, docs.share_role, docs.send_notification)
    doc.shared_with = sorted({*doc.shared_with, email})


def _write_traits(
    inputs: PlanInputs, plan: AccountPlan, changes: list[Change], result: AccountResult
) -> None:
    account = _vitally_account(plan)
    traits = {c.target: c.after for c in changes}
    record = {inputs.settings.vitally.record_trait: plan.context.trait_record}  # same request
    updated = inputs.clients.vitally().update_traits(account["id"], traits | record)
    now = (updated or {}).get("traits") or {}
    for key, value in (traits | record).items():  # read back: the PUT answers with the stored account
        if not same(value, now.get(key)):
            result.problems.append(
                Problem(
                    Severity.WARNING,
                    f"Vitally stored {now.get(key)!r} for {key} after handoff sent {value!r}",
                    None,
                    Location("vitally", key),
                    "check the trait's type in Vitally Settings → Traits",
                )
            )
    result.done.append(ChangeKind.TRAIT_SET)


def _record_owned_traits(plan: AccountPlan, state: AccountState) -> None:
    """Last-written values: every desired trait now equal in Vitally; kept TA edits keep their old record."""
    kept = {c.target for c in plan.changes if c.kind is ChangeKind.TRAIT_KEEP}
    desired = plan.context.desired_traits
    state.traits = {k: v for k, v in state.traits.items() if k in kept} | {
        k: v for k, v in desired.items() if k not in kept
    }


def _note(inputs: PlanInputs, plan: AccountPlan, change: Change, result: AccountResult) -> None:
    assert plan.handoff is not None
    account = _vitally_account(plan)
    html = render_note_html(inputs, plan.handoff, plan, result.doc_links)
    vitally = inputs.clients.vitally()
    name = plan.handoff.value("account_name") or plan.account
    subject = f"Implementation handoff: {name}"
    if change.kind is ChangeKind.NOTE_CREATE:
        ext = NOTE_EXTERNAL_ID.format(account=plan.account)
        created = converge.create_vitally(
            inputs.clients,
            lambda: vitally.create_note(account["id"], html, inputs.today, subject, ext),
            lambda: vitally.list_account_notes(account["id"]),
            ext,
        )
        note = created.item
        result.state.note_id = note["id"]
        _mark_unsettled(result.state, "note", created)
        settled = _check(result, change.kind, lambda: converge.settle_note(vitally, account["id"], note, ext))
        _settled(result, "note", created, settled)
        if created.how != "created":  # someone else's content: make it ours
            vitally.update_note(note["id"], html=html, subject=subject, note_date=inputs.today)
    else:
        note_id = change.data(NoteWrite).id
        vitally.update_note(note_id, html=html, subject=subject, note_date=inputs.today)
        result.state.note_id = note_id
    result.state.note_sha256 = docs_writer.sha256(html)


def _task(inputs: PlanInputs, plan: AccountPlan, change: Change, result: AccountResult) -> None:
    assert plan.handoff is not None
    account = _vitally_account(plan)
    admin = plan.context.ta_admin
    if admin is None:
        raise RuntimeError(f"{plan.account}: the TA's Vitally admin was not resolved")  # planned with it
    task = change.data(TaskCreate)
    title, description = render_task_text(inputs, plan.handoff, plan, result.doc_links)
    vitally, ext = inputs.clients.vitally(), task.ext
    created = converge.create_vitally(
        inputs.clients,
        lambda: vitally.create_task(
            account["id"],
            title,
            description,
            admin["id"],
            task.due,
            ext,
        ),
        lambda: vitally.list_account_tasks(account["id"]),
        ext,
    )
    result.state.task_id = created.item["id"]
    _mark_unsettled(result.state, "task", created)
    settled = _check(
        result,
        ChangeKind.TASK_CREATE,
        lambda: converge.settle_task(vitally, account["id"], created.item, ext),
    )
    _settled(result, "review task", created, settled)
    if created.how == "existing":  # someone else's content: make it ours
        vitally.update_task(
            created.item["id"],
            name=title,
            description=description,
            assignedToId=admin["id"],
            dueDate=task.due,
        )


def _mark_unsettled(state: AccountState, kind: str, created: converge.Created[Any]) -> None:
    """A create that needed a retry may still land late as a second object (Vitally has no id to
    reserve): the next run lists the account's notes (tasks) once and archives it (planner.py)."""
    if created.attempts > 1 and created.how == "created":  # "recovered": the first one landed, once
        state.unsettled = sorted({*state.unsettled, kind})


def _remove_duplicate(inputs: PlanInputs, plan: AccountPlan, change: Change, result: AccountResult) -> None:
    """A duplicate the plan found (an interrupted or concurrent run's): trash / archive it."""
    dup = change.data(Duplicate)
    if change.kind is ChangeKind.DOC_TRASH:
        docs_writer.trash_doc(inputs.clients, dup.id)
    elif change.kind is ChangeKind.NOTE_ARCHIVE:
        inputs.clients.vitally().archive_note(dup.id)
    else:
        inputs.clients.vitally().archive_task(dup.id)
    result.problems.append(
        Problem(Severity.WARNING, f"removed duplicate {change.target} {dup.id}; kept {dup.keep}")
    )


def _vitally_account(plan: AccountPlan) -> dict[str, Any]:
    account = plan.context.vitally_account
    if account is None:  # the plan has Vitally changes only once the account was found
        raise RuntimeError(f"{plan.account}: the Vitally account was not resolved")
    return account


Handler = Callable[[PlanInputs, AccountPlan, Change, AccountResult], None]
HANDLERS: dict[str, Handler] = {  # by ChangeKind (a str)
    ChangeKind.DOC_CREATE: _doc_create,
    ChangeKind.DOC_UPDATE: _doc_update,
    ChangeKind.DOC_STAMP: _doc_stamp,
    ChangeKind.DOC_SHARE: _doc_share,
    ChangeKind.NOTE_CREATE: _note,
    ChangeKind.NOTE_UPDATE: _note,
    ChangeKind.TASK_CREATE: _task,
    ChangeKind.DOC_TRASH: _remove_duplicate,
    ChangeKind.NOTE_ARCHIVE: _remove_duplicate,
    ChangeKind.TASK_ARCHIVE: _remove_duplicate,
}
