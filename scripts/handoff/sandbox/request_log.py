"""The emulator's request log: one JSON line per request in the state folder (server.py writes
it; `handoff sandbox log`, the control API and the tests read it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REQUEST_LOG = "requests.jsonl"


def read_request_log(state_dir: Path) -> list[dict[str, Any]]:
    path = Path(state_dir) / REQUEST_LOG
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
