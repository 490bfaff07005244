"""Printing plans and run results for a person (rich) or a program (JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence
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


def print_plan(console: Console, plan: AccountPlan) -> None:
    name = plan.handoff.value("account_name") if plan.handoff else None
    title = f"[bold]{escape(plan.account)}[/]" + (f" — {escape(str(name))}" if name else "")
    console.print(f"{title}  [dim]mode:[/] {plan.mode}")
    if plan.blocked:
        console.print(f"  [bold red]blocked:[/] {escape(plan.blocked)}; nothing will be written")
        if plan.fix:
            console.print(f"      [dim]fix: {escape(plan.fix)}[/]")
    elif not plan.changes:
        console.print("  [green]up to date[/]: nothing to write")
    for c in plan.changes:
        colour = COLOURS.get(c.symbol, "white")
        change = _describe(c.kind, c.before, c.after)
        console.print(
            f"  [{colour}]{c.symbol} {escape(c.kind):<12}[/] {escape(c.target)}  {escape(change)}"
            f"  [dim]({escape(c.reason)})[/]"
        )
    for p in plan.problems:
        if p.severity is Severity.INFO and not plan.blocked:
            continue
        where = f" [dim]at {escape(str(p.location))}[/]" if p.location else ""
        style = SEVERITY_STYLE[p.severity]
        console.print(f"  [{style}]{p.severity.value}:[/] {escape(p.message)}{where}")
        if p.fix and p.severity is Severity.ERROR:
            console.print(f"      [dim]fix: {escape(p.fix)}[/]")


def _describe(kind: ChangeKind, before: Any, after: Any) -> str:
    if kind in (ChangeKind.TRAIT_SET, ChangeKind.TRAIT_KEEP, ChangeKind.SHEET_ROW):
        return f"{short(before)} → {short(after)}"
    if kind is ChangeKind.DOC_KEEP:
        return f"kept as edited ({short(before)})"
    return short(after)


def print_results(
    console: Console,
    results: Sequence[AccountResult],
    sheet_written: bool,
    plans: Sequence[AccountPlan] = (),
) -> None:
    by_account = {p.account: p for p in plans}
    console.print()
    for r in results:
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
    if sheet_written:
        console.print("[dim]sheet: status, links, run log and state written in one batch[/]")


def plans_json(plans: Sequence[AccountPlan], results: Sequence[AccountResult] | None = None) -> str:
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
    return json.dumps(out[0] if len(out) == 1 else out, indent=2, ensure_ascii=False)
