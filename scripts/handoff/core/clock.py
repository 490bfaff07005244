"""The run's date and the person running it: the two facts a run takes from its surroundings."""

from __future__ import annotations

import datetime as dt
import getpass
import os

from handoff.core.errors import ConfigError


def today() -> dt.date:
    """The run's date; HANDOFF_TODAY (YYYY-MM-DD) pins it (tests, reproducible output)."""
    pinned = os.environ.get("HANDOFF_TODAY", "").strip()
    if not pinned:
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.date.fromisoformat(pinned) if len(pinned) == 10 else _bad_today(pinned)
    except ValueError:
        return _bad_today(pinned)


def _bad_today(value: str) -> dt.date:
    raise ConfigError(
        f"environment variable HANDOFF_TODAY={value!r} is not a date",
        fix="write it as YYYY-MM-DD (e.g. HANDOFF_TODAY=2026-11-27), or unset it to use today's date",
    )


def who() -> str:
    """Who runs the tool, for the run log: HANDOFF_USER, else the login name."""
    return os.environ.get("HANDOFF_USER") or getpass.getuser()
