"""Render the handoff document(s) and the Vitally note from the Jinja templates in `templates/`.

    render_document(template_name, handoff, context) -> HTML for Drive import
    render_note(handoff, context)                     -> HTML body of the Vitally note
    render_documents(settings, catalogue, handoff, run) -> every configured document, titled and rendered
    document_title(spec_title, handoff)               -> a configured title with {name}/{account} filled

Safety: templates run in a `SandboxedEnvironment` with autoescape on (`.html`, `.j2`) and
`StrictUndefined`, so a typo in a template is an error, not an empty string. Values from the
sheet or a TDD only ever reach a template as data (context variables), never as template
source: `{{ 7*7 }}` typed in a cell comes out as those nine characters, `<script>` as
`&lt;script&gt;`. Links are only made from http(s) URLs; anything else is shown as text.

Determinism: nothing here reads the clock. The "generated" stamp is `RunInfo.generated_at`,
passed in by the caller (re-render with the stamp recorded in the state to compare content),
so the same input gives the same bytes.

The context every template sees:

    handoff   model.Handoff            the merged, validated account
    doc       DocInfo                  kind, title, template, url of the document being rendered
    run       RunInfo                  mode ("final" | "draft"), generated_at, tool_version,
                                       override_reason (or None), ready, doc_links {kind: url},
                                       review_due_days (the Vitally task's, from the settings)
    documents tuple[DocInfo, ...]      every configured document (for cross-links)
    separate  {"issues"|"risks"|"handoff": DocInfo | None}  the *other* document holding that part
    labels    {field name: display label}  from the catalogue (`display_label`), in its order:
              `name|label` and `handoff|ordered_fields` read it; a name it lacks is a RenderError
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import string
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html import unescape as html_unescape
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urlsplit

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from handoff import __version__
from handoff.core.errors import ConfigError, UsageError
from handoff.core.fields import WRITEBACK_FIELDS, Catalogue
from handoff.core.longdate import long_date
from handoff.core.model import FieldValue, Handoff, LogEntry
from handoff.core.redact import mask
from handoff.core.settings import PROJECT_ROOT, Settings
from handoff.render.next_steps import add_days, commitments

DEFAULT_TEMPLATES_DIR = PROJECT_ROOT / "templates"
NOTE_TEMPLATE = "vitally-note.html.j2"
TASK_TEMPLATE = "vitally-task.html.j2"
TASK_TITLE_TEMPLATE = "vitally-task-title.txt.j2"
NEXT_STEPS_TEMPLATE = "vitally-next-steps.txt.j2"
EMPTY = "—"
NOT_RECORDED = "Not recorded"

# Which template plays which part, so the main document can point at a separate log document.
PART_TEMPLATES = {
    "handoff": "handoff.html.j2",
    "issues": "issues-log.html.j2",
    "risks": "risk-log.html.j2",
}

# How each field is shown: a formatter name and, for quantities, the unit.
SOURCE_LABELS = {
    "sheet": "Tracking sheet",
    "tdd": "TDD",
    "config": "Configuration",
    "vitally": "Vitally",
    "drive": "Drive",
}
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
LEVEL_ORDER = {"high": 0, "medium": 1, "low": 2}
NOTE_CATEGORIES = ("limits", "special deployment", "engineering involvement")
RESOLVED_ISSUE = {"resolved", "closed", "done"}
OPEN_RISK = {"open", ""}

_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"']+")
_UNIT_IN_TEXT = re.compile(r"[A-Za-z]+")
_NUMBER_IN_TEXT = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")  # (re's \s is str.isspace)
# user:password@ in any URL-looking text: never copied into a document or a note.


class RenderError(UsageError):
    """A template is missing, does not parse, or uses a name the context does not have."""


# -- the context ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocInfo:
    """One document: its kind (from the config), title, template and, once it exists, its URL."""

    kind: str
    title: str
    template: str = ""
    url: str | None = None


@dataclass(frozen=True)
class RunInfo:
    """What this run is: explicit values only (no clock reads), so rendering is deterministic."""

    mode: Literal["final", "draft"] = "final"
    generated_at: dt.datetime | dt.date | str | None = None
    tool_version: str = __version__
    override_reason: str | None = None
    ready: bool = False
    doc_links: Mapping[str, str] = field(default_factory=dict)
    review_due_days: int | None = None  # the Vitally review task is due this many days after the handoff

    @property
    def draft(self) -> bool:
        return self.mode == "draft"


@dataclass(frozen=True)
class RenderContext:
    """The document being rendered, the run, and every configured document (for cross-links)."""

    doc: DocInfo
    run: RunInfo
    documents: tuple[DocInfo, ...] = ()
    labels: Mapping[str, str] = field(kw_only=True)  # the catalogue's display labels, in its order
    formats: Mapping[str, tuple[str, str]] = field(
        kw_only=True
    )  # the catalogue's (formatter, unit) per field

    def separate(self) -> dict[str, DocInfo | None]:
        """For each part ("issues", "risks", "handoff"): the other configured document holding it, or None."""
        out: dict[str, DocInfo | None] = dict.fromkeys(PART_TEMPLATES)
        for part, template in PART_TEMPLATES.items():
            if self.doc.template == template:
                continue
            for d in self.documents:
                if d.template == template and d.kind != self.doc.kind:
                    out[part] = DocInfo(d.kind, d.title, d.template, d.url or self.run.doc_links.get(d.kind))
                    break
        return out


@dataclass(frozen=True)
class RenderedDocument:
    kind: str
    title: str
    template: str
    html: str


# -- formatting helpers (also the template filters) -------------------------------------------


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset | Mapping):
        return len(value) == 0
    return False


def safe_url(value: Any) -> str | None:
    """The value as an http(s) URL with a host and no credentials, or None: the only hrefs a document gets."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or _SPACE_OR_CONTROL.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or "@" in parts.netloc
        or mask(text) != text
    ):
        return None  # no host, or credentials inside: shown as (redacted) text, never linked
    return text


