"""Gathering the reader's facts into TDD values: sums, counts, precedence, what was not placed.

The walk (`read.walk`) hands every block of text it reads to `block()` and every fact it finds to
`fact()`. `finish()` then:

* sums the per-code-host repository counts of each environment into the repository count, or,
  when the document states a total too and the parts (one per host) disagree with it, keeps the
  stated total and reports a warning naming both places;
* counts the monorepos named in passing ("includes the core-platform monorepo") when no count
  is written;
* keeps, per field and environment, the values read from prose only when no label or table
  column gives that field (a sentence never competes with a labelled value; a label and a
  table that disagree are still reported by the merge);
* lists as `unplaced` the blocks outside trial parts that look like deployment facts (a size, a
  CPU count, an instance type, a URL, a date, a code host) at no place a returned value came from
  (`placed`: a value's own place, a part of a returned sum or union, volumes adding up to a
  returned total, `read.addsup`), once per place.

The gatherer is one class joined from parts (`read.gatherparts`: the state they share):
`read.precedence` (ranking and precedence), `read.hostcounts` (code hosts and repository counts:
sums and conflicts) and `read.implied` (values worked out from the others); this module takes the
walk's blocks and facts in and lists the unplaced lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from handoff.core.model import Location, Problem, TddValue
from handoff.core.redact import mask
from handoff.read import eventparts, limitchange, shapes, totalcount, typesizes, wholes
from handoff.read.addsup import adds_up, adds_up_to, amount
from handoff.read.apart import pair_in_environment, per_machine_in_environment
from handoff.read.authority import overridden
from handoff.read.baseurl import base_urls
from handoff.read.builddates import build_dates
from handoff.read.entrydates import denied_ends, stamped_ends
from handoff.read.fact import Fact
from handoff.read.fleetsettles import settled_by_fleet
from handoff.read.gatherparts import _Block, _count, _Part, amounts
from handoff.read.glossed import glossed_regions
from handoff.read.hostcounts import HostCounts
from handoff.read.implied import Implied
from handoff.read.limitwords import is_correction
from handoff.read.nodecount import pair_in_sections, per_machine_totals, restated_types
from handoff.read.notation import ambiguous_figures, as_written
from handoff.read.onsite import on_site_wins
from handoff.read.osdisk import os_disks
from handoff.read.poolnames import counted_by_name
from handoff.read.precedence import _RANK, Precedence, _environment
from handoff.read.rolledback import UNDONE, target_at
from handoff.read.seatlimit import seats_give_way
from handoff.read.titletool import tool_of
from handoff.read.totals import AMOUNTS, SIZES
from handoff.read.wholeelsewhere import parts_of_whole
from handoff.read.zones import by_place, sum_siblings

_CLIP = 160


_SWITCHING = frozenset(
    {"deployment_type", "hosting_provider", "instance_url"}
)  # names a deployment changes to
# limits a change sets ("licence raised from 1,000 to 1,400 users"): the limit written before is history
_LIMIT_FIELDS = limitchange.FIELDS


# A form's field row: a label whose value opens with a figure (`Instance: 1 × m6i.12xlarge (48 vCPU,
# 192 GiB)`, `Size: 32 vCPU / 128 GB`), not a log line's speaker (`capacity team: a benchmark on …`).
_FIELD_ROW = re.compile(r"^[^:\n]{1,60}:\s+(?:~|≈|about\s+|approx(?:imately|\.)?\s+|around\s+|roughly\s+)?\d")


def _went_back_to(text: str, said: str) -> bool:
    """Whether `said` is written where an undoing of its block went back to ("rolled back to 6 × …")."""
    at = target_at(text)
    return at is not None and text.find(said, at) >= 0


def _interleaved(types: list[int], counts: list[int]) -> bool:
    """Types read at `types` and counts recorded at `counts` (places in the values) alternate one
    for one, each type before its count and its count before the next type: each pool's rows, in turn."""
    if len(types) < 2 or len(types) != len(counts):
        return False
    return all(
        types[k] < counts[k] and (k + 1 == len(types) or counts[k] <= types[k + 1]) for k in range(len(types))
    )


@dataclass(frozen=True)
class Unplaced:
    """A line that looks like a deployment fact (a size, an instance type, a URL, a date), not used."""

    text: str
    location: Location


@dataclass(frozen=True)
class TddReading:
    """Everything read from one TDD: the values, the fact-like lines not placed, the reader's warnings."""

    values: tuple[TddValue, ...]
    unplaced: tuple[Unplaced, ...] = ()
    problems: tuple[Problem, ...] = ()


_SPACE_RUN = re.compile(r"\s+")


