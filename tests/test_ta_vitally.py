"""What the TA finds in Vitally and in the sandbox browse view after a handoff: the note (summary,
warnings, next steps, doc link), the task from its templates, the optional next-steps trait
(a TA's edit kept), custom-field labels beside trait keys. Through the real clients."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx

from handoff.core.settings import PROJECT_ROOT
from workspace import SEED, Workspace

ACME = "0015e00000Kq7TbAAJ"  # acme's Vitally externalId
INITECH = "0015e00000LwR2dAAF"
NEXT_STEPS = "vitally.custom.nextSteps"


def test_the_note_has_a_summary_the_warnings_the_next_steps_and_the_doc_link(tmp_path: Path) -> None:
    with Workspace.start(SEED, tmp_path) as ws:
        # initech's disagreements settled, keeping the sheet's 32 vCPU: a totals warning remains
        settle = ("instance_types=tdd", "total_cpu=sheet", "total_memory_gb=tdd", "repositories=tdd")
        outcome, _ = ws.run("acme", "initech", accept=settle)
        acme_link = outcome.results[0].doc_links["handoff"] if outcome.results[0].account == "acme" else ""
        (acme,) = ws.notes(ACME)
        body = acme["note"]
        assert "Status: Handed over to the Technical Advisor" in body  # the summary
        assert "<b>Next steps</b>" in body and "Open issue ACME-07" in body
        assert "Next step: Re-test after the 6.10 upgrade" in body
        assert "Commitment</b> (first Tuesday of the month)" in body
        assert "Oct 12" not in body.split("Next steps")[1]  # before the completion date: history
        assert "<b>Warnings</b>" not in body  # acme has none
        assert acme_link and acme_link in body
        (initech,) = ws.notes(INITECH)
        warnings = initech["note"].split("<b>Warnings</b>")[1].split("<b>Next steps</b>")[0]
        assert warnings.count("<li>") == 1 and "does not match the instance types" in warnings
        assert "chosen with --accept" in initech["note"]


def test_the_task_title_and_body_come_from_the_templates(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT_ROOT / "templates", templates)
    (templates / "vitally-task-title.txt.j2").write_text("Take over {{ handoff.account }} & co\n")
    (templates / "vitally-task.html.j2").write_text("<p>Read {{ doc.url|link('the doc') }} first.</p>\n")
    config = tmp_path / "handoff.toml"  # the sandbox profile, with its own templates folder
    text = (PROJECT_ROOT / "config" / "handoff.toml").read_text(encoding="utf-8")
    config.write_text(f"templates_dir = {str(templates)!r}\n" + text, encoding="utf-8")
    with Workspace.start(SEED, tmp_path, config=config) as ws:
        outcome, _ = ws.run("acme")
        link = outcome.results[0].doc_links["handoff"]
        (task,) = ws.tasks(ACME)
        assert task["name"] == "Take over acme & co"  # text: no HTML escaping in a title
        assert task["description"].strip() == f'<p>Read <a href="{link}">the doc</a> first.</p>'


def test_the_default_task_text(tmp_path: Path) -> None:
    with Workspace.start(SEED, tmp_path) as ws:
        ws.run("acme")
        (task,) = ws.tasks(ACME)
        assert task["name"] == "Review implementation handoff: Acme Corp"
        assert "take over the Vitally deployment section" in task["description"]


def test_the_next_steps_trait_is_off_by_default_and_a_ta_edit_is_kept(tmp_path: Path) -> None:
    with Workspace.start(SEED, tmp_path / "off") as ws:
        before = ws.account(ACME)["traits"][NEXT_STEPS]
        ws.run("acme")
        assert ws.account(ACME)["traits"][NEXT_STEPS] == before == "Handoff to TA after production close-out."
    with Workspace.start(SEED, tmp_path / "on", overrides={"vitally.next_steps_trait": NEXT_STEPS}) as ws:
        ws.run("acme")
        assert ws.account(ACME)["traits"][NEXT_STEPS] == (
            "TA review of the implementation handoff; 2 open issues; 1 open risk; "
            "2 expansion opportunities to follow up."
        )
        edited = "Quarterly business review booked for January"
        ws.vitally.put(f"/accounts/{ACME}", json={"traits": {NEXT_STEPS: edited}}).raise_for_status()
        outcome, _ = ws.run("acme")
        kept = [c.target for c in outcome.plans[0].changes if c.kind == "trait.keep"]
        assert kept == [NEXT_STEPS] and ws.account(ACME)["traits"][NEXT_STEPS] == edited


def test_browse_shows_labels_the_whole_doc_and_the_log_newest_first(tmp_path: Path) -> None:
    with Workspace.start(SEED, tmp_path) as ws:
        ws.run("acme")
        ws.set_cell("Accounts!N2", "66")
        ws.run("acme")  # a second log row
        page = httpx.get(f"{ws.sandbox.url}/browse/vitally/{ACME}").text
        assert "<td>vitally.custom.codeHosts</td><td>Code hosts</td>" in page
        index = httpx.get(ws.sandbox.url + "/").text
        doc_href = index.split("/browse/doc/")[1].split("'")[0]
        doc = httpx.get(f"{ws.sandbox.url}/browse/doc/{doc_href}").text
        assert "scrollHeight" in doc and "sandbox='allow-same-origin'" in doc  # sized to its content
        assert "allow-scripts" not in doc and "border:1px solid" in doc
        log_href = index.split("/browse/sheet/")[-1].split("'")[0]
        assert "Log" in index
        sheet_links = [h.split("'")[0] for h in index.split("/browse/sheet/")[1:]]
        pages = [httpx.get(f"{ws.sandbox.url}/browse/sheet/{h}").text for h in sheet_links]
        log = next(p for p in pages if "Handoff Log" in p.split("</h1>")[0])
        assert "newest first" in log and log_href
        rows = [r for r in log.split("<tr>")[2:]]
        stamps = [r.split("<td>")[2] for r in rows]  # the When column
        assert stamps == sorted(stamps, reverse=True) and len(stamps) >= 2
