"""The TDD reader's rules for counting repositories and reading their sizes, one small document each.

Each rule is also exercised by a corpus document (tests/fixtures/tdd_corpus, 80–89) in another
shape; these tests pin the rule itself, and the shape that does not trigger it.
"""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read

# -- notation -------------------------------------------------------------------------------------


def test_dots_grouping_thousands_and_a_decimal_comma_are_read_as_written(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Code</h2><p>Repositories: 3.200</p><p>Largest repository: plm-core, 1,5 GB</p>"
        "<p>Total repository size: ca. 0,8 TB</p>",
        catalogue,
    )
    assert got["repositories"] == ["3200"]
    assert got["largest_repo_mb"] == ["1.5 GB"]
    assert got["total_repo_size_gb"] == ["0.8 TB"]


def test_a_comma_before_three_digits_still_groups_thousands(catalogue: Catalogue) -> None:
    got = read("<p>Largest repository: 1,024 MB</p><p>Repositories: 1,500</p>", catalogue)
    assert got["largest_repo_mb"] == ["1024 MB"]
    assert got["repositories"] == ["1500"]


# -- which count is the total ---------------------------------------------------------------------


def test_a_host_table_row_whose_count_is_the_sum_above_is_the_total_whatever_its_label(
    catalogue: Catalogue,
) -> None:
    table = (
        "<table><tr><td>Code host</td><td>Repositories</td></tr>"
        "<tr><td>GitHub.com</td><td>900</td></tr><tr><td>Gerrit</td><td>100</td></tr>"
        "<tr><td>{last}</td><td>{n}</td></tr></table>"
    )
    got = read(table.format(last="Summe", n="1,000"), catalogue)
    assert got["repositories"] == ["1000"]
    assert got["code_hosts"] == ["GitHub.com, Gerrit"]
    other = read(table.format(last="Bitbucket Cloud", n="40"), catalogue)  # a host's row: a part
    assert other["repositories"] == ["1040"]


def test_a_sum_written_out_gives_its_result_as_the_total(catalogue: Catalogue) -> None:
    got = read("<p>Both code hosts connected. 1,870 + 430 = 2,300 repositories cloned.</p>", catalogue)
    assert got["repositories"] == ["2300"]


def test_a_count_followed_by_its_parts_is_the_total(catalogue: Catalogue) -> None:
    got = read(
        "<p>Code: 3,000 repositories — 2,986 from GitHub Enterprise Cloud plus 14 Perforce depots.</p>",
        catalogue,
    )
    assert got["repositories"] == ["3000"]


def test_a_number_said_to_be_all_of_them_beats_a_count_said_to_be_todays(catalogue: Catalogue) -> None:
    got = read(
        "<p>Right now that is 2,586 Git repositories and 14 Perforce depots, so 2,600 in all.</p>", catalogue
    )
    assert got["repositories"] == ["2600"]


def test_a_host_with_a_bare_number_after_a_counted_host_is_its_part(catalogue: Catalogue) -> None:
    got = read("<p>GitHub Enterprise Server has 1,870 repositories, Bitbucket DC 430.</p>", catalogue)
    assert got["repositories"] == ["2300"]


def test_numbers_written_before_their_hosts_are_the_hosts_parts(catalogue: Catalogue) -> None:
    got = read(
        "<p>repos: 1,312 on GitHub Enterprise Cloud + 88 still in AWS CodeCommit (they migrate next year)."
        " so 1,400 total</p>",
        catalogue,
    )
    assert got["code_hosts"] == ["GitHub.com, AWS CodeCommit"]
    assert got["repositories"] == ["1400"]
    parts = read("<p>Repository count in production: 2,025 (1,940 GitHub + 85 GitLab).</p>", catalogue)
    assert parts["repositories"] == ["2025"]
    assert parts["code_hosts"] == ["GitHub.com, GitLab.com"]


# -- what a count counts --------------------------------------------------------------------------


