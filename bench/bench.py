"""`make bench`: a batch of N synthetic accounts against a separately started, slowed-down sandbox.

    python -m bench.bench [--accounts 200] [--latency-ms 100] [--quota-scale 100]
                            [--concurrency N] [--serial-accounts 40] [--no-quota-bound]
                            [--parse-runs 30] [--json]

What it does, each against a fresh sandbox process (`handoff sandbox serve`, state in a
temporary folder, a latency rule on every request, the APIs' published per-user quotas × the
scale enforced with 429s) seeded with `sandbox/synth.py`'s N realistic accounts:

1. `handoff run --all` at the default concurrency bound, then again (the no-op re-run): API
   calls per account by API and kind (from the sandbox request log), wall time, 429s, peak
   memory of the run's process. The client's quotas are scaled like the sandbox's.
2. `handoff run ACCOUNT…` at concurrency 1 on two subsets of fresh accounts (a quarter of
   `--serial-accounts`, then all of them), extrapolated along the line through both to N
   accounts (a serial batch of 200 × 100 ms takes minutes; the output says when it is an
   extrapolation), and the ratio to the default bound.
3. Unless --no-quota-bound: the first run again at the real quotas (scale 1), where the quotas,
   not the latency, set the pace: wall time against the floor the quotas allow, and 429s.
4. `handoff --help` start-up (best of 5), and parse + merge + render time per account
   (in-process; the HTML → Docs JSON conversion is the sandbox's and is not counted).
5. The parse alone of each sample TDD of the sandbox seed (`config/sandbox/docs/*-tdd.html`, the
   size issue 10 sets its target at): median of `--parse-runs` parses per document, and the max.

It is a benchmark, not a test: it prints figures and the targets of issue 6 next to them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import bench_calls
from bench.bench_calls import API_KINDS, FLOOR_ROUTES, Calls
from bench.bench_proc import Run, Sandbox, base_env, run_cli, startup_seconds
from handoff.clients.ratelimit import QUOTA_KEYS
from handoff.core.settings import PROJECT_ROOT, QuotaSettings, RunSettings

TODAY = dt.date(2026, 11, 27)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="handoff-bench-") as tmp:
        results = Bench(Path(tmp), args).run()
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_report(results)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.bench", description=__doc__.splitlines()[0])
    p.add_argument("--accounts", type=int, default=200, help="accounts in the batch (default 200)")
    p.add_argument("--latency-ms", type=int, default=100, help="added to every request (default 100)")
    p.add_argument("--quota-scale", type=float, default=100.0, help="quotas × this (default 100)")
    p.add_argument("--concurrency", type=int, default=RunSettings().concurrency, help="the bound to measure")
    p.add_argument("--serial-accounts", type=int, default=40, help="accounts measured at concurrency 1")
    p.add_argument("--quota-bound", action=argparse.BooleanOptionalAction, default=True)
    p.add_argument("--parse-runs", type=int, default=30, help="parses of each sample TDD (default 30)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    return p


class Bench:
    def __init__(self, tmp: Path, args: argparse.Namespace) -> None:
        from handoff.sandbox.synth import write_seed

        self.tmp = tmp
        self.args = args
        self.n = args.accounts
        self.seed = tmp / "seed"
        self.slugs = write_seed(self.seed, self.n)
        self.progress = sys.stderr

    def say(self, text: str) -> None:
        print(f"bench: {text}", file=self.progress, flush=True)

    def config(self, scale: float) -> Path:
        """The sandbox profile with absolute paths and every quota × scale."""
        path = self.tmp / f"config-{scale:g}.toml"
        quotas = "\n".join(f"{k} = {v}" for k, v in scaled_quotas(scale).items())
        head = (
            f"fields_file = {json.dumps(str(PROJECT_ROOT / 'config' / 'fields.toml'))}\n"
            f"templates_dir = {json.dumps(str(PROJECT_ROOT / 'templates'))}\n"
        )
        base = (PROJECT_ROOT / "config" / "handoff.toml").read_text(encoding="utf-8")
        path.write_text(head + base + f"\n[quotas]\n{quotas}\n", encoding="utf-8")
        return path

    def handoff(
        self, sandbox: Sandbox, name: str, args: list[str], concurrency: int, scale: float
    ) -> dict[str, Any]:
        env = base_env(
            HANDOFF_CONFIG=str(self.config(scale)),
            HANDOFF_SANDBOX_URL=sandbox.url,
            HANDOFF_CONCURRENCY=str(concurrency),
            HANDOFF_OUT_DIR=str(self.tmp / "out" / name),
        )
        mark, cpu = len(sandbox.log()), sandbox.cpu_seconds()
        run: Run = run_cli(args, env, self.tmp / "runs" / name)
        c = bench_calls.calls(sandbox.log()[mark:])
        if run.exit_code != 0:
            raise RuntimeError(
                f"`handoff {' '.join(args[:3])}…` exited {run.exit_code}:\n{run.stderr[-3000:]}"
            )
        return {
            "seconds": run.seconds,
            "peak_rss_mib": run.peak_rss_mib,
            "cpu_s": run.cpu_seconds,
            "sandbox_cpu_s": sandbox.cpu_seconds() - cpu,
            "load": os.getloadavg()[0],
            "calls": c,
        }

    def run(self) -> dict[str, Any]:
        a = self.args
        out: dict[str, Any] = {"setup": _setup(a)}
        self.say(f"{self.n} accounts, {a.latency_ms} ms per request, quotas × {a.quota_scale:g}")
        sandbox = Sandbox.start(self.tmp / "sb-main", self.seed, a.latency_ms, a.quota_scale)
        try:
            self.say(f"first run at concurrency {a.concurrency}")
            first = self.handoff(sandbox, "first", ["run", "--all"], a.concurrency, a.quota_scale)
            self.say("no-op re-run")
            noop = self.handoff(sandbox, "noop", ["run", "--all"], a.concurrency, a.quota_scale)
            self.say("parse + render per account")
            out["parse_render"] = parse_render(sandbox.url, self.seed, self.slugs)
        finally:
            sandbox.stop()
        out["first"], out["noop"] = _summary(first, self.n), _summary(noop, self.n)
        out["first"]["floor"] = _floors(first["calls"], self.n, a.concurrency, a.latency_ms, a.quota_scale)
        out["serial"] = self.serial()
        out["serial"]["speedup"] = out["serial"]["seconds_at_n"] / first["seconds"]
        if a.quota_bound:
            out["quota_bound"] = self.quota_bound()
        self.say("handoff --help start-up")
        out["startup_s"] = startup_seconds()
        self.say("parse per sample TDD")
        out["parse_samples"] = parse_samples(PROJECT_ROOT / "config" / "sandbox" / "docs", a.parse_runs)
        return out

    def serial(self) -> dict[str, Any]:
        a = self.args
        total = min(self.n, a.serial_accounts)
        small = max(1, total // 4) if total < self.n else 0
        sandbox = Sandbox.start(self.tmp / "sb-serial", self.seed, a.latency_ms, a.quota_scale)
        points: list[tuple[int, float]] = []
        try:
            if small:
                self.say(f"concurrency 1 on {small} accounts")
                r = self.handoff(sandbox, "serial-small", ["run", *self.slugs[:small]], 1, a.quota_scale)
                points.append((small, r["seconds"]))
            count = total - small if small else total
            self.say(f"concurrency 1 on {count} accounts")
            accounts = self.slugs[small : small + count]
            r = self.handoff(
                sandbox, "serial", ["run", *accounts] if small else ["run", "--all"], 1, a.quota_scale
            )
            points.append((count, r["seconds"]))
        finally:
            sandbox.stop()
        points.sort()
        return {
            "measured": [{"accounts": n, "seconds": s} for n, s in points],
            "seconds_at_n": bench_calls.extrapolate(points, self.n)
            if points[-1][0] != self.n
            else points[-1][1],
            "extrapolated": points[-1][0] != self.n,
        }

    def quota_bound(self) -> dict[str, Any]:
        a = self.args
        self.say(f"first run at the real quotas (× 1), concurrency {a.concurrency}: at least a minute")
        sandbox = Sandbox.start(self.tmp / "sb-quota", self.seed, a.latency_ms, 1.0)
        try:
            r = self.handoff(sandbox, "quota", ["run", "--all"], a.concurrency, 1.0)
        finally:
            sandbox.stop()
        s = _summary(r, self.n)
        s["floor"] = _floors(r["calls"], self.n, a.concurrency, a.latency_ms, 1.0)
        return s


def _setup(a: argparse.Namespace) -> dict[str, Any]:
    mem = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return {
        "date": TODAY.isoformat(),
        "measured_on": dt.date.today().isoformat(),
        "cpus": os.cpu_count(),
        "memory_gib": round(mem, 1),
        "python": platform.python_version(),
        "accounts": a.accounts,
        "latency_ms": a.latency_ms,
        "quota_scale": a.quota_scale,
        "concurrency": a.concurrency,
    }


def _summary(r: dict[str, Any], n: int) -> dict[str, Any]:
    c: Calls = r["calls"]
    floor_calls = sum(c.by_route[x] for x in FLOOR_ROUTES)
    return {
        "seconds": r["seconds"],
        "peak_rss_mib": r["peak_rss_mib"],
        "cpu_s": r["cpu_s"],
        "sandbox_cpu_s": r["sandbox_cpu_s"],
        "load": r["load"],
        "calls_total": c.total,
        "calls_per_account": c.total / n,
        "floor_calls_per_account": floor_calls / n,
        "writes": c.writes,
        "throttled_429": c.throttled,
        "by_api_kind": {f"{api} {k}": c.by_api_kind[(api, k)] for api, k in API_KINDS},
        "by_route": dict(sorted(c.by_route.items())),
    }


def scaled_quotas(scale: float) -> dict[str, int]:
    """The default per-minute quotas × scale (at least 1), by `settings.quotas` key."""
    q = QuotaSettings()
    return {k: max(1, int(getattr(q, k) * scale)) for k in QUOTA_KEYS}


def _floors(c: Calls, n: int, concurrency: int, latency_ms: int, scale: float) -> dict[str, float]:
    quota = bench_calls.quota_floor(c.quota_counts(), scaled_quotas(scale))
    latency = bench_calls.latency_floor(c, n, concurrency, latency_ms / 1000)
    return {"quota_s": quota, "latency_s": latency, "floor_s": max(quota, latency)}


def sheet_batch(url: str) -> tuple[Any, Any, dict[str, str], Any]:
    """(settings, catalogue, tab titles, one batched read of every tab) of the sandbox at `url`:
    where the render steps start (the sheet is parsed by the caller, which may time it)."""
    from handoff.clients import Clients
    from handoff.core.fields import load_catalogue
    from handoff.core.settings import load_settings
    from handoff.read.batch import tab_titles
    from handoff.read.sheet import batch_ranges

    settings = load_settings(PROJECT_ROOT / "config" / "handoff.toml", {"sandbox.url": url})
    catalogue = load_catalogue(settings.path(settings.fields_file))
    titles = tab_titles(settings)
    with Clients(settings) as clients:
        http = clients.gspread_client().http_client
        response = http.values_batch_get(
            settings.sheet.spreadsheet_id, batch_ranges(titles), {"valueRenderOption": "FORMATTED_VALUE"}
        )
    return settings, catalogue, titles, response


def parse_render(url: str, seed: Path, slugs: list[str]) -> dict[str, float]:
    """Per account: TDD parse + merge/validate + render of every doc and the note (ms)."""
    from handoff.read.batch import TddRead, build_handoff
    from handoff.read.sheet import Grid, parse_batch, parse_sheet
    from handoff.read.tdd import html_document, parse_document
    from handoff.render.documents import RunInfo, note_context, render_documents, render_note, templates_dir
    from handoff.sandbox.synth import doc_id

    settings, catalogue, titles, response = sheet_batch(url)
    documents = {
        s: html_document((seed / "docs" / f"{s}-tdd.html").read_text(encoding="utf-8")) for s in slugs
    }
    started = time.perf_counter()
    grids: dict[str, Grid | None] = dict.fromkeys(titles)
    grids.update(parse_batch(response, titles))
    sheet = parse_sheet(grids, catalogue, titles)
    sheet_ms = (time.perf_counter() - started) * 1000
    times = []
    run = RunInfo(mode="final", generated_at=TODAY, ready=True)
    records = sheet.select(slugs)
    for record in [records[0], *records]:  # the first pass compiles the templates: not counted
        started = time.perf_counter()
        values = tuple(parse_document(documents[record.slug], catalogue))
        handoff = build_handoff(record, TddRead(doc_id(record.slug), values), sheet, catalogue, TODAY)
        render_documents(settings, catalogue, handoff, run)
        render_note(
            handoff, note_context(settings, catalogue, handoff, run), templates=templates_dir(settings)
        )
        times.append((time.perf_counter() - started) * 1000)
    cold, times = times[0], times[1:]
    return {
        "cold_ms": cold,
        "mean_ms": statistics.fmean(times),
        "median_ms": statistics.median(times),
        "p95_ms": bench_calls.percentile(times, 0.95),
        "max_ms": max(times),
        "sheet_parse_ms": sheet_ms,
        "sheet_parse_per_account_ms": sheet_ms / len(times),
    }


def parse_samples(folder: Path, runs: int) -> dict[str, Any]:
    """The parse alone of each sample TDD in `folder` (`*-tdd.html`): per document the median of
    `runs` parses (wall and CPU ms, the documents taken in turn, after one parse each to warm the
    process up), and the largest of those medians."""
    from handoff.core.fields import load_catalogue
    from handoff.read.tdd import html_document, parse_document

    catalogue = load_catalogue(PROJECT_ROOT / "config" / "fields.toml")
    documents = {
        p.name[: -len("-tdd.html")]: html_document(p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*-tdd.html"))
    }
    wall: dict[str, list[float]] = {name: [] for name in documents}
    cpu: dict[str, list[float]] = {name: [] for name in documents}
    for document in documents.values():
        parse_document(document, catalogue)
    for _ in range(max(1, runs)):
        for name, document in documents.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            parse_document(document, catalogue)
            cpu[name].append((time.process_time() - started_cpu) * 1000)
            wall[name].append((time.perf_counter() - started) * 1000)
    per_document = {
        name: {"median_ms": statistics.median(wall[name]), "cpu_median_ms": statistics.median(cpu[name])}
        for name in documents
    }
    return {
        "runs": max(1, runs),
        "documents": per_document,
        "max_median_ms": max((d["median_ms"] for d in per_document.values()), default=math.nan),
        "max_cpu_median_ms": max((d["cpu_median_ms"] for d in per_document.values()), default=math.nan),
        "load": os.getloadavg()[0],
    }


# -- the report --------------------------------------------------------------------------------


def print_report(r: dict[str, Any]) -> None:
    from bench.bench_report import report

    width = shutil.get_terminal_size((120, 40)).columns
    for line in report(r, width):
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
