"""TDD reader: a comparison table of options (`read.options`). The options side by side, lettered in
order or judged on a verdict line; the one the table marks chosen (a mark in its title, the one cell
of the verdict line, or the option the document's decision names) is production, the others were
never built."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.options import option_titles
from tdd_snippets import read, table


def _none(_: str) -> str:
    return ""


@pytest.mark.parametrize(
    "html",
    [
        # options as columns, lettered, the chosen one marked in its title
        table(
            ("Criterion", "A: own data centre", "B: Hetzner Cloud (chosen)", "C: AWS"),
            ("Server", "2 × 24 vCPU VMs, 96 GB each", "1 × CCX63 (48 vCPU, 192 GB RAM)", "1 × m6i.12xlarge"),
            ("Storage", "3 TB SAN", "2,000 GB volume", "2 TB gp3"),
        ),
        # options as rows, no letters, a verdict column with one cell chosen
        table(
            ("Candidate", "Machines", "Disk", "Verdict"),
            ("Own data centre", "2 × 24 vCPU VMs, 96 GB each", "3 TB SAN", "too slow"),
            ("Hetzner Cloud", "1 × CCX63 (48 vCPU, 192 GB RAM)", "2,000 GB volume", "selected"),
            ("AWS Frankfurt", "1 × m6i.12xlarge", "2 TB gp3", "not selected: cost"),
        ),
        # options as columns with a verdict row, a tick for the chosen one
        table(
            ("", "Variant 1 — VMs in house", "Variant 2 — Hetzner", "Variant 3 — AWS"),
            ("Compute", "2 × 24 vCPU VMs, 96 GB each", "1 × CCX63 (48 vCPU, 192 GB RAM)", "1 × m6i.12xlarge"),
            ("Storage", "3 TB SAN", "2,000 GB volume", "2 TB gp3"),
            ("Outcome", "no", "✓", "no"),
        ),
    ],
)
def test_only_the_chosen_option_is_read(catalogue: Catalogue, html: str) -> None:
    found = read(html, catalogue)
    assert found["instance_types"] == ["1 × CCX63"]
    assert found["total_cpu"] == ["48"]
    assert found["total_disk_gb"] == ["2000 GB"]


def test_the_decision_elsewhere_names_the_lettered_option(catalogue: Catalogue) -> None:
    html = (
        table(
            ("", "A) one VM", "B) EKS cluster"),
            ("Machines", "1 × m6i.8xlarge", "3 × r6i.4xlarge"),
        )
        + "<p>Option B was approved by the architecture board.</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["3 × r6i.4xlarge"]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # a run sheet's tick column and numbered steps: no options
        ([["#", "Step", "✓"], ["1", "Open the bridge", "✓"], ["2", "Stop the old index", "—"]], {}),
        # an `Approved by` column is no mark of an option
        ([["Change", "Owner", "Approved by"], ["Resize disks", "Ana", "CAB"], ["Upgrade", "Tom", "CAB"]], {}),
        # lettered options with no choice named: nothing learnt
        ([["", "A: VM", "B: EKS"], ["Nodes", "1", "3"]], {}),
        # two cells marked chosen: no one choice
        ([["", "A: VM", "B: EKS"], ["Verdict", "chosen", "chosen"]], {}),
    ],
)
def test_no_comparison_no_choice(texts: list[list[str]], want: dict[str, str]) -> None:
    assert option_titles(texts, "", _none) == want
