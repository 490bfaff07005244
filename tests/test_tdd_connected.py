"""TDD reader, connected code hosts and repository counts counted once.

A host is the deployment's only when its statement (its clause and the clauses after it that speak
of it) does not say it is not connected, only planned, deferred or out of scope; one host's count
written twice is one fact; numbers bound to hosts are parts when a number of the sentence is their
sum; a count whose own note calls it a bound is a limit.
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read import arithmetic, connection
from tdd_snippets import read, table


def test_a_later_sentence_about_the_host_can_say_it_is_not_connected(catalogue: Catalogue) -> None:
    html = (
        "<p>We index 1,200 repositories on GitHub Enterprise Server.</p>"
        "<ul><li>The GitLab.com group acme-oss holds the public SDKs. "
        "The customer decided not to connect it.</li>"
        "<li>Product asked about Bitbucket Cloud for the data team; "
        "not connected, waiting on a review.</li></ul>"
    )
    assert read(html, catalogue)["code_hosts"] == ["GitHub Enterprise Server"]


def test_a_sentence_with_its_own_subject_says_nothing_of_the_host_before_it(catalogue: Catalogue) -> None:
    html = "<p>GitHub Enterprise Server holds 1,200 repositories. Archived repositories are not indexed.</p>"
    got = read(html, catalogue)
    assert got["code_hosts"] == ["GitHub Enterprise Server"]
    assert got["repositories"] == ["1200"]


def test_a_host_to_be_added_later_or_deferred_is_not_connected(catalogue: Catalogue) -> None:
    html = (
        "<p>Code hosts: 2,900 repositories on GitLab.com.</p>"
        "<ul><li>GitHub.com: the open-source tools will probably be added in early 2027.</li>"
        "<li>The target assumed the Perforce depots, which moved to 2027.</li>"
        "<li>Azure DevOps: plan for about 1,100 more repositories next year.</li></ul>"
    )
    got = read(html, catalogue)
    assert got["code_hosts"] == ["GitLab.com"]
    assert got["repositories"] == ["2900"]


def test_a_title_with_a_curly_apostrophe_reads_as_typed_straight(catalogue: Catalogue) -> None:
    html = (
        "<h2>Hosts</h2><p>5,400 repositories from our self-hosted GitLab are indexed.</p>"
        "<h2>What’s next</h2><ul><li>Bitbucket Cloud: 300 repositories.</li></ul>"
    )
    got = read(html, catalogue)
    assert got["code_hosts"] == ["GitLab Self-Managed"]
    assert got["repositories"] == ["5400"]


def test_a_year_in_a_hosts_sentence_is_no_count(catalogue: Catalogue) -> None:
    html = (
        "<ul><li>GitHub.com: the public tools, searched since early 2025.</li><li>GitLab.com: 300 repos</li>"
    )
    assert read(html, catalogue)["repositories"] == ["300"]


def test_one_hosts_count_written_twice_is_counted_once(catalogue: Catalogue) -> None:
    html = (
        "<p>Source code from the self-managed GitLab (1,870 repositories) and Gerrit (95 repositories).</p>"
        "<p>Quellcode aus dem selbst betriebenen GitLab (1.870 Repositories) "
        "und Gerrit (95 Repositories).</p>"
    )
    assert read(html, catalogue)["repositories"] == ["1965"]


def test_numbers_bound_to_hosts_are_parts_when_a_number_is_their_sum(catalogue: Catalogue) -> None:
    got = read("<h2>Production</h2><ul><li>Actual: 3,480 — 2,900 from gitlab.com and 580 from "
               "GitHub Enterprise Server. Score 0.87.</li></ul>", catalogue)  # fmt: skip
    assert got["repositories"] == ["3480"]
    assert read("<ul><li>repos ~2.2k → GHES 1,980 + CodeCommit 240 = 2,220</li></ul>", catalogue)[
        "repositories"
    ] == ["2220"]
    assert "repositories" not in read(
        "<p>Score: 3,480 — 2,900 from gitlab.com and 500 from GHES.</p>", catalogue
    )


def test_a_count_before_a_larger_total_is_a_part_not_a_total_with_its_breakdown(catalogue: Catalogue) -> None:
    html = (
        "<p>GitHub Enterprise Server with 1,310 repositories and Azure DevOps with 290 repositories: "
        "1,600 repositories synchronised and indexed at practical completion.</p>"
    )
    assert read(html, catalogue)["repositories"] == ["1600"]


def test_a_count_whose_own_note_calls_it_a_bound_is_the_limit(catalogue: Catalogue) -> None:
    html = table(
        ("Parameter", "Accepted value", "Note"),
        ("Named users", "1,500", "Licence order LO-5561"),
        ("Concurrent users", "250", "Design basis"),
        ("Repositories", "3,000", "Upper bound of the design; growth above it needs a change order"),
    )
    got = read(html, catalogue)
    assert got["max_repositories"] == ["3000"]
    assert "repositories" not in got
    assert read(table(("Repositories", "1,600"), ("Users", "900")), catalogue)["repositories"] == ["1600"]


def test_the_relation_is_read_from_the_verb_group() -> None:
    assert connection.not_connected("The customer decided not to connect it in this phase.")
    assert connection.not_connected("will probably be added in early 2027")
    assert connection.not_connected("which moved to 2027")
    assert not connection.not_connected("All repositories will be synced every hour.")
    assert not connection.not_connected("We moved to GitLab in 2025.")
    assert arithmetic.stated_sum("a 1,980 + b 240 = 2,220", [(2, 7, "1980"), (12, 15, "240")]) == (
        18,
        23,
        "2220",
    )
    assert arithmetic.stated_sum("a 1,980 + b 240 = 2,221", [(2, 7, "1980"), (12, 15, "240")]) is None


def test_an_approximation_before_a_figure_ends_no_sentence(catalogue: Catalogue) -> None:
    html = "<p>policy-core is also the largest repository overall, with approx. 7,4 GB.</p>"
    assert read(html, catalogue)["largest_repo_mb"] == ["7.4 GB"]


def test_a_count_after_the_group_it_counts_among_is_the_monorepo_count(catalogue: Catalogue) -> None:
    html = "<p>Of the repositories in clause 4.1.1, two (2) are monorepos.</p>"
    assert read(html, catalogue)["monorepos"] == ["2"]


def test_the_only_monorepos_size_is_the_largest_unless_a_largest_is_stated(catalogue: Catalogue) -> None:
    html = "<p>The only monorepo, network-telemetry (about 9.3 GB), took six hours to clone.</p>"
    assert read(html, catalogue)["largest_repo_mb"] == ["9.3 GB"]
    assert read("<ul><li>monorepos: 1 (payments-mono, .git 9.8G)</li></ul>", catalogue)[
        "largest_repo_mb"
    ] == ["9.8 GB"]
    both = html + "<p>The largest repository is web-legacy at 12 GB.</p>"
    assert read(both, catalogue)["largest_repo_mb"] == ["12 GB"]
    two = "<p>Two monorepos: core (7.5 GB) and web (2 GB).</p>"
    assert "largest_repo_mb" not in read(two, catalogue)


def test_a_follow_up_with_a_pronoun_subject_speaks_of_the_host_before_it(catalogue: Catalogue) -> None:
    html = (
        "<p>Everything in our GitHub Enterprise Cloud organisation: 2,450 repositories.</p>"
        "<p>The old Gerrit server still answers. It is read-only since the move to GitHub, "
        "and the guild chose not to index it.</p>"
        "<p>People ask about the Azure Repos project; not connected, "
        "the team moves its code to GitHub first.</p>"
    )
    assert read(html, catalogue)["code_hosts"] == ["GitHub.com"]


def test_the_only_monorepo_as_a_clauses_subject_owns_its_size(catalogue: Catalogue) -> None:
    html = "<p>The only monorepo, litho-control, weighs in at around 11 GB of packed git data.</p>"
    got = read(html, catalogue)
    assert got["largest_repo_mb"] == ["11 GB"]
    assert "total_repo_size_gb" not in got
    assert read("<p>All repositories: 410 GB of git data; one monorepo.</p>", catalogue)[
        "total_repo_size_gb"
    ] == ["410 GB"]


def test_a_label_meaning_a_disk_whose_value_counts_repositories_is_no_disk(catalogue: Catalogue) -> None:
    html = (
        "<p><b>Storage:</b> 2.5 TB on the NetApp array</p>"
        "<p><b>Volume:</b> around 2,300 repositories, with roughly 1.1 TB of git data between them</p>"
    )
    got = read(html, catalogue)
    assert got["total_disk_gb"] == ["2.5 TB"]
    assert got["total_repo_size_gb"] == ["1.1 TB"]
    assert read("<p><b>Volume:</b> 3 TB Premium SSD</p>", catalogue)["total_disk_gb"] == ["3 TB"]


def test_a_host_moved_into_another_is_left_and_the_other_kept(catalogue: Catalogue) -> None:
    got = read(
        "<p>Q: Will you add the GitLab repos from the Lisbon office?</p>"
        "<p>A: Not yet. Lisbon's GitLab.com group is being moved into Azure DevOps first.</p>",
        catalogue,
    )
    assert got["code_hosts"] == ["Azure DevOps"]


def test_a_row_remark_opening_with_its_verb_speaks_of_the_rows_host(catalogue: Catalogue) -> None:
    """`Azure DevOps | – | is not connected, …`: a remark opening with its auxiliary has no subject of
    its own; the row's host is its subject (the same remark with a subject of its own says nothing)."""
    rows = (
        ("Code host", "Repos", "Remarks"),
        ("GitLab Self-Managed", "2,310", "incl. 4 monorepos"),
        ("Azure DevOps (SAP team)", "–", "will not be connected, migration to GitLab by end of Q1/27"),
        ("Gerrit", "–", "is not connected and will be retired"),
        ("GitHub.com", "190", "archived repositories are not indexed"),
    )
    got = read(table(*rows), catalogue)
    assert got["code_hosts"] == ["GitLab Self-Managed, GitHub.com"]


