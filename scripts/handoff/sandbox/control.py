"""Control routes of the sandbox under `/_sandbox/`: health, fault rules, the request log, reset.

* `GET /_sandbox/health` → `{"status": "ok", "url", "stateDir", "seedDir", "seeded"}`
* `GET /_sandbox/faults` → the live rules (a JSON list, each with its `hits`);
  `POST` adds rules (a JSON list or one object, keys as in `faults.py`), answers the full list;
  `DELETE` removes them all.
* `GET /_sandbox/log` → the request log as JSON lines (`ts, api, route, method, path, status,
  user`); `?api=vitally` filters by API, `?tail=N` keeps the last N lines.
* `POST /_sandbox/reset` → wipe the state (request log included) and reseed it from the
  server's seed folder. Fault rules are server settings, not state: they stay.

These routes (api `"sandbox"`) are never subject to fault rules and are not written to the
request log. The server passes itself to them as `server=`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from handoff.sandbox import seed
from handoff.sandbox.faults import parse_rules
from handoff.sandbox.http import ApiError, Request, Response, route
from handoff.sandbox.request_log import read_request_log
from handoff.sandbox.store import Store

if TYPE_CHECKING:
    from handoff.sandbox.server import SandboxHTTPServer


@route("sandbox", "GET", "/_sandbox/health", "sandbox.health")
def health(req: Request, store: Store, server: SandboxHTTPServer) -> Response:
    return Response.json(
        {
            "status": "ok",
            "url": server.url,
            "stateDir": str(store.root),
            "seedDir": str(server.seed_dir),
            "seeded": store.get(*seed.MARKER),
        }
    )


@route("sandbox", "GET", "/_sandbox/faults", "sandbox.faults.list")
def list_faults(req: Request, store: Store, server: SandboxHTTPServer) -> Response:
    return Response.json(server.faults.to_json())


@route("sandbox", "POST", "/_sandbox/faults", "sandbox.faults.add")
def add_faults(req: Request, store: Store, server: SandboxHTTPServer) -> Response:
    try:
        rules = parse_rules(req.json())
    except (ValueError, TypeError) as exc:
        raise ApiError(400, f"Invalid fault rules: {exc}") from None
    server.faults.add(rules)
    return Response.json(server.faults.to_json())


@route("sandbox", "DELETE", "/_sandbox/faults", "sandbox.faults.clear")
def clear_faults(req: Request, store: Store, server: SandboxHTTPServer) -> Response:
    server.faults.clear()
    return Response.json([])


@route("sandbox", "GET", "/_sandbox/log", "sandbox.log")
def request_log(req: Request, store: Store, server: SandboxHTTPServer) -> Response:
    entries = _read_log(store)
    api = req.arg("api")
    if api:
        entries = [e for e in entries if e.get("api") == api]
    tail = req.arg("tail")
    if tail:
        if not tail.isdigit():
            raise ApiError(400, "tail must be a non-negative integer")
        entries = entries[len(entries) - int(tail) :] if int(tail) else []
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
    return Response.text(text, "application/x-ndjson; charset=UTF-8")


def _read_log(store: Store) -> list[dict[str, Any]]:
    return read_request_log(store.root)


@route("sandbox", "POST", "/_sandbox/reset", "sandbox.reset")
def reset(req: Request, store: Store, server: SandboxHTTPServer) -> Response:
    try:
        seed.reset(store, server.seed_dir)
    except ValueError as exc:
        raise ApiError(400, f"Cannot reseed: {exc}") from None
    return Response.json({"status": "reset", "seedDir": str(server.seed_dir)})
