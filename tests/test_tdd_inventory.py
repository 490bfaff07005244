"""TDD reader: inventory-style tables (a CMDB or asset-register export): a column of environment
names says each row's environment whatever its header, one row per machine is counted by type, and a
row whose status cell marks its thing as retired counts for nothing."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from tdd_snippets import table


def values(html: str, catalogue: Catalogue) -> dict[str, str]:
    reading = read_document(html_document(html), catalogue)
    return {v.field: v.value or v.text for v in reading.values if v.field and v.section != "trial"}


def test_a_column_of_environment_names_places_each_row(catalogue: Catalogue) -> None:
    html = table(
        ("cluster", "purpose", "vcpu_total", "memory_total (GiB)"),
        ("k8s-a1", "Staging", "16", "64"),
        ("k8s-b1", "Production", "96", "384"),
    )
    found = values(html, catalogue)
    assert found["total_cpu"] == "96" and found["total_memory_gb"] == "384 GiB"  # the header's unit


def test_a_cluster_name_with_digits_is_no_environment_column(catalogue: Catalogue) -> None:
    html = table(
        ("Environment", "Cluster", "Machine type", "Nodes"),
        ("Staging", "plat-stg-02", "m6i.xlarge", "2"),
        ("Production", "plat-prd-01", "m6i.4xlarge", "4"),
    )
    assert values(html, catalogue)["instance_types"] == "4 × m6i.4xlarge"


def test_one_row_per_machine_is_counted_by_type(catalogue: Catalogue) -> None:
    html = table(
        ("Hostname", "Class", "Machine type"),
        ("vm-sg-01", "Production", "n2-standard-16"),
        ("vm-sg-02", "Production", "n2-standard-16"),
        ("vm-sg-03", "Production", "n2-standard-8"),
        ("vm-sgt-01", "Test", "n2-standard-4"),
    )
    assert values(html, catalogue)["instance_types"] == "2 × n2-standard-16, 1 × n2-standard-8"


def test_distinct_types_on_their_rows_stay_as_written(catalogue: Catalogue) -> None:
    html = table(
        ("Pool", "Machine type", "Nodes"), ("search", "m6i.4xlarge", "3"), ("web", "m6i.xlarge", "2")
    )
    assert values(html, catalogue)["instance_types"] == "3 × m6i.4xlarge, 2 × m6i.xlarge"


def test_a_retired_row_counts_for_nothing(catalogue: Catalogue) -> None:
    html = table(
        ("Connection", "Product", "Repositories", "State"),
        ("gitlab.corp.example", "GitLab Self-Managed", "900", "Active"),
        ("svn.corp.example", "Gerrit", "40", "Retired"),
        ("github.com/example", "GitHub.com", "100", "Active"),
    )
    found = values(html, catalogue)
    assert found["code_hosts"] == "GitLab Self-Managed, GitHub.com"
    assert found["repositories"] == "1000"


def test_a_line_marked_not_done_is_not_the_deployment(catalogue: Catalogue) -> None:
    html = (
        "<ul><li><p>❌ a single m6i.8xlarge with Docker Compose, dropped</p></li>"
        "<li><p>✅ Helm on EKS, 3 × m6i.4xlarge</p></li></ul>"
    )
    found = values(html, catalogue)
    assert found["deployment_type"] == "Kubernetes with Helm"
    assert found["instance_types"] == "3 × m6i.4xlarge"


def test_an_item_marked_not_done_is_no_part_of_the_list_it_is_under(catalogue: Catalogue) -> None:
    html = (
        "<p>Code hosts:</p><ul><li><p>GitLab.com</p></li><li><p>🔴 Perforce, not connecting</p></li>"
        "<li><p>GitHub.com</p></li></ul>"
    )
    assert values(html, catalogue)["code_hosts"] == "GitLab.com, GitHub.com"


def test_tl_dr_names_no_disaster_recovery_site(catalogue: Catalogue) -> None:
    html = "<h2>TL;DR</h2><p>Production: 4 × Standard_D16s_v5, 64 vCPU in total.</p>"
    assert values(html, catalogue)["total_cpu"] == "64"
