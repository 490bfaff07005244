"""`handoff auth check`: which credentials are in use, and whether each service answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff.clients.auth_check import print_checks, run_checks
from handoff.commands import open_clients

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.settings import Settings


def auth_check(settings: Settings, console: Console) -> int:
    """Run every check, print one line each; 0 when all pass, else 1."""
    with open_clients(settings) as clients:
        checks = run_checks(clients)
        print_checks(console, checks)
    return 0 if all(c.ok for c in checks) else 1
