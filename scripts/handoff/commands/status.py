"""`handoff status`: every account of the sheet at a glance. Reads only.

    read_batch (check.py)   1 sheet values:batchGet + 1 documents.get per TDD → each account
                            merged and validated (errors, warnings, checklist), its Accounts row
                            and its state cell
    Vitally checks          the ones `check` and `plan` run (read/vitally_checks.py): 1 account
                            GET per account, 1 admin search per TA; `ready` is what `run --all`
                            takes (validate/readiness.py)
    Vitally drift           the handed-off accounts' traits: from the account GET above, or 1 more
                            GET when the state names another Vitally account, run.concurrency at a time
    account_status (pure)   readiness, problem counts, handoff status, doc link, last run, drift

Status, doc and last run come from the Accounts tab's write-back columns (what the team sees),
falling back to the state record when a column is blank or missing. *Drift* is every trait whose
value in Vitally now differs from what handoff last wrote (the account's record trait, see
core/written.py; the state's `traits` for an account an older version wrote): the TA's changes
since the handoff, never handoff's own write that the state missed. It is shown, never
reverted; a later run keeps them too, unless told `--force-field NAME`.

Exit code: 0, or 4 when a TDD or Vitally read kept failing (the rest is still printed).
Problems in the accounts do not change the exit code: `handoff check` is the gate for those.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text

from handoff.clients.drive_docs import doc_url
from handoff.commands import open_clients
from handoff.core import written as written_record
from handoff.core.errors import EXIT_OK, EXIT_SERVICE, ServiceError
from handoff.core.model import Handoff, jsonable
from handoff.core.state import AccountState
from handoff.output.check_report import plural_count
from handoff.read.batch import read_batch
from handoff.read.vitally_checks import VitallyChecks, assess_accounts

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.clients import Clients
    from handoff.core.fields import Catalogue
    from handoff.core.settings import Settings
    from handoff.validate.readiness import Readiness


UNKNOWN_WRITE = "(its last write)"  # the record vouches for a value the state does not hold


@dataclass(frozen=True)
class Drift:
    """A Vitally trait changed since handoff wrote it."""

    field: str  # catalogue field name, or the trait key when no field writes it
    label: str
    trait: str
    written: Any
    current: Any

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "label": self.label,
            "trait": self.trait,
            "written": jsonable(self.written),
            "current": jsonable(self.current),
        }


@dataclass(frozen=True)
class VitallyRead:
    """One handed-off account's current traits, or why they could not be read."""

    traits: Mapping[str, Any] | None = None
    error: str = ""
    service_failure: bool = False


@dataclass(frozen=True)
class AccountStatus:
    account: str
    name: str
    done: int
    total: int
    ready: bool  # what `run --all` takes: checklist complete, no error (the Vitally checks' included)
    errors: int
    warnings: int
    status: str
    doc: str
    last_run: str
    handed_off: bool
    drift: tuple[Drift, ...] = ()
    note: str = ""  # why drift could not be computed (unreadable state, Vitally account gone, …)
    reason: str = ""  # why the account is not ready ("" when it is)

    def to_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "name": self.name,
            "checklist": {"done": self.done, "total": self.total},
            "ready": self.ready,
            "reason": self.reason or None,
            "errors": self.errors,
            "warnings": self.warnings,
            "status": self.status,
            "doc": self.doc,
            "last_run": self.last_run,
            "handed_off": self.handed_off,
            "drift": [d.to_json() for d in self.drift],
            "note": self.note,
        }


# --------------------------------------------------------------------------------------------
# pure


def read_state(handoff: Handoff) -> tuple[AccountState, str]:
    """The account's state record as the sheet reader parsed it, and a note when its cell cannot be read."""
    if handoff.record is None:
        return AccountState(), ""
    problem = handoff.record.state.problem(handoff.account)
    return handoff.record.state.value, f"{problem.message}; {problem.fix}" if problem else ""


