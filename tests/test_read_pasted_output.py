"""TDDs built from pasted configuration and command output (blind set 103's family): the small
readings such a document needs beside its pastes. A number glued to a name by a hyphen or an
underscore (`gitserver-0 212G`, `node_3`) counts nothing; a value that points to another tab or part
and then remarks on it (`see the Terraform tab; …`) states nothing in its place; a disk a sentence
calls the system's alone (`… is the OS only`, `are just the OS`) is not the deployment's."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import outside
from handoff.read.tfdefaults import tool_default
from handoff.read.unset import points_elsewhere
from tdd_snippets import paragraph, read, read_doc


@pytest.mark.parametrize(
    "line",
    [
        "Repos on disk per replica: gitserver-0 180G, gitserver-1 175G",
        "Repositories by shard: shard_2 holds the big ones",
        "Repos per pod: repo-updater-1 handles the sync",
    ],
)
def test_a_number_glued_to_a_name_counts_no_repositories(line: str, catalogue: Catalogue) -> None:
    assert "repositories" not in read(f"<h1>Production</h1><p>{line}</p>", catalogue)


def test_a_plain_count_after_the_label_still_counts(catalogue: Catalogue) -> None:
    assert read("<h1>Production</h1><p>Repositories: 1,340 (all cloned)</p>", catalogue)["repositories"] == [
        "1340"
    ]


@pytest.mark.parametrize(
    ("value", "points"),
    [
        ("see the Pulumi tab; the stack output confirms it", True),
        ("see section 4; the az CLI output there is the live one", True),
        ("refer to the Checks tab. The describe-instances call shows it.", True),
        ("see the Terraform tab; 3 × m6i.2xlarge", False),  # a figure of its own after the pointer
        ("see the notes; it was sized by the account team before we joined the project in spring", True),
    ],
)
def test_a_pointer_followed_by_a_remark_points_elsewhere(value: str, points: bool) -> None:
    assert points_elsewhere(value) is points


def test_an_address_label_pointing_to_another_tab_gives_no_address(catalogue: Catalogue) -> None:
    html = (
        "<h1>Production</h1><p>Endpoint: see the Network tab; the load balancer's record is in Checks.</p>"
        "<p>URL: https://code.example-corp.example</p>"
    )
    assert read(html, catalogue)["instance_url"] == ["https://code.example-corp.example"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The 80 GB root disk is the OS only.",
        "The boot volume and the tmpfs mounts are just the OS.",
        "Its 120 GiB system disk is for the operating system only.",
        "The first 64 GB volume's purely the OS.",
    ],
)
def test_a_disk_said_to_be_the_system_alone_is_outside(sentence: str) -> None:
    assert outside.outside(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The OS is Ubuntu 24.04 on a 1 TB disk.",
        "The data disk is 1,500 GB and holds the OS images for the build farm too.",
    ],
)
def test_a_disk_beside_the_os_is_not_outside(sentence: str) -> None:
    assert not outside.outside(sentence)


def test_the_data_volume_beside_an_os_only_root_volume_is_the_disk(catalogue: Catalogue) -> None:
    html = (
        "<h1>Production</h1><p>Storage: one 1,200 GiB data volume for Docker. The 60 GiB boot volume is the "
        "OS only.</p>"
    )
    assert read(html, catalogue)["total_disk_gb"] == ["1200 GiB"]


def _mono(line: str) -> dict[str, object]:
    run = {"content": line + "\n", "textStyle": {"weightedFontFamily": {"fontFamily": "Roboto Mono"}}}
    return {
        "paragraph": {"elements": [{"textRun": run}], "paragraphStyle": {"namedStyleType": "NORMAL_TEXT"}}
    }


def _code_box_doc(heading: str, lines: list[str]) -> dict[str, object]:
    """A Docs API document: a heading, then a one-cell table holding the lines in a monospace font."""
    cell = {"content": [_mono(t) for t in lines]}
    return {
        "body": {
            "content": [
                paragraph(heading, style="HEADING_1"),
                {"table": {"tableRows": [{"tableCells": [cell]}]}},
            ]
        }
    }


def test_a_code_box_of_helm_values_gives_no_memory_or_disk(catalogue: Catalogue) -> None:
    doc = _code_box_doc(
        "Production values (values-prod.yaml)",
        [
            "searcher:",
            "  replicaCount: 3",
            "  storageSize: 800Gi        # default 100Gi",
            "  resources:",
            '    requests: { cpu: "2", memory: 6Gi }',
            '    limits:   { cpu: "4", memory: 12Gi }',
            "symbols:",
            "  resources:",
            "    requests: { memory: 3Gi }",
        ],
    )
    got = read_doc(doc, catalogue)
    assert "total_memory_gb" not in got and "total_disk_gb" not in got and "total_cpu" not in got


def test_a_code_box_of_settings_is_still_read(catalogue: Catalogue) -> None:
    doc = _code_box_doc(
        "Production",
        [
            "externalURL: https://search.example-corp.example",
            "node_count = 3",
            'instance_type = "m6i.4xlarge"',
        ],
    )
    got = read_doc(doc, catalogue)
    assert got["instance_url"] == ["https://search.example-corp.example"]


@pytest.mark.parametrize(
    "heading",
    [
        "Site admin (pasted 3 May 2026)",
        "Site-admin overview",
        "Admin dashboard, copied today",
        "Usage statistics",
    ],
)
def test_a_pasted_admin_page_counts_no_limit_of_users(heading: str, catalogue: Catalogue) -> None:
    got = read(f"<h1>Production</h1><h2>{heading}</h2><p>Users: 388</p><p>Repositories: 1,130</p>", catalogue)
    assert "max_users" not in got
    assert got["repositories"] == ["1130"]


def test_an_admin_heading_naming_the_licence_keeps_its_limit(catalogue: Catalogue) -> None:
    got = read("<h1>Production</h1><h2>Site admin: licence</h2><p>Users: 900</p>", catalogue)
    assert got["max_users"] == ["900"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hosts: Bitbucket Cloud (workspace acme, Premium plan licence) with 410 repositories.",
        "Code: GitLab.com (group acme, Ultimate subscription) holds 410 repositories.",
    ],
)
def test_a_licence_in_an_aside_on_a_host_makes_no_limit(sentence: str, catalogue: Catalogue) -> None:
    got = read(f"<h1>Production</h1><p>{sentence}</p>", catalogue)
    assert "max_repositories" not in got
    assert got["repositories"] == ["410"]


def test_a_licence_aside_after_a_figure_is_still_a_limit(catalogue: Catalogue) -> None:
    got = read("<h1>Production</h1><p>We serve 1,800 users (licensed) on 900 repositories.</p>", catalogue)
    assert got["max_users"] == ["1800"]


def test_an_os_only_remark_in_a_bracket_keeps_the_sentences_total(catalogue: Catalogue) -> None:
    html = (
        "<h1>Production</h1><p>The array presents a 2 TB LUN to the VM, so the deployment's disk is "
        "2,000 GB in total (the 80 GB boot disk is only the OS).</p>"
    )
    assert read(html, catalogue)["total_disk_gb"] == ["2000 GB"]


@pytest.mark.parametrize(
    "text",
    [
        "The chart default for searcher is a 100Gi volume.",
        "base = upstream defaults (zoekt 1 replica, 400Gi)",
        "The module's default node size is 50 GB; see the tfvars block.",
        "Defaults of the chart give indexed-search 4 CPU and 8Gi.",
    ],
)
def test_a_tools_own_default_is_told(text: str) -> None:
    assert tool_default(text)


@pytest.mark.parametrize(
    "text",
    [
        "The chart default is 200Gi but we set 1,500Gi for gitserver.",
        "We override the chart defaults: gitserver 2Ti.",
        "Default storage class: premium-ssd, 2 TB in total.",
    ],
)
def test_a_default_changed_in_its_own_sentence_is_not_only_the_tools(text: str) -> None:
    assert not tool_default(text)


def test_a_chart_default_beside_the_bound_total_is_no_disk(catalogue: Catalogue) -> None:
    html = (
        "<h1>Production</h1>"
        "<p>The shared values.yaml keeps the chart default searcher.storageSize: 100Gi.</p>"
        "<p>Chart defaults give zoekt a 400Gi volume as well.</p>"
        "<p>Storage bound for Sourcegraph: 2,750 GiB in total.</p>"
    )
    assert read(html, catalogue)["total_disk_gb"] == ["2750 GiB"]


@pytest.mark.parametrize(
    "aside",
    ["(the 64 GB boot disks of the VMs left out)", "(node OS volumes, 3 × 100 GB, kept out)"],
)
def test_an_aside_leaving_sizes_out_is_not_added(aside: str, catalogue: Catalogue) -> None:
    html = f"<h1>Production</h1><p>Total: 2,400 GiB of SSD for Sourcegraph data {aside}.</p>"
    assert read(html, catalogue)["total_disk_gb"] == ["2400 GiB"]
