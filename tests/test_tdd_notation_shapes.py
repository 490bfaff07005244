"""TDD reader, figures in the shapes tools and reviews write them: the columns of a change
(`Before` beside `Now`), positions named in a header (`min / current / max`), sums written out
(`48 + 32 vCPU`) and one size written twice (`2600Gi (≈ 2.6T)`)."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read import addition, pastcolumns, restated, topics
from tdd_snippets import read, table


def test_the_column_before_a_change_is_history(catalogue: Catalogue) -> None:
    html = table(
        ("Setting", "Previous (to 30 June)", "Current"),
        ("Machines", "4 × m6i.2xlarge", "4 × m6i.4xlarge"),
        ("Disk", "1 TB", "2 TB"),
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["4 × m6i.4xlarge"] and got["total_disk_gb"] == ["2 TB"]
    assert pastcolumns.past("Was") and not pastcolumns.past("Before → now") and not pastcolumns.past("Target")


def test_the_current_of_several_positions_is_the_count(catalogue: Catalogue) -> None:
    html = table(
        ("Pool", "Machine type", "Nodes (min / desired / max)"),
        ("general", "n2-standard-8", "2 / 4 / 10"),
    )
    assert read(html, catalogue)["instance_types"] == ["4 × n2-standard-8"]
    bounds = table(("Pool", "Machine type", "Nodes (min / max)"), ("general", "n2-standard-8", "2 / 10"))
    assert read(bounds, catalogue).get("instance_types") != ["2 × n2-standard-8"]


def test_a_sum_written_out_is_its_total() -> None:
    text = "80 vCPU (48 + 32 vCPU)"
    at = text.index("32")
    assert addition.term(text, at, at + len("32 vCPU"), "vCPU") == ("sum", "80")
    text = "48 vCPU + 32 vCPU"
    assert addition.term(text, 0, len("48 vCPU"), "vCPU") == ("part", "")
    text = "gitserver 3 × 1 TiB + 0.5 TiB"
    at = text.index("0.5")
    assert addition.term(text, at, at + len("0.5 TiB"), "TiB") == ("", "")  # machines' arithmetic


def test_a_size_glossed_in_another_unit_is_one_figure(catalogue: Catalogue) -> None:
    assert restated.restatement("2600Gi (≈ 2.6T)", 6, 10, same_unit=False)
    assert restated.restatement("768 GiB (786,432 MiB)", 7, 9, same_unit=False)
    assert not restated.restatement("2 × 500 GB = 1,000 GB", 10, 13, same_unit=True)
    assert not restated.restatement("4 TB (1 TB for the databases)", 4, 6, same_unit=True)
    got = read("<h2>Storage</h2><p>Total claimed: 2600Gi (≈ 2.6T).</p>", catalogue)
    assert got["total_disk_gb"] == ["2600 Gi"]


def test_a_list_of_sizes_closed_by_its_exact_sum_gives_the_total(catalogue: Catalogue) -> None:
    listed = "EBS (io2): gitserver 2 × 900 GiB, zoekt 400 GiB, the rest 100 GiB — {} here."
    assert read(f"<p>{listed.format('2,300 GiB')}</p>", catalogue)["total_disk_gb"] == ["2300 GiB"]
    assert read(f"<h2>Storage</h2><p>{listed.format('2,300 GiB')}</p>", catalogue)["total_disk_gb"] == [
        "2300 GiB"
    ]
    assert "2000 GiB" not in read(f"<p>{listed.format('2,000 GiB')}</p>", catalogue).get("total_disk_gb", [])


def test_what_is_used_of_a_capacity_is_no_capacity(catalogue: Catalogue) -> None:
    html = table(
        ("Metric", "Value"), ("Disk size", "3 TB"), ("Disk used", "1.2 TB"), ("Memory in use", "90 GiB")
    )
    got = read(html, catalogue)
    assert got["total_disk_gb"] == ["3 TB"] and "total_memory_gb" not in got


def test_a_heading_joining_two_things_is_about_the_amount_it_names() -> None:
    assert topics.heading_topic("5. Storage and private endpoints") == "total_disk_gb"
    assert topics.heading_topic("Storage") == "total_disk_gb"
    assert topics.heading_topic("Endpoints") == "instance_url"
    assert topics.heading_topic("Repositories and code hosts") != "total_disk_gb"
