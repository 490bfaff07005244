"""Values a TDD gives that contradict each other (validate/agreement.py) are not used.

The relations on their own (`broken`), then through the merge: a pair the TDD alone gives that
breaks a relation leaves both fields empty with one problem naming both places and the sheet cells
(an error in a final run, a warning in a draft, no "required but missing" as well); a sheet value
on either side settles it, and the TDD side that agrees is kept.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.core.model import AccountRecord, FieldValue, Location, Severity, SheetCell, SheetRow, TddValue
from handoff.core.units import InstanceCount
from handoff.read.sheet import column_letter
from handoff.validate.agreement import broken, relations
from handoff.validate.merge import merge_fields
from handoff.validate.rules import validate_fields

TODAY = dt.date(2026, 11, 27)
M5 = [InstanceCount("m5.4xlarge", 3)]  # 48 vCPU, 192 GiB


def tdd_fv(name: str, value: Any, where: str, text: str = "") -> FieldValue:
    return FieldValue(name, value, text or str(value), "tdd", Location("tdd", f"TDD {where}"))


def sheet_fv(name: str, value: Any, a1: str) -> FieldValue:
    return FieldValue(name, value, str(value), "sheet", Location("sheet", a1))


# -- the relations on their own ---------------------------------------------------------------------


def test_the_catalogues_order_rules_are_relations(catalogue: Catalogue) -> None:
    pairs = {(r.first, r.second) for r in relations(catalogue)}
    assert {("monorepos", "repositories"), ("completion_date", "start_date")} <= pairs
    assert {("total_cpu", "instance_types"), ("total_memory_gb", "instance_types")} <= pairs
    assert ("total_disk_gb", "total_repo_size_gb") in pairs
    assert not {p for p in pairs if "max_repositories" in p}  # a deployment may outgrow its sizing


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"total_cpu": 64, "instance_types": M5},
            "Total CPU: the TDD gives 64 vCPU (Sizing › paragraph 1) but 3 × m5.4xlarge "
            "(Instances › table 1, row 2) have 48 vCPU",
        ),
        (
            {"total_memory_gb": 256, "instance_types": M5},
            "Total Memory (GB): the TDD gives 256 GB (Sizing › paragraph 1) but 3 × m5.4xlarge "
            "(Instances › table 1, row 2) have 192 GB",
        ),
        (
            {"total_disk_gb": 500, "total_repo_size_gb": 800},
            "Total Disk (GB): the TDD gives 500 GB (Sizing › paragraph 1) but 800 GB of repositories "
            "(Instances › table 1, row 2), and Sourcegraph's gitserver keeps a clone of every "
            "repository on its disks",
        ),
        (
            {"monorepos": 12, "repositories": 10},
            "Monorepos: the TDD gives 12 (Sizing › paragraph 1), more than its 10 repositories "
            "(Instances › table 1, row 2)",
        ),
        (
            {"completion_date": dt.date(2026, 3, 1), "start_date": dt.date(2026, 4, 1)},
            "Completion Date: the TDD gives 2026-03-01 (Sizing › paragraph 1), before its start date "
            "2026-04-01 (Instances › table 1, row 2)",
        ),
        (
            {"largest_repo_mb": 640000, "total_repo_size_gb": 310},
            "Largest Repo (MB): the TDD gives 640,000 MB (Sizing › paragraph 1) but all the repositories "
            "together are 310 GB (Instances › table 1, row 2), and the largest repository is one of them",
        ),
    ],
    ids=["cpu", "memory", "disk", "monorepos", "dates", "largest"],
)
def test_a_broken_relation_names_both_values_their_places_and_what_they_imply(
    catalogue: Catalogue, values: dict[str, Any], message: str
) -> None:
    (a, va), (b, vb) = values.items()
    fields = {a: tdd_fv(a, va, "Sizing › paragraph 1"), b: tdd_fv(b, vb, "Instances › table 1, row 2")}
    [found] = broken(fields, catalogue)
    assert found.message == message and found.fields == (a, b)
    fields[a] = sheet_fv(a, va, "Accounts!N2")  # the sheet gives one side: the relation is not the TDD's
    assert broken(fields, catalogue) == []


@pytest.mark.parametrize(
    "values",
    [
        {"total_cpu": 48, "instance_types": M5},
        {"total_cpu": 48.4, "instance_types": M5},  # within the tolerance (1%)
        {"total_memory_gb": 192, "instance_types": M5},  # GB and GiB are one unit
        {"total_cpu": 7, "instance_types": [InstanceCount("x9.huge", 3)]},  # an unknown type: no check
        {"total_cpu": 7, "instance_types": [*M5, InstanceCount("x9.huge", 1)]},
        {"total_disk_gb": 800, "total_repo_size_gb": 800},  # tight, but it holds them
        {"total_disk_gb": 795, "total_repo_size_gb": 800},  # within the tolerance
        {"monorepos": 10, "repositories": 10},
        {"monorepos": 0, "repositories": 0},
        {"completion_date": dt.date(2026, 4, 1), "start_date": dt.date(2026, 4, 1)},
        {"repositories": 5000, "max_repositories": 4000},  # outgrew its sizing: no contradiction
        {"largest_repo_mb": 310 * 1024, "total_repo_size_gb": 310},  # one repository, in GiB
        {"largest_repo_mb": 5000, "total_repo_size_gb": 310},
    ],
)
def test_values_that_agree_break_nothing(catalogue: Catalogue, values: dict[str, Any]) -> None:
    fields = {name: tdd_fv(name, v, f"Sizing › paragraph {i}") for i, (name, v) in enumerate(values.items())}
    assert broken(fields, catalogue) == []


@pytest.mark.parametrize(
    ("text", "value", "agree"),
    [("196608 MiB", 196.608, True), ("200000 MB", 200, False), ("196.608 GB", 196.608, False)],
)
def test_a_memory_total_written_in_another_prefix_is_counted_in_1024s(
    catalogue: Catalogue, text: str, value: float, agree: bool
) -> None:
    """vSphere's '196608 MiB' (read as 196.608 GB) is 192 GiB; the same figure written in GB is not."""
    fields = {
        "total_memory_gb": tdd_fv("total_memory_gb", value, "A", text),
        "instance_types": tdd_fv("instance_types", M5, "B"),
    }
    assert (broken(fields, catalogue) == []) is agree
    # the totals warning for a sheet value counts it the same way (one rule, `rules.memory_differs`)
    fields["total_memory_gb"] = FieldValue(
        "total_memory_gb", value, text, "sheet", Location("sheet", "Accounts!O2")
    )
    warned = [
        p
        for p in validate_fields(fields, catalogue, TODAY)
        if "does not match the instance types" in p.message
    ]
    assert (warned == []) is agree


