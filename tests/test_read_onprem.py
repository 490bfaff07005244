"""TDD reader: on-premises and air-gapped documents (blind set 79's family), one mechanism per test.

A server table setting one machine's figures beside the whole's (`Item | Per server | Total`), a
verdict that says the figures of the sentence before are not Sourcegraph's (as a clause of its own,
or with no subject), the repositories' size said of everything a code part lists, a log entry whose
clauses joined by semicolons all happened on its day, a document of decimal commas and dot-grouped
thousands that pastes a tool's `96.00 GiB`, a negation standing alone as an answer in a translated
questionnaire, a part titled only by growth, cores counted per socket, a VM template's defaults and a
supporting machine (jump host, registry mirror) under its own label. The phrasings here are not the
tuning set's.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.languages import gloss_for
from handoff.read.limitwords import growth_title
from handoff.read.notation import notation
from handoff.read.outside import said_of_before
from handoff.read.sockets import without_breakdown
from handoff.read.supporting import supporting_title
from handoff.read.vmtemplate import template_spans
from tddview import present


def _fields(body: str, catalogue: Catalogue, head: str = "<h1>Sourcegraph TDD</h1>") -> dict[str, Any]:
    return present(head + body, catalogue)


def _table(*rows: tuple[str, ...]) -> str:
    cells = ("".join(f"<td><p>{c}</p></td>" for c in r) for r in rows)
    return "<table>" + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>"


# -- one machine's column beside the whole's ---------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (
            ("Item", "Per server", "Total (4 servers)"),
            [
                ("Chassis", "HPE ProLiant DL360 Gen11", "4 units"),
                ("Serial numbers", "CZ1 / CZ2 / CZ3 / CZ4", "—"),
                ("Processors", "2 × AMD EPYC 9124 (16 cores each)", "128 cores"),
                ("RAM", "12 × 32 GB = 384 GB", "1,536 GB"),
                ("OS disks", "2 × 960 GB SATA SSD (mirror)", "—"),
            ],
        ),
        (
            ("Component", "Each node", "All nodes"),
            [
                ("Host", "Lenovo SR630 V3", "—"),
                ("Cores", "32", "128 cores"),
                ("Memory", "384 GB", "1,536 GB"),
                ("NICs", "2 × 25 GbE", "—"),
                ("Rack units", "1U", "4U"),
            ],
        ),
        (
            ("Parameter", "Per node", "Total"),
            [
                ("Model", "Supermicro SYS-121H", "—"),
                ("vCPU", "32 vCPU", "128 vCPU"),
                ("Memory", "384 GiB", "1,536 GiB"),
                ("Boot", "480 GB", "—"),
                ("Location", "Rack C3", "Rack C3"),
            ],
        ),
    ],
)
def test_the_whole_column_is_read_and_one_machines_column_is_not(
    header: tuple[str, ...], rows: list[tuple[str, ...]], catalogue: Catalogue
) -> None:
    got = _fields("<h2>Compute</h2>" + _table(header, *rows), catalogue)
    assert got.get("total_cpu") == 128
    assert got.get("total_memory_gb") == pytest.approx(1536, rel=0.08)


def test_a_pool_table_with_a_count_column_is_no_label_table(catalogue: Catalogue) -> None:
    body = "<h2>Node pools</h2>" + _table(
        ("Pool", "Nodes", "vCPU per node", "Total vCPU"),
        ("general", "3", "16", "48"),
        ("search", "2", "16", "32"),
    )
    assert _fields(body, catalogue).get("total_cpu") in (None, 80)


# -- a verdict on the sentence before -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The registry mirror is a VM with 8 vCPU and 32 GB. Excluded from the totals.",
        "The bastion VM has 4 vCPU and 16 GB of memory. Not ours.",
        "A monitoring VM with 4 vCPU, 16 GB. Not counted in the figures above.",
        "Nexus lives on its own VM (6 vCPU, 24 GB, 3 TB). Also not part of the Sourcegraph footprint.",
        "The VMware estate has 512 cores and 8 TB of RAM. We are one tenant among many, and none of these"
        " figures are ours.",
        "The hyper-converged cluster totals 320 cores and 6 TB of RAM; none of that is Sourcegraph's.",
    ],
)
def test_figures_the_next_words_disown_are_not_the_deployments(text: str, catalogue: Catalogue) -> None:
    got = _fields(f"<h2>Build notes</h2><p>{text}</p>", catalogue)
    assert not {"total_cpu", "total_memory_gb", "total_disk_gb"} & got.keys(), got


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("Not part of the Sourcegraph sizing.", True),
        ("Excluded from the totals.", True),
        ("We rent a slice and none of those numbers are ours.", True),
        ("Not yet installed.", False),
        ("Not all repositories are cloned.", False),
        ("Sourcegraph runs on it, and that is all.", False),
    ],
)
def test_a_verdict_said_of_the_sentence_before(sentence: str, said: bool) -> None:
    assert said_of_before(sentence) is said


# -- the repositories' size said of everything listed ---------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "all of it together: ~850 GB",
        "everything combined ≈ 850 GB",
        "Altogether about 850 GB.",
        "~850 GB on gitserver once the initial sync finished",
        "850 GB after the first import",
    ],
)
def test_the_size_of_everything_a_code_part_lists_is_the_repositories(
    line: str, catalogue: Catalogue
) -> None:
    body = (
        "<h2>Repos</h2><ul><li>GitLab (gitlab.corp.example): 1,200</li><li>Gerrit: 300</li>"
        f"<li>biggest: platform-mono, 12 GB</li><li>{line}</li></ul>"
    )
    assert _fields(body, catalogue).get("total_repo_size_gb") == 850


# -- a log entry's clauses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        "VMs handed over by the virtualisation team; installation of Sourcegraph started",
        "Firewall change CHG-88 implemented; production build started",
        "Template deployed; sizing changed; Sourcegraph installation begun",
    ],
)
def test_each_clause_of_a_log_entry_happened_on_its_day(entry: str, catalogue: Catalogue) -> None:
    body = "<h2>History</h2>" + _table(
        ("When", "Entry"),
        ("2 Feb 2026", "CAB approval"),
        ("16 Feb 2026", entry),
        ("27 Feb 2026", "Production build finished and accepted"),
    )
    got = _fields(body, catalogue)
    assert got.get("start_date") == "2026-02-16"
    assert got.get("completion_date") == "2026-02-27"


def test_a_clause_after_another_environments_is_that_environments(catalogue: Catalogue) -> None:
    body = "<h2>History</h2>" + _table(
        ("When", "Entry"),
        ("16 Feb 2026", "Staging VM cloned; installation started"),
        ("27 Feb 2026", "Production build finished and accepted"),
    )
    assert _fields(body, catalogue).get("start_date") is None


# -- a document's number habit beside a tool's pasted output -------------------------------------


def test_a_tools_zero_fraction_does_not_hide_a_european_habit() -> None:
    text = "Memória 64.00 GiB\nDisco: 1.250 GB ao todo; o maior repositório tem 2,5 GB; 1.400 usuários"
    assert notation(text).european
    assert notation(text).rewrite("1.250 GB") == "1,250 GB"


@pytest.mark.parametrize(
    "text",
    [
        "Disk 1.5 TB and 1.250 GB and 2,5 GB",  # a decimal point with a fraction: the habit is mixed
        "Memory 64.00 GiB, disk 1.250 GB",  # no decimal comma: no sign of the other habit
    ],
)
def test_a_real_decimal_point_still_shows_the_english_habit(text: str) -> None:
    assert not notation(text).european


# -- an answer's own "no" -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "want"),
    [
        ("pt", "Não, nenhum.", "No, none."),
        ("es", "No. Ninguno.", "No. None."),
        ("pt", "Resposta: Não.", "Resposta: No."),
    ],
)
def test_a_negation_alone_is_the_answer_no(language: str, text: str, want: str) -> None:
    assert gloss_for((language,)).gloss(text)[0] == want


def test_a_negation_inside_a_sentence_stays_not() -> None:
    assert "not" in gloss_for(("pt",)).gloss("A VM não foi clonada.")[0]


# -- a part titled only by growth -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "growth"),
    [
        ("Growth", True),
        ("5.3 Anticipated growth", True),
        ("Do you expect growth?", True),
        ("Growth outlook", True),
        ("Is any expansion planned?", True),
        ("Limits and growth", False),
        ("Sizing for growth", False),
        ("Users", False),
        ("Growth of the Gitaly cluster's disks", False),
    ],
)
def test_a_title_only_about_growth(title: str, growth: bool) -> None:
    assert growth_title(title) is growth


@pytest.mark.parametrize("title", ["Anticipated growth", "Do you expect growth?", "Growth outlook"])
def test_figures_under_a_growth_title_are_no_limits(title: str, catalogue: Catalogue) -> None:
    body = (
        "<h2>Agreed limits</h2><p>Licensed for 900 users, 150 of them at once.</p>"
        f"<h3>{title}</h3><p>Yes, maybe 2,500 users once the second site joins in 2028.</p>"
    )
    got = _fields(body, catalogue)
    assert got.get("max_users") == 900


# -- cores counted per socket -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "vCPU: 4 sockets × 8 cores per socket",
        "The VM was given 4 sockets x 8 cores (per socket).",
        "CPU: 4 sockets × 8 cores / socket",
    ],
)
def test_cores_counted_per_socket_are_multiplied(line: str, catalogue: Catalogue) -> None:
    assert _fields(f"<h2>Production VM</h2><p>{line}</p>", catalogue).get("total_cpu") == 32


# -- a VM template's defaults -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<p>Cloned from the template win2022-std (2 vCPU, 8 GB RAM, 90 GB) and then given 16 vCPU, 64 GB"
        " RAM and a 1 TB disk.</p>",
        "<p>The Ubuntu 22.04 template ships with 2 vCPU, 4 GB RAM and a 40 GB disk; the VM got 16 vCPU,"
        " 64 GB RAM and a 1 TB disk.</p>",
        "<ul><li>golden image defaults: 1 socket × 2 cores, 4096 MB, 50 GB</li>"
        "<li>sg-01 as built: 16 vCPU, 64 GB RAM, 1 TB disk</li></ul>",
    ],
)
def test_a_templates_figures_are_not_the_vms(text: str, catalogue: Catalogue) -> None:
    got = _fields(f"<h2>Production VM</h2>{text}", catalogue)
    assert (got.get("total_cpu"), got.get("total_memory_gb"), got.get("total_disk_gb")) == (16, 64, 1000)


@pytest.mark.parametrize(
    "sentence",
    [
        "We cloned the template and gave the VM 16 vCPU.",
        "Container images (12 GB) come from the mirror.",
        "The template was cloned and resized; none of its defaults survived.",
    ],
)
def test_no_template_figures_where_none_are_the_templates(sentence: str) -> None:
    assert template_spans(sentence) == []


# -- a supporting machine under its own label -----------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "<p>Admin jump box jb-sg-02: 2 vCPU, 8 GB.</p>",
        "<ul><li>Bastion VM: 4 vCPU, 16 GB, 100 GB</li>"
        "<li>Container registry mirror: 8 vCPU, 32 GB, 3 TB</li></ul>",
        "<h3>Jump server</h3><p>js-01 (2 vCPU / 4 GB), Windows Server 2022.</p>",
    ],
)
def test_a_supporting_machines_figures_are_not_the_deployments(body: str, catalogue: Catalogue) -> None:
    got = _fields(f"<h2>Production</h2><p>Production VM: 24 vCPU, 96 GB RAM, 2 TB disk.</p>{body}", catalogue)
    assert (got.get("total_cpu"), got.get("total_memory_gb"), got.get("total_disk_gb")) == (24, 96, 2000)


@pytest.mark.parametrize(
    ("title", "supporting"),
    [
        ("Jump host", True),
        ("Bastion bst-01", True),
        ("Mirror registry (Quay)", True),
        ("Access via the bastion", False),
        ("Jump hosts and mirrors", False),
        ("Harbor", False),
    ],
)
def test_a_title_that_is_a_supporting_machine(title: str, supporting: bool) -> None:
    assert supporting_title(title) is supporting


def test_a_heading_about_access_through_the_bastion_keeps_its_address(catalogue: Catalogue) -> None:
    body = (
        "<h2>Access via the bastion</h2>"
        "<p>Users reach https://code.corp.example; admins come in over SSH.</p>"
    )
    assert _fields(body, catalogue).get("instance_url") == "https://code.corp.example"


# -- a disk placed on a storage whole -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The data disk is 2 TB, placed on datastore DS-SILVER-04 (48 TB, 20% free).",
        "Sourcegraph VM: 2 TB VMDK in the vSAN datastore (96 TB raw).",
        "A 2 TB volume from the NetApp aggregate aggr_prod_02 (300 TB) holds /var/lib/docker.",
    ],
)
def test_a_disk_on_a_storage_wholes_is_the_disk_not_their_sum(text: str, catalogue: Catalogue) -> None:
    assert _fields(f"<h2>Production VM</h2><p>{text}</p>", catalogue).get("total_disk_gb") == 2000


# -- a CPU figure's socket breakdown -----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "<table><tr><td><p>vCPUs</p></td><td><p>24 (2 sockets, 12 cores per socket)</p></td></tr>"
        "<tr><td><p>RAM</p></td><td><p>96 GB</p></td></tr></table>",
        "<ul><li>CPU: 24 (2 sockets, 12 cores)</li><li>RAM: 96 GB</li></ul>",
        "<p>The VM got 24 vCPU (2 CPUs × 12 cores each) and 96 GB of memory.</p>",
    ],
)
def test_a_cpu_figures_socket_breakdown_is_its_working(body: str, catalogue: Catalogue) -> None:
    assert _fields(f"<h2>Production VM</h2>{body}", catalogue).get("total_cpu") == 24


def test_a_breakdown_that_does_not_multiply_to_the_figure_is_left_alone() -> None:
    assert without_breakdown("32 (4 sockets, 4 cores)") == "32 (4 sockets, 4 cores)"
    assert without_breakdown("32 (4 sockets, 8 cores)").rstrip() == "32"
