"""TDD reader, transcripts: an answer turn is read in the light of the question turn before it.

An interview or call transcript writes each paragraph as a speaker's turn (`Q:`, `[00:02:08] MAL:`,
`Priya (IE):`). A question ("Storage?", "Code hosts?") says what the answers after it are about,
and a question's own figures are asked, not told.
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.turns import as_turns
from tdd_snippets import paragraph, read, read_doc


def _p(*lines: str) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def test_a_question_says_what_its_answer_is_about(catalogue: Catalogue) -> None:
    html = _p(
        "Q: Which code hosts did you hook up?",
        "A: Bitbucket Data Center and a few projects on GitHub.com.",
        "Q: And roughly how many repositories is that?",
        "A: About 2,300, give or take.",
        "Q: Licence?",
        "A: 900 seats.",
    )
    got = read(html, catalogue)
    assert got["code_hosts"] == ["Bitbucket Server / Data Center, GitHub.com"]
    assert got["repositories"] == ["2300"]
    assert got["max_users"] == ["900"]


def test_time_stamped_turns_of_named_speakers(catalogue: Catalogue) -> None:
    doc = {"body": {"content": [
        paragraph("[00:01:05] ", "Priya (TA): ", "Where does production run, and on how many nodes?"),
        paragraph("[00:01:12] ", "Tom: ", "GKE, five n2-standard-16. Staging: two n2-standard-8."),
        paragraph("[00:02:30] ", "Priya (TA): ", "In the first plan it was eight n2-standard-8, right?"),
        paragraph("[00:02:36] ", "Tom: ", "Yes, but that was dropped after the load test."),
    ]}}  # fmt: skip
    got = read_doc(doc, catalogue)
    assert got["instance_types"] == ["5 × n2-standard-16"]
    assert got["hosting_provider"] == ["GCP"]


def test_turns_lose_their_tags_and_answers_nest_under_their_question() -> None:
    content = [
        paragraph("GT: ", "Storage?"),
        paragraph("MAL: About 3.5 TB in total."),
        paragraph(""),
        paragraph("MAL: Gitserver alone is 2 TB of it."),
        paragraph("GT: Code hosts?"),
        paragraph("MAL: GitLab.com."),
    ]
    out = as_turns(content, lambda _: False)
    texts = ["".join(e["textRun"]["content"] for e in se["paragraph"]["elements"]).strip() for se in out]
    levels = [se["paragraph"].get("bullet", {}).get("nestingLevel") for se in out]
    said = ["Storage?", "About 3.5 TB in total.", "", "Gitserver alone is 2 TB of it.", "Code hosts?"]
    assert texts == [*said, "GitLab.com."]
    assert levels == [0, 1, None, 1, 0, 1]


def test_repeated_field_labels_are_no_speakers() -> None:
    content = [
        paragraph("Repositories: 1,200 on GitHub.com?"),
        paragraph("Monorepos: 2"),
        paragraph("Repositories: confirmed"),
        paragraph("Monorepos: none larger than 2 GB"),
    ]
    assert as_turns(content, lambda w: w in ("Repositories", "Monorepos")) is content
    monologue = [paragraph(f"Note: point {n}?") for n in range(5)]  # one tag: no conversation
    assert as_turns(monologue, lambda _: False) is monologue
