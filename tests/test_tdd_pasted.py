"""TDD reader: text pasted from other tools (markdown, configuration files, diffs) read as the
structure it is: a pipe table as a table, `#` lines as headings, a code block's nesting and its
environment key as the environment of its lines, a diff's removed lines as superseded."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.pasted import unpaste
from handoff.read.tdd import html_document, read_document
from tdd_snippets import read


def lines(*texts: str) -> str:
    """Each text its own paragraph, as a paste into Docs gives (spaces kept as a Docs export does)."""
    return "".join(f"<p>{t.replace(' ', '&nbsp;')}</p>" for t in texts)


def test_a_pasted_pipe_table_is_read_as_a_table(catalogue: Catalogue) -> None:
    html = "<h2>Environments</h2>" + lines(
        "| env | nodes | vCPU | RAM | disk |",
        "|-----|-------|------|-----|------|",
        "| staging | 2 × m6i.2xlarge | 16 | 64 GiB | 400 GiB |",
        "| production | 4 × m6i.4xlarge | 64 | 256 GiB | 2 TiB |",
    )
    found = read(html, catalogue)
    assert found["total_cpu"] == ["64"]
    assert found["total_memory_gb"] == ["256 GiB"]
    assert found["instance_types"] == ["4 × m6i.4xlarge"]


def test_a_pipe_table_of_code_hosts_gives_per_host_counts(catalogue: Catalogue) -> None:
    html = lines(
        "## Code hosts",
        "| host | kind | repos |",
        "|------|------|------:|",
        "| `github.com/acme` | GitHub.com | 1,240 |",
        "| `gitlab.acme.internal` | GitLab self-managed | 386 |",
    )
    found = read(html, catalogue)
    assert found["repositories"] == ["1626"]


def test_markdown_headings_and_bullets_give_the_environment(catalogue: Catalogue) -> None:
    """`## Staging` is a heading: its bullets are staging's, not production's."""
    html = lines(
        "# Code search",
        "## Staging",
        "- URL: https://sg-one.example.com",
        "- Total CPU: 16 vCPU",
        "## Production",
        "- Total CPU: 96 vCPU",
        "  - node pool: 6 × m6i.4xlarge",
    )
    found = read(html, catalogue)
    assert found["total_cpu"] == ["96"]
    assert "instance_url" not in found


def test_a_fenced_yaml_block_whose_indentation_was_lost_keeps_its_nesting(catalogue: Catalogue) -> None:
    """`memory: 48Gi` under `indexedSearch:` is one service's, not the deployment's memory."""
    html = "<p>Total memory: 320 GiB</p>" + "".join(
        f"<p>{t}</p>"
        for t in ("```yaml", "gitserver:", "storageSize: 500Gi", "indexedSearch:",
                  "resources: { limits: { memory: 48Gi } }", "```")
    )  # fmt: skip
    found = read(html, catalogue)
    assert found["total_memory_gb"] == ["320 GiB"]
    assert "total_disk_gb" not in found


def test_a_code_block_naming_its_environment_is_that_environments(catalogue: Catalogue) -> None:
    html = lines(
        "# workspaces/qa.tfvars",
        'environment  = "qa"',
        "node_count   = 2",
        'machine_type = "n2-standard-16"',
        'external_url = "https://sourcegraph.example.com"',
        "",
        "# workspaces/prd.tfvars",
        'environment        = "prd"',
        "node_count         = 4",
        'machine_type       = "n2-standard-16"',
        "index_node_count   = 2",
        'index_machine_type = "n2-highmem-8"',
        'external_url       = "https://code.example.com"',
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["4 × n2-standard-16, 2 × n2-highmem-8"]
    assert found["instance_url"] == ["https://code.example.com"]


def test_a_yaml_key_naming_an_environment_scopes_the_lines_under_it(catalogue: Catalogue) -> None:
    html = "<pre>staging:\n  externalURL: https://sg.example.com\nproduction:\n  externalURL: https://code.example.com\n</pre>"
    assert read(html, catalogue)["instance_url"] == ["https://code.example.com"]


def test_a_diffs_removed_lines_are_superseded(catalogue: Catalogue) -> None:
    html = "<h2>Changes (production)</h2>" + lines(
        "@@ -3,4 +3,4 @@",
        ' machine_type = "m6i.4xlarge"',
        "-node_count   = 3",
        "+node_count   = 5",
        "-data_disk_gb = 2000",
        "+data_disk_gb = 3000",
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["5 × m6i.4xlarge"]
    assert found["total_disk_gb"] == ["3000 GB"]


def test_a_key_naming_a_service_gives_that_services_amount_not_the_total(catalogue: Catalogue) -> None:
    html = lines('environment = "production"', "gitserver_replicas = 3", "gitserver_disk_gb = 1000")
    assert "total_disk_gb" not in read(html, catalogue)


def test_label_value_paragraphs_are_left_as_they_are() -> None:
    """Lines of `Label: value` prose with no code shape are not a code block: nothing is rebuilt."""
    doc = html_document(
        "<html><body>" + lines("Users: 2,000", "Monorepos: 2", "Cloud: AWS") + "</body></html>"
    )
    content = doc["tabs"][0]["documentTab"]["body"]["content"]
    assert unpaste(content) is content


def test_a_worked_sum_gives_its_result(catalogue: Catalogue) -> None:
    """`6 nodes × 16 vCPU = 96 vCPU`: the figures before `=` are the working, the result is the value."""
    html = "<h2>Production</h2>" + lines(
        "node group sg-general : 6 nodes × m6i.4xlarge",
        "vCPU                  : 6 nodes × 16 vCPU  = 96 vCPU",
        "gitserver volumes     : 4 × 750 GB gp3    = 3,000 GB",
        "other volumes         : pgsql, zoekt      = 500 GB",
        "total storage         : 3,000 + 500       = 3,500 GB",
    )
    found = read(html, catalogue)
    assert found["instance_types"] == ["6 × m6i.4xlarge"]
    assert found["total_cpu"] == ["96"]
    assert found["total_disk_gb"] == ["3500 GB"]  # the total's label beats the other lines' results


def test_a_result_of_another_field_leaves_the_labelled_value_whole(catalogue: Catalogue) -> None:
    html = "<p>Nodes: 3 × n2-standard-16 + 2 × n2-highmem-8 = 64 vCPU</p>"
    assert read(html, catalogue)["instance_types"] == ["3 × n2-standard-16, 2 × n2-highmem-8"]


def test_a_unit_before_an_equals_sign_is_no_name_of_an_environment(catalogue: Catalogue) -> None:
    """`750 GB restored = 3,000 GB (… after failover)` declares nothing: GB stays a unit."""
    html = (
        "<h2>Standby site</h2><p>storage : 4 × 750 GB restored = 3,000 GB (index rebuilt after failover)</p>"
        "<h2>Production</h2><p>Disk: 3,500 GB</p>"
    )
    assert read(html, catalogue)["total_disk_gb"] == ["3500 GB"]


def test_products_added_up_in_brackets_are_the_working_of_the_figure_before(catalogue: Catalogue) -> None:
    html = "<p>Production after apply: 80 vCPU / 384 GiB (4×16 + 2×8 vCPU; 4×64 + 2×64 GiB).</p>"
    found = read(html, catalogue)
    assert found["total_cpu"] == ["80"]
    assert found["total_memory_gb"] == ["384 GiB"]


def test_a_rounded_total_that_agrees_with_the_hosts_counts_warns_of_nothing(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>About 1.6k repos indexed.</p>"
        "<ul><li>GitHub.com: 1,240 repositories</li><li>GitLab Self-Managed: 386 repositories</li></ul>"
    )
    reading = read_document(html_document(f"<html><body>{html}</body></html>"), catalogue)
    assert not [p for p in reading.problems if p.field == "repositories"]


def test_a_note_written_label_approximately_figure_is_a_labelled_value(catalogue: Catalogue) -> None:
    """`all repos together ≈ 120 GB`: a note's shorthand for a label and an approximate figure."""
    assert read("<ul><li>all repos together ≈ 120 GB</li></ul>", catalogue)["total_repo_size_gb"] == [
        "120 GB"
    ]


