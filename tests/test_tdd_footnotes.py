"""TDD reader, footnotes: a footnote is read at its mark, as the detail of the sentence the mark ends.

The body says "see the note" and the figures sit in the footnote: a Docs API footnote
(`footnoteReference` → `documentTab.footnotes`) or a Docs HTML export's `[1]` link and note after
the body. The note is in the environment its sentence names and not the deployment's when that
sentence sets what it names aside.
"""

from __future__ import annotations

from typing import Any

from handoff.core.fields import Catalogue
from handoff.read.notes import lift, sentence_at
from tdd_snippets import paragraph, read, read_doc


def _ref(key: str) -> dict[str, Any]:
    return {"footnoteReference": {"footnoteId": key, "footnoteNumber": key[-1]}}


def _doc(body: list[dict[str, Any]], notes: dict[str, list[str]]) -> dict[str, Any]:
    footnotes = {k: {"footnoteId": k, "content": [paragraph(t) for t in ts]} for k, ts in notes.items()}
    return {"tabs": [{"tabProperties": {"title": "Note"},
                      "documentTab": {"body": {"content": body}, "footnotes": footnotes}}]}  # fmt: skip


def test_a_footnote_gives_the_figures_its_sentence_points_at(catalogue: Catalogue) -> None:
    doc = _doc(
        [
            paragraph("Sizing", style="HEADING_1"),
            paragraph(
                "Production runs on one Hetzner server", _ref("f1"), ", installed with Docker Compose."
            ),
        ],
        {"f1": ["Plan CCX63: 48 vCPU and 192 GB of memory, 960 GB NVMe disk."]},
    )
    got = read_doc(doc, catalogue)
    assert got["total_cpu"] == ["48"] and got["total_memory_gb"] == ["192 GB"]
    assert got["hosting_provider"] == ["other"]


def test_a_footnote_is_in_the_environment_its_sentence_names(catalogue: Catalogue) -> None:
    doc = _doc(
        [
            paragraph("The live service has 64 vCPU and 256 GB RAM", _ref("a"), "."),
            paragraph("A staging copy was set up first", _ref("b"), ". Both use Helm."),
        ],
        {
            "a": ["Four m6i.4xlarge nodes."],
            "b": ["Two m6i.xlarge nodes, 16 vCPU, 300 GB disk, 200 repositories."],
        },
    )
    got = read_doc(doc, catalogue)
    assert got["instance_types"] == ["4 × m6i.4xlarge"]
    assert got["total_cpu"] == ["64"]
    assert "total_disk_gb" not in got and "repositories" not in got


def test_a_footnote_on_a_sentence_setting_a_host_aside_is_not_the_deployments(catalogue: Catalogue) -> None:
    doc = _doc(
        [
            paragraph("All 1,400 repositories come from GitLab Self-Managed."),
            paragraph("Our Bitbucket Cloud workspace is not connected", _ref("x"), "."),
        ],
        {"x": ["bitbucket.org/acme-archive: 230 repositories, read-only since 2024."]},
    )
    got = read_doc(doc, catalogue)
    assert got["code_hosts"] == ["GitLab Self-Managed"]
    assert got["repositories"] == ["1400"]


def test_an_html_exports_footnote_is_read_at_its_mark(catalogue: Catalogue) -> None:
    html = (
        "<h1>Build</h1>"
        '<p>The UAT instance came first<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>; '
        'production followed<sup><a href="#ftnt2" id="ftnt_ref2">[2]</a></sup>.</p>'
        "<h1>Licence</h1><p>1,000 users.</p>"
        '<hr><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a><span>&nbsp;One VM of 8 vCPU and 32 GB '
        "memory.</span></p></div>"
        '<div><p><a href="#ftnt_ref2" id="ftnt2">[2]</a><span>&nbsp;Two VMs with 16 vCPU and 64 GB memory '
        "each, 32 vCPU and 128 GB in total.</span></p></div>"
    )
    got = read(html, catalogue)
    assert set(got["total_cpu"]) == {"32"}


def test_a_body_without_notes_is_left_as_it_is() -> None:
    body = [paragraph("See [1] in the appendix.")]
    assert lift(body) == (body, {})


def test_the_sentence_a_mark_ends() -> None:
    text = "It runs in prod. The test copy was built first. Dates are in the appendix."
    assert sentence_at(text, text.index(". Dates")) == ("The test copy was built first.", 29)
    assert sentence_at(text, len(text)) == ("Dates are in the appendix.", 26)
