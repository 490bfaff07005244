"""Gathering the reader's facts into TDD values: sums, counts, precedence, what was not placed.

The walk (`read.tdd`) hands every block of text it reads to `block()` and every fact it finds to
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
  CPU count, an instance type, a URL, a date, a code host) but gave no value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from handoff.core.model import Location, Problem, Severity, TddValue
from handoff.core.redact import mask
from handoff.core.units import parse_size
from handoff.read import hostledger, pernode, shapes
from handoff.read.builddates import build_dates
from handoff.read.counts import AMBIENT
from handoff.read.dates import BUILD
from handoff.read.fact import Context, Fact
from handoff.read.facts import FactReader
from handoff.read.notation import ambiguous_figures, as_written, blanked
from handoff.read.prose import host_names
from handoff.read.totals import AMOUNTS, names_total
from handoff.read.words import is_correction, is_growth, is_limit, is_planned

_REPOS = r"repositories|repository|repos|repo"
_RANK = {"label": 0, "label meaning": 0, "table column": 1}
_MACHINE_TOTALS = frozenset({"total_cpu", "total_memory_gb"})
_CLIP = 160


def _count(text: str) -> int | None:
    """A whole count (`6100`), or None for anything else (`1.5`, `1e999`, ``)."""
    return int(text) if text.isdigit() and len(text) <= 12 else None


def amounts(field: str, text: str) -> list[object]:
    """What a change compares for a field: the machines (`4 × c6i.4xlarge` each), the CPU count, the
    size in GB, a limit's count (a limit no longer in force, `read.limits`); [] for a field no
    change is read for."""
    if field == "instance_types":
        return [m.value.casefold() for m in shapes.instances(text)]
    if field == "total_cpu":
        number = re.search(shapes.NUMBER, text)
        return [round(float(number.group(0).replace(",", "")), 1)] if number else []
    if field in ("total_memory_gb", "total_disk_gb"):
        size = next(shapes.sizes(text), None)
        return [round(parse_size(size.value, "GB"), 1)] if size else []
    if field in _LIMITS:
        number = re.search(shapes.NUMBER, text)
        return [round(float(number.group(0).replace(",", "")))] if number else []
    return []


_LIMITS = frozenset({"max_users", "max_concurrent_users", "max_repositories"})


_SWITCHING = frozenset({"deployment_type", "hosting_provider"})  # names a deployment changes to
_ADDED_UP = frozenset({"code_hosts"})  # a list a log adds to, entry by entry
_FLEET = ("instance_types", "total_cpu", "total_memory_gb", "total_disk_gb")


def _kinds(v: TddValue) -> list[str]:
    return [m.value.split(" × ", 1)[-1].casefold() for m in shapes.instances(v.value or v.text)]


def _added(field: str, values: list[TddValue]) -> str | None:
    """The parts' figures added up, in their unit when they share one (`256 GiB` + `64 GiB` → `320 GiB`)."""
    texts = [v.value or v.text for v in values]
    if field == "instance_types":
        return ", ".join(m.value for t in texts for m in shapes.instances(t))
    if field == "total_cpu":
        numbers = [re.search(shapes.NUMBER, t) for t in texts]
        if not all(numbers):
            return None
        return shapes.canon(f"{sum(float(n.group(0).replace(',', '')) for n in numbers if n):.3f}")
    found = [next(shapes.sizes(t), None) for t in texts]
    if not all(found):
        return None
    sizes = [m for m in found if m]
    units = {m.value.split(" ", 1)[1] for m in sizes}
    if len(units) == 1:
        number = sum(float(m.value.split(" ", 1)[0]) for m in sizes)
        return f"{shapes.canon(f'{number:.3f}')} {units.pop()}"
    gb = sum(parse_size(m.value, "GB") for m in sizes)
    return f"{shapes.canon(f'{gb:.3f}')} GB"


def _titled_total(v: TddValue) -> bool:
    """A labelled amount whose label says it is the total ("Total storage: … = 3,500 GB", a line
    `total provisioned: 2,600 GiB` under a heading or bullet naming the amount)."""
    return (_rank(v) == 0 or v.label != v.how) and names_total(v.label)


