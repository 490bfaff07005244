"""Shared fixtures: no developer environment, a sandbox on a tiny seed with the real clients
pointed at it, and the sample workspace (config/sandbox) with the clock pinned: seeded afresh,
or, in a module marked `fast_workspace`, copied from the session's seeded template with fast
retries (crashkit), with the clean end state to compare against."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gspread
import httpx
import pytest
from google.auth.credentials import AnonymousCredentials
from hypothesis import settings

from crashkit import clean_end_state, seeded_template, workspace
from handoff.clients.google import sandbox_session
from handoff.core.fields import Catalogue, load_catalogue
from handoff.sandbox.faults import FaultPlan
from handoff.sandbox.server import RunningSandbox, start
from handoff.sandbox.vitally_api import SANDBOX_API_KEY
from workspace import SEED, TODAY, USER, Workspace, scrub_developer_env

# property tests draw the same examples on every run (tests stay deterministic: a new case found by
# exploring goes in as an `@example`); `HYPOTHESIS_PROFILE=explore` draws new ones
settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

SEEDS = Path(__file__).parent / "seeds"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _no_developer_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    scrub_developer_env(monkeypatch)


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today is the answer key's day (TODAY) and the person running the tool is USER."""
    monkeypatch.setenv("HANDOFF_TODAY", TODAY)
    monkeypatch.setenv("HANDOFF_USER", USER)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The field catalogue, config/fields.toml, loaded once."""
    return load_catalogue(ROOT / "config" / "fields.toml")


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sandbox state seeded from config/sandbox once per session; a copy of it starts in ~10 ms."""
    return seeded_template(tmp_path_factory)


@pytest.fixture
def ws(request: pytest.FixtureRequest, tmp_path: Path, pinned: None) -> Iterator[Workspace]:
    """The sample workspace: a sandbox seeded from config/sandbox, settings pointed at it.

    In a module marked `pytest.mark.fast_workspace(**settings)`: crashkit's workspace instead, a
    copy of `template` with fast retries plus those settings (dotted keys)."""
    marker = request.node.get_closest_marker("fast_workspace")
    if marker is None:
        with Workspace.start(SEED, tmp_path) as w:
            yield w
        return
    with workspace(request.getfixturevalue("template"), tmp_path, **marker.kwargs) as w:
        yield w


@pytest.fixture
def clean(template: Path, tmp_path_factory: pytest.TempPathFactory, pinned: None) -> dict[str, Any]:
    """The end state of one clean first run of acme (crashkit; computed once per session)."""
    return clean_end_state(template, tmp_path_factory)


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
