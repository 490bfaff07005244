"""`bench/miss_causes.py`: each cause on a small document whose key makes it the one that holds."""

from __future__ import annotations

from typing import Any

import pytest

from bench import miss_causes
from handoff.core.fields import Catalogue
from handoff.core.model import Location, TddValue
from handoff.read.gather import Gatherer
from handoff.read.tdd import html_document, read_document


def _document(lines: list[str]) -> dict[str, Any]:
    """`## ` opens a heading; every other line is a paragraph."""
    body = "".join(f"<h2>{t[3:]}</h2>" if t.startswith("## ") else f"<p>{t}</p>" for t in lines)
    return html_document(f"<html><body><h1>TDD</h1>{body}</body></html>")


def _causes(catalogue: Catalogue, lines: list[str], key: dict[str, Any]) -> dict[str, str]:
    reading, trace = miss_causes.traced_reading(_document(lines), catalogue)
    return dict(miss_causes.classify(reading, trace, {"fields": {}, **key}, catalogue))


PROD = "## Production"
CASES = [
    ("right", [PROD, "Total CPU: 48 vCPU"], {"fields": {"total_cpu": 48}}, "total_cpu", "right"),
    (
        "conflict-other",
        [PROD, "Total CPU: 48 vCPU", "## Production sizing", "Total CPU: 40 vCPU"],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "conflict-warning:stated",
    ),
    (
        "conflict-partial",
        [PROD, "Total CPU: 48 vCPU", "## Production sizing", "Total CPU: 16 vCPU"],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "conflict-warning:partial",
    ),
    (
        "conflict-multiple",
        [PROD, "Total CPU: 48 vCPU", "## Production sizing", "Total CPU: 96 vCPU"],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "conflict-warning:multiple",
    ),
    (
        "other-environment",
        ["## Staging", "Total CPU: 48 vCPU"],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "candidate-refused:other-environment",
    ),
    (
        "history",
        [PROD, "In August the CPU was increased from 32 vCPU to 48 vCPU."],
        {"fields": {"total_cpu": 32}},
        "total_cpu",
        "wrong:right-refused:history",
    ),
    (
        "ranking",
        [PROD, "Memory: 192 GB", "We run 224 GB of memory."],
        {"fields": {"total_memory_gb": 224}},
        "total_memory_gb",
        "wrong:right-refused:ranking",
    ),
    (
        "tier",
        ["## Summary", "Total CPU: 20 vCPU", PROD, "Total CPU: 16 vCPU"],
        {"fields": {"total_cpu": 20}},
        "total_cpu",
        "wrong:right-refused:tier",
    ),
    (
        "value-form",
        [PROD, "Total disk: 2,050 GB"],
        {"fields": {"total_disk_gb": 2000}},
        "total_disk_gb",
        "wrong:value-form",
    ),
    (
        "parts-whole",
        [PROD, "Total CPU: 32 vCPU", "We run 48 vCPU in production."],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "wrong:right-refused:parts-whole",
    ),
    ("partial", [PROD, "Total CPU: 16 vCPU"], {"fields": {"total_cpu": 48}}, "total_cpu", "wrong:partial"),
    (
        "no-right",
        [PROD, "Total CPU: 40 vCPU"],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "wrong:no-right-candidate:production",
    ),
    (
        "forbidden",
        [PROD, "Total CPU: 40 vCPU"],
        {"fields": {"total_cpu": 48}, "forbidden": {"total_cpu": [40]}},
        "total_cpu",
        "forbidden:no-right-candidate:production",
    ),
    (
        "unnamed-part",
        ["## Summary", "Total CPU: 40 vCPU"],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "wrong:no-right-candidate:unnamed-part",
    ),
    ("unkeyed", [PROD, "Total CPU: 40 vCPU"], {"fields": {}}, "total_cpu", "wrong:unkeyed"),
    (
        "written-unread",
        [PROD, "Kilroy counted 48 of them."],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "no-candidate:written-unread",
    ),
    (
        "written-read",
        [PROD, "Total memory: 64 GB; Kilroy counted 48 of them."],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "no-candidate:written-read",
    ),
    (
        "written-other-env",
        [PROD, "Total memory: 64 GB", "## Staging", "Kilroy counted 48 of them."],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "no-candidate:written-other-env",
    ),
    (
        "written-limit-plan",
        [PROD, "Total memory: 64 GB. The licence allows up to 48 vCPU."],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "no-candidate:written-limit-plan",
    ),
    (
        "unknown-type",
        [PROD, "Kilroy racked 3 Zorblex Q9 units."],
        {"fields": {"instance_types": ["3 × Zorblex Q9"]}},
        "instance_types",
        "no-candidate:unknown-type",
    ),
    (
        "unwritten",
        [PROD, "Total memory: 64 GB"],
        {"fields": {"total_cpu": 48}},
        "total_cpu",
        "no-candidate:unwritten",
    ),
    (
        "not-searched",
        [PROD, "Total memory: 64 GB"],
        {"fields": {"deployment_type": "Helm"}},
        "deployment_type",
        "no-candidate:not-searched",
    ),
]


