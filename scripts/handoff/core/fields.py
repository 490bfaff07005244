"""The field catalogue: `config/fields.toml` loaded and checked into immutable, typed objects.

    Catalogue
    ├── fields: name -> Field        the Accounts-tab columns / handoff fields, in file order
    ├── tabs: key -> TabSpec         the log tabs' columns (each column is a Field too)
    ├── vocabularies: name -> Vocabulary   canonical values with their aliases; lookup + "did you mean"
    ├── checks: Checks               thresholds of the sanity warnings
    └── tdd: TddWords                words that mark production / trial parts and instance tables

Matching of headers, labels and vocabulary values ignores case, spaces and punctuation
(`norm`). A mistake in the file raises ConfigError naming the key and the file.
"""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from handoff.core.errors import ConfigError, UsageError
from handoff.core.settings import TAB_KEYS as ALL_TABS
from handoff.core.units import instance_key


class FieldType(StrEnum):
    TEXT = "text"
    EMAIL = "email"
    URL = "url"
    DOC_URL = "doc_url"
    DATE = "date"
    VOCABULARY = "vocabulary"
    VOCABULARY_LIST = "vocabulary_list"
    INSTANCE_LIST = "instance_list"
    INTEGER = "integer"
    QUANTITY = "quantity"
    BOOLEAN = "boolean"


NUMERIC_TYPES = frozenset({FieldType.INTEGER, FieldType.QUANTITY})
LIST_TYPES = frozenset({FieldType.VOCABULARY_LIST, FieldType.INSTANCE_LIST})
SOURCES = ("sheet", "tdd")
QUANTITY_UNITS = ("GB", "MB")
VITALLY_TYPES = ("string", "number", "date", "array", "boolean", "textarea")


_NOT_ASCII_ALNUM = re.compile(r"[^0-9a-z]+")
_NOT_ASCII_ALNUM_BYTES = bytes(b for b in range(256) if _NOT_ASCII_ALNUM.fullmatch(chr(b)))  # (`norm` drops)


@functools.lru_cache(maxsize=8192)  # the same labels and names are keyed again and again
def norm(text: str) -> str:
    """Matching key: case, accents, spaces and punctuation ignored (`Total Memory (GB)` → `totalmemorygb`)."""
    if text.isascii():  # the same key, quicker: no accents to take apart, no other letters or digits
        return text.encode("ascii").lower().translate(None, _NOT_ASCII_ALNUM_BYTES).decode("ascii")
    t = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in t if ch.isalnum())


_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def strip_brackets(text: str) -> str:
    """`Total memory (GiB)` → `Total memory`: bracketed units and notes dropped."""
    if "(" not in text and "[" not in text:  # (every match opens with one)
        return text.strip()
    return _BRACKETED.sub(" ", text).strip()


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", unicodedata.normalize("NFKD", text).casefold()) if w]


