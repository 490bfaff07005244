"""`make eval`: the TDD reader scored against the corpus keys; a regression below the reached figures fails.

The thresholds are the figures the reader reaches (see docs/tdd.md); raise them when it improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import eval_tdd
from handoff.core.fields import Catalogue, load_catalogue

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "fixtures" / "tdd_corpus"

RECALL = 0.52
PRECISION = 0.97


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(ROOT / "config" / "fields.toml")


def test_the_corpus_is_read_to_the_reached_figures(catalogue: Catalogue) -> None:
    scores = eval_tdd.evaluate(CORPUS, catalogue)
    assert len(scores) == 18
    t = eval_tdd.totals(scores)
    report = eval_tdd.report(CORPUS, scores)
    assert t["recall"] >= RECALL, report
    assert t["precision"] >= PRECISION, report
    assert t["forbidden"] <= 3, report


def test_scoring_compares_like_the_keys(catalogue: Catalogue) -> None:
    assert eval_tdd.same("instance_types", ["3 × m6i.4xlarge"], ["3 × M6I.4xlarge"])
    assert not eval_tdd.same("instance_types", ["2 × m6i.4xlarge"], ["3 × m6i.4xlarge"])
    assert eval_tdd.same("code_hosts", ["GitLab.com", "GitHub.com"], ["GitHub.com", "GitLab.com"])
    assert eval_tdd.same("total_memory_gb", 274.878, 256)  # 256 GiB converted exactly, keyed as 256
    assert not eval_tdd.same("total_cpu", 68.72, 64)
    assert eval_tdd.same("total_cpu", 64, 64)
    assert eval_tdd.forbidden_hit("instance_types", ["1 × e2-standard-8", "2 × x"], ["1 × e2-standard-8"])
