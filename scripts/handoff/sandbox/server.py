"""The sandbox HTTP server: routing, faults, the request log, and start/stop helpers.

`start(state_dir, seed_dir)` runs the server in a background thread on an ephemeral
127.0.0.1 port and returns a `RunningSandbox` (its `.url`, `.stop()`); `serve_forever`
is the standalone form behind `handoff sandbox serve`.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from handoff.core.errors import ConfigError
from handoff.core.settings import PROJECT_ROOT
from handoff.sandbox import browse, control, docs_api, drive_api, sheets_api, vitally_api
from handoff.sandbox.faults import FaultPlan, FaultRule
from handoff.sandbox.http import ApiError, Request, Response, Route, api_for_path, error_response
from handoff.sandbox.quotas import Quotas
from handoff.sandbox.request_log import REQUEST_LOG
from handoff.sandbox.seed import ensure_seeded
from handoff.sandbox.store import Store

SEED_FIX = "correct the seed file (format: config/sandbox/README.md), or point HANDOFF_SANDBOX_SEED elsewhere"


class SeedError(ConfigError):
    """The seed folder cannot be loaded; the message names the file (and line)."""


ROUTE_MODULES = (control, browse, sheets_api, docs_api, drive_api, vitally_api)


def all_routes() -> list[Route]:
    """Every route of every API module, in `ROUTE_MODULES` order (first match wins)."""
    routes: list[Route] = []
    for module in ROUTE_MODULES:
        routes.extend(getattr(module, "ROUTES", []))
    return routes


class SandboxHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        store: Store,
        seed_dir: Path,
        faults: FaultPlan,
        quotas: Quotas | None = None,
    ) -> None:
        self.routes = all_routes()  # before binding: an import error must not leak the socket
        super().__init__(address, SandboxRequestHandler)
        self.store = store
        self.seed_dir = seed_dir
        self.faults = faults
        self.quotas = quotas or Quotas(None)
        if self.quotas.enabled:
            vitally_api.set_rate_limit(store, self.quotas.vitally_limit(vitally_api.RATE_LIMIT))
        self._log_lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{host}:{port}"

    def log_request_line(self, entry: dict[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._log_lock, open(self.store.root / REQUEST_LOG, "a", encoding="utf-8") as fh:
            fh.write(line)

    def dispatch(self, req: Request) -> tuple[str, str, Response | None]:
        """Route, inject faults, run the handler. Returns (api, route name, response|None=drop)."""
        matched, params, method_mismatch = self._route(req)
        if matched is None:
            return api_for_path(req.path), "unknown", _no_route(req, method_mismatch)
        api = matched.api
        kwargs: dict[str, Any] = dict(params)
        if api == "sandbox":  # control routes: never faulted, and they may need the server
            kwargs["server"] = self
        rules = [] if api == "sandbox" else self.faults.take(api, matched.name, req.method, req.path)
        stop, drop_after = _apply_faults(api, rules)
        if stop is not None:
            return api, matched.name, stop.response
        if api != "sandbox" and not self.quotas.admit(api, req.method, req.user):
            refused = error_response(api, self.quotas.refusal(api, req.method))
            refused.throttled = True
            return api, matched.name, refused
        resp = self._run(matched, req, kwargs)
        resp.dropped = drop_after
        return api, matched.name, resp

    def _route(self, req: Request) -> tuple[Route | None, dict[str, str], bool]:
        """The first route matching path and method, its path parameters, and whether some
        route matched the path with another method (a 405 rather than a 404)."""
        method_mismatch = False
        for r in self.routes:
            groups = r.match(req)
            if groups is None:
                continue
            if r.method == req.method:
                return r, groups, False
            method_mismatch = True
        return None, {}, method_mismatch

    def _run(self, matched: Route, req: Request, kwargs: dict[str, Any]) -> Response:
        """The handler's response (a write runs in one store transaction); an error as the API shows it."""
        api = matched.api
        drive_api.ALL_DRIVES.set(
            matched.name not in drive_api.ALL_DRIVES_ROUTES or req.flag("supportsAllDrives")
        )
        try:
            if req.method == "GET":
                return matched.handler(req, self.store, **kwargs)
            with self.store.transaction():
                return matched.handler(req, self.store, **kwargs)
        except ApiError as err:
            return error_response(api, err)
        except Exception as exc:  # a sandbox bug must look like a 500, not kill the server
            return error_response(
                api, ApiError(500, f"Internal error in the sandbox: {type(exc).__name__}: {exc}")
            )

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away (killed, timed out) is no server error: stay quiet about it."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@dataclass(frozen=True)
class _Stop:
    """A fault that answers instead of the handler: an error response, or None (connection dropped)."""

    response: Response | None


