"""TDD reader: terse notes' parts and the totals they make, and a chat kept as the build log.

Notes list a whole's parts on one line, split by `|`, `·` or `+`, and close the list with its total
after an arrow (`gitserver 2x 1T | zoekt 2x 500G → 3T`, `ado 1.1k repos | ghes 450 → 1,550`): the
arithmetic says the arrow is no correction, and the total is the value. A label may be the disks'
kind (`ebs:`, `pd-ssd:`, `nvme:`). A chat pasted as lines (`[9/14 09:05] mk: …`) is read message by
message, each dated by its stamp.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read import chatlog, edits, parts
from handoff.read.tdd import read_document
from tddview import settled

HEAD = "<h2>Production</h2><p>Kubernetes with Helm on EKS.</p>"


def _fields(body: str, catalogue: Catalogue) -> dict[str, Any]:
    return settled(HEAD + body, catalogue)


@pytest.mark.parametrize(
    "text",
    [
        "volumes: git 3x 500G | search 2x 250G | db 120G → 2.12T",
        "ssd: repos 2 × 800 GB · index 400 GB · misc 50 GB -> 2.05 TB",
        "sources: gitlab 2.4k repos | gitea 350 → 2,750",
        "[3/2 10:00] ab: hosts: bbs 900 + gh 1.1k => 2k",
    ],
)
def test_an_arrow_to_the_sum_of_the_parts_before_it_is_no_correction(text: str) -> None:
    assert edits.unedit(text) == text


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("disk: 500G → 750G", "disk: 750G (was 500G)"),
        ("data vol 1T, logs 200G → 2T", "data vol 1T, logs 2T (was 200G)"),  # (1.2 TB: not their sum)
        ("repos 900 → 1,200", "repos 1,200"),
    ],
)
def test_an_arrow_to_another_figure_is_still_a_change(text: str, read_as: str) -> None:
    assert edits.unedit(text) == read_as


@pytest.mark.parametrize(
    ("value", "following", "n"),
    [
        ("git 3x 500G", ["search 2x 250G", "db 120G → 2.12T"], 2),
        ("repos 2 × 800 GB", ["index 400 GB", "https://sg.example.org"], 1),
        ("git 3x 500G", ["16c/64g per node"], 0),
        ("1.2T", ["search 250G"], 0),  # (a bare size: a total, no list)
        ("git 500G", ["built 3/4"], 0),
    ],
)
def test_a_labels_list_goes_on_across_separators_while_its_parts_are_named_sizes(
    value: str, following: list[str], n: int
) -> None:
    assert parts.continued(value, following) == n


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<p>volumes: git 3x 500G | search 2x 250G | db 120G → 2.12T</p>", 2120),
        ("<p>nvme: repos 2 × 800 GB · index 400 GB · misc 50 GB -> 2.05 TB</p>", 2050),
        ("<p>ebs: os 80G gp3 + repos 1.5T gp3 → 1.58T</p>", 1580),
        ("<p>pd-balanced: git 2x 1T | rest 300G</p>", 2300),
        ("<p>The VM has an os disk of 50 GB + a data disk of 1 TB = 1.05 TB.</p>", 1050),
    ],
)
def test_parts_and_their_total_give_the_total(body: str, want: int, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("total_disk_gb") == want


@pytest.mark.parametrize(
    "body",
    [
        "<p>The box has os 50 GB + data 1 TB → 2 TB.</p>",  # (neither their sum nor one of them)
        "<p>data disk 1 TB → 2 TB planned, os 50 GB</p>",
    ],
)
def test_parts_beside_a_figure_they_do_not_make_give_no_sum(body: str, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("total_disk_gb") not in (1050, 3050, 3100, 2050)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "<h2>code</h2><p>our gitlab hosts most</p>"
            "<p>gitlab (git.acme.example) 2.4k repos | bitbucket dc (bb.acme.example) 350 → 2,750</p>",
            2750,
        ),
        (
            "<h2>code</h2>"
            "<p>sources: gerrit (gerrit.acme.example) 400 + ghes (code.acme.example) 1.6k → 2k total</p>",
            2000,
        ),
    ],
)
def test_hosts_counts_with_their_address_before_them_add_up_to_the_total(
    body: str, want: int, catalogue: Catalogue
) -> None:
    assert _fields(body, catalogue).get("repositories") == want


@pytest.mark.parametrize(
    ("body", "cpu", "memory"),
    [
        ("<p>2x cpx62 (16c/32g shared each) → 32c/64g</p>", 32, 64),
        ("<p>nodes: 4 × bx-8 (8c/64g dedicated each)</p>", 32, 256),
    ],
)
def test_a_machines_shape_with_its_kind_before_each_is_one_machines(
    body: str, cpu: int, memory: int, catalogue: Catalogue
) -> None:
    got = settled(body, catalogue)
    assert (got.get("total_cpu"), got.get("total_memory_gb")) == (cpu, memory)


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("[9/14 09:05] mk: prod build start", "9/14 09:05"),
        ("[2026-03-02 17:40] Ana P: vols: git 2T", "2026-03-02 17:40"),
        ("[14 Sep, 9:05 AM] jt: k3s up", "14 Sep, 9:05 AM"),
        ("[09:30] all nodes ready", None),  # (an hour alone dates nothing)
        ("[00:05:14] MAL: the prod started …", None),  # (a recording's offset)
        ("[x] done", None),
        ("[TODO] ask about dr", None),
        ("[1] see the appendix", None),
    ],
)
def test_a_chat_line_opens_with_its_stamp(line: str, stamp: str | None) -> None:
    m = chatlog.message(line)
    assert (m.group("stamp") if m else None) == stamp


def _doc(*lines: str) -> dict[str, Any]:
    content: list[dict[str, Any]] = [{"sectionBreak": {}}]
    for line in lines:
        content.append(
            {
                "paragraph": {
                    "elements": [{"textRun": {"content": line + "\n", "textStyle": {}}}],
                    "paragraphStyle": {"namedStyleType": "NORMAL_TEXT"},
                }
            }
        )
    return {"title": "log", "body": {"content": content}}


def test_a_chat_log_reads_each_message_and_dates_it_by_its_stamp(catalogue: Catalogue) -> None:
    doc = _doc(
        "sg build channel, 2026, dates d/m",
        "[02/03 09:00] ana: started the production build on 3x m6i.4xlarge, helm chart applied",
        "[02/03 15:10] bo: volumes: git 2x 1T + search 500G → 2.5T",
        "[06/03 16:00] ana: production build complete, handed over",
    )
    values = {v.field: v.value for v in read_document(doc, catalogue).values if v.field}
    assert values.get("total_disk_gb") == "2.5 TB"
    assert values.get("start_date") == "2026-03-02"
    assert values.get("completion_date") == "2026-03-06"


def test_one_bracketed_line_is_no_chat(catalogue: Catalogue) -> None:
    content = _doc("[09:00] ana: volumes: git 2T", "Nothing else here.")["body"]["content"]
    assert chatlog.as_messages(content) is content


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("<h2>code</h2><p>all repos together ~1.3T</p>", 1300),
        ("<h2>code</h2><p>3 orgs · all repos on gitserver ~2.2T</p>", 2200),
        ("<h2>code</h2><p>clone finished; gitservers du total 870G</p>", 870),
        ("<h2>code</h2><p>size: 450G (du -sh /srv/repos)</p>", 450),
        ("<h2>code</h2><p>git data: 300G + 120G + 80G (three shards) ≈ 500G</p>", 500),
    ],
)
def test_what_the_repositories_take_in_a_note_is_their_size(
    body: str, want: int, catalogue: Catalogue
) -> None:
    assert _fields(body, catalogue).get("total_repo_size_gb") == want


@pytest.mark.parametrize(
    "body",
    [
        "<h2>prod</h2><p>data disk 2T, du -sh /var/lib/docker 300G</p>",  # (du of something else)
        "<h2>code</h2><p>git data: 300G + 120G + 80G ≈ 600G</p>",  # (not their sum)
    ],
)
def test_other_measurements_are_no_repository_size(body: str, catalogue: Catalogue) -> None:
    assert _fields(body, catalogue).get("total_repo_size_gb") is None


@pytest.mark.parametrize(
    ("header", "line", "start", "end"),
    [
        (
            "ops notes · sep 2026 · dates m/d",
            "kickoff 9/1 · helm install prod 9/8 · prod done 9/17",
            "2026-09-08",
            "2026-09-17",
        ),
        ("notes (2026), d/m dates", "compose up 21/4 → build done 30/4", "2026-04-21", "2026-04-30"),
    ],
)
def test_a_notes_install_command_starts_the_build(
    header: str, line: str, start: str, end: str, catalogue: Catalogue
) -> None:
    got = settled(f"<p>{header}</p><h2>prod</h2><p>{line}</p><p>old box retired 2025</p>", catalogue)
    assert (got.get("start_date"), got.get("completion_date")) == (start, end)
