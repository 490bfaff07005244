"""TDD reader: a table whose headers name no field reads its cells as prose; a cell that asks or
requires only says what its row is about."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff.core.fields import Catalogue, load_catalogue
from handoff.read.tdd import html_document, read_document

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(ROOT / "config" / "fields.toml")


def values(html: str, catalogue: Catalogue) -> dict[str, str]:
    reading = read_document(html_document(html), catalogue)
    return {v.field: v.value or v.text for v in reading.values if v.field}


def table(*rows: tuple[str, ...]) -> str:
    return "<table>" + "".join(
        "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in r) + "</tr>" for r in rows
    ) + "</table>"  # fmt: skip


def test_the_answer_cells_are_read_and_the_requirement_gives_the_topic(catalogue: Catalogue) -> None:
    html = table(
        ("Ref", "Requirement", "Response", "Code"),
        ("H-1", "The service shall be reachable on our domain.", "Done: https://sg.example.org", "C"),
        ("H-2", "Compute needed?", "4 × m6i.4xlarge, 64 vCPU and 256 GiB in total.", "C"),
    )
    found = values(html, catalogue)
    assert found["instance_url"] == "https://sg.example.org"
    assert found["instance_types"] == "4 × m6i.4xlarge" and found["total_cpu"] == "64"


def test_what_a_requirement_asks_for_is_not_taken(catalogue: Catalogue) -> None:
    html = table(
        ("Item", "Criterion", "Outcome"),
        ("1", "The platform must offer at least 32 vCPU on Docker Compose.", "Met: 48 vCPU on Amazon EKS."),
    )
    found = values(html, catalogue)
    assert found["total_cpu"] == "48" and "deployment_type" not in found


def test_a_rejected_row_of_a_decisions_log_names_nothing(catalogue: Catalogue) -> None:
    html = table(("When", "Decision", "Why"), ("May", "Rejected Docker Compose on one VM", "No resilience."))
    assert "deployment_type" not in values(html, catalogue)
