"""TDD reader: documents left mid-edit (`read.edits`, `read.dittos`): a corrected figure beside
its old one (an arrow, "(corrected from …)", ", not …", "(was …)"), a template's examples, ditto
marks in tables. The current figure is read in every layout; the old one, the example and the mark
are never values."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.edits import current
from handoff.read.threads import accepted_runs
from tdd_snippets import read, table

# one production fact sheet; {m}, {r}: the memory and repositories as a writer corrected them
LAYOUTS = (
    "<p>Total memory: {m}</p><p>Repositories: {r}</p>",  # label lines
    "<p>The cluster has {m} of memory in total and indexes {r} repositories.</p>",  # a sentence
    "<ul><li>Total memory: {m}</li><li>Repositories: {r}</li></ul>",  # list items
    table(("Total memory", "{m}"), ("Repositories", "{r}")),  # a label table
    table(("Item", "Staging", "Production"), ("Total memory", "64 GB", "{m}"), ("Repositories", "90", "{r}")),
)
EDITS = (
    ("576 GiB → 768 GiB", "1,425 → 1,900"),
    ("576 -> 768 GiB", "1,425 -> 1,900"),
    ("768 GiB (corrected from 576 GiB)", "1,900 (corrected from 1,425)"),
    ("768 GiB, not 576 GiB", "1,900, not 1,425"),
    ("768 GiB (not 576)", "1,900 (not 1,425)"),
    ("768 GiB (was 576 GiB)", "1,900 (previously 1,425)"),
)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("memory", "repos"), EDITS)
def test_the_corrected_figure_is_read_in_every_layout(
    catalogue: Catalogue, layout: str, memory: str, repos: str
) -> None:
    found = read("<h2>Production</h2>" + layout.format(m=memory, r=repos), catalogue)
    assert found["total_memory_gb"] in (["768 GiB"], ["768 GB"]) and found["repositories"] == ["1900"]


@pytest.mark.parametrize(
    "text",
    [
        "EBS: 3 TB data + 200 GB root → 3.2 TB total",  # parts, then their total
        "GitHub 1,000 and GitLab 430 → 1,430 repos in PRD",  # the parts add up to it
        "Built 21 Sep → 2 Oct 2026",  # a date range
        "Chart 5.11.4 → 6.0.3, no sizing change",  # versions
        "Upgrade path: 16 vCPU → 64 GB",  # figures of two kinds
    ],
)
def test_an_arrow_that_corrects_nothing_stays(text: str) -> None:
    assert current(text) == text


def test_a_change_remark_moves_to_the_end_of_its_sentence_and_keeps_marking_history(
    catalogue: Catalogue,
) -> None:
    assert (
        current("64 vCPUs, 256 GiB (was 192 GiB) RAM. Next.") == "64 vCPUs, 256 GiB RAM (was 192 GiB). Next."
    )
    found = read(
        "<h2>Production</h2><p>Storage: 4 TB (was 3 TB) of gp3 EBS volumes for all data.</p>", catalogue
    )
    assert found["total_disk_gb"] == ["4 TB"]


@pytest.mark.parametrize(
    "guidance",
    [
        "<p><i>Template guidance: fill in every field, e.g. Instance types: 3 × m6i.2xlarge; Total vCPU: e.g."
        " 24 vCPU.</i></p>",
        "<p>[Instructions: list the machines as count × type, e.g. 3 × m6i.2xlarge, and the totals, e.g. 24"
        " vCPU / 96 GB RAM. Remove this note.]</p>",
        table(("Replace each placeholder, for example “Nodes: 3 × m6i.2xlarge (24 vCPU, 96 GB in total)”.",)),
    ],
)
def test_a_templates_examples_and_placeholders_are_no_values(catalogue: Catalogue, guidance: str) -> None:
    found = read(
        f"{guidance}<h2>Production</h2><p>Nodes: 4 × r6i.4xlarge</p><p>Largest repository: XX GB</p>"
        "<p>Total disk: TBD</p><p>Concurrent users: &lt;N&gt;</p><p>Monorepos: x.x</p>",
        catalogue,
    )
    assert found["instance_types"] == ["4 × r6i.4xlarge"]
    assert not {"total_cpu", "total_memory_gb", "largest_repo_mb", "total_disk_gb", "monorepos"} & set(found)


@pytest.mark.parametrize(
    "mark", ["〃", '"', "ditto", "same as above", "as above", "— 〃 —", "same as Staging"]
)
def test_a_ditto_cell_holds_the_value_it_repeats(catalogue: Catalogue, mark: str) -> None:
    rows = table(
        ("Environment", "Deployment", "Cloud", "RAM"),
        ("Staging", "Kubernetes (Helm)", "Azure", "128 GiB"),
        ("Production", mark, mark, "768 GiB"),
    )
    found = read(rows, catalogue)
    assert found["deployment_type"] == ["Kubernetes with Helm"] and found["hosting_provider"] == ["Azure"]
    assert found["total_memory_gb"] == ["768 GiB"]


def test_same_as_a_column_takes_that_columns_cell(catalogue: Catalogue) -> None:
    rows = table(
        ("Component", "Staging", "Production"),
        ("Deployment", "Kubernetes (Helm)", "same as staging"),
        ("Memory", "128 GiB", "768 GiB"),
    )
    assert read(rows, catalogue)["deployment_type"] == ["Kubernetes with Helm"]


# ---- comment threads pasted inline (read/threads.py) ----

STALE = "<h2>Production</h2><p>Node pool: 3 × Standard_E16s_v5</p><p>Total CPU / memory: 48 vCPU / 384 GB</p>"


@pytest.mark.parametrize(
    "thread",
    [
        "<p>Comment (Jonas Berg): we scaled the pool to four nodes. Is this page stale?</p>"
        "<p>Reply (Aino Virtanen): yes, it is 4 × Standard_E16s_v5 now, 64 vCPU / 512 GB in total.</p>"
        "<p>✓ Resolved</p>",
        "<p>Comment — Jonas: the pool has four nodes since September?</p><p>Reply — Aino: correct, 4 ×"
        " Standard_E16s_v5, 64 vCPU and 512 GB. Marked as resolved.</p>",
        "<p>[Comment] This should be 4 × Standard_E16s_v5 (64 vCPU, 512 GB). [Reply] Agreed, updating.</p>",
    ],
)
def test_an_accepted_comment_thread_corrects_the_figures_above_it(catalogue: Catalogue, thread: str) -> None:
    found = read(STALE + thread, catalogue)
    assert found["instance_types"] == ["4 × Standard_E16s_v5"] and found["total_cpu"] == ["64"]


def test_a_thread_that_keeps_the_figure_changes_nothing(catalogue: Catalogue) -> None:
    thread = (
        "<p>Comment (Jonas Berg): shouldn't this be 4 × Standard_E16s_v5 by now?</p>"
        "<p>Reply (Aino Virtanen): no, the fourth node was never ordered; 3 nodes stays as it is.</p>"
        "<p>Resolved</p>"
    )
    found = read(STALE + thread, catalogue)
    assert "3 × Standard_E16s_v5" in found["instance_types"] and "48" in found["total_cpu"]
    assert accepted_runs(["Comment: x?", "Reply: keeping it.", "Resolved"]) == set()
    assert accepted_runs(["Disk: 2 TB", "Comment: 3 TB?", "Reply: done", "Disk: 4 TB"]) == {1, 2}


def test_a_ditto_under_the_header_repeats_the_cell_to_its_left(catalogue: Catalogue) -> None:
    rows = table(
        ("Item", "Staging", "Production"),
        ("Deployment", "Kubernetes (Helm)", "〃"),
        ("Memory", "128 GiB", "768 GiB"),
    )
    assert read(rows, catalogue)["deployment_type"] == ["Kubernetes with Helm"]
