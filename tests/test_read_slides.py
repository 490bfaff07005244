"""A design presented as slides and exported to a document: a callout figure on its own line is the
slide's fact, not a title over it; a slide comparing two environments side by side belongs to
neither, so its speaker notes say their own; a correction in a part naming no environment replaces
production's figures; a slide of the vendor's sizing guide holds no figure of the deployment."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.callouts import is_callout
from handoff.read.vendorguide import guide_title
from tdd_snippets import read, table

_PLATFORM = "<h1>Platform</h1><p>Sourcegraph runs on Amazon EKS, installed with the Helm chart.</p>"


@pytest.mark.parametrize(
    "text",
    [
        "96 vCPU",
        "5 nodes",
        "~3,700 repos",
        "1,250 seats",
        "2,048 GB gp3",
        "4,410",
        "512 GiB",
        "≈ 7 TB",
        "12 %",
    ],
)
def test_a_figure_with_its_unit_is_a_callout(text: str) -> None:
    assert is_callout(text)


@pytest.mark.parametrize(
    "text",
    ["2. Sizing", "7 Code hosts", "2027 Roadmap", "3.1 Storage", "Sizing", "Q3 plan", "Slide 4", "v5.2"],
)
def test_a_numbered_title_is_no_callout(text: str) -> None:
    assert not is_callout(text)


@pytest.mark.parametrize(
    ("callout", "footer"),
    [
        ("3,240 repositories", "Acme Corp · internal · p. 7"),
        ("~3,240 repos", "slide 7 of 19"),
        ("3,240 repos", "Internal — 7"),
    ],
)
def test_a_bold_callout_over_host_bullets_is_the_slides_count(
    catalogue: Catalogue, callout: str, footer: str
) -> None:
    html = (
        f"{_PLATFORM}<h1>Code hosts</h1><p><b>{callout}</b></p>"
        "<ul><li>GitLab Self-Managed — 2,900 repos</li><li>Bitbucket Cloud — 340 repos</li></ul>"
        f"<p>{footer}</p>"
    )
    assert set(read(html, catalogue)["repositories"]) == {"3240"}


@pytest.mark.parametrize(
    "title", ["Staging vs production", "UAT versus Prod", "Dev ↔ Production", "Trial vs. production sizing"]
)
def test_notes_under_a_comparison_slide_correct_production(catalogue: Catalogue, title: str) -> None:
    html = (
        f"{_PLATFORM}<h1>{title}</h1>"
        + table(
            ("", "Staging", "Production"), ("Nodes", "1 × m6i.xlarge", "3 × m6i.2xlarge"), ("vCPU", "4", "24")
        )
        + "<p>Presenter notes: correction after the review: production went live on 4 × m6i.4xlarge "
        "(64 vCPU in total).</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["4 × m6i.4xlarge"]
    assert got["total_cpu"] == ["64"]


def test_a_comparison_title_of_one_environment_is_still_that_environments(catalogue: Catalogue) -> None:
    html = f"{_PLATFORM}<h1>Staging: before vs after</h1><p>Staging moved to 1 × m6i.2xlarge.</p>"
    assert "instance_types" not in read(html, catalogue)


@pytest.mark.parametrize(
    "title",
    [
        "Backup — Sourcegraph sizing guide",
        "Appendix C: reference tiers",
        "Vendor table (for comparison only)",
        "How Sourcegraph scales",
        "T-shirt sizes (reference)",
        "Scaling guidance from the vendor",
    ],
)
def test_a_slide_of_the_vendors_sizing_guidance_is_not_the_deployment(
    catalogue: Catalogue, title: str
) -> None:
    html = (
        f"{_PLATFORM}<h1>Sizing</h1><p>Nodes: 3 × r6i.2xlarge (24 vCPU, 192 GiB in total)</p>"
        f"<h1>{title}</h1><ul><li>Small: 16 vCPU / 64 GB, up to 800 users</li>"
        "<li>Large: 64 vCPU / 256 GB, up to 4,000 users</li></ul>"
    )
    got = read(html, catalogue)
    assert got["total_cpu"] == ["24"]
    assert "max_users" not in got


@pytest.mark.parametrize(
    "title",
    ["Production sizing (from the sizing guide's M tier)", "Sizing", "Our size against the reference tiers"],
)
def test_a_title_sizing_the_deployment_from_the_guide_is_its_own(title: str) -> None:
    assert not guide_title(title)


@pytest.mark.parametrize(
    "notes",
    [
        "Speaker notes: 16 vCPU / 64 GB on the slide was the first ask; IT gave us 24 vCPU and 96 GB.",
        "Presenter notes — the slide still says 16 vCPU; the VM was built with 24 vCPU and 96 GB.",
        "Notes: the callouts show the draft. The VM as delivered has 24 vCPU and 96 GB of RAM.",
    ],
)
def test_speaker_notes_saying_the_slide_is_out_of_date_correct_it(catalogue: Catalogue, notes: str) -> None:
    html = (
        "<h1>Platform</h1><p>Sourcegraph runs with Docker Compose on one VM.</p>"
        "<h1>Sizing</h1><p><b>16 vCPU</b></p><p><b>64 GB RAM</b></p><ul><li>Disk: 1 TB</li></ul>"
        f"<p>{notes}</p>"
    )
    got = read(html, catalogue)
    assert got["total_cpu"] == ["24"]
    assert got["total_memory_gb"] == ["96 GB"]


def test_notes_that_only_add_to_the_slide_correct_nothing() -> None:
    from handoff.read.speakernotes import notes_correct

    assert not notes_correct("Speaker notes: the pilot is switched off a week after go-live.")
    assert not notes_correct("We noted that the slide deck was shared.")
    assert notes_correct("Notes: the production column shows the first draft; the build is bigger.")


@pytest.mark.parametrize(
    "title",
    ["Sizing — Option 1 vs Option 2", "Variant A versus Variant B", "Scenario 1 vs. scenario 2: nodes"],
)
def test_notes_under_a_slide_weighing_two_options_say_what_was_built(
    catalogue: Catalogue, title: str
) -> None:
    html = (
        f"{_PLATFORM}<h1>{title}</h1>"
        + table(("Small nodes", "Large nodes (recommended)"), ("8 × m6i.xlarge", "3 × m6i.4xlarge"))
        + "<p>Speaker notes: the board took the large nodes; the slide still says 3 of them. "
        "As built: 4 × m6i.4xlarge.</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["4 × m6i.4xlarge"]


@pytest.mark.parametrize(
    "notes",
    [
        "Speaker notes: the right-hand column is the first draft. As built: 4 × m6i.4xlarge, 64 vCPU.",
        "Notes — the table shows the plan from March. We ended with 4 × m6i.4xlarge (64 vCPU).",
    ],
)
def test_notes_naming_no_environment_correct_the_production_column_above(
    catalogue: Catalogue, notes: str
) -> None:
    html = (
        f"{_PLATFORM}<h1>Trial and production</h1>"
        + table(
            ("", "Trial", "Production"), ("Nodes", "1 × m6i.xlarge", "3 × m6i.2xlarge"), ("vCPU", "4", "24")
        )
        + f"<p>{notes}</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["4 × m6i.4xlarge"]
    assert got["total_cpu"] == ["64"]


def test_a_correction_elsewhere_leaves_production_under_another_heading(catalogue: Catalogue) -> None:
    html = (
        f"{_PLATFORM}<h1>Production</h1>"
        + table(("Item", "Value"), ("Nodes", "3 × m6i.2xlarge"))
        + "<h1>Staging notes</h1><p>Speaker notes: the slide says 1 node; staging got 2 × m6i.xlarge.</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["3 × m6i.2xlarge"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The build began on 2 March as planned and was completed on 20 March 2026, two days late.",
        "Install started 2 March 2026 as scheduled; sign-off came on 20 March 2026.",
        "We started on 2 March according to plan and finished on 20 March 2026.",
    ],
)
def test_an_event_measured_against_its_plan_leaves_the_next_date_real(
    catalogue: Catalogue, sentence: str
) -> None:
    html = f"{_PLATFORM}<h1>Timeline</h1><p>{sentence}</p>"
    got = read(html, catalogue)
    assert got["start_date"] == ["2026-03-02"]
    assert got["completion_date"] == ["2026-03-20"]
