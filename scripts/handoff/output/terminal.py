"""Terminal output: one rich Console for stdout, one for stderr, and the error printer."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from handoff.core.redact import mask

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.errors import HandoffError


@functools.cache
def console() -> Console:
    return Console(highlight=False, soft_wrap=True)


@functools.cache
def error_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_error(exc: HandoffError) -> None:
    err = error_console()
    err.print(f"[bold red]error:[/] {escape(mask(exc.message))}")
    if exc.fix:
        err.print(f"  [bold]fix:[/] {escape(mask(exc.fix))}")
