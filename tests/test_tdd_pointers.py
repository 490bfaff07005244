"""Answers that point back to an earlier answer by its number ("Same as 2.1", "As for 4.3, but …",
"same as above"): the answer pointed at is read again in the later answer's place (`read/pointers.py`).
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read

_STAGING = (
    "<h1>2. Staging</h1><h2>2.1 Deployment method</h2><p>Sourcegraph's Helm chart on AKS.</p>"
    "<h2>2.2 Compute</h2><p>1 × Standard_D8s_v5.</p>"
)


@pytest.mark.parametrize(
    "production",
    [
        "<h1>3. Production</h1><h2>3.1 Deployment method</h2><p>Same as 2.1.</p>",
        "<h1>3. Production</h1><h2>3.1 Deployment method</h2><p>As for 2.1, with larger nodes.</p>",
        "<h1>3. Production</h1><p><b>3.1 How is it deployed?</b></p><p>Identical to 2.1.</p>",
    ],
)
def test_an_answer_pointing_back_by_number_is_the_answer_it_points_at(
    catalogue: Catalogue, production: str
) -> None:
    got = read(_STAGING + production, catalogue)
    assert got.get("deployment_type") == ["Kubernetes with Helm"]


def test_same_as_above_is_the_answer_under_the_title_before(catalogue: Catalogue) -> None:
    html = (
        "<h1>1. Production</h1><h2>1.1 Platform</h2><p>Helm chart on Amazon EKS.</p>"
        "<h2>1.2 Upgrade method</h2><p>Same as above.</p>"
    )
    assert read(html, catalogue).get("deployment_type") == ["Kubernetes with Helm", "Kubernetes with Helm"]


def test_a_pointer_to_nothing_recorded_reads_as_written(catalogue: Catalogue) -> None:
    html = "<h1>3. Production</h1><h2>3.1 Deployment method</h2><p>Same as 9.9: Docker Compose on one VM.</p>"
    assert read(html, catalogue).get("deployment_type") == ["Docker Compose"]


def test_a_numbered_question_written_as_a_plain_paragraph_titles_the_answer_after_it(
    catalogue: Catalogue,
) -> None:
    html = (
        "<h2>Recovery site</h2><p>4.1) How is the software installed?</p><p>Kustomize overlays on GKE.</p>"
        "<h2>Production</h2><p>5.1) How is the software installed?</p><p>Same as 4.1 — one overlay each.</p>"
    )
    assert read(html, catalogue).get("deployment_type") == ["Kubernetes with Kustomize"]