@dataclass(frozen=True)
class Vocabulary:
    name: str
    values: tuple[str, ...]
    aliases: Mapping[str, str]  # norm(alias or value) -> canonical value
    spellings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # norm(alias) -> its words

    def lookup(self, text: str) -> str | None:
        return self.aliases.get(norm(text)) or self.aliases.get(norm(strip_brackets(text)))

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Canonical values closest to `text`, by spelling and by shared words ("Gitlab x" → GitLab)."""
        key = norm(text)
        words = set(_words(text))
        first = _words(text)[0] if words else ""
        best: dict[str, float] = {}
        for alias_key, canonical in self.aliases.items():
            score = difflib.SequenceMatcher(None, key, alias_key).ratio()
            alias_words = self.spellings.get(alias_key, ())
            if words:
                score += 0.5 * len(words & set(alias_words)) / len(words)
            if first and alias_words and alias_words[0] == first:  # same vendor / product name
                score += 0.4
            best[canonical] = max(best.get(canonical, 0.0), score)
        ranked = sorted((s, -i, c) for i, (c, s) in enumerate(best.items()) if s >= 0.6)
        return [c for _, _, c in reversed(ranked)][:n]


@dataclass(frozen=True)
class Vitally:
    key: str
    type: str


@dataclass(frozen=True)
class Field:
    """A handoff field (an Accounts column) or a log-tab column."""

    name: str
    label: str  # the default sheet header, and the field's name in terminal reports
    type: FieldType = FieldType.TEXT
    display_label: str = ""  # the field's name in the documents and the note (required for a field)
    aliases: tuple[str, ...] = ()
    tdd_aliases: tuple[str, ...] = ()
    unit: str | None = None
    display_unit: str = ""  # integer only: the word documents show after the number ("vCPU")
    required: bool = False
    vocabulary: Vocabulary | None = None
    sources: tuple[str, ...] = SOURCES
    min: float | None = None
    min_exclusive: bool = False
    not_above: str | None = None
    not_before: str | None = None
    not_future: bool = False
    writeback: bool = False
    vitally: Vitally | None = None

    @property
    def header_keys(self) -> frozenset[str]:
        """Normalised header spellings that name this column."""
        return frozenset(norm(a) for a in (self.name, self.label, *self.aliases)) - {""}

    @property
    def tdd_keys(self) -> frozenset[str]:
        return self.header_keys | frozenset(norm(a) for a in self.tdd_aliases)

    @property
    def from_tdd(self) -> bool:
        return "tdd" in self.sources

    @property
    def display_format(self) -> tuple[str, str]:
        """How the documents show the value, from its type: (formatter, unit)."""
        if self.type is FieldType.DATE:
            return ("date", "")
        if self.type in (FieldType.URL, FieldType.DOC_URL):
            return ("link", "")
        if self.type is FieldType.QUANTITY:
            return ("quantity", self.unit or "")
        if self.type is FieldType.INTEGER:
            return ("quantity", self.display_unit)
        return ("display", "")


@dataclass(frozen=True)
class TabSpec:
    key: str
    columns: Mapping[str, Field]

    @property
    def required(self) -> tuple[Field, ...]:
        return tuple(c for c in self.columns.values() if c.required)


@dataclass(frozen=True)
class Checks:
    rockskip_repo_mb: float = 2000
    rockskip_words: tuple[str, ...] = ("rockskip",)
    disk_base_gb: float = 1000
    disk_repo_factor: float = 2
    tolerance: float = 0.01
    instance_types_file: str = ""


@dataclass(frozen=True)
class InstanceSpec:
    """One machine type: vCPU and memory (GiB) per instance."""

    type: str
    vcpu: int
    memory_gib: float


@dataclass(frozen=True)
class TddWords:
    production_words: tuple[str, ...] = ("production", "prod")
    trial_words: tuple[str, ...] = ("trial", "poc", "proof of concept", "pilot", "evaluation")
    count_words: tuple[str, ...] = ("count", "nodes", "quantity")
    total_words: tuple[str, ...] = ("total",)
    environment_words: tuple[str, ...] = ("environment",)
    other_system_words: tuple[str, ...] = ()  # parts about what the deployment replaces, options not taken
    on_premises_words: tuple[str, ...] = ()  # platforms of the customer's own data centre: on-premises
    not_done_words: tuple[str, ...] = ()  # statuses of things not done (a board's `To do`, `Won't do`)
    component_words: tuple[str, ...] = ()  # the deployment's services: a code key naming one is its amount


@dataclass(frozen=True)
class Catalogue:
    fields: Mapping[str, Field]
    tabs: Mapping[str, TabSpec]
    vocabularies: Mapping[str, Vocabulary]
    checks: Checks = Checks()
    tdd: TddWords = TddWords()
    source: str = ""
    instance_types: Mapping[str, InstanceSpec] = field(default_factory=dict)  # instance_key -> spec
    extra_columns: frozenset[str] = frozenset()  # norm() of Accounts headers for people only ([accounts])
    _tdd_index: Mapping[str, Field] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Field] = {}
        for f in self.fields.values():
            if f.from_tdd:
                for k in f.tdd_keys:
                    index.setdefault(k, f)
        object.__setattr__(self, "_tdd_index", MappingProxyType(index))

    def instance(self, type_: str) -> InstanceSpec | None:
        return self.instance_types.get(instance_key(type_))

    def field_for_label(self, label: str) -> Field | None:
        """The TDD-sourced field a label (or table header) names, if any."""
        text = label.strip().rstrip(":：").strip()
        for candidate in (text, strip_brackets(text)):
            f = self._tdd_index.get(norm(candidate))
            if f is not None:
                return f
        return None

    @property
    def accounts(self) -> TabSpec:
        return TabSpec("accounts", self.fields)

    @property
    def display_labels(self) -> Mapping[str, str]:
        """Field name -> its display label, in the catalogue's order (the order documents show)."""
        return MappingProxyType({name: f.display_label for name, f in self.fields.items()})

    @property
    def display_formats(self) -> Mapping[str, tuple[str, str]]:
        """Field name -> (formatter, unit) the documents show its value with."""
        return MappingProxyType({name: f.display_format for name, f in self.fields.items()})


