"""TDD reader: a provider's own machine type learnt from how a machine is written around it (`read/
owntypes.py`): a count, the maker's name and a machine noun around the token (`two Hetzner Cloud
CCX63 servers`, `three Dell PowerEdge R660 servers`), or a machine's type words before it (`Server
plan …`, `instance flavour b3-64`), in prose, a list item and a table cell; a type word of something
else (`capacity plan FY26`) teaches nothing. And a machine row of a quantity column whose count is a
dash or nought (`Qty | —`, an option quoted, not ordered) is no machine."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("html", "want"),
    [
        (
            "<h2>Production</h2><p>It runs on two Hetzner Cloud CCX63 servers behind a load balancer.</p>",
            "2 × CCX63",
        ),
        (
            "<h2>Production</h2><ul><li>Hardware: three Dell PowerEdge R660 servers in rack B4</li></ul>",
            "3 × R660",
        ),
        ("<h2>Production</h2>" + table(("Item", "Value"), ("Compute", "two g2i.16 nodes")), "2 × g2i.16"),
        ("<h2>Production</h2><p>The node pool uses the instance flavour b3-64 on 3 nodes.</p>", "3 × b3-64"),
    ],
)
def test_a_providers_type_is_learnt_from_the_machine_around_it(
    html: str, want: str, catalogue: Catalogue
) -> None:
    assert read(html, catalogue)["instance_types"] == [want]


def test_a_type_word_of_something_else_teaches_nothing(catalogue: Catalogue) -> None:
    html = "<h1>Capacity plan FY26 to FY28</h1><p>Budget FY27: 3 × FY28 spare disks.</p>"
    assert "instance_types" not in read(html, catalogue)


@pytest.mark.parametrize("none", ["—", "-", "0", "n/a"])
def test_a_machine_row_counted_none_is_no_machine(none: str, catalogue: Catalogue) -> None:
    html = "<h2>Production order</h2>" + table(
        ("Line", "Item", "Qty"),
        ("1", "m6i.4xlarge instance (16 vCPU, 64 GiB)", "3"),
        ("2", "r6i.2xlarge instance, optional spare", none),
    )
    assert read(html, catalogue)["instance_types"] == ["3 × m6i.4xlarge"]


@pytest.mark.parametrize(
    "rows",
    [
        (
            ("1", "Dedicated server CCX63 (48 vCPU, 192 GB RAM, 960 GB NVMe)", "1"),
            ("2", "Volume 1,000 GB", "2"),
        ),
        (
            ("A", "2 × m6i.4xlarge nodes: 16 vCPU and 64 GB of memory", "2"),
            ("B", "m6i.8xlarge, 32 vCPU / 128 GB RAM", "1"),
        ),
    ],
)
def test_a_bill_of_materials_adds_its_machines_described_figures(
    rows: tuple[tuple[str, str, str], ...], catalogue: Catalogue
) -> None:
    got = read("<h2>Production order</h2>" + table(("Line", "Item", "Qty"), *rows), catalogue)
    want = {"CCX63": ("48", "192 GB"), "m6i": ("64", "256 GB")}["CCX63" if "CCX63" in rows[0][1] else "m6i"]
    assert (got["total_cpu"], got["total_memory_gb"]) == ([want[0]], [want[1]])
