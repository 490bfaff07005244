"""TDD parser: Docs JSON → labelled values with locations, production vs trial, never a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docjson import (
    cell,
    date_chip,
    heading,
    item,
    legacy,
    para,
    person,
    rich_link,
    run,
    tab,
    tabbed,
    table,
)
from handoff.core.fields import Catalogue
from handoff.core.model import TddValue
from handoff.read.tdd import document_text, html_document, parse_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "google-docs"
SEED_DOCS = ROOT / "config" / "sandbox" / "docs"


def parse(doc: Any, catalogue: Catalogue) -> list[TddValue]:
    return parse_document(doc, catalogue)


def by_field(values: list[TddValue]) -> dict[str, list[TddValue]]:
    out: dict[str, list[TddValue]] = {}
    for v in values:
        if v.field:
            out.setdefault(v.field, []).append(v)
    return out


# -- forms of labelled values ----------------------------------------------------------------------


def test_two_column_table_with_bold_labels(catalogue: Catalogue) -> None:
    doc = legacy(
        heading("Production deployment"),
        table(
            [para(run("Deployment type", bold=True)), "Kubernetes with Helm"],
            [para(run("Hosting provider", bold=True)), "AWS"],
            [para(run("Region", bold=True)), "us-east-1"],
        ),
    )
    values = parse(doc, catalogue)
    assert [(v.field, v.label, v.text) for v in values] == [
        ("deployment_type", "Deployment type", "Kubernetes with Helm"),
        ("hosting_provider", "Hosting provider", "AWS"),
        ("region", "Region", "us-east-1"),
    ]
    assert str(values[1].location) == "TDD Production deployment › table 1, row 2"
    assert {v.section for v in values} == {"production"}
    assert not any(v.derived for v in values)


def test_generic_header_row_of_a_label_value_table_is_skipped(catalogue: Catalogue) -> None:
    doc = legacy(table(["Field", "Value"], ["Total CPU", "48 vCPU"]))
    values = parse(doc, catalogue)
    assert [(v.field, v.text, str(v.location)) for v in values] == [
        ("total_cpu", "48 vCPU", "TDD table 1, row 2")
    ]


def test_label_value_paragraphs(catalogue: Catalogue) -> None:
    doc = legacy(
        heading("Sizing"),
        para("Some prose without a label."),
        para("Total CPU: 64 vCPU"),
        para(run("Total memory:", bold=True), run(" 224 GiB")),
        para(
            "A sentence that merely mentions a time like 10:30 and goes on for quite a few words: not a label"
        ),
        para("See https://example.com/page: the link"),  # a page, so not the only site address either
    )
    values = parse(doc, catalogue)
    assert [(v.field, v.text, str(v.location)) for v in values] == [
        ("total_cpu", "64 vCPU", "TDD Sizing › paragraph 2"),
        ("total_memory_gb", "224 GiB", "TDD Sizing › paragraph 3"),
    ]


def test_soft_line_breaks_and_dot_separators(catalogue: Catalogue) -> None:
    doc = legacy(para("Repositories: 9,412\u000bMonorepos: 3 · Largest repository: 6.2 GB"))
    got = {v.field: v.text for v in parse(doc, catalogue)}
    assert got == {"repositories": "9,412", "monorepos": "3", "largest_repo_mb": "6.2 GB"}


def test_a_label_followed_by_a_list(catalogue: Catalogue) -> None:
    doc = legacy(
        para("Code hosts:"),
        item("GitHub Enterprise Server"),
        item("Bitbucket Data Center"),
        para("Repositories: 10"),
    )
    values = parse(doc, catalogue)
    assert [(v.field, v.text, str(v.location)) for v in values] == [
        ("code_hosts", "GitHub Enterprise Server\nBitbucket Data Center", "TDD paragraph 1"),
        ("repositories", "10", "TDD paragraph 4"),
    ]


def test_list_items_with_labels(catalogue: Catalogue) -> None:
    doc = legacy(item("Total disk: 4 TB"), item("gitserver: 3 volumes of 1 TB each"))
    values = parse(doc, catalogue)
    assert [(v.field, v.label) for v in values] == [("total_disk_gb", "Total disk"), (None, "gitserver")]


def test_smart_chips_are_text_and_links_are_kept(catalogue: Catalogue) -> None:
    doc = legacy(
        table(
            ["Start of production infrastructure", cell(para(date_chip("Sep 14, 2026")))],
            ["Sourcegraph URL", cell(para(run("https://sg.example.com", link="https://sg.example.com")))],
            ["Owner", cell(para(person("Priya Raman", "priya@example.com")))],
            ["Tracking sheet", cell(para(rich_link("Tracking", "https://docs.google.com/spreadsheets/d/x")))],
        )
    )
    values = parse(doc, catalogue)
    assert [(v.field, v.text, v.link) for v in values] == [
        ("start_date", "Sep 14, 2026", None),
        ("instance_url", "https://sg.example.com", "https://sg.example.com"),
        (None, "Priya Raman", "mailto:priya@example.com"),
        (None, "Tracking", "https://docs.google.com/spreadsheets/d/x"),
    ]


def test_date_chip_without_display_text_uses_its_timestamp(catalogue: Catalogue) -> None:
    doc = legacy(
        para(
            "Production completion date: ",
            {"dateElement": {"dateElementProperties": {"timestamp": "2026-11-06T00:00:00Z"}}},
        )
    )
    assert [v.text for v in parse(doc, catalogue)] == ["2026-11-06"]


def test_suggested_insertions_are_not_read(catalogue: Catalogue) -> None:
    doc = legacy(
        para(
            run("Total CPU: 48"),
            run("0", suggestedInsertionIds=["s1"]),
            run(" vCPU", suggestedDeletionIds=["s2"]),
        )
    )
    assert [v.text for v in parse(doc, catalogue)] == ["48 vCPU"]


# -- tables with a header row ----------------------------------------------------------------------


def instance_table(total: bool = True) -> dict[str, Any]:
    rows: list[list[Any]] = [
        ["Role", "Instance type", "Count", "vCPU", "Memory"],
        ["EKS nodes", "m6i.4xlarge", "3", "16", "64 GiB"],
        ["Executors", "c6i.2xlarge", "2", "8", "16 GiB"],
    ]
    if total:
        rows.append(["Total", "", "5", "64", "224 GiB"])
    return table(*rows)


def test_instance_table_gives_the_list_and_the_total_row(catalogue: Catalogue) -> None:
    values = parse(legacy(heading("Instances", 3), instance_table()), catalogue)
    assert [(v.field, v.label, v.text, str(v.location), v.derived) for v in values] == [
        (
            "instance_types",
            "Instance type",
            "3 × m6i.4xlarge, 2 × c6i.2xlarge",
            "TDD Instances › table 1, rows 2–3",
            True,
        ),
        ("total_cpu", "vCPU", "64", "TDD Instances › table 1, row 4", True),
        ("total_memory_gb", "Memory", "224 GiB", "TDD Instances › table 1, row 4", True),
        (  # no cloud named: the instance types' shape names it
            "hosting_provider",
            "Hosting provider",
            "3 × m6i.4xlarge, 2 × c6i.2xlarge",
            "TDD Instances › table 1, rows 2–3",
            True,
        ),
    ]


def test_per_instance_columns_are_not_totals(catalogue: Catalogue) -> None:
    values = parse(legacy(instance_table(total=False)), catalogue)
    assert [v.field for v in values] == ["instance_types", "hosting_provider"]


def test_environment_column_puts_rows_in_sections(catalogue: Catalogue) -> None:
    doc = legacy(
        table(
            ["Environment", "Instance type", "Count"],
            ["Trial", "m6i.2xlarge", "1"],
            ["Production", "r6i.4xlarge", "3"],
        )
    )
    got = [(v.section, v.text) for v in parse(doc, catalogue) if v.field == "instance_types"]
    assert got == [("trial", "1 × m6i.2xlarge"), ("production", "3 × r6i.4xlarge")]


def test_columns_per_environment(catalogue: Catalogue) -> None:
    doc = legacy(
        table(
            ["Setting", "Trial", "Production"],
            ["Deployment type", "Docker Compose", "Kubernetes with Helm"],
            ["Total CPU", "8", "48"],
        )
    )
    got = [(v.field, v.section, v.text, str(v.location)) for v in parse(doc, catalogue)]
    assert got == [
        ("deployment_type", "trial", "Docker Compose", "TDD table 1, row 2"),
        ("deployment_type", "production", "Kubernetes with Helm", "TDD table 1, row 2"),
        ("total_cpu", "trial", "8", "TDD table 1, row 3"),
        ("total_cpu", "production", "48", "TDD table 1, row 3"),
    ]


def test_header_table_of_code_hosts_collects_the_column_and_sums_the_counts(catalogue: Catalogue) -> None:
    doc = legacy(
        table(
            ["Code host", "URL", "Repositories"],
            ["GitHub Enterprise Server", "github.x", "8,100"],
            ["Bitbucket Data Center", "bb.x", "1,300"],
        )
    )
    values = parse(doc, catalogue)
    assert [(v.field, v.text, v.value) for v in values] == [
        ("code_hosts", "GitHub Enterprise Server, Bitbucket Data Center",
         "GitHub Enterprise Server, Bitbucket Server / Data Center"),
        ("repositories", "8,100 + 1,300", "9400"),
    ]  # fmt: skip
    assert str(values[1].location) == "TDD table 1, row 2" and values[1].how.startswith("sum of 2 code hosts")


def test_unrecognised_multi_column_tables_give_nothing(catalogue: Catalogue) -> None:
    doc = legacy(table(["Date", "Author", "Change"], ["2026-09-10", "Priya", "First draft"]))
    assert parse(doc, catalogue) == []


def test_one_column_tables_read_like_paragraphs(catalogue: Catalogue) -> None:
    doc = legacy(table([cell("Deployment type: Kubernetes with Helm", "Hosting provider: GCP")]))
    values = parse(doc, catalogue)
    assert [(v.field, v.text, str(v.location)) for v in values] == [
        ("deployment_type", "Kubernetes with Helm", "TDD table 1, row 1, paragraph 1"),
        ("hosting_provider", "GCP", "TDD table 1, row 1, paragraph 2"),
    ]


def test_nested_tables_are_read_and_numbered(catalogue: Catalogue) -> None:
    inner = table(["Total disk", "2 TB"])
    doc = legacy(table([cell(para("Storage"), inner), "see the inner table"]), table(["Monorepos", "1"]))
    values = parse(doc, catalogue)
    located = {v.field: str(v.location) for v in values if v.field}
    assert located == {"total_disk_gb": "TDD table 2, row 1", "monorepos": "TDD table 3, row 1"}


def test_non_rectangular_tables(catalogue: Catalogue) -> None:
    doc = legacy(table(["Total CPU", "48"], ["Monorepos"], [], ["Repositories", "4,500", "(approx.)"]))
    assert [(v.field, v.text) for v in parse(doc, catalogue)] == [
        ("total_cpu", "48"),
        ("repositories", "4,500 (approx.)"),
    ]


# -- sections, tabs and locations ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "section"),
    [
        ("Production deployment", "production"),
        ("Production deployment (planned)", "production"),
        ("Code hosts and repositories (production)", "production"),
        ("Prod", "production"),
        ("Trial (POC) deployment", "trial"),
        ("Proof of concept", "trial"),
        ("Appendix: POC sizing (archived)", "trial"),
        ("Staging environment", "trial"),
        ("Non-production clusters", "trial"),
        ("Pilot", "trial"),
        ("Overview", ""),
        ("Productivity goals", ""),
    ],
)
def test_headings_mark_sections(catalogue: Catalogue, title: str, section: str) -> None:
    values = parse(legacy(heading(title), para("Total CPU: 8")), catalogue)
    assert values[0].section == section


def test_the_nearest_heading_wins(catalogue: Catalogue) -> None:
    doc = legacy(
        heading("Production", 1),
        heading("Overview", 1),
        heading("Trial", 2),
        para("Total CPU: 8"),
        heading("Production sizing", 2),
        para("Total CPU: 48"),
    )
    assert [(v.section, v.text) for v in parse(doc, catalogue)] == [("trial", "8"), ("production", "48")]


def test_tabs_child_tabs_and_their_sections(catalogue: Catalogue) -> None:
    doc = tabbed(
        tab("Overview", para("Prepared by: Tomás")),
        tab("Trial (POC)", para("Total CPU: 8 vCPU")),
        tab(
            "Production",
            heading("Production deployment"),
            para("Total CPU: 48 vCPU"),
            children=[tab("Code hosts", heading("Code hosts and repositories"), para("Repositories: 4,500"))],
        ),
        tab("Appendix: POC sizing", table(["Total CPU", "8 vCPU"])),
    )
    values = parse(doc, catalogue)
    assert [(v.field, v.section, str(v.location)) for v in values] == [
        (None, "", 'TDD tab "Overview" › paragraph 1'),
        ("total_cpu", "trial", 'TDD tab "Trial (POC)" › paragraph 1'),
        ("total_cpu", "production", 'TDD tab "Production" › Production deployment › paragraph 1'),
        ("repositories", "production", 'TDD tab "Code hosts" › Code hosts and repositories › paragraph 1'),
        ("total_cpu", "trial", 'TDD tab "Appendix: POC sizing" › table 1, row 1'),
    ]


def test_a_single_tab_is_not_named_and_a_title_heading_is_not_a_section(catalogue: Catalogue) -> None:
    doc = tabbed(
        tab("Tab 1", heading("Acme — Technical Design Document", 1), heading("Sizing"), para("Total CPU: 64"))
    )
    assert [str(v.location) for v in parse(doc, catalogue)] == ["TDD Sizing › paragraph 1"]


def test_two_heading_1s_are_both_sections(catalogue: Catalogue) -> None:
    doc = legacy(heading("Trial", 1), para("Total CPU: 8"), heading("Production", 1), para("Total CPU: 48"))
    assert [(v.section, str(v.location)) for v in parse(doc, catalogue)] == [
        ("trial", "TDD Trial › paragraph 1"),
        ("production", "TDD Production › paragraph 2"),
    ]


def test_bold_short_paragraphs_act_as_headings(catalogue: Catalogue) -> None:
    doc = legacy(
        para(run("Proof of concept", bold=True)),
        para("Total CPU: 16"),
        para(run("Production", bold=True)),
        para("Total CPU: 48"),
    )
    assert [(v.section, str(v.location)) for v in parse(doc, catalogue)] == [
        ("trial", "TDD Proof of concept › paragraph 2"),
        ("production", "TDD Production › paragraph 4"),
    ]


def test_long_headings_are_shortened_in_locations(catalogue: Catalogue) -> None:
    long = "A heading that goes on and on and on well past any reasonable width for a location"
    values = parse(legacy(heading(long), para("Total CPU: 1")), catalogue)
    assert str(values[0].location).startswith("TDD A heading that goes on and on and on well past")
    assert "…" in str(values[0].location)


def test_table_of_contents_is_skipped(catalogue: Catalogue) -> None:
    toc = {"tableOfContents": {"content": [para("Total CPU: 999")]}}
    assert parse(legacy(toc, para("Total CPU: 4")), catalogue)[0].text == "4"


# -- labels ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Deployment type", "deployment_type"),
        ("Hosting provider", "hosting_provider"),
        ("Sourcegraph URL", "instance_url"),
        ("Start of production infrastructure", "start_date"),
        ("Production infrastructure completed", "completion_date"),
        ("Instance types", "instance_types"),
        ("Total CPU", "total_cpu"),
        ("Total memory", "total_memory_gb"),
        ("Total disk", "total_disk_gb"),
        ("Code hosts", "code_hosts"),
        ("Repositories", "repositories"),
        ("Monorepos", "monorepos"),
        ("Largest repository", "largest_repo_mb"),
        ("Total repository size", "total_repo_size_gb"),
        ("TOTAL  MEMORY (GiB)", "total_memory_gb"),
        ("total-cpu", "total_cpu"),
    ],
)
def test_seed_labels_map_to_fields(catalogue: Catalogue, label: str, field: str) -> None:
    f = catalogue.field_for_label(label)
    assert f is not None and f.name == field


@pytest.mark.parametrize(
    "label",
    [
        "Kubernetes version",
        "OpenShift version",
        "Trial start",
        "Prepared by",
        "Owner",
        "Author",
        "Customer contact",
        "Tracking sheet",
        "Result",
        "Account",
        "TDD link",
    ],
)
def test_labels_that_are_not_fields(catalogue: Catalogue, label: str) -> None:
    assert catalogue.field_for_label(label) is None


# -- real documents ------------------------------------------------------------------------------------


def test_every_real_fixture_parses(catalogue: Catalogue) -> None:
    files = sorted(FIXTURES.glob("*.json"))
    assert len(files) == 7
    for path in files:
        values = parse(json.loads(path.read_text(encoding="utf-8")), catalogue)
        assert all(isinstance(v, TddValue) for v in values)


def test_real_fixture_text_is_read(catalogue: Catalogue) -> None:
    tables = json.loads((FIXTURES / "tables.json").read_text(encoding="utf-8"))
    text = document_text(tables)
    assert "Col 2 line 1" in text and "Col 3 line 2" in text
    links = json.loads((FIXTURES / "links.json").read_text(encoding="utf-8"))
    assert "unknown url" in document_text(links)


def test_acme_seed_tdd(catalogue: Catalogue) -> None:
    doc = html_document((SEED_DOCS / "acme-tdd.html").read_text(encoding="utf-8"))
    fields = by_field(parse(doc, catalogue))
    assert fields["start_date"][0].text == "Sep 14, 2026"
    assert fields["completion_date"][0].text == "Nov 6, 2026"
    assert [v.text for v in fields["instance_types"]] == [
        "3 × m6i.4xlarge, 2 × c6i.2xlarge",
        "3x m6i.4xlarge, 2x c6i.2xlarge",
    ]
    assert [v.text for v in fields["total_cpu"]] == ["64", "64 vCPU"]
    assert fields["total_repo_size_gb"][0].text == "~1.1 TB"
    assert fields["instance_url"][0].link == "https://sourcegraph.acmecorp.com"
    assert all(v.section in ("production", "") for vs in fields.values() for v in vs)


def test_initech_seed_tdd_keeps_trial_values_apart(catalogue: Catalogue) -> None:
    doc = html_document((SEED_DOCS / "initech-tdd.html").read_text(encoding="utf-8"))
    values = parse(doc, catalogue)
    trial = {(v.field, v.text) for v in values if v.section == "trial"}
    assert {
        ("deployment_type", "Docker Compose"),
        ("instance_url", "http://10.20.4.17:7080"),
        ("instance_types", "1x m6i.2xlarge"),
        ("total_cpu", "8 vCPU"),
        ("total_memory_gb", "32 GiB"),
        ("total_disk_gb", "500 GB"),
        ("repositories", "~300"),
        ("largest_repo_mb", "900 MB"),
    } <= trial
    production = by_field([v for v in values if v.section == "production"])
    assert production["repositories"][0].text == "4,500"
    assert str(production["repositories"][0].location) == (
        'TDD tab "Code hosts" › Code hosts and repositories (production) › paragraph 4'
    )
    assert production["largest_repo_mb"][0].text == "1.8 GB"


def test_hooli_proof_of_concept_is_trial(catalogue: Catalogue) -> None:
    doc = html_document((SEED_DOCS / "hooli-tdd.html").read_text(encoding="utf-8"))
    fields = by_field(parse(doc, catalogue))
    assert [v.section for v in fields["total_cpu"]] == ["trial"]
    assert [(v.section, v.text) for v in fields["deployment_type"]] == [
        ("trial", "Docker Compose"),
        ("production", "Kubernetes with Helm"),
    ]


# -- never a crash -----------------------------------------------------------------------------------

KEYS = [
    "tabs",
    "childTabs",
    "documentTab",
    "tabProperties",
    "title",
    "body",
    "content",
    "paragraph",
    "elements",
    "textRun",
    "textStyle",
    "bold",
    "link",
    "url",
    "table",
    "tableRows",
    "tableCells",
    "bullet",
    "paragraphStyle",
    "namedStyleType",
    "person",
    "personProperties",
    "name",
    "email",
    "richLink",
    "richLinkProperties",
    "uri",
    "dateElement",
    "dateElementProperties",
    "displayText",
    "timestamp",
    "suggestedInsertionIds",
    "tableOfContents",
    "sectionBreak",
]
garbage = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.sampled_from(["HEADING_1", "HEADING_2", "TITLE", "Total CPU: 4", "Production", "Trial"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=40,
)

WORDS = [
    "Total CPU",
    "Total memory",
    "Code hosts",
    "Region",
    "Instance type",
    "Count",
    "Production",
    "Trial",
    "POC",
    "Total",
    "Environment",
    "16",
    "64 GiB",
    "m6i.4xlarge",
    "~9,400",
    ":",
    " · ",
    "\u000b",
    "\n",
    "https://x.example",
    "Deployment type: Helm",
    "Label:",
    "",
]
texts = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=5).map(" ".join)
paragraphs = st.builds(
    lambda t, s, b: para(run(t, bold=b), style=s),
    texts,
    st.sampled_from(["NORMAL_TEXT", "HEADING_1", "HEADING_2", "HEADING_3", "TITLE"]),
    st.booleans(),
) | st.builds(item, texts)
tables = st.lists(st.lists(texts, max_size=5), max_size=5).map(lambda rows: table(*rows))
blocks = st.lists(paragraphs | tables, max_size=12)
documents = st.one_of(
    st.builds(lambda b: legacy(*b), blocks),
    st.lists(st.tuples(texts, blocks, st.lists(st.tuples(texts, blocks), max_size=2)), max_size=3).map(
        lambda ts: tabbed(*(tab(t, *b, children=[tab(ct, *cb) for ct, cb in kids]) for t, b, kids in ts))
    ),
)


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents)
def test_well_formed_documents_never_crash(catalogue: Catalogue, doc: dict[str, Any]) -> None:
    for v in parse(doc, catalogue):
        assert v.label and v.text and str(v.location).startswith("TDD ")
        assert v.section in ("", "production", "trial")
        assert v.field is None or v.field in catalogue.fields


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(doc=garbage)
def test_malformed_json_never_crashes(catalogue: Catalogue, doc: Any) -> None:
    assert isinstance(parse(doc, catalogue), list)
    assert isinstance(parse({"tabs": [doc], "body": doc}, catalogue), list)
    assert isinstance(document_text(doc), str)


def test_the_benchmark_document_parses(catalogue: Catalogue) -> None:
    from bench.bench_parse import generated_tdd

    values = parse(generated_tdd(20), catalogue)
    sections = {v.section for v in values if v.field == "total_cpu"}
    assert sections == {"trial", "production"}
    assert any(v.derived and v.field == "instance_types" for v in values)


# -- handoff tdd FILE ------------------------------------------------------------------------------------


def run_tdd(path: Path, as_json: bool = False) -> tuple[int, str]:
    import io

    from rich.console import Console

    from handoff.commands.tdd import tdd_command
    from handoff.core.settings import load_settings

    out = io.StringIO()
    code = tdd_command(
        str(path),
        as_json,
        Console(file=out, width=200, color_system=None),
        load_settings(ROOT / "config" / "handoff.toml"),
    )
    return code, out.getvalue()


def test_tdd_command_table_from_html() -> None:
    code, text = run_tdd(SEED_DOCS / "initech-tdd.html")
    assert code == 0
    assert "TDD fields found" in text
    assert 'tab "Code hosts" › Code hosts and repositories (production) › paragraph 4' in text
    assert "never used" in text


def test_tdd_command_json_from_docs_json(tmp_path: Path) -> None:
    doc = tmp_path / "tdd.json"
    doc.write_text(json.dumps(legacy(heading("Production"), para("Total CPU: 48 vCPU"))), encoding="utf-8")
    code, text = run_tdd(doc, as_json=True)
    assert code == 0
    assert json.loads(text) == {
        "source": str(doc),
        "fields": {
            "total_cpu": {
                "value": 48,
                "text": "48 vCPU",
                "location": "TDD Production › paragraph 1",
                "section": "production",
                "how": "label",
            }
        },
        "unplaced": [],
        "problems": [],
    }


def test_tdd_command_refuses_what_is_not_a_document(tmp_path: Path) -> None:
    from handoff.core.errors import InputError, UsageError

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="neither Docs API JSON nor HTML"):
        run_tdd(bad)
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="not a document object"):
        run_tdd(bad)
    with pytest.raises(UsageError, match="is not a file, a Google Docs URL or a document id"):
        run_tdd(tmp_path / "missing.json")
    bad.write_text("[" * 100_000, encoding="utf-8")  # json.loads raises RecursionError
    with pytest.raises(InputError, match="nested too deeply"):
        run_tdd(bad)