# --------------------------------------------------------------------------------------------
# loading

_FIELD_KEYS = {
    "label",
    "display_label",
    "aliases",
    "tdd_aliases",
    "type",
    "unit",
    "display_unit",
    "required",
    "vocabulary",
    "sources",
    "min",
    "min_exclusive",
    "not_above",
    "not_before",
    "not_future",
    "writeback",
    "vitally",
}
_COLUMN_KEYS = {"label", "aliases", "type", "vocabulary", "required"}
WRITEBACK_FIELDS = ("handoff_status", "handoff_doc", "last_handoff")  # the Accounts columns the tool writes
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
TAB_KEYS = tuple(k for k in ALL_TABS if k != "accounts")  # the tabs a [tabs.<key>] table describes


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.path}: '{key}': {message}", fix=f"correct '{key}' in {self.path}")

    def table(self, data: Any, key: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(key, "must be a table")
        return data

    def string(self, data: dict[str, Any], name: str, key: str, default: str | None = None) -> str:
        value = data.get(name, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key}.{name}", "must be a non-empty string")
        return value.strip()

    def strings(self, data: dict[str, Any], name: str, key: str) -> tuple[str, ...]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"{key}.{name}", "must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def boolean(self, data: dict[str, Any], name: str, key: str) -> bool:
        value = data.get(name, False)
        if not isinstance(value, bool):
            raise self.fail(f"{key}.{name}", "must be true or false")
        return value

    def number(self, data: dict[str, Any], name: str, key: str, default: float | None = None) -> float | None:
        value = data.get(name, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{key}.{name}", "must be a number")
        return float(value)

    def unknown(self, data: dict[str, Any], allowed: set[str], key: str) -> None:
        extra = sorted(set(data) - allowed)
        if extra:
            raise self.fail(f"{key}.{extra[0]}", f"unknown setting (known: {', '.join(sorted(allowed))})")


def _read_toml(p: Path, what: str, fix: str) -> dict[str, Any]:
    """A TOML file's tables; ConfigError when it is missing (with `fix`) or not valid TOML."""
    try:
        return tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{what} {p} does not exist", fix=fix) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: not valid TOML ({exc})") from None


def load_catalogue(path: str | Path) -> Catalogue:
    """Read and check the catalogue file; ConfigError naming key and file on any mistake."""
    p = Path(path)
    data = _read_toml(p, "field catalogue", "set fields_file in the configuration to the catalogue's path")
    catalogue = parse_catalogue(data, p)
    if not catalogue.checks.instance_types_file:
        return catalogue
    types_path = p.parent / catalogue.checks.instance_types_file
    return replace(catalogue, instance_types=load_instance_types(types_path))


def load_instance_types(path: str | Path) -> Mapping[str, InstanceSpec]:
    """`config/instance_types.toml`: `[provider] "type" = { vcpu = N, memory_gib = M }` → key -> spec."""
    p = Path(path)
    data = _read_toml(
        p, "instance type catalogue", "correct checks.instance_types_file in the field catalogue"
    )
    r = _Reader(p)
    out: dict[str, InstanceSpec] = {}
    for provider, types in data.items():
        for name, spec in r.table(types, provider).items():
            key = f"{provider}.{name}"
            table = r.table(spec, key)
            r.unknown(table, {"vcpu", "memory_gib"}, key)
            vcpu, memory = r.number(table, "vcpu", key), r.number(table, "memory_gib", key)
            if vcpu is None or memory is None or vcpu <= 0 or memory <= 0 or vcpu != int(vcpu):
                raise r.fail(key, "needs vcpu (a whole number) and memory_gib, both above 0")
            out[instance_key(name)] = InstanceSpec(name, int(vcpu), memory)
    return MappingProxyType(out)


def parse_catalogue(data: Mapping[str, Any], path: str | Path = "fields.toml") -> Catalogue:
    r = _Reader(Path(path))
    r.unknown(dict(data), {"fields", "vocabularies", "tabs", "checks", "tdd", "accounts"}, "(top level)")
    accounts = r.table(data.get("accounts", {}), "accounts")
    r.unknown(accounts, {"extra_columns"}, "accounts")
    extra = frozenset(norm(c) for c in r.strings(accounts, "extra_columns", "accounts"))
    vocabularies = _vocabularies(r, data.get("vocabularies", {}))
    raw_fields = r.table(data.get("fields"), "fields")
    if not raw_fields:
        raise r.fail("fields", "must define at least one field")
    fields: dict[str, Field] = {}
    for name, raw in raw_fields.items():
        fields[name] = _field(
            r, name, r.table(raw, f"fields.{name}"), vocabularies, f"fields.{name}", full=True
        )
    if "account" not in fields:
        raise r.fail("fields.account", "is missing: the account slug column is the key of every row")
    for name in WRITEBACK_FIELDS:
        if name not in fields or not fields[name].writeback:
            raise r.fail(
                f"fields.{name}",
                "must be a field with writeback = true: the tool writes the handoff status, doc link "
                "and time into these Accounts columns",
            )
    _check_references(r, fields)
    _check_aliases(r, fields, "fields")
    tabs: dict[str, TabSpec] = {}
    for key, raw_tab in r.table(data.get("tabs", {}), "tabs").items():
        if key not in TAB_KEYS:
            raise r.fail(f"tabs.{key}", f"unknown tab (known: {', '.join(TAB_KEYS)})")
        tab = r.table(raw_tab, f"tabs.{key}")
        r.unknown(tab, {"columns"}, f"tabs.{key}")
        cols = {
            name: _field(
                r,
                name,
                r.table(raw, f"tabs.{key}.columns.{name}"),
                vocabularies,
                f"tabs.{key}.columns.{name}",
                full=False,
            )
            for name, raw in r.table(tab.get("columns"), f"tabs.{key}.columns").items()
        }
        if key != "log" and "account" not in cols:
            raise r.fail(f"tabs.{key}.columns.account", "is missing: every log row names its account")
        _check_aliases(r, cols, f"tabs.{key}.columns")
        tabs[key] = TabSpec(key, MappingProxyType(cols))
    return Catalogue(
        fields=MappingProxyType(fields),
        tabs=MappingProxyType(tabs),
        vocabularies=MappingProxyType(vocabularies),
        checks=_checks(r, r.table(data.get("checks", {}), "checks")),
        tdd=_tdd_words(r, r.table(data.get("tdd", {}), "tdd")),
        source=str(path),
        extra_columns=extra,
    )


def _vocabularies(r: _Reader, raw: Any) -> dict[str, Vocabulary]:
    out: dict[str, Vocabulary] = {}
    for name, values in r.table(raw, "vocabularies").items():
        key = f"vocabularies.{name}"
        table = r.table(values, key)
        if not table:
            raise r.fail(key, "must list at least one value")
        aliases: dict[str, str] = {}
        spellings: dict[str, tuple[str, ...]] = {}
        for canonical, alias_list in table.items():
            if not isinstance(alias_list, list) or not all(isinstance(a, str) for a in alias_list):
                raise r.fail(f"{key}.{canonical}", "must be a list of alias strings")
            for spelling in (canonical, *alias_list):
                k = norm(spelling)
                if not k:
                    raise r.fail(f"{key}.{canonical}", f"alias '{spelling}' has no letters or digits")
                if aliases.get(k, canonical) != canonical:
                    raise r.fail(
                        f"{key}.{canonical}",
                        f"'{spelling}' already means '{aliases[k]}' in the same vocabulary",
                    )
                aliases[k] = canonical
                spellings[k] = tuple(_words(spelling))
        out[name] = Vocabulary(name, tuple(table), MappingProxyType(aliases), MappingProxyType(spellings))
    return out


def _field(
    r: _Reader,
    name: str,
    raw: dict[str, Any],
    vocabularies: Mapping[str, Vocabulary],
    key: str,
    *,
    full: bool,
) -> Field:
    if not _NAME.match(name):
        raise r.fail(key, "names must be lower_snake_case")
    r.unknown(raw, _FIELD_KEYS if full else _COLUMN_KEYS, key)
    type_name = raw.get("type", "text")
    try:
        ftype = FieldType(type_name)
    except ValueError:
        raise r.fail(f"{key}.type", f"'{type_name}' is not a type (known: {', '.join(FieldType)})") from None
    vocabulary = _field_vocabulary(r, raw, vocabularies, key, ftype)
    unit = _field_unit(r, raw, key, ftype)
    sources = r.strings(raw, "sources", key) if "sources" in raw else SOURCES
    if not sources or any(s not in SOURCES for s in sources) or len(set(sources)) != len(sources):
        raise r.fail(f"{key}.sources", f"must be a non-empty list drawn from {', '.join(SOURCES)}")
    vitally = _field_vitally(r, raw["vitally"], key) if "vitally" in raw else None
    _check_bounds(r, raw, key, ftype)
    return Field(
        name=name,
        label=r.string(raw, "label", key),
        type=ftype,
        display_label=r.string(raw, "display_label", key) if full else "",
        aliases=r.strings(raw, "aliases", key),
        tdd_aliases=r.strings(raw, "tdd_aliases", key),
        unit=unit,
        display_unit=_field_display_unit(r, raw, key, ftype),
        required=r.boolean(raw, "required", key),
        vocabulary=vocabulary,
        sources=sources,
        min=r.number(raw, "min", key),
        min_exclusive=r.boolean(raw, "min_exclusive", key),
        not_above=r.string(raw, "not_above", key) if "not_above" in raw else None,
        not_before=r.string(raw, "not_before", key) if "not_before" in raw else None,
        not_future=r.boolean(raw, "not_future", key),
        writeback=r.boolean(raw, "writeback", key),
        vitally=vitally,
    )


def _field_vocabulary(
    r: _Reader, raw: dict[str, Any], vocabularies: Mapping[str, Vocabulary], key: str, ftype: FieldType
) -> Vocabulary | None:
    if ftype in (FieldType.VOCABULARY, FieldType.VOCABULARY_LIST):
        vname = r.string(raw, "vocabulary", key)
        if vname not in vocabularies:
            raise r.fail(f"{key}.vocabulary", f"no [vocabularies.{vname}] in the file")
        return vocabularies[vname]
    if "vocabulary" in raw:
        raise r.fail(f"{key}.vocabulary", f"only vocabulary types take a vocabulary (type is '{ftype}')")
    return None


def _field_unit(r: _Reader, raw: dict[str, Any], key: str, ftype: FieldType) -> str | None:
    if ftype is FieldType.QUANTITY:
        unit = r.string(raw, "unit", key)
        if unit not in QUANTITY_UNITS:
            raise r.fail(f"{key}.unit", f"'{unit}' is not one of {', '.join(QUANTITY_UNITS)}")
        return unit
    if "unit" in raw:
        raise r.fail(f"{key}.unit", "only quantity fields take a unit")
    return None


def _field_display_unit(r: _Reader, raw: dict[str, Any], key: str, ftype: FieldType) -> str:
    if "display_unit" not in raw:
        return ""
    if ftype is not FieldType.INTEGER:
        raise r.fail(
            f"{key}.display_unit", "only integer fields take a display_unit (a quantity shows its unit)"
        )
    return r.string(raw, "display_unit", key)


def _field_vitally(r: _Reader, table: Any, key: str) -> Vitally:
    v = r.table(table, f"{key}.vitally")
    r.unknown(v, {"key", "type"}, f"{key}.vitally")
    vkey = r.string(v, "key", f"{key}.vitally")
    vtype = r.string(v, "type", f"{key}.vitally")
    if vtype not in VITALLY_TYPES:
        raise r.fail(f"{key}.vitally.type", f"'{vtype}' is not one of {', '.join(VITALLY_TYPES)}")
    return Vitally(vkey, vtype)


def _check_bounds(r: _Reader, raw: dict[str, Any], key: str, ftype: FieldType) -> None:
    """Numeric bounds only on numbers, date bounds only on dates."""
    for numeric_key in ("min", "min_exclusive", "not_above"):
        if numeric_key in raw and ftype not in NUMERIC_TYPES:
            raise r.fail(f"{key}.{numeric_key}", "only integer and quantity fields take numeric bounds")
    for date_key in ("not_before", "not_future"):
        if date_key in raw and ftype is not FieldType.DATE:
            raise r.fail(f"{key}.{date_key}", "only date fields take date bounds")


def _check_references(r: _Reader, fields: Mapping[str, Field]) -> None:
    for f in fields.values():
        for attr, want in (("not_above", NUMERIC_TYPES), ("not_before", frozenset({FieldType.DATE}))):
            other = getattr(f, attr)
            if other is None:
                continue
            if other not in fields:
                raise r.fail(f"fields.{f.name}.{attr}", f"no field '{other}'")
            if fields[other].type not in want:
                raise r.fail(f"fields.{f.name}.{attr}", f"'{other}' is a {fields[other].type} field")


def _check_aliases(r: _Reader, columns: Mapping[str, Field], key: str) -> None:
    seen: dict[str, str] = {}
    for c in columns.values():
        for spelling in (c.label, *c.aliases):
            k = norm(spelling)
            if not k:
                raise r.fail(f"{key}.{c.name}", f"'{spelling}' has no letters or digits")
            if seen.get(k, c.name) != c.name:
                raise r.fail(f"{key}.{c.name}.aliases", f"'{spelling}' already names '{seen[k]}'")
            seen[k] = c.name
        seen.setdefault(norm(c.name), c.name)


def _checks(r: _Reader, raw: dict[str, Any]) -> Checks:
    r.unknown(raw, set(Checks.__dataclass_fields__), "checks")
    d = Checks()
    words = r.strings(raw, "rockskip_words", "checks") if "rockskip_words" in raw else d.rockskip_words
    values = {
        k: r.number(raw, k, "checks", getattr(d, k))
        for k in ("rockskip_repo_mb", "disk_base_gb", "disk_repo_factor", "tolerance")
    }
    tol = values["tolerance"]
    if tol is None or not 0 <= tol < 1:
        raise r.fail("checks.tolerance", "must be a fraction from 0 to below 1, e.g. 0.01")
    types_file = r.string(raw, "instance_types_file", "checks") if "instance_types_file" in raw else ""
    return Checks(
        rockskip_words=words, instance_types_file=types_file, **{k: float(v or 0) for k, v in values.items()}
    )


def _tdd_words(r: _Reader, raw: dict[str, Any]) -> TddWords:
    r.unknown(raw, set(TddWords.__dataclass_fields__), "tdd")
    d = TddWords()
    return TddWords(
        **{k: r.strings(raw, k, "tdd") if k in raw else getattr(d, k) for k in TddWords.__dataclass_fields__}
    )


# --------------------------------------------------------------------------------------------
# naming a field on the command line, or in a header that names none


def field_spellings(f: Field) -> tuple[str, ...]:
    """Every way a person may name a field: its name, label, aliases and Vitally trait key
    (in full, `vitally.custom.totalCpu`, or its last part, `totalCpu`)."""
    spellings = [f.name, f.label, *f.aliases]
    if f.vitally is not None:
        spellings += [f.vitally.key, f.vitally.key.rsplit(".", 1)[-1]]
    return tuple(spellings)


def resolve_field(catalogue: Catalogue, text: str, option: str = "--force-field") -> Field:
    """The field `text` names, in any case and spacing; UsageError with a did-you-mean otherwise.

    Shared by every option that takes a field (`--force-field`, `--accept`)."""
    index: dict[str, Field] = {}
    for f in catalogue.fields.values():
        for spelling in field_spellings(f):
            index.setdefault(norm(spelling), f)
    found = index.get(norm(text)) or index.get(norm(strip_brackets(text)))
    if found is not None:
        return found
    close = difflib.get_close_matches(norm(text), list(index), n=1, cutoff=0.6)
    hint = f"; did you mean '{index[close[0]].name}'?" if close else ""
    raise UsageError(
        f"{option} {text!r}: no such field{hint}",
        fix=f"name a field by its name, label or Vitally trait key (config/fields.toml): {option} total_cpu",
    )


def suggest_column(spec: TabSpec, header: str) -> Field | None:
    """The column a header that names none probably means: `Compute (vCPU)` → Total CPU (by the
    words in brackets), `Totl Memory` → Total Memory (GB) (by spelling); None when nothing is close."""
    index = {k: col for col in spec.columns.values() for k in col.header_keys}
    inner = re.findall(r"[(\[]([^()\[\]]*)[)\]]", header)
    for key in (norm(i) for i in inner):
        if key in index:
            return index[key]
    for text in (header, strip_brackets(header)):
        close = difflib.get_close_matches(norm(text), list(index), n=1, cutoff=0.75)
        if close:
            return index[close[0]]
    return None
