"""Output identity for a speed-up of the reader or the renderer: write what they produce, compare.

    python -m bench.identity write DIR [--accounts 20] [--no-eval]
    python -m bench.identity compare DIR_A DIR_B

`write` saves, one file per item, everything a change that should change no output could alter:

* `tdd/SET/NAME.json`: for every document of `tests/fixtures/tdd_*/`, `tests/fixtures/google-docs/`
  and the sandbox seed's TDDs, every parsed value (`repr`, with its location) and the
  `handoff tdd --json` view of it;
* `render/SLUG.txt`: for the sandbox seed's accounts and `--accounts` synthetic ones (the bench's
  `sandbox/synth.py`), the rendered documents and note, through an in-process sandbox;
* `eval.json`, `eval-styles.json`: `make eval ARGS=--json` and `make eval-styles ARGS=--json`
  without their timings.

`compare` lists the files that differ or exist on one side only, and exits 1 if any does. It
names the files, never shows their content: the evaluation-only sets may be compared this way
(a black box), not read.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from handoff.core.settings import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
SEED = PROJECT_ROOT / "config" / "sandbox"
TIMING_KEYS = {"parse_ms", "parse_ms_max", "parse_ms_median"}


def documents() -> list[tuple[str, Path]]:
    """(set name, path) of every TDD document the reader has a fixture for."""
    found = [
        (p.parent.name, p)
        for d in sorted(FIXTURES.glob("tdd_*"))
        for p in sorted(d.iterdir())
        if p.suffix in (".html", ".json") and not p.name.endswith(".key.json") and p.name != "README.json"
    ]
    found += [("google-docs", p) for p in sorted((FIXTURES / "google-docs").glob("*.json"))]
    found += [("seed", p) for p in sorted((SEED / "docs").glob("*-tdd.html"))]
    return found


def write_tdds(out: Path) -> None:
    from handoff.commands.tdd import load_document_file
    from handoff.core.fields import load_catalogue
    from handoff.output.tdd_report import tdd_json
    from handoff.read.tdd import parse_document, read_document
    from handoff.validate.tdd_view import tdd_fields

    catalogue = load_catalogue(PROJECT_ROOT / "config" / "fields.toml")
    for group, path in documents():
        try:
            document = load_document_file(path)
        except Exception as exc:  # a fixture the tool refuses is an output too
            text = f"refused: {exc!r}\n"
        else:
            if not isinstance(document, dict):
                continue
            values = tuple(parse_document(document, catalogue))
            reading = read_document(document, catalogue)
            view = tdd_fields(reading.values, catalogue)
            shown = json.dumps(tdd_json(path.name, view, reading), indent=2, ensure_ascii=False)
            text = "\n".join(repr(v) for v in values) + "\n\n" + shown + "\n"
        target = out / "tdd" / group / (path.stem + ".txt")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def write_renders(out: Path, accounts: int) -> None:
    import datetime as dt

    from handoff.sandbox.synth import write_seed

    today = dt.date(2026, 11, 27)
    with tempfile.TemporaryDirectory(prefix="handoff-identity-") as tmp:
        synth = Path(tmp) / "seed"
        write_seed(synth, accounts)
        for n, seed in enumerate((SEED, synth)):
            _render_seed(out, seed, Path(tmp) / f"state{n}", today)


def _render_seed(out: Path, seed: Path, state: Path, today: Any) -> None:
    """The rendered documents and note of every account of `seed` that has a TDD."""
    from bench.bench import sheet_batch
    from handoff.read.batch import TddRead, build_handoff
    from handoff.read.sheet import Grid, parse_batch, parse_sheet
    from handoff.read.tdd import html_document, parse_document
    from handoff.render.documents import RunInfo, note_context, render_documents, render_note, templates_dir
    from handoff.sandbox import server
    from handoff.sandbox.synth import doc_id

    running = server.start(state, seed)
    try:
        settings, catalogue, titles, response = sheet_batch(running.url)
        grids: dict[str, Grid | None] = dict.fromkeys(titles)
        grids.update(parse_batch(response, titles))
        sheet = parse_sheet(grids, catalogue, titles)
        run = RunInfo(mode="final", generated_at=today, ready=True)
        seeded = sorted(p.name[: -len("-tdd.html")] for p in (seed / "docs").glob("*-tdd.html"))
        for record in sheet.select(seeded):
            page = seed / "docs" / f"{record.slug}-tdd.html"
            values = tuple(parse_document(html_document(page.read_text(encoding="utf-8")), catalogue))
            handoff = build_handoff(record, TddRead(doc_id(record.slug), values), sheet, catalogue, today)
            docs = render_documents(settings, catalogue, handoff, run)
            note = render_note(
                handoff, note_context(settings, catalogue, handoff, run), templates=templates_dir(settings)
            )
            parts = [f"== {d.kind} | {d.title}\n{d.html}" for d in docs]
            target = out / "render" / f"{record.slug}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(parts) + f"\n== note\n{note}\n", encoding="utf-8")
    finally:
        running.stop()


def _without_timings(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_timings(v) for k, v in data.items() if k not in TIMING_KEYS}
    if isinstance(data, list):
        return [_without_timings(v) for v in data]
    return data


def write_eval(out: Path) -> None:
    for name, module in (("eval", "bench.eval_tdd"), ("eval-styles", "bench.metamorphic")):
        done = subprocess.run(
            [sys.executable, "-m", module, "--json"],
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            check=False,
        )
        try:
            data = _without_timings(json.loads(done.stdout))
            text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
        except json.JSONDecodeError:
            text = f"exit {done.returncode}\n{done.stdout}"
        (out / f"{name}.json").write_text(text + "\n", encoding="utf-8")


def compare(a: Path, b: Path) -> int:
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differ = sorted(p for p in files_a & files_b if (a / p).read_bytes() != (b / p).read_bytes())
    for p in differ:
        print(f"differs: {p}")
    for p in sorted(files_a - files_b):
        print(f"only in {a}: {p}")
    for p in sorted(files_b - files_a):
        print(f"only in {b}: {p}")
    same = len(files_a & files_b) - len(differ)
    print(f"{same} identical, {len(differ)} differ, {len(files_a ^ files_b)} on one side only")
    return 1 if differ or files_a ^ files_b else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="identity", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--accounts", type=int, default=20)
    w.add_argument("--no-eval", action="store_true", help="skip make eval and eval-styles (the slow part)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "compare":
        return compare(args.a, args.b)
    args.out.mkdir(parents=True, exist_ok=True)
    with contextlib.redirect_stderr(io.StringIO()):
        write_tdds(args.out)
        write_renders(args.out, args.accounts)
    if not args.no_eval:
        write_eval(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