def format_date(value: Any, empty: str = EMPTY) -> str:
    """`2 March 2026`; ISO strings are parsed, anything else is shown as written."""
    if is_empty(value):
        return empty
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            return value.strip()
    if isinstance(value, dt.datetime | dt.date):
        return long_date(value)
    return str(value)


def format_datetime(value: Any, empty: str = EMPTY) -> str:
    """`2 March 2026, 14:05 UTC` (naive datetimes are taken as UTC; a date shows the date only)."""
    if is_empty(value):
        return empty
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return value.strip()
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return f"{format_date(value)}, {value:%H:%M} UTC"
    return format_date(value, empty)


def format_number(value: Any, decimals: int = 2) -> str:
    """Thousands separators, no trailing zeros: 1200 → `1,200`, 1.50 → `1.5`, 240.518 → `240.52`."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        text = f"{value:,.{decimals}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value).strip()


def format_quantity(value: Any, unit: str = "", empty: str = EMPTY, written: str = "") -> str:
    """`192 GB`, `1,200` (no unit), `2,500 GB (2.5 TB)` when the source wrote another figure.

    Sizes get one decimal: the exact figure is what the source wrote, shown alongside when
    its unit differs. Text that is not a number is shown as written.
    """
    if is_empty(value):
        return empty
    if not unit or not isinstance(value, int | float) or isinstance(value, bool):
        return format_number(value)
    text = f"{format_number(value, 1)} {unit}"
    written_unit = _UNIT_IN_TEXT.findall(written or "")
    number = _NUMBER_IN_TEXT.match((written or "").strip())
    same_number = number is not None and number.group(0).replace(",", "") == f"{value:g}"
    if written_unit and written_unit[-1].casefold() != unit.casefold() and not same_number:
        text += f" ({' '.join(written.split())})"  # 2,500 GB (2.5 TB); never 224 GB (224 GiB)
    return text


def format_item(item: Any) -> str:
    """One list entry: a string, or an instance type {type, count} as `3 × m6i.4xlarge`."""
    if isinstance(item, Mapping):
        kind = item.get("type") or item.get("name") or ""
        count = item.get("count")
        return f"{format_number(count)} × {kind}" if count not in (None, "", 1) else str(kind)
    kind = getattr(item, "type", None)
    if isinstance(kind, str):
        count = getattr(item, "count", None)
        return f"{format_number(count)} × {kind}" if count not in (None, "", 1) else kind
    return display_text(item, "")


def format_list(value: Any, empty: str = EMPTY) -> str:
    """`GitHub Enterprise Server, GitLab self-managed`; a single value is shown as itself."""
    if is_empty(value):
        return empty
    if isinstance(value, list | tuple):
        items = [format_item(v) for v in value]
        items = [i for i in items if i]
        return ", ".join(items) if items else empty
    return display_text(value, empty)


def format_done(value: Any) -> str:
    return (
        "Done"
        if value is True
        or (isinstance(value, str) and value.strip().lower() in ("true", "yes", "y", "x", "✓", "✔", "done"))
        else "Not done"
    )


def display_text(value: Any, empty: str = EMPTY) -> str:
    """Any value as plain text for a person: never `None`, dates human, numbers grouped."""
    if is_empty(value):
        return empty
    if isinstance(value, str):
        return mask(value.strip())
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return format_datetime(value, empty)
    if isinstance(value, dt.date):
        return format_date(value, empty)
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, list | tuple):
        return format_list(value, empty)
    if isinstance(value, Mapping):
        return format_item(value)
    return str(value)


def text_markup(text: str) -> Markup:
    """Escape text, turn http(s) URLs in it into links and line breaks into <br>."""
    if "://" not in text:  # no URL (most values): the escaped text
        html = str(escape(text))
        return Markup(html.replace("\r\n", "\n").replace("\n", "<br>") if "\n" in html else html)
    out: list[str] = []
    pos = 0
    for m in _URL_IN_TEXT.finditer(text):
        url = m.group(0)
        trimmed = url.rstrip(".,;:!?")
        if trimmed.endswith(")") and trimmed.count("(") < trimmed.count(")"):
            trimmed = trimmed[:-1]
        end = m.start() + len(trimmed)
        out.append(str(escape(text[pos : m.start()])))
        href = safe_url(trimmed)
        out.append(str(_anchor(href, trimmed)) if href else str(escape(trimmed)))
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out).replace("\r\n", "\n").replace("\n", "<br>"))


def _anchor(href: str, text: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


def display(value: Any, empty: str = EMPTY) -> Markup:
    """The filter for any value: escaped, URLs clickable, never `None` (empty → `—` by default)."""
    if isinstance(value, Markup):
        return value
    return text_markup(display_text(value, empty))


def link(value: Any, text: Any = None, empty: str = EMPTY) -> Markup:
    """An <a href> for an http(s) URL; anything else (javascript:, mailto:, junk) as plain text."""
    if is_empty(value):
        return Markup(escape(empty))
    href = safe_url(value)
    label = display_text(text, "") or display_text(value, empty)
    if href is None:
        return Markup(escape(label))
    return _anchor(href, label)


def sentence(value: Any) -> Any:
    """First letter upper-case (`in progress` → `In progress`); other values untouched."""
    if isinstance(value, str) and value.strip():
        v = value.strip()
        return v[0].upper() + v[1:]
    return value


def format_field(
    display_format: tuple[str, str], value: Any, empty: str = NOT_RECORDED, written: str = ""
) -> Markup:
    """One field's value for a person, shown as its catalogue type says ((formatter, unit) from
    `Catalogue.display_formats`); `written` is the source text (shown for converted sizes)."""
    kind, unit = display_format
    if is_empty(value):
        return Markup(escape(empty))
    if kind == "date":
        return Markup(escape(format_date(value, empty)))
    if kind == "link":
        return link(value, empty=empty)
    if kind == "quantity":
        return Markup(escape(format_quantity(value, unit, empty, mask(written))))
    return display(value, empty)


DISAGREED = "the tracking sheet and the TDD disagree: see the appendix"


@jinja2.pass_context
def field_filter(
    ctx: jinja2.runtime.Context, handoff: Handoff, name: str, empty: str = NOT_RECORDED
) -> Markup:
    """`handoff|field("total_memory_gb")` → `192 GB`, or `Not recorded`; a value with an error
    (only a draft renders one) is never shown as a fact: `invalid: -4 (see appendix)`; a value whose
    sources disagreed is marked `192 GB (the tracking sheet and the TDD disagree: see the appendix)`."""
    fv = handoff.fields.get(name)
    if fv is not None and fv.text.strip() and any(p.field == name for p in handoff.errors):
        return Markup(escape(f"invalid: {mask(' '.join(fv.text.split()))} (see appendix)"))
    shown = format_field(_format(ctx, name), fv.value if fv else None, empty, fv.text if fv else "")
    if any(d.field == name for d in handoff.disagreements):
        shown += Markup(" <i>(") + DISAGREED + Markup(")</i>")
    return shown


@jinja2.pass_context
def field_value(ctx: jinja2.runtime.Context, fv: FieldValue, empty: str = NOT_RECORDED) -> Markup:
    return format_field(_format(ctx, fv.name), fv.value, empty, fv.text)


@jinja2.pass_context
def source_value(ctx: jinja2.runtime.Context, handoff: Handoff, fv: FieldValue) -> Markup:
    """The appendix's value of a field: as written, marked `invalid:` when it has an error."""
    if fv.text.strip() and any(p.field == fv.name for p in handoff.errors):
        return Markup(escape(f"invalid: {mask(' '.join(fv.text.split()))}"))
    return format_field(_format(ctx, fv.name), fv.value, NOT_RECORDED, fv.text)


