"""TDD reader: a table cell's meaning comes from the table's structure (its row's label, its
column's header, the row's environment and status), not from phrases."""

from __future__ import annotations

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
