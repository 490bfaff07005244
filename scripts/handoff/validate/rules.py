"""Typed values and every rule of docs/fields.md, as pure functions that collect problems.

`convert(field, text)` turns one written value into its type (or raises `ParseError` saying what
is wrong and how to write it). `validate_fields` checks a merged account: required fields,
bounds (`> 0`, `≥ 0`), monorepos ≤ repositories, completion ≥ start, dates not in the future,
and the sanity warnings (Rockskip, the disk rule of thumb, stated totals vs the instance
types). `validate_logs` types and checks the rows of the log tabs and the checklist.

Every problem names the field, the place (sheet cell or TDD location) and a fix. A URL's
password never appears in a message or a shown value (`core.redact.mask`).

`read_value` is `convert` behind two guards for what a sheet or a TDD can hold but no field
can be: a spreadsheet error value (`#REF!`, `#N/A`, `#VALUE!`, … what a read shows for a
formula that fails; `Loading...` for one still loading), which would otherwise pass as the
text "#N/A" (a customer called "#N/A") or fail as "not a number"; and a value longer than
`MAX_VALUE_CHARS` (a cell holds up to 50,000 characters: a paste gone wrong), reported by its
length rather than echoed back. Free-text log columns (notes, summaries) have no length limit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import SplitResult, urlsplit

from handoff.core.fields import Catalogue, Field, FieldType, strip_brackets
from handoff.core.model import AccountRecord, FieldValue, Location, LogEntry, Problem, Severity
from handoff.core.redact import mask
from handoff.core.settings import ENTRY_TABS
from handoff.core.units import (
    InstanceCount,
    ParseError,
    describe,
    instance_key,
    parse_bool,
    parse_date,
    parse_instances,
    parse_integer,
    parse_size,
    same_size_two_ways,
    size_prefix,
    split_list,
    tidy_number,
)

LOG_TABS = ENTRY_TABS
_EMAIL = re.compile(r"^[^@\s<>(),;:]+@[^@\s<>(),;:]+\.[^@\s<>(),;:]+$")
_DOC_PATH = re.compile(r"^/document/(?:u/\d+/)?d/([a-zA-Z0-9_-]{10,})(?:/|$)")


# --------------------------------------------------------------------------------------------
# secrets and links


def _split(url: str) -> SplitResult | None:
    """urlsplit, or None for text it refuses (an unbalanced '[' is 'Invalid IPv6 URL')."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def doc_id(url: str) -> str | None:
    """The document id of a `docs.google.com/document/d/<id>/…` URL (query and fragment ignored)."""
    parts = _split(url.strip())
    if parts is None or parts.hostname != "docs.google.com":
        return None
    m = _DOC_PATH.match(parts.path)
    return m.group(1) if m else None


def _no_credentials(parts: SplitResult) -> None:
    """ParseError for a URL with `user:password@` (or a bare token) before its host."""
    if parts.username is not None or parts.password is not None:
        raise ParseError(
            "the URL contains credentials (user:password@); they must not be stored in the sheet or the TDD",
            "remove the 'user:password@' part from the URL, and change that password: it has been shared",
        )


def _check_doc_url(text: str) -> str:
    url = text.strip()
    parts = _split(url if "://" in url else "https://" + url)
    host = (parts.hostname if parts else "") or ""
    example = "https://docs.google.com/document/d/<id>/edit"
    if parts is None or " " in url or not host or "." not in host:
        raise ParseError(
            f"'{mask(url)}' is not a URL", f"paste the TDD's address from the browser, like {example}"
        )
    _no_credentials(parts)
    if host == "docs.google.com":
        if re.match(r"^/spreadsheets/", parts.path):
            raise ParseError(
                "the link is a Google Sheets spreadsheet, not a Google Doc",
                f"link the TDD document itself ({example})",
            )
        if re.match(r"^/(presentation|forms|drawings)/", parts.path):
            raise ParseError(
                f"the link is a Google {parts.path.split('/')[1]}, not a Google Doc",
                f"link the TDD document itself ({example})",
            )
        if doc_id(parts.geturl()):
            if "://" not in url:
                raise ParseError(f"'{url}' has no https:// in front", f"write https://{url}")
            return url
        raise ParseError(
            "the link is on docs.google.com but has no document id",
            f"copy the address of the open document ({example})",
        )
    if host == "drive.google.com":
        raise ParseError(
            "the link is a Google Drive file link, not a Google Docs link",
            f"open the file in Google Docs and copy that address ({example}); a Word or PDF file "
            "must first be saved as a Google Doc (File → Save as Google Docs)",
        )
    raise ParseError(
        f"the link points at {host}, not at a Google Doc",
        f"the TDD must be a Google Doc; link it as {example}",
    )


