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


@pytest.mark.parametrize(
    "html",
    [
        # the deciding question's options on one line, each branch a heading with its condition
        "<h2>Part A</h2><p>A2 Install method: ☐ Kubernetes (Helm) ☒ Docker Compose ☐ Kustomize</p>"
        "<h2>Part B: cluster (complete only if A2 is Kubernetes)</h2>"
        "<p>Nodes: 6 × n2-standard-16</p><p>Total vCPU: 96</p>"
        "<h2>Part C: one VM (complete only if A2 is Docker Compose)</h2>"
        "<p>VM: 1 × n2-standard-32</p><p>Total vCPU: 32</p>",
        # the deciding question answered in a table's cell of boxed lines; the skipped part numbered
        _cells(("Ref", "Question", "Answer"), ("1.4", "Run Sourcegraph on a cluster?", "[ ] Yes\n[x] No"))
        + "<h1>2 Cluster (fill in if 1.4 = Yes)</h1><h2>2.1 Nodes</h2><p>Nodes: 6 × n2-standard-16</p>"
        "<p>Total vCPU: 96</p><h1>3 Single server</h1><p>Deployment method: Docker Compose</p>"
        "<p>VM: 1 × n2-standard-32</p><p>Total vCPU: 32</p>",
        # the deciding question's options as a list under it; an instruction line naming both branches
        "<p>Q: 3 How will it be deployed?</p><ul><li>○ Helm on Kubernetes</li><li>● Docker Compose</li></ul>"
        "<p>If you ticked Helm in Q3, fill in section 4. "
        "If you ticked Docker Compose in Q3, fill in section 5.</p>"
        "<h2>4. Kubernetes (only if question 3 was a Kubernetes option)</h2>"
        "<p>Nodes: 6 × n2-standard-16</p><p>Total vCPU: 96</p>"
        "<h2>5. Server (only if question 3 was Docker Compose)</h2>"
        "<p>VM: 1 × n2-standard-32</p><p>Total vCPU: 32</p>",
    ],
)
def test_a_branch_the_deciding_answer_did_not_take_is_not_read(catalogue: Catalogue, html: str) -> None:
    found = read(html, catalogue)
    assert found["instance_types"] == ["1 × n2-standard-32"]
    assert found["total_cpu"] == ["32"]
    assert found["deployment_type"] == ["Docker Compose"]


def test_a_branch_whose_deciding_question_is_not_found_is_read(catalogue: Catalogue) -> None:
    found = read(
        "<h2>Cluster (answer if 7.2 = Kubernetes)</h2><p>Nodes: 6 × n2-standard-16</p><p>Total vCPU: 96</p>",
        catalogue,
    )
    assert found["total_cpu"] == ["96"]


@pytest.mark.parametrize(
    "html",
    [
        _cells(
            ("No.", "Item", "Answer given", "Correction"),
            ("1", "Total vCPU", "80", "Corrected: 48 vCPU (three nodes)"),
            ("2", "Production build completed", "3 March 2026", "Finished on 10 March 2026 (DNS delay)"),
            ("3", "Number of users", "700", "✔ 700 named seats in the order form"),
            ("4", "Total size of all repositories", "not known", "350 GB after the first clone"),
        ),
        _cells(
            ("#", "Question", "Reply", "Checked by IE"),
            ("1", "Total vCPU", "80", "48 vCPU after the resize"),
            ("2", "Production build completed", "3 March 2026", "actually 10 March 2026"),
            ("3", "Number of users", "700", "OK"),
            ("4", "Total size of all repositories", "TBD", "350 GB measured after the first clone"),
        ),
        "<p>Total vCPU: 80</p><p>Reviewer (JK): 48 vCPU after the resize to three nodes.</p>"
        "<p>Production build completed on 3 March 2026</p>"
        "<p>IE review: production build completed 10 March 2026.</p>"
        "<p>Number of users: 700</p><p>Reviewer: confirmed, 700 seats.</p>"
        "<p>Total size of all repositories: 350 GB</p>",
    ],
)
def test_a_reviewers_correction_replaces_the_answer(catalogue: Catalogue, html: str) -> None:
    found = read(html, catalogue)
    assert found["total_cpu"] == ["48"]
    assert found["completion_date"] == ["2026-03-10"]
    assert found.get("max_users", ["700"]) == ["700"]  # (a confirmed answer: never the note's figure too)
    assert found["total_repo_size_gb"] == ["350 GB"]