def test_a_value_that_cannot_be_read_breaks_nothing(catalogue: Catalogue) -> None:
    fields = {
        "total_cpu": tdd_fv("total_cpu", None, "A"),
        "instance_types": tdd_fv("instance_types", M5, "B"),
    }
    assert broken(fields, catalogue) == []


# -- a whole and its production parts -----------------------------------------------------------------


def part(text: str, where: str, label: str = "Block storage") -> TddValue:
    """A production line the reader took as no field's value."""
    return TddValue(label, text, Location("tdd", f"TDD {where}"), None, "production")


GITSERVER = part("gitserver 3 × 600 GB, zoekt (indexed search) 1 × 400 GB", "Infrastructure › table 2, row 5")


def test_a_total_disk_smaller_than_one_production_volume_is_withheld_alone(catalogue: Catalogue) -> None:
    disk = {"total_disk_gb": tdd_fv("total_disk_gb", 200, "Troubleshooting › paragraph 10")}
    [found] = broken(disk, catalogue, [GITSERVER])
    assert found.withheld == ("total_disk_gb",) and not found.odd_one_out
    assert found.message == (
        "Total Disk (GB): the TDD gives 200 GB (Troubleshooting › paragraph 10) but one production part "
        "alone is 3 × 600 GB = 1,800 GB (Infrastructure › table 2, row 5)"
    )
    assert broken({"total_disk_gb": tdd_fv("total_disk_gb", 2200, "A")}, catalogue, [GITSERVER]) == []
    sheet = {"total_disk_gb": sheet_fv("total_disk_gb", 200, "Accounts!P2")}  # the sheet settles it
    assert broken(sheet, catalogue, [GITSERVER]) == []


@pytest.mark.parametrize(
    "value",
    [
        part("gitserver volumes expanded to 3 × 1 TB in October", "A"),  # growth
        part("Disk resize: 2 × 1 TB → 2 × 2 TB", "A"),  # a resize's steps
        part("3 × 64 GB RAM per node", "A", label="Nodes"),  # memory
        part("3 × 600 GB", "A", label="Backups"),  # no disk component named
        TddValue("Disk", "gitserver 3 × 600 GB", Location("tdd", "TDD A"), "total_disk_gb", "production"),
    ],
    ids=["growth", "resize", "memory", "no-component", "a-field"],
)
def test_what_is_not_a_disk_part(catalogue: Catalogue, value: TddValue) -> None:
    disk = {"total_disk_gb": tdd_fv("total_disk_gb", 200, "B")}
    assert broken(disk, catalogue, [value]) == []


