"""A per-machine working beside the totals ("3 × 64 GiB = 192 GiB in total") gives the memory, never a
CPU count."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read


def test_a_per_machine_working_gives_the_memory_total(catalogue: Catalogue) -> None:
    got = read(
        "<p>Nodes: 3 × m6i.4xlarge (3 × 16 vCPU = 48 vCPU, 3 × 64 GiB = 192 GiB in total)</p>", catalogue
    )
    assert got["total_cpu"] == ["48"]
    assert got["total_memory_gb"] == ["192 GiB"]
