"""TDD reader: a number read as its document writes numbers (`read.notation`): apostrophes and
typographic spaces group thousands, plain spaces only by the document's habit, dots and decimal
commas in a European document; a truly ambiguous figure is not read but named in a warning."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.notation import notation
from handoff.read.tdd import html_document, read_document
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("html", "field", "want"),
    [
        ("<p>Disk: 2'816 GiB</p><p>Repositories: 4'180 in total</p>", "repositories", "4180"),
        ("<p>Disk: 2'816 GiB</p><p>Repositories: 4'180 in total</p>", "total_disk_gb", "2816 GiB"),
        ("<p>Disk: 2\u202f816 GiB</p>", "total_disk_gb", "2816 GiB"),
        ("<p>Repositories: 4\u2009180</p>", "repositories", "4180"),
        ("<p>Disk: 2 816 GiB</p><p>Repositories: 4 180</p>", "repositories", "4180"),
        ("<p>Disk: 2 816 GiB</p><p>Repositories: 4 180</p>", "total_disk_gb", "2816 GiB"),
        ("<p>Repositories: 2 400</p><p>Started on 3 August 2026.</p>", "repositories", "2400"),
        ("<p>Storage: 3,5 TB</p><p>Repositories: 1.800</p>", "total_disk_gb", "3.5 TB"),
        ("<p>Storage: 3,5 TB</p><p>Repositories: 1.800</p>", "repositories", "1800"),
        ("<p>Storage: 1.250,5 GB</p><p>Memory: 0,5 TB</p>", "total_disk_gb", "1250.5 GB"),
        # spaces group thousands and no comma does: a comma in a bare figure is its decimal mark
        (
            "<p>Repositories: 4 212</p><p>Disk: 1 750 GB</p><p>Largest (GB): 14,5</p>",
            "largest_repo_mb",
            "14.5 GB",
        ),
        (
            table(("Repositories", "3 480"), ("Git data", "1 210 GB"), ("Largest repository (GB)", "9,4")),
            "largest_repo_mb",
            "9.4 GB",
        ),
    ],
)
def test_a_figure_is_read_as_its_document_groups_thousands(
    catalogue: Catalogue, html: str, field: str, want: str
) -> None:
    assert read(f"<h2>Production</h2>{html}", catalogue)[field] == [want]


def test_a_spaced_figure_where_commas_group_is_named_not_guessed(catalogue: Catalogue) -> None:
    """`3 500 GB` beside `1,200`: three disks of 500 GB, or 3,500 GB? Neither is taken."""
    html = "<html><body><h2>Production</h2><p>Disk: 3 500 GB</p><p>Repositories: 1,200</p></body></html>"
    reading = read_document(html_document(html), catalogue)
    assert [v.field for v in reading.values if v.field] == ["repositories"]
    (problem,) = reading.problems
    assert "'3 500'" in problem.message and "3,500" in problem.message
    assert problem.location is not None and "paragraph 1" in problem.location.ref


def test_one_spaced_figure_beside_ungrouped_ones_is_ambiguous(catalogue: Catalogue) -> None:
    """A writer who writes `2500 users` ungrouped may mean three disks of 500 GB by `3 500 GB`."""
    assert notation("Licence: 2500 users. Disk: 3 500 GB").ambiguous == ("3 500",)
    assert notation("Licence: 2,500 users. Repositories: 2 400").ambiguous == ("2 400",)


def test_a_bilingual_document_shows_its_spaces_group_thousands(catalogue: Catalogue) -> None:
    html = "<p>Dépôts : 1 240 dépôts / Repositories: 1,240 repositories</p><p>Montant : 48 600 € HT</p>"
    habit = notation(html)
    assert not habit.ambiguous and habit.rewrite("48 600 €") == "48,600 €"


def test_a_machine_count_in_its_own_column_counts_the_type_named_in_the_description(
    catalogue: Catalogue,
) -> None:
    html = table(
        ("Line", "Resource", "Qty"),
        ("P-01", 'AKS node pool "search": Standard_E16s_v5 (16 vCPU, 128 GiB each)', "3"),
        ("P-02", 'AKS node pool "system": Standard_D8s_v5 (8 vCPU, 32 GiB each)', "2"),
    )
    assert read(f"<h2>Production</h2>{html}", catalogue)["instance_types"] == [
        "3 × Standard_E16s_v5, 2 × Standard_D8s_v5"
    ]


def test_a_size_with_its_own_noun_is_not_the_largest_named_later_in_the_clause(catalogue: Catalogue) -> None:
    html = (
        "<p>Content: ~3.2k repositories, one monorepo (mortgage-origination), about 640 GB of git data</p>"
        "<p>Repositories: 4,260, two of them monorepos; 1,350 GB of Git data in total, and the largest "
        "repository is the firmware tree at 11,400 MB.</p>"
    )
    found = read(html, catalogue)
    assert found["total_repo_size_gb"] == ["640 GB", "1350 GB"]
    assert found["largest_repo_mb"] == ["11400 MB"]


@pytest.mark.parametrize(
    ("html", "field", "want"),
    [
        ("<p>Memory: 384 Gio in all. Disk: 3,5 To.</p>", "total_memory_gb", "384 GiB"),
        ("<p>Memory: 384 Gio in all. Disk: 3,5 To.</p>", "total_disk_gb", "3.5 TB"),
        ("<ul><li>RAM: 256 Go</li><li>Storage: 2 To</li></ul>", "total_disk_gb", "2 TB"),
    ],
)
def test_sizes_in_octets_are_sizes_in_bytes(catalogue: Catalogue, html: str, field: str, want: str) -> None:
    assert read(html, catalogue)[field] == [want]


def test_to_alone_is_a_word() -> None:
    assert not notation("Steps 1 To 3 take 2 TB.").octets
