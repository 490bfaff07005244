"""An API that stays down: the run stops naming the service, writes nothing, exits 4; a re-run finishes.

Each API in turn answers 503 to every request (a fault rule on the whole API), through the
real CLI (`handoff run acme`) with retries made fast by a config file. The reads come before
any write (sheet batchGet, the TDD's documents.get, the Drive and Vitally lookups of the
plan), so an API that is down from the start stops the run before it writes anything; an API
that goes down between writes is the crash matrix (test_crash_consistency.py), where the
message lists what was and was not written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crashkit import (
    ACCOUNT,
    FAST_RETRY,
    add_faults,
    assert_state_true,
    end_state,
    one_line,
)
from handoff.core.errors import EXIT_OK, EXIT_SERVICE
from workspace import CONFIG, Workspace

FIX = "fix: the service is failing or unreachable: re-run later (a re-run finishes the job)"
# api -> what the run says (stdout + stderr, whitespace runs as one space)
SAYS = {
    "sheets": [
        "error: Sheets: 503 Service Unavailable: The service is currently unavailable. (gave up after 2 "
        "attempts",
        "the run stopped before writing anything: nothing was written",
        FIX,
    ],
    "docs": [
        "blocked: the TDD could not be read (Docs kept failing); nothing will be written",
        "the linked TDD could not be read: Docs: 503 Service Unavailable",
        FIX,
    ],
    "drive": [
        "blocked: planning stopped: Drive: 503 Service Unavailable: The service is currently unavailable. "
        "(gave up after 2 attempts",
        "; nothing will be written",
        FIX,
    ],
    "vitally": [
        "blocked: planning stopped: Vitally: 503 Service Unavailable: The service is currently unavailable. "
        "(gave up after 2 attempts",
        "; nothing will be written",
        FIX,
    ],
}


# conftest: TODAY and USER pinned; ws is a copy of the seeded template with fast retries
pytestmark = [pytest.mark.usefixtures("pinned"), pytest.mark.fast_workspace()]


@pytest.fixture
def fast_config(tmp_path: Path) -> Path:
    """The sandbox profile with retries that give up at once (the CLI reads its own settings)."""
    path = tmp_path / "profile" / "config" / "handoff.toml"
    path.parent.mkdir(parents=True)
    retry = "\n".join(f"{key.partition('.')[2]} = {value}" for key, value in FAST_RETRY.items())
    path.write_text(CONFIG.read_text(encoding="utf-8") + f"\n[retry]\n{retry}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("api", list(SAYS))
def test_api_down_stops_writes_nothing_exits_4_and_a_rerun_finishes(
    ws: Workspace, clean: dict[str, Any], fast_config: Path, api: str
) -> None:
    add_faults(ws, {"api": api, "kind": "5xx", "count": 0})
    env = {"HANDOFF_CONFIG": str(fast_config)}
    code, out, err = ws.cli("run", ACCOUNT, env=env)
    said = one_line(out + err)
    assert code == EXIT_SERVICE, said
    for words in SAYS[api]:
        assert words in said, said
    assert "Traceback" not in said
    assert ws.writes_after(0) == []  # nothing written anywhere
    assert {e["status"] for e in ws.log() if e["api"] == api} == {503}

    ws.sandbox.faults.clear()
    code, out, err = ws.cli("run", ACCOUNT, env=env)
    assert code == EXIT_OK, out + err
    assert end_state(ws) == clean
    assert_state_true(ws)
