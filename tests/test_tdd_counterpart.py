"""TDD reader, the counterpart column: in a table whose columns name only non-production
environments, the one column built like them but naming none is what they are compared with."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


def test_the_main_instance_beside_a_qa_instance_is_production(catalogue: Catalogue) -> None:
    html = table(
        ("Component", "Main instance", "QA instance"),
        ("Platform", "Azure Kubernetes Service, Helm chart", "same chart, dev/test subscription"),
        ("Compute in total", "64 vCPU · 448 GiB RAM", "16 vCPU · 64 GiB"),
    )
    got = read(html, catalogue)
    assert got["total_cpu"] == ["64"] and got["hosting_provider"] == ["Azure"]


def test_a_current_cluster_beside_a_dr_cluster_is_production(catalogue: Catalogue) -> None:
    html = table(
        ("Item", "Standby cluster", "Current cluster"),
        ("Nodes", "2 × n2-standard-16", "5 × n2-standard-16"),
        ("Address", "https://sg-standby.example.com", "https://sourcegraph.example.com"),
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["5 × n2-standard-16"]
    assert got["instance_url"] == ["https://sourcegraph.example.com"]


def test_a_column_built_unlike_the_environments_stays_unread(catalogue: Catalogue) -> None:
    html = table(
        ("Setting", "Notes", "Staging"),
        ("Nodes", "sized by the vendor: 4 × m6i.4xlarge", "2 × m6i.2xlarge"),
    )
    assert "instance_types" not in read(html, catalogue)
    two = table(
        ("Item", "Main instance", "Backup instance", "QA instance"),
        ("Nodes", "4 × m6i.4xlarge", "4 × m6i.2xlarge", "1 × m6i.xlarge"),
    )
    assert "instance_types" not in read(two, catalogue)  # two candidates: neither is taken
