"""Living TDDs (tuning sets 73, 95-97): a go-live its own word alone puts in production beside the
build's end told in the same paragraph (`read/builddates.py`); a bare "Total" after the repositories
is their size (`read/measured.py`)."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields
from tdd_snippets import read


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
