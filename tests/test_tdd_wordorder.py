"""A negated verb of another language, glossed, in English order (read/wordorder.py)."""

from __future__ import annotations

import pytest

from handoff.read.languages import gloss_for


@pytest.mark.parametrize(
    ("language", "text", "english"),
    [
        ("it", "Il server Bitbucket non è stato collegato.", "was not connected"),
        ("pt", "O GitLab antigo não será conectado.", "will not be connected"),
        ("es", "El GitLab no lo vamos a conectar.", "not going to connect"),
        ("fr", "Le compte GitHub n'a pas été raccordé.", "has not been connected"),
        ("fr", "Il ne sera pas indexé.", "will not be indexed"),
        ("pt", "Não há monorepos.", "there are no monorepos"),
    ],
)
def test_a_negation_reads_in_english_order(language: str, text: str, english: str) -> None:
    assert english in gloss_for((language,)).gloss(text)[0].lower()


def test_an_english_negation_is_left_as_it_is() -> None:
    assert "do not have" in gloss_for(("es",)).gloss("We do not have a GitLab.")[0]