class Gatherer(Precedence, HostCounts, Implied):
    """Takes in the walk's blocks and facts; `finish()` makes them the TDD's values."""

    def block(self, text: str, location: Location, section: str, host: str = "") -> int:
        self.blocks.append(_Block(text, location, section, host=host))
        return len(self.blocks) - 1

    def add(self, block: int, value: TddValue) -> None:
        self._correcting(block)
        self.values.append(value)
        if value.field:
            self.blocks[block].used = True
        if value.field == "code_hosts" and value.value:
            self.said += [(block, h) for h in value.value.split(", ")]

    def _correcting(self, block: int) -> None:
        if self.correcting or is_correction(self.blocks[block].text):
            self.corrections.add(len(self.values))

    def fact(self, block: int, label: str, f: Fact, location: Location, link: str | None = None) -> None:
        self.blocks[block].used = True
        if f.field == "code_hosts":
            self.said += [(block, h) for h in f.value.split(", ")]
        if f.role == "part":
            count = _count(f.value)
            if count is not None:
                self.parts.append(_Part(count, f.how, f.text, location, f.section, block))
                self.said.append((block, f.how.removeprefix("count for ")))
        elif f.role in ("mention", "each", "count", "name"):
            self._held(block, label, f, location)
        elif f.role == "old" and f.how == "old type":  # "resized from the CCX43": the type alone
            self.old_kinds.add(f.value.casefold())
        elif f.role == "old":
            self.old.update((f.field, k) for k in amounts(f.field, f.value))
            self.olds.append((block, f.field, tuple(amounts(f.field, f.value))))
        else:
            if f.new:
                self._new_side(block, f)
            derived = f.how not in _RANK
            if self.siblings is not None and f.field == "instance_types":
                self.pools[len(self.values)] = self.siblings
            self._correcting(block)
            value = TddValue(label or f.how, f.text, location, f.field, f.section, link, derived,
                             f.value, f.how)  # fmt: skip
            if label and f.field in AMOUNTS and _FIELD_ROW.match(self.blocks[block].text):
                self.rows[id(value)] = value  # a figure in a form's field row: it beats free prose
            if f.role == "total" and f.field in AMOUNTS:
                self.totals[id(value)] = value  # (held, so no other value takes its id)
            if f.field in UNDONE and _went_back_to(self.blocks[block].text, f.text):
                self.rollbacks.add(id(value))
            self.values.append(value)

    def part(self, count: str, host: str, location: Location, section: str) -> None:
        """One row of a code-host table: that host's repository count."""
        number = _count(shapes.leading_count(count) or "")
        names = self.reader.code_hosts.values(host) or [host.strip()]
        block = self.block(f"{host}: {count}", location, section)
        if number is not None and section != "trial":
            self.blocks[block].used = True
            self.parts.append(_Part(number, f"count for {names[0]}", count, location, section, block))
            self.said.append((block, names[0]))

    def _held(self, block: int, label: str, f: Fact, location: Location) -> None:
        """A fact held for the end: a monorepo named, one machine's amount, a node count, a largest
        repository's name."""
        if f.role == "mention":
            self.mentions.append((block, f.section, location))
        elif f.role == "each":
            self.each.append((f, location))
        elif f.role == "count":
            self.counts.append((len(self.values), f, label))
            self.count_places[id(f)] = location
        else:
            self.largest_names.append((f, location))

    def _new_side(self, block: int, f: Fact) -> None:
        """The new figure of a change ("from A to B"), or a name the deployment changed to."""
        if f.field in _SWITCHING or f.field in _LIMIT_FIELDS:  # "… and moved to Kustomize"
            self.switched.append(len(self.values))
        else:
            self.new.update((f.field, k) for k in amounts(f.field, f.value))
            self.news.append((block, f.field, len(self.values)))

    def mark(self) -> int:
        return len(self.values)

    def history(self, values: list[TddValue]) -> None:
        """These values' figures are history wherever written, as a change's old side is."""
        for v in values:
            if v.field:
                self.old.update((v.field, k) for k in amounts(v.field, v.value or v.text))

    def pair_node_counts(self, mark: int, section: str | None = None) -> None:
        """A `Node pool | m7i.4xlarge` row and a `Nodes | 4` row of one table: `4 × m7i.4xlarge`. With
        several counts and types (`node_count`, `machine_type`, `index_node_count`,
        `index_machine_type`), each count pairs with the type whose label has the same other words.
        With `section`, only that environment's (one column of an environments-as-columns table)."""
        counts = [(f, label) for at, f, label in self.counts if at >= mark and section in (None, f.section)]
        bare = [
            (i, entries[0])
            for i in range(mark, len(self.values))
            if self.values[i].field == "instance_types"
            and section in (None, self.values[i].section)
            and len(entries := list(shapes.instances(self.values[i].text))) == 1
            and entries[0].value.endswith(" × " + entries[0].text)  # written without a count
        ]
        if len(counts) == 1 and len(bare) == 1:
            if counts[0][0].section != self.values[bare[0][0]].section:
                return  # staging's `Nodes: 2` before production's `Node type: …`: not its count
            pairs = [(counts[0][0], bare[0])]
        else:
            types = {_pool_words(self.values[i].label): (i, e) for i, e in bare}
            by_words = {_pool_words(label): f for f, label in counts}
            if len(types) < len(bare) or len(by_words) < len(counts):
                # two labels alike: no telling which count is whose, unless each type is followed by
                # its count before the next type (`System pool`: `VM size`, `Nodes`; `User pool`: …)
                ats = [at for at, f, _ in self.counts if at >= mark and section in (None, f.section)]
                if not _interleaved([i for i, _ in bare], ats):
                    return
                pairs = [(counts[k][0], bare[k]) for k in range(len(bare))]
            else:
                pairs = [(f, types[w]) for w, f in by_words.items() if w in types]
        for count, (i, entry) in pairs:
            self.counts_paired.add(id(count))
            v = self.values[i]
            self.values[i] = replace(v, value=f"{count.value} × {entry.text}", how=f"{v.how} + node count")
        unstated = {
            i for count, (i, _) in pairs if not count.value
        }  # `Nodes | autoscaled`: no machines value
        self.values = [v for i, v in enumerate(self.values) if i not in unstated]

    def _held_places(self) -> list[tuple[int, str, int]]:
        """The values the held indices (pools, corrections, switched names) point at, by identity
        ("pool", "correction", "switched"), before a pass that may drop values in place."""
        n = len(self.values)
        return [
            *((id(self.values[i]), "pool", i) for i in self.pools if i < n),
            *((id(self.values[i]), "correction", i) for i in self.corrections if i < n),
            *((id(self.values[i]), "switched", i) for i in self.switched if i < n),
        ]

    def _follow(self, held: list[tuple[int, str, int]]) -> None:
        """The held indices moved to where their values now are (a value dropped takes its own away): a
        pool's index never points at another value (a CPU count read into the fleet's types)."""
        now = {id(v): i for i, v in enumerate(self.values)}
        pools = dict(self.pools)
        self.pools = {now[v]: pools[i] for v, kind, i in held if kind == "pool" and v in now}
        self.corrections = {now[v] for v, kind, _ in held if kind == "correction" and v in now}
        self.switched = [now[v] for v, kind, _ in held if kind == "switched" and v in now]

    # -- the end ------------------------------------------------------------------------------
    def finish(self) -> TddReading:
        problems: list[Problem] = []
        self.new_values = [(b, f, j, self.values[j]) for b, f, j in self.news if j < len(self.values)]
        self.values = base_urls(self.values)  # `https://sg.example.com/search` → its base URL
        self.values = by_place(self.values)  # `zone 1: 2 × m6i.4xlarge` `zone 2: 1 × …`: one pool of 3
        held = self._held_places()  # (the passes below drop values in place: the held indices follow)
        pair_in_sections(self.values, self.counts, self.count_places, self.counts_paired)
        pair_in_environment(self.values, self.counts, self.count_places, self.counts_paired)
        restated_types(self.values)  # `m5.4xlarge` alone beside `5x m5.4xl`: the same machines
        self._follow(held)
        counted_by_name(self.values, lambda: [(b.location.ref, b.section, b.text) for b in self.blocks])
        self.values += per_machine_totals(self.values, self.each)
        self._drop_ambiguous()
        self._events_give_way()
        self._drop_old()
        self._switched_names()
        self._grown_after_build()
        self._latest_entry()
        blocks = [(b.text, b.location.ref) for b in self.blocks]
        self._drop(overridden(self.values, blocks, self.paths, self.heads))
        self._rolled_back()
        self._supersede()
        self._logged_since()  # "2026-10-29 · v2.3 · … now the largest": a log's change after the build
        self._parts_give_way()
        self._parts_elsewhere_give_way()  # `boot_disk_gb = 100`, `data_disk_gb = 2000`; "2.1 TB in total"
        self._sum_at_one_place()  # "100 GiB plus … 2,000 GiB: 2,100 GiB attached"
        self._part_again()  # "… 1,500 GB data volume; 1,600 GB in total", then "the 1,500 GB data volume"
        # a `200 GB | 2 TB` row, then "2,200 GB" in a sentence of its own
        dropped = parts_of_whole(self.values, _one_amount, _environment, self._text_at)
        self._keep(lambda v: id(v) not in dropped)
        dropped = os_disks(self.values, self._text_at)  # "100 GB (OS, thin)" beside "1,500 GB (data)"
        self._keep(lambda v: id(v) not in dropped)
        self._per_machine_give_way()
        told = typesizes.described(self.values, self._text_at, self.reader.catalogue.instance_types)
        self._keep(lambda v: id(v) not in told)  # "an m6i.4xlarge has 16 vCPU" beside `2 × m6i.4xlarge`
        self._stated_limits_win()
        self._premises_give_way()  # "A-03: … assumed … no more than 5,000 repositories" (`read.premises`)
        self._no_monorepo_named_since()  # "No monorepos", then "… including the actuarial-models monorepo"
        seats = seats_give_way(
            self.values, self._text_at
        )  # "1,250 seats" beside "sized for 1,000 users" (`read.seatlimit`)
        self._keep(lambda v: id(v) not in seats)
        self._inputs_give_way()  # "2. Sizing inputs": "… plus 25 %: largest repository 8 GB"
        placed = sum_siblings(self.values, self.pools, self._text_at)  # zone by zone: one pool of their sum
        self._keep(lambda v: id(v) not in placed)
        self._union_pools()
        self.values += per_machine_in_environment(self.values, self.each)
        self._fleet_counted_apart()  # "Each worker is an m6i.4xlarge …", "runs 5 workers" (`read.fleetcount`)
        self._largest_by_name()
        self._last_word()
        self._family_hosts()
        for section in ("production", ""):
            self._total_after_parts(section)
            self._proven_total(section)
            problems += self._sum_parts(section)
            self._count_mentions(section)
            self._union_hosts(section)
        self.values = build_dates(self.values, self._text_at)
        self._drop(stamped_ends(self.values, self._text_at))  # "08/Jun/26 18:30: initial sync done"
        self._drop(denied_ends(self.values, self._text_at))  # "7 August is the completion date, not 31 July"
        regions = glossed_regions(self.values)  # `eu-north-1 (Stockholm)` beside `eu-north-1`
        self._keep(lambda v: id(v) not in regions)
        self._drop_plans()
        self._build_completion()
        problems += self._only_address()
        titled = tool_of(self.titles, self.values, self.reader.deployment.values)  # "Helm values — prod"
        self.values += [titled] if titled else []
        problems += ambiguous_figures(self.ambiguous, [(b.text, b.location) for b in self.blocks])
        self.values = on_site_wins(self.values, self.reader.hosting.find)  # EKS on AWS Outposts
        self.values = self._best()
        self._counted_hosts()
        self._sum_sections()
        self._totals_by_written_shape()
        typed = totalcount.counted_type(self.values, self._text_at, self.reader.catalogue.instance_types)
        self.values += [typed] if typed else []  # "uses r6i.2xlarge (…)". "So: 4 machines, 32 vCPU …"
        # `4 × n2-standard-16` beside "256 GB" and a pod's "24 GiB": the machines' published total wins
        settled = settled_by_fleet(self.values, self.reader.catalogue.instance_types)
        self._keep(lambda v: id(v) not in settled)
        self._parts_beside_wholes()  # "3 servers: 32 cores", then "96 cores in all" (`read.wholes`)
        self._hosting_by_shape()
        return TddReading(tuple(self.values), tuple(self._unplaced()), tuple(problems))

    def _parts_beside_wholes(self) -> None:
        """A CPU, memory or disk figure read beside a count of machines ("3 servers: 32 cores") that
        times that count equals a larger figure of its field is that whole's part (`read.wholes`)."""
        parts = wholes.parts_of_wholes(self.values, lambda v: _environment(v.section), self._text_at)
        self._keep(lambda v: id(v) not in parts)

    def _in_event(self, ref: str) -> bool:
        return eventparts.event_part(
            [str(p[1] if isinstance(p, tuple) else p) for p in self.paths.get(ref, ())]
        )

    def _events_give_way(self) -> None:
        """The code hosts, repository counts and dates read in an incident's, an outage's, a journal's or
        an abandoned attempt's part give way to those read outside such parts (`read.eventparts`)."""
        event = {i for i, b in enumerate(self.blocks) if self._in_event(b.location.ref)}
        if not event:
            return
        outside = {
            v.field
            for v in self.values
            if v.field in eventparts.FIELDS and v.section != "trial" and not self._in_event(v.location.ref)
        }
        if any(p.section != "trial" and p.block not in event for p in self.parts):
            outside.add("repositories")
        self._keep(lambda v: v.field not in outside or not self._in_event(v.location.ref))
        if "repositories" in outside:
            self.parts = [
                p for p in self.parts if p.block not in event and not self._in_event(p.location.ref)
            ]
        named = {h for b, h in self.said if b not in event}
        self.said = [(b, h) for b, h in self.said if b not in event or h not in named]
        self.event_blocks = event

    def _unplaced(self) -> list[Unplaced]:
        """The fact-like blocks outside trial parts at no place a returned value came from (`placed`),
        once per place: a table row's text, not its cells again (cells read apart joined by ` | `)."""
        placed = self.placed()
        found: dict[Location, list[str]] = {}  # place → its blocks' texts, in order
        for b in self.blocks:
            if b.section == "trial" or b.location in placed:
                continue
            if shapes.looks_like_fact(b.text) or self.reader.code_hosts.find(b.text):
                found.setdefault(b.location, []).append(b.text)
        return [Unplaced(self._clip(" | ".join(_longest(texts))), place) for place, texts in found.items()]

    def placed(self) -> set[Location]:
        """The places the returned values came from: a returned value's own; a block whose code hosts
        are all in the returned ones (a host table's row: its count is a part of the repositories);
        a part of a returned sum (`2.25 TB gp3 + 0.75 TB gp3`); lines under one heading or in one
        table whose sizes add up to a returned size (the volumes beside their stated total). A block
        read but not placed (a part that lost to a total it does not add up to, a figure read as
        history) is unplaced, as is a block nothing was read from."""
        places = {v.location for v in self.values if v.field}
        summed = [p.strip() for v in self.values if " + " in v.text for p in v.text.split(" + ")]
        kept = {h.casefold() for v in self.values if v.field == "code_hosts" for h in v.value.split(", ")}
        hosts: dict[int, set[str]] = {}
        for at, host in self.said:
            hosts.setdefault(at, set()).add(host.casefold())
        if any(v.field == "repositories" for v in self.values):  # the parts of a returned count
            hosts.update((p.block, set()) for p in self.parts if p.block not in hosts)
        totals = [
            a for v in self.values if v.field in SIZES for t in (1000, 1024) if (a := amount(v.value, t))
        ]
        groups: dict[str, list[str]] = {}  # heading or table → the texts of its blocks read, not placed
        for i, b in enumerate(self.blocks):
            if not b.used or b.location in places:
                continue
            if (
                hosts.get(i, {""}) <= kept  # (a block whose code hosts are all in the returned ones)
                or any(p and p in b.text for p in summed)
                or _restates(b.text, totals)
            ):
                places.add(b.location)
            else:
                groups.setdefault(_CONTAINER.sub("", b.location.ref), []).append(b.text)
        adding = {key for key, texts in groups.items() if adds_up(_longest(texts), totals)}
        places |= {b.location for b in self.blocks if b.used and _CONTAINER.sub("", b.location.ref) in adding}
        return places

    def _clip(self, text: str) -> str:
        text = mask(_SPACE_RUN.sub(" ", as_written(text, self.ambiguous)).strip())
        return text if len(text) <= _CLIP else text[: _CLIP - 1] + "…"


