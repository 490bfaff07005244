"""TDD reader: a table row whose short status cell opens with a status of things not done
(`Carried over → PI 26.4`, `Deferred to 2027`, `Backlog`, `Won't do`) gives none of the
deployment's figures, in any table whose headers name no field."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue, load_catalogue
from handoff.read.cells import opens_not_done, status_words
from tdd_snippets import read, table

_PROSE = "<p>The production instance runs on 1 × r6i.8xlarge in eu-west-1.</p>"


@pytest.mark.parametrize(
    "status",
    ["Carried over → PI 26.4", "Deferred to Q1 2027", "Backlog", "Won't do", "Planned for 2027"],
)
def test_a_row_not_done_gives_no_machines(catalogue: Catalogue, status: str) -> None:
    board = table(
        ("Feature", "State", "Notes"),
        ("F-2201 Sourcegraph production", "Done", "Accepted 15.08.2026"),
        ("F-2207 High availability (2 × r6i.8xlarge)", status, "Needs a sticky-session design"),
    )
    assert read(f"<h2>Production</h2>{_PROSE}{board}", catalogue)["instance_types"] == ["1 × r6i.8xlarge"]


def test_a_row_done_still_counts(catalogue: Catalogue) -> None:
    """ "Done" names nothing: the row's machines are read (here: a conflict with the prose)."""
    board = table(
        ("Feature", "State", "Notes"),
        ("F-2207 High availability (2 × r6i.8xlarge)", "Done", "Both nodes behind the ALB"),
    )
    found = read(f"<h2>Production</h2>{_PROSE}{board}", catalogue)["instance_types"]
    assert found == ["1 × r6i.8xlarge", "2 × r6i.8xlarge"]


@pytest.fixture(scope="module")
def words() -> frozenset[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    return status_words(tuple(load_catalogue(root / "config" / "fields.toml").tdd.not_done_words))


@pytest.mark.parametrize(
    ("cell", "want"),
    [
        ("Carried over → PI 26.4", True),
        ("Deferred to 2027", True),
        ("In progress (60%)", True),
        ("Done", False),
        ("Later phase: two more nodes", False),  # a status word opening other words is no status
        ("Blocked by the security review of the AMI and the network team", False),  # a description
    ],
)
def test_a_status_cell_opens_with_a_status(words: frozenset[str], cell: str, want: bool) -> None:
    assert opens_not_done(cell, words) is want