def test_a_label_that_holds_its_own_count_is_a_sentence(catalogue: Catalogue) -> None:
    got = read("<p>one monorepo: mono-ehr, 3.2 GiB packed.</p>", catalogue)
    assert got["monorepos"] == ["1"]
    later = read(
        "<p>4,250 repositories in total. Two of them are monorepos: core (7.5 GB) and web.</p>", catalogue
    )
    assert later["monorepos"] == ["2"]
    assert later["repositories"] == ["4250"]


def test_a_count_of_another_noun_is_not_the_labels_count(catalogue: Catalogue) -> None:
    got = read("<p>Repository facts: one monorepo, engine, the largest repository at 14 GB.</p>", catalogue)
    assert "repositories" not in got
    assert got["monorepos"] == ["1"]


def test_a_size_is_never_a_count(catalogue: Catalogue) -> None:
    got = read("<p>Repositories (size on disk): 0,8 TB</p>", catalogue)
    assert "repositories" not in got


# -- labels with brackets -------------------------------------------------------------------------


def test_a_labels_gloss_in_brackets_says_what_it_means(catalogue: Catalogue) -> None:
    got = read(
        "<p>Gesamtgröße aller Repositories (total size of all repositories): ca. 0,8 TB</p>"
        "<p>Code size on disk (all PRD repositories, as reported by gitserver): 1.4 TiB</p>",
        catalogue,
    )
    assert got["total_repo_size_gb"] == ["0.8 TB", "1.4 TiB"]


def test_an_aside_in_a_labels_brackets_is_no_environment_but_a_named_one_is(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>GitHub Enterprise Cloud: 820 repositories</li>"
        "<li>AWS CodeCommit (legacy geology tooling): 95 repositories</li>"
        "<li>Repos (staging): 40</li></ul>",
        catalogue,
    )
    assert got["repositories"] == ["915"]


def test_a_tick_before_a_label_is_no_part_of_it(catalogue: Catalogue) -> None:
    got = read("<ul><li>☑ Monorepos: 2</li><li>☐ Largest repository: 2.4 GB</li></ul>", catalogue)
    assert got["monorepos"] == ["2"]
    assert got["largest_repo_mb"] == ["2.4 GB"]


# -- sizes and hosts ------------------------------------------------------------------------------


def test_words_in_another_sizes_brackets_do_not_describe_a_size(catalogue: Catalogue) -> None:
    got = read("<p>Two monorepos: payments-core (7.5 GB, the largest) and web (2 GB).</p>", catalogue)
    assert got["largest_repo_mb"] == ["7.5 GB"]


def test_a_bare_family_name_is_the_member_the_document_names_elsewhere(catalogue: Catalogue) -> None:
    got = read(
        "<p>Repositories: 2,010 in GitLab and 90 in Gerrit, 2,100 in total</p>"
        "<p>Indexed: the self-managed GitLab at gitlab.example.internal and the Gerrit server.</p>",
        catalogue,
    )
    assert set(got["code_hosts"]) == {"GitLab Self-Managed, Gerrit"}
    alone = read("<p>Repositories: 2,010 in GitLab and 90 in Gerrit, 2,100 in total</p>", catalogue)
    assert alone["code_hosts"] == ["GitLab.com, Gerrit"]


# -- which code hosts are connected -----------------------------------------------------------------


def test_a_host_named_in_a_condition_or_said_not_indexed_is_not_connected(catalogue: Catalogue) -> None:
    got = read(
        "<p>Code hosts: Azure DevOps (1,120 repositories)</p>"
        "<p>Re-assessment if GitHub.com or any other code host is connected.</p>"
        "<p>GitLab.com: the public mirrors are not indexed.</p>",
        catalogue,
    )
    assert got["code_hosts"] == ["Azure DevOps"]


