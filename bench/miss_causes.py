"""Why the reader misses: each keyed field of each document classified by a cause, counts only.

    python -m bench.miss_causes [DIR ...] [--eval-only] [--tuning] [--all-fields] [--show]

For each document of the given sets (`--eval-only`: the evaluation-only sets of `bench.eval_tdd`;
`--tuning`: the sets learnt from) the document is read as `make eval` reads it, once, with a trace of
the end of the reading (`Gatherer.finish`): which values the walk handed to it (every candidate,
with its environment), which values each of its passes dropped, and what the walk left in its
blocks (the text, the environment, whether anything was read there) and its changes' old sides.
Each keyed field is then given one cause from the trace and the key: the fate of the right value,
the first that holds of

* `right`: read right (a keyed conflict reported counts, as in `make eval`);
* `conflict-warning:<rival>`: the right value was a candidate to the end, beside a different one: a
  warning and no value (`<rival>`, the first that holds of a rival: `partial`, a part of the right
  value, as below; `value-form`, it in another form; `multiple`, a whole multiple of it; `worked`, a
  sum or product the reader worked out; else `stated`); `contradiction`: it was, and a value of
  another field contradicts it (a CPU total its machines do not have): withheld;
* `candidate-refused:<family>`: the right value was a candidate and was dropped, by the family of
  the end pass that dropped it last (`history`, `parts-whole`, `limit-plan`, `notation`, `dates`,
  `hosts`, `fleet`, `ranking`, `other`), or read in another environment's part
  (`other-environment`), or read as the old side of a change (`history`), or kept in a part naming
  no environment while production states the field (`tier`: the merge takes production's);
* `chose-other`: the right value was a candidate until the end and another was returned;
* `value-form`: the right fact read in another unit or rounding (a factor of 1,000 or 1,024, or
  within 5%), or the same machine type spelt another way;
* `partial`: a part of the right value: one machine's figure where the key wants the fleet's (the
  key a whole multiple of it), one pool of several, a type without its count, some of the hosts;
* `no-candidate:<where>`: nothing of the kind was read. `written-unread`: the keyed figure is in the
  text, in a block nothing was read from; `written-read`: it is in a block other facts were read from
  (refused by a rule of the walk, or read as another field); `written-limit-plan`: only in sentences
  the reader's own words call a growth, a plan or (for no limit field) a limit (`read.limitwords`);
  `written-other-env`: only in another environment's part; `unknown-type`: machine types written,
  one of them no shape the reader knows by itself (a server model, a provider's own name);
  `unwritten`: not in the text at all (a sum or product to work out); `not-searched`: a field whose
  value is a name, date or address (not looked for in the text).

A returned value that is not right is `wrong:<how>`, or `forbidden:<how>` when the key forbids it,
`<how>` being `value-form`, `partial`, `chose-other` (the right value was a candidate at the end),
`right-refused:<family>` (the right value was dropped) or `no-right-candidate:<origin>` (the value
taken a sum or product the reader `worked` out, or read in a part it put in `production`, or in a
part naming no environment, `unnamed-part`). A value returned for
a field the key does not list (precision, not recall) is `wrong:unkeyed` or `forbidden:unkeyed`.

It prints only tables of counts (cause × field, then the same by the cause's first word): no
document name, value or text, so it may be run on the evaluation-only sets (`--show`, the causes by
document, refuses them). The trace is taken from outside the reader (a line tracer on
`Gatherer.finish` while it runs): the reader's code and its output are unchanged.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import FrameType
from typing import Any

from bench.eval_tdd import (
    EVALUATION_ONLY,
    GIB,
    SETS,
    TDD_FIELDS,
    _instances,
    documents,
    forbidden_hit,
    load,
    same,
    warning_kinds,
)
from handoff.core.fields import Catalogue, load_catalogue
from handoff.core.model import TddValue
from handoff.core.settings import PROJECT_ROOT
from handoff.read import limitwords, shapes
from handoff.read.gather import Gatherer, TddReading
from handoff.read.gatherparts import amounts
from handoff.read.tdd import read_document
from handoff.validate.merge import tdd_candidates
from handoff.validate.tdd_view import tdd_fields

MACHINE_FIELDS = ("instance_types", "total_cpu", "total_memory_gb", "total_disk_gb")
NUMBER_FIELDS = (
    "total_cpu", "total_memory_gb", "total_disk_gb", "total_repo_size_gb", "largest_repo_mb",
    "repositories", "monorepos", "max_users", "max_concurrent_users", "max_repositories",
)  # fmt: skip
LIMIT_FIELDS = ("max_users", "max_concurrent_users", "max_repositories")
SIZE_FIELDS = ("total_memory_gb", "total_disk_gb", "total_repo_size_gb")

# The end passes of `Gatherer.finish` by the family of rule they apply (the names its statements call:
# `_line_families`); a pass not named here is `other`, so a new pass is never put in a family unseen.
FAMILIES: dict[str, tuple[str, ...]] = {
    "history": (
        "_events_give_way", "_drop_old", "_switched_names", "_grown_after_build", "_latest_entry",
        "overridden", "_rolled_back", "_supersede", "_logged_since", "_no_monorepo_named_since",
    ),
    "parts-whole": (
        "by_place", "pair_in_sections", "pair_in_environment", "restated_types", "per_machine_totals",
        "_parts_give_way", "_parts_elsewhere_give_way", "_sum_at_one_place", "_part_again",
        "parts_of_whole", "os_disks", "_per_machine_give_way", "described", "sum_siblings",
        "_union_pools", "per_machine_in_environment", "_fleet_counted_apart", "_total_after_parts",
        "_proven_total", "_sum_parts", "_sum_sections",
    ),
    "limit-plan": ("_stated_limits_win", "_premises_give_way", "seats_give_way", "_inputs_give_way",
                   "_drop_plans"),
    "notation": ("_drop_ambiguous",),
    "dates": ("build_dates", "stamped_ends", "denied_ends", "_build_completion"),
    "hosts": (
        "base_urls", "counted_by_name", "_largest_by_name", "_last_word", "_family_hosts",
        "_count_mentions", "_union_hosts", "_counted_hosts", "glossed_regions", "_only_address",
        "tool_of", "on_site_wins", "_hosting_by_shape",
    ),
    "fleet": ("_totals_by_written_shape", "counted_type", "settled_by_fleet"),
    "ranking": ("_best",),
}  # fmt: skip
_FAMILY_OF = {name: family for family, names in FAMILIES.items() for name in names}


def _line_families(function: Callable[..., Any]) -> dict[int, str]:
    """Each line of `function` → the family of the pass its statement runs: the first name of
    `FAMILIES` the statement calls; a statement only keeping or dropping what the one before it
    worked out (`self._keep(lambda v: id(v) not in seats)`) is that one's; any other is `other`."""
    lines, first = inspect.getsourcelines(function)
    tree = ast.parse(textwrap.dedent("".join(lines)))
    out: dict[int, str] = {}
    family = "other"
    simple = [n for n in ast.walk(tree) if isinstance(n, ast.stmt) and not hasattr(n, "body")]
    for node in sorted(simple, key=lambda n: n.lineno):
        names = [
            n.id if isinstance(n, ast.Name) else n.attr
            for n in ast.walk(node)
            if isinstance(n, ast.Name | ast.Attribute)
        ]
        named = [_FAMILY_OF[n] for n in names if n in _FAMILY_OF]
        if named:
            family = named[0]
        elif not {"_keep", "_drop"} & set(names):
            family = "other"
        for n in range(node.lineno, (node.end_lineno or node.lineno) + 1):
            out[n + first - 1] = family
    return out


