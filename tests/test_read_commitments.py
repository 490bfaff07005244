"""Machines a billing commitment was bought for are no machines that run (`read/commitments.py`), and a
table's columns of the build's stages keep only the one that says it is now (`read/pastcolumns.py`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import commitments, pastcolumns
from tdd_snippets import read, table


@pytest.mark.parametrize(
    "sentence",
    [
        "Three-year reserved instances were purchased in June for 6 × m6i.2xlarge.",
        "The savings plan we signed covers 5 × m5.4xlarge",
        "A 1-year committed use discount, sized for the launch: 4 × n2-standard-32",
        "RIs bought for 2 × r6i.8xlarge (the size at hand-over)",
        "Reservation purchased on 3 March for three E32s_v5: 3 × Standard_E32s_v5",
    ],
)
def test_machines_after_a_commitment_bought_for_them_are_its(sentence: str) -> None:
    start = sentence.index("×") - 2
    assert commitments.bought_for(sentence, start)


@pytest.mark.parametrize(
    ("sentence", "machines"),
    [
        ("3 × m6i.4xlarge, covered by a Compute Savings Plan", "3 ×"),
        ("We bought the disks in May. The cluster runs 3 × m6i.4xlarge", "3 ×"),
        ("Our reservation expired; we now run 4 × Standard_D16s_v5", "4 ×"),
        ("Production runs on 4 × c6i.4xlarge for the frontend", "4 ×"),
        ("Compute spend covers 3 reserved instances (3 × m6i.4xlarge, 1-year term)", "3 ×"),
    ],
)
def test_machines_the_commitment_only_pays_for_or_in_another_clause_run(sentence: str, machines: str) -> None:
    assert not commitments.bought_for(sentence, sentence.index(machines))


def test_a_reservation_for_the_size_before_a_right_sizing_is_not_the_fleet(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>After the review the cluster was reduced and now runs 3 × m6i.4xlarge.</p>"
        "<h2>Billing</h2><p>The Reserved Instances (3-year, no upfront) were purchased in May for the "
        "launch size, 5 × m6i.4xlarge, and still apply to the account.</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["3 × m6i.4xlarge"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Go-live (31 Jul)", True),
        ("At launch", True),
        ("Initial build (2 March)", True),
        ("Day 1", True),
        ("Cut-over, 14/03", True),
        ("First size", True),
        ("Go-live plan and risks", False),
        ("Launch team", False),
        ("Now (since 14 Sep)", False),
    ],
)
def test_a_milestone_header_is_that_days_figures(header: str, expected: bool) -> None:
    assert pastcolumns.milestone(header) is expected


@pytest.mark.parametrize(
    ("earlier", "now", "other"),
    [
        ("Go-live (31 Jul)", "Prod now (since 14 Sep)", "Staging"),
        ("Production at launch", "Production today", "Staging"),
        ("Go-live", "Now (after the resize)", "QA"),
        ("Initial build", "Current (after resize)", ""),
        ("Day 1", "Now", ""),
    ],
)
def test_of_the_build_stages_as_columns_the_now_column_is_production(
    earlier: str, now: str, other: str, catalogue: Catalogue
) -> None:
    keep = range(5 if other else 4)
    rows = [
        ("", "Sizing tool output", earlier, now, other),
        ("Nodes", "6 × m6i.4xlarge", "4 × r6i.4xlarge", "3 × r6i.4xlarge", "1 × m6i.2xlarge"),
        ("vCPU", "96", "64", "48", "8"),
        ("Memory", "384 GiB", "512 GiB", "384 GiB", "32 GiB"),
    ]
    html = "<h2>Sizing history</h2>" + table(*(tuple(r[j] for j in keep) for r in rows))
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × r6i.4xlarge"]
    assert got["total_cpu"] == ["48"]
    assert got["total_memory_gb"] == ["384 GiB"]
