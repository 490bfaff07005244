"""Tables in any orientation (read/orient.py): a table and the same table turned a quarter read alike.
The labels may run down the first column or across the first row; the other axis may hold kinds of
value (`Value`, `Actual`, `Planned`, `Evidence`), environments, one record or several records."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import orient
from tdd_snippets import read, table


def turn(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(zip(*rows, strict=True))


WIDE_RECORD = (
    ("Attribute", "Platform", "Service address", "Repositories indexed", "Largest single repository"),
    ("Value", "Kubernetes, Helm chart, on Azure AKS", "https://search.example.co.uk", "2,940", "core, 6 GB"),
    ("Evidence", "CHG-20931", "DNS record", "site-admin export", "gitserver metrics"),
)
HOSTS_ACROSS = (
    ("Connection", "GitHub Enterprise Cloud", "GitLab Self-Managed", "Bitbucket Data Center"),
    ("Repositories", "1,730", "410", "260"),
    ("Lifecycle", "Active", "Active", "Retired"),
)
PLANNED_ACTUAL = (
    ("Item", "Node pool", "Total vCPU", "Build start"),
    ("Planned (SOW)", "3 × n2-standard-16", "48", "6 April 2026"),
    ("Actual", "4 × n2-standard-16", "64", "13 April 2026"),
    ("Comment", "fourth node added after the indexing test", "", "landing zone late"),
)
ONE_RECORD = (
    ("Platform", "Node pool", "Endpoint", "Production start"),
    ("Amazon EKS, Helm chart", "4 × m7i.4xlarge", "https://search.example.ac.uk", "14 April 2026"),
)
ENVIRONMENTS_BY_WHERE = (
    ("Where", "Runs on", "Machines", "vCPU (all nodes)", "Address"),
    (
        "Upgrade rehearsal (QA)",
        "Docker Compose on one VM",
        "1 × e2-standard-8",
        "8",
        "https://cs-qa.example.io",
    ),
    ("Live", "GKE, Sourcegraph Helm chart", "5 × n2-highmem-8", "40", "https://cs.example.io"),
    (
        "DR standby (europe-west1)",
        "GKE, Sourcegraph Helm chart",
        "2 × n2-highmem-8",
        "16",
        "https://cs-dr.example.io",
    ),
)


def test_a_wide_record_with_its_labels_across_reads_each_value_under_its_label(catalogue: Catalogue) -> None:
    got = read(table(*WIDE_RECORD), catalogue)
    assert got["deployment_type"] == ["Kubernetes with Helm"] and got["hosting_provider"] == ["Azure"]
    assert got["instance_url"] == ["https://search.example.co.uk"]
    assert got["repositories"] == ["2940"] and got["largest_repo_mb"] == ["6 GB"]


def test_code_hosts_as_columns_are_records_a_retired_one_is_no_part(catalogue: Catalogue) -> None:
    got = read(table(*HOSTS_ACROSS), catalogue)
    assert set(got["code_hosts"][0].split(", ")) == {"GitHub.com", "GitLab Self-Managed"}
    assert "Bitbucket" not in " ".join(got["code_hosts"])
    assert got["repositories"] == ["2140"]  # the active hosts' parts, added up


def test_planned_and_actual_rows_under_labels_across_take_the_actual(catalogue: Catalogue) -> None:
    got = read(table(*PLANNED_ACTUAL), catalogue)
    assert got["instance_types"] == ["4 × n2-standard-16"] and got["total_cpu"] == ["64"]
    assert got["start_date"] == ["2026-04-13"]


def test_one_record_with_its_labels_in_the_first_row_is_a_label_table(catalogue: Catalogue) -> None:
    got = read(table(*ONE_RECORD), catalogue)
    assert got["instance_types"] == ["4 × m7i.4xlarge"] and got["deployment_type"] == ["Kubernetes with Helm"]
    assert got["instance_url"] == ["https://search.example.ac.uk"] and got["start_date"] == ["2026-04-14"]


def test_environments_as_rows_under_any_header_two_of_them_not_production(catalogue: Catalogue) -> None:
    got = read(table(*ENVIRONMENTS_BY_WHERE), catalogue)
    assert got["instance_types"] == ["5 × n2-highmem-8"] and got["total_cpu"] == ["40"]
    assert got["deployment_type"] == ["Kubernetes with Helm"] and got["instance_url"] == [
        "https://cs.example.io"
    ]


@pytest.mark.parametrize(
    "rows",
    [WIDE_RECORD, HOSTS_ACROSS, PLANNED_ACTUAL, ONE_RECORD, ENVIRONMENTS_BY_WHERE],
    ids=["wide record", "hosts across", "planned and actual", "one record", "environments by where"],
)
def test_a_table_and_the_same_table_turned_a_quarter_read_alike(
    catalogue: Catalogue, rows: tuple[tuple[str, ...], ...]
) -> None:
    as_written = read(table(*rows), catalogue)
    turned = read(table(*turn(rows)), catalogue)
    assert {f: sorted(v) for f, v in turned.items()} == {f: sorted(v) for f, v in as_written.items()}


def test_records_as_rows_and_labels_down_with_kinds_across_are_read_as_they_are() -> None:
    def label(text: str) -> bool:
        return text in {"Replicas", "CPU", "Repositories", "Cloud"}

    def kind(text: str) -> bool:
        return text in {"Value", "Notes"}

    def nothing(text: str) -> str:
        return ""

    records = [
        ["Component", "Replicas", "CPU"],
        ["gitserver", "2", "4"],
        ["zoekt", "2", "8"],
        ["web", "3", "2"],
    ]
    labels = [["Setting", "Value", "Notes"], ["Cloud", "AWS", "from the wiki"], ["Repositories", "1,200", ""]]
    assert not orient.turned(records, label, kind, nothing, nothing)
    assert not orient.turned(labels, label, kind, nothing, nothing)
    assert orient.turned(orient.transpose(labels), label, kind, nothing, nothing)


def test_shapes_and_numbered_columns() -> None:
    assert [orient.shape(t) for t in ("https://a.example", "3 × m6i.4xlarge", "2.5 TB", "1,200", "—")] == [
        "url", "machines", "size", "number", "",
    ]  # fmt: skip
    assert orient.shape("aks-sg-node-a") == "name" and orient.shape("Pre-production") == "word"
    assert orient.references(["C-1", "C-2", "C-3"]) and orient.references(["1", "2"])
    assert not orient.references(["C-1", "C-3"]) and not orient.references(["GitHub", "GitLab"])