@dataclass
class Trace:
    """What the end of one reading saw: every candidate, and the family of the pass that dropped each."""

    seen: list[TddValue] = field(default_factory=list)  # every value the end held at any time
    dropped: dict[int, str] = field(default_factory=dict)  # id of a value seen → family of its drop
    blocks: list[tuple[str, str, bool]] = field(default_factory=list)  # text, section, read from
    old: set[tuple[str, object]] = field(default_factory=set)  # (field, amount) of changes' old sides
    each: list[tuple[str, str]] = field(default_factory=list)  # (field, value) of one machine's amounts


_FINISH = Gatherer.finish
_FINISH_LINES = _line_families(_FINISH)


@contextmanager
def _tracing(trace: Trace) -> Iterator[None]:
    """`Gatherer.finish` run under a line tracer of its own frame: the values before and after each line."""
    code = _FINISH.__code__

    def finish(self: Gatherer) -> TddReading:
        held: dict[int, TddValue] = {id(v): v for v in self.values}
        trace.seen.extend(self.values)
        state: dict[str, Any] = {"ids": set(held), "line": code.co_firstlineno}

        def step(frame: FrameType, event: str, arg: object) -> Any:
            if event in ("line", "return"):
                now = {id(v): v for v in self.values}
                family = _FINISH_LINES.get(state["line"], "other")
                for gone in state["ids"] - now.keys():
                    trace.dropped[gone] = family
                for new in now.keys() - held.keys():
                    held[new] = now[new]
                    trace.seen.append(now[new])
                    trace.dropped.pop(new, None)
                state["ids"] = set(now)
                state["line"] = frame.f_lineno
            return step

        def enter(frame: FrameType, event: str, arg: object) -> Any:
            return step if frame.f_code is code else None

        before = sys.gettrace()
        sys.settrace(enter)
        try:
            reading = _FINISH(self)
        finally:
            sys.settrace(before)
        trace.blocks = [(b.text, b.section, b.used) for b in self.blocks]
        trace.old = set(self.old)
        trace.each = [(f.field, f.value) for f, _ in self.each]
        return reading

    Gatherer.finish = finish  # type: ignore[method-assign]
    try:
        yield
    finally:
        Gatherer.finish = _FINISH  # type: ignore[method-assign]


