"""Entries pasted from collaboration tools, dated by their stamps (`read.stamps`): a stamp line over
a comment, a stamp ending a status update. A snippet in, the dates out.

Blind 26's pasted threads and status history show the mechanism whole; these pin its edges.
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.stamps import is_stamp_line, trailing_stamp
from tdd_snippets import read


@pytest.mark.parametrize(
    "line",
    ["Erik Lund commented Sep 7, 2026", "Marta Reyes commented · Jun 8",
     "lena-arch replied on 15 Sep 2026, 10:03", "sre-oncall approved these changes on Sep 16, 2026"],
)  # fmt: skip
def test_a_stamp_line_says_who_wrote_and_when(line: str) -> None:
    assert is_stamp_line(line)


@pytest.mark.parametrize(
    "line",
    ["Marta Reyes moved from Todo to In Progress · Jun 8", "Sam Whitford created the issue · Jun 1",
     "Priya commented that the build started on 3 Aug 2026 after the VPC was ready", "Posted 3 Aug 2026."],
)  # fmt: skip
def test_an_event_or_a_sentence_is_no_stamp_line(line: str) -> None:
    assert not is_stamp_line(line)


def test_a_trailing_stamp_is_a_date_and_a_time_after_the_last_sentence() -> None:
    found = trailing_stamp("Build of the production cluster has started. Aug 3, 08:00 UTC", "2026")
    assert found is not None and found.value == "2026-08-03"
    assert trailing_stamp("The cluster was built on Aug 3. It went live on Aug 14", "2026") is None


def test_a_comment_is_dated_by_the_stamp_line_over_it(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Comments</h2><p>Ola commented on 10 Aug 2026</p>"
        "<p>I kicked off the production build this morning.</p>"
        "<p>Ines commented on 21 Aug 2026</p><p>Production is signed off by the service owner.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-08-10"]
    assert got["completion_date"] == ["2026-08-21"]


def test_one_stamp_line_is_no_feed(catalogue: Catalogue) -> None:
    got = read(
        "<p>Ola commented on 10 Aug 2026</p><p>I kicked off the production build this morning.</p>", catalogue
    )
    assert "start_date" not in got


def test_an_event_in_a_clause_that_names_no_build_is_not_the_builds(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>Ola commented on 3 May 2026</p><p>The VMware team handed the VM over.</p>"
        "<p>Ines commented on 4 May 2026</p><p>Nothing new.</p>",
        catalogue,
    )
    assert "completion_date" not in got
