"""TDD reader: a contrast whose other side the text says was built ("… (… with Helm) rather than the
single VM that was built"): the name on this side was never the deployment's (`read.choice`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read


@pytest.mark.parametrize(
    ("html", "want"),
    [
        (
            "<p>The instance runs from the Sourcegraph Azure VM image.</p><p>Infrastructure is cheaper than"
            " planned because the business case costed a small AKS cluster (2 × Standard_D16s_v5 with Helm)"
            " rather than the single VM that was built.</p>",
            "Machine image (AWS AMI / Azure / GCE)",
        ),
        (
            "<ul><li>Docker Compose on one VM.</li><li>The first plan had Kustomize overlays instead of the"
            " Compose file that was eventually deployed.</li></ul>",
            "Docker Compose",
        ),
        (  # a side qualified ("… deployed in the pilot"): no counterfactual, the first side stands
            "<p>We run the Helm chart instead of the Compose setup that was deployed in the pilot.</p>",
            "Kubernetes with Helm",
        ),
    ],
)
def test_the_side_the_text_says_was_built_wins(catalogue: Catalogue, html: str, want: str) -> None:
    assert read(f"<h2>Production</h2>{html}", catalogue)["deployment_type"] == [want]
