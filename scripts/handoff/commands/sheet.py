"""`handoff sheet init [--dry-run] [--example] [--json]`: set up, or upgrade, the tracking sheet."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from handoff.commands import open_clients
from handoff.core.errors import EXIT_OK, EXIT_PROBLEMS
from handoff.setup.sheet_init import apply_plan, plan_json, prepare, print_plan

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.settings import Settings


def sheet_init_command(
    settings: Settings, dry_run: bool, example: bool, console: Console, as_json: bool = False
) -> int:
    """`handoff sheet init`: 0 when the sheet is set up, 1 if a tab was skipped."""
    with open_clients(settings) as clients:
        plan = prepare(settings, clients, example=example)
        if not as_json:
            print_plan(console, plan, dry_run=dry_run)
        applied = bool(plan.changes) and not dry_run
        if applied:
            apply_plan(clients, plan)
            if not as_json:
                console.print("  [green]done[/]")
    if as_json:
        data = plan_json(plan, dry_run=dry_run, applied=applied)
        console.out(json.dumps(data, indent=2, ensure_ascii=False), highlight=False)
    return EXIT_PROBLEMS if plan.problems else EXIT_OK