def _check_url(text: str) -> str:
    url = text.strip()
    shown = mask(url)
    if " " in url:
        raise ParseError(
            f"'{shown}' is not a URL (it contains a space)",
            "write one address, like https://sourcegraph.example.com",
        )
    parts = _split(url)
    if parts is None:
        raise ParseError(f"'{shown}' is not a URL", "write one address, like https://sourcegraph.example.com")
    if not parts.scheme and not parts.netloc:
        raise ParseError(f"'{shown}' has no https:// in front", f"write https://{url.split('/')[0]}")
    if parts.scheme not in ("http", "https"):
        raise ParseError(f"'{shown}' is not an http(s) URL", "write an address starting with https://")
    _no_credentials(parts)
    try:
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise ParseError(
            f"'{shown}' has an invalid port", "write an address like https://host:8443"
        ) from None
    if not host or not re.fullmatch(r"[a-z0-9.-]+|\[[0-9a-f:.]+\]", host) or host.startswith("."):
        raise ParseError(
            f"'{shown}' has no valid host name", "write an address like https://sourcegraph.example.com"
        )
    return url


def _check_email(text: str) -> str:
    t = text.strip()
    m = re.search(r"<([^<>]+)>", t)
    if m:
        t = m.group(1).strip()
    t = t.removeprefix("mailto:")
    if not _EMAIL.match(t):
        raise ParseError(
            f"'{text.strip()}' is not an email address", "write the person's email, e.g. name@example.com"
        )
    return t.lower()


# --------------------------------------------------------------------------------------------
# what a cell or a TDD value cannot be

SHEET_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#ERROR!", "#SPILL!", "#CALC!"}
)
SHEET_LOADING = "loading..."
MAX_VALUE_CHARS = 1_000


def clip(text: str, limit: int = 80) -> str:
    """`text` cut to `limit` characters (with "…") for a message."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sheet_error(text: str) -> ParseError | None:
    """The problem with a cell showing a spreadsheet error value (a formula that fails), or None."""
    t = text.strip()
    if t.upper() in SHEET_ERRORS:
        return ParseError(
            f"the cell shows {t.upper()}, the spreadsheet's error for a formula that fails",
            "fix the formula in the cell, or replace it with the value",
        )
    if t.casefold() == SHEET_LOADING:
        return ParseError(
            "the cell shows 'Loading...': its formula had no result yet when the sheet was read",
            "wait until the formula has loaded (or type the value instead), then run again",
        )
    return None


def too_long(text: str, limit: int = MAX_VALUE_CHARS) -> ParseError | None:
    """The problem with a value longer than `limit` characters, or None. The value is not repeated."""
    n = len(text.strip())
    if n <= limit:
        return None
    return ParseError(
        f"the value is {n:,} characters long, more than the {limit:,} a value of this field may have "
        "(was something else pasted in?)",
        "keep only the value itself",
    )


def read_value(
    f: Field, text: str, unit_hint: str | None = None, *, from_sheet: bool = False, limit: int | None = None
) -> Any:
    """`convert`, after refusing a spreadsheet error value (`from_sheet`) and a value over `limit` chars."""
    problem = (sheet_error(text) if from_sheet else None) or (too_long(text, limit) if limit else None)
    if problem is not None:
        raise problem
    return convert(f, text, unit_hint)


# --------------------------------------------------------------------------------------------
# conversion of one value


def convert(f: Field, text: str, unit_hint: str | None = None) -> Any:
    """`text` as `f`'s type; ParseError when it cannot be read. `unit_hint`: the unit a header/label names."""
    reader = _READERS.get(f.type)
    if reader is None:  # pragma: no cover - FieldType is closed and every type has a reader
        raise ParseError(f"unsupported type {f.type}")
    return reader(f, text.strip(), unit_hint)


