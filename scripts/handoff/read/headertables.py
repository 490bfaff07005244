"""Tables with a header row naming fields (`Instance type | Count | vCPU | Memory`,
`Setting | Trial | Production`): an instance table gives one `instance_types` value and, from a
`Total` row, the totals; other columns named like a field give that field; environment columns
or an `Environment` column put each value in its section; code hosts' rows give their parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from handoff.core.fields import Field, FieldType, norm
from handoff.core.model import Location
from handoff.read import (
    connection,
    countcells,
    fleetrows,
    hostcolumn,
    nodeshape,
    outaside,
    partitive,
    pernodecolumns,
    pertotals,
    pricelist,
    rowhost,
    rowstatus,
    rowtotals,
    shapes,
    sumrow,
)
from handoff.read.dates import BUILD
from handoff.read.doctext import Text
from handoff.read.fact import Context, Fact
from handoff.read.pairs import _pair
from handoff.read.tables import _DATE_FIELDS, _WORDS_ONLY, _cell
from handoff.read.tabstate import _Tab
from handoff.read.totals import names_total
from handoff.read.verdict import closed_as_not_taken
from handoff.read.walkparts import WalkParts

# what a row's note (a justification, a remark) may state beside the row's own columns: the row's
# repositories' facts, and the limits its clauses agree ("Licensed for 1,200 users; …")
_ROW_NOTE_FIELDS = frozenset({"monorepos", "largest_repo_mb", "total_repo_size_gb", "max_users",
                              "max_concurrent_users", "max_repositories"})  # fmt: skip


_Row = tuple[int, list[Text]]  # (1-based row number, cells)


@dataclass
class _HeaderTable:
    """A table with a header row naming fields: its columns' roles, read once."""

    rows: list[list[Text]]
    roles: list[tuple[str, Field | None]]
    base: Context
    tab: _Tab
    number: int
    header: list[str] = field(init=False)
    col: dict[str, int] = field(init=False)  # the count and environment columns
    fields: list[tuple[int, Field]] = field(init=False)
    type_col: int | None = field(init=False)
    hosts_col: int | None = field(init=False)
    uncounted: bool = field(init=False)  # a type's count cell states no number (`autoscaled`, `2–6`)
    priced: bool = field(
        init=False
    )  # a price list: its types priced per unit, no machines (`read.pricelist`)

    def __post_init__(self) -> None:
        self.header = [c.text for c in self.rows[0]]
        roles = list(enumerate(self.roles))
        self.col = {kind: j for j, (kind, _) in reversed(roles) if kind in ("count", "environment")}
        self.fields = [(j, f) for j, (kind, f) in roles if kind == "field" and f is not None]
        counted = [j for j, f in self.fields if f.name == "repositories"]
        if len(counted) > 1 and (ours := partitive.ours_of_columns([self.header[j] for j in counted])):
            # `Repos on host | Repos in Sourcegraph`: the hosts' wholes are no count of the deployment's
            whole = {j for k, j in enumerate(counted) if k not in ours}
            self.fields = [(j, f) for j, f in self.fields if j not in whole]
        self.type_col = next((j for j, f in self.fields if f.type is FieldType.INSTANCE_LIST), None)
        self.hosts_col = next((j for j, f in self.fields if f.name == "code_hosts"), None)
        # `Nodes | autoscaled` on a row with a type: how many machines the table has is not written
        self.uncounted = (
            self.type_col is not None
            and "count" in self.col
            and any(
                _cell(r, self.type_col).strip() and countcells.unstated(_cell(r, self.col["count"]))
                for r in self.rows[1:]
            )
        )

        self.priced = self.type_col is not None and pricelist.price_list(
            self.header, [[c.text for c in r] for r in self.rows[1:]], "count" in self.col
        )

    def none_counted(self, row: list[Text]) -> bool:
        """A row whose machine count is a dash or nought (`Qty | —`): none of its machines are there."""
        return "count" in self.col and bool(_NONE.fullmatch(_cell(row, self.col["count"])))

    def entry(self, row: list[Text], j: int) -> str:
        """The cell, with the row's machine count when it is the instance-type cell (`3 × m6i.4xlarge`),
        and a bare figure of a size column with the unit its header names (`Disk (TB)`: `2.4` TB)."""
        if j != self.type_col:
            cell = _cell(row, j)
            if ("=" in cell or "#" in cell) and _LEFTOVER.fullmatch(cell):
                return ""  # a sheet's formula or error pasted as text (`=SUM(C3:C5)`, `#REF!`): no value
            return _with_unit(cell, self.header[j] if j < len(self.header) else "")
        if self.uncounted:
            return ""  # the type without a count the document states: no machines value (`read.countcells`)
        return _instance_entry(_cell(row, j), _cell(row, self.col["count"]) if "count" in self.col else "")


