"""A run-in title naming a field with its figure after it (`read/runin.py`); a count of repositories
made since, an increment (`read/counts.py`, `read/rivalcounts.py`); a size "everything" or "all of it"
comes to, the repositories' when they were named last (`read/measured.py`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.runin import runin_pair
from tdd_snippets import read


def _is_label(text: str) -> bool:
    return text.casefold() in {"repositories", "licensed users", "peak concurrency", "code size", "repos"}


@pytest.mark.parametrize(
    ("part", "want"),
    [
        (
            "2.3 Repositories. 2,415 after the last batch of imports.",
            ("Repositories", "2,415 after the last batch of imports."),
        ),
        (
            "Licensed users. Roughly 640, per the renewal.",
            ("Licensed users", "Roughly 640, per the renewal."),
        ),
        (
            "7.2. Peak concurrency. ~150 in the busiest hour.",
            ("Peak concurrency", "~150 in the busiest hour."),
        ),
        ("Code size. 410 GB of clones.", ("Code size", "410 GB of clones.")),
    ],
)
def test_a_title_naming_a_field_before_a_figure_is_its_label(part: str, want: tuple[str, str]) -> None:
    assert runin_pair(part, _is_label) == want


@pytest.mark.parametrize(
    "part",
    [
        "We synced the repositories. 2,415 came through on the first pass.",  # a clause, no title
        "The repositories. 2,415 in all.",  # (a determiner makes it prose)
        "3.1 Networking. 2 load balancers in front.",  # a title naming no field
        "2.3 Repositories. Most of them live on GitLab.",  # no figure opens the sentence after it
        "Repositories 2,415 after the last batch.",  # no full stop: the prose reader's
        "Repositories of the platform team and the data team. 2,415.",  # more words than a title
    ],
)
def test_other_parts_are_no_run_in_pair(part: str) -> None:
    assert runin_pair(part, _is_label) is None


@pytest.mark.parametrize(
    "html",
    [
        "<p>5.4 Repositories. 2,415 after the last import batch (the teams made some 70 new repositories "
        "meanwhile).</p>",
        "<p><b>Repos.</b> About 2,415 once the archive clean-up is done.</p>",
        "<p>5.4. Repositories. 2,415, all of them on Bitbucket Data Center.</p>",
    ],
)
def test_a_numbered_or_bold_run_in_title_labels_the_count(html: str, catalogue: Catalogue) -> None:
    got = read("<h1>Production</h1>" + html, catalogue)
    assert got["repositories"] == ["2415"]


def test_a_run_in_title_of_a_limit_labels_the_limit(catalogue: Catalogue) -> None:
    got = read("<h1>Production</h1><p>6.1 Licensed users. 640, per the renewal order.</p>", catalogue)
    assert got["max_users"] == ["640"]


@pytest.mark.parametrize(
    "sentence",
    [
        "During the pilot the teams created 70 new repositories on GitLab.",
        "Some 70 new repos appeared on GitLab while the waves ran.",
        "There are 70 newly created projects on GitLab since March.",
    ],
)
def test_new_repositories_are_an_increment_not_the_count(sentence: str, catalogue: Catalogue) -> None:
    got = read(f"<h1>Production</h1><p>{sentence}</p>", catalogue)
    assert "repositories" not in got


def test_a_labelled_count_beside_the_new_ones_keeps_the_count(catalogue: Catalogue) -> None:
    html = "<p>Repositories: 2,415 at cut-over (of those, about 70 new ones made during the pilot).</p>"
    got = read("<h1>Production</h1>" + html, catalogue)
    assert got["repositories"] == ["2415"]


@pytest.mark.parametrize(
    "text",
    [
        "We index 2,415 repositories, two of them monorepos. Everything together comes to about 1.3 TB.",
        "The largest repository is hw-sim at 9 GB. All of it together is roughly 1.3 TB of git data.",
        "2,415 repositories are synced. It all comes to 1.3 TB on the gitserver disks.",
    ],
)
def test_everything_after_the_repositories_is_their_size(text: str, catalogue: Catalogue) -> None:
    got = read(f"<h1>Production</h1><p>{text}</p>", catalogue)
    assert got["total_repo_size_gb"] == ["1.3 TB"]
    assert "total_disk_gb" not in got


def test_everything_after_machines_is_not_the_repositories(catalogue: Catalogue) -> None:
    got = read(
        "<h1>Production</h1><p>Two VMs with 16 vCPU each. Everything together is 2 TB of disk.</p>", catalogue
    )
    assert "total_repo_size_gb" not in got