def test_of_two_host_columns_the_one_naming_hosts_wins_over_connection_names(catalogue: Catalogue) -> None:
    got = read(
        "<table><tr><td>Connection</td><td>Kind</td><td>Repositories</td></tr>"
        "<tr><td>ghe-main</td><td>GitHub Enterprise Server</td><td>2,400</td></tr>"
        "<tr><td>gitlab-robotics</td><td>GitLab Self-Managed</td><td>800</td></tr>"
        "<tr><td>gerrit-firmware</td><td>Gerrit</td><td>120</td></tr></table>",
        catalogue,
    )
    assert got["code_hosts"] == ["GitHub Enterprise Server, GitLab Self-Managed, Gerrit"]
    assert got["repositories"] == ["3320"]


def test_a_host_qualified_in_brackets_is_the_name_they_make(catalogue: Catalogue) -> None:
    got = read(
        "<p>Code hosts: GitLab (selbst betrieben / self-managed) and GitHub (Enterprise Server)</p>",
        catalogue,
    )
    assert got["code_hosts"] == ["GitLab Self-Managed, GitHub Enterprise Server"]
    plain = read("<p>Code hosts: GitLab (2 groups) and Gerrit</p>", catalogue)
    assert plain["code_hosts"] == ["GitLab.com, Gerrit"]


def test_a_host_in_a_paragraph_about_code_counts_without_a_code_word_in_its_sentence(
    catalogue: Catalogue,
) -> None:
    got = read(
        "<p>Everything on our GitHub Enterprise Server (ghe.example.local) and Perforce. "
        "Right now that is 2,600 repositories and depots in all.</p>",
        catalogue,
    )
    assert got["code_hosts"] == ["GitHub Enterprise Server, Perforce"]
    other = read("<p>The VM reaches GitHub on port 443.</p>", catalogue)
    assert "code_hosts" not in other


def test_a_label_table_with_a_value_column_and_a_notes_column_reads_labels_by_meaning(
    catalogue: Catalogue,
) -> None:
    got = read(
        "<table><tr><td>Input</td><td>Value</td><td>Source</td></tr>"
        "<tr><td>Repositories to index at launch</td><td>4,300</td><td>inventory script</td></tr>"
        "<tr><td>Monorepos</td><td>3 (wms-core, route-planner, edi-gateway)</td><td>inventory</td></tr>"
        "<tr><td>Total size of all repositories</td><td>about 900 GB</td><td>inventory</td></tr></table>",
        catalogue,
    )
    assert got["repositories"] == ["4300"]
    assert got["monorepos"] == ["3"]
    assert got["total_repo_size_gb"] == ["900 GB"]


# -- monorepos, numbers in words, sizes -------------------------------------------------------------


def test_monorepos_counted_among_a_named_group(catalogue: Catalogue) -> None:
    assert read("<p>Two of those are monorepos, tms-core and erp.</p>", catalogue)["monorepos"] == ["2"]
    got = read("<p>14 Perforce depots; three of the Perforce depots are monorepos.</p>", catalogue)
    assert got["monorepos"] == ["3"]


def test_a_none_word_opening_a_count_is_zero(catalogue: Catalogue) -> None:
    assert read("<p>Monorepos: None in scope</p>", catalogue)["monorepos"] == ["0"]
    assert read("<p>Monorepos: none (2 planned for 2027)</p>", catalogue).get("monorepos") != ["0"]


def test_a_bare_count_under_a_question_about_monorepos_is_their_count(catalogue: Catalogue) -> None:
    got = read(
        "<p><b>Does it cope with monorepos?</b></p><p>Yes. We have two, the firmware depot and web.</p>",
        catalogue,
    )
    assert got["monorepos"] == ["2"]
    other = read("<p><b>How many teams use it?</b></p><p>We have two, platform and web.</p>", catalogue)
    assert "monorepos" not in other


def test_counts_and_sizes_written_as_words(catalogue: Catalogue) -> None:
    got = read(
        "<p>Roughly twelve hundred repositories, all on Bitbucket Cloud. The largest repository, the engine, "
        "is about four gigabytes.</p><p>Monorepos: a dozen</p>",
        catalogue,
    )
    assert got["repositories"] == ["1200"]
    assert got["largest_repo_mb"] == ["4 GB"]
    assert got["monorepos"] == ["12"]


