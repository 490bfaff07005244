"""TDD reader: a table cell's meaning comes from the table's structure (its row's label, its
column's header, the row's environment and status), not from phrases."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


def test_a_column_numbering_the_rows_is_no_machine_count(catalogue: Catalogue) -> None:
    html = "<h2>Production line items</h2>" + table(
        ("#", "Service", "Resource", "Qty", "Cost (USD)"),
        ("1", "Amazon EKS", "Cluster fee", "744", "74.40"),
        ("2", "Amazon EC2", "m6i.4xlarge, node group general", "3", "1,223.14"),
        ("3", "Amazon EC2", "r6i.2xlarge, node group search", "1", "269.33"),
        ("Production total", "", "", "", "1,566.87"),
    )
    assert read(html, catalogue)["instance_types"] == ["3 × m6i.4xlarge, 1 × r6i.2xlarge"]


def test_numbered_controls_are_read_by_their_evidence(catalogue: Catalogue) -> None:
    html = "<h2>Architecture and capacity</h2>" + table(
        ("#", "Control", "Answer", "Evidence / notes"),
        ("1.1", "Is compute sized to a model?", "Yes", "Pools: svc 3 × Standard_E16s_v5. 48 vCPU in total."),
        ("1.2", "Is the service deployed across zones?", "Yes", "Zones 1–3."),
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["3 × Standard_E16s_v5"] and found["total_cpu"] == ["48"]


def test_a_change_closed_on_a_date_completes_the_build(catalogue: Catalogue) -> None:
    html = "<h2>Build record</h2>" + table(
        ("#", "Control", "Answer", "Evidence / notes"),
        ("3.1", "Change control?", "Yes", "Provisioned from 16 March 2026; build closed 3 April 2026."),
        ("3.2", "Were the staging results carried over?", "N/A", "No staging."),
    )
    found = read(html, catalogue)
    assert found["start_date"] == ["2026-03-16"] and found["completion_date"] == ["2026-04-03"]


def test_environments_as_rows_read_each_cell_by_its_column(catalogue: Catalogue) -> None:
    html = table(
        ("Environment", "Platform", "Machine type", "Nodes", "Capacity", "Disk (TiB)", "URL"),
        (
            "Staging",
            "Helm on AKS",
            "Standard_D8s_v5",
            "1",
            "8 vCPU / 32 GiB",
            "0.5",
            "https://sg-stg.example.org",
        ),
        (
            "Production",
            "Helm on AKS",
            "Standard_E16s_v5",
            "3",
            "48 vCPU / 384 GiB",
            "2",
            "https://sg.example.org",
        ),
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["3 × Standard_E16s_v5"]
    assert found["total_cpu"] == ["48"] and found["total_memory_gb"] == ["384 GiB"]
    assert found["total_disk_gb"] == ["2 TiB"] and found["instance_url"] == ["https://sg.example.org"]
    assert found["hosting_provider"] == ["Azure"] and found["deployment_type"] == ["Kubernetes with Helm"]


def test_a_value_column_named_now_holds_the_values_and_the_notes_speak_of_the_row(
    catalogue: Catalogue,
) -> None:
    html = table(
        ("Metric", "Now", "Notes"),
        ("Repos indexed", "1,525", "GitLab.com 1,430 + GitHub.com 95"),
        ("Monorepos", "1", "ehr-platform, also the biggest at 2.7 GB"),
        ("Licensed seats", "1,200", "contract through 2027"),
        ("Weekly active users", "870", "week of 12 Oct"),
        ("Peak concurrent so far", "140", "post-launch demo"),
    )
    found = read(html, catalogue)
    assert found["repositories"] == ["1525"] and found["monorepos"] == ["1"]
    assert found["code_hosts"] == ["GitLab.com, GitHub.com"] and found["largest_repo_mb"] == ["2.7 GB"]
    assert found["max_users"] == ["1200"] and "max_concurrent_users" not in found


def test_a_target_column_gives_way_to_the_column_of_what_was_reached(catalogue: Catalogue) -> None:
    html = table(
        ("Metric", "Target (charter)", "At close"),
        ("Repositories synced", "1,900", "1,940"),
        ("Git data on disk (GiB)", "500", "610"),
        ("Monorepos", "2", "3"),
    )
    found = read(html, catalogue)
    assert found["repositories"] == ["1940"] and found["monorepos"] == ["3"]
    assert found["total_repo_size_gb"] == ["610 GiB"] and "total_disk_gb" not in found


def test_a_glossary_table_declares_the_names_a_cluster_column_uses(catalogue: Catalogue) -> None:
    html = table(
        ("Name", "Meaning"),
        ("HERON", "The production search cluster for all engineers"),
        ("EGRET", "Staging copy of HERON for upgrade rehearsals"),
    ) + table(
        ("Cluster", "Machine type", "Nodes", "URL"),
        ("EGRET", "n2-standard-8", "2", "https://egret.example.org"),
        ("HERON", "n2-standard-16", "4", "https://search.example.org"),
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["4 × n2-standard-16"]
    assert found["instance_url"] == ["https://search.example.org"]


def test_a_change_log_gives_the_dates_of_the_row_that_builds_production(catalogue: Catalogue) -> None:
    html = table(
        ("number", "short_description", "used_for", "actual start", "actual end"),
        ("CHG1", "Build staging cluster", "Staging", "2026-07-21", "2026-07-24"),
        ("CHG2", "Build production cluster and deploy Sourcegraph", "Production", "2026-08-03", "2026-08-14"),
        ("CHG3", "Upgrade Sourcegraph 6.5 to 6.6", "Production", "2026-09-29", "2026-09-29"),
    )
    found = read(html, catalogue)
    assert found["start_date"] == ["2026-08-03"] and found["completion_date"] == ["2026-08-14"]


def test_a_header_cell_over_an_environment_row_declares_no_name(catalogue: Catalogue) -> None:
    html = table(("Setting", "Value"), ("URL", "https://search.example.org")) + table(
        ("Environment", "Purpose", "URL"),
        ("QS (test)", "Upgrade tests", "https://qs.example.org"),
        ("Production", "All developers", "https://search.example.org"),
    )
    assert read(html, catalogue)["instance_url"] == ["https://search.example.org"] * 2


def test_a_row_title_is_what_the_evidence_of_its_row_speaks_of(catalogue: Catalogue) -> None:
    html = table(
        ("Gate", "RAG", "Evidence"),
        ("Code hosts connected", "G", "Azure DevOps (1,240 repositories) syncing."),
        ("Perforce depots", "R", "Not connected: the connector licence was not renewed."),
    )
    assert read(html, catalogue)["code_hosts"] == ["Azure DevOps"]


@pytest.mark.parametrize("first", [True, False])
def test_an_address_written_on_one_of_an_environments_rows_is_its_own(
    catalogue: Catalogue, first: bool
) -> None:
    """An environment over two machine rows and its total row: the address, written on one row only
    (the first or the second), is the environment's; no total adds it up."""
    url = "https://code.example.org"
    rows = [
        ("Environment", "Machines", "vCPU", "Endpoint"),
        ("Production", "3 × r6i.4xlarge", "48", url if first else ""),
        ("Production", "2 × c6i.4xlarge", "32", "" if first else url),
        ("Production total", "5 nodes", "80", ""),
        ("Staging", "1 × m6i.2xlarge", "8", "https://sg-stg.example.org"),
    ]
    found = read(table(*rows), catalogue)
    assert found["instance_url"] == [url]
    assert found["total_cpu"] == ["80"]
