"""Terse working notes (learnt from blind 88, a second set of terse shorthand notes): snippets in,
values out; none of these phrasings is the tuning set's."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.clippedlabels import written_out
from handoff.read.edits import unedit
from handoff.read.lowermonths import capitalised, writes_lower
from tddview import settled

_LIMITS = ("max_users", "max_concurrent_users", "max_repositories")


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("seats 1.4k / conc 180 / repo cap 5k -> 7.5k by eoq", (1400, 180, 5000)),
        ("users: 2,000 · concurrent: 300 · max repos: 4k → 6k next fy (?)", (2000, 300, 4000)),
        # (a growth sentence: withheld, never the later figure)
        ("licensed 650, peak conc 90, repositories 1,500 => 2,500 by end of year", (650, 90, None)),
    ],
)
def test_an_arrow_to_a_later_period_is_growth_not_a_correction(
    line: str, want: tuple[Any, ...], catalogue: Catalogue
) -> None:
    """`cap 6k → 9k next fy`: the new side is what the limit may become, the old one is the limit."""
    got = settled(f"<h2>limits</h2><p>{line}</p>", catalogue)
    assert tuple(got.get(f) for f in _LIMITS) == want


@pytest.mark.parametrize(
    "line",
    ["repo cap 5k -> 7.5k by eoq", "users 800 → 1,100 next fy", "disk 2T → 3T by Q3 (?)"],
)
def test_the_later_side_stays_written(line: str) -> None:
    assert unedit(line) == line


def test_a_correction_with_no_later_period_is_still_one() -> None:
    assert unedit("repo cap 5k -> 7.5k") == "repo cap 7.5k (was 5k)"


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "<p>notes · all 2026</p><h2>timeline</h2><p>prod install jun 3 → jun 9 (qa ok)</p>",
            ("2026-06-03", "2026-06-09"),
        ),
        (
            "<p>2026 build · kb</p><h2>when</h2><p>prod: started 12 aug, signed off 20 aug</p>",
            ("2026-08-12", "2026-08-20"),
        ),
        (  # `may` is a month only in a note that writes its other month names so (`feb 2`)
            "<p>yr 2026</p><h2>dates</h2><p>poc feb 2 - feb 9</p><p>prod install may 11 → may 22</p>",
            ("2026-05-11", "2026-05-22"),
        ),
    ],
)
def test_month_names_in_lower_case(body: str, want: tuple[str, str], catalogue: Catalogue) -> None:
    got = settled(body, catalogue)
    assert (got.get("start_date"), got.get("completion_date")) == want


def test_may_alone_is_no_month() -> None:
    assert not writes_lower("we may 2x the pool if the may 4 nodes are short")
    assert writes_lower("prod build sept 9th")
    assert capitalised("may 4 → may 15 · 3 may, may 2x") == "May 4 → May 15 · 3 May, may 2x"


def _named(text: str) -> str:
    return "trial" if text in ("stg", "poc", "dr", "prd", "uat") else ""


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("dply", "deployment"),
        ("hst", "hosting"),
        ("dsk", "disk"),
        ("mem", "memory"),
        ("nds", "nodes"),
        ("ch", "code hosts"),
        ("rps", "repos"),
        ("mono", "monorepos"),
        ("lrg", "largest repo"),
        ("strt", "start"),
        ("fin", "finish"),
        ("max.u", "limit users"),
        ("lim.c", "limit concurrent users"),
        ("lim_r", "limit repos"),
    ],
)
def test_a_clipped_label_is_written_out(label: str, want: str) -> None:
    assert written_out(label, _named) == want


@pytest.mark.parametrize(
    "label",
    [
        "vm",  # a label read as it is
        "url",
        "stg",  # an environment's name
        "ie",  # no consonant kept: no clip of instance
        "st",  # start, status, storage, staging: which?
        "cc",  # concurrent or contact
        "mon",  # monorepos or monitoring
        "ver",  # version
        "gitserver",  # a word too long to be a clip
        "lim.x",  # no limit's word
    ],
)
def test_no_clip_or_two_readings_stays_as_written(label: str) -> None:
    assert written_out(label, _named) == ""


def _sheet(rows: list[tuple[str, str, str]], head: tuple[str, str, str] = ("fld", "val", "n.b.")) -> str:
    cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in [head, *rows])
    return f"<p>build sheet, all dates 2026, d/m</p><table>{cells}</table>"


def test_a_table_of_clipped_labels_reads_as_a_label_table(catalogue: Catalogue) -> None:
    got = settled(
        _sheet(
            [
                ("dply", "k3s + helm", "argo later (?)"),
                ("hst", "hetzner dedicated", ""),
                ("nds", "3x ax102", "16c/128g each"),
                ("rep", "2,750", "gitea + gl"),
                ("mono", "2", "firmware, docs"),
                ("strt", "3/3", ""),
                ("fin", "17/3", "users on 24/3"),
                ("max.u", "900 (lic)", ""),
                ("max.c", "140", ""),
            ]
        ),
        catalogue,
    )
    assert got.get("deployment_type") == "Kubernetes with Helm"
    assert got.get("repositories") == 2750
    assert got.get("monorepos") == 2
    assert (got.get("start_date"), got.get("completion_date")) == ("2026-03-03", "2026-03-17")
    assert (got.get("max_users"), got.get("max_concurrent_users")) == (900, 140)


def test_a_table_of_a_few_clips_is_left_as_written(catalogue: Catalogue) -> None:
    """Two clips only (`dsk`, `rep`) in a table of names: no label table of clipped words."""
    got = settled(
        _sheet(
            [("gitserver", "3 pods", ""), ("zoekt", "2 pods", ""), ("dsk", "?", ""), ("rep", "?", "")],
            head=("svc", "n", "nb"),
        ),
        catalogue,
    )
    assert got.get("total_disk_gb") is None and got.get("repositories") is None


def _noted(rows: list[tuple[str, str, str]]) -> str:
    cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    return f"<h2>Production</h2><table><tr><th>Item</th><th>Value</th><th>Notes</th></tr>{cells}</table>"


@pytest.mark.parametrize(
    ("row", "field", "want"),
    [
        (("Completed", "12 March 2026", "users onboarded 20 March 2026"), "completion_date", "2026-03-12"),
        (("Repositories", "2,300", "about 500 archived ones are left out"), "repositories", 2300),
        (("Concurrent users", "180", "peak seen in the pilot was 95"), "max_concurrent_users", 180),
    ],
)
def test_a_note_beside_its_rows_value_is_a_remark(
    row: tuple[str, str, str], field: str, want: Any, catalogue: Catalogue
) -> None:
    """`fin | 25/9 | smoke ok; ga 1/10`: the value cell dates the row's event; the note's date of the
    same field is another event's, no rival (and a note's figure stays a remark as before)."""
    assert settled(_noted([row]), catalogue).get(field) == want


def test_a_note_opening_on_the_values_result_is_read(catalogue: Catalogue) -> None:
    got = settled(_noted([("Disk", "boot 64 GB + data 1.5 TB", "= 1,564 GB")]), catalogue)
    assert got.get("total_disk_gb") == 1564


@pytest.mark.parametrize(
    "row",
    [
        ("Size", "640 GB", "du -sh /srv/repos on the box"),
        ("Total size", "2.2 TB", "repos, every org"),
        ("sz", "1.4T", "du /var/opt/sourcegraph/repos"),
    ],
)
def test_a_bare_size_its_note_says_the_repositories_measure(
    row: tuple[str, str, str], catalogue: Catalogue
) -> None:
    got = settled(_noted([row, ("dsk", "4T", ""), ("rep", "1,100", ""), ("mono", "0", "")]), catalogue)
    assert got.get("total_repo_size_gb") == {"640 GB": 640, "2.2 TB": 2200, "1.4T": 1400}[row[1]]


def test_a_bare_size_with_no_such_note_is_no_repositories_size(catalogue: Catalogue) -> None:
    got = settled(_noted([("Size", "2 TB", "thin provisioned")]), catalogue)
    assert got.get("total_repo_size_gb") is None


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "<h2>scm</h2><p>bb (bitbucket.org/kestrel): 120</p>"
            "<p>ado (dev.azure.com/kestrel): 1,300 (all projects)</p>",
            1420,
        ),
        (
            "<h2>hosts</h2><ul><li>ghe (github.acme.example): 2,100</li>"
            "<li>gl (gitlab.com/acme): 75</li></ul>",
            2175,
        ),
    ],
)
def test_a_hosts_clipped_name_with_its_address_beside_it_counts_its_repositories(
    body: str, want: int, catalogue: Catalogue
) -> None:
    assert settled(body, catalogue).get("repositories") == want


def test_a_clipped_name_of_another_host_counts_nothing(catalogue: Catalogue) -> None:
    assert settled("<h2>scm</h2><p>gh (gitlab.com/kestrel): 120</p>", catalogue).get("repositories") is None


@pytest.mark.parametrize(
    ("line", "field", "want"),
    [
        ("mono: 2 (firmware, docs-site)", "monorepos", 2),
        ("lrg: 3.1G (firmware)", "largest_repo_mb", 3100),
        ("dsk: boot 80G + data 1.5T", "total_disk_gb", 1580),
        ("hst: onprem, vsphere 7", "hosting_provider", "on-premises"),
    ],
)
def test_a_lines_clipped_label_is_the_word_it_clips(
    line: str, field: str, want: Any, catalogue: Catalogue
) -> None:
    assert settled(f"<h2>sheet</h2><p>{line}</p>", catalogue).get(field) == want


def test_a_clip_of_no_field_reads_nothing(catalogue: Catalogue) -> None:
    got = settled("<h2>sheet</h2><p>ie: priyanka</p><p>pm: anna k</p><p>st: 14</p>", catalogue)
    assert not set(got) & {"instance_types", "deployment_type", "start_date", "total_disk_gb"}


def test_a_settings_key_is_no_clipped_label() -> None:
    assert written_out("mem_limit", _named) == "" and written_out("cpu.shares", _named) == ""
