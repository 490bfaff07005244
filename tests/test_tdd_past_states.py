"""TDD reader: a state told in the past tense after a bound in the past ("Until 14.09.2026 the
production server was …", "Before that, it was …", "Prior to the upgrade we ran …") is an earlier
state: its machines and amounts are old (`read/changes.py`), in a sentence, a list item, a table
cell and a note; a present-tense clause after such a bound, or a build told in the passive ("was
sized at …"), is not."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


@pytest.mark.parametrize(
    "html",
    [
        "<h2>Production</h2><p>Until 14.09.2026 the production server was one m6i.8xlarge (32 vCPU, 128 GB "
        "RAM); it was resized to 2 × m6i.8xlarge (64 vCPU, 256 GB RAM).</p>",
        "<h2>Production</h2><ul><li>Nodes: 2 × m6i.8xlarge (64 vCPU, 256 GB RAM)</li>"
        "<li>History: before the March upgrade the cluster was 1 × m6i.8xlarge with 32 vCPU and 128 GB "
        "RAM.</li></ul>",
        "<h2>Production</h2>"
        + table(
            ("Item", "Value"),
            ("Machines", "2 × m6i.8xlarge (64 vCPU, 256 GB RAM)"),
            ("Note", "Prior to 1 May 2026 we ran 1 × m6i.8xlarge, 32 vCPU, 128 GB RAM."),
        ),
    ],
)
def test_a_past_state_after_a_bound_is_old(html: str, catalogue: Catalogue) -> None:
    got = read(html, catalogue)
    assert got["instance_types"] == ["2 × m6i.8xlarge"]
    assert got["total_cpu"] == ["64"]
    assert got["total_memory_gb"] == ["256 GB"]


@pytest.mark.parametrize(
    "text",
    [
        "Until the new disks arrive, production runs on 4 × m6i.4xlarge (64 vCPU).",
        "Before go-live, production was sized at 4 × m6i.4xlarge (64 vCPU).",
    ],
)
def test_a_present_state_or_a_build_after_a_bound_is_current(text: str, catalogue: Catalogue) -> None:
    got = read(f"<h2>Production</h2><p>{text}</p>", catalogue)
    assert got["instance_types"] == ["4 × m6i.4xlarge"]
    assert got["total_cpu"] == ["64"]
