"""The handoff end to end, through the real clients against the sandbox seeded with the sample workspace.

First run writes the doc, Vitally traits, note, task and the sheet; a re-run writes nothing;
a one-cell change writes exactly what it needs; a TA's Vitally edit and a person's doc edit
survive re-runs (and are reported); invalid and not-ready accounts behave as documented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handoff.commands.run import BatchOutcome
from handoff.core.errors import EXIT_OK, EXIT_PROBLEMS
from handoff.core.settings import PROJECT_ROOT
from workspace import SEED, Workspace

TA = "ta.person@sourcegraph.com"


def kinds(outcome: BatchOutcome) -> list[str]:
    return [c.kind for p in outcome.plans for c in p.changes]


def test_first_run_writes_everything_once(ws: Workspace) -> None:
    outcome, text = ws.run("acme")
    assert outcome.exit_code == EXIT_OK, text
    docs = ws.handoff_docs("acme")
    assert len(docs) == 1
    doc_id = docs[0]["id"]
    state = ws.state("acme")
    assert state.docs["handoff"].id == doc_id
    assert state.status == "handed off"
    # Vitally: traits typed as Vitally expects, one note, one task for the TA
    traits = ws.account("0015e00000Kq7TbAAJ")["traits"]
    assert traits["vitally.custom.totalCpu"] == 64
    assert traits["vitally.custom.deploymentType"] == "Kubernetes with Helm"
    assert (
        traits["vitally.custom.productionStartDate"] == "2026-09-14T12:00:00.000Z"
    )  # the same day everywhere
    assert traits["vitally.custom.codeHosts"] == [
        "GitHub Enterprise Server",
        "Bitbucket Server / Data Center",
    ]
    assert traits["vitally.custom.technicalAdvisor"] == "Dana Whitfield"
    assert traits["vitally.custom.tddLink"].startswith("https://docs.google.com/document/d/")
    account_id = ws.account("0015e00000Kq7TbAAJ")["id"]
    notes = ws.vitally.get(f"/accounts/{account_id}/notes").json()["results"]
    tasks = ws.vitally.get(f"/accounts/{account_id}/tasks").json()["results"]
    assert [n["externalId"] for n in notes] == ["handoff-note:acme"]
    assert f"/document/d/{doc_id}/edit" in notes[0]["note"]
    assert [t["externalId"] for t in tasks] == ["handoff-review:acme"]
    # the sheet: status, link, log row
    row = ws.values("Accounts!Z2:AB2")[0]
    assert row[0] == "handed off"
    assert row[1] == f"https://docs.google.com/document/d/{doc_id}/edit"
    assert row[2].endswith("by ie.person")
    log = ws.values("'Handoff Log'")
    assert len(log) == 2 and log[1][2:5] == ["acme", "final", "ok"]
    # one sheet read, one sheet write, each kind of write exactly once
    entries = ws.log()
    writes = [e["route"] for e in entries if e["method"] != "GET"]
    assert sorted(writes) == sorted(
        [
            "drive.files.create.upload",
            "drive.files.update",  # the text fingerprint in the doc's properties (after the export)
            "drive.permissions.create",
            "vitally.accounts.update",
            "vitally.notes.create",
            "vitally.tasks.create",
            "sheets.spreadsheets.batchUpdate",
        ]
    )
    assert [e["route"] for e in entries].count("sheets.values.batchGet") == 1


def test_rendered_doc_reads_back_as_a_real_google_doc(ws: Workspace) -> None:
    ws.run("acme")
    doc_id = ws.state("acme").docs["handoff"].id
    doc = ws.http.get(f"/v1/documents/{doc_id}", params={"includeTabsContent": "true"}).json()
    body = doc["tabs"][0]["documentTab"]["body"]["content"]
    styles = [se["paragraph"]["paragraphStyle"].get("namedStyleType") for se in body if "paragraph" in se]
    assert "HEADING_1" in styles and styles.count("HEADING_2") >= 6
    assert sum(1 for se in body if "table" in se) >= 5
    text = json.dumps(doc)
    assert "None" not in text.replace("NONE", "")
    local = Path(ws.settings.path(ws.settings.docs.out_dir)) / "acme" / "handoff.html"
    assert local.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_rerun_with_nothing_new_writes_nothing(ws: Workspace) -> None:
    ws.run("acme")
    mark = len(ws.log())
    outcome, text = ws.run("acme")
    assert outcome.exit_code == EXIT_OK
    assert kinds(outcome) == []
    assert "up to date" in text
    assert ws.writes_after(mark) == []
    reads = [e["route"] for e in ws.log()[mark:]]
    assert reads == [
        "sheets.values.batchGet",
        "docs.documents.get",
        "drive.files.list",  # the account's tagged docs: ours, and any late duplicate
        "vitally.accounts.get",
    ]


def test_one_cell_change_writes_exactly_what_it_needs(ws: Workspace) -> None:
    ws.run("acme")
    doc_id = ws.state("acme").docs["handoff"].id
    ws.set_cell("Accounts!P2", "5000")  # Total Disk (GB): 4000 -> 5000; the TDD still says 4 TB
    mark = len(ws.log())
    outcome, _ = ws.run("acme", accept=("total_disk_gb=sheet",))
    changes = outcome.plans[0].changes
    assert [(c.kind, c.target) for c in changes if c.kind == "trait.set"] == [
        ("trait.set", "vitally.custom.totalDiskGb")
    ]
    assert {c.kind for c in changes} <= {
        "doc.update",
        "trait.set",
        "note.update",
        "sheet.row",
        "sheet.log",
        "sheet.state",
    }
    assert "doc.update" in {c.kind for c in changes}
    writes = [e["route"] for e in ws.writes_after(mark)]
    assert "drive.files.create.upload" not in writes
    assert writes.count("vitally.accounts.update") == 1
    assert writes.count("sheets.spreadsheets.batchUpdate") == 1
    assert ws.account("0015e00000Kq7TbAAJ")["traits"]["vitally.custom.totalDiskGb"] == 5000
    assert ws.handoff_docs("acme")[0]["id"] == doc_id  # same doc id forever


def test_ta_edit_in_vitally_is_kept_and_reported_until_forced(ws: Workspace) -> None:
    ws.run("acme")
    r = ws.vitally.put("/accounts/0015e00000Kq7TbAAJ", json={"traits": {"vitally.custom.totalCpu": 72}})
    r.raise_for_status()
    ws.set_cell("Accounts!N2", "66")  # the sheet changes too: the TA's value must still win
    outcome, text = ws.run("acme", accept=("total_cpu=sheet",))
    keep = [c for c in outcome.plans[0].changes if c.kind == "trait.keep"]
    assert [c.target for c in keep] == ["vitally.custom.totalCpu"]
    assert "--force-field total_cpu" in text
    assert ws.account("0015e00000Kq7TbAAJ")["traits"]["vitally.custom.totalCpu"] == 72
    # still kept on the next run, and not re-reported as a write
    outcome, _ = ws.run("acme", accept=("total_cpu=sheet",))
    assert ws.account("0015e00000Kq7TbAAJ")["traits"]["vitally.custom.totalCpu"] == 72
    again = outcome.plans[0].changes
    assert [c.target for c in again if c.kind == "trait.keep"] == ["vitally.custom.totalCpu"]
    assert "vitally.custom.totalCpu" not in [c.target for c in again if c.kind == "trait.set"]
    # forced: overwritten
    outcome, _ = ws.run("acme", accept=("total_cpu=sheet",), force_fields=("total_cpu",))
    assert ws.account("0015e00000Kq7TbAAJ")["traits"]["vitally.custom.totalCpu"] == 66


def _edit_doc_as_a_person(ws: Workspace, doc_id: str) -> None:
    html = "<html><body><h1>Acme handoff</h1><p>TA notes: call the customer on Monday.</p></body></html>"
    ws.edit_doc(doc_id, html, TA)


def test_human_edit_in_the_doc_survives_and_is_reported(ws: Workspace) -> None:
    ws.run("acme")
    doc_id = ws.state("acme").docs["handoff"].id
    _edit_doc_as_a_person(ws, doc_id)
    ws.set_cell("Accounts!P2", "5000")  # something changed, so the doc would be rewritten
    mark = len(ws.log())
    outcome, text = ws.run("acme", accept=("total_disk_gb=sheet",))
    assert "doc.keep" in kinds(outcome) and "doc.update" not in kinds(outcome)
    assert f"edited by {TA}" in text and "--force-doc" in text
    assert "drive.files.update.upload" not in [e["route"] for e in ws.writes_after(mark)]
    exported = ws.http.get(f"/drive/v3/files/{doc_id}/export", params={"mimeType": "text/plain"}).text
    assert "call the customer on Monday" in exported
    outcome, _ = ws.run("acme", accept=("total_disk_gb=sheet",), force_doc=True)
    assert "doc.update" in kinds(outcome)
    exported = ws.http.get(f"/drive/v3/files/{doc_id}/export", params={"mimeType": "text/plain"}).text
    assert "call the customer on Monday" not in exported
    assert ws.handoff_docs("acme")[0]["id"] == doc_id


def test_sharing_by_someone_else_is_not_mistaken_for_an_edit(ws: Workspace) -> None:
    ws.run("acme")
    doc_id = ws.state("acme").docs["handoff"].id
    r = ws.http.post(
        f"/drive/v3/files/{doc_id}/permissions",
        json={"type": "user", "role": "reader", "emailAddress": "someone@acmecorp.com"},
        headers={"X-Sandbox-User": TA},
    )
    r.raise_for_status()
    ws.set_cell("Accounts!P2", "5000")
    outcome, _ = ws.run("acme", accept=("total_disk_gb=sheet",))
    assert "doc.update" in kinds(outcome)


def test_invalid_account_is_blocked_and_writes_nothing(ws: Workspace) -> None:
    mark = len(ws.log())
    outcome, text = ws.run("globex")
    assert outcome.exit_code == EXIT_PROBLEMS
    assert outcome.plans[0].blocked and kinds(outcome) == []
    assert ws.writes_after(mark) == []
    assert "Accounts!K4" in text and "not an active Vitally admin" in text
    assert "hunter2" not in text


def test_not_ready_account_stops_and_writes_nothing(ws: Workspace) -> None:
    mark = len(ws.log())
    outcome, text = ws.run("umbrella")
    assert outcome.exit_code == EXIT_PROBLEMS
    assert outcome.plans[0].blocked == "not ready: checklist 3/5" and kinds(outcome) == []
    assert "--draft" in text and "--override-readiness" in text  # both ways forward, as the fix
    assert ws.writes_after(mark) == []


def test_override_readiness_finalizes_and_records_the_reason(ws: Workspace) -> None:
    reason = "customer signed off on the two open items by email"
    outcome, _ = ws.run("umbrella", override_readiness=reason)
    assert outcome.plans[0].mode == "final"
    assert "task.create" in kinds(outcome)
    assert ws.values("Accounts!Z7")[0][0] == "handed off"
    html = (Path(ws.settings.path(ws.settings.docs.out_dir)) / "umbrella" / "handoff.html").read_text()
    assert reason in html
    account = ws.account("eca9bad1-449e-48e4-b15c-e760f3e452f2")
    notes = ws.vitally.get(f"/accounts/{account['id']}/notes").json()["results"]
    assert reason in notes[0]["note"]
    log = ws.values("'Handoff Log'")
    assert reason in log[-1][5]


def test_draft_writes_the_doc_only(ws: Workspace) -> None:
    mark = len(ws.log())
    outcome, _ = ws.run("globex", draft=True)
    assert outcome.plans[0].mode == "draft"
    writes = {e["route"] for e in ws.writes_after(mark)}
    assert writes == {
        "drive.files.create.upload",
        "drive.files.update",  # the doc's text fingerprint
        "drive.permissions.create",
        "sheets.spreadsheets.batchUpdate",
    }
    html = (Path(ws.settings.path(ws.settings.docs.out_dir)) / "globex" / "handoff.html").read_text()
    assert "DRAFT" in html
    assert ws.values("Accounts!Z4:AA4") == []  # the status and link are untouched


def test_plan_writes_nothing_and_prints_json(ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    mark = len(ws.log())
    outcome, _ = ws.run("acme", apply=False)
    assert ws.writes_after(mark) == []
    data = outcome.plans[0].to_json()
    assert data["account"] == "acme"
    assert {"kind", "target", "before", "after", "reason"} <= set(data["changes"][0])
    assert json.dumps(data)  # serialisable
    capsys.readouterr()
    outcome, text = ws.run("acme", apply=False, as_json=True)
    assert text == ""  # the JSON goes to stdout, nothing to the report console
    printed = json.loads(capsys.readouterr().out)
    assert printed["accounts"] == [json.loads(json.dumps(outcome.plans[0].to_json()))]
    assert printed["skipped"] == [] and printed["summary"]["accounts"] == 1
    assert ws.writes_after(mark) == []


def test_separate_log_documents_link_to_each_other_and_rerun_is_a_no_op(tmp_path: Path) -> None:
    config = tmp_path / "handoff.toml"
    base = (PROJECT_ROOT / "config" / "handoff.toml").read_text(encoding="utf-8")
    config.write_text(
        base
        + """
