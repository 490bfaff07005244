"""TDD reader: parts about another system (legacy, as-is, options not taken) and non-production
environments (UAT) are never production."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document


def sections(html: str, catalogue: Catalogue) -> dict[str, set[tuple[str, str]]]:
    """field → {(value, section)}."""
    out: dict[str, set[tuple[str, str]]] = {}
    for v in read_document(html_document(html), catalogue).values:
        if v.field:
            out.setdefault(v.field, set()).add((v.value or v.text, v.section))
    return out


@pytest.mark.parametrize(
    "title",
    ["<h2>Current state</h2>", "<h2>As-is</h2>", "<h3>Legacy search</h3>", "<p><b>Previous tool</b></p>",
     "<h2>Alternatives considered</h2>", "<h2>Rejected options</h2>", "<h2>UAT</h2>"],
)  # fmt: skip
def test_a_part_about_another_system_is_not_production(catalogue: Catalogue, title: str) -> None:
    found = sections(f"{title}<p>A VM on-premises with 4 vCPU and 16 GB RAM.</p>", catalogue)
    assert found["total_cpu"] == {("4", "trial")} and found["hosting_provider"] == {("on-premises", "trial")}


def test_a_parent_bullet_about_the_old_system_holds_its_children(catalogue: Catalogue) -> None:
    html = (
        "<ul><li>Legacy setup<ul><li>Docker Compose on one VM</li></ul></li>"
        "<li>New setup<ul><li>Helm chart on Amazon EKS</li></ul></li></ul>"
    )
    found = sections(html, catalogue)
    assert found["deployment_type"] == {("Docker Compose", "trial"), ("Kubernetes with Helm", "")}


def test_the_word_in_a_sentence_or_the_document_title_is_no_part(catalogue: Catalogue) -> None:
    found = sections(
        "<h1>Replacing the legacy search</h1><p>We moved from the legacy box to 64 vCPU on Amazon EKS.</p>",
        catalogue,
    )
    assert found["total_cpu"] == {("64", "")} and found["hosting_provider"] == {("AWS", "")}


@pytest.mark.parametrize("verb", ["Rejected", "We declined", "Ruled out", "Considered"])
def test_an_option_not_taken_is_not_named(catalogue: Catalogue, verb: str) -> None:
    found = sections(f"<p>{verb} Docker Compose on a single VM.</p>", catalogue)
    assert "deployment_type" not in found
