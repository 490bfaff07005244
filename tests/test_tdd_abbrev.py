"""A key to the tables: short forms a document defines (a key after the tables, a glossary before
them, a term introduced in brackets) are read in full where a table cell is made of them. A snippet
of a TDD in, the field values out."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read, table

_HOSTS = table(
    ("Env", "CH", "Repos", "MR"),
    ("P", "GHES", "1 210", "1"),
    ("P", "ADO", "95", "0"),
    ("P", "Σ", "1 305", "1"),
    ("S", "GHES", "40", "0"),
)


def test_a_key_after_the_tables_writes_their_cells_out(catalogue: Catalogue) -> None:
    got = read(
        _HOSTS + "<h2>Key</h2><ul><li>Env: P = production; S = staging</li>"
        "<li>CH = code host; GHES = GitHub Enterprise Server; ADO = Azure DevOps</li>"
        "<li>MR = monorepos; Σ = total of the environment</li></ul>",
        catalogue,
    )
    assert got["repositories"] == ["1305"]
    assert got["monorepos"] == ["1"]
    assert set(got["code_hosts"]) == {"GitHub Enterprise Server, Azure DevOps"}


def test_a_glossary_table_before_the_tables_is_a_key_too(catalogue: Catalogue) -> None:
    glossary = table(
        ("Abbreviation", "Meaning"),
        ("P", "Production"),
        ("S", "Staging copy"),
        ("CH", "Code host"),
        ("GHES", "GitHub Enterprise Server"),
        ("ADO", "Azure DevOps"),
        ("MR", "Monorepos"),
    )
    got = read("<h2>Glossary</h2>" + glossary + "<h2>Facts</h2>" + _HOSTS.replace("Σ", "Total"), catalogue)
    assert got["repositories"] == ["1305"]
    assert set(got["code_hosts"]) == {"GitHub Enterprise Server, Azure DevOps"}


def test_terms_introduced_in_brackets_and_units_the_key_gives(catalogue: Catalogue) -> None:
    got = read(
        "<p>Sizing is in virtual CPUs (VC) and memory (MEM), both for production only; MEM and DSK"
        " in GiB.</p>" + table(("Environment", "VC", "MEM", "DSK"), ("Production", "24", "96", "1 200")),
        catalogue,
    )
    assert got["total_cpu"] == ["24"]
    assert got["total_memory_gb"] == ["96 GiB"]


def test_a_declared_two_digit_year_order_is_read(catalogue: Catalogue) -> None:
    got = read(
        table(("Env", "Build started", "Build completed"), ("P", "14.09.26", "09.10.26"))
        + "<p>Env: P = production. Dates are dd.mm.yy.</p>",
        catalogue,
    )
    assert got["start_date"] == ["2026-09-14"]
    assert got["completion_date"] == ["2026-10-09"]


def test_a_code_the_document_speaks_in_stays_a_name(catalogue: Catalogue) -> None:
    """`LON-1` is used in prose and in `LON-1 total`: the document's own name, learnt as a name."""
    got = read(
        "<p>LON-1 = live environment; IRL-1 = recovery site. IRL-1 failover was never tested.</p>"
        + table(
            ("Env", "Nodes", "vCPU"),
            ("LON-1", "3 × r6i.4xlarge", "48"),
            ("LON-1 total", "3 nodes", "48"),
            ("IRL-1 (warm standby)", "2 × r6i.4xlarge", "32"),
        ),
        catalogue,
    )
    assert got["total_cpu"] == ["48"]


def test_cells_of_words_and_documents_without_a_key_are_untouched(catalogue: Catalogue) -> None:
    got = read(
        "<p>Status: G = met, A = met with an action.</p>"
        + table(("Item", "Value"), ("Repositories", "1,305"), ("Code host", "GitHub Enterprise Server")),
        catalogue,
    )
    assert got["repositories"] == ["1305"]
    assert got["code_hosts"] == ["GitHub Enterprise Server"]


def test_a_glossary_told_in_sentences_counts_every_entry(catalogue: Catalogue) -> None:
    """Most entries' letters fit their meanings, so `S` is the rehearsal copy though its do not."""
    got = read(
        "<p>For P, we have Live production service.</p><p>As to S, it is Rehearsal copy.</p>"
        "<p>The VC entry reads vCPUs.</p><p>Recorded under DSK: Disk in total.</p>"
        + table(("Tier", "VC", "DSK"), ("P", "48", "1,500 GB"), ("S", "8", "200 GB")),
        catalogue,
    )
    assert got["total_cpu"] == ["48"]
    assert got["total_disk_gb"] == ["1500 GB"]