def trait_labels(catalogue: Catalogue, ta_name_trait: str) -> dict[str, tuple[str, str]]:
    """Vitally trait key -> (field name, label) for every trait handoff writes."""
    labels = {f.vitally.key: (name, f.label) for name, f in catalogue.fields.items() if f.vitally}
    if ta_name_trait:
        labels.setdefault(ta_name_trait, ("technical_advisor_name", "Technical Advisor (name in Vitally)"))
    return labels


def find_drift(
    written: Mapping[str, Any],
    current: Mapping[str, Any],
    labels: Mapping[str, tuple[str, str]],
    record_key: str = "",
) -> tuple[Drift, ...]:
    """Traits whose Vitally value differs from what handoff last wrote, in trait-key order.

    What handoff last wrote is the record trait on the account (core/written.py) when it has
    one; the state's `written` values (a cache, one run behind after a failed write-back) only
    word the report, and are the base for an account an older version wrote."""
    try:
        record = written_record.decode(current.get(record_key)) if record_key else None
    except ValueError:
        record = None
    if record is None:
        record = written_record.fingerprints(written)
    out = []
    for key in sorted(record):
        now = current.get(key)
        if written_record.fingerprint(now) == record[key]:
            continue
        known = key in written and written_record.fingerprint(written[key]) == record[key]
        name, label = labels.get(key, (key, key))
        out.append(Drift(name, label, key, written[key] if known else UNKNOWN_WRITE, now))
    return tuple(out)


def _row_value(handoff: Handoff, key: str) -> str:
    return handoff.record.row.get(key) if handoff.record else ""


def account_status(
    handoff: Handoff,
    readiness: Readiness,
    state: AccountState,
    state_note: str,
    vitally: VitallyRead | None,
    labels: Mapping[str, tuple[str, str]],
    doc_kind: str,
    record_key: str = "",
) -> AccountStatus:
    """One account's line of the status report."""
    done, total = handoff.checklist_done
    doc_state = state.docs.get(doc_kind) or next(iter(state.docs.values()), None)
    drift: tuple[Drift, ...] = ()
    note = state_note
    if vitally is not None:
        if vitally.traits is not None:
            drift = find_drift(state.traits, vitally.traits, labels, record_key)
        else:
            note = vitally.error
    return AccountStatus(
        account=handoff.account,
        name=str(handoff.value("account_name") or ""),
        done=done,
        total=total,
        ready=readiness.ready,
        reason=readiness.reason,
        errors=len(handoff.errors),
        warnings=len(handoff.warnings),
        status=_row_value(handoff, "handoff_status") or state.status,
        doc=_row_value(handoff, "handoff_doc") or (doc_url(doc_state.id) if doc_state else ""),
        last_run=_row_value(handoff, "last_handoff") or state.last_run,
        handed_off=bool(state.vitally_account_id and state.traits),
        drift=drift,
        note=note,
    )


# --------------------------------------------------------------------------------------------
# reads


def read_vitally(clients: Clients, account_id: str) -> VitallyRead:
    """The account's current traits (one GET); a missing account or a failing service is a note."""
    try:
        account = clients.vitally().get_account(account_id)
    except ServiceError as exc:
        return VitallyRead(error=f"Vitally could not be read: {exc.message}", service_failure=True)
    if account is None:
        return VitallyRead(error=f"the Vitally account {account_id} handoff wrote to no longer exists")
    return VitallyRead(traits=dict(account.get("traits") or {}))


