"""`handoff check`: read, merge and validate accounts, and report every field and problem."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff.commands import open_clients
from handoff.core.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_SERVICE, UsageError
from handoff.output import check_report as report
from handoff.read.batch import read_batch

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.settings import Settings


def check_command(
    settings: Settings, slugs: list[str], all_accounts: bool, as_json: bool, console: Console
) -> int:
    """`handoff check`: 0 when no account has errors, 1 when any has, 4 when a TDD read kept failing."""
    if not slugs and not all_accounts:
        raise UsageError("name at least one account, or pass --all")
    with open_clients(settings) as clients:
        batch = read_batch(settings, clients, None if all_accounts else slugs)
    single = len(batch.handoffs) == 1 and not all_accounts
    if as_json:
        report.print_json(console, batch.handoffs, single=single)
    else:
        report.print_check(
            console, batch.handoffs, batch.catalogue, batch.sheet.notices if all_accounts else ()
        )
    if batch.service_failure:
        return EXIT_SERVICE
    return EXIT_PROBLEMS if any(h.errors for h in batch.handoffs) else EXIT_OK
