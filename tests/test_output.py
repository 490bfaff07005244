"""What the commands print: words (URLs, emails) never split at any width, -q/-v, one JSON
shape for plan and run, sheet init --json, shell completion, make help. Through the real CLI."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from rich.table import Table

from handoff.core.settings import PROJECT_ROOT
from handoff.output.terminal import fit_widths, print_table
from workspace import SEED, Workspace

TOKEN = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WIDTHS = ("40", "80", "200")


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    with Workspace.start(SEED, tmp_path_factory.mktemp("output")) as workspace:
        yield workspace


def acme_tokens(ws: Workspace) -> set[str]:
    """Every URL and email among acme's values, from check --json (the data, not the layout)."""
    code, out, _ = ws.cli("check", "acme", "--json")
    assert code == 0
    values = json.loads(out)["fields"].values()
    tokens = {t for v in values for t in TOKEN.findall(str(v["text"]))}
    assert len(tokens) >= 4  # the TDD link, the instance URL, the IE's and the TA's emails
    return tokens


@pytest.mark.parametrize("columns", WIDTHS)
def test_check_never_splits_a_url_or_an_email(ws: Workspace, columns: str) -> None:
    code, out, _ = ws.cli("check", "acme", env={"COLUMNS": columns})
    assert code == 0
    for token in acme_tokens(ws):
        assert token in out, (columns, token)
    assert not re.search(r"priya\.raman@sourcegra\s", out)  # the split the issue saw


@pytest.mark.parametrize("columns", WIDTHS)
def test_a_batch_summary_keeps_the_doc_links_whole(ws: Workspace, columns: str) -> None:
    code, out, _ = ws.cli("plan", "--all", env={"COLUMNS": columns})
    assert code == 0
    assert "skipped: not ready: checklist 3/5" in out  # a cell's words are never folded apart
    assert "not ready: no close-out checklist" in " ".join(out.split())


def test_a_table_gives_each_column_its_longest_word_or_becomes_a_list() -> None:
    url = "https://docs.google.com/document/d/1GtJ0r6EKnImrOk_vkjdfLCJQ4GFblOo_8Lw2DGmmPfK/edit"

    def render(width: int) -> str:
        table = Table("field", "value", "from", box=None)
        table.add_row("tdd_link", url, "sheet Accounts!F2")
        table.add_row("technical_advisor", "dana.whitfield@sourcegraph.com and a few more words", "x")
        out = io.StringIO()
        print_table(Console(file=out, width=width, color_system=None), table)
        return out.getvalue()

    wide, narrow = render(200), render(60)
    assert url in wide and "tdd_link" in wide.splitlines()[1]  # a table: one line per row
    assert url in narrow and "  value: " + url in narrow.splitlines()  # a list: the URL on its line
    assert "dana.whitfield@sourcegraph.com" in render(130)  # fits with the words wrapped around it
    assert fit_widths([(5, 10), (3, 3)], 7) is None
    assert fit_widths([(5, 10), (3, 3)], 20) == [10, 3]
    assert fit_widths([(4, 8), (2, 6)], 10) == [5, 5]  # shared evenly: both wrap a little
    assert fit_widths([(1, 100), (1, 100)], 11, [1, 3]) == [3, 8]  # by ratio
    assert fit_widths([(10, 20), (5, 100), (3, 4)], 60) == [20, 36, 4]  # what one cannot use, another gets


def test_quiet_plan_is_one_line_per_account_and_verbose_shows_values_whole(ws: Workspace) -> None:
    code, quiet, err = ws.cli("plan", "acme", "-q")
    assert code == 0, err
    assert quiet.strip().splitlines() == ["acme — Acme Corp  final  5 write(s)"]
    _, normal, _ = ws.cli("plan", "acme")
    _, verbose, _ = ws.cli("plan", "acme", "-v")
    hosts = "GitHub Enterprise Server, Bitbucket Server / Data Center"
    assert len(normal.splitlines()) > 5 and len(verbose.splitlines()) >= len(normal.splitlines())
    long_value = next(line for line in verbose.splitlines() if "codeHosts" in line)
    assert hosts in long_value and "vitally.custom.codeHosts (Code hosts)" in long_value  # its label
    assert "(Code hosts)" not in normal
    code, _, err = ws.cli("plan", "acme", "-q", "-v")
    assert code == 2 and "not both" in err