_SPACES_TABS = re.compile(r"[ \t]+")


def _text(f: Field, t: str, unit_hint: str | None) -> str:
    return _SPACES_TABS.sub(" ", t)


def _quantity(f: Field, t: str, unit_hint: str | None) -> float | int:
    return tidy_number(parse_size(t, f.unit or "GB", unit_hint), 9)


def _vocabulary(f: Field, t: str, unit_hint: str | None) -> str:
    return _lookup(f, t)


def _vocabulary_list(f: Field, t: str, unit_hint: str | None) -> list[str]:
    items = split_list(t)
    if not items:
        raise ParseError(f"no {f.label.lower()} given", "list them separated by commas")
    found = [f.vocabulary.lookup(i) if f.vocabulary else None for i in items]
    bad = [i for i, value in zip(items, found, strict=True) if value is None]
    if bad:
        raise _unknown(f, bad)
    return list(dict.fromkeys(v for v in found if v))  # each value once, first spelling's order


def _plain(read: Callable[[str], Any]) -> Callable[[Field, str, str | None], Any]:
    """A reader that needs only the text."""
    return lambda f, t, unit_hint: read(t)


# One reader per type: (field, stripped text, unit hint) -> the typed value, or ParseError.
_READERS: dict[FieldType, Callable[[Field, str, str | None], Any]] = {
    FieldType.TEXT: _text,
    FieldType.EMAIL: _plain(_check_email),
    FieldType.URL: _plain(_check_url),
    FieldType.DOC_URL: _plain(_check_doc_url),
    FieldType.DATE: _plain(parse_date),
    FieldType.INTEGER: _plain(parse_integer),
    FieldType.QUANTITY: _quantity,
    FieldType.BOOLEAN: _plain(parse_bool),
    FieldType.INSTANCE_LIST: _plain(parse_instances),
    FieldType.VOCABULARY: _vocabulary,
    FieldType.VOCABULARY_LIST: _vocabulary_list,
}


def _lookup(f: Field, text: str) -> str:
    value = f.vocabulary.lookup(text) if f.vocabulary else None
    if value is None:
        raise _unknown(f, [text])
    return value


def _unknown(f: Field, bad: Sequence[str]) -> ParseError:
    vocab = f.vocabulary
    known = ", ".join(vocab.values) if vocab else ""
    what = f.label.lower().removesuffix("s") if f.type is FieldType.VOCABULARY_LIST else f.label.lower()
    parts = []
    for b in bad:
        close = vocab.suggest(b) if vocab else []
        quoted = [f"'{c}'" for c in close]
        hint = ", ".join(quoted[:-1]) + " or " + quoted[-1] if len(quoted) > 1 else "".join(quoted)
        parts.append(f"'{b}'" + (f" (did you mean {hint}?)" if close else ""))
    return ParseError(f"unknown {what} {', '.join(parts)}", f"use one of: {known}")


# --------------------------------------------------------------------------------------------
# equality with tolerance (merge)


def same_value(f: Field, a: Any, b: Any, tolerance: float) -> bool:
    """Equal as rule 3 of the seed README says: numbers within `tolerance`, lists as sets, text normalised."""
    if f.type in (FieldType.INTEGER, FieldType.QUANTITY):
        a, b = float(a), float(b)
        return abs(a - b) <= tolerance * max(abs(a), abs(b)) or a == b
    if f.type is FieldType.INSTANCE_LIST:
        return _instance_counts(a) == _instance_counts(b)
    if f.type is FieldType.VOCABULARY_LIST:
        return set(a) == set(b)
    if isinstance(a, str) and isinstance(b, str) and f.type not in (FieldType.URL, FieldType.DOC_URL):
        return " ".join(a.casefold().split()) == " ".join(b.casefold().split())
    return bool(a == b)


