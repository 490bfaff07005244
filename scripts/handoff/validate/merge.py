"""Merge the sheet and the TDD, field by field, into typed values with their provenance.

Per catalogue field: the sheet's cell (if filled in) and the TDD's value (production sections
first, then unsectioned ones; trial/POC values never) are each converted to the field's type
(`validate.read_value`: a spreadsheet error value such as `#REF!` in a cell, or a value over
1,000 characters, cannot be read).
The first source in the field's `sources` that has a value wins (the sheet, by default); the
other fills a blank. When both have a valid value and they differ (numbers by more than the
catalogue's tolerance, 1%, after unit conversion; lists as sets; text after vocabulary
normalisation), the disagreement is recorded with both values and both places. On a field that
goes to Vitally or into the doc's deployment tables (`blocks`) it is an error at the sheet cell,
so a final handoff stops until a source is corrected or `--accept FIELD=sheet|tdd` chooses one
(in a `--draft`, a warning); on any other field, a warning at the winning place. An accepted
choice is an info line, and the disagreement stays recorded (`accepted`) for the doc, the
Vitally note and the run log. A value that cannot be read is an error at its place when it
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

from handoff.core.errors import UsageError
from handoff.core.fields import NUMERIC_TYPES, Catalogue, Field, FieldType, resolve_field
from handoff.core.model import AccountRecord, Disagreement, FieldValue, Location, Problem, Severity, TddValue
from handoff.core.redact import mask
from handoff.core.units import ParseError, describe, tidy_number, unit_in_label
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
        if f.type is FieldType.DATE and shown.isdigit():  # a real date cell, read as its serial number
            shown = value.isoformat()
        elif f.type in NUMERIC_TYPES and re.fullmatch(r"-?\d+(?:\.\d+)?", shown):  # a number cell: 4,200
            shown = describe(tidy_number(float(shown), 9))
        return Candidate(source, shown, location, value)
    except ParseError as exc:
        return Candidate(source, shown, location, None, exc)


def tdd_candidates(f: Field, values: Sequence[TddValue]) -> list[TddValue]:
    """The TDD values usable for `f`, best first: production before unsectioned, labelled before derived."""
    usable = [v for v in values if v.field == f.name and v.section != "trial"]
    production = [v for v in usable if v.section == "production"]
    tier = production or [v for v in usable if v.section == ""]
    return sorted(tier, key=lambda v: v.derived)  # stable: document order within each kind


# Shown in the doc's deployment tables (templates/partials/deployment.html.j2, code_hosts.html.j2)
# without a Vitally trait; with the trait fields, a disagreement on them stops a final handoff.
DOC_TABLE_FIELDS = frozenset({"environments", "total_repo_size_gb"})
ACCEPT_SOURCES = ("sheet", "tdd")


def blocks(f: Field) -> bool:
    """Whether a sheet/TDD disagreement on `f` stops a final handoff (Vitally or a deployment table)."""
    return f.vitally is not None or f.name in DOC_TABLE_FIELDS


def parse_accepts(catalogue: Catalogue, raw: Sequence[str]) -> dict[str, str]:
    """`--accept FIELD=sheet|tdd` options → {field name: source}; UsageError (exit 2) on a bad one."""
    out: dict[str, str] = {}
    for item in raw:
        name, sep, source = item.partition("=")
        source = source.strip().casefold()
        if not sep or source not in ACCEPT_SOURCES:
            raise UsageError(
                f"--accept {item!r}: say which source to use, sheet or tdd",
                fix="write --accept FIELD=sheet or --accept FIELD=tdd, e.g. --accept total_cpu=tdd",
            )
        f = resolve_field(catalogue, name.strip(), "--accept")
        if not set(ACCEPT_SOURCES) <= set(f.sources) or f.writeback:
            raise UsageError(
                f"--accept {item!r}: {f.label} comes from the {' and '.join(f.sources)} only, "
                "so there is nothing to choose",
                fix="--accept takes a field both the sheet and the TDD give (config/fields.toml sources)",
            )
        if out.get(f.name, source) != source:
            raise UsageError(
                f"--accept names {f.name} twice, once with sheet and once with tdd",
                fix=f"keep one: --accept {f.name}=sheet or --accept {f.name}=tdd",
            )
        out[f.name] = source
    return out


def _order(f: Field, found: Mapping[str, Candidate], chosen: str | None) -> list[str]:
    """The sources that gave `f` a value, the winner first: the one --accept chose, else by `sources`."""
    order = [s for s in f.sources if s in found]
    return [chosen, *(s for s in order if s != chosen)] if chosen in order else order


def merge_fields(
    record: AccountRecord,
    tdd_values: Sequence[TddValue],
    catalogue: Catalogue,
    unit_hints: Mapping[str, str] | None = None,
    accept: Mapping[str, str] | None = None,
    draft: bool = False,
) -> Merged:
    """`accept`: field name -> the source chosen with --accept; `draft`: disagreements warn only."""
    hints = unit_hints or {}
    accept = accept or {}
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
        chosen = accept.get(f.name)
        order = _order(f, found, chosen)
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
                d = Disagreement(
                    f.name,
                    sheet.text,
                    sheet.location,
                    tdd_c.text,
                    tdd_c.location,
                    win.source,
                    blocks(f),
                    chosen == win.source,
                )
                disagreements.append(d)
                problems.append(_disagreement(f, d, sheet, tdd_c, draft))
    return Merged(fields, tuple(problems), tuple(disagreements))


def _disagreement(f: Field, d: Disagreement, sheet: Candidate, tdd: Candidate, draft: bool) -> Problem:
    """The problem a disagreement makes: info once accepted; an error (a warning in a draft, or on a
    field outside Vitally and the deployment tables) otherwise. Both values, both places."""
    both = (
        f"{f.label}: the sheet says {_show(f, sheet)} ({sheet.location.ref}) but the TDD says "
        f"{_show(f, tdd)} ({tdd.location.ref.removeprefix('TDD ')})"
    )
    win = sheet if d.winner == "sheet" else tdd
    if d.accepted:
        return Problem(
            Severity.INFO,
            f"{both}; the {d.winner} value is used, as --accept {f.name}={d.winner} asks",
            f.name,
            win.location,
            f"correct {where(tdd.location if d.winner == 'sheet' else sheet.location)} when you can",
        )
    fix = f"correct {sheet.location.ref} or the TDD, whichever is out of date"
    if not d.blocking:
        return Problem(Severity.WARNING, f"{both}; the {d.winner} value is used", f.name, win.location, fix)
    fix += f", or choose one: --accept {f.name}=sheet or --accept {f.name}=tdd"
    if draft:
        return Problem(
            Severity.WARNING,
            f"{both}; this draft shows the {d.winner} value, and a final handoff stops here",
            f.name,
            sheet.location,
            fix,
        )
    return Problem(Severity.ERROR, f"{both}: which one is right?", f.name, sheet.location, fix)


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