# a spreadsheet's formula or error value where its figure was: `=SUM(L3:L7)`, `#REF!`, `#N/A`, `#DIV/0!`
_LEFTOVER = re.compile(
    r"\s*(?:=[A-Z]+\(.*\)|=[A-Z]{1,3}\d+(?:[-+*/][A-Z]{1,3}\d+)*|#(?:REF!|N/A|VALUE!|DIV/0!|NAME\?|NUM!|NULL!))\s*"
)
_MACHINE_AMOUNTS = frozenset({"total_cpu", "total_memory_gb"})
_AMOUNTS = frozenset({"total_cpu", "total_memory_gb", "total_disk_gb"})
# `Disk (TB)`, `RAM (GiB)`, `RAM, GiB`, `RAM [GiB]`, `RAM in GiB`
_HEADER_UNIT = re.compile(r"(?:\(|\[|,\s*|\bin\s+)(TiB|GiB|MiB|TB|GB|MB)(?:\)|\]|\s*$)", re.IGNORECASE)
_BARE = re.compile(r"\s*(\d[\d,.]*?)(?:\s*(k))?\s*", re.IGNORECASE)  # `2,400`, `2.35k` (thousands)


# a header counting in thousands: `Repos (k)`, `Repositories ('000)`, `Users [000s]`, `Repos (thousands)`
_THOUSANDS = re.compile(r"[(\[]\s*(?:k|['’]?000s?|thousands?|in thousands|x\s*1,?000)\s*[)\]]", re.IGNORECASE)


def _with_unit(cell: str, header: str) -> str:
    """A bare figure under a header naming its unit in brackets, written with that unit (`2.35k`
    under `Largest (MB)`: 2350 MB); under a header counting in thousands (`Repos (k)`), the count
    (`1.55`: 1550), when it is a whole one."""
    bare = _BARE.fullmatch(cell)
    if bare and not bare.group(2) and ("(" in header or "[" in header) and _THOUSANDS.search(header):
        return _thousands(bare.group(1)) or cell
    unit = _HEADER_UNIT.search(header) if bare else None
    if bare is None or unit is None:
        return cell
    figure = bare.group(1)
    if bare.group(2):
        if not re.fullmatch(r"\d+(?:\.\d+)?", figure):
            return cell
        figure = str(round(float(figure) * 1000))
    return f"{figure} {unit.group(1)}"


def _thousands(figure: str) -> str:
    """A figure in thousands as the whole count (`1.55` → `1550`), or '' when it is none (`1.2345`)."""
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?", figure):
        return ""
    value = float(figure.replace(",", "")) * 1000
    return str(round(value)) if abs(value - round(value)) < 1e-6 else ""


_NONE = re.compile(r"\s*(?:[—–-]+|0|none|nil|n/a)\s*", re.IGNORECASE)  # a count cell saying none


# a row label naming a part's total: `Subtotal`, `Sub-total GHES`, `Sub total workers`, `Zwischensumme`
_SUBTOTAL = re.compile(r"^\W*(?:sub[\s-]*totals?|zwischensumme|teilsumme|sous[\s-]total|subtotaal)\b", re.I)


_SUBTOTAL_AFTER = re.compile(r"^[^\d]{1,40}?\b(?:sub[\s-]*totals?|zwischensumme|teilsumme)\s*$", re.I)


def _subtotal(row: list[Text]) -> bool:
    """A total row whose first filled cell names a subtotal: a part of the table's whole. So is one
    whose label cell after a group cell merged down over it names its group's subtotal (`GitLab |
    GitLab subtotal | 1,840`, `Production | subtotal | 8`): the merged cell opens every row it covers."""
    labels = [c.text.strip() for c in row if c.text.strip()]
    first = labels[0] if labels else ""
    later = labels[1] if len(labels) > 1 and not re.match(r"\W*\d", labels[1]) else ""
    return bool(_SUBTOTAL.search(first)) or bool(_SUBTOTAL.search(later) or _SUBTOTAL_AFTER.match(later))


_PLAIN = re.compile(r"\s*\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*|\s*\d+(?:\.\d+)?\s*")
_PERCENT = re.compile(r"\s*-?\d+(?:[.,]\d+)?\s*%\s*")


