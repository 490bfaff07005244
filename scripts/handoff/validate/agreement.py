"""Values a TDD gives that contradict each other: the relations one deployment's facts must keep.

A TDD's values are facts about one deployment, so they must agree with each other. When two values
the reader took from the TDD break one of these relations, at least one of them is wrong, and the
tool cannot know which: `validate.merge` then uses neither (docs/fields.md, "Values that must
agree"). The relations, as data (`RELATIONS`, and the catalogue's order rules, `not_above` and
`not_before`, through `relations`):

- total CPU = the instance types' vCPU, and total memory = their memory (count × the type's
  published figures in config/instance_types.toml, within the catalogue's tolerance; only when
  every type is known there);
- total disk ≥ the repositories' total size: Sourcegraph's gitserver keeps a clone of every
  repository on its disks, so a disk smaller than the repositories is not the deployment's disk;
- the largest repository ≤ the repositories' total size (it is one of them);
- monorepos ≤ repositories, completion ≥ start (`[fields.*] not_above` / `not_before`).

A whole and its production parts (`PART_RELATIONS`, the parts found by `validate.parts` in the
TDD's production lines no field took): the total disk is at least any one production volume's
`count × size`; the repository count is at least any one code host's. A part is not a field:
when the whole is smaller, only the whole is withheld.

`broken(fields, catalogue, values)` returns the relations broken by values that all come from the
TDD. A relation with a side from the sheet is not one of them: the sheet settles it, and the rules of
`validate.rules` check it as they check any value (a totals warning, an order error).
Not a relation: repositories above the repository limit (a deployment can outgrow its sizing).

Two of three agree. The CPU and memory relations are equalities by published figures (`confirms`):
a pair that holds is two independent facts confirming each other. When a broken relation has one
side confirmed that way (the instance types agree with the memory total) and the other side not
(the CPU total), the unconfirmed side is the odd one out: only it is withheld (`Broken.withheld`),
and its problem names all three places. The confirming pair must be stated in two places: a total
written beside its instance list may be the same statement's arithmetic (or another system's
figures read as Sourcegraph's), not a second fact. When both totals disagree with the types, nothing confirms
anything and all three are withheld, as for any broken pair.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from handoff.core.fields import Catalogue, Field
from handoff.core.model import FieldValue, TddValue
from handoff.core.units import describe
from handoff.validate.parts import Part, disk_parts, repository_parts
from handoff.validate.rules import instance_totals, memory_differs, out_of_order, total_differs

# (first value, second value, catalogue) -> what the second implies that the first contradicts
# (shown as `{implied}`), or None when they agree or cannot be compared
Check = Callable[[FieldValue, FieldValue, Catalogue], Any]
# (first value, second value, catalogue) -> whether the pair can be compared at all (then a check
# that finds nothing means they agree)
Comparable = Callable[[FieldValue, FieldValue, Catalogue], bool]


@dataclass(frozen=True)
class Relation:
    """Two fields whose values must agree. `message` is formatted with both values as shown
    (`{a}`, `{b}`), their places in the TDD (`{a_at}`, `{b_at}`), their labels (`{a_label}`,
    `{b_label}`) and what the check found the second implies (`{implied}`).

    `confirms`: set on an equality by published figures (a total and its instance types), which a
    pair that holds confirms; `agrees` then shows that pair in the message of another relation's
    odd one out (`{a}`, `{a_at}`: the first value and its place)."""

    first: str
    second: str
    check: Check
    message: str
    confirms: Comparable | None = None
    agrees: str = ""


@dataclass(frozen=True)
class Broken:
    """A relation the TDD's values break: the values it names (first, second, and the value that
    confirms the second, if any) and what they say; `withheld`: the fields not to use (both sides,
    or only the first when the second is confirmed: the odd one out)."""

    relation: Relation | PartRelation
    values: tuple[FieldValue, ...]
    message: str
    withheld: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(fv.name for fv in self.values)

    @property
    def odd_one_out(self) -> bool:
        """Only the first value is withheld: the two others agree."""
        return self.withheld == (self.values[0].name,) and len(self.values) > 2


def _cpu(total: FieldValue, instances: FieldValue, catalogue: Catalogue) -> Any:
    found = instance_totals(instances.value, catalogue)
    tol = catalogue.checks.tolerance
    return None if found is None or not total_differs(total.value, found[0], tol) else found[0]


def _memory(total: FieldValue, instances: FieldValue, catalogue: Catalogue) -> Any:
    """The types' memory (GiB, published) against the total; a total written in another prefix
    (vSphere's `196608 MiB`, read as 196.608 GB) is the same memory counted in 1024s."""
    found = instance_totals(instances.value, catalogue)
    return (
        found[1]
        if found is not None and memory_differs(total, found[1], catalogue.checks.tolerance)
        else None
    )


def _types_known(total: FieldValue, instances: FieldValue, catalogue: Catalogue) -> bool:
    """Every listed type is in config/instance_types.toml: the types' totals can be compared."""
    return instance_totals(instances.value, catalogue) is not None


def _holds_repositories(disk: FieldValue, size: FieldValue, catalogue: Catalogue) -> Any:
    """The disk is below the repositories' size (by more than the tolerance)."""
    tol = catalogue.checks.tolerance
    return size.value if disk.value < size.value and total_differs(disk.value, size.value, tol) else None


def _one_of_the_repositories(largest: FieldValue, size: FieldValue, catalogue: Catalogue) -> Any:
    """The largest repository (MB) above all the repositories (GB, counted in 1024s to spare a
    total written in GiB), by more than the tolerance."""
    whole = size.value * 1024
    tol = catalogue.checks.tolerance
    return whole if largest.value > whole and total_differs(largest.value, whole, tol) else None


RELATIONS: tuple[Relation, ...] = (
    Relation(
        "total_cpu",
        "instance_types",
        _cpu,
        "{a_label}: the TDD gives {a} vCPU ({a_at}) but {b} ({b_at}) have {implied} vCPU",
        confirms=_types_known,
        agrees="its total CPU, {a} vCPU ({a_at}), agrees with them",
    ),
    Relation(
        "total_memory_gb",
        "instance_types",
        _memory,
        "{a_label}: the TDD gives {a} GB ({a_at}) but {b} ({b_at}) have {implied} GB",
        confirms=_types_known,
        agrees="its total memory, {a} GB ({a_at}), agrees with them",
    ),
    Relation(
        "total_disk_gb",
        "total_repo_size_gb",
        _holds_repositories,
        "{a_label}: the TDD gives {a} GB ({a_at}) but {b} GB of repositories ({b_at}), and "
        "Sourcegraph's gitserver keeps a clone of every repository on its disks",
    ),
    Relation(
        "largest_repo_mb",
        "total_repo_size_gb",
        _one_of_the_repositories,
        "{a_label}: the TDD gives {a} MB ({a_at}) but all the repositories together are {b} GB "
        "({b_at}), and the largest repository is one of them",
    ),
)
ORDER_MESSAGES = {
    "not_above": "{a_label}: the TDD gives {a} ({a_at}), more than its {b} {b_label} ({b_at})",
    "not_before": "{a_label}: the TDD gives {a} ({a_at}), before its {b_label} {b} ({b_at})",
}


def _order_check(f: Field, other: str) -> Check:
    return lambda v, o, catalogue: o.value if out_of_order(f, v.value, other, o.value) else None


def relations(catalogue: Catalogue) -> tuple[Relation, ...]:
    """`RELATIONS` and the catalogue's order rules (`not_above`, `not_before`) as relations."""
    order = [
        Relation(f.name, other, _order_check(f, other), ORDER_MESSAGES[rule])
        for f in catalogue.fields.values()
        for rule, other in (("not_above", f.not_above), ("not_before", f.not_before))
        if other
    ]
    return (*RELATIONS, *order)


def broken(
    fields: Mapping[str, FieldValue], catalogue: Catalogue, values: Sequence[TddValue] = ()
) -> list[Broken]:
    """The relations broken by values that all come from the TDD (`fields`: the merged values;
    `values`: everything the reader found, for the wholes' parts, `PART_RELATIONS`).
    A broken relation whose second value another relation confirms (and whose first value none
    does) withholds only its first value, the odd one out. A pair stated in one place (`12 ×
    m5.4xlarge nodes, 192 vCPU in total`) is one statement, not two facts: it confirms nothing."""
    found: list[tuple[Relation, FieldValue, FieldValue, Any]] = []
    confirmed: set[str] = set()  # fields in a pair that holds by published figures
    seconds: dict[str, tuple[Relation, FieldValue]] = {}  # such a pair's second -> (relation, first value)
    for r in relations(catalogue):
        a, b = fields.get(r.first), fields.get(r.second)
        if not _from_tdd([a, b]) or a is None or b is None:
            continue
        implied = r.check(a, b, catalogue)
        if implied is not None:
            found.append((r, a, b, implied))
        elif r.confirms is not None and r.confirms(a, b, catalogue) and _place(a) != _place(b):
            confirmed.update((r.first, r.second))
            seconds.setdefault(r.second, (r, a))
    out = [_broken(r, a, b, implied, confirmed, seconds, catalogue) for r, a, b, implied in found]
    return out + _broken_wholes(fields, catalogue, values, {n for b in out for n in b.withheld})


@dataclass(frozen=True)
class PartRelation:
    """A whole (a field) that is at least each of its production parts (`parts` finds them in the
    reader's values). `message` as a `Relation`'s, `{b}` the part as written, `{implied}` its size."""

    whole: str
    parts: Callable[[Sequence[TddValue], Catalogue], list[Part]]
    message: str


PART_RELATIONS: tuple[PartRelation, ...] = (
    PartRelation(
        "total_disk_gb",
        lambda values, _: disk_parts(values),
        "{a_label}: the TDD gives {a} GB ({a_at}) but one production part alone is {b} = {implied} GB "
        "({b_at})",
    ),
    PartRelation(
        "repositories",
        lambda values, catalogue: repository_parts(values, catalogue.fields["code_hosts"].vocabulary),
        "{a_label}: the TDD gives {a} ({a_at}) but one code host alone has {implied} ('{b}', {b_at})",
    ),
)


def _broken_wholes(
    fields: Mapping[str, FieldValue], catalogue: Catalogue, values: Sequence[TddValue], withheld: set[str]
) -> list[Broken]:
    """The wholes smaller than their largest production part: the whole alone is withheld (a part
    is no field); a whole another relation already withholds is not named twice."""
    out = []
    tol = catalogue.checks.tolerance
    for r in PART_RELATIONS:
        whole = fields.get(r.whole)
        if whole is None or not _from_tdd([whole]) or r.whole in withheld:
            continue
        parts = r.parts(values, catalogue)
        if not parts or not (
            parts[0].amount > whole.value and total_differs(whole.value, parts[0].amount, tol)
        ):
            continue
        part = FieldValue(r.whole, parts[0].amount, parts[0].text, "tdd", parts[0].location)
        message = r.message.format(
            a=describe(whole.value),
            b=part.text,
            a_at=_place(whole),
            b_at=_place(part),
            a_label=catalogue.fields[r.whole].label,
            implied=describe(part.value),
        )
        out.append(Broken(r, (whole, part), message, (r.whole,)))
    return out


def _broken(
    r: Relation,
    a: FieldValue,
    b: FieldValue,
    implied: Any,
    confirmed: set[str],
    seconds: Mapping[str, tuple[Relation, FieldValue]],
    catalogue: Catalogue,
) -> Broken:
    fa, fb = catalogue.fields[r.first], catalogue.fields[r.second]
    message = r.message.format(
        a=describe(a.value),
        b=describe(b.value),
        a_at=_place(a),
        b_at=_place(b),
        a_label=fa.label,
        b_label=fb.label.lower(),
        implied=describe(implied),
    )
    by = seconds.get(r.second)
    if by is None or r.first in confirmed:  # nothing decides between them: neither is used
        return Broken(r, (a, b), message, (r.first, r.second))
    other, c = by
    message += ", and " + other.agrees.format(a=describe(c.value), a_at=_place(c))
    return Broken(r, (a, b, c), message, (r.first,))


def _from_tdd(values: Sequence[FieldValue | None]) -> bool:
    return all(fv is not None and fv.source == "tdd" and fv.value is not None for fv in values)


def _place(fv: FieldValue) -> str:
    return fv.location.ref.removeprefix("TDD ")
