"""`handoff check`: read, merge and validate accounts, and report every field and problem.

It runs every read-only check `plan` runs, the Vitally ones included (read/vitally_checks.py),
so its errors and its `ready` are exactly what `run` and `run --all` act on; when Vitally cannot
be reached it says which checks it skipped (and exits 4).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from handoff.commands import open_clients
from handoff.core.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_SERVICE, UsageError
from handoff.output import check_report as report
from handoff.read.batch import Batch, read_batch
from handoff.read.vitally_checks import VitallyChecks, assess_accounts

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.settings import Settings


def with_unplaced(batch: Batch) -> Batch:
    """The TDD lines that look like deployment facts but were not used, as notes (check only)."""
    handoffs = [
        replace(h, problems=(*h.problems, *batch.tdds[h.account].unplaced)) if h.account in batch.tdds else h
        for h in batch.handoffs
    ]
    return replace(batch, handoffs=handoffs)


def check_command(
    settings: Settings,
    slugs: list[str],
    all_accounts: bool,
    as_json: bool,
    console: Console,
    verbosity: int = 0,
    accept: tuple[str, ...] = (),
) -> int:
    """`handoff check`: 0 when no account has errors, 1 when any has, 4 when a TDD or Vitally read
    kept failing."""
    if not slugs and not all_accounts:
        raise UsageError("name at least one account, or pass --all")
    with open_clients(settings) as clients:
        batch = with_unplaced(read_batch(settings, clients, None if all_accounts else slugs, accept=accept))
        checks = VitallyChecks(clients)
        assessed = assess_accounts(settings, batch.catalogue, checks, batch.handoffs)
    handoffs = [a.handoff for a in assessed]
    readiness = {a.handoff.account: a.readiness for a in assessed}
    single = len(handoffs) == 1 and not all_accounts
    if as_json:
        report.print_json(console, handoffs, single=single, readiness=readiness)
    else:
        notices = batch.sheet.notices if all_accounts else ()
        report.print_check(console, handoffs, batch.catalogue, notices, readiness, verbosity=verbosity)
    if batch.service_failure or checks.down:
        return EXIT_SERVICE
    return EXIT_PROBLEMS if any(h.errors for h in handoffs) else EXIT_OK
