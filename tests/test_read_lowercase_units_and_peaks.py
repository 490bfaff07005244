"""TDD reader: sizes written with their unit in lower case (`128 gib`, `~2.4 gb`, terse notes writing
every word in lower case), and a peak or average the running machine reached (`memory: peak so far
71 GiB`): a measurement of the load, never the machine's memory or disk."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import shapes, usage
from tdd_snippets import read, table


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("32 vcpu / 128 gib", ["128 GiB"]),
        ("biggest ~2.4 gb, ~260 gb on disk", ["2.4 GB", "260 GB"]),
        ("data 1,500 gb + root 200 gb", ["1500 GB", "200 GB"]),
        ("a 2 tb volume", ["2 TB"]),
    ],
)
def test_a_lower_case_unit_is_the_unit(text: str, want: list[str]) -> None:
    assert [m.value for m in shapes.sizes(text)] == want


@pytest.mark.parametrize(
    "text",
    [
        "a 10 gb/s uplink",  # a rate
        "100 mbps to the office",  # a rate
        "a 10 Gb link",  # bits, a network's (mixed case)
        "the node-100gbx label",  # a word's part
    ],
)
def test_a_lower_case_unit_is_no_rate_nor_bits(text: str) -> None:
    assert list(shapes.sizes(text)) == []


def test_a_terse_lower_case_fact_table_gives_its_memory_and_repository_sizes(catalogue: Catalogue) -> None:
    html = (
        "<h2>prod</h2>"
        + table(
            ("instance", "1 × m6i.8xlarge"), ("vcpu / mem", "32 vcpu, 128 gib"), ("total disk", "1,700 gb")
        )
        + "<h2>code hosts</h2><p>780 repos, no monorepos, biggest ~2.4 gb, ~260 gb on disk</p>"
    )
    got = read(html, catalogue)
    assert got.get("total_memory_gb") == ["128 GiB"]
    assert got.get("largest_repo_mb") == ["2.4 GB"]
    assert got.get("total_repo_size_gb") == ["260 GB"]


@pytest.mark.parametrize(
    "value",
    [
        "peak so far 71 GiB (full re-index after the migration). fine.",
        "peak so far 71 gib (full re-index). fine.",
        "observed peak of 71 GiB",
        "average 40 GiB over the week",
        "high-water mark: 90 GiB",
    ],
)
def test_a_peak_or_average_seen_is_no_memory(value: str) -> None:
    assert usage.only_readings(value)
    assert usage.capacities(value, list(shapes.sizes(value))) == []


def test_a_capacity_beside_its_peak_is_the_capacity() -> None:
    value = "128 GiB (peak usage 71 GiB)"
    assert not usage.only_readings(value)
    assert [m.value for m in usage.capacities(value, list(shapes.sizes(value)))] == ["128 GiB"]
    assert not usage.only_readings("128 GiB, sized for the peak")


def test_a_memory_label_giving_a_peak_states_no_memory(catalogue: Catalogue) -> None:
    html = (
        "<h2>prod</h2>"
        + table(("instance", "1 × m6i.8xlarge"), ("vcpu / mem", "32 vCPU, 128 GiB"))
        + "<h2>sizing</h2><p>memory: peak so far 71 GiB (full re-index after the migration). fine.</p>"
    )
    assert read(html, catalogue).get("total_memory_gb") == ["128 GiB"]
    alone = "<h2>sizing</h2><p>memory: peak so far 71 gib (full re-index after the migration). fine.</p>"
    assert "total_memory_gb" not in read(alone, catalogue)


# A count one code host alone is named before is that host's, though a weak word (synced, indexed) follows.
_HOSTS = (
    "<h2>Repositories</h2><p>Bitbucket Data Center is the big one: 1,870 repositories synced through a "
    "read-only service account. Gerrit holds the modelling code, 240 repositories.{}</p>"
)


@pytest.mark.parametrize("close", [" So 2,110 repositories altogether.", ""])
def test_a_hosts_synced_count_is_its_part_not_the_total(close: str, catalogue: Catalogue) -> None:
    got = read(_HOSTS.format(close), catalogue)
    assert "1870" not in got.get("repositories", [])


def test_a_synced_count_of_all_hosts_or_of_none_is_still_the_total(catalogue: Catalogue) -> None:
    both = "<p>GitHub and GitLab together: 3,000 repositories synced.</p>"
    assert read(both, catalogue).get("repositories") == ["3000"]
    none = "<p>We have 2,400 repositories synced today.</p>"
    assert read(none, catalogue).get("repositories") == ["2400"]