def _format(ctx: jinja2.runtime.Context, name: str) -> tuple[str, str]:
    """The field's (formatter, unit) from the catalogue; a field it does not know is shown as written."""
    formats = cast(Mapping[str, tuple[str, str]], _from_context(ctx, "formats", "display formats"))
    return formats.get(name, ("display", ""))


def _from_context(ctx: jinja2.runtime.Context, key: str, what: str) -> Mapping[str, object]:
    """The catalogue's `labels` or `formats`, which the render context carries."""
    value = ctx.get(key)
    if value is None:  # a macro imported without context
        raise RenderError(
            f"the {what} are not in this template's context",
            fix="import the macros `with context`",
        )
    return cast(Mapping[str, object], value)


@jinja2.pass_context
def field_label(ctx: jinja2.runtime.Context, name: str) -> str:
    """`"total_memory_gb"|label` → `Total memory`: the field's display label from the catalogue."""
    label = _labels(ctx).get(name)
    if label is None:
        raise RenderError(
            f"no field '{name}' in the catalogue, so it has no display label",
            fix="name a field of config/fields.toml in the template",
        )
    return label


def _labels(ctx: jinja2.runtime.Context) -> Mapping[str, str]:
    return cast(Mapping[str, str], _from_context(ctx, "labels", "display labels"))


