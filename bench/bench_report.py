"""The benchmark's figures as Markdown tables (readable on a terminal, pasteable into the README)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from bench.bench_calls import API_KINDS, FLOOR_ROUTES

FLOOR_PER_ACCOUNT = len(FLOOR_ROUTES)  # TDD read, doc create, share, Vitally read, trait write, note, task


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    cells = [[str(c) for c in header], *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def line(r: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"

    return [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, cells[1:])]


def _n(x: float, digits: int = 2) -> str:
    if x != x:  # NaN
        return "n/a"
    return f"{x:.{digits}f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def report(r: dict[str, Any], width: int = 120) -> Iterator[str]:
    s = r["setup"]
    n = s["accounts"]
    yield (
        f"handoff benchmark, {s['date']} · {s['cpus']} CPUs, {s['memory_gib']} GiB, Python {s['python']} · "
        f"{n} accounts, {s['latency_ms']} ms per request, quotas × {_n(s['quota_scale'])}, "
        f"concurrency {s['concurrency']}"
    )
    first, noop = r["first"], r["noop"]
    yield ""
    yield "API calls by API and kind (first run; no-op re-run):"
    rows = []
    for api, kind in API_KINDS:
        key = f"{api} {kind}"
        f, o = first["by_api_kind"][key], noop["by_api_kind"][key]
        if f or o:
            rows.append([api, kind, f, _n(f / n, 3), o, _n(o / n, 3)])
    rows.append(
        [
            "all",
            "",
            first["calls_total"],
            _n(first["calls_per_account"], 3),
            noop["calls_total"],
            _n(noop["calls_per_account"], 3),
        ]
    )
    yield from table(["API", "kind", "first run", "per account", "no-op", "per account"], rows)
    yield ""
    yield "API calls by route:"
    routes = sorted(set(first["by_route"]) | set(noop["by_route"]))
    yield from table(
        ["route", "first run", "per account", "no-op", "per account"],
        [
            [
                x,
                first["by_route"].get(x, 0),
                _n(first["by_route"].get(x, 0) / n, 3),
                noop["by_route"].get(x, 0),
                _n(noop["by_route"].get(x, 0) / n, 3),
            ]
            for x in routes
        ],
    )
    yield ""
    yield "Wall time:"
    yield from table(
        [
            "run",
            "accounts",
            "concurrency",
            "seconds",
            "floor s (quota / latency)",
            "ratio",
            "429s",
            "peak RSS MiB",
            "CPU s (tool / sandbox)",
            "load",
        ],
        _time_rows(r),
    )
    serial = r["serial"]
    how = "extrapolated from " + " and ".join(str(m["accounts"]) for m in serial["measured"]) + " accounts"
    yield (
        f"default bound vs concurrency 1: {_n(serial['speedup'], 1)}× "
        f"({_n(serial['seconds_at_n'], 1)} s at concurrency 1{', ' + how if serial['extrapolated'] else ''})"
    )
    pr = r["parse_render"]
    yield ""
    yield from table(
        ["other", "measured"],
        [
            ["`handoff --help` start-up, best of 5", f"{r['startup_s']:.3f} s"],
            [
                "parse TDD + merge/validate + render doc and note, per account",
                f"mean {pr['mean_ms']:.1f} ms, median {pr['median_ms']:.1f}, p95 {pr['p95_ms']:.1f}, "
                f"max {pr['max_ms']:.1f} (the first, compiling the templates: {pr['cold_ms']:.0f})",
            ],
            _samples_row(r["parse_samples"]),
            [
                "parse the sheet (once per batch)",
                f"{pr['sheet_parse_ms']:.0f} ms ({pr['sheet_parse_per_account_ms']:.2f} ms per account)",
            ],
        ],
    )
    yield ""
    yield "Targets (issue 6):"
    yield from table(["target", "measured", "met"], list(_targets(r)))


def _samples_row(ps: dict[str, Any]) -> list[str]:
    each = ", ".join(f"{name} {d['median_ms']:.1f}" for name, d in ps["documents"].items())
    return [
        f"parse each sample TDD (config/sandbox/docs), median of {ps['runs']}",
        f"{each} ms; max {ps['max_median_ms']:.1f} (CPU {ps['max_cpu_median_ms']:.1f}), "
        f"load {ps['load']:.1f}",
    ]


def _time_rows(r: dict[str, Any]) -> list[list[Any]]:
    s = r["setup"]
    blank = [""] * 6

    def row(name: str, x: dict[str, Any], accounts: int, c: int) -> list[Any]:
        fl = x.get("floor")
        floor = f"{fl['floor_s']:.1f} ({fl['quota_s']:.0f} / {fl['latency_s']:.1f})" if fl else ""
        ratio = _n(x["seconds"] / fl["floor_s"], 2) if fl and fl["floor_s"] else ""
        return [
            name,
            accounts,
            c,
            f"{x['seconds']:.1f}",
            floor,
            ratio,
            x["throttled_429"],
            f"{x['peak_rss_mib']:.0f}",
            f"{x['cpu_s']:.1f} / {x['sandbox_cpu_s']:.1f}",
            f"{x['load']:.1f}",
        ]

    rows = [
        row(f"first run (quotas × {_n(s['quota_scale'])})", r["first"], s["accounts"], s["concurrency"]),
        row("no-op re-run", r["noop"], s["accounts"], s["concurrency"]),
    ]
    for m in r["serial"]["measured"]:
        rows.append(["first run, measured", m["accounts"], 1, f"{m['seconds']:.1f}", *blank])
    if r["serial"]["extrapolated"]:
        at_n = f"{r['serial']['seconds_at_n']:.1f}"
        rows.append(["first run, extrapolated", s["accounts"], 1, at_n, *blank])
    if "quota_bound" in r:
        rows.append(
            row("first run at the real quotas (× 1)", r["quota_bound"], s["accounts"], s["concurrency"])
        )
    return rows


def _targets(r: dict[str, Any]) -> Iterator[list[str]]:
    n = r["setup"]["accounts"]
    first = r["first"]
    others = {k: v / n for k, v in first["by_route"].items() if k not in FLOOR_ROUTES}
    beyond = sum(others.values())
    listed = ", ".join(f"{k} {_n(v, 2)}" for k, v in sorted(others.items(), key=lambda kv: -kv[1]))
    yield [
        f"first handoff: {FLOOR_PER_ACCOUNT} calls per account (TA lookup, sheet read and write-back shared)",
        f"{_n(first['floor_calls_per_account'], 2)} + {_n(beyond, 2)} per account ({listed})",
        "yes" if beyond < 0.1 else "no: see the call budget in docs/performance.md",
    ]
    yield [
        "no-op re-run writes nothing",
        str(r["noop"]["writes"]),
        "yes" if r["noop"]["writes"] == 0 else "no",
    ]
    speedup = r["serial"]["speedup"]
    yield [
        "default bound ≥ 8× faster than concurrency 1",
        f"{_n(speedup, 1)}×",
        "yes" if speedup >= 8 else "no",
    ]
    runs = [first, r["noop"], *([r["quota_bound"]] if "quota_bound" in r else [])]
    throttled = sum(x["throttled_429"] for x in runs)
    yield ["no 429s", str(throttled), "yes" if throttled == 0 else "no"]
    if "quota_bound" in r:
        q = r["quota_bound"]
        ratio = q["seconds"] / q["floor"]["floor_s"] if q["floor"]["floor_s"] else float("nan")
        yield [
            "wall time ≤ 1.2× what the quotas allow (real quotas)",
            f"{_n(ratio, 2)}×",
            "yes" if ratio <= 1.2 else "no",
        ]
    ratio = first["seconds"] / first["floor"]["floor_s"] if first["floor"]["floor_s"] else float("nan")
    yield [
        f"wall time vs the floor at quotas × {_n(r['setup']['quota_scale'])} (latency-bound)",
        f"{_n(ratio, 2)}×",
        "info",
    ]
    yield ["`handoff --help` < 0.3 s", f"{r['startup_s']:.3f} s", "yes" if r["startup_s"] < 0.3 else "no"]
    pr = r["parse_render"]
    yield [
        "parse + render < 20 ms per account",
        f"{pr['mean_ms']:.1f} ms (p95 {pr['p95_ms']:.1f})",
        "yes" if pr["p95_ms"] < 20 else "no",
    ]
    ps = r["parse_samples"]
    yield [
        "parse per sample TDD < 20 ms (issue 10)",
        f"max of the medians {ps['max_median_ms']:.1f} ms",
        "yes" if ps["max_median_ms"] < 20 else "no",
    ]
