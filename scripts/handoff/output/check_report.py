"""What `handoff check` and `handoff tdd` print: a readable report (rich) or JSON.

Text report, per account: a heading with the counts, the fields (value and where it came
from; a required field that is missing says so), then the problems grouped by severity, each
with its place and its fix. With several accounts a summary table closes the report. `-q`
keeps the heading line and the errors and warnings (no fields, no notes); `-v` adds the
optional fields that have no value and, for a field the sheet and the TDD disagree on, both
values with their places.

JSON: one object per account, `Handoff.to_json()`:
`{"account", "fields": {name: {"value", "text", "source", "location"}}, "problems": [{"severity",
"field", "message", "location", "fix"}], "disagreements", "checklist", "ready", "readiness":
{"ready", "reason", "skipped"}}`; one object for a single named account, a list otherwise.
`ready` is what `run --all` takes (validate/readiness.py): the checklist complete and no error,
the Vitally checks' included; `readiness.skipped` names the checks that could not run. Values
from the sheet or a TDD are printed as text, never as markup.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from handoff.core.model import Handoff, Problem, Severity, TddValue
from handoff.core.redact import mask
from handoff.core.units import describe
from handoff.output.terminal import print_table

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.fields import Catalogue
    from handoff.validate.readiness import Readiness

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SEVERITY_TITLE = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Notes"}


def plural_count(n: int, word: str) -> str:
    """`1 error`, `2 errors`."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _source(source: str, ref: str) -> Text:
    """Where a value came from, as text: a TDD's headings are the document's words, not markup."""
    return Text(ref if source == "tdd" else f"sheet {ref}")


Readinesses = Mapping[str, "Readiness"]  # account -> its readiness


def handoff_json(handoff: Handoff, readiness: Readiness | None = None) -> dict[str, Any]:
    data = handoff.to_json()
    if readiness is not None:
        data["ready"] = readiness.ready
        data["readiness"] = readiness.to_json()
    return data


def print_json(
    console: Console, handoffs: Sequence[Handoff], *, single: bool, readiness: Readinesses | None = None
) -> None:
    got = readiness or {}
    items = [handoff_json(h, got.get(h.account)) for h in handoffs]
    data: Any = items[0] if single and items else items
    console.out(json.dumps(data, indent=2, ensure_ascii=False), highlight=False)


def print_check(
    console: Console,
    handoffs: Sequence[Handoff],
    catalogue: Catalogue,
    notices: Sequence[Problem] = (),
    readiness: Readinesses | None = None,
    *,
    verbosity: int = 0,
) -> None:
    if notices:
        console.print(Text("The sheet", style="bold"))
        _print_problems(console, notices, verbosity)
        console.print()
    for h in handoffs:
        print_handoff(console, h, catalogue, (readiness or {}).get(h.account), verbosity)
    if len(handoffs) > 1:
        print_summary(console, handoffs, readiness)


def print_handoff(
    console: Console,
    handoff: Handoff,
    catalogue: Catalogue,
    readiness: Readiness | None = None,
    verbosity: int = 0,
) -> None:
    name = handoff.value("account_name")
    done, total = handoff.checklist_done
    head = Text(handoff.account, style="bold")
    if name:
        head.append(f" ({name})")
    head.append(
        f": {plural_count(len(handoff.errors), 'error')}, {plural_count(len(handoff.warnings), 'warning')}; "
        f"checklist {done}/{total}"
    )
    if readiness is not None:
        head.append("; ready" if readiness.ready else "; not ready", style="green" if readiness.ready else "")
    console.print(head)
    if readiness is not None and readiness.skipped:
        console.print(Text(f"  not checked: {readiness.skipped}", style="yellow"))
    if verbosity >= 0:
        print_table(console, _fields_table(handoff, catalogue, verbosity))
    if verbosity > 0:
        _print_disagreements(console, handoff)
    if handoff.problems:
        _print_problems(console, handoff.problems, verbosity)
    console.print()


def _fields_table(handoff: Handoff, catalogue: Catalogue, verbosity: int) -> Any:
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, expand=True)
    table.add_column("field", no_wrap=True)
    table.add_column("value", overflow="fold", ratio=2)
    table.add_column("from", style="dim", overflow="fold", ratio=3)
    for f in catalogue.fields.values():
        fv = handoff.fields.get(f.name)
        if fv is None:
            if f.required:
                table.add_row(f.name, Text("missing", style="red"), "")
            elif verbosity > 0:
                table.add_row(f.name, Text("not set", style="dim"), "")
            continue
        if fv.value is None:
            value = Text(fv.text, style="red")
        else:
            shown = describe(fv.value)
            value = Text(shown + (f" {f.unit}" if f.unit else ""))
            if f.unit and shown.replace(",", "") != fv.text.replace(",", ""):
                value.append(f" ({fv.text})", style="dim")
        table.add_row(f.name, value, _source(fv.source, fv.location.ref))
    return table


def _print_disagreements(console: Console, handoff: Handoff) -> None:
    if not handoff.disagreements:
        return
    console.print(Text(f"Sheet and TDD disagree ({len(handoff.disagreements)})", style="cyan"))
    for d in handoff.disagreements:
        console.print(Text(f"  • {d.field}: {d.winner} wins"))
        console.print(Text(f"      sheet {d.sheet_text!r} at {d.sheet_location}", style="dim"))
        console.print(Text(f"      TDD {d.tdd_text!r} at {d.tdd_location}", style="dim"))


def _print_problems(console: Console, problems: Sequence[Problem], verbosity: int = 0) -> None:
    shown = (Severity.ERROR, Severity.WARNING) if verbosity < 0 else tuple(Severity)
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        if severity not in shown:
            continue
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


def print_summary(
    console: Console, handoffs: Sequence[Handoff], readiness: Readinesses | None = None
) -> None:
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
            _ready_cell(readiness, h.account),
        )
    print_table(console, table)


def _ready_cell(readiness: Readinesses | None, account: str) -> str:
    r = (readiness or {}).get(account)
    if r is None:
        return "?"
    return "yes" if r.ready else ("not checked" if r.skipped else "no")


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
    print_table(console, table)
    if any(v.section == "trial" for v in values):
        console.print(Text("values in a trial section are shown but never used", style="dim"))
