"""`make eval-styles` (bench/metamorphic.py): style transforms change only what a reader sees, and
the reader keeps at least the figures it reached under each (pinned minimums, like the tuning sets)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bench import eval_tdd, metamorphic, scalestyles, tablestyles, translated
from handoff.core.fields import Catalogue

CORPUS = Path(__file__).parent / "fixtures" / "tdd_corpus"
PAGE = (
    '<html><head><title>t</title></head><body><h2 class="x">Production (2026-08-03)</h2>'
    "<p>Repositories: 4,180 on 3 August 2026, 3.5 TB, v5.2.1, see https://prod.example.com/production</p>"
    "<table><tr><td><p>Cloud</p></td><td><p>AWS</p></td></tr></table></body></html>"
)


def test_thousands_are_grouped_with_a_space_and_nothing_else_moves() -> None:
    out = metamorphic.thousands_space(PAGE)
    assert any(f"Repositories: 4{mark}180 on" in out for mark in metamorphic.GROUPINGS)
    assert "3.5 TB" in out and "v5.2.1" in out


def test_european_numbers_swap_the_marks_of_numbers_only() -> None:
    out = metamorphic.european_numbers(PAGE)
    assert "4.180" in out and "3,5 TB" in out and "v5.2.1" in out and "2026-08-03" in out


def test_dates_are_reworded_both_ways() -> None:
    out = metamorphic.dates_reworded(PAGE)
    assert "Production (3 August 2026)" in out and "on 2026-08-03, 3.5 TB" in out


def test_environments_are_renamed_in_text_with_a_legend_but_not_in_addresses() -> None:
    out = metamorphic.environment_names(PAGE)
    name = next(names[0] for names in metamorphic.NAME_SETS if f">{names[0]} (2026-08-03)</h2>" in out)
    assert "https://prod.example.com/production" in out
    assert name in out.split("<h2")[0]  # the legend, before the first heading, names it


@pytest.mark.parametrize("form", range(metamorphic.LEGEND_SHAPES))
def test_each_legend_shape_pairs_every_name_with_its_environment(form: int) -> None:
    legend = metamorphic._legend(form, metamorphic.NAME_SETS[1])
    for name, role in zip(metamorphic.NAME_SETS[1], metamorphic.ROLES, strict=True):
        assert name in legend and role[:7] in legend.lower()  # "developers use …" for development


def test_dates_can_be_dotted_day_first() -> None:
    assert "Production (03.08.2026)" in metamorphic.dates_dotted(PAGE)


def test_rectangular_tables_are_turned_a_quarter() -> None:
    table = (
        "<table><tr><th>Item</th><th>Trial</th><th>Production</th></tr>"
        "<tr><td>Cloud</td><td>GCP</td><td>AWS</td></tr></table>"
    )
    turned = metamorphic.tables_transposed(f"<body>{table}</body>")
    assert "<tr><th>Item</th><td>Cloud</td></tr><tr><th>Trial</th><td>GCP</td></tr>" in turned
    assert metamorphic.tables_transposed(PAGE) == PAGE  # one row: nothing to turn


def test_headings_become_bold_paragraphs_and_two_column_tables_lines() -> None:
    assert "<p><b>Production (2026-08-03)</b></p>" in metamorphic.headings_as_bold(PAGE)
    assert "<p>Cloud: AWS</p>" in metamorphic.label_tables_as_lines(PAGE)
    assert "<table" not in metamorphic.label_tables_as_lines(PAGE)


def test_units_are_spelt_another_way_and_no_number_changes() -> None:
    spelt = {metamorphic.units_reworded(f"<body><p>{n}: 1 TB, 64 GB, 32 vCPU</p></body>") for n in range(40)}
    assert any("1 TB, 64 gigs, 32 cores" in s for s in spelt)
    assert any("1 terabyte, 64 gigabytes, 32 vCPUs" in s for s in spelt)  # one, not "1 terabytes"
    assert any("1TB, 64GB, 32vCPU" in s for s in spelt) and any("64 GBytes" in s for s in spelt)
    assert all(re.findall(r"\d+", s.split(":")[1]) == ["1", "64", "32"] for s in spelt)
    assert metamorphic.units_reworded("<body><p>v5.2 TBD, 3 monorepos</p></body>").count("TBD") == 1


def test_labels_are_replaced_by_synonyms_in_lines_and_first_cells_only() -> None:
    out = metamorphic.label_synonyms(
        "<body><p>Repositories: 4,180</p><table><tr><td><p>Total memory</p></td><td>256 GB</td></tr>"
        "<tr><td>Cloud</td><td>Repositories</td></tr></table></body>"
    )
    assert "Repositories: 4,180" not in out and ": 4,180" in out
    assert any(f"<td><p>{s}</p></td>" in out for s in metamorphic.LABEL_SYNONYMS["total memory"])
    assert "<td>Repositories</td>" in out  # a value is never relabelled


TABLE = (
    "<body><table><tr><th>Field</th><th>Value</th></tr><tr><td><b>Total memory</b></td>"
    "<td><p>256 GB</p><p>After the upgrade</p></td></tr><tr><td>URL</td><td>https://x.example</td></tr>"
    "</table></body>"
)


def test_label_tables_become_sentences_without_their_header_row() -> None:
    out = metamorphic.table_rows_as_sentences(TABLE)
    assert "<table" not in out and "Field" not in out
    assert "Total memory" in out and "<b>" not in out and "256 GB. After the upgrade" in out and "URL" in out
    nested = "<body><table><tr><td>A</td><td><ul><li>x</li></ul></td></tr></table></body>"
    assert metamorphic.table_rows_as_sentences(nested) == nested  # lists inside: left as a table


def test_label_tables_become_bulleted_items() -> None:
    out = metamorphic.tables_as_lists(TABLE)
    assert any(f"<li>URL{mark}https://x.example</li>" in out for mark in metamorphic.LIST_MARKS)


def test_headings_are_numbered_by_level_under_a_single_title() -> None:
    page = "<body><h1>T</h1><h2>A</h2><h3>B</h3><h3>C</h3><h2>D</h2></body>"
    out = metamorphic.headings_numbered(page)
    assert "<h1>T</h1>" in out
    for n, title in (("1", "A"), ("1.1", "B"), ("1.2", "C"), ("2", "D")):
        assert any(form.format(n=n) + title in out for form in metamorphic.NUMBERINGS)
    numbered = "<body><h2>1. Scope</h2><h2>Production</h2></body>"
    assert metamorphic.headings_numbered(numbered) == numbered


def test_production_sections_move_past_their_sibling_environments_with_their_children() -> None:
    page = (
        "<body><h1>T</h1><h2>Production</h2><p>a</p><h3>Hosts</h3><p>b</p><h2>Staging</h2><p>c</p>"
        "<h2>Open questions</h2><p>d</p></body>"
    )
    out = metamorphic.sections_reordered(page)
    assert out == (
        "<body><h1>T</h1><h2>Staging</h2><p>c</p><h2>Production</h2><p>a</p><h3>Hosts</h3><p>b</p>"
        "<h2>Open questions</h2><p>d</p></body>"
    )
    assert metamorphic.sections_reordered(out) == page  # production after the others: moved before
    lone = "<body><h2>Production</h2><p>a</p><h2>Scope</h2><p>c</p></body>"
    assert metamorphic.sections_reordered(lone) == lone


def test_figures_get_an_older_figure_beside_them_in_an_edit_notation() -> None:
    page = "<body><p>Repositories: 1,900</p><table><tr><td>RAM</td><td>768 GiB</td></tr></table>"
    page += "<p>Built on 3 August 2026 with v5.2.1 and 3 × m6i.4xlarge</p></body>"
    outs = [metamorphic._edited(page.replace("RAM", f"RAM {n}")) for n in range(12)]
    for out, forbidden in outs:
        assert "3 August 2026" in out and "v5.2.1" in out and "3 × m6i.4xlarge" in out
        assert "1,900" in out and "768 GiB" in out and "1,425" in out and "576" in out
        assert 1425 in forbidden["repositories"] and 576 in forbidden["total_memory_gb"]
    assert any("<s>1,425</s> 1,900" in out for out, _ in outs) and any(" → 768 GiB" in o for o, _ in outs)
    assert any("1,900 (was 1,425" in out for out, _ in outs)


def test_template_leftovers_add_examples_and_placeholders_only() -> None:
    outs = {metamorphic.template_leftovers(f"<body><h1>T{n}</h1><p>x</p></body>") for n in range(12)}
    assert all("3 × m6i.2xlarge" in out and "To be completed" in out for out in outs)
    assert all(out.index("</h1>") < out.index("m6i.2xlarge") < out.index("<p>x</p>") for out in outs)
    assert any("&lt;N&gt;" in out for out in outs) and any("TBD" in out for out in outs)


def test_a_cell_equal_to_the_one_above_becomes_a_ditto_mark() -> None:
    rows = "<tr><th>Env</th><th>Cloud</th></tr><tr><td>Staging</td><td>AWS</td></tr>"
    rows += "<tr><td>Production</td><td><p>AWS</p></td></tr><tr><td>Trial</td><td>GCP</td></tr>"
    marks = set()
    for n in range(20):
        out = metamorphic.ditto_cells(f"<body><p>{n}</p><table>{rows}</table></body>")
        assert "<td>Staging</td><td>AWS</td>" in out and "<td>Trial</td><td>GCP</td>" in out
        marks.add(out.split("<td>Production</td><td>")[1].split("</td>")[0])
    assert marks <= {"〃", '"', "ditto", "same as above", "as above", "same as Staging"} and len(marks) > 2


def test_translation_rewrites_words_dates_and_numbers_but_keeps_addresses_and_products() -> None:
    page = (
        "<body><h2>Production environment</h2><p>Repositories: about 4,180 on GitHub Enterprise Server, "
        "largest 3.5 GB; production build started on 3 August 2026, see https://prod.example.com/production "
        "(3 x m6a.4xlarge)</p><pre>replicas: 3.5 # production</pre></body>"
    )

    def language(i: int) -> Callable[[str, int], int]:
        return lambda html, n: i % n

    outs = {translated.translate(page, language(i)) for i in range(len(translated.LANGUAGES))}
    assert len(outs) == len(translated.LANGUAGES)
    for out in outs:
        assert "https://prod.example.com/production" in out and "GitHub Enterprise Server" in out
        assert "3 x m6a.4xlarge" in out and "<pre>replicas: 3.5 # production</pre>" in out
        assert "Repositories" not in out and "August" not in out.replace("August 2026", "")
        assert "3,5" in out and "4,180" not in out
    assert any("4.180" in out and "3. August 2026" in out for out in outs)  # German
    assert any("4\u202f180" in out and "3,5\u00a0Go" in out and "août" in out for out in outs)  # French


ENGLISH = "The page says what the cluster is, the size of the repositories and the number of the users."


def _variants(fn: Callable[[str], str], body: str, n: int = 24) -> set[str]:
    """`fn` over `body` in `n` documents (the notation is chosen by document): the bodies out."""
    return {fn(f"<body><h1>T{i}</h1>{body}</body>").split("</h1>", 1)[1] for i in range(n)}


def test_grouped_counts_are_abbreviated_exactly_or_within_half_a_percent() -> None:
    outs = _variants(
        scalestyles.abbreviated_magnitudes,
        "<p>4,180 repositories, 12,000 users, 1,200,000 files, 3,500 GB</p>",
    )
    assert any("4.18k repositories" in o for o in outs) and any("~4.2k" in o for o in outs)
    assert any("12 thousand users" in o for o in outs) and any(
        "1.2M files" in o or "1.2 million" in o for o in outs
    )
    assert all("3,500 GB" in o for o in outs)  # a size keeps its digits
    assert scalestyles._abbreviated(1237, "~k") == "1.237k"  # 1.2k would be 3% off: kept exact


def test_indian_grouping_regroups_and_restates_memory_and_disk_in_mb_with_lakhs() -> None:
    assert scalestyles.indian(120000) == "1,20,000" and scalestyles.indian(25000000) == "2,50,00,000"
    outs = _variants(
        scalestyles.indian_grouping,
        f"<p>{ENGLISH}</p><p>Total disk: 3.5 TB; memory 256 GB, or 128 GiB; the largest repo is 4.2 GB</p>",
    )
    assert any("35,00,000 MB" in o for o in outs) and any("35 lakh MB" in o for o in outs)
    assert any("2,56,000 MB" in o for o in outs) and all("4.2 GB" in o for o in outs)
    assert any("1,37,439 MB" in o for o in outs)  # a GiB figure exactly, in decimal MB
    assert "64 GB" in scalestyles.indian_grouping("<body><p>Paměť: 64 GB</p></body>")  # not English: kept


def test_memory_and_disk_are_restated_in_another_unit_with_the_conversion_beside_them() -> None:
    outs = _variants(
        scalestyles.units_restated,
        f"<p>{ENGLISH}</p><p>Total memory: 256 GB. Total disk: 3.5 TB. Gitserver disk 2 TiB.</p>",
    )
    assert any(re.search(r"262,144 MiB \(256 GiB\)|256 GiB \(262,144 MiB\)", o) for o in outs)  # binary
    assert any("256,000 MB (238.4 GiB)" in o for o in outs)  # decimal, the exact conversion beside it
    assert any("3,500 GB (3.18 TiB)" in o for o in outs) and all("TiB)" in o or "(2 TiB" in o for o in outs)
    assert (
        scalestyles.units_restated(
            f"<body><p>{ENGLISH} The largest repository, rail-core, is 4.2 GB</p></body>"
        ).count("4.2 GB")
        == 1
    )


def test_cpu_and_memory_pairs_are_written_compactly() -> None:
    outs = _variants(
        scalestyles.cpu_memory_pairs, "<p>3 × m6i.4xlarge (16 vCPU, 64 GiB each), 500 GB disk</p>"
    )
    assert outs == {
        f"<p>3 × m6i.4xlarge ({f.format(c=16, m=64, u='GiB')} each), 500 GB disk</p></body>"
        for f in scalestyles.PAIR_FORMS
    }


def test_a_pools_total_is_written_with_its_per_node_figure_and_the_arithmetic_holds() -> None:
    outs = _variants(
        scalestyles.fleet_totals, "<p>4 × n2-standard-16, 64 vCPU and 256 GB of memory in total.</p>"
    )
    assert any("4 × 16 vCPU = 64 vCPU and 4 × 64 GB = 256 GB of memory" in o for o in outs)
    assert any("64 vCPU (4 × 16 vCPU)" in o for o in outs) and any("16 vCPU × 4 = 64 vCPU" in o for o in outs)
    each = scalestyles.fleet_totals("<body><p>3 × m6i.4xlarge (16 vCPU, 64 GiB each)</p></body>")
    assert "3 × m6i.4xlarge (3 × 16 vCPU = 48 vCPU, 3 × 64 GiB = 192 GiB)" in each
    two = "<body><p>2 × m6i.xlarge and 3 × m6i.2xlarge, 32 vCPU in total</p></body>"
    assert scalestyles.fleet_totals(two) == two  # two pools: no one per-node figure


LABELS = "".join(f"<tr><td>L{i}</td><td><p>{i} GB</p></td></tr>" for i in range(1, 6))


def test_a_label_table_is_folded_into_pairs_across_or_down() -> None:
    outs = {
        tablestyles.label_value_grid(f"<body><p>{n}</p><table>{LABELS}</table></body>") for n in range(40)
    }
    across = "<tr><td>L1</td><td><p>1 GB</p></td><td>L2</td><td><p>2 GB</p></td></tr>"
    down = "<tr><td>L1</td><td><p>1 GB</p></td><td>L4</td><td><p>4 GB</p></td></tr>"
    assert any(across in o for o in outs) and any(down in o for o in outs)
    assert all(o.count("<tr>") == 3 and "</p></td><td></td><td></td></tr></tbody>" in o for o in outs)


ENVS = (
    "<table><tr><th>Item</th><th>Staging</th><th>Production</th></tr>"
    "<tr><td>Memory</td><td>64 GiB</td><td>256 GiB</td></tr><tr><td>Disk</td><td>1 TB</td><td>2 TB</td></tr>"
    "<tr><td>Cloud</td><td>AWS</td><td>AWS</td></tr><tr><td>Nodes</td><td>2</td><td>6</td></tr></table>"
)


def test_an_environment_table_gets_a_group_cell_over_its_columns_in_a_two_row_header() -> None:
    outs = {tablestyles.two_row_header(f"<body><p>{n}</p>{ENVS}</body>") for n in range(30)}
    groups = "|".join(tablestyles.ENV_GROUPS)
    assert all(re.search(rf'<th colspan="2">(?:{groups})</th>', o) for o in outs)
    assert any('<th rowspan="2">Item</th>' in o for o in outs)
    assert any("<tr><th></th><th>Staging</th>" in o for o in outs) and any(
        "<tr><th>Item</th><th>Staging" in o for o in outs
    )


def test_units_move_into_the_label_of_a_row_or_the_header_of_a_column() -> None:
    outs = {tablestyles.units_in_headers(f"<body><p>{n}</p>{ENVS}</body>") for n in range(30)}
    assert all("<td>64</td><td>256</td>" in o and "<td>1</td><td>2</td>" in o for o in outs)
    assert any("<td>Memory (GiB)</td>" in o for o in outs) and any("<td>Disk in TB</td>" in o for o in outs)
    rows = (
        "<tr><th>Env</th><th>RAM</th></tr><tr><td>A</td><td>8 GB</td></tr><tr><td>B</td><td>16 GB</td></tr>"
    )
    out = tablestyles.units_in_headers(f"<body><table>{rows}</table></body>")
    assert "<td>8</td>" in out and "<td>16</td>" in out and "GB" in out.split("<td>A</td>")[0]


def test_a_cell_equal_to_its_left_neighbour_is_left_blank_with_a_note_or_merged() -> None:
    outs = {tablestyles.blank_same_as_left(f"<body><p>{n}</p>{ENVS}</body>") for n in range(30)}
    assert any('<td colspan="2">AWS</td></tr>' in o for o in outs)
    blanked = [o for o in outs if "<td>AWS</td><td></td>" in o]
    assert blanked and all(any(note in o for note in tablestyles.BLANK_NOTES) for o in blanked)
    assert all("<td>64 GiB</td><td>256 GiB</td>" in o for o in outs)


def test_a_superseded_twin_with_older_figures_stands_above_the_table() -> None:
    outs = [tablestyles._twinned(f"<body><p>{n}</p>{ENVS}</body>") for n in range(30)]
    for out, forbidden in outs:
        assert out.index("192 GiB") < out.index("256 GiB") and out.count("256 GiB") == 1
        assert 192 in forbidden["total_memory_gb"] and 3000 in forbidden["total_disk_gb"]
    marks = ("Superseded", "<s>", "OLD", "Old version")
    assert {m for m in marks for out, _ in outs if m in out.split("256 GiB")[0]} == set(marks)


# the corpus's HTML documents, rewritten by each transform: recall, precision, wrong values reached
# (a new corpus document read less well under a transform than the average lowers its ratio: the
# counts are pinned, never fewer right values)
PINS = {
    # four grouping marks by document; 193: plain spaces where commas group too (ambiguous: named)
    "thousands-space": (1505 / 1508, 1504 / 1504, 0),
    # 251: "2.100 GB" (a size) read as 2.1, below its 410 GB of repositories: neither is used (the
    # right 410 withheld with the wrong 2.1, validate/agreement.py; 2762 -> 2761 of 2765 right)
    "european-numbers": (2761 / 2765, 2760 / 2761, 0),
    "dates-reworded": (1508 / 1508, 1507 / 1507, 0),
    "dates-dotted": (1508 / 1508, 1507 / 1507, 0),
    "environment-codes": (1508 / 1508, 1507 / 1507, 0),
    # nine legend shapes (sentence, table, list, where each runs, brackets, role-first table with a
    # purpose, role-first lines, "we call", glossary) and five name sets (read/legends.py)
    "environment-names": (1508 / 1508, 1507 / 1507, 0),
    "headings-as-bold": (1498 / 1508, 1498 / 1498, 0),
    "label-tables-as-lines": (1502 / 1508, 1501 / 1503, 2),
    "tables-transposed": (1987 / 2027, 1986 / 1988, 0),  # pairs as label rows over value rows (pairgrid)
    # four spellings by document (`gigabytes`, `64GB`, `gigs`, `GBytes` / `gibibytes` / `virtual CPUs`)
    "units-reworded": (1534 / 1534, 1533 / 1534, 0),
    "label-synonyms": (1475 / 1481, 1474 / 1475, 0),  # `Users at the same time`: a limit missed
    "table-rows-as-sentences": (1459 / 1481, 1459 / 1463, 3),  # 320: a legend table as prose
    "tables-as-lists": (1470 / 1481, 1469 / 1469, 0),
    "headings-numbered": (1480 / 1481, 1479 / 1479, 0),
    "sections-reordered": (1508 / 1508, 1507 / 1507, 0),  # 9 documents have sibling sections
    # documents mid-edit (the older figures and the template's examples are scored as wrong values);
    # on arrival 1356 / 80 wrong, 1397 / 148, 1545 / 1 (read/edits.py, read/dittos.py since)
    "edited-values": (1552 / 1574, 1551 / 1560, 6),  # `(was …)` remarks inside figures' phrases
    "template-leftovers": (1574 / 1574, 1573 / 1573, 0),
    "ditto-cells": (1574 / 1574, 1573 / 1573, 0),
    # seven languages by document (bench/translated.py): 842/1548, 841/908, 39 wrong at the start of
    # stop 16 with an English vocabulary; read/languages.py (config/languages.toml) since
    # (1503/1615, 14 wrong before the other corpus documents of stop 16 joined: 330-333, 380-382 …)
    # (1819 / 1970, 21 wrong with 383-386, 399, 401; read/wordorder.py and the words of stop 17 since)
    "translated": (1949 / 2083, 1948 / 1975, 15),
    # numbers at the extremes of scale (bench/scalestyles.py), on arrival (stop 17)
    # with corpus 395-398 (stop 17: figures written twice and sums, read/restated.py and
    # read/addition.py) units-restated rose 1767/1886 -> 1915/1998; the other two pinned with the
    # corpus as it now stands (more right values, no more wrong ones)
    "abbreviated-magnitudes": (1976 / 1998, 1975 / 1991, 3),  # (1866 / 1886 before 383-386)
    "indian-grouping": (1777 / 1998, 1776 / 1842, 7),  # (1678 / 1886 before 383-386)
    # (1915 / 1998 before corpus 387-390, which write `2.150`, `4,4 GB`: the probe's `393,216 MB` is
    # read their way; the documents before them score as they did)
    "units-restated": (1996 / 2083, 1995 / 2076, 2),
    "cpu-memory-pairs": (1834 / 1886, 1833 / 1834, 0),
    "fleet-totals": (1867 / 1886, 1866 / 1880, 0),
    # tables of other structures (bench/tablestyles.py); on arrival at stop 17: 1810/1886, 1809/1819,
    # 4 wrong; 1853, 1852/1856, 3; 1884, 1883/1883, 0; 1885, 1884/1884, 0; 1803, 1802/1807, 2 (read/spans.py,
    # headerrows.py, pairgrid.py, groupcolumn.py, blanks.py, superseded.py since; corpus 399 and 401 joined)
    "label-value-grid": (2018 / 2027, 2017 / 2018, 1),  # 350: a glossary folded under a bold header
    # (472, an engineering-systems catalogue: under a group header its GitLab row's edition and size
    # are not read; 3405 / 3407 since it joined)
    "two-row-header": (3405 / 3407, 3404 / 3405, 0),
    "units-in-headers": (2025 / 2027, 2024 / 2024, 0),
    "blank-same-as-left": (2081 / 2083, 2080 / 2080, 0),  # (2026 / 2027 before corpus 387-390)
    "superseded-twin": (2026 / 2027, 2025 / 2025, 0),  # older figures scored as wrong; 385: its machines
}


def test_every_transform_is_pinned() -> None:
    assert set(PINS) == set(metamorphic.TRANSFORMS)


@pytest.mark.parametrize("name", sorted(PINS))
def test_the_reader_keeps_its_figures_under_each_style(catalogue: Catalogue, name: str) -> None:
    recall, precision, wrong = PINS[name]
    scores = metamorphic.score_set(CORPUS, catalogue, metamorphic.TRANSFORMS[name])
    t = eval_tdd.totals(scores)
    report = eval_tdd.report(Path(f"tdd_corpus ({name})"), scores)
    assert t["forbidden"] <= wrong, report
    assert t["recall"] >= recall - 1e-9 and t["precision"] >= precision - 1e-9, report
