"""Tables read row by row: label-value tables (`Label | Value`, with notes and ranges), tables whose
columns are labels, activity tables (a title and its dates), rows of prose, dated logs, and tables
sectioned by environment rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from handoff.core.fields import Field, FieldType, norm, strip_brackets
from handoff.core.quickre import quick
from handoff.read import (
    activities,
    changes,
    connection,
    fleetcount,
    limitchange,
    logrows,
    measured,
    otherevents,
    pastcolumns,
    pernodecolumns,
    shapes,
    urlchange,
    valueunits,
)
from handoff.read.cells import Cell, holds_prose, opens_not_done
from handoff.read.columns import kind as column_kind
from handoff.read.columns import kinds as column_kinds
from handoff.read.columns import status as column_status
from handoff.read.counterpart import counterpart
from handoff.read.dates import BUILD
from handoff.read.doctext import Text, as_list
from handoff.read.fact import Context
from handoff.read.labelwords import label_meaning
from handoff.read.limits import not_limit
from handoff.read.limitwords import is_limit, is_planned
from handoff.read.pairs import _labelled_cells
from handoff.read.prose import URL_HINT
from handoff.read.rowlimits import RowLimits
from handoff.read.tables import (
    _CURRENT_HEADER,
    _DATE_FIELDS,
    _NOTE_HEADER,
    _VALUE_HEADERS,
    GENERIC_HEADERS,
    _cell,
)
from handoff.read.tabstate import _Tab
from handoff.read.vocab import mask

_REQUEST = (
    r"^\s*(?:please\s+)?(?:provide|describe|list|state|give|estimate|explain|confirm|specify|indicate)\b"
)
_ASKS = re.compile(
    r"\?(?:\s|$)|\b(?:shall|must|should|is required to|are required to)\b|" + _REQUEST,
    re.IGNORECASE,
)  # a question, a requirement or a request ("Provide the compute footprint …"): not a fact
_TITLE_WORDS = re.compile(r"[^\W\d_]{3,}")  # an activity's title has words
# a requirement stated, not asked: "The platform shall support 400 concurrent users", "must serve …"
_REQUIRES = re.compile(r"\b(?:shall|must|is required to|are required to)\b", re.IGNORECASE)
_RESULT_NOTE = re.compile(r"\s*(?:=|≈|~=|→|->|=>)\s*~?\d")  # a note opening on its value's result
_LIMITS = limitchange.FIELDS  # what a requirement gives: the agreed limits only


def _states_requirement(text: str) -> bool:
    """A cell that states what the deployment shall do (`NFR-02 | The platform shall support 400
    concurrent users`), not a question nor a request: its counts of people and repositories are the
    limits the deployment is built to (`max_*`), never its sizes, hosts or dates."""
    return bool(_REQUIRES.search(text)) and "?" not in text and not re.match(_REQUEST, text, re.IGNORECASE)


def _asked_about(question: str) -> str | None:
    """The field a question or requirement is about ("… shall be reachable on a domain" → the URL)."""
    return "instance_url" if URL_HINT.search(question) else label_meaning(question, any_length=True)


def _split_range(text: str, year: str) -> bool:
    """A cell of a few short lines that are one date range written over them ("Sep 14, 2026" / "→" /
    "Oct 2, 2026" / "(build start → handed over)"): one statement, not paragraphs of an answer."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not 2 <= len(lines) <= 5 or len(text) > 240:
        return False
    return next(shapes.ranges(" ".join(text.split()), year), None) is not None


# a log entry's total amount now, its change made: "total persistent disk now 4,200 GB"
_TOTAL_NOW = re.compile(r"\b(?:total|in all|altogether|overall)\b[^.;]{0,40}\bnow\b", re.IGNORECASE)
_AMOUNTS = frozenset({"total_cpu", "total_memory_gb", "total_disk_gb"})
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")  # each sentence of a log's cell is of its row's date


def _is_date(text: str, year: str) -> bool:
    """A cell that is a date (perhaps with a time) or a range of dates: the date or the range is most
    of it, the bracketed role of each date left aside ("18 May 2026 (start) to 29 May 2026 (done)")."""
    m = next(shapes.dates(text, year), None)
    if m is None:
        return False
    if len(m.text) * 2 >= len(text.strip()):
        return True
    bare = re.sub(r"\s*\([^()]*\)", "", text).strip()
    span = next(shapes.ranges(bare, year), None)
    return span is not None and (span[1].end - span[0].start) * 2 >= len(bare)


