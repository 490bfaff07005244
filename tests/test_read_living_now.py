"""A living TDD's present beside its past: a labelled figure of the present after sentences told in the
past in one paragraph, and a code host an update connects beside the hosts before it."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.withdrawn import withdraws_before
from tdd_snippets import read
from tddview import settled


@pytest.mark.parametrize(
    ("paragraph", "field", "now"),
    [
        (
            "Each gitserver volume was 1 TB at go-live (3 TB for gitserver, 3,400 GB for all volumes)."
            " In June the gitserver volumes were enlarged to 1.5 TB each."
            " Total disk for all volumes today: 4,900 GB.",
            "total_disk_gb",
            "4900 GB",
        ),
        (
            "At go-live the VM had 32 vCPU. It was resized in July. CPU now: 48 vCPU.",
            "total_cpu",
            "48",
        ),
        (
            "The production VM had 128 GB of RAM at go-live. We added memory after the August incident."
            " Memory currently: 192 GB.",
            "total_memory_gb",
            "192 GB",
        ),
    ],
)
def test_a_present_label_after_a_past_told_in_its_paragraph_wins(
    paragraph: str, field: str, now: str, catalogue: Catalogue
) -> None:
    assert read(f"<h1>Platform</h1><p>{paragraph}</p>", catalogue)[field] == [now]


def test_a_present_label_of_another_field_leaves_the_past_alone(catalogue: Catalogue) -> None:
    got = read(
        "<h1>Compute</h1><p>At go-live the VM had 32 vCPU and 128 GB. Repositories now: 900.</p>", catalogue
    )
    assert got["total_cpu"] == ["32"]
    assert got["total_memory_gb"] == ["128 GB"]


@pytest.mark.parametrize(
    "update",
    [
        "Update 12 May 2026: Gerrit at gerrit.corp.example was added for the platform team"
        " with 60 repositories, so the instance now has 760 repositories.",
        "EDIT (3 Jun 2026): Gerrit (gerrit.corp.example) connected for the platform team, 60 repositories.",
    ],
)
def test_an_update_connecting_a_host_adds_it_to_the_hosts_before(update: str, catalogue: Catalogue) -> None:
    html = (
        "<h1>Code hosts</h1><p>GitLab Self-Managed at gitlab.corp.example hosts 700 projects.</p>"
        f"<p>{update}</p><h1>Security</h1><p>The GitLab token is read-only.</p>"
    )
    assert set(settled(html, catalogue)["code_hosts"]) == {"GitLab Self-Managed", "Gerrit"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nothing signed, so the 600 stands.",
        "Not approved yet.",
        "It has not been signed.",
        "Nothing decided yet: we stay on 4 nodes.",
        "This is not yet agreed.",
    ],
)
def test_a_sentence_saying_the_one_before_was_not_agreed_withdraws_it(sentence: str) -> None:
    assert withdraws_before(sentence) is not None


@pytest.mark.parametrize(
    "sentence", ["It was signed.", "Not signed off yet.", "Nothing else changed.", "Nothing was lost."]
)
def test_other_sentences_withdraw_nothing(sentence: str) -> None:
    assert withdraws_before(sentence) is None


def test_an_update_naming_a_limit_nobody_agreed_leaves_the_limit(catalogue: Catalogue) -> None:
    html = (
        "<h1>Limits</h1><p>Maximum repositories agreed with the customer: 5,000.</p>"
        "<p>Edit 4 Nov 2026: a cap of 8,000 repositories was discussed with their architects."
        " Nothing decided, the 5,000 still applies.</p>"
    )
    assert settled(html, catalogue)["max_repositories"] == 5000


def test_a_present_sentence_after_a_run_told_in_the_past_wins(catalogue: Catalogue) -> None:
    html = (
        "<h1>Compute</h1><p>At go-live the VM had 32 vCPU and 128 GB of memory. It was resized during the"
        " July window. The VM now has 48 vCPU and 192 GB.</p>"
    )
    got = settled(html, catalogue)
    assert (got["total_cpu"], got["total_memory_gb"]) == (48, 192)


@pytest.mark.parametrize(
    ("line", "limit"),
    [
        ("Repository ceiling for this VM size: 1,500; above that we add a second host for zoekt.", 1500),
        ("Repository limit for this server size: 2,000.", 2000),
        ("Max repos for the chosen machine size: 3,000 (we re-size above that).", 3000),
    ],
)
def test_a_limit_label_closing_on_the_machine_it_is_agreed_for_is_the_limit(
    line: str, limit: int, catalogue: Catalogue
) -> None:
    assert settled(f"<h1>Licence and limits</h1><p>{line}</p>", catalogue)["max_repositories"] == limit