def test_a_size_across_the_repositories_or_of_their_clones_is_their_total(catalogue: Catalogue) -> None:
    assert read("<p>Around 900 GB across all repositories and depots.</p>", catalogue)[
        "total_repo_size_gb"
    ] == ["900 GB"]
    assert read("<p>All clones together take about 440 GB.</p>", catalogue)["total_repo_size_gb"] == [
        "440 GB"
    ]


def test_a_rule_of_thumb_formula_gives_no_size(catalogue: Catalogue) -> None:
    got = read(
        "<p>Git data is about 650 GB, and the guideline (1 TB + 2 × the repositories' size) asks for "
        "about 2.3 TB.</p>",
        catalogue,
    )
    assert got["total_repo_size_gb"] == ["650 GB"]


def test_the_words_after_an_earlier_size_are_that_sizes(catalogue: Catalogue) -> None:
    got = read(
        "<p>Thirty-two vCores and 256 GB of RAM, plus a three-terabyte LUN from the NetApp.</p>", catalogue
    )
    assert got["total_memory_gb"] == ["256 GB"]


def test_a_row_of_cells_each_with_its_own_label_is_read_cell_by_cell(catalogue: Catalogue) -> None:
    got = read(
        "<table><tr><td>Repositorios: 1.460 sincronizados</td><td>Repositories: 1,460 synced</td></tr>"
        "<tr><td>Monodépôts : aucun</td><td>Monorepos: none</td></tr></table>",
        catalogue,
    )
    assert got["repositories"] == ["1460", "1460"]
    assert got["monorepos"] == ["0"]  # "Monodépôts" names no field


def test_a_host_named_in_a_repositories_value_is_a_code_host(catalogue: Catalogue) -> None:
    for value in ("1,200 on GitHub.com", "1,200 (all on GitHub.com)", "1,200, all on GitHub.com"):
        got = read(f"<p>Repositories: {value}</p>", catalogue)
        assert got["repositories"] == ["1200"], value
        assert got["code_hosts"] == ["GitHub.com"], value


def test_a_host_named_for_the_deployments_own_tooling_is_no_code_host(catalogue: Catalogue) -> None:
    got = read(
        "<p>The Helm chart values are kept in a GitHub.com repository.</p>"
        "<p>Sign-in for the admin uses a GitLab.com account.</p>"
        "<p>Code hosts: Bitbucket Data Center</p>",
        catalogue,
    )
    assert got["code_hosts"] == ["Bitbucket Server / Data Center"]
    synced = read(
        "<p>The Helm chart is deployed; 800 repositories are synced from GitHub.com.</p>", catalogue
    )
    assert synced["code_hosts"] == ["GitHub.com"]


def test_a_year_between_a_count_and_its_host_does_not_part_them(catalogue: Catalogue) -> None:
    got = read("<p>We have 800 repositories, hosted since 2019 on GitHub.</p>", catalogue)
    assert got["repositories"] == ["800"]
    other = read("<p>3,000 repositories: 2,986 on GitHub plus 14 Perforce depots.</p>", catalogue)
    assert other["repositories"] == ["3000"]


def test_the_one_size_named_beside_a_repository_while_the_rest_are_smaller_is_the_largest(
    catalogue: Catalogue,
) -> None:
    got = read("<p>one monorepo: mono-ehr, 3.2 GiB packed. everything else is small</p>", catalogue)
    assert got["largest_repo_mb"] == ["3.2 GiB"]
    several = read("<p>two monorepos: mono-ehr, 3.2 GiB packed.</p>", catalogue)
    assert "largest_repo_mb" not in several  # (the only monorepo's size is the largest: test_tdd_connected)


def test_a_size_after_under_or_below_is_a_bound_not_a_figure(catalogue: Catalogue) -> None:
    got = read("<p>All other repositories are under 1 GB each.</p>", catalogue)
    assert "total_repo_size_gb" not in got


