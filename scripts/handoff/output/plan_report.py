"""Printing plans and run results for a person (rich) or a program (JSON).

Verbosity (`-q` -1, default 0, `-v` 1): quiet prints one line per account (its mode and what it
would write, or why it is blocked, with the errors and their fixes) and, after a run, one line
per account with its doc link; verbose adds the values in full (not shortened), the
information notes, and the reason behind a kept value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from handoff.apply.execute import written_and_not
from handoff.core.model import Severity
from handoff.plan.changes import ChangeKind, short

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.apply.execute import AccountResult
    from handoff.plan.changes import AccountPlan

COLOURS = {"+": "green", "~": "yellow", "!": "magenta", "-": "red"}
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def print_plan(
    console: Console, plan: AccountPlan, verbosity: int = 0, labels: Mapping[str, str] | None = None
) -> None:
    """`labels`: Vitally's custom-field label per trait key (-v), shown beside the key."""
    name = plan.handoff.value("account_name") if plan.handoff else None
    title = f"[bold]{escape(plan.account)}[/]" + (f" — {escape(str(name))}" if name else "")
    if verbosity < 0:
        _print_plan_line(console, plan, title)
        return
    console.print(f"{title}  [dim]mode:[/] {plan.mode}")
    if plan.blocked:
        console.print(f"  [bold red]blocked:[/] {escape(plan.blocked)}; nothing will be written")
        if plan.fix:
            console.print(f"      [dim]fix: {escape(plan.fix)}[/]")
    elif not plan.changes:
        console.print("  [green]up to date[/]: nothing to write")
    for c in plan.changes:
        colour = COLOURS.get(c.symbol, "white")
        change = _describe(c.kind, c.before, c.after, full=verbosity > 0)
        console.print(
            f"  [{colour}]{c.symbol} {escape(c.kind):<12}[/] {escape(_target(c.target, labels))}"
            f"  {escape(change)}"
            f"  [dim]({escape(c.reason)})[/]"
        )
    for p in plan.problems:
        if p.severity is Severity.INFO and not plan.blocked and verbosity <= 0:
            continue
        where = f" [dim]at {escape(str(p.location))}[/]" if p.location else ""
        style = SEVERITY_STYLE[p.severity]
        console.print(f"  [{style}]{p.severity.value}:[/] {escape(p.message)}{where}")
        if p.fix and p.severity is Severity.ERROR:
            console.print(f"      [dim]fix: {escape(p.fix)}[/]")


def _print_plan_line(console: Console, plan: AccountPlan, title: str) -> None:
    """-q: the account, its mode and what it would write (or why not), and the errors."""
    from handoff.output.summary import planned_requests

    n = planned_requests(plan)
    what = (
        f"[bold red]blocked:[/] {escape(plan.blocked)}"
        if plan.blocked
        else (f"{n} write(s)" if n else "[green]up to date[/]")
    )
    console.print(f"{title}  [dim]{plan.mode}[/]  {what}")
    for p in plan.problems:
        if p.severity is Severity.ERROR:
            where = f" [dim]at {escape(str(p.location))}[/]" if p.location else ""
            console.print(f"  [bold red]error:[/] {escape(p.message)}{where}")
            if p.fix:
                console.print(f"      [dim]fix: {escape(p.fix)}[/]")


def _target(target: str, labels: Mapping[str, str] | None) -> str:
    label = (labels or {}).get(target)
    return f"{target} ({label})" if label else target


def _describe(kind: ChangeKind, before: Any, after: Any, *, full: bool = False) -> str:
    show = _full if full else short
    if kind in (ChangeKind.TRAIT_SET, ChangeKind.TRAIT_KEEP, ChangeKind.SHEET_ROW):
        return f"{show(before)} → {show(after)}"
    if kind is ChangeKind.DOC_KEEP:
        return f"kept as edited ({show(before)})"
    return show(after)


def _full(value: Any) -> str:
    return short(value, limit=10**9)


def print_results(
    console: Console,
    results: Sequence[AccountResult],
    sheet_written: bool,
    plans: Sequence[AccountPlan] = (),
    verbosity: int = 0,
) -> None:
    by_account = {p.account: p for p in plans}
    if verbosity >= 0:
        console.print()
    for r in results:
        if verbosity < 0 and not r.failed:
            link = next(iter(r.doc_links.values()), "")
            console.print(f"[green]✓ {escape(r.account)}[/]" + (f": {escape(link)}" if link else ""))
            continue
        plan = by_account.get(r.account)
        if r.failed:
            head = "conflict" if r.conflict else "stopped"
            console.print(f"[bold red]✗ {escape(r.account)}[/]: {head}: {escape(r.failed)}")
            written, missing = written_and_not(plan, r) if plan else (list(dict.fromkeys(r.done)), [])
            if r.sheet == "log":
                written.append("sheet run log and state")
                missing.append("sheet status")
            else:
                missing.append("sheet" + (" (left to the other run)" if r.conflict else ""))
            console.print(f"    written: {escape(', '.join(written) or 'nothing')}")
            console.print(f"    not written: {escape(', '.join(missing))}")
            if r.error is not None and r.error.fix:
                console.print(f"    [dim]fix: {escape(r.error.fix)}[/]")
            continue
        link = next(iter(r.doc_links.values()), "")
        what = ", ".join(dict.fromkeys(r.done)) or "nothing to write"
        console.print(f"[green]✓ {escape(r.account)}[/]: {escape(what)}")
        if r.sheet == "failed":
            console.print("    [bold red]not written:[/] sheet (status, link, run log, state)")
        if link:
            console.print(f"    doc: {escape(link)}")
        for p in r.problems:
            console.print(f"    [yellow]{p.severity.value}:[/] {escape(p.message)}")
    if sheet_written and verbosity >= 0:
        console.print("[dim]sheet: status, links, run log and state written in one batch[/]")


def plans_json(
    plans: Sequence[AccountPlan],
    results: Sequence[AccountResult] | None = None,
    skipped: Mapping[str, str] | None = None,
    *,
    applied: bool = False,
    sheet_written: bool = False,
) -> str:
    """`plan --json` and `run --json`: always one object, for one account or a batch:
    `{"accounts": [plan (+ "result" after a run)], "skipped": [{"account", "reason"}],
    "summary": {"applied", "accounts", "changed", "up_to_date", "failed", "blocked", "skipped",
    "writes", "sheet_written"}}` (docs/CONTRACTS.md has an example)."""
    from handoff.output.summary import count_results

    by_account = {r.account: r for r in results or ()}
    out = []
    for plan in plans:
        item = plan.to_json()
        r = by_account.get(plan.account)
        if r is not None:
            item["result"] = {
                "applied": list(dict.fromkeys(r.done)),
                "failed": r.failed or None,
                "doc_links": r.doc_links,
                "problems": [p.to_json() for p in r.problems],
            }
        out.append(item)
    skipped = skipped or {}
    summary = {"applied": applied, "accounts": len(plans)}
    summary |= count_results(plans, results or (), applied=applied)
    summary |= {"skipped": len(skipped), "sheet_written": sheet_written}
    data = {
        "accounts": out,
        "skipped": [{"account": a, "reason": why} for a, why in skipped.items()],
        "summary": summary,
    }
    return json.dumps(data, indent=2, ensure_ascii=False)