def test_a_host_told_of_as_a_hypothesis_or_a_wish_is_not_connected(catalogue: Catalogue) -> None:
    # a host whose code is searched is told in the indicative; "would" and a wish tell of one that is not
    assert connection.not_connected("Bringing Gerrit in would double the index.")
    assert connection.not_connected("The Perforce depots (~200 repositories) would need another 300 GB.")
    assert connection.not_connected("Data science may also want it searchable next year")
    assert connection.not_connected("the architects wish them indexed before the audit")
    assert not connection.not_connected("GitLab.com is synced hourly, which would otherwise lag.")
    assert not connection.not_connected("Bitbucket Cloud holds 300 repositories, all indexed.")
    html = (
        "<h2>Code hosts</h2><ul><li>GitHub Enterprise Server: 1,200 repositories</li>"
        "<li>Bitbucket Cloud: 310 repositories</li></ul>"
        "<h2>Open points</h2><ul><li>The Perforce depots (~200 repositories) would need another 300 GB.</li>"
        "<li>Old GitLab: the research group may want it searchable (another 90 repositories).</li></ul>"
    )
    got = read(html, catalogue)
    assert got["code_hosts"] == ["GitHub Enterprise Server, Bitbucket Cloud"]
    assert got["repositories"] == ["1510"]
