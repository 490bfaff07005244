"""Living TDDs (tuning sets 73, 95-97): a go-live its own word alone puts in production beside the
build's end told in the same paragraph (`read/builddates.py`); a bare "Total" after the repositories
is their size (`read/measured.py`)."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields
from tdd_snippets import read, table


def _chosen(html: str, catalogue: Catalogue) -> dict[str, Any]:
    """Field → the value `handoff check` would take from the snippet (None for a conflict)."""
    doc = html_document(f"<html><body><h1>Sourcegraph TDD</h1>{html}</body></html>")
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    return {k: None if k in view.conflicted else fv.to_json()["value"] for k, fv in view.fields.items()}


@pytest.mark.parametrize(
    "told",
    [
        "The go-live announcement to engineers went out on 16 February.",
        "We went live for all engineers on 16 February.",
    ],
)
def test_a_go_live_beside_the_build_end_in_its_paragraph_is_no_rival(told: str, catalogue: Catalogue) -> None:
    html = (
        "<h2>How it was built</h2><p>The build started on 12 January 2026. I finished on 6 February 2026 "
        f"with all repositories cloned and the customer's sign-off. {told}</p>"
    )
    got = _chosen(html, catalogue)
    assert got["completion_date"] == "2026-02-06"
    assert got["start_date"] == "2026-01-12"


def test_a_go_live_naming_production_still_counts(catalogue: Catalogue) -> None:
    html = (
        "<h2>How it was built</h2><p>The build started on 12 January 2026. I finished on 6 February 2026 "
        "with all repositories cloned. Production went live on 16 February.</p>"
    )
    assert _chosen(html, catalogue)["completion_date"] == "2026-02-16"


def test_a_go_live_alone_is_the_completion(catalogue: Catalogue) -> None:
    html = (
        "<h2>How it was built</h2><p>The build started on 12 January 2026. We went live on 16 February.</p>"
    )
    assert _chosen(html, catalogue)["completion_date"] == "2026-02-16"


@pytest.mark.parametrize(
    "text",
    [
        "4.6 Repositories. 1,740 on GitHub. No monorepos. Largest: infusion at 3.2 GB. Total about 260 GB.",
        "We index 1,740 repositories on GitHub; the largest is hw-sim at 3 GB. Total about 260 GB.",
    ],
)
def test_a_bare_total_after_the_repositories_is_their_size(text: str, catalogue: Catalogue) -> None:
    got = read(f"<h1>Production</h1><p>{text}</p>", catalogue)
    assert got["total_repo_size_gb"] == ["260 GB"]
    assert "total_disk_gb" not in got


def test_a_bare_total_after_volumes_is_not_the_repositories(catalogue: Catalogue) -> None:
    got = read(
        "<h1>Production</h1><p>2,000 repositories. Gitserver has 3 volumes of 500 GB. Total 1,500 GB.</p>",
        catalogue,
    )
    assert "total_repo_size_gb" not in got


_POOLS = table(
    ("Pool", "VM size", "Nodes", "Purpose"),
    ("system", "Standard_D4s_v5", "2", "AKS system pods, ingress-nginx, Flux controllers"),
    ("sgprod", "Standard_E16s_v5", "3 [UPDATE 2 Sep: now 4]", "every Sourcegraph workload"),
)


def test_a_pool_the_stated_totals_count_is_the_deployments(catalogue: Catalogue) -> None:
    html = f"<h2>Production</h2>{_POOLS}<p>Totals with the fourth node: 72 vCPU / 544 GiB.</p>"
    got = _chosen(html, catalogue)
    assert got["instance_types"] == ["2 × Standard_D4s_v5", "4 × Standard_E16s_v5"]
    assert got["total_cpu"] == 72


def test_a_pool_the_stated_totals_leave_out_is_not(catalogue: Catalogue) -> None:
    html = f"<h2>Production</h2>{_POOLS}<p>Sourcegraph's share: 64 vCPU / 512 GiB.</p>"
    assert _chosen(html, catalogue)["instance_types"] == ["4 × Standard_E16s_v5"]


_DESIGN = (
    "<h2>Code hosts and repositories</h2><p>GitHub.com: about 1,720 repositories. The largest repository is "
    "core/policy with a 3.4 GB .git; all of it together is roughly 410 GB of git data.</p>"
    "<h2>Dates</h2><p>Production build: 2026-05-18 → 2026-06-05 (sign-off on the last day)</p>"
)


def test_a_log_entry_after_the_build_is_the_state_now(catalogue: Catalogue) -> None:
    log = (
        "<h2>Changelog</h2><ul><li>2026-03-30 · v1.0 · first design</li><li>2026-10-29 · v2.3 · the "
        "analytics organisation connected: the models repository (5.1 GB .git, now the largest); git data "
        "about 470 GB.</li></ul>"
    )
    got = _chosen(_DESIGN + log, catalogue)
    assert got["largest_repo_mb"] == 5100
    assert got["total_repo_size_gb"] == 470


def test_a_log_entry_before_the_build_decides_nothing(catalogue: Catalogue) -> None:
    log = "<h2>Changelog</h2><ul><li>2026-04-02 · v1.1 · sizing estimate: git data about 470 GB.</li></ul>"
    got = _chosen(_DESIGN + log, catalogue)
    assert got.get("total_repo_size_gb") != 470


def test_a_dated_calls_note_is_no_logged_change(catalogue: Catalogue) -> None:
    notes = "<h2>Call 1 — 7 Oct 2026</h2><p>The first design had git data at about 470 GB.</p>"
    assert _chosen(_DESIGN + notes, catalogue).get("total_repo_size_gb") != 470


def test_a_monorepo_connected_since_counts_against_none(catalogue: Catalogue) -> None:
    design = _DESIGN.replace("The largest", "No monorepos. The largest")
    log = (
        "<h2>Changelog</h2><ul><li>2026-10-29 · v2.3 · GitLab.com connected: 265 repositories, including "
        "the models monorepo (5.1 GB .git, now the largest).</li></ul>"
    )
    assert _chosen(design + log, catalogue)["monorepos"] == 1
    assert _chosen(design, catalogue)["monorepos"] == 0
