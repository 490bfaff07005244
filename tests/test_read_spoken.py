"""Records of speech: numbers as people say them, dictated punctuation, a figure taken back as it is
said, and a bare code host's edition said right after its name (`read/spoken.py`, `read/shapes.py`,
`read/hostaddress.py`). The phrasings are not the tuning set's."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read import shapes
from handoff.read.spoken import corrected, punctuated
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three-twenty", 320),
        ("nine forty-five", 945),
        ("fourteen-seventy", 1470),
        ("seven eighty", 780),
        ("one-one-two", 112),
        ("twelve hundred", 1200),
        ("one hundred ninety-two", 192),
        ("two thousand and forty", 2040),
        ("sixty-four", 64),
    ],
)
def test_a_number_said_without_its_hundreds_is_read_whole(words: str, value: int) -> None:
    assert shapes.spelt_number(words) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the biggest one is four point seven gigs", "4.7 GB"),
        ("roughly three and a half terabytes", "3.5 TB"),
        ("five-twelve gigs of memory", "512 GB"),
    ],
)
def test_a_size_said_in_words_is_read(text: str, value: str) -> None:
    assert [m.value for m in shapes.sizes(text)] == [value]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("we went live on June the fourth", "2026-06-04"),
        ("provisioning began September twenty-first", "2026-09-21"),
        ("handed over on the third of August", "2026-08-03"),
    ],
)
def test_a_day_said_as_an_ordinal_after_its_month_is_a_date(text: str, day: str) -> None:
    assert [m.value for m in shapes.dates(text, "2026")] == [day]


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("We run eight workers, sorry, ten.", "We run ten workers."),
        ("Memory is 128 GB — no, scratch that — 192 GB per box.", "Memory is 192 GB per box."),
        ("the data disk is 1.5 TB, I mean 2 TB", "the data disk is 2 TB"),
        ("about six hundred repos, no wait, seven hundred", "about seven hundred repos"),
        ("Monorepos: zero. Correction: two of them.", "Monorepos: two of them."),
    ],
)
def test_a_figure_taken_back_gives_way_to_the_later_one(said: str, meant: str) -> None:
    assert corrected(said) == meant


@pytest.mark.parametrize(
    "text",
    [
        "3 nodes, sorry for the late reply",
        "16 GB, actually 4 nodes run it",  # another thing counted: nothing taken back
        "500 users, no more than that",
        "Version 5.2 is installed. Actually the chart is 5.3.",
    ],
)
def test_no_figure_is_taken_back_without_a_correction(text: str) -> None:
    assert corrected(text) == text


def test_dictated_punctuation_is_written_as_marks() -> None:
    said = "New paragraph. Storage colon four terabytes comma thin provisioned full stop Next question mark"
    assert punctuated(said) == "Storage: four terabytes, thin provisioned. Next?"
    assert punctuated("see h-t-t-p-s colon slash slash search dot acme dash corp dot example") == (
        "see https://search.acme-corp.example"
    )


def _read(catalogue: Catalogue, *paragraphs: str) -> dict[str, Any]:
    body = "".join(f"<h2>{p[3:]}</h2>" if p.startswith("## ") else f"<p>{p}</p>" for p in paragraphs)
    doc = html_document(f"<html><body><h1>Sourcegraph TDD</h1>{body}</body></html>")
    view = tdd_fields(read_document(doc, catalogue).values, catalogue)
    return {n: fv.to_json()["value"] for n, fv in view.fields.items() if n not in view.conflicted}


def test_a_dictated_memo_is_read_as_written(catalogue: Catalogue) -> None:
    got = _read(
        catalogue,
        "## Notes",
        "Start note full stop. Hardware colon one VM comma forty-eight vee-CPU comma three-eighty-four gigs "
        "of RAM full stop.",
        "New paragraph. Storage full stop. The data disk is one terabyte comma no comma scratch that comma "
        "one point five terabytes full stop.",
        "New paragraph. Limits full stop. Licensed for nine hundred users full stop. "
        "Two-twenty concurrent users at most full stop.",
    )
    assert got.get("total_cpu") == 48
    assert got.get("total_memory_gb") == 384
    assert got.get("total_disk_gb") == 1500
    assert got.get("max_users") == 900
    assert got.get("max_concurrent_users") == 220


def test_a_count_corrected_in_a_transcript_turn(catalogue: Catalogue) -> None:
    got = _read(
        catalogue,
        "## Production",
        "[00:03:10] Priya: The cluster is five m6i.4xlarge nodes, no wait, six. Six of them.",
        "[00:03:18] Jon: So ninety-six vCPU and three eighty-four gigs all together.",
    )
    assert got.get("instance_types") == ["6 × m6i.4xlarge"]


@pytest.mark.parametrize(
    ("said", "host"),
    [
        (
            "Code hosts: Bitbucket, the Data Center edition, 900 repositories.",
            "Bitbucket Server / Data Center",
        ),
        ("Code hosts: GitLab (self-managed), 900 repositories.", "GitLab Self-Managed"),
        ("Code hosts: GitHub, the Enterprise Server one, 900 repositories.", "GitHub Enterprise Server"),
        ("Code hosts: Bitbucket, hosted on premises, 900 repositories.", "Bitbucket Server / Data Center"),
    ],
)
def test_a_bare_host_with_its_edition_said_after_it(catalogue: Catalogue, said: str, host: str) -> None:
    assert _read(catalogue, "## Production", said).get("code_hosts") == [host]


def test_an_edition_word_before_another_host_is_that_host_s(catalogue: Catalogue) -> None:
    got = _read(catalogue, "## Production", "Code hosts: GitHub org, 300 repos, and our on-prem GitLab, 20.")
    assert "GitHub Enterprise Server" not in (got.get("code_hosts") or [])


def test_a_type_restated_alone_leaves_the_fleet_s_figures_apart(catalogue: Catalogue) -> None:
    """A type said alone before its count ("r6i.2xlarge, five nodes") is dropped as restated: the
    sibling answers' pool then still holds the fleet's type, never the CPU figure after it."""
    got = _read(
        catalogue,
        "## Production",
        "[10:02] Ana: And the workers? What do they run on?",
        "[10:05] Ben: r6i.2xlarge, five nodes. Five nodes since May.",
        "[10:09] Cy: Right, five r6i.2xlarge in the worker pool.",
        "[10:12] Ben: With five it's forty vCPU and three-twenty gigs in total.",
    )
    assert got.get("instance_types") == ["5 × r6i.2xlarge"]
    assert got.get("total_cpu") == 40
    assert got.get("total_memory_gb") == 320


@pytest.mark.parametrize(
    "said",
    [
        "We started with the Helm chart and switched to Kustomize for prod.",
        "They began with Helm, then moved everything to Kustomize overlays.",
    ],
)
def test_the_name_a_deployment_started_with_is_not_what_it_runs(catalogue: Catalogue, said: str) -> None:
    got = _read(catalogue, "## Platform", "Production runs on EKS.", said)
    assert got.get("deployment_type") in ("Kubernetes with Kustomize", None)


@pytest.mark.parametrize(
    "said",
    [
        "If they ever reach 9,000 repos they'd need a bigger gitserver.",
        "Hypothetically, 12,000 repositories would fit on this sizing.",
    ],
)
def test_a_condition_said_short_or_called_hypothetical_is_no_limit(catalogue: Catalogue, said: str) -> None:
    got = _read(catalogue, "## Limits", "Contract ceiling: 6,000 repositories.", said)
    assert got.get("max_repositories") == 6000


def test_a_size_said_all_in_is_the_total(catalogue: Catalogue) -> None:
    got = _read(
        catalogue,
        "## As built",
        "Storage is the 2 TB data disk plus the 200 GB boot disk, so 2,200 GB all in.",
    )
    assert got.get("total_disk_gb") == 2200
