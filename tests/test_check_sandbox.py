"""`handoff check` through the sandbox: the seeded accounts against the answer key (config/sandbox/README.md).

The real clients (gspread, googleapiclient) talk to an in-process sandbox seeded from config/sandbox.
Today is frozen at 2026-11-27 (rule 1 of the key). Rule 8 of the key (the Technical Advisor is an active
Vitally admin) is a Vitally check, which the `check` command runs as `plan` does (read/vitally_checks.py,
tested in test_modes.py); the read side (`check_accounts`) tested here reads only the sheet and the TDDs,
so globex's error 9 and hooli's TA error are not expected in KEY.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from rich.console import Console

from handoff.clients import Clients
from handoff.commands.check import check_command
from handoff.core.errors import InputError
from handoff.core.model import Handoff, Severity
from handoff.core.settings import Settings, load_settings
from handoff.core.units import InstanceCount
from handoff.read.batch import check_accounts, read_batch
from handoff.sandbox.drive_api import FILES
from handoff.sandbox.faults import FaultPlan, FaultRule
from handoff.sandbox.request_log import read_request_log
from handoff.sandbox.server import RunningSandbox, start
from workspace import SEED

ROOT = Path(__file__).resolve().parents[1]
SHEET = "1HndffSandboxTrackingSheet0000000000000000"
TODAY = dt.date(2026, 11, 27)
ACME_DOC = "1GtJ0r6EKnImrOk_vkjdfLCJQ4GFblOo_8Lw2DGmmPfK"
E, W = Severity.ERROR, Severity.WARNING

# (severity, field, location, a phrase of the message): the key's tables, rule 8 aside.
KEY: dict[str, set[tuple[Severity, str, str]]] = {
    "acme": set(),
    "globex": {
        (E, "deployment_type", "Accounts!H4"),
        (E, "instance_url", "Accounts!J4"),
        (E, "start_date", "Accounts!K4"),
        (E, "completion_date", "Accounts!L4"),
        (E, "total_cpu", "Accounts!N4"),
        (E, "total_memory_gb", "Accounts!O4"),
        (E, "code_hosts", "Accounts!Q4"),
        (E, "monorepos", "Accounts!S4"),
        (W, "largest_repo_mb", "Accounts!T4"),
        (W, "total_disk_gb", "Accounts!P4"),
    },
    "initech": {  # the sheet is stale: each disagreement on a Vitally field stops a final handoff
        (E, "instance_types", "Accounts!M6"),
        (E, "total_cpu", "Accounts!N6"),
        (E, "total_memory_gb", "Accounts!O6"),
        (E, "repositories", "Accounts!R6"),
    },
    "umbrella": set(),
    "hooli": {
        (E, f, f"Accounts!{c}3")
        for f, c in (
            ("completion_date", "L"),
            ("instance_types", "M"),
            ("total_cpu", "N"),
            ("total_memory_gb", "O"),
            ("total_disk_gb", "P"),
            ("monorepos", "S"),
            ("largest_repo_mb", "T"),
        )
    },
    "vandelay": {
        (E, f, f"Accounts!{c}8")
        for f, c in (
            ("vitally_account", "C"),
            ("technical_advisor", "D"),
            ("tdd_link", "F"),
            ("deployment_type", "H"),
            ("hosting_provider", "I"),
            ("instance_url", "J"),
            ("start_date", "K"),
            ("completion_date", "L"),
            ("instance_types", "M"),
            ("total_cpu", "N"),
            ("total_memory_gb", "O"),
            ("total_disk_gb", "P"),
            ("code_hosts", "Q"),
            ("repositories", "R"),
            ("monorepos", "S"),
            ("largest_repo_mb", "T"),
        )
    },
}
PHRASES = {
    ("globex", "deployment_type"): ["unknown deployment type 'Openshift operator'"],
    ("globex", "instance_url"): ["credentials"],
    ("globex", "start_date"): ["2027-01-15 is in the future"],
    ("globex", "completion_date"): ["required but missing"],
    ("globex", "total_cpu"): ["greater than 0", "-4"],
    ("globex", "total_memory_gb"): ["'lots' is not a size"],
    ("globex", "code_hosts"): ["Gitlab Enterprise Server 15", "GitLab Self-Managed"],
    ("globex", "monorepos"): ["420 monorepos is more than the 350 repositories (Accounts!R4)"],
    ("globex", "largest_repo_mb"): ["3,500 MB", "2,000 MB", "Rockskip"],
    ("globex", "total_disk_gb"): ["500 GB is below the rule of thumb of 1,000 GB"],
    ("initech", "instance_types"): [
        "'2 × r6i.4xlarge' (Accounts!M6)",
        "'3x r6i.4xlarge'",
        'tab "Production"',
    ],
    ("initech", "total_cpu"): ["'32' (Accounts!N6)", "'48 vCPU'"],
    ("initech", "total_memory_gb"): ["'256 GiB' (Accounts!O6)", "'384 GiB'"],
    ("initech", "repositories"): ["'4,200' (Accounts!R6)", "'4,500'", 'tab "Code hosts"'],
}


def settings_for(sandbox: RunningSandbox) -> Settings:
    return load_settings(
        ROOT / "config" / "handoff.toml",
        overrides={"sandbox.url": sandbox.url, "sandbox.state_dir": str(sandbox.store.root)},
    )


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOFF_TODAY", TODAY.isoformat())


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    running = start(tmp_path_factory.mktemp("check") / "state", SEED, faults=FaultPlan())
    yield running
    running.stop()


@pytest.fixture(scope="module")
def checked(seeded: RunningSandbox) -> dict[str, Handoff]:
    settings = settings_for(seeded)
    with Clients(settings) as clients:
        return {h.account: h for h in check_accounts(settings, clients, None, on=TODAY)}


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[RunningSandbox]:
    running = start(tmp_path / "state", SEED, faults=FaultPlan())
    yield running
    running.stop()


def problems(h: Handoff) -> set[tuple[Severity, str, str]]:
    return {(p.severity, p.field or "", str(p.location)) for p in h.problems}


def set_cell(sandbox: RunningSandbox, a1: str, value: str) -> None:
    r = httpx.put(
        f"{sandbox.url}/v4/spreadsheets/{SHEET}/values/{a1}",
        params={"valueInputOption": "RAW"},
        json={"values": [[value]]},
        timeout=10,
    )
    r.raise_for_status()


def calls(sandbox: RunningSandbox, since: int = 0) -> dict[str, int]:
    out: dict[str, int] = {}
    for entry in read_request_log(sandbox.store.root)[since:]:
        out[entry["api"]] = out.get(entry["api"], 0) + 1
    return out


# -- the answer key ----------------------------------------------------------------------------------


def test_every_seeded_account_is_checked_in_sheet_order(checked: dict[str, Handoff]) -> None:
    assert list(checked) == ["acme", "hooli", "globex", "initech", "umbrella", "vandelay"]


@pytest.mark.parametrize("account", list(KEY))
def test_exactly_the_problems_of_the_answer_key(checked: dict[str, Handoff], account: str) -> None:
    h = checked[account]
    assert problems(h) == KEY[account]
    for p in h.problems:
        for phrase in PHRASES.get((account, p.field or ""), []):
            assert phrase in p.message, (p.field, phrase, p.message)
        assert p.fix
    if account == "globex":  # the known deployment types are listed with the fix
        [p] = [p for p in h.problems if p.field == "deployment_type"]
        assert "Kubernetes with Helm, Kubernetes with Kustomize, Docker Compose, Machine image" in (
            p.fix or ""
        )


def test_acme_typed_values(checked: dict[str, Handoff]) -> None:
    h = checked["acme"]
    assert h.disagreements == () and h.checklist_complete and h.checklist_done == (5, 5)
    expected = {
        "tdd_link": f"https://docs.google.com/document/d/{ACME_DOC}/edit",
        "start_date": dt.date(2026, 9, 14),
        "completion_date": dt.date(2026, 11, 6),
        "instance_url": "https://sourcegraph.acmecorp.com",
        "deployment_type": "Kubernetes with Helm",
        "hosting_provider": "AWS",
        "instance_types": [InstanceCount("m6i.4xlarge", 3), InstanceCount("c6i.2xlarge", 2)],
        "total_cpu": 64,
        "total_memory_gb": 224,  # "224 GiB": GB and GiB are one unit
        "total_disk_gb": 4000,
        "code_hosts": ["GitHub Enterprise Server", "Bitbucket Server / Data Center"],
        "total_repo_size_gb": 1100,
        "repositories": 9412,
        "monorepos": 3,
        "largest_repo_mb": 6200,
        "technical_advisor": "dana.whitfield@sourcegraph.com",
    }
    assert {k: h.value(k) for k in expected} == expected
    from_tdd = {"total_repo_size_gb", "sourcegraph_version", "region", "external_services", "sso"}
    from_tdd.add("customer_contacts")  # the environment facts: the TDD's, the sheet has no column
    assert {k for k, f in h.fields.items() if f.source == "tdd"} == from_tdd
    assert h.value("sso") == "Okta (SAML)" and h.value("region") == "us-east-1"


def test_acme_logs(checked: dict[str, Handoff]) -> None:
    h = checked["acme"]
    categories = [n.values["category"] for n in h.notes]
    assert [str(n.location) for n in h.notes] == [f"Notes!{i}:{i}" for i in range(2, 9)]
    assert (
        categories.count("limits"),
        categories.count("special deployment"),
        categories.count("engineering involvement"),
        categories.count("other"),
    ) == (1, 4, 1, 1)
    assert [(i.values["id"], i.values["status"]) for i in h.issues] == [
        ("ACME-05", "resolved"),
        ("ACME-07", "open"),
        ("ACME-08", "open"),
    ]
    assert [r.values["status"] for r in h.risks] == ["open", "accepted", "mitigated"]
    assert all(r.values["response"] for r in h.risks)
    assert [e.values["kind"] for e in h.expansion] == ["users", "feature"]


def test_initech_sheet_wins_and_the_tdd_fills_a_blank(checked: dict[str, Handoff]) -> None:
    h = checked["initech"]
    assert [(d.field, d.winner) for d in h.disagreements] == [
        ("instance_types", "sheet"),
        ("total_cpu", "sheet"),
        ("total_memory_gb", "sheet"),
        ("repositories", "sheet"),
    ]
    assert h.value("instance_types") == [InstanceCount("r6i.4xlarge", 2)]
    largest = h.fields["largest_repo_mb"]
    assert (largest.value, largest.source) == (1800, "tdd")
    assert str(largest.location).startswith('TDD tab "Code hosts"')
    assert h.checklist_complete and len(h.errors) == 4  # the checklist is done; the disagreements stop it


def test_trial_values_never_appear(checked: dict[str, Handoff]) -> None:
    text = json.dumps([checked[a].to_json() for a in ("initech", "hooli")])
    for trial in ("Docker Compose", "10.20.4.17", "m6i.2xlarge", "n2-standard-16", "900 MB", "~300"):
        assert trial not in text


def test_readiness(checked: dict[str, Handoff]) -> None:
    got = {a: (h.checklist_done, h.checklist_complete) for a, h in checked.items()}
    assert got == {
        "acme": ((5, 5), True),
        "hooli": ((0, 5), False),
        "globex": ((5, 5), True),
        "initech": ((5, 5), True),
        "umbrella": ((3, 5), False),
        "vandelay": ((0, 0), False),
    }


def test_hooli_link_with_a_query_is_read(checked: dict[str, Handoff]) -> None:
    h = checked["hooli"]
    assert h.value("deployment_type") == "Kubernetes with Helm" and h.disagreements == ()


# -- the command --------------------------------------------------------------------------------------


def run_check(
    sandbox: RunningSandbox, slugs: list[str], all_accounts: bool = False, as_json: bool = False
) -> tuple[int, str]:
    out = io.StringIO()
    console = Console(file=out, width=160, color_system=None)
    code = check_command(settings_for(sandbox), slugs, all_accounts, as_json, console)
    return code, out.getvalue()


def test_check_all_makes_one_sheet_read_and_one_read_per_tdd(fresh: RunningSandbox) -> None:
    code, text = run_check(fresh, [], all_accounts=True)
    assert code == 1
    # + the Vitally checks: one account GET per account naming one (5), one admin search per TA (4)
    assert calls(fresh) == {"sheets": 1, "docs": 5, "vitally": 9}
    assert "globex (Globex): 9 errors, 2 warnings; checklist 5/5; not ready" in text
    assert "acme (Acme Corp): 0 errors, 0 warnings; checklist 5/5; ready" in text
    assert "hunter2" not in text


def test_check_one_clean_account(fresh: RunningSandbox) -> None:
    code, text = run_check(fresh, ["acme"])
    assert code == 0
    assert calls(fresh) == {"sheets": 1, "docs": 1, "vitally": 2}  # the account, the TA's admin record
    assert "total_memory_gb" in text and "224" in text and "240.5" not in text


def test_check_json(fresh: RunningSandbox) -> None:
    code, text = run_check(fresh, ["globex"], as_json=True)
    data = json.loads(text)
    assert code == 1 and data["account"] == "globex"
    assert data["fields"]["deployment_type"]["source"] == "sheet"
    first = data["problems"][0]
    assert set(first) == {"severity", "field", "message", "location", "fix"}
    assert "hunter2" not in text
    code, text = run_check(fresh, [], all_accounts=True, as_json=True)
    assert [a["account"] for a in json.loads(text)] == [
        "acme",
        "hooli",
        "globex",
        "initech",
        "umbrella",
        "vandelay",
    ]
    assert "hunter2" not in text


def test_unknown_account_suggests_the_closest(fresh: RunningSandbox) -> None:
    with pytest.raises(InputError) as info:
        run_check(fresh, ["acmee"])
    assert "did you mean 'acme'?" in info.value.message
    assert calls(fresh) == {"sheets": 1}


# -- TDD links that cannot be read ---------------------------------------------------------------------


def tdd_problem(sandbox: RunningSandbox) -> Any:
    settings = settings_for(sandbox)
    with Clients(settings) as clients:
        [h] = check_accounts(settings, clients, ["acme"], on=TODAY)
    [p] = [p for p in h.problems if p.field == "tdd_link"]
    return p


def test_tdd_link_that_is_not_a_docs_url(fresh: RunningSandbox) -> None:
    set_cell(fresh, "Accounts!F2", "https://drive.google.com/file/d/1abcdefghijklmnop/view")
    p = tdd_problem(fresh)
    assert (p.severity, str(p.location)) == (E, "Accounts!F2")
    assert "Google Drive file link" in p.message
    assert calls(fresh).get("docs", 0) == 0


def test_tdd_that_does_not_exist(fresh: RunningSandbox) -> None:
    set_cell(fresh, "Accounts!F2", "https://docs.google.com/document/d/1NoSuchDocument000000000/edit")
    p = tdd_problem(fresh)
    assert (p.severity, str(p.location)) == (E, "Accounts!F2")
    assert "does not exist" in p.message and "1NoSuchDocument000000000" in p.message


def test_tdd_not_shared_with_the_tool(fresh: RunningSandbox) -> None:
    record = fresh.store.get(FILES, ACME_DOC)
    assert record is not None
    fresh.store.put(FILES, ACME_DOC, {**record, "restricted": True, "permissions": []})
    p = tdd_problem(fresh)
    assert str(p.location) == "Accounts!F2" and "permission denied" in p.message
    assert "share the document with" in (p.fix or "")


def test_tdd_that_is_not_a_google_doc(fresh: RunningSandbox) -> None:
    record = fresh.store.get(FILES, ACME_DOC)
    assert record is not None
    fresh.store.put(FILES, ACME_DOC, {**record, "mimeType": "application/pdf"})
    p = tdd_problem(fresh)
    assert str(p.location) == "Accounts!F2" and "is not a Google Doc" in p.message


def test_a_tdd_the_api_keeps_failing_on(fresh: RunningSandbox) -> None:
    fresh.faults.add([FaultRule(kind="5xx", api="docs", count=0, status=503)])
    settings = settings_for(fresh)
    with Clients(settings, sleep=lambda _: None) as clients:
        batch = read_batch(settings, clients, ["acme"], on=TODAY)
    [p] = batch.handoffs[0].problems
    assert p.field == "tdd_link" and "could not be read" in p.message
    assert batch.service_failure


# -- sheets as people break them ----------------------------------------------------------------------


def test_a_deleted_tab_is_reported_and_the_rest_still_read(fresh: RunningSandbox) -> None:
    settings = settings_for(fresh)
    with Clients(settings) as clients:
        sh = clients.spreadsheet()
        sh.del_worksheet(sh.worksheet("Risks"))
        mark = len(read_request_log(fresh.store.root))
        [h] = check_accounts(settings, clients, ["acme"], on=TODAY)
    [p] = h.problems
    assert (p.severity, str(p.location), p.message) == (E, "Risks", "the spreadsheet has no 'Risks' tab")
    assert h.risks == () and len(h.notes) == 7
    assert calls(fresh, mark) == {"sheets": 3, "docs": 1}  # the failed batch, the tab list, the batch again


def test_duplicate_header_and_duplicate_account(fresh: RunningSandbox) -> None:
    set_cell(fresh, "Accounts!Y1", "Total CPU")
    set_cell(fresh, "Accounts!A9", "acme")
    settings = settings_for(fresh)
    with Clients(settings) as clients:
        [h] = check_accounts(settings, clients, ["acme"], on=TODAY)
    assert problems(h) == {(E, "total_cpu", "Accounts!Y1"), (E, "account", "Accounts!A9")}
    messages = " ".join(p.message for p in h.problems)
    assert "two 'Total CPU' columns: N ('Total CPU') and Y ('Total CPU')" in messages
    assert "Accounts!A2 and Accounts!A9" in messages


def test_renamed_headers_are_still_found(fresh: RunningSandbox) -> None:
    set_cell(fresh, "Accounts!H1", "deployment-type")
    set_cell(fresh, "Accounts!O1", "TOTAL MEMORY")
    settings = settings_for(fresh)
    with Clients(settings) as clients:
        [h] = check_accounts(settings, clients, ["acme"], on=TODAY)
    assert h.problems == () and h.value("deployment_type") == "Kubernetes with Helm"


def test_a_tdd_shared_by_two_accounts_is_read_once(fresh: RunningSandbox) -> None:
    set_cell(fresh, "Accounts!F3", f"https://docs.google.com/document/d/{ACME_DOC}/edit")
    record = fresh.store.get(FILES, ACME_DOC)
    assert record is not None
    fresh.store.put(FILES, ACME_DOC, {**record, "restricted": True, "permissions": []})
    settings = settings_for(fresh)
    mark = len(read_request_log(fresh.store.root))
    with Clients(settings) as clients:
        handoffs = check_accounts(settings, clients, ["acme", "hooli"], on=TODAY)
    assert calls(fresh, mark) == {"sheets": 1, "docs": 1}
    located = [[str(p.location) for p in h.problems if p.field == "tdd_link"] for h in handoffs]
    assert located == [["Accounts!F2"], ["Accounts!F3"]]


def test_the_report_prints_sheet_and_tdd_words_as_text_not_markup() -> None:
    """A TDD heading or an account slug with square brackets is shown as written, never a MarkupError."""
    from handoff.core.fields import load_catalogue
    from handoff.core.model import FieldValue, Location
    from handoff.output import check_report as report

    catalogue = load_catalogue(ROOT / "config" / "fields.toml")
    where = Location("tdd", "TDD Setup [/x] [bold]notes › paragraph 1")
    handoffs = [
        Handoff(account="a[/b]", fields={"total_cpu": FieldValue("total_cpu", 48, "48", "tdd", where)}),
        Handoff(account="c[red]", fields={}),
    ]
    console = Console(file=io.StringIO(), width=200, record=True)
    report.print_check(console, handoffs, catalogue)
    text = console.export_text()
    assert "TDD Setup [/x] [bold]notes › paragraph 1" in text
    assert "a[/b]" in text and "c[red]" in text
