"""`handoff sheet init [--dry-run] [--example]`: set up, or upgrade, the tracking sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff.commands import open_clients
from handoff.core.errors import EXIT_OK, EXIT_PROBLEMS
from handoff.setup.sheet_init import apply_plan, prepare, print_plan

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.settings import Settings


def sheet_init_command(settings: Settings, dry_run: bool, example: bool, console: Console) -> int:
    """`handoff sheet init [--dry-run] [--example]`: 0 when the sheet is set up, 1 if a tab was skipped."""
    with open_clients(settings) as clients:
        plan = prepare(settings, clients, example=example)
        print_plan(console, plan, dry_run=dry_run)
        if plan.changes and not dry_run:
            apply_plan(clients, plan)
            console.print("  [green]done[/]")
    return EXIT_PROBLEMS if plan.problems else EXIT_OK
