"""Property: whatever the sheet and the TDD hold, `check` and `plan` answer without a traceback.

Hypothesis writes a generated Accounts tab (shuffled, re-cased, duplicated, blank and unknown
headers; blank rows; cells with valid values, random Unicode text, formulas, spreadsheet error
values, huge numbers, over-long text) through the Sheets API as a person would type it
(USER_ENTERED), and a generated TDD (headings with production and trial words, `Label: value`
paragraphs, label/value and header tables with ragged rows, suggested insertions, chips) into
acme's document, then runs the real CLI, in this process, through the real clients against one
sandbox:

* `handoff check --all --json` and `handoff plan SLUG --json` end with exit 0, 1 or 2, never an
  exception (a traceback), and print valid JSON when they print anything;
* every problem of severity error names a place (a location);
* a plan never stops on an unexpected error (the runner turns a bug in one account into
  "planning stopped: unexpected …": that counts as a traceback here), and `plan` writes nothing.

Examples are derandomized (the same every run) and few (`max_examples=25`), so the file runs in
well under 30 s.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from docjson import date_chip, heading, item, para, person, run, table
from handoff.core.fields import load_catalogue
from handoff.core.settings import PROJECT_ROOT
from handoff.gdocs.stored import normalize_document
from workspace import DOCS, SHEET_ID, SeedFolder, Workspace

CATALOGUE = load_catalogue(PROJECT_ROOT / "config" / "fields.toml")
ACME_LINK = f"https://docs.google.com/document/d/{DOCS['acme']}/edit"
PROPERTY = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- cells ---------------------------------------------------------------------------------------

GOOD = {
    "account": ["acme", "globex", "umbrella ", "ACME", "new-co"],
    "account_name": ["Acme Corp", "Ünïcødé GmbH", "شركة أكمي"],
    "vitally_account": [
        "0015e00000Kq7TbAAJ",
        "3cbb7daa-64c1-44fa-88a7-c8252abc5619",
        "0015e00000NOPE",
        "a/b?c",
    ],
    "tdd_link": [
        ACME_LINK,
        ACME_LINK + "?usp=sharing",
        f"https://docs.google.com/spreadsheets/d/{SHEET_ID}/edit",
    ],
    "implementation_engineer": ["Priya Raman", "priya.raman@sourcegraph.com"],
    "technical_advisor": [
        "dana.whitfield@sourcegraph.com",
        "rob.lindqvist@sourcegraph.com",
        "nobody@example.com",
    ],
    "start_date": ["2026-09-14", "Sep 14, 2026", "14/09/2026", "46279"],
    "completion_date": ["2026-11-06", "Nov 6, 2026", "2027-01-01"],
    "instance_url": [
        "https://sourcegraph.acmecorp.com",
        "https://admin:hunter2@sg.example.com",
        "sg.example.com",
    ],
    "deployment_type": ["Kubernetes with Helm", "helm", "Openshift operator"],
    "hosting_provider": ["AWS", "Amazon Web Services", "on-prem"],
    "instance_types": ["3 × m6i.4xlarge, 2 × c6i.2xlarge", "4x m5.2xlarge", "lots of boxes"],
    "total_cpu": ["64", "64 vCPU", "-4", "1,000,000"],
    "total_memory_gb": ["224 GiB", "256", "2.5 TB", "lots"],
    "total_disk_gb": ["4000", "4 TB", "500"],
    "code_hosts": [
        "GitHub Enterprise Server, Bitbucket Data Center",
        "GitHub",
        "Gitlab Enterprise Server 15",
    ],
    "repositories": ["9,412", "~9,400", "350"],
    "monorepos": ["3", "420", "0"],
    "largest_repo_mb": ["6,200", "6.2 GB", "3500"],
}
NASTY = [
    "",
    " ",
    "=1+1",
    '=IMPORTXML("https://evil.example/x","//a")',
    "=A1/0",
    "#REF!",
    "#N/A",
    "#VALUE!",
    "Loading...",
    "TRUE",
    "'0042",
    "1e308",
    "9" * 400,
    "-0",
    "∞",
    "NaN",
    "١٢٣",
    "{{ 7*7 }}",
    "{% for x in y %}",
    "<script>alert(1)</script>",
    "\u202eevil\u202c",
    "line one\nline two",
    "https://[sourcegraph",  # urlsplit: "Invalid IPv6 URL"
    "https://docs.google.com/document/d/[1x/edit",
    "https://token@sg.example.com",
    "mailto:",
    "x" * 1200,
]
text = st.text(st.characters(codec="utf-8"), max_size=30)


def cell_text(key: str) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(GOOD.get(key, ["x"])), st.sampled_from(NASTY), text)


HEADERS = {f.name: f.label for f in CATALOGUE.fields.values() if not f.writeback}


@st.composite
def accounts_tab(draw: st.DrawFn) -> list[list[str]]:
    keys = draw(st.permutations(list(HEADERS)))
    # at most 25 fields: with the account column and an extra one, within the seeded tab's grid
    keys = keys[: draw(st.integers(min_value=3, max_value=min(len(keys), 25)))]
    if "account" not in keys and draw(st.booleans()):
        keys = ["account", *keys]
    header = [
        draw(st.sampled_from([HEADERS[k], HEADERS[k].upper(), f"  {HEADERS[k].lower()} "])) for k in keys
    ]
    extra = draw(st.sampled_from(["", "duplicate", "blank", "unknown"]))
    if extra == "duplicate":
        header.append(header[0])
        keys.append(keys[0])
    elif extra in ("blank", "unknown"):
        header.append("" if extra == "blank" else "Slack Channel")
        keys.append("comment")
    rows = [header]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        if draw(st.integers(min_value=0, max_value=4)) == 0:
            rows.append([])  # a blank row
        rows.append([draw(cell_text(k)) for k in keys])
    return rows


# -- TDDs ----------------------------------------------------------------------------------------

LABELS = [a for f in CATALOGUE.fields.values() for a in (f.label, *f.aliases[:2])] + ["Region", "Owner"]
SECTIONS = ["Production", "Trial (POC)", "Staging", "Appendix: POC sizing (archived)", "Overview", "Prod"]


@st.composite
def tdd_value(draw: st.DrawFn) -> Any:
    label = draw(st.sampled_from(LABELS))
    value = draw(
        st.one_of(st.sampled_from([v for vs in GOOD.values() for v in vs]), st.sampled_from(NASTY), text)
    )
    kind = draw(st.sampled_from(["para", "suggested", "chip", "list"]))
    if kind == "suggested":
        return para(f"{label}: ", run(value, suggestedInsertionIds=["s1"]))
    if kind == "chip":
        return para(
            f"{label}: ", draw(st.sampled_from([date_chip(value or "Nov 6, 2026"), person(value, "a@b.c")]))
        )
    if kind == "list":
        return [para(f"{label}:"), item(value), item(draw(text))]
    return para(f"{label}: {value}")


@st.composite
def tdd_table(draw: st.DrawFn) -> Any:
    width = draw(st.integers(min_value=1, max_value=5))
    rows = []
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        n = draw(st.integers(min_value=0, max_value=width + 1))  # ragged
        rows.append([draw(st.one_of(st.sampled_from(LABELS + SECTIONS), text)) for _ in range(n)])
    rows = [r for r in rows if r] or [["Total CPU", "64 vCPU"]]
    return table(*rows)


@st.composite
def tdd_document(draw: st.DrawFn) -> dict[str, Any]:
    content: list[Any] = []
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        block = draw(
            st.one_of(
                st.builds(heading, st.sampled_from(SECTIONS), st.integers(min_value=1, max_value=4)),
                tdd_value(),
                tdd_table(),
            )
        )
        content.extend(block if isinstance(block, list) else [block])
    tabs: list[dict[str, Any]] = [
        {"tabProperties": {"tabId": "t.0", "title": draw(st.sampled_from(SECTIONS))}, "documentTab": {}}
    ]
    tabs[0]["documentTab"]["body"] = {"content": [para(), *content]}
    if draw(st.booleans()):
        tabs.append(
            {
                "tabProperties": {"tabId": "t.1", "title": draw(st.sampled_from(SECTIONS))},
                "documentTab": {"body": {"content": [para("Total CPU: 48 vCPU")]}},
                "childTabs": [
                    {
                        "tabProperties": {"tabId": "t.2", "title": "Code hosts"},
                        "documentTab": {"body": {"content": [draw(tdd_value())]}},
                    }
                ],
            }
        )
    return {"title": "Generated TDD", "tabs": tabs}


# -- the sandbox ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    tmp = tmp_path_factory.mktemp("properties")
    seed = SeedFolder.copy(tmp / "seed", tdds=("acme",))
    with Workspace.start(seed.root, tmp) as workspace:
        yield workspace


def put_sheet(ws: Workspace, rows: list[list[str]]) -> None:
    r = ws.http.post(f"/v4/spreadsheets/{SHEET_ID}/values:batchClear", json={"ranges": ["Accounts"]})
    r.raise_for_status()
    r = ws.http.put(
        f"/v4/spreadsheets/{SHEET_ID}/values/Accounts!A1",
        params={"valueInputOption": "USER_ENTERED"},
        json={"values": rows},
    )
    r.raise_for_status()


def put_tdd(ws: Workspace, doc: dict[str, Any]) -> None:
    with ws.sandbox.store.transaction():
        ws.sandbox.store.put("docs", DOCS["acme"], normalize_document({**doc, "documentId": DOCS["acme"]}))


def outcome(ws: Workspace, *argv: str) -> list[dict[str, Any]]:
    """Run the CLI; exit 0-2, JSON when anything is printed; the accounts or plans it printed."""
    mark = ws.mark()
    code, out, err = ws.cli(*argv)
    assert code in (0, 1, 2), (argv, code, out[-2000:], err[-2000:])
    assert "Traceback" not in out + err
    if code and not out.strip():
        assert err.startswith("error: "), err  # one line saying what and where
        return []
    data = json.loads(out)
    items = data["accounts"] if isinstance(data, dict) and "summary" in data else data
    items = items if isinstance(items, list) else [items]
    for entry in items:
        for problem in entry.get("problems", []):
            if problem["severity"] == "error":
                assert problem["location"], (argv, problem)
        assert "unexpected" not in (entry.get("blocked") or ""), entry["blocked"]
    assert ws.writes_after(mark) == []  # check and plan read only
    return items


def slugs_of(items: list[dict[str, Any]]) -> list[str]:
    return [str(h["account"]) for h in items if h.get("account")]


@PROPERTY
@given(sheet=accounts_tab(), doc=tdd_document())
def test_check_and_plan_never_crash_and_every_error_has_a_place(
    ws: Workspace, sheet: list[list[str]], doc: dict[str, Any]
) -> None:
    put_sheet(ws, sheet)
    put_tdd(ws, doc)
    checked = outcome(ws, "check", "--all", "--json")
    event(f"accounts checked: {min(len(checked), 2)}")
    for slug in slugs_of(checked)[:1]:
        plans = outcome(ws, "plan", "--json", "--", slug)  # `--`: a slug may start with '-'
        event("plan blocked" if plans and plans[0]["blocked"] else "plan would write")


@PROPERTY
@given(doc=tdd_document(), cpu=cell_text("total_cpu"), largest=cell_text("largest_repo_mb"))
def test_any_tdd_for_a_valid_sheet_row_is_checked_and_planned(
    ws: Workspace, doc: dict[str, Any], cpu: str, largest: str
) -> None:
    """acme's own row (valid) with a generated TDD and a couple of generated cells: the merge path."""
    seed_rows = SeedFolder(PROJECT_ROOT / "config" / "sandbox").rows("Accounts")
    header, acme = seed_rows[0], list(seed_rows[1])
    acme[header.index("Total CPU")] = cpu
    acme[header.index("Largest Repo (MB)")] = largest
    put_sheet(ws, [header, acme])
    put_tdd(ws, doc)
    outcome(ws, "check", "acme", "--json")
    plans = outcome(ws, "plan", "acme", "--json")
    event("plan blocked" if plans and plans[0]["blocked"] else "plan would write")
