"""Shared fixtures: a sandbox running on a tiny seed, and the real clients pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import gspread
import httpx
import pytest

from handoff.clients.google import sandbox_session
from handoff.sandbox.faults import FaultPlan
from handoff.sandbox.server import RunningSandbox, start
from handoff.sandbox.vitally_api import SANDBOX_API_KEY

SEEDS = Path(__file__).parent / "seeds"

# The developer's shell must not reach the tests: a HANDOFF_CONFIG or HANDOFF_SANDBOX_URL
# exported for a manual run would point every test at another sheet or sandbox.
DEVELOPER_ENV_PREFIXES = ("HANDOFF_", "VITALLY_", "GOOGLE_APPLICATION_CREDENTIALS")


@pytest.fixture(autouse=True)
def _no_developer_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith(DEVELOPER_ENV_PREFIXES):
            monkeypatch.delenv(name, raising=False)


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[RunningSandbox]:
    """A sandbox on an ephemeral port, seeded from tests/seeds/minimal, with no fault rules."""
    running = start(tmp_path / "state", SEEDS / "minimal", faults=FaultPlan())
    yield running
    running.stop()


@pytest.fixture
def gc(sandbox: RunningSandbox) -> Iterator[gspread.Client]:
    """The real gspread client, talking to the sandbox through the tool's own sandbox session."""
    session = sandbox_session(sandbox.url)
    yield gspread.Client(auth=None, session=session)
    session.close()


@pytest.fixture
def vitally(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    """The real httpx client with the sandbox's Vitally key, rooted at /resources."""
    with httpx.Client(
        base_url=sandbox.url + "/resources", auth=httpx.BasicAuth(SANDBOX_API_KEY, "")
    ) as client:
        yield client
