"""TDD reader: facts a careful reader puts together (from blind 45, in phrasings and layouts it does not
use). A figure past which the sizing must be decided again is the bound agreed, not growth
(`read/limitwords.py`, `threshold`); a tool said not to exist ("there is no Helm release") is set aside
(`read/choice.py`); one repository said to count as a monorepo is a count of one (`read/counts.py`)."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

HEAD = "<h2>Production</h2><p>Sourcegraph runs on EKS, 3 × m6i.4xlarge.</p>"


def _field(body: str, name: str, catalogue: Catalogue, head: str = HEAD) -> Any:
    doc = html_document(f"<html><body>{head}{body}</body></html>")
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    fv = view.fields.get(name)
    return None if fv is None or name in view.conflicted else fv.to_json()["value"]


@pytest.mark.parametrize(
    ("body", "name", "want"),
    [
        ("<p>Scaling past 2,500 repositories requires a second gitserver shard and a new review.</p>",
         "max_repositories", 2500),
        ("<ul><li>Anything above 6,000 repositories needs a re-sizing by the platform team.</li></ul>",
         "max_repositories", 6000),
        ("<p>Going beyond 1,200 users would need a licence amendment.</p>", "max_users", 1200),
        ("<p>Growth over 3,000 repos calls for a new design record; the sizing stops there.</p>",
         "max_repositories", 3000),
    ],
)  # fmt: skip
def test_a_figure_past_which_the_sizing_is_decided_again_is_the_limit(
    body: str, name: str, want: int, catalogue: Catalogue
) -> None:
    assert _field(body, name, catalogue) == want


@pytest.mark.parametrize(
    "body",
    [
        "<p>We expect growth beyond 4,000 repositories by 2028.</p>",
        "<p>Repositories will grow past 4,000 next year.</p>",
    ],
)
def test_growth_past_a_figure_with_no_decision_is_no_limit(body: str, catalogue: Catalogue) -> None:
    assert _field(body, "max_repositories", catalogue) is None


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<p>Manifests are rendered with Kustomize overlays; there is no Helm release in this account.</p>",
         "Kubernetes with Kustomize"),
        ("<p>The platform team applies Kustomize bases. There's no Helm chart anywhere in the repo.</p>",
         "Kubernetes with Kustomize"),
        ("<p>Installed from the Helm chart, with no Kustomize layer on top.</p>", "Kubernetes with Helm"),
    ],
)  # fmt: skip
def test_a_tool_said_not_to_exist_is_not_the_deployment(body: str, want: str, catalogue: Catalogue) -> None:
    assert _field(body, "deployment_type", catalogue) == want


@pytest.mark.parametrize(
    "body",
    [
        "<p>platform: 410 repositories (incl. the billing monorepo)</p>"
        "<p>Only one repository counts as a monorepo: billing.</p>",
        "<ul><li>apps: 300 repos, among them the shop monorepo</li></ul>"
        "<p>Exactly one repo qualifies as a monorepo (shop), the largest at 3 GB.</p>",
        "<p>The kernel monorepo is large.</p><p>Just one depot is treated as a monorepo: kernel.</p>",
    ],
)
def test_one_repository_counted_as_a_monorepo_is_one(body: str, catalogue: Catalogue) -> None:
    assert _field(body, "monorepos", catalogue) == 1


def _dated(body: str, catalogue: Catalogue) -> tuple[Any, Any]:
    return _field(body, "start_date", catalogue), _field(body, "completion_date", catalogue)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "<p>Day zero is T0 = Tuesday 1 September 2026; every task below is dated from it.</p>"
            "<ul><li>T0 – helm install of the production release.</li>"
            "<li>T+4 – smoke tests.</li>"
            "<li>T+9 – Production build complete, handed to the customer.</li></ul>",
            ("2026-09-01", "2026-09-10"),
        ),
        (
            "<p>Cut-over plan. D-Day: 2026-03-02.</p>"
            "<table><tr><td>When</td><td>What</td></tr>"
            "<tr><td>D-3</td><td>Freeze of the old instance's site config</td></tr>"
            "<tr><td>D+0</td><td>Terraform apply for the production cluster started</td></tr>"
            "<tr><td>D+5</td><td>Migration complete</td></tr></table>",
            ("2026-03-02", "2026-03-07"),
        ),
        (
            "<p>Day 1 is Monday 5 October 2026.</p>"
            "<p>Day 1: the production infrastructure build started. Day 12: production signed off.</p>",
            ("2026-10-05", "2026-10-16"),
        ),
    ],
)
def test_days_written_as_offsets_from_a_declared_day_zero(
    body: str, want: tuple[str, str], catalogue: Catalogue
) -> None:
    assert _dated(body, catalogue) == want


@pytest.mark.parametrize(
    "body",
    [
        # no day zero declared: an offset is no date
        "<ul><li>D+2 – production build started.</li><li>D+9 – production signed off.</li></ul>",
        # two different days zero: nothing is read from the offsets
        "<p>D0 = 3 March 2026. (Earlier draft: D0 = 10 March 2026.)</p>"
        "<ul><li>D+9 – production signed off.</li></ul>",
    ],
)
def test_offsets_with_no_single_day_zero_give_no_date(body: str, catalogue: Catalogue) -> None:
    assert _field(body, "completion_date", catalogue) is None


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a log entry's day dates every sentence of the entry, not only the clauses after a semicolon
        ("<ul><li>14 May 2026 – DNS switched over. Production build complete.</li></ul>", "2026-05-14"),
        (
            "<ul><li>2 June 2026: Old server set read-only. Cutover completed; ticket closed.</li></ul>",
            "2026-06-02",
        ),
    ],
)
def test_a_log_entrys_day_dates_its_later_sentences(body: str, want: str, catalogue: Catalogue) -> None:
    assert _field(body, "completion_date", catalogue) == want


def test_a_clone_or_a_rehearsal_completed_in_an_entry_is_not_the_build(catalogue: Catalogue) -> None:
    body = (
        "<ul><li>9 June 2026 – Clone complete. Rehearsal complete.</li>"
        "<li>12 June 2026 – Users moved. Migration complete.</li></ul>"
    )
    assert _field(body, "completion_date", catalogue) == "2026-06-12"


@pytest.mark.parametrize(
    "body",
    [
        "<h3>Repositories</h3><p>The clones on the two gitserver replicas total 455 GiB.</p>",
        "<p>Size check: the repositories on the new gitserver volume come to 455 GB.</p>",
    ],
)
def test_what_the_clones_on_gitserver_total_is_the_repositories_size(body: str, catalogue: Catalogue) -> None:
    assert _field(body, "total_repo_size_gb", catalogue) == pytest.approx(455, rel=0.08)


def _listing(lead: str, *lines: str) -> str:
    return f"<p>{lead}</p>" + "".join(f"<p>{line.replace('  ', '&nbsp; ')}</p>" for line in lines)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (  # a listing pasted one line a paragraph, its rows volumes by the lead-in: capacity × replicas
            _listing(
                "Persistent volumes in production:",
                "NAME            SIZE     REPLICAS",
                "gitserver       1Ti      2",
                "zoekt-index     300Gi    2",
                "postgres        100Gi    1",
            ),
            2700,
        ),
        (  # the same as a table under a lead-in naming the PVCs
            "<p>PVCs as created by the chart:</p><table><tr><td>Name</td><td>Capacity</td><td>Count</td></tr>"
            "<tr><td>gitserver</td><td>800Gi</td><td>2</td></tr><tr><td>indexed-search</td><td>200Gi</td>"
            "<td>2</td></tr></table>",
            2000,
        ),
    ],
)
def test_a_volume_listing_under_its_lead_in_adds_up(body: str, want: int, catalogue: Catalogue) -> None:
    assert _field(body, "total_disk_gb", catalogue) == pytest.approx(want, rel=0.08)


def test_a_listing_with_no_lead_in_naming_volumes_gives_no_disk(catalogue: Catalogue) -> None:
    body = _listing(
        "Pods after the rollout:",
        "NAME            SIZE     REPLICAS",
        "frontend        2Gi      3",
        "searcher        4Gi      2",
    )
    assert _field(body, "total_disk_gb", catalogue) is None


@pytest.mark.parametrize(
    "body",
    [
        "<h2>Old system</h2><p>The legacy box answers at https://code.example.org and the new cluster keeps "
        "that address after the migration.</p><h2>Production</h2><p>Kubernetes with Helm on EKS.</p>",
        "<h2>Before</h2><p>Users reach https://code.example.org today; the URL stays the same through the "
        "cutover.</p><h2>Production</h2><p>Kubernetes with Helm on EKS.</p>",
    ],
)
def test_an_old_address_the_new_deployment_keeps_is_the_instances(body: str, catalogue: Catalogue) -> None:
    assert _field(body, "instance_url", catalogue, head="") == "https://code.example.org"


def test_an_old_address_not_said_to_be_kept_is_not_the_instances(catalogue: Catalogue) -> None:
    body = (
        "<h2>Old system</h2><p>The legacy box answers at https://code.example.org until the migration.</p>"
        "<h2>Production</h2><p>Kubernetes with Helm on EKS.</p>"
    )
    assert _field(body, "instance_url", catalogue, head="") is None


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (  # a lead-in naming one host and what its list splits it into: the items are that host's parts
            "<p>Our code sits in Azure DevOps Services across two organisations:</p>"
            "<ul><li>contoso-apps: 1,100 repositories</li><li>contoso-data: 400 repositories</li></ul>",
            1500,
        ),
        (  # an item said not to be indexed is none of them
            "<p>Everything lives in Bitbucket Data Center, in these projects:</p>"
            "<ul><li>PAY: 400 repositories</li><li>RISK: 250 repositories</li>"
            "<li>OLD: 90 repositories, archived and not indexed</li></ul>",
            650,
        ),
        (  # and a clause's pronoun standing for the one host the clause before names
            "<p>GitLab.com holds our code, split over two groups:</p>"
            "<ul><li>web: 300 repos</li><li>ml: 120 repos</li></ul>"
            "<p>We also run Gerrit for the firmware team; their 80 projects are indexed too.</p>",
            500,
        ),
    ],
)
def test_a_hosts_organisations_listed_under_its_lead_in_are_its_parts(
    body: str, want: int, catalogue: Catalogue
) -> None:
    assert _field(body, "repositories", catalogue, head="<h2>Repositories</h2>") == want
