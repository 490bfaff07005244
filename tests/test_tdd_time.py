"""Values over time: what a later statement does to an earlier one, DR roles scoping machines, and
the build's dates told as events. A snippet of a TDD in, the production values out.

Each rule is also exercised by a corpus document (tests/fixtures/tdd_corpus, see its README).
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read


def test_a_month_abbreviated_with_a_full_stop_does_not_end_the_sentence(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>prd stood up Sept. 14th 2026, signed off Sept. 25th 2026 by the board.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-09-14"]
    assert got["completion_date"] == ["2026-09-25"]


def test_from_after_a_date_starts_nothing(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>Infrastructure: build started 2026-09-28, completed 2026-10-09.</p>"
        "<p>Dropped on 20 Oct: blue re-indexes from scratch.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-09-28"]


def test_a_unit_before_brackets_is_never_learnt_as_an_environment(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>total storage: 3,500 GB</p>"
        "<h2>Warm standby</h2><p>storage: 3,000 GB (index rebuilt after failover)</p>",
        catalogue,
    )
    assert got["total_disk_gb"] == ["3500 GB"]


def test_machines_counted_with_a_noun_before_the_times_sign(catalogue: Catalogue) -> None:
    got = read("<h2>Production</h2><p>node group sg-general : 6 nodes × m6i.4xlarge</p>", catalogue)
    assert got["instance_types"] == ["6 × m6i.4xlarge"]


def test_machines_counted_in_words_and_digits_as_a_contract_writes_them(catalogue: Catalogue) -> None:
    got = read(
        "<p>3.2.2 Production compute comprises three (3) Standard_E16s_v5 nodes and two (2) "
        "Standard_D8s_v5 nodes.</p>",
        catalogue,
    )
    assert got["instance_types"] == ["3 × Standard_E16s_v5, 2 × Standard_D8s_v5"]


def test_the_result_of_a_product_is_the_cpu_total(catalogue: Catalogue) -> None:
    got = read("<h2>Production</h2><p>vCPU : 6 nodes × 16 vCPU = 96 vCPU</p>", catalogue)
    assert got["total_cpu"] == ["96"]


def test_a_total_its_label_names_beats_the_sums_of_its_parts(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>gitserver volumes : 4 × 750 GB gp3 = 3,000 GB</p>"
        "<p>other volumes : pgsql, zoekt = 500 GB</p><p>total storage : 3,000 + 500 = 3,500 GB</p>",
        catalogue,
    )
    assert got["total_disk_gb"] == ["3500 GB"]
