"""Tables of unusual structure read as a careful human reads them: merged cells spread over what they
cover (read/spans.py), a header row that only groups the one below (read/headerrows.py), label/value
pairs folded side by side (read/pairgrid.py), blank cells a note explains (read/blanks.py), and an
old copy marked superseded (read/superseded.py). Each test also shows what must not be taken so."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read import blanks, pairgrid, superseded
from handoff.read.doctext import Text
from tdd_snippets import read


def texts(*rows: tuple[str, ...]) -> list[list[Text]]:
    return [[Text(c, bold=False) for c in r] for r in rows]


def label(text: str) -> bool:
    return text in {"Cloud", "Nodes", "Repositories", "Monorepos", "Total memory", "Code host"}


def no_env(text: str) -> str:
    return "production" if text.lower() in {"production", "staging"} else ""


def test_pairs_side_by_side_are_read_one_per_row() -> None:
    rows = texts(("Cloud", "AWS", "Nodes", "4"), ("Total memory", "256 GB", "Repositories", "1,200"))
    at = pairgrid.pairs(rows, label, no_env)
    assert at == [(0, 0), (0, 2), (1, 0), (1, 2)]
    assert [[c.text for c in r] for r in pairgrid.unfolded(rows, at)][1] == ["Nodes", "4"]


def test_columns_of_environments_or_a_header_of_fields_are_no_pairs() -> None:
    envs = texts(
        ("Item", "Staging", "Production", "Notes"), ("Cloud", "AWS", "AWS", ""), ("Nodes", "2", "4", "")
    )
    assert pairgrid.pairs(envs, label, no_env) is None
    across = texts(("Measure", "Repositories", "Code host", "Monorepos"), ("Value", "3,420", "GitLab", "1"))
    assert pairgrid.pairs(across, label, no_env) is None  # labels over their values, turned a quarter


def test_a_glossary_folded_under_its_repeated_header_gives_its_pairs() -> None:
    grid = [["Term", "Meaning", "Term", "Meaning"], ["L", "live", "S", "staging"], ["DSK", "disk", "", ""]]
    assert pairgrid.unfolded(grid, pairgrid.repeated(grid) or []) == [
        ["Term", "Meaning"], ["L", "live"], ["S", "staging"], ["DSK", "disk"],
    ]  # fmt: skip


def test_a_note_says_which_neighbour_a_blank_cell_repeats() -> None:
    assert blanks.note("An empty cell means the same as the cell to its left.") == "left"
    assert blanks.note("(Blank: as in the row above.)") == "above"
    assert blanks.note("Blank cells were not measured.") == ""
    rows = blanks.filled(
        texts(("Item", "Staging", "Production"), ("Cloud", "AWS", ""), ("Nodes", "", "4")), "left"
    )
    assert [c.text for c in rows[1]] == ["Cloud", "AWS", "AWS"] and rows[2][
        1
    ].text == ""  # not from the label


def test_a_caption_marks_an_old_copy_only_when_the_mark_comes_first() -> None:
    assert superseded.marks_superseded("Old version (before the resize), no longer valid:")
    assert superseded.marks_superseded("OUT OF DATE: the figures before June, kept for the audit trail")
    assert not superseded.marks_superseded("Updated sizing (replaces the old figures):")
    assert not superseded.marks_superseded("Allocation as approved:")


def test_merged_and_blank_cells_count_for_the_environments_they_stand_for(catalogue: Catalogue) -> None:
    html = (
        "<table><tr><td rowspan='2'>Item</td><td colspan='2'>Details</td></tr>"
        "<tr><td>Staging</td><td>Production</td></tr>"
        "<tr><td>Cloud</td><td colspan='2'>Google Cloud</td></tr>"
        "<tr><td>Installed with</td><td>Helm chart on GKE</td><td></td></tr>"
        "<tr><td>Total memory</td><td>64 GB</td><td>256 GB</td></tr></table><p>(blank = same as left)</p>"
    )
    got = read(html, catalogue)
    assert got["hosting_provider"] == ["GCP"] and got["deployment_type"] == ["Kubernetes with Helm"]
    assert got["total_memory_gb"] == ["256 GB"]


def test_a_table_under_a_superseded_caption_gives_no_figure(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Superseded sizing, do not use:</p>"
        "<table><tr><td>Total memory</td><td>128 GB</td></tr></table>"
        "<p>Sizing as built:</p><table><tr><td>Total memory</td><td>256 GB</td></tr></table>"
    )
    assert read(html, catalogue)["total_memory_gb"] == ["256 GB"]
