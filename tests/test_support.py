"""The suite's own footing: the developer's environment stays out (the suite's switches pass
through), every command documents itself under `--help`, and the production example loads."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from handoff.cli import cli
from handoff.core.settings import PROJECT_ROOT, load_settings
from workspace import DEVELOPER_ENV, SEED, scrub_developer_env

PRODUCTION_EXAMPLE = PROJECT_ROOT / "config" / "production.example.toml"


# -- the environment ----------------------------------------------------------------------------


def test_the_developers_settings_are_removed_and_the_suites_switches_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HANDOFF_CONFIG", "/somewhere/else.toml")
    monkeypatch.setenv("HANDOFF_SANDBOX_URL", "http://127.0.0.1:1")
    monkeypatch.setenv("VITALLY_API_KEY", "sk_live_a_real_key")
    monkeypatch.setenv("HANDOFF_UPDATE_SNAPSHOTS", "1")  # the documented snapshot refresh
    scrub_developer_env(monkeypatch)
    assert not {"HANDOFF_CONFIG", "HANDOFF_SANDBOX_URL", "VITALLY_API_KEY"} & set(os.environ)
    assert os.environ["HANDOFF_UPDATE_SNAPSHOTS"] == "1"


def named_variables() -> set[str]:
    """Every HANDOFF_*/VITALLY_*/GOOGLE_* variable name written as a string in the package."""
    found: set[str] = set()
    for path in (PROJECT_ROOT / "scripts" / "handoff").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"[\"']((?:HANDOFF|VITALLY|GOOGLE)_[A-Z0-9_]+)[\"']", text))
    return found


def test_every_variable_the_tool_reads_is_scrubbed() -> None:
    named = named_variables()
    assert {"HANDOFF_CONFIG", "HANDOFF_TODAY", "HANDOFF_SANDBOX_FAULTS"} <= named  # the scan finds them
    missing = sorted(named - set(DEVELOPER_ENV))
    assert missing == [], f"add {missing} to DEVELOPER_ENV in tests/workspace.py"


# -- --help for every command -----------------------------------------------------------------


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(argv prefix, command) for the group itself and every command and group below it."""
    yield prefix, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from command_paths(command, (*prefix, name))
        else:
            yield (*prefix, name), command


PATHS = list(command_paths(cli))


def test_the_walk_finds_the_commands() -> None:
    names = {" ".join(p) for p, _ in PATHS}
    expected = {"", "run", "plan", "check", "status", "sandbox", "sandbox serve", "sheet init", "auth check"}
    assert expected <= names


@pytest.mark.parametrize(("path", "command"), PATHS, ids=[" ".join(p) or "handoff" for p, _ in PATHS])
def test_every_command_explains_itself(path: tuple[str, ...], command: click.Command) -> None:
    assert command.help and command.help.strip(), f"`handoff {' '.join(path)}` has no docstring"
    result = CliRunner().invoke(cli, [*path, "--help"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    first = command.help.strip().split("\n\n")[0]
    assert " ".join(first.split()) in " ".join(result.output.split())
    assert result.output.startswith("Usage: ")


# -- the production example -----------------------------------------------------------------------


def test_the_production_example_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings(PRODUCTION_EXAMPLE)
    assert not settings.use_sandbox
    assert settings.vitally.rest_base_url == "https://yourcompany.rest.vitally.io/resources"
    assert [d.kind for d in settings.docs.documents] == ["handoff"]
    # the placeholders filled in from the environment, as a team would before a first run
    monkeypatch.setenv("HANDOFF_SPREADSHEET", "https://docs.google.com/spreadsheets/d/1RealSheetId_x/edit")
    monkeypatch.setenv("HANDOFF_DOCS_FOLDER", "0RealFolder")
    filled = load_settings(PRODUCTION_EXAMPLE)
    assert filled.sheet.spreadsheet_id == "1RealSheetId_x"
    assert filled.docs.folder_id == "0RealFolder"


# Keys the example sets to something other than the default, on purpose.
NOT_DEFAULTS = {"sheet.spreadsheet", "docs.folder_id", "vitally.subdomain", "sandbox.enabled"}


def scalars(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from scalars(value, f"{prefix}{key}.")
        elif not isinstance(value, list):
            yield f"{prefix}{key}", value


def test_the_production_example_shows_the_defaults(tmp_path: Path) -> None:
    """Its header says every key is shown with its default unless marked required."""
    data = tomllib.loads(PRODUCTION_EXAMPLE.read_text(encoding="utf-8"))
    minimal = tmp_path / "minimal.toml"
    minimal.write_text('[sheet]\nspreadsheet = "x"\n', encoding="utf-8")
    defaults = load_settings(minimal).model_dump()
    checked = 0
    for dotted, value in scalars(data):
        if dotted in NOT_DEFAULTS:
            continue
        default: Any = defaults
        for part in dotted.split("."):
            default = default[part]
        assert value == default, f"{dotted} = {value!r} in the example, but the default is {default!r}"
        checked += 1
    assert checked > 20


# -- the documentation ------------------------------------------------------------------------------


def documents() -> list[Path]:
    return [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md")), SEED / "README.md"]


def test_every_field_of_the_catalogue_is_in_the_field_docs() -> None:
    catalogue = tomllib.loads((PROJECT_ROOT / "config" / "fields.toml").read_text(encoding="utf-8"))
    text = (PROJECT_ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    missing = [name for name in catalogue["fields"] if f"`{name}`" not in text]
    assert missing == [], f"docs/fields.md does not describe {missing}"


def test_the_docs_link_only_to_files_in_the_repository() -> None:
    for doc in documents():
        text = doc.read_text(encoding="utf-8")
        assert not re.search(r"(?<![\w.])/(work|home|Users|tmp)/", text), f"{doc} names a machine path"
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if not target.startswith(("http://", "https://", "mailto:")):
                assert (doc.parent / target).exists(), f"{doc.name} links to {target}, which does not exist"


def test_the_readme_is_a_front_door() -> None:
    """What it does, the two commands, commands and exit codes, configuration; the rest is in docs/."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= 12 * 1024
    assert readme.index("make handoff ACCOUNT=acme") < readme.index("make test") < readme.index("## ")