def test_a_commands_listing_pasted_line_by_line_gives_no_amount(catalogue: Catalogue) -> None:
    """Each row of `kubectl get pvc` is one volume: pasted one paragraph per line it is still one listing."""
    html = "<h2>Production</h2><p>Memory: 256 GiB</p>" + lines(
        "$ kubectl get pvc -n sourcegraph",
        "NAME               STATUS   CAPACITY   STORAGECLASS",
        "gitserver-0        Bound    500Gi      gp3",
        "indexed-search-0   Bound    200Gi      gp3",
    )
    assert "total_disk_gb" not in read(html, catalogue)


def test_git_alone_in_a_label_is_the_repositories_data(catalogue: Catalogue) -> None:
    """`total git ≈ 0.7 TB` sizes the repositories; a label with `git` whose value is no size is prose."""
    html = "<ul><li>total git ≈ 0.7 TB</li></ul><p>git: GitLab Self-Managed, 1,200 repositories</p>"
    found = read(html, catalogue)
    assert found["total_repo_size_gb"] == ["0.7 TB"]
    assert found["code_hosts"] == ["GitLab Self-Managed"]
    assert found["repositories"] == ["1200"]


def test_a_no_break_space_grouping_thousands_in_a_paste_still_groups_them(catalogue: Catalogue) -> None:
    html = (
        "<p>Licence: 2\u00a0400 users.</p><h2>Environments</h2>"
        "<p>| env | nodes | disk |</p><p>|---|---|---|</p>"
        "<p>| production | 3 × m6i.4xlarge | 2\u00a0000 GiB |</p>"
    )
    found = read(html, catalogue)
    assert found["total_disk_gb"] == ["2000 GiB"]
    assert found["max_users"] == ["2400"]