def test_a_whole_smaller_than_a_part_through_the_merge(catalogue: Catalogue) -> None:
    """Only the production values give parts: a trial's bigger volume breaks nothing."""
    r = record(catalogue)
    disk = tdd("total_disk_gb", "200 GB", "Troubleshooting › paragraph 10")
    merged = merge_fields(r, (disk, GITSERVER), catalogue)
    assert merged.unsettled == {"total_disk_gb"} and "total_disk_gb" not in merged.fields
    [p] = merged.problems
    assert (p.severity, p.field) == (Severity.ERROR, "total_disk_gb")
    assert p.message.endswith(
        "3 × 600 GB = 1,800 GB (Infrastructure › table 2, row 5): the total disk is not used"
    )
    assert (
        p.fix
        == f"correct the total disk in the TDD, or write the right value in {a1(catalogue, 'total_disk_gb')}"
    )
    [draft] = merge_fields(r, (disk, GITSERVER), catalogue, draft=True).problems
    assert draft.severity is Severity.WARNING
    assert draft.message.endswith("; this draft leaves it empty, and a final handoff stops here")
    trial = TddValue("Block storage", GITSERVER.text, GITSERVER.location, None, "trial")
    assert merge_fields(r, (disk, trial), catalogue).fields["total_disk_gb"].value == 200
    settled = merge_fields(record(catalogue, total_disk_gb="2400"), (disk, GITSERVER), catalogue)
    assert settled.fields["total_disk_gb"].value == 2400 and not settled.unsettled


def test_a_repository_count_below_one_code_hosts_count_is_withheld_alone(catalogue: Catalogue) -> None:
    """`2 870` read as 2 beside the per-host lines `— from GitHub Enterprise Server | 2 610`."""
    hosts = [
        part("2 610", "Restore › table 3, row 3", label="— from GitHub Enterprise Server"),
        part("260 repositories", "Restore › table 3, row 4", label="— from Bitbucket Data Center"),
    ]
    repos = {"repositories": tdd_fv("repositories", 2, "Restore › table 3, row 2")}
    [found] = broken(repos, catalogue, hosts)
    assert found.withheld == ("repositories",)
    assert found.message == (
        "Repositories: the TDD gives 2 (Restore › table 3, row 2) but one code host alone has 2,610 "
        "('from GitHub Enterprise Server: 2 610', Restore › table 3, row 3)"
    )
    assert broken({"repositories": tdd_fv("repositories", 2870, "A")}, catalogue, hosts) == []
    not_parts = [
        part("3000", "A", label="Other"),  # no code host named
        part("about 1,600 repositories by Q2 2027", "A", label="Azure DevOps"),  # not only a count
        part("2 610", "A", label="P4"),  # a name too short to tell apart
        part("450", "A", label="Bitbucket Cloud (acquired broker, not connected)"),
    ]
    assert broken(repos, catalogue, not_parts) == []


# -- two of three agree: the CPU total, the memory total and the instance types ------------------------


def three(cpu: Any, memory: Any, memory_source: str = "tdd") -> dict[str, FieldValue]:
    fields = {
        "total_cpu": tdd_fv("total_cpu", cpu, "Sizing › paragraph 1"),
        "instance_types": tdd_fv("instance_types", M5, "Instances › table 1, row 2"),
        "total_memory_gb": tdd_fv("total_memory_gb", memory, "Sizing › paragraph 2"),
    }
    if memory_source == "sheet":
        fields["total_memory_gb"] = sheet_fv("total_memory_gb", memory, "Accounts!O2")
    return fields


@pytest.mark.parametrize(
    ("cpu", "memory", "odd", "message"),
    [
        (
            64,
            192,
            "total_cpu",
            "Total CPU: the TDD gives 64 vCPU (Sizing › paragraph 1) but 3 × m5.4xlarge (Instances › "
            "table 1, row 2) have 48 vCPU, and its total memory, 192 GB (Sizing › paragraph 2), agrees "
            "with them",
        ),
        (
            48,
            256,
            "total_memory_gb",
            "Total Memory (GB): the TDD gives 256 GB (Sizing › paragraph 2) but 3 × m5.4xlarge "
            "(Instances › table 1, row 2) have 192 GB, and its total CPU, 48 vCPU (Sizing › paragraph 1), "
            "agrees with them",
        ),
    ],
    ids=["cpu-odd", "memory-odd"],
)
def test_when_the_types_agree_with_one_total_the_other_is_the_odd_one_out(
    catalogue: Catalogue, cpu: int, memory: int, odd: str, message: str
) -> None:
    """Two independent facts (the types' published figures and one total) confirm each other, so
    the third is the wrong one: only it is withheld, and its problem names all three places."""
    [found] = broken(three(cpu, memory), catalogue)
    assert found.withheld == (odd,) and found.odd_one_out
    assert set(found.fields) == {"total_cpu", "instance_types", "total_memory_gb"}
    assert found.message == message


