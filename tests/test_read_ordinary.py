"""What ordinary TDDs written blind need (stop 22): the cases of each mechanism the corpus does not
show (`read/openquestion.py`, `read/outaside.py`, `read/notplace.py`, `read/codecomment.py`,
`read/titletool.py`). A snippet of a TDD in, the field values out."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.codecomment import code_value
from handoff.read.outaside import without_left_out
from tdd_snippets import read


def test_a_question_answered_yes_keeps_its_host(catalogue: Catalogue) -> None:
    got = read(
        "<p>GitHub Enterprise Server holds 1,200 repositories.</p>"
        "<table><tr><td><p>Do we index Gerrit as well?</p></td><td><p>Yes, since March</p></td></tr></table>",
        catalogue,
    )
    assert "Gerrit" in got["code_hosts"][0]


def test_a_question_not_answered_yes_leaves_its_host_out(catalogue: Catalogue) -> None:
    got = read(
        "<p>GitHub Enterprise Server holds 1,200 repositories.</p>"
        "<table><tr><td><p>Should we add the Gerrit server later?</p></td><td><p>Open</p></td></tr></table>",
        catalogue,
    )
    assert got["code_hosts"] == ["GitHub Enterprise Server"]


def test_an_aside_that_is_the_only_figure_stays_and_a_licence_remark_is_no_leaving_out() -> None:
    only = "Disk: (2 TB, snapshots not counted)"
    assert without_left_out(only) == only
    licence = "3 × m6i.4xlarge (2 × t3.medium bastions, not counted towards the licence)"
    assert without_left_out(licence) == licence
    pool = "3 × m6i.4xlarge (2 × t3.medium bastions, not counted)"
    assert "t3.medium" not in without_left_out(pool) and len(without_left_out(pool)) == len(pool)


def test_a_trial_named_with_its_own_verb_or_machine_stays_the_trials(catalogue: Catalogue) -> None:
    got = read(
        "<p>After the trial on an n2-standard-8 VM with Docker Compose, nothing was kept.</p>"
        "<p>Production runs on GKE with the Helm chart.</p>",
        catalogue,
    )
    assert got["deployment_type"] == ["Kubernetes with Helm"]


def test_a_comment_that_is_only_a_unit_stays_with_its_value() -> None:
    assert code_value("256   # GiB") == "256   # GiB"
    assert code_value('"r6i.4xlarge"  # was m6i.4xlarge x4') == '"r6i.4xlarge"'
    assert code_value('"n2-highmem-16" // resized') == '"n2-highmem-16"'


def test_a_heading_weighing_two_tools_names_none(catalogue: Catalogue) -> None:
    got = read("<h2>Helm or Kustomize?</h2><p>The cluster runs on EKS.</p>", catalogue)
    assert "deployment_type" not in got
