"""TDD reader: machines as forms and terse lines write them. A form's prompt asks for the machine type
and its answer names the type alone (`Answer: Standard_E16s_v5`), another prompt asks how many and its
answer gives the count with a remark (`5 — pool "search", fixed size`); a terse line names the type and
one machine beside it (`r6i.8xlarge, one instance`); a provider's own type follows a type word whose
prompt gives examples before the colon (`Server plan (e.g. CX22): CPX51`)."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read import opencount
from handoff.read.questionlabel import bare_type
from tdd_snippets import read


def _form(machine: str, count: str | None) -> str:
    """A production intake form of tagged answers: the cloud, the machine type, the node count (left out
    when `count` is None), the users and the address."""
    rows = [
        ("5.1 Cloud provider", "Azure"),
        ("5.2 VM size for the cluster nodes (e.g. Standard_D8s_v5)", machine),
        *([("5.3 How many nodes (e.g. 3)", count)] if count is not None else []),
        ("5.4 Licensed users", "900"),
        ("5.5 Production URL", "https://sg.example.com"),
    ]
    return "<h2>Production</h2>" + "".join(f"<p><b>{q}</b></p><p>Answer: {a}</p>" for q, a in rows)


@pytest.mark.parametrize(
    ("count", "want"),
    [
        ('5 — pool "search", fixed size', ["5 × Standard_E16s_v5"]),
        ("6, no autoscaling", ["6 × Standard_E16s_v5"]),
        ("4 (min 4 / max 4)", ["4 × Standard_E16s_v5"]),
        ("4", ["4 × Standard_E16s_v5"]),
    ],
)
def test_a_type_answered_alone_takes_the_count_another_answer_gives(
    count: str, want: list[str], catalogue: Catalogue
) -> None:
    assert read(_form("Standard_E16s_v5", count), catalogue).get("instance_types") == want


def test_a_type_answered_alone_with_a_remark_is_still_the_type(catalogue: Catalogue) -> None:
    got = read(_form("Standard_E16s_v5 — memory optimised", "3"), catalogue)
    assert got.get("instance_types") == ["3 × Standard_E16s_v5"]


def test_the_prompts_example_is_no_answer(catalogue: Catalogue) -> None:
    # `(e.g. Standard_D8s_v5)` shows the format; the answer left open gives no machines
    assert "instance_types" not in read(_form("TBD", "4"), catalogue)


def test_an_answer_naming_two_types_or_a_counted_type_is_read_as_it_says(catalogue: Catalogue) -> None:
    assert not bare_type("Standard_E16s_v5, Standard_D8s_v5")
    assert not bare_type("3 × Standard_E16s_v5")
    assert not bare_type("we run Standard_E16s_v5 today")
    assert bare_type("Standard_E16s_v5 (memory optimised)")
    got = read(_form("3 × Standard_E16s_v5", None), catalogue)
    assert got.get("instance_types") == ["3 × Standard_E16s_v5"]


def test_a_count_whose_remark_counts_other_machines_is_no_count() -> None:
    assert opencount.count_cell('4 — node group "sg-prod", min 4 / max 4, no autoscaling') == "4"
    assert opencount.count_cell("3 (min 2, max 6)") is None  # (3 now, bounds of an autoscaler)
    assert opencount.count_cell("4, growing to 6 next year") is None
    assert opencount.count_cell("4, autoscaled") is None
    assert opencount.count_cell("autoscaled") == ""


@pytest.mark.parametrize(
    "line",
    ["r6i.8xlarge, one instance (eu-west-2)", "r6i.8xlarge — a single instance", "1 VM: r6i.8xlarge"],
)
def test_a_terse_line_with_one_machine_beside_its_type_is_one(line: str, catalogue: Catalogue) -> None:
    html = f"<h2>Production</h2><ul><li>B3. Host</li><ul><li>{line}</li></ul></ul>"
    assert read(html, catalogue).get("instance_types") == ["1 × r6i.8xlarge"]


@pytest.mark.parametrize(
    "line",
    [
        "We moved one node to r6i.8xlarge after the load test.",
        "r6i.8xlarge, one node per zone",
        "Each team may request one VM; the default is r6i.8xlarge.",
    ],
)
def test_one_machine_said_elsewhere_in_a_sentence_is_no_count(line: str, catalogue: Catalogue) -> None:
    assert "instance_types" not in read(f"<h2>Production</h2><p>{line}</p>", catalogue)


@pytest.mark.parametrize(
    "prompt",
    ["3.1 Server plan (e.g. CX22): CPX51", "3.1 Server type: CPX51", "Node type: CPX51 (dedicated vCPU)"],
)
def test_a_providers_own_type_after_a_type_label_is_a_machine(prompt: str, catalogue: Catalogue) -> None:
    html = f"<h2>Production</h2><p>{prompt}</p><p>3.2 Number of servers: 3</p>"
    assert read(html, catalogue).get("instance_types") == ["3 × CPX51"]


def test_a_type_words_label_with_no_provider_token_learns_nothing(catalogue: Catalogue) -> None:
    # `Disk type: gp3` names a volume's type, and `Server type: TBD` no type at all
    html = "<h2>Production</h2><p>Server type: TBD</p><p>Disk type: gp3</p><p>Number of servers: 3</p>"
    assert "instance_types" not in read(html, catalogue)


def test_an_azure_size_after_a_type_label_is_no_own_type(catalogue: Catalogue) -> None:
    # `D16s v5` is Azure's size written short, not a provider token `D16s`
    got = read("<h2>Production</h2><p>VM size: D16s v5, 3 nodes</p>", catalogue)
    assert "3 × D16s" not in got.get("instance_types", [])


_VOLUMES = "<h2>Production</h2><p>Persistent volumes (pd-ssd):</p>{}<p>Snapshots are kept for a week.</p>"


def test_a_list_written_one_entry_a_paragraph_is_the_labels_list(catalogue: Catalogue) -> None:
    lines = ["gitserver   3 × 500 GB", "zoekt       2 × 400 GB", "postgres    1 × 100 GB"]
    html = _VOLUMES.format("".join(f"<p>{line}</p>" for line in lines))
    assert read(html, catalogue).get("total_disk_gb") == ["2400 GB"]


def test_a_sentence_or_a_command_ends_a_list_of_paragraphs(catalogue: Catalogue) -> None:
    lines = ["gitserver   3 × 500 GB", "gcloud compute disks resize sg-data --size=2000GB"]
    html = _VOLUMES.format("".join(f"<p>{line}</p>" for line in lines))
    assert read(html, catalogue).get("total_disk_gb") != ["3500 GB"]
    html = "<h2>Production</h2><p>Code hosts:</p><ul><li>GitHub — 2,340</li><li>GitLab — 910</li></ul>"
    got = read(html + "<p>Total repositories: 3,400</p>", catalogue)
    assert got.get("repositories") == ["3400"]
