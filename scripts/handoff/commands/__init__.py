"""One module per command: each builds the clients, and starts the emulator when the profile says so.

`open_clients(settings)` is the one place a command gets its clients; in the sandbox profile
(no HANDOFF_SANDBOX_URL) it starts the emulator in this process on first use. This package
(with tests and the benchmark) is the only importer of `handoff.sandbox`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from handoff.clients import Clients, LocalSandbox
from handoff.core.settings import Settings


def start_local_sandbox(state_dir: Path, seed_dir: Path) -> LocalSandbox:
    """Start the emulator on 127.0.0.1 in a background thread of this process."""
    # Imported here, not at the top: a production run never loads the emulator.
    from handoff.sandbox.server import start

    return start(state_dir, seed_dir)


def open_clients(settings: Settings, **kwargs: Any) -> Clients:
    """The run's clients; the sandbox profile starts the in-process emulator on first use."""
    return Clients(settings, start_sandbox=start_local_sandbox, **kwargs)
