"""What a TDD alone says: its values merged as `handoff check` would, with no sheet.

`tdd_fields(values, catalogue)` returns, per catalogue field the TDD may fill, the value
`handoff check --json` would report (typed by `validate.rules.read_value`, the best usable
production value winning), plus the TDD's own problems: two production values that disagree
or two values that contradict each other (validate/agreement.py: a conflict; the fields then
have no value here, as in a run, and are listed in `conflicted`) and
the reader's warnings carried on the values (a stated total that disagrees with its parts). Used
by `handoff tdd --json` and by the reader's evaluation (bench/eval_tdd.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from handoff.core.fields import Catalogue
from handoff.core.model import AccountRecord, FieldValue, Problem, SheetRow, TddValue
from handoff.validate.merge import merge_fields, tdd_candidates


@dataclass(frozen=True)
class TddView:
    fields: Mapping[str, FieldValue]  # value None: the TDD's value cannot be read (the problem says why)
    chosen: Mapping[str, TddValue]  # the TDD value each field took (its section, how it was recognised)
    problems: tuple[Problem, ...]
    conflicted: frozenset[str] = frozenset()  # fields the TDD states with different values: none shown


def tdd_fields(values: Sequence[TddValue], catalogue: Catalogue) -> TddView:
    """The TDD's production values by field, and its inconsistencies (no sheet involved)."""
    blank = AccountRecord(slug="", row=SheetRow("Accounts", 0, {}))
    merged = merge_fields(blank, values, catalogue)
    fields = {name: fv for name, fv in merged.fields.items() if fv.source == "tdd"}
    chosen: dict[str, TddValue] = {}
    for name, fv in fields.items():
        candidates = tdd_candidates(catalogue.fields[name], values)
        at = [v for v in candidates if v.location == fv.location]
        if at or candidates:
            chosen[name] = (at or candidates)[0]
    return TddView(fields, chosen, merged.problems, merged.unsettled)
