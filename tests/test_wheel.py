"""The wheel works installed: built from the tree, installed into a fresh venv, run from elsewhere.

The build (setup.py) copies the tool's own files from the repository's top level (config/,
templates/) into the package as handoff/_data/; the benchmark and the tests stay out. The
installed `handoff` then checks and hands off the sample account against its in-process
sandbox, from a folder that is not the repository, and keeps its state and out/ there.
Built offline: no build isolation, no index (setuptools and wheel come from the dev venv).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from handoff.core.settings import PROJECT_ROOT
from workspace import DEVELOPER_ENV, TODAY, USER

pytestmark = pytest.mark.slow

# What a build needs from the repository (the tool's own files are the BUNDLED of setup.py).
SOURCE = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "scripts", "config", "templates", "bench")
BUNDLED = (
    "config/fields.toml",
    "config/instance_types.toml",
    "config/languages.toml",
    "config/handoff.toml",
    "config/production.example.toml",
    "config/sandbox/spreadsheet.json",
    "config/sandbox/drive.json",
    "config/sandbox/sheet/Accounts.csv",
    "config/sandbox/vitally/accounts.json",
    "templates/handoff.html.j2",
    "templates/vitally-note.html.j2",
)


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--quiet", *args], check=True, timeout=300)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the tree (the build leaves build/ and egg-info behind)."""
    src = tmp_path_factory.mktemp("src")
    for name in SOURCE:
        path = PROJECT_ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(path, src / name)
    dist = tmp_path_factory.mktemp("dist")
    pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dist), str(src))
    [built] = dist.glob("handoff-*.whl")
    return built


def test_the_wheel_carries_the_tools_files_and_not_the_benchmark(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    missing = [rel for rel in BUNDLED if f"handoff/_data/{rel}" not in names]
    assert missing == []
    assert "handoff/cli.py" in names and "handoff/sandbox/server.py" in names
    assert not [n for n in names if n.startswith(("bench/", "tests/")) or "/bench" in n]
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; its dependencies are the dev venv's (a .pth file:
    the editable install's own .pth there is not processed, so `handoff` is the installed one)."""
    root = tmp_path_factory.mktemp("venv")
    venv.create(root, with_pip=False)
    python = root / "bin" / "python"
    pip("--python", str(python), "install", "--no-deps", "--no-index", str(wheel))
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(purelib) / "dev-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return root


def handoff(venv_root: Path, cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in DEVELOPER_ENV}
    env |= {"HANDOFF_TODAY": TODAY, "HANDOFF_USER": USER}
    return subprocess.run(
        [venv_root / "bin" / "handoff", *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_installed_tool_runs_from_another_folder(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [installed / "bin" / "python", "-c", "import handoff; print(handoff.__file__)"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert where.startswith(str(installed)), where  # not the repository's copy

    check = handoff(installed, tmp_path, "check", "acme")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "acme" in check.stdout

    run = handoff(installed, tmp_path, "run", "acme")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "✓ acme" in run.stdout
    # the state and the local copy land in the folder the tool runs in, not in the package
    assert (tmp_path / ".sandbox").is_dir()
    local_copy = tmp_path / "out" / "acme" / "handoff.html"
    assert local_copy.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = next(installed.rglob("handoff/_data"))
    assert sorted(p.name for p in data.iterdir()) == ["config", "templates"]