def source_label(source: str) -> str:
    return SOURCE_LABELS.get(source, source.capitalize() if source else EMPTY)


@jinja2.pass_context
def ordered_fields(ctx: jinja2.runtime.Context, handoff: Handoff) -> list[FieldValue]:
    """The account's fields in the catalogue's order (any field it lacks after them, by name)."""
    order = {name: i for i, name in enumerate(_labels(ctx))}
    # the columns this tool writes back are never part of the doc (it would change after every
    # write-back, and a re-run would never be a no-op)
    fields = (f for f in handoff.fields.values() if f.name not in WRITEBACK_FIELDS)
    return sorted(fields, key=lambda f: (order.get(f.name, len(order)), f.name))


# -- log helpers ------------------------------------------------------------------------------


def get(entry: LogEntry, key: str) -> Any:
    """A raw log value, or None when the column is absent."""
    return entry.values.get(key)


def cell(entry: LogEntry, key: str, style: str = "", empty: str = EMPTY) -> Markup:
    """A formatted log cell: style "" (any value), "sentence" (vocabulary), "date", "done", "link"."""
    value = entry.values.get(key)
    if style == "done":
        return Markup(format_done(value))
    if is_empty(value):
        return Markup(escape(empty))
    if style == "sentence":
        return display(sentence(value), empty)
    if style == "date":
        return Markup(escape(format_date(value, empty)))
    if style == "link":
        return link(value, empty=empty)
    return display(value, empty)


