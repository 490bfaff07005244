"""A machine's figure beside the fleet's total, told apart by arithmetic.

A document that sizes a fleet often writes both a machine's CPU, memory or disk and the fleet's
(`vCPU | 32 | 128` under `per node | cluster total`; "Each server brings 64 vCPU … (192 vCPU across
the cluster)"; `Per node` and `Aggregate` columns). Read as two values of one field in one
environment they look like a conflict. A careful reader checks the arithmetic: when both are
written in one part of the document (the same tab and headings) and the larger is the smaller times
the number of machines that part has (its instance types' counts, or a counted machine noun where
the figures are written: "a three-node cluster", "5 nodes"; one number for machines of one kind),
the smaller is one machine's figure and the larger the total. Figures of different parts (two
clusters, each under its own heading) are parts of the fleet, whatever their arithmetic; figures
that do not multiply out stay a conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from handoff.core.model import TddValue
from handoff.read import permachine, shapes

AMOUNTS = ("total_cpu", "total_memory_gb", "total_disk_gb")


Part = Callable[[TddValue], object]  # the part of the document a value is written in


def machines(
    values: Sequence[TddValue], key: tuple[str, object], part: Part, text_at: Callable[[TddValue], str]
) -> set[int]:
    """The number of machines a part of one environment is said to have, when the part says one number
    for machines of one kind (its instance types' count, the counted machines of the texts its
    amounts are written in): {n}, else none (machines of several kinds or counts, whose figures
    differ by kind: `4 × m6i.4xlarge (16 vCPU)` and `2 × r6i.2xlarge (8 vCPU)`)."""
    found: set[int] = set()
    for v in values:
        if (v.section, part(v)) != key:
            continue
        if v.field == "instance_types":
            counts = [int(m.value.split(" × ", 1)[0]) for m in shapes.instances(v.value or v.text)]
            if len(counts) > 1:
                return set()  # machines of several kinds: a machine's figure depends on its kind
            found.update(counts)
        elif v.field in AMOUNTS:
            found.update(n for _, n in permachine.machine_counts(text_at(v)))
    found.discard(1)  # "one node: 64 vCPU" names the machine the smaller figure is of
    return found if len(found) == 1 and min(found) >= 2 else set()


def per_machine(
    values: Sequence[TddValue],
    amount: Callable[[TddValue], float | None],
    part: Part,
    text_at: Callable[[TddValue], str],
) -> set[int]:
    """Indices of the values that are one machine's figure: of two different figures of one amount
    field in one part of one environment, the smaller when the larger is it times a number of
    machines that part has."""
    figure: dict[int, float] = {}
    groups: dict[tuple[str, str, object], list[int]] = {}
    for i, v in enumerate(values):
        if v.field in AMOUNTS and (found := amount(v)) is not None:
            figure[i] = found
            groups.setdefault((v.field or "", v.section, part(v)), []).append(i)
    drop: set[int] = set()
    counts: dict[tuple[str, object], set[int]] = {}
    for (_, section, where), members in groups.items():
        figures = {figure[i] for i in members}
        if len(figures) < 2:
            continue
        key = (section, where)
        if key not in counts:
            counts[key] = machines(values, key, part, text_at)
        for i in members:
            small = figure[i]
            if small and any(abs(big - small * n) < 0.01 * big for big in figures for n in counts[key]):
                drop.add(i)
    return drop