def traced_reading(doc: dict[str, Any], catalogue: Catalogue) -> tuple[TddReading, Trace]:
    """The document read as `read_document` reads it, with the trace of its end."""
    trace = Trace()
    with _tracing(trace):
        reading = read_document(doc, catalogue)
    return reading, trace


# -- comparing values -------------------------------------------------------------------------------
_Memo = dict[tuple[str, ...], Any]


def _as_key(name: str, v: TddValue, catalogue: Catalogue, memo: _Memo) -> Any:
    """A candidate's value as `make eval` would compare it (the field's reading of it), or None."""
    at = (name, v.value or "", v.text, v.label)
    if at not in memo:
        view = tdd_fields([replace(v, section="production")], catalogue)
        fv = view.fields.get(name)
        memo[at] = None if fv is None else fv.to_json()["value"]
    return memo[at]


def _number(x: Any) -> float | None:
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None


_FACTORS = (1000.0, 1024.0, 1.024, GIB, 1000.0 * GIB, 1024.0 * GIB)


def relation(name: str, got: Any, want: Any) -> str | None:
    """How a value that is not the keyed one relates to it: `value-form` (another unit, a rounding,
    another spelling of the type), `partial` (a part of it: the key a whole multiple of a figure, one
    pool of several, a type without its count, some of a list), or None."""
    if name == "instance_types":
        g, w = _instances(got), _instances(want)
        if not g or not w:
            return None
        squash = sorted((n, re.sub(r"[^a-z0-9]", "", t)) for n, t in g)
        wanted = sorted((n, re.sub(r"[^a-z0-9]", "", t)) for n, t in w)
        if len(squash) == len(wanted) and all(
            a[0] == b[0] and (a[1] in b[1] or b[1] in a[1]) for a, b in zip(squash, wanted, strict=True)
        ):
            return "value-form"  # (`R660` for `Dell PowerEdge R660`, `Standard_E16s_v5` for `E16s v5`)
        if g < w or ({t for _, t in g} <= {t for _, t in w} and all(n == 1 for n, _ in g)):
            return "partial"
        return None
    if isinstance(want, list):
        return (
            "partial"
            if isinstance(got, list) and got and {str(x) for x in got} < {str(x) for x in want}
            else None
        )
    g_n, w_n = _number(got), _number(want)
    if g_n is None or w_n is None or g_n <= 0 or w_n <= 0:
        return None
    ratio = g_n / w_n
    factors = _FACTORS if name in SIZE_FIELDS or name == "largest_repo_mb" else (1000.0,)
    rounded = name in SIZE_FIELDS and abs(ratio - 1) <= 0.05  # (a count's near figure is another fact)
    if rounded or any(abs(ratio * f - 1) <= 0.01 or abs(ratio / f - 1) <= 0.01 for f in factors):
        return "value-form"
    times = w_n / g_n
    if times >= 1.99 and abs(times - round(times)) <= 0.01 * times:
        return "partial"
    return None


