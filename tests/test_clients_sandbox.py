"""The clients against the sandbox: the fault matrix per API, timeouts, rate limits, the factory, auth check.

Real gspread, google-api-python-client and httpx talk HTTP to an in-process sandbox; faults
are injected with the sandbox's FaultPlan and counted in its request log. `sleep` is a
recorder, so retries cost no real time and their waits can be asserted.
"""

from __future__ import annotations

import io
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from fakeclock import FakeClock
from handoff.clients import Clients
from handoff.commands import open_clients
from handoff.commands.auth import auth_check
from handoff.core.errors import EXIT_SERVICE, ConfigError, InputError, NotFoundError, ServiceError
from handoff.core.settings import (
    DocsSettings,
    QuotaSettings,
    RetrySettings,
    SandboxSettings,
    Settings,
    SheetSettings,
)
from handoff.sandbox.faults import FaultPlan, parse_rules
from handoff.sandbox.request_log import read_request_log
from handoff.sandbox.server import RunningSandbox, start
from workspace import SEED, SHEET_ID

FOLDER_ID = "1HndffSandboxHandoffDocsFolder0000"
ACME_TDD = "1GtJ0r6EKnImrOk_vkjdfLCJQ4GFblOo_8Lw2DGmmPfK"
ACME_ID = "72488b81-0dfa-4e39-8727-d4dad921bf95"
APIS = ("sheets", "docs", "drive", "vitally")
MAX_ATTEMPTS = 4


