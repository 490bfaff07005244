"""Values over time: what a later statement does to an earlier one, DR roles scoping machines, and
the build's dates told as events. A snippet of a TDD in, the production values out.

Each rule is also exercised by a corpus document (tests/fixtures/tdd_corpus, see its README).
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read, table


def test_a_month_abbreviated_with_a_full_stop_does_not_end_the_sentence(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>prd stood up Sept. 14th 2026, signed off Sept. 25th 2026 by the board.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-09-14"]
    assert got["completion_date"] == ["2026-09-25"]


def test_from_after_a_date_starts_nothing(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>Infrastructure: build started 2026-09-28, completed 2026-10-09.</p>"
        "<p>Dropped on 20 Oct: blue re-indexes from scratch.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-09-28"]


def test_a_unit_before_brackets_is_never_learnt_as_an_environment(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>total storage: 3,500 GB</p>"
        "<h2>Warm standby</h2><p>storage: 3,000 GB (index rebuilt after failover)</p>",
        catalogue,
    )
    assert got["total_disk_gb"] == ["3500 GB"]


def test_machines_counted_with_a_noun_before_the_times_sign(catalogue: Catalogue) -> None:
    got = read("<h2>Production</h2><p>node group sg-general : 6 nodes × m6i.4xlarge</p>", catalogue)
    assert got["instance_types"] == ["6 × m6i.4xlarge"]


def test_machines_counted_in_words_and_digits_as_a_contract_writes_them(catalogue: Catalogue) -> None:
    got = read(
        "<p>3.2.2 Production compute comprises three (3) Standard_E16s_v5 nodes and two (2) "
        "Standard_D8s_v5 nodes.</p>",
        catalogue,
    )
    assert got["instance_types"] == ["3 × Standard_E16s_v5, 2 × Standard_D8s_v5"]


def test_the_result_of_a_product_is_the_cpu_total(catalogue: Catalogue) -> None:
    got = read("<h2>Production</h2><p>vCPU : 6 nodes × 16 vCPU = 96 vCPU</p>", catalogue)
    assert got["total_cpu"] == ["96"]


def test_a_total_its_label_names_beats_the_sums_of_its_parts(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>gitserver volumes : 4 × 750 GB gp3 = 3,000 GB</p>"
        "<p>other volumes : pgsql, zoekt = 500 GB</p><p>total storage : 3,000 + 500 = 3,500 GB</p>",
        catalogue,
    )
    assert got["total_disk_gb"] == ["3500 GB"]


def test_a_count_changed_on_its_own_replaces_the_machines_and_keeps_their_environment(
    catalogue: Catalogue,
) -> None:
    got = read(
        "<ul><li>22 Jun 2026 — Build of prod-1 begins: Terraform creates the production cluster with a "
        "user node pool of 3 × Standard_E16s_v5.</li>"
        "<li>10 Jul 2026 — User node pool scaled from 3 to 4 × Standard_E16s_v5 after the load test.</li>"
        "<li>4 Jun 2026 — first sizing: 2 × Standard_D16s_v5.</li></ul>",
        catalogue,
    )
    assert got["instance_types"][0] == "4 × Standard_E16s_v5"
    assert "3 × Standard_E16s_v5" not in got["instance_types"]


def test_a_date_the_value_calls_a_forecast_gives_way_to_an_actual_one(catalogue: Catalogue) -> None:
    got = read(
        "<p>Milestone M2 (production infrastructure) was completed and accepted on 7 August 2026.</p>"
        "<table><tr><td><p>Milestone</p></td><td><p>As delivered</p></td></tr>"
        "<tr><td><p>M3 Hypercare end</p></td><td><p>4 September 2026 (forecast)</p></td></tr></table>",
        catalogue,
    )
    assert got["completion_date"] == ["2026-08-07"]


def test_a_date_whose_sentence_names_no_build_gives_way_to_the_builds(catalogue: Catalogue) -> None:
    got = read(
        "<p>The Tier-1 infrastructure was built between 21.09.2026 and 09.10.2026. Processing of real "
        "personal data started with the opening to all developers on 19.10.2026.</p>"
        "<table><tr><td><p>Role</p></td><td><p>Decision</p></td><td><p>Date</p></td></tr>"
        "<tr><td><p>Business owner</p></td><td><p>Residual risks accepted</p></td>"
        "<td><p>28.10.2026</p></td></tr></table>",
        catalogue,
    )
    assert set(got["start_date"]) == {"2026-09-21"}
    assert set(got["completion_date"]) == {"2026-10-09"}


def test_a_start_after_the_builds_completion_is_a_later_activity(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p>Build complete on 9 Oct 2026.</p><p>Cluster provisioned 28 Sep 2026.</p>"
        "<p>Re-indexing of the cluster started on 20 Oct 2026.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-09-28"]


def test_a_sentence_pointing_back_dates_its_event_by_the_sentence_before(catalogue: Catalogue) -> None:
    got = read(
        "<p>Run #41 was planned on 12 May 2026, approved by two reviewers and applied the same morning. "
        "This was the start of the production build.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-05-12"]


def test_a_machine_that_went_up_started_the_build(catalogue: Catalogue) -> None:
    got = read(
        "<p>The production VM went up on Wednesday 7 October 2026, and the platform team signed the build "
        "off as complete on Friday 16 October 2026.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-10-07"]
    assert got["completion_date"] == ["2026-10-16"]


def test_the_primary_site_is_production_and_the_secondary_site_is_not(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Primary site (Frankfurt)</h2><p>Machines: 4 × m6i.4xlarge</p>"
        "<h2>Secondary site (Dublin)</h2><p>Machines: 2 × m6i.4xlarge</p>"
        "<p>The primary region serves all users; the secondary region keeps 1 × m6i.4xlarge warm.</p>",
        catalogue,
    )
    assert got["instance_types"] == ["4 × m6i.4xlarge"]


def test_of_entries_opening_with_dates_the_latest_states_the_current_figure(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><p><b>12 May 2026</b> — Disk: 2 TB of gp3.</p>"
        "<p><b>20 June 2026</b> — Disk: 3 TB of gp3 after the resize.</p>",
        catalogue,
    )
    assert got["total_disk_gb"] == ["3 TB"]


def test_a_year_from_the_heading_dates_entries_written_without_one(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production — May 2026</h2><ul><li>12 May — 3 × m6i.4xlarge in the node group.</li>"
        "<li>29 May — 4 × m6i.4xlarge in the node group after the load test.</li></ul>",
        catalogue,
    )
    assert got["instance_types"] == ["4 × m6i.4xlarge"]


def test_build_dates_are_no_entries_of_their_own_field(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Production</h2><ul><li>22 Jun 2026 — Build of the cluster begins.</li>"
        "<li>14 Jul 2026 — Build complete and signed off.</li></ul>",
        catalogue,
    )
    assert got["start_date"] == ["2026-06-22"]
    assert got["completion_date"] == ["2026-07-14"]


def test_a_count_in_words_and_digits_counts_monorepos(catalogue: Catalogue) -> None:
    got = read("<p>4.1.3 Of the repositories in clause 4.1.1, two (2) are monorepos.</p>", catalogue)
    assert got["monorepos"] == ["2"]


def test_a_column_named_for_a_url_but_holding_one_among_prose_is_no_url_column(
    catalogue: Catalogue,
) -> None:
    got = read(
        table(
            ("Wave", "Who", "Instance", "Dates"),
            (
                "0, pilot",
                "20 volunteers",
                "Pilot VM, https://sg-pilot.example.energy",
                "4 May 2026 to 15 May 2026",
            ),
            (
                "Production build",
                "Platform",
                "Production VM as in section 2",
                "18 May 2026 (start) to 29 May 2026 (production infrastructure complete)",
            ),
            ("1", "Grid teams", "Production", "8 June 2026"),
        ),
        catalogue,
    )
    assert "instance_url" not in got
    assert set(got["start_date"]) == {"2026-05-18"}
    assert set(got["completion_date"]) == {"2026-05-29"}


def test_a_beta_is_a_pre_release_environment_like_a_pilot(catalogue: Catalogue) -> None:
    got = read(
        "<h2>First, a thank-you to the beta crew</h2>"
        "<p>The beta ran on one Standard_D8s_v5 with a 1 TB disk.</p>"
        "<h2>Under the hood</h2><p>Production is one Standard_E32s_v5 with a 4 TB data disk.</p>",
        catalogue,
    )
    assert got["total_disk_gb"] == ["4 TB"]


def test_acc_names_the_acceptance_environment_even_alone(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>prd = PROD-EU = https://sg.example-bank.eu, the one developers use.</li>"
        "<li>acc = https://sg-acc.example-bank.eu, 1 × m6i.2xlarge, a subset of the repositories.</li></ul>",
        catalogue,
    )
    assert got["instance_url"] == ["https://sg.example-bank.eu"]
    assert "instance_types" not in got


def test_a_pre_live_copy_is_not_production(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>Provision Live EKS node group (6 × m6i.4xlarge)</li>"
        "<li>Provision Pre-live EKS node group (2 × m6i.2xlarge)</li></ul>",
        catalogue,
    )
    assert got["instance_types"] == ["6 × m6i.4xlarge"]
