"""VitallyClient against the sandbox: accounts, traits, notes, tasks, admins, custom fields, errors.

Everything goes through `Clients` (so through the rate limiter and the retry policy) to the
sandbox's Vitally routes over real HTTP.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from handoff.clients import Clients
from handoff.clients.vitally import VitallyClient, iso_datetime
from handoff.core.errors import ServiceError
from handoff.core.settings import RetrySettings, SandboxSettings, Settings, SheetSettings
from handoff.sandbox.faults import FaultPlan
from handoff.sandbox.request_log import read_request_log
from handoff.sandbox.server import RunningSandbox, start
from handoff.sandbox.vitally_api import SANDBOX_API_KEY
from workspace import SEED

ACME_EXTERNAL = "0015e00000Kq7TbAAJ"
ACME_ID = "72488b81-0dfa-4e39-8727-d4dad921bf95"


@pytest.fixture(scope="module")
def clients_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    """An in-process sandbox on the full sample seed (conftest's `sandbox` has only the minimal one)."""
    running = start(tmp_path_factory.mktemp("vitally-sandbox"), SEED, faults=FaultPlan())
    yield running
    running.stop()


@pytest.fixture
def vitally_client(clients_sandbox: RunningSandbox, tmp_path: Path) -> Iterator[VitallyClient]:
    settings = Settings(
        sheet=SheetSettings(spreadsheet="1HndffSandboxTrackingSheet0000000000000000"),
        sandbox=SandboxSettings(url=clients_sandbox.url),
        retry=RetrySettings(max_attempts=3, max_wait_seconds=0.01, total_seconds=5, timeout_seconds=5),
        root=str(tmp_path),
    )
    with Clients(settings, sleep=lambda s: None) as clients:
        yield clients.vitally()
    clients_sandbox.faults.clear()


def requests_to(running: RunningSandbox, route: str) -> list[dict[str, Any]]:
    return [e for e in read_request_log(running.store.root) if e.get("route") == route]


def test_get_account_by_external_id_or_vitally_id(vitally_client: VitallyClient) -> None:
    by_external = vitally_client.get_account(ACME_EXTERNAL)
    assert by_external is not None and by_external["id"] == ACME_ID and by_external["name"] == "Acme Corp"
    by_id = vitally_client.get_account(ACME_ID)
    assert by_id is not None and by_id["externalId"] == ACME_EXTERNAL


def test_a_missing_account_is_none_and_odd_ids_are_encoded(
    vitally_client: VitallyClient, clients_sandbox: RunningSandbox
) -> None:
    before = len(requests_to(clients_sandbox, "vitally.accounts.get"))
    assert vitally_client.get_account("no such/account ?#+") is None
    log = requests_to(clients_sandbox, "vitally.accounts.get")[before:]
    assert [e["status"] for e in log] == [404]  # one request: a 404 is never retried
    assert log[0]["path"] == "/resources/accounts/no such/account ?#+"  # one segment, decoded by the server


def test_update_traits_is_one_put_with_only_the_given_traits(
    vitally_client: VitallyClient, clients_sandbox: RunningSandbox
) -> None:
    before = len(requests_to(clients_sandbox, "vitally.accounts.update"))
    original = vitally_client.get_account(ACME_ID)
    assert original is not None
    updated = vitally_client.update_traits(
        ACME_ID, {"vitally.custom.deploymentType": "Kubernetes", "x.count": 3}
    )
    assert len(requests_to(clients_sandbox, "vitally.accounts.update")) == before + 1
    assert updated["traits"]["vitally.custom.deploymentType"] == "Kubernetes"
    assert updated["traits"]["x.count"] == 3
    for key, value in original["traits"].items():  # Vitally merges: the others are untouched
        if key not in ("vitally.custom.deploymentType", "x.count"):
            assert updated["traits"][key] == value
    assert "x.count" not in vitally_client.update_traits(ACME_ID, {"x.count": None})["traits"]


def test_notes_create_get_update_list(vitally_client: VitallyClient) -> None:
    note = vitally_client.create_note(
        ACME_ID,
        "<p>Handed off to <b>Dana</b></p>",
        date(2026, 11, 20),
        "Implementation handoff",
        "handoff:acme:note:test",
    )
    assert note["accountId"] == ACME_ID and note["noteDate"] == "2026-11-20T00:00:00.000Z"
    assert vitally_client.get_note(note["id"])["subject"] == "Implementation handoff"  # type: ignore[index]
    again = vitally_client.update_note(note["id"], subject="Handoff (updated)")
    assert again["subject"] == "Handoff (updated)" and again["note"] == "<p>Handed off to <b>Dana</b></p>"
    ids = [n["id"] for n in vitally_client.list_account_notes(ACME_ID)]
    assert ids.count(note["id"]) == 1
    assert vitally_client.get_note("00000000-0000-0000-0000-000000000000") is None


def test_tasks_create_get_list_with_an_admin_found_by_email(
    vitally_client: VitallyClient, clients_sandbox: RunningSandbox
) -> None:
    before = len(requests_to(clients_sandbox, "vitally.admins.search"))
    admin = vitally_client.find_admin_by_email("Dana.Whitfield@sourcegraph.com ")
    assert admin is not None and admin["name"] == "Dana Whitfield"
    assert vitally_client.find_admin_by_email("dana.whitfield@sourcegraph.com") is admin  # cached
    assert vitally_client.find_admin_by_email("nobody@example.com") is None
    assert vitally_client.find_admin_by_email("nobody@example.com") is None
    assert len(requests_to(clients_sandbox, "vitally.admins.search")) == before + 2

    task = vitally_client.create_task(
        ACME_ID,
        "Review the handoff",
        "<p>Read the doc</p>",
        admin["id"],
        date(2026, 11, 27),
        "handoff:acme:task:t",
    )
    assert task["assignedToId"] == admin["id"] and task["dueDate"].startswith("2026-11-27")
    assert vitally_client.get_task(task["id"])["name"] == "Review the handoff"  # type: ignore[index]
    assert task["id"] in [t["id"] for t in vitally_client.list_account_tasks(ACME_ID)]
    assert vitally_client.update_task(task["id"], name="Review it")["name"] == "Review it"


def test_lists_follow_the_next_cursor(vitally_client: VitallyClient, clients_sandbox: RunningSandbox) -> None:
    template = vitally_client.create_note(
        ACME_ID, "<p>0</p>", "2026-11-01T00:00:00.000Z", "n0", "handoff:page:0"
    )
    store = clients_sandbox.store
    with store.transaction():  # 104 more straight into the store: creating them over HTTP is slow
        for i in range(1, 105):
            store.put(
                "vitally_notes", f"page-{i}", {**template, "id": f"page-{i}", "externalId": f"page:{i}"}
            )
    before = len(requests_to(clients_sandbox, "vitally.accounts.notes"))
    notes = vitally_client.list_account_notes(ACME_ID)
    assert len({n["id"] for n in notes}) == len(notes) >= 105
    assert len(requests_to(clients_sandbox, "vitally.accounts.notes")) == before + 2  # two pages of 100


def test_custom_fields(vitally_client: VitallyClient) -> None:
    fields = vitally_client.list_custom_fields("accounts")
    assert fields and all("path" in f for f in fields)


def test_a_bad_request_is_reported_with_vitallys_message_and_not_retried(
    vitally_client: VitallyClient, clients_sandbox: RunningSandbox
) -> None:
    before = len(requests_to(clients_sandbox, "vitally.notes.create"))
    with pytest.raises(ServiceError) as info:
        vitally_client.create_note(
            ACME_EXTERNAL, "<p>x</p>", "2026-11-01", "s", "handoff:bad"
        )  # externalId: 400
    assert info.value.status == 400 and info.value.service == "Vitally"
    assert info.value.message.startswith("Vitally: 400 Bad Request: accountId must be a Vitally account id")
    assert len(requests_to(clients_sandbox, "vitally.notes.create")) == before + 1


def test_a_wrong_key_never_shows_up_in_errors_or_reprs(clients_sandbox: RunningSandbox) -> None:
    wrong = "sk_live_THIS-IS-A-SECRET-KEY"
    with VitallyClient(clients_sandbox.url + "/resources", wrong, timeout=5) as client:
        with pytest.raises(ServiceError) as info:
            client.get_account(ACME_ID)
        err = info.value
        assert err.status == 401 and err.fix and "vitally.api_key_env" in err.fix
        for text in (str(err), repr(err), err.message, err.fix, repr(client), json.dumps(err.args)):
            assert wrong not in text
            assert SANDBOX_API_KEY not in text


def test_a_key_echoed_by_the_server_is_blanked(clients_sandbox: RunningSandbox) -> None:
    import httpx

    secret = "sk_live_ECHOED-SECRET"

    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"message": f"bad key {secret}"})

    client = VitallyClient("https://x.rest.vitally.io/resources", secret, transport=httpx.MockTransport(echo))
    with client, pytest.raises(ServiceError) as info:
        client.get_account("a")
    assert secret not in str(info.value) and "bad key ***" in str(info.value)