[[docs.documents]]
kind = "issues"
title = "{name}: open issues"
template = "issues-log.html.j2"
""",
        encoding="utf-8",
    )
    with Workspace.start(SEED, tmp_path, config=config) as ws:
        outcome, text = ws.run("acme")
        assert outcome.exit_code == EXIT_OK, text
        state = ws.state("acme")
        assert set(state.docs) == {"handoff", "issues"}
        handoff_html = (tmp_path / "out" / "acme" / "handoff.html").read_text(encoding="utf-8")
        issues_html = (tmp_path / "out" / "acme" / "issues.html").read_text(encoding="utf-8")
        assert f"/document/d/{state.docs['issues'].id}/edit" in handoff_html
        assert f"/document/d/{state.docs['handoff'].id}/edit" in issues_html
        mark = len(ws.log())
        outcome, _ = ws.run("acme")
        assert kinds(outcome) == []
        assert ws.writes_after(mark) == []


@pytest.mark.parametrize("cell", ['{"v":1,"docs":{"handoff":{}}}', '{"v":1,"docs":["x"]}'])
def test_a_state_cell_with_malformed_docs_blocks_the_account_without_a_traceback(
    ws: Workspace, cell: str
) -> None:
    ws.run("acme")
    ws.set_cell("handoff_state!B2", cell)
    mark = len(ws.log())
    outcome, text = ws.run("acme")
    assert outcome.exit_code == EXIT_PROBLEMS
    assert outcome.plans[0].blocked == "the recorded handoff state cannot be read"
    assert "the handoff state for acme is unreadable" in text and "handoff_state!B2" in text
    assert ws.writes_after(mark) == []


def test_a_hand_typed_status_is_not_rewritten(ws: Workspace) -> None:
    ws.run("acme")
    ws.set_cell("Accounts!Z2", "Handed Off ")
    mark = len(ws.log())
    outcome, _ = ws.run("acme")
    assert kinds(outcome) == []
    assert ws.writes_after(mark) == []
