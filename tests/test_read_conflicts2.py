"""Two production values of one field where the document's own arithmetic or structure settles which
holds: no conflict then, and still a conflict where it does not (`read/fleetsettles.py`,
`read/partagain.py`)."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields


def view(html: str, catalogue: Catalogue) -> tuple[dict[str, Any], frozenset[str]]:
    """The fields `handoff tdd` would give (None for a conflict) and the conflicted fields."""
    doc = html_document(f"<html><body>{html}</body></html>")
    got = tdd_fields(read_document(doc, catalogue).values, catalogue)
    fields = {n: None if n in got.conflicted else fv.to_json()["value"] for n, fv in got.fields.items()}
    return fields, got.conflicted


# -- the machines' published sizes settle two totals --------------------------------------------

_SETTLED = [
    pytest.param(
        "<h1>Production</h1><table><tr><th>Item</th><th>Value</th></tr>"
        "<tr><td>Worker nodes</td><td>2 × r6i.4xlarge</td></tr>"
        "<tr><td>Deployment</td><td>Helm on EKS</td></tr></table>"
        "<p>Together 32 vCPU and 256 GiB.</p>"
        "<h2>Config notes</h2><p>searcher memory limit raised to 12 GiB</p>",
        "total_memory_gb",
        256,
        id="a-table-of-machines-and-a-containers-limit",
    ),
    pytest.param(
        "<h2>Production</h2><ul><li>Node pool: 4 × n2-standard-16</li><li>Helm chart 5.6</li></ul>"
        "<p>That is 64 vCPU and 256 GB in all.</p>"
        "<p>The compose limits we copied add up to about 29 CPUs.</p>",
        "total_cpu",
        64,
        id="a-labelled-pool-and-the-limits-of-a-compose-file",
    ),
]


@pytest.mark.parametrize(("html", "field", "want"), _SETTLED)
def test_the_figure_the_machines_come_to_is_the_total(
    html: str, field: str, want: int, catalogue: Catalogue
) -> None:
    fields, conflicted = view(html, catalogue)
    assert field not in conflicted
    assert fields[field] == want


_STILL_CONFLICTS = [
    pytest.param(
        "<h1>Production</h1><table><tr><td>Instance types</td><td>4 × Standard_D16s_v5</td></tr>"
        "<tr><td>Total vCPU</td><td>64</td></tr></table>"
        "<h2>Sizing notes</h2><p>Total CPU: 48 vCPU</p>",
        "total_cpu",
        id="two-labelled-totals-stay-a-contradiction",
    ),
    pytest.param(
        "<h1>Production</h1><p>We run three m6i.4xlarge nodes with 48 vCPU and 192 GiB.</p>"
        "<p>The search tier alone uses 24 GiB of memory.</p>",
        "total_memory_gb",
        id="machines-named-only-in-prose-prove-nothing",
    ),
    pytest.param(
        "<h1>Production</h1><table><tr><td>Instance types</td><td>3 × m6i.4xlarge</td></tr></table>"
        "<p>The cluster gives Sourcegraph 40 vCPU and 160 GiB of memory.</p>"
        "<p>Later the indexer got 24 GiB of memory.</p>",
        "total_memory_gb",
        id="no-figure-equals-the-machines-total",
    ),
]


@pytest.mark.parametrize(("html", "field"), _STILL_CONFLICTS)
def test_no_figure_is_chosen_where_the_arithmetic_does_not_settle_it(
    html: str, field: str, catalogue: Catalogue
) -> None:
    fields, conflicted = view(html, catalogue)
    assert field in conflicted
    assert fields.get(field) is None


# -- a counted term of a total's working, read at the total's own place ---------------------------

_TERMS_SETTLED = [
    pytest.param(
        "<h2>Production</h2><p>Sourcegraph runs on EKS.</p><p>The persistent volumes are gitserver "
        "2 × 750 GB, zoekt 2 × 200 GB and the databases 100 GB together. That is 2,000 GB in total.</p>",
        2000,
        id="a-sentence-of-terms-then-the-total",
    ),
    pytest.param(
        "<h1>Prod cluster</h1><p>Runs on AKS.</p><p>Premium SSD disks go to gitserver (3 × 1,000 GB) and "
        "to indexed-search (2 × 300 GB); the other services share 200 GB together. All told 3,800 GB.</p>",
        3800,
        id="bracketed-counted-terms-and-all-told",
    ),
]


@pytest.mark.parametrize(("html", "want"), _TERMS_SETTLED)
def test_a_term_of_the_working_is_no_rival_total(html: str, want: int, catalogue: Catalogue) -> None:
    fields, conflicted = view(html, catalogue)
    assert "total_disk_gb" not in conflicted
    assert fields["total_disk_gb"] == want


def test_terms_that_do_not_add_up_leave_the_conflict(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Sourcegraph runs on EKS.</p><p>The persistent volumes are gitserver "
        "2 × 750 GB, zoekt 2 × 200 GB and the databases 100 GB together. That is 2,400 GB in total.</p>"
    )
    fields, conflicted = view(html, catalogue)
    assert "total_disk_gb" in conflicted
    assert fields.get("total_disk_gb") is None