def read_status(settings: Settings, clients: Clients) -> tuple[list[AccountStatus], bool]:
    """Every account's status, and whether a service kept failing."""
    batch = read_batch(settings, clients, None)
    checks = VitallyChecks(clients)
    assessed = assess_accounts(settings, batch.catalogue, checks, batch.handoffs)
    states = [read_state(h) for h in batch.handoffs]
    reads = {
        str(a.vitally.account["id"]): VitallyRead(traits=dict(a.vitally.account.get("traits") or {}))
        for a in assessed
        if a.vitally.account is not None
    }
    ids = sorted({s.vitally_account_id for s, _ in states if s.vitally_account_id and s.traits} - set(reads))
    workers = max(1, min(settings.run.concurrency, len(ids)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        reads |= dict(zip(ids, pool.map(lambda i: read_vitally(clients, i), ids), strict=True))
    labels = trait_labels(batch.catalogue, settings.vitally.ta_name_trait)
    kind = settings.docs.documents[0].kind
    out = [
        account_status(
            a.handoff,
            a.readiness,
            state,
            note,
            reads.get(state.vitally_account_id) if state.traits else None,
            labels,
            kind,
            settings.vitally.record_trait,
        )
        for a, (state, note) in zip(assessed, states, strict=True)
    ]
    failed = batch.service_failure or bool(checks.down) or any(r.service_failure for r in reads.values())
    return out, failed


# --------------------------------------------------------------------------------------------
# output


def _short(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(blank)"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def print_status(console: Console, statuses: Sequence[AccountStatus]) -> None:
    """One block per account; sheet and Vitally values are printed as text, never as markup."""
    if not statuses:
        console.print("no accounts in the sheet yet (handoff sheet init --example adds one to start from)")
        return
    for s in statuses:
        head = Text(s.account, style="bold")
        if s.name:
            head.append(f"  {s.name}")
        console.print(head)
        ready = Text("ready" if s.ready else "not ready", style="green" if s.ready else "yellow")
        ready.append(f" · checklist {s.done}/{s.total}")
        ready.append(" · ")
        ready.append(plural_count(s.errors, "error"), style="bold red" if s.errors else "")
        ready.append(" · ")
        ready.append(plural_count(s.warnings, "warning"), style="yellow" if s.warnings else "")
        _line(console, "readiness", ready)
        if not s.ready and s.reason:
            _line(console, "why", Text(s.reason))
        _line(
            console,
            "status",
            Text((s.status or "not handed off") + (f" · last run {s.last_run}" if s.last_run else "")),
        )
        if s.doc:
            _line(console, "doc", Text(s.doc))
        if s.handed_off:
            _line(console, "Vitally", _drift_text(s.drift))
        if s.note:
            _line(console, "note", Text(s.note, style="yellow"))
    console.print(Text(_summary(statuses), style="dim"))


def _line(console: Console, label: str, text: Any) -> None:
    line = Text(f"  {label:<10}")
    line.append_text(text)
    console.print(line)


def _drift_text(drift: Sequence[Drift]) -> Any:
    if not drift:
        return Text("unchanged since the handoff")
    text = Text(
        f"{plural_count(len(drift), 'field')} changed since the handoff (kept, never reverted):", style="cyan"
    )
    for d in drift:
        text.append(
            f"\n{'':12}{d.label}: handoff wrote {_short(d.written)}, Vitally now has {_short(d.current)}"
        )
    return text


def _summary(statuses: Sequence[AccountStatus]) -> str:
    handed = sum(1 for s in statuses if s.handed_off)
    ready = sum(1 for s in statuses if s.ready)
    blocked = sum(1 for s in statuses if s.errors)
    drifted = sum(1 for s in statuses if s.drift)
    return (
        f"{plural_count(len(statuses), 'account')}: {handed} handed off, {ready} ready, "
        f"{blocked} with errors, {drifted} changed in Vitally since the handoff"
    )


def status_command(settings: Settings, as_json: bool, console: Console) -> int:
    """`handoff status [--json]`: 0, or 4 when a TDD or Vitally read kept failing."""
    with open_clients(settings) as clients:
        statuses, failed = read_status(settings, clients)
    if as_json:
        console.out(
            json.dumps([s.to_json() for s in statuses], indent=2, ensure_ascii=False), highlight=False
        )
    else:
        print_status(console, statuses)
    return EXIT_SERVICE if failed else EXIT_OK
