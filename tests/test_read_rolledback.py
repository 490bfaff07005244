"""A change that was undone is history, and what the undoing went back to is the state now
(`read/rolledback.py`): a living TDD keeps the resize it tried beside the words that undid it."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import rolledback
from tdd_snippets import read


@pytest.mark.parametrize(
    "sentence",
    [
        "The resize was rolled back on 3 March.",
        "Marta scaled the node group back after a week",
        "We reverted the change the next morning",
        "That upgrade has since been undone",
        "ops undid it two days later",
        "the bigger VM size was backed out after the load test",
        "The pool went down again: resized it back on Friday",
    ],
)
def test_a_past_undoing_is_found(sentence: str) -> None:
    assert rolledback.undone_at(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "If the upgrade fails we can roll it back within an hour.",
        "The resize can be rolled back if latency does not improve",
        "It was not reverted: the bigger nodes stay.",
        "We plan to scale it back once the import is done",
        "Rollback plan: restore the snapshots.",
        "The customer came back to us with the final figures.",
    ],
)
def test_a_planned_conditioned_or_denied_undoing_is_none(sentence: str) -> None:
    assert rolledback.undone_at(sentence) is None


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("Update (5 May): rolled back to 3 × m6i.4xlarge.", "3 ×"),
        ("[rev 4] reverted to 2 × Standard_E8s_v5 after the test", "2 ×"),
        ("scaled back down to 3 × c6i.8xlarge once the import was over", "3 ×"),
        ("EDIT: back down to 5 nodes", "5 nodes"),
    ],
)
def test_where_an_undoing_went_back_to(text: str, after: str) -> None:
    assert rolledback.target_at(text) == text.index(after)


def test_no_target_without_an_undoing_or_a_destination() -> None:
    assert rolledback.target_at("We were told to go back to the estimator.") is None
    assert rolledback.target_at("The resize was rolled back on 3 March.") is None
    assert rolledback.target_at("If needed we can revert to 3 × m6i.4xlarge.") is None


@pytest.mark.parametrize(
    "paragraph",
    [
        # the change and its undoing in one sentence
        "For the load test the pool was resized to 4 × m6i.8xlarge (128 vCPU / 512 GiB); "
        "it was reverted the same evening.",
        # the undoing in the next sentence, its subject a person
        "UPDATE 12 Mar: we moved the workers to 4 × m6i.8xlarge (128 vCPU, 512 GiB) for the "
        "re-index. It did not help, and Jonas scaled them back two days later.",
        # the undoing names no figure and follows a dated note
        "Note (v2.1): temporarily 4 × m6i.8xlarge, 128 vCPU / 512 GiB. The change has been undone since.",
    ],
)
def test_a_resize_undone_beside_it_is_history(paragraph: str, catalogue: Catalogue) -> None:
    html = f"<h2>Production</h2><p>Workers: 4 × m6i.4xlarge (64 vCPU / 256 GiB).</p><p>{paragraph}</p>"
    got = read(html, catalogue)
    assert got["instance_types"] == ["4 × m6i.4xlarge"]
    assert got.get("total_cpu") == ["64"]


@pytest.mark.parametrize(
    "undo",
    [
        "Edit (2 Oct): rolled back to 3 × Standard_E16s_v5; the larger size bought no speed.",
        "Update, 2 Oct – reverted to 3 × Standard_E16s_v5 after the quota request was refused.",
        "[rev 7] The pool was scaled back down to 3 × Standard_E16s_v5.",
    ],
)
def test_what_an_undoing_went_back_to_beats_the_edit_it_undid(undo: str, catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Node pool: 3 × Standard_E16s_v5 (48 vCPU / 384 GiB).</p>"
        "<p>Edit (20 Sep): resized the pool to 3 × Standard_E32s_v5 (96 vCPU / 768 GiB) for the move.</p>"
        f"<p>{undo}</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × Standard_E16s_v5"]
    assert "96" not in got.get("total_cpu", [])
    assert "768 GB" not in got.get("total_memory_gb", [])


def test_a_resize_kept_is_not_undone(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Workers: 4 × m6i.4xlarge.</p>"
        "<p>Edit (12 Mar): resized to 4 × m6i.8xlarge. It can be rolled back if costs rise.</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["4 × m6i.8xlarge"]
