"""TDD reader: a step made to an amount ("1 TB at go-live, resized to 2 TB", "(bumped to 2 TB on 4
Aug)", "we provisioned 800 GB and grew it to 1.6 TB") leaves the figure before it old, in prose, in a
labelled value and in a table cell (`read/changes.py`, `_stepped`); a step not made (a plan, a
condition) or one with a subject of its own (memory, another component, another environment)
changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.changes import old_spans
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields
from tdd_snippets import table

HEAD = "<h2>Production</h2><p>Kubernetes with Helm on EKS, 3 × m6i.4xlarge.</p>"


def _field(body: str, name: str, catalogue: Catalogue) -> Any:
    doc = html_document(f"<html><body>{HEAD}{body}</body></html>")
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    fv = view.fields.get(name)
    return None if fv is None or name in view.conflicted else fv.to_json()["value"]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<p>Disk (block storage): 1.2 TB at cut-over, expanded to 2.4 TB in the second week.</p>", 2400),
        (
            "<p>Data disk 750 GB when we went live, then increased to 1,500 GB after the big import.</p>",
            1500,
        ),
        ("<p>The team provisioned 600 GB of SSD and grew it to 1.8 TB once indexing caught up.</p>", 1800),
        ("<p>Disk space: 900 GB (raised to 1,800 GB on 2 March).</p>", 1800),
        ("<p>Storage for gitserver and search: 2 TB, subsequently doubled to 4 TB.</p>", 4000),
        ("<ul><li>Persistent volumes: 1 TiB originally; extended to 3 TiB before launch.</li></ul>", 3000),
        (table(("Item", "Value"), ("Disk", "500 GB, bumped to 1 TB on 9 June")), 1000),
        (
            table(
                ("Resource", "Provisioned"),
                ("Memory", "192 GB"),
                ("Total disk", "3 TB at handover, later resized to 5 TB"),
            ),
            5000,
        ),
    ],
)
def test_the_figure_a_step_changes_is_old(body: str, want: int, catalogue: Catalogue) -> None:
    assert _field(body, "total_disk_gb", catalogue) == pytest.approx(want, rel=0.01)


@pytest.mark.parametrize(
    "body",
    [
        "<p>Disk: 2 TB, to be increased to 4 TB next quarter.</p>",
        "<p>Disk: 2 TB; it can be expanded to 4 TB if needed.</p>",
        "<p>Disk: 2 TB. Memory 256 GB, increased to 384 GB in May.</p>",
        "<p>Disk: 2 TB; the staging copy was resized to 500 GB.</p>",
        "<p>Disk: 2 TB (the test cluster grew to 600 GB).</p>",
        "<p>Storage 2 TB; repositories grew to 900 GB.</p>",
        "<p>Disk 2 TB, rising to 3 TB with next year's growth.</p>",
    ],
)
def test_a_step_not_made_or_of_another_subject_changes_nothing(body: str, catalogue: Catalogue) -> None:
    assert _field(body, "total_disk_gb", catalogue) == 2000


@pytest.mark.parametrize(
    ("text", "old"),
    [
        ("Memory: 192 GB at go-live, upgraded to 384 GB after the OOM.", ["192 GB"]),
        ("CPU: 48 vCPU initially, scaled to 96 vCPU.", ["48 vCPU"]),
        ("Disk 1 TB, increased to 2 TB on 3 July", ["1 TB"]),
        ("started at 1 TB; in July we doubled it to 2 TB", ["1 TB"]),
        # a step to a figure of another kind, a plan, or a figure between: nothing
        ("3 nodes of 500 GB, scaled to 5 nodes", []),
        ("2 TB, could be resized to 4 TB", []),
        ("1 TB at go-live on 3 May, resized to 2 TB", []),
        ("gitserver 1 TB; zoekt increased to 500 GB", []),
    ],
)
def test_old_spans_of_a_step(text: str, old: list[str]) -> None:
    assert [text[a:b] for a, b in old_spans(text)] == old