_SEPARATORS = re.compile(r"[\s_-]+")


def _norm(value: Any) -> str:
    return _SEPARATORS.sub(" ", str(value or "")).strip().lower()


def _date_key(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value or "9999")


def notes_in(entries: Iterable[LogEntry], category: str) -> list[LogEntry]:
    """Notes of one category ("limits", "special deployment", "engineering involvement", "other")."""
    want = _norm(category)
    if want == "other":
        return [e for e in entries if _norm(e.values.get("category")) not in NOTE_CATEGORIES]
    return [e for e in entries if _norm(e.values.get("category")) == want]


def open_issues(entries: Iterable[LogEntry]) -> list[LogEntry]:
    """Issues still to resolve, most severe first, then oldest first (sheet order breaks ties)."""
    items = [e for e in entries if _norm(e.values.get("status")) not in RESOLVED_ISSUE]
    return sorted(
        items,
        key=lambda e: (
            SEVERITY_ORDER.get(_norm(e.values.get("severity")), 9),
            _date_key(e.values.get("opened")),
        ),
    )


def resolved_issues(entries: Iterable[LogEntry]) -> list[LogEntry]:
    return [e for e in entries if _norm(e.values.get("status")) in RESOLVED_ISSUE]


def open_risks(entries: Iterable[LogEntry]) -> list[LogEntry]:
    return [e for e in entries if _norm(e.values.get("status")) in OPEN_RISK]


def sorted_risks(entries: Iterable[LogEntry]) -> list[LogEntry]:
    """Open risks first, then by impact and likelihood (high first); sheet order breaks ties."""
    return sorted(
        entries,
        key=lambda e: (
            _norm(e.values.get("status")) not in OPEN_RISK,
            LEVEL_ORDER.get(_norm(e.values.get("impact")), 9),
            LEVEL_ORDER.get(_norm(e.values.get("likelihood")), 9),
        ),
    )


def count_by(entries: Iterable[LogEntry], key: str) -> list[tuple[str, int]]:
    """[("high", 2), ("low", 1)] in first-seen order: for "2 open issues (1 high, 1 low)"."""
    counts: dict[str, int] = {}
    for e in entries:
        k = _norm(e.values.get(key))
        if k:
            counts[k] = counts.get(k, 0) + 1
    return list(counts.items())


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """`1 open issue`, `2 open issues`, `no open issues`."""
    word = singular if n == 1 else (plural_form or singular + "s")
    return f"{format_number(n) if n else 'no'} {word}"


FILTERS: dict[str, Callable[..., Any]] = {
    "display": display,
    "date": format_date,
    "datetime": format_datetime,
    "quantity": format_quantity,
    "number": format_number,
    "listing": format_list,
    "done": format_done,
    "link": link,
    "sentence": sentence,
    "field": field_filter,
    "field_value": field_value,
    "source_value": source_value,
    "label": field_label,
    "source_label": source_label,
    "ordered_fields": ordered_fields,
    "get": get,
    "cell": cell,
    "notes_in": notes_in,
    "open_issues": open_issues,
    "resolved_issues": resolved_issues,
    "open_risks": open_risks,
    "sorted_risks": sorted_risks,
    "count_by": count_by,
    "plural": plural,
    "commitments": commitments,
    "add_days": add_days,
}


