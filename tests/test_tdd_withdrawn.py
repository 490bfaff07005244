"""TDD reader: a sentence that withdraws what the sentence before it told (`read.withdrawn`): "That
proposal was superseded: …", "It was replaced by …". The sentence before is history; the words
after the colon, or what replaced it, are the current state."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.withdrawn import withdraws_before
from tdd_snippets import read, table


@pytest.mark.parametrize(
    "html",
    [
        # a paragraph: the withdrawal after a colon, the current state after it
        "<p>Version 0.3 of this document planned Docker Compose on one m6i.8xlarge VM. That proposal was"
        " superseded: production runs on Kubernetes (Amazon EKS), deployed with Kustomize on 3 ×"
        " r6i.4xlarge.</p>",
        # a list item, "this plan … dropped", a semicolon
        "<ul><li>The kick-off deck sized a Docker Compose VM (1 × m6i.8xlarge). This plan was later"
        " dropped; the cluster is EKS with Kustomize overlays, 3 × r6i.4xlarge nodes.</li></ul>",
        # a table cell, "it was replaced by"
        table(
            ("Decision", "Outcome"),
            (
                "Platform",
                "We sketched Docker Compose on 1 × m6i.8xlarge. It was"
                " replaced by Kustomize on EKS with 3 × r6i.4xlarge.",
            ),
        ),
    ],
)
def test_what_a_withdrawal_points_back_at_is_history(catalogue: Catalogue, html: str) -> None:
    found = read(f"<h2>Production</h2>{html}", catalogue)
    assert found["deployment_type"] == ["Kubernetes with Kustomize"]
    assert found["instance_types"] == ["3 × r6i.4xlarge"]


def test_a_withdrawal_naming_its_own_thing_leaves_the_sentence_before(catalogue: Catalogue) -> None:
    """ "The Docker Compose proposal was dropped" withdraws itself, not the cluster told before it."""
    html = (
        "<h2>Production</h2><p>Production runs on 4 × m6i.4xlarge with Helm."
        " The Docker Compose proposal was dropped.</p>"
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["4 × m6i.4xlarge"]
    assert found["deployment_type"] == ["Kubernetes with Helm"]


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("That proposal was superseded: production runs on EKS.", "production runs on EKS."),
        ("It was replaced by 4 × m6i.4xlarge in March.", " by 4 × m6i.4xlarge in March."),
        ("This was rejected.", ""),
        ("The earlier design has been abandoned; now 3 nodes.", "now 3 nodes."),
    ],
)
def test_a_withdrawal_starts_its_own_statement_after_it(sentence: str, rest: str) -> None:
    at = withdraws_before(sentence)
    assert at is not None and sentence[at:] == rest


@pytest.mark.parametrize(
    "sentence",
    [
        "The Docker Compose proposal was dropped.",  # a subject with a name of its own
        "That cluster was built in March.",  # no withdrawing verb
        "It is replacing the legacy OpenGrok server.",  # the deployment replaces something
    ],
)
def test_a_sentence_that_withdraws_nothing_before_it(sentence: str) -> None:
    assert withdraws_before(sentence) is None
