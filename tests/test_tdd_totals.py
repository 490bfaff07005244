"""TDD reader: a figure said to be the total beats its parts; the nesting of a Docs export's lists; a
sentence that weighs options gives the one chosen."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("text", "gb"),
    [
        ("Disk: each worker has 100 GB for the OS, we reserved 3 TB. In total the disk is 3.3 TB.", "3.3 TB"),
        ("Storage: gitserver 3 × 1,000 GiB, search 2 × 500 GiB, db 250 GiB; in sum 4,250 GiB", "4250 GiB"),
        ("EBS: 2,000 GB data volume + 200 GB root = 2,200 GB", "2200 GB"),
        ("Volumes: gitserver 3 × 1 TB, other services 600 GB; 3.6 TB total", "3.6 TB"),
    ],
)  # fmt: skip
def test_a_labelled_amount_said_to_be_the_total_beats_its_parts(
    catalogue: Catalogue, text: str, gb: str
) -> None:
    assert read(f"<p>{text}</p>", catalogue)["total_disk_gb"] == [gb]


def test_a_total_word_belongs_to_its_own_sentence(catalogue: Catalogue) -> None:
    """'In total' opens the sentence after the 3 TB: it says nothing of the 3 TB."""
    found = read("<p>Disk: we reserved 3 TB on the filer. In total the disk is 3.3 TB.</p>", catalogue)
    assert found["total_disk_gb"] == ["3.3 TB"]


@pytest.mark.parametrize(
    ("text", "gb"),
    [
        ("Block storage: 2 × 1,000 GB volumes and the 200 GB system disk, together 2,200 GB.", "2200 GB"),
        ("Disk: a 1,000 GB data volume plus the 200 GB boot disk = 1,200 GB", "1200 GB"),
        ("Storage: 2 TB altogether, 500 GB of it for gitserver.", "2 TB"),
        ("Disk: 1.5 TB in total, then 300 GB more next year.", "1.5 TB"),
        ("Storage: 2.6 TB of gp3 in total — a 2,500 GiB data volume and a 100 GiB root volume", "2.6 TB"),
    ],
)
def test_a_total_word_before_a_figure_is_that_figures(catalogue: Catalogue, text: str, gb: str) -> None:
    """ "…, together 2,200 GB": the word opens the total, it does not close the part before it."""
    assert read(f"<p>{text}</p>", catalogue)["total_disk_gb"] == [gb]


def test_a_bare_total_in_the_clause_after_its_parts_takes_their_field(catalogue: Catalogue) -> None:
    html = table(
        ("", "Pre-Prod", "Production"),
        ("EBS gp3", "1.2 TB", "gitserver 3 × 1 TB, other services 600 GB; 3.6 TB total"),
    )
    assert read(html, catalogue)["total_disk_gb"] == ["3.6 TB"]


def test_a_stated_total_in_a_later_list_item_beats_the_parts_before_it(catalogue: Catalogue) -> None:
    html = (
        "<h2>Platform</h2><ul><li>How much disk?<ul><li>Premium SSD: gitserver 4 × 512 GiB, the other "
        "services about 950 GiB.</li><li>3 TiB altogether.</li></ul></li></ul>"
    )
    assert read(html, catalogue)["total_disk_gb"] == ["3 TiB"]


def test_a_total_elsewhere_in_the_document_leaves_another_sections_figure_alone(catalogue: Catalogue) -> None:
    """Parts give way only within their own section: two sections' figures stay two figures."""
    html = "<h2>Volumes</h2><p>Disk: 2 TB.</p><h2>Summary</h2><p>Storage: 3 TB in total.</p>"
    assert sorted(read(html, catalogue)["total_disk_gb"]) == ["2 TB", "3 TB"]


@pytest.mark.parametrize("words", ["Together", "Summed up that is", "All told,"])
def test_a_total_word_opens_a_list_of_totals(catalogue: Catalogue, words: str) -> None:
    html = (
        "<p>Pool A: 3 × 16 vCPU / 64 GB virtual machines.</p><p>Pool B: 2 × 16 vCPU / 128 GB machines.</p>"
        f"<p>{words} 80 vCPU and 448 GB of RAM.</p>"
    )
    found = read(html, catalogue)
    assert found["total_cpu"] == ["80"] and found["total_memory_gb"] == ["448 GB"]


