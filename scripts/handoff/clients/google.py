"""Google credentials and the transports the Sheets/Docs/Drive clients run on.

Scopes (least privilege; each one is needed by a step the tool performs):

    spreadsheets              read the tracking sheet and write back status, links, run log and
                              state (`spreadsheets.readonly` cannot write back).
    documents.readonly        read each TDD with documents.get. The TDDs are written by people,
                              so `drive.file` (files this app created or opened) cannot see them.
    drive.file                create, update, export and share the handoff docs the tool itself
                              creates; no access to anyone else's files.
    drive.metadata.readonly   metadata only, never content: files.get on the output folder (does it
                              exist, can we reach it) and files.list by our docs' `properties`
                              whoever created them, so a crashed run is recovered by any teammate.

With per-user OAuth, `drive.file` lets each person update only the docs the tool created under
their own login; a shared service account (or the same person) avoids that limit.

Credential modes (`google.credentials`):

    adc              Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS, the gcloud
                     user login, or the metadata server.
    service_account  a key file (`google.service_account_file`), optional domain-wide
                     delegation subject (`google.subject`).
    oauth            installed-app login (`google.oauth_client_secrets`); the token is cached at
                     `google.oauth_token_cache` with 0600 permissions and refreshed when expired.

Missing or unusable credentials raise ConfigError with the fix. Nothing here puts a token, a
private key or a client secret into a message, a log line or a repr.

Sandbox transports: gspread gets a `requests.Session` that rewrites Google hosts to the sandbox
(and refuses any other host); googleapiclient is built from its bundled discovery document with
`rootUrl` rewritten, so JSON calls, media uploads and batch all follow.
"""

from __future__ import annotations

import functools
import json
import os
import stat
import threading
import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from http.client import BadStatusLine
from pathlib import Path
from typing import TYPE_CHECKING, Any

import google.auth
import google_auth_httplib2
import httplib2
import requests
from google.auth.credentials import AnonymousCredentials
from google.auth.exceptions import DefaultCredentialsError, RefreshError, TransportError
from google.auth.transport.requests import Request
from google.oauth2 import service_account
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient import discovery_cache
from googleapiclient.discovery import build_from_document

from handoff.clients.retry import describe
from handoff.core.errors import ConfigError, ServiceError

if TYPE_CHECKING:
    import google.auth.credentials
    import requests

    from handoff.core.settings import Settings

SCOPES: tuple[str, ...] = (
    "https://www.googleapis.com/auth/spreadsheets",
    "https://www.googleapis.com/auth/documents.readonly",
    "https://www.googleapis.com/auth/drive.file",
    "https://www.googleapis.com/auth/drive.metadata.readonly",
)
GOOGLE_HOSTS = ("https://sheets.googleapis.com", "https://www.googleapis.com", "https://docs.googleapis.com")
ADC_LOGIN = "gcloud auth application-default login --scopes=" + ",".join(
    ("https://www.googleapis.com/auth/cloud-platform", *SCOPES)
)


@dataclass(frozen=True, repr=False)
class GoogleAuth:
    """Credentials plus a description of who they are (safe to print)."""

    credentials: google.auth.credentials.Credentials
    mode: str  # "adc" | "service_account" | "oauth" | "sandbox"
    identity: str  # e.g. "handoff@proj.iam.gserviceaccount.com", "user (OAuth login)"

    def __repr__(self) -> str:
        return f"GoogleAuth(mode={self.mode!r}, identity={self.identity!r})"


SANDBOX_USER_HEADER = "X-Sandbox-User"  # the sandbox's acting identity (sandbox/http.py reads it)


def sandbox_auth(user: str = "") -> GoogleAuth:
    """No credentials; with `user`, every Google request says who is acting (two teammates)."""

    class SandboxIdentity(AnonymousCredentials):
        def before_request(self, request: Any, method: Any, url: Any, headers: Any) -> None:
            headers[SANDBOX_USER_HEADER] = user

    if not user:
        return GoogleAuth(AnonymousCredentials(), "sandbox", "sandbox (anonymous)")
    return GoogleAuth(SandboxIdentity(), "sandbox", f"sandbox ({user})")


def load_credentials(
    settings: Settings,
    *,
    run_flow: Callable[[Path, Sequence[str]], Any] | None = None,
    refresh_request: Any = None,
) -> GoogleAuth:
    """Production credentials for the configured mode; ConfigError with the fix when unusable.

    `run_flow(client_secrets_path, scopes) -> Credentials` and `refresh_request` (a
    google.auth transport Request) replace the interactive login and the token endpoint in tests.
    """
    mode = settings.google.credentials
    if mode == "service_account":
        return _service_account(settings)
    if mode == "oauth":
        return _oauth(settings, run_flow or _installed_app_flow, refresh_request)
    return _adc(settings)