# -- the keyed figure in the text -------------------------------------------------------------------
_GROUPED = re.compile(r"(?<=\d)[,'\u2009\u202f\u00a0](?=\d{3}\b)")


def _forms(name: str, want: Any) -> list[re.Pattern[str]]:
    """The ways the keyed figure may be written (a count as a number; a size in GB, TB or MB)."""
    w = _number(want)
    if name not in NUMBER_FIELDS or w is None:
        return []

    def figure(x: float) -> str:
        whole = round(x)
        if abs(x - whole) < 0.005 * max(x, 1):
            return rf"{whole}(?:\.0+)?"
        return rf"{x:.2f}".rstrip("0").replace(".", r"[.,]")

    edge = r"(?<![\d.,]){}(?![\d]|[.,]\d)"
    if name not in SIZE_FIELDS and name != "largest_repo_mb":
        return [re.compile(edge.format(figure(w)))]
    gb = w / 1000 if name == "largest_repo_mb" else w
    pats = [
        edge.format(figure(gb)) + r"\s*(?:G|Gi|GB|GiB|gig)",
        edge.format(figure(gb / 1000)) + r"\s*(?:T|Ti|TB|TiB)",
        edge.format(figure(gb / 1024)) + r"\s*(?:T|Ti|TB|TiB)",
        edge.format(figure(gb * 1000)) + r"\s*(?:M|Mi|MB|MiB)",
        edge.format(figure(gb * 1024)) + r"\s*(?:M|Mi|MB|MiB)",
        edge.format(figure(w)),  # (a figure whose unit is in its column's or row's header)
    ]
    return [re.compile(p, re.IGNORECASE) for p in pats]


_SENTENCE = re.compile(r"[^.;!?\n]+(?:[.;!?](?=\d)[^.;!?\n]*)*")  # (a decimal point is no sentence's end)


def _scoped(text: str, forms: Sequence[re.Pattern[str]], limit: bool) -> bool | None:
    """None when no form of the figure is in `text`; else whether every sentence holding it is one the
    reader's own words call a growth or a plan, or a limit (`limit`: unless the field is one)."""
    found = [m for f in forms for m in f.finditer(text)]
    if not found:
        return None
    sentences = [s for s in _SENTENCE.finditer(text) if any(s.start() <= m.start() < s.end() for m in found)]
    return all(
        (limit and limitwords.is_limit_sentence(s.group(0)))
        or limitwords.is_growth(s.group(0))
        or limitwords.is_future(s.group(0))
        for s in sentences
    ) and bool(sentences)


