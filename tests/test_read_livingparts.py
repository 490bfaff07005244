"""A living TDD's parts: the stale copy of the design it keeps and no longer maintains, and the part
telling the deployment now (`read/livingparts.py`)."""

from __future__ import annotations

import pytest

from docjson import heading, para, tab, tabbed
from handoff.core.fields import Catalogue
from handoff.read import livingparts
from tdd_snippets import read, read_doc


@pytest.mark.parametrize(
    "title",
    [
        "Original sizing — no longer maintained",
        "4. Platform as signed off (rev 1.0; not updated since)",
        "Appendix C: design at go-live, kept for the audit trail",
        "Infrastructure (v1, never refreshed after handover)",
        "Build-time design (not kept up to date)",
    ],
)
def test_a_title_saying_its_part_is_not_kept_up_to_date_is_stale(title: str) -> None:
    names = ["Summary", title, "Changes since go-live"]
    assert livingparts.living(names)
    assert livingparts.stale_title(title, True)


@pytest.mark.parametrize(
    ("title", "others"),
    [
        ("Design (frozen at sign-off)", ["Where things stand today"]),
        ("Sizing v1.2 — frozen", ["Current figures"]),
    ],
)
def test_a_frozen_part_is_stale_beside_one_telling_the_present(title: str, others: list[str]) -> None:
    assert livingparts.living([title, *others])
    assert livingparts.stale_title(title, True)


@pytest.mark.parametrize(
    "names",
    [
        ["Design (frozen)", "Build plan", "Risks"],  # frozen before the build, nothing newer: the design
        ["Current state", "Target state", "Architecture (not maintained by us)"],  # a migration design
        ["Packages", "Node images updated monthly"],
    ],
)
def test_no_living_document_without_a_stale_copy(names: list[str]) -> None:
    assert not livingparts.living(names)


def test_a_migration_designs_current_state_stays_the_old_system(catalogue: Catalogue) -> None:
    html = (
        "<h1>Current state</h1><p>Hound on 2 × m5.2xlarge, 1,900 repositories.</p>"
        "<h1>Target state</h1><p>Sourcegraph on 3 × m6i.4xlarge, 2,100 repositories.</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]


def test_the_stale_section_gives_nothing_and_the_current_one_is_read(catalogue: Catalogue) -> None:
    html = (
        "<h1>A. Where it stands (current state, refreshed each release)</h1>"
        "<p>Nodes: 6 × n2-standard-16</p><p>Repositories: 4,400</p>"
        "<h1>B. Design as approved in January (no longer maintained)</h1>"
        "<ul><li>Nodes: 4 × n2-standard-16</li><li>Repositories: 3,100</li></ul>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["6 × n2-standard-16"]
    assert got["repositories"] == ["4400"]


def test_a_frozen_tab_beside_a_current_state_tab(catalogue: Catalogue) -> None:
    doc = tabbed(
        tab(
            "Original design (frozen)",
            heading("Servers", 1),
            para("Two VMs of 8 vCPU and 32 GB each, with a 500 GB disk; Bitbucket Cloud, 300 repositories."),
        ),
        tab(
            "Current state",
            heading("Servers", 1),
            para("Two VMs of 16 vCPU and 64 GB each, with a 1 TB disk."),
            para("Code host: GitHub.com, 420 repositories."),
        ),
    )
    got = read_doc(doc, catalogue)
    assert got["total_cpu"] == ["32"]
    assert got["code_hosts"] == ["GitHub.com"]
    assert got["repositories"] == ["420"]
