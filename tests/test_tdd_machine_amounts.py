"""TDD reader: CPU, memory and disk totals in more shapes: a total row's label (`Total: 4,100 GB`,
a merged `Total persistent storage: 5.5 TB` row), a bare total after a semicolon whose noun is in
the clause before (`storage on gp3; PRD total 3,600 GiB`), total words of other languages, a
figure's words ending with its bracket, and a label naming the environment (`Storage on live`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


def test_a_total_rows_label_makes_its_figure_the_total(catalogue: Catalogue) -> None:
    html = "<h2>Storage</h2>" + table(
        ("Volume", "Production", "Staging"),
        ("gitserver (per replica)", "3 × 1,000 GB", "1 × 500 GB"),
        ("Postgres", "300 GB", "100 GB"),
        ("Total", "3,300 GB", "600 GB"),
    )
    assert read(html, catalogue)["total_disk_gb"] == ["3300 GB"]


def test_a_merged_row_holding_a_label_is_read_as_one(catalogue: Catalogue) -> None:
    """A row of one cell across the table (as a merged row imports) holding `Label: value`."""
    html = (
        "<h2>Production</h2><table><tr><td><p>Container</p></td><td><p>Technology</p></td>"
        "<td><p>Persistent storage</p></td></tr>"
        "<tr><td><p>gitserver (3 replicas)</p></td><td><p>Go</p></td><td><p>3 × 1.5 TB</p></td></tr>"
        "<tr><td><p>zoekt (2)</p></td><td><p>Go</p></td><td><p>2 × 500 GB</p></td></tr>"
        '<tr><td colspan="3"><p>All persistent storage together: 5.5 TB</p></td></tr></table>'
    )
    assert read(html, catalogue)["total_disk_gb"][-1:] == ["5.5 TB"]


@pytest.mark.parametrize(
    "text",
    [
        "DEC-04: storage on gp3; PRD total 3,600 GiB (gitserver 3 × 1,000 GiB, databases 600 GiB).",
        "Block storage is gp3 everywhere; 3,600 GiB altogether (gitserver 3 × 1,000 GiB, rest 600 GiB).",
    ],
)
def test_a_bare_total_takes_the_amount_its_sentence_named(catalogue: Catalogue, text: str) -> None:
    assert read(f"<h2>Production</h2><p>{text}</p>", catalogue)["total_disk_gb"] == ["3600 GiB"]


@pytest.mark.parametrize(
    ("text", "cpu", "memory"),
    [
        ("Rekencapaciteit: zes VM's, elk met 8 vCPU en 32 GB, samen 48 vCPU en 192 GB.", "48", "192 GB"),
        ("Rechenleistung: sechs VMs mit je 8 vCPU und 32 GB, insgesamt 48 vCPU und 192 GB.", "48", "192 GB"),
        ("Six VMs with 8 vCPU and 32 GB each, together 48 vCPU and 192 GB.", "48", "192 GB"),
    ],
)
def test_a_total_word_opens_the_figure_after_it(
    catalogue: Catalogue, text: str, cpu: str, memory: str
) -> None:
    """ "…, samen 48 vCPU": the total word is the next figure's, not the one before the comma."""
    found = read(f"<h2>Production</h2><p>{text}</p>", catalogue)
    assert found["total_cpu"] == [cpu] and found["total_memory_gb"] == [memory]


def test_a_figure_in_brackets_ends_with_them(catalogue: Catalogue) -> None:
    text = "one Standard_E32s_v5 (32 vCPU, 256 GiB) from the marketplace image, data disk 2 TB"
    found = read(f"<h2>Production</h2><p>{text}</p>", catalogue)
    assert found["total_memory_gb"] == ["256 GiB"] and found["total_disk_gb"] == ["2 TB"]


@pytest.mark.parametrize("label", ["Storage on live (gp3)", "Disks in live", "pv", "PVCs"])
def test_a_disk_label_naming_the_environment_or_a_volume(catalogue: Catalogue, label: str) -> None:
    found = read(f"<p>{label}: 3,250 GiB</p>", catalogue)
    assert found["total_disk_gb"] == ["3250 GiB"] and "completion_date" not in found


@pytest.mark.parametrize(
    "text",
    [
        "The system node group (2 × m7i.large) is shared platform capacity and not counted against"
        " the service.",
        "Two bastion VMs (2 × t3.large) serve the whole account but are not part of the deployment.",
    ],
)
def test_machines_said_outside_in_a_second_verb_give_nothing(catalogue: Catalogue, text: str) -> None:
    html = f"<h2>Production</h2><p>Nodes: 5 × m7i.4xlarge</p><p>{text}</p>"
    assert read(html, catalogue)["instance_types"] == ["5 × m7i.4xlarge"]


@pytest.mark.parametrize("heading", ["Recommendations", "Recommended sizing", "7. Recommendation"])
def test_a_recommendation_section_is_no_production_record(catalogue: Catalogue, heading: str) -> None:
    html = (
        "<h2>Production</h2><p>The VM is reserved at 32 vCPU and 256 GiB RAM.</p>"
        f"<h2>{heading}</h2><p>Right-size the VM: 24 vCPU and 192 GiB would carry the load.</p>"
    )
    found = read(html, catalogue)
    assert found["total_cpu"] == ["32"] and found["total_memory_gb"] == ["256 GiB"]


@pytest.mark.parametrize(
    ("text", "memory", "disk"),
    [
        (
            "The node: 16 virtual CPUs and 128 GBytes of memory; block storage 2.4 TBytes.",
            "128 GB",
            "2.4 TB",
        ),
        ("Memory: 64 gibibytes. Disk: 2 tebibytes.", "64 GiB", "2 TiB"),
    ],
)
def test_units_spelt_as_bytes(catalogue: Catalogue, text: str, memory: str, disk: str) -> None:
    found = read(f"<h2>Production</h2><p>{text}</p>", catalogue)
    assert found["total_memory_gb"] == [memory] and found["total_disk_gb"] == [disk]


def test_an_aside_in_brackets_keeps_the_words_after_it(catalogue: Catalogue) -> None:
    """With no figure after the bracket, the words after it speak of what it is an aside to."""
    text = "ml-models is a monorepo (9 GB with LFS excluded), the largest repository we index"
    assert read(f"<h2>Production</h2><p>{text}</p>", catalogue)["largest_repo_mb"] == ["9 GB"]