def test_together_opens_a_total(catalogue: Catalogue) -> None:
    html = "<p>Node pools: 2 × Standard_D4s_v5, 3 × Standard_E16s_v5. Together 56 vCPU and 416 GiB RAM.</p>"
    found = read(html, catalogue)
    assert found["total_cpu"] == ["56"] and found["total_memory_gb"] == ["416 GiB"]


def test_a_size_stored_on_the_gitserver_disks_is_the_code_not_the_disk(catalogue: Catalogue) -> None:
    found = read("<p>About 620 GB on the gitserver disks after cloning.</p>", catalogue)
    assert found == {"total_repo_size_gb": ["620 GB"]}


_EXPORT = (
    '<ul class="c1 lst-kix_q1-0 start"><li>What machines?</li></ul>'
    '<ul class="c1 lst-kix_q1-1 start"><li>Production node pools:</li></ul>'
    '<ul class="c1 lst-kix_q1-2 start"><li>sgpool: 4 × Standard_D16s_v5</li>'
    "<li>sgmem: 1 × Standard_E8s_v5</li></ul>"
    '<ul class="c1 lst-kix_q1-0"><li>What was the pilot?</li></ul>'
    '<ul class="c1 lst-kix_q1-1"><li>Docker Compose on a single Standard_D8s_v5.</li></ul>'
)


def test_a_docs_export_list_keeps_its_levels(catalogue: Catalogue) -> None:
    """Docs' web-page export writes each level as its own flat <ul> classed lst-kix_<id>-<level>: the
    label's list ends where the items come back to its level, and the pilot's bullet heads its child."""
    found = read(_EXPORT, catalogue)
    assert found["instance_types"] == ["4 × Standard_D16s_v5, 1 × Standard_E8s_v5"]
    assert "deployment_type" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "We looked at Helm but went with Kustomize because the rest of the estate uses it.",
        "The team evaluated Helm and Kustomize, then opted for Kustomize overlays.",
        "After a bake-off of Helm and Kustomize we chose Kustomize.",
    ],
)
def test_a_sentence_weighing_options_gives_the_one_chosen(catalogue: Catalogue, sentence: str) -> None:
    assert read(f"<p>{sentence}</p>", catalogue)["deployment_type"] == ["Kubernetes with Kustomize"]


@pytest.mark.parametrize(
    "sentence",
    [
        "At first we wrote Kustomize in the SOW, as the team likes Kustomize, but they accepted Helm.",
        "Originally the plan said Kustomize; the chart is deployed with Helm.",
        "Helm, the official chart. Kustomize, it is not used at all.",
    ],
)
def test_a_name_told_as_the_first_idea_or_taken_back_is_set_aside(
    catalogue: Catalogue, sentence: str
) -> None:
    assert read(f"<p>{sentence}</p>", catalogue)["deployment_type"] == ["Kubernetes with Helm"]


def test_a_name_qualifying_a_trial_noun_is_the_trials(catalogue: Catalogue) -> None:
    html = (
        "<p>Production runs from Sourcegraph's GCE image on one VM.</p>"
        "<p>Before purchase the team used the Sourcegraph-managed trial (Sourcegraph Cloud, 30 days).</p>"
    )
    assert read(html, catalogue)["deployment_type"] == ["Machine image (AWS AMI / Azure / GCE)"]


def test_a_label_read_as_cpu_by_meaning_needs_a_cpu_count(catalogue: Catalogue) -> None:
    """'Core' in a product's name does not make its count a CPU count."""
    html = (
        "<p>Node pool: 6 × n2-highmem-8 (48 vCPU).</p><p>Perforce Helix Core: 38 depots, two monorepos.</p>"
    )
    assert read(html, catalogue)["total_cpu"] == ["48"]


def test_labelled_node_group_lines_of_one_section_are_one_fleet(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Application node group: 4 × m6i.4xlarge</p>"
        "<p>Indexing node group: 1 × r6i.2xlarge (zoekt, pinned with a taint)</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["4 × m6i.4xlarge, 1 × r6i.2xlarge"]
