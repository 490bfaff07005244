"""Sheet/TDD disagreements through the CLI and the sandbox: initech's stale sheet.

initech's sheet was filled in at kickoff (2 × r6i.4xlarge, 32 vCPU, 256 GiB, 4,200 repositories);
its TDD, checklist evidence and notes describe the scaled-up production (3 nodes, 48 vCPU,
384 GiB, 4,500). A final handoff stops on each disagreement (a field that goes to Vitally or into
the doc's deployment tables), naming both values and both places, and writes nothing; a draft
warns; fixing a source or `--accept FIELD=sheet|tdd` settles it, and the choice is recorded in
the run log, the doc's appendix and the Vitally note.

A TDD that states a field twice with different values is not a source of that field: with the
sheet blank, a final handoff stops naming both places; the IE's value in the sheet settles it.
Nor are two TDD values that contradict each other (a CPU total its machines do not have), or,
when the TDD's memory total agrees with the machines, the CPU total alone (the odd one out).
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from workspace import DOCS, SeedFolder, Workspace

INITECH = "0015e00000LwR2dAAF"
ACME = "0015e00000Kq7TbAAJ"
MARK = "(the tracking sheet and the TDD disagree: see the appendix)"
DISAGREE = {  # field: (sheet cell, sheet text, TDD text)
    "instance_types": ("Accounts!M6", "'2 × r6i.4xlarge'", "'3x r6i.4xlarge'"),
    "total_cpu": ("Accounts!N6", "'32'", "'48 vCPU'"),
    "total_memory_gb": ("Accounts!O6", "'256 GiB'", "'384 GiB'"),
    "repositories": ("Accounts!R6", "'4,200'", "'4,500'"),
}
TAKE_TDD = ("instance_types=tdd", "Total CPU=TDD", "totalMemoryGb=tdd", "repositories=sheet")


def workspace(tmp_path: Path, **cells: str) -> AbstractContextManager[Workspace]:
    seed = SeedFolder.copy(tmp_path / "seed", tdds=("initech",))
    for a1, value in cells.items():
        seed.set(a1, value)
    return Workspace.start(seed.root, tmp_path)


def accepts(*pairs: str) -> list[str]:
    return [arg for pair in pairs for arg in ("--accept", pair)]


def test_a_final_handoff_stops_on_each_disagreement_and_writes_nothing(tmp_path: Path) -> None:
    with workspace(tmp_path) as ws:
        code, out, err = ws.cli("run", "initech", "--json")
        assert code == 1 and "Traceback" not in out + err
        plan = json.loads(out)["accounts"][0]
        assert plan["blocked"] and plan["changes"] == []
        errors = {p["field"]: p for p in plan["problems"] if p["severity"] == "error"}
        assert set(errors) == set(DISAGREE)
        for name, (a1, sheet, tdd) in DISAGREE.items():
            p = errors[name]
            assert p["location"] == a1
            assert f"the sheet says {sheet} ({a1}) but the TDD says {tdd} (tab" in p["message"]
            assert f"--accept {name}=sheet or --accept {name}=tdd" in p["fix"]
        assert ws.writes_after(0) == [] and not (ws.out_dir / "initech").exists()
        code, out, _ = ws.cli("check", "initech")
        assert code == 1 and "4 errors" in out


def test_a_draft_warns_and_marks_every_value_whose_sources_disagree(tmp_path: Path) -> None:
    with workspace(tmp_path) as ws:
        code, out, err = ws.cli("run", "initech", "--draft", "--json")
        assert code == 0, out + err
        plan = json.loads(out)["accounts"][0]
        warned = {p["field"] for p in plan["problems"] if "a final handoff stops here" in p["message"]}
        assert warned == set(DISAGREE) and not [p for p in plan["problems"] if p["severity"] == "error"]
        text = " ".join(ws.export(ws.handoff_docs("initech")[0]["id"]).split())
        assert text.count(MARK) == len(DISAGREE)
        assert f"Total CPU 32 vCPU {MARK}" in text


def test_accept_settles_a_disagreement_and_is_recorded_everywhere(tmp_path: Path) -> None:
    with workspace(tmp_path) as ws:
        code, out, err = ws.cli("run", "initech", *accepts(*TAKE_TDD))
        assert code == 0, out + err
        traits = ws.account(INITECH)["traits"]
        assert traits["vitally.custom.totalCpu"] == 48
        assert traits["vitally.custom.totalMemoryGb"] == 384
        assert traits["vitally.custom.instanceTypes"] == ["3 × r6i.4xlarge"]
        assert traits["vitally.custom.repositoryCount"] == 4200
        [log] = ws.values("'Handoff Log'!F2")
        assert log[0].endswith(
            "; accepted: instance_types=tdd, total_cpu=tdd, total_memory_gb=tdd, repositories=sheet"
        )
        text = " ".join(ws.export(ws.handoff_docs("initech")[0]["id"]).split())
        assert text.count("(chosen with --accept)") == 4 and text.count(MARK) == 4
        assert f"Total CPU 48 vCPU {MARK}" in text
        note = ws.notes(INITECH)[0]["note"]
        assert "chosen with --accept: Machine instance types from the TDD; Total CPU from the TDD;" in note
        assert "Repositories from the tracking sheet" in note


def test_the_vitally_note_lists_the_remaining_warnings(tmp_path: Path) -> None:
    """Keeping the sheet's 32 vCPU against the TDD's 3 nodes leaves a totals warning: the note says it."""
    settle = ("instance_types=tdd", "total_cpu=sheet", "total_memory_gb=tdd", "repositories=tdd")
    with workspace(tmp_path) as ws:
        code, out, err = ws.cli("run", "initech", *accepts(*settle))
        assert code == 0, out + err
        note = ws.notes(INITECH)[0]["note"]
        assert "<b>Warnings</b>" in note
        assert "cpu 32 vcpu does not match the instance types (3 × r6i.4xlarge = 48 vcpu" in note.casefold()


def test_fixing_the_sheet_settles_it_without_accept(tmp_path: Path) -> None:
    fixed = {"Accounts!M6": "3 × r6i.4xlarge", "Accounts!N6": "48", "Accounts!O6": "384 GiB"}
    with workspace(tmp_path, **fixed, **{"Accounts!R6": "4,500"}) as ws:
        code, out, err = ws.cli("run", "initech", "--json")
        assert code == 0, out + err
        result = json.loads(out)["accounts"][0]
        assert not [p for p in result["problems"] if p["severity"] != "info"]
        assert ws.account(INITECH)["traits"]["vitally.custom.totalCpu"] == 48


@pytest.mark.parametrize("command", ["run", "plan", "check"])
@pytest.mark.parametrize(
    ("accept", "message"),
    [
        ("total_cpuu=tdd", "did you mean 'total_cpu'?"),
        ("Totl CPU=tdd", "did you mean 'total_cpu'?"),
        ("total_cpu", "say which source to use, sheet or tdd"),
        ("account_name=tdd", "comes from the sheet only"),
    ],
)
def test_a_bad_accept_is_exit_2_with_one_line_and_no_request(
    tmp_path: Path, command: str, accept: str, message: str
) -> None:
    with workspace(tmp_path) as ws:
        mark = len(ws.log())
        code, out, err = ws.cli(command, "initech", "--accept", accept)
        assert code == 2 and "Traceback" not in out + err
        assert err.startswith("error: --accept") and message in err and "fix: " in err
        assert ws.log()[mark:] == []  # checked before the sheet is read


def test_a_tdd_stating_a_field_twice_stops_until_the_sheet_gives_it(tmp_path: Path) -> None:
    seed = SeedFolder.copy(tmp_path / "seed", tdds=("acme",))
    once = "<p>Total CPU: 64 vCPU</p>"
    html = seed.doc_html(DOCS["acme"])
    assert html.count(once) == 1
    seed.set_doc(DOCS["acme"], html=html.replace(once, once + "\n<p>Total CPU: 48 vCPU</p>"))
    seed.set("Accounts!N2", "")  # acme's Total CPU, blank: only the TDD gives it
    with Workspace.start(seed.root, tmp_path) as ws:
        code, out, err = ws.cli("run", "acme", "--json")
        assert code == 1 and "Traceback" not in out + err
        plan = json.loads(out)["accounts"][0]
        assert plan["blocked"] and plan["changes"] == []
        [p] = [p for p in plan["problems"] if p["severity"] == "error"]  # not "required but missing" too
        assert p["field"] == "total_cpu"
        assert p["message"] == (
            "Total CPU: the TDD gives two different values, '64 vCPU' (Production deployment › "
            "Instances › paragraph 10) and '48 vCPU' (Production deployment › Instances › paragraph 11): "
            "which one is right?"
        )
        assert p["fix"] == "correct the TDD so it states one value, or write the right value in Accounts!N2"
        assert ws.writes_after(0) == [] and not (ws.out_dir / "acme").exists()

        ws.set_cell("Accounts!N2", "64")  # the IE settles it in the sheet
        mark = ws.mark()
        code, out, err = ws.cli("run", "acme", "--json")
        assert code == 0, out + err
        result = json.loads(out)["accounts"][0]
        assert not [p for p in result["problems"] if p["severity"] != "info"]
        [settled] = [p for p in result["problems"] if p["field"] == "total_cpu"]
        assert "the sheet settles it (Accounts!N2 says '64')" in settled["message"]
        assert ws.account(ACME)["traits"]["vitally.custom.totalCpu"] == 64
        assert ws.writes_after(mark)


def test_a_tdd_whose_cpu_total_contradicts_its_machines_stops_until_the_sheet_settles_it(
    tmp_path: Path,
) -> None:
    """acme's TDD states 48 vCPU for 3 × m6i.4xlarge + 2 × c6i.2xlarge (64 vCPU) and the sheet gives
    neither: at least one is wrong, so neither is used, and `check` stops naming both places (the
    sheet gives the memory, so nothing of the TDD's own confirms either side). Read alone, the TDD's
    memory total agrees with the machines: two of three agree, and only the CPU total is withheld."""
    seed = SeedFolder.copy(tmp_path / "seed", tdds=("acme",))
    html = seed.doc_html(DOCS["acme"])
    start, end = html.index("<h3>Instances</h3>"), html.index("<p>Total memory: 224 GiB</p>")
    machines = "<p>Instance types: 3x m6i.4xlarge, 2x c6i.2xlarge</p>\n<p>Total CPU: 48 vCPU</p>\n"
    seed.set_doc(DOCS["acme"], html=html[:start] + "<h3>Instances</h3>\n" + machines + html[end:])
    seed.set("Accounts!M2", "")  # acme's Instance Types and Total CPU, blank: only the TDD gives them
    seed.set("Accounts!N2", "")
    places = (
        "(Production deployment › Instances › paragraph 10)",
        "(Production deployment › Instances › paragraph 9)",
    )
    with Workspace.start(seed.root, tmp_path) as ws:
        code, out, err = ws.cli("check", "acme", "--json")
        assert code == 1 and "Traceback" not in out + err
        checked = json.loads(out)
        assert not {"total_cpu", "instance_types"} & set(checked["fields"])
        [p] = [p for p in checked["problems"] if p["severity"] == "error"]  # not "required but missing" too
        assert p["field"] == "total_cpu" and p["location"] == f"TDD {places[0][1:-1]}"
        assert p["message"] == (
            f"Total CPU: the TDD gives 48 vCPU {places[0]} but 3 × m6i.4xlarge, 2 × c6i.2xlarge "
            f"{places[1]} have 64 vCPU: at least one is wrong, so neither is used"
        )
        assert (
            p["fix"]
            == "correct the TDD so they agree, or write the right values in Accounts!N2 and Accounts!M2"
        )

        # The TDD alone: its memory total (224 GiB, which the sheet gave above) agrees with the
        # machines, so two of the three agree and only the CPU total, the odd one out, is not used.
        data = json.loads(ws.cli("tdd", DOCS["acme"], "--json")[1])
        assert "total_cpu" not in data["fields"] and data["fields"]["total_memory_gb"]["value"] == 224
        assert data["fields"]["instance_types"]["value"] == ["3 × m6i.4xlarge", "2 × c6i.2xlarge"]
        [q] = data["problems"]
        assert (q["severity"], q["field"], q["location"]) == ("error", "total_cpu", p["location"])
        assert q["message"] == (
            f"Total CPU: the TDD gives 48 vCPU {places[0]} but 3 × m6i.4xlarge, 2 × c6i.2xlarge "
            f"{places[1]} have 64 vCPU, and its total memory, 224 GB (Production deployment › Instances "
            "› paragraph 11), agrees with them: the total CPU is the odd one out, so only it is not used"
        )

        ws.set_cell("Accounts!N2", "64")  # the IE's value settles it: the TDD's machines agree with it
        code, out, err = ws.cli("check", "acme", "--json", "--accept", "total_cpu=sheet")
        assert code == 0, out + err  # the TDD's 48 against the sheet's 64 is the chosen disagreement
        checked = json.loads(out)
        assert [p for p in checked["problems"] if p["severity"] != "info"] == []
        assert checked["fields"]["instance_types"]["source"] == "tdd"
        assert checked["fields"]["total_cpu"]["value"] == 64
