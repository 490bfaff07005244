"""A synthetic sandbox seed of N accounts, each a realistic copy of the sample workspace's acme.

    write_seed(folder, 200) -> [slugs]

Each account `synth0001`… gets acme's full Accounts row, its logs (7 notes, 3 issues, 3 risks,
2 expansion rows, a complete 5-item checklist), its TDD (the same headings, tables, chips and
prose, about 6 KB of HTML) and a Vitally account, with the names, slugs, domains, ids and the
Technical Advisor replaced (TAs rotate over the sample workspace's four active admins, so a
batch looks each one up once). Every account is valid and ready for handoff, so a first batch
hands off every one of them: what the benchmark measures. The files are in the seed format of
config/sandbox/README.md; nothing else is needed (`HANDOFF_SANDBOX_SEED=<folder>`).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

from handoff.core.settings import ENTRY_TABS, PROJECT_ROOT, RUN_TABS, Tabs

BASE = PROJECT_ROOT / "config" / "sandbox"
TEMPLATE = "acme"
TEMPLATE_DOC = "1GtJ0r6EKnImrOk_vkjdfLCJQ4GFblOo_8Lw2DGmmPfK"
TEMPLATE_VITALLY = "0015e00000Kq7TbAAJ"
TEMPLATE_TA = ("dana.whitfield@sourcegraph.com", "Dana Whitfield")
TAS = (
    ("dana.whitfield@sourcegraph.com", "Dana Whitfield"),
    ("kenji.morales@sourcegraph.com", "Kenji Morales"),
    ("tomas.herrera@sourcegraph.com", "Tomás Herrera"),
    ("jonah.feld@sourcegraph.com", "Jonah Feld"),
)
LOG_TABS = tuple(getattr(Tabs(), key) for key in ENTRY_TABS)  # the default titles
EMPTY_TABS = tuple(getattr(Tabs(), key) for key in RUN_TABS)


def slug(i: int) -> str:
    return f"synth{i:04d}"


def doc_id(account: str) -> str:
    """A stable 44-character Drive-style id for the account's TDD."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(f"tdd:{account}".encode()).digest()).decode()
    return ("1" + digest.replace("=", ""))[:44]


def vitally_external_id(i: int) -> str:
    return f"0015e0000SYN{i:04d}AAJ"


class _Account:
    """The substitutions that turn acme's text into account i's."""

    def __init__(self, i: int) -> None:
        self.i = i
        self.slug = slug(i)
        self.ta = TAS[(i - 1) % len(TAS)]
        self.pairs = (
            (TEMPLATE_DOC, doc_id(self.slug)),
            (TEMPLATE_VITALLY, vitally_external_id(i)),
            (TEMPLATE_TA[0], self.ta[0]),
            (TEMPLATE_TA[1], self.ta[1]),
            ("ACME-", f"SYN{i:04d}-"),
            ("Acme", f"Synth{i:04d}"),
            ("acme", self.slug),
        )

    def text(self, value: str) -> str:
        for old, new in self.pairs:
            value = value.replace(old, new)
        return value


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [list(r) for r in csv.reader(fh)]


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def write_seed(root: Path, accounts: int, base: Path = BASE) -> list[str]:
    """Write a seed folder of `accounts` synthetic accounts at `root` (replaced if present)."""
    if accounts < 1:
        raise ValueError("a synthetic seed needs at least one account")
    if root.exists():
        shutil.rmtree(root)
    for sub in ("sheet", "docs", "vitally"):
        (root / sub).mkdir(parents=True)
    people = [_Account(i) for i in range(1, accounts + 1)]
    shutil.copy(base / "spreadsheet.json", root / "spreadsheet.json")
    for tab in (Tabs().accounts, *LOG_TABS):
        rows = _read_csv(base / "sheet" / f"{tab}.csv")
        template = [r for r in rows[1:] if r and r[0].strip() == TEMPLATE]
        _write_csv(
            root / "sheet" / f"{tab}.csv",
            [rows[0]] + [[a.text(c) for c in row] for a in people for row in template],
        )
    for tab in EMPTY_TABS:
        shutil.copy(base / "sheet" / f"{tab}.csv", root / "sheet" / f"{tab}.csv")
    _write_drive(root, base, people)
    _write_vitally(root, base, people)
    return [a.slug for a in people]


def _write_drive(root: Path, base: Path, people: list[_Account]) -> None:
    spec = json.loads((base / "drive.json").read_text(encoding="utf-8"))
    template = next(d for d in spec["documents"] if d["id"] == TEMPLATE_DOC)
    html = (base / template["file"]).read_text(encoding="utf-8")
    documents = []
    for a in people:
        name = f"{a.slug}-tdd.html"
        (root / "docs" / name).write_text(a.text(html), encoding="utf-8")
        documents.append(
            {**template, "id": doc_id(a.slug), "name": a.text(template["name"]), "file": f"docs/{name}"}
        )
    spec["documents"] = documents
    (root / "drive.json").write_text(json.dumps(spec, indent=1, ensure_ascii=False), encoding="utf-8")


def _write_vitally(root: Path, base: Path, people: list[_Account]) -> None:
    accounts = json.loads((base / "vitally" / "accounts.json").read_text(encoding="utf-8"))
    template = next(a for a in accounts if a.get("externalId") == TEMPLATE_VITALLY)
    out = []
    for a in people:
        record = json.loads(a.text(json.dumps(template, ensure_ascii=False)))
        record.pop("id", None)  # derived from the externalId by the seed loader
        out.append(record)
    (root / "vitally" / "accounts.json").write_text(
        json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    for name in ("admins.json", "custom_fields.json"):
        shutil.copy(base / "vitally" / name, root / "vitally" / name)
