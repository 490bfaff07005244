"""`handoff tdd` output: the TDD's value per field, the lines not placed, the TDD's problems.

JSON: one object `{"source", "fields": {NAME: {"value", "text", "location", "section", "how"}},
"unplaced": [{"text", "location"}], "problems": [...]}`; `value` is normalised exactly as
`handoff check --json` reports it. A field the TDD states with two different values, or with a
value another of its values contradicts (validate/agreement.py), is not in `fields` (no value is
used, as in a run); its problem names each value and place. Text: a table
of the same, then the unplaced lines and the problems. URL passwords are masked everywhere (the
merge and the reader mask what they keep).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from rich.text import Text

from handoff.core.units import describe
from handoff.output.check_report import plural_count

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.fields import Catalogue
    from handoff.read.gather import TddReading
    from handoff.validate.tdd_view import TddView


def tdd_json(source: str, view: TddView, reading: TddReading) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, fv in view.fields.items():
        chosen = view.chosen.get(name)
        fields[name] = {
            "value": fv.to_json()["value"],
            "text": fv.text,
            "location": str(fv.location),
            "section": (chosen.section if chosen else "") or None,
            "how": chosen.how if chosen and chosen.how else "label",
        }
    return {
        "source": source,
        "fields": fields,
        "unplaced": [{"text": u.text, "location": str(u.location)} for u in reading.unplaced],
        "problems": [p.to_json() for p in (*reading.problems, *view.problems)],
    }


def print_json(console: Console, source: str, view: TddView, reading: TddReading) -> None:
    console.out(json.dumps(tdd_json(source, view, reading), indent=2, ensure_ascii=False), highlight=False)


def print_text(
    console: Console, source: str, view: TddView, reading: TddReading, catalogue: Catalogue
) -> None:
    tdd_fields = [f for f in catalogue.fields.values() if f.from_tdd and not f.writeback]
    console.print(Text(f"{source}: {len(view.fields)} of {len(tdd_fields)} TDD fields found", style="bold"))
    for f in tdd_fields:
        fv = view.fields.get(f.name)
        if fv is None:
            why = " (the TDD's values disagree: see the problems below)" if f.name in view.conflicted else ""
            console.print(Text(f"  {f.label}: —{why}", style="dim"), soft_wrap=True)
            continue
        chosen = view.chosen.get(f.name)
        how = chosen.how if chosen and chosen.how else "label"
        where = fv.location.ref.removeprefix("TDD ")
        line = Text(f"  {f.label}: ") + Text(
            describe(fv.value) if fv.value is not None else "(cannot be read)"
        )
        if fv.text != describe(fv.value):
            line += Text(f"  ({fv.text})", style="dim")
        console.print(line + Text(f"  ← {where} · {how}", style="dim"), soft_wrap=True)
    if reading.unplaced:
        console.print()
        console.print(Text(f"{plural_count(len(reading.unplaced), 'line')} that look like deployment facts "
                           "but were not placed:", style="bold"))  # fmt: skip
        for u in reading.unplaced:
            place = Text(f"  {u.location.ref.removeprefix('TDD ')}: ", style="dim")
            console.print(place + Text(u.text), soft_wrap=True)
    problems = (*reading.problems, *view.problems)
    if problems:
        console.print()
        for p in problems:
            console.print(Text(f"{p.severity.value}: {p.message}", style="yellow"), soft_wrap=True)
            if p.fix:
                console.print(Text(f"  fix: {p.fix}", style="dim"), soft_wrap=True)
    if any(v.section == "trial" and v.field for v in reading.values):
        console.print(Text("values in trial, POC, pilot or staging parts are never used", style="dim"))
