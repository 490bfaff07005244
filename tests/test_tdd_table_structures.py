"""Tables of unusual structure read as a careful human reads them: merged cells spread over what they
cover (read/spans.py), a header row that only groups the one below (read/headerrows.py), label/value
pairs folded side by side (read/pairgrid.py), blank cells a note explains (read/blanks.py), an
old copy marked superseded (read/superseded.py), marks keyed under a table (read/marks.py), a last
row adding up the rows above (read/sumrow.py) and a column that only checks its row
(read/columns.py). Each test also shows what must not be taken so."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read import blanks, columns, marks, pairgrid, sumrow, superseded
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


def test_marks_keyed_under_a_table_note_their_rows_and_may_leave_one_out() -> None:
    cells = ["Component", "Sourcegraph node pool1", "0.5*", "OpenGrok VM†", "Standard_E16s_v5"]
    paragraphs = [
        (1, "1 The node pool autoscales between 3 and 5 nodes."),
        (2, "* Per volume, 1.5 TB in all."),
        (3, "† Not part of Sourcegraph. It is not in the total."),
        (4, "The test environment runs one node."),  # no mark: the key ends
        (5, "† Anything after is no key."),
    ]
    found = marks.keys(paragraphs, cells)
    assert {m: key for m, (key, _) in found.items()} == {"1": 1, "*": 2, "†": 3}
    assert [m for m, (_, note) in found.items() if marks.left_out(note)] == ["†"]
    assert marks.keys(paragraphs, ["Component", "Nodes"]) == {}  # no cell carries a mark
    assert not marks.left_out("Per volume. Each replica has its own disk.")


def test_a_last_row_adding_up_the_rows_above_is_their_total() -> None:
    rows = [
        ["n2-standard-16", "4", "64", "256"],
        ["n2-highmem-8", "2", "16", "128"],
        ["Tutti", "6", "80", "384"],
    ]
    assert sumrow.adds_up(rows, [1, 2, 3])
    assert not sumrow.adds_up([*rows[:2], ["n2-standard-8", "6", "48", "192"]], [1, 2, 3])
    assert not sumrow.adds_up(rows[1:], [1, 2, 3])  # one row above: no sum


def test_a_column_checking_its_row_is_no_value(catalogue: Catalogue) -> None:
    assert columns.status("OK?") and columns.status("Status") and columns.status("✓")
    assert not columns.status("Done") and not columns.status("Actual")
    table = (
        "<table><tr><td>Item</td><td>Expected</td><td>Actual</td><td>OK?</td></tr>"
        "<tr><td>Total vCPU</td><td>48</td><td>64</td><td>✗</td></tr>"
        "<tr><td>Repositories</td><td>3,100</td><td>2,875</td><td>✗</td></tr>"
        "<tr><td>Monorepos</td><td>2</td><td>2</td><td>✓</td></tr></table>"
    )
    values = read(f"<h1>Production</h1>{table}", catalogue)
    assert values["total_cpu"] == ["64"] and values["repositories"] == ["2875"]
