"""The unplaced lines (`read.gather`'s `placed` and `_unplaced`): every production or no-environment
line that looks like a deployment fact is either where a returned value came from or listed, once.
Snippets of a TDD in, the values and unplaced lines out; then the property over the corpus, with a
detector of fact-like lines written here, apart from the reader's."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read import gather
from handoff.read.tdd import TddReading, html_document, read_document
from tdd_snippets import table

CORPUS = Path(__file__).parent / "fixtures" / "tdd_corpus"


def reading(html: str, catalogue: Catalogue) -> TddReading:
    return read_document(html_document(f"<html><body>{html}</body></html>"), catalogue)


def unplaced(html: str, catalogue: Catalogue) -> list[tuple[str, str]]:
    return [(u.text, str(u.location)) for u in reading(html, catalogue).unplaced]


def disk(html: str, catalogue: Catalogue) -> list[str]:
    return [v.value for v in reading(html, catalogue).values if v.field == "total_disk_gb"]


VOLUMES = "<ul><li>gitserver: 3 × 750 GB</li><li>zoekt: 2 × 500 GB</li><li>pgsql: 250 GB</li></ul>"


def test_a_storage_layout_beside_a_total_it_does_not_add_up_to_is_listed(catalogue: Catalogue) -> None:
    """3 × 750 + 2 × 500 + 250 = 3,500, not the 4,000 stated: the IE sees each volume line."""
    html = f"<h2>Production</h2><p>Total disk: 4,000 GB</p><h3>Storage layout</h3>{VOLUMES}"
    assert disk(html, catalogue) == ["4000 GB"]
    assert unplaced(html, catalogue) == [
        ("gitserver: 3 × 750 GB", "TDD Production › Storage layout › paragraph 2"),
        ("zoekt: 2 × 500 GB", "TDD Production › Storage layout › paragraph 3"),
        ("pgsql: 250 GB", "TDD Production › Storage layout › paragraph 4"),
    ]


def test_a_storage_layout_label_over_its_volumes_is_listed(catalogue: Catalogue) -> None:
    html = f"<h2>Production</h2><p>Total disk: 4,000 GB</p><p>Storage layout:</p>{VOLUMES}"
    assert unplaced(html, catalogue) == [
        (
            "Storage layout: gitserver: 3 × 750 GB zoekt: 2 × 500 GB pgsql: 250 GB",
            "TDD Production › paragraph 2",
        ),
    ]


def test_volumes_that_add_up_to_the_stated_total_are_placed(catalogue: Catalogue) -> None:
    """The parts of the returned total: nothing to list (a reader of `handoff check` is not flooded)."""
    html = f"<h2>Production</h2><p>Total disk: 3,500 GB</p><h3>Storage layout</h3>{VOLUMES}"
    assert disk(html, catalogue) == ["3500 GB"]
    assert unplaced(html, catalogue) == []


def test_a_terabyte_of_binary_units_adds_up_as_1024(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><h3>Disks</h3><p>repos-gitserver-0 3Ti</p><p>repos-gitserver-1 3Ti</p>"
        "<p>indexed-search-0 1536Gi</p><p>Total: 7,680Gi</p>"
    )
    assert unplaced(html, catalogue) == []


def persistent_volumes(total: str) -> str:
    rows = (("Volume", "Size"), ("gitserver", "3 × 750 GB"), ("zoekt", "500 GB"), ("Total", total))
    return "<h2>Production</h2><h3>Persistent volumes</h3>" + table(*rows)


def test_a_volumes_table_whose_rows_miss_its_total_row_lists_the_rows(catalogue: Catalogue) -> None:
    html = persistent_volumes("4,000 GB")
    assert disk(html, catalogue) == ["4000 GB"]
    assert unplaced(html, catalogue) == [  # the total row is the value's: not listed
        ("gitserver: 3 × 750 GB", "TDD Production › Persistent volumes › table 1, row 2"),
        ("zoekt: 500 GB", "TDD Production › Persistent volumes › table 1, row 3"),
    ]


def test_a_persistent_volumes_table_that_adds_up_lists_nothing(catalogue: Catalogue) -> None:
    assert unplaced(persistent_volumes("2,750 GB"), catalogue) == []


def test_a_label_table_of_volumes_beside_a_stated_total_is_listed_row_by_row(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>Total disk: 4,000 GB</p><h3>Persistent volumes</h3>" + table(
        ("gitserver", "3 × 750 GB"), ("zoekt", "500 GB")
    )
    assert unplaced(html, catalogue) == [
        ("gitserver: 3 × 750 GB", "TDD Production › Persistent volumes › table 1, row 1"),
        ("zoekt: 500 GB", "TDD Production › Persistent volumes › table 1, row 2"),
    ]


def test_a_figure_read_as_history_is_listed(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Nodes: 3 × m6i.4xlarge</p>"
        "<p>Until July the cluster ran on 2 × m6i.2xlarge.</p>"
    )
    assert unplaced(html, catalogue) == [
        ("Until July the cluster ran on 2 × m6i.2xlarge.", "TDD Production › paragraph 2")
    ]


def test_an_address_without_a_digit_and_a_code_host_address_are_listed(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Total CPU: 48 vCPU</p>"
        "<p>Grafana dashboards at https://grafana.example.dev/d/sourcegraph</p>"
        "<p>Compose files: gitlab.internal/build-tools/sg-compose</p>"
    )
    assert [text for text, _ in unplaced(html, catalogue)] == [
        "Grafana dashboards at https://grafana.example.dev/d/sourcegraph",
        "Compose files: gitlab.internal/build-tools/sg-compose",
    ]


def test_nothing_from_another_environment_nor_a_values_own_place(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Total CPU: 48 vCPU</p>"
        + table(("Instance type", "3 × m6i.4xlarge"), ("Memory", "192 GiB"))
        + "<h2>Staging</h2><p>Volumes: 2 × 100 GB</p><p>Until July it ran on 1 × m6i.large.</p>"
    )
    assert unplaced(html, catalogue) == []


def test_a_row_is_listed_once_not_again_cell_by_cell(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>Total disk: 26,000 GB</p>" + table(
        ("Volume", "Allocated", "In use"),
        ("gitserver (8 × 2,500 GB gp3)", "20,000 GB", "13,480 GB"),
        ("zoekt (6 × 1,000 GB gp3)", "6,000 GB", "4,150 GB"),
    )
    listed = unplaced(html, catalogue)
    assert len(listed) == len({place for _, place in listed}) == 2
    assert listed[0] == ("20,000 GB | 13,480 GB", "TDD Production › table 1, row 2")  # its cells read apart


# -- the property over the corpus ------------------------------------------------------------------

# A detector of fact-like lines apart from the reader's: units, instance shapes, code hosts, URLs, dates.
_FACT = re.compile(
    r"\d[\d,.]*\s*(?:vCPUs?|v?cores?|CPUs?|GiB|GB|TB|TiB|MB|MiB|gigabytes?|terabytes?)\b"
    r"|\b(?:[a-z]{1,3}\d[a-z0-9-]*\.(?:\d*x?large|medium|small|micro|nano|metal)|Standard_[A-Z]\w+"
    r"|[a-z]\d[a-z]?-(?:standard|highmem|highcpu|custom)-\d+)\b"
    r"|\b(?:GitHub|GitLab|Bitbucket|Gerrit|Perforce|Azure DevOps|Phabricator|Gitolite|TFS)\b"
    r"|https?://\S"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}\b"
    r"|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\b",
    re.IGNORECASE,
)
# Lines the detector takes for facts that are none: a GitHub App's key (a tool named, no code host).
_NO_FACT = {("306-security-review-data-flows", "TDD Actions › paragraph 5")}


@pytest.fixture
def gatherers(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The gatherer of each document read, kept after its `finish`."""
    kept: list[Any] = []
    finish = gather.Gatherer.finish

    def keep(self: gather.Gatherer) -> TddReading:
        out = finish(self)
        kept.append(self)
        return out

    monkeypatch.setattr(gather.Gatherer, "finish", keep)
    return kept


def test_no_fact_like_production_line_of_the_corpus_is_neither_placed_nor_unplaced(
    catalogue: Catalogue, gatherers: list[Any]
) -> None:
    dropped = []
    for path in sorted(CORPUS.glob("*.html")):
        got = read_document(html_document(path.read_text(encoding="utf-8"), title=path.stem), catalogue)
        g = gatherers[-1]
        seen = g.placed() | {u.location for u in got.unplaced}
        dropped += [
            (path.stem, str(b.location), b.text[:80])
            for b in g.blocks
            if b.section != "trial" and _FACT.search(b.text) and b.location not in seen
            and (path.stem, str(b.location)) not in _NO_FACT
        ]  # fmt: skip
    assert dropped == []