def _restates(text: str, totals: list[float]) -> bool:
    """Whether a line's one size is a returned one (a table's `Total | 2,750 GB` row, its value
    placed at the table)."""
    return len(list(shapes.sizes(text))) == 1 and any(adds_up_to(text, t) for t in totals)


def _longest(texts: list[str]) -> list[str]:
    """The texts without those another of them holds (a row's cells beside the row), once each."""
    return list(dict.fromkeys(t for t in texts if not any(t != o and t in o for o in texts)))


_CONTAINER = re.compile(
    r"(?:paragraph \d+|, row \d+.*)$"
)  # a place's paragraph or row: its heading, table left

_POOL_WORDS = re.compile(
    r"\b(?:nodes?|count|number|num|machines?|instances?|vms?|types?|sizes?|skus?|flavou?rs?|of|the)\b", re.I
)


def _pool_words(label: str) -> str:
    """A node count's or type's label without the words that say count or type: the pool it names
    (`index node count` and `index machine type` → `index`; `node_count`, `machine_type` → ``)."""
    return " ".join(_POOL_WORDS.sub(" ", label.casefold()).split())


def _one_amount(v: TddValue) -> float | None:
    """A CPU, memory or disk value's one number (GB for sizes), else None."""
    found = amounts(v.field or "", v.value or v.text)
    return float(found[0]) if len(found) == 1 and isinstance(found[0], float) else None
