"""TDD reader: tables used as containers. A cell holding prose (several paragraphs, sentences, list
items, label lines) is a section of its own, read with the whole prose reader under its row's and
column's headers; a layout or single-cell table is flow text; a data table keeps its table reading."""

from __future__ import annotations

from typing import Any

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from tdd_snippets import read


def cell(*paragraphs: str) -> str:
    return "<td>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</td>"


def grid(*rows: str) -> str:
    return "<table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


BOARD = grid(
    cell("<b>Lane</b>") + cell("<b>Backlog</b>") + cell("<b>Done</b>") + cell("<b>Won't do</b>"),
    cell("Cluster (prod)")
    + cell("<b>OPS-9 More disk</b>", "Would take the data disk to 6 TB if the mainframe code lands.")
    + cell(
        "<b>OPS-2 Build the cluster</b>",
        "Helm chart on GKE, 4 × n2-standard-16 nodes (64 vCPU, 256 GB in total).",
        "Disks: 3 TB of pd-ssd in total.",
        "<b>OPS-3 Address</b>",
        "Reachable at https://grep.kelda.example after the DNS change.",
    )
    # (the card says nothing of its fate: the `Won't do` column alone makes it not the deployment; a card
    # closing "; dropped in review" is closed as not taken by its own words, read/verdict.py)
    + cell("<b>OPS-1 One big VM</b>", "Docker Compose on 1 × n2-standard-32 with 2 TB for everything."),
    cell("load-test (perf)")
    + cell("")
    + cell(
        "<b>OPS-5 Perf cluster</b>", "2 × n2-standard-8 nodes, 500 GB disk, https://grep-perf.kelda.example."
    )
    + cell(""),
)


def test_a_board_reads_each_card_under_its_lane_and_status(catalogue: Catalogue) -> None:
    found = read(BOARD, catalogue)
    assert found["deployment_type"] == ["Kubernetes with Helm"]
    assert found["instance_types"] == ["4 × n2-standard-16"]
    assert found["total_cpu"] == ["64"] and found["total_memory_gb"] == ["256 GB"]
    assert found["total_disk_gb"] == ["3 TB"]
    assert found["instance_url"] == ["https://grep.kelda.example"]


def test_cards_under_a_status_of_things_not_done_are_not_the_deployment(catalogue: Catalogue) -> None:
    reading = read_document_of(BOARD, catalogue)
    dropped = [v for v in reading if v.field == "deployment_type" and v.value == "Docker Compose"]
    assert dropped and all(v.section == "trial" for v in dropped)
    backlog = [v for v in reading if v.field == "total_disk_gb" and v.value == "6000"]
    assert all(v.section == "trial" for v in backlog)


def test_a_lane_naming_another_environment_scopes_its_cards(catalogue: Catalogue) -> None:
    reading = read_document_of(BOARD, catalogue)
    perf = [v for v in reading if v.field == "instance_types" and "n2-standard-8" in (v.value or "")]
    assert perf and all(v.section == "trial" for v in perf)
    assert "Done" in next(v.location.ref for v in reading if v.field == "instance_url")


