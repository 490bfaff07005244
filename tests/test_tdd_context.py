"""TDD reader, environment and context: which values are the current production state.

Environment names a document declares for itself, sites that are not production (DR, sandbox,
pre-prod), quoted older messages, and asides that name another environment.
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.envwords import Environments
from handoff.read.tdd import html_document, read_document


def sections(html: str, catalogue: Catalogue, name: str) -> list[tuple[str, str]]:
    """(section, value) of every value read for field `name`."""
    reading = read_document(html_document(html), catalogue)
    return [(v.section, v.value or v.text) for v in reading.values if v.field == name]


def test_a_document_declares_its_environment_names(catalogue: Catalogue) -> None:
    env = Environments(catalogue)
    learned = env.learn("Legend: KX1 = production cluster. The acceptance sandbox (ACZ) is small. "
                        "eu-hot-2 is a warm standby for disaster recovery.")  # fmt: skip
    assert learned == {"KX1": "production", "ACZ": "trial", "eu-hot-2": "trial"}
    assert env.named("KX1 sizing") == "production" and env.named("ACZ") == "trial"


def test_a_common_word_is_never_learnt_as_an_environment(catalogue: Catalogue) -> None:
    env = Environments(catalogue)
    assert env.learn("IT is a trial of patience. RE: production sizing. APPROVED: production.") == {}
    assert env.named("IT Operations") == ""


@pytest.mark.parametrize(
    ("heading", "section"),
    [("PRD", "production"), ("prod-eu", "production"), ("GA", "production"), ("pre-prod", "trial"),
     ("Sandbox", "trial"), ("SBX", "trial"), ("UAT", "trial"), ("DR site", "trial"),
     ("Disaster recovery (dr-eu)", "trial"), ("Legacy search service", "trial"),
     ("Options considered", "trial"), ("Lessons learned", "trial")],
)  # fmt: skip
def test_environment_names_by_meaning(catalogue: Catalogue, heading: str, section: str) -> None:
    html = f"<h2>{heading}</h2><p>Total CPU: 48 vCPU</p>"
    assert sections(html, catalogue, "total_cpu") == [(section, "48")]


def test_a_hyphenated_name_holding_an_earlier_word_is_a_name(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>The largest repository is legacy-erp at 7.8 GB.</p>"
    assert sections(html, catalogue, "largest_repo_mb") == [("production", "7.8 GB")]


def test_quoted_lines_of_an_older_message_are_not_the_current_state(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Total CPU: 64 vCPU</p>"
        "<p>&gt; Earlier: we could start with 96 vCPU in total.</p>"
    )
    assert sections(html, catalogue, "total_cpu") == [("production", "64"), ("trial", "96")]


def test_an_aside_in_brackets_does_not_move_a_labelled_value(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>Repositories: 1,900 (80 of them legacy repositories kept read-only)</p>"
    assert sections(html, catalogue, "repositories") == [("production", "1900")]


def test_a_correcting_block_replaces_the_earlier_figure(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Cluster is up: 6 × m7i.4xlarge, 96 vCPU.</p>"
        "<p>Correction: it is 5 nodes, so 5 × m7i.4xlarge and 80 vCPU.</p>"
    )
    assert sections(html, catalogue, "total_cpu") == [("production", "80")]
    assert sections(html, catalogue, "instance_types") == [("production", "5 × m7i.4xlarge")]


def test_a_recommendation_is_not_what_was_built(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>We recommend 4 × m6i.4xlarge as a starting point.</p>"
    assert sections(html, catalogue, "instance_types") == []


def test_a_stated_total_beats_its_parts_in_one_text(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2>"
        "<p>Storage: gitserver is 4 × 400 GiB PVCs plus the databases; 2 TiB of gp3 in total.</p>"
    )
    assert sections(html, catalogue, "total_disk_gb") == [("production", "2 TiB")]


def test_a_subtotal_per_environment_and_never_the_grand_total(catalogue: Catalogue) -> None:
    html = (
        "<h2>Servers</h2><table>"
        "<tr><td rowspan='2'>Env</td><td colspan='2'>VM</td><td colspan='2'>Role total</td></tr>"
        "<tr><td>Size</td><td>Qty</td><td>vCPU</td><td>RAM (GB)</td></tr>"
        "<tr><td rowspan='3'>Prod</td><td>m6i.4xlarge</td><td>3</td><td>48</td><td>192</td></tr>"
        "<tr><td>m6i.xlarge</td><td>4</td><td>16</td><td>64</td></tr>"
        "<tr><td>Prod total</td><td>7</td><td>64</td><td>256</td></tr>"
        "<tr><td rowspan='2'>QA</td><td>m6i.xlarge</td><td>1</td><td>4</td><td>16</td></tr>"
        "<tr><td>QA total</td><td>1</td><td>4</td><td>16</td></tr>"
        "<tr><td>All environments</td><td></td><td>8</td><td>68</td><td>272</td></tr></table>"
    )
    assert sections(html, catalogue, "instance_types") == [("production", "3 × m6i.4xlarge, 4 × m6i.xlarge")]
    assert sections(html, catalogue, "total_cpu")[0] == ("production", "64")
    assert all(value != "68" for _, value in sections(html, catalogue, "total_cpu"))


def test_a_full_width_row_heads_the_rows_below_it(catalogue: Catalogue) -> None:
    html = (
        "<table><tr><td>Item</td><td>Value</td></tr><tr><td>Sandbox</td><td></td></tr>"
        "<tr><td>URL</td><td>https://sbx.example.com</td></tr><tr><td>Production</td><td></td></tr>"
        "<tr><td>URL</td><td>https://sg.example.com</td></tr></table>"
    )
    assert sections(html, catalogue, "instance_url") == [
        ("trial", "https://sbx.example.com"),
        ("production", "https://sg.example.com"),
    ]


def test_a_code_host_out_of_scope_is_not_connected(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>The Bitbucket Cloud workspace of a supplier is out of scope for search.</p>"
    assert sections(html, catalogue, "code_hosts") == []


def test_a_labelled_count_written_as_parts_then_total_is_the_total(catalogue: Catalogue) -> None:
    html = "<h2>Production</h2><p>Repositories: 1,312 on GitHub.com + 88 in CodeCommit, so 1,400 total</p>"
    assert ("production", "1400") in sections(html, catalogue, "repositories")


@pytest.mark.parametrize(
    ("text", "section"),
    [("Test", "trial"), ("QA / Test", "trial"), ("the test cluster holds 200 repositories", "trial"),
     ("promoted to test on Monday", "trial"), ("a penetration test found nothing", ""),
     ("accepted after the load test window", ""), ("Load testing (Perf)", "trial")],
)  # fmt: skip
def test_a_test_names_an_environment_only_as_a_place(catalogue: Catalogue, text: str, section: str) -> None:
    assert Environments(catalogue).named(text) == section


def test_production_that_passed_a_load_test_stays_production(catalogue: Catalogue) -> None:
    html = "<p>Production passed the load test on 14 May 2026 and was accepted on 20 May 2026.</p>"
    assert sections(html, catalogue, "completion_date") == [("production", "2026-05-20")]


def test_a_request_in_a_question_table_puts_its_reply_in_the_environment_it_names(
    catalogue: Catalogue,
) -> None:
    html = (
        "<table><tr><td>Ref</td><td>Request</td><td>Reply</td></tr>"
        "<tr><td>Q1</td><td>Please describe the staging copy.</td>"
        "<td>Kept for rehearsals ahead of production: 1 × n2-standard-8 (8 vCPU, 32 GB).</td></tr>"
        "<tr><td>Q2</td><td>Is there a UAT instance? If so, list its size.</td>"
        "<td>Yes, built before production existed: 24 vCPU.</td></tr>"
        "<tr><td>Q3</td><td>State the compute of production.</td><td>48 vCPU in total.</td></tr></table>"
    )
    assert sections(html, catalogue, "total_cpu") == [("trial", "8"), ("trial", "24"), ("production", "48")]


def test_a_date_with_its_own_verb_leaves_the_others_out_of_the_topic(catalogue: Catalogue) -> None:
    html = (
        "<p><b>When was it accepted?</b></p>"
        "<p>It went through the load test on 14 May 2026 and was accepted on 20 May 2026.</p>"
    )
    assert sections(html, catalogue, "completion_date") == [("", "2026-05-20")]


def test_a_change_makes_its_from_figure_history_wherever_it_is_written(catalogue: Catalogue) -> None:
    html = (
        "<h2>2.0 (newest first)</h2><ul><li>Node group changed from 4 × c6i.4xlarge to 4 × m6i.4xlarge.</li>"
        "<li>Total production disk is now 3,000 GiB (was 2,100 GiB).</li></ul>"
        "<h2>1.0</h2><ul><li>Node group: 4 × c6i.4xlarge (64 vCPU, 128 GiB).</li>"
        "<li>Persistent volumes: 2,100 GiB in total.</li></ul>"
    )
    assert sections(html, catalogue, "instance_types") == [("", "4 × m6i.4xlarge")]
    assert sections(html, catalogue, "total_disk_gb") == [("production", "3000 GiB")]
    assert sections(html, catalogue, "total_memory_gb") == []  # went with the old machines


def test_a_change_that_keeps_a_figure_keeps_it(catalogue: Catalogue) -> None:
    html = "<p>Production now has 64 vCPU and 256 GiB of memory (was 64 vCPU / 128 GiB).</p>"
    assert sections(html, catalogue, "total_cpu") == [("production", "64")]
    assert sections(html, catalogue, "total_memory_gb") == [("production", "256 GiB")]


def test_a_withdrawn_proposal_gives_way_to_the_final_figures(catalogue: Catalogue) -> None:
    html = (
        "<p>First cut of the node group: 3 × m6i.4xlarge (48 vCPU / 192 GiB). Waiting for review.</p>"
        "<p>The 3-node proposal is withdrawn. Final node group: 4 × m6i.4xlarge.</p>"
    )
    assert sections(html, catalogue, "instance_types") == [("", "4 × m6i.4xlarge")]
    assert sections(html, catalogue, "total_memory_gb") == []


def test_a_date_known_only_by_its_heading_gives_way_to_one_with_a_verb(catalogue: Catalogue) -> None:
    html = (
        "<h2>Go-live</h2><p>Announced to all developers on 10 August 2026.</p>"
        "<h2>Timeline</h2><p>Production was signed off on 31 July 2026.</p>"
    )
    assert sections(html, catalogue, "completion_date") == [("production", "2026-07-31")]


def test_options_are_not_taken_except_the_one_decided(catalogue: Catalogue) -> None:
    html = (
        "<table><tr><td></td><td>Option A — one VM</td><td>Option B — GKE</td></tr>"
        "<tr><td>Machines</td><td>1 × n2-standard-32</td><td>4 × n2-highmem-8</td></tr></table>"
        "<p>Board decision, 28 April: Option B approved. Option A is rejected.</p>"
    )
    assert sections(html, catalogue, "instance_types") == [("trial", "1 × n2-standard-32"),
                                                           ("production", "4 × n2-highmem-8")]  # fmt: skip


def test_options_only_recommended_are_all_not_taken(catalogue: Catalogue) -> None:
    html = (
        "<h3>Variant 1</h3><p>Kubernetes on 3 × m6i.4xlarge.</p>"
        "<h3>Variant 2</h3><p>Docker Compose on 1 × m6i.8xlarge.</p>"
        "<p>We recommend Variant 1.</p>"
    )
    assert {s for s, _ in sections(html, catalogue, "instance_types")} == {"trial"}


def test_a_value_beside_its_source_in_a_label_table(catalogue: Catalogue) -> None:
    html = (
        "<table><tr><td>Input</td><td>Value</td><td>Source</td></tr>"
        "<tr><td>Licensed users (upper limit)</td><td>2,500</td><td>Order form Q-77120</td></tr>"
        "<tr><td>Peak concurrent users to design for</td><td>400</td><td>Agreed with DevEx</td></tr>"
        "<tr><td>Repository ceiling for this design</td><td>6,000</td><td>Agreed 14 Apr</td></tr></table>"
    )
    assert sections(html, catalogue, "max_users") == [("", "2500")]
    assert sections(html, catalogue, "max_concurrent_users") == [("", "400")]
    assert sections(html, catalogue, "max_repositories") == [("", "6000")]


def test_a_date_first_log_line_opened_to_all_is_no_completion(catalogue: Catalogue) -> None:
    html = (
        "<h2>History</h2><ul><li>2026-03-27: accepted by SRE.</li><li>2026-04-06: announced to all.</li></ul>"
    )
    assert sections(html, catalogue, "completion_date") == [("", "2026-03-27")]


def test_a_completion_label_naming_the_infrastructure_beats_a_general_acceptance(
    catalogue: Catalogue,
) -> None:
    html = (
        "<h2>Production</h2><table>"
        "<tr><td>Practical completion (infrastructure)</td><td>16 October 2026</td></tr>"
        "<tr><td>Customer acceptance of the job</td><td>21 October 2026</td></tr></table>"
    )
    assert [v for _, v in sections(html, catalogue, "completion_date")] == ["2026-10-16"]


def test_counts_against_a_technical_limit_are_no_counts(catalogue: Catalogue) -> None:
    html = (
        "<p>Bitbucket hits its rate limit (HTTP 429) after ~200 repositories.</p>"
        "<p>The licence covers up to 5,000 repositories.</p>"
    )
    assert sections(html, catalogue, "max_repositories") == [("", "5000")]
    assert sections(html, catalogue, "repositories") == []


def test_a_setting_commented_out_is_nothing(catalogue: Catalogue) -> None:
    html = "<pre>#  storageSize: 400Gi\ndisk_size: 1800Gi</pre>"
    assert sections(html, catalogue, "total_disk_gb") == [("", "1800 Gi")]


def test_a_comment_after_a_yaml_value_is_not_the_value(catalogue: Catalogue) -> None:
    html = "<pre>sourcegraph:\n  externalURL: https://sg.example.no  # staging: https://sg-stage.example.no</pre>"
    assert sections(html, catalogue, "instance_url") == [("", "https://sg.example.no")]


def test_an_ambiguous_numeric_date_takes_the_documents_order(catalogue: Catalogue) -> None:
    html = "<p>Build started 23/02/2026.</p><p>Production accepted 03/04/2026.</p>"
    assert sections(html, catalogue, "completion_date") == [("production", "2026-04-03")]
    alone = "<p>Production accepted 03/04/2026.</p>"
    assert sections(alone, catalogue, "completion_date") == []


def test_todays_count_in_brackets_belongs_to_its_own_number(catalogue: Catalogue) -> None:
    html = (
        "<p>The licence allows up to 900 users (about 610 active today) "
        "and up to 1,000 repositories (640 today).</p>"
    )
    assert sections(html, catalogue, "max_repositories") == [("", "1000")]
    assert sections(html, catalogue, "repositories") == []


def test_existing_code_hosts_are_the_deployments(catalogue: Catalogue) -> None:
    html = "<h2>Existing code hosts</h2><p>GitHub Enterprise Server with 1,200 repositories.</p>"
    assert sections(html, catalogue, "repositories") == [("", "1200")]
    html = "<h2>Existing search tool</h2><p>Total CPU: 48 vCPU</p>"
    assert sections(html, catalogue, "total_cpu") == [("trial", "48")]
