"""`handoff auth check`: which credentials are in use, and whether each service answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff.clients.auth_check import print_checks, run_checks
from handoff.commands import open_clients

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.settings import Settings


# Fail fast: one attempt per check and a short timeout, so an unreachable endpoint costs seconds.
FAST_RETRY = {"max_attempts": 1, "timeout_seconds": 10.0, "total_seconds": 15.0}


def fail_fast(settings: Settings) -> Settings:
    """The settings with the retry policy of a check: one attempt, a short timeout."""
    retry = settings.retry.model_copy(
        update={k: min(v, getattr(settings.retry, k)) for k, v in FAST_RETRY.items()}
    )
    return settings.model_copy(update={"retry": retry})


def auth_check(settings: Settings, console: Console) -> int:
    """Run every check, print one line each; 0 when all pass, else 1."""
    with open_clients(fail_fast(settings)) as clients:
        checks = run_checks(clients)
        print_checks(console, checks)
    return 0 if all(c.ok for c in checks) else 1