_Columns = tuple[int, tuple[int, ...], tuple[int, ...]]  # the value, note and limit columns
# a column of the whole beside one of a single machine's figures (`Item | Per server | Total (3 servers)`)
# a row's label naming one pool of the fleet (`Node pool sg-main`, `Worker group`, `Search tier`)
_POOL_LABEL = quick(
    r"\b(?:pools?|(?:node|worker|server|vm|instance|machine)\s*groups?|nodegroups?|scale\s*sets?|vmss|asg|"
    r"tiers?)\b",
    re.IGNORECASE,
)
_WHOLE_HEADER = re.compile(r"\b(?:total|all|combined|overall|sum|altogether|in\s+all)\b", re.IGNORECASE)


# a first column of attributes (`Item`, `Specification`, `Resource`): its cells label the rows' values
_ATTRIBUTE_HEADERS = GENERIC_HEADERS | frozenset(
    norm(w)
    for w in ("specification", "specifications", "spec", "resource", "resources", "hardware", "metric")
)


def _whole_columns(header: list[str]) -> tuple[int | None, set[int]]:
    """(the column of the whole, the columns of one machine's figures) of a label table's header that
    sets one machine's figures beside the whole's (`Item | Per server | Total (3 servers)`, `Resource |
    Each node | All nodes`); (None, set()) when it does not. The per-machine figures are no total."""
    each = {j for j, h in enumerate(header[1:], 1) if pernodecolumns.per_machine(h)}
    if not each:
        return None, set()
    whole = [j for j, h in enumerate(header[1:], 1) if j not in each and _WHOLE_HEADER.search(h)]
    return (whole[0], each) if len(whole) == 1 else (None, set())


# a header that is only what was granted or built, beside a column of what was asked for or planned
# (`Requested | Approved and built`, `Proposed | Provisioned`): the column of the values that hold
_GRANTED_HEADER = re.compile(
    r"\W*(?:approved|granted|built|deployed|provisioned|installed)(?:\s+(?:and|&)\s+(?:built|deployed|running|"
    r"provisioned|installed|in\s+use))?\W*",
    re.IGNORECASE,
)


def _granted_column(header: list[str]) -> int | None:
    """The one column of a label table's header that is only what was granted or built (`Approved and
    built`, `Built`, `Provisioned`), set beside a column of what was asked for, planned or designed
    (`Requested`, `Proposed`, `Designed`): the values that hold are the granted column's, and the other
    column's are neither values nor limits (a design's or a request's figures). None otherwise."""
    granted = [j for j, h in enumerate(header[1:], 1) if _GRANTED_HEADER.fullmatch(h)]
    if len(granted) != 1:
        return None
    asked = [
        j for j, h in enumerate(header[1:], 1)
        if j != granted[0] and (is_planned(h) or column_kind(h) == "limit" or _ASKED.search(h))
    ]  # fmt: skip
    return granted[0] if asked else None


_ASKED = re.compile(
    r"\b(?:request(?:ed)?|asked(?:\s+for)?|design(?:ed)?|specified|quoted|offered)\b", re.IGNORECASE
)


# a column of what the licence grants (`Licence`, `Licensed seats`, `Subscription`, `Entitlement`)
_LICENCE_HEADER = re.compile(r"\b(?:licen[cs]\w*|seats?|subscri\w*|entitle\w*)\b", re.IGNORECASE)


