"""An amount followed by a bracket breaking it down by machine ("CPU: 128 cores (32 per worker)"):
the figure before the bracket is the whole (`read/permachine.py` `without_breakdown`, `_breakdown`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import permachine
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("value", "whole"),
    [
        ("96 vCPU (24 per node)", "96 vCPU"),
        ("768 GiB total (192 GiB/host)", "768 GiB total"),
        ("about 48 cores (16 apiece)", "about 48 cores"),
        ("1,536 GB (384 GB on each of the 4 servers, per server)", "1,536 GB"),
    ],
)
def test_the_bracket_breaking_a_whole_down_is_left_out(value: str, whole: str) -> None:
    assert permachine.without_breakdown(value) == whole


@pytest.mark.parametrize(
    "value",
    [
        "16 vCPU each (64 vCPU in all)",  # the figure before the bracket is one machine's
        "32 vCPU per VM (2 VMs)",
        "48 vCPU (after the resize)",  # a bracket with no figure per machine
        "24 vCPU",
    ],
)
def test_other_values_stay_as_written(value: str) -> None:
    assert permachine.without_breakdown(value) == value


def test_an_environments_table_with_per_machine_asides_gives_the_wholes(catalogue: Catalogue) -> None:
    html = "<h1>Platform</h1>" + table(
        ("", "Prod", "Test"),
        ("Servers", "3 physical hosts", "1 VM"),
        ("Cores", "96 (32 per host)", "8"),
        ("RAM", "1.5 TB (512 GB per host)", "32 GB"),
    )
    got = read(html, catalogue)
    assert got["total_cpu"] == ["96"]
    assert got["total_memory_gb"] == ["1.5 TB"]


def test_a_sentence_with_a_breakdown_in_brackets_gives_the_whole(catalogue: Catalogue) -> None:
    got = read("<h1>Production</h1><p>The cluster has 384 GiB of memory (96 GiB per worker).</p>", catalogue)
    assert got["total_memory_gb"] == ["384 GiB"]
