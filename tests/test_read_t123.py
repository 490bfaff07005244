"""Facts in tables of every shape (tuning set 123): merged cells in both formats (an HTML `rowspan` /
`colspan`, a Docs cell's `rowSpan` / `columnSpan` with the cells it covers present and empty), per-machine
columns whose total row the writer worked out, subtotal rows under a group cell merged down, a lower
header cell naming its own environment under an environment group, several node pools in one column
of an environments-as-columns table, a slashed label of one machine's figures, a limit left a dash.
Each rule is tried on small tables in shapes other than the set's, in HTML and in Docs JSON."""

from __future__ import annotations

from typing import Any

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

# a cell: its text, or (text, rows down, columns across); None: a slot a merge covers
Cell = str | tuple[str, int, int] | None


def _html_table(rows: list[list[Cell]]) -> str:
    out = []
    for r in rows:
        cells = []
        for c in r:
            if c is None:
                continue  # (the export leaves out the slots a merge covers)
            text, down, across = (c, 1, 1) if isinstance(c, str) else c
            cells.append(f'<td rowspan="{down}" colspan="{across}"><p>{text}</p></td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(out) + "</table>"


def _para(text: str, style: str = "NORMAL_TEXT") -> dict[str, Any]:
    run = {"textRun": {"content": text + "\n", "textStyle": {}}}
    return {"paragraph": {"elements": [run], "paragraphStyle": {"namedStyleType": style}}}


def _docs_table(rows: list[list[Cell]]) -> dict[str, Any]:
    table_rows: list[dict[str, Any]] = []
    for r in rows:
        cells: list[dict[str, Any]] = []
        for c in r:
            if c is None:  # (a covered cell stays, with one empty paragraph and no span)
                cells.append({"content": [_para("")], "tableCellStyle": {}})
                continue
            text, down, across = (c, 1, 1) if isinstance(c, str) else c
            style: dict[str, Any] = {k: v for k, v in (("rowSpan", down), ("columnSpan", across)) if v > 1}
            cells.append({"content": [_para(text)], "tableCellStyle": style})
        table_rows.append({"tableCells": cells})
    return {"table": {"rows": len(rows), "columns": len(rows[0]), "tableRows": table_rows}}


def _html(heading: str, rows: list[list[Cell]], after: str = "") -> dict[str, Any]:
    return html_document(f"<html><body><h1>{heading}</h1>{_html_table(rows)}{after}</body></html>")


def _docs(heading: str, rows: list[list[Cell]], after: str = "") -> dict[str, Any]:
    content = [_para(heading, "HEADING_1"), _docs_table(rows), _para(after)]
    tab = {"tabProperties": {"tabId": "t.0", "title": "Tab 1", "index": 0}}
    return {"title": "TDD", "tabs": [{**tab, "documentTab": {"body": {"content": content}}}]}


def _fields(doc: dict[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    """Field → the value the TDD view gives (None when absent or in conflict)."""
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    out: dict[str, Any] = {}
    for name, fv in view.fields.items():
        out[name] = None if name in view.conflicted else fv.to_json()["value"]
    return out


def _got(doc: dict[str, Any], catalogue: Catalogue, name: str) -> Any:
    return _fields(doc, catalogue).get(name)


# -- per-machine columns whose total row is the counts times the figures (`read/pertotals.py`) ------
_SITES: list[list[Cell]] = [
    ["Site", "Tier", "Servers", "Cores each", "Memory each (GB)"],
    [("Live", 3, 1), "web", "2", "8", "32"],
    [None, "search", "3", "16", "128"],
    [None, "Total", "5", "64 cores", "448 GB"],
    [("Test", 2, 1), "all-in-one", "1", "8", "32"],
    [None, "Total", "1", "8 cores", "32 GB"],
]


def test_a_worked_out_total_under_per_machine_columns_is_the_sites_total_html(catalogue: Catalogue) -> None:
    got = _fields(_html("Servers", _SITES), catalogue)
    assert got.get("total_cpu") == 64
    assert got.get("total_memory_gb") == 448


def test_a_worked_out_total_under_per_machine_columns_is_the_sites_total_docs(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Environment", "Component", "Qty", "vCPU per VM", "Disk per VM (GB)"],
        [("Prod", 3, 1), "app", "4", "4", "200"],
        [None, "db", "2", "8", "500"],
        [None, "subtotal", "6", "32 vCPU", "1,800 GB"],
        [("Staging", 2, 1), "app", "1", "4", "200"],
        [None, "subtotal", "1", "4 vCPU", "200 GB"],
    ]
    got = _fields(_docs("Virtual machines", rows), catalogue)
    assert got.get("total_cpu") == 32
    assert got.get("total_disk_gb") == 1800


def test_a_total_row_that_only_adds_one_machines_figures_is_no_total(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Site", "Tier", "Servers", "Cores each", "Memory each (GB)"],
        [("Live", 3, 1), "web", "2", "8", "32"],
        [None, "search", "3", "16", "128"],
        [None, "Total", "5", "24", "160"],  # (8 + 16, 32 + 128: a sum of one machine's figures)
    ]
    for doc in (_html("Servers", rows), _docs("Servers", rows)):
        got = _fields(doc, catalogue)
        assert got.get("total_cpu") in (None, 64)
        assert got.get("total_memory_gb") in (None, 448)


def test_one_of_several_disk_columns_worked_out_is_no_disk_total(catalogue: Catalogue) -> None:
    """System and index disks in two per-machine columns: the total row's system-disk figure is a part
    of the machines' disk, never the whole; the whole is the one said in words after the table."""
    rows: list[list[Cell]] = [
        ["Tier", "Servers", "vCPU (each)", "Memory (each)", "System disk (each)", "Index disk (each)"],
        ["frontend", "2", "8", "32 GB", "60 GB", "–"],
        ["indexer", "3", "16", "128 GB", "100 GB", "1,500 GB"],
        ["All servers", "5", "64 vCPU", "448 GB", "420 GB", "4,500 GB"],
    ]
    after = "Disk provisioned in all: 4,920 GB (the system disks plus the index disks)."
    for doc in (_html("Servers", rows, f"<p>{after}</p>"), _docs("Servers", rows, after)):
        got = _fields(doc, catalogue)
        assert (got.get("total_cpu"), got.get("total_memory_gb")) == (64, 448)
        assert got.get("total_disk_gb") == 4920


# -- a subtotal row under a group cell merged down gives way to the grand total -----------------------
def test_subtotals_under_merged_host_cells_give_way_to_the_grand_total_html(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Code host", "Project", "Repositories"],
        [("Azure DevOps", 3, 1), "Payments", "300"],
        [None, "Retail", "200"],
        [None, "Sub-total", "500"],
        [("Bitbucket Server", 2, 1), "CORE", "120"],
        [None, "Sub-total", "120"],
        [("Grand total", 1, 2), None, "620"],
    ]
    assert _got(_html("Code hosts", rows), catalogue, "repositories") == 620


def test_subtotals_under_merged_host_cells_give_way_to_the_grand_total_docs(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Host", "Group", "Repos", "Comment"],
        [("GitHub Enterprise Server", 3, 1), "web/", "410", ""],
        [None, "data/", "90", "incl. 2 monorepos"],
        [None, "GitHub subtotal", "500", ""],
        [("Gerrit", 2, 1), "android/", "75", ""],
        [None, "Gerrit subtotal", "75", ""],
        ["All hosts", "", "575", ""],
    ]
    assert _got(_docs("Code hosts", rows), catalogue, "repositories") == 575


# -- a lower header cell naming its own environment under an environment group -----------------------
_GROUPED: list[list[Cell]] = [
    [("Item", 2, 1), ("Production", 1, 2), None, ("Non-production", 1, 2), None],
    [None, "Main site", "Standby (DR)", "QA", "Sandbox"],
    ["Node type", "m6i.2xlarge", "m6i.4xlarge", "m6i.large", "t3.large"],
    ["Nodes", "3", "3", "1", "1"],
    ["URL", "https://code.acme.example", "https://code-dr.acme.example", "https://qa.acme.example", "-"],
]


def test_a_dr_column_under_a_production_group_is_not_production_html(catalogue: Catalogue) -> None:
    got = _fields(_html("Sizing", _GROUPED), catalogue)
    assert got.get("instance_types") == ["3 × m6i.2xlarge"]
    assert got.get("instance_url") == "https://code.acme.example"


def test_a_dr_column_under_a_production_group_is_not_production_docs(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        [("Setting", 2, 1), ("Production estate", 1, 2), None, ("Staging", 1, 1)],
        [None, "Primary", "Failover (DR)", "Staging"],
        ["Machine type", "n2-standard-16", "n2-standard-8", "n2-standard-4"],
        ["Nodes", "4", "2", "1"],
    ]
    got = _fields(_docs("Environments", rows), catalogue)
    assert got.get("instance_types") == ["4 × n2-standard-16"]


# -- several pools down one environment's column: each count with the type above it -----------------
_POOLS: list[list[Cell]] = [
    ["Pool", "Staging", "Production"],
    [("Web pool", 1, 3), None, None],
    ["Machine type", "n2-standard-4", "n2-standard-8"],
    ["Nodes", "1", "3"],
    [("Search pool", 1, 3), None, None],
    ["Machine type", "n2-highmem-8", "n2-highmem-16"],
    ["Nodes", "1", "2"],
]


def test_each_pools_count_pairs_with_its_own_type_html(catalogue: Catalogue) -> None:
    got = _got(_html("Node pools", _POOLS), catalogue, "instance_types")
    assert sorted(got or []) == ["2 × n2-highmem-16", "3 × n2-standard-8"]


def test_each_pools_count_pairs_with_its_own_type_docs(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Pool", "Row", "Dev", "Prod"],
        [("General", 2, 1), "VM size", "Standard_D4s_v5", "Standard_D8s_v5"],
        [None, "Nodes", "1", "2"],
        [("Indexing", 2, 1), "VM size", "Standard_E4s_v5", "Standard_E16s_v5"],
        [None, "Nodes", "1", "3"],
    ]
    got = _got(_docs("Cluster", rows), catalogue, "instance_types")
    assert sorted(got or []) == ["2 × Standard_D8s_v5", "3 × Standard_E16s_v5"]


# -- a slashed label of one machine's figures (`labelled._shared_each`) ------------------------------
def test_a_per_node_word_at_one_end_of_a_slashed_label_is_every_parts(catalogue: Catalogue) -> None:
    for line in (
        "vCPU / memory per server: 8 / 64 GB",
        "Per VM cores / RAM: 8 / 64 GB",
        "Cores / RAM: 8 / 64 GB each",
    ):
        html = f"<h1>Production</h1><p>VM size: Standard_E8s_v5</p><p>VMs: 3</p><p>{line}</p>"
        got = _fields(html_document(f"<html><body>{html}</body></html>"), catalogue)
        assert got.get("total_cpu") == 24, line  # never one machine's 8 (a conflict with 24)
        assert got.get("total_memory_gb") == 192, line


def test_a_per_node_row_of_an_environments_table_is_no_total(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["", "UAT", "Live"],
        ["VM size", "Standard_D4s_v5", "Standard_E8s_v5"],
        ["VMs", "1", "3"],
        ["Cores / memory (GB) each", "4 / 16", "8 / 64"],
    ]
    for doc in (_html("Sizing", rows), _docs("Sizing", rows)):
        got = _fields(doc, catalogue)
        assert got.get("total_cpu") == 24
        assert got.get("instance_types") == ["3 × Standard_E8s_v5"]


# -- a limit left a dash or said none is no limit of 0 ----------------------------------------------
def test_a_limit_cell_left_a_dash_states_no_limit(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Limit", "Agreed"],
        ["Seats", "900"],
        ["Max repositories", "—"],
        ["Concurrent", "-"],
    ]
    for doc in (_html("Limits", rows), _docs("Limits", rows)):
        got = _fields(doc, catalogue)
        assert got.get("max_users") == 900
        assert got.get("max_repositories") is None
        assert got.get("max_concurrent_users") is None


def test_a_zero_count_cell_still_reads_zero(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [["Fact", "Value"], ["Repositories", "1,200"], ["Monorepos", "-"]]
    assert _got(_html("Repositories", rows), catalogue, "monorepos") == 0


# -- raw beside usable capacity: the usable column is the disk (`read/rawusable.py`) ----------------
def test_the_usable_column_is_the_disk_not_the_raw_one_html(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Pool", "Disks", "Layout", "Raw capacity (TB)", "Usable capacity (TB)"],
        ["os", "2 × 480 GB", "mirror", "0.96", "0.48"],
        ["git", "6 × 2 TB", "RAID 6", "12", "8"],
        [("Total", 1, 3), None, None, "12.96", "8.48"],
    ]
    got = _fields(_html("Storage", rows), catalogue)
    assert got.get("total_disk_gb") == 8480


def test_the_usable_column_is_the_disk_not_the_raw_one_docs(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Volume group", "Net (GB)", "Gross (GB)", "Notes"],
        ["vg-root", "200", "400", "RAID 1"],
        ["vg-data", "3,000", "6,000", "RAID 10"],
        ["Sum", "3,200", "6,400", ""],
    ]
    got = _fields(_docs("Server storage", rows), catalogue)
    assert got.get("total_disk_gb") == 3200


# -- a table of volumes whose total was read: its rows are parts, however they are labelled --------
def test_a_volume_row_naming_a_disk_kind_is_a_part_of_the_tables_total(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Volume", "Size (GiB)"],
        ["gitserver data (gp3)", "1,500"],
        ["zoekt index (io2 SSD disk)", "400"],
        ["postgres", "100"],
        ["Total", "2,000"],
    ]
    for doc in (_html("Storage", rows), _docs("Storage", rows)):
        assert _got(doc, catalogue, "total_disk_gb") == 2000


# -- a place-only word before its own going live names the place --------------------------------
def test_an_acceptance_go_live_row_is_the_acceptance_environments(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Milestone", "Date"],
        ["Build started", "2026-03-02"],
        ["Acceptance go-live", "2026-03-20"],
        ["Production go-live", "2026-04-09"],
    ]
    after = "Acceptance runs on https://sg-acc.example.org, production on https://sg.example.org."
    for doc in (_html("Plan", rows, f"<p>{after}</p>"), _docs("Plan", rows, after)):
        got = _fields(doc, catalogue)
        assert got.get("completion_date") == "2026-04-09"


# -- a limits column beside a forecast: its counts are the limits (`read/limitlead.py`) ------------
def test_a_value_column_headed_as_the_limit_beside_a_forecast_gives_limits(catalogue: Catalogue) -> None:
    tables: list[list[list[Cell]]] = [
        [["Metric", "Licence limit"], ["Seats", "3,000"], ["Repositories", "6,000"]],
        [
            ["Item", "Contracted limit", "Forecast"],
            ["Users", "3,000", "4,000"],
            ["Repositories", "6,000", "9,000"],
        ],
    ]
    for rows in tables:
        for doc in (_html("Commitments", rows), _docs("Commitments", rows)):
            got = _fields(doc, catalogue)
            assert got.get("max_repositories") == 6000
            assert got.get("repositories") is None


# -- a checklist's tick column: the value column is read, of the steps ticked done (`read/tickcolumn.py`)
_PROSE = (
    "This design describes the production search service for the engineering teams and the way it "
    "was built, handed over and signed off by the platform group in the data centre."
)


def test_a_tick_column_leaves_the_value_column_to_the_steps_done(catalogue: Catalogue) -> None:
    shapes: list[tuple[list[Cell], str, str]] = [
        (["Step", "Done", "Value"], "✓", "✗"),
        (["step", "done", "value"], "y", "n"),
    ]
    for header, yes, no in shapes:
        rows: list[list[Cell]] = [
            header,
            ["hardware racked", yes, "2026-05-04"],
            ["build started on the new host", yes, "2026-05-11"],
            ["go-live signed off", yes, "2026-06-01"],
            ["second site", no, "2027"],
        ]
        for doc in (_html("Checklist", rows, f"<p>{_PROSE}</p>"), _docs("Checklist", rows, _PROSE)):
            got = _fields(doc, catalogue)
            assert got.get("start_date") == "2026-05-11"
            assert got.get("completion_date") == "2026-06-01"


def test_a_step_marked_not_done_states_nothing(catalogue: Catalogue) -> None:
    rows: list[list[Cell]] = [
        ["Task", "Done", "Value"],
        ["licence applied", "✓", "1,500 users"],
        ["raise licence", "✗", "2,500 users"],
        ["repositories synced", "✓", "1,900"],
    ]
    for doc in (_html("Go-live tasks", rows, f"<p>{_PROSE}</p>"), _docs("Go-live tasks", rows, _PROSE)):
        got = _fields(doc, catalogue)
        assert got.get("max_users") == 1500


# -- a count after two code hosts joined is both hosts' together, no part of the second's -----------
def test_a_count_after_two_joined_hosts_is_no_part_of_the_second(catalogue: Catalogue) -> None:
    hosts: list[list[Cell]] = [
        ["code host", "what", "count"],
        ["bitbucket server (bitbucket.acme.lan)", "projects", "900"],
        ["gerrit (review.acme.lan)", "repos", "60"],
        ["total", "", "960"],
    ]
    steps: list[list[Cell]] = [
        ["step", "value"],
        ["build started", "2026-03-02"],
        ["bitbucket + gerrit mirrored", "960 repos, 2026-03-09"],
    ]
    html = html_document(
        f"<html><body><h1>Hosts</h1>{_html_table(hosts)}<h1>Steps</h1>{_html_table(steps)}</body></html>"
    )
    content = [
        _para("Hosts", "HEADING_1"),
        _docs_table(hosts),
        _para("Steps", "HEADING_1"),
        _docs_table(steps),
        _para(""),
    ]
    tab = {"tabProperties": {"tabId": "t.0", "title": "Tab 1", "index": 0}}
    docs = {"title": "TDD", "tabs": [{**tab, "documentTab": {"body": {"content": content}}}]}
    for doc in (html, docs):
        assert _got(doc, catalogue, "repositories") == 960
