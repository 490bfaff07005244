"""Values no line states, worked out from the gathered ones: production written as sibling
sections summed into one fleet; production's machines counted in prose apart from their type and
size (`read.fleetcount`); the cloud from the shape of the instance types or of the regions
named; with no instance URL read, the one site address as the instance's, with a warning.
Part of `read.gather.Gatherer` (`read.gatherparts`: the state it shares).
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.model import Problem, Severity, TddValue
from handoff.core.redact import mask
from handoff.core.units import parse_size
from handoff.read import fleetcount, shapes
from handoff.read.baseurl import base
from handoff.read.fact import Context
from handoff.read.gatherparts import GatherParts, _Block, amounts
from handoff.read.oldthing import OLD_THING
from handoff.read.precedence import _WEAK
from handoff.read.replaced import old_clauses
from handoff.read.writtenshape import shape_totals

_FLEET = ("instance_types", "total_cpu", "total_memory_gb", "total_disk_gb")
# an old system's address the sentence says the new deployment keeps ("It serves https://… today and keeps
# that name through the cutover", "the URL stays the same after the migration"): the instance's too
_KEPT = re.compile(
    r"\b(?:keeps?|keeping|kept|retains?|retained|retaining)\s+(?:that|this|the\s+same|its|the)\s+"
    r"(?:(?:host\s*)?name|address|url|domain)\b"
    r"|\b(?:name|address|url|hostname|domain)\s+(?:stays?|remains?)\s+(?:the\s+same|unchanged)\b",
    re.IGNORECASE,
)
_MOVE = re.compile(
    r"\b(?:cut-?over|migration|move|switch-?over|new\s+(?:cluster|instance|deployment|platform))\b",
    re.IGNORECASE,
)


def _kept(text: str, at: int) -> bool:
    """Whether the sentence of the URL at `at` says the new deployment keeps it (`_KEPT`, with the move)."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    stop = text.find(". ", at)
    sentence = text[start : stop if stop >= 0 else len(text)]
    return _KEPT.search(sentence) is not None and _MOVE.search(sentence) is not None


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


class Implied(GatherParts):
    """The gatherer's part that works out the values implied by the others."""

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
        carried: set[str] = set()  # an old system's addresses the new deployment keeps
        other = {base(v.value or v.text) for v in self.values if v.how.endswith(OLD_THING)}  # "old address …"
        for b in self.blocks:
            if "://" not in b.text:
                continue
            kept = [m for m in shapes.urls(b.text) if _kept(b.text, m.start)]  # (the old's, kept by the new)
            if b.section == "trial" and not kept:
                continue
            others = self.reader.other_subjects.spans(b.text)  # not "…; Jenkins is reached at https://…"
            others += [(a, e, "old") for a, e in old_clauses(b.text)]  # nor "The old host … at https://…"
            for m in kept or shapes.urls(b.text):  # not "dev cluster … → https://sg-dev.…"
                if not kept and any(a <= m.start < e for a, e, _ in others):
                    continue
                here = "" if kept else self.reader.url_env(b.text, m, Context(b.section))
                if self.reader.site_address(m.value) and here != "trial" and base(m.value) not in other:
                    found.setdefault(m.value.rstrip("/"), b)
                    carried.update([m.value.rstrip("/")] if kept else [])
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
        section = "" if url in carried else b.section  # (an old part's address, kept: not the old one's only)
        self.values.append(TddValue("URL", url, b.location, "instance_url", section, None, True, url,
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

    def _fleet_counted_apart(self) -> None:
        """Production's machines whose number only prose states, apart from their type and one
        machine's size ("Each worker is an m6i.4xlarge: 16 vCPU …" and "runs 5 workers")."""
        if not self.each and not any(v.field == "instance_types" for v in self.values):
            return

        def trial_at(s: str, section: str) -> bool:
            ctx = Context(section=section)
            return "trial" in (self.reader.env_at(s, 0, ctx), self.reader.env_at(s, len(s), ctx))

        blocks = [(b.text, b.location, b.section) for b in self.blocks]
        specs = self.reader.catalogue.instance_types
        dropped, found = fleetcount.fleet(self.values, self.each, blocks, trial_at, specs)
        if found:
            self._keep(lambda v: id(v) not in dropped)
            self.values += found

    def _sum_sections(self) -> None:
        """Production written as parts: sibling sections (headings of one level under one parent),
        each with its own machines of other types ("PROD-A — application", "PROD-B — executors"),
        and no production figure outside them. Their machines are one fleet and their CPU, memory
        and disk add up, for each field every section states once. A document that names no
        environment at all is production throughout: its unnamed sections are read the same way."""
        named = any(v.section and v.section != "trial" for v in self.values)
        section = "production" if named else ""
        prod = [i for i, v in enumerate(self.values) if v.section == section and v.field in _FLEET]
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

    def _totals_by_written_shape(self) -> None:
        """Production's CPU and memory, when no part outside trials states them, from the size the
        document writes beside production's one machine type, wherever it writes it
        (`read.writtenshape`: "resized it to Standard_E32s_v5 (32 vCPU, 256 GiB)")."""
        machines = [v for v in self.values if v.field == "instance_types" and v.section == "production"]
        machines = machines or [v for v in self.values if v.field == "instance_types" and v.section == ""]
        if not machines or len({v.value or v.text for v in machines}) != 1:
            return
        stated = {v.field for v in self.values if v.field in _FLEET and v.section != "trial"}
        if {"total_cpu", "total_memory_gb"} <= stated:
            return
        cpu, memory = shape_totals(machines[0].value or machines[0].text, [b.text for b in self.blocks])
        how = "the machine type's size as written"
        for field, value in (("total_cpu", cpu), ("total_memory_gb", memory)):
            if value is not None and field not in stated:
                self.values.append(replace(machines[0], label=how, field=field, text=value, value=value,
                                           derived=True, how=how))  # fmt: skip

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
