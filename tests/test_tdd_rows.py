"""TDD reader: a table whose headers name no field reads its cells as prose; a cell that asks or
requires only says what its row is about."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from tdd_snippets import table


def values(html: str, catalogue: Catalogue) -> dict[str, str]:
    reading = read_document(html_document(html), catalogue)
    return {v.field: v.value or v.text for v in reading.values if v.field}


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


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("root_volume_size_gb = 2048", "total_disk_gb", "2048 GB"),  # the unit in the key
        ("SG_MEMORY_GIB=256", "total_memory_gb", "256 GiB"),
        ('totalVcpu = "48"', "total_cpu", "48"),  # camelCase, quoted
        ('external_url = "https://sg.example.org"', "instance_url", "https://sg.example.org"),
    ],
)
def test_an_assignment_is_a_label_and_its_value(
    catalogue: Catalogue, line: str, field: str, value: str
) -> None:
    assert values(f"<h2>prod</h2><p><code>{line}</code></p>", catalogue)[field] == value


def test_a_node_count_and_a_node_size_on_lines_of_one_paragraph_pair(catalogue: Catalogue) -> None:
    html = '<h2>prod</h2><p><code>node_count = 3</code><br><code>node_size = "Standard_E16s_v5"</code></p>'
    assert values(html, catalogue)["instance_types"] == "3 × Standard_E16s_v5"


def test_an_equals_sign_in_prose_is_no_assignment(catalogue: Catalogue) -> None:
    assert values("<p>We set it so that cpu = 48 in the end.</p>", catalogue) == {}
    assert values("<p><code>cpu = 48</code></p>", catalogue) == {"total_cpu": "48"}
