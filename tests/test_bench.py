"""`make bench` runs: a tiny batch end to end (separate sandbox process, the real CLI, the report).

A benchmark, not a test of speed: nothing here asserts a time. The arithmetic is checked on
its own with fixed inputs.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from bench import bench, bench_calls
from bench.bench_report import report


def test_bench_runs_on_a_tiny_batch(capsys: pytest.CaptureFixture[str]) -> None:
    tiny = ["--accounts", "3", "--latency-ms", "0", "--serial-accounts", "3", "--no-quota-bound"]
    code = bench.main([*tiny, "--parse-runs", "2", "--json"])
    assert code == 0
    r = json.loads(capsys.readouterr().out)
    assert r["setup"]["accounts"] == 3
    first, noop = r["first"], r["noop"]
    assert first["by_route"]["sheets.values.batchGet"] == 1
    assert first["by_route"]["sheets.spreadsheets.batchUpdate"] == 1
    assert first["floor_calls_per_account"] == 7
    assert noop["writes"] == 0 and first["throttled_429"] == noop["throttled_429"] == 0
    assert r["serial"]["extrapolated"] is False and r["serial"]["measured"][0]["accounts"] == 3
    assert r["parse_render"]["mean_ms"] > 0
    samples = r["parse_samples"]
    assert set(samples["documents"]) >= {"acme", "initech"} and samples["runs"] == 2
    assert samples["max_median_ms"] == max(d["median_ms"] for d in samples["documents"].values())
    text = "\n".join(report(r))
    assert "Targets (issue 6)" in text and "no-op re-run writes nothing" in text
    assert "parse per sample TDD < 20 ms" in text


def test_calls_and_floors() -> None:
    log = [
        {"api": "sheets", "route": "sheets.values.batchGet", "method": "GET", "status": 200},
        {"api": "vitally", "route": "vitally.accounts.get", "method": "GET", "status": 429},
        {"api": "vitally", "route": "vitally.accounts.get", "method": "GET", "status": 200},
        {"api": "drive", "route": "drive.files.create.upload", "method": "POST", "status": 200},
        {"api": "sandbox", "route": "sandbox.health", "method": "GET", "status": 200},
    ]
    c = bench_calls.calls(log)
    assert c.total == 4 and c.writes == 1 and c.throttled == 1
    assert c.quota_counts() == Counter({"sheets_read": 1, "vitally": 2, "drive": 1})
    # 601 requests at 600 per 61 s: the last one waits a window; 600 go at once
    assert bench_calls.quota_floor({"vitally": 601}, {"vitally": 600}) == 61.0
    assert bench_calls.quota_floor({"vitally": 600}, {"vitally": 600}) == 0.0
    # one shared request, 3 per account for 2 accounts, 2 at a time, 0.1 s each
    assert bench_calls.latency_floor(c, 2, 2, 0.1) == pytest.approx(0.1 * (1 + 1.5))
    assert bench_calls.extrapolate([(10, 12.0), (40, 42.0)], 200) == pytest.approx(202.0)
    assert bench_calls.extrapolate([(40, 40.0)], 200) == pytest.approx(200.0)
    assert bench_calls.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.95) == 5.0
