"""Whose is the doc's content? Any run of handoff's, whoever ran it; a person's edit is kept.

The doc carries the fingerprint of its text as handoff last wrote it (`handoffTextSha256`), so
the answer needs neither the state tab (which a person may clear) nor the identity that ran
the write (each IE runs with their own Google credentials).
"""

from __future__ import annotations

from typing import Any

import pytest

from crashkit import ACCOUNT, FAST_RETRY, TA, one_line, state_of
from handoff.clients import Clients
from handoff.commands.run import BatchOutcome, run_batch
from handoff.core.errors import EXIT_OK
from handoff.core.settings import load_settings
from handoff.plan.planner import RunOptions
from workspace import CONFIG, Workspace

ALICE = "alice.ie@sourcegraph.com"
BOB = "bob.ie@sourcegraph.com"
PERSONS_LINE = "TA notes: call the customer on Monday."


# conftest: TODAY and USER pinned; ws is a copy of the seeded template with fast retries
pytestmark = [pytest.mark.usefixtures("pinned"), pytest.mark.fast_workspace()]


# The IE changes Total Disk in the sheet only (the TDD still says 4 TB): every run chooses the sheet's.
DISK = ("total_disk_gb=sheet",)


def run_as(ws: Workspace, user: str, **options: Any) -> tuple[BatchOutcome, str]:
    """`handoff run acme` with `user`'s Google identity (the sandbox sees it on every request)."""
    import io

    from rich.console import Console

    settings = load_settings(
        CONFIG,
        {"sandbox.url": ws.sandbox.url, "docs.out_dir": str(ws.out_dir), "sandbox.user": user, **FAST_RETRY},
    )
    out = io.StringIO()
    with Clients(settings) as clients:
        outcome = run_batch(
            settings,
            clients,
            [ACCOUNT],
            RunOptions.from_cli(apply=True, **{"accept": DISK, **options}),
            Console(file=out, width=200, color_system=None),
        )
    return outcome, one_line(out.getvalue())


def kinds(outcome: BatchOutcome) -> list[str]:
    return [c.kind for c in outcome.plans[0].changes]


def doc_file(ws: Workspace) -> dict[str, Any]:
    (doc,) = ws.handoff_docs(ACCOUNT)
    r = ws.http.get(f"/drive/v3/files/{doc['id']}", params={"fields": "id,lastModifyingUser,properties"})
    r.raise_for_status()
    return dict(r.json())


def edit_as_a_person(ws: Workspace, doc_id: str) -> None:
    """The TA, made an editor by the doc's owner, rewrites the doc in the Docs editor."""
    owner = ws.http.get(f"/drive/v3/files/{doc_id}", params={"fields": "owners"}).json()["owners"][0]
    ws.http.post(
        f"/drive/v3/files/{doc_id}/permissions",
        json={"type": "user", "role": "writer", "emailAddress": TA},
        headers={"X-Sandbox-User": owner["emailAddress"]},
    ).raise_for_status()
    ws.edit_doc(doc_id, f"<html><body><h1>Acme handoff</h1><p>{PERSONS_LINE}</p></body></html>", TA)


# -- two teammates, one after the other -------------------------------------------------------------


def test_a_teammates_run_is_ours_not_a_human_edit(ws: Workspace) -> None:
    outcome, text = run_as(ws, ALICE)
    assert outcome.exit_code == EXIT_OK, text
    assert doc_file(ws)["lastModifyingUser"]["emailAddress"] == ALICE
    ws.set_cell("Accounts!P2", "5000")  # Bob takes over and changes Total Disk
    outcome, text = run_as(ws, BOB)
    assert outcome.exit_code == EXIT_OK, text
    assert "doc.update" in kinds(outcome) and "doc.keep" not in kinds(outcome), text
    assert doc_file(ws)["lastModifyingUser"]["emailAddress"] == BOB
    ws.set_cell("Accounts!P2", "6000")  # and Alice again, after Bob
    outcome, text = run_as(ws, ALICE)
    assert "doc.update" in kinds(outcome) and "doc.keep" not in kinds(outcome), text
    assert "6,000" in ws.export(doc_file(ws)["id"]) or "6000" in ws.export(doc_file(ws)["id"])
    outcome, text = run_as(ws, BOB)  # nothing new: nothing written, whoever runs it
    assert kinds(outcome) == [] and "up to date" in text


