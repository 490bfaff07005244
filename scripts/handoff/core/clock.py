"""The run's date and the person running it: the two facts a run takes from its surroundings."""

from __future__ import annotations

import datetime as dt
import getpass
import os


def today() -> dt.date:
    """The run's date; HANDOFF_TODAY pins it (tests, reproducible output)."""
    pinned = os.environ.get("HANDOFF_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.datetime.now(dt.UTC).date()


def who() -> str:
    """Who runs the tool, for the run log: HANDOFF_USER, else the login name."""
    return os.environ.get("HANDOFF_USER") or getpass.getuser()
