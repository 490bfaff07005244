"""What the parts of `read.gather.Gatherer` share: it is joined from `read.precedence`,
`read.hostcounts` and `read.implied`; each part reads and rewrites the gathered state held here
(the values, the blocks read, the per-host counts, …) and keeps the indices held of the values in
step through `_keep` and `_drop`. Also what a change compares for a field (`amounts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from handoff.core.model import Location, TddValue
from handoff.core.units import parse_size
from handoff.read import shapes
from handoff.read.docmemo import per_document
from handoff.read.fact import Fact
from handoff.read.facts import FactReader
from handoff.read.titletool import Title

_MACHINE_TOTALS = frozenset({"total_cpu", "total_memory_gb"})


def _count(text: str) -> int | None:
    """A whole count (`6100`), or None for anything else (`1.5`, `1e999`, ``)."""
    return int(text) if text.isdigit() and len(text) <= 12 else None


def amounts(field: str, text: str) -> list[object]:
    """What a change compares for a field: the machines (`4 × c6i.4xlarge` each), the CPU count, the
    size in GB, a limit's count (a limit no longer in force, `read.limits`); [] for a field no
    change is read for."""
    return list(_amounts(field, text, shapes.OWN_TYPES.get(), shapes.SHORT_TYPES.get()))


@per_document  # (the end passes compare the same values' amounts again and again)
def _amounts(field: str, text: str, own: frozenset[str], short: frozenset[str]) -> tuple[object, ...]:
    """`amounts(field, text)` under the document's own and short machine types (`shapes.instances`)."""
    if field == "instance_types":
        return tuple(m.value.casefold() for m in shapes.instances(text))
    if field == "total_cpu":
        number = re.search(shapes.NUMBER, text)
        return (round(float(number.group(0).replace(",", "")), 1),) if number else ()
    if field in ("total_memory_gb", "total_disk_gb"):
        size = next(shapes.sizes(text), None)
        return (round(parse_size(size.value, "GB"), 1),) if size else ()
    if field in _LIMITS:
        number = re.search(shapes.NUMBER, text)
        return (round(float(number.group(0).replace(",", ""))),) if number else ()
    return ()


_LIMITS = frozenset({"max_users", "max_concurrent_users", "max_repositories"})


@dataclass
class _Block:
    text: str
    location: Location
    section: str
    used: bool = False
    host: str = ""  # the one code host its parent bullet or row title names


@dataclass(frozen=True)
class _Part:
    count: int
    host: str
    text: str
    location: Location
    section: str
    block: int = -1


class GatherParts:
    """The gatherer's state, and the few ways its parts drop values."""

    def __init__(self, reader: FactReader) -> None:
        self.reader = reader
        self.values: list[TddValue] = []
        self.blocks: list[_Block] = []
        self._places: tuple[int, dict[Location, list[str]]] = (-1, {})  # (blocks indexed, texts by place)
        self.parts: list[_Part] = []
        self.mentions: list[tuple[int, str, Location]] = []
        self.counts: list[tuple[int, Fact, str]] = []  # (index in values then, a bare node count, its label)
        self.each: list[tuple[Fact, Location]] = []  # one machine's amount ("Memory per node: 64 GB")
        self.count_places: dict[int, Location] = {}  # id of a node count's fact → its place
        self.counts_paired: set[int] = set()  # ids of the node counts a type took
        self.largest_names: list[tuple[Fact, Location]] = []  # "X is the largest repository", no size
        self.siblings: tuple[object, ...] | None = None  # the list run and parent of the item being read
        self.pools: dict[int, tuple[object, ...]] = {}  # index in values → sibling key, for instance types
        self.corrections: set[int] = set()  # indices in values of values read from a correcting block
        self.rollbacks: set[int] = set()  # ids of values an undoing went back to ("rolled back to 6 × …")
        self.rows: dict[int, TddValue] = {}  # CPU, memory and disk values read in a form's field row
        self.old: set[tuple[str, object]] = set()  # (field, amount) of the old side of a change
        self.old_kinds: set[str] = set()  # machine types a change names alone on its old side
        self.new: set[tuple[str, object]] = set()  # (field, amount) of the new side of a change
        self.olds: list[tuple[int, str, tuple[object, ...]]] = []  # (block, field, amounts) of old sides
        self.news: list[tuple[int, str, int]] = []  # (block, field, index in values) of new sides
        # (block, field, index, value) of new sides as the walk gave them (the list changes at the end)
        self.new_values: list[tuple[int, str, int, TddValue]] = []
        self.switched: list[int] = []  # (index in values) of names the deployment changed to
        self.correcting = False  # the paragraph being read corrects or withdraws an earlier figure
        self.totals: dict[int, TddValue] = {}  # the CPU, memory and disk values said to be totals, by id
        self.premises: set[str] = set()  # the places under a title heading assumptions (`read.premises`)
        self.paths: dict[str, tuple[object, ...]] = {}  # a place → its tab titles and (level, heading)s
        self.heads: dict[str, str] = {}  # a place → the title heading of its tab (or document), if any
        self.ambiguous: tuple[str, ...] = ()  # figures whose notation is truly ambiguous (`read.notation`)
        self.said: list[tuple[int, str]] = []  # (block, code host) of each host a value or a count took
        self.titles: list[Title] = []  # the headings naming a deployment tool (`read.titletool`)
        self.event_blocks: set[int] = set()  # the blocks of an event's part (`read.eventparts`)

    def _keep(self, keep: Callable[[TddValue], bool]) -> None:
        """Keep only the values `keep` says, the indices held of them (pools, corrections) kept in step."""
        kept = [i for i, v in enumerate(self.values) if keep(v)]
        at = {was: now for now, was in enumerate(kept)}
        self.values = [self.values[i] for i in kept]
        self.pools = {at[i]: key for i, key in self.pools.items() if i in at}
        self.corrections = {at[i] for i in self.corrections if i in at}
        self.switched = [at[i] for i in self.switched if i in at]

    def _text_at(self, v: TddValue) -> str:
        """The text of the blocks read at a value's place (the blocks indexed by place once, again
        only when blocks were added since: a lookup per value instead of a walk of every block)."""
        if self._places[0] != len(self.blocks):
            places: dict[Location, list[str]] = {}
            for b in self.blocks:
                places.setdefault(b.location, []).append(b.text)
            self._places = (len(self.blocks), places)
        return "\n".join(self._places[1].get(v.location, ()))

    def _drop(self, drop: set[int]) -> None:
        """Drop these values, and with dropped machines the CPU and memory written with them (one
        block: "Worker nodes: 3 × r6i.2xlarge (24 vCPU, 192 GiB)"): they were those machines' totals."""
        machines = {self.values[i].location for i in drop if self.values[i].field == "instance_types"}
        drop |= {
            i for i, v in enumerate(self.values)
            if v.location in machines and v.field in _MACHINE_TOTALS and i not in self.corrections
        }  # fmt: skip
        if not drop:
            return
        keep = [i for i in range(len(self.values)) if i not in drop]
        at = {was: now for now, was in enumerate(keep)}
        self.values = [self.values[i] for i in keep]
        self.pools = {at[i]: key for i, key in self.pools.items() if i in at}
        self.corrections = {at[i] for i in self.corrections if i in at}
        self.switched = [at[i] for i in self.switched if i in at]