_DATE_FIELDS = frozenset({"start_date", "completion_date"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ENTRY_MARK = re.compile(r"\s*(?:[—–:|]|-\s|\n)")  # what follows a date opening an entry


_ENTRY_WORD = re.compile(r"[^\W\d_]+\s+")  # an entry's one-word label before its date ("UPDATE 2 Sep 2026")
_ENTRY_WHO = re.compile(r"\s*\([^()\n]{1,40}\)")  # who wrote the entry, after its date ("(Priya)")


def _leading_date(text: str, year: str) -> str:
    """The date an entry opens with ("12 May 2026 — …", "2026-06-20: …", a row's date cell, "UPDATE 2 Sep
    2026 (Priya): …"), or ""."""
    head = text.lstrip(" \t•*-–—")
    found = next(shapes.dates(head[:40], year), None)
    if found is None or (found.start > 0 and not _ENTRY_WORD.fullmatch(head, 0, found.start)):
        return ""
    who = _ENTRY_WHO.match(head, found.end)
    return found.value if _ENTRY_MARK.match(head, who.end() if who else found.end) else ""


def _rank(v: TddValue, row: bool = False) -> int:
    """0 a label, 1 a table column, 2 a CPU, memory or disk figure in a field row (`row`), 3 prose, 4
    weak prose (a go-live date, beaten by a completion; a date known only by its heading's or
    question's topic or its day heading, beaten by a date with its own verb; a platform of the
    customer's own data centre, beaten by a cloud named)."""
    if v.how.endswith(_WEAK):
        return 4
    return _RANK.get(v.how.split(" + ")[0], 2 if row else 3)


# A form's field row: a label whose value opens with a figure (`Instance: 1 × m6i.12xlarge (48 vCPU,
# 192 GiB)`, `Size: 32 vCPU / 128 GB`), not a log line's speaker (`capacity team: a benchmark on …`).
_FIELD_ROW = re.compile(r"^[^:\n]{1,60}:\s+(?:~|≈|about\s+|approx(?:imately|\.)?\s+|around\s+|roughly\s+)?\d")


_WEAK = ("(go-live)", "(topic)", "(heading)", "(platform)", "(monorepo)")  # go-live, a heading's topic or
# day, on-prem, the one monorepo's size (a size called the largest wins)


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


class Gatherer:
    def __init__(self, reader: FactReader) -> None:
        self.reader = reader
        self.values: list[TddValue] = []
        self.blocks: list[_Block] = []
        self._places: tuple[int, dict[Location, list[str]]] = (-1, {})  # (blocks indexed, texts by place)
        self.parts: list[_Part] = []
        self.mentions: list[tuple[int, str, Location]] = []
        self.counts: list[tuple[int, Fact, str]] = []  # (index in values then, a bare node count, its label)
        self.largest_names: list[tuple[Fact, Location]] = []  # "X is the largest repository", no size
        self.siblings: tuple[object, ...] | None = None  # the list run and parent of the item being read
        self.pools: dict[int, tuple[object, ...]] = {}  # index in values → sibling key, for instance types
        self.corrections: set[int] = set()  # indices in values of values read from a correcting block
        self.rows: dict[int, TddValue] = {}  # CPU, memory and disk values read in a form's field row
        self.old: set[tuple[str, object]] = set()  # (field, amount) of the old side of a change
        self.new: set[tuple[str, object]] = set()  # (field, amount) of the new side of a change
        self.olds: list[tuple[int, str, tuple[object, ...]]] = []  # (block, field, amounts) of old sides
        self.news: list[tuple[int, str, int]] = []  # (block, field, index in values) of new sides
        self.switched: list[int] = []  # (index in values) of names the deployment changed to
        self.correcting = False  # the paragraph being read corrects or withdraws an earlier figure
        self.totals: dict[int, TddValue] = {}  # the CPU, memory and disk values said to be totals, by id
        self.paths: dict[str, tuple[object, ...]] = {}  # a place → its tab titles and (level, heading)s
        self.ambiguous: tuple[str, ...] = ()  # figures whose notation is truly ambiguous (`read.notation`)
        self.said: list[tuple[int, str]] = []  # (block, code host) of each host a value or a count took

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
        elif f.role == "mention":
            self.mentions.append((block, f.section, location))
        elif f.role == "count":
            self.counts.append((len(self.values), f, label))
        elif f.role == "name":
            self.largest_names.append((f, location))
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

    def _new_side(self, block: int, f: Fact) -> None:
        """The new figure of a change ("from A to B"), or a name the deployment changed to."""
        if f.field in _SWITCHING:  # "… and moved to Kustomize"
            self.switched.append(len(self.values))
        else:
            self.new.update((f.field, k) for k in amounts(f.field, f.value))
            self.news.append((block, f.field, len(self.values)))

    def mark(self) -> int:
        return len(self.values)

    def pair_node_counts(self, mark: int) -> None:
        """A `Node pool | m7i.4xlarge` row and a `Nodes | 4` row of one table: `4 × m7i.4xlarge`. With
        several counts and types (`node_count`, `machine_type`, `index_node_count`,
        `index_machine_type`), each count pairs with the type whose label has the same other words."""
        counts = [(f, label) for at, f, label in self.counts if at >= mark]
        bare = [
            (i, entries[0])
            for i in range(mark, len(self.values))
            if self.values[i].field == "instance_types"
            and len(entries := list(shapes.instances(self.values[i].text))) == 1
            and entries[0].value.endswith(" × " + entries[0].text)  # written without a count
        ]
        if len(counts) == 1 and len(bare) == 1:
            pairs = [(counts[0][0], bare[0])]
        else:
            types = {_pool_words(self.values[i].label): (i, e) for i, e in bare}
            by_words = {_pool_words(label): f for f, label in counts}
            if len(types) < len(bare) or len(by_words) < len(counts):
                return  # two labels alike: no telling which count is whose
            pairs = [(f, types[w]) for w, f in by_words.items() if w in types]
        for count, (i, entry) in pairs:
            v = self.values[i]
            self.values[i] = replace(v, value=f"{count.value} × {entry.text}", how=f"{v.how} + node count")

    # -- the end ------------------------------------------------------------------------------
    def finish(self) -> TddReading:
        problems: list[Problem] = []
        self._drop_ambiguous()
        self._drop_old()
        self._switched_names()
        self._latest_entry()
        self._supersede()
        self._parts_give_way()
        self._per_machine_give_way()
        self._stated_limits_win()
        self._union_pools()
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
        self._drop_plans()
        self._build_completion()
        problems += self._only_address()
        problems += ambiguous_figures(self.ambiguous, [(b.text, b.location) for b in self.blocks])
        self.values = self._best()
        self._counted_hosts()
        self._sum_sections()
        self._hosting_by_shape()
        return TddReading(tuple(self.values), tuple(self._unplaced()), tuple(problems))

    def _drop_ambiguous(self) -> None:
        """A figure read from a text holding a figure whose notation is ambiguous (`3 500 GB` in a
        document that groups thousands with commas) is no value: the warning names it instead."""
        if self.ambiguous:
            marks = blanked(self.ambiguous)
            self._keep(lambda v: not (shapes.DIGIT.search(v.value or "") and any(b in v.text for b in marks)))

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

    def _drop_old(self) -> None:
        """A figure a change names as the old one ("from 4 × c6i.4xlarge to …", "(was 2,100 GiB)") is
        history wherever it is written (an older changelog entry, the first design), unless a
        change names it as the new one too ("64 vCPU and 256 GiB (was 64 vCPU / 128 GiB)")."""
        old = self.old - self.new
        if not old:
            return
        drop = {
            i
            for i, v in enumerate(self.values)
            if v.field
            and (keys := amounts(v.field, v.value or v.text))
            and all((v.field, k) in old for k in keys)
        }
        self._inherit(drop)
        self._drop(drop)

    def _switched_names(self) -> None:
        """A name the deployment is said to have changed to ("… and moved to Kustomize") makes every
        other name of its field written before it (the approved design's "Helm chart") history."""
        drop: set[int] = set()
        for i in self.switched:
            v = self.values[i]
            drop |= {
                j for j, w in enumerate(self.values[:i])
                if w.field == v.field and w.value != v.value and w.section != "trial"
            }  # fmt: skip
        self._drop(drop)

    def _inherit(self, replaced: set[int]) -> None:
        """The new figure of a change written where no environment is named ("User node pool scaled
        from 3 to 4 × Standard_E16s_v5") is of the environment of the value it replaces: the old
        figure, where the document first wrote it, was production's."""
        for i in replaced:
            v = self.values[i]
            keys = set(amounts(v.field or "", v.value or v.text))
            blocks = {b for b, field, old in self.olds if field == v.field and keys <= set(old)}
            for b, field, j in self.news:
                if (
                    b in blocks
                    and field == v.field
                    and v.section == "production"
                    and not self.values[j].section
                ):
                    self.values[j] = replace(self.values[j], section=v.section)

    def _entry_date(self, v: TddValue) -> str:
        """The date of the innermost heading over a value that names one ("[2.1.0] — 2026-10-19"), else
        (but for a date field, whose value is its entry's date) the date opening the value's own
        paragraph, list item or row ("2026-06-20: disk grown to 3 TB", "10 Jul — …" under "July 2026"),
        or ""."""
        titles = [str(p[1] if isinstance(p, tuple) else p) for p in self.paths.get(v.location.ref, ())]
        for text in reversed(titles):
            found = next(shapes.dates(text), None)
            if found:
                return found.value
        if v.field in _DATE_FIELDS:
            return ""
        year = next((m.group(0) for t in reversed(titles) for m in [_YEAR.search(t)] if m), "")
        return _leading_date(self._text_at(v), year)

    def _latest_entry(self) -> None:
        """Of a field's different values, each under a heading dated differently (a changelog's
        entries, a log's days), the one under the latest date is the current state: the older
        entries' figures are history. A living document's original text, above a dated entry under
        the same heading ("It will live at https://sg.…", then "UPDATE 2026-09-15 (Maya): renamed to
        https://code.…"), is older than any entry. Other values under no dated heading take no part,
        nor do code hosts (a log adds hosts as it connects them)."""
        dated: dict[tuple[str, str], list[tuple[str, int]]] = {}
        undated: dict[tuple[str, str, tuple[object, ...]], list[int]] = {}
        for i, v in enumerate(self.values):
            if not v.field or v.field in _ADDED_UP or v.section == "trial":
                continue
            path = self.paths.get(v.location.ref, ())
            if day := self._entry_date(v):
                dated.setdefault((v.field, v.section), []).append((day, i))
                # the text an entry updates, above it under the same heading, is older than any entry
                for j in undated.pop((v.field, v.section, path), []):
                    dated[(v.field, v.section)].append(("", j))
            elif v.field not in _DATE_FIELDS:
                undated.setdefault((v.field, v.section, path), []).append(i)
        drop: set[int] = set()
        for entries in dated.values():
            days = {day for day, _ in entries}
            figures = {tuple(amounts(self.values[i].field or "", self.values[i].value or self.values[i].text))
                       or (self.values[i].value,) for _, i in entries}  # fmt: skip
            if len(days) > 1 and len(figures) > 1:
                latest = max(days)
                drop |= {i for day, i in entries if day != latest}
        self._drop(drop)

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

    def _supersede(self) -> None:
        """A value from a block that corrects an earlier figure ("correction: it's 5 nodes, not 6 …
        so 80 vCores") replaces the earlier values of its field in its environment (or in a part
        that names none): the earlier figure was wrong, not a second candidate."""
        drop: set[int] = set()
        for c in sorted(self.corrections):
            v = self.values[c]
            drop.update(
                i for i in range(c) if i not in self.corrections and self.values[i].field == v.field
                and v.field and self.values[i].section in (v.section, "")
            )  # fmt: skip
        self._drop(drop)

    def _stated_limits_win(self) -> None:
        """Of a part's limits of one field (the same tab and headings), those a clause states ("Licensed
        for 2,500 developers") beat counts of people read as limits only because the part is about
        limits ("The group employs roughly 4,200 engineers worldwide"): those are its context."""
        stated = {
            (v.field, v.section, self.paths.get(v.location.ref, ())) for v in self.values if v.how == "limit"
        }
        self._keep(
            lambda v: (
                v.how != AMBIENT or (v.field, v.section, self.paths.get(v.location.ref, ())) not in stated
            )
        )

    def _parts_give_way(self) -> None:
        """A CPU, memory or disk figure said to be the total ("3 TiB altogether", "in sum 4,250 GiB")
        beats the other figures of its field in the same environment and section of the document
        (the same tab and headings): they are its parts ("gitserver 4 × 512 GiB", "about 950 GiB"),
        written in other sentences or list items. Two different stated totals stay a conflict."""

        def scope(v: TddValue) -> tuple[object, ...]:
            return (v.field, v.section, self.paths.get(v.location.ref, ()))

        def amount(v: TddValue) -> tuple[object, ...]:
            return tuple(amounts(v.field or "", v.value or v.text))

        totals: dict[tuple[object, ...], set[tuple[object, ...]]] = {}
        titled = {scope(v) for v in self.values if id(v) in self.totals and _titled_total(v)}
        # (a total its label names beats a part's own sum: "gitserver: 4 × 750 = 3,000 GB")
        for v in self.values:
            if id(v) in self.totals and (_titled_total(v) or scope(v) not in titled):
                totals.setdefault(scope(v), set()).add(amount(v))
        if totals:  # (the same figure written again, as a table's Total row, is no part)
            self._keep(lambda v: amount(v) in totals.get(scope(v), {amount(v)}))

    def _per_machine_give_way(self) -> None:
        """One machine's CPU, memory or disk beside the fleet's total (`read.pernode`): the total."""

        def amount(v: TddValue) -> float | None:
            found = amounts(v.field or "", v.value or v.text)
            return float(found[0]) if found and isinstance(found[0], float) else None

        drop = pernode.per_machine(
            self.values, amount, lambda v: self.paths.get(v.location.ref, ()), self._text_at
        )
        if drop:
            dropped = {id(self.values[i]) for i in drop}
            self._keep(lambda v: id(v) not in dropped)

    def _union_pools(self) -> None:
        """Instance types read from sibling list items (one node pool per item) are one fleet, when
        the items name different types; the same type twice is left to the conflict check."""
        groups: dict[tuple[object, ...], list[int]] = {}
        for i, key in self.pools.items():
            groups.setdefault((*key, self.values[i].section), []).append(i)
        drop: set[int] = set()
        for members in groups.values():
            entries = [e for i in members for e in (self.values[i].value or "").split(", ") if e]
            kinds = [e.split(" × ", 1)[-1].casefold() for e in entries]
            if len(members) < 2 or len(set(kinds)) != len(kinds):
                continue
            first = self.values[members[0]]
            text = "; ".join(self.values[i].text for i in members)
            self.values[members[0]] = replace(first, text=text, value=", ".join(entries), how="sibling items")
            drop.update(members[1:])
        self.values = [v for i, v in enumerate(self.values) if i not in drop]
        self.pools = {}

    def _only_address(self) -> list[Problem]:
        """With no instance URL read, the one site address (a URL with no path) outside trial parts
        that is no code host's is the instance's: a bare URL bullet, "will be published at …"; of
        several, the one production's place or row names (`live — https://…` beside `canary — …`),
        when no other is named production. Nothing names it the instance, so it comes with a
        warning at its place: not a silent guess."""
        if any(v.field == "instance_url" and v.section != "trial" for v in self.values):
            return []
        found: dict[str, _Block] = {}
        named: set[str] = set()  # the addresses written where production is named
        for b in self.blocks:
            if b.section == "trial" or "://" not in b.text:
                continue
            for m in shapes.urls(b.text):  # not "dev cluster … → https://sg-dev.…"
                here = self.reader.url_env(b.text, m, Context(b.section))
                if self.reader.site_address(m.value) and here != "trial":
                    found.setdefault(m.value.rstrip("/"), b)
                    if here == "production":
                        named.add(m.value.rstrip("/"))
        only = "the only site address there"
        if len(found) > 1 and len(named) == 1:
            found, only = (
                {u: b for u, b in found.items() if u in named},
                "the only site address written as production's",
            )
        if len(found) != 1:
            return []
        url, b = next(iter(found.items()))
        b.used = True
        self.values.append(TddValue("URL", url, b.location, "instance_url", b.section, None, True, url,
                                    only.removesuffix(" there")))  # fmt: skip
        where = b.location.ref.removeprefix("TDD ")
        return [
            Problem(
                Severity.WARNING,
                f"Instance URL: {mask(url)} is taken from the TDD ({where}) because it is {only}; "
                "nothing names it the Sourcegraph instance",
                "instance_url",
                b.location,
                "if it is not the instance, write the right URL in the sheet (the sheet wins) "
                "or label it in the TDD",
            )
        ]

    def _build_completion(self) -> None:
        """Of completion dates written under labels, one whose label names the build or the
        infrastructure ("Practical completion (production infrastructure)") beats one that names
        neither ("Customer acceptance of the job"): the field is the build's completion."""
        labelled = [v for v in self.values if v.field == "completion_date" and _rank(v) == 0]
        named = {v.section for v in labelled if BUILD.search(v.label) or self.reader.env.named(v.label)}
        self.values = [
            v for v in self.values
            if not (v in labelled and v.section in named and not BUILD.search(v.label)
                    and not self.reader.env.named(v.label))
        ]  # fmt: skip

    def _drop_plans(self) -> None:
        """A planned, scheduled or target value ("Planned start date") gives way to an actual one
        of the same field (production or unnamed part): the plan was not what happened."""
        actual = {v.field for v in self.values if v.section != "trial" and not is_planned(v.label)}
        self.values = [v for v in self.values if not (v.field in actual and is_planned(v.label))]

    def _section_parts(self, section: str) -> list[_Part]:
        """A section's per-host repository counts, in document order. One host's count written twice (a
        bilingual document, a summary repeating the detail) is one fact, counted once."""
        return list({(p.host, p.count): p for p in reversed(self.parts) if p.section == section}.values())[
            ::-1
        ]

    def _last_word(self) -> None:
        """A code host whose last statement in the document says it is not connected (`read.hostledger`:
        "… the repos kept there are NOT connected", a reply "not connecting it") is in no code-host
        value, and its repositories are not counted."""
        if not self.said:
            return
        env = self.reader.env_at
        found = hostledger.denials(
            [(b.text, b.section, b.host) for b in self.blocks],
            self.reader.code_hosts.find,
            lambda text, at, section: env(text, at, Context(section=section)) == "trial",
        )
        off = hostledger.denied(found, self.said) if found else set()
        if not off:
            return
        self.parts = [p for p in self.parts if p.host.removeprefix("count for ") not in off]
        self._keep(lambda v: v.field != "code_hosts" or not v.value or bool(set(v.value.split(", ")) - off))
        for i, v in enumerate(self.values):
            if v.field == "code_hosts" and v.value and set(v.value.split(", ")) & off:
                names = v.value.split(", ")
                written = v.text.split(", ")
                pairs = [p for p in zip(names, written, strict=False) if p[0] not in off]
                text = ", ".join(w for _, w in pairs) if len(written) == len(names) else v.text
                self.values[i] = replace(v, value=", ".join(n for n, _ in pairs), text=text)

    def _total_after_parts(self, section: str) -> None:
        """A repository count read as nothing (no host, no total word: "→ 1,430 repos in PRD") that is
        exactly the sum of the run of per-host counts right before it is their stated total."""
        parts = self._section_parts(section)
        if len(parts) < 2:
            return
        stated = {v.value for v in self.values if v.field == "repositories" and v.section == section}
        for i, b in enumerate(self.blocks):
            before = [p.count for p in parts if p.block < i][::-1]
            if b.section != section or len(before) < 2 or i - max(p.block for p in parts if p.block < i) > 2:
                continue
            if is_limit(b.text) or is_growth(b.text):
                continue
            sums = {sum(before[: n + 1]) for n in range(1, len(before))}  # the last two, three … before it
            for m, _ in shapes.counted(b.text, _REPOS):
                if m.value.isdigit() and int(m.value) in sums and m.value not in stated:
                    how = "stated total (the counts before it add up to it)"
                    found = TddValue("Repositories", m.text, b.location, "repositories", section)
                    self.values.append(replace(found, derived=True, value=m.value, how=how))
                    return

    def _proven_total(self, section: str) -> None:
        """Of different repository counts stated for one environment, the one the per-host counts (all
        of them, or a run of them) add up to is the count; the others are estimates, plans or earlier
        figures."""
        stated = [v for v in self.values if v.field == "repositories" and v.section == section]
        if len({shapes.leading_number(v.value or v.text) for v in stated}) < 2:
            return
        counts = [(p.block, p.count) for p in self._section_parts(section)]

        def proven(v: TddValue) -> bool:
            number = _count(shapes.leading_number(v.value or v.text) or "")
            return number is not None and bool(
                hostledger.counted_run(counts, number, lambda t: _agrees(v, t))
            )

        if any(proven(v) for v in stated) and not all(proven(v) for v in stated):
            self._keep(lambda v: v.field != "repositories" or v.section != section or proven(v))

    def _counted_hosts(self) -> None:
        """The code hosts whose counts make up the repository count taken are connected: they join the
        code-host value taken (or are it, when the document lists no hosts)."""
        reps = [v for v in self.values if v.field == "repositories" and v.section != "trial"]
        section = "production" if any(v.section == "production" for v in reps) else ""
        reps = [v for v in reps if v.section == section]
        numbers = {_count(shapes.leading_number(v.value or v.text) or "") for v in reps}
        number = numbers.pop() if len(numbers) == 1 else None
        if number is None:
            return
        parts = self._section_parts(section)
        run = hostledger.counted_run(
            [(p.block, p.count) for p in parts], number, lambda t: _agrees(reps[0], t)
        )
        known = set(self.reader.code_hosts.names.values())
        hosts = list(
            dict.fromkeys(h for i in run if (h := parts[i].host.removeprefix("count for ")) in known)
        )
        if not hosts:
            return
        listed = [v for v in self.values if v.field == "code_hosts" and v.section != "trial" and v.value]
        tier = [v for v in listed if v.section == "production"] or [v for v in listed if v.section == ""]
        if not tier:
            first = parts[run[0]]
            self.values.append(TddValue("Code hosts", ", ".join(hosts), first.location,
                                        "code_hosts", section, None, True, ", ".join(hosts),
                                        "hosts of the counted repositories"))  # fmt: skip
            return
        for i, v in enumerate(self.values):
            missing = [h for h in hosts if h not in v.value.split(", ")] if any(v is t for t in tier) else []
            if missing:
                self.values[i] = replace(
                    v, value=", ".join([v.value, *missing]), text=", ".join([v.text, *missing])
                )

    def _sum_parts(self, section: str) -> list[Problem]:
        """A section's per-host repository counts added up."""
        parts = self._section_parts(section)
        if not parts:
            return []
        total = sum(p.count for p in parts)
        stated = [v for v in self.values if v.field == "repositories" and v.section == section]
        places = ", ".join(f"{p.count:,} ({p.location.ref.removeprefix('TDD ')})" for p in parts)
        if not stated:
            self.values.append(
                TddValue("Repositories", " + ".join(p.text for p in parts), parts[0].location, "repositories",
                         section, None, True, str(total), f"sum of {len(parts)} code hosts' counts")
            )  # fmt: skip
            return []
        first = stated[0]
        number = _count(shapes.leading_number(first.value or first.text) or "")
        hosts = {p.host for p in parts}
        if number is None or len(parts) < 2 or len(hosts) != len(parts):
            return []
        if any(_agrees(v, total) for v in stated):
            return []  # (the parts' sum written exactly somewhere, or rounded: "~1.6k repos" for 1,626)
        if hostledger.counted_run([(p.block, p.count) for p in parts], number, lambda _: False):
            return []  # the total of a run of them ("1,120 … 310 … → 1,430"): the others are another's
        return [
            Problem(
                Severity.WARNING,
                f"Repositories: the TDD states a total of {number:,} "
                f"({first.location.ref.removeprefix('TDD ')}) but the code hosts' counts add up to "
                f"{total:,}: {places}; the stated total is used",
                "repositories",
                first.location,
                "correct the TDD so the total and the per-host counts agree",
            )
        ]

    def _largest_by_name(self) -> None:
        """The size written next to the name of the repository a sentence calls the largest."""
        for f, _ in self.largest_names:
            if any(v.field == "largest_repo_mb" and v.section == f.section for v in self.values):
                continue
            near = re.compile(
                rf"(?<![\w./-]){re.escape(f.value)}(?![\w./-])[^.;]{{0,40}}?(?={shapes.SIZE.pattern})"
            )
            for b in self.blocks:
                m = near.search(b.text)
                size = shapes.SIZE.match(b.text, m.end()) if m else None
                if size and b.section != "trial":
                    value = next(shapes.sizes(size.group(0))).value
                    text = f"{f.value}, {size.group(0)}"
                    found = TddValue("Largest repository", text, b.location, "largest_repo_mb", f.section)
                    self.values.append(replace(found, derived=True, value=value, how=f.how))
                    break

    def _count_mentions(self, section: str) -> None:
        if any(v.field == "monorepos" and v.section == section for v in self.values):
            return
        named = {b: loc for b, s, loc in self.mentions if s == section}
        if named:
            first = next(iter(named.values()))
            self.values.append(
                TddValue("Monorepos", f"{len(named)} named", first, "monorepos", section, None, True,
                         str(len(named)), "monorepos named in passing")
            )  # fmt: skip

    def _family_hosts(self) -> None:
        """A code host written by its bare family name ("2,010 in GitLab") is the member of that family
        the document names elsewhere ("the self-managed GitLab at gitlab.example.internal"), when it
        names exactly one: the writer shortened the name, not switched hosts."""
        pairs = [
            p
            for v in self.values
            if v.field == "code_hosts" and v.section != "trial" and v.value
            for p in zip(v.value.split(", "), v.text.split(", "), strict=False)
        ]
        members: dict[str, set[str]] = {}
        for value, written in pairs:
            if " " in written.strip():
                for word in re.findall(r"[\w.]+", written.casefold()):
                    members.setdefault(word, set()).add(value)
        for i, v in enumerate(self.values):
            if v.field != "code_hosts" or not v.value or len(v.value.split(", ")) != len(v.text.split(", ")):
                continue
            out = []
            for value, written in zip(v.value.split(", "), v.text.split(", "), strict=True):
                named = members.get(written.strip().casefold(), set()) - {value}
                bare = " " not in written.strip() and "." not in written
                out.append(named.pop() if bare and len(named) == 1 else value)
            if out != v.value.split(", "):
                self.values[i] = replace(v, value=", ".join(dict.fromkeys(out)))
        self._family_parts()

    def _family_parts(self) -> None:
        """A repository count's host that is none of the document's hosts but of the family of one
        of them ("1.870 Repositories" in "dem selbst betriebenen GitLab", read as GitLab.com, beside the
        self-managed GitLab) is that one: the same host, written short."""
        hosts = {h for v in self.values if v.field == "code_hosts" and v.section != "trial" and v.value
                 for h in v.value.split(", ")}  # fmt: skip

        def family(name: str) -> str:
            return re.split(r"[^0-9a-z]+", name.casefold())[0]

        for i, p in enumerate(self.parts):
            host = p.host.removeprefix("count for ")
            kin = {h for h in hosts if family(h) == family(host)}
            if host not in hosts and len(kin) == 1:
                self.parts[i] = replace(p, host=f"count for {kin.pop()}")

    def _union_hosts(self, section: str) -> None:
        """Code hosts named in several paragraphs (one list item per host): one list, in order."""
        named = [i for i, v in enumerate(self.values) if v.field == "code_hosts" and v.section == section
                 and v.how == "named"]  # fmt: skip
        if len(named) < 2:
            return
        pairs = [
            p
            for i in named
            for p in zip(self.values[i].value.split(", "), self.values[i].text.split(", "), strict=False)
        ]
        names = host_names(pairs)
        first = self.values[named[0]]
        value, text = ", ".join(v for v, _ in names), ", ".join(w for _, w in names)
        self.values[named[0]] = replace(first, text=text, value=value, how="named")
        drop = set(named[1:])
        self.values = [v for i, v in enumerate(self.values) if i not in drop]

    def _sum_sections(self) -> None:
        """Production written as parts: sibling sections (headings of one level under one parent),
        each with its own machines of other types ("PROD-A — application", "PROD-B — executors"),
        and no production figure outside them. Their machines are one fleet and their CPU, memory
        and disk add up, for each field every section states once."""
        prod = [i for i, v in enumerate(self.values) if v.section == "production" and v.field in _FLEET]
        path = {i: self.paths.get(self.values[i].location.ref, ()) for i in prod}
        machines = {path[i] for i in prod if self.values[i].field == "instance_types"}
        heads = [p[-1] for p in machines if p and isinstance(p[-1], tuple)]
        if (
            len(machines) < 2
            or len(heads) != len(machines)
            or len({p[:-1] for p in machines}) != 1
            or len({h[0] for h in heads}) != 1
            or any(path[i] not in machines for i in prod)
        ):
            return
        types = [k for i in prod if self.values[i].field == "instance_types" for k in _kinds(self.values[i])]
        if len(set(types)) != len(types):
            return  # the same type in two sections: a restatement or a conflict, not parts
        drop: set[int] = set()
        for field in _FLEET:
            members = [i for i in prod if self.values[i].field == field]
            stated: dict[tuple[object, ...], set[tuple[object, ...]]] = {p: set() for p in machines}
            for i in members:
                stated[path[i]].add(tuple(amounts(field, self.values[i].value or self.values[i].text)))
            if any(len(a) != 1 for a in stated.values()):
                continue  # a section without the figure, or with two different ones
            firsts = sorted(next(i for i in members if path[i] == p) for p in machines)
            total = _added(field, [self.values[i] for i in firsts])
            if total is None:
                continue
            first = self.values[firsts[0]]
            text = " + ".join(self.values[i].text for i in firsts)
            self.values[firsts[0]] = replace(first, text=text, value=total, derived=True,
                                             how=f"sum of {len(firsts)} production sections")  # fmt: skip
            drop.update(i for i in members if i != firsts[0])
        self.values = [v for i, v in enumerate(self.values) if i not in drop]

    def _hosting_by_shape(self) -> None:
        """The cloud, when no part outside trials names one. The cloud whose shape every production
        instance type has (`m6i.4xlarge` AWS, `n2-standard-8` GCP, `Standard_E16s_v5` Azure) beats an
        on-premises platform word (vSphere, "our data centre"), which a cloud named anywhere beats
        too; with neither, a cloud region's shape (`eu-west-2` AWS, `europe-west4` GCP) names it."""
        hosting = [v for v in self.values if v.field == "hosting_provider" and v.section != "trial"]
        named = [v for v in hosting if not v.how.endswith(_WEAK)]
        machines = [v for v in self.values if v.field == "instance_types" and v.section == "production"]
        machines = machines or [v for v in self.values if v.field == "instance_types" and v.section == ""]
        clouds = {shapes.cloud_of(k) for v in machines for k in _kinds(v)}
        by_shape = clouds.pop() if len(clouds) == 1 else None
        if named or by_shape:
            self.values = [v for v in self.values if not (v in hosting and v.how.endswith(_WEAK))]
        if named:
            return
        if by_shape:
            by = "the instance types' cloud"
            self.values.append(replace(machines[0], label="Hosting provider", field="hosting_provider",
                                       value=by_shape, derived=True, how=by))  # fmt: skip
        elif not hosting:
            self._hosting_by_region()

    def _hosting_by_region(self) -> None:
        """With no cloud named and no instance types, the one cloud whose region names (`eu-west-2`,
        `europe-west4`) the parts outside trials write."""
        found = [(shapes.region_cloud(m.group(0)), b) for b in self.blocks if b.section != "trial"
                 for m in shapes.REGION.finditer(b.text)]  # fmt: skip
        if len({c for c, _ in found}) != 1:
            return
        cloud, b = found[0]
        b.used = True
        region = TddValue("Region", b.text, b.location, "hosting_provider", b.section, None, True)
        self.values.append(replace(region, value=cloud, how="the region's cloud"))

    def _best(self) -> list[TddValue]:
        """Per field and environment, prose values only when no label or table column gives the field."""
        best: dict[tuple[str, str], int] = {}
        for v in self.values:
            if v.field:
                key = (v.field, v.section)
                best[key] = min(best.get(key, 9), _rank(v, self.rows.get(id(v)) is v))
        return [
            v
            for v in self.values
            if not v.field or _rank(v, self.rows.get(id(v)) is v) in (0, 1, best[(v.field, v.section)])
        ]

    def _unplaced(self) -> list[Unplaced]:
        out = []
        for b in self.blocks:
            if b.used or b.section == "trial":
                continue
            if shapes.looks_like_fact(b.text) or self.reader.code_hosts.find(b.text):
                text = mask(re.sub(r"\s+", " ", as_written(b.text, self.ambiguous)).strip())
                out.append(Unplaced(text if len(text) <= _CLIP else text[: _CLIP - 1] + "…", b.location))
        return out


_POOL_WORDS = re.compile(
    r"\b(?:nodes?|count|number|num|machines?|instances?|vms?|types?|sizes?|skus?|flavou?rs?|of|the)\b", re.I
)


def _pool_words(label: str) -> str:
    """A node count's or type's label without the words that say count or type: the pool it names
    (`index node count` and `index machine type` → `index`; `node_count`, `machine_type` → ``)."""
    return " ".join(_POOL_WORDS.sub(" ", label.casefold()).split())


def _agrees(v: TddValue, total: int) -> bool:
    """Whether a stated repository count agrees with the parts' sum: within 1%, or within the
    rounding it is written with (`~1.6k`, `about 2,000`: half of its last non-zero place)."""
    number = _count(shapes.leading_number(v.value or v.text) or "")
    if number is None:
        return False
    if abs(number - total) <= 0.01 * max(total, 1):
        return True
    rounded = re.search(r"(?:~|\babout\b|\bapprox\w*|\broughly\b|\baround\b)|\d[kK]\b", v.text)
    place = 10 ** (len(str(number)) - len(str(number).rstrip("0"))) if number else 1
    return bool(rounded) and place > 1 and abs(number - total) <= place / 2