def test_quiet_check_hides_the_fields_and_verbose_adds_what_is_not_set(ws: Workspace) -> None:
    _, quiet, _ = ws.cli("check", "initech", "-q")
    _, normal, _ = ws.cli("check", "initech")
    _, verbose, _ = ws.cli("check", "initech", "-v")
    assert "instance_url" not in quiet and "instance_url" in normal
    assert "error" in quiet.lower()  # initech: its four disagreements are errors
    assert "not set" in verbose and "not set" not in normal
    assert "Sheet and TDD disagree" in verbose and "Sheet and TDD disagree" not in normal


def test_plan_json_is_one_object_for_one_account_or_a_batch(ws: Workspace) -> None:
    code, out, _ = ws.cli("plan", "acme", "--json")
    one = json.loads(out)
    assert set(one) == {"accounts", "skipped", "summary"} and code == 0
    assert [a["account"] for a in one["accounts"]] == ["acme"] and one["skipped"] == []
    assert one["summary"]["writes"] == 5 and one["summary"]["applied"] is False
    _, out, _ = ws.cli("plan", "--all", "--json")
    batch = json.loads(out)
    assert set(batch) == {"accounts", "skipped", "summary"}
    assert {s["account"]: s["reason"] for s in batch["skipped"]}["umbrella"] == "not ready: checklist 3/5"
    assert batch["summary"]["skipped"] == len(batch["skipped"]) == 5  # initech: its disagreements
    assert batch["summary"]["accounts"] == len(batch["accounts"]) == 1


def test_run_json_has_the_same_shape_with_results(tmp_path: Path) -> None:
    with Workspace.start(SEED, tmp_path) as ws:
        code, out, err = ws.cli("run", "--all", "--json")
        assert code == 0, err
        data = json.loads(out)
        assert set(data) == {"accounts", "skipped", "summary"}
        assert all(a["result"]["failed"] is None for a in data["accounts"])
        assert data["summary"]["applied"] and data["summary"]["sheet_written"]
        assert data["summary"]["changed"] == 1 and len(data["skipped"]) == 5  # initech: its disagreements
        code, out, _ = ws.cli("run", "acme", "-q")
        assert code == 0 and out.strip().splitlines() == ["acme — Acme Corp  final  up to date"]


def test_sheet_init_json(ws: Workspace) -> None:
    code, out, _ = ws.cli("sheet", "init", "--dry-run", "--json")
    data = json.loads(out)
    assert data["dry_run"] is True and data["applied"] is False
    assert data["spreadsheet"]["id"] and isinstance(data["changes"], list)
    assert all({"kind", "tab", "summary"} == set(c) for c in data["changes"])
    assert code in (0, 1) and (code == 1) == bool(data["problems"])


def test_shell_completion_is_clicks() -> None:
    def complete(**env: str) -> str:
        argv = [sys.executable, "-m", "handoff"]
        done = subprocess.run(argv, env=os.environ | env, capture_output=True, text=True, check=True)
        return done.stdout

    assert "_handoff_completion" in complete(_HANDOFF_COMPLETE="bash_source")
    words = complete(_HANDOFF_COMPLETE="bash_complete", COMP_WORDS="handoff pl", COMP_CWORD="1")
    assert "plain,plan" in words.splitlines()


def test_make_help_lists_every_user_target() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    phony = re.search(r"^\.PHONY: (.+)$", makefile, re.M)
    assert phony
    helped = set(re.findall(r'@echo "make ([\w-]+)', makefile))
    assert set(phony.group(1).split()) - {"help", "lint", "clean"} <= helped
