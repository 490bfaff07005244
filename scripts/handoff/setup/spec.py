"""What the tracking sheet should hold: the tool's tabs, their columns, and the rules that guide people.

Pure, from the configuration (`sheet.tabs`) and the field catalogue (`config/fields.toml`):
Accounts has one column per `[fields]` entry, the log tabs and the state tab the columns of
`[tabs.*.columns]`. `sheet_init` compares this with the spreadsheet and closes the gap.

Validation guides, it does not forbid: every rule has `strict` false, so people may still type
anything. The tool accepts aliases ("helm", "Amazon Web Services"), units ("224 GiB") and
`yes`/`✓` for done, which a strict rule would refuse; Sheets only marks such a cell.

| field type | rule |
| --- | --- |
| vocabulary | dropdown: ONE_OF_LIST of the canonical values (showCustomUi) |
| boolean (the checklist's Done) | checkbox: BOOLEAN |
| date | DATE_IS_VALID |
| integer with a `min` | NUMBER_GREATER (`min_exclusive`) or NUMBER_GREATER_THAN_EQ |
| email / url / doc_url | TEXT_IS_EMAIL / TEXT_IS_URL |
| vocabulary_list, quantity, instance_list | help text only (see below) |
| text, and the machine-written state tab | none |

A dropdown cannot hold a list (Code Hosts takes several values) and a quantity may carry its
own unit, so those columns get help text only: an always-true rule (`=TRUE`) whose input
message lists the allowed values or states the unit rule. Rules are compared without their
default values (`canonical`), as the API returns them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from handoff.core.fields import Catalogue, Field, FieldType, norm, strip_brackets
from handoff.core.settings import ENTRY_TABS, RUN_TABS

if TYPE_CHECKING:
    from handoff.core.settings import Settings

HOWTO_TITLE = "How to use"
LOG_TAB_KEYS = (*ENTRY_TABS, *RUN_TABS)


@dataclass(frozen=True)
class ColumnSpec:
    """One column the tool reads or writes, with the validation rule that guides its cells."""

    key: str
    label: str
    field: Field
    rule: Mapping[str, Any] | None = None
    kind: str = ""  # what the rule is, for people: "dropdown", "checkbox", "date", "help text", …


@dataclass(frozen=True)
class TabTarget:
    key: str  # "accounts", "notes", …, "state"
    title: str
    columns: tuple[ColumnSpec, ...]
    hidden: bool = False
    protected: bool = False


def _rule(condition: dict[str, Any], message: str = "", dropdown: bool = False) -> dict[str, Any]:
    rule: dict[str, Any] = {"condition": condition, "strict": False}
    if message:
        rule["inputMessage"] = message
    if dropdown:
        rule["showCustomUi"] = True
    return rule


def _values(*values: Any) -> list[dict[str, str]]:
    return [{"userEnteredValue": str(v)} for v in values]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def column_rule(f: Field) -> tuple[dict[str, Any] | None, str]:
    """The validation rule for a column of this field's type, and a word for it (see the module docstring)."""
    t = f.type
    if t is FieldType.VOCABULARY and f.vocabulary:
        return _rule(
            {"type": "ONE_OF_LIST", "values": _values(*f.vocabulary.values)}, dropdown=True
        ), "dropdown"
    if t is FieldType.VOCABULARY_LIST and f.vocabulary:
        text = "One or more of: " + ", ".join(f.vocabulary.values) + ". Separate them with commas."
        return _help(text), "help text"
    if t is FieldType.BOOLEAN:
        return _rule({"type": "BOOLEAN"}), "checkbox"
    if t is FieldType.DATE:
        return _rule({"type": "DATE_IS_VALID"}, "A date, e.g. 2026-03-02"), "date"
    if t is FieldType.INTEGER and f.min is not None:
        kind = "NUMBER_GREATER" if f.min_exclusive else "NUMBER_GREATER_THAN_EQ"
        sign = ">" if f.min_exclusive else "≥"
        text = f"A whole number {sign} {_number(f.min)}"
        return _rule(
            {"type": kind, "values": _values(_number(f.min))}, text
        ), f"number {sign} {_number(f.min)}"
    if t is FieldType.QUANTITY:
        return _help(
            f"A number in {f.unit}; a value with its own unit (224 GiB, 2.5 TB) is converted"
        ), "help text"
    if t is FieldType.INSTANCE_LIST:
        return _help("Machines and types, e.g. 3 × m6i.4xlarge, 2 × c6i.2xlarge"), "help text"
    if t is FieldType.EMAIL:
        return _rule({"type": "TEXT_IS_EMAIL"}, "An email address"), "email"
    if t in (FieldType.URL, FieldType.DOC_URL):
        return _rule({"type": "TEXT_IS_URL"}, "A link (https://…)"), "link"
    return None, ""


