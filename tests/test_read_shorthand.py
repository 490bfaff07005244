"""TDD reader: the values of shorthand notes (an IE's own working notes as the TDD).

Notes glue their units on (`64g`, `2T`, `1.5t`, `4c/8g`), write AWS types short (`m5.2xl` for
m5.2xlarge, only a type the catalogue knows), give one machine's figures with `ea` (`8c/32g ea`:
multiplied by the machines, never a total by itself), mark the total with `tot` (`→ 1.2T tot`) and
an approximate figure with `ish` (`300ish`). A rate (`250MB/s`) is no size, and a lone `4G` / `5G`
is a network, not memory.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read import magnitudes, shapes
from tddview import settled

HEAD = "<h2>Production</h2><p>Kubernetes with Helm on EKS.</p>"


def _fields(body: str, catalogue: Catalogue) -> dict[str, Any]:
    return settled(HEAD + body, catalogue)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("data vol 2T", ["2 TB"]),
        ("mem 48g, disk 1.5t", ["48 GB", "1.5 TB"]),
        ("biggest ~3.2g .git", ["3.2 GB"]),
        ("box: 4c/8g", ["8 GB"]),
        ("box: 4c / 8g", ["8 GB"]),
        ("throughput 250MB/s, 500 MBps burst", []),
        ("5G uplink, 4G fallback, 8g alone", []),
    ],
)
def test_glued_units_are_sizes(text: str, want: list[str]) -> None:
    assert [m.value for m in shapes.sizes(text)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("~300ish repos", "~300    repos"),
        ("conc 90-ish peak", "conc 90     peak"),
        ("Polish 4 ishes", "Polish 4 ishes"),
    ],
)
def test_an_ish_figure_is_the_figure(text: str, want: str) -> None:
    assert magnitudes.rewrite(text) == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<p>workers: 4x m5.2xl, 8c/32g ea</p>", ["4 × m5.2xlarge"]),
        ("<p>app nodes: 2 x c6i.xl (4c/8g each)</p>", ["2 × c6i.xlarge"]),
        ("<ul><li>pool a – 3x r6i.4XL</li></ul>", ["3 × r6i.4xlarge"]),
    ],
)
def test_a_known_type_written_short_is_that_type(body: str, want: list[str], catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("instance_types") == want


@pytest.mark.parametrize("body", ["<p>nodes: 6x zz9.4xl</p>", "<p>nodes: 6x m6i.64xl</p>"])
def test_an_unknown_type_written_short_is_no_type(body: str, catalogue: Catalogue) -> None:
    assert "instance_types" not in _fields(body, catalogue)


@pytest.mark.parametrize(
    ("body", "cpu", "memory"),
    [
        ("<p>workers: 4x m5.2xl, 8c/32g ea</p>", 32, 128),
        ("<p>app nodes: 2 x c6i.xl (4c/8g each)</p>", 8, 16),
        ("<p>nodes: 3x m6i.2xl</p><p>cpu: 8c ea</p><p>memory: 32g ea</p>", 24, 96),
    ],
)
def test_one_machines_figures_ea_are_multiplied(
    body: str, cpu: int, memory: int, catalogue: Catalogue
) -> None:
    got = _fields(body, catalogue)
    assert (got.get("total_cpu"), got.get("total_memory_gb")) == (cpu, memory)


@pytest.mark.parametrize("body", ["<p>cpu: 12c ea</p>", "<p>vm size: 8c/32g ea</p>"])
def test_one_machines_figures_ea_alone_are_no_total(body: str, catalogue: Catalogue) -> None:
    got = _fields(body, catalogue)
    assert got.get("total_cpu") is None and got.get("total_memory_gb") is None


@pytest.mark.parametrize(
    ("body", "field", "want"),
    [
        ("<p>disk: gitserver 2x 500G + 200G pg → 1.2T tot</p>", "total_disk_gb", 1200),
        ("<p>pools: 1x r6i.4xl + 2x m6i.2xl</p><p>tot 32c / 192g</p>", "total_cpu", 32),
        ("<p>pools: 1x r6i.4xl + 2x m6i.2xl</p><p>tot 32c / 192g</p>", "total_memory_gb", 192),
        (
            "<p>big pool: 2x m6i.4xl, 16c/64g ea</p><p>small pool: 1x m6i.2xl, 8c/32g</p>"
            "<p>= 40c / 160g tot</p>",
            "total_cpu",
            40,
        ),
    ],
)
def test_tot_marks_the_total(body: str, field: str, want: int, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get(field) == want


def test_ish_counts_add_up(catalogue: Catalogue) -> None:
    got = _fields("<p>~1.6k repos on GitLab + 250ish on Bitbucket Server</p>", catalogue)
    assert got.get("repositories") == 1850


@pytest.mark.parametrize(
    "line",
    [
        "can the app pool go to m7i.8xl x2 instead of 4x 4xl? → no, keep 4 for spread",
        "could we drop to 2x m6i.8xlarge? -> no (az spread)",
    ],
)
def test_a_question_answered_after_an_arrow_gives_no_machines(line: str, catalogue: Catalogue) -> None:
    got = _fields(f"<h2>open q's</h2><ul><li>{line}</li></ul>", catalogue)
    assert "instance_types" not in got


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<p>all .git together ~520G once cloned</p>", {"total_repo_size_gb": 520}),
        ("<p>tot .git ≈ 1.3T (du on the gitserver pvcs)</p>", {"total_repo_size_gb": 1300}),
        ("<p>sum of .git ~75g</p>", {"total_repo_size_gb": 75}),
        ("<p>largest: billing-api, 4.4G .git</p>", {"largest_repo_mb": 4400, "total_repo_size_gb": None}),
    ],
)
def test_a_notes_git_total_is_the_repositories_size(
    body: str, want: dict[str, Any], catalogue: Catalogue
) -> None:
    got = _fields(body, catalogue)
    assert {k: got.get(k) for k in want} == want


def test_subtotals_give_way_to_the_total_they_make(catalogue: Catalogue) -> None:
    body = (
        "<h3>storage</h3><ul><li>gitserver 500G x3 = 1.5T</li><li>search index 2x 250G = 500G</li>"
        "<li>→ 2T tot</li></ul>"
    )
    assert _fields(body, catalogue).get("total_disk_gb") == 2000


def test_totals_that_do_not_add_up_stay_a_conflict(catalogue: Catalogue) -> None:
    body = (
        "<h3>storage</h3><ul><li>gitserver 500G x3 = 1.5T</li><li>search index 2x 250G = 500G</li>"
        "<li>→ 3T tot</li></ul>"
    )
    assert _fields(body, catalogue).get("total_disk_gb") is None


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "<p>GitLab (gitlab.acme.example) → 2,210 proj</p>"
            "<p>Bitbucket Server (stash.acme.example) → 40 repos</p>",
            2250,
        ),
        (
            "<p>GitHub Enterprise (ghe.acme.example) 900 repos / "
            "GitLab (gitlab.acme.example) 310 repos → 1,210 tot</p>",
            1210,
        ),
    ],
)
def test_a_notes_host_counts_and_their_total(body: str, want: int, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("repositories") == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<p>storage: 3 pvcs, 1.5T tot</p>", {"total_disk_gb": 1500}),
        ("<p>billing-api, 6.2G on disk (.git), the biggest by far</p>", {"total_disk_gb": None}),
        ("<p>~2.3T .git across all (du on the gitserver pvcs)</p>", {"total_repo_size_gb": 2300}),
    ],
)
def test_what_a_notes_size_measures(body: str, want: dict[str, Any], catalogue: Catalogue) -> None:
    got = _fields(body, catalogue)
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize(
    ("body", "start", "done"),
    [
        (
            "<h3>timeline (all 2026)</h3><p>cluster up 5/4 (tf)</p><p>signed off 5/19</p>",
            "2026-05-04",
            "2026-05-19",
        ),
        (
            "<p>year: 2026</p><ul><li>infra start 9/8</li><li>prod done 10/14 (ack from j. doe)</li></ul>",
            "2026-09-08",
            "2026-10-14",
        ),
    ],
)
def test_a_notes_month_and_day_take_the_year_given_once(
    body: str, start: str, done: str, catalogue: Catalogue
) -> None:
    got = _fields(body, catalogue)
    assert (got.get("start_date"), got.get("completion_date")) == (start, done)


@pytest.mark.parametrize(
    "body",
    [
        # no day above 12 shows the order: 4/5 may be 4 May or 5 April
        "<h3>timeline (all 2026)</h3><p>cluster up 4/5</p><p>signed off 6/7</p>",
        # support 24/7 and a half (1/2) of the nodes: no dates
        "<h3>notes (2026)</h3><p>support 24/7, build started with 1/2 of the nodes</p>",
    ],
)
def test_a_short_day_and_month_of_no_clear_order_is_no_date(body: str, catalogue: Catalogue) -> None:
    got = _fields(body, catalogue)
    assert got.get("start_date") is None and got.get("completion_date") is None


def test_a_week_named_by_its_first_day_is_no_completion(catalogue: Catalogue) -> None:
    body = "<h3>dates (2026)</h3><p>infra up 2/16</p><p>go-live wk of 3/23</p><p>handover w/c 3/30</p>"
    got = _fields(body, catalogue)
    assert got.get("start_date") == "2026-02-16" and got.get("completion_date") is None


def test_a_version_is_no_date() -> None:
    assert [m.value for m in shapes.dates("v5.4.7199 at handover, 5.5.2463")] == []


@pytest.mark.parametrize(
    "lead",
    [
        "<p>kb notes. dates are 2026 throughout.</p>",
        "<p>all dates 2026 unless noted</p>",
        "<p>year = 2026</p>",
    ],
)
def test_a_year_declared_for_all_dates_wins_over_a_plans_year(lead: str, catalogue: Catalogue) -> None:
    body = f"{lead}<p>growth: +2k users in 2027</p><p>infra up 7/14</p><p>signed off 7/30</p>"
    got = _fields(body, catalogue)
    assert (got.get("start_date"), got.get("completion_date")) == ("2026-07-14", "2026-07-30")


def test_the_handover_to_the_ta_is_no_completion(catalogue: Catalogue) -> None:
    body = "<h3>dates (2026)</h3><p>infra up 9/14</p><p>signed off 10/2</p><p>ta handover 10/9</p>"
    got = _fields(body, catalogue)
    assert (got.get("start_date"), got.get("completion_date")) == ("2026-09-14", "2026-10-02")


def test_a_document_year_is_never_a_versions() -> None:
    assert shapes.document_year("sg 5.4.7199 at handover, built 3/2 → 3/13, all 2026") == "2026"


@pytest.mark.parametrize(
    "body",
    [
        "<p>workers: 3x c6i.4xl</p><p>launch template type: c6i.4xlarge</p>",
        "<p>app: 3x c6i.4xl</p><pre>$ aws ec2 describe-instances … c6i.4xlarge</pre>",
    ],
)
def test_a_short_type_spelt_out_again_is_the_same_machines(body: str, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("instance_types") == ["3 × c6i.4xlarge"]


def test_slots_of_a_type_are_no_machines(catalogue: Catalogue) -> None:
    body = (
        "<p>nodes: 4x m5.2xl</p><p>cpu: 8c ea</p>"
        "<p>rack capacity is fixed: 10x m5.2xl slots + 2x r5.xl slots, the rest is theirs</p>"
    )
    got = _fields(body, catalogue)
    assert (got.get("instance_types"), got.get("total_cpu")) == (["4 × m5.2xlarge"], 32)


def test_two_types_written_alone_stay_rivals(catalogue: Catalogue) -> None:
    body = "<p>workers: 3x c6i.4xl</p><p>type a: c6i.4xlarge</p><p>type b: c6i.2xlarge</p>"
    assert "instance_types" not in _fields(body, catalogue)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<h2>prod</h2><p>runs on gke, 3 nodes, helm</p>", "GCP"),
        ("<h2>prod</h2><ul><li>k8s: aks 1.29, two pools</li></ul>", "Azure"),
        ("<h2>prod</h2><p>whole thing lives in aws, one vpc, compose</p>", "AWS"),
        ("<h2>prod</h2><p>single ec2 box w/ docker compose</p>", "AWS"),
        (
            "<h2>prod</h2><p>vsphere vm, 16c/64g, compose</p><h2>auth</h2><p>idp: aws sso (saml)</p>",
            "on-premises",
        ),
    ],
)
def test_a_clouds_acronym_in_lower_case_names_the_cloud(body: str, want: str, catalogue: Catalogue) -> None:
    assert settled(body, catalogue).get("hosting_provider") == want


def _grid(*rows: tuple[str, ...]) -> str:
    return (
        "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
    )


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            _grid(("pool", "n", "machine"), ("web", "3", "n2-standard-8"), ("idx", "1", "n2-highmem-16")),
            ["3 × n2-standard-8", "1 × n2-highmem-16"],
        ),
        (
            _grid(("vm size", "n", "role"), ("Standard_D8s_v5", "2", "app"), ("Standard_E8s_v5", "5", "git")),
            ["2 × Standard_D8s_v5", "5 × Standard_E8s_v5"],
        ),
        (
            _grid(("grp", "type", "n"), ("a", "c6i.2xl", "4"), ("b", "r6i.xl", "2"), ("tot", "", "6")),
            ["4 × c6i.2xlarge", "2 × r6i.xlarge"],
        ),
    ],
)
def test_n_heads_a_notes_count_column(body: str, want: list[str], catalogue: Catalogue) -> None:
    assert settled("<h2>prd</h2>" + body, catalogue).get("instance_types") == want
