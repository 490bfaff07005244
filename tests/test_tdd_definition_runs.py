"""TDD reader: names defined side by side with `=` on one line (`prod-eu = the one the developers
use. preview = a small copy …`): with one of them production's by its own word, the others are
other environments (`read.envnames.definition_run`); so are the names of a legend written one
pair per line (`Juniper — production` / `Hazel — staging`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.envnames import definition_run
from tdd_snippets import read, table


@pytest.mark.parametrize(
    "legend",
    [
        "<p>prod-eu = the one the developers use. preview = a small copy where the platform team tries"
        " upgrades first.</p>",
        "<p>Names used below: live = what our engineers search every day; preview = the lab box in"
        " building 4.</p>",
        table(("Term", "Meaning"), ("Environments", "prd-core = the service; preview = kept for demos")),
    ],
)
def test_a_name_defined_beside_productions_is_another_environment(catalogue: Catalogue, legend: str) -> None:
    html = (
        f"{legend}<h2>Sizing</h2><p>Nodes: 3 × m6i.4xlarge (16 vCPU each).</p>"
        "<p>preview gets 2 × m6i.2xlarge (8 vCPU each).</p>"
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["3 × m6i.4xlarge"]
    assert found["total_cpu"] == ["48"]


def test_a_definition_naming_production_keeps_it(catalogue: Catalogue) -> None:
    """`blue = production, green = the standby`: what a name is said to be wins."""
    html = (
        "<p>prod-a = the primary cluster. blue = the production colour of the blue/green pair.</p>"
        "<p>blue runs 3 × m6i.4xlarge.</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["3 × m6i.4xlarge"]


def test_a_run_with_no_production_name_learns_nothing(catalogue: Catalogue) -> None:
    """`north = the search box; south = the indexer box`: neither is said to be another environment."""
    html = (
        "<p>north = the search box; south = the indexer box.</p>"
        "<p>north runs 3 × m6i.4xlarge.</p><p>south runs 2 × m6i.2xlarge.</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["3 × m6i.4xlarge", "2 × m6i.2xlarge"]


def test_a_run_is_two_definitions_on_one_line() -> None:
    assert definition_run("preview = a small copy") == []
    found = definition_run("live = what we use. lab = the test bed")
    assert found == [("live", "what we use"), ("lab", "the test bed")]


@pytest.mark.parametrize(
    "legend",
    [
        "<p>Environment names:</p><ul><li>Juniper — production</li><li>Hazel — staging</li></ul>",
        "<p>Juniper: production</p><p>Hazel: the staging copy</p>",
    ],
)
def test_a_legend_of_one_pair_per_line(catalogue: Catalogue, legend: str) -> None:
    html = (
        f"{legend}<p>Juniper pool: 3 × m6i.4xlarge (16 vCPU each)</p>"
        "<p>Hazel pool: 2 × m6i.2xlarge (8 vCPU each)</p>"
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["3 × m6i.4xlarge"] and found["total_cpu"] == ["48"]
