"""Load-test and performance-test reports (blind set 109): the production build as built, not the
test's rig, load or the size before the decision. Snippets in, values out."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.testrig import rig_spans
from handoff.read.waitedfor import in_time_clause
from tdd_snippets import read


def _items(heading: str, *items: str) -> str:
    return f"<h2>{heading}</h2><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def test_a_provider_type_as_the_value_of_a_machine_label_is_the_machine(catalogue: Catalogue) -> None:
    got = read(_items("prod as built", "machine: 1 × CCX63", "cpu: 48 vCPU"), catalogue)
    assert got.get("instance_types") == ["1 × CCX63"]
    # a count of a token after a label naming no machine is no machine type
    got = read(_items("prod as built", "volumes: 2 × gp3", "cpu: 48 vCPU"), catalogue)
    assert "instance_types" not in got


def test_a_note_line_opening_with_the_build_dates_its_span(catalogue: Catalogue) -> None:
    got = read(_items("tl;dr", "built 2026-11-02 → done 2026-11-13"), catalogue)
    assert got.get("start_date") == ["2026-11-02"]
    assert got.get("completion_date") == ["2026-11-13"]
    # a line opening with another event starts no build
    got = read(_items("tl;dr", "tested 2026-11-02 → done 2026-11-13"), catalogue)
    assert "start_date" not in got


def test_a_users_value_gives_the_concurrent_users_beside_it(catalogue: Catalogue) -> None:
    got = read(_items("prod as built", "user side: 800 users, 120 concurrent"), catalogue)
    assert got.get("max_users") == ["800"]
    assert got.get("max_concurrent_users") == ["120"]


def test_a_host_in_a_clause_of_time_is_no_code_host(catalogue: Catalogue) -> None:
    text = (
        "<h2>Dates</h2><p>Infrastructure started on 2026-10-05; production was complete on 2026-10-23 "
        "after the Perforce depots finished converting.</p>"
    )
    assert "code_hosts" not in read(text, catalogue)
    s = "production was complete after the Perforce depots finished converting"
    assert in_time_clause(s, s.index("Perforce"))
    s = "production was complete once Perforce was connected"  # a verb of connecting: said of the host
    assert not in_time_clause(s, s.index("Perforce"))
    s = "We index GitHub and Perforce"
    assert not in_time_clause(s, s.index("Perforce"))


def test_the_first_machine_before_a_resize_told_elsewhere_is_old(catalogue: Catalogue) -> None:
    text = (
        "<h2>First attempt</h2><p>The VM was first built on 6 July 2026 as a Standard_E16s_v5 "
        "(16 vCPU, 128 GiB).</p>"
        "<h2>Resize</h2><p>On 14 July we stopped the VM and resized it to Standard_E32s_v5.</p>"
        "<h2>As it stands</h2><p>One Standard_E32s_v5 VM runs Sourcegraph with Docker Compose.</p>"
    )
    got = read(text, catalogue)
    assert got.get("instance_types") == ["1 × Standard_E32s_v5"]
    assert "16" not in got.get("total_cpu", [])
    # with no resize told, the first machine is the machine
    text = (
        "<h2>Build</h2><p>The VM was first built on 6 July 2026 as a Standard_E16s_v5 (16 vCPU, 128 GiB).</p>"
    )
    assert read(text, catalogue).get("instance_types") == ["1 × Standard_E16s_v5"]


def test_a_machine_of_another_family_is_not_the_first_machine(catalogue: Catalogue) -> None:
    text = (
        "<h2>Build</h2><p>The search VM was initially a Standard_F8s_v2 (8 vCPU).</p>"
        "<h2>Resize</h2><p>We resized the VM to Standard_E32s_v5.</p>"
    )
    assert read(text, catalogue).get("total_cpu") == ["8"]


def test_production_totals_from_the_size_written_beside_its_type(catalogue: Catalogue) -> None:
    text = (
        "<h2>Resize and re-test</h2><p>We resized the VM to Standard_E32s_v5 "
        "(32 vCPU, 256 GiB of memory).</p>"
        "<h2>The deployment as it stands</h2><p>One Standard_E32s_v5 VM running Docker Compose.</p>"
    )
    got = read(text, catalogue)
    assert got.get("total_cpu") == ["32"]
    assert got.get("total_memory_gb") == ["256 GiB"]
    # a bracket after several machines may be the pool's total: not one machine's size
    text = (
        "<h2>Load test</h2><p>The system under test was 3 × m6i.4xlarge (48 vCPU / 192 GiB).</p>"
        "<h2>Production</h2><p>Production runs on 4 × m6i.4xlarge.</p>"
    )
    assert "total_cpu" not in read(text, catalogue)


def test_machines_in_a_sentence_opening_with_its_condition_are_a_plan(catalogue: Catalogue) -> None:
    text = (
        "<h2>Next</h2><p>If they onboard the pathology division, the next step is a Standard_E48s_v5, "
        "not a second VM.</p>"
    )
    assert "instance_types" not in read(text, catalogue)
    text = "<h2>Production</h2><p>The instance runs on a Standard_E32s_v5 at https://sg.example.com.</p>"
    assert read(text, catalogue).get("instance_types") == ["1 × Standard_E32s_v5"]


def test_a_size_said_used_is_a_measurement(catalogue: Catalogue) -> None:
    text = (
        "<h2>Results</h2><p>Host metrics during the hold: CPU 93 % average, memory 109 GiB used of 128 "
        "(85 %).</p>"
    )
    assert "total_memory_gb" not in read(text, catalogue)
    text = "<h2>Production</h2><p>The VM has 128 GiB of memory.</p>"
    assert read(text, catalogue).get("total_memory_gb") == ["128 GiB"]


def test_a_size_on_gitserver_is_the_repositories(catalogue: Catalogue) -> None:
    text = _items(
        "PROD code hosts and repositories", "Total 4,500 repositories", "Total size on gitserver: 2.3 TB"
    )
    got = read(text, catalogue)
    assert got.get("total_repo_size_gb") == ["2.3 TB"]
    assert "total_disk_gb" not in got
    text = _items("Disks", "Gitserver disk size: 4 TB")
    assert read(text, catalogue).get("total_disk_gb") == ["4 TB"]


def test_the_load_generators_machines_are_not_the_deployment(catalogue: Catalogue) -> None:
    text = (
        "<h2>Production</h2><p>Production runs on 4 × m6i.4xlarge. The k6 load generators ran on "
        "3 × c6i.2xlarge in the same VPC.</p><p>Production runs on 4 × m6i.4xlarge; the load agents on "
        "2 × c6i.2xlarge.</p>"
    )
    assert read(text, catalogue).get("instance_types") == ["4 × m6i.4xlarge", "4 × m6i.4xlarge"]
    assert rig_spans("We generated load with 3 × c6i.2xlarge") == []  # (no rig named: not this rule's)