def test_a_persons_edit_is_kept_whoever_runs_the_tool(ws: Workspace) -> None:
    run_as(ws, ALICE)
    edit_as_a_person(ws, doc_file(ws)["id"])
    ws.set_cell("Accounts!P2", "5000")
    for user in (BOB, ALICE):
        outcome, text = run_as(ws, user)
        assert outcome.exit_code == EXIT_OK, text
        assert "doc.keep" in kinds(outcome) and "doc.update" not in kinds(outcome), text
        assert f"edited by {TA}" in text
    assert PERSONS_LINE in ws.export(doc_file(ws)["id"])


# -- an edited doc that no state records ------------------------------------------------------------


def test_an_edited_doc_with_a_cleared_state_cell_is_kept_not_a_crash(ws: Workspace) -> None:
    outcome, _ = ws.run(ACCOUNT, accept=DISK)
    doc_id = doc_file(ws)["id"]
    edit_as_a_person(ws, doc_id)
    ws.set_cell("handoff_state!B2", "")  # the tool's own advice for an unreadable cell
    ws.set_cell("Accounts!P2", "5000")
    for _ in range(2):  # and again: the adopted record must not vouch for the person's text
        outcome, text = ws.run(ACCOUNT, accept=DISK)
        said = one_line(text)
        assert outcome.exit_code == EXIT_OK, said
        assert "RuntimeError" not in said and "no handoff doc" not in said
        assert "doc.keep" in kinds(outcome) and "doc.update" not in kinds(outcome), said
        assert f"edited by {TA}" in said and "--force-doc" in said
        assert PERSONS_LINE in ws.export(doc_id)
        assert state_of(ws).docs["handoff"].id == doc_id  # recorded again, shared with the TA
        assert state_of(ws).docs["handoff"].shared_with == [TA]
    outcome, text = ws.run(ACCOUNT, accept=DISK, force_doc=True)
    assert outcome.exit_code == EXIT_OK, text
    assert "doc.update" in kinds(outcome)
    assert PERSONS_LINE not in ws.export(doc_id)
    assert [d["id"] for d in ws.handoff_docs(ACCOUNT)] == [doc_id]


def test_our_doc_with_a_cleared_state_cell_is_adopted_and_updated(ws: Workspace) -> None:
    ws.run(ACCOUNT, accept=DISK)
    doc_id = doc_file(ws)["id"]
    ws.set_cell("handoff_state!B2", "")
    ws.set_cell("Accounts!P2", "5000")
    outcome, text = run_as(ws, BOB)  # a teammate, too: the doc's own fingerprint says it is ours
    assert outcome.exit_code == EXIT_OK, text
    assert "doc.update" in kinds(outcome) and "doc.keep" not in kinds(outcome), text
    assert [d["id"] for d in ws.handoff_docs(ACCOUNT)] == [doc_id]


def test_a_doc_without_a_fingerprint_is_stamped_once(ws: Workspace) -> None:
    """A doc an older version wrote (no text fingerprint) gets one, then re-runs write nothing."""
    ws.run(ACCOUNT, accept=DISK)
    doc_id = doc_file(ws)["id"]
    r = ws.http.patch(
        f"/drive/v3/files/{doc_id}",
        json={"properties": {"handoffTextSha256": None}},  # as the tool's own identity
    )
    r.raise_for_status()
    ws.set_cell("handoff_state!B2", "")
    outcome, text = ws.run(ACCOUNT, accept=DISK)
    assert outcome.exit_code == EXIT_OK, text
    assert "doc.stamp" in kinds(outcome), text
    assert doc_file(ws)["properties"].get("handoffTextSha256")
    outcome, text = ws.run(ACCOUNT, accept=DISK)
    assert kinds(outcome) == [] and "up to date" in one_line(text)
