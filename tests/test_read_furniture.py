"""Facts in a document's furniture: table captions naming another environment or source, a lead-in
over a list of facts of their own, a tool chosen over another or denied with a bare "no", an
environment sized as a share of production, and a denial said of a thing of its own beside a host."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import connection, tablecaption
from handoff.read.found import Found
from tdd_snippets import read, table

_PLATFORM = "<h1>Platform</h1><p>Sourcegraph runs on Amazon EKS, installed with the Helm chart.</p>"
_OTHER = table(("Item", "Value"), ("Instances", "2 × m6i.2xlarge"), ("vCPU", "16"), ("Memory", "64 GiB"))
_OURS = table(("Item", "Value"), ("Instances", "3 × m6i.4xlarge"), ("vCPU", "48"), ("Memory", "192 GiB"))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Table 2: Staging node pool (cluster sg-stg)", "Staging node pool (cluster sg-stg)"),
        ("Tab. 4 – DR site", "DR site"),
        ("Figure 3. UAT cluster", "UAT cluster"),
        ("Exhibit B — Sizing example from the vendor guide", "Sizing example from the vendor guide"),
        ("Table A-2: QA", "QA"),
        ("Pre-production pool:", ""),  # an unnumbered line names a subject as often as a part
        ("Tables: staging and production", ""),
        ("Figure shows: the DR copy", ""),
    ],
)
def test_a_caption_is_a_numbered_line(text: str, words: str) -> None:
    assert tablecaption.caption(text) == words


@pytest.mark.parametrize(
    "caption",
    [
        "Table 1: Pre-production node group (cluster sg-preprod)",
        "Figure 2 — UAT cluster",
        "Exhibit A. Reference sizing from the sizing guide, for comparison only",
        "Table 7 – Disaster-recovery site",
        "Fig. 3: QA machines",
    ],
)
def test_a_table_captioned_as_another_environment_is_not_production(
    catalogue: Catalogue, caption: str
) -> None:
    html = f"{_PLATFORM}<p>{caption}</p>{_OTHER}<p></p><p>Table 9: Production (as built)</p>{_OURS}"
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]
    assert got["total_cpu"] == ["48"] and got["total_memory_gb"] == ["192 GiB"]


@pytest.mark.parametrize("caption", ["Table 4: standby copy at the DR site", "Figure 2 – the QA cluster"])
def test_a_numbered_caption_below_a_table_names_its_environment(catalogue: Catalogue, caption: str) -> None:
    html = (
        f"{_PLATFORM}{_OURS}<p>Table 1: production, as built</p><p>The copy:</p>{_OTHER}"
        f"<p>{caption}</p><p>Done.</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]
    assert got["total_cpu"] == ["48"]


def test_a_caption_between_two_tables_is_the_one_below_s(catalogue: Catalogue) -> None:
    """A numbered line between two tables captions the table under it, not the one above."""
    html = f"{_PLATFORM}<p>Table 1: Production cluster</p>{_OURS}<p>Table 2: Staging cluster</p>{_OTHER}"
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]
    assert got["total_cpu"] == ["48"]


@pytest.mark.parametrize(
    "lead",
    ["Repository facts at sign-off:", "Repository details (go-live):", "Repositories, in short:"],
)
def test_a_lead_in_over_facts_of_their_own_reads_each_item(catalogue: Catalogue, lead: str) -> None:
    """A `Label:` line whose list items are labelled with other fields: each item is its own fact,
    not the label's value ("Monorepos: 2" gives no repository count)."""
    html = (
        f"{_PLATFORM}<p>{lead}</p><ul><li>Monorepos: 2 (core and the mobile app)</li>"
        "<li>Largest repo: core, 4.5 GB</li><li>Total repository size: 310 GB</li></ul><p>Synced hourly.</p>"
    )
    got = read(html, catalogue)
    assert "repositories" not in got
    assert got["monorepos"] == ["2"]
    assert got["total_repo_size_gb"] == ["310 GB"]


def test_a_lead_in_over_its_own_fields_values_still_is_its_value(catalogue: Catalogue) -> None:
    html = (
        f"{_PLATFORM}<p>Code hosts:</p><ul><li>GitHub Enterprise Server: 1,200 repositories</li>"
        "<li>GitLab: 300 repositories</li></ul>"
    )
    got = read(html, catalogue)
    assert got["repositories"] == ["1500"]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Helm was chosen over Kustomize because Argo CD already renders charts.", "Kubernetes with Helm"),
        (
            "Kustomize, preferred to Helm by the platform team, renders the manifests.",
            "Kubernetes with Kustomize",
        ),
        ("We picked Kustomize over Helm to keep one tool.", "Kubernetes with Kustomize"),
        ("Manifests are applied with Kustomize overlays. No Helm.", "Kubernetes with Kustomize"),
        ("Manifests are applied with Kustomize overlays (no Helm).", "Kubernetes with Kustomize"),
    ],
)
def test_a_tool_chosen_over_another_or_denied_is_the_one_taken(
    catalogue: Catalogue, sentence: str, want: str
) -> None:
    got = read(f"<h1>Platform</h1><p>Sourcegraph runs on GKE.</p><p>{sentence}</p>", catalogue)
    assert got["deployment_type"] == [want] * len(got["deployment_type"])


@pytest.mark.parametrize(
    "callout",
    [
        "Note: staging uses half of production — 16 vCPU, 64 GiB RAM.",
        "The QA environment is a quarter of prod: 16 vCPU and 64 GiB.",
        "Tip: UAT is half the size of production (16 vCPU, 64 GiB).",
        "Pre-production runs at 25% of production, 16 vCPU and 64 GiB.",
    ],
)
def test_an_environment_sized_as_a_share_of_production_is_not_production(
    catalogue: Catalogue, callout: str
) -> None:
    html = f"{_PLATFORM}<p>Production: 3 × m6i.4xlarge, 48 vCPU, 192 GiB.</p>" + table((callout,))
    got = read(html, catalogue)
    assert got["total_cpu"] == ["48"]
    assert got["total_memory_gb"] == ["192 GiB"]


def _hosts(text: str, *names: str) -> list[Found]:
    return [Found(text.index(n), text.index(n) + len(n), n) for n in names]


@pytest.mark.parametrize(
    "text",
    [
        "Perforce, excluded for now.",
        "Bitbucket Cloud, where the spin-outs keep their code, cannot be reached from the lab network.",
        "Gerrit, which is not synced any more.",
        "Gerrit excluded from search.",
    ],
)
def test_a_denial_of_the_host_itself_after_a_comma_still_holds(text: str) -> None:
    name = next(n for n in ("Bitbucket Cloud", "Perforce", "Gerrit") if n in text)
    assert connection.unconnected(text, _hosts(text, name)) == {name}
