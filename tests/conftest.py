"""Shared fixtures: no developer environment, a sandbox on a tiny seed with the real clients
pointed at it, and the sample workspace (config/sandbox) with the clock pinned."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import gspread
import httpx
import pytest
from google.auth.credentials import AnonymousCredentials

from handoff.clients.google import sandbox_session
from handoff.sandbox.faults import FaultPlan
from handoff.sandbox.server import RunningSandbox, start
from handoff.sandbox.vitally_api import SANDBOX_API_KEY
from workspace import SEED, TODAY, USER, Workspace, scrub_developer_env

SEEDS = Path(__file__).parent / "seeds"


@pytest.fixture(autouse=True)
def _no_developer_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    scrub_developer_env(monkeypatch)


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today is the answer key's day (TODAY) and the person running the tool is USER."""
    monkeypatch.setenv("HANDOFF_TODAY", TODAY)
    monkeypatch.setenv("HANDOFF_USER", USER)


@pytest.fixture
def ws(tmp_path: Path, pinned: None) -> Iterator[Workspace]:
    """The sample workspace: a sandbox seeded from config/sandbox, settings pointed at it."""
    with Workspace.start(SEED, tmp_path) as workspace:
        yield workspace


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
    yield gspread.Client(auth=AnonymousCredentials(), session=session)  # the session carries no auth
    session.close()


@pytest.fixture
def vitally(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    """The real httpx client with the sandbox's Vitally key, rooted at /resources."""
    with httpx.Client(
        base_url=sandbox.url + "/resources", auth=httpx.BasicAuth(SANDBOX_API_KEY, "")
    ) as client:
        yield client