class Sleeps(list[float]):
    """A `sleep` that records instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture(scope="module")
def clients_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    """An in-process sandbox on the full sample seed (conftest's `sandbox` has only the minimal one)."""
    running = start(tmp_path_factory.mktemp("clients-sandbox"), SEED, faults=FaultPlan())
    yield running
    running.stop()


@pytest.fixture(autouse=True)
def _no_leftover_faults(clients_sandbox: RunningSandbox) -> Iterator[None]:
    yield
    clients_sandbox.faults.clear()


def settings_for(url: str, root: Path, quotas: QuotaSettings | None = None, **retry: Any) -> Settings:
    limits = {
        "max_attempts": MAX_ATTEMPTS,
        "max_wait_seconds": 0.01,
        "total_seconds": 30,
        "timeout_seconds": 5,
    }
    return Settings(
        sheet=SheetSettings(spreadsheet=SHEET_ID),
        docs=DocsSettings(folder_id=FOLDER_ID),
        sandbox=SandboxSettings(url=url),
        retry=RetrySettings(**{**limits, **retry}),
        quotas=quotas or QuotaSettings(),
        root=str(root),
    )


@pytest.fixture
def make_clients(
    clients_sandbox: RunningSandbox, tmp_path: Path
) -> Iterator[Callable[..., tuple[Clients, Sleeps]]]:
    made: list[Clients] = []

    def make(**retry: Any) -> tuple[Clients, Sleeps]:
        sleeps = Sleeps()
        clients = Clients(settings_for(clients_sandbox.url, tmp_path, **retry), sleep=sleeps)
        made.append(clients)
        return clients, sleeps

    yield make
    for clients in made:
        clients.close()


# -- one read per API, and where its requests show in the log -------------------------------------


def read_once(clients: Clients, api: str) -> Any:
    if api == "sheets":
        sh = clients.spreadsheet()
        return clients.call("sheets", lambda: sh.values_get("'Accounts'!A1:C3"))
    if api == "docs":
        docs = clients.docs()
        return clients.call("docs", lambda: docs.documents().get(documentId=ACME_TDD).execute())
    if api == "drive":
        drive = clients.drive()
        return clients.call(
            "drive", lambda: drive.files().get(fileId=FOLDER_ID, supportsAllDrives=True).execute()
        )
    return clients.vitally().get_account(ACME_ID)


def read_missing(clients: Clients, api: str) -> Any:
    """A request the service refuses with a 4xx."""
    if api == "sheets":
        sh = clients.spreadsheet()
        return clients.call("sheets", lambda: sh.values_get("'No such tab'!A1"))
    if api == "docs":
        docs = clients.docs()
        return clients.call(
            "docs", lambda: docs.documents().get(documentId="1NoSuchDocument000000").execute()
        )
    if api == "drive":
        drive = clients.drive()
        return clients.call("drive", lambda: drive.files().get(fileId="1NoSuchFile00000000000").execute())
    return clients.vitally().get_account("no-such-account")


def fault(running: RunningSandbox, api: str, kind: str, **rule: Any) -> None:
    route = "sheets.values.*" if api == "sheets" else "*"  # the sheet is opened before the fault
    running.faults.add(parse_rules([{"api": api, "route": route, "kind": kind, **rule}]))


def log_mark(running: RunningSandbox) -> int:
    return len(read_request_log(running.store.root))


def wait_for(condition: Callable[[], bool], limit_seconds: float = 60.0) -> None:
    """Wait until the sandbox has done what a request left running (a bound, not a timing check)."""
    deadline = time.monotonic() + limit_seconds
    while not condition():
        assert time.monotonic() < deadline, "the sandbox never finished the request"
        time.sleep(0.02)


def statuses_since(running: RunningSandbox, mark: int, api: str) -> list[int]:
    entries = read_request_log(running.store.root)[mark:]
    if api == "sheets":
        return [e["status"] for e in entries if e["route"].startswith("sheets.values.")]
    return [e["status"] for e in entries if e["api"] == api]


def prepare(clients: Clients, api: str) -> None:
    """Open what the read needs (the sheet) so the fault hits the read itself."""
    if api == "sheets":
        clients.spreadsheet()


# -- the fault matrix -----------------------------------------------------------------------------


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(
    ("kind", "rule", "faulted"),
    [
        ("429", {"retry_after": 0}, 429),
        ("5xx", {"status": 503}, 503),
        ("5xx", {"status": 500}, 500),
        ("drop", {}, 0),
    ],
    ids=["429", "503", "500", "drop"],
)
def test_a_transient_fault_is_retried_then_succeeds(
    api: str,
    kind: str,
    rule: dict[str, Any],
    faulted: int,
    make_clients: Any,
    clients_sandbox: RunningSandbox,
) -> None:
    clients, sleeps = make_clients()
    prepare(clients, api)
    fault(clients_sandbox, api, kind, count=2, **rule)
    mark = log_mark(clients_sandbox)
    assert read_once(clients, api)
    statuses = statuses_since(clients_sandbox, mark, api)
    assert statuses[-1] == 200 and statuses.count(faulted) == 2
    if kind == "drop" and api in ("docs", "drive"):
        assert 1 <= len(sleeps) <= 2  # httplib2 itself retries a dropped connection once, without waiting
    else:
        assert len(sleeps) == 2  # one wait per retry
    if kind == "429":
        assert sleeps == [0, 0]  # Retry-After: 0 honoured


@pytest.mark.parametrize("api", APIS)
def test_a_client_error_is_not_retried(api: str, make_clients: Any, clients_sandbox: RunningSandbox) -> None:
    clients, sleeps = make_clients()
    prepare(clients, api)
    mark = log_mark(clients_sandbox)
    if api == "vitally":
        assert read_missing(clients, api) is None
    elif api == "sheets":
        with pytest.raises(ServiceError) as info:
            read_missing(clients, api)
        assert info.value.status == 400 and info.value.service == "Sheets"
    else:
        with pytest.raises(NotFoundError):
            read_missing(clients, api)
    assert len(statuses_since(clients_sandbox, mark, api)) == 1 and sleeps == []


@pytest.mark.parametrize("api", APIS)
def test_exhausted_retries_end_in_a_service_error_naming_the_service(
    api: str, make_clients: Any, clients_sandbox: RunningSandbox
) -> None:
    clients, sleeps = make_clients()
    prepare(clients, api)
    fault(clients_sandbox, api, "5xx", count=0, status=503)
    mark = log_mark(clients_sandbox)
    with pytest.raises(ServiceError) as info:
        read_once(clients, api)
    err = info.value
    service = {"sheets": "Sheets", "docs": "Docs", "drive": "Drive", "vitally": "Vitally"}[api]
    assert err.service == service and err.exit_code == EXIT_SERVICE and err.status == 503
    assert err.message.startswith(f"{service}: 503 Service Unavailable")
    assert f"gave up after {MAX_ATTEMPTS} attempts" in err.message and err.fix
    assert statuses_since(clients_sandbox, mark, api) == [503] * MAX_ATTEMPTS
    assert len(sleeps) == MAX_ATTEMPTS - 1


@pytest.mark.parametrize("api", APIS)
def test_retry_after_is_honoured(api: str, make_clients: Any, clients_sandbox: RunningSandbox) -> None:
    clients, sleeps = make_clients()
    prepare(clients, api)
    fault(clients_sandbox, api, "429", count=1, retry_after=3)
    assert read_once(clients, api)
    assert sleeps == [3]


@pytest.mark.parametrize("api", ["sheets", "vitally"])
def test_the_total_time_bound_is_respected(
    api: str, make_clients: Any, clients_sandbox: RunningSandbox
) -> None:
    clients, sleeps = make_clients(max_attempts=20, total_seconds=5)
    prepare(clients, api)
    fault(clients_sandbox, api, "429", count=0, retry_after=2)
    mark = log_mark(clients_sandbox)
    with pytest.raises(ServiceError) as info:
        read_once(clients, api)
    assert info.value.status == 429
    assert sleeps == [2, 2] and sum(sleeps) <= 5  # a third wait would end at 6 s
    assert statuses_since(clients_sandbox, mark, api) == [429, 429, 429]


@pytest.mark.parametrize("api", APIS)
def test_timeouts_are_set_and_a_slow_answer_is_retried(
    api: str, make_clients: Any, clients_sandbox: RunningSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    clients, _ = make_clients(timeout_seconds=0.25)
    prepare(clients, api)
    mark = log_mark(clients_sandbox)
    fault(clients_sandbox, api, "latency", count=1, latency_ms=800)
    with caplog.at_level(logging.WARNING, logger="handoff.clients"):
        assert read_once(clients, api)
    # the server logs the slow attempt only when its 800 ms are over, after the client moved on:
    # wait for that line, or it lands in the next test's request log
    wait_for(lambda: len(statuses_since(clients_sandbox, mark, api)) >= 2)
    # gave up on the slow answer (the timeout, not the answer, ended the first attempt) and retried;
    # no wall-clock bound: a loaded machine must not fail it
    retried = [r.getMessage() for r in caplog.records if "retrying" in r.getMessage()]
    assert retried and all("timed out" in m.casefold() for m in retried), caplog.text


def test_a_nested_call_does_not_multiply_retries(make_clients: Any, clients_sandbox: RunningSandbox) -> None:
    clients, _ = make_clients()
    fault(clients_sandbox, "vitally", "5xx", count=0)
    mark = log_mark(clients_sandbox)
    with pytest.raises(ServiceError):
        clients.call("vitally", lambda: clients.vitally().get_account(ACME_ID))
    assert len(statuses_since(clients_sandbox, mark, "vitally")) == MAX_ATTEMPTS


# -- client-side rate limit -----------------------------------------------------------------------


def test_the_rate_limiter_spaces_requests_to_the_quota(
    clients_sandbox: RunningSandbox, tmp_path: Path
) -> None:
    clock = FakeClock()
    settings = settings_for(clients_sandbox.url, tmp_path, QuotaSettings(vitally=3, drive=2))
    mark = log_mark(clients_sandbox)
    with Clients(settings, sleep=clock.sleep, clock=clock) as clients:
        for _ in range(4):
            read_once(clients, "vitally")
        assert clock.sleeps == [pytest.approx(61)]  # the 4th waits for the first to leave the window
        for _ in range(3):
            read_once(clients, "drive")
        assert clock.sleeps[1:] == [pytest.approx(61)]
    assert 429 not in statuses_since(clients_sandbox, mark, "vitally")


# -- the factory ----------------------------------------------------------------------------------


def test_construction_does_no_io_and_the_sheet_is_opened_once(
    make_clients: Any, clients_sandbox: RunningSandbox
) -> None:
    clients, _ = make_clients()
    mark = log_mark(clients_sandbox)
    assert log_mark(clients_sandbox) == mark
    sh = clients.spreadsheet()
    assert clients.spreadsheet() is sh and sh.id == SHEET_ID
    opened = [
        e
        for e in read_request_log(clients_sandbox.store.root)[mark:]
        if e["route"] == "sheets.spreadsheets.get"
    ]
    assert len(opened) == 1


def test_a_missing_spreadsheet_is_an_input_error_naming_the_setting(
    clients_sandbox: RunningSandbox, tmp_path: Path
) -> None:
    settings = settings_for(clients_sandbox.url, tmp_path).model_copy(
        update={"sheet": SheetSettings(spreadsheet="1NoSuchSheet"), "source": "config/handoff.toml"}
    )
    with Clients(settings, sleep=Sleeps()) as clients, pytest.raises(InputError) as info:
        clients.spreadsheet()
    assert "spreadsheet 1NoSuchSheet was not found" in info.value.message
    assert "sheet.spreadsheet in config/handoff.toml" in info.value.message
    assert info.value.fix and "docs.google.com/spreadsheets/d/<id>" in info.value.fix


def test_threads_share_the_resources_and_no_two_requests_share_a_transport(make_clients: Any) -> None:
    clients, _ = make_clients()
    here = (clients.docs(), clients.drive())
    assert clients.docs() is here[0] and clients.drive() is here[1]
    assert clients.drive().files() is clients.drive().files()  # collections built once, not per call
    pool = clients.drive()._http
    assert read_once(clients, "drive")["id"] == FOLDER_ID and pool.size == 1
    barrier = threading.Barrier(4)
    lent: list[Any] = []
    original = pool._checkout

    def checkout() -> Any:
        http = original()
        lent.append(http)
        barrier.wait(timeout=10)  # all four requests hold a transport at the same time
        return http

    pool._checkout = checkout
    there: list[Any] = []
    workers = [threading.Thread(target=lambda: there.append(read_once(clients, "drive"))) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert [t["id"] for t in there] == [FOLDER_ID] * 4
    assert len({id(h) for h in lent}) == 4  # httplib2 is not thread safe: one transport per request
    pool._checkout = original
    assert read_once(clients, "drive")["id"] == FOLDER_ID and pool.size == 4  # reused, not remade


def test_sandbox_mode_never_sends_a_real_vitally_key(
    make_clients: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VITALLY_API_KEY", "sk_live_REAL-KEY")  # the sandbox would answer 401 to it
    clients, _ = make_clients()
    assert clients.vitally().get_account(ACME_ID) is not None


def test_an_in_process_sandbox_is_started_on_first_use_and_stopped_by_close(tmp_path: Path) -> None:
    settings = settings_for("", tmp_path).model_copy(
        update={"sandbox": SandboxSettings(state_dir=str(tmp_path / "state"), seed_dir=str(SEED))}
    )
    clients = open_clients(settings, sleep=Sleeps())
    assert clients.running_sandbox is None  # nothing started by the constructor
    try:
        url = clients.sandbox_url
        assert url and url.startswith("http://127.0.0.1:")
        assert clients.spreadsheet().id == SHEET_ID
        assert read_once(clients, "vitally")["id"] == ACME_ID
    finally:
        clients.close()
    assert clients.running_sandbox is None
    import httpx

    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/_sandbox/health", timeout=1)


def test_clients_without_a_sandbox_starter_refuse_the_sandbox_profile_with_a_fix(tmp_path: Path) -> None:
    """clients/ never imports the emulator: only the command layer can start one."""
    settings = settings_for("", tmp_path)
    with Clients(settings, sleep=Sleeps()) as clients, pytest.raises(ConfigError) as refused:
        _ = clients.sandbox_url
    assert "HANDOFF_SANDBOX_URL" in (refused.value.fix or "")


# -- auth check -----------------------------------------------------------------------------------


def run_auth_check(settings: Settings) -> tuple[int, str]:
    from rich.console import Console

    out = io.StringIO()
    code = auth_check(settings, Console(file=out, width=200, color_system=None, soft_wrap=True))
    return code, out.getvalue()


def test_auth_check_passes_against_the_sandbox(clients_sandbox: RunningSandbox, tmp_path: Path) -> None:
    code, out = run_auth_check(settings_for(clients_sandbox.url, tmp_path))
    lines = out.splitlines()
    assert code == 0, out
    assert lines[0].startswith("OK") and "sandbox: sandbox (anonymous) at http://127.0.0.1:" in lines[0]
    assert lines[0].endswith("; Google sees handoff-bot@sandbox.local")
    assert all(line.startswith("OK") for line in lines), out
    assert "Sourcegraph implementations — tracking" in out
    assert "(linked in Accounts!F2)" in out
    assert "Handoff docs" in out and "account trait definitions" in out


def test_auth_check_fails_with_a_fix_when_a_service_is_down(
    clients_sandbox: RunningSandbox, tmp_path: Path
) -> None:
    fault(clients_sandbox, "vitally", "5xx", count=0)
    settings = settings_for(clients_sandbox.url, tmp_path, max_attempts=2)
    settings = settings.model_copy(update={"docs": DocsSettings(folder_id="1NoSuchFolder0000")})
    code, out = run_auth_check(settings)
    assert code == 1
    assert (
        "FAIL  Drive: output folder    configuration: folder 1NoSuchFolder0000 (docs.folder_id) was not found"
        in out
    )
    assert (
        "FAIL  Vitally: API key        service down or unreachable: Vitally: 503 Service Unavailable" in out
    )
    assert out.count("fix:") == 2


def test_auth_check_without_google_credentials_says_how_to_get_them(
    clients_sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handoff.core.settings import GoogleSettings, VitallySettings
    from handoff.sandbox.vitally_api import SANDBOX_API_KEY

    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "absent.json"))
    monkeypatch.setenv("HANDOFF_TEST_VITALLY_KEY", SANDBOX_API_KEY)
    settings = settings_for("", tmp_path).model_copy(
        update={
            "sandbox": SandboxSettings(enabled=False),
            "google": GoogleSettings(credentials="adc"),
            # production Vitally settings, aimed at the sandbox's Vitally routes
            "vitally": VitallySettings(
                base_url=clients_sandbox.url + "/resources/", api_key_env="HANDOFF_TEST_VITALLY_KEY"
            ),
        }
    )
    code, out = run_auth_check(settings)
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith(
        "FAIL  Google credentials      no Google Application Default Credentials found"
    )
    assert "fix: run `gcloud auth application-default login --scopes=" in lines[1]
    assert out.count("not checked: no usable Google credentials") == 3
    assert lines[-1].startswith("OK    Vitally: API key") and SANDBOX_API_KEY not in out


def test_auth_check_fails_fast_one_attempt_per_check(clients_sandbox: RunningSandbox, tmp_path: Path) -> None:
    """An endpoint that keeps failing costs one request, not the run's retry storm."""
    fault(clients_sandbox, "vitally", "5xx", count=0)
    mark = log_mark(clients_sandbox)
    code, out = run_auth_check(
        settings_for(clients_sandbox.url, tmp_path, max_attempts=6, max_wait_seconds=5)
    )
    assert code == 1
    vitally = [e for e in read_request_log(clients_sandbox.store.root)[mark:] if e["api"] == "vitally"]
    assert len(vitally) == 1, vitally
    assert "(gave up after" not in out


def test_auth_check_reads_only_the_header_row_and_the_tdd_column(
    clients_sandbox: RunningSandbox, tmp_path: Path
) -> None:
    mark = log_mark(clients_sandbox)
    code, out = run_auth_check(settings_for(clients_sandbox.url, tmp_path))
    assert code == 0, out
    reads = [e["path"] for e in read_request_log(clients_sandbox.store.root)[mark:] if "/values" in e["path"]]
    assert [unquote(p).rsplit("/", 1)[-1] for p in reads] == ["'Accounts'!1:1", "values:batchGet"], reads
    assert "Accounts header:" in out


def test_auth_check_says_the_tdd_was_not_checked_when_the_sheet_failed(
    clients_sandbox: RunningSandbox, tmp_path: Path
) -> None:
    fault(clients_sandbox, "sheets", "5xx", count=0)
    code, out = run_auth_check(settings_for(clients_sandbox.url, tmp_path))
    assert code == 1
    assert "FAIL  Sheets: tracking sheet  service down or unreachable: Sheets:" in out
    assert (
        "FAIL  Docs: TDD               not checked: the tracking sheet, which links the TDDs, failed" in out
    )
    assert "OK    Drive: output folder" in out


def test_auth_check_flags_the_example_placeholders(clients_sandbox: RunningSandbox, tmp_path: Path) -> None:
    from handoff.core.settings import VitallySettings

    settings = settings_for(clients_sandbox.url, tmp_path).model_copy(
        update={
            "docs": DocsSettings(folder_id="YOUR_DRIVE_FOLDER_ID"),
            "vitally": VitallySettings(subdomain="yourcompany"),
        }
    )
    code, out = run_auth_check(settings)
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("FAIL  configuration") and "docs.folder_id, vitally.subdomain" in first
    assert "placeholder" in first


class _Credentials:
    def __init__(self, error: BaseException | None) -> None:
        self.error = error
        self.refreshed = 0

    def refresh(self, request: object) -> None:
        self.refreshed += 1
        if self.error is not None:
            raise self.error


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (None, None),
        ("refresh", "configuration: Google refused them when asked for a token"),
        ("transport", "service down or unreachable: Google's token endpoint did not answer"),
    ],
)
def test_auth_check_obtains_a_real_token_and_names_the_cause(error: str | None, kind: str | None) -> None:
    from google.auth import exceptions

    from handoff.clients.auth_check import obtain_token

    raised = {
        None: None,
        "refresh": exceptions.RefreshError(
            "invalid_grant: Invalid JWT Signature.", {"error": "invalid_grant"}
        ),
        "transport": exceptions.TransportError("Connection refused"),
    }[error]
    creds = _Credentials(raised)
    check = obtain_token(creds, token_request=object())
    assert creds.refreshed == 1
    if kind is None:
        assert check is None
    else:
        assert check is not None and not check.ok and check.detail.startswith(kind) and check.fix


def test_a_sandbox_url_that_does_not_answer_is_one_line_after_one_try(tmp_path: Path) -> None:
    """A stopped sandbox behind HANDOFF_SANDBOX_URL: exit 2 at once, one line and its fix."""
    import socket

    from workspace import run_cli

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
    started = time.monotonic()
    code, out, err = run_cli("check", "acme", env={"HANDOFF_SANDBOX_URL": url})
    took = time.monotonic() - started
    assert code == 2, (out, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[0] == f"error: the sandbox at {url} isn't answering", err
    assert "start it with `make sandbox` or unset HANDOFF_SANDBOX_URL" in lines[1]
    assert len(lines) == 2 and "Traceback" not in err and "urllib3" not in err
    assert took < 10  # one try with a short timeout, not the retry policy
