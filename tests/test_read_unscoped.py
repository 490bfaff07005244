"""TDD reader: values in parts of the document that name no environment (`read.disowned`, and the
scope rules a part inherits from its headings and tabs), probed in many shapes.

A part whose heading names no environment is production's in most TDDs (they describe only
production without saying so), and those must keep reading right. But a part may say of itself, in
a sentence, that it is not production's ("Nothing below describes the production instance"): its
restore drill's cluster, test address and dates are another environment's, from that sentence to
the part's end (the next heading of its level or above, or its tab's end), whatever its heading
says. Each probe has a trap value that must not be returned, and the right value or none. The
wordings are written for these tests, not taken from the tuning documents.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.disowned import disowns
from handoff.read.envwords import Environments
from handoff.read.tdd import read_document
from handoff.validate.tdd_view import tdd_fields
from tdd_snippets import paragraph, table
from tddview import present

URL = "instance_url"
IT = "instance_types"
CPU = "total_cpu"
REPOS = "repositories"
DONE = "completion_date"

PROD_URL = "https://search.quarrel.example"
TRAP_URL = "https://search-b.quarrel.example"


def _types(got: dict[str, Any]) -> list[str]:
    return sorted(str(v).replace(" ", "") for v in got.get(IT) or [])


def _doc_tabs(
    *tabs: tuple[str, list[dict[str, Any]], list[tuple[str, list[dict[str, Any]]]]],
) -> dict[str, Any]:
    """A Docs API document of tabs (title, body paragraphs, child tabs as (title, paragraphs))."""

    def tab(i: str, title: str, content: list[dict[str, Any]], children: list[Any]) -> dict[str, Any]:
        return {
            "tabProperties": {"tabId": f"t.{i}", "title": title},
            "documentTab": {"body": {"content": content}},
            "childTabs": [tab(f"{i}.{j}", t, c, []) for j, (t, c) in enumerate(children)],
        }

    return {"title": "TDD", "tabs": [tab(str(i), t, c, k) for i, (t, c, k) in enumerate(tabs)]}


def _tabs_fields(doc: dict[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    return {n: fv.to_json()["value"] for n, fv in view.fields.items() if n not in view.conflicted}


# -- the verdict on one paragraph ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nothing below describes the production instance.",
        "None of this section applies to production.",
        "This tab does not describe the production cluster.",
        "The figures in this appendix are not production's.",
        "What follows is not about the live system.",
        "The drill used a throw-away cluster. Nothing in this report refers to production.",
        "This part doesn't describe prod.",
    ],
)
def test_a_part_that_says_it_is_not_production(text: str, catalogue: Catalogue) -> None:
    assert disowns(text, Environments(catalogue).production)


@pytest.mark.parametrize(
    "text",
    [
        "Everything below is about the production instance unless a section says otherwise.",
        "Nothing below applies to anything but production.",
        "The table below does not include the production database server.",
        "The DR site is not production.",  # (one thing denied, not the part)
        "This section describes the production instance.",
        "Nothing below describes the staging copy.",
        "Nothing below is final yet; production sizing is in section 4.",
        "The features in this section are not live yet.",
        "Nothing in this section is production-specific.",
        "The results of that trial are not relevant to the production numbers given below.",
        "We could not repeat this on production; the figures in this tab are the lab's.",
    ],
)
def test_no_verdict_on_the_part(text: str, catalogue: Catalogue) -> None:
    assert not disowns(text, Environments(catalogue).production)


# -- a part disowned by its own sentence, under a heading naming no environment ---------------------

_PROD_BODY = (
    "<h2>Platform</h2>"
    f"<p>Sourcegraph runs on 3 × m6i.4xlarge (48 vCPU in total). Users reach it at {PROD_URL}.</p>"
    "<p>Repositories indexed: 2,400.</p>"
)


@pytest.mark.parametrize(
    ("heading", "disclaimer"),
    [
        ("Restore drill, 6 October", "Nothing below describes the production instance."),
        ("Appendix C", "None of this appendix applies to production."),
        ("Rehearsal notes", "This section does not describe the production cluster."),
        ("Exercise log", "What follows is not about the live system."),
    ],
)
def test_a_disowned_part_gives_no_production_address(
    heading: str, disclaimer: str, catalogue: Catalogue
) -> None:
    got = present(
        "<h1>Code search TDD</h1>"
        + _PROD_BODY
        + f"<h2>{heading}</h2><p>{disclaimer}</p>"
        + f"<ul><li>Cluster: 2 × m6i.2xlarge, created for the day.</li><li>URL: {TRAP_URL}</li>"
        + "<li>Repositories restored: 1,900.</li></ul>",
        catalogue,
    )
    assert got.get(URL) == PROD_URL
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get(REPOS) == 2400


def test_a_disowned_part_alone_gives_its_address_to_nobody(catalogue: Catalogue) -> None:
    got = present(
        "<h1>Code search TDD</h1><h2>Platform</h2><p>Sourcegraph runs on 3 × m6i.4xlarge.</p>"
        "<h2>6 October</h2><p>Nothing below describes the production instance.</p>"
        f"<p>Temporary URL: {TRAP_URL}</p>",
        catalogue,
    )
    assert got.get(URL) is None
    assert _types(got) == ["3×m6i.4xlarge"]


def test_the_disowned_part_ends_at_the_next_heading_of_its_level(catalogue: Catalogue) -> None:
    got = present(
        "<h1>Code search TDD</h1>"
        "<h2>Drill</h2><p>Nothing below describes the production instance.</p>"
        f"<p>Temporary URL: {TRAP_URL}</p><h3>Drill machines</h3><p>Nodes: 2 × m6i.2xlarge</p>"
        f"<h2>Access</h2><p>URL: {PROD_URL}</p><h2>Compute</h2><p>Nodes: 3 × m6i.4xlarge</p>",
        catalogue,
    )
    assert got.get(URL) == PROD_URL
    assert _types(got) == ["3×m6i.4xlarge"]


def test_a_disowned_part_keeps_its_subsections_out(catalogue: Catalogue) -> None:
    got = present(
        "<h1>Code search TDD</h1><h2>Compute</h2><p>Nodes: 3 × m6i.4xlarge</p>"
        "<h2>Appendix B</h2><p>This section is not about production.</p>"
        "<h3>Machines used</h3><p>Nodes: 6 × c6i.8xlarge</p>"
        "<h3>Result</h3><p>Completed on 2026-05-04.</p>",
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]


def test_a_disowned_tab_gives_nothing(catalogue: Catalogue) -> None:
    doc = _doc_tabs(
        (
            "Overview",
            [
                paragraph("Deployment", style="HEADING_1"),
                paragraph("Sourcegraph runs on EKS with Helm: 3 × m6i.4xlarge."),
                paragraph(f"Entry point: ALB, {PROD_URL}"),
            ],
            [
                (
                    "Drill 2026-10",
                    [
                        paragraph("Drill report", style="HEADING_1"),
                        paragraph("The drill restores backups into a short-lived cluster. "
                                  "Nothing below describes the production instance."),
                        paragraph("Target: 2 × m6i.2xlarge, deleted afterwards."),
                        paragraph(f"Temporary URL: {TRAP_URL} (internal only)."),
                    ],
                )
            ],
        ),
    )  # fmt: skip
    got = _tabs_fields(doc, catalogue)
    assert got.get(URL) in (PROD_URL, None)
    assert got.get(URL) != TRAP_URL
    assert _types(got) == ["3×m6i.4xlarge"]


def test_a_disclaimer_at_a_tabs_top_holds_for_the_whole_tab(catalogue: Catalogue) -> None:
    doc = _doc_tabs(
        ("Design", [paragraph("Nodes: 3 × m6i.4xlarge"), paragraph(f"URL: {PROD_URL}")], []),
        (
            "Pen test",
            [
                paragraph("Nothing in this tab describes production."),
                paragraph("Copy", style="HEADING_2"),
                paragraph("Nodes: 2 × m6i.2xlarge"),
                paragraph(f"URL: {TRAP_URL}"),
            ],
            [],
        ),
    )
    got = _tabs_fields(doc, catalogue)
    assert got.get(URL) == PROD_URL
    assert _types(got) == ["3×m6i.4xlarge"]


def test_a_disowned_part_dates_are_not_the_build(catalogue: Catalogue) -> None:
    got = present(
        "<h1>Code search TDD</h1><h2>Build</h2><p>Production build completed on 2026-03-02.</p>"
        "<h2>Second build</h2><p>Nothing below describes the production instance.</p>"
        "<p>Build completed on 2026-06-11.</p>",
        catalogue,
    )
    assert got.get(DONE) == "2026-03-02"


# -- unnamed parts that ARE production's: they keep reading --------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "Everything below is about the production instance unless a section says otherwise.",
        "This document describes only production.",
        "The table below does not include the shared database server.",
        "Nothing below is a plan: it is what runs today.",
        "",
    ],
)
def test_an_unnamed_part_is_production(opening: str, catalogue: Catalogue) -> None:
    got = present(
        f"<h1>Code search TDD</h1><h2>Compute</h2><p>{opening}</p>"
        "<p>Nodes: 3 × m6i.4xlarge</p>"
        f"<h2>Access</h2><p>URL: {PROD_URL}</p><p>Repositories indexed: 2,400.</p>",
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get(URL) == PROD_URL
    assert got.get(REPOS) == 2400


def test_a_denied_thing_in_an_unnamed_part_leaves_the_part_production(catalogue: Catalogue) -> None:
    got = present(
        "<h1>Code search TDD</h1><h2>Compute</h2>"
        "<p>The standby VM is not production. Nodes: 3 × m6i.4xlarge</p>"
        f"<h2>Access</h2><p>URL: {PROD_URL}</p>",
        catalogue,
    )
    assert got.get(URL) == PROD_URL


def test_a_part_after_the_disowned_one_at_a_higher_level_is_production(catalogue: Catalogue) -> None:
    got = present(
        "<h1>Appendix</h1><h2>Notes from May</h2><p>This section does not describe production.</p>"
        f"<p>URL: {TRAP_URL}</p>"
        "<h1>Design</h1><h2>Access</h2>"
        f"<p>URL: {PROD_URL}</p>",
        catalogue,
    )
    assert got.get(URL) == PROD_URL


# -- parts naming another environment by their headings, captions and tabs (scope inherited) -------


@pytest.mark.parametrize(
    "wrap",
    [
        "<h2>Staging</h2><h3>Details</h3>{}",  # a heading two levels up
        "<h2>Pre-production copy</h2>{}",
        "<h2>Disaster recovery site</h2>{}",
    ],
)
def test_a_part_inherits_its_ancestors_environment(wrap: str, catalogue: Catalogue) -> None:
    got = present(
        "<h1>Code search TDD</h1><h2>Production</h2><p>Nodes: 3 × m6i.4xlarge</p>"
        f"<p>URL: {PROD_URL}</p>" + wrap.format(f"<p>Nodes: 1 × m6i.2xlarge</p><p>URL: {TRAP_URL}</p>"),
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get(URL) == PROD_URL


def test_a_staging_tab_gives_nothing(catalogue: Catalogue) -> None:
    doc = _doc_tabs(
        ("Production", [paragraph("Nodes: 3 × m6i.4xlarge"), paragraph(f"URL: {PROD_URL}")], []),
        ("Staging", [paragraph("Nodes: 1 × m6i.2xlarge"), paragraph(f"URL: {TRAP_URL}")], []),
    )
    got = _tabs_fields(doc, catalogue)
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get(URL) == PROD_URL


def test_an_environment_table_gives_the_production_row(catalogue: Catalogue) -> None:
    got = present(
        "<h1>Code search TDD</h1><h2>Environments</h2>"
        + table(
            ("Environment", "Nodes", "URL"),
            ("Staging", "1 × m6i.2xlarge", TRAP_URL),
            ("Production", "3 × m6i.4xlarge", PROD_URL),
        ),
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get(URL) == PROD_URL


def test_a_table_in_a_disowned_part_gives_nothing(catalogue: Catalogue) -> None:
    got = present(
        "<h1>Code search TDD</h1><h2>Compute</h2><p>Nodes: 3 × m6i.4xlarge</p>"
        f"<p>URL: {PROD_URL}</p><p>Repositories indexed: 2,400.</p>"
        "<h2>Annex 2</h2><p>Nothing in this annex describes the production instance.</p>"
        + table(
            ("Item", "Value"), ("Nodes", "2 × m6i.2xlarge"), ("URL", TRAP_URL), ("Repositories", "1,950")
        ),
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get(URL) == PROD_URL
    assert got.get(REPOS) == 2400


def test_a_container_cell_in_a_disowned_part_gives_nothing(catalogue: Catalogue) -> None:
    cell = f"<p><b>Copy</b></p><p>Nodes: 2 × m6i.2xlarge</p><p>URL: {TRAP_URL}</p>"
    other = "<p><b>Notes</b></p><p>Deleted after the exercise.</p><p>Kept for a day.</p>"
    got = present(
        "<h1>Code search TDD</h1><h2>Compute</h2><p>Nodes: 3 × m6i.4xlarge</p>"
        "<h2>Annex 2</h2><p>Nothing below describes the production instance.</p>"
        f"<table><tr><td>{cell}</td><td>{other}</td></tr></table>",
        catalogue,
    )
    assert _types(got) == ["3×m6i.4xlarge"]
    assert got.get(URL) is None
