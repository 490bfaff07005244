"""TDD reader: TDDs reshaped by what happened during the deployment (blind set 115's family), one
mechanism per test.

An incident's, an outage's, a troubleshooting journal's or an abandoned attempt's part tells events,
not the deployment: its code hosts, repository counts and dates give way to the description's, and
its sentences neither confirm nor deny a host the description names; a code host whose connection
was taken away is off from then on, even with its count before the removal in the same paragraph and
mentions of it later, unless a labelled value lists it again after the removal. The phrasings here
are not the tuning set's.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.eventparts import event_part
from tddview import present

_HOSTS = (
    "<h1>Repositories</h1>"
    "<p>GitHub.com holds 1,300 repositories and Bitbucket Server another 200, 1,500 repositories "
    "in all.</p>"
)


def _fields(body: str, catalogue: Catalogue) -> dict[str, Any]:
    return present("<h1>Sourcegraph design</h1><p>Deployment: Helm on EKS.</p>" + body, catalogue)


@pytest.mark.parametrize(
    "heading",
    ["Incident 2026-14: search down", "Post-mortem of the May outage", "Troubleshooting log",
     "Root cause", "The VM build (abandoned)", "Lessons learned"],
)  # fmt: skip
def test_an_event_heading_makes_an_event_part(heading: str) -> None:
    assert event_part(["TDD", heading])
    assert not event_part(["TDD", "Code hosts", "Limits and dates"])


@pytest.mark.parametrize("heading", ["Outage on production, 4 June", "Incident log", "Root cause analysis"])
def test_an_incidents_counts_give_way_to_the_descriptions(heading: str, catalogue: Catalogue) -> None:
    got = _fields(
        _HOSTS + f"<h1>{heading}</h1>"
        "<p>The nightly re-sync of 420 repos moved from GitLab.com pushed gitserver over its memory.</p>",
        catalogue,
    )
    assert got.get("repositories") == 1500
    assert sorted(got.get("code_hosts") or []) == ["Bitbucket Server / Data Center", "GitHub.com"]


def test_an_incident_alone_still_gives_its_count(catalogue: Catalogue) -> None:
    got = _fields("<h1>Incident log</h1><p>GitHub.com: 640 repositories re-cloned.</p>", catalogue)
    assert got.get("repositories") == 640


def test_an_abandoned_builds_reach_denies_no_host(catalogue: Catalogue) -> None:
    got = _fields(
        _HOSTS + "<h1>The first build (abandoned)</h1>"
        "<p>The on-premises cluster could not reach GitHub.com without a proxy exception.</p>",
        catalogue,
    )
    assert "GitHub.com" in (got.get("code_hosts") or [])
    assert got.get("repositories") == 1500


_REMOVED = (
    "<h1>Code hosts</h1>"
    "<p>GitHub.com: 900 repositories.</p>"
    "<p>Azure DevOps Services, connected 2 March, 260 repositories. The team moved what they kept "
    "into GitHub in April. The connection was deleted on 30 April.</p>"
    "<h1>Operations</h1><p>Rate limits differ between GitHub and Azure DevOps; watch the sync page.</p>"
)


def test_a_removed_connection_ends_its_host_and_its_count(catalogue: Catalogue) -> None:
    got = _fields(_REMOVED, catalogue)
    assert got.get("code_hosts") == ["GitHub.com"]
    assert got.get("repositories") == 900


def test_a_host_listed_again_after_its_removal_is_back(catalogue: Catalogue) -> None:
    got = _fields(
        _REMOVED + "<h1>Summary</h1><p>Code hosts: GitHub.com, Azure DevOps Services</p>", catalogue
    )
    assert sorted(got.get("code_hosts") or []) == ["Azure DevOps", "GitHub.com"]


def test_a_removal_in_an_aside_ends_only_its_own_host(catalogue: Catalogue) -> None:
    got = _fields(
        "<h1>Summary</h1>"
        "<p>Code host: GitLab.com only (the Gerrit connection removed on 3 May, see below)</p>"
        "<h1>Notes</h1><p>Gerrit was mirrored for a while; GitLab.com holds 700 repositories.</p>",
        catalogue,
    )
    assert got.get("code_hosts") == ["GitLab.com"]


def test_an_event_named_as_a_time_is_no_event_part() -> None:
    assert not event_part(["TDD", "Background: production at the time of the incident"])
    assert not event_part(["TDD", "Sizing before the outage"])
    assert event_part(["TDD", "Changes made during the outage"])


def test_a_removal_to_come_ends_nothing(catalogue: Catalogue) -> None:
    got = _fields(
        "<h1>What it indexes</h1><p>Sourcegraph searches 640 repositories on Bitbucket Server. Once "
        "Bitbucket Server is retired and its projects move to GitLab.com next year, the connection will "
        "be swapped.</p>",
        catalogue,
    )
    assert got.get("code_hosts") == ["Bitbucket Server / Data Center"]
    assert got.get("repositories") == 640
