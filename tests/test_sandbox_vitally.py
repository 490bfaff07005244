"""The sandbox's Vitally REST, driven by the real httpx client, with the shapes Vitally documents."""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from handoff.sandbox import vitally_api
from handoff.sandbox.server import RunningSandbox
from handoff.sandbox.vitally_api import SANDBOX_API_KEY, SlidingWindow

ACME = "7c0b1c1e-9a55-4b8e-8a8e-000000000001"
GLOBEX = "7c0b1c1e-9a55-4b8e-8a8e-000000000002"
TA = "a0000000-0000-4000-8000-000000000001"
ISO_MS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
ACCOUNT_KEYS = {
    "id",
    "createdAt",
    "updatedAt",
    "externalId",
    "name",
    "traits",
    "organizationId",
    "accountOwnerId",
    "mrr",
    "nextRenewalDate",
    "churnedAt",
    "trialEndDate",
    "firstSeenTimestamp",
    "lastSeenTimestamp",
    "lastInboundMessageTimestamp",
    "lastOutboundMessageTimestamp",
    "usersCount",
    "npsDetractorCount",
    "npsPassiveCount",
    "npsPromoterCount",
    "npsScore",
    "healthScore",
    "csmId",
    "accountExecutiveId",
    "keyRoles",
    "segments",
}
NOTE = {"accountId": ACME, "note": "<p>Handed off to the TA.</p>", "noteDate": "2026-03-02T10:00:00.000Z"}


def is_uuid4(text: str) -> bool:
    return uuid.UUID(text).version == 4


