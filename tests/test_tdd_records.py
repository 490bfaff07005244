"""Records of documents that are not TDDs (decision logs, agreements, test reports): a cell read by
what its column is for (`read.columns`), and limits told from counts of simulated or current users.
A snippet of a document in, the fields out.

Each rule is also exercised by a corpus document (tests/fixtures/tdd_corpus, see its README).
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.columns import kind
from tdd_snippets import read, table


def test_a_column_header_says_its_cells_role() -> None:
    assert kind("Committed ceiling") == "limit"
    assert kind("Requirement") == "limit"
    assert kind("Options on the table") == "options"
    assert kind("Chosen") == "outcome"
    assert kind("Chosen option") == "outcome"
    assert kind("Decision needed") == "question"
    assert kind("Measured") == "observed"
    assert kind("Owner") == ""


def test_a_decision_log_reads_the_decision_not_the_options(catalogue: Catalogue) -> None:
    pools = "6 x n2-standard-16 in europe-west3, 96 vCPU and 384 GB in total."
    got = read(
        table(
            ("Ref", "Date", "Decision needed", "Alternatives", "Decision"),
            ("R1", "3 Mar 2026", "Node pool", "4 x n2-standard-8 / 2 x n2-standard-32", pools),
            ("R2", "9 Mar 2026", "Storage", "1 TB pd-ssd / 2 TB pd-ssd", "Went with 2 TB pd-ssd in total."),
        ),
        catalogue,
    )
    assert got["instance_types"] == ["6 × n2-standard-16"]
    assert got["total_cpu"] == ["96"]
    assert got["total_disk_gb"] == ["2 TB"]


def test_the_question_of_a_decision_row_gives_its_topic(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("#", "Date", "Question", "Outcome"),
            ("1", "2 Feb 2026", "Disk for production?", "800 GB gitserver, 200 GB the rest: 1 TB in all."),
        ),
        catalogue,
    )
    assert got["total_disk_gb"] == ["1 TB"]


def test_a_name_said_dropped_is_not_the_deployment(catalogue: Catalogue) -> None:
    got = read("<p>Helm chart on GKE. Kustomize dropped: the team knows Helm.</p>", catalogue)
    assert got["deployment_type"] == ["Kubernetes with Helm"]


def test_a_limit_column_makes_its_counts_limits(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("Dimension", "Committed ceiling", "Remark"),
            ("Named users", "3,000", "the enterprise agreement"),
            ("Repositories", "9,000", "all code hosts together"),
        ),
        catalogue,
    )
    assert got == {"max_users": ["3000"], "max_repositories": ["9000"]}


def test_a_requirement_column_states_limits_and_a_measured_one_does_not(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("ID", "Requirement", "Measured", "Result"),
            ("N-1", "300 concurrent users at p95 under 2 s", "p95 1.1 s at 300 concurrent users", "PASS"),
        ),
        catalogue,
    )
    assert got == {"max_concurrent_users": ["300"]}


def test_simulated_users_are_no_limit(catalogue: Catalogue) -> None:
    got = read(
        "<p>Licence: 800 users. The VM was sized for 120 concurrent users, which the load test (40 virtual "
        "users) confirmed.</p>",
        catalogue,
    )
    assert got == {"max_users": ["800"], "max_concurrent_users": ["120"]}
    assert read(table(("Scenario", "Virtual users"), ("Ramp", "600")), catalogue) == {}


def test_the_current_count_beside_a_licence_is_no_limit(catalogue: Catalogue) -> None:
    got = read("<p>A licence for 4,000 seats, which leaves room at the current 2,310 users.</p>", catalogue)
    assert got == {"max_users": ["4000"]}
    assert read("<p>The licence leaves room enough at the current 1,180 users.</p>", catalogue) == {}


def test_a_rows_justification_states_its_limits(catalogue: Catalogue) -> None:
    got = read(
        table(
            ("#", "Zone", "Destination", "Port", "Business justification"),
            (
                "R1",
                "Production",
                "https://search.example.io",
                "443",
                "Developer access. Licensed for 1,200 users.",
            ),
            ("R2", "Staging", "https://search-stg.example.io", "443", "Licensed for 50 users."),
        ),
        catalogue,
    )
    assert got["max_users"] == ["1200"]


def test_the_label_before_a_figure_says_it_counts_people_at_once(catalogue: Catalogue) -> None:
    got = read("<p>Entitlement: 750 named users; peak concurrency supported: 120 users</p>", catalogue)
    assert got == {"max_users": ["750"], "max_concurrent_users": ["120"]}


def test_limits_written_in_another_language(catalogue: Catalogue) -> None:
    got = read(
        "<p>Licentie: 900 gebruikers. Het platform is ontworpen voor maximaal 150 gelijktijdige gebruikers "
        "en maximaal 3.000 repositories.</p>",
        catalogue,
    )
    assert got == {"max_users": ["900"], "max_concurrent_users": ["150"], "max_repositories": ["3000"]}
    got = read("<p>Lizenz für 1.500 Benutzer, ausgelegt für bis zu 200 gleichzeitige Nutzer.</p>", catalogue)
    assert got == {"max_users": ["1500"], "max_concurrent_users": ["200"]}
    assert read("<p>Het platform telt nu 640 gebruikers.</p>", catalogue) == {}


def test_a_duration_under_a_label_naming_repositories_is_no_count(catalogue: Catalogue) -> None:
    got = read(
        table(("Measure", "Target"), ("New repository searchable after request", "1 business day")), catalogue
    )
    assert "repositories" not in got


def test_machines_said_outside_the_system_are_not_the_deployments(catalogue: Catalogue) -> None:
    got = read(
        "<p>Sourcegraph runs on 1 × Standard_E32s_v5. Load came from 3 × Standard_D8s_v5 generator VMs; they "
        "were deleted after the test and are not part of the Sourcegraph system.</p>"
        "<p>A bastion host (1 × t3.small) is not part of the deployment.</p>",
        catalogue,
    )
    assert got["instance_types"] == ["1 × Standard_E32s_v5"]


def test_what_a_system_undergoes_is_no_environment(catalogue: Catalogue) -> None:
    got = read("<p>Code under test: 1,158 repositories in total, on GitHub Enterprise Server.</p>", catalogue)
    assert got["repositories"] == ["1158"]


def test_an_instance_code_put_out_of_scope_is_not_production(catalogue: Catalogue) -> None:
    got = read(
        "<p>In scope is the service instance CS-LIVE1, at https://cs.example.org. Out of scope is the "
        "rehearsal instance CS-REH.</p><h2>Annex</h2><p>CS-REH runs on 1 × Standard_D4s_v5 with about 300 "
        "repositories.</p><h2>Build</h2><p>CS-LIVE1 runs on 2 × Standard_E16s_v5.</p>",
        catalogue,
    )
    assert got["instance_types"] == ["2 × Standard_E16s_v5"]
    assert "repositories" not in got


def test_the_larger_of_two_is_the_largest(catalogue: Catalogue) -> None:
    got = read("<p>Two of them are monorepos; the larger, claims-engine, is 14.6 GB.</p>", catalogue)
    assert got == {"monorepos": ["2"], "largest_repo_mb": ["14.6 GB"]}