def _adc(settings: Settings) -> GoogleAuth:
    try:
        creds, project = google.auth.default(scopes=list(SCOPES))
    except DefaultCredentialsError:
        raise ConfigError(
            "no Google Application Default Credentials found "
            f"(google.credentials = 'adc' in {settings.source or 'the configuration'})",
            fix=f"run `{ADC_LOGIN}`, or set google.credentials to 'service_account' or 'oauth'",
        ) from None
    email = getattr(creds, "service_account_email", "") or getattr(creds, "account", "") or ""
    who = email if email and email != "default" else "the gcloud / environment default identity"
    suffix = f", project {project}" if project else ""
    return GoogleAuth(creds, "adc", f"{who} (Application Default Credentials{suffix})")


def _service_account(settings: Settings) -> GoogleAuth:
    where = f"google.service_account_file in {settings.source or 'the configuration'}"
    path = settings.path(settings.google.service_account_file)
    subject = settings.google.subject or None
    try:
        creds = service_account.Credentials.from_service_account_file(
            str(path), scopes=list(SCOPES), subject=subject
        )
    except FileNotFoundError:
        raise ConfigError(
            f"service-account key file {path} does not exist ({where})",
            fix="download a JSON key for the service account (IAM → Service accounts → Keys) and point "
            "google.service_account_file or HANDOFF_SERVICE_ACCOUNT_FILE at it",
        ) from None
    except (ValueError, KeyError, TypeError) as exc:  # never echo the file: it holds a private key
        raise ConfigError(
            f"{path} is not a usable service-account key ({type(exc).__name__}; {where})",
            fix="download a fresh JSON key for the service account; the file must be the unmodified key",
        ) from None
    identity = creds.service_account_email
    if subject:
        identity += f" acting as {subject} (domain-wide delegation)"
    return GoogleAuth(creds, "service_account", identity)


def _installed_app_flow(client_secrets: Path, scopes: Sequence[str]) -> Any:
    try:
        webbrowser.get()  # the login opens a browser: say so now if there is none, not mid-flow
    except webbrowser.Error:
        raise ConfigError(
            "google.credentials = 'oauth' needs a web browser for the one-time Google login, and this "
            "machine has none",
            fix="log in once on a machine with a browser and copy its token file (google.oauth_token_cache, "
            "0600) here; or use credentials = 'service_account' or 'adc' "
            "(`gcloud auth application-default login --no-browser`)",
        ) from None
    flow = InstalledAppFlow.from_client_secrets_file(str(client_secrets), scopes=list(scopes))
    return flow.run_local_server(port=0, open_browser=True)


def _oauth(
    settings: Settings, run_flow: Callable[[Path, Sequence[str]], Any], refresh_request: Any
) -> GoogleAuth:
    cache_path = settings.path(settings.google.oauth_token_cache)
    creds = _cached_user_credentials(cache_path)
    if creds is not None and not creds.valid and creds.expired and creds.refresh_token:
        creds = _refreshed(creds, refresh_request)
        if creds is not None:
            write_private_file(cache_path, creds.to_json())
    if creds is None or not creds.valid:
        secrets = settings.path(settings.google.oauth_client_secrets)
        if not secrets.is_file():
            raise ConfigError(
                f"OAuth client secrets file {secrets} does not exist (google.oauth_client_secrets in "
                f"{settings.source or 'the configuration'})",
                fix="create an OAuth client of type 'Desktop app' in the Cloud console and download its JSON",
            )
        try:
            creds = run_flow(secrets, SCOPES)
        except ValueError as exc:
            raise ConfigError(
                f"{secrets} is not a usable OAuth client secrets file ({type(exc).__name__})",
                fix="download the JSON of an OAuth client of type 'Desktop app' again",
            ) from None
        write_private_file(cache_path, creds.to_json())
    email = getattr(creds, "account", "") or ""
    return GoogleAuth(creds, "oauth", f"{email or 'the signed-in user'} (OAuth login, token in {cache_path})")


def _cached_user_credentials(path: Path) -> Any:
    """The cached OAuth token if present, readable and covering our scopes; else None."""
    if not path.is_file():
        return None
    _tighten(path)
    try:
        creds = Credentials.from_authorized_user_file(str(path))
    except (ValueError, KeyError, TypeError):
        return None  # unreadable cache: log in again and overwrite it
    if not creds.has_scopes(list(SCOPES)):
        return None
    return creds


def _refreshed(creds: Any, refresh_request: Any) -> Any:
    if refresh_request is None:
        refresh_request = Request()
    try:
        creds.refresh(refresh_request)
    except RefreshError:
        return None  # revoked or expired refresh token: log in again
    except TransportError as exc:  # offline, or Google unreachable: no login can help either
        raise ServiceError(
            "Google sign-in",
            f"could not reach Google to refresh the saved OAuth login ({describe(exc)})",
            fix="check the network connection (and any proxy settings), then run again",
            retriable=True,
        ) from None
    return creds


def write_private_file(path: Path, text: str) -> None:
    """Write `text` to `path` readable by the owner only (0600), atomically; the folder gets 0700."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        os.fchmod(fh.fileno(), 0o600)  # in case the temporary file already existed with other bits
        fh.write(text)
    os.replace(tmp, path)


def _tighten(path: Path) -> None:
    """Drop group/other bits from a cached token someone widened."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        path.chmod(mode & 0o700)


# -- transports -----------------------------------------------------------------------------------


