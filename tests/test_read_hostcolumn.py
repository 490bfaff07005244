"""A monorepos column beside a table's code-host column (`read/hostcolumn.py`): the hosts' monorepos
added up like their repositories. A snippet of a TDD in, the field values out."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


def test_the_hosts_monorepos_are_added_up(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Code host", "Repositories", "Monorepos"),
            ("GitHub Enterprise Server (ghe.example.com)", "1,350", "3"),
            ("AWS CodeCommit (eu-west-2)", "150", "0"),
        ),
        catalogue,
    )
    assert got["repositories"] == ["1500"]
    assert got["monorepos"] == ["3"]


def test_a_cell_that_is_no_count_gives_no_monorepos(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Code host", "Repositories", "Monorepos"),
            ("GitHub Enterprise Server", "1,350", "3"),
            ("GitLab.com", "150", "unknown"),
        ),
        catalogue,
    )
    assert "monorepos" not in got
