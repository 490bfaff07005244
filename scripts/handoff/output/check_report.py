"""What `handoff check` and `handoff tdd` print: a readable report (rich) or JSON.

Text report, per account: a heading with the counts, the fields (value and where it came
from; a required field that is missing says so), then the problems grouped by severity, each
with its place and its fix. With several accounts a summary table closes the report.

JSON: one object per account, `Handoff.to_json()`:
`{"account", "fields": {name: {"value", "text", "source", "location"}}, "problems": [{"severity",
"field", "message", "location", "fix"}], "disagreements", "checklist", "ready"}`; one object for
a single named account, a list otherwise. Values from the sheet or a TDD are printed as text,
never as markup.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from handoff.core.model import Handoff, Problem, Severity, TddValue
from handoff.core.redact import mask
from handoff.core.units import describe

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from handoff.core.fields import Catalogue

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SEVERITY_TITLE = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Notes"}


def plural_count(n: int, word: str) -> str:
    """`1 error`, `2 errors`."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _source(source: str, ref: str) -> Text:
    """Where a value came from, as text: a TDD's headings are the document's words, not markup."""
    from rich.text import Text

    return Text(ref if source == "tdd" else f"sheet {ref}")


def handoff_json(handoff: Handoff) -> dict[str, Any]:
    return handoff.to_json()


def print_json(console: Console, handoffs: Sequence[Handoff], *, single: bool) -> None:
    data: Any = handoff_json(handoffs[0]) if single and handoffs else [handoff_json(h) for h in handoffs]
    console.out(json.dumps(data, indent=2, ensure_ascii=False), highlight=False)


def print_check(
    console: Console, handoffs: Sequence[Handoff], catalogue: Catalogue, notices: Sequence[Problem] = ()
) -> None:
    from rich.text import Text

    if notices:
        console.print(Text("The sheet", style="bold"))
        _print_problems(console, notices)
        console.print()
    for h in handoffs:
        print_handoff(console, h, catalogue)
    if len(handoffs) > 1:
        print_summary(console, handoffs)


def print_handoff(console: Console, handoff: Handoff, catalogue: Catalogue) -> None:
    from rich.table import Table
    from rich.text import Text

    name = handoff.value("account_name")
    done, total = handoff.checklist_done
    head = Text(handoff.account, style="bold")
    if name:
        head.append(f" ({name})")
    head.append(
        f": {plural_count(len(handoff.errors), 'error')}, {plural_count(len(handoff.warnings), 'warning')}; "
        f"checklist {done}/{total}" + ("; ready" if handoff.ready else "")
    )
    console.print(head)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, expand=True)
    table.add_column("field", no_wrap=True)
    table.add_column("value", overflow="fold", ratio=2)
    table.add_column("from", style="dim", overflow="fold", ratio=3)
    for f in catalogue.fields.values():
        fv = handoff.fields.get(f.name)
        if fv is None:
            if f.required:
                table.add_row(f.name, Text("missing", style="red"), "")
            continue
        if fv.value is None:
            value = Text(fv.text, style="red")
        else:
            shown = describe(fv.value)
            value = Text(shown + (f" {f.unit}" if f.unit else ""))
            if f.unit and shown.replace(",", "") != fv.text.replace(",", ""):
                value.append(f" ({fv.text})", style="dim")
        table.add_row(f.name, value, _source(fv.source, fv.location.ref))
    console.print(table)
    if handoff.problems:
        _print_problems(console, handoff.problems)
    console.print()


def _print_problems(console: Console, problems: Sequence[Problem]) -> None:
    from rich.text import Text

    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [p for p in problems if p.severity is severity]
        if not group:
            continue
        console.print(Text(f"{SEVERITY_TITLE[severity]} ({len(group)})", style=SEVERITY_STYLE[severity]))
        for p in group:
            line = Text("  • ")
            if p.field:
                line.append(f"{p.field}: ", style="bold")
            line.append(p.message)
            console.print(line)
            if p.location:
                console.print(Text(f"      at {p.location}", style="dim"))
            if p.fix:
                console.print(Text(f"      fix: {p.fix}"))


def print_summary(console: Console, handoffs: Sequence[Handoff]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Summary", show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("account", "errors", "warnings", "checklist", "ready"):
        table.add_column(col)
    for h in handoffs:
        done, total = h.checklist_done
        table.add_row(
            Text(h.account),
            Text(str(len(h.errors)), style="red" if h.errors else ""),
            Text(str(len(h.warnings)), style="yellow" if h.warnings else ""),
            f"{done}/{total}",
            "yes" if h.ready else "no",
        )
    console.print(table)


# --------------------------------------------------------------------------------------------
# handoff tdd FILE


def tdd_json(values: Sequence[TddValue]) -> list[dict[str, Any]]:
    return [
        {
            "field": v.field,
            "label": mask(v.label),
            "text": mask(v.text),
            "section": v.section or None,
            "location": str(v.location),
            "link": mask(v.link) if v.link else None,
            "derived": v.derived,
        }
        for v in values
    ]


def print_tdd_json(console: Console, values: Sequence[TddValue]) -> None:
    console.out(json.dumps(tdd_json(values), indent=2, ensure_ascii=False), highlight=False)


def print_tdd(console: Console, values: Sequence[TddValue], name: str) -> None:
    from rich.table import Table
    from rich.text import Text

    matched = sum(1 for v in values if v.field)
    console.print(
        Text(
            f"{name}: {plural_count(len(values), 'labelled value')}, {matched} matched to fields",
            style="bold",
        )
    )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, expand=True)
    table.add_column("field", no_wrap=True)
    table.add_column("section", style="dim", no_wrap=True)
    for col, style, ratio in (("label", "", 2), ("value", "", 3), ("location", "dim", 4)):
        table.add_column(col, style=style, overflow="fold", ratio=ratio)
    for v in values:
        table.add_row(
            Text(v.field or "—", style="" if v.field else "dim"),
            v.section or "",
            Text(mask(v.label)),
            Text(mask(v.text)),
            Text(v.location.ref.removeprefix("TDD ")),
        )
    console.print(table)
    if any(v.section == "trial" for v in values):
        console.print(Text("values in a trial section are shown but never used", style="dim"))
