"""Which accounts `handoff run --all` and `handoff plan --all` take: those ready for handoff.

Readiness is configured in `[run]`:

    ready_when = "checklist"   # default: the account's close-out checklist (Checklist tab) has
                               # at least one item and every item is done
    ready_when = "status"      # the Handoff Status cell says `ready_status` (default "ready"),
                               # or "handed off" (so a re-run after a template change includes
                               # every account already handed off)

and in both cases the account has no validation errors. It is decided in two steps so that an
account that is not ready costs no API call: the sheet decides first (before any TDD is read),
then the merged account's errors. Accounts left out are reported with the reason, and do not
make the batch fail; naming accounts (`handoff run a b c`) bypasses the selection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff.core.model import Severity

if TYPE_CHECKING:
    from handoff.core.fields import Catalogue
    from handoff.core.model import AccountRecord, Handoff
    from handoff.core.settings import Settings
    from handoff.read.batch import TddRead

HANDED_OFF = "handed off"


def sheet_reason(settings: Settings, record: AccountRecord, catalogue: Catalogue) -> str:
    """Why the sheet says this account is not ready ("" when it is ready as far as the sheet goes)."""
    run = settings.run
    if run.ready_when == "status":
        status = record.row.get("handoff_status").strip().casefold()
        if status in (run.ready_status.strip().casefold(), HANDED_OFF):
            return ""
        shown = f"'{record.row.get('handoff_status').strip()}'" if status else "empty"
        return f"not ready: Handoff Status is {shown}, not '{run.ready_status}'"
    from handoff.validate.rules import validate_logs

    logs, _ = validate_logs(record, catalogue)
    items = logs.get("checklist", ())
    done = sum(1 for e in items if e.values.get("done"))
    if not items:
        return "not ready: no close-out checklist"
    return "" if done == len(items) else f"not ready: checklist {done}/{len(items)}"


def input_reason(handoff: Handoff, tdd: TddRead | None) -> str:
    """Why the merged account is left out ("" to run it). A TDD read that failed because a service
    is down is not a reason to skip: the account runs, is blocked, and the batch fails."""
    if tdd is not None and tdd.service_failure:
        return ""
    errors = [p for p in handoff.problems if p.severity is Severity.ERROR]
    if not errors:
        return ""
    return f"{len(errors)} error(s): see `handoff check {handoff.account}`"
