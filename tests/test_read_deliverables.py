"""Formal deliverables of a systems integrator (learnt from blind 80): a requirement stated in a
traceability matrix or a paragraph ("The platform shall support 400 concurrent users") is the limit
the deployment is built to, and what the proposal assumed (`Assumptions`, "was assumed …") gives way
to the limit or count stated elsewhere (`read/premises.py`). Snippets in, values out; none of these
phrasings is the tuning set's."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.premises import assumed, names_premises
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields
from tdd_snippets import paragraph, read_doc, table

_BUILT = "<p>Production runs on three m6i.4xlarge EKS nodes with the Helm chart.</p>"


def _view(html: str, catalogue: Catalogue) -> dict[str, Any]:
    reading = read_document(html_document(f"<html><body>{html}</body></html>"), catalogue)
    view = tdd_fields(reading.values, catalogue)
    return {n: fv.to_json()["value"] for n, fv in view.fields.items() if n not in view.conflicted}


def _conflicted(html: str, catalogue: Catalogue) -> frozenset[str]:
    reading = read_document(html_document(f"<html><body>{html}</body></html>"), catalogue)
    return frozenset(tdd_fields(reading.values, catalogue).conflicted)


@pytest.mark.parametrize(
    ("header", "rows", "want"),
    [
        (
            ("Ref", "Requirement text", "Verdict"),
            [
                ("SR-11", "The solution must be able to serve 1,800 engineers.", "Complies"),
                ("SR-12", "It shall handle 220 concurrent sessions of users.", "Complies"),
                ("SR-13", "The solution shall scale to 7,500 repositories.", "Complies"),
            ],
            {"max_users": 1800, "max_repositories": 7500},
        ),
        (
            ("#", "Statement", "Compliance", "Proof"),
            [
                ("1", "Search must sustain 90 simultaneous users at peak.", "Yes", "Load report LR-2"),
                ("2", "The vendor is required to support 640 developers.", "Yes", "Order form"),
            ],
            {"max_concurrent_users": 90, "max_users": 640},
        ),
        (
            ("ID", "Need", "Covered?"),
            [
                ("N-4", "Sourcegraph shall cater for 350 users working at the same time.", "Covered"),
                ("N-5", "Sourcegraph shall be sized for up to 12,000 repositories.", "Covered"),
            ],
            {"max_concurrent_users": 350, "max_repositories": 12000},
        ),
    ],
)
def test_a_requirement_stated_in_a_matrix_is_the_limit(
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    want: dict[str, int],
    catalogue: Catalogue,
) -> None:
    got = _view(_BUILT + table(header, *rows), catalogue)
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize(
    "sentence",
    [
        "R7. The platform shall support 410 concurrent users during the morning peak.",
        "Requirement: the service must be able to handle 410 simultaneous users.",
        "Per the tender, Sourcegraph shall sustain 410 users at once.",
    ],
)
def test_a_requirement_in_prose_is_the_concurrency_limit(sentence: str, catalogue: Catalogue) -> None:
    assert _view(f"{_BUILT}<p>{sentence}</p>", catalogue).get("max_concurrent_users") == 410


def test_a_question_or_request_in_a_matrix_gives_no_limit(catalogue: Catalogue) -> None:
    html = _BUILT + table(
        ("Ref", "Requirement", "Answer"),
        ("Q1", "Must we support 500 concurrent users?", "To be decided"),
        ("Q2", "Provide the number of users the solution shall support (e.g. 900).", "See annex"),
    )
    got = _view(html, catalogue)
    assert "max_concurrent_users" not in got and "max_users" not in got


@pytest.mark.parametrize(
    ("premise", "stated", "field", "want"),
    [
        (  # a heading of assumptions only, the licence in another section
            "<h2>4.2 Planning assumptions</h2>"
            "<p>AS-7: the code estate holds no more than 900 repositories.</p>",
            "<h2>4.3 Licence</h2><p>The subscription is capped at 1,500 repositories.</p>",
            "max_repositories",
            1500,
        ),
        (  # a clause saying it was assumed, the requirement in a matrix
            "<p>The bid assumed up to 2,000 users across the group.</p>",
            table(
                ("Req", "Requirement", "Status"),
                ("U-1", "The service shall support 2,600 named users.", "Met"),
            ),
            "max_users",
            2600,
        ),
        (  # a parent bullet titling assumptions; the census counted elsewhere
            "<ul><li>Hypotheses<ul><li>H2 the estate would have about 700 repositories</li></ul></li></ul>",
            "<p>We index 1,040 repositories in total.</p>",
            "repositories",
            1040,
        ),
    ],
)
def test_a_premise_gives_way_to_the_figure_stated_elsewhere(
    premise: str, stated: str, field: str, want: int, catalogue: Catalogue
) -> None:
    got = _view(_BUILT + premise + stated, catalogue)
    assert got.get(field) == want
    got = _view(_BUILT + stated + premise, catalogue)  # whichever comes first
    assert got.get(field) == want


def test_a_constraint_beside_assumptions_is_no_premise(catalogue: Catalogue) -> None:
    html = (
        _BUILT
        + "<h2>Assumptions and constraints</h2><p>The licence is limited to 3,000 repositories.</p>"
        + "<h2>Sizing</h2><p>Sized for up to 4,000 repositories.</p>"
    )
    assert "max_repositories" in _conflicted(html, catalogue)


def test_premise_words() -> None:
    assert names_premises("3.1 Assumptions")
    assert names_premises("Hypothèses de départ")
    assert names_premises("Planning hypotheses")
    assert not names_premises("Assumptions, Constraints and Dependencies")
    assert not names_premises("Sizing assumptions")
    assert not names_premises("Licence and limits")
    text = (
        "A-9: At offer stage it was assumed that at most 600 repositories exist; licence 2,000 repositories."
    )
    assert assumed(text, "600 repositories")
    assert not assumed(text, "2,000 repositories")
    assert not assumed("Design assumption: 2,000 users", "2,000 users")


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Volume of Git data cloned: 710 GB.", "total_repo_size_gb"),
        ("Amount of git data on gitserver: 710 GB.", "total_repo_size_gb"),
        ("Total volume of Git data: 710 GB.", "total_repo_size_gb"),
        ("Volume for git data: 710 GB.", "total_disk_gb"),
    ],
)
def test_a_volume_of_git_data_is_the_repositories_size(line: str, field: str, catalogue: Catalogue) -> None:
    got = _view(f"{_BUILT}<p>{line}</p>", catalogue)
    assert got.get(field) == 710


@pytest.mark.parametrize(
    "header",
    [
        "Repos synced (as of 14 Sep 2026)",
        "Repositories indexed (09/14/2026)",
        "Repositories (at go-live, 2026-09-14)",
    ],
)
def test_a_dated_count_header_still_names_its_column(header: str, catalogue: Catalogue) -> None:
    html = _BUILT + table(
        ("Code host", header),
        ("GitLab Self-Managed", "900"),
        ("Bitbucket Data Center", "100"),
        ("Total", "1,000"),
    )
    assert _view(html, catalogue).get("repositories") == 1000


@pytest.mark.parametrize(
    "sentence",
    [
        "The offer's 4 TB volume was not provisioned.",
        "A second 4 TB volume was never provisioned.",
        "The 4 TB data disk of the bid has been never purchased.",
    ],
)
def test_a_thing_denied_its_building_is_none_of_the_deployments(sentence: str, catalogue: Catalogue) -> None:
    got = _view(f"{_BUILT}<h2>Storage</h2><p>Disk: 1,500 GB. {sentence}</p>", catalogue)
    assert got.get("total_disk_gb") == 1500


def test_a_denial_after_another_clause_leaves_the_clause(catalogue: Catalogue) -> None:
    got = _view(f"{_BUILT}<p>A 1,500 GB disk was attached; the 4 TB one was not provisioned.</p>", catalogue)
    assert "total_disk_gb" not in got or got["total_disk_gb"] != 4000


@pytest.mark.parametrize(
    ("line", "field", "want"),
    [
        ("OS volume 50 GiB + repository volume 950 GiB → 1,000 GiB on the VM.", "total_disk_gb", 1000),
    ],
)
def test_a_figure_its_neighbours_add_up_to_is_their_whole(
    line: str, field: str, want: int, catalogue: Catalogue
) -> None:
    got = _view(f"{_BUILT}<h2>What storage is attached?</h2><p>{line}</p>", catalogue)
    assert got.get(field) == want


@pytest.mark.parametrize(
    ("header", "rows", "want"),
    [
        (
            ("Forge", "Produkt", "Anzahl"),
            [
                ("git.x.example", "GitLab Self-Managed", "1,200"),
                ("bb.x.example", "Bitbucket Data Center", "300"),
            ],
            1500,
        ),
        (
            ("Source", "Kind", "Aantal"),
            [("GitHub Enterprise Cloud", "cloud", "640"), ("Gerrit", "self-hosted", "60")],
            700,
        ),
    ],
)
def test_a_host_tables_column_its_total_row_sums_counts_repositories(
    header: tuple[str, ...], rows: list[tuple[str, ...]], want: int, catalogue: Catalogue
) -> None:
    width = len(header)
    total = ("Total", *[""] * (width - 2), f"{want:,}")
    assert _view(_BUILT + table(header, *rows, total), catalogue).get("repositories") == want
    wrong = ("Total", *[""] * (width - 2), f"{want + 5:,}")  # a total that is not their sum proves nothing
    assert "repositories" not in _view(_BUILT + table(header, *rows, wrong), catalogue)


_AZ = [
    "$ az aks nodepool list -g rg-prod -n aks-prod -o table",
    "Name      OsType    VmSize            Count    MaxPods    ProvisioningState    Mode",
    "--------  --------  ----------------  -------  ---------  -------------------  ------",
    "web       Linux     Standard_D8s_v5   3        50         Succeeded            User",
    "search    Linux     Standard_E8s_v5   2        50         Succeeded            User",
]
_VMSS = [
    "NodePool     Zone          InstanceType    Nodes",
    "-----------  ------------  --------------  -----",
    "sg-workers   eu-west-1a    m6i.4xlarge     5",
]


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (_AZ, ["3 × Standard_D8s_v5", "2 × Standard_E8s_v5"]),
        (
            [" ".join(line.split()) for line in _AZ],
            ["3 × Standard_D8s_v5", "2 × Standard_E8s_v5"],
        ),  # spaces lost
        (_VMSS, ["5 × m6i.4xlarge"]),
    ],
)
def test_a_commands_ruled_table_output_is_read_as_a_table(
    lines: list[str], want: list[str], catalogue: Catalogue
) -> None:
    content = [
        paragraph("Production runs on Kubernetes with the Helm chart."),
        *(paragraph(line) for line in lines),
    ]
    got = read_doc({"body": {"content": content}}, catalogue)
    assert got.get("instance_types") == [", ".join(want)]


def test_a_listing_without_its_rule_is_no_table(catalogue: Catalogue) -> None:
    lines = [_AZ[1], *_AZ[3:]]  # no rule of dashes under the header
    content = [
        paragraph("Production runs on Kubernetes with the Helm chart."),
        *(paragraph(line) for line in lines),
    ]
    assert "instance_types" not in read_doc({"body": {"content": content}}, catalogue)