def _worked_out(t: _HeaderTable, j: int, name: str, total: list[Text], members: list[_Row]) -> bool:
    """A per-machine column's total cell that is the member rows' counts times their figures, added
    (`read.pertotals`), the count column's total being the sum of its rows. Not when another column
    holds the same kind of amount (`OS disk (per VM) | Data disk (per VM)`): one column's total is
    then a part of the machines' disk, not their whole."""
    if sum(1 for _, g in t.fields if g.name == name) > 1:
        return False
    rows = dict(members)
    texts = [[c.text for c in r] for _, r in members]
    skip = {k for k, _ in t.fields}
    k = t.col["count"] if "count" in t.col else pertotals.counts_column(texts, [c.text for c in total], skip)
    if k is None:
        return False
    return pertotals.proven(
        list(rows),
        pernodecolumns.figure(name, t.entry(total, j)),
        lambda i: _count_cell(_cell(rows[i], k)),
        lambda i: pernodecolumns.figure(name, t.entry(rows[i], j)),
    )


def _lost_total(t: _HeaderTable, j: int, name: str, total: list[Text], members: list[_Row]) -> str:
    """A machine amount whose total cell lost its figure to a formula (`#REF!`, `=SUM(L3:L7)`): the
    sum of the rows above, when each of them has a plain figure there (a row of ratios, `38.2%`, is
    none of them), written with the header's unit; '' otherwise."""
    cell = _cell(total, j)
    if name not in _AMOUNTS or not (("=" in cell or "#" in cell) and _LEFTOVER.fullmatch(cell)):
        return ""
    rows = [r for _, r in members if not any(_PERCENT.fullmatch(c.text) for c in r)]
    figures = [_cell(r, j) for r in rows]
    if len(rows) < 2 or not all(_PLAIN.fullmatch(x) for x in figures):
        return ""
    value = float(sum(float(x.replace(",", "")) for x in figures))
    text = str(int(value)) if value.is_integer() else f"{value:.3f}".rstrip("0")
    return _with_unit(text, t.header[j] if j < len(t.header) else "")


def _each(header: str) -> bool:
    """A column of per-machine figures (`vCPU each`, `Memory per node`, `RAM / VM`): never a total."""
    return pernodecolumns.per_machine(header)


def _merged_pair(row: list[Text], filled: list[Text]) -> bool:
    """A row of two cells merged across the table's columns (the covered cells blank): the first
    opening the row and spanning at least two columns, a label not opening with a figure; the second
    opening with one."""
    label, value = filled
    at = next(j for j, c in enumerate(row) if c is value)
    return (
        row[0] is label
        and at >= 2
        and not any(c.text.strip() for c in row[1:at])
        and not re.match(r"\s*[\d~≈]", label.text)
        and bool(re.match(r"\s*(?:[~≈]\s*|about\s+)?\d", value.text))
    )


def _cell_count(row: list[Text], t: _HeaderTable) -> int | None:
    return _count_cell(_cell(row, t.col["count"]))


# a count cell written as its change, old then new ("3 → 4", "2 -> 3"): the count is the new one
_CHANGED_COUNT = re.compile(r"^\s*\d+\s*(?:→|->|=>|⇒)\s*(?=\d)")


def _count_cell(text: str) -> int | None:
    text = _CHANGED_COUNT.sub("", text)
    number = shapes.leading_count(text)
    return int(number) if number and number.isdigit() else None


def _instance_entry(type_text: str, count_text: str) -> str:
    type_text = type_text.strip()
    if not type_text:
        return ""
    m = countcells.STATED.match(_CHANGED_COUNT.sub("", count_text))  # `3`, `about 3`: not `2–6`
    if not m:
        return type_text
    found = list(shapes.instances(type_text))
    if len(found) == 1 and found[0].start > 0 and shapes.INSTANCE_TYPE.fullmatch(found[0].text):
        # `AKS node pool "search": Standard_E16s_v5 (…)` beside `Qty 3`: the count is the type's
        at = found[0].start
        return f"{type_text[:at]}{m.group(1)} × {type_text[at:]}"
    return f"{m.group(1)} × {type_text}"


_NO_MACHINE = re.compile(r"\s*(?:[-–—_/]+|n/?a|none|tbd)?\s*", re.IGNORECASE)


