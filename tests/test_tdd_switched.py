"""TDD reader: a later statement that the deployment changed to a name ("… and moved to Kustomize",
"we switched over to GKE") makes the name of its field written before it history (`read.choice`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


@pytest.mark.parametrize(
    "html",
    [
        # two sentences of one paragraph: the approved design, then what the team moved to
        "<p>The committee approved a design on Amazon EKS using the vendor Helm chart. During the build"
        " the team moved to Kustomize so that the manifests follow the GitOps standard.</p>",
        # a list: the plan, then a later item switching
        "<ul><li>Plan of record: install with Helm on EKS.</li>"
        "<li>Week 3: switched over to Kustomize overlays after the security review.</li></ul>",
        # a table row each
        table(
            ("Stage", "Note"),
            ("Design", "Helm chart on Amazon EKS"),
            ("Build", "The platform team migrated to Kustomize overlays before go-live"),
        ),
    ],
)
def test_the_name_the_deployment_changed_to_wins(catalogue: Catalogue, html: str) -> None:
    assert read(f"<h2>Production</h2>{html}", catalogue)["deployment_type"] == ["Kubernetes with Kustomize"]


def test_a_name_after_the_change_is_not_history(catalogue: Catalogue) -> None:
    html = (
        "<p>We moved to Kustomize in March.</p>"
        "<p>In June the team went back to the Helm chart for the upgrades.</p>"
    )
    found = read(f"<h2>Production</h2>{html}", catalogue)["deployment_type"]
    assert "Kubernetes with Helm" in found  # written after the change: still a candidate (a conflict)


@pytest.mark.parametrize(
    "html",
    [
        "<p>Production runs on one VM with Docker Compose.</p><p>The Helm chart option was dropped.</p>",
        "<p>Production runs on one VM with Docker Compose.</p><p>The Helm-on-EKS option was dropped as too "
        "much work.</p>",
        "<h2>History</h2><p>Code search started out as a single Docker container on a spare VM.</p>"
        "<h2>Production</h2><p>One VM with Docker Compose.</p>",
    ],
)
def test_an_option_dropped_or_the_first_form_of_the_service_is_not_the_deployment(
    catalogue: Catalogue, html: str
) -> None:
    assert read(html, catalogue)["deployment_type"] == ["Docker Compose"]
