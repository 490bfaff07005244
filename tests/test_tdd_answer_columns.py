"""TDD reader, questions answered Yes / No / N-A (`read/answercolumns.py`).

A question answered no or N/A states nothing; one answered yes states what it asks. The corpus shows
columns of marks (295); these show the one column that keeps the chosen word, the others struck.
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read

_STRUCK_ANSWERS = (
    "<p>Sourcegraph on 3 × m6i.4xlarge at https://sourcegraph.example.com.</p>"
    "<table><tr><td>Question</td><td>Yes / No / N-A</td><td>Comment</td></tr>"
    "<tr><td>Is Bitbucket Cloud connected?</td><td><s>Yes</s> / No / <s>N-A</s></td><td></td></tr>"
    "<tr><td>Is GitHub.com connected?</td><td>Yes / <s>No</s> / <s>N-A</s></td>"
    "<td>1,200 repositories.</td></tr>"
    "</table>"
)


def test_a_question_answered_no_names_no_code_host(catalogue: Catalogue) -> None:
    got = read(_STRUCK_ANSWERS, catalogue)
    assert got["code_hosts"] == ["GitHub.com"]


def test_the_same_question_answered_yes_names_its_host(catalogue: Catalogue) -> None:
    html = _STRUCK_ANSWERS.replace("<s>Yes</s> / No / <s>N-A</s>", "Yes / <s>No</s> / <s>N-A</s>")
    assert "Bitbucket Cloud" in ", ".join(read(html, catalogue)["code_hosts"])


def test_answers_that_are_not_one_word_leave_the_table_as_it_is(catalogue: Catalogue) -> None:
    html = _STRUCK_ANSWERS.replace("<s>Yes</s> / No / <s>N-A</s>", "Partly")
    assert "Bitbucket Cloud" in ", ".join(read(html, catalogue)["code_hosts"])
