"""Numbers, sizes, counts, dates, booleans and instance lists as people write them.

Every parser here is a pure function from text to a value; a text it cannot read raises
`ParseError`, whose message says what was wrong and whose `fix` says what to write instead.

The one size rule
-----------------
GB and GiB are one unit here, as cloud consoles (AWS, Azure, Google Cloud) and Kubernetes
users speak of memory and disk: an `r6i.4xlarge` has "128 GiB" in one console and "128 GB" in
another, and a TA who reads 137.4 would correct it to 128. So a binary unit counts as its
decimal namesake, and units step by 1000:

    1 KB = 1 KiB = 1,000 B    1 MB = 1 MiB = 1,000 KB    1 GB = 1 GiB = 1,000 MB
    1 TB = 1 TiB = 1,000 GB   1 PB = 1 PiB = 1,000 TB

`224 GiB` is 224 GB, `2 TiB` is 2,000 GB, `6,200 MB` is 6.2 GB. Kubernetes suffixes follow the
same rule (`Gi` = `G`, `Mi` = `M`, `Ti` = `T`). A number written without a unit takes the unit
its column or label names (`Total memory (GiB)`), else the field's own unit (GB for memory and
disk, MB for the largest repository). docs/values.md says why.

Numbers
-------
`2,000` (comma thousands), `1.5`, `~500`, `about 500`, `500+`, `up to 500` (approximate markers
are dropped), `50k` (counts only: ×1,000; `1.2M` ×1,000,000). `3 × 500 GB` (a count times a
size) is 1,500 GB.

Dates
-----
ISO `2026-03-02` (a time part is ignored), `2026/03/02`, `March 2, 2026`, `Mar 2 2026`,
`2nd March 2026`, `2 Mar 2026`, a leading weekday (`Monday, March 2, 2026`); a slash date is
read only when one of its numbers cannot be a month (`25/03/2026` is 25 March, `03/25/2026`
March 25) or both readings are the same day (`05/05/2026`): `03/09/2026` is an error
("ambiguous"), never a guess; dots are day.month.year (`02.03.2026` is 2 March); a two-digit
year means 20YY. A bare number from 20000 to 99999 is a Google Sheets serial date (days since
1899-12-30, the epoch Sheets and Excel use): a real date cell is read that way (docs/values.md).

Booleans
--------
True: `TRUE`, `yes`, `y`, `x`, `✓`, `✔`, `☑`, `done`, `1`, `checked`, `complete(d)`.
False: blank, `FALSE`, `no`, `n`, `0`, `✗`, `✘`, `☐`, `-`, `not done`, `pending`, `todo`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from handoff.core.quickre import opened


class ParseError(ValueError):
    """A value that cannot be read; `fix` says what to write instead."""

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


# --------------------------------------------------------------------------------------------
# numbers

_APPROX = re.compile(
    r"^(?:~|≈|∼|\+/-|±|<=|>=|<|>|≤|≥|about|approx\.?|approximately|around|roughly|circa|ca\.|"
    r"est\.?|estimated|up\s+to|at\s+least|at\s+most|over|under|more\s+than|less\s+than|nearly|almost)\s*",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+"
)


def _strip_approx(text: str) -> str:
    t = text.strip()
    while True:
        new = _APPROX.sub("", t, count=1).strip()
        if new == t:
            break
        t = new
    return t.removesuffix("+").strip()


# (module-level patterns of the functions below: called for every value and cell, the regex
# module's pattern cache would be asked each time)
_GROUPING = re.compile(r"[,\u00a0\u202f\u2009]")
_UNIT_IN_BRACKETS = re.compile(r"[(\[]\s*(?:in\s+)?([A-Za-z]+)\s*[)\]]")
_SIZE_UNIT = re.compile(r"\s*(?:\d+\s*[x×*]\s*)?[~≈]?\s*[\d.,]+\s*([A-Za-z]+)")
_LAST_BRACKETS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_AZURE_STANDARD = re.compile(r"^standard[_\s]+")
_SPACE_OR_UNDERSCORE = re.compile(r"[\s_]")


def _to_float(number: str) -> float:
    return float(_GROUPING.sub("", number))


def _leading_number(text: str) -> tuple[float, str]:
    """Split `text` (approximate markers removed) into its leading number and the rest."""
    t = _strip_approx(text)
    m = _NUMBER.match(t)
    if not m:
        raise ParseError(f"'{text}' is not a number", "write a number such as 2000 or 2,000")
    rest = t[m.end() :].removeprefix("+")
    if rest[:1].isdigit() or (rest[:1] == "," and rest[1:2].isdigit()) or rest[:1] == ".":
        raise ParseError(
            f"'{text}' is not a number (digits grouped oddly)",
            "write 2000 or 2,000 (a comma separates thousands; a dot is the decimal point)",
        )
    return _to_float(m.group(0)), rest.strip()


def parse_number(text: str) -> float:
    """A plain number: `2,000`, `1.5`, `~500`, `500+`. No words after it."""
    value, rest = _leading_number(text)
    if rest:
        raise ParseError(f"'{text}' is not a number", "write a number only, such as 2000")
    return value


_SIZE_WORDS = re.compile(
    r"^(?:[kmgtp]i?b?|bytes?|(?:kilo|mega|giga|tera|peta|kibi|mebi|gibi|tebi|pebi)bytes?)\b", re.IGNORECASE
)


def parse_integer(text: str) -> int:
    """A whole count: `2,000`, `~500`, `50k`, `32 vCPU`, `1,200 repositories`.

    A word after the number is allowed (it names what is counted) unless it is a size unit.
    """
    value, rest = _leading_number(text)
    mult = 1
    m = re.match(r"^([kK]|M)\b", rest)
    if m:
        mult = 1000 if m.group(1) in "kK" else 1_000_000
        rest = rest[m.end() :].strip()
    if rest:
        if _SIZE_WORDS.match(rest):
            raise ParseError(f"'{text}' is a size, not a count", "write how many, such as 48")
        if not re.fullmatch(r"[A-Za-z][A-Za-z .()/-]*", rest) or re.search(r"\bper\b|/", rest):
            raise ParseError(f"'{text}' is not a whole number", "write a whole number such as 48")
    value *= mult
    if not math.isfinite(value) or value != int(value):
        raise ParseError(f"'{text}' is not a whole number", "write a whole number such as 48")
    return int(value)


# --------------------------------------------------------------------------------------------
# sizes

_GB = 1e9
SIZE_UNITS: dict[str, float] = {  # bytes per unit; keys are lower-case; binary = decimal (module doc)
    "b": 1, "byte": 1, "bytes": 1,
    "kb": 1e3, "k": 1e3, "kilobyte": 1e3, "kilobytes": 1e3,
    "mb": 1e6, "m": 1e6, "megabyte": 1e6, "megabytes": 1e6,
    "gb": 1e9, "g": 1e9, "gigabyte": 1e9, "gigabytes": 1e9,
    "tb": 1e12, "t": 1e12, "terabyte": 1e12, "terabytes": 1e12,
    "pb": 1e15, "p": 1e15, "petabyte": 1e15, "petabytes": 1e15,
    "kib": 1e3, "ki": 1e3, "kibibyte": 1e3, "kibibytes": 1e3,
    "mib": 1e6, "mi": 1e6, "mebibyte": 1e6, "mebibytes": 1e6,
    "gib": 1e9, "gi": 1e9, "gibibyte": 1e9, "gibibytes": 1e9,
    "tib": 1e12, "ti": 1e12, "tebibyte": 1e12, "tebibytes": 1e12,
    "pib": 1e15, "pi": 1e15, "pebibyte": 1e15, "pebibytes": 1e15,
}  # fmt: skip
_FILLER = re.compile(r"^[A-Za-z][A-Za-z0-9 .,-]*$")
_PER = opened(re.compile(r"\b(?:per|each|every)\b|/", re.IGNORECASE))


def unit_factor(unit: str) -> float:
    """Bytes in one `unit` (`GB`, `GiB`, `Mi` …); ParseError for an unknown unit."""
    try:
        return SIZE_UNITS[unit.strip().lower()]
    except KeyError:
        raise ParseError(
            f"'{unit}' is not a size unit", "use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB"
        ) from None


def convert_size(value: float, from_unit: str, to_unit: str) -> float:
    return value * unit_factor(from_unit) / unit_factor(to_unit)


def unit_in_label(label: str) -> str | None:
    """The size unit a header or label names in parentheses or brackets: `Total memory (GiB)` → `GiB`."""
    for m in _UNIT_IN_BRACKETS.finditer(label):
        if m.group(1).lower() in SIZE_UNITS and m.group(1).lower() not in ("b", "byte", "bytes"):
            return m.group(1)
    return None


_PREFIXES = "kmgtp"


def size_prefix(text: str, default_unit: str) -> str:
    """The prefix letter (`k` `m` `g` `t` `p`) of the unit a size is written in: `131072 MiB` → `m`;
    a bare number takes `default_unit`'s. Empty when the text is no size."""
    m = _SIZE_UNIT.match(text)
    unit = m.group(1).lower() if m and m.group(1).lower() in SIZE_UNITS else default_unit.lower()
    return unit[0] if unit and unit[0] in _PREFIXES else ""


