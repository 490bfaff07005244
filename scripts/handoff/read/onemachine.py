"""A label naming one machine: `Each server: 2 × 16-core Xeon Silver, 256 GB RAM, one 3.84 TB drive`.

People describe a fleet of alike machines by one of them, under a label that says so: `Each server:`,
`Per node:`, `Every VM:`. Whatever the value holds is that one machine's, even a count
inside it: `2 × 16-core` counts the machine's processors, `3 × 1.92 TB` its drives. A careful reader
takes its CPU, memory and disk as one machine's figures, never as the fleet's totals; the totals are
the ones the document states (or works out from the machines' count and type) elsewhere. (A label
naming one machine without a distributive word, `Single server:`, `One VM:`, may name the deployment's
only machine: its figures are the totals, as written.)

`one_machine(label)`: whether a label names one machine (and no field); `per_machine(facts)`: the
facts without the CPU, memory and disk figures taken for totals (a figure the value itself calls the
total, or already read as one machine's, stays; so do all when the value counts the machines itself,
`Each node: 16 vCPU, 64 GB RAM. 3 nodes.`).
"""

from __future__ import annotations

import re

from handoff.read.fact import Fact
from handoff.read.permachine import MACHINES, machine_counts
from handoff.read.totals import AMOUNTS

_ONE_MACHINE = re.compile(
    rf"\W*(?:each|every|per)\s+(?:[\w-]+\s+)?(?:{MACHINES})\s*(?:\([^()]*\))?\W*",
    re.IGNORECASE,
)


def one_machine(label: str) -> bool:
    """A label naming one machine of several (`Each server`, `Per node`, `Every VM (as delivered)`)."""
    return bool(_ONE_MACHINE.fullmatch(label))


def per_machine(facts: list[Fact], value: str) -> list[Fact]:
    """The facts without one machine's CPU, memory and disk read as totals; as they are when the
    value counts the machines itself (`16 vCPU, 64 GB RAM. 3 nodes.`: the figures times its count)."""
    if machine_counts(value, types=False):
        return facts
    return [f for f in facts if f.field not in AMOUNTS or f.role in ("each", "total")]


__all__ = ["one_machine", "per_machine"]
