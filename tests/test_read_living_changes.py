"""A living TDD's changes said in many ways: a revision-table row, a changelog bullet, an arrow, a
remark "(was …)", "now N (previously M)", "no longer", each for the machines, the amounts, the limits
(`read/edits.py`, `read/changes.py`, `read/limitchange.py`, `read/rowtables.py` `dated_log`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import changes, edits, limitchange
from tdd_snippets import read, table

BODY = (
    "<h2>Production</h2><p>Machines: 3 × m6i.4xlarge</p><p>vCPU: 48</p><p>Memory: 192 GiB</p>"
    "<p>Disk: 2,000 GB</p><p>Repositories: 1,200</p><p>Licensed users: 900</p><p>Concurrent users: 150</p>"
    "<p>Repository limit: 5,000</p>"
)


def _log(*rows: tuple[str, str, str]) -> str:
    return "<h2>Revision history</h2>" + table(
        ("Rev", "Date", "Change"), ("1.0", "2026-05-01", "Initial"), *rows
    )


def _bullets(*items: str) -> str:
    return "<h2>Changelog</h2><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("RAM 256 → 384 GiB", "RAM 384 GiB (was 256 GiB)"),
        ("Disk: 2,000 GB -> 3,000 GB.", "Disk: 3,000 GB (was 2,000 GB)."),
        ("Disk: 2,000 GB -> 3,000 GB in prod", "Disk: 3,000 GB in prod"),  # (no remark inside a phrase)
        (
            "Memory: 192 → 256 → 384 GiB",
            "Memory: 384 GiB (was 256 GiB)",
        ),  # a chain: the last side, the one before it
        ("Workers: 6 nodes => 8 nodes", "Workers: 8 nodes (was 6 nodes)"),
        ("3 → 2", "2"),  # a bare cell: no remark
        ("gitserver: 3 → 2 disks × 384 GiB -> 512 GiB", "gitserver: 2 disks × 512 GiB"),  # a product
        ("21 Sep → 2 Oct", "21 Sep → 2 Oct"),  # dates: no correction
        ("640 → 2,360 tot", "640 → 2,360 tot"),  # a part and the total
    ],
)
def test_an_arrow_keeps_its_old_side_as_a_remark(text: str, read_as: str) -> None:
    assert edits.unedit(text) == read_as


@pytest.mark.parametrize(
    ("sentence", "field", "old", "new"),
    [
        ("we increased the licence from 900 to 1,200 seats", "max_users", "900", "1200"),
        ("Finance bumped our seat entitlement from 1,000 to 1,250", "max_users", "1000", "1250"),
        ("the seat licence is now 1,200 (was 900)", "max_users", "900", "1200"),
        ("The licence covers 1,200 users (previously 900).", "max_users", "900", "1200"),
        ("Licensed users: 1,100, up from 900", "max_users", "900", "1100"),
        ("Repo limit 8,000 (was 5,000) per the addendum", "max_repositories", "5000", "8000"),
        ("Concurrency cap: 250 (was 150 until the load test)", "max_concurrent_users", "150", "250"),
    ],
)
def test_a_limit_change_said_another_way_gives_both_sides(
    sentence: str, field: str, old: str, new: str
) -> None:
    (change,) = limitchange.changes(sentence)
    assert (change.field, change.old, change.new) == (field, old, new)


@pytest.mark.parametrize(
    "sentence",
    [
        "Active users now 1,100 (was 800)",  # a measurement
        "Licence 2 TB (was 1 TB)",  # a size
        "We plan to raise the licence from 900 to 1,200 seats",
        "The seat licence would be 1,200 (was 900) if the addendum is signed",
    ],
)
def test_a_limit_remark_not_made_or_of_no_limit_gives_nothing(sentence: str) -> None:
    assert limitchange.changes(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "old"),
    [
        ("Prod nodes resized 3 × m6i.4xlarge → 3 × m6i.8xlarge", "3 × m6i.4xlarge"),
        ("pool: 4x n2-standard-16 (64 vCPU) -> 4x n2-highmem-16 (64 vCPU)", "4x n2-standard-16 (64 vCPU)"),
        (
            "Production no longer runs on 3 × m6i.4xlarge: since 12 Oct it is 3 × r6i.4xlarge.",
            "3 × m6i.4xlarge",
        ),
    ],
)
def test_machines_an_arrow_or_no_longer_leaves_are_the_old_side(sentence: str, old: str) -> None:
    (span,) = [sentence[a:b].strip() for a, b in changes.old_spans(sentence)]
    assert span.endswith(old)


@pytest.mark.parametrize(
    "sentence",
    [
        "Instance: 1 × m6i.8xlarge → 32 vCPU / 128 GiB",  # machines to their totals: no change
        "nodes: 3 × n2-highmem-16 + 1 × n2-standard-8 → 56 vCPU / 416 GB",
    ],
)
def test_machines_with_an_arrow_to_their_totals_are_no_change(sentence: str) -> None:
    assert changes.old_spans(sentence) == []


@pytest.mark.parametrize(
    ("row", "field", "want"),
    [
        ("RAM raised from 192 GiB to 384 GiB", "total_memory_gb", ["384 GiB"]),
        ("Prod nodes resized 3 × m6i.4xlarge → 3 × m6i.8xlarge", "instance_types", ["3 × m6i.8xlarge"]),
        ("Node type changed from 3 × m6i.4xlarge to 3 × r6i.4xlarge", "instance_types", ["3 × r6i.4xlarge"]),
        ("Repo limit 5,000 → 8,000. See the addendum.", "max_repositories", ["8000"]),
        ("Seat licence now 1,200 (was 900)", "max_users", ["1200"]),
        ("Data disk 2,000 GB → 3,000 GB", "total_disk_gb", ["3000 GB"]),
        # a service's own setting changed: no total
        ("zoekt memory limit raised from 24 to 40 GiB", "total_memory_gb", ["192 GiB"]),
        ("Disk to be grown 2,000 → 4,000 GB (pending CAB approval)", "total_disk_gb", ["2000 GB"]),
    ],
)
def test_a_revision_row_changing_a_figure_replaces_the_body(
    row: str, field: str, want: list[str], catalogue: Catalogue
) -> None:
    html = BODY + _log(("1.4", "2026-09-02", row))
    assert list(dict.fromkeys(read(html, catalogue)[field])) == want  # (the same figure read twice is one)


@pytest.mark.parametrize(
    ("items", "field", "want"),
    [
        (
            (
                "2026-10-20 – RAM 256 → 384 GiB",
                "2026-09-14 – RAM 192 → 256 GiB",
                "2026-06-01 – first version",
            ),
            "total_memory_gb",
            ["384 GiB"],
        ),
        (
            (
                "2026-06-01 – first version",
                "2026-09-14 – memory 192 GiB → 256 GiB",
                "2026-10-20 – RAM 256 → 384 GiB",
            ),
            "total_memory_gb",
            ["384 GiB"],
        ),
        (
            (
                "2026-10-20: licence raised from 1,100 to 1,300 users",
                "2026-09-14: seats 900 → 1,100 (licence)",
            ),
            "max_users",
            ["1300"],
        ),
        (("14 Sep 2026 — we increased the licence from 900 to 1,200 seats",), "max_users", ["1200"]),
    ],
)
def test_a_changelog_in_any_order_gives_its_latest_figure(
    items: tuple[str, ...], field: str, want: list[str], catalogue: Catalogue
) -> None:
    assert read(BODY + _bullets(*items), catalogue)[field] == want


def test_a_note_saying_what_no_longer_holds_replaces_it(catalogue: Catalogue) -> None:
    html = (
        BODY + "<p>Production no longer runs on 3 × m6i.4xlarge: since 12 Oct 2026 it is 3 × r6i.4xlarge.</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["3 × r6i.4xlarge"]


@pytest.mark.parametrize(
    "note",
    [
        "UPDATE 2026-10-05: https://sg.acme.example was replaced by https://code.acme.example.",
        "Edit (5 Oct 2026): new hostname https://code.acme.example; the old name redirects.",
        "2026-10-05 — https://sg.acme.example → https://code.acme.example",
        "Changed 5 Oct 2026: the instance address is now https://code.acme.example",
    ],
)
def test_an_address_replaced_in_a_note_is_the_url_now(note: str, catalogue: Catalogue) -> None:
    html = "<h2>Access</h2><p>URL: https://sg.acme.example</p>" + f"<p>{note}</p>"
    assert read(html, catalogue)["instance_url"] == ["https://code.acme.example"]


@pytest.mark.parametrize(
    "note",
    [
        "the new GitLab URL is https://gitlab.acme.example",  # another system's
        "Hostname will be replaced by https://code.acme.example in Q1",  # planned
    ],
)
def test_an_address_of_another_system_or_planned_is_no_move(note: str, catalogue: Catalogue) -> None:
    html = "<h2>Access</h2><p>URL: https://sg.acme.example</p>" + f"<p>{note}</p>"
    assert read(html, catalogue)["instance_url"] == ["https://sg.acme.example"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Edit (12 Oct 2026): production is 4 × m6i.4xlarge.",
            "Edit (3 Sep 2026): production is 2 × m6i.4xlarge.",
        ),
        (
            "[Update 12 Oct 2026] production is 4 × m6i.4xlarge.",
            "[Update 3 Sep 2026] production is 2 × m6i.4xlarge.",
        ),
        (
            "Edit (3 Sep 2026): production is 2 × m6i.4xlarge.",
            "Edit (12 Oct 2026): production is 4 × m6i.4xlarge.",
        ),
    ],
)
def test_notes_with_their_date_in_brackets_give_the_latest(
    first: str, second: str, catalogue: Catalogue
) -> None:
    html = BODY + f"<p>{first}</p><p>{second}</p>"
    assert read(html, catalogue)["instance_types"] == ["4 × m6i.4xlarge"]