def _where_written(name: str, want: Any, blocks: Sequence[tuple[str, str, bool]]) -> str:
    forms = _forms(name, want)
    if not forms:
        if name == "instance_types":
            types = {t for _, t in _instances(want)}
            forms = [re.compile(rf"(?<![\w.]){re.escape(t)}(?![\w])", re.IGNORECASE) for t in types]
        else:
            return "not-searched"
    hits = [
        (section, used, scoped)
        for text, section, used in blocks
        for scoped in [_scoped(_GROUPED.sub("", text), forms, name not in LIMIT_FIELDS)]
        if scoped is not None
    ]
    if not hits:
        return "unwritten"
    if all(section == "trial" for section, _, _ in hits):
        return "written-other-env"
    if all(scoped for section, _, scoped in hits if section != "trial"):
        return "written-limit-plan"
    if name == "instance_types" and not all(list(shapes.instances(f"1 × {t}")) for _, t in _instances(want)):
        return "unknown-type"  # (written, and not a shape the reader knows: a server model, a provider's own)
    return (
        "written-read" if any(used for section, used, _ in hits if section != "trial") else "written-unread"
    )


# -- the causes -------------------------------------------------------------------------------------
def _near(name: str, a: object, want: Any) -> bool:
    """An old side's amount (`read.gatherparts.amounts`) that is the keyed figure."""
    if name == "instance_types":
        return False
    w, x = _number(want), _number(a)
    return w is not None and x is not None and any(abs(x - t) <= 0.01 * max(t, 1e-9) for t in (w, w * GIB))


@dataclass
class _Fate:
    """What became of one keyed field's right value in the trace."""

    name: str
    want: Any
    as_key: list[tuple[TddValue, Any]]  # every candidate of the field, with its value as the key writes it
    usable: set[tuple[object, ...]]  # the candidates the merge would choose among (production's first)
    right: list[TddValue]  # the candidates that are the right value (any environment)
    here: list[TddValue]  # … outside another environment's part
    kept: list[TddValue]  # … still there at the end
    tiered: list[TddValue]  # … among those the merge chooses among
    refused: str  # the family of the pass that dropped the last of `here`, when none was kept


def _place(v: TddValue) -> tuple[object, ...]:
    return (v.field, v.section, v.location, v.value)


def _fate(
    name: str, want: Any, reading: TddReading, trace: Trace, catalogue: Catalogue, memo: _Memo
) -> _Fate:
    as_key = [(v, _as_key(name, v, catalogue, memo)) for v in trace.seen if v.field == name]
    final = {_place(v) for v in reading.values}
    usable = {_place(v) for v in tdd_candidates(catalogue.fields[name], reading.values)}
    right = [v for v, k in as_key if k is not None and same(name, k, want)]
    here = [v for v in right if v.section != "trial"]
    kept = [v for v in here if _place(v) in final]
    tiered = [v for v in kept if _place(v) in usable]
    refused = "" if kept or not here else trace.dropped.get(id(here[-1]), "other")
    return _Fate(name, want, as_key, usable, right, here, kept, tiered, refused)


def _old_side(fate: _Fate, trace: Trace) -> bool:
    """The right figure read as the old side of a change."""
    return any(f == fate.name and _near(fate.name, a, fate.want) for f, a in trace.old)


def _returned(fate: _Fate, got: Any, chosen: TddValue | None, key: dict[str, Any], trace: Trace) -> str:
    """The cause of a returned value that is not the keyed one: `wrong:<how>` or `forbidden:<how>`."""
    how = relation(fate.name, got, fate.want)
    if how is None and fate.kept:
        how = "chose-other" if fate.tiered else "right-refused:tier"
    elif how is None and fate.here:
        how = f"right-refused:{fate.refused}"
    elif how is None and fate.right:
        how = "right-refused:other-environment"
    elif how is None and _old_side(fate, trace):
        how = "right-refused:history"
    bad = key.get("forbidden", {}).get(fate.name, [])
    head = "forbidden" if bad and forbidden_hit(fate.name, got, bad) else "wrong"
    return f"{head}:{how or 'no-right-candidate:' + _origin(chosen)}"


