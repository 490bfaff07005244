"""TDD reader: repositories, monorepos, the repositories' size and the instance URL by structure.

One small document per rule, read the way the reader reads a whole TDD (tests/tdd_snippets.py);
each rule is also exercised by a corpus document in another style (tests/fixtures/tdd_corpus).
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read

# -- a `Label:` list item heads only the items nested under it -----------------------------------


def test_an_item_label_heads_only_its_nested_items(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>Code hosts:</li><ul><li>GitLab Self-Managed: 1,840 repositories</li>"
        "<li>Azure DevOps: 260 repositories</li></ul>"
        "<li>Monorepos: 2 (pos-platform and erp)</li><li>Size of all the repositories: 780 GB</li></ul>",
        catalogue,
    )
    assert got["monorepos"] == ["2"]
    assert got["total_repo_size_gb"] == ["780 GB"]
    assert got["repositories"] == ["2100"]


def test_a_sibling_item_after_an_item_label_keeps_its_own_environment(catalogue: Catalogue) -> None:
    got = read(
        "<ul><li>Production node pools:</li><ul><li>pool-a: 4 × Standard_D16s_v5</li></ul>"
        "<li>Pilot</li><ul><li>300 repositories from Azure DevOps</li></ul></ul>",
        catalogue,
    )
    assert got["instance_types"] == ["4 × Standard_D16s_v5"]
    assert "repositories" not in got


def test_a_paragraph_label_takes_the_whole_list_after_it(catalogue: Catalogue) -> None:
    got = read(
        "<p>Code hosts:</p><ul><li>GitHub Enterprise Server</li><li>Bitbucket Data Center</li></ul>",
        catalogue,
    )
    assert got["code_hosts"] == ["GitHub Enterprise Server, Bitbucket Server / Data Center"]


# -- a label whose value has another field's shape is read by the value -------------------------


def test_an_instance_label_holding_a_machine_is_no_url(catalogue: Catalogue) -> None:
    got = read(
        "<table><tr><td>Instance</td><td>1 × m6i.8xlarge (32 vCPU, 128 GiB)</td></tr>"
        "<tr><td>Instance URL</td><td>https://sourcegraph.example.org</td></tr></table>",
        catalogue,
    )
    assert got["instance_url"] == ["https://sourcegraph.example.org"]
    assert got["instance_types"] == ["1 × m6i.8xlarge"]


def test_a_url_label_with_no_url_and_no_other_fact_is_still_reported(catalogue: Catalogue) -> None:
    """Nothing else fits, so the value stays the URL field's as written (the check says it is no URL)."""
    assert read("<p>URL: to be decided</p>", catalogue)["instance_url"] == ["to be decided"]


def test_a_footnote_mark_after_a_url_is_no_part_of_it(catalogue: Catalogue) -> None:
    got = read("<p>Address: https://sourcegraph.example.org[3]</p>", catalogue)
    assert got["instance_url"] == ["https://sourcegraph.example.org"]