def same_size_two_ways(a: float, a_prefix: str, b: float, b_prefix: str, tolerance: float) -> bool:
    """Whether two sizes written with different prefixes are one size counted once in steps of 1000
    and once in steps of 1024: `131072 MiB` (read as 131.072 GB by the one size rule) is the
    `128 GiB` a console shows in GiB; `2048 GB` is `2 TiB`. Sizes written with the same prefix are
    compared as they are (500 GB and 512 GB stay two values)."""
    if not a_prefix or not b_prefix or a_prefix == b_prefix or a <= 0 or b <= 0:
        return False
    steps = _PREFIXES.index(a_prefix) - _PREFIXES.index(b_prefix)
    small, big = (a, b) if steps < 0 else (b, a)  # the finer prefix counts 1.024 more per step
    return abs(small / big - 1.024 ** abs(steps)) <= tolerance * 1.024 ** abs(steps)


def _strip_parentheticals(text: str) -> str:
    prev = None
    t = text
    while prev != t:
        prev = t
        t = _LAST_BRACKETS.sub("", t).strip()
    return t


_COUNT_TIMES = re.compile(r"^(\d+)\s*[x×*]\s*(?=[\d.~])", re.IGNORECASE)


def parse_size(text: str, unit: str, default_unit: str | None = None) -> float:
    """A size converted to `unit`: `128 GiB` → 128.0 (GB); `1.5 TB` → 1500.0 (GB); `6,200 MB` → 6.2 (GB).

    A bare number is in `default_unit` (a column's or label's unit), else in `unit`.
    `3 × 64 GiB` multiplies. A trailing word (`RAM`, `SSD`) or parenthetical note is ignored;
    a per-node size (`500 GB per node`, `64 GiB each`) is refused: the field is a total.
    """
    original = text
    t = _strip_parentheticals(text.strip())
    count = 1
    m = _COUNT_TIMES.match(t)
    if m:
        count = int(m.group(1))
        t = t[m.end() :]
    if _PER.search(t):
        raise ParseError(
            f"'{original}' is a per-node size, not a total", f"write the total, e.g. '{_example(unit)}'"
        )
    try:
        value, rest = _leading_number(t)
    except ParseError as exc:
        if "grouped" in exc.message:
            raise
        raise ParseError(f"'{original}' is not a size", f"write a size such as '{_example(unit)}'") from None
    factor = unit_factor(default_unit or unit)
    word = rest.split()[0].rstrip(".").lower() if rest else ""
    if word in SIZE_UNITS:
        factor = SIZE_UNITS[word]
        rest = rest[len(rest.split()[0]) :].strip()
    elif re.fullmatch(r"[kmgtpe]i?b?s|(?:gig|meg|ter)a?s?|[kmgtpe]ib?ytes?|[kmgtpe]bs?", word):
        raise ParseError(
            f"'{original}' has an unknown unit '{rest.split()[0]}'",
            "use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB",
        )
    if rest and not _FILLER.match(rest):
        raise ParseError(f"'{original}' is not a size", f"write a size such as '{_example(unit)}'")
    result = count * value * factor / unit_factor(unit)
    if not math.isfinite(result):
        raise ParseError(f"'{original}' is not a size", f"write a size such as '{_example(unit)}'")
    return result


