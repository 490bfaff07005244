"""A paragraph's disk, memory or CPU figures where one is the sum of the others once each amount is
counted once: a part or the whole written twice (named again, or a figure the writer corrects) is
no rival total (`read/precedence.py` `_sum_at_one_place`)."""

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


_CORRECTED = (
    "<h1>What was built</h1><p>Production is one virtual machine on the VMware vSphere cluster, running "
    "Sourcegraph with Docker Compose. It has two virtual disks on the vSAN datastore: a {system} GB "
    "system disk for the operating system, and a {first} GB data disk (the figure of an earlier draft, "
    "since corrected): the data disk is {data} GB, which with the {system} GB system disk makes "
    "{whole} GB of storage for the service as a whole.</p>"
)


@pytest.mark.parametrize(
    ("system", "first", "data", "whole"),
    [
        ("100", "1,500", "1,400", "1,500"),  # the corrected figure was the whole's
        ("150", "2,000", "1,850", "2,000"),
    ],
)
def test_the_sum_of_the_distinct_figures_is_the_whole(
    system: str, first: str, data: str, whole: str, catalogue: Catalogue
) -> None:
    html = _CORRECTED.format(system=system, first=first, data=data, whole=whole)
    fields, conflicted = view(html, catalogue)
    assert "total_disk_gb" not in conflicted
    assert fields["total_disk_gb"] == int(whole.replace(",", ""))


def test_figures_that_do_not_add_up_stay_a_conflict(catalogue: Catalogue) -> None:
    html = _CORRECTED.format(system="100", first="1,500", data="1,300", whole="1,500")
    _, conflicted = view(html, catalogue)
    assert "total_disk_gb" in conflicted
