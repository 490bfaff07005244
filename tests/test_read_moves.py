"""A migration or consolidation design: the system it replaces described under a title of the time
before, the build dated by a log entry's day or by "that day" (`read/beforetitle.py`,
`read/relative.py`, `read/prose.py`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.beforetitle import before
from tdd_snippets import read


@pytest.mark.parametrize(
    "title",
    [
        "Where we started",
        "Where things stood",
        "Starting point",
        "Our starting position",
        "Point of departure",
        "What they started with",
        "What did the new platform replace?",
        "What does Sourcegraph replace?",
        "What it replaces",
        "What Sourcegraph supersedes",
        "Systems being replaced",
        "Tools to be retired",
        "What we had",
    ],
)
def test_a_title_of_the_starting_point_or_of_what_is_replaced_is_before_the_move(title: str) -> None:
    assert before(title)


@pytest.mark.parametrize(
    "title",
    [
        "What we built",
        "What replaces Hound?",  # the new system is the subject
        "What will replace OpenGrok",
        "How we started the build",
        "Replacement design",
        "Production (as built)",
        "Where it runs",
    ],
)
def test_a_title_of_the_new_system_or_the_build_is_not(title: str) -> None:
    assert not before(title)


def test_a_question_heading_about_the_replaced_tool_keeps_its_address_out(catalogue: Catalogue) -> None:
    html = (
        "<h2>What does the new search replace?</h2>"
        "<p>Livegrep on one VM (16 vCPU, 64 GB). Address was https://livegrep.example.org.</p>"
        "<h2>Where does it run?</h2>"
        "<p>One VM with 32 vCPU and 128 GB, at https://code.example.org.</p>"
    )
    got = read(html, catalogue)
    assert got["instance_url"] == ["https://code.example.org"]
    assert got["total_cpu"] == ["32"]


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        (
            "The hardware team delivered the VM on 3 March 2026 and I began the installation that day.",
            "2026-03-03",
        ),
        (
            "Access to the cluster came through on 11 Jun 2026; the production build started the same day.",
            "2026-06-11",
        ),
        (
            "On 2 February 2026 the nodes were ready and we kicked off the production install that morning.",
            "2026-02-02",
        ),
        ("Credentials arrived 9 Sep 2026, and the deployment work started later that day.", "2026-09-09"),
    ],
)
def test_a_build_started_that_day_takes_the_day_of_its_sentence(
    sentence: str, start: str, catalogue: Catalogue
) -> None:
    assert read(f"<p>{sentence}</p>", catalogue).get("start_date") == [start]


def test_a_later_event_that_day_is_no_start(catalogue: Catalogue) -> None:
    got = read(
        "<p>The nodes were handed over on 3 March 2026 and the licence key expired that day.</p>", catalogue
    )
    assert "start_date" not in got


@pytest.mark.parametrize(
    ("entries", "start", "done"),
    [
        (
            [
                "<b>Tue 3 March 2026.</b> Infra gave us the namespace. Production installation started.",
                "<b>27 March 2026.</b> All checks passed. Production signed off by the customer.",
            ],
            "2026-03-03",
            "2026-03-27",
        ),
        (
            [
                "5 Oct 2026. The hosting team handed over the VMs; I began the production build.",
                "19 Oct 2026. Go-live. DNS switched, implementation complete.",
            ],
            "2026-10-05",
            "2026-10-19",
        ),
    ],
)
def test_a_log_entry_opened_by_a_date_of_its_own_dates_its_sentences(
    entries: list[str], start: str, done: str, catalogue: Catalogue
) -> None:
    got = read("<h2>Diary</h2>" + "".join(f"<p>{e}</p>" for e in entries), catalogue)
    assert got.get("start_date") == [start]
    assert got.get("completion_date") == [done]


def test_a_date_opening_a_longer_sentence_is_no_entry_day(catalogue: Catalogue) -> None:
    html = "<p>12 May 2026 was the rehearsal date agreed with the team. Production installation started.</p>"
    assert "start_date" not in read(html, catalogue)


@pytest.mark.parametrize(
    "heading",
    [
        "Out of scope",
        "Not in scope",
        "Not connected (yet)",
        "Hosts not yet indexed",
        "Excluded for now",
        "Deferred",
        "Section 4: Not connected (yet)",
        "4.2 — Out of scope",
    ],
)
def test_a_heading_that_is_the_verdict_on_what_it_lists_puts_its_hosts_and_counts_out(
    heading: str, catalogue: Catalogue
) -> None:
    html = (
        "<h2>Code hosts</h2><p>GitLab self-managed with 1,300 projects.</p>"
        f"<h2>{heading}</h2>"
        "<p>Research keeps roughly 250 repositories on Bitbucket Cloud; they may follow next year.</p>"
    )
    got = read(html, catalogue)
    assert got["code_hosts"] == ["GitLab Self-Managed"]
    assert got["repositories"] == ["1300"]


@pytest.mark.parametrize("heading", ["Scope", "In scope", "In and out of scope", "Connected code hosts"])
def test_a_heading_of_the_scope_itself_keeps_its_hosts(heading: str, catalogue: Catalogue) -> None:
    html = f"<h2>{heading}</h2><p>GitLab self-managed: 1,300 projects; Bitbucket Cloud: 250 repos.</p>"
    assert read(html, catalogue)["repositories"] == ["1550"]


@pytest.mark.parametrize(
    "aside",
    [
        "(groups: platform, mobile, attic excluded)",
        "(forks and mirrors not indexed)",
        "(personal namespaces left out)",
        "(orgs: web, data; archived org not synced)",
    ],
)
def test_an_aside_denying_a_part_of_its_own_leaves_the_host_connected(
    aside: str, catalogue: Catalogue
) -> None:
    html = f"<ul><li>GitLab self-managed with 900 projects {aside}</li><li>Gerrit with 350 repos</li></ul>"
    got = read(html, catalogue)
    assert got["code_hosts"] == ["GitLab Self-Managed, Gerrit"]
    assert got["repositories"] == ["1250"]


@pytest.mark.parametrize(
    "aside",
    [
        "(not connected yet)",
        "(repositories not yet indexed)",
        "(it is excluded for now)",
        "(currently out of scope)",
    ],
)
def test_an_aside_denying_the_host_itself_still_does(aside: str, catalogue: Catalogue) -> None:
    html = f"<ul><li>GitLab self-managed {aside} with 900 projects</li><li>Gerrit with 350 repos</li></ul>"
    assert read(html, catalogue)["code_hosts"] == ["Gerrit"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tranche 2 (finance): 880 repositories moved over the weekend.",
        "In the first batch we cloned 1,150 repositories.",
        "Cohort B — 420 repos re-cloned from the new host.",
        "Round III brought 275 repositories across.",
    ],
)
def test_one_batch_of_a_migration_counts_no_total(sentence: str, catalogue: Catalogue) -> None:
    html = f"<h2>Log</h2><p>{sentence}</p><h2>Estate</h2><p>Sourcegraph indexes 3,050 repositories.</p>"
    assert read(html, catalogue)["repositories"] == ["3050"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Once all four tranches were through, 3,050 repositories were indexed.",
        "Batches 1 to 3 together: 3,050 repositories.",
        "We index 3,050 repositories.",
    ],
)
def test_a_count_of_all_batches_is_the_total(sentence: str, catalogue: Catalogue) -> None:
    assert read(f"<p>{sentence}</p>", catalogue)["repositories"] == ["3050"]


def test_a_batch_naming_its_hosts_still_gives_their_parts(catalogue: Catalogue) -> None:
    html = "<p>Batch 1: GitLab self-managed, 1,900 projects. Batch 2: Perforce, 60 depots.</p>"
    assert read(html, catalogue)["repositories"] == ["1960"]


@pytest.mark.parametrize(
    "note",
    [
        "Not a limit, for information: the lab group (roughly 120 people) could join in 2028.",
        "This is no hard cap: about 300 contractors may get accounts.",
        "Not a ceiling but worth knowing: the Zurich office (around 90 engineers) may follow.",
    ],
)
def test_a_limit_word_denied_makes_no_limit(note: str, catalogue: Catalogue) -> None:
    html = f"<h2>Agreed limits</h2><p>Licensed for 800 users and 4,000 repositories. {note}</p>"
    got = read(html, catalogue)
    assert got["max_users"] == ["800"]
    assert got["max_repositories"] == ["4000"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The merged licence covers 1,600 seats; the three former licences covered 1,750 between them.",
        "Both old contracts (two licences, 900 and 850 users) end in June; the new one is for 1,600 users.",
    ],
)
def test_a_handful_of_licences_counts_agreements_not_seats(sentence: str, catalogue: Catalogue) -> None:
    assert "3" not in read(f"<h2>Licensing</h2><p>{sentence}</p>", catalogue).get("max_users", [])
    assert "2" not in read(f"<h2>Licensing</h2><p>{sentence}</p>", catalogue).get("max_users", [])
