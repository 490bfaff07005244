"""TDD reader: a figure the value's own words say is something else than the amount (the part used,
one machine's share, a year, a change not made yet, today's headcount beside the licence) is never
taken as the amount, the count or the limit."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read


def production(*paragraphs: str) -> str:
    return "<h1>Sourcegraph TDD</h1><h2>Production</h2>" + "".join(f"<p>{p}</p>" for p in paragraphs)


@pytest.mark.parametrize(
    ("paragraphs", "field", "want"),
    [
        (("Storage: 2.1 TB used of 3 TB",), "total_disk_gb", ["3 TB"]),  # the part used, then the amount
        (("Disk: 800 GB free of 2 TB",), "total_disk_gb", ["2 TB"]),
        (("Memory: 190 GiB used / 256 GiB",), "total_memory_gb", ["256 GiB"]),
        (("Monorepos: none yet, one planned for 2027",), "monorepos", ["0"]),  # a year is no count
        (("Repositories: 1,200 as of 2026",), "repositories", ["1200"]),
        (("vCPU: 32 → 48 (requested, pending approval)",), "total_cpu", ["32"]),  # a change not made
        (("Disk: 2 TB → 4 TB (done 1 Oct)",), "total_disk_gb", ["4 TB"]),  # ... and one made
    ],
)
def test_the_amount_is_the_figure_its_words_say_it_is(
    catalogue: Catalogue, paragraphs: tuple[str, ...], field: str, want: list[str]
) -> None:
    assert read(production(*paragraphs), catalogue).get(field) == want


@pytest.mark.parametrize(
    ("paragraphs", "field", "wrong"),
    [
        (("Nodes: 3", "Memory per node: 64 GB"), "total_memory_gb", "64 GB"),  # one machine's, not the total
        (("Nodes: 3", "vCPU (each): 16"), "total_cpu", "16"),
        (("Users: 800 today, licence for 1,000",), "max_users", "800"),  # today's headcount, not the limit
    ],
)
def test_a_figure_of_something_else_is_not_taken(
    catalogue: Catalogue, paragraphs: tuple[str, ...], field: str, wrong: str
) -> None:
    assert wrong not in (read(production(*paragraphs), catalogue).get(field) or [])


@pytest.mark.parametrize(
    ("paragraphs", "field", "want"),
    [
        (("Completed: TBC (target 30 Sep 2026)",), "completion_date", None),  # not complete
        (("Go-live: 30 Sep 2026 (target; not yet confirmed)",), "completion_date", None),
        (("CPU: 64 vCPU requested, 48 vCPU allocated",), "total_cpu", ["48"]),  # the request is 64's
        (
            ("Go-live: 7 October 2026 (planned 30 September)",),
            "completion_date",
            ["2026-10-07"],
        ),  # the plan's
        (
            ("Users: 3,500 licensed seats. The site is sized for 600 concurrent users.",),
            "max_users",
            ["3500"],
        ),
        (("Repositories: planned 3,000; today 1,500",), "repositories", ["1500"]),  # the plan's figure first
    ],
)
def test_a_target_plan_or_request_is_not_the_deployment(
    catalogue: Catalogue, paragraphs: tuple[str, ...], field: str, want: list[str] | None
) -> None:
    got = read(production(*paragraphs), catalogue).get(field)
    if want is None:  # no date; the text as written at most, which `check` reports as no date
        assert not any(g[:4].isdigit() for g in got or []), got
    else:
        assert got == want


def test_a_move_under_way_leaves_its_destination_unconnected(catalogue: Catalogue) -> None:
    html = production("Code hosts: Bitbucket Server (migrating to GitHub Enterprise Cloud in 2027)")
    assert read(html, catalogue).get("code_hosts") == ["Bitbucket Server / Data Center"]


def test_counts_written_before_their_hosts_in_brackets_are_the_parts(catalogue: Catalogue) -> None:
    got = read(production("Repositories: 1,200 (GitHub) + 300 (GitLab)"), catalogue)
    assert got.get("repositories") == ["1500"]  # the parts, summed (it was 1,200, the first part)
