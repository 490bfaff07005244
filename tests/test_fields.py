"""The field catalogue: the shipped file is complete and consistent; a bad one is refused by key and file."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from handoff.core.errors import ConfigError, UsageError
from handoff.core.fields import (
    FieldType,
    load_catalogue,
    load_instance_types,
    norm,
    parse_catalogue,
    resolve_field,
)

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "config" / "fields.toml"
CONTRACT_FIELDS = [
    "account",
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
    "max_users",
    "max_concurrent_users",
    "max_repositories",
    "environments",
    "handoff_status",
    "handoff_doc",
    "last_handoff",
]
DEFAULT_LABELS = [
    "Account",
    "Name",
    "Vitally Account",
    "TDD Link",
    "Implementation Engineer",
    "Technical Advisor",
    "Start Date",
    "Completion Date",
    "Instance URL",
    "Deployment Type",
    "Hosting Provider",
    "Instance Types",
    "Total CPU",
    "Total Memory (GB)",
    "Total Disk (GB)",
    "Code Hosts",
    "Repositories",
    "Monorepos",
    "Largest Repo (MB)",
    "Max Users",
    "Max Concurrent Users",
    "Max Repositories",
    "Environments",
    "Handoff Status",
    "Handoff Doc",
    "Last Handoff",
]


def test_every_contract_field_with_its_default_header() -> None:
    c = load_catalogue(CATALOGUE)
    assert [n for n in c.fields if n in CONTRACT_FIELDS] == CONTRACT_FIELDS
    assert [c.fields[n].label for n in CONTRACT_FIELDS] == DEFAULT_LABELS
    environment = {"sourcegraph_version", "region", "external_services", "sso", "customer_contacts"}
    assert set(c.fields) - set(CONTRACT_FIELDS) == {"total_repo_size_gb"} | environment


def test_vitally_traits_match_the_custom_fields() -> None:
    c = load_catalogue(CATALOGUE)
    custom = {
        f["path"]: f["type"]
        for f in json.loads(
            (ROOT / "config" / "sandbox" / "vitally" / "custom_fields.json").read_text(encoding="utf-8")
        )
    }
    ours = {f.vitally.key: f.vitally.type for f in c.fields.values() if f.vitally}
    assert len(ours) == 14
    assert all(custom[k] == t for k, t in ours.items())


def test_the_log_tabs_and_their_vocabularies() -> None:
    c = load_catalogue(CATALOGUE)
    assert list(c.tabs["issues"].columns) == [
        "account",
        "id",
        "opened",
        "summary",
        "severity",
        "status",
        "owner",
        "next_step",
        "link",
    ]
    severity, status = (
        c.tabs["issues"].columns["severity"].vocabulary,
        c.tabs["risks"].columns["status"].vocabulary,
    )
    assert severity is not None and severity.values == ("critical", "high", "medium", "low")
    assert status is not None and status.values == ("open", "mitigated", "accepted", "closed")
    assert c.tabs["checklist"].columns["done"].type is FieldType.BOOLEAN
    assert c.vocabularies["note_category"].lookup("Special deployment ") == "special deployment"


def test_instance_types_catalogue() -> None:
    c = load_catalogue(CATALOGUE)
    expected = {
        "m6i.4xlarge": (16, 64),
        "c6i.2xlarge": (8, 16),
        "r6i.4xlarge": (16, 128),
        "m5.2xlarge": (8, 32),
        "Standard_D16s_v5": (16, 64),
        "m6i.2xlarge": (8, 32),
        "n2-standard-16": (16, 64),
        "e2-standard-8": (8, 32),
        "n2-highmem-8": (8, 64),
        "Standard_E8s_v5": (8, 64),
    }
    for name, (cpu, mem) in expected.items():
        spec = c.instance(name)
        assert spec is not None and (spec.vcpu, spec.memory_gib) == (cpu, mem), name
    assert c.instance("D16s v5") == c.instance("Standard_D16s_v5")


def test_norm() -> None:
    assert norm("Total Memory (GB)") == norm("total memory (gb)") == "totalmemorygb"
    assert norm("Tomás") == "tomas"


def base() -> dict[str, Any]:
    return tomllib.loads(CATALOGUE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "key", "message"),
    [
        (
            lambda d: d["fields"]["total_cpu"].update(type="integr"),
            "fields.total_cpu.type",
            "'integr' is not a type",
        ),
        (
            lambda d: d["fields"]["deployment_type"].update(vocabulary="deploy"),
            "fields.deployment_type.vocabulary",
            "no [vocabularies.deploy]",
        ),
        (
            lambda d: d["fields"]["total_disk_gb"].update(unit="GiB"),
            "fields.total_disk_gb.unit",
            "'GiB' is not one",
        ),
        (
            lambda d: d["fields"]["total_cpu"].update(colour="red"),
            "fields.total_cpu.colour",
            "unknown setting",
        ),
        (
            lambda d: d["fields"]["total_cpu"].update(aliases=["Total Disk"]),
            "fields.total_disk_gb.aliases",
            "'Total disk' already names 'total_cpu'",
        ),
        (
            lambda d: d["fields"]["monorepos"].update(not_above="repos"),
            "fields.monorepos.not_above",
            "no field 'repos'",
        ),
        (
            lambda d: d["fields"]["total_cpu"].update(sources=["crm"]),
            "fields.total_cpu.sources",
            "drawn from",
        ),
        (lambda d: d["fields"]["start_date"].update(min=0), "fields.start_date.min", "numeric bounds"),
        (lambda d: d["fields"].pop("account"), "fields.account", "is missing"),
        (lambda d: d["fields"].pop("handoff_doc"), "fields.handoff_doc", "writeback = true"),
        (lambda d: d["fields"]["last_handoff"].pop("writeback"), "fields.last_handoff", "writeback = true"),
        (
            lambda d: d["vocabularies"]["hosting_provider"].update(Amazon=["AWS"]),
            "vocabularies.hosting_provider.Amazon",
            "already means 'AWS'",
        ),
        (lambda d: d["tabs"].update(extra={"columns": {}}), "tabs.extra", "unknown tab"),
        (lambda d: d["tabs"]["notes"]["columns"].pop("account"), "tabs.notes.columns.account", "is missing"),
        (lambda d: d["checks"].update(tolerance=5), "checks.tolerance", "fraction"),
        (lambda d: d["fields"]["total_cpu"].update(label=""), "fields.total_cpu.label", "non-empty string"),
        (lambda d: d["fields"]["sso"].pop("display_label"), "fields.sso.display_label", "non-empty string"),
        (
            lambda d: d["fields"]["total_memory_gb"].update(display_unit="GiB"),
            "fields.total_memory_gb.display_unit",
            "only integer fields",
        ),
        (lambda d: d.update(extras={}), "(top level).extras", "unknown setting"),
    ],
)
def test_bad_catalogue_names_the_key_and_file(change: Any, key: str, message: str) -> None:
    data = base()
    change(data)
    with pytest.raises(ConfigError) as info:
        parse_catalogue(data, "config/fields.toml")
    assert info.value.message.startswith(f"config/fields.toml: '{key}':")
    assert message in info.value.message


def test_unreadable_catalogue_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_catalogue(tmp_path / "nope.toml")
    bad = tmp_path / "fields.toml"
    bad.write_text("[fields\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_catalogue(bad)
    types = tmp_path / "types.toml"
    types.write_text('[aws]\n"m5.large" = { vcpu = 0, memory_gib = 8 }\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'aws\.m5\.large': needs vcpu"):
        load_instance_types(types)


@pytest.mark.parametrize(
    "spelling",
    ["total_cpu", "TOTAL_CPU", "Total CPU", "total cpu", "totalCpu", "vitally.custom.totalCpu", "vCPUs"],
)
def test_a_field_is_named_by_name_label_alias_or_trait_key_in_any_case(spelling: str) -> None:
    assert resolve_field(load_catalogue(CATALOGUE), spelling).name == "total_cpu"


@pytest.mark.parametrize("spelling", ["total_cpuu", "Totl CPU", "totalCpuu"])
def test_an_unknown_field_name_is_a_usage_error_with_a_did_you_mean(spelling: str) -> None:
    with pytest.raises(UsageError) as err:
        resolve_field(load_catalogue(CATALOGUE), spelling, "--accept")
    assert err.value.exit_code == 2
    assert "--accept" in err.value.message and "did you mean 'total_cpu'" in err.value.message


def test_a_name_close_to_nothing_has_no_did_you_mean() -> None:
    with pytest.raises(UsageError) as err:
        resolve_field(load_catalogue(CATALOGUE), "zzzz")
    assert "did you mean" not in err.value.message