def _origin(v: TddValue | None) -> str:
    """Where a value taken with no right candidate beside it came from: a sum or product the reader
    worked out, a part the reader put in production, or a part naming no environment."""
    if v is None:
        return "unnamed-part"
    if _WORKED.search(v.how):
        return "worked"
    return "production" if v.section == "production" else "unnamed-part"


def _withheld(fate: _Fate, kinds: set[str], trace: Trace) -> str:
    """The cause of a keyed field not returned."""
    name, want = fate.name, fate.want
    if fate.kept and not fate.tiered:  # (production's values outrank those of a part naming no environment)
        return "candidate-refused:tier"
    if fate.kept and f"conflict:{name}" in kinds:  # (the right value there to the end: a rival withheld it)
        rivals = [
            _rival(name, v, k, want)
            for v, k in fate.as_key
            if _place(v) in fate.usable and k is not None and not same(name, k, want)
        ]
        return f"conflict-warning:{min(rivals or ['stated'], key=_RIVALS.index)}"
    if fate.kept:
        return "contradiction"
    if fate.here:
        return f"candidate-refused:{fate.refused}"
    if fate.right:
        return "candidate-refused:other-environment"
    if _old_side(fate, trace):
        return "candidate-refused:history"
    related = [relation(name, k, want) for v, k in fate.as_key if v.section != "trial" and k is not None]
    related += [relation(name, _each(name, value), want) for f, value in trace.each if f == name]
    found = [r for r in ("partial", "value-form") if r in related]
    return found[0] if found else f"no-candidate:{_where_written(name, want, trace.blocks)}"


def classify(
    reading: TddReading, trace: Trace, key: dict[str, Any], catalogue: Catalogue
) -> list[tuple[str, str]]:
    """(field, cause) for each keyed field of one document, and for each value returned unkeyed."""
    view = tdd_fields(reading.values, catalogue)
    got = {n: fv.to_json()["value"] for n, fv in view.fields.items() if n in TDD_FIELDS}
    kinds = warning_kinds([*view.problems, *reading.problems])
    memo: _Memo = {}
    out: list[tuple[str, str]] = []
    for name in TDD_FIELDS:
        returned = name in got
        if name not in key["fields"]:
            bad = key.get("forbidden", {}).get(name, [])
            if returned:
                out.append(
                    (
                        name,
                        "forbidden:unkeyed"
                        if bad and forbidden_hit(name, got[name], bad)
                        else "wrong:unkeyed",
                    )
                )
            continue
        want = key["fields"][name]
        stopped = name in key.get("either", {}) and f"conflict:{name}" in kinds and not returned
        if stopped or (returned and same(name, got[name], want)):
            out.append((name, "right"))
            continue
        fate = _fate(name, want, reading, trace, catalogue, memo)
        out.append(
            (
                name,
                _returned(fate, got[name], view.chosen.get(name), key, trace)
                if returned
                else _withheld(fate, kinds, trace),
            )
        )
    return out


_RIVALS = ["partial", "value-form", "multiple", "worked", "stated"]  # (a conflict's rivals: the first)
_WORKED = re.compile(r"\bsum\b|summed|×|per-machine|added")  # (a `how` naming the reader's arithmetic)


def _rival(name: str, v: TddValue, k: Any, want: Any) -> str:
    """What a conflict's rival of the right value is: a part of it, it in another form, a whole multiple
    of it (counted twice, or with another environment's), a figure the reader worked out (a sum, a
    count times one machine's figure), or a figure stated as such."""
    how = relation(name, k, want)
    if how:
        return how
    w, g = _number(want), _number(k)
    if w and g and g / w >= 1.99 and abs(g / w - round(g / w)) <= 0.01 * g / w:
        return "multiple"
    return "worked" if _WORKED.search(v.how) else "stated"


def _each(name: str, value: str) -> float | None:
    """One machine's amount as the field counts it (`amounts`: a CPU count, a size in GB)."""
    found = amounts(name, value)
    return _number(found[0]) if found else None


# -- the table --------------------------------------------------------------------------------------
_SHORT = {"instance_types": "types", "total_cpu": "cpu", "total_memory_gb": "memory", "total_disk_gb": "disk"}