def test_iso_datetime_forms() -> None:
    assert iso_datetime(date(2026, 3, 2)) == "2026-03-02T00:00:00.000Z"
    assert iso_datetime(datetime(2026, 3, 2, 10, 5, 7, 123456, tzinfo=UTC)) == "2026-03-02T10:05:07.123Z"
    assert iso_datetime(datetime(2026, 3, 2, 10, 5, 7)) == "2026-03-02T10:05:07.000Z"
    assert iso_datetime("2026-03-02T10:05:07.000Z") == "2026-03-02T10:05:07.000Z"


def test_a_low_remaining_budget_pauses_the_vitally_limiter() -> None:
    import httpx

    from handoff.clients.ratelimit import RateLimits
    from handoff.core.settings import QuotaSettings

    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    limits = RateLimits(QuotaSettings(), clock=lambda: now[0], sleep=sleep)
    headers = {"RateLimit-Limit": "1000, 1000;window=60", "RateLimit-Remaining": "4", "RateLimit-Reset": "9"}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"id": "a"}, headers=headers))
    with VitallyClient(
        "https://x.rest.vitally.io/resources", "k", transport=transport, observe=limits.observe_vitally
    ) as c:
        assert c.get_account("a") == {"id": "a"}
    assert limits.acquire("vitally") == 9 and waits == [9]
