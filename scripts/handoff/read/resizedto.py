"""The machine a deployment was first built on, before a resize the document tells elsewhere.

A performance report or a build log tells the machine as it was first built in one place ("The VM
was first built on 6 July as a Standard_E16s_v5 (16 vCPU, 128 GiB)", "started on a ccx53") and the
resize in another ("we stopped the VM, resized it to Standard_E32s_v5", "hetzner rescale ccx53 →
ccx63"). Neither sentence alone is a change with both sides (`read.changes`), yet a careful reader
takes the first machine for the size before the decision: the one the document resized to replaces
it.

* `learn(text)`: the machine types the document says machines were resized, rescaled, moved or
  upgraded to (`resized it to Standard_E32s_v5`, `moved up to r6i.4xlarge`), or that an arrow from
  another type points to (`ccx53 → ccx63`). Set once per document (`TARGETS`, by the walk).
* `first_built(sentence, facts)`: a sentence telling a machine as the first, initial or original
  one (`first built … as`, `initially`, `started on`) whose type is of a learnt type's family (the
  same name but for its size number: `Standard_E16s_v5` beside `Standard_E32s_v5`) and is not that
  type: its machines, CPU, memory and disk figures are the old side of the resize (`old`: the
  gatherer drops them wherever written). A sentence naming the resized-to type itself is left to
  `read.changes`; a machine of another family (the load generators', another pool's) is not touched.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Mapping
from dataclasses import replace

from handoff.core.fields import InstanceSpec
from handoff.core.quickre import Pieces
from handoff.core.units import instance_key, parse_size
from handoff.read import shapes
from handoff.read.changes import CHANGING
from handoff.read.fact import Fact

TARGETS: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("resized_to", default=frozenset())

_TO = re.compile(
    r"\b(?:re-?sized|re-?scaled|moved|upgraded|stepped|scaled|bumped|switched|changed)\b"
    r"(?:\s+(?:it|them|this|that|the\s+[\w-]+|up|over|one\s+step\s+up)){0,3}\s+to\s+"
    r"(?:an?\s+|one\s+|a\s+single\s+|\d+\s*[×x]\s*)?$",
    re.IGNORECASE,
)
_ARROW = re.compile(r"(?:→|->|=>|⇒)\s*$")
# a line holding neither a resize verb nor an arrow can take no type: its types are not looked for
_MAY_TAKE = Pieces(_TO, _ARROW)
# the machine the deployment went live on: its own, whatever the family of the type resized to
_LIVE = r"(?:went|goes|was\s+taken)\s+live\s+(?:on|with|as)|launched\s+(?:on|with|as)"
_WENT_LIVE = re.compile(rf"\b(?:{_LIVE})\b", re.IGNORECASE)
_FIRST = re.compile(
    r"\b(?:first\s+(?:built|installed|deployed|provisioned|stood\s+up|set\s+up|sized)|initially|originally|"
    r"at\s+first|started\s+(?:on|with|out\s+on)|began\s+(?:on|with)|initial|the\s+first\s+(?:vm|machine|server|box)|"
    rf"{_LIVE})\b",
    re.IGNORECASE,
)
_SIZE_NUMBER = re.compile(r"\d+")


def _family(kind: str) -> str:
    """A type's name with its numbers free: `Standard_E16s_v5` and `Standard_E32s_v5` are one family."""
    return _SIZE_NUMBER.sub("#", kind.casefold())


def learn(text: str) -> frozenset[str]:
    """The types a document says its machines were resized or moved to."""
    if "to" not in text and "→" not in text and "->" not in text:
        return frozenset()
    found: set[str] = set()
    for line in text.splitlines():
        if not _MAY_TAKE.possible(line):
            continue  # (every match of `_TO` or `_ARROW` in a part of the line holds one of their pieces)
        matches = list(shapes.INSTANCE_TYPE.finditer(line))
        for k, m in enumerate(matches):
            before = line[max(0, m.start() - 80) : m.start()]
            if _TO.search(before) or (k and _ARROW.search(line[matches[k - 1].end() : m.start()])):
                found.add(m.group(0))
    return frozenset(found)


def first_built(
    sentence: str, facts: list[Fact], specs: Mapping[str, InstanceSpec] | None = None
) -> list[Fact]:
    """`facts` with the figures of a first-built machine that the document resized away from as `old`;
    with `specs` (the published sizes), a CPU or memory figure every type resized to has as well is
    left as it is: the resize did not change it ("CPU count and disks were unchanged")."""
    targets = TARGETS.get()
    if not targets or not _FIRST.search(sentence):
        return facts
    kinds = [m.value.split(" × ", 1)[1] for m in shapes.instances(sentence)]
    if not kinds or any(k in targets for k in kinds):
        return facts
    families = {_family(t) for t in targets}
    if not _WENT_LIVE.search(sentence) and not all(_family(k) in families for k in kinds):
        return facts
    kept = _unchanged(targets, specs) if specs else {}
    return [
        replace(f, role="old") if f.field in CHANGING and not f.role and not _same(f, kept) else f
        for f in facts
    ]


def _unchanged(targets: frozenset[str], specs: Mapping[str, InstanceSpec]) -> dict[str, float]:
    """The CPU count and memory (GiB) all the known types resized to share: what a resize kept."""
    known = [spec for t in targets if (spec := specs.get(instance_key(t))) is not None]
    if not known or len(known) != len(targets):
        return {}
    cpus, memories = {float(k.vcpu) for k in known}, {float(k.memory_gib) for k in known}
    return {
        **({"total_cpu": cpus.pop()} if len(cpus) == 1 else {}),
        **({"total_memory_gb": memories.pop()} if len(memories) == 1 else {}),
    }


def _same(f: Fact, kept: Mapping[str, float]) -> bool:
    """Whether a fact's one figure is the one the resize kept for its field."""
    if f.field not in kept:
        return False
    if f.field == "total_cpu":
        number = re.search(shapes.NUMBER, f.value)
        figure = float(number.group(0).replace(",", "")) if number else None
    else:
        size = next(shapes.sizes(f.value), None)
        figure = parse_size(size.value, "GB") if size else None
    return figure is not None and abs(figure - kept[f.field]) <= 0.01 * kept[f.field]


__all__ = ["TARGETS", "first_built", "learn"]