def test_when_both_totals_disagree_with_the_types_all_three_are_withheld(catalogue: Catalogue) -> None:
    found = broken(three(64, 256), catalogue)
    assert [b.withheld for b in found] == [
        ("total_cpu", "instance_types"),
        ("total_memory_gb", "instance_types"),
    ]
    assert not any(b.odd_one_out for b in found)


def test_a_total_stated_in_the_same_place_as_the_types_confirms_nothing(catalogue: Catalogue) -> None:
    """`12 × m5.4xlarge nodes, 192 vCPU in total`: one statement (perhaps another system's, read as
    Sourcegraph's), not two facts, so the memory total against it is not the odd one out."""
    fields = three(48, 256)
    fields["total_cpu"] = tdd_fv("total_cpu", 48, "Instances › table 1, row 2")  # the types' own place
    [found] = broken(fields, catalogue)
    assert found.withheld == ("total_memory_gb", "instance_types") and not found.odd_one_out


def test_a_sheet_value_confirms_nothing_and_an_unknown_type_is_no_confirmation(catalogue: Catalogue) -> None:
    """Only the TDD's own values confirm each other; a total the sheet gives is checked by the rules."""
    [found] = broken(three(64, 192, memory_source="sheet"), catalogue)
    assert found.withheld == ("total_cpu", "instance_types")
    fields = three(64, 192)
    unknown = [InstanceCount("x9.huge", 3)]
    fields["instance_types"] = tdd_fv("instance_types", unknown, "Instances › table 1, row 2")
    assert broken(fields, catalogue) == []


# -- through the merge --------------------------------------------------------------------------------


def record(catalogue: Catalogue, **values: str) -> AccountRecord:
    """acme's Accounts row with every catalogue column (A = account …), these cells filled in."""
    cells = {
        name: SheetCell(values.get(name, ""), f"Accounts!{column_letter(i)}2")
        for i, name in enumerate(catalogue.fields)
    }
    return AccountRecord("acme", SheetRow("Accounts", 2, MappingProxyType(cells)))


def a1(catalogue: Catalogue, name: str) -> str:
    return f"Accounts!{column_letter(list(catalogue.fields).index(name))}2"


def tdd(field: str, text: str, where: str) -> TddValue:
    return TddValue(field, text, Location("tdd", f"TDD {where}"), field, "production")


CPU_VS_TYPES = (  # 3 × m5.4xlarge = 48 vCPU, 192 GiB; no memory total to tell which side is wrong
    tdd("instance_types", "3 × m5.4xlarge", "Instances › paragraph 1"),
    tdd("total_cpu", "64 vCPU", "Sizing › paragraph 2"),
)


def test_a_tdd_pair_that_contradicts_itself_is_not_used_and_is_one_error(catalogue: Catalogue) -> None:
    r = record(catalogue)
    merged = merge_fields(r, CPU_VS_TYPES, catalogue)
    assert {"total_cpu", "instance_types"} <= merged.unsettled
    assert "total_cpu" not in merged.fields and "instance_types" not in merged.fields
    [p] = merged.problems
    assert (p.severity, p.field, str(p.location)) == (Severity.ERROR, "total_cpu", "TDD Sizing › paragraph 2")
    assert p.message == (
        "Total CPU: the TDD gives 64 vCPU (Sizing › paragraph 2) but 3 × m5.4xlarge "
        "(Instances › paragraph 1) have 48 vCPU: at least one is wrong, so neither is used"
    )
    assert p.fix == (
        "correct the TDD so they agree, or write the right values in "
        f"{a1(catalogue, 'total_cpu')} and {a1(catalogue, 'instance_types')}"
    )
    # both fields are required: the contradiction is their one problem, not "required but missing" too
    rules = validate_fields(merged.fields, catalogue, TODAY, r, reported=merged.unsettled)
    assert not {p.field for p in rules} & {"total_cpu", "instance_types"}


def test_a_draft_only_warns_about_a_contradiction(catalogue: Catalogue) -> None:
    merged = merge_fields(record(catalogue), CPU_VS_TYPES, catalogue, draft=True)
    [p] = merged.problems
    assert p.severity is Severity.WARNING
    assert p.message.endswith("; this draft leaves both empty, and a final handoff stops here")
    assert "total_cpu" not in merged.fields


