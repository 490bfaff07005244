"""`handoff plan` / `handoff run`: read the batch once, plan every account, apply, write back once.

    read (1 sheet batchGet + 1 TDD read per account) → one Drive lookup of the docs no state
    records → plan each account (reads only) → print the plans → [run] apply each account's
    writes → one RAW values:batchUpdate for the whole batch's status, links, run-log rows and
    state cells → a summary table (batches).

`--all` (accounts None) takes the accounts ready for handoff (readiness.py); named accounts
are taken as named. Accounts are read, planned and applied concurrently, at most
settings.run.concurrency at a time; one account's failure does not stop the others; the exit
code says whether any failed. Progress (progress.py) is reported per account and step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from rich.markup import escape

from handoff.apply import execute, sheet_writeback
from handoff.apply.execute import AccountResult, written_and_not
from handoff.apply.writeback import (
    SheetWrites,
    TabLayout,
    column_labels,
    log_append,
    row_updates,
    state_update,
)
from handoff.clients import drive_docs as docs_writer
from handoff.commands import open_clients
from handoff.commands.interrupt import stop_on_interrupt
from handoff.core.clock import today, who
from handoff.core.errors import (
    EXIT_CONFLICT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_SERVICE,
    HandoffError,
    ServiceError,
    UsageError,
)
from handoff.core.fields import load_catalogue, norm, resolve_field
from handoff.core.model import Problem
from handoff.core.slug import local_copy
from handoff.core.state import AccountState
from handoff.output import plan_report, summary
from handoff.output.progress import NULL, Progress, for_console
from handoff.output.terminal import error_console
from handoff.plan.changes import AccountPlan, ChangeKind
from handoff.plan.planner import PlanInputs, RunOptions, plan_account
from handoff.read.batch import read_batch
from handoff.validate import readiness
from handoff.validate.readiness import input_reason

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.clients import Clients
    from handoff.core.fields import Catalogue
    from handoff.core.model import Handoff
    from handoff.core.settings import Settings
    from handoff.read.batch import Batch

__all__ = ["RunOptions", "plan_command", "run_batch"]

T = TypeVar("T")
R = TypeVar("R")


def accepted_note(handoff: Handoff | None) -> str:
    """`; accepted: total_cpu=tdd, repositories=sheet` for the run log, or ""."""
    chosen = [f"{d.field}={d.winner}" for d in (handoff.disagreements if handoff else ()) if d.accepted]
    return f"; accepted: {', '.join(chosen)}" if chosen else ""


def plan_command(
    settings: Settings, accounts: list[str], all_accounts: bool, options: RunOptions, console: Console
) -> int:
    progress = for_console(error_console(), options.as_json or options.verbosity < 0)
    with open_clients(settings) as clients:
        outcome = run_batch(
            settings, clients, None if all_accounts else accounts, options, console, progress=progress
        )
    return outcome.exit_code


class BatchOutcome:
    def __init__(
        self,
        plans: list[AccountPlan],
        results: list[AccountResult],
        sheet_written: bool,
        service_failure: bool,
        skipped: dict[str, str] | None = None,
    ) -> None:
        self.plans = plans
        self.results = results
        self.sheet_written = sheet_written
        self.service_failure = service_failure
        self.skipped = skipped or {}  # account -> why `--all` left it out (not a failure)
        self.interrupted = False  # a Ctrl-C stopped the apply phase (what was written is recorded)

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.service_failure:
            return EXIT_SERVICE
        if any(r.conflict for r in self.results):
            return EXIT_CONFLICT  # another run for the same account won a race; it records the outcome
        if any(p.blocked for p in self.plans) or any(r.failed or r.sheet == "refused" for r in self.results):
            return EXIT_PROBLEMS
        return EXIT_OK


def run_batch(
    settings: Settings,
    clients: Clients,
    accounts: list[str] | None,
    options: RunOptions,
    console: Console,
    *,
    progress: Progress = NULL,
) -> BatchOutcome:
    """Plan (and with options.apply, run) `accounts`, or with None every account ready for handoff."""
    if accounts is None and options.override_readiness:
        raise UsageError(
            "--override-readiness is for one account at a time, not --all",
            fix="name the account: handoff run ACCOUNT --override-readiness REASON",
        )
    options = checked_options(settings, options)
    batch = _read(settings, clients, accounts, progress, options)
    handoffs, skipped = _ready(batch, accounts is None)
    tabs = settings.sheet.tabs
    state_labels = column_labels(batch.catalogue, "state")
    state_tab = TabLayout.from_values(
        tabs.state, batch.values.get(tabs.state), state_labels["account"], exists=tabs.state in batch.values
    )
    states = {h.account: _state_for(h) for h in handoffs}
    log_tab = TabLayout.from_values(
        tabs.log,
        batch.values.get(tabs.log),
        column_labels(batch.catalogue, "log")["account"],
        exists=tabs.log in batch.values,
    )
    seen = set(state_tab.rows) | set(log_tab.rows)  # accounts the sheet shows an earlier run for
    found_docs = _find_unrecorded_docs(settings, clients, options, handoffs)
    inputs = PlanInputs(settings, clients, batch.catalogue, options, today(), found_docs=found_docs)

    def plan_one(handoff: Handoff) -> AccountPlan:
        state, problem = states[handoff.account]
        fresh = handoff.account.lower() not in seen and not _row_shows_a_run(handoff)
        plan = _plan_guarded(planning, handoff, state, problem, fresh)
        tdd = batch.tdds.get(handoff.account)
        if plan.blocked and tdd is not None and tdd.service_failure:  # Docs kept failing: exit 4, not 1
            plan.blocked = "the TDD could not be read (Docs kept failing)"
            plan.service_failure = True
        phase.done(handoff.account, summary.plan_note(plan))
        return plan

    with progress.phase("plan", len(handoffs)) as phase:
        planning = inputs.with_progress(phase.step)
        plans = _parallel(plan_one, handoffs, settings.run.concurrency)
    batch_mode = accounts is None or len(plans) > 1
    labels = _trait_labels(clients) if options.verbosity > 0 and not options.as_json else {}
    _print_plans(plans, options, console, skipped, labels)
    service_failure = any(p.service_failure for p in plans)
    if not options.apply:
        if batch_mode and not options.as_json:
            summary.print_summary(console, plans, [], skipped, applied=False)
        return BatchOutcome(plans, [], False, service_failure, skipped)

    todo = [p for p in plans if not p.blocked]

    def apply_one(plan: AccountPlan) -> AccountResult | None:
        result = _apply_guarded(applying, plan)
        phase.done(plan.account, summary.result_note(plan, result))
        return result

    with stop_on_interrupt() as stop:  # Ctrl-C: no new step; what was written is recorded
        with progress.phase("apply", len(todo)) as shown:
            phase = stop.guard(shown)
            applying = inputs.with_progress(phase.step)
            results = [r for r in _parallel(apply_one, todo, settings.run.concurrency) if r is not None]
        sheet_written = False
        if results:
            sheet_written = _write_back(settings, clients, batch, state_tab, log_tab, plans, results, console)
    if options.as_json:
        print(plan_report.plans_json(plans, results, skipped, applied=True, sheet_written=sheet_written))
    elif batch_mode:
        summary.print_summary(console, plans, results, skipped, applied=True, sheet_written=sheet_written)
    else:
        plan_report.print_results(console, results, sheet_written, plans, options.verbosity)
        if options.verbosity >= 0:
            _print_where(settings, plans, console)
    service_failure = service_failure or any(r.service_down or r.sheet == "failed" for r in results)
    outcome = BatchOutcome(plans, results, sheet_written, service_failure, skipped)
    outcome.interrupted = stop.requested
    return outcome


TA_NAME_FIELD = "technical_advisor_name"  # the TA-name trait, set from the TA's Vitally admin record


def checked_options(settings: Settings, options: RunOptions) -> RunOptions:
    """The options with every --force-field resolved to its field name (a name, label or Vitally
    trait key, in any case: core/fields.py's resolver); an unknown field, or one handoff does not
    write to Vitally, is a UsageError (exit 2) before anything is read."""
    if not options.force_fields:
        return options

    catalogue = load_catalogue(settings.path(settings.fields_file))
    forced = tuple(dict.fromkeys(_trait_field(settings, catalogue, t) for t in options.force_fields))
    return replace(options, force_fields=forced)


def _trait_field(settings: Settings, catalogue: Catalogue, text: str) -> str:
    key = settings.vitally.ta_name_trait
    if key and norm(text) in {norm(s) for s in (TA_NAME_FIELD, key, key.rsplit(".", 1)[-1])}:
        return TA_NAME_FIELD
    f = resolve_field(catalogue, text, "--force-field")
    if f.vitally is not None:
        return f.name
    if f.name == "technical_advisor" and key:
        return TA_NAME_FIELD  # the TA's field in Vitally is their name
    writable = sorted(n for n, g in catalogue.fields.items() if g.vitally is not None)
    raise UsageError(
        f"--force-field {text!r}: {f.name} is not a field handoff writes to Vitally",
        fix=f"force one of: {', '.join([*writable, TA_NAME_FIELD])}",
    )


def _read(
    settings: Settings, clients: Clients, accounts: list[str] | None, progress: Progress, options: RunOptions
) -> Batch:
    """The batch's reads (the sheet once, each TDD); with `accounts` None, the ready accounts;
    `--accept` and `--draft` settle the sheet/TDD disagreements (validate/merge.py)."""
    select = (lambda r, c: readiness.sheet_reason(settings, r, c)) if accounts is None else None
    try:
        with progress.phase("read") as phase:
            return read_batch(
                settings,
                clients,
                accounts,
                select=select,
                progress=phase,
                accept=options.accept,
                draft=options.draft,
            )
    except ServiceError as exc:
        if exc.exit_code == EXIT_SERVICE:  # the reads come first: say that nothing was written
            exc.message += "; the run stopped before writing anything: nothing was written"
            exc.args = (exc.message,)
        raise


def _plan_guarded(
    inputs: PlanInputs, handoff: Handoff, state: AccountState, problem: Problem | None, fresh: bool
) -> AccountPlan:
    """The account's plan; a failure while planning blocks this account only, with the reason."""
    try:
        return plan_account(inputs, handoff, state, problem, fresh=fresh)
    except HandoffError as exc:
        plan = AccountPlan(handoff.account, handoff, "final", problems=list(handoff.problems))
        plan.blocked = f"planning stopped: {exc.message}"
        plan.service_failure = exc.exit_code == EXIT_SERVICE  # a 404 is not a service down
        plan.fix = exc.fix or ""
    except Exception as exc:  # a bug in one account must not stop the batch
        plan = AccountPlan(handoff.account, handoff, "final", problems=list(handoff.problems))
        plan.blocked = f"planning stopped: unexpected {type(exc).__name__}: {exc}"
    return plan


def _trait_labels(clients: Clients) -> dict[str, str]:
    """-v: Vitally's label of each account custom field, by trait key (one read per batch)."""
    try:
        fields = clients.vitally().list_custom_fields("accounts")
    except HandoffError:
        return {}  # labels are a nicety: the plan is printed without them
    return {str(f.get("path")): str(f["label"]) for f in fields if f.get("path") and f.get("label")}


def _print_plans(
    plans: list[AccountPlan],
    options: RunOptions,
    console: Console,
    skipped: dict[str, str],
    labels: dict[str, str],
) -> None:
    if options.as_json and not options.apply:
        print(plan_report.plans_json(plans, skipped=skipped))
    elif not options.as_json:
        for plan in plans:
            plan_report.print_plan(console, plan, options.verbosity, labels)


def _ready(batch: Batch, select_all: bool) -> tuple[list[Handoff], dict[str, str]]:
    """With --all: the accounts without input errors, and why the others are left out."""
    skipped = dict(batch.skipped)
    if not select_all:
        return list(batch.handoffs), skipped

    handoffs = []
    for h in batch.handoffs:
        why = input_reason(h, batch.tdds.get(h.account))
        if why:
            skipped[h.account] = why
        else:
            handoffs.append(h)
    return handoffs, skipped


def _row_shows_a_run(handoff: Handoff) -> bool:
    row = handoff.record.row if handoff.record else None
    return bool(row and (row.get("handoff_status").strip() or row.get("handoff_doc").strip()))


def _find_unrecorded_docs(
    settings: Settings, clients: Clients, options: RunOptions, handoffs: Sequence[Handoff]
) -> dict[tuple[str, str], list[docs_writer.RemoteDoc]] | None:
    """The batch's one Drive lookup (per 40 accounts) of the tagged docs of every account about
    to be planned: the recorded doc's metadata (instead of a files.get each), a doc a crashed run
    left unrecorded, and a late duplicate (planner.py). Every looked-up (account, kind) has an
    entry, empty when nothing was found; an account without one looks on its own."""
    kinds = [d.kind for d in settings.docs.documents]
    wanted = [h.account for h in handoffs if (options.draft or not h.errors)]
    if not wanted:
        return {}
    try:
        found = docs_writer.find_docs(clients, wanted, kinds)
    except HandoffError:
        return None  # each account then looks on its own, and reports its own failure
    return {(a, k): found.get((a, k), []) for a in wanted for k in kinds}


def _print_where(settings: Settings, plans: list[AccountPlan], console: Console) -> None:
    """Where a person can read what was written: the local copy, and the sandbox's browse page."""
    root = settings.path(".").resolve()
    for plan in plans:
        if plan.blocked:
            continue
        for spec in settings.docs.documents:
            try:
                path = local_copy(settings.path(settings.docs.out_dir), plan.account, spec.kind)
            except HandoffError:
                continue
            if path.exists():
                shown = path.resolve().relative_to(root) if path.resolve().is_relative_to(root) else path
                console.print(f"open {shown} to read the {spec.kind} doc as the TA will")
    if settings.use_sandbox and any(not p.blocked for p in plans):
        console.print(
            "[dim]sandbox: the doc links are simulated; `make sandbox` serves the sheet, docs "
            "and Vitally at http://127.0.0.1:8765/[/]"
        )


def _apply_guarded(inputs: PlanInputs, plan: AccountPlan) -> AccountResult | None:
    """The local copies, then the plan's writes (None when it has none); any failure is this
    account's alone: it is recorded on the result, and the batch goes on."""
    partial = AccountResult(plan.account, plan.context.state)
    try:
        execute.write_local_copies(inputs.settings, plan)  # looked up per call: tests replace it
        if not plan.writes:
            return None
        return execute.apply_account(inputs, plan)
    except HandoffError as exc:  # recorded as apply_account records its own: exit 4 / 3 from the error
        partial.failed, partial.error = exc.message, exc
    except Exception as exc:  # a bug or a local I/O error in one account must not stop the batch
        partial.failed = f"unexpected {type(exc).__name__}: {exc}"
    return partial


def _state_for(handoff: Handoff) -> tuple[AccountState, Problem | None]:
    """The account's state as the sheet reader parsed it, and the error of an unreadable cell."""
    if handoff.record is None:
        return AccountState(), None
    return handoff.record.state.value, handoff.record.state.problem(handoff.account)


def _write_back(
    settings: Settings,
    clients: Clients,
    batch: Any,
    state_tab: TabLayout,
    log_tab: TabLayout,
    plans: list[AccountPlan],
    results: list[AccountResult],
    console: Console,
) -> bool:
    tabs = settings.sheet.tabs
    accounts_tab = TabLayout.for_accounts(
        tabs.accounts,
        batch.values.get(tabs.accounts),
        batch.sheet.headers.get("accounts", {}),
        batch.catalogue,
    )
    writes = SheetWrites()
    by_account = {p.account: p for p in plans}
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    user = who()
    for r in results:
        plan = by_account[r.account]
        if r.failed and (r.conflict or not r.done):
            continue  # nothing of this run's to record (after a lost race the winning run records it)
        r.sheet = "log" if r.failed else "written"
        kinds = {c.kind for c in plan.writes}
        main_link = r.doc_links.get(settings.docs.documents[0].kind, "")
        if not r.failed and ChangeKind.SHEET_ROW in kinds:
            values: dict[str, Any] = {"handoff_status": r.state.status, "last_handoff": f"{stamp} by {user}"}
            if main_link:
                values["handoff_doc"] = main_link
            row_updates(accounts_tab, r.account, values, writes)
        if r.failed or ChangeKind.SHEET_LOG in kinds:
            log_append(
                log_tab,
                {
                    "when": stamp,
                    "who": user,
                    "account": r.account,
                    "mode": plan.mode,
                    "result": f"failed: {r.failed}" if r.failed else "ok",
                    "changes": _log_changes(plan, r),
                },
                writes,
                column_labels(batch.catalogue, "log"),
            )
        r.state.last_run = stamp
        state_update(state_tab, r.account, r.state.to_cell(), writes, column_labels(batch.catalogue, "state"))
    if not writes:
        return False
    writes.hidden.add(state_tab.title)
    return _send(settings, clients, writes, results, console)


def _log_changes(plan: AccountPlan, r: AccountResult) -> str:
    """The run log's Changes cell: what was written (and not, after a failure), the override."""
    summary = ", ".join(dict.fromkeys(r.done)) or "nothing"
    if r.recovered:
        summary += f"; recorded what an earlier run wrote: {', '.join(r.recovered)}"
    if r.failed:
        written, missing = written_and_not(plan, r)
        missing.append("sheet status")
        summary = f"written: {', '.join(written)}; not written: {', '.join(missing)}"
    reason, dropped = plan.context.override, plan.context.override_dropped
    if reason:
        summary += f"; readiness overridden: {reason}"
    if dropped and not r.failed:
        summary += f"; readiness override dropped, the checklist is complete (it was: {dropped})"
    return summary + accepted_note(plan.handoff)


def _send(
    settings: Settings, clients: Clients, writes: SheetWrites, results: list[AccountResult], console: Console
) -> bool:
    """The batch's one sheet write-back; on failure every account says so, and the run says why."""
    try:
        sheet_writeback.send(clients, settings.sheet.spreadsheet_id, writes)
    except HandoffError as exc:
        refused = isinstance(exc, sheet_writeback.SheetRefused)
        for r in results:
            if r.sheet:
                r.sheet = "refused" if refused else "failed"
        console.print(f"[bold red]sheet write-back failed:[/] {escape(exc.message)}")
        if exc.fix:
            console.print(f"  fix: {escape(exc.fix)}")
        console.print(
            "  not written: the sheet (status, links, run log, state); re-run to record the outcome "
            "(the re-run finds the doc, note and task by their tags)"
        )
        return False
    return True


def _parallel(fn: Callable[[T], R], items: Sequence[T], bound: int) -> list[R]:
    if len(items) <= 1 or bound <= 1:
        return [fn(i) for i in items]
    with ThreadPoolExecutor(max_workers=min(bound, len(items)), thread_name_prefix="handoff") as pool:
        return list(pool.map(fn, items))
