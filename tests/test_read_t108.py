"""Operations runbooks and handbooks (blind 108): the rules that read a manual handed to operators."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.runbook import operating_manual
from handoff.read.tdd import html_document
from tdd_snippets import read, table

_STATE = "<h1>Current state</h1>" + table(
    ("Item", "Value"),
    ("Instance", "1 × r6i.8xlarge"),
    ("CPU / memory", "32 vCPU / 256 GiB"),
)


def test_a_runbooks_current_state_is_production(catalogue: Catalogue) -> None:
    html = '<p class="title">Sourcegraph operations handbook</p><h1>P1. Check health</h1><p>Open it.</p>'
    got = read(html + _STATE, catalogue)
    assert got["instance_types"] == ["1 × r6i.8xlarge"]
    assert got["total_cpu"] == ["32"]


def test_a_run_book_tab_title_makes_a_manual() -> None:
    doc = html_document("<html><body><h1>Run book</h1><p>Steps.</p><h1>Current state</h1></body></html>")
    assert operating_manual(doc)


def test_a_migration_designs_current_state_stays_the_old_system(catalogue: Catalogue) -> None:
    html = '<p class="title">Sourcegraph handbook</p><h1>Target state</h1><p>Kubernetes.</p>'
    got = read(html + _STATE, catalogue)
    assert "instance_types" not in got
    assert "total_cpu" not in got


def test_a_design_without_a_manual_title_keeps_current_state_out(catalogue: Catalogue) -> None:
    html = '<p class="title">Technical design</p><h1>Proposed design</h1><p>Kubernetes.</p>'
    got = read(html + _STATE, catalogue)
    assert "instance_types" not in got


def test_a_restore_test_dated_in_its_label_is_another_environment(catalogue: Catalogue) -> None:
    html = (
        "<h1>Back up and restore</h1><p>Restore test, 8 July 2026: launched as a separate instance "
        "(r6i.4xlarge, 16 vCPU / 128 GiB), reachable at https://sg-restoretest.acme.example.</p>"
    )
    got = read(html, catalogue)
    assert "instance_url" not in got
    assert "total_cpu" not in got


def test_an_alert_table_gives_no_sizes(catalogue: Catalogue) -> None:
    html = "<h1>Production</h1><p>Disk: 3,100 GiB in total.</p>" + table(
        ("Alert", "Condition", "Action"),
        ("GitserverDiskFilling", "gitserver PVC > 80% of 1,000 GiB", "Page; grow the volume"),
        ("MemHigh", "node memory > 85% of 64 GiB", "Add a node"),
    )
    got = read(html, catalogue)
    assert got["total_disk_gb"] == ["3100 GiB"]
    assert "total_memory_gb" not in got


def test_a_log_table_under_when_and_who_is_still_read(catalogue: Catalogue) -> None:
    html = "<h1>Build log</h1>" + table(
        ("When", "Who", "What"),
        ("2026-07-13", "P. R.", "Production build started"),
        ("2026-07-31", "P. R.", "Production build done"),
    )
    got = read(html, catalogue)
    assert got["start_date"] == ["2026-07-13"]


def test_a_line_of_an_alerts_condition_gives_no_size(catalogue: Catalogue) -> None:
    html = (
        "<h1>Environment facts</h1><p>VM size: 32 vCPU, 128 GB RAM</p>"
        "<h1>Thresholds</h1><p>Memory: WARN when available falls below 16 GB.</p>"
        "<p>PAGE when /data is above 80% (2 TB of 2.5 TB).</p>"
    )
    got = read(html, catalogue)
    assert got["total_memory_gb"] == ["128 GB"]
    assert "total_disk_gb" not in got


def test_none_of_a_failing_subset_is_no_count(catalogue: Catalogue) -> None:
    html = (
        "<h1>Daily checks</h1><p>Site admin → Repositories: no repositories in failed to clone for more "
        "than a day.</p><p>Monorepos: none</p>"
    )
    got = read(html, catalogue)
    assert "repositories" not in got
    assert got["monorepos"] == ["0"]


def test_a_bound_per_page_is_no_repository_limit(catalogue: Catalogue) -> None:
    html = "<h1>Known issues</h1><p>Gitea's API returns at most 50 repositories per page.</p>"
    assert "max_repositories" not in read(html, catalogue)


def test_a_sentence_summing_up_after_sourcegraphs_gives_its_total(catalogue: Catalogue) -> None:
    html = "<h1>Machines</h1><p>Sourcegraph runs on 3 × Standard_E16s_v5. Together that is 48 vCPU.</p>"
    assert read(html, catalogue)["total_cpu"] == ["48"]


def test_what_the_cluster_would_have_at_its_maximum_is_no_size(catalogue: Catalogue) -> None:
    html = (
        "<h1>Machines</h1><p>The pool runs 3 × Standard_E16s_v5 with min 3 and max 6, so you may see up to "
        "6 E16s nodes during a re-index.</p><p>At the maximum of 6 the cluster would have 96 vCPU.</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × Standard_E16s_v5"]
    assert "total_cpu" not in got


def test_a_papers_sign_off_is_not_the_builds_completion(catalogue: Catalogue) -> None:
    html = (
        "<h1>The build</h1><p>I started the production build on 19 January 2026 after the design sign-off "
        "on 12 January. Code hosts were connected on 28 January, and Maartje signed production off as "
        "complete on 13 February 2026.</p>"
    )
    got = read(html, catalogue)
    assert got["start_date"] == ["2026-01-19"]
    assert "2026-01-12" not in got.get("completion_date", [])


def test_only_the_alerting_sentence_of_a_paragraph_is_left_out(catalogue: Catalogue) -> None:
    html = "<h1>Health</h1><p>Production has 48 vCPU. An alert fires when CPU is above 80% of 64 vCPU.</p>"
    assert read(html, catalogue)["total_cpu"] == ["48"]


def test_an_on_call_guide_and_standard_operating_procedures_are_manuals() -> None:
    for title in ("Sourcegraph on-call guide", "Standard operating procedures", "SOP: code search"):
        doc = html_document(f'<html><body><p class="title">{title}</p><h1>Current state</h1></body></html>')
        assert operating_manual(doc), title
    assert not operating_manual(html_document("<html><body><h1>Secrets with sops</h1></body></html>"))


def test_a_go_live_ahead_of_plan_is_still_the_completion(catalogue: Catalogue) -> None:
    html = "<h1>Production</h1><p>20 March 2026: ahead of plan went live.</p>"
    assert read(html, catalogue)["completion_date"] == ["2026-03-20"]
