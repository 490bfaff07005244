"""The planning side of a sizing: the resource estimator's output and the inputs it was given are no
production figures (`config/fields.toml` `other_system_words`; `read/limitwords.py` `is_planned`).
What runs, and today's repositories, are written elsewhere and win."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table

_RUNS = (
    "<h2>Production</h2><p>Production runs on 3 × m6i.4xlarge (48 vCPU, 192 GiB).</p>"
    "<p>Repositories: 1,950 on GitHub Enterprise Server, 610 GB in all; the largest is 4.1 GB.</p>"
)


@pytest.mark.parametrize(
    "planning",
    [
        "<h2>What the estimator was given</h2><p>For three years out: 2,900 repositories, 1.1 TB in all, "
        "largest 7 GB.</p><p>It suggested 5 × m6i.4xlarge.</p>",
        "<h2>Estimator output (pasted)</h2><p>6 × m6i.4xlarge, 96 vCPU, 384 GiB, total storage 3 TB</p>",
        '<ul class="lst-kix_e-0"><li>estimator, run on 3 May</li></ul>'
        '<ul class="lst-kix_e-1"><li>repos in: 3,000, about 1.3 TB, biggest 9 GB</li>'
        "<li>says: 6 × m6i.4xlarge</li></ul>",
        "<h2>Sizing</h2><p>Resource estimate: 6 × m6i.4xlarge for 1.4 TB of repositories.</p>",
    ],
)
def test_the_estimators_figures_and_inputs_are_no_production_values(
    planning: str, catalogue: Catalogue
) -> None:
    got = read(_RUNS + planning, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]
    assert set(got.get("total_repo_size_gb", [])) <= {"610 GB"}
    assert set(got.get("largest_repo_mb", [])) <= {"4.1 GB"}


def test_sizing_inputs_taken_from_todays_inventory_are_still_read(catalogue: Catalogue) -> None:
    # the inputs of a sizing may be today's counts: only the estimator's own part is its plan
    html = "<h2>Sizing inputs</h2>" + table(
        ("Input", "Value", "Source"),
        ("Repositories to index", "2,750", "inventory script, 3 May"),
        ("Total size of all repositories", "about 640 GB", "inventory script"),
    )
    got = read(html, catalogue)
    assert got["repositories"] == ["2750"]
    assert got["total_repo_size_gb"] == ["640 GB"]
