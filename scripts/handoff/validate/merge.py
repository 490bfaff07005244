"""Merge the sheet and the TDD, field by field, into typed values with their provenance.

Per catalogue field: the sheet's cell (if filled in) and the TDD's value (production sections
first, then unsectioned ones; trial/POC values never) are each converted to the field's type
(`validate.read_value`: a spreadsheet error value such as `#REF!` in a cell, or a value over
1,000 characters, cannot be read).
The first source in the field's `sources` that has a value wins (the sheet, by default); the
other fills a blank. When both have a valid value and they differ (numbers by more than the
catalogue's tolerance, 1%, after unit conversion; lists as sets; text after vocabulary
normalisation), the disagreement is recorded with both values and both places, and reported
as a warning at the winning place. A value that cannot be read is an error at its place when it
would win, and a warning when the other source wins anyway.

Within the TDD, a value written under a label (`Total CPU: 48 vCPU`, a label/value table row) is
preferred to one gathered from a table's columns (an instance table); if two TDD values for a
field disagree, the TDD's inconsistency is reported too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from handoff.core.fields import Catalogue, Field
from handoff.core.model import AccountRecord, Disagreement, FieldValue, Location, Problem, Severity, TddValue
from handoff.core.redact import mask
from handoff.core.units import ParseError, describe, unit_in_label
from handoff.validate.rules import MAX_VALUE_CHARS, clip, read_value, same_value, where


@dataclass(frozen=True)
class Candidate:
    source: str  # "sheet" | "tdd"
    text: str  # as written (secrets masked)
    location: Location
    value: Any = None
    error: ParseError | None = None


@dataclass(frozen=True)
class Merged:
    fields: Mapping[str, FieldValue]
    problems: tuple[Problem, ...]
    disagreements: tuple[Disagreement, ...]


PLACEHOLDERS = frozenset({"n/a", "na", "n.a.", "none", "-", "–", "—", "tbd", "tbc", "unknown"})


def is_placeholder(text: str) -> bool:
    """`n/a`, `none`, `-`, `TBD`…: a person saying "no value", not a value."""
    return " ".join(text.casefold().split()) in PLACEHOLDERS


def _candidate(
    f: Field, source: str, text: str, location: Location, hint: str | None, reading: str = ""
) -> Candidate:
    """`text` as written (shown), read as `f`; `reading` is the TDD reader's canonical text for it, if any."""
    shown = mask(text.strip())
    if len(shown) > MAX_VALUE_CHARS:
        shown = clip(shown)  # an over-long value is reported by its length, never repeated whole
    if is_placeholder(reading or text):  # only a required field gets here: an optional one is "not recorded"
        error = ParseError(f"'{shown}' is a placeholder, and this field is required", "write the value")
        return Candidate(source, shown, location, None, error)
    try:
        value = read_value(f, reading or text, hint, from_sheet=source == "sheet", limit=MAX_VALUE_CHARS)
        return Candidate(source, shown, location, value)
    except ParseError as exc:
        return Candidate(source, shown, location, None, exc)


def tdd_candidates(f: Field, values: Sequence[TddValue]) -> list[TddValue]:
    """The TDD values usable for `f`, best first: production before unsectioned, labelled before derived."""
    usable = [v for v in values if v.field == f.name and v.section != "trial"]
    production = [v for v in usable if v.section == "production"]
    tier = production or [v for v in usable if v.section == ""]
    return sorted(tier, key=lambda v: v.derived)  # stable: document order within each kind