def _instance_counts(items: Sequence[InstanceCount]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in items:
        out[instance_key(i.type)] = out.get(instance_key(i.type), 0) + i.count
    return out


# --------------------------------------------------------------------------------------------
# an account's fields


def where(location: Location | None) -> str:
    """A place as a fix names it: `Accounts!F4`, or `the TDD (Sizing › paragraph 3)`."""
    if location is None:
        return "the sheet"
    return location.ref if location.source == "sheet" else f"the TDD ({location.ref.removeprefix('TDD ')})"


def validate_fields(
    fields: Mapping[str, FieldValue],
    catalogue: Catalogue,
    today: dt.date,
    record: AccountRecord | None = None,
    notes: Sequence[LogEntry] = (),
    sheet_columns: frozenset[str] | None = None,
    reported: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Rules over a merged account. Values that failed conversion (value None) were reported by
    merge, and so were the fields in `reported` (left empty: the TDD states two values), which are
    therefore not called missing as well."""
    problems: list[Problem] = []
    problems += _required(fields, catalogue, record, sheet_columns, reported)
    valid = {k: fv for k, fv in fields.items() if fv.value is not None}
    out_of_bounds = set()
    for name, fv in valid.items():
        f = catalogue.fields.get(name)
        found = _bounds(f, fv, valid, catalogue, today) if f is not None else []
        if found:
            out_of_bounds.add(name)
        problems += found
    problems += _sanity({k: v for k, v in valid.items() if k not in out_of_bounds}, catalogue, notes)
    return problems


def _required(
    fields: Mapping[str, FieldValue],
    catalogue: Catalogue,
    record: AccountRecord | None,
    sheet_columns: frozenset[str] | None,
    reported: frozenset[str],
) -> list[Problem]:
    out = []
    for f in catalogue.fields.values():
        if not f.required or f.name in fields or f.name in reported:
            continue
        cell = record.row.cells.get(f.name) if record else None
        has_column = cell is not None or (sheet_columns is not None and f.name in sheet_columns)
        if not has_column and "sheet" in f.sources and not f.from_tdd:
            continue  # the missing column itself is reported by the sheet reader
        where = cell.location if cell else (record.row.location if record else None)
        blank = "blank in the sheet" if cell else "no column for it in the sheet"
        tdd = " and not found in the TDD" if f.from_tdd else ""
        fix = f"fill in {cell.a1}" if cell else f"add a '{f.label}' column to the Accounts tab"
        if f.from_tdd:
            fix += f" (or write '{strip_brackets(f.label)}: …' in the TDD's production section)"
        out.append(
            Problem(Severity.ERROR, f"{f.label} is required but missing: {blank}{tdd}", f.name, where, fix)
        )
    return out


def out_of_order(f: Field, v: Any, other: str, other_value: Any) -> bool:
    """Whether `f`'s value `v` breaks its order rule against field `other`'s value: more than it
    (`not_above`: monorepos ≤ repositories) or before it (`not_before`: completion ≥ start)."""
    if f.not_above == other and isinstance(v, int | float) and isinstance(other_value, int | float):
        return v > other_value
    if f.not_before == other and isinstance(v, dt.date) and isinstance(other_value, dt.date):
        return v < other_value
    return False


def _bounds(
    f: Field, fv: FieldValue, valid: Mapping[str, FieldValue], catalogue: Catalogue, today: dt.date
) -> list[Problem]:
    out = []
    v = fv.value
    at = where(fv.location)
    if f.min is not None and isinstance(v, int | float):
        low = tidy_number(f.min)
        if v < f.min or (f.min_exclusive and v <= f.min):
            need = f"greater than {low}" if f.min_exclusive else f"{low} or more"
            out.append(
                Problem(
                    Severity.ERROR,
                    f"{f.label} must be {need}, but it is {describe(v)}",
                    f.name,
                    fv.location,
                    f"correct {at}",
                )
            )
    if f.not_above and f.not_above in valid and isinstance(v, int | float):
        other = valid[f.not_above]
        label = catalogue.fields[f.not_above].label
        if out_of_order(f, v, f.not_above, other.value):
            out.append(
                Problem(
                    Severity.ERROR,
                    f"{describe(v)} {f.label.lower()} is more than the {describe(other.value)} "
                    f"{label.lower()} ({other.location})",
                    f.name,
                    fv.location,
                    f"correct {at} or {where(other.location)}",
                )
            )
    if f.not_before and f.not_before in valid and isinstance(v, dt.date):
        other = valid[f.not_before]
        label = catalogue.fields[f.not_before].label
        if out_of_order(f, v, f.not_before, other.value):
            out.append(
                Problem(
                    Severity.ERROR,
                    f"{f.label} {v.isoformat()} is before the {label.lower()} {other.value.isoformat()} "
                    f"({other.location})",
                    f.name,
                    fv.location,
                    f"correct {at} or {where(other.location)}",
                )
            )
    if f.not_future and isinstance(v, dt.date) and v > today:
        out.append(
            Problem(
                Severity.ERROR,
                f"{f.label} {v.isoformat()} is in the future (today is {today.isoformat()})",
                f.name,
                fv.location,
                f"correct {at}: the date must not be after today",
            )
        )
    return out


def _sanity(
    valid: Mapping[str, FieldValue], catalogue: Catalogue, notes: Sequence[LogEntry]
) -> list[Problem]:
    """The warnings of docs/fields.md: Rockskip, disk rule of thumb, totals vs instance types."""
    out: list[Problem] = []
    checks = catalogue.checks
    largest = valid.get("largest_repo_mb")
    if largest is not None and largest.value > checks.rockskip_repo_mb:
        words = [w.casefold() for w in checks.rockskip_words]
        mentioned = any(
            e.values.get("category") == "special deployment"
            and any(w in str(e.values.get("note") or "").casefold() for w in words)
            for e in notes
        )
        if not mentioned:
            out.append(
                Problem(
                    Severity.WARNING,
                    f"the largest repository is {describe(largest.value)} MB, above "
                    f"{describe(checks.rockskip_repo_mb)} MB, and no special-deployment note mentions "
                    "Rockskip",
                    "largest_repo_mb",
                    largest.location,
                    "consider Rockskip for symbol search (Sourcegraph suggests it for a .git of 2 GB or "
                    "more, 50k+ commits or 50k+ files); if it is enabled, add a Notes row of category "
                    "'special deployment' saying so",
                )
            )
    disk = valid.get("total_disk_gb")
    if disk is not None:
        size_fv = valid.get("total_repo_size_gb")
        size = float(size_fv.value) if size_fv else 0.0
        need = checks.disk_base_gb + checks.disk_repo_factor * size
        if disk.value < need:
            basis = (
                f"{describe(checks.disk_base_gb)} GB + {describe(checks.disk_repo_factor)} × "
                f"{describe(size)} GB of repositories ({size_fv.location})"
                if size_fv
                else f"{describe(checks.disk_base_gb)} GB + {describe(checks.disk_repo_factor)} × the "
                "repository size, which neither the sheet nor the TDD gives"
            )
            out.append(
                Problem(
                    Severity.WARNING,
                    f"total disk {describe(disk.value)} GB is below the rule of thumb of "
                    f"{describe(need)} GB ({basis})",
                    "total_disk_gb",
                    disk.location,
                    "check the disk sizing against Sourcegraph's implementation prerequisites"
                    + (
                        ""
                        if size_fv
                        else ", and record the total repository size ('Total repository size: …' in the TDD)"
                    ),
                )
            )
    out += _totals(valid, catalogue)
    return out


def instance_totals(instances: Sequence[InstanceCount], catalogue: Catalogue) -> tuple[int, float] | None:
    """The vCPU and the memory (GB: GB and GiB are one unit, units.py) of `instances`, each count ×
    its type's published figures (config/instance_types.toml); None when a type is unknown or none
    is listed (no check then)."""
    specs = [(i, catalogue.instance(i.type)) for i in instances]
    if not specs or any(s is None for _, s in specs):
        return None
    return sum(i.count * s.vcpu for i, s in specs if s), sum(i.count * s.memory_gib for i, s in specs if s)


def total_differs(stated: float, computed: float, tolerance: float) -> bool:
    """A stated total more than `tolerance` (a fraction) away from the one computed from its parts."""
    return abs(stated - computed) > tolerance * max(computed, stated)


def memory_differs(total: FieldValue, computed: float, tolerance: float) -> bool:
    """A stated memory total against the instance types' (GiB, published): `total_differs`, except
    that a total written in another prefix (vSphere's `196608 MiB`, read as 196.608 GB) is the same
    memory counted in 1024s."""
    if not total_differs(total.value, computed, tolerance):
        return False
    return not same_size_two_ways(total.value, size_prefix(total.text, "GB"), computed, "g", tolerance)


def _totals(valid: Mapping[str, FieldValue], catalogue: Catalogue) -> list[Problem]:
    """Stated CPU and memory against the sum of the listed instance types (unknown types: no check)."""
    instances = valid.get("instance_types")
    found = instance_totals(instances.value, catalogue) if instances is not None else None
    if instances is None or found is None:
        return []
    cpu, gb = found  # a console's "128 GiB" and Google Cloud's "128 GB" agree
    tol = catalogue.checks.tolerance
    listed = ", ".join(str(i) for i in instances.value)
    out = []
    stated_cpu = valid.get("total_cpu")
    if stated_cpu is not None and total_differs(stated_cpu.value, cpu, tol):
        out.append(
            Problem(
                Severity.WARNING,
                f"total CPU {describe(stated_cpu.value)} vCPU does not match the instance types ({listed} = "
                f"{describe(cpu)} vCPU, {instances.location})",
                "total_cpu",
                stated_cpu.location,
                "correct the total CPU or the instance types so they agree",
            )
        )
    stated_mem = valid.get("total_memory_gb")
    if stated_mem is not None and memory_differs(stated_mem, gb, tol):
        out.append(
            Problem(
                Severity.WARNING,
                f"total memory {describe(stated_mem.value)} GB does not match the instance types ({listed} = "
                f"{describe(gb)} GB, {instances.location})",
                "total_memory_gb",
                stated_mem.location,
                "correct the total memory or the instance types so they agree",
            )
        )
    return out


# --------------------------------------------------------------------------------------------
# the log tabs


def validate_logs(
    record: AccountRecord, catalogue: Catalogue
) -> tuple[dict[str, tuple[LogEntry, ...]], list[Problem]]:
    """Typed entries of each log tab for the account, and the problems in them."""
    entries: dict[str, tuple[LogEntry, ...]] = {}
    problems: list[Problem] = []
    for key in LOG_TABS:
        spec = catalogue.tabs.get(key)
        rows = getattr(record, key)
        if spec is None:
            entries[key] = tuple(LogEntry(dict(r.cells), r.location) for r in rows)
            continue
        out = []
        for row in rows:
            values: dict[str, Any] = {}
            for name, col in spec.columns.items():
                cell = row.cells.get(name)
                if name == "account" or cell is None:
                    values[name] = cell.value if cell else None
                    continue
                if not cell.value:
                    values[name] = False if col.type is FieldType.BOOLEAN else None
                    if col.required and col.type is not FieldType.BOOLEAN:
                        problems.append(
                            Problem(
                                Severity.ERROR,
                                f"{row.tab} row {row.row}: {col.label} is empty",
                                f"{key}.{name}",
                                cell.location,
                                f"fill in {cell.a1}",
                            )
                        )
                    continue
                limit = None if col.type is FieldType.TEXT else MAX_VALUE_CHARS
                try:
                    values[name] = read_value(col, cell.value, from_sheet=True, limit=limit)
                except ParseError as exc:
                    values[name] = None
                    problems.append(
                        Problem(
                            Severity.ERROR,
                            f"{row.tab} row {row.row}: {col.label}: {exc.message}",
                            f"{key}.{name}",
                            cell.location,
                            f"{exc.fix} in {cell.a1}" if exc.fix else f"correct {cell.a1}",
                        )
                    )
            out.append(LogEntry(values, row.location))
        entries[key] = tuple(out)
    return entries, problems
