"""Which accounts `handoff run --all` and `handoff plan --all` take: those ready for handoff.

Readiness is configured in `[run]`:

    ready_when = "checklist"   # default: the account's close-out checklist (Checklist tab) has
                               # at least one item and every item is done
    ready_when = "status"      # the Handoff Status cell says `ready_status` (default "ready"),
                               # or "handed off" (so a re-run after a template change includes
                               # every account already handed off)

and in both cases the account has no errors, the Vitally checks' included (the Vitally account
exists, the TA is an active Vitally admin: read/vitally_checks.py). That is the one meaning of
*ready*: `assess` gives it to `check` and `status`, and `run --all` takes exactly those accounts.
`run --all` decides in steps so that an account that is not ready costs no API call: the sheet
first (before any TDD is read), then the merged account's errors, then the Vitally checks while
planning (an account failing them is blocked there, nothing written). Accounts left out are
reported with the reason, and do not make the batch fail; naming accounts (`handoff run a b c`)
bypasses the selection, but a named account that is not ready stops too unless the run is a
`--draft` or carries `--override-readiness` (planner.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from handoff.core.model import Severity
from handoff.validate.rules import validate_logs

if TYPE_CHECKING:
    from handoff.core.fields import Catalogue
    from handoff.core.model import AccountRecord, Handoff
    from handoff.core.settings import Settings
    from handoff.read.batch import TddRead

HANDED_OFF = "handed off"


def sheet_reason(settings: Settings, record: AccountRecord, catalogue: Catalogue) -> str:
    """Why the sheet says this account is not ready ("" when it is ready as far as the sheet goes)."""
    if settings.run.ready_when == "status":
        return status_reason(settings, catalogue, record)

    logs, _ = validate_logs(record, catalogue)
    items = logs.get("checklist", ())
    why = checklist_reason(sum(1 for e in items if e.values.get("done")), len(items))
    return why + override_note(record) if why else ""


def override_note(record: AccountRecord | None) -> str:
    """A recorded readiness override does not make an account ready (nor taken by `--all`), but a
    run of that account by name honours it: say so next to the reason."""
    if record is None or not record.state.value.override_reason:
        return ""
    return f" (readiness overridden earlier: `handoff run {record.slug}` honours it)"


def status_reason(settings: Settings, catalogue: Catalogue, record: AccountRecord) -> str:
    run = settings.run
    status = record.row.get("handoff_status").strip().casefold()
    if status in (run.ready_status.strip().casefold(), HANDED_OFF):
        return ""
    shown = f"'{record.row.get('handoff_status').strip()}'" if status else "empty"
    return f"not ready: {catalogue.fields['handoff_status'].label} is {shown}, not '{run.ready_status}'"


def checklist_reason(done: int, total: int) -> str:
    if not total:
        return "not ready: no close-out checklist"
    return "" if done == total else f"not ready: checklist {done}/{total}"


def handoff_reason(settings: Settings, catalogue: Catalogue, handoff: Handoff) -> str:
    """`sheet_reason` for a merged account: why the sheet says it is not ready ("" when it is)."""
    if settings.run.ready_when == "status" and handoff.record is not None:
        return status_reason(settings, catalogue, handoff.record)
    return checklist_reason(*handoff.checklist_done)


@dataclass(frozen=True)
class Readiness:
    """Whether an account is ready for handoff: what `run --all` takes, and `check`/`status` show."""

    ready: bool
    reason: str = ""  # why not ("" when ready): "not ready: checklist 3/5; 2 error(s): …"
    skipped: str = ""  # checks that could not run (then the account is not shown as ready)

    def to_json(self) -> dict[str, Any]:
        return {"ready": self.ready, "reason": self.reason or None, "skipped": self.skipped or None}


def assess(settings: Settings, catalogue: Catalogue, handoff: Handoff, skipped: str = "") -> Readiness:
    """The one meaning of ready: the sheet says so, there is no error (`handoff` carries the
    Vitally checks' problems too), and no check was skipped."""
    why = handoff_reason(settings, catalogue, handoff)
    parts = [why + override_note(handoff.record) if why else ""]
    if handoff.errors:
        parts.append(f"{len(handoff.errors)} error(s): see `handoff check {handoff.account}`")
    if skipped:
        parts.append(f"not checked: {skipped}")
    reason = "; ".join(p for p in parts if p)
    return Readiness(not reason, reason, skipped)


def input_reason(handoff: Handoff, tdd: TddRead | None) -> str:
    """Why the merged account is left out ("" to run it). A TDD read that failed because a service
    is down is not a reason to skip: the account runs, is blocked, and the batch fails."""
    if tdd is not None and tdd.service_failure:
        return ""
    errors = [p for p in handoff.problems if p.severity is Severity.ERROR]
    if not errors:
        return ""
    return f"{len(errors)} error(s): see `handoff check {handoff.account}`"