def size_gb(text: str) -> float | None:
    """`parse_size(text, "GB")`, or None for a text that holds no size (a reader's try at a figure)."""
    try:
        return parse_size(text, "GB")
    except ParseError:
        return None


def _example(unit: str) -> str:
    return "2000 MB" if unit.upper() == "MB" else "512 GB"


def tidy_number(value: float, places: int = 3) -> int | float:
    """Round to `places` decimals and drop a zero fraction: 137.4389 → 137.439, 500.0 → 500."""
    r = round(value, places)
    return int(r) if r == int(r) else r


# --------------------------------------------------------------------------------------------
# dates

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
SHEETS_EPOCH = dt.date(1899, 12, 30)
_DATE_FIX = "write the date as YYYY-MM-DD, e.g. 2026-03-02"


def _make_date(original: str, year: int, month: int, day: int) -> dt.date:
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ParseError(f"'{original}' is not a real date", _DATE_FIX) from None


def _ambiguous(original: str, year: int, a: int, b: int) -> ParseError:
    """`03/09/2026`: 3 September or March 9? Nothing decides, so the writer must."""
    day_first, month_first = _make_date(original, year, b, a), _make_date(original, year, a, b)
    return ParseError(
        f"'{original.strip()}' is ambiguous: write {day_first.isoformat()} or "
        f"{day_first.day} {MONTH_ABBR[day_first.month - 1]} {day_first.year}",
        f"write the date unambiguously: {day_first.isoformat()} ({day_first.day} "
        f"{MONTH_ABBR[day_first.month - 1]} {day_first.year}) or {month_first.isoformat()} "
        f"({month_first.day} {MONTH_ABBR[month_first.month - 1]} {month_first.year}), whichever is meant",
    )


MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def parse_date(text: str) -> dt.date:
    """A calendar date in the forms listed in this module's docstring."""
    original = text
    t = _WEEKDAY.sub("", text.strip()).strip().rstrip(".")
    if not t:
        raise ParseError("the date is blank", _DATE_FIX)
    m = re.fullmatch(
        r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
        r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?",
        t,
    )
    if m:
        return _make_date(original, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", t)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a <= 12 and b <= 12 and a != b:
            raise _ambiguous(original, y, a, b)
        month, day = (b, a) if a > 12 >= b else (a, b)
        return _make_date(original, y, month, day)
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", t)
    if m:
        return _make_date(original, int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(_MONTH + r"\s+" + _DAY + r",?\s+(\d{4})", t, re.IGNORECASE)
    if m:
        return _make_date(original, int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    m = re.fullmatch(_DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+(\d{4})", t, re.IGNORECASE)
    if m:
        return _make_date(original, int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.fullmatch(r"(\d{1,2})-" + _MONTH + r"-(\d{4}|\d{2})", t, re.IGNORECASE)
    if m:
        return _make_date(original, int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.fullmatch(r"(\d{5})(?:\.\d+)?", t)
    if m and 20000 <= int(m.group(1)) <= 99999:
        return SHEETS_EPOCH + dt.timedelta(days=int(m.group(1)))
    if re.fullmatch(_MONTH + r",?\s+(\d{4})", t, re.IGNORECASE) or re.fullmatch(r"\d{4}-\d{1,2}", t):
        raise ParseError(f"'{original}' has no day", _DATE_FIX)
    raise ParseError(f"'{original}' is not a date", _DATE_FIX)


# --------------------------------------------------------------------------------------------
# booleans

TRUE_WORDS = frozenset(
    {"true", "yes", "y", "x", "✓", "✔", "☑", "✅", "done", "1", "checked", "complete", "completed", "ok"}
)
FALSE_WORDS = frozenset(
    {
        "",
        "false",
        "no",
        "n",
        "0",
        "✗",
        "✘",
        "☐",
        "❌",
        "-",
        "–",
        "not done",
        "pending",
        "todo",
        "to do",
        "open",
        "unchecked",
    }
)


def parse_bool(text: str) -> bool:
    t = text.strip().lower()
    if t in TRUE_WORDS:
        return True
    if t in FALSE_WORDS:
        return False
    raise ParseError(f"'{text}' is not yes or no", "write TRUE or FALSE (or yes / no, ✓ / blank)")


# --------------------------------------------------------------------------------------------
# instance lists


@dataclass(frozen=True)
class InstanceCount:
    """`count` machines of one instance `type` (`3 × m6i.4xlarge`)."""

    type: str
    count: int = 1

    def __str__(self) -> str:
        return f"{self.count} × {self.type}"

    def to_json(self) -> str:
        return str(self)


_TYPE = r"(?:[A-Za-z][A-Za-z0-9_]*\d[A-Za-z0-9_]*(?:\s+v\d+)?|[A-Za-z][A-Za-z0-9_]*)(?:[.-][A-Za-z0-9_]+)*"
_MACHINE_WORDS = r"(?:\s+(?:nodes?|instances?|vms?|machines?|servers?|workers?|hosts?|boxes))?"
_ENTRY_FORMS = (
    re.compile(rf"(?P<count>\d+)\s*[x×*]\s*(?P<type>{_TYPE}){_MACHINE_WORDS}", re.IGNORECASE),
    re.compile(rf"(?P<type>{_TYPE}){_MACHINE_WORDS}\s*[x×*]\s*(?P<count>\d+)", re.IGNORECASE),
    re.compile(rf"(?P<type>{_TYPE})\s*\(\s*(?P<count>\d+)\s*(?:x|×|nodes?|instances?)?\s*\)", re.IGNORECASE),
    re.compile(rf"(?P<count>\d+)\s+(?P<type>{_TYPE}){_MACHINE_WORDS}", re.IGNORECASE),
    re.compile(rf"(?P<type>{_TYPE})", re.IGNORECASE),
)


def split_list(text: str) -> list[str]:
    """Split a written list on `,` `;` new lines, ` + `, ` and ` and bullets (never inside brackets)."""
    items: list[str] = []
    depth = 0
    buf: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and ch in ",;\n\u000b•":
            items.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    items.append("".join(buf))
    out: list[str] = []
    for item in items:
        out.extend(re.split(r"\s+(?:\+|and|&)\s+", item))
    return [s.strip(" \t-*·") for s in out if s.strip(" \t-*·")]


# a type with no digit: a provider's family and size (`standard.titan`), or an internal catalogue's name
# of letter parts a separator joins (`rcp.mem.xl`, `MEM-XXL`, `best-effort-large`); never one word (`large`)
_FAMILY_SIZE = re.compile(
    r"[a-z]{3,}\.[a-z]{3,}(?:-[a-z]+)*"
    r"|[A-Za-z]{2,}(?:[.-][A-Za-z]{2,}){0,2}[.-](?i:x*s|m|x*l|small|medium|large|xlarge|huge|tiny|micro)"
)  # (the catalogue's name ends on a size word: never `each.value.machine`)


def parse_instance_entry(text: str) -> InstanceCount:
    """One entry: `3 × m6i.4xlarge`, `3x m6i.4xlarge`, `m6i.4xlarge x 3`, `m6i.4xlarge (3)`, `e2-medium`."""
    t = text.strip()
    note = re.search(r"\s*\((?!\s*\d+\s*(?:x|×|nodes?|instances?)?\s*\))[^()]*\)\s*$", t, re.IGNORECASE)
    if note:  # "m6i.4xlarge (16 vCPU, 64 GiB)": a description, not a count
        t = t[: note.start()].strip()
    for form in _ENTRY_FORMS:
        m = form.fullmatch(t)
        if m:
            count = int(m.groupdict().get("count") or 1)
            type_ = _SPACES.sub(" ", m.group("type"))
            if not _DIGIT.search(type_) and not _FAMILY_SIZE.fullmatch(type_):
                break  # (a provider's family and size with no digit is a type: Exoscale's `standard.titan`)
            if count <= 0:
                raise ParseError(f"'{text}' has a count of {count}", "the count must be 1 or more")
            return InstanceCount(type_, count)
    raise ParseError(
        f"'{text}' is not an instance type with an optional count",
        "write entries like '3 × m6i.4xlarge', separated by commas",
    )


def parse_instances(text: str) -> list[InstanceCount]:
    entries = split_list(text)
    if not entries:
        raise ParseError("the instance list is empty", "write entries like '3 × m6i.4xlarge'")
    return [parse_instance_entry(e) for e in entries]


def instance_key(type_: str) -> str:
    """Catalogue lookup key: case, spaces and underscores ignored; Azure's `Standard_` prefix dropped."""
    t = type_.strip().lower()
    t = _AZURE_STANDARD.sub("", t)
    return _SPACE_OR_UNDERSCORE.sub("", t)


def describe(value: Any) -> str:
    """A value as a person would write it back (lists joined, dates ISO, numbers tidy)."""
    if isinstance(value, list | tuple):
        return ", ".join(describe(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{tidy_number(value):,}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