def _label_columns(header: list[str]) -> _Columns | None:
    """The value column, the note columns and the limit columns a label table's header row names
    (`Input | Value | Source`, `Metric | Target | At close | Notes`, `Metric | Now | Max / agreed
    limit`), or None when the row is no such header. A column of values is generic (`Value`,
    `Answer`) or says the values are current (`Now`, `Actual`); a planned or target column is neither
    value nor note, nor is a column of the figures of another time (`Before (until 17 Oct)`,
    `Previous`, `Q2 2026` beside `Now`: `read.pastcolumns`), nor one that only checks the row (`OK?`,
    `Status`: `read.columns.status`). A column of limits after the value column holds the row's
    limit (`Max / agreed limit`)."""
    granted = _granted_column(header)
    if granted is not None:  # `Requested | Approved and built`, `Designed | Built`: the one built
        notes = [j for j, h in enumerate(header[1:], 1) if j != granted and _NOTE_HEADER.search(h)]
        return granted, tuple(notes), ()
    value: int | None = None
    notes = []
    limits: list[int] = []
    pasts = pastcolumns.others(header)  # `Before (until 17 Oct)`, `Q2 2026 (30 Jun)` beside `Now`
    whole, each = _whole_columns(header)  # `Per server | Total (3 servers)`: the whole's column
    for j, h in enumerate(header[1:], 1):
        if j in pasts or j in each or column_status(h):
            continue  # another time's figures, or a check of the row (`OK?`): neither value nor note
        if j == whole:
            value = j if value is None else value
            continue
        if value is not None and column_kind(h) == "limit" and column_kind(header[value]) == "limit":
            # two columns of limits (`Agreed sizing | Licence`): the licence's is a commercial term, the
            # other the deployment's limit (`read.seatlimit`), the licence's cells read as notes
            if _LICENCE_HEADER.search(header[value]) and not _LICENCE_HEADER.search(h):
                value, j = j, value
            notes.append(j)
        elif value is not None and column_kind(h) == "limit":
            limits.append(j)  # `Max / agreed limit` after `Now`: the rows' limits
        elif (
            norm(h) in _VALUE_HEADERS
            or _CURRENT_HEADER.search(h)
            or column_kind(h) == "limit"
            or (pasts and pastcolumns.now(h))  # `Now (since 18 Oct)`, `New value` beside the past
        ):
            value = j if value is None else value  # (`Committed ceiling`: a value column of limits)
        elif _NOTE_HEADER.search(h):
            notes.append(j)
        elif not is_planned(h):
            return None
    return (value, tuple(notes), tuple(limits)) if value is not None else None


def _kind(kinds: list[str], j: int) -> str:
    return kinds[j] if j < len(kinds) else ""


def _row_title(text: str) -> bool:
    """A row's title (`Perforce depots`, `Storage sized`): a few words, no figure, no sentence. The
    row's sentences are read after it, so what they say of "it" is said of the title's thing."""
    return len(text.split()) <= 4 and not re.search(r"[\d.:;!?]", text)


_ROW_REF = re.compile(r"[A-Z]{1,3}-?\d{1,3}(?:\.\d{1,2})?|\d{1,2}(?:\.\d{1,2})*\.?")  # `D6`, `R-04`, `3.2`


def _names_row(text: str) -> bool:
    """A cell that names its row's thing (`sg-syd-qa01 — QA VM`, `Production cluster`): a short
    name, no sentence; the environment it names is the row's."""
    return len(text.split()) <= 8 and not re.search(r"[.:;!?](?:\s|$)", text)


# a column of the day an action is due: its table lists things to do, each row not done until a cell
# of it says so (`# | Owner | Action | Due`, `Task | By when | Status`)
_DUE = re.compile(
    r"\W*(?:due(?:\s+(?:date|by|on))?|deadline|by\s+when|target\s+date|due/?\s*status)\W*", re.I
)
_DONE_CELL = re.compile(
    r"\W*(?:(?:done|completed?|closed|finished|resolved|delivered|implemented|built)\b|[✓✔✅]).{0,40}",
    re.I | re.S,
)


# an outcome cell that only accepts its row's proposal (`Agreed`, `Accepted ✓`, `Approved (CAB 12 Feb)`):
# the row's proposal or option is what was decided
_ACCEPTED_ONLY = re.compile(
    r"\W*(?:(?:agreed|accepted|approved|adopted|chosen|selected|decided|confirmed|yes|go)\b|[✓✔✅])[\s.!✓✔✅]*"
    r"(?:\([^()\n]{0,40}\)\W*)?",
    re.IGNORECASE,
)


def _status_column(cells: list[str]) -> bool:
    """Short values that repeat ("Done", "Done", "Open"): a status, not a description."""
    filled = [norm(c) for c in cells if c.strip()]
    return bool(filled) and all(len(c.split()) <= 2 for c in filled) and len(set(filled)) < len(filled)


