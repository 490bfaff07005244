"""Create exactly once, and converge when two runs create the same thing at the same time.

Sheets, Drive and Vitally offer no compare-and-swap, so two rules, applied to each of the
three things a run creates (the doc, the Vitally note, the Vitally task), make creates safe:

1. **Look before re-creating.** A create whose answer was lost (the connection dropped after
   the service acted) is retried by the retry policy. Every retry first looks the object up
   (the doc by the id reserved for it with files.generateIds; a note or task by its externalId)
   and, when a previous attempt made it, takes that instead of creating a second one. A create
   the service refuses as a duplicate (Drive: 409 fileIdInUse for the reserved id; Vitally:
   400/409/422 with the externalId taken) is settled the same way. The reserved id also covers
   a create still on its way when the retry looks (it timed out, but reaches Drive later):
   whichever of the two arrives second is refused. Vitally has no such reservation: a run whose
   note or task create needed a retry marks it unsettled in the state, and the next run lists
   the account's notes (tasks) and archives a late duplicate (planner.py).
2. **Check after creating; the oldest wins.** Right after a create, list everything carrying
   the tag. The oldest (created time, then the lower id: every run computes the same winner)
   is kept. If it is ours, we remove the others (a duplicate of a run that was killed before
   its own check, or of a run that is about to lose) and go on. If it is not ours, we remove
   ours (Drive: trash; Vitally: archive) and stop with ConflictError: the run that created
   the winner finishes the handoff and records it in the sheet. A run that passed its check
   saw only its own object, so anything created later is younger: its win is final.

What this does not cover: a service whose listing lags behind its writes (Drive search can)
may hide a concurrent duplicate from both checks; the next run's plan then finds both, keeps
the oldest and removes the other (see planner.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from handoff.clients import drive_docs as docs_writer
from handoff.clients.retry import http_failure

if TYPE_CHECKING:
    from handoff.clients import Clients
    from handoff.clients.vitally import VitallyClient

T = TypeVar("T")

DUPLICATE_STATUSES = frozenset({400, 409, 422})  # how a service may refuse a taken externalId


@dataclasses.dataclass(frozen=True)
class Created(Generic[T]):
    """The outcome of `create_once`. `how`: "created"; "recovered" (a lost answer's create, found
    on the retry); "existing" (the service refused a duplicate: someone else created it first)."""

    item: T
    how: str = "created"
    attempts: int = 1  # more than 1: a retry (a timeout or a lost answer) preceded it


@dataclasses.dataclass(frozen=True)
class Settled:
    """The outcome of the check after a create: the id kept, the ids removed, and whether ours lost."""

    kept: str
    removed: tuple[str, ...] = ()
    lost: bool = False


def create_once(
    clients: Clients, api: str, create: Callable[[], T], find: Callable[[], T | None]
) -> Created[T]:
    """`create()` under `api`'s retry policy, looking with `find()` before every retry.

    `create` and `find` make their requests through `clients` (nested calls run directly: the
    retries are this function's, one layer)."""
    attempts = 0
    how = "created"

    def attempt() -> T:
        nonlocal attempts, how
        attempts += 1
        if attempts > 1:
            found = find()
            if found is not None:
                how = "recovered"
                return found
        try:
            return create()
        except Exception as exc:
            failure = http_failure(exc)
            if failure is None or failure.status not in DUPLICATE_STATUSES:
                raise
            found = find()
            if found is None:
                raise
            how = "recovered" if attempts > 1 else "existing"
            return found

    item = clients.call(api, attempt, kind="write")
    return Created(item, how, attempts)


def winner(items: list[T], ours: T | None, key: Callable[[T], tuple[str, str]]) -> T:
    """The oldest of `items` and `ours` (the listing may not show ours yet, or no longer)."""
    pool = [*items, *([ours] if ours is not None else [])]
    return min(pool, key=key)


# -- the doc -------------------------------------------------------------------------------------


def create_doc(
    clients: Clients, *, title: str, html: str, account: str, kind: str, folder_id: str
) -> Created[docs_writer.RemoteDoc]:
    """Create with an id reserved first (files.generateIds): a retry sends the same id, so a
    create that timed out but still reaches Drive later cannot make a second doc (Drive answers
    409 fileIdInUse to whichever arrives second). The look before a retry is a files.get by id."""
    doc_id = docs_writer.reserve_id(clients)

    def find() -> docs_writer.RemoteDoc | None:
        try:
            return docs_writer.read_doc(clients, doc_id)
        except Exception as exc:  # inside create_once's call the 404 arrives unmapped
            failure = http_failure(exc)
            if failure is not None and failure.status == 404:
                return None
            raise

    return create_once(
        clients,
        "drive",
        lambda: docs_writer.create_doc(
            clients, title=title, html=html, account=account, kind=kind, folder_id=folder_id, doc_id=doc_id
        ),
        find,
    )


def settle_doc(clients: Clients, ours: docs_writer.RemoteDoc, account: str, kind: str) -> Settled:
    """After a create: keep the oldest doc tagged for (account, kind), trash the rest."""
    docs = docs_writer.list_docs(clients, account, kind)
    keep = winner([d for d in docs if d.id != ours.id], ours, docs_writer.age)
    extras = [d.id for d in docs if d.id != keep.id]
    if keep.id != ours.id and ours.id not in extras:
        extras.append(ours.id)  # not listed (yet, or trashed by the winner): make sure
    for doc_id in extras:
        docs_writer.trash_doc(clients, doc_id)
    return Settled(keep.id, tuple(extras), lost=keep.id != ours.id)


# -- Vitally note and task -----------------------------------------------------------------------


def vitally_age(item: dict[str, Any]) -> tuple[str, str]:
    return (str(item.get("createdAt") or "~"), str(item.get("id") or ""))


def tagged(items: list[dict[str, Any]], external_id: str) -> list[dict[str, Any]]:
    """The live (not archived) objects carrying our externalId, oldest first."""
    live = [i for i in items if i.get("externalId") == external_id and not i.get("archivedAt")]
    return sorted(live, key=vitally_age)


def create_vitally(
    clients: Clients,
    create: Callable[[], dict[str, Any]],
    listing: Callable[[], list[dict[str, Any]]],
    external_id: str,
) -> Created[dict[str, Any]]:
    """A note or task create, retried safely: `listing()` is the account's notes (or tasks)."""

    def find() -> dict[str, Any] | None:
        found = tagged(listing(), external_id)
        return found[0] if found else None

    return create_once(clients, "vitally", create, find)


def settle_vitally(
    ours: dict[str, Any],
    listing: Callable[[], list[dict[str, Any]]],
    archive: Callable[[str], None],
    external_id: str,
) -> Settled:
    """After a create: keep the oldest live object with our externalId, archive the rest."""
    live = tagged(listing(), external_id)
    keep = winner([i for i in live if i.get("id") != ours.get("id")], ours, vitally_age)
    extras = [str(i["id"]) for i in live if i.get("id") != keep.get("id")]
    if keep.get("id") != ours.get("id") and str(ours["id"]) not in extras:
        extras.append(str(ours["id"]))
    for item_id in extras:
        archive(item_id)
    return Settled(str(keep["id"]), tuple(extras), lost=keep.get("id") != ours.get("id"))


def settle_note(vitally: VitallyClient, account_id: str, ours: dict[str, Any], external_id: str) -> Settled:
    return settle_vitally(
        ours, lambda: vitally.list_account_notes(account_id), vitally.archive_note, external_id
    )


def settle_task(vitally: VitallyClient, account_id: str, ours: dict[str, Any], external_id: str) -> Settled:
    return settle_vitally(
        ours, lambda: vitally.list_account_tasks(account_id), vitally.archive_task, external_id
    )
