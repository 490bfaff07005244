"""Table reading, the shared part: which way a table runs (`read.orient`), what each column holds
(its role: a field, a count, an environment, a label, notes …), and which kind of table it is
(`read_table`): a header table (`read.headertables`), a label-value table, rows of activities,
prose or dated entries, or an environment-sectioned table (`read.rowtables`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Any

from handoff.core.fields import Field, FieldType, norm
from handoff.core.model import Location
from handoff.core.quickre import quick
from handoff.read import (
    apinames,
    blanks,
    connection,
    countcells,
    envcells,
    envgroups,
    groupcolumn,
    guidance,
    headerrows,
    hostsum,
    ledger,
    machinecolumn,
    marks,
    pairgrid,
    partstable,
    pastcolumns,
    positions,
    rawusable,
    rownumbers,
    scheduling,
    shapes,
    spans,
    tablecaption,
    teststeps,
    tickcolumn,
    volumetables,
)
from handoff.read.carvedparts import not_extra
from handoff.read.columns import kinds as column_kinds
from handoff.read.columns import status as column_status
from handoff.read.doctext import Text, as_dict, as_list, cell_text
from handoff.read.edits import current
from handoff.read.labelwords import label_meaning, outside_brackets
from handoff.read.limitlead import limits_lead
from handoff.read.limitwords import is_planned
from handoff.read.orient import transpose, turned
from handoff.read.pairs import _MAX_LABEL_WORDS, _labelled_cells
from handoff.read.superseded import marks_superseded
from handoff.read.tabstate import _Tab
from handoff.read.walkparts import WalkParts

# a header's bracketed aside saying its cells hold a change (`Nodes (before → after)`, `(old / new)`),
# not positions such as `Nodes (min / max)`
_CHANGE_ASIDE = re.compile(
    r"\((?=[^)]*(?:→|->|=>|\bbefore\b|\bafter\b|\bold\b|\bnew\b|\bwas\b|\bnow\b))[^)]*\)", re.I
)
# an aside with a figure of its own (`Nodes (1 per zone min)`): a remark beside the header, not its kind
_FIGURE_ASIDE = re.compile(r"\([^)]*\d[^)]*\)")

GENERIC_HEADERS = frozenset(norm(w) for w in (
    "field", "fields", "value", "values", "setting", "settings", "item", "parameter", "property", "name",
    "detail", "details", "description", "key", "attribute", "answer", "question", "notes", "comment",
    "comments", "role", "component", "topic", "",
))  # fmt: skip
_VALUE_HEADERS = frozenset(
    norm(w) for w in ("value", "values", "answer", "response", "detail", "details", "figure", "figures")
)
_DATE_FIELDS = frozenset({"start_date", "completion_date"})
_VOLUME_WORD = quick(r"\b(?:pvcs?|volumes?|disks?|storage|persistent|ssd|nvme|ebs|claims?)\b", re.IGNORECASE)
_HEADER_UNIT = re.compile(r"\((GiB|GB|TiB|TB|MiB|MB)\)", re.IGNORECASE)
_HAS_UNIT = re.compile(r"[A-Za-z]")
# a header's unit of size: `(GB)`, `[TB]`, `, GiB`, `in MB`
_HEADER_UNIT_ANY = re.compile(r"(?:\(|\[|,\s*|\bin\s+)(?:TiB|GiB|MiB|TB|GB|MB)(?:\)|\]|\s*$)", re.IGNORECASE)


_PHASE = re.compile(
    r"\s*(?:phase|wave|stage|step|release|rollout)\s*\d+\b", re.IGNORECASE
)  # `Phase 1 — live`
_TOTALISH = quick(r"total|sum|overall|all\b", re.IGNORECASE)  # (a quick no before the aside is taken off)
_SIGMA = re.compile(r"\s*[Σ∑]\s*")  # a sum sign opening a row's label


def _unitless(header: str) -> str:
    """A header without its unit of size and its bracketed asides: `Size [TB]` → `Size`."""
    return outside_brackets(_HEADER_UNIT_ANY.sub(" ", header))


_SHAPED = frozenset({FieldType.URL, FieldType.DATE, FieldType.INSTANCE_LIST})  # a column of them needs one
_Role = tuple[str, "Field | None"]  # what a column holds: its kind and its field
# `Production`, `Non-prod`, `Retired`: words only, no name or number
_WORDS_ONLY = re.compile(r"[^\W\d_]+(?:[ /-][^\W\d_]+)?")
_ONE_NAME = re.compile(r"[A-Za-z][\w.-]*")  # one cluster's or host's name: `gke-lf-prod-usc1`, `sg-p-muc-01`
_AMOUNT_FIELDS = frozenset({"total_cpu", "total_memory_gb", "total_disk_gb"})
_LARGEST = re.compile(r"\s*(?:largest|biggest)(?:\s+(?:one|size|repo|repository))?\s*", re.IGNORECASE)
# a header naming only a size (`Size`, `Total size`, `Size on disk`, `Git size`, `Disk usage`), its unit aside
_SIZE_ONLY = re.compile(
    r"\s*(?:(?:total|overall|combined|git|\.git|data)\s+)?(?:size|disk\s+usage|footprint)(?:\s+(?:on\s+disk|total))?\s*",
    re.IGNORECASE,
)
_NOTE_REACH = 12  # how far back a note on blank cells may stand before its table (paragraphs, items)


_NUMBERING = re.compile(r"\s*(?:(\d+)\.)?(\d+)\.?\s*")


def _numbering(cells: list[str]) -> bool:
    """Cells that number the rows (`1, 2, 3`; `1.1, 1.2`; `3.1, 3.2`): each one more than the one
    above, in two rows or more, a plain number starting at 0 or 1. A row's number is no count of its
    things."""
    found = [_NUMBERING.fullmatch(c) for c in cells]
    if len(found) < 2 or not all(found):
        return False
    keys = [(m.group(1), int(m.group(2))) for m in found if m]
    if keys[0][0] is None and keys[0][1] > 1:
        return False  # `2, 3` under `Count`: counts one apart, no numbering (which starts at 1)
    return all(b == (a[0], a[1] + 1) for a, b in itertools.pairwise(keys))


_CURRENT_HEADER = re.compile(
    r"\b(?:now|current(?:ly)?|today|actual|achieved|done|as[- ](?:built|deployed|implemented|found|delivered)"
    r"|measured|observed|found|at (?:close|handover|sign-?off|acceptance)|latest)\b",
    re.IGNORECASE,
)
_NOTE_HEADER = re.compile(
    r"\b(?:notes?|comments?|remarks?|sources?|evidence|formula|reference|basis|explanation|results?|outcome|"
    r"verdict|compliance)\b",
    re.IGNORECASE,
)


# a header's bracketed date, when its figures were taken (`Repositories indexed (07/31/2026)`, `(as of
# 31 Jul 2026)`, `(at go-live, 2026-09-25)`): no value in the header, its words still name the column
_DATED_ASIDE = re.compile(
    r"\(\s*(?:(?:as\s+(?:of|at)|at|on|per|state\s+of)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\s*\)"
)
_UNIT_AFTER = quick(r"\s*(?:,|\bin\b|\[)\s*(?:TiB|GiB|MiB|TB|GB|MB)\s*\]?\s*$", re.IGNORECASE)
_COUNT_OF = re.compile(
    r"(?:number|no\.?|nr\.?|#|count|qty|quantity)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:nodes?|machines?|instances?|servers?|vms?|replicas?|hosts?|virtual machines?)"
)


def _counted(cells: list[Text]) -> bool:
    """Some cell opens with a figure (`1,450`, `~300 repos`): a column of counts."""
    return any(re.match(r"\W*\d", c.text) for c in cells)


def _cell(row: list[Text], j: int | None) -> str:
    return row[j].text if j is not None and 0 <= j < len(row) else ""


_LOWER_WORD = re.compile(r"[a-z]+")
_A_DIGIT = re.compile(r"\d")
_EACH_OR_PER = re.compile(r"\b(?:each|per\s+\w+)\b", re.IGNORECASE)
_A_LETTER = re.compile(r"[^\W\d_]")


# a header naming the size unit of its cells (`Memory per node (GiB)`, `RAM, GB`, `Disk in TB`)
_HEADER_SIZE_UNIT = re.compile(r"(?:\(|\[|,\s*|\bin\s+)(TiB|GiB|MiB|TB|GB|MB)(?:\)|\]|\s*$)", re.IGNORECASE)
_BARE_FIGURE = re.compile(r"\s*\d[\d,.]*\s*")


def _with_header_unit(cell: str, header: str, name: str) -> str:
    """A bare figure under a memory header naming its unit, with that unit (`16` under `Memory per
    node (GiB)`: `16 GiB`), so that a memory column whose header says its unit once is a column of
    sizes. (Disk columns are left to the table's own rules: two of one machine, `Local disk (GB) |
    Volume (GB)`, are parts of one whole, which a column each would make rivals.)"""
    sized = name == "total_memory_gb" and _BARE_FIGURE.fullmatch(cell)
    unit = _HEADER_SIZE_UNIT.search(header) if sized else None
    return f"{cell.strip()} {unit.group(1)}" if unit else cell


class TableReading(WalkParts):
    """The TDD walk's table reading: orientation, column roles, the kind of table."""

    blank_means = ""  # the side a blank cell repeats, when a note beside the table says so
    volume_parts = False  # the table read is one of volumes whose disk was read whole: its rows are parts
    lead_in = ""  # the paragraph right above the table being read ("Persistent volumes on prod (gp3):")
    left_out: frozenset[str] = frozenset()  # the marks whose key under the table leaves their row out

    def turned(self, grid: list[list[dict[str, Any]]], rows: list[list[Text]], tab: _Tab) -> bool:
        """The table is written the other way round from the orientation the readers read
        (`read.orient`); a table with merged cells is read as it is."""
        spans = (as_dict(c.get("tableCellStyle")) for r in grid for c in r)
        if any(s.get("rowSpan", 1) != 1 or s.get("columnSpan", 1) != 1 for s in spans):
            return False
        texts = [[c.text for c in r] for r in rows]
        if len(texts) == 2 and any(self.role(c)[0] == "count" for c in texts[0]):
            return False  # one inventory row (`Instance type | Count | vCPU`): its figures are per machine
        if texts and ledger.commitment_ledger(texts[0]):
            return False  # a commitment's ledger (`read.ledger`), known by its header row: not read
        year = self.context(tab).year
        heads = [r[0] for r in texts[1:] if r] + (texts[0][1:] if texts else [])
        timed = any(pastcolumns.now(h) for h in heads)  # `Dec 2025 | Today (15 Jun) | …` down

        def is_kind(text: str) -> bool:  # (`Dec 2025 | Today (15 Jun) | Jun 2027 | Ceiling` down)
            return self.is_kind(text, timed)

        return turned(
            texts, self.is_label, is_kind, self.environment_name, self.sections.part, year, self.is_total
        )

    def laid_out(
        self, table: dict[str, Any], grid: list[list[dict[str, Any]]], rows: list[list[Text]]
    ) -> tuple[dict[str, Any], list[list[dict[str, Any]]], list[list[Text]]]:
        """The table as every reader reads it: the rows a key under it leaves out dropped
        (`read.marks`), a first column grouping label/value rows made full-width rows over them
        (`read.groupcolumn`), merged cells spread over the slots they cover (`read.spans`; across
        columns of environments or of one kind of value, `Planned | Actual`), a header row that only
        groups the one below left out (`read.headerrows`), label/value pairs folded side by side one
        pair a row (`read.pairgrid`)."""
        if not rows:
            return table, grid, rows
        if self.left_out:  # `OpenGrok VM†` keyed `† Not part of Sourcegraph`: its row (or column) not read
            grid, rows = marks.without(grid, rows, self.left_out)
            table = {**table, "tableRows": [{"tableCells": cells} for cells in grid]}
        helps = guidance.columns([c.text for c in rows[0]])  # `Field | Guidance | Value`
        if helps:  # the template's own column of examples and defaults: not read
            grid = [[c for j, c in enumerate(r) if j not in helps] for r in grid]
            rows = [[c for j, c in enumerate(r) if j not in helps] for r in rows]
            table = {**table, "tableRows": [{"tableCells": cells} for cells in grid]}
        grouped = groupcolumn.lanes(grid, rows, self.is_label)  # `Compute` merged down over its rows
        if grouped is not None:
            grid, rows = grouped
            table = {**table, "tableRows": [{"tableCells": cells} for cells in grid]}
        top = headerrows.stacked(rows, self.names_something)[0][0]  # (a two-row header read as one)
        alike = {
            j for j, c in enumerate(top) if j and (self.sections.part(c.text) or self.values_kind(c.text))
        }
        rows = spans.spread(grid, rows, alike)
        if self.blank_means:
            rows = blanks.filled(rows, self.blank_means)
        was = grid
        grid, rows = headerrows.ungrouped(grid, rows, self.names_something)
        at = pairgrid.pairs(rows, self.is_label, self.sections.part)
        if at is not None:
            grid, rows = pairgrid.unfolded(grid, at), pairgrid.unfolded(rows, at)
        elif len(rows) >= 4 and not len(rows) % 2 and all(len(r) == len(rows[0]) for r in rows):
            at = pairgrid.pairs(transpose(rows), self.is_label, self.sections.part)  # labels over values
            if at is not None:
                grid, rows = pairgrid.unfolded(transpose(grid), at), pairgrid.unfolded(transpose(rows), at)
        if grid is not was:
            table = {**table, "tableRows": [{"tableCells": cells} for cells in grid]}
        return table, grid, rows

    def captioned_table(self, content: list[Any], i: int, tab: _Tab, depth: int) -> None:
        """The table at `content[i]`, unless it is marked superseded (`read.superseded`) by the
        paragraph just before it or by a first row that is one cell across it: no figure of an old
        copy counts, whatever environments it names (it keeps its number). A note just before or
        after it saying what its blank cells mean (`read.blanks`) fills them."""
        table = as_dict(as_dict(content[i]).get("table"))
        before, after = self.beside(content[max(0, i - 3) : i][::-1]), self.beside(content[i + 1 : i + 4])
        if marks_superseded(before) or marks_superseded(self.caption_row(table)):
            tab.tables += 1
            return
        was, self.blank_means = self.blank_means, blanks.note(after) or self.blank_note(content, i)
        keyed = self.keyed_marks(table, content[i + 1 : i + 12]) if marks.opens_key(after) else frozenset()
        left, self.left_out = self.left_out, keyed
        carved = "trial" if not_extra(before) else ""  # (claims "carved out of those disks, not additional")
        forced, tab.forced = (
            tab.forced,
            tab.forced or self.caption_part(before, self.below(content, i)) or carved,
        )
        lead, self.lead_in = self.lead_in, before
        limits = limits_lead(before, self.header_texts(table))  # "Sized for:", `Limit | Value`
        if limits is not None:
            tab.bullets.append((-1, limits))  # (its rows' counts are limits, as under a heading)
        try:
            self.table(table, tab, depth)
        finally:
            self.blank_means, self.left_out, tab.forced, self.lead_in = was, left, forced, lead
            if limits is not None and (-1, limits) in tab.bullets:
                tab.bullets.remove((-1, limits))

    def header_texts(self, table: dict[str, Any]) -> list[str]:
        """The texts of a table's first row's cells."""
        rows = as_list(table.get("tableRows"))
        cells = as_list(as_dict(rows[0]).get("tableCells")) if rows else []
        return [cell_text(as_dict(c), texts=self.texts).text.strip() for c in cells]

    def caption_part(self, above: str, below: str) -> str:
        """The part other than production a table's caption names (`read.tablecaption`), or ''."""
        for text in (above, below):
            words = tablecaption.caption(text)
            part = self.sections.part(words) if words else ""
            if part and part != "production":
                return part
        return ""

    def below(self, content: list[Any], i: int) -> str:
        """The paragraph right under the table at `content[i]` when no table follows it (a line between
        two tables is the caption of the one below), else ''."""
        for k in range(i + 1, min(len(content), i + 4)):
            se = as_dict(content[k])
            if "paragraph" not in se:
                return ""
            text = self.texts.paragraph(as_dict(se["paragraph"])).text.strip()
            if text:
                return "" if "table" in as_dict(self.after_blank(content, k)) else text
        return ""

    def after_blank(self, content: list[Any], k: int) -> Any:
        """The first element after `content[k]` that is no blank paragraph."""
        for se in map(as_dict, content[k + 1 :]):
            if "paragraph" not in se or self.texts.paragraph(as_dict(se["paragraph"])).text.strip():
                return se
        return {}

    def blank_note(self, content: list[Any], i: int) -> str:
        """What a blank cell of the table at `content[i]` repeats, by a note among the paragraphs and
        list items before it, back to the table before (`read.blanks`: "Conventions: a blank cell
        means the same as the cell to its left"; not one right under the table before), or ''."""
        start = max(0, i - _NOTE_REACH)
        for k in range(i - 1, start - 1, -1):
            se = as_dict(content[k])
            if "paragraph" not in se:
                return ""
            way = blanks.note(self.texts.paragraph(as_dict(se["paragraph"])).text)
            if way:  # (one right under the table before is that table's note)
                return "" if k > start and "table" in as_dict(self.beside_back(content, k)) else way
        return ""

    def beside_back(self, content: list[Any], k: int) -> Any:
        """The first element before `content[k]` that is no blank paragraph."""
        for se in map(as_dict, content[:k][::-1]):
            if "paragraph" not in se or self.texts.paragraph(as_dict(se["paragraph"])).text.strip():
                return se
        return {}

    def keyed_marks(self, table: dict[str, Any], content: list[Any]) -> frozenset[str]:
        """The key under a table to the marks in its cells (`read.marks`): its paragraphs are read as
        notes about their rows (`keyed`); the marks whose note leaves their row out are returned."""
        paragraphs = []
        for se in map(as_dict, content):
            if "paragraph" not in se:
                break
            p = as_dict(se["paragraph"])
            text = self.texts.paragraph(p).text.strip()
            if text:
                paragraphs.append((id(p), text))
        cells = (
            cell_text(as_dict(c), texts=self.texts).text.strip()
            for r in as_list(table.get("tableRows"))
            for c in as_list(as_dict(r).get("tableCells"))
        )
        found = marks.keys(paragraphs, cells)
        self.keyed.update(key for key, _ in found.values())
        return frozenset(mark for mark, (_, note) in found.items() if marks.left_out(note))

    def beside(self, content: list[Any]) -> str:
        """The first paragraph with text of `content` (blank ones skipped; none past a table)."""
        for se in map(as_dict, content):
            if "paragraph" not in se:
                return ""
            text = self.texts.paragraph(as_dict(se["paragraph"])).text.strip()
            if text:
                return text
        return ""

    def caption_row(self, table: dict[str, Any]) -> str:
        """The text of a table's first row when it is one cell across a wider table, else ''."""
        rows = as_list(table.get("tableRows"))
        cells = [as_dict(c) for c in as_list(as_dict(rows[0]).get("tableCells"))] if len(rows) > 1 else []
        if len(cells) < 2 or as_dict(cells[0].get("tableCellStyle")).get("columnSpan", 1) != len(cells):
            return ""  # (a caption row is one cell merged across the table)
        texts = [cell_text(c, texts=self.texts).text.strip() for c in cells]
        return texts[0] if len(texts) > 1 and texts[0] and not any(texts[1:]) else ""

    def names_something(self, text: str) -> bool:
        """A header cell naming a field, a count or an environment (`PRD`, `Machine`), not only a
        grouping (`Details`) or the kind of the cells below (`Environment` over their names)."""
        kind = self.role(text)[0]
        return kind != "environment" and (kind != "" or bool(self.sections.part(text)))

    def environment_name(self, text: str) -> str:
        """The environment a cell is only the name of (`Production`, `Primary site (Zurich)`), or ''."""
        bare = outside_brackets(text).strip()
        fits = _WORDS_ONLY.fullmatch(bare) or _ONE_NAME.fullmatch(bare)
        return self.sections.part(text) if fits else ""

    def group_environment(self, text: str) -> str:
        """The environment a group of columns is (`Production`, `DR`), or a numbered phase's by its
        state (`Phase 1 — live`: production; `Phase 2 — planned`, `Wave 3 (forecast)`: a plan)."""
        named = self.environment_name(text)
        if not named and shapes.REGION.search(
            text
        ):  # `DR europe-west4`, `Primary (us-east-2)`: where it runs
            named = self.environment_name(shapes.REGION.sub(" ", text))
        if named or not _PHASE.match(text):
            return named
        return "trial" if is_planned(text) else self.sections.part(text)

    def is_label(self, text: str) -> bool:
        """A short text naming a field (by alias or meaning), with no value in it."""
        return len(text.split()) <= _MAX_LABEL_WORDS and self.role(text)[0] in ("field", "count")

    def is_kind(self, text: str, timed: bool = False) -> bool:
        """A header saying what kind of value a column holds (`Value`, `Actual`, `Planned`, `Notes`, `OK?`),
        naming no field (`Source control` is the code hosts, `Actual start` a date); `timed`, in a
        table with a column of now, a time alone (`Q2 2026`) or a limit (`Ceiling`) too."""
        h = text.strip()
        kind = (
            norm(h) in _VALUE_HEADERS
            or bool(_CURRENT_HEADER.search(h) or _NOTE_HEADER.search(h) or is_planned(h) or column_status(h))
            or (timed and (pastcolumns.dated(h) or column_kinds([h])[0] == "limit"))
        )
        return kind and len(outside_brackets(h).split()) <= 3 and self.role(h)[0] != "field"

    def values_kind(self, text: str) -> bool:
        """A header saying its column holds the row's values at one time or in one plan (`Planned`,
        `As delivered`, `Before`, `Now`): a cell merged across two such columns is each one's."""
        return self.is_kind(text) and not _NOTE_HEADER.search(text) and not column_status(text)

    def where(self, tab: _Tab, number: int, first: int, last: int | None = None) -> Location:
        line = "column" if self.across else "row"
        rows = f"{line} {first}" if last is None or last == first else f"{line}s {first}–{last}"
        return self.location(tab, f"table {number}, {rows}", placed=False)

    def role(self, text: str) -> tuple[str, Field | None]:
        key = norm(text)
        if (
            key in self.count_words
            or _COUNT_OF.fullmatch(text.strip().lower())  # `Number of nodes`
            or (
                (_CHANGE_ASIDE.search(text) or _FIGURE_ASIDE.search(text))
                and norm(outside_brackets(text)) in self.count_words
            )
        ):
            return "count", None  # `desired (before → after)`: the aside says the cell holds a change
        if key in self.env_words:
            return "environment", None
        f = self.catalogue.field_for_label(text)
        if f is None and (bare := _UNIT_AFTER.sub("", text)) != text:
            f = self.catalogue.field_for_label(bare)  # `RAM, GiB`, `Memory in GiB`: the unit apart
        # "Live", "Prod env": a column of an environment; "Connected to PROD?" asks about the row
        if f is None and not text.rstrip().endswith("?") and self.sections.part(text):
            return "section", None
        words = _DATED_ASIDE.sub(" ", text) if "(" in text else text  # `Repositories indexed (07/31/2026)`
        if f is None and not _A_DIGIT.search(words):  # "8 vCPU" is a value, not a header
            meaning = label_meaning(_EACH_OR_PER.sub(" ", words))
            f = self.catalogue.fields.get(meaning) if meaning else None
        scheduled = f is not None and f.name in scheduling.FIELDS and scheduling.scheduling(text)
        if scheduled and not self.tenant_row:
            return "", None  # `CPU request`, `limits.memory`: what the scheduler admits, no machines
        if f is not None:
            return "field", f
        if (readable := apinames.humanised(text)) and readable != text:  # `sku.capacity`, `memoryGiB`
            return self.role(readable)
        return "", None

    def column_role(self, header: str, cells: list[Text], year: str = "") -> tuple[str, Field | None]:
        """A column's role from its header, checked against its cells: a `Machines` column of
        instance types is the instance types, a `Node pool` column of names is not."""
        kind, f = self.role(header)
        shaped = [c for c in cells if c.text and norm(c.text) not in self.total_words]
        hosts = sum(1 for c in shaped if self.facts.code_hosts.find(c.text))
        of_hosts = bool(shaped) and hosts * 2 > len(shaped) and not self._count_labels(shaped)
        # `Host`; or `Code repository` over cells that name hosts and count nothing: where the code is kept
        hosting = kind == "" or (f is not None and f.name == "repositories" and not _counted(shaped))
        if hosting and of_hosts:
            return "field", self.catalogue.fields.get("code_hosts")
        if kind in ("", "section") and self.names_environments(shaped):  # `used_for`: Production, Staging
            return "environment", None
        if kind == "count" and any(shapes.INSTANCE_TYPE.search(c.text) for c in shaped):
            return "field", self.catalogue.fields.get("instance_types")
        if (
            kind == "count"
            and shaped
            and (
                not any(re.match(r"\s*\d", c.text) for c in shaped)
                or _numbering([c.text for c in shaped if not self.is_total(c.text)])
            )
        ):
            return "", None  # a `#` column of references (C-1, C-2) or of row numbers (1, 2; 1.1, 1.2)
        unitless = _UNIT_AFTER.sub("", apinames.humanised(header) or header)  # (`RAM, GiB`: the label `RAM`)
        by_meaning = kind == "field" and f is not None and self.catalogue.field_for_label(unitless) is None
        if (
            by_meaning
            and f is not None
            and shaped
            and not any(
                self.facts.fit(f.name, _with_header_unit(c.text, header, f.name), False, year) for c in shaped
            )
        ):  # a `Platform` column of code hosts, not of clouds: the hosts' column
            return ("field", self.catalogue.fields.get("code_hosts")) if of_hosts else ("", None)
        if kind == "field" and f is not None and f.type in _SHAPED and shaped:  # (a URL, a date, machines)
            fits = sum(1 for c in shaped if self.facts.fit(f.name, c.text, False, year))
            if fits * 2 < len(shaped):
                return "", None  # `Instance`: "Production VM as in section 2", "Production", one URL
        return kind, f

    def _count_labels(self, cells: list[Text]) -> bool:
        """Cells that are labels of repository counts, some naming hosts (`KPI`: "Repositories
        indexed", "↳ of which Gerrit"), not a column of hosts. (Asked only of a column mostly of
        hosts: a label's meaning is looked up for every cell.)"""
        return any(
            not self.facts.code_hosts.find(c.text) and label_meaning(c.text) == "repositories" for c in cells
        )

    def names_environments(self, cells: list[Text]) -> bool:
        """A column whose every cell is only an environment's name (`Production`, `Staging`, `PRD`),
        in two rows or more: it says each row's environment, whatever its header (`used_for`, `Tier`).
        A cluster's or host's name carrying an environment's token (`aks-cre-prd-weu`, `sg-stg-01`,
        a code the document declared) counts too: a name carrying none (`aks-sg-node-a`) does not. An
        aside in brackets is no part of the name (`Primary site (eu-central-2, Zurich)`). A last row
        of notes (`Comment`, `Notes`: a notes column turned) is no environment and no obstacle."""
        if len(cells) > 2 and _NOTE_HEADER.fullmatch(cells[-1].text.strip()):
            cells = cells[:-1]
        bare = [outside_brackets(c.text).strip() for c in cells]
        return len(cells) >= 2 and all(
            ((_WORDS_ONLY.fullmatch(b) or _ONE_NAME.fullmatch(b)) and self.sections.named(c.text))
            or c.text.strip() in self.sections.options  # a comparison's options, one per row
            for b, c in zip(bare, cells, strict=True)
        )

    def read_table(self, rows: list[list[Text]], tab: _Tab, number: int) -> None:
        rows = teststeps.reduced(rows)  # `Step | Instruction | Expected result | Actual result`: checks
        rows = tickcolumn.dropped(rows)  # `Step | Done | Value`: the value, of the steps ticked done
        rows = positions.chosen(rows)  # `Nodes min / current / max | 3 / 3 / 6`: the current figure
        rows = rownumbers.dropped(rows)  # `S.No. | Parameter | Production`: the labels are the second column
        rows = ledger.unread(rows)  # `Resource | Committed | In use | Unused`: a commitment's, nothing read
        width = max((len(r) for r in rows), default=0)
        if width == 1:
            for i, r in enumerate(rows, 1):
                if r:
                    self.lines(r[0], tab, self.where(tab, number, i), allow_pending=False)
            return
        if all(_labelled_cells(r) for r in rows if any(c.text for c in r)):  # a grid of `Label: value` cells
            self.cell_rows(rows, tab, number)
            return
        if self.environment_groups(rows, tab, number):  # `Production` over `Nodes | vCPU`, `Staging` over …
            return
        rows, sub = headerrows.stacked(rows, self.names_something)
        rows = self.own_environments(rows, sub)
        header = [c.text for c in rows[0]]
        self.volume_table(header, rows, tab, number)  # `PVC | Size`: gitserver 1Ti, … (their sum)
        roles = self.table_roles(rows, sub, tab)
        # `Code host | Staging | Production` over `GitHub.com | yes | —`: the rows production has
        rows, roles = envcells.in_production(
            rows, roles, self.sections.part, self.catalogue.fields.get("repositories")
        )
        if self.activity_table(rows, roles, tab, number):
            return
        kinds = [k for k, _ in roles]
        options = any(h.strip() in self.sections.options for h in header)  # a comparison (`read/options.py`)
        if (
            "outcome" in column_kinds(header)
            and "field" not in kinds
            and not options
            and not self.looks_label_value(rows)
        ):
            # a decision log (`Decision needed | Options | Chosen`): what was decided, not the options
            self.prose_rows(rows, tab, number)
        elif kinds and kinds[0] != "field" and "section" in kinds[1:]:
            self.sectioned_table(rows, header, kinds, tab, number)
        else:
            named = sum(1 for k in kinds if k in ("field", "count", "environment"))
            label_value = self.looks_label_value(rows)
            parts = partstable.parts_table(
                header, [[c.text for c in r] for r in rows[1:]], roles, self.is_total
            )
            if (named >= 2 or (width >= 3 and named) or parts) and not label_value:
                self.header_table(rows, roles, tab, number)
            elif width == 2 or label_value or all(norm(h) in GENERIC_HEADERS for h in header):
                self.label_value_table(rows, tab, number)
            elif not self.dated_log(rows, tab, number):
                self.prose_rows(rows, tab, number)

    def own_environments(self, rows: list[list[Text]], sub: list[str]) -> list[list[Text]]:
        """Under a group cell naming an environment (`Production estate` over `Primary – UK South |
        DR – UK West`, `Non-production` over `Dev | UAT`), a lower cell naming another environment of
        its own is that environment's column: the group says where the columns naming none belong (the
        primary is production), not that a DR or a staging column under it is production."""
        if not sub or not rows:
            return rows
        header = list(rows[0])
        for j, lower in enumerate(sub):
            if not lower or j >= len(header) or header[j].text == lower:
                continue
            own = self.sections.part(lower)
            if own and self.sections.named(lower) and own != self.sections.part(header[j].text):
                header[j] = replace(header[j], text=lower)
        return [header, *rows[1:]]

    def volume_table(self, header: list[str], rows: list[list[Text]], tab: _Tab, number: int) -> None:
        """A table of the deployment's volumes one component a row (`read.volumetables`): their sum,
        or its total row's figure, read as the disk (the rows are read as well, as their table)."""
        body = [[c.text for c in r] for r in rows[1:]]
        named = _VOLUME_WORD.search(" ".join(header)) or volumetables.names_volumes([], body, self.is_total)
        led = not named and volumetables.lead_in_names_volumes(self.lead_in)  # "Persistent volumes (gp3):"
        if not named and not led:
            return
        found = volumetables.total(header, body, self.names_row, self.is_total, led)
        if found is not None:
            self.emit("Disk", found, self.where(tab, number, 1), self.context(tab))
            self.volume_parts = True  # (`indexed-search (pd-ssd) | 600`: one volume, not another disk)

    def names_row(self, label: str) -> bool:
        """A row label naming a field or an environment (not a component's name, nor a volume's:
        `data-gitserver-0`, `Repository data`)."""
        f = self.catalogue.field_for_label(label)
        meaning = f.name if f is not None else label_meaning(label)
        return meaning not in (None, "total_disk_gb", "total_repo_size_gb") or bool(
            self.environment_name(label)
        )

    def environment_groups(self, rows: list[list[Text]], tab: _Tab, number: int) -> bool:
        """A two-row header of environments over groups of columns (`read.envgroups`): each group
        read as a table of its own in its environment (a part already set apart keeps its own)."""
        groups = envgroups.split(rows, self.group_environment)
        if groups is None:
            return False
        for env, sub in groups:
            was, tab.forced = tab.forced, tab.forced or env
            try:
                self.read_table(sub, tab, number)
            finally:
                tab.forced = was
        return True

    def table_roles(self, rows: list[list[Text]], sub: list[str], tab: _Tab) -> list[_Role]:
        """What each column of a table holds, by its header (or the lower header cell) and its cells."""
        header = [c.text for c in rows[0]]
        year = self.context(tab).year
        roles = [
            self.column_role(h, [r[j] for r in rows[1:] if j < len(r)], year) for j, h in enumerate(header)
        ]
        for j, text in enumerate(sub):  # `Machine` over `Type | Count`: the lower cell says what it holds
            own = self.column_role(text, [r[j] for r in rows[1:] if j < len(r)], year) if text else ("", None)
            if own[0] in ("count", "environment", "section") or (roles[j][0] == "" and own[0]):
                roles[j] = own
        self.planned_sections(roles, header)
        self.largest_column(roles, header)
        self.size_column(roles, header)
        self.usable_column(roles, header)
        self.one_host_column(roles, rows)
        self.described_machines(roles, rows)
        self.count_column(roles, header, rows)
        self.hosts_counted(roles, rows)
        self.topic_totals(roles, header, rows, self.context(tab).topic, year)
        return roles

    def hosts_counted(self, roles: list[_Role], rows: list[list[Text]]) -> None:
        """A code hosts' table with no repositories column named (`Forge | Type | Dépôts`): its one
        column of numbers a total row sums is the hosts' repository counts (`read.hostsum`)."""
        names = [f.name for _, f in roles if f is not None]
        if "code_hosts" not in names or "repositories" in names:
            return
        first = [_cell(r, 0) for r in rows[1:]]
        totals = [self.is_total(c) for c in first]
        found = [
            j for j, role in enumerate(roles)
            if role == ("", None) and hostsum.counts_column([_cell(r, j) for r in rows[1:]], totals)
        ]  # fmt: skip
        if len(found) == 1:
            roles[found[0]] = ("field", self.catalogue.fields.get("repositories"))

    def count_column(self, roles: list[_Role], header: list[str], rows: list[list[Text]]) -> None:
        """The machines' count column (`read.countcells`): beside an instance-type column, one whose
        cells state no number (`Nodes | autoscaled`) still holds the count, and so does one headed by
        the machines in the plural over whole numbers (`VM size | VMs`: `read.machinecolumn`); beside
        another count column, a row-number column (`# | Item | Type | Qty`) holds none."""
        machines = any(f is not None and f.type is FieldType.INSTANCE_LIST for _, f in roles)
        for j, h in enumerate(header if machines else []):
            cells = [_cell(r, j) for r in rows[1:] if _cell(r, j).strip()]
            if (
                roles[j] == ("", None)
                and _A_LETTER.search(h)
                and not countcells.row_number(h)
                and self.role(h)[0] == "count"
                and cells
                and all(countcells.countlike(c) for c in cells)
            ):
                roles[j] = ("count", None)  # `Nodes | autoscaled`: a count the document does not state
            elif roles[j] == ("", None) and machinecolumn.counted(
                h, [c for c in cells if not self.is_total(c)]
            ):
                roles[j] = ("count", None)  # `VM size | VMs`: the machines in the plural count them
        counts = [j for j, (kind, _) in enumerate(roles) if kind == "count"]
        for j in counts if len(counts) > 1 else []:
            if countcells.row_number(header[j]):
                roles[j] = ("", None)

    def planned_sections(self, roles: list[tuple[str, Field | None]], header: list[str]) -> None:
        """Of two columns of one environment (`Production Live (as built)`, `Production 2027
        target`), the one a plan heads (`target`, `planned`, `forecast`) holds no current value; nor,
        beside one that says it is now (`Prod now (since 14 Sep)`), does one of the past, of a milestone
        of the build or of a time alone (`Go-live (31 Jul)`, `Previous prod`: `read.pastcolumns`)."""
        sections = [(j, self.sections.part(header[j])) for j, (k, _) in enumerate(roles) if k == "section"]
        for j, env in sections:
            built = any(e == env and not is_planned(header[k]) for k, e in sections if k != j)
            current = [k for k, e in sections if k != j and e == env and pastcolumns.now(header[k])]
            earlier = (
                pastcolumns.past(header[j])
                or (
                    not pastcolumns.now(header[j])
                    and (pastcolumns.milestone(header[j]) or pastcolumns.dated(header[j]))
                )
                or pastcolumns.built_then(header[j], [header[k] for k in current])
            )  # `as built` | `now`
            bare = [  # `Go-live (31 Jul) | Now (since 14 Sep)`: the now column is the same environment's
                k for k, (kind, _) in enumerate(roles) if k and kind == "" and pastcolumns.now(header[k])
            ]
            if earlier and not current and len(bare) == 1 and env == "production":
                roles[bare[0]], current = roles[j], bare
            if (built and is_planned(header[j])) or (current and earlier):
                roles[j] = ("", None)

    def largest_column(self, roles: list[tuple[str, Field | None]], header: list[str]) -> None:
        """In a table counting repositories (`Code host | Repositories | Largest (GB)`), a column
        headed only by a superlative of size (`Largest`, `Biggest`) holds the largest repository."""
        if not any(f is not None and f.name == "repositories" for _, f in roles):
            return
        for j, h in enumerate(header):
            if roles[j][0] == "" and _LARGEST.fullmatch(outside_brackets(h)):
                roles[j] = ("field", self.catalogue.fields.get("largest_repo_mb"))

    def size_column(self, roles: list[tuple[str, Field | None]], header: list[str]) -> None:
        """In a table counting repositories (`Code host | Repos | Size (GB)`), the one column headed
        only by a size with its unit (`Size [TB]`, `Total size (GiB)`, `Size on disk, GB`) holds the
        repositories' size: its total row is their total size. Two such columns say nothing."""
        if not any(f is not None and f.name == "repositories" for _, f in roles):
            return
        sized = [
            j
            for j, h in enumerate(header)
            if roles[j][0] == "" and _HEADER_UNIT_ANY.search(h) and _SIZE_ONLY.fullmatch(_unitless(h))
        ]
        if len(sized) == 1:
            roles[sized[0]] = ("field", self.catalogue.fields.get("total_repo_size_gb"))

    def usable_column(self, roles: list[tuple[str, Field | None]], header: list[str]) -> None:
        """Raw beside usable capacity (`Raw (GB) | Usable (GB)`, `read.rawusable`): the usable column
        is the disk; the raw one is nothing, nor is a column of the drives (`Disks | 6 × 2 TB`), the
        sizes before mirroring or parity."""
        found = rawusable.columns(header)
        if found is None or roles[found[0]][0] not in ("", "field"):
            return
        for j, (_, f) in enumerate(roles):
            if f is not None and f.name == "total_disk_gb":
                roles[j] = ("", None)
        roles[found[0]] = ("field", self.catalogue.fields.get("total_disk_gb"))
        roles[found[1]] = ("", None)

    def topic_totals(
        self,
        roles: list[tuple[str, Field | None]],
        header: list[str],
        rows: list[list[Text]],
        topic: str | None,
        year: str,
    ) -> None:
        """A column headed only by a total word (`Subtotal`, `Total`) under a heading about an amount
        (`Storage`: `Claim | Replicas | Size each | Subtotal`) holds that amount: its total row is the
        amount's total."""
        f = self.catalogue.fields.get(topic) if topic in _AMOUNT_FIELDS else None
        for j, h in enumerate(header):
            if f is None or roles[j][0] != "" or not self.is_total(h):
                continue
            cells = [r[j].text for r in rows[1:] if j < len(r) and r[j].text and not self.is_total(r[j].text)]
            unit = _HEADER_UNIT.search(h)  # `Subtotal (GB)`: the unit of its bare figures
            cells = [current(c) for c in cells]  # ("1,500 → 2,000": a draft's correction)
            cells = [f"{c} {unit.group(1)}" if unit and not _HAS_UNIT.search(c) else c for c in cells]
            if cells and all(self.facts.fit(f.name, c, False, year) for c in cells):
                roles[j] = ("field", f)

    def cell_rows(self, rows: list[list[Text]], tab: _Tab, number: int) -> None:
        """Each cell read on its own, as `Label: value` lines (a bilingual or side-by-side table)."""
        for i, r in enumerate(rows, 1):
            for c in r:
                self.lines(c, tab, self.where(tab, number, i), allow_pending=False)

    def one_host_column(self, roles: list[tuple[str, Field | None]], rows: list[list[Text]]) -> None:
        """Of two columns taken for the code hosts (`Connection | Kind`, `Code host | Product`), the one
        whose cells name code hosts in more rows is the hosts; the other holds names or addresses."""
        columns = [j for j, (_, f) in enumerate(roles) if f is not None and f.name == "code_hosts"]
        if len(columns) < 2:
            return
        named = {j: sum(1 for r in rows[1:] if self.names_host(_cell(r, j))) for j in columns}
        best = max(columns, key=lambda j: named[j])
        for j in columns:
            if j != best:
                roles[j] = ("", None)

    def hosts_off(self, row: list[Text], j: int) -> bool:
        """Whether a row's cell `j` names code hosts and the row says none of them is connected."""
        return bool(self.facts.code_hosts.find(_cell(row, j))) and not self.row_hosts(row, j)

    def row_hosts(self, row: list[Text], j: int | None) -> list[str]:
        """The code hosts a row's cell `j` names, less those the row says are not connected
        (`connection.row_unconnected`: "Withdrawn", "Descoped; stays out of code search")."""
        named = self.facts.code_hosts.values(_cell(row, j)) if j is not None else []
        if not named or id(row) in self.answered_no:  # `Indexed? | No`: the row's host is not connected
            return []
        off = connection.row_unconnected([c.text for c in row], self.facts.code_hosts.find)
        return [h for h in named if h not in off]

    def names_host(self, cell: str) -> bool:
        """A cell naming a code host, not only inside an identifier (`gitlab-robotics`, `gh_main`)."""
        return any(
            cell[f.end : f.end + 1] not in ("-", "_")
            and cell[max(0, f.start - 1) : f.start] not in ("-", "_")
            for f in self.facts.code_hosts.find(cell)
        )

    def described_machines(self, roles: list[tuple[str, Field | None]], rows: list[list[Text]]) -> None:
        """A bill of materials (`Part | Description | Qty`): beside a count column and no machine
        column, the first unnamed column whose cells name instance types is the machines column."""
        kinds = [k for k, _ in roles]
        machines = self.catalogue.fields.get("instance_types")
        if "count" not in kinds or machines is None or any(f is machines for _, f in roles):
            return
        for j, (kind, _) in enumerate(roles):
            if kind == "" and any(shapes.INSTANCE_TYPE.search(_cell(r, j)) for r in rows[1:]):
                roles[j] = ("field", machines)
                return

    def is_total(self, cell: str) -> bool:
        """A total row's label: `Total`, `PRD total`, `Live subtotal`, `Grand total`, `All clusters`;
        so is one without its aside (`Grand total (prod + staging)`) and a sum sign for the word (`Σ`,
        `Σ prod`, `∑ all rows`: a sheet's)."""
        if self.total_label(cell):
            return True
        if (
            ("(" in cell or "[" in cell)
            and _TOTALISH.search(cell)
            and (bare := outside_brackets(cell))
            and self.total_label(bare)
        ):
            return True
        return (
            ("Σ" in cell or "∑" in cell)
            and bool(_SIGMA.match(cell))
            and self.is_total(_SIGMA.sub("Total ", cell, 1))
        )

    def total_label(self, cell: str) -> bool:
        """A total row's label as written (`Total for the environment`, `PRD total`)."""
        words = _LOWER_WORD.findall(cell.casefold())
        return (
            norm(cell) in self.total_words
            or (
                0 < len(words) <= 3
                and (
                    any(norm(w) in self.total_words or w.endswith("total") for w in words)
                    or words[0] == "all"
                )
            )
            or (0 < len(words) <= 6 and norm(words[0]) in self.total_words)
        )  # "Total for the environment"