def merge_fields(
    record: AccountRecord,
    tdd_values: Sequence[TddValue],
    catalogue: Catalogue,
    unit_hints: Mapping[str, str] | None = None,
) -> Merged:
    hints = unit_hints or {}
    tol = catalogue.checks.tolerance
    fields: dict[str, FieldValue] = {}
    problems: list[Problem] = []
    disagreements: list[Disagreement] = []
    for f in catalogue.fields.values():
        found: dict[str, Candidate] = {}
        cell = record.row.cells.get(f.name)
        if "sheet" in f.sources and cell is not None and cell.value:
            if is_placeholder(cell.value) and not f.required and not f.writeback:
                problems.append(_not_recorded(f, cell.value, cell.location))
            else:
                found["sheet"] = _candidate(f, "sheet", cell.value, cell.location, hints.get(f.name))
        if f.from_tdd and not f.writeback:
            tdd = [
                _candidate(f, "tdd", v.text, v.location, unit_in_label(v.label), v.value)
                for v in tdd_candidates(f, tdd_values)
                if f.required or not is_placeholder(v.value or v.text)
            ]
            if tdd:
                found["tdd"] = tdd[0]
                problems += _tdd_conflicts(f, tdd, tol)
        order = [s for s in f.sources if s in found]
        if not order:
            continue
        win = found[order[0]]
        fields[f.name] = FieldValue(f.name, win.value, win.text, win.source, win.location)
        if f.writeback:
            continue
        if win.error is not None:
            other = [found[s] for s in order[1:] if found[s].error is None]
            also = f"; {where(other[0].location)} says '{other[0].text}'" if other else ""
            problems.append(
                Problem(
                    Severity.ERROR,
                    f"{f.label}: {win.error.message}",
                    f.name,
                    win.location,
                    f"correct {where(win.location)}: {win.error.fix or 'see the message'}{also}",
                )
            )
        for s in order[1:]:
            lose = found[s]
            if lose.error is not None:
                problems.append(
                    Problem(
                        Severity.WARNING,
                        f"{f.label}: {where(lose.location)} says '{lose.text}', which cannot be read "
                        f"({lose.error.message}); "
                        f"{where(win.location)} is used",
                        f.name,
                        lose.location,
                        f"correct {where(lose.location)}: {lose.error.fix or 'see the message'}",
                    )
                )
            elif win.error is None and not same_value(f, win.value, lose.value, tol):
                sheet, tdd_c = (win, lose) if win.source == "sheet" else (lose, win)
                disagreements.append(
                    Disagreement(f.name, sheet.text, sheet.location, tdd_c.text, tdd_c.location, win.source)
                )
                problems.append(
                    Problem(
                        Severity.WARNING,
                        f"{f.label}: the sheet says {_show(f, sheet)} but the TDD says {_show(f, tdd_c)} "
                        f"({tdd_c.location.ref.removeprefix('TDD ')}); the {win.source} value is used",
                        f.name,
                        win.location,
                        f"make them agree: correct whichever is out of date, {win.location.ref} or the TDD",
                    )
                )
    return Merged(fields, tuple(problems), tuple(disagreements))


def _not_recorded(f: Field, text: str, location: Location) -> Problem:
    return Problem(
        Severity.INFO,
        f"{f.label}: '{text.strip()}' means not recorded (the field is optional)",
        f.name,
        location,
        f"write the value in {where(location)} when it is known",
    )


def _show(f: Field, c: Candidate) -> str:
    typed = describe(c.value)
    shown = f"'{c.text}'"
    written = re.match(r"[\d,.]+", c.text.strip())
    if f.unit and (written is None or written.group(0).replace(",", "") != typed.replace(",", "")):
        shown += f" (= {typed} {f.unit})"  # '2 TB' (= 2,000 GB); never '224 GiB' (= 224 GB)
    return shown


def _tdd_conflicts(f: Field, candidates: Sequence[Candidate], tol: float) -> list[Problem]:
    """Two usable TDD values for one field that disagree: the first is used, the conflict reported."""
    first = candidates[0]
    if first.error is not None:
        return []
    for other in candidates[1:]:
        if other.error is None and not same_value(f, first.value, other.value, tol):
            return [
                Problem(
                    Severity.WARNING,
                    f"{f.label}: the TDD gives two different values, '{first.text}' "
                    f"({first.location.ref.removeprefix('TDD ')}) and '{other.text}' "
                    f"({other.location.ref.removeprefix('TDD ')}); the first is used",
                    f.name,
                    other.location,
                    "correct the TDD so it states one value",
                )
            ]
    return []
