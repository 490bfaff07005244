"""What stop 34 left: rules about how people write, each tried on small documents in shapes other
than the tuning sets' (HTML and Docs JSON), with cases where the rule must not fire."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

Rows = list[tuple[str, ...]]


def _html_table(rows: Rows) -> str:
    body = "".join("<tr>" + "".join(f"<td><p>{c}</p></td>" for c in r) + "</tr>" for r in rows)
    return f"<table>{body}</table>"


def _para(text: str, style: str = "NORMAL_TEXT") -> dict[str, Any]:
    run = {"textRun": {"content": text + "\n", "textStyle": {}}}
    return {"paragraph": {"elements": [run], "paragraphStyle": {"namedStyleType": style}}}


def _docs_table(rows: Rows) -> dict[str, Any]:
    table_rows = [{"tableCells": [{"content": [_para(c)], "tableCellStyle": {}} for c in r]} for r in rows]
    return {"table": {"rows": len(rows), "columns": len(rows[0]), "tableRows": table_rows}}


def _html(parts: list[str | Rows]) -> dict[str, Any]:
    """A document of headings (`# …`), paragraphs and tables, as a Google Docs HTML export."""
    out = []
    for p in parts:
        if isinstance(p, list):
            out.append(_html_table(p))
        elif p.startswith("# "):
            out.append(f"<h1>{p[2:]}</h1>")
        else:
            out.append(f"<p>{p}</p>")
    return html_document(f"<html><body>{''.join(out)}</body></html>")


def _docs(parts: list[str | Rows]) -> dict[str, Any]:
    """The same document as a Docs API response."""
    content: list[dict[str, Any]] = []
    for p in parts:
        if isinstance(p, list):
            content += [_docs_table(p), _para("")]
        elif p.startswith("# "):
            content.append(_para(p[2:], "HEADING_1"))
        else:
            content.append(_para(p))
    tab = {"tabProperties": {"tabId": "t.0", "title": "Tab 1", "index": 0}}
    return {"title": "TDD", "tabs": [{**tab, "documentTab": {"body": {"content": content}}}]}


def _fields(doc: dict[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    """Field → the value the TDD view gives (None when absent or in conflict)."""
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    return {n: None if n in view.conflicted else fv.to_json()["value"] for n, fv in view.fields.items()}


def _both(parts: list[str | Rows], catalogue: Catalogue) -> list[dict[str, Any]]:
    return [_fields(_html(parts), catalogue), _fields(_docs(parts), catalogue)]


# -- a production cell saying the row's thing is not there (`read/envcells.py`) ----------------------
@pytest.mark.parametrize("none", ["-", "–", "—", "n/a", "N/A", "none", "✗", "no", "0"])
def test_a_dash_under_production_leaves_the_host_out(catalogue: Catalogue, none: str) -> None:
    rows: Rows = [
        ("Code host", "Staging", "Production"),
        ("GitHub Enterprise Server", "yes", none),
        ("GitLab Self-Managed", "yes", "yes"),
    ]
    for got in _both(["# Source control", rows], catalogue):
        assert got.get("code_hosts") == ["GitLab Self-Managed"]


def test_production_first_and_ticks_with_a_repository_column(catalogue: Catalogue) -> None:
    rows: Rows = [
        ("SCM", "Production", "Test", "Repos"),
        ("Bitbucket Cloud", "—", "✓", "300"),
        ("Azure DevOps", "✓", "✓", "1,450"),
        ("Gerrit", "✓", "–", "75"),
    ]
    for got in _both(["# Repositories we index", rows], catalogue):
        assert got.get("code_hosts") == ["Azure DevOps", "Gerrit"]
        assert got.get("repositories") == 1525


def test_the_production_column_of_counts_is_each_hosts_repositories(catalogue: Catalogue) -> None:
    rows: Rows = [
        ("Code host", "Dev", "QA", "Prod"),
        ("GitHub.com", "120", "120", "n/a"),
        ("GitLab.com", "40", "40", "1,450"),
    ]
    for got in _both(["# Code hosts per environment", rows], catalogue):
        assert got.get("code_hosts") == ["GitLab.com"]
        assert got.get("repositories") == 1450


def test_a_machine_type_production_does_not_run_is_not_its_machine(catalogue: Catalogue) -> None:
    rows: Rows = [
        ("Instance type", "Staging", "Production"),
        ("m6i.2xlarge", "2", "—"),
        ("r6i.4xlarge", "—", "3"),
    ]
    for got in _both(["# Compute", rows], catalogue):
        assert got.get("instance_types") == ["3 × r6i.4xlarge"]


def test_a_blank_production_cell_beside_a_filled_staging_one(catalogue: Catalogue) -> None:
    rows: Rows = [
        ("Code host", "UAT", "Live"),
        ("Bitbucket Server", "connected", ""),
        ("GitHub Enterprise Server", "connected", "connected"),
    ]
    for got in _both(["# Code hosts", rows], catalogue):
        assert got.get("code_hosts") == ["GitHub Enterprise Server"]


def test_a_dash_in_a_staging_column_changes_nothing(catalogue: Catalogue) -> None:
    rows: Rows = [
        ("Code host", "Staging", "Production"),
        ("GitHub.com", "—", "yes"),
        ("GitLab.com", "yes", "✓"),
    ]
    for got in _both(["# Code hosts", rows], catalogue):
        assert got.get("code_hosts") == ["GitHub.com", "GitLab.com"]


def test_a_production_column_of_dashes_only_gives_production_none_of_them(catalogue: Catalogue) -> None:
    """Every host a dash under production: the table lists staging's hosts, none of production's."""
    rows: Rows = [
        ("Code host", "Staging", "Production"),
        ("GitHub.com", "yes", "—"),
        ("GitLab.com", "yes", "—"),
    ]
    for got in _both(["# Code hosts", rows], catalogue):
        assert got.get("code_hosts") is None


def test_a_production_column_left_blank_says_nothing(catalogue: Catalogue) -> None:
    """A column nobody filled in (every cell blank) says nothing of the rows: the hosts stay."""
    rows: Rows = [
        ("Code host", "Staging", "Production", "Repositories"),
        ("GitHub.com", "yes", "", "200"),
        ("GitLab.com", "yes", "", "300"),
    ]
    for got in _both(["# Code hosts", rows], catalogue):
        assert got.get("code_hosts") == ["GitHub.com", "GitLab.com"]


# -- a price list: machine types priced per unit, no machines (`read/pricelist.py`) -----------------
def test_a_price_list_per_hour_names_no_machines(catalogue: Catalogue) -> None:
    rows: Rows = [
        ("Instance type", "vCPU", "Memory (GiB)", "USD/hr", "Note"),
        ("m6i.2xlarge", "8", "32", "0.384", "staging"),
        ("r6i.4xlarge", "16", "128", "1.008", "production nodes"),
        ("r6i.8xlarge", "32", "256", "2.016", "not used"),
    ]
    for got in _both(["# Production", "Prices we compared (on demand):", rows], catalogue):
        assert got.get("instance_types") is None


def test_a_unit_column_of_per_cells_makes_a_price_list(catalogue: Catalogue) -> None:
    rows: Rows = [
        ("VM size", "Unit", "GBP"),
        ("Standard_D8s_v5", "per VM-month", "280.32"),
        ("Standard_E16s_v5", "per VM-month", "735.84"),
        ("Standard_E32s_v5", "per VM-month", "1,471.68"),
    ]
    for got in _both(["# Azure list prices (UK South)", rows], catalogue):
        assert got.get("instance_types") is None


def test_quote_lines_with_a_quantity_are_no_price_list(catalogue: Catalogue) -> None:
    """Lines that count what was bought (`Qty`) are an order, read as ever: the machines it counts."""
    rows: Rows = [
        ("Item", "Instance type", "Qty", "Unit price (USD)"),
        ("Application servers", "m6i.4xlarge", "2", "0.768"),
        ("Build runner", "t3.large", "1", "0.0832"),
    ]
    for got in _both(["# Production order", rows], catalogue):
        assert got.get("instance_types") == ["2 × m6i.4xlarge", "1 × t3.large"]


# -- a denial whose object is a commercial paper says nothing of the host (`read/connection.py`) ----
def test_a_host_not_part_of_the_purchase_order_is_still_connected(catalogue: Catalogue) -> None:
    parts: list[str | Rows] = [
        "# Code hosts",
        "GitHub Enterprise Server: 1,100 repositories.",
        "Gerrit (90 repositories) is not part of this PO, as it is open source.",
    ]
    for got in _both(parts, catalogue):
        assert got.get("code_hosts") == ["GitHub Enterprise Server", "Gerrit"]
        assert got.get("repositories") == 1190


def test_a_host_excluded_from_the_quote_is_still_connected(catalogue: Catalogue) -> None:
    parts: list[str | Rows] = [
        "# Code hosts",
        "We index GitLab.com (600 repositories) and Azure DevOps (250 repositories).",
        "Azure DevOps is excluded from the reseller's quote because Microsoft bills it directly.",
    ]
    for got in _both(parts, catalogue):
        assert got.get("code_hosts") == ["GitLab.com", "Azure DevOps"]
        assert got.get("repositories") == 850


def test_a_host_excluded_from_the_index_is_not_connected(catalogue: Catalogue) -> None:
    parts: list[str | Rows] = [
        "# Code hosts",
        "We index GitLab.com (600 repositories).",
        "Azure DevOps is excluded from code search for now.",
    ]
    for got in _both(parts, catalogue):
        assert got.get("code_hosts") == ["GitLab.com"]
        assert got.get("repositories") == 600


# -- "another N" after a host, its noun left out (`read/further.py`) ---------------------------------
def test_another_count_after_the_second_host_is_its_part(catalogue: Catalogue) -> None:
    text = (
        "The code lives in GitLab Self-Managed, which holds 2,400 repositories for the product teams, "
        "and in Gerrit, where the firmware group keeps another 180."
    )
    for got in _both(["# Code", text], catalogue):
        assert got.get("code_hosts") == ["GitLab Self-Managed", "Gerrit"]
        assert got.get("repositories") == 2580


def test_a_count_more_after_the_second_host_is_its_part(catalogue: Catalogue) -> None:
    text = "Azure DevOps has 700 repositories, and Bitbucket Cloud, used by the mobile team, has 45 more."
    for got in _both(["# Repositories", text], catalogue):
        assert got.get("repositories") == 745


def test_another_count_of_something_else_is_no_part(catalogue: Catalogue) -> None:
    text = (
        "GitLab.com holds 900 repositories, and GitHub.com, where another 40 contractors work, "
        "holds the open-source mirrors."
    )
    for got in _both(["# Code hosts", text], catalogue):
        assert got.get("repositories") in (None, 900)


# -- a commitment's ledger: committed, used, unused (`read/ledger.py`) ------------------------------
def test_a_commitments_in_use_column_is_no_production_total(catalogue: Catalogue) -> None:
    ledger: Rows = [
        ("Resource", "Reserved", "Used (production, D-series)", "Unused"),
        ("vCPU", "48", "16", "32"),
        ("Memory (GiB)", "192", "64", "128"),
    ]
    parts: list[str | Rows] = [
        "# Production",
        "Nodes: 3 × Standard_D8s_v5 and 2 × Standard_E16s_v5.",
        "Totals: 56 vCPU, 352 GiB memory.",
        "# Reservation utilisation",
        ledger,
    ]
    for got in _both(parts, catalogue):
        assert got.get("total_cpu") == 56
        assert got.get("total_memory_gb") == 352


def test_a_savings_plan_ledger_gives_no_machines_or_totals(catalogue: Catalogue) -> None:
    ledger: Rows = [
        ("Commitment", "Covered instances", "vCPU committed", "vCPU used in production", "Utilisation"),
        ("Compute Savings Plan", "3 × m6i.4xlarge", "64", "48", "75%"),
    ]
    for got in _both(["# Production", ledger], catalogue):
        assert got.get("instance_types") is None
        assert got.get("total_cpu") is None


def test_a_limits_table_with_headroom_is_no_ledger(catalogue: Catalogue) -> None:
    rows: Rows = [
        ("Limit", "Agreed", "Stretch (not contracted)", "Headroom"),
        ("Users", "1,500", "2,500", "40%"),
        ("Concurrent users", "200", "350", "43%"),
    ]
    for got in _both(["# Production limits", rows], catalogue):
        assert got.get("max_users") == 1500
        assert got.get("max_concurrent_users") == 200


# -- a label naming each machine: its figures are one machine's (`read/onemachine.py`) -------------
def test_each_servers_processors_and_drives_are_no_totals(catalogue: Catalogue) -> None:
    parts: list[str | Rows] = [
        "# Hardware",
        "Servers: four bare-metal hosts in rack C3.",
        "Each server: 2 × 24-core EPYC processors, 384 GB RAM and 2 × 1.92 TB NVMe drives.",
        "Together: 192 cores, 1,536 GB memory, 15,360 GB of disk.",
    ]
    for got in _both(parts, catalogue):
        assert got.get("total_cpu") == 192
        assert got.get("total_memory_gb") == 1536
        assert got.get("total_disk_gb") == 15360


def test_per_node_figures_give_no_total_of_their_own(catalogue: Catalogue) -> None:
    parts: list[str | Rows] = ["# Nodes", "Per node: 2 × 8-core Xeon, 128 GB RAM, 960 GB SSD."]
    for got in _both(parts, catalogue):
        assert got.get("total_cpu") is None
        assert got.get("total_memory_gb") is None
        assert got.get("total_disk_gb") is None


def test_a_single_servers_figures_are_the_totals(catalogue: Catalogue) -> None:
    parts: list[str | Rows] = ["# Production", "Single server: 32 vCPU, 128 GB RAM, 2,000 GB disk."]
    for got in _both(parts, catalogue):
        assert got.get("total_cpu") == 32
        assert got.get("total_memory_gb") == 128


# -- a value's noun naming the wider count the label narrows (`labelled._NARROWS`) --------------------
def test_concurrency_counted_in_users_is_the_concurrent_users(catalogue: Catalogue) -> None:
    rows: Rows = [("Item", "Value"), ("Licensed users", "3,000"), ("Peak concurrency", "420 users")]
    for got in _both(["# Production limits", rows], catalogue):
        assert got.get("max_users") == 3000
        assert got.get("max_concurrent_users") == 420


def test_concurrency_label_line_counted_in_users(catalogue: Catalogue) -> None:
    parts: list[str | Rows] = ["# Limits", "Users: 900", "Concurrency agreed: 120 users at once"]
    for got in _both(parts, catalogue):
        assert got.get("max_users") == 900
        assert got.get("max_concurrent_users") == 120


def test_a_wider_label_than_its_noun_keeps_the_nouns_field(catalogue: Catalogue) -> None:
    """`Repositories: one monorepo …` counts the monorepos (the noun is the narrower): no repositories."""
    parts: list[str | Rows] = ["# Code", "Repository facts: one monorepo, about 4 GB."]
    for got in _both(parts, catalogue):
        assert got.get("repositories") is None
        assert got.get("monorepos") == 1
