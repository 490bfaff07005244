"""Benchmark of the read side: TDD parse time and the API calls `handoff check --all` makes.

    python -m bench.bench_parse [--accounts 50] [--pages 200]

1. Parse time of the largest real Docs fixture (tests/fixtures/google-docs/, real API output).
2. Parse time of a generated TDD of `--pages` pages. A page is what fits on one printed page of
   a design document: a heading, a six-row label/value table, eight prose paragraphs (~60 words
   each), four `Label: value` lines and a three-item list; every fifth page adds an instance
   table, and the document is split into a Trial tab and a Production tab with child tabs.
3. `check --all` over `--accounts` accounts in a throwaway sandbox: the seed workspace plus copies
   of acme, each with its own TDD document. API calls are counted from the sandbox request log;
   the target is one sheet read plus one document read per account.

Prints the figures; writes nothing outside a temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import shutil
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from handoff.core.fields import Catalogue, load_catalogue
from handoff.core.settings import PROJECT_ROOT, load_settings
from handoff.read.tdd import parse_document

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "google-docs"
SEED = PROJECT_ROOT / "config" / "sandbox"
PROSE = (
    "The deployment follows the reference architecture; services are spread over the node group and "
    "each stateful service has its own persistent volume. "
) * 3


def _run(text: str, bold: bool = False) -> dict[str, Any]:
    return {"textRun": {"content": text, "textStyle": {"bold": True} if bold else {}}}


def _para(text: str, style: str = "NORMAL_TEXT", bullet: bool = False) -> dict[str, Any]:
    p: dict[str, Any] = {"elements": [_run(text + "\n")], "paragraphStyle": {"namedStyleType": style}}
    if bullet:
        p["bullet"] = {"listId": "kix.bench"}
    return {"paragraph": p}


def _table(rows: list[list[str]]) -> dict[str, Any]:
    return {
        "table": {
            "rows": len(rows),
            "columns": len(rows[0]),
            "tableRows": [{"tableCells": [{"content": [_para(c)]} for c in r]} for r in rows],
        }
    }


def _page(n: int) -> list[dict[str, Any]]:
    blocks = [
        _para(f"Section {n}: sizing and configuration", "HEADING_2"),
        _table(
            [
                ["Deployment type", "Kubernetes with Helm"],
                ["Hosting provider", "AWS"],
                ["Region", "us-east-1"],
                ["Total CPU", f"{64 + n} vCPU"],
                ["Total memory", "224 GiB"],
                ["Sourcegraph version", "6.9.2"],
            ]
        ),
    ]
    blocks += [_para(PROSE) for _ in range(8)]
    blocks += [
        _para("Repositories: ~9,400"),
        _para("Monorepos: 3"),
        _para("Largest repository: 6.2 GB"),
        _para("Owner: platform team"),
    ]
    blocks += [_para(f"note {i} about the environment", bullet=True) for i in range(3)]
    if n % 5 == 0:
        blocks.append(
            _table(
                [
                    ["Role", "Instance type", "Count", "vCPU", "Memory"],
                    ["nodes", "m6i.4xlarge", "3", "16", "64 GiB"],
                    ["Total", "", "3", "48", "192 GiB"],
                ]
            )
        )
    return blocks


def generated_tdd(pages: int) -> dict[str, Any]:
    """A Docs API document (tabs form) of about `pages` pages."""

    def tab(
        title: str, first: int, count: int, children: list[dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        content = [{"endIndex": 1, "sectionBreak": {}}]
        for n in range(first, first + count):
            content += _page(n)
        t: dict[str, Any] = {"tabProperties": {"title": title}, "documentTab": {"body": {"content": content}}}
        if children:
            t["childTabs"] = children
        return t

    trial = pages // 10
    rest = pages - trial
    children = [tab(f"Production part {i}", 1 + trial + i * (rest // 4), rest // 4) for i in range(1, 4)]
    production = tab("Production", 1 + trial, rest - 3 * (rest // 4), children)
    return {"documentId": "bench", "title": "Bench TDD", "tabs": [tab("Trial (POC)", 1, trial), production]}


def _time(fn: Any, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def bench_parse(catalogue: Catalogue, pages: int) -> list[str]:
    out = []
    largest = max(FIXTURES.glob("*.json"), key=lambda p: p.stat().st_size)
    doc = json.loads(largest.read_text(encoding="utf-8"))
    seconds = _time(lambda: parse_document(doc, catalogue), 50)
    out.append(
        f"parse, largest real fixture ({largest.name}, {largest.stat().st_size / 1024:.0f} KB): "
        f"{seconds * 1000:.2f} ms (median of 50)"
    )
    big = generated_tdd(pages)
    size = len(json.dumps(big)) / 1024 / 1024
    values: list[Any] = []
    seconds = _time(lambda: values.append(parse_document(big, catalogue)), 5)
    paragraphs = json.dumps(big).count('"paragraph"')
    out.append(
        f"parse, generated {pages}-page TDD ({paragraphs:,} paragraphs, {size:.1f} MB of JSON, "
        f"{len(values[-1]):,} labelled values): {seconds * 1000:.0f} ms (median of 5)"
    )
    return out


def _bench_seed(folder: Path, accounts: int) -> None:
    """The seed workspace plus copies of acme (own slug, own TDD document) up to `accounts` accounts."""
    shutil.copytree(SEED, folder)
    sheet = folder / "sheet" / "Accounts.csv"
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    header, body = rows[0], rows[1:]
    existing = sum(1 for r in body if r and r[0].strip())
    acme = next(r for r in body if r and r[0] == "acme")
    drive = json.loads((folder / "drive.json").read_text(encoding="utf-8"))
    template = next(d for d in drive["documents"] if d["file"] == "docs/acme-tdd.html")
    col = header.index("TDD link")
    for i in range(max(0, accounts - existing)):
        doc_id = f"1Bench{i:04d}".ljust(44, "x")
        copy = list(acme)
        copy[0] = f"bench-{i:02d}"
        copy[col] = f"https://docs.google.com/document/d/{doc_id}/edit"
        body.append(copy)
        drive["documents"].append({**template, "id": doc_id, "name": f"Bench {i:02d} TDD"})
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *body])
    sheet.write_text(buf.getvalue(), encoding="utf-8")
    (folder / "drive.json").write_text(json.dumps(drive, indent=2), encoding="utf-8")


def bench_check(accounts: int) -> list[str]:
    from handoff.clients import Clients
    from handoff.read.batch import read_batch
    from handoff.sandbox.faults import FaultPlan
    from handoff.sandbox.request_log import read_request_log
    from handoff.sandbox.server import start

    with tempfile.TemporaryDirectory() as tmp:
        seed = Path(tmp) / "seed"
        _bench_seed(seed, accounts)
        sandbox = start(Path(tmp) / "state", seed, faults=FaultPlan())
        try:
            settings = load_settings(
                PROJECT_ROOT / "config" / "handoff.toml",
                overrides={"sandbox.url": sandbox.url, "sandbox.seed_dir": str(seed)},
            )
            start_at = time.perf_counter()
            with Clients(settings) as clients:
                batch = read_batch(settings, clients, None, on=dt.date(2026, 11, 27))
            seconds = time.perf_counter() - start_at
            log = read_request_log(sandbox.store.root)
        finally:
            sandbox.stop()
    by_api = Counter(e["api"] for e in log)
    detail = ", ".join(f"{api} {n}" for api, n in sorted(by_api.items()))
    return [
        f"check --all, {len(batch.handoffs)} accounts: {len(log)} API calls ({detail}); "
        f"{seconds:.1f} s against the in-process sandbox (concurrency {settings.run.concurrency})"
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=50)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args(argv)
    catalogue = load_catalogue(PROJECT_ROOT / "config" / "fields.toml")
    for line in [*bench_parse(catalogue, args.pages), *bench_check(args.accounts)]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