def _no_route(req: Request, method_mismatch: bool) -> Response:
    api = api_for_path(req.path)
    if method_mismatch:
        return error_response(api, ApiError(405, f"Method {req.method} not allowed on {req.path}"))
    return error_response(api, ApiError(404, f"The requested URL {req.path} was not found on this server."))


def _apply_faults(api: str, rules: list[FaultRule]) -> tuple[_Stop | None, bool]:
    """Run the request's fault rules in order: latency sleeps; drop, 429 and 5xx answer instead of
    the handler (the first one wins); drop_after lets the handler act and drops its answer."""
    drop_after = False
    for rule in rules:
        if rule.kind == "latency":
            time.sleep(rule.latency_ms / 1000)
        elif rule.kind == "drop":
            return _Stop(None), drop_after
        elif rule.kind == "drop_after":
            drop_after = True
        elif rule.kind == "429":
            return _Stop(_too_many_requests(api, rule)), drop_after
        elif rule.kind == "5xx":
            msg = "The service is currently unavailable." if rule.status == 503 else "Internal error."
            return _Stop(error_response(api, ApiError(rule.status, msg))), drop_after
    return None, drop_after


def _too_many_requests(api: str, rule: FaultRule) -> Response:
    """A 429 as the API sends it: Retry-After when the rule sets one; Vitally's RateLimit-* headers."""
    headers = {}
    if rule.retry_after is not None:
        headers["Retry-After"] = str(rule.retry_after).removesuffix(".0")
    if api == "vitally":
        headers.update(
            {
                "RateLimit-Limit": "1000, 1000;window=60",
                "RateLimit-Remaining": "0",
                "RateLimit-Reset": str(int(rule.retry_after or 1)),
            }
        )
        return error_response(api, ApiError(429, "Too Many Requests", headers=headers))
    msg = f"Quota exceeded for quota metric 'Requests' of service '{api}.googleapis.com'."
    return error_response(api, ApiError(429, msg, headers=headers))


class SandboxRequestHandler(BaseHTTPRequestHandler):
    server: SandboxHTTPServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: Any) -> None:  # quiet: we keep our own JSON log
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        req = Request.parse(self.command, self.path, dict(self.headers.items()), body)
        api, name, resp = self.server.dispatch(req)
        entry = {
            "ts": round(time.time(), 3),
            "api": api,
            "route": name,
            "method": req.method,
            "path": req.path,
            "status": resp.status if resp else 0,
            "user": req.user,
        }
        if resp is not None and resp.dropped:
            entry["dropped"] = True  # done, but the client never gets the answer
        if resp is not None and resp.throttled:
            entry["throttled"] = True
        if req.path.startswith("/_sandbox/") or req.path == "/" or req.path.startswith("/browse"):
            entry = {}
        if entry:
            self.server.log_request_line(entry)
        if resp is None or resp.dropped:  # dropped connection
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.content_type)
        self.send_header("Content-Length", str(len(resp.body)))
        for k, v in resp.headers.items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(resp.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle


@dataclass
class RunningSandbox:
    server: SandboxHTTPServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def store(self) -> Store:
        return self.server.store

    @property
    def faults(self) -> FaultPlan:
        return self.server.faults

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def default_seed_dir() -> Path:
    env = os.environ.get("HANDOFF_SANDBOX_SEED")
    if env:
        return Path(env)
    return PROJECT_ROOT / "config" / "sandbox"


def open_store(state_dir: Path, seed_dir: Path | None = None) -> Store:
    """Open the state folder, seeding it first if it has never been seeded."""
    store = Store(state_dir)
    seed = seed_dir or default_seed_dir()
    try:
        ensure_seeded(store, seed)
    except (ValueError, OSError) as exc:
        raise SeedError(f"sandbox seed {seed}: {exc}", fix=SEED_FIX) from None
    return store


def make_server(
    state_dir: Path,
    seed_dir: Path | None = None,
    port: int = 0,
    faults: FaultPlan | None = None,
    host: str = "127.0.0.1",
    quotas: Quotas | None = None,
) -> SandboxHTTPServer:
    """A server on `host:port` (127.0.0.1, 0 = any free port); quotas default to HANDOFF_SANDBOX_QUOTAS."""
    seed = seed_dir or default_seed_dir()
    store = open_store(state_dir, seed)
    try:
        limits = quotas or Quotas.from_env()
    except ValueError as exc:
        raise ConfigError(f"HANDOFF_SANDBOX_QUOTAS: {exc}") from None
    return SandboxHTTPServer((host, port), store, seed, faults or FaultPlan.from_env(), limits)


def start(
    state_dir: Path, seed_dir: Path | None = None, port: int = 0, faults: FaultPlan | None = None
) -> RunningSandbox:
    server = make_server(state_dir, seed_dir, port, faults)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="handoff-sandbox", daemon=True
    )
    thread.start()
    return RunningSandbox(server, thread)
