"""Typed values, merge by precedence, and every rule of docs/fields.md, each with its message and place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handoff.core.errors import UsageError
from handoff.core.fields import Catalogue, load_catalogue
from handoff.core.model import (
    AccountRecord,
    Handoff,
    Location,
    Problem,
    Severity,
    SheetCell,
    SheetRow,
    TddValue,
)
from handoff.core.redact import mask
from handoff.core.units import InstanceCount, ParseError
from handoff.read.batch import TddRead, build_handoff
from handoff.read.sheet import SheetData, column_letter
from handoff.validate.merge import merge_fields, parse_accepts
from handoff.validate.rules import convert, doc_id, same_value, validate_logs

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 27)
DOC = "https://docs.google.com/document/d/1GtJ0r6EKnImrOk_vkjdfLCJQ4GFblOo_8Lw2DGmmPfK/edit"
COMPLETE = {
    "account": "acme", "account_name": "Acme Corp", "vitally_account": "0015e", "tdd_link": DOC,
    "implementation_engineer": "priya@x.com", "technical_advisor": "dana@x.com", "start_date": "2026-09-14",
    "completion_date": "2026-11-06", "instance_url": "https://sourcegraph.acme.com",
    "deployment_type": "Kubernetes with Helm", "hosting_provider": "AWS",
    "instance_types": "3 × m6i.4xlarge, 2 × c6i.2xlarge", "total_cpu": "64", "total_memory_gb": "224 GiB",
    "total_disk_gb": "4000", "code_hosts": "GitHub Enterprise Server", "repositories": "9,412",
    "monorepos": "3", "largest_repo_mb": "1,200",
}  # fmt: skip


def row(catalogue: Catalogue, values: dict[str, str], number: int = 2) -> SheetRow:
    """An Accounts row with every catalogue column, in catalogue order (A = account, B = account_name …)."""
    cells = {
        name: SheetCell(values.get(name, ""), f"Accounts!{column_letter(i)}{number}")
        for i, name in enumerate(catalogue.fields)
    }
    return SheetRow("Accounts", number, MappingProxyType(cells))


def a1(catalogue: Catalogue, name: str, number: int = 2) -> str:
    return f"Accounts!{column_letter(list(catalogue.fields).index(name))}{number}"


def tdd(
    field: str,
    text: str,
    section: str = "production",
    where: str = "TDD Sizing › paragraph 3",
    label: str = "",
    derived: bool = False,
) -> TddValue:
    return TddValue(label or field, text, Location("tdd", where), field, section, None, derived)


def with_logs(record: AccountRecord, logs: Mapping[str, tuple[SheetRow, ...]]) -> AccountRecord:
    """`record` with the rows of its log tabs (notes, issues, risks, expansion, checklist) set."""
    assert set(logs) <= {"notes", "issues", "risks", "expansion", "checklist"}, set(logs)
    return AccountRecord(
        record.slug,
        record.row,
        notes=logs.get("notes", record.notes),
        issues=logs.get("issues", record.issues),
        risks=logs.get("risks", record.risks),
        expansion=logs.get("expansion", record.expansion),
        checklist=logs.get("checklist", record.checklist),
        state=record.state,
    )


def handoff(
    catalogue: Catalogue,
    values: dict[str, str] | None = None,
    tdd_values: tuple[TddValue, ...] = (),
    drop: tuple[str, ...] = (),
    accept: dict[str, str] | None = None,
    draft: bool = False,
    **logs: tuple[SheetRow, ...],
) -> Handoff:
    data = {**COMPLETE, **(values or {})}
    for name in drop:
        data.pop(name)
    record = with_logs(AccountRecord("acme", row(catalogue, data)), logs)
    sheet = SheetData(accounts={}, headers={"accounts": {name: name for name in catalogue.fields}})
    return build_handoff(record, TddRead("d", tdd_values), sheet, catalogue, TODAY, accept, draft)


def only(h: Handoff, severity: Severity | None = None) -> list[Problem]:
    return [p for p in h.problems if severity is None or p.severity is severity]


def test_a_complete_account_has_no_problems(catalogue: Catalogue) -> None:
    h = handoff(catalogue)
    assert h.problems == () and h.disagreements == ()
    assert h.value("total_memory_gb") == 224  # "224 GiB": GB and GiB are one unit
    assert h.value("instance_types") == [InstanceCount("m6i.4xlarge", 3), InstanceCount("c6i.2xlarge", 2)]
    assert h.value("start_date") == dt.date(2026, 9, 14)
    assert h.fields["deployment_type"].source == "sheet"
    assert str(h.fields["deployment_type"].location) == a1(catalogue, "deployment_type")


# -- conversion by type ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("deployment_type", "helm", "Kubernetes with Helm"),
        ("deployment_type", "K8s Helm", "Kubernetes with Helm"),
        ("deployment_type", "kubernetes  with  HELM", "Kubernetes with Helm"),
        ("hosting_provider", "Amazon Web Services", "AWS"),
        ("hosting_provider", "Microsoft Azure", "Azure"),
        ("hosting_provider", "on prem", "on-premises"),
        ("hosting_provider", "Hetzner Cloud", "other"),
        ("code_hosts", "GitHub.com, Bitbucket Data Center", ["GitHub.com", "Bitbucket Server / Data Center"]),
        ("code_hosts", "GitLab self-managed\nGitHub", ["GitLab Self-Managed", "GitHub.com"]),
        ("code_hosts", "ghes; GHE", ["GitHub Enterprise Server"]),
        (
            "technical_advisor",
            "Dana Whitfield <Dana.Whitfield@sourcegraph.com>",
            "dana.whitfield@sourcegraph.com",
        ),
        ("instance_url", "https://sourcegraph.acme.com/", "https://sourcegraph.acme.com/"),
        ("instance_url", "http://10.20.4.17:7080", "http://10.20.4.17:7080"),
        ("tdd_link", DOC + "?usp=sharing", DOC + "?usp=sharing"),
        ("largest_repo_mb", "6.2 GB", 6200),
        ("total_memory_gb", "224 GiB", 224),
        ("total_disk_gb", "2.5 TB", 2500),
        ("repositories", "~9,400", 9400),
        ("completion_date", "Nov 6, 2026", dt.date(2026, 11, 6)),
        ("account_name", " Acme  Corp ", "Acme Corp"),
    ],
)
def test_convert(catalogue: Catalogue, field: str, text: str, expected: Any) -> None:
    assert convert(catalogue.fields[field], text) == expected


@pytest.mark.parametrize(
    ("field", "text", "message", "fix"),
    [
        (
            "deployment_type",
            "Openshift operator",
            "unknown deployment type 'Openshift operator'",
            "Kubernetes with Helm, Kubernetes with Kustomize, Docker Compose, "
            "Machine image (AWS AMI / Azure / GCE), Single container, Sourcegraph Cloud",
        ),
        ("deployment_type", "kubernets helm", "did you mean 'Kubernetes with Helm'", "use one of"),
        (
            "code_hosts",
            "GitHub Enterprise Server, Gitlab Enterprise Server 15",
            "unknown code host 'Gitlab Enterprise Server 15' (did you mean",
            "GitLab Self-Managed",
        ),
        (
            "hosting_provider",
            "Acme Colocation",
            "unknown hosting provider",
            "AWS, GCP, Azure, on-premises, other",
        ),
        ("technical_advisor", "Dana", "'Dana' is not an email address", "email"),
        ("instance_url", "sourcegraph.acme.com", "has no https:// in front", "https://sourcegraph.acme.com"),
        ("instance_url", "ftp://sourcegraph.acme.com", "not an http(s) URL", "https://"),
        (
            "instance_url",
            "https://admin:hunter2@sourcegraph.globex.com",
            "contains credentials",
            "user:password@",
        ),
        ("instance_url", "https://", "no valid host", "https://"),
        (
            "tdd_link",
            "https://docs.google.com/spreadsheets/d/1HndffSandboxTrackingSheet/edit",
            "a Google Sheets spreadsheet, not a Google Doc",
            "docs.google.com/document",
        ),
        (
            "tdd_link",
            "https://drive.google.com/file/d/1abcdefghijklmnop/view",
            "a Google Drive file link",
            "Save as Google Docs",
        ),
        ("tdd_link", "https://confluence.acme.com/TDD", "points at confluence.acme.com", "Google Doc"),
        ("tdd_link", "https://docs.google.com/document/", "no document id", "docs.google.com/document/d/"),
        ("tdd_link", "TDD in the shared drive", "is not a URL", "docs.google.com"),
        (
            "tdd_link",
            "https://admin:hunter2@docs.google.com/document/d/1GtJ0r6EKnImrOk_vkjdfLCJQ4GFblOo_8Lw2DGmmPfK/edit",
            "contains credentials",
            "user:password@",
        ),
        (
            "tdd_link",
            "admin:hunter2@docs.google.com/document/d/1GtJ0r6EKnImrOk_vkjdfLCJQ4GFblOo_8Lw2DGmmPfK/edit",
            "contains credentials",
            "user:password@",
        ),
        (
            "tdd_link",
            "https://admin:hunter2@docs.google.com/document/d/x y",
            "is not a URL",
            "docs.google.com",
        ),
        ("total_memory_gb", "lots", "'lots' is not a size", "512 GB"),
        ("total_cpu", "48 GB", "a size, not a count", "how many"),
        ("start_date", "Q3", "not a date", "YYYY-MM-DD"),
        ("instance_types", "big ones", "not an instance type", "3 × m6i.4xlarge"),
    ],
)
def test_convert_refusals(catalogue: Catalogue, field: str, text: str, message: str, fix: str) -> None:
    with pytest.raises(ParseError) as info:
        convert(catalogue.fields[field], text)
    assert message in info.value.message
    assert fix in (info.value.fix or "")
    assert "hunter2" not in info.value.message + (info.value.fix or "")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("see https://admin:hunter2@host/x and http://u:p@h", "see https://***@host/x and http://***@h"),
        ("https://ghp_t0ken@sg.acme.com", "https://***@sg.acme.com"),
        (
            "'https://admin:pa/ss@sg.globex.com:99x' has an invalid port",
            "'https://***@sg.globex.com:99x' has an invalid port",
        ),
        ("https://admin:p@ss@host", "https://***@host"),
        ("https://admin:1234@host", "https://***@host"),
        ("https://host:8443/team@x", "https://host:8443/team@x"),
        ("https://host/people/u@example.com", "https://host/people/u@example.com"),
        ("mailto:dana@example.com", "mailto:dana@example.com"),
    ],
)
def test_one_masker_hides_every_url_credential(text: str, shown: str) -> None:
    assert mask(text) == shown


def test_doc_ids() -> None:
    assert doc_id(DOC) == "1GtJ0r6EKnImrOk_vkjdfLCJQ4GFblOo_8Lw2DGmmPfK"
    assert (
        doc_id("https://docs.google.com/document/u/1/d/1zEHjxzfxIEWy8nEZ/edit?usp=sharing")
        == "1zEHjxzfxIEWy8nEZ"
    )
    assert doc_id("https://docs.google.com/spreadsheets/d/1zEHjxzfxIEWy8nEZ/edit") is None
    assert doc_id("https://example.com/document/d/1zEHjxzfxIEWy8nEZ") is None


@pytest.mark.parametrize(
    ("field", "a", "b", "same"),
    [
        ("repositories", 9412, 9400, True),
        ("repositories", 4200, 4500, False),
        ("total_memory_gb", 240.518168576, 240.0, True),
        ("total_cpu", 64, 63, False),
        ("code_hosts", ["GitHub.com", "Azure DevOps"], ["Azure DevOps", "GitHub.com"], True),
        ("instance_types", [InstanceCount("Standard_D16s_v5", 3)], [InstanceCount("D16s v5", 3)], True),
        (
            "instance_types",
            [InstanceCount("m5.large", 1), InstanceCount("m5.large", 1)],
            [InstanceCount("m5.large", 2)],
            True,
        ),
        ("instance_types", [InstanceCount("r6i.4xlarge", 2)], [InstanceCount("r6i.4xlarge", 3)], False),
        ("instance_url", "https://a.example", "https://A.example", False),
        ("account_name", "Acme  corp", "acme Corp", True),
        ("start_date", dt.date(2026, 1, 1), dt.date(2026, 1, 1), True),
    ],
)
def test_same_value(catalogue: Catalogue, field: str, a: Any, b: Any, same: bool) -> None:
    assert same_value(catalogue.fields[field], a, b, 0.01) is same


# -- merge ------------------------------------------------------------------------------------------------


def test_the_sheet_wins_and_every_disagreement_is_shown(catalogue: Catalogue) -> None:
    h = handoff(
        catalogue,
        {
            "repositories": "4,200",
            "total_memory_gb": "256 GiB",
            "total_cpu": "32",
            "instance_types": "2 × r6i.4xlarge",
        },
        (
            tdd("repositories", "4,500", where='TDD tab "Code hosts" › paragraph 4'),
            tdd("total_memory_gb", "384 GiB"),
            tdd("total_cpu", "32 vCPU"),  # agrees
        ),
    )
    assert h.value("repositories") == 4200
    [d1, d2] = h.disagreements
    assert (
        d1.field,
        d1.sheet_text,
        str(d1.sheet_location),
        d1.tdd_text,
        str(d1.tdd_location),
        d1.winner,
    ) == (
        "total_memory_gb",
        "256 GiB",
        a1(catalogue, "total_memory_gb"),
        "384 GiB",
        "TDD Sizing › paragraph 3",
        "sheet",
    )
    assert d2.field == "repositories" and d1.blocking and not d1.accepted
    errors = {p.field: p for p in only(h, Severity.ERROR)}
    assert set(errors) == {"repositories", "total_memory_gb"}  # both go to Vitally: a final handoff stops
    p = errors["repositories"]
    assert str(p.location) == a1(catalogue, "repositories")
    assert (
        f"the sheet says '4,200' ({a1(catalogue, 'repositories')}) but the TDD says '4,500' "
        '(tab "Code hosts" › paragraph 4)' in p.message
    )
    assert "--accept repositories=sheet or --accept repositories=tdd" in (p.fix or "")
    message = errors["total_memory_gb"].message
    assert "'256 GiB'" in message and "'384 GiB'" in message and "(= " not in message


STALE_SHEET = {"total_cpu": "32"}
NEWER_TDD = (tdd("total_cpu", "48 vCPU"), tdd("max_users", "3,000"))


def test_a_draft_only_warns_about_a_disagreement(catalogue: Catalogue) -> None:
    h = handoff(catalogue, STALE_SHEET, NEWER_TDD, draft=True)
    assert not h.errors and h.value("total_cpu") == 32
    assert any("a final handoff stops here" in p.message for p in h.warnings if p.field == "total_cpu")


def test_accept_chooses_the_source_and_is_recorded(catalogue: Catalogue) -> None:
    h = handoff(catalogue, STALE_SHEET, NEWER_TDD, accept={"total_cpu": "tdd"})
    assert h.value("total_cpu") == 48 and h.fields["total_cpu"].source == "tdd"
    [d] = [d for d in h.disagreements if d.field == "total_cpu"]
    assert d.accepted and d.winner == "tdd"
    accepted = [p for p in h.problems if p.field == "total_cpu" and p.severity is Severity.INFO]
    assert len(accepted) == 1 and "as --accept total_cpu=tdd asks" in accepted[0].message
    assert not [p for p in h.errors if p.field == "total_cpu"]
    kept = handoff(catalogue, STALE_SHEET, NEWER_TDD, accept={"total_cpu": "sheet"})
    assert kept.value("total_cpu") == 32 and not [p for p in kept.errors if p.field == "total_cpu"]


def test_a_disagreement_outside_vitally_and_the_deployment_tables_only_warns(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"max_users": "2,500"}, (tdd("max_users", "3,000"),))
    assert not h.errors
    assert [p.severity for p in h.problems if p.field == "max_users"] == [Severity.WARNING]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("total_cpuu=tdd", "did you mean 'total_cpu'"),
        ("total_cpu", "say which source"),
        ("total_cpu=vitally", "say which source"),
        ("Name=tdd", "comes from the sheet only"),
    ],
)
def test_a_bad_accept_is_a_usage_error(catalogue: Catalogue, raw: str, message: str) -> None:
    with pytest.raises(UsageError, match=message) as err:
        parse_accepts(catalogue, [raw])
    assert err.value.exit_code == 2


def test_accept_takes_names_labels_and_trait_keys_in_any_case(catalogue: Catalogue) -> None:
    assert parse_accepts(catalogue, ["Total CPU=TDD", "totalMemoryGb=sheet", "INSTANCE_TYPES=tdd"]) == {
        "total_cpu": "tdd",
        "total_memory_gb": "sheet",
        "instance_types": "tdd",
    }
    with pytest.raises(UsageError, match="twice"):
        parse_accepts(catalogue, ["total_cpu=tdd", "Total CPU=sheet"])


def test_values_within_one_percent_agree(catalogue: Catalogue) -> None:
    h = handoff(
        catalogue,
        tdd_values=(
            tdd("repositories", "~9,400"),
            tdd("largest_repo_mb", "1.2 GB"),
            tdd("total_disk_gb", "4 TB"),
            tdd("hosting_provider", "Amazon Web Services"),
            tdd("instance_types", "3x m6i.4xlarge, 2x c6i.2xlarge"),
        ),
    )
    assert h.problems == () and h.disagreements == ()


def test_the_tdd_fills_a_blank_sheet_cell(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"largest_repo_mb": ""}, (tdd("largest_repo_mb", "1.8 GB"),))
    fv = h.fields["largest_repo_mb"]
    assert (fv.value, fv.source, str(fv.location)) == (1800, "tdd", "TDD Sizing › paragraph 3")
    assert h.problems == ()


def test_trial_values_are_never_used(catalogue: Catalogue) -> None:
    h = handoff(
        catalogue,
        {"largest_repo_mb": ""},
        (tdd("largest_repo_mb", "900 MB", section="trial"), tdd("total_cpu", "8", section="trial")),
    )
    assert "largest_repo_mb" not in h.fields
    [p] = h.errors
    assert (p.field, str(p.location)) == ("largest_repo_mb", a1(catalogue, "largest_repo_mb"))
    assert "required but missing" in p.message and h.disagreements == ()


def test_production_values_beat_unsectioned_ones(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"monorepos": ""}, (tdd("monorepos", "7", section=""), tdd("monorepos", "3")))
    assert h.value("monorepos") == 3 and h.problems == ()


def test_a_labelled_tdd_value_beats_one_from_a_table_column(catalogue: Catalogue) -> None:
    h = handoff(
        catalogue,
        {"instance_types": "2 × r6i.4xlarge"},
        (
            tdd("instance_types", "3 × r6i.4xlarge", where="TDD Nodes › table 2, row 2", derived=True),
            tdd("instance_types", "3x r6i.4xlarge", where="TDD Nodes › paragraph 2"),
        ),
    )
    [d] = h.disagreements
    assert (d.tdd_text, str(d.tdd_location)) == ("3x r6i.4xlarge", "TDD Nodes › paragraph 2")


CPU_TWICE = (
    tdd("total_cpu", "64", where="TDD A › paragraph 1"),
    tdd("total_cpu", "48 vCPU", where="TDD B › paragraph 9"),
)
BOTH_PLACES = "the TDD gives two different values, '64' (A › paragraph 1) and '48 vCPU' (B › paragraph 9)"


def test_two_tdd_values_that_disagree_stop_a_final_run_with_one_error(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"total_cpu": ""}, CPU_TWICE)
    [p] = h.problems  # no "required but missing" as well: one problem per cause
    assert p.severity is Severity.ERROR and str(p.location) == "TDD B › paragraph 9"
    assert p.message == f"Total CPU: {BOTH_PLACES}: which one is right?"
    assert p.fix == (
        f"correct the TDD so it states one value, or write the right value in {a1(catalogue, 'total_cpu')}"
    )
    assert "total_cpu" not in h.fields and h.disagreements == ()


def test_a_draft_leaves_a_conflicted_field_empty_with_a_warning(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"total_cpu": ""}, CPU_TWICE, draft=True)
    [p] = h.problems
    assert p.severity is Severity.WARNING and BOTH_PLACES in p.message
    assert "this draft leaves it empty, and a final handoff stops here" in p.message
    assert "total_cpu" not in h.fields


def test_a_conflict_on_a_field_outside_vitally_is_a_warning_and_no_value(catalogue: Catalogue) -> None:
    h = handoff(
        catalogue,
        tdd_values=(tdd("max_users", "2,500"), tdd("max_users", "3,000", where="TDD Limits › paragraph 2")),
    )
    [p] = h.problems
    assert p.severity is Severity.WARNING and str(p.location) == "TDD Limits › paragraph 2"
    assert p.message == (
        "Max Users: the TDD gives two different values, '2,500' (Sizing › paragraph 3) and "
        "'3,000' (Limits › paragraph 2); neither is used"
    )
    assert f"or write the right value in {a1(catalogue, 'max_users')}" in (p.fix or "")
    assert "max_users" not in h.fields


def test_values_within_the_tolerance_are_no_conflict(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"total_cpu": ""}, (tdd("total_cpu", "64"), tdd("total_cpu", "64 vCPU")))
    assert h.problems == () and h.value("total_cpu") == 64


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        ("131072 MiB", "128 GB", 128),  # vSphere's MiB and the console's GB: one memory
        ("128 GiB", "131,072 MB", 128),
        ("2 TiB", "2048 GB", 2048),  # kept as written in the field's own unit
        ("2048 GiB", "2 TB", 2048),
    ],
)
def test_one_size_written_with_two_prefixes_is_no_conflict(
    catalogue: Catalogue, first: str, second: str, kept: float
) -> None:
    h = handoff(
        catalogue,
        {"total_memory_gb": ""},
        (tdd("total_memory_gb", first), tdd("total_memory_gb", second, where="TDD B › paragraph 9")),
    )
    assert not [p for p in h.problems if p.field == "total_memory_gb" and "instance types" not in p.message]
    assert h.value("total_memory_gb") == kept


@pytest.mark.parametrize(
    ("first", "second"), [("500 GB", "512 GB"), ("512 GiB", "500 GB"), ("128 GB", "132 GB")]
)
def test_sizes_in_one_prefix_that_differ_stay_a_conflict(
    catalogue: Catalogue, first: str, second: str
) -> None:
    h = handoff(
        catalogue,
        {"total_memory_gb": ""},
        (tdd("total_memory_gb", first), tdd("total_memory_gb", second, where="TDD B › paragraph 9")),
    )
    [p] = h.problems
    assert "two different values" in p.message and "total_memory_gb" not in h.fields


def test_the_sheet_agrees_with_a_size_the_tdd_writes_in_another_prefix(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"total_memory_gb": "128"}, (tdd("total_memory_gb", "131072 MiB"),))
    assert not [p for p in h.problems if p.field == "total_memory_gb" and "instance types" not in p.message]
    assert h.disagreements == () and h.value("total_memory_gb") == 128


def test_three_different_values_are_all_named(catalogue: Catalogue) -> None:
    h = handoff(
        catalogue, {"total_cpu": ""}, (*CPU_TWICE, tdd("total_cpu", "80", where="TDD C › paragraph 2"))
    )
    [p] = h.errors
    assert "three different values, '64' (A › paragraph 1), '48 vCPU' (B › paragraph 9) and '80'" in p.message


def test_the_sheet_settles_a_tdd_conflict_when_it_equals_one_of_its_values(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"total_cpu": "64"}, CPU_TWICE)  # 64 = the instance types' total
    [p] = h.problems
    assert p.severity is Severity.INFO and str(p.location) == "TDD B › paragraph 9"
    assert p.message == (
        f"Total CPU: {BOTH_PLACES}; the sheet settles it ({a1(catalogue, 'total_cpu')} says '64')"
    )
    assert p.fix == "correct the TDD so it states one value"
    assert h.value("total_cpu") == 64 and h.fields["total_cpu"].source == "sheet" and h.disagreements == ()


def test_a_sheet_value_that_equals_none_of_the_tdds_disagrees_with_all(catalogue: Catalogue) -> None:
    cell = a1(catalogue, "total_cpu")
    h = handoff(catalogue, {"total_cpu": "32"}, CPU_TWICE)
    [p] = h.errors  # and a warning: 32 is not the instance types' total
    assert str(p.location) == cell
    assert p.message == (
        f"Total CPU: the sheet says '32' ({cell}) but the TDD says '64' (A › paragraph 1) and "
        "'48 vCPU' (B › paragraph 9): which one is right?"
    )
    assert p.fix == (
        f"correct {cell} or the TDD, whichever is out of date (the TDD must state one value), "
        "or keep the sheet's: --accept total_cpu=sheet"
    )
    [d] = h.disagreements
    assert (d.tdd_text, str(d.tdd_location)) == ("64 / 48 vCPU", "TDD A › paragraph 1 and B › paragraph 9")
    assert h.value("total_cpu") == 32
    accepted = handoff(catalogue, {"total_cpu": "32"}, CPU_TWICE, accept={"total_cpu": "sheet"})
    [p] = only(accepted, Severity.INFO)
    assert not accepted.errors and "the sheet value is used, as --accept total_cpu=sheet asks" in p.message


def test_accept_tdd_cannot_choose_between_two_tdd_values(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"total_cpu": ""}, CPU_TWICE, accept={"total_cpu": "tdd"})
    [p] = h.problems
    assert p.severity is Severity.ERROR and "total_cpu" not in h.fields
    assert p.message.endswith("; --accept total_cpu=tdd cannot choose between them: which one is right?")
    h = handoff(catalogue, {"total_cpu": "32"}, CPU_TWICE, accept={"total_cpu": "tdd"})
    [p] = h.errors
    assert "--accept total_cpu=tdd cannot choose between them" in p.message
    assert h.value("total_cpu") == 32 and not h.disagreements[0].accepted


def test_an_unreadable_sheet_cell_and_a_tdd_conflict_are_two_problems(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"total_cpu": "lots"}, CPU_TWICE)
    assert [(p.severity, str(p.location)) for p in h.problems] == [
        (Severity.ERROR, a1(catalogue, "total_cpu")),
        (Severity.ERROR, "TDD B › paragraph 9"),
    ]
    assert h.fields["total_cpu"].value is None and not any("required" in p.message for p in h.problems)


def test_an_unreadable_winning_value_is_an_error_naming_the_other_source(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"total_memory_gb": "lots"}, (tdd("total_memory_gb", "224 GiB"),))
    [p] = h.errors
    assert (p.field, str(p.location)) == ("total_memory_gb", a1(catalogue, "total_memory_gb"))
    assert p.message == "Total Memory (GB): 'lots' is not a size"
    assert "the TDD (Sizing › paragraph 3) says '224 GiB'" in (p.fix or "")
    assert h.fields["total_memory_gb"].value is None and h.fields["total_memory_gb"].text == "lots"


def test_an_unreadable_losing_value_is_a_warning_at_its_place(catalogue: Catalogue) -> None:
    h = handoff(catalogue, tdd_values=(tdd("total_cpu", "lots of cores"),))
    [p] = h.problems
    assert p.severity is Severity.WARNING and str(p.location) == "TDD Sizing › paragraph 3"
    assert "cannot be read" in p.message


def test_a_unit_in_a_tdd_label_applies_to_a_bare_number(catalogue: Catalogue) -> None:
    merged = merge_fields(
        AccountRecord("acme", row(catalogue, {"account": "acme"})),
        [TddValue("Total memory (GiB)", "128", Location("tdd", "TDD t"), "total_memory_gb")],
        catalogue,
    )
    assert merged.fields["total_memory_gb"].value == 128


def test_a_unit_in_the_sheet_header_applies_to_bare_numbers(catalogue: Catalogue) -> None:
    merged = merge_fields(
        AccountRecord("acme", row(catalogue, {"total_memory_gb": "128"})),
        [],
        catalogue,
        {"total_memory_gb": "TiB"},
    )
    assert merged.fields["total_memory_gb"].value == 128_000


def test_credentials_never_reach_values_or_messages(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"instance_url": "https://admin:hunter2@sourcegraph.globex.com"})
    [p] = h.errors
    assert p.field == "instance_url" and "credentials" in p.message
    assert "hunter2" not in repr(h.to_json())
    assert h.fields["instance_url"].text == "https://***@sourcegraph.globex.com"


# -- rules --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"total_cpu": "-4"}, "total_cpu", "Total CPU must be greater than 0, but it is -4"),
        ({"total_cpu": "0"}, "total_cpu", "must be greater than 0"),
        ({"total_memory_gb": "0 GB"}, "total_memory_gb", "must be greater than 0"),
        ({"total_disk_gb": "-1"}, "total_disk_gb", "must be greater than 0"),
        ({"repositories": "-1", "monorepos": "0"}, "repositories", "Repositories must be 0 or more"),
        ({"monorepos": "-2"}, "monorepos", "Monorepos must be 0 or more"),
        ({"largest_repo_mb": "-5"}, "largest_repo_mb", "must be 0 or more"),
        (
            {"monorepos": "420", "repositories": "350"},
            "monorepos",
            "420 monorepos is more than the 350 repositories (Accounts!Q2)",
        ),
        (
            {"start_date": "2027-01-15"},
            "start_date",
            "Start Date 2027-01-15 is in the future (today is 2026-11-27)",
        ),
        ({"completion_date": "2026-12-01"}, "completion_date", "is in the future"),
        (
            {"start_date": "2026-10-01", "completion_date": "2026-09-01"},
            "completion_date",
            "Completion Date 2026-09-01 is before the start date 2026-10-01 (Accounts!G2)",
        ),
    ],
)
def test_bounds(catalogue: Catalogue, values: dict[str, str], field: str, message: str) -> None:
    h = handoff(catalogue, values)
    [p] = [p for p in h.errors if p.field == field]
    assert str(p.location) == a1(catalogue, field)
    assert message in p.message
    assert p.fix


def test_every_required_field_missing(catalogue: Catalogue) -> None:
    required = [
        "account_name",
        "vitally_account",
        "tdd_link",
        "implementation_engineer",
        "technical_advisor",
        "start_date",
        "completion_date",
        "instance_url",
        "deployment_type",
        "hosting_provider",
        "instance_types",
        "total_cpu",
        "total_memory_gb",
        "total_disk_gb",
        "code_hosts",
        "repositories",
        "monorepos",
        "largest_repo_mb",
    ]
    h = handoff(catalogue, drop=tuple(required))
    assert [(p.field, str(p.location)) for p in h.errors] == [(n, a1(catalogue, n)) for n in required]
    by = {p.field: p for p in h.errors}
    assert by["tdd_link"].message == "TDD Link is required but missing: blank in the sheet"
    assert (
        by["monorepos"].message
        == "Monorepos is required but missing: blank in the sheet and not found in the TDD"
    )
    assert by["total_memory_gb"].fix == (
        f"fill in {a1(catalogue, 'total_memory_gb')} "
        "(or write 'Total Memory: …' in the TDD's production section)"
    )


def test_optional_fields_may_be_blank(catalogue: Catalogue) -> None:
    h = handoff(catalogue, drop=("max_users",) if "max_users" in COMPLETE else ())
    assert h.problems == ()
    assert not {"max_users", "max_concurrent_users", "max_repositories", "environments"} & set(h.fields)


def test_rockskip_warning(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"largest_repo_mb": "3,500"})
    [p] = h.warnings
    assert (p.field, str(p.location)) == ("largest_repo_mb", a1(catalogue, "largest_repo_mb"))
    assert "3,500 MB, above 2,000 MB, and no special-deployment note mentions Rockskip" in p.message


def note(category: str, text: str, number: int = 2) -> SheetRow:
    cells = {
        k: SheetCell(v, f"Notes!{c}{number}")
        for k, v, c in (
            ("account", "acme", "A"),
            ("date", "2026-10-01", "B"),
            ("category", category, "C"),
            ("note", text, "D"),
            ("author", "Priya", "E"),
        )
    }
    return SheetRow("Notes", number, MappingProxyType(cells))


def test_rockskip_mentioned_in_a_special_deployment_note(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"largest_repo_mb": "6,200"}, notes=(note("special deployment ", "ROCKSKIP on"),))
    assert h.problems == ()
    other = handoff(catalogue, {"largest_repo_mb": "6,200"}, notes=(note("other", "Rockskip later"),))
    assert [p.field for p in other.warnings] == ["largest_repo_mb"]


def test_disk_rule_of_thumb(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"total_disk_gb": "500"})
    [p] = h.warnings
    assert (p.field, str(p.location)) == ("total_disk_gb", a1(catalogue, "total_disk_gb"))
    assert "500 GB is below the rule of thumb of 1,000 GB" in p.message
    with_size = handoff(catalogue, {"total_disk_gb": "3000"}, (tdd("total_repo_size_gb", "~1.1 TB"),))
    [q] = with_size.warnings
    assert "below the rule of thumb of 3,200 GB (1,000 GB + 2 × 1,100 GB of repositories" in q.message
    assert (
        handoff(catalogue, {"total_disk_gb": "3200"}, (tdd("total_repo_size_gb", "~1.1 TB"),)).problems == ()
    )


def test_totals_against_instance_types(catalogue: Catalogue) -> None:
    h = handoff(catalogue, {"total_cpu": "48", "total_memory_gb": "256 GiB"})
    got = {p.field: p.message for p in h.warnings}
    assert set(got) == {"total_cpu", "total_memory_gb"}
    assert "3 × m6i.4xlarge, 2 × c6i.2xlarge = 64 vCPU" in got["total_cpu"]
    assert "2 × c6i.2xlarge = 224 GB" in got["total_memory_gb"]


def test_google_clouds_gb_matches_the_instance_types(catalogue: Catalogue) -> None:
    """Google publishes n2-standard-16 as "64 GB" (binary): no false totals warning."""
    for stated in ("128 GB", "128 GiB", "128"):
        h = handoff(
            catalogue,
            {"instance_types": "2 × n2-standard-16", "total_cpu": "32", "total_memory_gb": stated},
        )
        assert [p for p in h.warnings if p.field == "total_memory_gb"] == [], stated


def test_totals_skip_unknown_types_and_invalid_values(catalogue: Catalogue) -> None:
    assert handoff(catalogue, {"instance_types": "3 × x9.huge", "total_cpu": "7"}).problems == ()
    h = handoff(catalogue, {"total_cpu": "-4", "total_memory_gb": "lots"})
    assert {p.field for p in h.problems} == {"total_cpu", "total_memory_gb"}
    assert not h.warnings


# -- log tabs --------------------------------------------------------------------------------------------


def log_row(tab: str, values: dict[str, str], number: int = 2) -> SheetRow:
    cells = {k: SheetCell(v, f"{tab}!{column_letter(i)}{number}") for i, (k, v) in enumerate(values.items())}
    return SheetRow(tab, number, MappingProxyType(cells))


def test_logs_are_typed(catalogue: Catalogue) -> None:
    record = AccountRecord(
        "acme",
        row(catalogue, COMPLETE),
        issues=(
            log_row(
                "Issues",
                {
                    "account": "acme",
                    "id": "A-7",
                    "opened": "2026-10-28",
                    "summary": "Backfill stalls",
                    "severity": "Medium",
                    "status": "Open",
                    "owner": "Priya",
                    "next_step": "",
                    "link": "",
                },
            ),
        ),
        checklist=(
            log_row("Checklist", {"account": "acme", "item": "Infra", "done": "✓", "evidence": ""}),
            log_row("Checklist", {"account": "acme", "item": "SSO", "done": "", "evidence": ""}, 3),
        ),
    )
    logs, problems = validate_logs(record, catalogue)
    assert problems == []
    issue = logs["issues"][0].values
    assert (issue["severity"], issue["status"], issue["opened"]) == ("medium", "open", dt.date(2026, 10, 28))
    assert [e.values["done"] for e in logs["checklist"]] == [True, False]
    assert str(logs["issues"][0].location) == "Issues!2:2"


@pytest.mark.parametrize(
    ("tab", "values", "field", "where", "message"),
    [
        (
            "Issues",
            {"account": "acme", "summary": "x", "severity": "urgent", "status": "open"},
            "issues.severity",
            "Issues!C2",
            "Issues row 2: Severity: unknown severity 'urgent'",
        ),
        (
            "Issues",
            {"account": "acme", "summary": "x", "severity": "low", "status": "fixed-ish"},
            "issues.status",
            "Issues!D2",
            "unknown status 'fixed-ish'",
        ),
        (
            "Issues",
            {"account": "acme", "summary": "", "severity": "low", "status": "open"},
            "issues.summary",
            "Issues!B2",
            "Issues row 2: Summary is empty",
        ),
        (
            "Issues",
            {"account": "acme", "opened": "last week", "summary": "x", "severity": "low", "status": "open"},
            "issues.opened",
            "Issues!B2",
            "'last week' is not a date",
        ),
        (
            "Notes",
            {"account": "acme", "date": "2026-13-01", "category": "limits", "note": "x"},
            "notes.date",
            "Notes!B2",
            "not a real date",
        ),
        (
            "Notes",
            {"account": "acme", "date": "2026-10-01", "category": "gossip", "note": "x"},
            "notes.category",
            "Notes!C2",
            "unknown category 'gossip'",
        ),
        (
            "Risks",
            {"account": "acme", "risk": "x", "likelihood": "very", "impact": "low", "response": "r"},
            "risks.likelihood",
            "Risks!C2",
            "unknown likelihood 'very'",
        ),
        (
            "Risks",
            {"account": "acme", "risk": "x", "response": ""},
            "risks.response",
            "Risks!C2",
            "Response is empty",
        ),
        (
            "Expansion",
            {"account": "acme", "opportunity": "x", "kind": "upsell"},
            "expansion.kind",
            "Expansion!C2",
            "unknown kind 'upsell'",
        ),
        (
            "Checklist",
            {"account": "acme", "item": "x", "done": "maybe"},
            "checklist.done",
            "Checklist!C2",
            "'maybe' is not yes or no",
        ),
    ],
)
def test_log_problems(
    catalogue: Catalogue, tab: str, values: dict[str, str], field: str, where: str, message: str
) -> None:
    key = tab.lower()
    record = with_logs(AccountRecord("acme", row(catalogue, COMPLETE)), {key: (log_row(tab, values),)})
    _, problems = validate_logs(record, catalogue)
    [p] = problems
    assert (p.severity, p.field, str(p.location)) == (Severity.ERROR, field, where)
    assert message in p.message and p.fix


def test_checklist_readiness(catalogue: Catalogue) -> None:
    done = log_row("Checklist", {"account": "acme", "item": "a", "done": "yes"})
    not_done = log_row("Checklist", {"account": "acme", "item": "b", "done": ""}, 3)
    assert handoff(catalogue, checklist=(done,)).checklist_complete
    h = handoff(catalogue, checklist=(done, not_done))
    assert h.checklist_done == (1, 2) and not h.checklist_complete and h.problems == ()


@settings(derandomize=True, max_examples=60)
@given(st.sampled_from(list(COMPLETE)), st.text(max_size=30))
def test_any_cell_text_gives_a_value_or_a_problem(field: str, text: str) -> None:
    catalogue = load_catalogue(ROOT / "config" / "fields.toml")
    h = handoff(catalogue, {field: text})
    fv = h.fields.get(field)
    assert fv is not None or any(p.field == field for p in h.problems) or not text.strip()
    for p in h.problems:
        assert p.message and p.location is not None and p.fix
