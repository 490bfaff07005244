"""TDD reader: a half-filled template. The template's own column of guidance, examples or defaults
beside the value column is not read (`read/guidance.py`); a value that only points to where the
answer is written (`see 2.1 below`) states nothing in its place (`read/unset.py`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import guidance, leftover
from handoff.read.tdd import html_document
from handoff.read.unset import points_elsewhere
from tdd_snippets import read, read_doc, table


@pytest.mark.parametrize(
    ("header", "helps"),
    [
        (["Setting", "Hint", "Ours"], {1}),
        (["Parameter", "What to write", "Sample entry", "Entered"], {1, 2}),
        (["Pool", "default", "search", "Total"], set()),  # a node pool named default
        (["Step", "Instruction", "Expected result", "Actual result"], set()),
        (["Sizing input", "Default (template)", "Kestrel Bank"], {1}),
        (["Question", "Typical customer", "Response"], {1}),
        (["Item", "Instructions for use", "Answer"], set()),
        (["Item", "Example values", "Example values"], set()),  # nothing but examples: not decided here
        (["Item", "Value (template default in grey)", "Notes"], set()),  # says it holds the value
        (["Item", "Staging", "Production"], set()),
    ],
)
def test_the_templates_own_columns(header: list[str], helps: set[int]) -> None:
    assert guidance.columns(header) == helps


@pytest.mark.parametrize(
    ("head", "helps"),
    [
        (("Parameter", "Hint", "Ours"), ("about 1,000", "10 % of users", "5,000")),
        (("Sizing input", "Default (template)", "Kestrel Bank"), ("1,000", "100", "5,000")),
        (("Question", "Sample answer", "Response"), ("1,000", "50", "5,000")),
    ],
)
def test_the_value_column_is_read_beside_a_template_column(
    head: tuple[str, ...], helps: tuple[str, ...], catalogue: Catalogue
) -> None:
    labels, ours = ("Max users", "Max concurrent users", "Max repositories"), ("650", "120", "1,900")
    got = read(table(head, *zip(labels, helps, ours, strict=True)), catalogue)
    assert got.get("max_users") == ["650"]
    assert got.get("max_concurrent_users") == ["120"]
    assert got.get("max_repositories") == ["1900"]


def test_an_example_address_in_a_template_column_is_no_instance_url(catalogue: Catalogue) -> None:
    html = table(
        ("Item", "How to fill in", "Entry"),
        ("URL of the instance", "like https://sourcegraph.acme.example", "https://grep.kestrel-bank.example"),
    )
    assert read(html, catalogue).get("instance_url") == ["https://grep.kestrel-bank.example"]


def test_an_unanswered_row_beside_a_template_default_is_no_value(catalogue: Catalogue) -> None:
    html = table(("Sizing input", "Template default", "Answer"), ("Peak concurrency", "50", "??"))
    assert "max_concurrent_users" not in read(html, catalogue)


@pytest.mark.parametrize(
    ("value", "points"),
    [
        ("see 3.2 below", True),
        ("See §4", True),
        ("refer to Appendix C", True),
        ("(see the engineer's notes)", True),
        ("details in section 5", True),
        ("see below: 2 × r6i.4xlarge", False),  # the answer itself after the pointer
        ("3,000 GiB (see 4.1)", False),
        ("see 4.1 for the 6 × 500 GB", False),
        ("on-premises (their own data centre)", False),
    ],
)
def test_a_value_that_only_points_elsewhere(value: str, points: bool) -> None:
    assert points_elsewhere(value) is points


@pytest.mark.parametrize("pointer", ["see 3.2 below", "Refer to section 3.2", "(see the sizing notes)"])
def test_a_pointer_in_the_value_cell_leaves_the_field_to_the_place_it_points_to(
    pointer: str, catalogue: Catalogue
) -> None:
    html = table(("Item", "Entry"), ("Total storage", pointer)) + (
        "<h2>3.2 Sizing notes</h2><p>All volumes together come to 2,750 GB provisioned.</p>"
    )
    assert read(html, catalogue).get("total_disk_gb") == ["2750 GB"]


_EXPORT = (
    "<html><head><style>.c1{color:#000000;font-style:normal}.c2{color:#999999;font-style:italic}"
    ".c3{color:#808080;font-style:italic}.c4{color:#999999;font-style:normal}</style></head><body>{}</body></html>"
)


def _export(body: str, catalogue: Catalogue) -> dict[str, list[str]]:
    return read_doc(html_document(_EXPORT.replace("{}", body)), catalogue)


@pytest.mark.parametrize(
    "guidance",
    [
        '<span class="c2">Typical answer: 4 × r6i.2xlarge for 1,000 users.</span>',
        '<span class="c3">(the template assumes 2 × c6i.4xlarge)</span>',
        '<span class="c1">Machines </span><span class="c2">[write e.g. 2 × c6i.4xlarge here]</span>',
    ],
)
def test_grey_italic_guidance_of_a_template_is_no_value(guidance: str, catalogue: Catalogue) -> None:
    body = (
        '<p class="title"><span class="c1">Build record (PS template 2.1)</span></p>'
        f'<h2>Compute</h2><p>{guidance}</p><p><span class="c1">Nodes: 3 × m7g.4xlarge</span></p>'
    )
    assert _export(body, catalogue).get("instance_types") == ["3 × m7g.4xlarge"]


def test_a_document_saying_its_grey_text_is_guidance(catalogue: Catalogue) -> None:
    body = (
        '<p><span class="c1">Build record</span></p><p><span class="c1">Owner: J. Doe</span></p>'
        '<p><span class="c1">Status: draft</span></p><p><span class="c1">Reviewed: no</span></p>'
        '<p><span class="c1">Audience: TA</span></p><p><span class="c1">Version: 3</span></p>'
        '<p><span class="c1">Text in grey italics is guidance; delete it when done.</span></p>'
        '<h2>Compute</h2><p><span class="c2">e.g. 2 × c6i.4xlarge</span></p>'
        '<p><span class="c2">Typical: 4 × r6i.2xlarge</span></p>'
        '<p><span class="c1">Nodes: 3 × m7g.4xlarge</span></p>'
    )
    assert _export(body, catalogue).get("instance_types") == ["3 × m7g.4xlarge"]


def test_a_grey_italic_caption_of_a_report_is_read(catalogue: Catalogue) -> None:
    body = (
        '<p><span class="c1">Monthly cost report</span></p><h2>Production</h2>'
        '<p><span class="c2">Table 3 – production lines: 48 vCPU in total.</span></p>'
    )
    assert _export(body, catalogue).get("total_cpu") == ["48"]


def test_grey_text_that_is_not_italic_is_still_read(catalogue: Catalogue) -> None:
    body = (
        '<p class="title"><span class="c1">Build record (PS template 2.1)</span></p>'
        '<h2>Compute</h2><p><span class="c4">Nodes: 5 × m7g.2xlarge</span></p>'
    )
    assert _export(body, catalogue).get("instance_types") == ["5 × m7g.2xlarge"]


def test_html_import_keeps_a_grey_text_colour_only() -> None:
    doc = html_document(
        _EXPORT.replace("{}", '<p><span class="c2">hint</span><span class="c1"> 4</span></p>')
    )
    runs = [
        e["textRun"]
        for se in doc["tabs"][0]["documentTab"]["body"]["content"]
        if "paragraph" in se
        for e in se["paragraph"]["elements"]
    ]
    assert guidance.is_guidance_run(runs[0]["textStyle"])
    assert "foregroundColor" not in runs[1]["textStyle"]


# another customer's leftovers, named as such somewhere in the document (`read/leftover.py`)


@pytest.mark.parametrize(
    "note",
    [
        "NB: the paragraph about Brightwell below was copied from the Brightwell Dairy handover; ignore it.",
        "The sizing note under 4 is Brightwell's, left in from the copy I started with.",
        "Brightwell leftovers in this document: the sizing note in section 4.",
        "Section 4's note is still from the Brightwell Dairy SoW we reused.",
    ],
)
def test_a_paragraph_naming_the_disowned_company_gives_nothing(note: str, catalogue: Catalogue) -> None:
    html = (
        "<h1>Corvid Systems — Sourcegraph TDD</h1><h2>1 Notes</h2>"
        f"<p>{note}</p><h2>4 Sizing</h2>"
        "<p>Brightwell run 9,000 repositories on GitHub Enterprise Server, the largest 40 GB.</p>"
        "<p>Corvid Systems have 1,150 repositories on GitLab Self-Managed; the largest is 6 GB.</p>"
    )
    got = read(html, catalogue)
    assert got.get("code_hosts") == ["GitLab Self-Managed"]
    assert got.get("repositories") == ["1150"]
    assert got.get("largest_repo_mb") == ["6 GB"]


def test_a_heading_naming_the_disowned_company_drops_its_section(catalogue: Catalogue) -> None:
    html = (
        "<h2>3 Capacity</h2><p>Max users: 900</p>"
        "<p>The notes in 3.1 were pasted from the Ostrander Mills TDD as a starting point.</p>"
        "<h3>3.1 Capacity notes (Ostrander, to rewrite)</h3><ul><li>Max users: 4,000</li>"
        "<li>Peak concurrency: 700</li></ul><h2>4 Dates</h2><p>Max concurrent users: 150</p>"
    )
    got = read(html, catalogue)
    assert got.get("max_users") == ["900"] and got.get("max_concurrent_users") == ["150"]


def test_a_cell_or_address_naming_the_disowned_company_is_empty(catalogue: Catalogue) -> None:
    html = (
        table(
            ("Item", "Test", "Live"),
            ("URL", "https://sg.ostrander.example", "https://code.corvid.example"),
            ("Max users", "40", "900"),
        )
        + "<p>The Test URL above is Ostrander's (copied with the template); Corvid have no test instance.</p>"
    )
    assert read(html, catalogue).get("instance_url") == ["https://code.corvid.example"]


def test_the_documents_own_customer_is_never_disowned(catalogue: Catalogue) -> None:
    html = (
        "<h1>Corvid Systems — Sourcegraph TDD</h1>"
        "<p>This layout was copied from the Corvid Systems handover template.</p>"
        "<p>Corvid Systems have 1,150 repositories on GitLab Self-Managed.</p>"
    )
    assert read(html, catalogue).get("repositories") == ["1150"]


def test_no_company_is_disowned_by_a_plain_from() -> None:
    keys, _ = leftover.disowned(
        [({}, "Figures taken from the Grafana dashboard on 3 May; the nodes are GitLab's.")]
    )
    assert keys == frozenset()


@pytest.mark.parametrize(
    "note",
    [
        "Part C (“Cost model”) is left over from the Ostrander Mills SDT; nothing in it is ours.",
        "NB: section C was copied from the Ostrander Mills handover and is kept only for the layout.",
    ],
)
def test_a_numbered_part_the_document_disowns_gives_nothing(note: str, catalogue: Catalogue) -> None:
    html = (
        "<h1>Corvid Systems — design form</h1><h2>B. Compute</h2><p>Hosting: GCP (europe-west3)</p>"
        "<p>Nodes: 4 × n2-standard-16</p><h2>C. Cost model</h2><p>C.1 Hosting: AWS eu-west-1</p>"
        "<p>C.2 Compute: 2 × m5.2xlarge</p><h2>D. Risks</h2><p>None known.</p>"
        f"<h2>Notes</h2><p>{note}</p>"
    )
    got = read(html, catalogue)
    assert got.get("hosting_provider") == ["GCP"] and got.get("instance_types") == ["4 × n2-standard-16"]


@pytest.mark.parametrize(
    ("count", "flavour"),
    [("Worker count", "Worker flavour"), ("Number of workers", "Flavor"), ("Worker count", "VM flavor")],
)
def test_an_openstack_flavour_and_a_worker_count_are_the_machines(
    count: str, flavour: str, catalogue: Catalogue
) -> None:
    html = table(("Item", "Test", "Live"), (flavour, "c2.xlarge", "c4.4xlarge"), (count, "1", "5"))
    assert read(html, catalogue).get("instance_types") == ["5 × c4.4xlarge"]


@pytest.mark.parametrize(
    ("answer", "monorepos"),
    [("A: None.", "0"), ("Answer: none at all", "0"), ("Ans.: 3", "3"), ("Reply: 2", "2")],
)
def test_an_answer_marked_as_such_is_read_under_its_question(
    answer: str, monorepos: str, catalogue: Catalogue
) -> None:
    html = f"<p><b>Q7. How many monorepos are there?</b></p><p>{answer}</p>"
    assert read(html, catalogue).get("monorepos") == [monorepos]


def test_an_answer_mark_naming_whose_answer_it_is(catalogue: Catalogue) -> None:
    html = "<p><b>Q1. Production URL?</b></p><p>A (Corvid): https://grep.corvid.example</p>"
    assert read(html, catalogue).get("instance_url") == ["https://grep.corvid.example"]


@pytest.mark.parametrize(
    "gone",
    [
        "The default pool the cloud created (3 × e2-standard-4) was deleted on the second day.",
        "A first pool of 2 × c6i.2xlarge has since been torn down.",
        "The bootstrap VM (1 × t3.large) was terminated after the install.",
    ],
)
def test_machines_a_sentence_says_are_gone_are_not_the_deployments(gone: str, catalogue: Catalogue) -> None:
    html = f"<h2>Compute</h2><ul><li>Nodes: 4 × n2-standard-16</li><li>{gone}</li></ul>"
    assert read(html, catalogue).get("instance_types") == ["4 × n2-standard-16"]


def test_machines_deleted_and_replaced_are_still_read(catalogue: Catalogue) -> None:
    html = "<h2>Compute</h2><p>The m5 pool was deleted and replaced by 4 × m6i.4xlarge.</p>"
    assert read(html, catalogue).get("instance_types") == ["4 × m6i.4xlarge"]


def test_a_template_column_header_with_a_long_aside(catalogue: Catalogue) -> None:
    html = table(
        ("Resource", "Template default (for up to 1,000 users)", "Corvid"),
        ("Total vCPU", "16", "48"),
        ("Total memory", "64 GB", "192 GB"),
    )
    got = read(html, catalogue)
    assert got.get("total_cpu") == ["48"] and got.get("total_memory_gb") == ["192 GB"]


_PROMPTS = [
    (
        "☑ Storage: ____ GiB all together",
        "the volumes below, 1,850 GiB in total",
        "total_disk_gb",
        "1850 GiB",
    ),
    ("☑ CPU / RAM: <n> cores / <n> GiB", "40 vCPU / 160 GiB across the pool", "total_cpu", "40"),
    (
        "☑ Repository size on disk: <size>",
        "about 410 GB (du on the gitserver disks)",
        "total_repo_size_gb",
        "410 GB",
    ),
    (
        "☑ Infrastructure ready: [dd/mm/yyyy]",
        "3 June 2026 (last node joined)",
        "completion_date",
        "2026-06-03",
    ),
]


@pytest.mark.parametrize(("prompt", "evidence", "field", "value"), _PROMPTS)
def test_a_prompt_left_blank_heads_the_evidence_under_it(
    prompt: str, evidence: str, field: str, value: str, catalogue: Catalogue
) -> None:
    html = f"<h2>Production</h2><ul><li>{prompt}</li><ul><li>{evidence}</li></ul></ul>"
    assert read(html, catalogue).get(field) == [value]


@pytest.mark.parametrize(
    ("value", "blank"),
    [("<x> vCPU / <x> GB", True), ("____ GB in total", True), ("[date]", True), ("<fill in>", True),
     ("[x] yes", False), ("[Grafana](https://grafana.corvid.example)", False), ("<2 TB> gp3", False),
     ("<https://grep.corvid.example/>", False), ("<ops@corvid.example>", False)],
)  # fmt: skip
def test_a_template_blank(value: str, blank: bool) -> None:
    assert (guidance.unfilled(("Label", value)) == ("Label", "")) is blank


def test_machines_a_sentence_says_are_not_in_the_totals(catalogue: Catalogue) -> None:
    html = (
        "<h2>Compute</h2><p>Eight workers of 16 vCPU give 128 vCPU in total.</p>"
        "<p>The control plane (3 × m1.large, 4 vCPU each) is run by the cloud team"
        " and is not in the totals above.</p>"
    )
    assert read(html, catalogue).get("total_cpu") == ["128"]
