"""One module per command: each builds the clients, and starts the emulator when the profile says so.

`open_clients(settings)` is the one place a command gets its clients; in the sandbox profile
(no HANDOFF_SANDBOX_URL) it starts the emulator in this process on first use. This package
(with tests and the benchmark) is the only importer of `handoff.sandbox`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from handoff.clients import Clients, LocalSandbox
from handoff.core.errors import ConfigError
from handoff.core.settings import Settings, shown


def start_local_sandbox(state_dir: Path, seed_dir: Path) -> LocalSandbox:
    """Start the emulator on 127.0.0.1 in a background thread of this process."""
    # lazy: a production run never loads the emulator
    from handoff.sandbox.server import start

    return start(state_dir, seed_dir)


_SANDBOX_VARIABLES = (
    "HANDOFF_SANDBOX_FAULTS",
    "HANDOFF_SANDBOX_QUOTAS",
    "HANDOFF_SANDBOX_VITALLY_EXTERNAL_IDS",
)


def check_sandbox_environment() -> None:
    """The sandbox's environment variables, checked at start: a bad one is a ConfigError (exit 2)
    naming the variable and its value, not a traceback when the emulator starts or serves."""
    if not any(os.environ.get(v) for v in _SANDBOX_VARIABLES):
        return  # nothing to check: a production run never loads the emulator's modules
    # lazy: only a sandbox run loads the emulator's modules
    from handoff.sandbox.faults import load_rules
    from handoff.sandbox.quotas import ENV as QUOTAS
    from handoff.sandbox.quotas import parse_scale
    from handoff.sandbox.vitally_api import EXTERNAL_ID_MODES, EXTERNAL_IDS_ENV

    faults = os.environ.get("HANDOFF_SANDBOX_FAULTS")
    checks: list[tuple[str, str | None, Any]] = [
        ("HANDOFF_SANDBOX_FAULTS", faults, load_rules),
        (QUOTAS, os.environ.get(QUOTAS), parse_scale),
    ]
    for name, value, parse in checks:
        try:
            parse(value)
        except ValueError as exc:
            raise ConfigError(
                f"environment variable {name}: {shown(str(exc))}",
                fix=f"correct {name} (format: README, the sandbox section), or unset it",
            ) from None
    mode = os.environ.get(EXTERNAL_IDS_ENV, "").strip().lower()
    if mode and mode not in EXTERNAL_ID_MODES:
        raise ConfigError(
            f"environment variable {EXTERNAL_IDS_ENV}={mode!r} is not one of {', '.join(EXTERNAL_ID_MODES)}",
            fix=f"set {EXTERNAL_IDS_ENV} to one of {', '.join(EXTERNAL_ID_MODES)}, or unset it",
        )


def open_clients(settings: Settings, **kwargs: Any) -> Clients:
    """The run's clients; the sandbox profile starts the in-process emulator on first use."""
    return Clients(settings, start_sandbox=start_local_sandbox, **kwargs)
