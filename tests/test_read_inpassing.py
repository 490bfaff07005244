"""A host named in passing beside a clause denying it (`read/inpassing.py`, in `connection`), and a
limit's closing clause about reaching it (`read/limitclause.py`): snippets in, values out. The corpus
shows the denial deciding (408); these show where it must not."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read import connection
from handoff.read.inpassing import in_passing
from handoff.read.limitclause import without_reach_clause
from handoff.read.vocab import Vocab
from tdd_snippets import read

_INTRO = "<p>Notes on the code search deployment.</p><h2>Code</h2>"


def _off(text: str, catalogue: Catalogue) -> set[str]:
    return connection.unconnected(text, Vocab(catalogue, "code_host").find(text))


def test_an_outright_denial_beside_a_mention_in_passing_decides(catalogue: Catalogue) -> None:
    text = "The firmware team keeps code in Perforce; hooking Perforce up was put off, so it is not connected"
    assert _off(text, catalogue) == {"Perforce"}


def test_a_plan_beside_a_mention_in_passing_decides_nothing(catalogue: Catalogue) -> None:
    text = "Our code lives in Perforce; more Perforce depots will be added next year."
    assert _off(text, catalogue) == set()


def test_a_denial_of_a_part_of_the_host_leaves_the_host(catalogue: Catalogue) -> None:
    text = "Our code lives in Perforce; the old archive depots in Perforce are not indexed."
    assert _off(text, catalogue) == set()


def test_a_clause_affirming_the_host_stands_against_the_denial(catalogue: Catalogue) -> None:
    got = read(
        _INTRO + "<p>Sourcegraph syncs 800 repositories from Perforce. Perforce is not connected for QA.</p>",
        catalogue,
    )
    assert got.get("code_hosts") == ["Perforce"]


def test_a_mention_in_passing_says_nothing_of_searching() -> None:
    assert in_passing("The hardware group still keeps schematics in Perforce")
    assert not in_passing("Sourcegraph indexes the Perforce depots")
    assert not in_passing("Perforce holds 120 depots")


def test_a_limit_keeps_its_figure_before_what_reaching_it_means() -> None:
    assert without_reach_clause(
        "An agreed ceiling of 2,000 repositories before the cluster has to grow."
    ) == ("An agreed ceiling of 2,000 repositories")
    # a closing clause with a figure of its own, or no limit before it, is left as it is
    kept = "A ceiling of 2,000 repositories until we grow to 3,000 in 2027."
    assert without_reach_clause(kept) == kept
    kept = "We had 2,000 repositories before the merger doubled them."
    assert without_reach_clause(kept) == kept
