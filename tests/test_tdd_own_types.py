"""TDD reader: machine types of providers the reader has no pattern for, learnt from how the
document writes them (`read.owntypes`): a count and a times sign before the token, and a CPU
figure or a machine noun after it, or a label naming machines over it. Also a count written
right before a known type (`3 r6i.4xlarge nodes`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.owntypes import learn
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("html", "want"),
    [
        # a table row: label cell, value cell with a CPU figure in brackets
        (table(("Nodes", "4 × g2i.16 (16 vCPU / 64 GB per node)")), "4 × g2i.16"),
        # a label line
        ("<p>Server: 1 × CCX63 (48 dedicated vCPU, 192 GB RAM), Ubuntu 24.04</p>", "1 × CCX63"),
        # a sentence with a machine noun after the type
        ("<p>The platform runs on 3 x VM.XL-24 nodes in the customer's tenant.</p>", "3 × VM.XL-24"),
        # a value alone under a label naming machines, with a remark in brackets
        (table(("Worker nodes", "5 × b3-64 (+1 node planned for 2027)")), "5 × b3-64"),
        # a list item
        ("<ul><li>Compute: 2× PowerEdge-R760 (64 cores, 512 GB each)</li></ul>", "2 × PowerEdge-R760"),
    ],
)
def test_a_type_written_as_machines_is_the_deployments(catalogue: Catalogue, html: str, want: str) -> None:
    assert read(f"<h2>Production</h2>{html}", catalogue)["instance_types"] == [want]


def test_a_learnt_types_family_is_read_in_other_environments_too(catalogue: Catalogue) -> None:
    """`g2i.8` (no CPU figure of its own) is of the family of `g2i.16`: the staging column's
    machines are recognised as machines, and stay staging's."""
    html = table(
        ("Item", "Production", "Staging"),
        ("Nodes", "4 × g2i.16 (16 vCPU / 64 GB each)", "2 × g2i.8"),
    )
    assert read(html, catalogue)["instance_types"] == ["4 × g2i.16"]
    assert learn("Nodes\n4 × g2i.16 (16 vCPU / 64 GB each)\n2 × g2i.8") == frozenset({r"g2i\.\d+"})


@pytest.mark.parametrize(
    "text",
    [
        "gitserver: 3 × gp3 volumes (500 GB each)",  # a volume: no CPU figure, no machine noun
        "Disks\n3 × 1.5 TB",  # a size
        "Rollout in 2 × PI-26 increments",  # no CPU figure, no machine noun
        "Upgrade path: 2 x v5.2 releases",  # a version
        "Licences\n3 × SKU-1042",  # a label naming no machines
    ],
)
def test_a_token_not_written_as_machines_is_not_learnt(text: str) -> None:
    assert learn(text) == frozenset()


def test_a_known_type_is_not_learnt_again() -> None:
    assert learn("4 × m6i.4xlarge (16 vCPU each)") == frozenset()


@pytest.mark.parametrize(
    ("html", "want"),
    [
        ("<p>The PRD node group has 3 r6i.4xlarge nodes, 48 vCPU in total.</p>", "3 × r6i.4xlarge"),
        ("<p>Nodes: 6 n2-standard-16</p>", "6 × n2-standard-16"),
    ],
)
def test_a_count_right_before_a_type_counts_it(catalogue: Catalogue, html: str, want: str) -> None:
    assert read(f"<h2>Production</h2>{html}", catalogue)["instance_types"] == [want]


def test_a_number_of_another_kind_before_a_type_is_no_count(catalogue: Catalogue) -> None:
    """A decimal (`PI 26.3`), a grouped figure or a figure with its own unit is no machine count."""
    html = "<h2>Production</h2><p>Since PI 26.3 r6i.8xlarge is the size; 1 × r6i.8xlarge runs it.</p>"
    assert read(html, catalogue)["instance_types"] == ["1 × r6i.8xlarge"]


# -- blind 81: an internal catalogue's names, which a type word names outright (no digit needed)


@pytest.mark.parametrize(
    ("html", "want"),
    [
        # a form row naming the flavour, its size in the row below
        (
            table(
                ("Worker VMs", "6 VMs of flavour ocp.cpu.large"), ("Flavour ocp.cpu.large", "8 vCPU / 32 GiB")
            ),
            "6 × ocp.cpu.large",
        ),
        # a label naming the catalogue's size, the machine count after it
        ("<p>VM size: HIGHMEM-XL, 2 VMs (24 vCPU and 192 GB RAM each)</p>", "2 × HIGHMEM-XL"),
        ("<p>Catalogue size: HIGHMEM-XL, 1 VM (24 vCPU and 192 GB RAM)</p>", "1 × HIGHMEM-XL"),  # one, stated
        # a machine class in a bullet, counted with a times sign
        (
            "<ul><li>workers: 4 × guaranteed-large (machine class guaranteed-large)</li></ul>",
            "4 × guaranteed-large",
        ),
    ],
)
def test_a_catalogue_name_a_type_word_names_is_a_type(catalogue: Catalogue, html: str, want: str) -> None:
    assert read(f"<h2>Production</h2>{html}", catalogue)["instance_types"] == [want]


@pytest.mark.parametrize(
    "text",
    [
        "Catalogue size: XL",  # a lone size word
        "Flavour: large",
        "The default flavour suits most tenants",  # no token after the type word
    ],
)
def test_a_lone_size_word_is_not_learnt(text: str) -> None:
    assert learn(text) == frozenset()
