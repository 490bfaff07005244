"""TDD reader: one document describing several Sourcegraph instances, one of them in scope (blind set
125's family), one mechanism per test.

A comparison table with a column per instance, one column marked as this document's; a section title
giving its part for context only or sending it to its own TDD; a limit of a kind the document says was
never agreed; instances of Sourcegraph counted as deployments, not machines; a deployment's name
naming its copies ("AMI snapshots"); a sentence opening with all the instances as its label. Each
rule has a document where it must not fire. The phrasings and names here are not the tuning set's.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.bothsites import across_instances, combined_from
from handoff.read.contexttitle import context_title
from handoff.read.envwords import scoped
from handoff.read.nolimit import denied
from handoff.read.scopecolumns import own_mark, own_url, scoped_columns
from tdd_snippets import table
from tddview import present


def _fields(body: str, catalogue: Catalogue) -> dict[str, Any]:
    return present("<h1>Sourcegraph technical design</h1>" + body, catalogue)


def _types(got: dict[str, Any]) -> list[str]:
    return sorted(str(v).replace(" ", "") for v in got.get("instance_types") or [])


# -- a table with one column per instance, one marked as this document's -----------------------------


def test_a_marked_column_is_found_beside_unmarked_ones() -> None:
    assert scoped_columns(["Item", "Nordic", "Iberia (this handoff)", "Benelux"]) == 2
    assert scoped_columns(["", "LAB (context)", "PLANT (in scope)"]) == 2
    assert scoped_columns(["Item", "Nordic", "Iberia (not in scope)"]) is None  # a denial is no mark
    assert scoped_columns(["Item", "Value (this TDD)", "Notes"]) is None  # beside notes only: nothing
    assert scoped_columns(["Item", "A (in scope)", "B (in scope)"]) is None  # two marked: no choice
    assert own_mark("Instance covered by this TDD") and not own_mark("Out of scope for this TDD")
    assert not own_mark("Not part of this handoff")
    assert not own_mark("In scope (Y/N)") and not own_mark("In scope?")  # a column of answers
    assert scoped_columns(["Code host", "Repositories", "In scope (yes/no)"]) is None


@pytest.mark.parametrize("mark", ["(this handoff)", "— in scope", "(covered by this TDD)"])
def test_only_the_marked_instance_column_is_read(mark: str, catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>The instances side by side</h2>"
        + table(
            ("", "Retail division", f"Logistics division {mark}", "Corporate"),
            (
                "Instance URL",
                "https://search.retail.example.org",
                "https://search.logi.example.org",
                "https://search.corp.example.org",
            ),
            ("Worker nodes", "5 × r6i.4xlarge", "2 × m6i.8xlarge", "3 × m6i.2xlarge"),
            ("vCPU", "80", "64", "24"),
            ("Repositories", "4,100", "950", "600"),
        ),
        catalogue,
    )
    assert got.get("instance_url") == "https://search.logi.example.org"
    assert _types(got) == ["2×m6i.8xlarge"]
    assert got.get("total_cpu") == 64
    assert got.get("repositories") == 950


def test_a_notes_column_beside_the_marked_one_is_kept(catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Platform</h2>"
        + table(
            ("Setting", "East (legacy, read-only)", "West (in scope)", "Notes"),
            ("Kubernetes nodes", "4 × n2-standard-8", "3 × n2-highmem-16", "GKE managed node pool"),
            ("Total memory", "128 GB", "384 GB", ""),
        ),
        catalogue,
    )
    assert _types(got) == ["3×n2-highmem-16"]
    assert got.get("total_memory_gb") == 384


def test_a_table_of_production_and_dr_columns_is_not_narrowed(catalogue: Catalogue) -> None:
    # one instance and its standby, no column marked as this document's: each column says its own
    got = _fields(
        "<h2>Sizing</h2>"
        + table(
            ("Item", "Production", "DR standby"),
            ("Nodes", "3 × m6i.4xlarge", "2 × m6i.4xlarge"),
            ("vCPU", "48", "32"),
        ),
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get("total_cpu") == 48


# -- a section title giving its part for context only, or sending it to its own TDD ------------------


@pytest.mark.parametrize(
    "title",
    [
        "4. Benelux instance (context only)",
        "The APAC cluster (for orientation; see its own TDD)",
        "Research tenant — has its own handoff",
        "Appendix B. Old Kowloon Site (reference only)",
        "Secure enclave instance: for contrast only",
    ],
)
def test_a_title_giving_its_part_for_context_is_out(title: str) -> None:
    assert context_title(title)


@pytest.mark.parametrize(
    "title",
    ["Background (for context)", "Glossary — for reference", "3. Production instance", "Sizing notes",
     "Disaster recovery (warm standby in eu-west-1)"],
)  # fmt: skip
def test_a_plain_title_is_not_out(title: str) -> None:
    assert not context_title(title)


@pytest.mark.parametrize(
    "heading", ["The Singapore instance (see its own TDD)", "Contractor deployment (reference only)"]
)
def test_the_other_instance_section_gives_nothing(heading: str, catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Production</h2>"
        "<p>URL: https://code.example.net</p><p>Node pool: 3 × m6i.4xlarge</p>"
        "<p>Code hosts: GitLab Self-Managed (1,300 repositories)</p>"
        "<p>Went live on 12 May 2026.</p>"
        f"<h2>{heading}</h2>"
        "<p>It runs on 6 × r6i.8xlarge with Bitbucket Cloud (3,900 repositories) and went live on "
        "2 September 2026 at https://code-sg.example.net.</p>",
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get("code_hosts") == ["GitLab Self-Managed"]
    assert got.get("repositories") == 1300
    assert got.get("instance_url") == "https://code.example.net"


def test_a_dr_section_of_the_one_instance_stays_dr(catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Production</h2><p>Node pool: 3 × m6i.4xlarge</p><p>Total vCPU: 48</p>"
        "<h2>Disaster recovery (for reference)</h2>"
        "<p>A pilot-light copy on 1 × m6i.4xlarge in us-west-2.</p>",
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get("total_cpu") == 48


# -- a limit of a kind the document says was never agreed --------------------------------------------


def test_a_denied_kind_is_no_limit_after_the_denial() -> None:
    text = "There is no repository cap; the cluster was designed for 8,000 repositories."
    assert denied(text, text.index("8,000"), "max_repositories")
    assert not denied(text, text.index("8,000"), "max_users")  # (another kind stands)
    text = "No seat or concurrency limit was set. The nodes are sized for 3,000 users."
    assert denied(text, text.index("3,000"), "max_users")
    text = "There is no hard cap, but the licence allows 500 users."
    assert not denied(text, text.index("500"), "max_users")  # (set against the denial: stands)
    text = "The licence covers 900 users. No repository limit was agreed."
    assert not denied(text, text.index("900"), "max_users")  # (before the denial: stands)


@pytest.mark.parametrize(
    ("prose", "want"),
    [
        ("We did not set a user cap, and no repository limit either; capacity is planned for about "
         "6,000 repositories.", {}),
        ("No limits were agreed. The VM was sized for up to 2,500 users and 4,000 repositories.", {}),
        ("There is no repository limit. The licence is for 750 users.", {"max_users": 750}),
    ],
)  # fmt: skip
def test_a_sizing_remark_after_a_denied_limit_is_no_limit(
    prose: str, want: dict[str, int], catalogue: Catalogue
) -> None:
    got = _fields(f"<h2>Limits</h2><p>{prose}</p>", catalogue)
    for name in ("max_users", "max_repositories", "max_concurrent_users"):
        assert got.get(name) == want.get(name), name


# -- instances of Sourcegraph are deployments, not machines ------------------------------------------


@pytest.mark.parametrize(
    "opening",
    ["The group runs three independent Sourcegraph instances.",
     "There are 2 Sourcegraph instances at Acme, one per legal entity."],
)  # fmt: skip
def test_sourcegraph_instances_count_no_machines(opening: str, catalogue: Catalogue) -> None:
    got = _fields(
        f"<h2>Overview</h2><p>{opening} This document covers the one at https://sg.acme.example.</p>"
        "<h2>Infrastructure</h2><p>It is a single VM, an r6i.4xlarge with 16 vCPU and 128 GiB of memory.</p>",
        catalogue,
    )
    assert _types(got) == ["1×r6i.4xlarge"]
    assert got.get("total_cpu") == 16
    assert got.get("total_memory_gb") == 128


def test_counted_ec2_instances_still_count_machines(catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Overview</h2><p>Production runs on three EC2 instances.</p>"
        "<h2>Infrastructure</h2><p>Each worker is an m6i.4xlarge: 16 vCPU and 64 GiB of memory per node.</p>",
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]


# -- a deployment's name naming its copies ----------------------------------------------------------


@pytest.mark.parametrize(
    "aside", ["nightly AMI snapshots give us a rollback", "a machine image backup is kept for 30 days"]
)
def test_an_image_named_as_a_copy_is_no_deployment_method(aside: str, catalogue: Catalogue) -> None:
    got = _fields(
        f"<h2>Deployment</h2><p>Sourcegraph runs with Docker Compose on one EC2 VM; {aside}.</p>", catalogue
    )
    assert got.get("deployment_type") == "Docker Compose"


def test_a_machine_image_deployment_is_still_read(catalogue: Catalogue) -> None:
    got = _fields("<h2>Deployment</h2><p>We deployed the Sourcegraph AMI on one EC2 VM.</p>", catalogue)
    assert got.get("deployment_type") == "Machine image (AWS AMI / Azure / GCE)"


# -- a sentence opening with all the instances as its label -----------------------------------------


def test_a_sentence_labelled_by_the_whole_is_the_whole() -> None:
    assert combined_from("Both clusters: 7 nodes, 112 vCPU, 448 GB.") == 0
    assert combined_from("All four once the last one is built: 10 nodes, 320 vCPU.") == 0
    assert combined_from("Across all instances the total is 96 vCPU.") == 0
    assert combined_from("Production: 3 nodes, 48 vCPU.") == -1
    assert combined_from("All three VMs are identical: 8 vCPU, 32 GB RAM.") == -1  # (each machine's)
    assert combined_from("All repositories are mirrored in both regions.") == -1


@pytest.mark.parametrize(
    "whole",
    ["All three, once the third is live: 8 nodes, 256 vCPU, 1,024 GB RAM.",
     "Both instances together come to 8 nodes, 256 vCPU and 1,024 GB of memory."],
)  # fmt: skip
def test_the_whole_of_the_instances_gives_no_amount(whole: str, catalogue: Catalogue) -> None:
    got = _fields(
        f"<h2>This instance</h2><p>Node pool: 3 × m6i.8xlarge</p><h2>Across the instances</h2><p>{whole}</p>",
        catalogue,
    )
    assert _types(got) == ["3×m6i.8xlarge"]
    assert got.get("total_cpu") in (None, 96)
    assert got.get("total_memory_gb") in (None, 384)


# -- the figures around a several-instance document's counts -----------------------------------------


@pytest.mark.parametrize(
    "prose",
    ["The cluster is sized for ~800 GB repo data and 3 large monorepos.",
     "Headroom: capacity planned for 2.5 TB repository data."],
)  # fmt: skip
def test_a_size_before_a_repository_noun_is_no_count(prose: str, catalogue: Catalogue) -> None:
    got = _fields(f"<h2>Limits</h2><p>{prose}</p>", catalogue)
    assert got.get("max_repositories") is None and got.get("repositories") is None


def test_a_count_with_a_word_before_its_noun_is_still_a_count(catalogue: Catalogue) -> None:
    got = _fields("<h2>Limits</h2><p>The cluster is sized for 3,000 GitLab repositories.</p>", catalogue)
    assert got.get("max_repositories") == 3000


@pytest.mark.parametrize(
    ("prose", "want"),
    [
        ("We sync 1,040 repositories from GitHub Enterprise Server and a few from Gitea. So 1,100 "
         "repositories on this instance.", 1100),
        ("Bitbucket Data Center holds 600 repositories and Gerrit 150. So 750 repositories.", 750),
    ],
)  # fmt: skip
def test_a_sentence_opening_with_so_states_the_total(prose: str, want: int, catalogue: Catalogue) -> None:
    got = _fields(f"<h2>Code hosts</h2><p>{prose}</p>", catalogue)
    assert got.get("repositories") == want


def test_repo_data_inside_a_rule_of_thumb_is_no_size(catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Sizing</h2><p>The repositories come to 1.2 TB of repo data. Rule of thumb (1 TB + 2 × repo "
        "data) gives 3.4 TB; we provisioned 4 TB.</p>",
        catalogue,
    )
    assert got.get("total_repo_size_gb") == 1200


@pytest.mark.parametrize(
    "prose",
    ["None of them is a monorepo; the biggest is the flight-sim-core repository at about 1.3 GB.",
     "As for size, the largest one was cad-kernel, with 1.3 GB of history."],
)  # fmt: skip
def test_the_largest_named_after_its_verb(prose: str, catalogue: Catalogue) -> None:
    got = _fields(f"<h2>Repositories</h2><p>{prose}</p>", catalogue)
    assert got.get("largest_repo_mb") == 1300


def test_the_biggest_volume_is_no_repository(catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Storage</h2><p>The biggest is the gitserver persistent volume claim at 2 TB.</p>", catalogue
    )
    assert got.get("largest_repo_mb") is None


# -- the instance whose address the document gives as its own ----------------------------------------


def test_the_own_address_is_the_one_the_scope_names() -> None:
    assert own_url(["This handoff covers the plant instance at https://sg.plant.example.com.", "x"]) == (
        "https://sg.plant.example.com"
    )
    assert own_url(["In scope: https://a.example.com and https://b.example.com"]) is None  # two: none
    assert own_url(["The instance is at https://a.example.com."]) is None  # no scope said


@pytest.mark.parametrize(
    "scope",
    ["This document hands off the instance at https://code.south.example.com only.",
     "In scope for this TDD: https://code.south.example.com (the southern region's instance)."],
)  # fmt: skip
def test_the_column_of_the_own_address_is_read(scope: str, catalogue: Catalogue) -> None:
    got = _fields(
        f"<h2>Scope</h2><p>{scope}</p><h2>Both regions</h2>"
        + table(
            ("", "North", "South"),
            ("Address", "https://code.north.example.com", "https://code.south.example.com"),
            ("Machines", "4 × r6i.4xlarge", "2 × m6i.4xlarge"),
            ("Code hosts", "Bitbucket Cloud", "GitLab Self-Managed"),
        ),
        catalogue,
    )
    assert _types(got) == ["2×m6i.4xlarge"]
    assert got.get("code_hosts") == ["GitLab Self-Managed"]


def test_a_table_without_the_own_address_is_left(catalogue: Catalogue) -> None:
    # the scope names no address of the table's: its columns are read as before (a production column)
    got = _fields(
        "<h2>Scope</h2><p>This TDD covers production at https://sg.example.com.</p><h2>Sizing</h2>"
        + table(("Item", "Production", "Staging"), ("Nodes", "3 × m6i.4xlarge", "1 × m6i.2xlarge")),
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]


# -- an instance the document sends to its own TDD, by its code --------------------------------------


@pytest.mark.parametrize(
    "said",
    ["LEGACY has its own TDD and is not repeated here.", "EMEA-2 is covered by a separate handoff.",
     "ARCHIVE is described for context only."],
)  # fmt: skip
def test_an_instance_sent_to_its_own_document_is_another(said: str) -> None:
    name = said.split()[0]
    assert (name, "trial") in list(scoped(said))


def test_an_instance_with_its_own_owner_is_not_sent_away() -> None:
    assert list(scoped("PLANT has its own owner and its own support contract.")) == []


def test_the_disowned_instance_section_gives_nothing(catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Scope</h2><p>HARBOUR has its own TDD; this one is about the new cluster.</p>"
        "<h2>New cluster</h2><p>Node pool: 3 × m6i.4xlarge</p><p>Repositories: 1,200</p>"
        "<h2>HARBOUR</h2><p>Node pool: 5 × r6i.4xlarge</p><p>Repositories: 4,300</p>",
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get("repositories") == 1200


# -- counts taken across all the instances -----------------------------------------------------------


def test_a_clause_across_the_instances_is_found() -> None:
    assert across_instances("Across both instances we index about 3,520 repositories.") == 0
    text = "The licence is shared; all four deployments together have 9,000 users."
    assert across_instances(text) == text.index("all")
    assert across_instances("Group view. All three instances: 5,650 repositories.") == 12
    assert across_instances("Both instances use GitLab Self-Managed.") == -1  # (no sum: a shared fact)
    assert across_instances("We index 2,000 repositories across both regions.") == -1  # (sites: copies)


@pytest.mark.parametrize(
    "whole",
    ["Across both instances the company indexes 6,100 repositories for 2,000 licensed users.",
     "The three subsidiaries together have 6,100 repositories and 2,000 licensed users."],
)  # fmt: skip
def test_counts_across_the_instances_are_none_of_this_ones(whole: str, catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>This instance</h2><p>The licence is for 700 users.</p>"
        f"<p>We index 1,900 repositories from Bitbucket Data Center.</p><p>{whole}</p>",
        catalogue,
    )
    assert got.get("repositories") == 1900
    assert got.get("max_users") == 700


def test_one_instance_with_its_standby_keeps_its_counts(catalogue: Catalogue) -> None:
    got = _fields(
        "<h2>Production</h2><p>We index 1,900 repositories from Bitbucket Data Center, replicated to the "
        "standby in both regions.</p>",
        catalogue,
    )
    assert got.get("repositories") == 1900