def walk(client: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every result of a paginated list, following `next`."""
    results: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = client.get(path, params={**params, **({"from": cursor} if cursor else {})}).json()
        assert set(page) == {"results", "next"}
        results += page["results"]
        cursor = page["next"]
        if cursor is None:
            return results


# -- auth and rate limit -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "auth", [None, httpx.BasicAuth("sk_live_wrong", ""), httpx.BasicAuth(SANDBOX_API_KEY, "x")]
)
def test_anything_but_the_key_with_an_empty_password_is_unauthorized(
    sandbox: RunningSandbox, auth: Any
) -> None:
    response = httpx.get(sandbox.url + "/resources/accounts", auth=auth)
    assert response.status_code == 401
    assert response.json()["error"] == "Unauthorized"
    assert response.headers["RateLimit-Limit"] == "1000, 1000;window=60"


def test_every_response_carries_rate_limit_headers(vitally: httpx.Client) -> None:
    first = vitally.get("/accounts")
    second = vitally.get("/accounts/nope")
    assert second.status_code == 404
    for response in (first, second):
        assert response.headers["RateLimit-Limit"] == "1000, 1000;window=60"
        assert 0 < int(response.headers["RateLimit-Reset"]) <= 60
    assert int(first.headers["RateLimit-Remaining"]) - 1 == int(second.headers["RateLimit-Remaining"])


def test_over_the_limit_is_429_with_headers(
    sandbox: RunningSandbox, vitally: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = SlidingWindow(limit=2)
    monkeypatch.setattr(vitally_api, "limiter", lambda store: small)
    assert [vitally.get("/admins").status_code for _ in range(3)] == [200, 200, 429]
    over = vitally.get("/admins")
    assert over.json()["error"] == "Too Many Requests"
    assert over.headers["RateLimit-Remaining"] == "0"
    assert over.headers["RateLimit-Limit"] == "2, 2;window=60"
    assert 0 < int(over.headers["RateLimit-Reset"]) <= 60


def test_sliding_window_frees_slots_as_they_age() -> None:
    now = [1000.0]
    window = SlidingWindow(limit=2, window_s=60, clock=lambda: now[0])
    assert window.hit("k")[0] and window.hit("k")[0]
    allowed, headers = window.hit("k")
    assert not allowed and headers["RateLimit-Reset"] == "60"
    now[0] += 30
    assert window.hit("k")[1]["RateLimit-Reset"] == "30"
    now[0] += 30.5  # the first two hits have left the window
    allowed, headers = window.hit("k")
    assert allowed and headers["RateLimit-Remaining"] == "1"  # refused hits are not counted
    assert window.hit("other")[1]["RateLimit-Remaining"] == "1"  # per key


# -- accounts ----------------------------------------------------------------------------------


def test_account_shape(vitally: httpx.Client) -> None:
    account = vitally.get(f"/accounts/{ACME}").json()
    assert set(account) == ACCOUNT_KEYS
    assert account["traits"] == {"vitally.custom.deploymentType": "kubernetes", "vitally.custom.totalCpu": 16}
    assert ISO_MS.fullmatch(account["createdAt"]) and ISO_MS.fullmatch(account["updatedAt"])


def test_get_by_url_encoded_external_id(vitally: httpx.Client) -> None:
    assert vitally.get("/accounts/acme-ext").json()["id"] == ACME
    assert vitally.get("/accounts/" + quote("globex/prod eu", safe="")).json()["id"] == GLOBEX
    missing = vitally.get("/accounts/" + quote("no/such", safe=""))
    assert missing.status_code == 404 and missing.json()["error"] == "Not Found"


def test_list_accounts_pages_and_status(vitally: httpx.Client) -> None:
    first = vitally.get("/accounts", params={"limit": 1}).json()
    assert len(first["results"]) == 1 and isinstance(first["next"], str)
    active = walk(vitally, "/accounts", limit=1)
    assert [a["name"] for a in active] == ["Acme Corp", "Globex, Inc."]  # updatedAt, newest first
    everyone = walk(vitally, "/accounts", status="activeOrChurned", sortBy="createdAt", limit=2)
    assert [a["name"] for a in everyone] == ["Initech", "Globex, Inc.", "Acme Corp"]
    assert [a["name"] for a in walk(vitally, "/accounts", status="churned")] == ["Initech"]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 101},
        {"limit": 0},
        {"limit": "x"},
        {"sortBy": "name"},
        {"status": "gone"},
        {"from": "not-a-cursor"},
    ],
)
def test_list_rejects_bad_parameters(vitally: httpx.Client, params: dict[str, Any]) -> None:
    response = vitally.get("/accounts", params=params)
    assert response.status_code == 400 and response.json()["error"] == "Bad Request"


def test_put_merges_traits_and_null_deletes(vitally: httpx.Client) -> None:
    before = vitally.get(f"/accounts/{ACME}").json()
    body = {
        "traits": {
            "vitally.custom.totalCpu": 32,
            "vitally.custom.deploymentType": None,
            "vitally.custom.codeHosts": ["GitHub", "GitLab"],
        },
        "name": "Acme Corporation",
    }
    after = vitally.put("/accounts/acme-ext", json=body).json()
    assert after["traits"] == {
        "vitally.custom.totalCpu": 32,
        "vitally.custom.codeHosts": ["GitHub", "GitLab"],
    }
    assert after["name"] == "Acme Corporation" and after["id"] == ACME
    assert after["updatedAt"] > before["updatedAt"] and after["createdAt"] == before["createdAt"]
    assert vitally.get(f"/accounts/{ACME}").json() == after


@pytest.mark.parametrize("body", [{"traits": ["x"]}, {"accountOwnerId": "someone"}, {"name": ""}])
def test_put_rejects(vitally: httpx.Client, body: dict[str, Any]) -> None:
    assert vitally.put(f"/accounts/{ACME}", json=body).status_code == 400


def test_put_unknown_account_is_404(vitally: httpx.Client) -> None:
    assert vitally.put("/accounts/nope", json={"traits": {}}).status_code == 404


# -- notes -------------------------------------------------------------------------------------


def test_create_note_shape(vitally: httpx.Client) -> None:
    note = vitally.post(
        "/notes", json={**NOTE, "subject": "Handoff", "authorId": TA, "tags": ["handoff"]}
    ).json()
    assert is_uuid4(note["id"]) and ISO_MS.fullmatch(note["createdAt"])
    assert {k: note[k] for k in ("accountId", "note", "noteDate", "subject", "authorId", "tags")} == {
        **NOTE,
        "subject": "Handoff",
        "authorId": TA,
        "tags": ["handoff"],
    }
    assert note["externalId"] is None and note["traits"] == {} and note["archivedAt"] is None
    assert vitally.get(f"/notes/{note['id']}").json() == note


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"accountId": "acme-ext"}, "that is an externalId"),
        ({"accountId": "nope"}, "accountId must be a Vitally account id"),
        ({"note": None}, "note is required"),
        ({"noteDate": None}, "noteDate is required"),
        ({"noteDate": "yesterday"}, "noteDate must be an ISO 8601"),
        ({"authorId": "ta@sandbox.local"}, "authorId must be a Vitally admin id"),
        ({"tags": "handoff"}, "tags must be an array"),
    ],
)
def test_create_note_rejects(vitally: httpx.Client, change: dict[str, Any], message: str) -> None:
    response = vitally.post("/notes", json={**NOTE, **change})
    assert response.status_code == 400 and message in response.json()["message"]


def test_note_with_a_known_external_id_is_upserted(vitally: httpx.Client) -> None:
    first = vitally.post("/notes", json={**NOTE, "externalId": "handoff:acme", "traits": {"a": 1}}).json()
    second = vitally.post(
        "/notes", json={**NOTE, "externalId": "handoff:acme", "note": "<p>v2</p>", "traits": {"b": 2}}
    ).json()
    assert second["id"] == first["id"] and second["createdAt"] == first["createdAt"]
    assert second["note"] == "<p>v2</p>" and second["traits"] == {"a": 1, "b": 2}
    listed = walk(vitally, f"/accounts/{ACME}/notes")
    assert [n["id"] for n in listed] == [first["id"]]
    assert vitally.get("/notes/handoff:acme", params={"source": "api"}).json()["id"] == first["id"]
    assert vitally.get("/notes/handoff:acme").status_code == 404  # externalId lookups need ?source=


def test_update_note_replaces_tags_and_merges_traits(vitally: httpx.Client) -> None:
    note = vitally.post("/notes", json={**NOTE, "tags": ["a", "b"], "traits": {"x": 1, "y": 2}}).json()
    updated = vitally.put(f"/notes/{note['id']}", json={"tags": ["c"], "traits": {"y": None, "z": 3}}).json()
    assert updated["tags"] == ["c"] and updated["traits"] == {"x": 1, "z": 3}
    assert vitally.put("/notes/nope", json={}).status_code == 404
    assert len(walk(vitally, "/notes")) == 1


# -- tasks -------------------------------------------------------------------------------------


def test_tasks_create_upsert_update_and_list(vitally: httpx.Client) -> None:
    body = {
        "name": "Review handoff",
        "accountId": ACME,
        "assignedToId": TA,
        "dueDate": "2026-03-09",
        "externalId": "handoff-task:acme",
        "description": "<p>Read the doc</p>",
    }
    task = vitally.post("/tasks", json=body).json()
    assert is_uuid4(task["id"]) and task["assignedToId"] == TA and task["completedAt"] is None
    again = vitally.post("/tasks", json={**body, "dueDate": "2026-03-10"}).json()
    assert again["id"] == task["id"] and again["dueDate"] == "2026-03-10"
    done = vitally.put(
        f"/tasks/{task['id']}", json={"completedAt": "2026-03-05T09:00:00.000Z", "completedById": TA}
    ).json()
    assert done["completedById"] == TA and done["name"] == "Review handoff"
    assert vitally.get(f"/tasks/{task['id']}").json() == done
    assert [t["id"] for t in walk(vitally, "/accounts/acme-ext/tasks")] == [task["id"]]
    assert walk(vitally, f"/accounts/{GLOBEX}/tasks") == []


@pytest.mark.parametrize(
    "body",
    [
        {"accountId": ACME},
        {"name": "x", "accountId": "acme-ext"},
        {"name": "x", "accountId": ACME, "assignedToId": "nobody"},
        {"name": "x", "accountId": ACME, "dueDate": "soon"},
    ],
)
def test_create_task_rejects(vitally: httpx.Client, body: dict[str, Any]) -> None:
    assert vitally.post("/tasks", json=body).status_code == 400


# -- admins and custom fields ------------------------------------------------------------------


def test_admin_search_answers_one_object_or_404(vitally: httpx.Client) -> None:
    admin = vitally.get("/admins/search", params={"email": "TA@sandbox.local"}).json()
    assert admin == {"id": TA, "name": "Tara Advisor", "email": "ta@sandbox.local", "licenseStatus": "active"}
    missing = vitally.get("/admins/search", params={"email": "who@sandbox.local"})
    assert missing.status_code == 404 and missing.json()["error"] == "Not Found"
    assert vitally.get("/admins/search").status_code == 400


def test_admins_list_is_paginated(vitally: httpx.Client) -> None:
    admins = walk(vitally, "/admins", limit=1)
    assert sorted(a["email"] for a in admins) == ["ie@sandbox.local", "ta@sandbox.local"]


def test_custom_fields_are_a_bare_array_sorted_by_label(vitally: httpx.Client) -> None:
    fields = vitally.get("/customFields", params={"model": "accounts"}).json()
    assert [f["label"] for f in fields] == ["Deployment type", "Total CPU"]
    assert set(fields[0]) == {"id", "createdAt", "label", "path", "type"}
    assert vitally.get("/customFields", params={"model": "users"}).json() == []
    assert vitally.get("/customFields").status_code == 400


def test_rate_limit_reset_never_exceeds_the_window_whatever_the_clock() -> None:
    """A hit made just now resets in exactly the window: float rounding must not make it 61."""
    for start in (4.430000000000001, 5.930000000000001, 1234.56, 1e6 + 0.3):  # the first two rounded up

        def clock(start: float = start) -> float:
            return start

        _, headers = SlidingWindow(limit=5, window_s=60, clock=clock).hit("k")
        assert headers["RateLimit-Reset"] == "60", (start, headers)