def table(tally: Counter[tuple[str, str]], all_fields: bool = False) -> str:
    """Counts per cause (rows) and field (columns: the machine fields, the others, all; or every field)."""
    columns: list[tuple[str, tuple[str, ...]]] = (
        [(_SHORT.get(n, n[:10]), (n,)) for n in TDD_FIELDS]
        if all_fields
        else [
            *((_SHORT[n], (n,)) for n in MACHINE_FIELDS),
            ("others", tuple(n for n in TDD_FIELDS if n not in MACHINE_FIELDS)),
        ]
    )
    columns.append(("all", TDD_FIELDS))
    causes = sorted({c for _, c in tally}, key=lambda c: (_ORDER.get(c.split(":")[0], 9), c))
    width = max([len(c) for c in causes] + [24])
    lines = [f"{'cause':{width}} " + " ".join(f"{h:>7}" for h, _ in columns)]
    for cause in causes:
        cells = [sum(tally[(n, cause)] for n in names) for _, names in columns]
        lines.append(f"{cause:{width}} " + " ".join(f"{c:>7}" for c in cells))
    keyed = [
        sum(n for (f, c), n in tally.items() if f in names and not c.endswith(":unkeyed"))
        for _, names in columns
    ]
    lines.append(f"{'keyed':{width}} " + " ".join(f"{c:>7}" for c in keyed))
    return "\n".join(lines)


_ORDER = {"right": 0, "conflict-warning": 1, "contradiction": 2, "candidate-refused": 3, "chose-other": 4,
          "value-form": 5, "partial": 6, "no-candidate": 7, "wrong": 8, "forbidden": 9}  # fmt: skip


def tally_sets(folders: Sequence[Path], catalogue: Catalogue, show: bool = False) -> Counter[tuple[str, str]]:
    """The causes counted over every document of `folders`; `show` also prints each one not right
    with its document (never for an evaluation-only set: `main` refuses)."""
    tally: Counter[tuple[str, str]] = Counter()
    for folder in folders:
        for doc_path, key_path in documents(folder):
            key = json.loads(key_path.read_text(encoding="utf-8"))
            reading, trace = traced_reading(load(doc_path), catalogue)
            causes = classify(reading, trace, key, catalogue)
            tally.update(causes)
            for name, cause in causes if show else ():
                if cause != "right":
                    print(f"{folder.name}/{doc_path.stem}: {name}: {cause}")
    return tally


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="miss_causes", description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--eval-only", action="store_true", help="the evaluation-only sets")
    parser.add_argument("--tuning", action="store_true", help="the sets learnt from")
    parser.add_argument("--all-fields", action="store_true", help="a column per field")
    parser.add_argument(
        "--show", action="store_true", help="each cause not right by document (tuning sets only)"
    )
    args = parser.parse_args(argv)
    fixtures = PROJECT_ROOT / "tests" / "fixtures"
    folders = list(args.folders)
    folders += [fixtures / n for n in EVALUATION_ONLY] if args.eval_only else []
    folders += [fixtures / n for n in SETS if n not in EVALUATION_ONLY] if args.tuning else []
    if not folders:
        parser.error("name the sets: DIR …, --eval-only or --tuning")
    if args.show and any(f.name in EVALUATION_ONLY for f in folders):
        parser.error("--show names documents: not for the evaluation-only sets")
    catalogue = load_catalogue(PROJECT_ROOT / "config" / "fields.toml")
    print(f"{len(folders)} sets")
    tally = tally_sets(folders, catalogue, args.show)
    print(table(tally, args.all_fields))
    print()
    kinds: Counter[tuple[str, str]] = Counter()
    for (name, cause), n in tally.items():
        kinds[(name, cause if cause.endswith(":unkeyed") else cause.split(":")[0])] += n
    print(table(kinds, args.all_fields))
    return 0


if __name__ == "__main__":
    sys.exit(main())
