"""Build hook: the wheel carries the tool's own files, which live at the repository's top level.

config/ (fields.toml, instance_types.toml, languages.toml, the sandbox profile handoff.toml, the production
example, the sandbox seed) and templates/ stay where a person edits them; the build copies
them into the package as `handoff/_data/`, where `handoff.core.settings` finds them when the
tool runs installed. Everything else (project metadata, the packages) is in pyproject.toml;
the benchmark (bench/) is not a package under scripts/, so it is never in the wheel.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# What the installed tool reads, relative to the repository (and to handoff/_data).
BUNDLED = (
    "config/fields.toml",
    "config/instance_types.toml",
    "config/languages.toml",
    "config/handoff.toml",
    "config/production.example.toml",
    "config/sandbox",
    "templates",
)
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class BuildWithData(build_py):
    """`build_py`, then a copy of BUNDLED into the built package's `_data` folder."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the repository itself
        target = Path(self.build_lib) / "handoff" / "_data"
        for rel in BUNDLED:
            source, dest = HERE / rel, target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, dest, ignore=SKIP, dirs_exist_ok=True)
            else:
                shutil.copy2(source, dest)


setup(cmdclass={"build_py": BuildWithData})
