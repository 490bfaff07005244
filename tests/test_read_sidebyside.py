"""A two-column table setting two sides side by side (`read.sidebyside`): a slide's `Today | Target`,
`As-is | To-be` or `Cloud A ✔ | Cloud B` comparison is no `Label | value` table; each cell is read
under its column's title, and the earlier side (the state the deployment replaces) or the option not
ticked is not the deployment's."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.sidebyside import sides
from tdd_snippets import read, table

_PLATFORM = "<h1>Platform</h1><p>Sourcegraph is installed with the Helm chart.</p>"


def _never(_: str) -> str:
    return ""


def _no_label(_: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("titles", "want"),
    [
        (("As-is", "To-be"), ["trial", ""]),
        (("Current platform (Hound)", "Future platform"), ["trial", ""]),
        (("Proposed design", "Existing search"), ["", "trial"]),
        (("Legacy", "As built"), ["trial", ""]),
        (("Before the migration", "Now"), ["trial", ""]),
        (("On-prem cluster ✓", "Azure"), ["", "trial"]),
        (("GKE", "EKS (chosen)"), ["trial", ""]),
    ],
)
def test_the_earlier_side_or_the_option_not_ticked_is_set_aside(
    titles: tuple[str, str], want: list[str]
) -> None:
    rows = [list(titles), ["2 × m5.xlarge", "4 × m6i.2xlarge"], ["8 vCPU / 32 GB", "32 vCPU / 128 GB"]]
    assert sides(rows, _never, _no_label) == want


@pytest.mark.parametrize(
    "titles",
    [
        ("Option one", "Option two"),  # no side told apart
        ("Today", "Today"),
        ("Nodes", "4 nodes"),  # a figure in a title: a label and its value
        ("GKE ✓", "EKS ✓"),  # both ticked
    ],
)
def test_titles_that_tell_no_side_apart_leave_the_table_as_it_is(titles: tuple[str, str]) -> None:
    rows = [list(titles), ["2 × m5.xlarge", "4 × m6i.2xlarge"], ["8 vCPU / 32 GB", "32 vCPU / 128 GB"]]
    assert sides(rows, _never, _no_label) is None


def test_titles_naming_environments_are_the_environment_readers(catalogue: Catalogue) -> None:
    def named(text: str) -> str:
        return {"Staging (today)": "trial", "Production (target)": "production"}.get(text, "")

    rows = [["Staging (today)", "Production (target)"], ["1 × m6i.xlarge", "3 × m6i.2xlarge"], ["a", "b"]]
    assert sides(rows, named, _no_label) is None


def test_a_left_column_of_labels_is_a_label_table() -> None:
    rows = [["Today", "Target"], ["Nodes:", "3"], ["Memory:", "128 GB"], ["Users", "900"]]
    assert sides(rows, _never, lambda t: t in ("Users",)) is None


@pytest.mark.parametrize(
    ("titles", "old", "new"),
    [
        (("As-is", "To-be"), "~1,900 repos on Hound", "~3,400 repos, GitLab + GitHub"),
        (("Current state", "Target state"), "1,900 repositories (GitLab only)", "3,400 repositories"),
        (("Before", "After"), "Hound, 1,900 repos indexed", "3,400 repos indexed"),
    ],
)
def test_the_earlier_sides_figures_are_not_read_as_labels(
    catalogue: Catalogue, titles: tuple[str, str], old: str, new: str
) -> None:
    html = f"{_PLATFORM}<h1>Where we are</h1>" + table(
        titles,
        (old, new),
        ("4 vCPU / 16 GB, one VM", "48 vCPU / 192 GB"),
        ("no SSO", "SAML via Entra ID"),
    )
    got = read(html, catalogue)
    assert "1900" not in got.get("repositories", [])
    assert "4" not in got.get("total_cpu", [])
    assert got["total_cpu"] == ["48"]


@pytest.mark.parametrize(
    ("chosen", "other"),
    [("OVHcloud (gra) ✔", "GCP europe-west1"), ("Own data centre (chosen)", "Azure West Europe")],
)
def test_the_ticked_sides_machines_are_the_deployments(catalogue: Catalogue, chosen: str, other: str) -> None:
    html = f"{_PLATFORM}<h1>Where to host</h1>" + table(
        (chosen, other),
        ("3 × m6i.4xlarge", "4 × n2-standard-16"),
        ("48 vCPU / 192 GB", "64 vCPU / 256 GB"),
        ("we patch it ourselves", "managed control plane"),
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]
    assert got["total_cpu"] == ["48"]