# -- the environment --------------------------------------------------------------------------


def templates_dir(settings: Settings | None = None) -> Path:
    return settings.path(settings.templates_dir) if settings else DEFAULT_TEMPLATES_DIR


_ENVIRONMENTS_LOCK = threading.Lock()


def environment(directory: str) -> SandboxedEnvironment:
    """`make_environment`, thread-safe: a batch's first accounts render concurrently, and without
    the lock each thread built (and compiled every template into) its own environment."""
    with _ENVIRONMENTS_LOCK:
        return make_environment(directory)


class _Sandbox(SandboxedEnvironment):
    """The sandbox, its attribute check remembered per (type of object, attribute name): the check
    (`is_internal_attribute` and a leading underscore) depends on nothing else, and a render asks it
    hundreds of times for the same few names."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe


@lru_cache(maxsize=8)
def make_environment(directory: str) -> SandboxedEnvironment:
    """The sandboxed, autoescaping, strict environment over one templates folder, every template
    compiled once up front (a template with an error is left to fail when it is used)."""
    env = _Sandbox(
        loader=jinja2.FileSystemLoader(directory, encoding="utf-8"),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "j2"), default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,  # a plain dict: every template stays compiled (no LRU bookkeeping per include)
    )
    env.filters.update(FILTERS)
    for name in env.list_templates(extensions=("j2", "html", "htm")):
        with contextlib.suppress(jinja2.TemplateError, UnicodeDecodeError):
            env.get_template(name)
    return env


@lru_cache(maxsize=16)
def _resolved(folder: Path) -> str:
    """The templates folder's real path (a render asks it for every document)."""
    return str(folder.resolve())