def test_the_sheet_giving_one_side_keeps_the_tdd_side_that_agrees(catalogue: Catalogue) -> None:
    r = record(catalogue, total_cpu="48")  # the IE's value: the TDD's 64 is out of date
    merged = merge_fields(r, CPU_VS_TYPES, catalogue)
    assert merged.fields["instance_types"].source == "tdd" and not merged.unsettled
    assert merged.fields["total_cpu"].value == 48
    [p] = merged.problems  # the sheet/TDD disagreement on the CPU, as before
    assert p.field == "total_cpu" and "the sheet says '48'" in p.message
    rules = validate_fields(merged.fields, catalogue, TODAY, r, reported=merged.unsettled)
    assert not [q for q in rules if q.field in ("total_cpu", "instance_types")]  # 48 = 3 × 16


def test_the_sheet_giving_a_side_that_disagrees_is_checked_as_today(catalogue: Catalogue) -> None:
    r = record(catalogue, total_cpu="64")  # the sheet says 64 too: the types are the TDD's only
    merged = merge_fields(r, CPU_VS_TYPES, catalogue)
    assert merged.fields["instance_types"].source == "tdd" and merged.problems == ()
    rules = validate_fields(merged.fields, catalogue, TODAY, r, reported=merged.unsettled)
    [w] = [q for q in rules if q.field == "total_cpu"]
    assert w.severity is Severity.WARNING and "does not match the instance types" in w.message


def test_a_disk_smaller_than_the_repositories_stops_a_final_run(catalogue: Catalogue) -> None:
    values = (
        tdd("total_disk_gb", "500 GB", "Storage › paragraph 1"),
        tdd("total_repo_size_gb", "800 GB", "Code › paragraph 4"),
    )
    merged = merge_fields(record(catalogue), values, catalogue)
    [p] = merged.problems  # total disk goes to Vitally, the repository size to the deployment tables
    assert p.severity is Severity.ERROR and merged.unsettled == {"total_disk_gb", "total_repo_size_gb"}
    assert "gitserver keeps a clone of every repository" in p.message


TWO_OF_THREE = (*CPU_VS_TYPES, tdd("total_memory_gb", "192 GiB", "Sizing › paragraph 3"))  # memory agrees


def test_the_odd_one_out_alone_is_withheld_and_is_one_error(catalogue: Catalogue) -> None:
    r = record(catalogue)
    merged = merge_fields(r, TWO_OF_THREE, catalogue)
    assert merged.unsettled == {"total_cpu"} and "total_cpu" not in merged.fields
    assert [str(v) for v in merged.fields["instance_types"].value] == ["3 × m5.4xlarge"]
    assert merged.fields["total_memory_gb"].value == 192
    [p] = merged.problems
    assert (p.severity, p.field, str(p.location)) == (Severity.ERROR, "total_cpu", "TDD Sizing › paragraph 2")
    assert p.message == (
        "Total CPU: the TDD gives 64 vCPU (Sizing › paragraph 2) but 3 × m5.4xlarge (Instances › "
        "paragraph 1) have 48 vCPU, and its total memory, 192 GB (Sizing › paragraph 3), agrees with "
        "them: the total CPU is the odd one out, so only it is not used"
    )
    assert (
        p.fix == f"correct the total CPU in the TDD, or write the right value in {a1(catalogue, 'total_cpu')}"
    )
    rules = validate_fields(merged.fields, catalogue, TODAY, r, reported=merged.unsettled)
    assert not [q for q in rules if q.field in ("total_cpu", "instance_types", "total_memory_gb")]


def test_a_draft_warns_about_the_odd_one_out(catalogue: Catalogue) -> None:
    merged = merge_fields(record(catalogue), TWO_OF_THREE, catalogue, draft=True)
    [p] = merged.problems
    assert p.severity is Severity.WARNING and merged.unsettled == {"total_cpu"}
    assert p.message.endswith(
        "; the total CPU is the odd one out: this draft leaves it empty, and a final handoff stops here"
    )


def test_both_totals_against_the_types_withhold_all_three(catalogue: Catalogue) -> None:
    values = (*CPU_VS_TYPES, tdd("total_memory_gb", "256 GiB", "Sizing › paragraph 3"))
    merged = merge_fields(record(catalogue), values, catalogue)
    assert merged.unsettled == {"total_cpu", "total_memory_gb", "instance_types"}
    assert [
        (p.field, p.message.endswith("at least one is wrong, so neither is used")) for p in merged.problems
    ] == [
        ("total_cpu", True),
        ("total_memory_gb", True),
    ]
