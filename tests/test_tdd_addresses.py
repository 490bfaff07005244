"""TDD reader: the instance URL by the shape of a site address; node pools from sibling list items."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document


def found(html: str, catalogue: Catalogue, name: str) -> list[str]:
    reading = read_document(html_document(html), catalogue)
    return [v.value or v.text for v in reading.values if v.field == name]


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li>Helm on EKS</li><li>https://sg.example.org</li></ul>",  # a bare URL bullet
        "<p>The service will be published at https://sg.example.org.</p>",
        "<p>Docs: https://wiki.example.org/sg/runbook. Code on https://gitlab.example.org.</p>"
        "<p>Sourcegraph | https://sg.example.org</p>",
    ],
)
def test_the_only_site_address_is_the_instance_url(catalogue: Catalogue, html: str) -> None:
    assert found(html, catalogue, "instance_url") == ["https://sg.example.org"]


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li>Helm on EKS</li><li>https://sg.example.org</li></ul>",
        "<p>The service will be published at https://sg.example.org.</p>",
    ],
)
def test_the_only_site_address_comes_with_a_warning_at_its_place(catalogue: Catalogue, html: str) -> None:
    """Nothing names it the instance, so taking it is said, not silent: a warning with its place and fix."""
    reading = read_document(html_document(html), catalogue)
    (warning,) = [p for p in reading.problems if p.field == "instance_url"]
    assert "only site address" in warning.message and "https://sg.example.org" in warning.message
    assert warning.location is not None and warning.location.ref.startswith("TDD")
    assert "sheet" in (warning.fix or "")


def test_a_labelled_instance_url_has_no_such_warning(catalogue: Catalogue) -> None:
    reading = read_document(html_document("<p>Sourcegraph URL: https://sg.example.org</p>"), catalogue)
    assert [v.value for v in reading.values if v.field == "instance_url"] == ["https://sg.example.org"]
    assert not [p for p in reading.problems if p.field == "instance_url"]


@pytest.mark.parametrize(
    "html",
    [
        "<p>See https://wiki.example.org/sg/runbook</p>",  # a page, not a site
        "<p>Code lives on https://gitlab.example.org</p>",  # a code host's address
        "<p>https://sg.example.org and https://grafana.example.org</p>",  # two candidates: no guess
        "<h2>Trial</h2><p>https://sg-trial.example.org</p>",
        "<p>Sourcegraph (https://sourcegraph.com) is a code search tool; see https://docs.example.org.</p>",
    ],
)
def test_no_guess_without_one_site_address(catalogue: Catalogue, html: str) -> None:
    assert found(html, catalogue, "instance_url") == []


def test_a_links_section_gives_only_site_addresses_of_no_code_host(catalogue: Catalogue) -> None:
    html = (
        "<h2>Links</h2><p>Sourcegraph: https://sg.example.org</p><p>Runbook: https://wiki.example.org/x</p>"
        "<p>GitHub: https://github.example.org</p>"
    )
    assert found(html, catalogue, "instance_url") == ["https://sg.example.org"]


def test_sibling_items_naming_different_types_are_one_fleet(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><ul><li>Node pools<ul><li>web: 3 × m6i.2xlarge</li>"
        "<li>search: 2 × r6i.4xlarge</li></ul></li></ul>"
    )
    assert found(html, catalogue, "instance_types") == ["3 × m6i.2xlarge, 2 × r6i.4xlarge"]


def test_items_of_different_lists_or_the_same_type_are_not_joined(catalogue: Catalogue) -> None:
    two_lists = "<ul><li>3 × m6i.2xlarge</li></ul><p>Later:</p><ul><li>2 × r6i.4xlarge</li></ul>"
    assert found(two_lists, catalogue, "instance_types") == ["3 × m6i.2xlarge", "2 × r6i.4xlarge"]
    same_type = "<ul><li>3 × m6i.2xlarge</li><li>4 × m6i.2xlarge</li></ul>"
    assert found(same_type, catalogue, "instance_types") == ["3 × m6i.2xlarge", "4 × m6i.2xlarge"]


@pytest.mark.parametrize(
    "html",
    [  # one address where production is named, the other where nothing is: a list, a table, sections
        "<ul><li>live — https://sg.example.org</li><li>canary — https://sg-c.example.org</li></ul>",
        "<table><tr><td>Zone</td><td>Target</td></tr><tr><td>PRD</td><td>ingress https://sg.example.org</td></tr>"
        "<tr><td>Lab</td><td>ingress https://sg-lab.example.internal</td></tr></table>",
        "<h2>Production deployment</h2><p>Entry point: https://sg.example.org (behind the F5).</p>"
        "<h2>Level 2: the lab</h2><p>Entry point: https://sg-x.example.internal.</p>",
        "<p>In production the service answers on https://sg.example.org.</p>"
        "<p>Partners use the mirror at https://code.example.net.</p>",
    ],
)
def test_of_several_site_addresses_the_one_production_names_is_taken(catalogue: Catalogue, html: str) -> None:
    reading = read_document(html_document(html), catalogue)
    assert [v.value for v in reading.values if v.field == "instance_url"] == ["https://sg.example.org"]
    (warning,) = [p for p in reading.problems if p.field == "instance_url"]
    assert "production" in warning.message


@pytest.mark.parametrize(
    "html",
    [  # production named at both, or at neither: no guess
        "<ul><li>prod — https://sg.example.org</li><li>production (EU) — https://sg-eu.example.org</li></ul>",
        "<ul><li>blue — https://sg.example.org</li><li>green — https://sg-g.example.org</li></ul>",
    ],
)
def test_no_pick_when_production_names_no_single_address(catalogue: Catalogue, html: str) -> None:
    assert found(html, catalogue, "instance_url") == []
