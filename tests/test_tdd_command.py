"""`handoff tdd SOURCE [--json]` and `handoff tdd template [--create]`, through the real CLI.

Local files (Docs JSON, HTML, the web-page .zip), Google Docs URLs as people copy them and bare
ids (read through the real clients from the sandbox); the JSON shape; the template, read back
with certainty once filled in; and the real non-TDD Docs documents, which give no field.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docjson import legacy, para
from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields
from workspace import DOCS, Workspace, run_cli

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "fixtures" / "tdd_corpus"
GOOGLE_DOCS = Path(__file__).parent / "fixtures" / "google-docs"
ONE_LINE = CORPUS / "06-one-line-facts.html"


def tdd_json(*argv: str, ws: Workspace | None = None) -> dict[str, Any]:
    code, out, err = ws.cli("tdd", *argv, "--json") if ws else run_cli("tdd", *argv, "--json")
    assert code == 0, out + err
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def values(data: dict[str, Any]) -> dict[str, Any]:
    return {name: f["value"] for name, f in data["fields"].items()}


# -- local files -----------------------------------------------------------------------------------


def test_json_output_of_a_local_html_tdd() -> None:
    data = tdd_json(str(ONE_LINE))
    assert set(data) == {"source", "fields", "unplaced", "problems"}
    assert data["source"] == str(ONE_LINE)
    cpu = data["fields"]["total_cpu"]
    assert cpu == {
        "value": 80,
        "text": "80 vCPU",
        "location": "TDD Production at a glance › paragraph 6",
        "section": "production",
        "how": "CPU count",
    }
    assert data["fields"]["instance_types"]["value"] == ["4 × m6i.4xlarge", "1 × r6i.4xlarge"]
    assert data["fields"]["start_date"]["value"] == "2026-02-16"
    assert data["fields"]["code_hosts"]["value"] == ["GitHub.com", "GitLab.com"]
    assert data["fields"]["max_users"]["value"] == 2000 and "repositories" in data["fields"]
    assert data["problems"] == []


def test_a_field_stated_twice_differently_is_no_value_and_one_problem_naming_both() -> None:
    doc = CORPUS / "14-production-conflict.html"
    data = tdd_json(str(doc))
    assert "total_cpu" not in data["fields"] and data["fields"]["instance_types"]["value"]
    [p] = data["problems"]
    assert (p["severity"], p["field"]) == ("error", "total_cpu")
    assert p["message"] == (
        "Total CPU: the TDD gives two different values, '64' (Production › table 1, row 5) and "
        "'48 vCPU' (Production › Sizing notes › paragraph 3): which one is right?"
    )
    assert p["fix"] == (
        "correct the TDD so it states one value, or write the right value in the sheet's 'Total CPU' column"
    )
    code, out, err = run_cli("tdd", str(doc))
    assert code == 0, err
    assert "Total CPU: — (the TDD's values disagree: see the problems below)" in out


def test_the_web_page_zip_reads_like_its_html(tmp_path: Path) -> None:
    page = tmp_path / "Quillon Media.zip"
    with zipfile.ZipFile(page, "w") as z:
        z.writestr("QuillonMediaSourcegraphTDD.html", ONE_LINE.read_text(encoding="utf-8"))
        z.writestr("images/image1.png", b"\x89PNG not really")
    assert values(tdd_json(str(page))) == values(tdd_json(str(ONE_LINE)))


def test_docs_api_json_file_and_the_text_output() -> None:
    doc = CORPUS / "18-single-prose-paragraph.json"
    assert values(tdd_json(str(doc)))["instance_url"] == "https://sourcegraph.tidewaterfoods.com"
    code, out, err = run_cli("tdd", str(doc))
    assert code == 0, err
    assert "TDD fields found" in out and "https://sourcegraph.tidewaterfoods.com" in out


def test_unplaced_lines_are_listed_with_their_place(tmp_path: Path) -> None:
    page = tmp_path / "tdd.html"
    page.write_text(
        "<h2>Production</h2><p>Total CPU: 48 vCPU</p><p>gitserver volumes: 3 of 1 TB each</p>",
        encoding="utf-8",
    )
    data = tdd_json(str(page))
    assert data["unplaced"] == [
        {"text": "gitserver volumes: 3 of 1 TB each", "location": "TDD Production › paragraph 2"}
    ]


def test_a_total_disk_smaller_than_one_production_volume_is_no_value_and_one_problem(tmp_path: Path) -> None:
    """The operations runbook's 500 GB (a step, read as the disk) against the production table's
    `gitserver 3 × 600 GB` (validate/agreement.py, a whole and its parts): the disk is not used."""
    page = tmp_path / "betriebshandbuch.html"
    page.write_text(
        "<h2>Infrastruktur PROD</h2><table>"
        "<tr><td>Instanztypen</td><td>3 × m6i.4xlarge</td></tr>"
        "<tr><td>Total CPU</td><td>48 vCPU</td></tr>"
        "<tr><td>Blockspeicher</td><td>gitserver 3 × 600 GB, zoekt 1 × 400 GB</td></tr></table>"
        "<h2>Störungsbehebung</h2><p>Total disk: 500 GB</p>",
        encoding="utf-8",
    )
    data = tdd_json(str(page))
    assert "total_disk_gb" not in data["fields"] and data["fields"]["total_cpu"]["value"] == 48
    [p] = data["problems"]
    assert (p["severity"], p["field"], p["location"]) == (
        "error",
        "total_disk_gb",
        "TDD Störungsbehebung › paragraph 1",
    )
    assert p["message"] == (
        "Total Disk (GB): the TDD gives 500 GB (Störungsbehebung › paragraph 1) but one production part "
        "alone is 3 × 600 GB = 1,800 GB (Infrastruktur PROD › table 1, row 3): the total disk is not used"
    )
    assert p["fix"] == (
        "correct the total disk in the TDD, or write the right value in the sheet's 'Total Disk (GB)' column"
    )


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("no-such-file.html", "is not a file, a Google Docs URL or a document id"),
        ("https://example.com/tdd", "is not a file, a Google Docs URL or a document id"),
    ],
)
def test_a_source_that_is_nothing_readable_is_one_line(source: str, message: str) -> None:
    code, out, err = run_cli("tdd", source)
    assert code == 2 and "Traceback" not in out + err
    assert message in err and err.startswith("error: ")


def test_create_without_template_is_a_usage_error() -> None:
    code, _, err = run_cli("tdd", str(ONE_LINE), "--create")
    assert code == 2 and "template" in err


# -- Google Docs URLs and ids through the sandbox ----------------------------------------------------


def test_urls_as_people_copy_them_and_bare_ids_read_through_the_docs_api(ws: Workspace) -> None:
    acme = DOCS["acme"]
    local = values(tdd_json(str(ROOT / "config" / "sandbox" / "docs" / "acme-tdd.html")))
    mark = ws.mark()
    for source in (
        f"https://docs.google.com/document/d/{acme}/edit?usp=sharing",
        f"https://docs.google.com/document/d/{acme}/edit#heading=h.4x0d2k1",
        f"docs.google.com/document/u/1/d/{acme}/edit",
        acme,
    ):
        data = tdd_json(source, ws=ws)
        assert data["source"] == f"document {acme}"
        assert values(data) == local
        assert values(data)["instance_url"] == "https://sourcegraph.acmecorp.com"
    assert ws.writes_after(mark) == []
    assert {e["path"].split("?")[0] for e in ws.log()[mark:]} == {f"/v1/documents/{acme}"}


def test_a_document_that_does_not_exist_is_one_line(ws: Workspace) -> None:
    code, out, err = ws.cli("tdd", "1NoSuchDocument00000000000000000000000000000")
    assert code == 1 and "Traceback" not in out + err
    assert "there is no Google Doc 1NoSuchDocument" in err and "share the document" in err


# -- the template -----------------------------------------------------------------------------------

FILLED = {
    "Deployment type": "Kubernetes with Helm",
    "Hosting provider": "AWS",
    "Instance types": "3 × m6i.4xlarge, 2 × c6i.2xlarge",
    "Total CPU": "64",
    "Total memory": "224",
    "Total disk": "4000",
    "Sourcegraph URL": "https://sourcegraph.example.com",
    "Production start date": "2026-09-14",
    "Production completion date": "2026-11-06",
    "Total repositories": "9,400",
    "Monorepos": "3",
    "Largest repository": "6.2 GB",
    "Total repository size": "1.1 TB",
    "Max users": "2,500",
    "Max concurrent users": "400",
    "Max repositories": "12,000",
}


def fill(html: str) -> str:
    for label, value in FILLED.items():  # the label cell may add an example in brackets
        cell = re.compile(rf"(<td><b>{re.escape(label)}(?: \([^)]*\))?</b></td><td>)(</td>)")
        html, n = cell.subn(rf"\g<1>{value}\g<2>", html)
        assert n == 1, label
    hosts = iter(
        [
            "<td>GitHub Enterprise Server</td><td>8,100</td><td>core</td>",
            "<td>Bitbucket Data Center</td><td>1,300</td><td>includes the billing monorepo</td>",
        ]
    )
    return re.sub(r"<td></td><td></td><td></td>", lambda _: next(hosts), html)


def test_the_template_filled_in_is_read_with_certainty(catalogue: Catalogue) -> None:
    code, html, err = run_cli("tdd", "template")
    assert code == 0, err
    assert "<h2>Production deployment</h2>" in html and "<h2>Code hosts</h2>" in html
    reading = read_document(html_document(fill(html)), catalogue)
    view = tdd_fields(reading.values, catalogue)
    got = {name: fv.to_json()["value"] for name, fv in view.fields.items()}
    assert got == {
        "deployment_type": "Kubernetes with Helm",
        "hosting_provider": "AWS",
        "instance_types": ["3 × m6i.4xlarge", "2 × c6i.2xlarge"],
        "total_cpu": 64,
        "total_memory_gb": 224,
        "total_disk_gb": 4000,
        "instance_url": "https://sourcegraph.example.com",
        "start_date": "2026-09-14",
        "completion_date": "2026-11-06",
        "code_hosts": ["GitHub Enterprise Server", "Bitbucket Server / Data Center"],
        "repositories": 9400,
        "monorepos": 3,
        "largest_repo_mb": 6200,
        "total_repo_size_gb": 1100,
        "max_users": 2500,
        "max_concurrent_users": 400,
        "max_repositories": 12000,
    }
    assert {v.section for v in view.chosen.values()} <= {"production", ""}
    assert [*reading.problems, *view.problems] == [] and reading.unplaced == ()


def test_template_create_makes_one_google_doc_that_reads_as_empty(ws: Workspace) -> None:
    mark = ws.mark()
    code, out, err = ws.cli("tdd", "template", "--create")
    assert code == 0, err
    url = re.search(r"https://docs\.google\.com/document/d/[\w-]+/edit", out)
    assert url, out
    creates = [e for e in ws.writes_after(mark) if e["method"] == "POST"]
    assert len(creates) == 1 and "upload/drive/v3/files" in creates[0]["path"]
    data = tdd_json(url.group(0), ws=ws)
    assert data["fields"] == {} and data["problems"] == [] and data["unplaced"] == []


# -- what is not a TDD, and what nobody wrote ----------------------------------------------------------


@pytest.mark.parametrize("path", sorted(GOOGLE_DOCS.glob("*.json")), ids=lambda p: p.stem)
def test_real_non_tdd_documents_give_no_field(catalogue: Catalogue, path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    reading = read_document(doc, catalogue)
    assert tdd_fields(reading.values, catalogue).fields == {}
    assert reading.problems == ()


WORDS = st.sampled_from(
    [
        "production", "prod", "trial", "POC", "pilot", "staging", "live", "limits", "up to", "expect", "grow",
        "monorepo", "monorepos", "none", "largest", "repositories", "users", "concurrent", "at peak", "vCPU",
        "GiB", "GB", "TB", "memory", "RAM", "disk", "SSD", "Helm", "Kustomize", "EKS", "AKS", "GKE", "Azure",
        "AWS", "GitHub", "GitLab.com", "Bitbucket", "Perforce", "started", "began", "accepted", "signed off",
        "3 August 2026", "2026-02-30", "https://sourcegraph.example.com", "4 × m6i.4xlarge",
        "3× n2-highmem-8",
        "Standard_E32s_v5", "Total:", "Code hosts:", "Nodes:", ",", ";", ".", "·", "(", ")",
        "9999999999999999999999", "1,234", "0.5", "x",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.lists(WORDS, max_size=30).map(" ".join), max_size=8))
def test_generated_prose_never_breaks_the_reader(catalogue: Catalogue, paragraphs: list[str]) -> None:
    reading = read_document(legacy(*(para(p) for p in paragraphs)), catalogue)
    view = tdd_fields(reading.values, catalogue)
    assert all(v.field is None or v.field in catalogue.fields for v in reading.values)
    assert set(view.fields) <= set(catalogue.fields)
