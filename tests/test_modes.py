"""Readiness, the two modes and the run options, through the CLI against the sandbox (issue 11).

One meaning of ready: `check`, `status` and `run --all` agree, the Vitally checks included (observed
case 5). `--force-field` names are validated (6). `--override-readiness` needs a reason and is kept
until the checklist is complete (7). A not-ready account stops instead of running in an undocumented
"in progress" mode (8). A draft never replaces a doc already handed off, and never shows an invalid
value as a fact (9).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from handoff.core.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_SERVICE, EXIT_USAGE
from workspace import Workspace

ACME_VITALLY = "0015e00000Kq7TbAAJ"
UMBRELLA_VITALLY = "eca9bad1-449e-48e4-b15c-e760f3e452f2"
REASON = "customer signed off on the two open items by email"


def cli_json(ws: Workspace, *argv: str) -> tuple[int, Any]:
    code, out, _ = ws.cli(*argv, "--json")
    return code, json.loads(out)


def errors(problems: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(p["field"], p["message"]) for p in problems if p["severity"] == "error"}


def doc_html(ws: Workspace, account: str) -> str:
    return (ws.out_dir / account / "handoff.html").read_text(encoding="utf-8")


# -- one meaning of ready ------------------------------------------------------------------------


def test_check_reports_the_vitally_errors_plan_blocks_on(ws: Workspace) -> None:
    code, checked = cli_json(ws, "check", "globex")
    assert code == EXIT_PROBLEMS
    _, planned = cli_json(ws, "plan", "globex")
    (planned,) = planned["accounts"]
    assert planned["blocked"]
    assert errors(checked["problems"]) == errors(planned["problems"])
    assert len(errors(checked["problems"])) == 9  # the 8 field errors and the TA who is not an admin
    assert "technical_advisor" in {f for f, _ in errors(checked["problems"])}
    assert (
        checked["ready"] is False
        and checked["readiness"]["reason"] == "9 error(s): see `handoff check globex`"
    )


def test_the_sheet_init_example_account_is_not_ready_in_check_as_run_blocks_it(ws: Workspace) -> None:
    assert ws.cli("sheet", "init", "--example")[0] == EXIT_OK
    code, checked = cli_json(ws, "check", "example")
    assert code == EXIT_PROBLEMS and checked["ready"] is False
    found = {f for f, _ in errors(checked["problems"])}
    assert found == {"vitally_account", "technical_advisor"}  # no such Vitally account, TA not an admin
    code, out, _ = ws.cli("run", "example")
    assert code == EXIT_PROBLEMS and "blocked: 2 error(s)" in out


def test_ready_means_what_run_all_takes_in_check_status_and_plan(ws: Workspace) -> None:
    _, checked = cli_json(ws, "check", "--all")
    _, statuses = cli_json(ws, "status")
    _, plans = cli_json(ws, "plan", "--all")
    ready = {a["account"] for a in checked if a["ready"]}
    assert ready == {"acme"}  # initech's checklist is done, but its sheet and TDD disagree (4 errors)
    assert {s["account"] for s in statuses if s["ready"]} == ready
    assert {p["account"] for p in plans["accounts"] if not p["blocked"]} == ready
    settle = [
        a
        for f in ("instance_types", "total_cpu", "total_memory_gb", "repositories")
        for a in ("--accept", f"{f}=tdd")
    ]
    _, checked = cli_json(ws, "check", "--all", *settle)
    _, plans = cli_json(ws, "plan", "--all", *settle)
    assert {a["account"] for a in checked if a["ready"]} == {"acme", "initech"}
    assert {p["account"] for p in plans["accounts"] if not p["blocked"]} == {"acme", "initech"}
    umbrella = next(a for a in checked if a["account"] == "umbrella")
    assert umbrella["readiness"]["reason"] == "not ready: checklist 3/5"
    assert next(s for s in statuses if s["account"] == "umbrella")["reason"] == "not ready: checklist 3/5"


def test_check_says_which_checks_it_skipped_when_vitally_is_unreachable(ws: Workspace) -> None:
    rule = {"api": "vitally", "kind": "5xx", "status": 401, "count": 0}  # refused: no retry
    ws.http.post("/_sandbox/faults", json=[rule]).raise_for_status()
    code, checked = cli_json(ws, "check", "acme")
    assert code == EXIT_SERVICE
    assert checked["ready"] is False
    skipped = checked["readiness"]["skipped"]
    assert "the Vitally account exists" in skipped and "active Vitally admin" in skipped
    code, out, _ = ws.cli("check", "acme")
    assert "not ready" in out and "not checked: the Vitally account exists" in out


# -- --force-field -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["total_cpuu", "Total CPUs", "totalCpuu", "account_name", "nope"])
def test_an_unknown_force_field_is_a_usage_error_with_a_suggestion(ws: Workspace, name: str) -> None:
    mark = ws.mark()
    code, _, err = ws.cli("run", "acme", "--force-field", name)
    assert code == EXIT_USAGE and "Traceback" not in err
    assert f"--force-field {name!r}" in err
    if name.lower().startswith("total"):
        assert "did you mean 'total_cpu'" in err
    assert ws.log()[mark:] == []  # stopped before reading anything


@pytest.mark.parametrize(
    "name", ["total_cpu", "Total CPU", "totalCpu", "vitally.custom.totalCpu", "TOTAL_CPU"]
)
def test_force_field_takes_a_name_label_or_trait_key_in_any_case(ws: Workspace, name: str) -> None:
    assert ws.cli("run", "acme")[0] == EXIT_OK
    ws.vitally.put(
        f"/accounts/{ACME_VITALLY}",
        json={"traits": {"vitally.custom.totalCpu": 72}},
        headers={"X-Sandbox-User": "ta.person@sourcegraph.com"},
    ).raise_for_status()
    ws.set_cell("Accounts!N2", "66")  # in the sheet only: the TDD still says 64, so the sheet is chosen
    code, out, _ = ws.cli("run", "acme", "--accept", "total_cpu=sheet")
    assert code == EXIT_OK and "--force-field total_cpu" in out  # kept, and how to overwrite it
    assert ws.account(ACME_VITALLY)["traits"]["vitally.custom.totalCpu"] == 72
    code, out, _ = ws.cli("run", "acme", "--accept", "total_cpu=sheet", "--force-field", name)
    assert code == EXIT_OK, out
    assert ws.account(ACME_VITALLY)["traits"]["vitally.custom.totalCpu"] == 66


# -- --override-readiness ------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_override_needs_a_reason(ws: Workspace, reason: str) -> None:
    code, _, err = ws.cli("run", "umbrella", "--override-readiness", reason)
    assert code == EXIT_USAGE and "--override-readiness needs a reason" in err
    assert ws.writes_after(0) == []


def test_an_override_is_kept_until_the_checklist_is_complete_then_dropped(ws: Workspace) -> None:
    code, out, _ = ws.cli("run", "umbrella", "--override-readiness", REASON)
    assert code == EXIT_OK, out
    assert ws.values("Accounts!Z7")[0][0] == "handed off"
    assert ws.state("umbrella").override_reason == REASON

    # It does not make the account ready (nor taken by --all), and check and status say why.
    _, checked = cli_json(ws, "check", "umbrella")
    assert checked["ready"] is False
    assert checked["readiness"]["reason"] == (
        "not ready: checklist 3/5 (readiness overridden earlier: `handoff run umbrella` honours it)"
    )
    # A later plain run honours it: still final, nothing to change, the reason stays everywhere.
    mark = ws.mark()
    code, planned = cli_json(ws, "plan", "umbrella")
    (plan,) = planned["accounts"]
    assert code == EXIT_OK and plan["mode"] == "final" and not plan["blocked"]
    assert plan["changes"] == []
    assert ws.cli("run", "umbrella")[0] == EXIT_OK
    assert ws.writes_after(mark) == []
    assert ws.values("Accounts!Z7")[0][0] == "handed off"
    assert REASON in doc_html(ws, "umbrella")
    assert REASON in ws.notes(UMBRELLA_VITALLY)[0]["note"]

    # The checklist is completed: the override is dropped, and the run log says so.
    ws.set_cell("Checklist!C22", "TRUE")
    ws.set_cell("Checklist!C23", "TRUE")
    code, out, _ = ws.cli("run", "umbrella")
    assert code == EXIT_OK, out
    assert ws.state("umbrella").override_reason == ""
    log = ws.values("'Handoff Log'")[-1]
    assert "readiness override dropped, the checklist is complete" in log[5] and REASON in log[5]
    assert REASON not in doc_html(ws, "umbrella")
    assert REASON not in ws.notes(UMBRELLA_VITALLY)[0]["note"]
    mark = ws.mark()
    assert ws.cli("run", "umbrella")[0] == EXIT_OK
    assert ws.writes_after(mark) == []  # dropped once


# -- two modes -----------------------------------------------------------------------------------


def test_a_not_ready_account_stops_with_the_reason_and_both_options(ws: Workspace) -> None:
    code, out, err = ws.cli("run", "umbrella")
    assert code == EXIT_PROBLEMS and "Traceback" not in err
    assert "blocked: not ready: checklist 3/5; nothing will be written" in out
    assert "--draft" in out and "--override-readiness" in out
    assert ws.writes_after(0) == []
    assert ws.handoff_docs("umbrella") == [] and ws.notes(UMBRELLA_VITALLY) == []


def test_a_draft_writes_the_doc_only_and_shows_invalid_values_as_invalid(ws: Workspace) -> None:
    code, out, _ = ws.cli("run", "globex", "--draft")
    assert code == EXIT_OK, out
    text = ws.export(ws.handoff_docs("globex")[0]["id"])
    assert "DRAFT" in text
    assert "invalid: -4 (see appendix)" in text and "-4 vCPU" not in text
    assert "invalid: lots (see appendix)" in text
    assert "hunter2" not in text
    assert ws.values("Accounts!Z4:AA4") == []  # the status and link are untouched


def test_a_draft_never_replaces_a_doc_already_handed_off(ws: Workspace) -> None:
    assert ws.cli("run", "acme")[0] == EXIT_OK
    [doc] = ws.handoff_docs("acme")
    mark = ws.mark()
    code, out, _ = ws.cli("run", "acme", "--draft")
    assert code == EXIT_PROBLEMS
    assert "already handed off: a draft would replace the TA's final doc" in out and "--force-doc" in out
    assert ws.writes_after(mark) == []
    assert "DRAFT" not in ws.export(doc["id"])

    code, out, _ = ws.cli("run", "acme", "--draft", "--force-doc")
    assert code == EXIT_OK, out
    assert "DRAFT" in ws.export(doc["id"])
    assert ws.values("Accounts!Z2")[0][0] == "handed off"  # a draft leaves the status alone
