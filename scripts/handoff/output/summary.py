"""The end of a batch: one table row per account (account, mode, result, writes, doc).

`writes` counts API write requests for the account (the doc, each share, the one trait PUT,
the note, the task); the sheet write-back is shared by the batch and said once below the
table. Accounts `--all` left out are listed as skipped, with the reason. The short notes the
progress display shows per account come from here too, so both say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.markup import escape
from rich.table import Table

from handoff.apply.execute import written_and_not
from handoff.output.terminal import print_table
from handoff.plan.changes import ChangeKind

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.apply.execute import AccountResult
    from handoff.plan.changes import AccountPlan


def planned_requests(plan: AccountPlan) -> int:
    """Write requests the plan makes for this account (all trait changes are one PUT; sheet excluded)."""
    kinds = [c.kind for c in plan.writes if not c.kind.on_sheet]
    traits = 1 if ChangeKind.TRAIT_SET in kinds else 0
    return sum(1 for k in kinds if k is not ChangeKind.TRAIT_SET) + traits


def plan_note(plan: AccountPlan) -> str:
    if plan.blocked:
        return f"blocked: {plan.blocked}"
    n = planned_requests(plan)
    return f"{n} write(s) planned" if n else "up to date"


def result_note(plan: AccountPlan, result: AccountResult | None) -> str:
    if result is None:
        return "up to date"
    if result.failed:
        written, missing = written_and_not(plan, result)
        return (
            f"failed: {result.failed}; written: {', '.join(written) or 'nothing'}"
            f"; not written: {', '.join(missing) or 'nothing'}"
        )
    return f"ok ({len(result.done)} writes)"


def _doc_link(plan: AccountPlan, result: AccountResult | None) -> str:
    links = result.doc_links if result is not None else plan.context.doc_links
    return next(iter(links.values()), "") if links else ""


def print_summary(
    console: Console,
    plans: Sequence[AccountPlan],
    results: Sequence[AccountResult],
    skipped: Mapping[str, str],
    *,
    applied: bool,
    sheet_written: bool = False,
) -> None:
    by_account = {r.account: r for r in results}
    counts = count_results(plans, results, applied=applied)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("account", no_wrap=True)
    table.add_column("mode", no_wrap=True)
    table.add_column("result")
    table.add_column("writes", justify="right")
    table.add_column("doc", overflow="fold")
    for plan in plans:
        r = by_account.get(plan.account)
        if plan.blocked:
            result, writes, style = f"blocked: {plan.blocked}", "0", "red"
        elif not applied:
            n = planned_requests(plan)
            result, writes, style = ("would write" if n else "up to date"), str(n), ""
        elif r is None:
            result, writes, style = "up to date", "0", "dim"
        elif r.failed:
            result, writes, style = result_note(plan, r), str(len(r.done)), "bold red"
        else:
            result, writes, style = "ok", str(len(r.done)), "green"
        table.add_row(
            escape(plan.account),
            plan.mode,
            f"[{style}]{escape(result)}[/]" if style else escape(result),
            writes,
            escape(_doc_link(plan, r)),
        )
    for account, why in skipped.items():
        table.add_row(escape(account), "—", f"[dim]skipped: {escape(why)}[/]", "0", "")
    console.print()
    print_table(console, table)
    _print_details(console, results)
    done = "would write" if not applied else "handed off or updated"
    console.print(
        f"{len(plans)} account(s): {counts['changed']} {done}, {counts['up_to_date']} up to date, "
        f"{counts['failed']} failed, {counts['blocked']} blocked; {len(skipped)} skipped"
    )
    if sheet_written:
        console.print("[dim]sheet: status, links, run log and state written in one batch[/]")


def count_results(
    plans: Sequence[AccountPlan], results: Sequence[AccountResult], *, applied: bool
) -> dict[str, int]:
    """How many accounts were (or would be) changed, up to date, failed, blocked; write requests."""
    by_account = {r.account: r for r in results}
    counts = {"changed": 0, "up_to_date": 0, "failed": 0, "blocked": 0, "writes": 0}
    for plan in plans:
        r = by_account.get(plan.account)
        if plan.blocked:
            counts["blocked"] += 1
        elif not applied:
            n = planned_requests(plan)
            counts["changed" if n else "up_to_date"] += 1
            counts["writes"] += n
        elif r is None:
            counts["up_to_date"] += 1
        else:
            counts["failed" if r.failed else "changed"] += 1
            counts["writes"] += len(r.done)
    return counts


def _print_details(console: Console, results: Sequence[AccountResult]) -> None:
    """What the table cannot hold: what a failed account wrote first, and read-back warnings."""
    for r in results:
        if r.failed and r.done:
            console.print(
                f"[bold red]✗ {escape(r.account)}[/]: written before the failure: {', '.join(r.done)}"
            )
        for p in r.problems:
            console.print(f"[yellow]{escape(r.account)} {p.severity.value}:[/] {escape(p.message)}")