@pytest.mark.parametrize(("lines", "key", "name", "cause"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_cause(catalogue: Catalogue, lines: list[str], key: dict[str, Any], name: str, cause: str) -> None:
    assert _causes(catalogue, lines, key)[name] == cause


def test_contradiction(catalogue: Catalogue) -> None:
    """Machines whose published sizes do not make the stated CPU total: both withheld."""
    lines = [PROD, "Instances: 3 × m6i.4xlarge", "Total CPU: 40 vCPU"]
    causes = _causes(catalogue, lines, {"fields": {"total_cpu": 40}})
    assert causes["total_cpu"] == "contradiction"


def test_refused_by_a_pass_is_named_by_its_family(catalogue: Catalogue) -> None:
    """A planned figure beside an actual one of the same field: `_drop_plans` drops it (limit-plan)."""
    lines = [PROD, "Planned start date: 1 March 2026", "Start date: 9 March 2026"]
    causes = _causes(catalogue, lines, {"fields": {"start_date": "2026-03-01"}})
    assert causes["start_date"] == "wrong:right-refused:limit-plan"


def test_trace_leaves_the_reading_unchanged(catalogue: Catalogue) -> None:
    lines = [PROD, "Instances: 3 × m6i.4xlarge", "Total memory: 192 GB", "## Staging", "Total CPU: 8 vCPU"]
    doc = _document(lines)
    plain = read_document(doc, catalogue)
    traced, trace = miss_causes.traced_reading(doc, catalogue)
    assert traced == plain
    assert Gatherer.finish is miss_causes._FINISH  # (the tracer is gone)
    assert {v.field for v in trace.seen} >= {"instance_types", "total_memory_gb", "total_cpu"}


@pytest.mark.parametrize(
    ("name", "got", "want", "how"),
    [
        ("total_cpu", 16, 48, "partial"),
        ("total_cpu", 47, 48, None),  # (a count's near figure is another fact)
        ("total_memory_gb", 250, 256, "value-form"),
        ("total_disk_gb", 2, 2000, "value-form"),
        ("total_disk_gb", 1500, 2000, None),
        ("instance_types", ["1 × m6i.4xlarge"], ["3 × m6i.4xlarge"], "partial"),
        ("instance_types", ["3 × m6i.4xlarge"], ["3 × m6i.4xlarge", "2 × c6i.2xlarge"], "partial"),
        ("instance_types", ["3 × R660"], ["3 × Dell PowerEdge R660"], "value-form"),
        ("instance_types", ["3 × m6i.8xlarge"], ["3 × m6i.4xlarge"], None),
        ("code_hosts", ["GitHub"], ["GitHub", "GitLab"], "partial"),
    ],
)
def test_relation(name: str, got: Any, want: Any, how: str | None) -> None:
    assert miss_causes.relation(name, got, want) == how


@pytest.mark.parametrize(
    ("how", "figure", "rival"),
    [("4 × per-machine figure", 64, "worked"), ("sum of 2 production sections", 40, "worked"),
     ("CPU count", 40, "stated"), ("label", 96, "multiple"), ("label", 16, "partial")],
)  # fmt: skip
def test_rival(how: str, figure: int, rival: str) -> None:
    """A conflict's rival of a right 48 vCPU: what it is."""
    v = TddValue("CPU", f"{figure} vCPU", Location("tdd", "TDD p"), "total_cpu", "production", how=how)
    assert miss_causes._rival("total_cpu", v, figure, 48) == rival


def test_eval_only_sets_are_never_shown(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        miss_causes.main(["--show", "--eval-only"])
    assert "not for the evaluation-only sets" in capsys.readouterr().err
