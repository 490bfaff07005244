"""TDD reader: a filled-in intake questionnaire. Only the option a form marks is read; the options
offered beside it never are."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read


def _cells(*rows: tuple[str, ...]) -> str:
    """A table whose cells hold one paragraph per line of their text."""

    def cell(text: str) -> str:
        return "<td>" + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</td>"

    return "<table>" + "".join("<tr>" + "".join(cell(c) for c in r) + "</tr>" for r in rows) + "</table>"


@pytest.mark.parametrize(
    "html",
    [
        _cells(
            ("No.", "Item", "Response"),
            (
                "Q1",
                "Platform",
                "☐ Amazon Web Services\n☐ Google Cloud Platform\n☒ Microsoft Azure\n☐ Own hardware",
            ),
            ("Q2", "Install with", "☐ Helm chart\n☒ Docker Compose\n☐ sourcegraph/server image"),
            (
                "Q3",
                "Code hosts in scope",
                "☒ GitHub Enterprise Server\n☐ GitLab.com\n☒ Bitbucket Data Center\n☐ Gerrit",
            ),
        ),
        _cells(
            ("Platform", "( ) AWS\n(x) Azure\n( ) GCP"),
            ("How is it installed", "[ ] Kubernetes (Helm)\n[x] Docker Compose\n[ ] single Docker container"),
            (
                "Repositories come from",
                "[x] GitHub Enterprise Server\n[ ] GitHub.com\n[x] Bitbucket Server\n[ ] Perforce",
            ),
        ),
        _cells(
            ("Topic", "Choice", "Remarks"),
            ("Cloud", "○ AWS\n● Azure\n○ GCP\n○ Other: ____", ""),
            ("Deployment", "○ Helm\n○ Kustomize\n● Docker Compose", "one VM"),
            ("Code hosts", "✓ GitHub Enterprise Server\n☐ GitLab Self-Managed\n✓ Bitbucket Data Center", ""),
        ),
    ],
)
def test_a_cell_of_boxed_options_keeps_only_the_ticked(catalogue: Catalogue, html: str) -> None:
    found = read(html, catalogue)
    assert found["hosting_provider"] == ["Azure"]
    assert found["deployment_type"] == ["Docker Compose"]
    assert set(found["code_hosts"][0].split(", ")) == {
        "GitHub Enterprise Server",
        "Bitbucket Server / Data Center",
    }
