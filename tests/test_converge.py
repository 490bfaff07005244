"""Create once and converge (apply/converge.py) at its function boundary.

`create_once` against the sandbox: a create whose answer is lost is found, not made twice; a
create the service refuses as a duplicate takes the existing object. `settle_doc` and
`settle_note` against the sandbox with real duplicates (two docs with one tag; notes made
while the sandbox creates a second object per externalId). The pure rules (`winner`,
`tagged`, `settle_vitally` when the listing lags behind the create) with small listings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from handoff.apply import converge
from handoff.clients import Clients
from handoff.clients import drive_docs as docs_writer
from handoff.clients.vitally import VitallyClient
from handoff.core.errors import HandoffError
from handoff.sandbox.faults import FaultRule
from handoff.sandbox.vitally_api import EXTERNAL_IDS_ENV
from workspace import SEED, Workspace

ACME = "0015e00000Kq7TbAAJ"  # acme's Vitally externalId
EXT = "handoff-note:acme"


class Live(Workspace):
    """The sample workspace with one `Clients` open."""

    clients: Clients

    def new_doc(self, title: str = "Acme handoff") -> docs_writer.RemoteDoc:
        return docs_writer.create_doc(
            self.clients,
            title=title,
            html=f"<p>{title}</p>",
            account="acme",
            kind="handoff",
            folder_id=self.settings.docs.folder_id,
        )

    def vitally_client(self) -> VitallyClient:
        return self.clients.vitally()

    def account_id(self) -> str:
        return str(self.account(ACME)["id"])

    def new_note(self, subject: str = "handoff") -> dict[str, Any]:
        return self.vitally_client().create_note(self.account_id(), "<p>n</p>", "2026-11-27", subject, EXT)

    def creates(self, mark: int, route: str) -> int:
        return sum(1 for e in self.writes_after(mark) if e["route"] == route)


@pytest.fixture
def live(tmp_path: Path, pinned: None) -> Iterator[Live]:
    with (
        Live.start(SEED, tmp_path, overrides={"retry.max_wait_seconds": 0.01}) as ws,
        Clients(ws.settings) as c,
    ):
        ws.clients = c
        yield ws


# -- create once ---------------------------------------------------------------------------------


def create_doc(live: Live) -> converge.Created[docs_writer.RemoteDoc]:
    return converge.create_doc(
        live.clients,
        title="Acme handoff",
        html="<p>x</p>",
        account="acme",
        kind="handoff",
        folder_id=live.settings.docs.folder_id,
    )


def test_a_create_looks_nothing_up_first(live: Live) -> None:
    mark = live.mark()
    created = create_doc(live)
    assert created.how == "created"
    # the id reserved first (no lookup), then the create carrying it
    assert [e["route"] for e in live.log()[mark:]] == ["drive.files.generateIds", "drive.files.create.upload"]


def test_a_create_whose_answer_was_lost_is_found_on_the_retry(live: Live) -> None:
    live.sandbox.faults.add([FaultRule(kind="drop_after", route="drive.files.create.upload", count=1)])
    mark = live.mark()
    created = create_doc(live)
    assert created.how == "recovered"
    assert live.creates(mark, "drive.files.create.upload") == 1  # the service's one create, not two
    assert [d["id"] for d in live.handoff_docs("acme")] == [created.item.id]


def test_a_create_refused_as_a_duplicate_takes_the_existing_object(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = live.new_note("theirs")
    monkeypatch.setenv(EXTERNAL_IDS_ENV, "reject")  # the service answers 409 to a taken externalId
    vitally, account_id = live.vitally_client(), live.account_id()
    created = converge.create_vitally(
        live.clients,
        lambda: vitally.create_note(account_id, "<p>ours</p>", "2026-11-27", "ours", EXT),
        lambda: vitally.list_account_notes(account_id),
        EXT,
    )
    assert (created.how, created.item["id"]) == ("existing", theirs["id"])
    assert [n["id"] for n in live.notes(ACME)] == [theirs["id"]]


def test_a_refusal_with_nothing_to_take_is_an_error(live: Live, monkeypatch: pytest.MonkeyPatch) -> None:
    live.new_note()
    monkeypatch.setenv(EXTERNAL_IDS_ENV, "reject")
    vitally, account_id = live.vitally_client(), live.account_id()
    with pytest.raises(HandoffError):
        converge.create_vitally(
            live.clients,
            lambda: vitally.create_note(account_id, "<p>ours</p>", "2026-11-27", "ours", EXT),
            lambda: [],  # the listing does not show it (yet): nothing to take, so no silent success
            EXT,
        )


# -- settle: the oldest wins ---------------------------------------------------------------------


def test_the_older_doc_wins_and_the_younger_is_trashed(live: Live) -> None:
    first, second = live.new_doc("first"), live.new_doc("second")
    oldest, younger = sorted([first, second], key=docs_writer.age)

    settled = converge.settle_doc(live.clients, younger, "acme", "handoff")
    assert settled == converge.Settled(oldest.id, (younger.id,), lost=True)
    assert [d["id"] for d in live.handoff_docs("acme")] == [oldest.id]

    again = converge.settle_doc(live.clients, oldest, "acme", "handoff")  # the winner's own check
    assert again == converge.Settled(oldest.id, (), lost=False)


def test_the_winner_removes_the_younger_duplicates(live: Live) -> None:
    docs = sorted([live.new_doc(f"copy {i}") for i in range(3)], key=docs_writer.age)
    settled = converge.settle_doc(live.clients, docs[0], "acme", "handoff")
    assert (settled.kept, set(settled.removed), settled.lost) == (docs[0].id, {docs[1].id, docs[2].id}, False)
    assert [d["id"] for d in live.handoff_docs("acme")] == [docs[0].id]


def test_duplicate_notes_converge_on_the_oldest(live: Live, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EXTERNAL_IDS_ENV, "duplicate")  # two runs' creates both succeed
    a, b = live.new_note("a"), live.new_note("b")
    oldest, younger = sorted([a, b], key=converge.vitally_age)
    settled = converge.settle_note(live.vitally_client(), live.account_id(), younger, EXT)
    assert settled == converge.Settled(str(oldest["id"]), (str(younger["id"]),), lost=True)
    live_notes = [n for n in live.notes(ACME) if not n.get("archivedAt")]
    assert [n["id"] for n in live_notes] == [oldest["id"]]


# -- the rules, with small listings (a lagging listing cannot be staged in the sandbox) -------------


def item(id_: str, created: str, external_id: str = EXT, archived: bool = False) -> dict[str, Any]:
    return {
        "id": id_,
        "createdAt": created,
        "externalId": external_id,
        "archivedAt": "x" if archived else None,
    }


def test_tagged_is_the_live_objects_with_our_id_oldest_first() -> None:
    items = [
        item("3", "2026-11-27T10:00:02Z"),
        item("1", "2026-11-27T10:00:00Z", archived=True),
        item("2", "2026-11-27T10:00:01Z"),
        item("4", "2026-11-27T09:00:00Z", external_id="handoff-note:globex"),
    ]
    assert [i["id"] for i in converge.tagged(items, EXT)] == ["2", "3"]


def test_the_winner_is_the_oldest_then_the_lower_id_whether_listed_or_not() -> None:
    same_time = [item("b", "2026-11-27T10:00:00Z"), item("a", "2026-11-27T10:00:00Z")]
    assert converge.winner(same_time, None, converge.vitally_age)["id"] == "a"
    ours = item("z", "2026-11-27T09:59:59Z")  # not in the listing yet, and older
    assert converge.winner(same_time, ours, converge.vitally_age) is ours


def settle(ours: dict[str, Any], listed: list[dict[str, Any]]) -> tuple[converge.Settled, list[str]]:
    archived: list[str] = []
    return converge.settle_vitally(ours, lambda: listed, archived.append, EXT), archived


def test_a_listing_that_does_not_show_ours_yet_still_settles() -> None:
    ours = item("ours", "2026-11-27T10:00:05Z")
    older = item("theirs", "2026-11-27T10:00:00Z")
    settled, archived = settle(ours, [older])
    assert settled == converge.Settled("theirs", ("ours",), lost=True) and archived == ["ours"]

    settled, archived = settle(item("ours", "2026-11-27T09:00:00Z"), [older])
    assert settled == converge.Settled("ours", ("theirs",), lost=False) and archived == ["theirs"]


def test_an_archived_duplicate_is_not_archived_again() -> None:
    ours = item("ours", "2026-11-27T10:00:00Z")
    settled, archived = settle(ours, [ours, item("old", "2026-11-27T09:00:00Z", archived=True)])
    assert settled == converge.Settled("ours", (), lost=False) and archived == []