def test_a_layout_table_reads_as_flow_text(catalogue: Catalogue) -> None:
    html = grid(
        cell(
            "By the platform team",
            "In spring a pilot ran on one Standard_D16s_v5 VM with Docker Compose for sixty volunteers.",
            "The service we run now was built on AKS with Kustomize overlays over three weeks.",
        )
        + cell(
            "<b>AT A GLANCE</b>",
            "Address: https://code.fenwick.example",
            "Nodes: 4 × Standard_E16s_v5",
            "Storage: 5,120 GiB",
            "Indexed: 3,660 repositories",
        )
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["4 × Standard_E16s_v5"]
    assert found["deployment_type"] == ["Kubernetes with Kustomize"]
    assert found["total_disk_gb"] == ["5120 GiB"] and found["repositories"] == ["3660"]
    assert found["instance_url"] == ["https://code.fenwick.example"]


def test_a_callout_box_is_a_section_under_its_own_title(catalogue: Catalogue) -> None:
    html = grid(cell("<b>Rehearsal copy (staging)</b>", "Nodes: 1 × m6i.2xlarge", "Disk: 500 GB"))
    html += "<h2>The service</h2><p>Nodes: 3 × m6i.4xlarge</p><p>Disk: 2 TB</p>"
    found = read(html, catalogue)
    assert found["instance_types"] == ["3 × m6i.4xlarge"] and found["total_disk_gb"] == ["2 TB"]


def test_a_data_table_with_one_long_cell_stays_a_data_table(catalogue: Catalogue) -> None:
    html = grid(
        cell("Instance types") + cell("3 × m6i.4xlarge", "2 × r6i.2xlarge"),
        cell("Total CPU") + cell("64 vCPU"),
        cell("Total memory") + cell("320 GiB"),
        cell("Notes") + cell("The search pool was added in May after the load test.", "See ticket OPS-4."),
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["3 × m6i.4xlarge, 2 × r6i.2xlarge"]
    assert found["total_cpu"] == ["64"]


def read_document_of(html: str, catalogue: Catalogue) -> list[Any]:
    return list(read_document(html_document(f"<html><body>{html}</body></html>"), catalogue).values)


def test_a_cell_under_alternatives_is_no_production_whatever_its_row(catalogue: Catalogue) -> None:
    html = grid(
        cell("<b>Topic</b>") + cell("<b>Rejected alternatives</b>") + cell("<b>What we built</b>"),
        cell("Production compute")
        + cell("Three Standard_E32s_v5 nodes were the first sizing.", "Judged oversized by the board.")
        + cell("Five Standard_E16s_v5 nodes.", "That is 80 vCPU and 640 GiB of memory in all."),
        cell("Production storage")
        + cell("Azure Files premium shares of 2 TB.", "Rejected for latency.")
        + cell("Premium SSD v2 managed disks.", "3,584 GiB in total."),
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["5 × Standard_E16s_v5"]
    assert found["total_disk_gb"] == ["3584 GiB"]


def test_an_answer_cell_of_paragraphs_and_lists_is_read_as_a_section(catalogue: Catalogue) -> None:
    html = grid(
        cell("Customer") + cell("Acme Shipping"),
        cell("Go-live") + cell("1 September 2026"),
        cell("Environments")
        + cell("Production runs on Amazon EKS, installed with the Helm chart.").replace(
            "</td>",
            "<ul><li>Nodes: 4 × m6i.4xlarge</li><li>Disk: 2 TB</li></ul><p><b>Staging</b></p>"
            "<ul><li>Nodes: 1 × m6i.2xlarge</li><li>Disk: 500 GB</li></ul></td>",
        ),
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["4 × m6i.4xlarge"] and found["total_disk_gb"] == ["2 TB"]


def test_a_heading_that_is_only_a_status_of_things_not_done_scopes_its_part(catalogue: Catalogue) -> None:
    html = (
        "<h2>Shipped</h2><p><b>Prod cluster (prod)</b></p><p>Nodes: 6 × m7i.4xlarge</p>"
        "<h2>Icebox (2)</h2><p><b>Prod executors</b></p><p>Nodes: 2 × c7i.4xlarge</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["6 × m7i.4xlarge"]


def test_a_header_of_two_short_lines_still_heads_its_column(catalogue: Catalogue) -> None:
    html = grid(
        cell("<b>Shipped</b>") + cell("<b>Won't do</b>", "(closed by the PO)"),
        cell("<b>Cluster</b>", "Helm chart on GKE with 4 × n2-standard-16 nodes in total.")
        + cell("<b>Single VM</b>", "Docker Compose on 1 × n2-standard-32 with a 2 TB disk, dropped."),
    )
    assert read(html, catalogue)["instance_types"] == ["4 × n2-standard-16"]


def test_a_full_width_title_row_is_the_lane_of_the_cards_below_it(catalogue: Catalogue) -> None:
    html = (
        "<table><tr><td><p><b>Done</b></p></td><td><p><b>Doing</b></p></td></tr>"
        "<tr><td colspan='2'><p>Rehearsal cluster (perf)</p></td></tr>"
        + "<tr>"
        + cell("<b>Cluster</b>", "Nodes: 2 × m6i.2xlarge, stood up for the load test.")
        + cell("<b>Load test</b>", "k6 with 500 virtual users for 30 minutes.")
        + "</tr><tr><td colspan='2'><p>Platform (prod)</p></td></tr><tr>"
        + cell("<b>Cluster</b>", "Nodes: 3 × m6i.4xlarge, behind the corporate proxy.")
        + cell("<b>Upgrade</b>", "Rolling the 5.9 upgrade out next week.")
        + "</tr></table>"
    )
    assert read(html, catalogue)["instance_types"] == ["3 × m6i.4xlarge"]


def test_a_row_label_labels_the_short_first_line_of_its_cell(catalogue: Catalogue) -> None:
    html = grid(
        cell("Nodes") + cell("4 × m6i.4xlarge", "Sized with the vendor's calculator last spring."),
        cell("Licensed users") + cell("800", "Order form signed in May with the renewal."),
        cell("Concurrent users") + cell("150", "From the sizing workshop with the vendor."),
    )
    found = read(html, catalogue)
    assert found["max_users"] == ["800"] and found["max_concurrent_users"] == ["150"]
    assert found["instance_types"] == ["4 × m6i.4xlarge"]


def test_the_first_row_of_a_label_table_with_list_cells_is_a_label_not_a_header(catalogue: Catalogue) -> None:
    html = grid(
        cell("Deployment") + cell("Helm chart on Amazon EKS"),
        cell("Code hosts") + "<td><ul><li>GitLab Self-Managed — 1,200 repositories</li>"
        "<li>GitHub.com — 300 repositories</li></ul></td>",
        cell("Machines")
        + "<td><ul><li>3 × m6i.4xlarge (app)</li><li>2 × r6i.2xlarge (search)</li></ul></td>",
    )
    found = read(html, catalogue)
    assert found["deployment_type"] == ["Kubernetes with Helm"] and found["repositories"] == ["1500"]