def test_hosts_retired_switched_off_or_not_connecting_are_not_connected(catalogue: Catalogue) -> None:
    got = read(
        "<table><tr><td>Code host</td><td>Status</td><td>Repositories</td></tr>"
        "<tr><td>GitHub Enterprise Server</td><td>Connected</td><td>1,900</td></tr>"
        "<tr><td>Gerrit</td><td>Retired</td><td>—</td></tr></table>"
        "<p>The old Bitbucket Server was switched off in March; its code is archived.</p>"
        "<p>Code hosts: GitLab.com — connected<br>Perforce — NOT connecting, too big</p>",
        catalogue,
    )
    hosts = {h for v in got["code_hosts"] for h in v.split(", ")}
    assert hosts == {"GitHub Enterprise Server", "GitLab.com"}


def test_a_label_that_holds_a_count_mid_sentence_is_a_sentence(catalogue: Catalogue) -> None:
    got = read(
        "<p>The service indexes 2,040 repositories: 1,900 from GitHub Enterprise Server and 140 from "
        "Gerrit.</p>",
        catalogue,
    )
    assert got["repositories"] == ["2040"]


def test_none_of_a_named_group_being_monorepos_is_zero(catalogue: Catalogue) -> None:
    got = read("<p>None of our repositories counts as a monorepo.</p>", catalogue)
    assert got["monorepos"] == ["0"]


def test_a_number_in_a_labels_aside_is_no_count_of_the_label(catalogue: Catalogue) -> None:
    assert read("<p>Monorepos (0 if none): 3</p>", catalogue)["monorepos"] == ["3"]


def test_a_size_with_no_noun_right_after_the_repositories_count_is_what_they_take(
    catalogue: Catalogue,
) -> None:
    for html in (
        "<ul><li>GitLab — 870 repos</li><li>Gerrit — 45 repos</li><li>so 915 altogether, ~180 GB.</li></ul>",
        "<p>Repositories: 915 in total (about 180 GB)</p>",
        "<p>Content: 915 repositories, roughly 180 GB, all from GitLab.</p>",
    ):
        assert read(html, catalogue).get("total_repo_size_gb") == ["180 GB"], html
    assert "total_repo_size_gb" not in read("<p>3 nodes, 180 GB each.</p>", catalogue)


def test_a_figure_in_brackets_does_not_own_the_total_word_after_its_bracket(catalogue: Catalogue) -> None:
    for html in (
        "<p>GitHub.com with 3,460 repositories and Azure DevOps with 310 repositories, 3,770 repositories "
        "(previously 2,828 repositories) in all.</p>",
        "<ul><li>Repositories: 3,770 (2,828 at the last review) in total</li></ul>",
    ):
        assert read(html, catalogue).get("repositories") == ["3770"], html


@pytest.mark.parametrize(
    "html",
    [
        "<p>We index 2,400 repositories.</p>",
        "<p>There are about 2,400 repositories. All of them live on GitHub.com.</p>",
        "<ul><li>The instance holds 2,400 repositories</li></ul>",
        "<p>Roughly 2,400 repositories are searchable.</p>",
    ],
)
def test_a_count_the_deployments_own_verb_gives_is_the_repository_count(
    catalogue: Catalogue, html: str
) -> None:
    assert read(html, catalogue).get("repositories") == ["2400"]


def test_a_count_per_team_or_of_a_trial_is_no_repository_count(catalogue: Catalogue) -> None:
    for html in ("<p>Each team has 40 repositories.</p>", "<p>The pilot indexed 180 repositories.</p>"):
        assert "repositories" not in read(html, catalogue), html


@pytest.mark.parametrize(
    "html",
    [
        "<p>Table 2. Repositories indexed in production per group of our GitLab (gitlab.example.fi), in "
        "total 870.</p>",
        "<ul><li>Repositories, altogether: ~870</li></ul>",
        "<p>Repos synced from the three groups total 870.</p>",
    ],
)
def test_a_bare_number_after_a_total_word_counts_the_repositories_named_before(
    catalogue: Catalogue, html: str
) -> None:
    assert read(html, catalogue).get("repositories") == ["870"]