class RowTableReading(RowLimits):
    """The TDD walk's label-value, activity, prose-row and dated-log tables."""

    def activity_table(
        self, rows: list[list[Text]], roles: list[tuple[str, Field | None]], tab: _Tab, number: int
    ) -> bool:
        """A table whose only field columns are dates (`Task Name | Start | Finish`, `Deliverable |
        Started | Completed`): one activity per row (`read.activities`). Each row's other cells read
        as prose in the environment its title names (or its outline parent's); the build's row gives
        the start and completion dates, an actual column beating a planned or baseline one."""
        dated = [j for j, (kind, f) in enumerate(roles) if kind == "field" and f and f.name in _DATE_FIELDS]
        others = [j for j, (k, _) in enumerate(roles) if k in ("field", "environment", "section", "count")]
        if not dated:  # (a milestone table with an environment column: a dated log, `milestones`)
            return len(rows) >= 3 and self.milestones(rows, roles, tab, number)
        if len(rows) < 3 or set(others) - set(dated):
            return False
        if _label_columns([c.text for c in rows[0]]) is not None and self.looks_label_value(rows):
            return False  # `Step | Target | Done`: milestones by their labels, a done column of dates
        base = self.context(tab)
        body = [(i, r) for i, r in enumerate(rows[1:], 2) if any(c.text for c in r)]
        width = max(len(r) for r in rows)
        free = [j for j in range(width) if j not in dated]
        worded = {j: sum(bool(_TITLE_WORDS.search(_cell(r, j))) for _, r in body) for j in free}
        wordy = [j for j in free if worded[j] * 2 > len(body)]
        if not wordy:
            return False
        titles = [_cell(r, wordy[0]) for _, r in body]
        codes = next((c for j in free if (c := activities.outline([_cell(r, j) for _, r in body]))), None)
        sections = [s or base.section for s in activities.row_sections(titles, codes, self.sections.part)]
        self.prose_rows(rows, tab, number, dict(zip((i for i, _ in body), sections, strict=True)), set(dated))
        if base.section == "trial":
            return True
        pick = activities.build_row(titles, sections, codes, lambda t: bool(BUILD.search(t)),
                                    lambda t: self.sections.production.sub(" ", t))  # fmt: skip
        if pick is None:
            return True
        i, r = body[pick]
        header = [c.text for c in rows[0]]
        actual = [j for j in dated if not is_planned(header[j])] or dated
        ctx = replace(base, section="production")
        for j in actual:
            if _is_date(_cell(r, j), base.year):
                self.emit(header[j], _cell(r, j), self.where(tab, number, i), ctx, matched=roles[j][1])
        return True

    def prose_rows(
        self,
        rows: list[list[Text]],
        tab: _Tab,
        number: int,
        sections: dict[int, str] | None = None,
        skip: set[int] | None = None,
    ) -> None:
        """A table whose headers name no field (`Ref | Requirement | Response | Code`, a decisions
        log): each cell of a row reads as prose, except a cell that asks or requires (a question,
        "shall", "must"): that one only says what the row's other cells are about. `sections`: each
        row's environment when the table says it (by row number); `skip`: columns not to read."""
        base = self.context(tab)
        kinds = column_kinds([c.text for c in rows[0]])  # `Options` are no facts, a `Requirement` a limit
        others = {
            j for j, c in enumerate(rows[0]) if otherevents.other_event(c.text) and not BUILD.search(c.text)
        }
        due = any(_DUE.fullmatch(c.text) for c in rows[0])  # an action table: `Owner | Action | Due`
        for i, r in enumerate(rows[1:], 2):
            if skip:
                r = [c for j, c in enumerate(r) if j not in skip]
            if sections and i in sections:
                base = replace(self.context(tab), section=sections[i])
            named = self.sections.part(r[0].text) if r and not any(c.text for c in r[1:]) else ""
            if named:  # a full-width `PRD` / `Sandbox` row heads the rows below it
                base = replace(self.context(tab), section=named)
                continue
            where = self.where(tab, number, i)
            self.gather.block(" | ".join(c.text for c in r), where, base.section)
            asks = [c.text for j, c in enumerate(r) if _ASKS.search(c.text) or _kind(kinds, j) == "question"]
            topic = next((t for t in map(_asked_about, asks) if t), base.topic)
            asked = next((s for s in map(self.sections.part, asks) if s), "")  # "Is there a UAT instance?"
            cells = [
                (c.text, _kind(kinds, j))
                for j, c in enumerate(r)
                if c.text and c.text not in asks and not (j in others and _is_date(c.text, base.year))
            ]  # (a date under `Invoice date` is the invoice's, whatever milestone the row names)
            if not any(k == "outcome" and _ACCEPTED_ONLY.fullmatch(text) for text, k in cells):
                cells = [(text, k) for text, k in cells if k != "options"]  # (else the proposal agreed)
            names = (self.sections.part(text) for text, _ in cells[:2] if _names_row(text))
            own = next(filter(None, names), "")  # `⑥ | sg-syd-qa01 — QA VM | …`: the row's environment
            section = base.section if base.section == "trial" else asked or own or base.section
            if any(opens_not_done(text, self.not_done) for text, _ in cells[1:]) or any(
                opens_not_done(text, self.not_done) for text in asks
            ):  # (a resolution's reason may require: "Declined by Jonas: code must stay in …")
                section = "trial"  # `F-2207 HA (2 × r6i.8xlarge) | Carried over → PI 26.4`: not done
            elif due and not any(_DONE_CELL.fullmatch(c.text) for c in r):
                section = "trial"  # `A1 | Ops | Scale production to 6 × m6i.4xlarge | Q3 2027`: to be done
            row = replace(base, topic=topic, section=section)
            stamp = logrows.row_day(cells[0][0], row.year) if cells else ""
            row = replace(row, day=stamp) if stamp else row  # `Fri 16 Oct 2026, 16:30 BST | Build complete.`
            texts = [text for text, _ in cells]
            off = frozenset(connection.row_unconnected(texts + asks, self.facts.code_hosts.find))
            host = self.subject_host(asks + texts)  # `⑧ | Bitbucket DC | Main code host: 1,150 repos`
            row = replace(row, host=host) if host and host not in off else row
            # `D6 | Total claimed | 2600Gi`: a row's reference is no title, the cell after it is
            lead = 1 if len(cells) > 2 and _ROW_REF.fullmatch(cells[0][0].strip()) else 0
            head = cells[lead][0] if len(cells) > lead + 1 and _row_title(cells[lead][0]) else ""
            for text, k in cells[lead + 1 :] if head else cells:
                limited = replace(row, limit=True) if k == "limit" else row
                said = f"{head}: {text}" if head and not _row_title(text) else text
                self.prose(said, where, limited, off=off)
            for j, c in enumerate(r):  # a requirement stated: its limits (`_states_requirement`)
                if c.text in asks and _states_requirement(c.text):
                    limited = replace(row, limit=True) if _kind(kinds, j) == "limit" else row
                    self.prose(c.text, where, limited, only=_LIMITS, off=off)

    def subject_host(self, cells: list[str]) -> str:
        """The code host a row is about: the one cell that is only a host's name (with an aside in
        brackets), when there is one. The row's other cells speak of it."""
        found = [
            named for c in cells
            if (named := self.facts.code_hosts.find(c))
            and not re.search(r"\w", strip_brackets(mask(c, named)))
        ]  # fmt: skip
        hosts = {h.value for named in found for h in named}
        return hosts.pop() if len(found) == 1 and len(hosts) == 1 else ""

    def milestones(
        self, rows: list[list[Text]], roles: list[tuple[str, Field | None]], tab: _Tab, number: int
    ) -> bool:
        """`Week | Date | Activity | Environment`: a milestone table whose one named column says where
        each row's activity happens, read as a dated log row by row, each row in its environment."""
        kinds = [k for k, _ in roles]
        if [k for k in kinds if k in ("field", "count", "environment", "section")] != ["environment"]:
            return False  # (columns of environments: a table per environment, `sectioned_table`)
        if self.looks_label_value(rows):
            return False
        return self.dated_log(rows, tab, number, env=kinds.index("environment"))

    def dated_log(self, rows: list[list[Text]], tab: _Tab, number: int, env: int | None = None) -> bool:
        """A table with a column of dates and no field columns (a document history, a change log, a
        milestone table): each sentence of a row's text cells reads after the row's date
        ("2026-06-08 — Production VM provisioned: build started"; "… Racked, cabled. Start of the
        production build."), for the start and completion dates
        only. An actual-date column wins over a planned one (`Planned | Actual`); a status column
        ("Done", "Done", …) is no verb of its row. `env`: a column naming each row's environment
        (`Week | Date | Activity | Environment`), which puts the row in it."""
        ctx = base = self.context(tab)
        width = max((len(r) for r in rows), default=0)
        body = [r for r in rows[1:] if any(c.text for c in r)]
        year = ctx.year
        dated = [j for j in range(width) if sum(_is_date(_cell(r, j), year) for r in body) * 2 >= len(body)]
        header = [_cell(rows[0], k) for k in range(width)]
        # a column dating another event than the row's (`Invoice date` beside `Milestone`) dates no build
        dated = [j for j in dated if not (otherevents.other_event(header[j]) and not BUILD.search(header[j]))]
        if not body or not dated:
            return False
        actual = [j for j in dated if not is_planned(header[j])]
        j = (actual or dated)[0]
        label = "" if actual else header[j]  # only planned dates: they give way to any actual one
        skip = set(dated) | {k for k in range(width) if _status_column([_cell(r, k) for r in body])}
        skip |= {env} if env is not None else set()
        first = 1 if not _is_date(_cell(rows[0], j), ctx.year) else 0
        for i, r in enumerate(rows[first:], first + 1):
            if env is not None and base.section != "trial":
                ctx = replace(base, section=self.sections.part(_cell(r, env)) or base.section)
            where = self.where(tab, number, i)
            block = self.gather.block(" | ".join(c.text for c in r), where, ctx.section)
            date = _cell(r, j)
            if not _is_date(date, ctx.year):
                continue
            for k, c in enumerate(r):
                if k in skip or not _TITLE_WORDS.search(c.text):
                    continue
                for said in _SENTENCES.split(c.text):  # "Racked, cabled. Start of the production build."
                    text = f"{date} — {said}"
                    # a limit the entry changed ("licence raised 1,000 → 1,400"): read (`read.limitchange`)
                    changing = limitchange.CHANGE.search(said) is not None  # and an address moved
                    moving = urlchange.moves(said)  # ("hostname moved to https://…": `read.urlchange`)
                    totalled = _TOTAL_NOW.search(said) is not None  # "total persistent disk now 4,200 GB"
                    # machines or an amount changed ("RAM raised from 192 GiB to 384 GiB", "nodes 3 × … →
                    # 3 × …", "8 TB (was 6 TB)"): both sides read (`read.changes`)
                    resized = bool(changes.old_spans(said)) if shapes.DIGIT.search(said) else False
                    if not (changing or moving or totalled or resized) and not self.facts.may_date(text, ctx):
                        continue  # ("2026-09-10 — First draft": no start or end word, no range)
                    for f in self.facts.prose(text, ctx):
                        if (
                            f.field in _DATE_FIELDS
                            or (changing and f.field in limitchange.FIELDS)
                            or (moving and f.field == "instance_url" and f.new)
                            or (
                                resized
                                and f.field in changes.CHANGING
                                and (f.new or f.role == "old")
                                and (f.field not in _AMOUNTS or not changes.of_part(said))
                            )
                            or (
                                totalled
                                and f.field in _AMOUNTS
                                and ((f.new and f.role == "total") or f.role == "old")
                            )
                        ):
                            self.gather.fact(block, label, f, where)
        return True

    def looks_label_value(self, rows: list[list[Text]]) -> bool:
        """Most first cells name a field: a label/value table with extra columns, not a header table."""
        hits = sum(1 for r in rows if r and self.catalogue.field_for_label(r[0].text))
        if hits >= max(2, (len(rows) + 1) // 2):
            return True
        # `Input | Value | Source`, `Metric | Now | Notes`: a header row naming a value column after
        # the labels, the labels read by meaning
        header = [c.text for c in rows[0]]
        if len(rows[0]) < 3 or _label_columns(header) is None:
            return False
        if norm(header[0]) in _ATTRIBUTE_HEADERS and _whole_columns(header)[0] is not None:
            return True  # `Item | Per server | Total (3 servers)`: the header says which column is the whole
        meant = sum(1 for r in rows[1:] if r and self.facts.host_label_meaning(r[0].text))  # "of which X"
        return meant >= max(2, len(rows) // 2)

    def counted_label(self, label: str) -> bool:
        """A label that is a count's own name (`Repositories`, `Users`), not a size's; a label only
        meaning the repositories (`Repositories on disk, all together`) may head their size."""
        f = self.catalogue.field_for_label(label)
        return f is not None and f.type is not FieldType.QUANTITY

    def label_value_table(self, rows: list[list[Text]], tab: _Tab, number: int) -> None:
        columns = _label_columns([c.text for c in rows[0]]) if len(rows[0]) >= 3 else None
        if columns is not None:
            self.label_columns_table(rows, columns, tab, number)
            return
        units = valueunits.header_units([c.text for c in rows[0]])  # `Metric | Value (GB)`
        start = 1 if units or all(norm(c.text) in GENERIC_HEADERS for c in rows[0]) else 0
        ctx = base = self.context(tab)
        env = ""
        mark = self.gather.mark()
        for i, r in enumerate(rows[start:], start + 1):
            if len(r) < 2:
                if r:
                    self.lines(r[0], tab, self.where(tab, number, i), allow_pending=False)
                continue
            values = [c for c in r[1:] if c.text]
            if not values:
                named = self.sections.part(r[0].text)
                if named:  # a full-width `PRD` / `Sandbox` row heads the rows below it
                    ctx, env = replace(self.context(tab), section=named), r[0].text
                continue
            if _labelled_cells(r):  # `Monodépôts : aucun | Monorepos: none`: each cell its own label
                for c in r:
                    self.lines(c, tab, self.where(tab, number, i), allow_pending=False, ctx=ctx)
                continue
            if len(r) == 2 and self.prose_cell(r[1]) and not _split_range(r[1].text, ctx.year):
                heads = (r[0].text,) if ctx is base else (env, r[0].text)
                content = as_list(self.cells[id(r[1])].get("content"))
                self.container([Cell(content, f"row {i}", heads, r[0].text)], tab, number, 0)
                continue
            link = next((c.links[0][1] for c in values if c.links), None)
            if len(values) == 1 and _split_range(values[0].text, ctx.year):  # one range over its lines
                self.emit(r[0].text, " ".join(values[0].text.split()), self.where(tab, number, i), ctx, link)
                continue
            if len(values) > 1 and self.value_and_note(r[0].text, values, ctx):
                values = values[:1]  # `Licensed users | 2,500 | Order form Q-77120`: a value and its source
            kept = {id(c) for c in values}
            counted = bool(units) and self.counted_label(r[0].text)  # `Repositories | 1,900`: no size
            said = [
                valueunits.with_unit(c.text, units.get(j), r[0].text, counted)
                for j, c in enumerate(r)
                if id(c) in kept
            ]
            with self.pool_row(rows, r[0].text):
                self.emit(r[0].text, " ".join(said), self.where(tab, number, i), ctx, link)
        self.gather.pair_node_counts(mark)

    @contextmanager
    def pool_row(self, rows: list[list[Text]], label: str) -> Iterator[None]:
        """While a label table's row is read: a row whose label names one pool of machines (`Node pool
        sg-main | 3 × n2-highmem-8`, `Search tier nodes | …`) is one of the table's sibling pools, so
        rows of different types are one fleet (`precedence._union_pools`), as a sectioned table's pool
        rows are."""
        if not (_POOL_LABEL.search(label) and label_meaning(label) == "instance_types"):
            yield
            return
        outer = self.gather.siblings
        self.gather.siblings = (id(rows), "pool rows")
        try:
            yield
        finally:
            self.gather.siblings = outer

    def label_columns_table(
        self,
        rows: list[list[Text]],
        columns: tuple[int, tuple[int, ...], tuple[int, ...]],
        tab: _Tab,
        number: int,
    ) -> None:
        """A label table whose header says which column holds the values (`Value`, `Now`, `Actual`,
        `At close`) and which hold notes (`Notes`, `Source`, `Evidence`): each row's label and its
        value cell; its notes are read as sentences about the row's label; a planned or target column
        (`Target`, `Baseline`) is no current value."""
        value, notes, limits = columns
        ctx = self.context(tab)
        limit_column = column_kind(_cell(rows[0], value)) == "limit"
        if limit_column:  # `Committed ceiling`: its figures are limits
            ctx = replace(ctx, limit=True)
        mark = self.gather.mark()
        for i, r in enumerate(rows[1:], 2):
            where = self.where(tab, number, i)
            if not any(c.text for c in r[1:]):
                named = self.sections.part(_cell(r, 0))
                if named:  # a full-width `PRD` / `Sandbox` row heads the rows below it
                    ctx = replace(self.context(tab), section=named)
                continue
            cell = r[value] if value < len(r) else Text()
            link = cell.links[0][1] if cell.links else None
            label = _cell(r, 0)
            about = replace(ctx, topic=label_meaning(label) or ctx.topic)
            # (a note saying a limit bounds a value of today, never a value column of limits itself:
            # `Agreed sizing | Notes` over `1,200 | licence has 1,000 seats` is two limits, not a usage)
            said = [] if limit_column else [t for j in notes if is_limit(t := _cell(r, j))]
            label = self.bounded(label, [cell.text], [_cell(r, j) for j in limits], said, where, ctx)
            if measured.noted_repositories(
                label, [_cell(r, j) for j in notes]
            ):  # `sz | 1.2T | du /data/repos`
                label = "Repository size"
            with self.pool_row(rows, label):
                self.emit(label, cell.text, where, ctx, link)
            # a note beside a value cell that dates its row's event remarks on it: its dates of that
            # field are another event's, no rivals (`fin | 25/9 | smoke ok; ga 1/10`), unless it opens on
            # the value's result
            only = self._other_than_dates(label, cell.text, ctx)
            for j in notes:
                if _cell(r, j) and _cell(r, j) not in said:
                    result = _RESULT_NOTE.match(_cell(r, j))  # `= 4.1T`: the value's own result
                    self.prose(_cell(r, j), where, about, only=None if result else only)
        self.gather.pair_node_counts(mark)

    def _other_than_dates(self, label: str, value: str, ctx: Context) -> frozenset[str] | None:
        """The fields a note beside a row's value may give: when the value dates the row's event, every
        field but that date; else all (None)."""
        f = self.catalogue.field_for_label(label)
        if not value or ((f.name if f is not None else label_meaning(label)) not in _DATE_FIELDS):
            return None
        given = {x.field for x in self.facts.labelled(label, value, ctx)[1]} & _DATE_FIELDS
        return frozenset(self.catalogue.fields).difference(given) if given else None

    def prose_cell(self, cell: Text) -> bool:
        """A cell of the table being read that holds prose (`read.cells`): a section, not a value."""
        raw = self.cells.get(id(cell))
        return raw is not None and holds_prose(raw, self.texts)

    def value_and_note(self, label: str, values: list[Text], ctx: Context) -> bool:
        """A row's first value cell fits its label and the cells together do not: the rest is a note."""
        whole = self.facts.labelled(label, " ".join(c.text for c in values), ctx)
        return not whole[0] and bool(self.facts.labelled(label, values[0].text, ctx)[0])

    def sectioned_table(
        self, rows: list[list[Text]], header: list[str], kinds: list[str], tab: _Tab, number: int
    ) -> None:
        base = self.context(tab)
        live = counterpart(header, kinds, self.sections.part)  # `Main instance` beside `QA instance`
        production = live is not None or any(
            kinds[j] == "section" and self.sections.part(h) == "production" for j, h in enumerate(header)
        )  # (beside non-production columns only, a note stays unread: it may be of the deployment)
        notes = [
            j
            for j, h in enumerate(header)
            if production and kinds[j] != "section" and j != live and _NOTE_HEADER.search(h)
        ]
        mark, sections = self.gather.mark(), set[str]()
        for i, r in enumerate(rows[1:], 2):
            if not r:
                continue
            label = r[0].text
            if any(not_limit(_cell(r, j)) for j in notes):  # `Peak | 187 | … | observed, not a limit`
                label = f"{label} (observed)"
            said = [t for j in notes if is_limit(t := _cell(r, j)) and not not_limit(t)]
            if said:  # `Users | ~2k | ~2.4k | licence cap 3k seats`: the note's cap is the limit
                shown = [
                    r[j].text
                    for j in range(1, min(len(r), len(header)))
                    if kinds[j] == "section" or j == live
                ]
                label = self.bounded(label, shown, [], said, self.where(tab, number, i), base)
            outer = self.gather.siblings  # `Search pool | … | 4 × n2-highmem-16`: one pool a row, one fleet
            pool = label_meaning(label) == "instance_types"
            self.gather.siblings = (id(rows), "pool rows") if pool else outer
            for j in range(1, min(len(r), len(header))):
                if (kinds[j] == "section" or j == live) and r[j].text:
                    link = r[j].links[0][1] if r[j].links else None
                    ctx = replace(base, section="production" if j == live else self.sections.part(header[j]))
                    sections.add(ctx.section)
                    said_of = fleetcount.place_counted(label, header[j])  # `eu-west-1a` under `LANTERN nodes`
                    self.emit(said_of, r[j].text, self.where(tab, number, i), ctx, link)
            self.gather.siblings = outer
            about = replace(base, topic=label_meaning(label) or base.topic)
            for j in notes:  # a note speaks of the row's thing, in the environments it names
                if _cell(r, j) and _cell(r, j) not in said:
                    self.prose(_cell(r, j), self.where(tab, number, i), about)
        for section in sorted(sections):  # each environment's `Nodes` row with its `VM size` row
            self.gather.pair_node_counts(mark, section)