def _render(template_name: str, variables: dict[str, Any], directory: Path | None) -> str:
    folder = Path(directory) if directory else DEFAULT_TEMPLATES_DIR
    env = environment(_resolved(folder))
    try:
        template = env.get_template(template_name)
        html = template.render(variables)
    except jinja2.TemplateNotFound as exc:
        raise ConfigError(
            f"template '{exc.name}' not found in {folder}",
            fix="check the template names under [[docs.documents]] and templates_dir",
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template {exc.name or template_name}, line {exc.lineno}: {exc.message}") from None
    except (jinja2.UndefinedError, jinja2.exceptions.SecurityError) as exc:
        raise RenderError(
            f"template {template_name}: {exc}",
            fix="fix the template: it uses a name the render context does not have",
        ) from None
    return tidy(html)


def tidy(html: str) -> str:
    """Drop trailing spaces and the blank lines the templates leave; end with one newline.

    Safe for content: values never put a raw newline into the output (`display` turns
    them into <br>), so every blank line here is template whitespace.
    """
    return "\n".join(filter(None, map(str.rstrip, html.splitlines()))) + "\n"


def _with_url(info: DocInfo, run: RunInfo) -> DocInfo:
    return info if info.url else replace(info, url=run.doc_links.get(info.kind) or None)


def _variables(handoff: Handoff, context: RenderContext) -> dict[str, Any]:
    run = context.run
    return {
        "handoff": handoff,
        "doc": _with_url(context.doc, run),
        "run": run,
        "documents": tuple(_with_url(d, run) for d in context.documents),
        "separate": context.separate(),
        "labels": context.labels,
        "formats": context.formats,
    }


def render_document(
    template_name: str, handoff: Handoff, context: RenderContext, *, templates: Path | None = None
) -> str:
    """Render one document template to HTML (a complete page, ready for Drive HTML import)."""
    return _render(template_name, _variables(handoff, context), templates)


def render_note(handoff: Handoff, context: RenderContext, *, templates: Path | None = None) -> str:
    """Render the Vitally note body (an HTML fragment). `context.doc` is the main handoff document."""
    return render_document(NOTE_TEMPLATE, handoff, context, templates=templates)


def render_task(
    handoff: Handoff, context: RenderContext, *, templates: Path | None = None
) -> tuple[str, str]:
    """The Vitally review task: (title as one line of text, description as an HTML fragment)."""
    title = _render(TASK_TITLE_TEMPLATE, _variables(handoff, context), templates)
    body = render_document(TASK_TEMPLATE, handoff, context, templates=templates)
    return " ".join(html_unescape(title).split()), body


def render_next_steps_text(handoff: Handoff, settings: Settings, catalogue: Catalogue) -> str:
    """The next-steps trait's value: one line of text from its template."""
    run = RunInfo(mode="final", ready=handoff.checklist_complete)
    variables = _variables(handoff, note_context(settings, catalogue, handoff, run))
    text = _render(NEXT_STEPS_TEMPLATE, variables, templates_dir(settings))
    return " ".join(html_unescape(text).split())


def document_title(spec_title: str, handoff: Handoff) -> str:
    """Fill `{name}` (the customer's name, else the slug) and `{account}` in a configured title.

    Only those two plain placeholders are allowed (no attribute access, indexing or format
    specs); `{{` and `}}` stand for literal braces. Braces inside the values are kept as they are.
    """
    name = display_text(handoff.value("account_name"), "") or handoff.account
    values = {"name": name, "account": handoff.account}
    try:
        parsed = list(string.Formatter().parse(spec_title))
    except ValueError as exc:
        raise ConfigError(
            f"document title {spec_title!r}: {exc}",
            fix="use {name} or {account}; write {{ and }} for literal braces",
        ) from None
    for _, field_name, spec, conversion in parsed:
        if field_name is None:
            continue
        if field_name not in values or spec or conversion:
            raise ConfigError(
                f"document title {spec_title!r}: unknown placeholder {{{field_name}}}",
                fix="use {name} or {account}; write {{ and }} for literal braces",
            )
    title = spec_title.format_map(values)
    return " ".join(title.split())


def configured_documents(settings: Settings, handoff: Handoff, run: RunInfo) -> tuple[DocInfo, ...]:
    """Every document the configuration lists, titled for this account, with its URL if known."""
    return tuple(
        DocInfo(s.kind, document_title(s.title, handoff), s.template, run.doc_links.get(s.kind) or None)
        for s in settings.docs.documents
    )


def render_documents(
    settings: Settings, catalogue: Catalogue, handoff: Handoff, run: RunInfo
) -> tuple[RenderedDocument, ...]:
    """Every configured document, in order, with its title filled and its HTML rendered."""
    if run.review_due_days is None:
        run = replace(run, review_due_days=settings.vitally.task_due_days)
    docs = configured_documents(settings, handoff, run)
    folder = templates_dir(settings)
    return tuple(
        RenderedDocument(
            d.kind,
            d.title,
            d.template,
            render_document(
                d.template,
                handoff,
                RenderContext(
                    d, run, docs, labels=catalogue.display_labels, formats=catalogue.display_formats
                ),
                templates=folder,
            ),
        )
        for d in docs
    )


def note_context(settings: Settings, catalogue: Catalogue, handoff: Handoff, run: RunInfo) -> RenderContext:
    """The context `render_note` wants: the main document (the one using the handoff template,
    else the first configured) plus every configured one."""
    if run.review_due_days is None:
        run = replace(run, review_due_days=settings.vitally.task_due_days)
    docs = configured_documents(settings, handoff, run)
    main = next((d for d in docs if d.template == PART_TEMPLATES["handoff"]), docs[0])
    return RenderContext(main, run, docs, labels=catalogue.display_labels, formats=catalogue.display_formats)
