"""A living TDD, kept up to date over months: the state as built beside the state now
(`read/pastcolumns.py` `built_then`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import edits, limitchange, pastcolumns, urlchange
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("header", "beside"),
    [
        ("Production as built (v1.0, June)", ["Production now (v1.7)"]),
        ("Prod – as delivered", ["Prod – current"]),
        ("As-built (go-live)", ["Latest (Nov 2026)"]),
        ("Live at handover", ["Live today"]),
    ],
)
def test_an_as_built_column_beside_a_current_one_is_history(header: str, beside: list[str]) -> None:
    assert pastcolumns.built_then(header, beside)


@pytest.mark.parametrize(
    ("header", "beside"),
    [
        ("Production (as built)", ["Production 2027 target"]),  # a plan beside it: as built is now
        ("Production as built", []),
        ("Production as built, current", ["Production now"]),
        ("Production now", ["Production as built"]),
    ],
)
def test_an_as_built_column_alone_or_beside_a_plan_holds(header: str, beside: list[str]) -> None:
    assert not pastcolumns.built_then(header, beside)


def test_a_table_of_the_state_as_built_and_now_gives_the_current_column(catalogue: Catalogue) -> None:
    html = "<h2>Environments</h2>" + table(
        ("", "Test", "Prod (as delivered, March)", "Prod (current, rev 9)"),
        ("Instances", "1 × m6i.xlarge", "3 × m6i.2xlarge", "3 × m6i.4xlarge"),
        ("vCPU", "4", "24", "48"),
        ("RAM", "16 GiB", "96 GiB", "192 GiB"),
        ("Repos", "50", "900", "1,140"),
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]
    assert got["total_cpu"] == ["48"]
    assert got["repositories"] == ["1140"]


@pytest.mark.parametrize(
    ("sentence", "field", "old", "new"),
    [
        ("Seat count amended from 800 to 950 users after the renewal.", "max_users", "800", "950"),
        (
            "The licence was increased 2,000 -> 2,500 seats in the contract addendum",
            "max_users",
            "2000",
            "2500",
        ),
        ("Repository cap raised from 5,000 to 8,000.", "max_repositories", "5000", "8000"),
        (
            "concurrency limit lowered to 200 (was 250) at the customer's request",
            "max_concurrent_users",
            "250",
            "200",
        ),
        ("Licence bumped up to 1,750 users.", "max_users", "", "1750"),
    ],
)
def test_a_limit_changed_gives_its_new_and_old_sides(sentence: str, field: str, old: str, new: str) -> None:
    (change,) = limitchange.changes(sentence)
    assert (change.field, change.old, change.new) == (field, old, new)


@pytest.mark.parametrize(
    "sentence",
    [
        "Active users grew from 800 to 1,100 over the summer.",  # a measurement, no limit
        "The licence will be raised to 2,000 users next year.",
        "A licence increase to 1,600 users was requested but is not signed.",
        "If the pilot goes well the seat limit is raised from 500 to 900.",
        "Disk quota raised from 500 to 750 GB",  # a size, no count of people
    ],
)
def test_a_limit_change_not_made_or_no_limit_gives_nothing(sentence: str) -> None:
    assert limitchange.changes(sentence) == []


def test_a_logged_limit_change_replaces_the_limit_written_before(catalogue: Catalogue) -> None:
    html = (
        "<h2>Limits</h2><p>Licensed users: 900</p><p>Peak concurrent users: 120</p>"
        "<h2>Document history</h2>"
        + table(
            ("Rev", "Date", "Who", "What"),
            ("1", "2026-02-02", "JS", "first version"),
            ("2", "2026-05-14", "JS", "seat licence increased from 900 to 1,250 users (order form 7)"),
        )
    )
    got = read(html, catalogue)
    assert got["max_users"] == ["1250"]
    assert got["max_concurrent_users"] == ["120"]


def test_a_limit_change_in_prose_beats_the_limit_above(catalogue: Catalogue) -> None:
    html = (
        "<h2>Limits</h2><p>Concurrent users: 150</p>"
        "<p>Note, 3 Nov: the concurrency cap was raised to 220 by the steering board.</p>"
    )
    assert read(html, catalogue)["max_concurrent_users"] == ["220"]


@pytest.mark.parametrize(
    "text",
    [
        "v2.4 – DNS name changed to https://search.acme.example",
        "Edit 3 Mar: the instance was renamed; its URL is now https://search.acme.example",
        "address migrated to https://search.acme.example after the domain consolidation",
    ],
)
def test_the_address_moved_to_is_the_url_now(text: str) -> None:
    assert urlchange.moved_to(text, text.index("https://"))


@pytest.mark.parametrize(
    "text",
    [
        "the GitLab URL changed to https://gitlab.acme.example",
        "Hostname will be changed to https://search.acme.example in Q1",
        "the staging hostname moved to https://sg-stg.acme.example",
        "Available at https://search.acme.example",
    ],
)
def test_a_move_planned_or_of_another_system_is_none(text: str) -> None:
    assert not urlchange.moved_to(text, text.index("https://"))


def test_a_logged_address_move_replaces_the_address_written_before(catalogue: Catalogue) -> None:
    html = "<h2>Access</h2><p>URL: https://sg.acme.example</p><h2>Change history</h2>" + table(
        ("Version", "Date", "Change"),
        ("1.0", "2026-03-01", "go-live"),
        ("1.3", "2026-08-19", "hostname switched to https://search.acme.example (old name redirects)"),
    )
    assert read(html, catalogue)["instance_url"] == ["https://search.acme.example"]


@pytest.mark.parametrize(
    "entry",
    [
        "total storage now 2,600 GiB after the index volume grew (the sizing section still says 2,100)",
        "Volumes extended; overall disk is now 2,600 GiB, though the summary still lists 2,100.",
    ],
)
def test_a_logged_total_now_replaces_the_stale_copy_the_body_still_shows(
    entry: str, catalogue: Catalogue
) -> None:
    html = "<h2>Sizing</h2><p>Storage: 2,100 GiB</p><h2>Revision log</h2>" + table(
        ("Rev", "Date", "Change"), ("3", "2026-04-02", "first sizing"), ("4", "2026-09-30", entry)
    )
    assert read(html, catalogue)["total_disk_gb"] == ["2600 GiB"]


def test_a_logged_part_grown_is_no_total(catalogue: Catalogue) -> None:
    html = "<h2>Sizing</h2><p>Storage: 2,100 GiB in total</p><h2>Revision log</h2>" + table(
        ("Rev", "Date", "Change"),
        ("3", "2026-04-02", "first sizing"),
        ("4", "2026-09-30", "gitserver volume grown to 900 GiB"),
    )
    assert read(html, catalogue)["total_disk_gb"] == ["2100 GiB"]


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("3 [UPDATE 2 Sep: now 4]", "4"),
        ("1,000 users (edit 12 May: 1,400 users)", "1,400 users"),
        ("500 GB [revised: 750 GB]", "750 GB"),
        ("3 [updated 2 Sep]", "3 [updated 2 Sep]"),  # the day of an update, no figure
        ("4 nodes [UPDATE: 16 vCPU each]", "4 nodes [UPDATE: 16 vCPU each]"),  # another kind of figure
    ],
)
def test_a_figure_with_its_update_in_brackets_is_the_update(text: str, read_as: str) -> None:
    assert edits.unedit(text) == read_as


def test_a_scale_out_taken_back_in_its_sentence_keeps_what_it_went_back_to(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Workers: 4 × c6i.4xlarge</p>"
        "<p>For the migration we scaled to 6 × c6i.4xlarge and on Monday back down to 4 × c6i.4xlarge.</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["4 × c6i.4xlarge"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Option 2 was a Kubernetes cluster with the Helm chart. Rejected: the team runs no Kubernetes.",
        "We also looked at k3s and the Helm chart. Dropped – one VM gains nothing from it.",
    ],
)
def test_an_option_set_aside_by_a_bare_verb_is_history(paragraph: str, catalogue: Catalogue) -> None:
    html = f"<h2>Production</h2><p>Sourcegraph runs with Docker Compose on one VM.</p><p>{paragraph}</p>"
    assert read(html, catalogue)["deployment_type"] == ["Docker Compose"]


@pytest.mark.parametrize(
    "hosts",
    [
        "Azure DevOps Server 2022 (on-premises, https://tfs.acme.example): 900 repos",
        "GitLab 16.11 EE (self-managed, on-prem): 900 repos",
    ],
)
def test_a_platform_word_in_a_versioned_hosts_brackets_is_the_hosts(hosts: str, catalogue: Catalogue) -> None:
    html = f"<h2>Production</h2><p>Sourcegraph runs on AKS in Azure.</p><p>{hosts}</p>"
    assert read(html, catalogue)["hosting_provider"] == ["Azure"]


def test_a_count_an_estimate_assumed_is_none(catalogue: Catalogue) -> None:
    html = (
        "<h2>Repositories</h2><p>Three monorepos: core, web and tools.</p>"
        "<h2>Sizing notes</h2><p>The first sizing assumed no monorepos, hence the disk resize.</p>"
    )
    assert read(html, catalogue)["monorepos"] == ["3"]


@pytest.mark.parametrize(
    "edit",
    [
        "Correction (2 Jun): the customer signed off on 28 May 2026, not 21 May.",
        "Update: the go-live check failed on 21 May; Acme accepted production on 28 May 2026.",
        "Edit: completed on 28 May 2026 rather than 21 May.",
    ],
)
def test_a_completion_date_denied_or_failed_is_none(edit: str, catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>The build started on 4 May 2026 and was completed on 21 May 2026.</p>"
        f"<p>{edit}</p>"
    )
    assert read(html, catalogue)["completion_date"] == ["2026-05-28"]


@pytest.mark.parametrize(
    "note",
    [
        "RAM, lesson learnt: 192 GiB was not enough for the first full index.",
        "Memory history: 192 GiB proved too small during the import.",
        "The sizing note: 192 GiB was insufficient once the monorepos came in.",
    ],
)
def test_a_figure_said_to_have_fallen_short_is_history(note: str, catalogue: Catalogue) -> None:
    html = f"<h2>Production</h2><p>Memory: 384 GiB</p><p>{note}</p>"
    assert read(html, catalogue)["total_memory_gb"] == ["384 GiB"]


def test_a_figure_enough_now_is_kept(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>Memory: 384 GiB, which was not enough at first but is fine now.</p>"
    assert read(html, catalogue)["total_memory_gb"] == ["384 GiB"]


@pytest.mark.parametrize(
    "aside",
    [
        "(The first sizing had gitserver at 2 × 500 GiB, 1,400 GiB in all.)",
        "The draft design was 2 × 500 GiB for gitserver, 1,400 GiB overall.",
        "(Version 0.3 estimate said 1,400 GiB.)",
    ],
)
def test_what_an_earlier_version_had_is_history(aside: str, catalogue: Catalogue) -> None:
    html = (
        f"<h2>Production</h2><p>Disk: gitserver 3 × 500 GiB, the rest 400 GiB. 1,900 GiB total. {aside}</p>"
    )
    assert read(html, catalogue)["total_disk_gb"] == ["1900 GiB"]