def _help(message: str) -> dict[str, Any]:
    """Help text without a check: an always-true custom formula carries the input message."""
    return _rule({"type": "CUSTOM_FORMULA", "values": _values("=TRUE")}, message)


def _columns(fields: Sequence[Field]) -> tuple[ColumnSpec, ...]:
    out = []
    for f in fields:
        rule, kind = column_rule(f)
        out.append(ColumnSpec(f.name, f.label, f, rule, kind))
    return tuple(out)


def sheet_targets(settings: Settings, catalogue: Catalogue) -> list[TabTarget]:
    """Every tab the tool reads and writes, in the order new tabs are added."""
    tabs = settings.sheet.tabs
    targets = [TabTarget("accounts", tabs.accounts, _columns(list(catalogue.fields.values())))]
    for key in LOG_TAB_KEYS:
        spec = catalogue.tabs.get(key)
        if spec is None:
            continue
        columns = _columns(list(spec.columns.values()))
        if key == "state":
            columns = tuple(ColumnSpec(c.key, c.label, c.field) for c in columns)  # machine-written: no rules
        targets.append(
            TabTarget(key, getattr(tabs, key), columns, hidden=key == "state", protected=key == "state")
        )
    return targets


def matches(text: str, spec: ColumnSpec) -> bool:
    """Does a header cell name this column? (labels and aliases; case, spaces, punctuation and
    bracketed notes ignored, as the sheet reader matches them)"""
    keys = spec.field.header_keys
    return bool(text) and (norm(text) in keys or norm(strip_brackets(text)) in keys)


def canonical(rule: Any) -> Any:
    """A rule without default values (false, empty), as the API returns it, for comparison."""
    if isinstance(rule, Mapping):
        out = {k: canonical(v) for k, v in rule.items()}
        return {k: v for k, v in out.items() if not (v is None or v is False or v in ("", [], {}))}
    if isinstance(rule, list | tuple):
        return [canonical(v) for v in rule]
    return rule


def howto_rows(settings: Settings, targets: Sequence[TabTarget]) -> list[list[str]]:
    """The How to use text: what goes where, what the tool writes, the commands, the allowed values."""
    tabs = settings.sheet.tabs
    by_key = {t.key: t for t in targets}
    accounts = by_key["accounts"]
    key_label = next(c.label for c in accounts.columns if c.key == "account")
    written = [c.label for c in accounts.columns if c.field.writeback]
    rows = [
        ["How to use this tracking sheet"],
        [],
        [
            f"One row per account in the '{tabs.accounts}' tab. '{key_label}' holds the account's short slug "
            "(acme); every other tab names the account in its own Account column."
        ],
        [
            "Dropdowns list the canonical values. Other spellings the tool knows (helm, Amazon Web Services) "
            "are still accepted: Sheets only marks them. Select a cell to see its column's hint."
        ],
        [
            f"Tick Done in the '{tabs.checklist}' tab as each close-out item is completed: a handoff is "
            "final only when every item of the account is done."
        ],
        [
            f"The tool writes {', '.join(repr(w) for w in written)}, the '{tabs.log}' tab and the hidden "
            f"'{tabs.state}' tab. Leave them to it."
        ],
        [
            "Columns may be reordered and extra columns added; headers are matched ignoring case and "
            "punctuation."
        ],
        [],
        ["Command", "What it does"],
        ["handoff check ACCOUNT", "validate an account's fields and logs; writes nothing"],
        ["handoff plan ACCOUNT", "show what a handoff would change; writes nothing"],
        ["handoff run ACCOUNT", "write the handoff doc, update Vitally, record the result in this sheet"],
        ["handoff status", "every account at a glance: readiness, problems, status, changes in Vitally"],
        ["handoff sheet init", "add what this sheet lacks (tabs, columns, dropdowns); safe to re-run"],
        [],
        ["Column", "Allowed values"],
    ]
    for target in targets:
        for c in target.columns:
            if c.field.vocabulary is not None:
                several = (
                    " (one or more, separated by commas)" if c.field.type is FieldType.VOCABULARY_LIST else ""
                )
                rows.append([f"{target.title} › {c.label}{several}", ", ".join(c.field.vocabulary.values)])
    return rows
