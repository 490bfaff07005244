"""TDD reader: a questionnaire's prompts written without a question mark, each answered in the
paragraph after it by a tagged answer (`Q6.1. Number of licensed users (e.g. 500 users)` then
`Answer: 1,200`). The prompt is the answer's question whatever its emphasis or numbering (a bold
line, a numbered heading, a plain paragraph), and an example it gives is no part of what it asks."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read


def _form(prompt: str, tag: str, rows: list[tuple[str, str]]) -> str:
    """One prompt paragraph (`prompt` formats the question text) and its tagged answer per row."""
    return "".join(prompt.format(n=n, q=q) + f"<p>{tag} {a}</p>" for n, (q, a) in enumerate(rows, 1))


_ROWS = [
    ("Seats purchased (for example 250)", "1,450"),
    ("Busiest hour: simultaneous users", "320 (during the release freeze)"),
    ("How many monorepos does the estate hold", "3 — the two ERP trees and firmware"),
    ("Cap on repositories written into the order form", "9,000"),
]


@pytest.mark.parametrize(
    ("prompt", "tag"),
    [
        ("<p><b>Item {n}) {q}</b></p>", "Response:"),
        ("<h3>B-{n} {q}</h3>", "A:"),
        ("<h4>{n}.{n}a {q}</h4>", "Reply:"),
        ("<p>Q{n} — {q}</p>", "Ans.:"),
        ("<p><i>{q}</i></p>", "Answer:"),
    ],
)
def test_a_prompt_without_a_question_mark_heads_its_tagged_answer(
    prompt: str, tag: str, catalogue: Catalogue
) -> None:
    got = read(_form(prompt, tag, _ROWS), catalogue)
    assert got.get("max_users") == ["1450"]
    assert got.get("max_concurrent_users") == ["320"]
    assert got.get("monorepos") == ["3"]
    assert got.get("max_repositories") == ["9000"]


def test_a_prompt_answered_in_its_own_line_takes_no_note_after_it(catalogue: Catalogue) -> None:
    # `2.2 Number of servers: 4` is answered already: the tagged note after it is a note, no answer
    html = (
        "<p>2.1 Server type: CPX51</p><p>2.2 Number of servers: 4</p>"
        "<p>Checked (JB): 5 × CPX51 since the resize on 3 May.</p>"
        "<p>2.3 Total vCPU / memory: 64 vCPU / 128 GB</p><p>Checked (JB): 80 vCPU / 160 GB with five.</p>"
        "<p>2.4 Storage: 1 TB</p><p>Checked (JB): confirmed.</p>"
    )
    got = read(html, catalogue)
    assert "1450" not in str(got)
    assert got.get("total_cpu") != ["4"]


def test_a_section_title_is_no_prompt(catalogue: Catalogue) -> None:
    # a part's title over labelled lines stays a title: its lines are read as they are
    html = (
        "<h2>Users</h2><p>Remark: licences renewed yearly</p><h2>Repositories</h2><p>Remark: 2 monorepos</p>"
        "<h2>Limits</h2><p>Remark: none agreed</p><p>Licensed users: 700</p>"
    )
    assert read(html, catalogue).get("max_users") == ["700"]


def test_an_example_in_the_prompt_is_not_the_answer(catalogue: Catalogue) -> None:
    rows = [
        ("Named users (e.g. 500 users)", "TBD"),
        ("Peak concurrent users (e.g. 100)", "ask the licensing team"),
        ("Code hosts to connect", "GitLab Self-Managed only"),
    ]
    got = read(_form("<p><b>{n}. {q}</b></p>", "Answer:", rows), catalogue)
    assert "max_users" not in got and "max_concurrent_users" not in got
