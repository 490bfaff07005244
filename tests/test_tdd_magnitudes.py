"""Figures at another scale read as digits, and a figure written twice read once (read.magnitudes,
read.figuretwice): each rewrite keeps the text's length, so every place in it stays where it was."""

from __future__ import annotations

import pytest

from handoff.read import figuretwice, magnitudes


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("licences for 25 thousand users", "licences for      25,000 users"),
        ("1.2 million files", "  1,200,000 files"),
        ("1,12,400 repositories", " 112,400 repositories"),
        ("up to 1.5 lakh repos", "up to  150,000 repos"),
        ("35 lakh MB", "3500000 MB"),
        ("2.5 crore", " 25000000"),
    ],
)
def test_a_figure_at_another_scale_is_read_as_its_digits(written: str, read: str) -> None:
    assert magnitudes.rewrite(written) == read


@pytest.mark.parametrize(
    "kept", ["5k repositories", "4.18k repos", "a 2.5kB page", "2 crore", "v1.2k", "8K video", "1,200 users"]
)
def test_what_does_not_fit_or_is_no_magnitude_stays_as_written(kept: str) -> None:
    assert magnitudes.rewrite(kept) == kept


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("262,144 MB (256 GiB)", "256 GiB"),  # the exact binary conversion of a rounder figure
        ("3,500 GB (3.18 TiB)", "3,500 GB"),  # the figure, its conversion in bytes beside it
        ("256,000 MB (= 238.4 GiB)", "256,000 MB"),
        ("2,048 GB (2 TiB)", "2 TiB"),
        ("1.5 TB (1,500 GB)", "1.5 TB"),
        ("3 × 16 vCPU = 48 vCPU", "48 vCPU"),
        ("16 vCPU × 3 = 48 vCPU", "48 vCPU"),
        ("48 vCPU (3 × 16 vCPU)", "48 vCPU"),
        ("3 × 524,288 MB = 1,572,864 MB (1,536 GiB)", "1,536 GiB"),
    ],
)
def test_a_figure_written_twice_is_read_once(written: str, kept: str) -> None:
    out = figuretwice.rewrite(f"Total: {written} in all")
    assert out.split() == ["Total:", *kept.split(), "in", "all"]
    assert len(out) == len(f"Total: {written} in all")


@pytest.mark.parametrize(
    "kept", ["3 TB (2 TB used)", "500 GB (1 TB)", "3 × 16 vCPU = 50 vCPU", "1,000 GB (the gitserver disks)"]
)
def test_a_bracket_or_a_product_that_does_not_agree_stays(kept: str) -> None:
    assert figuretwice.rewrite(kept) == kept


def test_an_indian_figure_with_commas_in_a_document_of_dots_is_indian() -> None:
    """A document that groups with dots and writes decimal commas may still quote an Indian figure
    with commas (`1,12,400 (approx. 1,12 lakh)`): a decimal comma is never written twice, so it is
    112,400, not 1.12 and 400 (read.notation, read.magnitudes)."""
    from handoff.read.notation import notation

    text = "Repositories: 1,12,400 (approx. 1,12 lakh), of which 86.400 on GitLab and 26.000 on Bitbucket."
    habit = notation(text)
    assert habit.european
    read = habit.rewrite(text)
    assert "112,400" in read and "86,400" in read and len(read) == len(text)
