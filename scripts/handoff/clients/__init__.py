"""The one factory for every external client: gspread, googleapiclient (Docs, Drive), Vitally.

    clients = Clients(settings)            # no I/O, no heavy import
    sh = clients.spreadsheet()             # gspread Spreadsheet, opened once (one read)
    doc = clients.call("docs", lambda: clients.docs().documents().get(documentId=i).execute())
    clients.vitally().update_traits(account_id, {...})   # already under the Vitally policy
    clients.close()                        # closes transports, stops an in-process sandbox

`call(api, fn, kind)` is the choke point for Google calls: it takes a slot from the API's
client-side rate limiter (`ratelimit`) on every attempt and runs `fn` under the retry
policy (`retry`), mapping a final failure to ServiceError / NotFoundError. `fn` should make
one request. A `call` nested inside another `call` for the same API on the same thread
runs `fn` directly, so retries never multiply.

Sandbox (`settings.use_sandbox`): `settings.sandbox.url` if set, else an in-process server
started on first use. The real clients are pointed at it, nothing is patched: gspread gets a
`requests.Session` subclass that rewrites the Google hosts (chosen over AnonymousCredentials
plus a mounted adapter because the sandbox needs no auth layer at all, and the session also
refuses any non-sandbox host, so sandbox mode cannot reach Google); googleapiclient is built
from its bundled discovery document with `rootUrl` rewritten (uploads follow) and
AnonymousCredentials; Vitally's httpx client gets `base_url = sandbox + "/resources"` and the
sandbox key (a real key from the environment is never sent to the sandbox).

Threads: httplib2 is not thread safe, so no two requests in flight share an httplib2.Http;
but `docs()` and `drive()` return one Resource per API, shared by all threads, whose transport
(`google.PooledHttp`) lends each request an idle httplib2.Http (connections are reused). One
Resource, because googleapiclient writes each method's docstring when it builds a collection
(`documents.get` alone: 6 MB of pretty-printed schema): a Resource per thread, rebuilding
`documents()` and `files()` on every call, cost a batch of 200 accounts over a gigabyte of
memory and seconds of CPU. The top-level collections (`documents()`, `files()`, …) are built
once and cached.
gspread's requests.Session and Vitally's httpx.Client are shared: both pool connections
thread-safely. The credentials object is shared; a concurrent refresh is harmless.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import gspread
import httpx

from handoff.clients import google
from handoff.clients.google import PooledHttp, authorized_http, build_resource, sandbox_session
from handoff.clients.ratelimit import RateLimits
from handoff.clients.retry import RetryPolicy
from handoff.clients.vitally import VitallyClient
from handoff.core.errors import ConfigError, InputError, NotFoundError, ServiceError
from handoff.core.settings import SANDBOX_API_KEY

if TYPE_CHECKING:
    import gspread

    from handoff.clients.google import GoogleAuth
    from handoff.clients.vitally import VitallyClient
    from handoff.core.settings import Settings

__all__ = ["Clients", "LocalSandbox", "SandboxStarter"]


class LocalSandbox(Protocol):
    """An emulator this process started (the command layer starts it; see handoff.commands)."""

    @property
    def url(self) -> str: ...

    def stop(self) -> None: ...


# (state folder, seed folder) -> a started sandbox. Passed in so that clients/ never imports
# the emulator: only the command layer (and tests, and the benchmark) does.
SandboxStarter = Callable[[Path, Path], LocalSandbox]

T = TypeVar("T")
API_VERSIONS = {"docs": "v1", "drive": "v3"}


SANDBOX_PROBE_SECONDS = 2.0


def answering_sandbox(url: str) -> str:
    """`url` when a sandbox answers there (one try, a short timeout); ConfigError in one line if not.

    Without this, a stopped sandbox behind HANDOFF_SANDBOX_URL costs the whole retry policy per
    request (seconds of backoff, long urllib3 lines) before the run can say what is wrong."""
    try:
        answer = httpx.get(f"{url}/_sandbox/health", timeout=SANDBOX_PROBE_SECONDS)
        answering = answer.status_code == 200
    except (httpx.HTTPError, ValueError):  # ValueError: not a URL httpx can request at all
        answering = False
    if not answering:
        raise ConfigError(
            f"the sandbox at {url} isn't answering",
            fix="start it with `make sandbox` or unset HANDOFF_SANDBOX_URL",
        )
    return url


class Clients:
    """Lazily built, cached clients for one run; safe to share between worker threads."""

    def __init__(
        self,
        settings: Settings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        auth: GoogleAuth | None = None,
        start_sandbox: SandboxStarter | None = None,
    ) -> None:
        self.settings = settings
        self.policy = RetryPolicy(settings.retry, sleep=sleep, clock=clock)
        self.limits = RateLimits(settings.quotas, clock=clock, sleep=sleep)
        self._auth = auth
        self._lock = threading.RLock()
        self._local = threading.local()
        self._start_sandbox = start_sandbox
        self._sandbox: LocalSandbox | None = None
        self._sandbox_url: str | None = None
        self._gspread: gspread.Client | None = None
        self._spreadsheet: gspread.Spreadsheet | None = None
        self._vitally: VitallyClient | None = None
        self._transports: list[Any] = []
        self._resources: dict[str, Any] = {}

    def __repr__(self) -> str:
        where = "sandbox" if self.settings.use_sandbox else "production"
        return f"Clients({where}, spreadsheet={self.settings.sheet.spreadsheet_id!r})"

    def __enter__(self) -> Clients:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- where and who ----------------------------------------------------------------------------

    @property
    def sandbox_url(self) -> str | None:
        """The sandbox base URL (starting the in-process sandbox on first use); None in production."""
        if not self.settings.use_sandbox:
            return None
        with self._lock:
            if self._sandbox_url is None:
                if self.settings.sandbox.url:
                    self._sandbox_url = answering_sandbox(self.settings.sandbox.url.rstrip("/"))
                elif self._start_sandbox is not None:
                    sandbox = self.settings.sandbox
                    self._sandbox = self._start_sandbox(
                        self.settings.path(sandbox.state_dir), self.settings.path(sandbox.seed_dir)
                    )
                    self._sandbox_url = self._sandbox.url
                else:
                    raise ConfigError(
                        "the sandbox profile needs a sandbox, and none is running",
                        fix="run `make sandbox` and set HANDOFF_SANDBOX_URL, or run through `handoff`",
                    )
            return self._sandbox_url

    @property
    def running_sandbox(self) -> LocalSandbox | None:
        """The in-process sandbox this object started, if any (its store and fault plan)."""
        return self._sandbox

    def google_auth(self) -> GoogleAuth:
        """The Google credentials in use (anonymous in the sandbox); ConfigError if unusable."""
        with self._lock:
            if self._auth is None:
                self._auth = (
                    google.sandbox_auth(self.settings.sandbox.user)
                    if self.settings.use_sandbox
                    else google.load_credentials(self.settings)
                )
            return self._auth

    @property
    def identity(self) -> str:
        return self.google_auth().identity

    # -- Google -----------------------------------------------------------------------------------

    def gspread_client(self) -> gspread.Client:
        with self._lock:
            if self._gspread is None:
                self._gspread = self._new_gspread()
            return self._gspread

    def _new_gspread(self) -> gspread.Client:
        url = self.sandbox_url
        if url:
            gc = gspread.Client(auth=None, session=sandbox_session(url, self.settings.sandbox.user))  # type: ignore[arg-type]
        else:
            gc = gspread.Client(auth=self.google_auth().credentials)
        gc.set_timeout(self.settings.retry.timeout_seconds)
        return gc

    def spreadsheet(self) -> gspread.Spreadsheet:
        """The tracking sheet, opened once by key; InputError when it is missing or not shared."""
        with self._lock:
            if self._spreadsheet is None:
                self._spreadsheet = self._open_spreadsheet()
            return self._spreadsheet

    def _open_spreadsheet(self) -> gspread.Spreadsheet:
        key = self.settings.sheet.spreadsheet_id
        gc = self.gspread_client()
        where = f"sheet.spreadsheet in {self.settings.source or 'the configuration'}"
        try:
            return self.call("sheets", lambda: gc.open_by_key(key))
        except NotFoundError as exc:
            raise InputError(
                f"spreadsheet {key} was not found ({where}, or HANDOFF_SPREADSHEET)",
                fix="set it to the id in the sheet's URL: https://docs.google.com/spreadsheets/d/<id>/edit",
            ) from exc
        except ServiceError as exc:
            if exc.status != 403:
                raise
            raise InputError(
                f"no access to spreadsheet {key} ({where})",
                fix=f"share the sheet with {self.identity} as Editor (the tool writes back)",
            ) from exc

    def docs(self) -> Any:
        """The Docs v1 Resource (shared by all threads; see the module docstring)."""
        return self._resource("docs")

    def drive(self) -> Any:
        """The Drive v3 Resource (shared by all threads; see the module docstring)."""
        return self._resource("drive")

    def _resource(self, api: str) -> Any:
        resource = self._resources.get(api)
        if resource is not None:
            return resource

        credentials = self.google_auth().credentials
        timeout = self.settings.retry.timeout_seconds
        with self._lock:
            if api not in self._resources:
                http = PooledHttp(lambda: authorized_http(credentials, timeout))
                self._transports.append(http)
                built = build_resource(api, API_VERSIONS[api], http, root_url=self.sandbox_url or "")
                self._resources[api] = built
            return self._resources[api]

    # -- Vitally ----------------------------------------------------------------------------------

    def vitally(self) -> VitallyClient:
        with self._lock:
            if self._vitally is None:
                self._vitally = self._new_vitally()
            return self._vitally

    def _new_vitally(self) -> VitallyClient:
        url = self.sandbox_url
        if url:
            base, key = url + "/resources", SANDBOX_API_KEY
        else:
            base, key = self.settings.vitally.rest_base_url, self.settings.vitally_key()
        return VitallyClient(
            base,
            key,
            timeout=self.settings.retry.timeout_seconds,
            call=lambda fn, kind: self.call("vitally", fn, kind),
            observe=self.limits.observe_vitally,
        )

    # -- the choke point --------------------------------------------------------------------------

    def call(self, api: str, fn: Callable[[], T], kind: str = "read") -> T:
        """`fn()` under `api`'s rate limit and retry policy; ServiceError/NotFoundError at the end."""
        limiter = self.limits.limiter(api, kind)  # also rejects an unknown api or kind
        active: set[str] = self._local.__dict__.setdefault("active", set())
        if api in active:
            return fn()

        def attempt() -> T:
            limiter.acquire()
            return fn()

        active.add(api)
        try:
            return self.policy.run(api, attempt)
        finally:
            active.discard(api)

    # -- teardown ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Close every transport and stop an in-process sandbox. Safe to call twice."""
        with self._lock:
            transports, self._transports = self._transports, []
            self._resources = {}
            for http in transports:
                http.close()
            self._local = threading.local()
            if self._gspread is not None:
                self._gspread.http_client.session.close()
                self._gspread = None
                self._spreadsheet = None
            if self._vitally is not None:
                self._vitally.close()
                self._vitally = None
            if self._sandbox is not None:
                self._sandbox.stop()
                self._sandbox = None
                self._sandbox_url = None
