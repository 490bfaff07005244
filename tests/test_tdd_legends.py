"""TDD reader, legends (read/legends.py): names a document gives its environments, learnt from any
structure that pairs one name with one environment (a table row, a list item, a bracket, a clause,
a definition line), in wordings and layouts of its own; a lone mention, a row of data or a list of
people is no legend."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.envwords import Environments
from handoff.read.legends import row_lines
from handoff.read.tdd import html_document
from tdd_snippets import read, table

SECTIONS = (  # the environments named only by the document's own names
    "<h2>Gannet</h2><p>Nodes: 2 × m6i.2xlarge</p><p>Repositories: 300</p><p>Address: https://gannet.example.org</p>"
    "<h2>Puffin</h2><p>Nodes: 4 × m6i.4xlarge</p><p>Repositories: 2,400</p><p>Address: https://search.example.org</p>"
)

LEGENDS = {
    "role then name, in a table with a notes column": table(
        ("Role", "Codename", "Notes"),
        ("Production", "Puffin", "what engineers use"),
        ("Staging", "Gannet", "rebuilt before upgrades"),
        ("Sandbox", "Tern", "wiped weekly"),
    ),
    "arrows, a paragraph each": "<p>Puffin → live service</p><p>Gannet → staging</p><p>Tern → sandbox</p>",
    "the role first, the name in brackets": (
        "<p>We run three clusters: production (Puffin), staging (Gannet) and a sandbox (Tern).</p>"
    ),
    "abbreviated roles in a list": (
        "<ul><li>Prod: Puffin</li><li>Pre-prod: Gannet</li><li>Dev: Tern</li></ul>"
    ),
    "what each serves": (
        "<p>Puffin serves production traffic; Gannet hosts staging; Tern is for experiments.</p>"
    ),
    "a table laid across": table(("Codename", "Puffin", "Gannet"), ("Use", "live service", "pre-production")),
    "a glossary, each name on its own line": (
        "<p><b>Puffin</b></p><p>Serves live traffic.</p><p><b>Gannet</b></p><p>Our staging copy.</p>"
    ),
    "a definition table, name first": table(
        ("Puffin", "the production cluster"), ("Gannet", "pre-production")
    ),
}


@pytest.mark.parametrize("shape", sorted(LEGENDS))
def test_a_legend_of_any_shape_names_the_environments(catalogue: Catalogue, shape: str) -> None:
    got = read(LEGENDS[shape] + SECTIONS, catalogue)
    assert got["instance_types"] == ["4 × m6i.4xlarge"]
    assert got["repositories"] == ["2400"]
    assert got["instance_url"] == ["https://search.example.org"]


def test_a_legend_may_name_an_environment_by_another_legend_name(catalogue: Catalogue) -> None:
    html = (
        "<p>Codenames: Granite = production, Slate = staging.</p>"
        "<p>Clusters: Harrier runs Granite and Merlin runs Slate.</p>"
        "<h2>Merlin</h2><p>Nodes: 2 × n2-standard-8</p><h2>Harrier</h2><p>Nodes: 5 × n2-standard-16</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["5 × n2-standard-16"]


def _learnt(html: str, catalogue: Catalogue) -> dict[str, str]:
    doc = html_document(f"<html><body>{html}</body></html>")
    lines = row_lines(doc)
    return Environments(catalogue).learn("\n".join(lines), lines)


USED = "<p>Puffin, Gannet, Maria, Tom, Frankfurt and Dublin are named again here.</p>"


@pytest.mark.parametrize(
    "html",
    [
        "<p>Puffin hosts production.</p><p>Nothing else is said about it.</p>",  # one mention, no legend
        table(("Environment", "Owner"), ("Production", "Maria Lopez"), ("Staging", "Tom Becker")),  # people
        table(("Production", "Frankfurt", "3 nodes"), ("Staging", "Dublin", "1 node")),  # a data table
        "<p>Production: Frankfurt, 2026-08-03.</p><p>Staging: Dublin, 2026-07-20.</p>",  # dated lines
        "<p>Production go-live: March; staging: February.</p>",  # months are no names
        "<p>Puffin serves production and staging; Gannet serves production and the pilot.</p>",  # both kinds
    ],
)
def test_what_is_no_legend_teaches_no_name(catalogue: Catalogue, html: str) -> None:
    assert _learnt(html + USED, catalogue) == {}


def test_a_word_the_document_writes_in_lower_case_is_no_name(catalogue: Catalogue) -> None:
    html = "<p>Primary: production, Secondary: staging.</p><p>Primary and Secondary are sites.</p>"
    assert _learnt(html, catalogue) == {"Primary": "production", "Secondary": "trial"}
    lower = "<p>The primary site is in Leeds, the secondary in York.</p>"
    assert _learnt(html + lower, catalogue) == {}


def test_only_names_the_document_goes_on_to_use_are_learnt(catalogue: Catalogue) -> None:
    html = "<p>Status: live</p><p>Tags: dev-tools</p><p>Status of the upgrade: done.</p>"
    assert _learnt(html, catalogue) == {}


def test_a_table_row_is_one_line_of_its_cells() -> None:
    doc = html_document(
        "<html><body><p>Intro</p>" + table(("Puffin", "production"), ("Tern",)) + "</body></html>"
    )
    assert row_lines(doc) == ["Intro", "Puffin | production", "Tern | "]
