"""`handoff sandbox serve|reset|log`: the sandbox as a person uses it from the terminal."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.table import Table

from handoff.core.errors import UsageError
from handoff.sandbox.faults import FaultPlan, load_rules
from handoff.sandbox.quotas import Quotas, parse_scale
from handoff.sandbox.request_log import read_request_log
from handoff.sandbox.seed import reset as reseed
from handoff.sandbox.server import SEED_FIX, make_server
from handoff.sandbox.store import Store

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.settings import Settings


def serve(
    settings: Settings, port: int, faults_file: str | None, console: Console, quotas: str | None = None
) -> int:
    faults = FaultPlan.from_env()
    if faults_file:
        try:
            faults.add(load_rules(faults_file))
        except (OSError, ValueError) as exc:
            raise UsageError(f"--faults {faults_file}: {exc}") from None
    try:
        limits = Quotas(parse_scale(quotas)) if quotas else None
    except ValueError as exc:
        raise UsageError(f"--quotas {quotas}: {exc}") from None
    state_dir = settings.path(settings.sandbox.state_dir)
    try:
        server = make_server(state_dir, settings.path(settings.sandbox.seed_dir), port, faults, quotas=limits)
    except OSError as exc:
        raise UsageError(
            f"cannot listen on 127.0.0.1:{port}: {exc.strerror}",
            fix="pick another port with --port, or --port 0 for any free one",
        ) from None
    console.print(f"Sandbox serving on [bold]{server.url}[/]  (state: {state_dir})")
    console.print(f"  browse:   {server.url}/")
    console.print(f"  use it:   export HANDOFF_SANDBOX_URL={server.url}")
    if server.quotas.enabled:
        console.print(f"  quotas:   published per-user limits × {server.quotas.scale:g} (429 beyond)")
    console.print("  Ctrl-C to stop.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def reset(settings: Settings, console: Console) -> int:
    state_dir = settings.path(settings.sandbox.state_dir)
    seed_dir = settings.path(settings.sandbox.seed_dir)
    store = Store(state_dir)
    try:
        with store.transaction():
            reseed(store, seed_dir)
    except (ValueError, OSError) as exc:
        raise UsageError(f"sandbox seed {seed_dir}: {exc}", fix=SEED_FIX) from None
    console.print(f"Sandbox reset: {state_dir} reseeded from {seed_dir}")
    return 0


def show_log(settings: Settings, tail: int, console: Console) -> int:
    entries = read_request_log(settings.path(settings.sandbox.state_dir))[-tail:]
    table = Table("time", "api", "method", "path", "status", "user", box=None)
    for e in entries:
        when = time.strftime("%H:%M:%S", time.localtime(e.get("ts", 0)))
        table.add_row(
            when,
            e.get("api", ""),
            e.get("method", ""),
            e.get("path", ""),
            str(e.get("status", "")),
            e.get("user", ""),
        )
    from handoff.output.terminal import print_table

    print_table(console, table)
    return 0
