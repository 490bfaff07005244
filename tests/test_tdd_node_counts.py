"""TDD reader: a machine type's count written apart from it is its count, and a count that is not
the machines' (a range's end, "each node is an …", unnamed numbers beside it) is never one machine."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read


def production(*paragraphs: str) -> str:
    return "<h1>Sourcegraph TDD</h1><h2>Production</h2>" + "".join(f"<p>{p}</p>" for p in paragraphs)


@pytest.mark.parametrize(
    ("paragraphs", "want"),
    [
        (("Node type: m6i.4xlarge", "Nodes: 3"), "3 × m6i.4xlarge"),  # the type first, the count below
        (("Nodes: 3", "Node type: m6i.4xlarge"), "3 × m6i.4xlarge"),  # ... or the other way round
        (("Machine type: n2-standard-16", "Node count: 4"), "4 × n2-standard-16"),
        (("Node pool: 3 nodes, type m6i.4xlarge",), "3 × m6i.4xlarge"),  # the count in the value
        (("Nodes: 3 (m6i.4xlarge)",), "3 × m6i.4xlarge"),  # a number opening a value about machines
        (("Search pool: five workers, all Standard_E16s_v5",), "5 × Standard_E16s_v5"),
        (("Instance type: r6i.8xlarge", "Runs Docker Compose."), "1 × r6i.8xlarge"),  # no count anywhere: one
        (("The pool was scaled from 4 to 6 × n2-highmem-16.",), "6 × n2-highmem-16"),  # a change, not a range
    ],
)
def test_the_count_of_a_type_is_found_where_it_is_written(
    catalogue: Catalogue, paragraphs: tuple[str, ...], want: str
) -> None:
    assert read(production(*paragraphs), catalogue).get("instance_types") == [want]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("The cluster has 3 nodes. Each node is an m6i.4xlarge.",),  # what one node is, not how many
        ("The autoscaler keeps between 2 and 6 m6i.4xlarge nodes (3 today).",),  # a range's end
        ("EKS node group: m6i.4xlarge, min 2, desired 3, max 6",),  # numbers that may count it, unnamed
        ("Node group: m6i.4xlarge, desired size 3",),
    ],
)
def test_a_count_that_is_not_the_machines_gives_no_value_rather_than_one_machine(
    catalogue: Catalogue, paragraphs: tuple[str, ...]
) -> None:
    got = read(production(*paragraphs), catalogue).get("instance_types")
    assert got in (None, ["3 × m6i.4xlarge"]), got  # missing, or right: never 1, 2 or 6 machines


def test_two_sections_pair_their_own_counts(catalogue: Catalogue) -> None:
    html = (
        "<h1>Sourcegraph TDD</h1><h2>Staging</h2><p>Node type: m6i.2xlarge</p><p>Nodes: 2</p>"
        "<h2>Production</h2><p>Node type: m6i.4xlarge</p><p>Nodes: 5</p>"
    )
    assert read(html, catalogue).get("instance_types") == ["5 × m6i.4xlarge"]  # staging's 2 stays staging's
