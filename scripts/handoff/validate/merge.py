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
preferred to one gathered from a table's columns (an instance table). When the TDD states a field
with two or more different usable values, no TDD value is used: taking the first would be a
guess. A readable sheet value then wins; if it equals one of the TDD's values it settles the
conflict (an info line), otherwise it disagrees with all of them (as above, naming every place,
and only `--accept FIELD=sheet` can choose). With no sheet value the field is left empty and the
conflict is its one problem (not "required but missing" as well: `Merged.unsettled`): an error in
a final run on a field that blocks, else a warning, naming each value and place, with the fix
"correct the TDD so it states one value, or write the right value in <the sheet cell>".

Values the TDD gives that contradict each other (`validate.agreement`: total CPU or memory against
the instance types, a disk smaller than the repositories, a largest repository above them all,
monorepos above repositories, completion before start) are not used either, when every value
of the relation comes from the TDD: at least one is wrong and the tool cannot know which. The
fields join `unsettled`, and one problem names each value with its place and what the other
implies, with the fix "correct the TDD so they agree, or write the right values in <the sheet
cells>" (severity as a TDD conflict's). A sheet value on
either side settles the relation: the TDD side is kept, and `validate.rules` checks the pair.
When two of three values agree (the instance types and one total, by published figures), the
third is the odd one out: only it is withheld, and its problem names all three places. A whole
smaller than one of its production parts (a total disk below one volume's `3 × 600 GB`) is not
used either; the part is no field, so only the whole is withheld.
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
from handoff.core.units import (
    ParseError,
    describe,
    same_size_two_ways,
    size_prefix,
    tidy_number,
    unit_in_label,
)
from handoff.validate import agreement
from handoff.validate.rules import MAX_VALUE_CHARS, clip, read_value, same_value, where


@dataclass(frozen=True)
class Candidate:
    source: str  # "sheet" | "tdd"
    text: str  # as written (secrets masked)
    location: Location
    value: Any = None
    error: ParseError | None = None
    prefix: str = ""  # a size's unit prefix as written (`m` for `131072 MiB`): see _same


@dataclass(frozen=True)
class Merged:
    fields: Mapping[str, FieldValue]
    problems: tuple[Problem, ...]
    disagreements: tuple[Disagreement, ...]
    # fields left empty because the TDD states two different values, or values that contradict
    # another field's (validate.agreement), and the sheet gives none: the conflict is their one
    # problem (validate_fields does not call them missing as well)
    unsettled: frozenset[str] = frozenset()


PLACEHOLDERS = frozenset({"n/a", "na", "n.a.", "none", "-", "–", "—", "tbd", "tbc", "unknown"})


def is_placeholder(text: str) -> bool:
    """`n/a`, `none`, `-`, `TBD`…: a person saying "no value", not a value."""
    return " ".join(text.casefold().split()) in PLACEHOLDERS


_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")  # a number cell as the sheet gives it


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
        elif f.type in NUMERIC_TYPES and _PLAIN_NUMBER.fullmatch(shown):  # a number cell: 4,200
            shown = describe(tidy_number(float(shown), 9))
        prefix = size_prefix(text, hint or f.unit or "") if f.unit and f.type is FieldType.QUANTITY else ""
        return Candidate(source, shown, location, value, prefix=prefix)
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
    unsettled: set[str] = set()
    in_sheet: set[str] = set()
    for f in catalogue.fields.values():
        found = _in_sheet(f, record, hints.get(f.name), problems)
        if found:
            in_sheet.add(f.name)
        stated = _in_tdd(f, tdd_values, tol, found)
        chosen = accept.get(f.name)
        if len(stated) > 1:  # the TDD states the field twice, differently: no TDD value is used
            fv, found_problems, found_d = _tdd_conflict(
                f, found.get("sheet"), stated, record, chosen, tol, draft
            )
        else:
            fv, found_problems, found_d = _resolve(f, found, chosen, tol, draft)
        problems += found_problems
        disagreements += found_d
        if fv is not None:
            fields[f.name] = fv
        elif len(stated) > 1:
            unsettled.add(f.name)
    tdd_only = {name: fv for name, fv in fields.items() if name not in in_sheet}
    production = [v for v in tdd_values if v.section == "production"]  # a whole's parts: never a trial's
    for b in agreement.broken(tdd_only, catalogue, production):  # the TDD contradicts itself: not used
        problems.append(_contradiction(b, record, catalogue, draft))
        unsettled.update(b.withheld)
    fields = {name: fv for name, fv in fields.items() if name not in unsettled}
    return Merged(fields, tuple(problems), tuple(disagreements), frozenset(unsettled))


def _contradiction(b: agreement.Broken, record: AccountRecord, catalogue: Catalogue, draft: bool) -> Problem:
    """The problem of TDD values that contradict each other: each value, its place and what the other
    implies; an error on a field that blocks in a final run, else a warning (as a TDD conflict).
    When the two others agree (`b.odd_one_out`), it says only the first value is not used."""
    first, *_ = b.values
    targets = [catalogue.fields[name] for name in b.withheld]
    cells = [_sheet_place(f, record) for f in targets if "sheet" in f.sources]
    label = targets[0].display_label
    label = label[:1].lower() + label[1:]  # "total CPU", "total memory"
    one_fix = f"correct the {label} in the TDD" + (
        f", or write the right value in {cells[0]}" if cells else ""
    )
    if b.odd_one_out:
        fix = one_fix
        odd = f"the {label} is the odd one out"
        quiet, draft_note, final = f"{odd}, so only it is not used", f"{odd}: this draft leaves it empty", ""
    elif len(b.withheld) == 1:  # a whole smaller than one of its parts: the part is no field
        fix = one_fix
        quiet, draft_note, final = f"the {label} is not used", "this draft leaves it empty", ""
    else:
        fix = "correct the TDD so they agree" + (
            f", or write the right values in {' and '.join(cells)}" if cells else ""
        )
        quiet, draft_note, final = (
            "neither is used",
            "this draft leaves both empty",
            "at least one is wrong, so ",
        )
    if not any(blocks(f) for f in targets):
        return Problem(Severity.WARNING, f"{b.message}; {quiet}", first.name, first.location, fix)
    if draft:
        message = f"{b.message}; {draft_note}, and a final handoff stops here"
        return Problem(Severity.WARNING, message, first.name, first.location, fix)
    message = f"{b.message}: {final}{quiet}"
    return Problem(Severity.ERROR, message, first.name, first.location, fix)


def _sheet_place(f: Field, record: AccountRecord) -> str:
    """Where the sheet gives `f`: its cell in the account's row, or its column when the sheet has none."""
    cell = record.row.cells.get(f.name)
    return cell.a1 if cell else f"the sheet's '{f.label}' column"


def _in_sheet(
    f: Field, record: AccountRecord, hint: str | None, problems: list[Problem]
) -> dict[str, Candidate]:
    """{"sheet": the cell's candidate} when the sheet gives `f`; a placeholder in an optional
    field is "not recorded" (an info line appended to `problems`)."""
    cell = record.row.cells.get(f.name)
    if "sheet" not in f.sources or cell is None or not cell.value:
        return {}
    if is_placeholder(cell.value) and not f.required and not f.writeback:
        problems.append(_not_recorded(f, cell.value, cell.location))
        return {}
    return {"sheet": _candidate(f, "sheet", cell.value, cell.location, hint)}


def _in_tdd(
    f: Field, tdd_values: Sequence[TddValue], tol: float, found: dict[str, Candidate]
) -> list[Candidate]:
    """The TDD's different usable values for `f`; when it states at most one, its best value
    (even one that cannot be read) goes into `found` as the TDD's candidate."""
    if not f.from_tdd or f.writeback:
        return []
    tdd = [
        _candidate(f, "tdd", v.text, v.location, unit_in_label(v.label), v.value)
        for v in tdd_candidates(f, tdd_values)
        if f.required or not is_placeholder(v.value or v.text)
    ]
    stated = _distinct(f, tdd, tol)
    if tdd and len(stated) < 2:
        found["tdd"] = stated[0] if stated and tdd[0].error is None else tdd[0]
    return stated


def _resolve(
    f: Field, found: Mapping[str, Candidate], chosen: str | None, tol: float, draft: bool
) -> tuple[FieldValue | None, list[Problem], list[Disagreement]]:
    """The winner among the sources that gave `f` a value, and what the others' values make."""
    problems: list[Problem] = []
    disagreements: list[Disagreement] = []
    order = _order(f, found, chosen)
    if not order:
        return None, [], []
    win = found[order[0]]
    fv = FieldValue(f.name, win.value, win.text, win.source, win.location)
    if f.writeback:
        return fv, [], []
    if win.error is not None:
        other = [found[s] for s in order[1:] if found[s].error is None]
        problems.append(_unreadable(f, win, other[0] if other else None))
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
        elif win.error is None and not _same(f, win, lose, tol):
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
            problems.append(_disagreement(f, d, sheet, [tdd_c], draft))
    return fv, problems, disagreements


def _unreadable(f: Field, win: Candidate, other: Candidate | None) -> Problem:
    """The winning value cannot be read: an error at its place, naming the other source's value."""
    assert win.error is not None
    also = f"; {where(other.location)} says '{other.text}'" if other else ""
    return Problem(
        Severity.ERROR,
        f"{f.label}: {win.error.message}",
        f.name,
        win.location,
        f"correct {where(win.location)}: {win.error.fix or 'see the message'}{also}",
    )


def _disagreement(
    f: Field, d: Disagreement, sheet: Candidate, tdds: Sequence[Candidate], draft: bool, note: str = ""
) -> Problem:
    """The problem a disagreement makes: info once accepted; an error (a warning in a draft, or on a
    field outside Vitally and the deployment tables) otherwise. Every value, every place. `tdds`:
    the TDD's value, or its several different values (then only the sheet's can be chosen)."""
    both = f"{f.label}: the sheet says {_show(f, sheet)} ({sheet.location.ref}) but the TDD says "
    both += _values(f, tdds)
    win_location = sheet.location if d.winner == "sheet" else d.tdd_location
    if d.accepted:
        return Problem(
            Severity.INFO,
            f"{both}; the {d.winner} value is used, as --accept {f.name}={d.winner} asks",
            f.name,
            win_location,
            f"correct {where(d.tdd_location if d.winner == 'sheet' else sheet.location)} when you can",
        )
    fix = f"correct {sheet.location.ref} or the TDD, whichever is out of date"
    if not d.blocking:
        return Problem(
            Severity.WARNING, f"{both}; the {d.winner} value is used{note}", f.name, win_location, fix
        )
    if len(tdds) > 1:
        fix += f" (the TDD must state one value), or keep the sheet's: --accept {f.name}=sheet"
    else:
        fix += f", or choose one: --accept {f.name}=sheet or --accept {f.name}=tdd"
    if draft:
        return Problem(
            Severity.WARNING,
            f"{both}; this draft shows the {d.winner} value, and a final handoff stops here{note}",
            f.name,
            sheet.location,
            fix,
        )
    return Problem(Severity.ERROR, f"{both}: which one is right?{note}", f.name, sheet.location, fix)


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


def _values(f: Field, candidates: Sequence[Candidate]) -> str:
    """`'64' (A › paragraph 1) and '48' (B › paragraph 9)`: each value with its place in the TDD."""
    shown = [f"{_show(f, c)} ({c.location.ref.removeprefix('TDD ')})" for c in candidates]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _distinct(f: Field, candidates: Sequence[Candidate], tol: float) -> list[Candidate]:
    """The different usable values among `candidates` (first of each kind, in order): two or more
    means the TDD contradicts itself on `f`."""
    out: list[Candidate] = []
    for c in candidates:
        if c.error is not None:
            continue
        same = [i for i, o in enumerate(out) if _same(f, o, c, tol)]
        if not same:
            out.append(c)
        elif f.unit and c.prefix == f.unit[0].lower() != out[same[0]].prefix:
            out[same[0]] = c  # one size written two ways: keep it as written in the field's unit
    return out


def _same(f: Field, a: Candidate, b: Candidate, tol: float) -> bool:
    """Equal values, or one size written with two prefixes, once counted in 1000s and once in 1024s
    (`128 GB` and vSphere's `131072 MiB`): the one size rule (core/units.py) reads the two 2.4%
    apart, but they are the same memory, not a contradiction."""
    if same_value(f, a.value, b.value, tol):
        return True
    return f.type is FieldType.QUANTITY and same_size_two_ways(a.value, a.prefix, b.value, b.prefix, tol)


COUNTS = {2: "two", 3: "three", 4: "four"}


def _tdd_conflict(
    f: Field,
    sheet: Candidate | None,
    stated: Sequence[Candidate],
    record: AccountRecord,
    chosen: str | None,
    tol: float,
    draft: bool,
) -> tuple[FieldValue | None, list[Problem], list[Disagreement]]:
    """A field the TDD states with two or more different values: no TDD value is used, as guessing
    one could send the wrong value to the TA and Vitally. A readable sheet value wins and settles
    it (info) when it equals one of them, and disagrees with all of them otherwise; with no sheet
    value, the field is left empty and the conflict is its one problem (an error on a field that
    goes to Vitally or into the deployment tables, a warning in a draft or on any other field)."""
    head = f"{f.label}: the TDD gives {COUNTS.get(len(stated), str(len(stated)))} different values, "
    head += _values(f, stated)
    note = f"; --accept {f.name}=tdd cannot choose between them" if chosen == "tdd" else ""
    if sheet is not None and sheet.error is None:
        fv = FieldValue(f.name, sheet.value, sheet.text, "sheet", sheet.location)
        agree = [c for c in stated if _same(f, sheet, c, tol)]
        if agree:
            other = next(c for c in stated if c not in agree)
            settled = f"{head}; the sheet settles it ({sheet.location.ref} says {_show(f, sheet)})"
            return fv, [Problem(Severity.INFO, settled, f.name, other.location, STATE_ONE)], []
        places = " and ".join(c.location.ref.removeprefix("TDD ") for c in stated)
        d = Disagreement(
            f.name,
            sheet.text,
            sheet.location,
            " / ".join(c.text for c in stated),
            Location("tdd", f"TDD {places}"),
            "sheet",
            blocks(f),
            chosen == "sheet",
        )
        return fv, [_disagreement(f, d, sheet, stated, draft, note)], [d]
    problem = _unsettled(f, head + note, stated, record, draft)
    if sheet is None:
        return None, [problem], []
    unread = FieldValue(f.name, None, sheet.text, "sheet", sheet.location)  # reported by _unreadable
    return unread, [_unreadable(f, sheet, None), problem], []


STATE_ONE = "correct the TDD so it states one value"


def _unsettled(
    f: Field, head: str, stated: Sequence[Candidate], record: AccountRecord, draft: bool
) -> Problem:
    """The TDD's conflict on a field the sheet does not give: one problem (at the second value's
    place), and the two ways out. `--accept FIELD=tdd` is not one: it cannot say which value."""
    location = stated[1].location
    fix = STATE_ONE
    if "sheet" in f.sources:
        fix += f", or write the right value in {_sheet_place(f, record)}"
    if not blocks(f):
        none = "neither" if len(stated) == 2 else "none"
        return Problem(Severity.WARNING, f"{head}; {none} is used", f.name, location, fix)
    if draft:
        message = f"{head}; this draft leaves it empty, and a final handoff stops here"
        return Problem(Severity.WARNING, message, f.name, location, fix)
    return Problem(Severity.ERROR, f"{head}: which one is right?", f.name, location, fix)