class SandboxEscapeError(RuntimeError):
    """A client tried to reach a real host while in sandbox mode (a bug; never retried)."""


def sandbox_session(base_url: str, user: str = "") -> requests.Session:
    """A requests.Session that sends Google API URLs to the sandbox and refuses every other host."""
    base = base_url.rstrip("/")

    class SandboxSession(requests.Session):
        def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> Any:
            target = url.decode() if isinstance(url, bytes) else url
            return super().request(method, rewrite_url(target, base), *args, **kwargs)

    session = SandboxSession()
    if user:
        session.headers[SANDBOX_USER_HEADER] = user
    return session


def rewrite_url(url: str, base: str) -> str:
    for host in GOOGLE_HOSTS:
        if url == host or url.startswith(host + "/"):
            return base + url[len(host) :]
    if url == base or url.startswith(base + "/"):
        return url
    raise SandboxEscapeError(f"sandbox mode: refusing a request outside the sandbox ({url.split('?')[0]})")


@cache
def discovery_document(api: str, version: str, root_url: str = "") -> str:
    """The bundled discovery document (no network), with rootUrl/mtlsRootUrl rewritten if given."""
    text = discovery_cache.get_static_doc(api, version)
    if text is None:
        raise RuntimeError(f"google-api-python-client bundles no discovery document for {api} {version}")
    if not root_url:
        return text
    doc = json.loads(text)
    doc["rootUrl"] = doc["mtlsRootUrl"] = root_url.rstrip("/") + "/"
    return json.dumps(doc)


class PooledHttp:
    """One transport object for a shared googleapiclient Resource; a pool of httplib2.Http behind it.

    httplib2.Http is not thread safe, so each request checks one out for its duration (making a
    new one when all are busy) and returns it: as many transports as requests in flight, and
    their open connections reused from one thread (and phase of a batch) to the next instead of
    a new TLS connection per thread. googleapiclient only calls `request` (and reads a few
    attributes) on its transport. `close` closes every one.
    """

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self._idle: list[Any] = []
        self._made: list[Any] = []
        self._lock = threading.Lock()

    def _checkout(self) -> Any:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        http = self._factory()
        with self._lock:
            self._made.append(http)
        return http

    def _checkin(self, http: Any) -> None:
        with self._lock:
            self._idle.append(http)

    @property
    def size(self) -> int:
        """How many transports the pool has made (the most requests it has had in flight)."""
        return len(self._made)

    def request(self, *args: Any, **kwargs: Any) -> Any:
        http = self._checkout()
        try:
            return http.request(*args, **kwargs)
        finally:
            self._checkin(http)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        http = self._checkout()
        try:
            return getattr(http, name)
        finally:
            self._checkin(http)

    def close(self) -> None:
        with self._lock:
            made, self._made, self._idle = self._made, [], []
        for http in made:
            http.close()


def authorized_http(credentials: google.auth.credentials.Credentials, timeout: float) -> Any:
    """An httplib2 transport with a timeout that adds the credentials' Authorization header.

    httplib2 is not thread safe: `PooledHttp` lends each request in flight its own.
    """
    return google_auth_httplib2.AuthorizedHttp(credentials, http=_http_class()(timeout=timeout))


@cache
def _http_class() -> type:
    """httplib2.Http that never re-sends a POST or PATCH on its own.

    httplib2 silently sends a request again when the connection closes before the answer
    ("stale connection", even with RETRIES = 1). For a create whose request the server already
    carried out, that is a second doc behind the retry policy's back. Here the closed connection
    surfaces as ConnectionResetError instead, and the retry policy, which looks the doc up before
    creating it again (converge.py), decides.
    """

    def no_resend(base: type) -> type:
        class Connection(base):
            def getresponse(self) -> Any:
                try:
                    return super().getresponse()
                except BadStatusLine as exc:
                    if getattr(self, "_method", "") in ("POST", "PATCH"):
                        raise ConnectionResetError(f"connection closed before the answer ({exc!r})") from exc
                    raise

        return Connection

    connections = {
        "http": no_resend(httplib2.HTTPConnectionWithTimeout),
        "https": no_resend(httplib2.HTTPSConnectionWithTimeout),
    }

    class Http(httplib2.Http):
        def request(self, uri: Any, method: str = "GET", *args: Any, **kwargs: Any) -> Any:
            if len(args) < 4 and not kwargs.get("connection_type"):
                scheme = str(uri).split(":", 1)[0].lower()
                kwargs["connection_type"] = connections.get(scheme)
            return super().request(uri, method, *args, **kwargs)

    return Http


def build_resource(api: str, version: str, http: Any, root_url: str = "") -> Any:
    """A googleapiclient Resource from the bundled discovery document, on the given transport.

    Its top-level collections (`documents()`, `files()`, …) are built once and cached on it:
    googleapiclient otherwise builds a new collection, with every method's docstring, per call.
    """
    resource = build_from_document(discovery_document(api, version, root_url), http=http)
    for name in json.loads(discovery_document(api, version, root_url)).get("resources", {}):
        collection = getattr(resource, name)()
        resource.__dict__[name] = functools.partial(_same, collection)
    return resource


def _same(value: Any) -> Any:
    return value