def _machines_by_type(items: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Rows of an instance-type column with one machine type each, some of them repeated (one row
    per machine, as a CMDB or inventory export lists them): the machines counted by type,
    `5 × m6i.4xlarge`; a row with no machine (`—`, `n/a`: an address, a load balancer's VIP) counts
    none. Any other column is left as written."""
    items = [(i, text) for i, text in items if not _NO_MACHINE.fullmatch(text)] or items
    found = [list(shapes.instances(text)) for _, text in items]
    kinds = {f[0].value.split(" × ", 1)[1] for f in found if len(f) == 1}
    if not all(len(f) == 1 for f in found) or len(kinds) == len(found):
        return items
    counts: dict[str, tuple[int, int]] = {}  # type → (first row, machines)
    for (i, _), (m,) in zip(items, found, strict=True):
        n, kind = m.value.split(" × ", 1)
        first, total = counts.get(kind, (i, 0))
        counts[kind] = (first, total + int(n))
    return [(i, f"{n} × {kind}") for kind, (i, n) in counts.items()]


def _one_each(machines: list[str], counted: bool) -> bool:
    """Whether a machines column lists one machine a row: no count column, each row one type with no
    count of its own, and a type written on more than one row (an inventory, not a table of pools)."""
    if counted or len(machines) < 2:
        return False
    found = [list(shapes.instances(text)) for text in machines]
    if not all(len(f) == 1 and shapes.bare(f[0]) for f in found):
        return False
    kinds = [f[0].value.split(" × ", 1)[1].casefold() for f in found]
    return len(set(kinds)) < len(kinds)


class HeaderTableReading(WalkParts):
    """The TDD walk's tables with a header row naming fields."""

    def header_table(
        self, rows: list[list[Text]], roles: list[tuple[str, Field | None]], tab: _Tab, number: int
    ) -> None:
        t = _HeaderTable(rows, roles, self.context(tab), tab, number)
        body = [[c.text for c in r] for r in rows[1:]]
        self.answered_no = {id(rows[1 + i]) for i in connection.rows_answering_no(t.header, body)}
        groups, totals = self.header_rows(t)
        if "environment" in t.col and not totals and self.one_row_each(t, groups):
            self.environment_rows(t, groups)
            return
        self.row_notes(t, groups, totals)
        per_row = "environment" in t.col or t.type_col is None
        for sec, members in groups.items():
            for j, f in t.fields:
                self.header_column(t, j, f, sec, members, per_row=per_row, totals=bool(totals))
        for sec, (i, r) in self.header_totals(t, groups, totals).items():
            ctx = replace(t.base, section=sec)
            for j, f in t.fields:
                if f.type not in (FieldType.INSTANCE_LIST, FieldType.VOCABULARY_LIST) and not (
                    f.name in _AMOUNTS and _each(t.header[j])
                ):  # (a `Per node vCPU` column's total row: a stray sum of one machine's figures)
                    entry = t.entry(r, j) or _lost_total(t, j, f.name, r, groups.get(sec, []))
                    self.emit(t.header[j], entry, self.where(tab, number, i), ctx, matched=f)
                elif f.name in _AMOUNTS and _worked_out(t, j, f.name, r, groups.get(sec, [])):
                    # (`vCPU / VM` whose total row is the rows' counts times their figures: `read.pertotals`)
                    self.emit(t.header[j], t.entry(r, j), self.where(tab, number, i), ctx, matched=f)
        counts = t.hosts_col is not None and t.type_col is None and "count" in t.col  # `Source | Count`
        if counts and not any(f.name == "repositories" for _, f in t.fields):
            for sec, members in groups.items():
                self.host_parts(t, t.col["count"], sec, members)

    def header_rows(self, t: _HeaderTable) -> tuple[dict[str, list[_Row]], list[_Row]]:
        """The body rows by environment (an environment column, else a first cell naming one:
        `POC | 19 Jan | 13 Feb`), and the total rows; a row's notes are read for its repository facts."""
        groups: dict[str, list[_Row]] = {}
        totals: list[_Row] = []
        env = t.col.get("environment", 0 if t.roles and t.roles[0][0] == "" else None)
        carried = ""  # an environment cell spanning the rows below it (merged, so blank there)
        for i, r in enumerate(t.rows[1:], 2):
            if not any(c.text for c in r):
                continue
            if self.full_width_label(t, i, r):
                continue
            if (
                len(t.header) > 2
                and sum(bool(c.text.strip()) for c in r) == 1
                and not any(_cell(r, j).strip() for j, _ in t.fields)
            ):
                continue  # (a row naming its subject only, no field's value: `GitLab | | |`)
            if env is not None and _cell(r, env).strip():
                carried = self.sections.part(_cell(r, env)) if "environment" in t.col else ""
            if any(self.is_total(_cell(r, j)) for j in (0, 1, t.type_col) if j is not None):
                totals.append((i, r))
                continue
            named = self.sections.part(_cell(r, env)) if env is not None else ""
            sec = named or carried or t.base.section
            if named != "production" and t.hosts_col is None and self.retired_row(t, r):
                sec = "trial"
            groups.setdefault(sec, []).append((i, r))
        if not totals and len(groups) == 1 and t.type_col is not None:
            self.summing_row(t, next(iter(groups.values())), totals)
        return groups, totals

    @staticmethod
    def summing_row(t: _HeaderTable, members: list[_Row], totals: list[_Row]) -> None:
        """A machine table's last row naming no machine whose amounts add up the rows above it
        (`read.sumrow`: `Tutti macchine | 6 | 80 | 384`): moved from `members` to `totals`."""
        amounts = [j for j, f in t.fields if f.name in _AMOUNTS]
        columns = [*amounts, *([t.col["count"]] if "count" in t.col else [])]
        last = members[-1][1] if members else []
        if not amounts or not last or shapes.INSTANCE_TYPE.search(_cell(last, t.type_col)):
            return
        if sumrow.adds_up([[c.text for c in r] for _, r in members], columns):
            totals.append(members.pop())

    def full_width_label(self, t: _HeaderTable, i: int, row: list[Text]) -> bool:
        """A row of one filled cell holding `Label: value` (a merged row across the table: `Total
        persistent storage: 5.5 TB` under a `Container | … | Persistent storage` table) is a labelled
        line of the table's part, read as such; its cell is no value of the first column."""
        filled = [c for c in row if c.text.strip()]
        if (
            len(t.header) > 2
            and len(filled) == 2
            and _merged_pair(row, filled)
            and not self.is_total(filled[0].text)
        ):
            # `Persistent disk, all volumes | 4 TB`, each cell spanning several columns: a label and its value
            line = Text(f"{filled[0].text.strip()}: {filled[1].text.strip()}", bold=False)
            self.lines(line, t.tab, self.where(t.tab, t.number, i), allow_pending=False, ctx=t.base)
            return True
        if len(t.header) < 2 or len(filled) != 1 or _pair(filled[0].text.strip()) is None:
            return False
        self.lines(filled[0], t.tab, self.where(t.tab, t.number, i), allow_pending=False, ctx=t.base)
        return True

    def row_notes(self, t: _HeaderTable, groups: dict[str, list[_Row]], totals: list[_Row]) -> None:
        """The cells of columns naming no field, read for their row's repository facts. The monorepo
        counts of several rows (`2 monorepos: …`, `1 monorepo: …`) are parts: added up, unless the
        total row's notes state the count (`3 monorepos, ~1.1 TB of git data`), which wins."""
        for sec, members in groups.items():
            ctx = replace(t.base, section=sec)
            stated = self.notes(t, totals if sec == t.base.section else [], ctx)
            read = self.notes(t, members, ctx)
            if any(f.field == "monorepos" for _, _, f in stated):
                read = [x for x in read if x[2].field != "monorepos"]
            counts = [x for x in read if x[2].field == "monorepos" and x[2].role != "mention"]
            if len({where.ref for _, where, _ in counts}) > 1 and all(x[2].value.isdigit() for x in counts):
                read = [x for x in read if x[2].field != "monorepos"]
                text = " + ".join(x[2].text for x in counts)
                total = str(sum(int(x[2].value) for x in counts))
                block, where, first = counts[0]
                read.append((block, where, replace(first, value=total, text=text,
                                                   how=f"sum of {len(counts)} rows' monorepos")))  # fmt: skip
            for block, where, f in stated + read:
                self.gather.fact(block, "", f, where)

    def notes(self, t: _HeaderTable, rows: list[_Row], ctx: Context) -> list[tuple[int, Location, Fact]]:
        """(block, place, fact) of the repository facts in the rows' cells of columns naming no field."""
        out: list[tuple[int, Location, Fact]] = []
        counted = (
            t.hosts_col is not None
            and "count" not in t.col
            and all(f.name != "repositories" for _, f in t.fields)
        )  # `Depends on | Used for`: the hosts' counts are in their rows' notes
        # (no hosts' column: a row naming one code host in a cell of its own, `Related CI | Azure DevOps
        # Services (org …) | … | 1,320 repositories indexed`, gives its note's count to that host)
        loose = (
            t.hosts_col is None
            and "count" not in t.col
            and not any(f.name == "repositories" for _, f in t.fields)
        )
        for i, r in rows:
            hosts = self.row_hosts(r, t.hosts_col) if counted else []
            row = replace(ctx, host=hosts[0]) if len(hosts) == 1 else ctx  # "Source of 960 repositories"
            for j, (kind, _) in enumerate(t.roles):
                if kind == "" and j < len(r) and r[j].text and j != t.col.get("environment"):
                    if loose and (own := rowhost.row_host(r, j, self.row_hosts)):
                        row = replace(ctx, host=own)
                    where = self.where(t.tab, t.number, i)
                    block = self.gather.block(r[j].text, where, ctx.section)
                    out += [
                        (block, where, f)
                        for f in self.facts.prose(r[j].text, row)
                        if f.field in _ROW_NOTE_FIELDS
                        or (row.host and f.field == "repositories" and f.role == "part")
                    ]
        return out

    def environment_rows(self, t: _HeaderTable, groups: dict[str, list[_Row]]) -> None:
        """One row per environment (`Environment | Deployment | Nodes | vCPU / RAM | URL`): the
        transpose of a table with environments as columns. Each cell is a value labelled by its
        column's header, in its row's environment, read like a `Label | Value` row (every fact
        in it, the unit a header names: `RAM (GiB) | 320`)."""
        env = t.col["environment"]
        count = t.col.get("count") if t.type_col is not None else None  # the machines' count: in their cell
        for sec, members in groups.items():
            ctx = replace(t.base, section=sec)
            for i, r in members:
                for j, header in enumerate(t.header):
                    if (
                        j not in (env, count)
                        and j < len(r)
                        and r[j].text
                        and (j != t.type_col or not t.uncounted)
                    ):
                        link = r[j].links[0][1] if r[j].links else None
                        self.emit(header, t.entry(r, j), self.where(t.tab, t.number, i), ctx, link)

    @staticmethod
    def one_row_each(t: _HeaderTable, groups: dict[str, list[_Row]]) -> bool:
        """Each row names an environment of its own (`Live`, `Upgrade rehearsal (QA)`, `DR standby`,
        two of them non-production): one row per environment, however many are not production."""
        names = [norm(_cell(r, t.col["environment"])) for members in groups.values() for _, r in members]
        unnamed = len(groups.get("", [])) > 1  # rows naming no environment (`Design`, `Build`)
        return not unnamed and len(groups.get("production", [])) <= 1 and len(set(names)) == len(names)

    def retired_row(self, t: _HeaderTable, row: list[Text]) -> bool:
        """A row whose short status cell, in a column naming no field, marks its thing as not in
        use (`Retired`, `Decommissioned`, `Rejected`, `Staging`), or whose remark closes with a verdict
        of not taken ("would rebuild on 5 × m6i.4xlarge; declined"): none of the row's values count."""
        cells = [_cell(row, j).strip() for j, (kind, _) in enumerate(t.roles) if j > 0 and kind == ""]
        machines = t.type_col is not None or any(f.name in _AMOUNTS for _, f in t.fields)
        return any(
            (_WORDS_ONLY.fullmatch(c) and self.sections.part(c) == "trial")
            or closed_as_not_taken(c, self.not_done)
            or (machines and rowstatus.not_running(c))  # `planned`, `ordered`, `cancelled`: no machine of it
            or (machines and outaside.left_out_remark(c))  # `AKS add-ons only (not ours, not counted)`
            for c in cells
        )

    def header_totals(
        self, t: _HeaderTable, groups: dict[str, list[_Row]], totals: list[_Row]
    ) -> dict[str, _Row]:
        """The total row of each environment: one naming it (`PRD total`), else the first; a grand
        total over several environments (`All clusters`, a `Total` below both) is nobody's."""
        envs = {sec for sec in groups if sec}
        out: dict[str, _Row] = {}
        env = t.col.get("environment", 0 if t.roles and t.roles[0][0] == "" else None)
        labelled = "environment" in t.col or (
            env is not None
            and any(self.sections.named(_cell(r, env)) for rs in groups.values() for _, r in rs)
        )  # (rows naming their environment: `PRD`, `Staging`; not rows set apart by their status)
        for i, r in totals:
            names = {self.sections.part(_cell(r, j)) for j in (0, 1, env) if j is not None} - {""}
            if not labelled:  # (`TOTAL (live)` under rows of one part: the part's total, whatever it says)
                names = set()
            sec = names.pop() if len(names) == 1 else ""
            if not sec and labelled and len(envs) > 1:
                continue  # all environments together: never the production figure
            key = sec or t.base.section
            if key not in out or (_subtotal(out[key][1]) and not _subtotal(r)):
                out[key] = (i, r)  # (`Subtotal compute`, then `TOTAL`: a subtotal is one part of the whole)
        return out

    def column_entries(self, items: list[tuple[int, str]], hosts: bool) -> list[tuple[int, str]]:
        """A list column's entries; in the hosts' column a question gives the hosts it names, not its
        words ("Is the GitLab mirror of the SCADA code included?": GitLab Self-Managed)."""
        if not hosts:
            return items
        return [(i, ", ".join(self.facts.code_hosts.values(t)) if "?" in t else t) for i, t in items]

    def header_column(
        self, t: _HeaderTable, j: int, f: Field, sec: str, members: list[_Row], *, per_row: bool, totals: bool
    ) -> None:
        """One field column of one environment's rows: a list collects the column; a single row
        (per environment) gives its cell; a repository column beside a host column gives parts."""
        ctx = replace(t.base, section=sec)
        single = per_row and len(members) == 1
        hosts = f.name == "code_hosts"
        if j == t.type_col and (t.uncounted or t.priced):
            return  # `Nodes | autoscaled`: neither the machines nor totals worked out from their count
        if f.type in (FieldType.INSTANCE_LIST, FieldType.VOCABULARY_LIST) and (hosts or not single):
            items = [
                (i, t.entry(r, j))
                for i, r in members
                if (not hosts or not self.hosts_off(r, j)) and not (j == t.type_col and t.none_counted(r))
            ]
            items = self.column_entries([(i, text) for i, text in items if text], hosts)
            if items and (not hosts or any(self.facts.code_hosts.find(text) for _, text in items)):
                where = self.where(t.tab, t.number, items[0][0], items[-1][0])
                if j == t.type_col:
                    items = _machines_by_type(items)
                self.emit(t.header[j], ", ".join(text for _, text in items), where, ctx, matched=f)
                if j == t.type_col:
                    self.described_amounts(
                        t, [(i, r) for i, r in members if not t.none_counted(r)], where, ctx
                    )
        elif (
            (single or (len(members) == 1 and names_total(t.header[j])))
            and not totals
            and not _each(t.header[j])
        ):
            # (a column of row totals, `Aggregate vCPU` beside `Per node vCPU`: one row's is the total)
            i, r = members[0]
            cell = r[j] if j < len(r) else Text()
            link = cell.links[0][1] if cell.links else None
            self.emit(
                t.header[j], t.entry(r, j) or cell.text, self.where(t.tab, t.number, i), ctx, link, matched=f
            )
        elif per_row and totals and f.type in (FieldType.URL, FieldType.VOCABULARY):
            # an environment over several rows and its total row: a value no total adds up (its
            # address, its platform), written on one of its rows only, is the environment's
            written = [(i, r) for i, r in members if _cell(r, j).strip()]
            if len(written) == 1:
                i, r = written[0]
                self.emit(t.header[j], t.entry(r, j), self.where(t.tab, t.number, i), ctx, matched=f)
        elif t.hosts_col is not None and f.name == "repositories":
            self.host_parts(t, j, sec, members)
        elif t.hosts_col is not None and f.name == "monorepos" and per_row and not single and not totals:
            self.host_monorepos(t, j, ctx, members)
        elif f.name in _DATE_FIELDS and per_row:
            self.build_row_date(t, j, f, ctx, members)

    def described_amounts(self, t: _HeaderTable, rows: list[_Row], where: Location, ctx: Context) -> None:
        """A bill of materials whose machines carry their own figures in their description (`server
        CCX63 (48 vCPU, 192 GB RAM, …)` beside `Qty | 1`) or in a shape column of their own
        (`16vCPU/128GiB`, `read.nodeshape`), in a table with no CPU or memory column:
        each row's CPU and memory times its count, added up over the rows. A row whose description
        naming a machine whose description holds no one CPU figure and one memory figure gives
        nothing; rows naming no machine (a subscription, a volume) are not machines."""
        if t.type_col is None or self.fleet_totals(t, rows, where, ctx) or "count" not in t.col:
            return  # (`3 × E16s_v5 | 48 | 384 GiB` proved the rows' whole by their types: `fleet_totals`)
        each = [(j, f.name) for j, f in t.fields if f.name in _MACHINE_AMOUNTS]
        if each:  # `vCPU per node | Memory per node` columns: each row's figures times its count
            if len(rows) == 1 and not any(pernodecolumns.per_machine(t.header[j]) for j, _ in each):
                r, count = rows[0][1], _cell_count(rows[0][1], t)  # (one row: the type's size tells)
                cells = [(name, t.entry(r, j)) for j, name in each]
                for name, text in rowtotals.row_totals(
                    count or 0, _cell(r, t.type_col), cells, self.catalogue.instance_types
                ):
                    self.emit(name, text, where, ctx, matched=self.catalogue.fields[name])
            elif all(pernodecolumns.per_machine(t.header[j]) for j, _ in each):
                lines = dict(rows)
                for name, text in pernodecolumns.summed(
                    each, list(lines), lambda i: _cell_count(lines[i], t), lambda i, j: t.entry(lines[i], j)
                ):
                    self.emit(name, text, where, ctx, matched=self.catalogue.fields[name])
            return
        cpu = memory = 0.0
        machines = [r for _, r in rows if shapes.INSTANCE_TYPE.search(_cell(r, t.type_col))]
        for r in machines:
            count = _cell_count(r, t)
            shape = nodeshape.node_shape([c.text for c in r], t.header, t.type_col, t.col["count"])
            if count is None or shape is None:
                return
            cpu += count * shape[0]
            memory += count * shape[1]
        if not machines:
            return
        for name, text in (("total_cpu", f"{cpu:g} vCPU"), ("total_memory_gb", f"{memory:g} GB")):
            self.emit(name, text, where, ctx, matched=self.catalogue.fields[name])

    def fleet_totals(self, t: _HeaderTable, rows: list[_Row], where: Location, ctx: Context) -> bool:
        """CPU, memory and disk columns proved to hold each row's totals (`read.fleetrows`): their sums.
        Not in a table with a total row or two columns of one amount (`Per node` and `Aggregate`):
        those say which figures are the whole, and the rest of the reader reads them."""
        type_col = t.type_col if t.type_col is not None else 0
        named = [f.name for _, f in t.fields if f.name in fleetrows.FIELDS]
        labels = (_cell(r, k) for r in t.rows[1:] for k in {0, 1, type_col})
        if len(named) != len(set(named)) or any(self.is_total(c) for c in labels):
            return False
        counted = "count" in t.col
        machines = [
            f"{_cell_count(r, t)} × {t.entry(r, type_col)}" if counted else t.entry(r, type_col)
            for _, r in rows
        ]
        columns = {
            f.name: [t.entry(r, j) for _, r in rows] for j, f in t.fields if f.name in fleetrows.FIELDS
        }
        sums = fleetrows.fleet_sums(
            machines, columns, self.catalogue.instance_types, _one_each(machines, counted)
        )
        for name, text in sums:
            self.emit(name, text, where, ctx, matched=self.catalogue.fields[name])
        if sums and len(rows) == 1:  # the fleet's one row (a tier ticked): its other figures are its own
            for j, f in t.fields:
                if f.name not in fleetrows.FIELDS and f.type in (FieldType.INTEGER, FieldType.QUANTITY):
                    self.emit(t.header[j], t.entry(rows[0][1], j), where, ctx)  # (its label's meaning)
        return bool(sums)

    def build_row_date(self, t: _HeaderTable, j: int, f: Field, ctx: Context, members: list[_Row]) -> None:
        """A date column over several rows of one environment (a change log: `Build production EKS`,
        `Upgrade 6.5 → 6.6`): the one row whose description names the build gives the date."""
        described = [
            (i, r) for i, r in members
            if any(BUILD.search(_cell(r, k)) for k, (kind, _) in enumerate(t.roles) if kind == "")
        ]  # fmt: skip
        if len(described) == 1:
            i, r = described[0]
            self.emit(t.header[j], _cell(r, j), self.where(t.tab, t.number, i), ctx, matched=f)

    def host_monorepos(self, t: _HeaderTable, j: int, ctx: Context, members: list[_Row]) -> None:
        """A monorepos column beside the code-host column: the connected hosts' counts added up."""
        rows = [
            (
                bool(self.facts.code_hosts.find(_cell(r, t.hosts_col)))
                and bool(self.row_hosts(r, t.hosts_col)),
                _cell(r, j),
            )
            for _, r in members
            if not (self.facts.code_hosts.find(_cell(r, t.hosts_col)) and not self.row_hosts(r, t.hosts_col))
        ]
        total = hostcolumn.column_sum(rows)
        if total is not None:
            where = self.where(t.tab, t.number, members[0][0], members[-1][0])
            self.emit(t.header[j], str(total), where, ctx, matched=self.catalogue.fields["monorepos"])

    def host_parts(self, t: _HeaderTable, j: int, sec: str, members: list[_Row]) -> None:
        """Each code host's row of column `j`: that host's repository count. A row that names no
        code host and whose count is the sum of the rows above it (`Summe`, `Σ`, `All`) is their
        stated total, whatever word labels it."""
        counts = [_count_cell(_cell(r, j)) for _, r in members]
        for k, (i, r) in enumerate(members):
            where = self.where(t.tab, t.number, i)
            above = [c for c in counts[:k] if c is not None]
            named = self.facts.code_hosts.find(_cell(r, t.hosts_col))
            if named and not self.row_hosts(r, t.hosts_col):
                continue  # a host the row says is not connected: its count is no part
            if not named and len(above) >= 2 and counts[k] == sum(above):
                ctx = replace(t.base, section=sec)
                self.emit(t.header[j], _cell(r, j), where, ctx, matched=self.catalogue.fields["repositories"])
                continue
            self.gather.part(_cell(r, j), _cell(r, t.hosts_col), where, sec)
