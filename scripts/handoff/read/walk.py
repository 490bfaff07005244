"""The TDD walk: tabs, headings, paragraphs, lists, the context of every piece of text (the entry
points are `read.tdd`). A table is read by `read.tables` (orientation, column roles, which kind of
table), `read.headertables` (a header row naming fields) and `read.rowtables` (label-value,
activity, prose-row and dated-log tables); a line's label and value is `read.pairs`; which lines of
code or a listing give no amount is `read.codelines`; one piece of text's facts are `read.facts`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from handoff.core.fields import Catalogue, Field, norm
from handoff.core.model import Location, TddValue
from handoff.read import (
    abbrev,
    clippedlabels,
    connection,
    dayzero,
    dittos,
    leadins,
    limits,
    livingparts,
    lowermonths,
    marks,
    notecount,
    notes,
    owntypes,
    paralist,
    pastnow,
    relative,
    replaced,
    resizedto,
    runbook,
    shapes,
    sidebyside,
    threads,
    titletool,
    volumelist,
    worksheet,
)
from handoff.read.adminpage import admin_page
from handoff.read.alerttables import alert_table, alerts_out
from handoff.read.callouts import is_callout
from handoff.read.cells import Cell, container, first_value, not_done, status_words
from handoff.read.chatlog import as_messages
from handoff.read.codelines import _CODE_KEY, _SkipLines
from handoff.read.codescope import is_code, line_sections
from handoff.read.connection import without_hosts
from handoff.read.dashpairs import dash_pair
from handoff.read.disowned import disowns
from handoff.read.doctext import (
    MAX_DEPTH,
    Text,
    Texts,
    as_dict,
    as_list,
    as_str,
    cell_text,
    content_styles,
    document_text,
    footnotes,
    iter_tabs,
    structural,
)
from handoff.read.envcaption import env_caption
from handoff.read.envlabels import field_title, only_environment
from handoff.read.examples import unexampled
from handoff.read.fact import Context
from handoff.read.facts import FactReader
from handoff.read.fleetsentences import one_fleet
from handoff.read.found import Found
from handoff.read.gaps import gap_parts
from handoff.read.gather import Gatherer, TddReading
from handoff.read.guidance import unfilled
from handoff.read.headertables import HeaderTableReading
from handoff.read.hostrun import continued_hosts
from handoff.read.labelwords import label_meaning
from handoff.read.languages import gloss_for, languages_of
from handoff.read.legends import row_lines
from handoff.read.limitwords import is_correction, is_limit
from handoff.read.namecaption import name_caption
from handoff.read.notation import notation
from handoff.read.options import option_titles
from handoff.read.orient import transpose
from handoff.read.ownwords import in_own_words
from handoff.read.pairs import _labelled_lines, _pair
from handoff.read.parts import continued
from handoff.read.pasted import unpaste
from handoff.read.planreport import plan_title, reports_done
from handoff.read.pointers import Answers
from handoff.read.premises import may_name, names_premises
from handoff.read.questionlabel import asked_label, needs_question
from handoff.read.resourcecount import counted
from handoff.read.rowtables import RowTableReading
from handoff.read.runin import runin_pair
from handoff.read.sharedwhole import whole_title
from handoff.read.speakernotes import corrected_notes
from handoff.read.stops import ends_sentence
from handoff.read.tables import TableReading
from handoff.read.tabstate import _Pending, _Tab
from handoff.read.tfdefaults import assigned, overridden
from handoff.read.topics import heading_topic
from handoff.read.turns import answering, as_turns, asking
from handoff.read.valuefirst import value_first
from handoff.read.withdrawn import withdraws_before

HEADING_LEVELS = {f"HEADING_{n}": n for n in range(1, 7)}
# a lead-in naming what its list splits a code host into ("…, split across organisations:")
_HOST_PARTS = re.compile(
    r"\b(?:organi[sz]ations|orgs|groups|workspaces|namespaces|projects)\b", re.IGNORECASE
)
PSEUDO_HEADING = 7  # a short, all-bold paragraph that people use as a heading
_SHORT_XL = re.compile(r"\.\d*xl\b", re.IGNORECASE)  # a type written short (`m6i.4xl`): `shapes.SHORT_TYPES`
_SEPARATORS = re.compile(r"\s+[·|•]\s+")
_NEXT_LABEL = re.compile(  # (a run-in item's number before its label: "… 41 GB. 3.3 Total size: …")
    r"(?<=[.;])\s+(?=(?:\d{1,2}(?:\.\d{1,2})+\.?\s+)?"
    # (its words may hold a hyphen, and an address counts as one letter: "Self-managed GitLab at
    # git.acme.example (the research group's): 450")
    r"(?P<first>[A-Za-z])(?:[\w-]+(?:\.[\w-]+)+|[\w ]|-(?=\w)){0,40}(?:\([\w ,/'’.-]{1,30}\))?:\s)"
)
_QUOTED = re.compile(r"\s*>")
# a status marker saying not done, dropped or blocked (a red circle, a cross, a no-entry sign)
_NOT_DONE = re.compile("[\U0001f534\u274c\U0001f6ab\u26d4\u2716\u2717\u274e]")
# a label that only marks the answer to the question above it (`A:`, `Answer:`, `A (Ashgrove):`)
_ANSWER_MARK = re.compile(
    r"^(?:A|Ans\.?|Answer|Response|Reply)(?:\s*\([^()]{1,40}\))?\s*:\s+(?=\S)", re.IGNORECASE
)
_COMMENTED = re.compile(r"^\s*#+\s*[A-Za-z_][\w.-]*\s*[:=]\s*\S")  # `# storageSize: 2Ti`
_COMMENT = re.compile(r"\s+#\s")


def _uncommented(line: str) -> str:
    """A code line without a trailing comment that counts people (`- components/sizes/s  # preset for
    up to ~1,000 users`): what a setting is good for, in the file, is no limit anyone agreed."""
    parts = _COMMENT.split(line, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and any(limits.person_counts(parts[1])):
        return parts[0]
    return line


_SPACES = re.compile(r"\s+")
_BLANKS = re.compile(r"[ \t\u00a0]+")  # a line's runs of spaces, tabs and no-break spaces


def _unnested(tab: _Tab, level: int, asks: bool) -> None:
    """The items a list item at `level` ends; a form's question (`asks`, `read.turns`) ends the bold
    title before it too (a question then)."""
    while tab.bullets and tab.bullets[-1][0] >= level:
        tab.bullets.pop()
    while asks and len(tab.headings) > tab.fixed and tab.headings[-1][0] == PSEUDO_HEADING:
        tab.headings.pop()


class _Parser(TableReading, RowTableReading, HeaderTableReading):
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.facts = FactReader(catalogue)
        self.name_captions: set[str] = set()  # the titles of lines read as captions by their name
        self.sections = self.facts.env  # one environment reader: it learns the document's names once
        words = catalogue.tdd
        self.count_words = frozenset(norm(w) for w in words.count_words)
        self.total_words = frozenset(norm(w) for w in words.total_words)
        self.env_words = frozenset(norm(w) for w in words.environment_words)
        self.not_done = status_words(words.not_done_words)
        self.gather = Gatherer(self.facts)
        self.texts = Texts()  # each paragraph's text, worked out once
        self.threads: set[int] = set()  # ids of the paragraphs in accepted comment threads
        self.keyed: set[int] = set()  # ids of the paragraphs keying a table's marks (`read.marks`)
        self.answers = Answers()  # the answers under numbered titles, for "Same as 2.1" (`read.pointers`)
        self.contexts: dict[tuple[object, ...], Context] = {}  # by place: tab, headings, parent bullets
        self.shown: dict[str, str] = {}  # a heading in the reader's words -> in the document's
        self.year = ""  # the one year of the document's full dates: the year of a date written without one
        self.assigned: frozenset[str] = frozenset()  # the Terraform variables the document sets
        self.cells: dict[int, dict[str, Any]] = {}  # the table being read: a cell's text (by id) → the cell
        self.across = False  # the table being read was turned (`read.orient`): its rows are columns
        self.tenant_row = False  # the table being read is a tenants' table cut to Sourcegraph's row
        self.answered_no: set[int] = set()  # the header table being read: its rows (by id) answering
        # no under a column asking whether the row's host is connected (`Indexed?` … `No`)

    # -- places ------------------------------------------------------------------------------
    def location(self, tab: _Tab, tail: str, placed: bool = True) -> Location:
        """`placed`: the tail is within the container cell's place (a table's own number is not)."""
        parts: list[str] = []
        if tab.titles and tab.show_tab:
            parts.append(f'tab "{tab.titles[-1]}"')
        parts.extend(_short(self.shown.get(h, h)) for _, h in tab.headings)
        parts.append(f"{tab.place}, {tail}" if tab.place and placed else tail)
        ref = "TDD " + " › ".join(parts)
        self.gather.paths[ref] = (*tab.titles, *tab.headings)
        if any(names_premises(h) for _, h in tab.headings[-1:]) or any(
            may_name(b) and names_premises(_bullet_title(b)) for _, b in tab.bullets
        ):
            self.gather.premises.add(ref)  # under `Assumptions`: its figures are premises (`read.premises`)
        if tab.title:
            self.gather.heads[ref] = tab.title
        return Location("tdd", ref)

    def context(self, tab: _Tab, section: str | None = None) -> Context:
        """The environment, limits flag and topic in force: tab titles, headings, then parent bullets
        (worked out once per place: every paragraph, list item and table under it asks)."""
        key = (
            tab.titles, tab.title, tuple(tab.headings), tuple(tab.bullets), section, tab.heads, tab.forced,
            _disowned(tab),
        )  # fmt: skip
        ctx = self.contexts.get(key)
        if ctx is None:
            ctx = self.contexts[key] = self._context(tab, section)
        return ctx

    def _context(self, tab: _Tab, section: str | None) -> Context:
        found, limit, topic = "", False, None
        found = self.sections.named(tab.title)  # a document title may name what it replaces: not a part
        status = False  # a title that is only a status of things not done (`Backlog`, `Won't do`)
        for text in (*tab.titles, *(h for _, h in tab.headings), *(_bullet_title(b) for _, b in tab.bullets)):
            found = self.sections.part(text) or found
            status = status or not_done(text, self.not_done)  # (and "launchpad (not ours)" over `lp-prod-…`:)
            status = status or whole_title(text)  # a title saying its part is not ours holds below it
        found = tab.forced or ("trial" if status or _disowned(tab) else found)
        observed = False
        for text in (*tab.heads, *(h for _, h in tab.headings[-1:]), *(b for _, b in tab.bullets)):
            limit = limit or is_limit(text)
            observed = observed or admin_page(text)  # "Site admin (pasted 14 Aug)": today's counts
        last = (
            *tab.titles[-1:],
            *tab.heads,
            *(h for _, h in tab.headings[-1:]),
            *(b for _, b in tab.bullets[-1:]),
        )
        for text in last:
            topic = heading_topic(text) or topic  # ("Storage and private endpoints": the disk)
        year, dated = "", False
        for text in (*tab.titles, tab.title, *(h for _, h in tab.headings), *(b for _, b in tab.bullets)):
            year = shapes.year_of(text) or year
            dated = dated or bool(shapes.YEAR.search(text))
        year = year if dated else self.year  # "Plan 2026–2027" names two years: no year
        days = [m.value for _, h in tab.headings[-1:] for m in shapes.dates(h, year)]
        day = days[0] if len(days) == 1 else ""  # "Friday, August 21st", "Huddle — wk 37 (Mon 7 Sep)"
        # a parent bullet's or a short title's ("SRCH-50 Bitbucket Data Center connection") one host
        parent = tab.bullets[-1][1] if tab.bullets else (tab.headings[-1][1] if tab.headings else "")
        named = self.facts.code_hosts.find(parent) if len(parent.split()) <= 6 else []
        host = (
            named[0].value if len(named) == 1 else ""
        )  # "GitHub Enterprise Server" over "1,800 repositories"
        code = parent.rstrip().endswith("?") and self.facts.speaks_of_code(parent)  # its answers' hosts count
        return Context(
            found if section is None else section,
            limit,
            topic,
            year,
            host,
            day=day,
            about_code=code,
            observed=observed and not limit,
        )

    def emit(
        self,
        label: str,
        text: str,
        location: Location,
        ctx: Context,
        link: str | None = None,
        matched: Field | None = None,
    ) -> None:
        """A labelled value and the facts in it; `matched` (a header table's column) marks it derived."""
        label = _SPACES.sub(" ", label).strip().rstrip(":：").strip()
        value = "\n".join(_BLANKS.sub(" ", line).strip() for line in text.strip().split("\n"))
        value = value.strip()
        if not label or not value:
            return
        block = self.gather.block(f"{label}: {value}", location, ctx.section)
        if matched is not None:
            reading = self.facts.fit(matched.name, value, aliased=True, year=ctx.year)
            self.gather.add(block, TddValue(label, value, location, matched.name, ctx.section, link, True,
                                            reading or "", "table column"))  # fmt: skip
            return
        name, facts = self.facts.labelled(label, value, ctx)
        if self.volume_parts and name == "total_disk_gb" and not self.is_total(label):
            # one volume's row of a table whose disk was read whole (`read_table`): a label naming a
            # kind of disk (`indexed-search (pd-ssd) | 600`) makes it no disk of its own, a part
            facts = [f for f in facts if f.field != name or not f.how.startswith("label")]
            name = None
        aliased = self.catalogue.field_for_label(label)
        if aliased is not None and name == aliased.name and not any(f.field == name for f in facts):
            self.gather.add(block, TddValue(label, value, location, name, ctx.section, link, how="label"))
        elif name is None and not facts:
            self.gather.add(block, TddValue(label, value, location, None, ctx.section, link))
        for f in facts:
            self.gather.fact(block, label, f, location, link if f.field == "instance_url" else None)

    def prose(
        self,
        text: str,
        location: Location,
        ctx: Context,
        only: frozenset[str] | None = None,
        off: frozenset[str] = frozenset(),
    ) -> None:
        """Facts in a sentence or paragraph; `only` those fields (a table row's note speaks of its row);
        none of the code hosts `off` (its row says they are not connected) nor their counts."""
        block = self.gather.block(text, location, ctx.section, ctx.host)
        items = [m.span() for m in _ITEM_LINE.finditer(text)]  # "• user pool: 3 × …" lines of one cell
        if len(items) < 2 and "\n" in text:  # "Node pool search: 4 × …" / "Node pool general: 2 × …" lines
            items = _labelled_lines(text)
        outer = self.gather.siblings
        facts = self.facts.prose(text, ctx)
        for f in without_hosts(facts, off) if off else facts:
            if only is None or f.field in only:
                if len(items) > 1 and any(a <= f.start < b for a, b in items):
                    self.gather.siblings = (block, "item lines")  # one node pool per item line
                self.gather.fact(block, "", f, location)
                self.gather.siblings = outer

    # -- document ----------------------------------------------------------------------------
    def document(self, doc: dict[str, Any]) -> TddReading:
        text = document_text(doc, self.texts)
        written_in = languages_of(text)  # German, French, …: its words read as the reader's English ones
        as_written = (text, row_lines(doc, self.texts)) if written_in else ("", [])
        if written_in:
            self.texts.gloss(gloss_for(written_in).gloss)
            text = document_text(doc, self.texts)
        zero = dayzero.learn(text)  # `D0 = Monday 13 July 2026`: each `D+11` read as the day it is
        if zero is not None:
            self.texts.gloss(zero.gloss)
            text = document_text(doc, self.texts)
        habit = notation(text)  # `4'180`, `2 816 GiB`, `1.800`, `2,4 TB` read as the document means them
        months = lowermonths.writes_lower(text)  # `may 4 → may 15` in a note writing `apr 27`: months
        if not habit.plain or months:
            if months:
                self.texts.rewrite(
                    (lambda t: lowermonths.capitalised(habit.rewrite(t)))
                    if not habit.plain
                    else lowermonths.capitalised
                )
            else:
                self.texts.rewrite(habit.rewrite)
            text = document_text(doc, self.texts)
            self.gather.ambiguous = habit.ambiguous
        lines = row_lines(
            doc, self.texts
        )  # names learnt from the words as written too ("OTAP: … Acceptatie")
        self.sections.learn(f"{as_written[0]}\n{text}" if written_in else text, [*as_written[1], *lines])
        self.sections.living = livingparts.living(livingparts.titles(doc))  # its stale copy and its now
        self.sections.manual = runbook.operating_manual(doc)  # a runbook's "Current state" is production
        if abbrev.expand(doc, text, lines, self.texts, self.sections.named):  # `P | BBDC` as its key says
            text = document_text(doc, self.texts)
        if clippedlabels.expand(doc, self.texts, self.sections.named):  # `dsk | … = 4.1T` as disk
            text = document_text(doc, self.texts)
        self.year = shapes.document_year(text)
        self.assigned = assigned(text)  # the variables it sets: their defaults overridden
        self.facts.code_hosts.learn_case(text)  # "ghes conn …": then "p4" is Perforce's name too
        order = shapes.NUMERIC_ORDER.set(shapes.numeric_order(text))  # its 03/07/2026 read its way
        # its `4 × g2i.16 (16 vCPU …)` read as machines, and the types of a `Server type` column
        own = shapes.OWN_TYPES.set(owntypes.learn(text) | owntypes.learn_columns(lines))
        short = shapes.SHORT_TYPES.set(
            self._short_types() if _SHORT_XL.search(text) else frozenset()
        )  # `m6i.4xl`
        old = replaced.NAMES.set(replaced.learn(text, self.sections))  # "Hound replacement": Hound's clauses
        resized = resizedto.TARGETS.set(resizedto.learn(text))  # "resized it to …": the first machine is old
        try:
            tabs = list(iter_tabs(as_list(doc.get("tabs")), ()))
            holders = [(titles, as_dict(as_dict(tab).get("documentTab"))) for titles, tab in tabs]
            for titles, holder in holders or [((), doc)]:  # (a document with no tabs: its legacy body)
                content, lifted = notes.lift(as_list(as_dict(holder.get("body")).get("content")))
                self.body(content, _Tab(titles, show_tab=len(tabs) > 1, notes=footnotes(holder) or lifted))
            reading = self.gather.finish()
            if written_in:  # each value quoted in the document's own words
                reading = replace(reading, values=in_own_words(reading.values, self.texts.glossed()))
            return reading
        finally:
            shapes.NUMERIC_ORDER.reset(order)
            shapes.OWN_TYPES.reset(own)
            shapes.SHORT_TYPES.reset(short)
            replaced.NAMES.reset(old)
            resizedto.TARGETS.reset(resized)

    def _short_types(self) -> frozenset[str]:
        """The catalogue's AWS `xlarge` types as notes write them short (`m6i.4xl`)."""
        return shapes.abbreviated_types(tuple(spec.type for spec in self.catalogue.instance_types.values()))

    def body(self, content: list[Any], tab: _Tab, depth: int = 0) -> None:
        """A tab's content, or a container cell's (`depth` > 0: nested tables one level deeper)."""
        content = unpaste(content, self.sections.part)  # pasted markdown, code and diffs as they are
        content = as_messages(content)  # a chat's lines: each stamp a heading over its message
        content = unexampled(  # an example set apart, or another environment's output
            content, lambda p: self.texts.paragraph(p).text, lambda t: self.sections.named(t) == "trial"
        )
        accepted = threads.accepted_paragraphs(content, lambda p: self.texts.paragraph(p).text)
        if depth == 0:
            content = as_turns(content, self.no_speaker)  # a transcript: questions head their answers
        self.threads.update(id(as_dict(content[i]).get("paragraph")) for i in accepted)  # (turns keep places)
        title_at = _title_heading(content) if depth == 0 else -1
        for i, se in enumerate(content):
            se = as_dict(se)
            if i == title_at:
                self.flush(tab)
                tab.title = self.texts.paragraph(as_dict(se["paragraph"])).text.strip()
            elif "paragraph" in se:
                self.paragraph(as_dict(se["paragraph"]), tab)
            elif "table" in se:
                self.flush(tab)
                tab.bullets.clear()
                tab.breaks += 1
                self.captioned_table(content, i, tab, depth)  # (not one marked as an old copy)
            # sectionBreak, tableOfContents (a copy of the headings): nothing to read

        self.flush(tab)

    def dash_label(self, text: str) -> bool:
        """Whether the words before a dash are a label: a field's, or an environment's name alone."""
        return self.is_label(text) or only_environment(text, self.sections.named)

    def names_field(self, text: str) -> bool:
        """Whether a label or title names a field (a catalogue label, or a label's meaning)."""
        return self.catalogue.field_for_label(text) is not None or label_meaning(text) is not None

    def no_speaker(self, tag: str) -> bool:
        """A line's tag that is no transcript's speaker: a field's label, or an environment's name
        (`Prod: 5 × m6i.4xlarge` beside `Dev: …` lines is a value per environment, no turn)."""
        return self.is_label(tag) or bool(self.sections.named(tag))

    def flush(self, tab: _Tab) -> None:
        p = tab.pending
        tab.pending = None
        total = volumelist.lines_total("\n".join(p.items)) if p and p.items and p.lead_in else None
        if p and p.items and ((p.lead_in and total is None) or self.own_facts(p)):
            for item in p.items:  # no list of volumes after all: its lines read as they are
                self.lines(Text(item), tab, p.location, allow_pending=False, ctx=p.context)
        elif p and p.items:  # (a list of volumes: their sum, `read.volumelist`)
            self.emit(p.label, total or "\n".join(p.items), p.location, p.context)

    def own_facts(self, p: _Pending) -> bool:
        """Whether a `Label:` line's list is no value of that label's field but facts of their own,
        each item labelled with another field ("Repository facts at sign-off:" over "Monorepos: 2",
        "Largest repository: 6.2 GB"): two such items, or every item."""
        other = 0
        for item in p.items:
            pair = _pair(item)
            f = self.catalogue.field_for_label(pair[0]) if pair else None
            name = f.name if f is not None else label_meaning(pair[0]) if pair else None
            other += name is not None and name != p.target.name
        return other >= min(2, len(p.items))

    def paragraph(self, paragraph: dict[str, Any], tab: _Tab) -> None:
        style = as_str(as_dict(paragraph.get("paragraphStyle")).get("namedStyleType"))
        content = self.texts.paragraph(paragraph)
        text = content.text.strip()
        if not text:
            return
        self.show_as_written(content, text)
        if style in HEADING_LEVELS:
            self.flush(tab)
            self.heading(tab, HEADING_LEVELS[style], text)
            return
        if style in ("TITLE", "SUBTITLE"):
            self.flush(tab)
            return
        tab.paragraphs += 1
        bullet = as_dict(paragraph.get("bullet"))
        is_item = bool(bullet) or "bullet" in paragraph
        level = bullet.get("nestingLevel", 0) if isinstance(bullet.get("nestingLevel", 0), int) else 0
        if is_item:
            _unnested(tab, level, asking(bullet))
        else:
            tab.bullets.clear()
            tab.breaks += 1
        if self.pended(tab, text, level if is_item else None):
            return
        if not is_item and self.titled(tab, content, text):
            return
        self.gather.siblings = self.siblings(tab, text, is_item, self.sections.other)
        self.disown(tab, text, is_item)  # "Nothing below describes the production instance."
        ctx = self.anchored(tab, text, self.context(tab))
        if ctx.section == "trial" and self.reported(tab, text):  # a roadmap's notes: "Phase 1 happened …"
            ctx = replace(ctx, section="")
        if _QUOTED.match(text):  # an older message quoted in an e-mail thread: not the current state
            ctx = replace(ctx, section="trial")
        where = self.location(tab, f"paragraph {tab.paragraphs}")
        heading = tab.headings[-1][1] if tab.headings else ""
        title = "" if is_item else self.answers.title(text, heading)
        self.answer(content, tab, where, ctx, title, correcting=id(paragraph) in self.threads,
                    keyed=id(paragraph) in self.keyed, nested=level > 0 and answering(bullet))  # fmt: skip
        self.gather.siblings = None
        if content.notes:
            self.footnotes(content, tab, ctx)
        if is_item:
            if tab.pending is not None and not tab.pending.items:
                tab.pending.level = level
            tab.bullets.append((level, text))

    def reported(self, tab: _Tab, text: str) -> bool:
        """Whether a paragraph under a plan's title reports the production build done (`read.planreport`):
        every title putting its part out of production names a plan of phases and no environment."""
        if tab.forced or not reports_done(text):
            return False
        titles = (*tab.titles, *(h for _, h in tab.headings), *(_bullet_title(b) for _, b in tab.bullets))
        out = [t for t in titles if self.sections.part(t) == "trial"]
        return bool(out) and all(plan_title(t) and not self.sections.named(t) for t in out)

    def disown(self, tab: _Tab, text: str, is_item: bool) -> None:
        """A paragraph saying its part does not describe production puts the rest of the part (under
        the headings in force) out of production (`read.disowned`)."""
        if not is_item and disowns(text, self.sections.production):
            tab.disowned = tuple(tab.headings)

    @staticmethod
    def anchored(tab: _Tab, text: str, ctx: Context) -> Context:
        """A paragraph's or list item's context with the day a relative date opening it counts from:
        the last told under its heading (`read.relative`: "two days later — GitHub App installed",
        "On the following Monday we …"; one later in a paragraph counts from the paragraph's own)."""
        head = text[:40]
        if relative.may_lead(head) and relative.LEAD.search(head):
            tab.anchor, tab.since = relative.anchor_after(tab.anchor, tab.since), []
            ctx = replace(ctx, anchor=tab.anchor) if tab.anchor else ctx
        tab.since.append((text, ctx.year))
        return ctx

    def asked(self, tab: _Tab, text: str, where: Location, ctx: Context) -> bool:
        """Whether a nested item answers the question its parent item asks with a bare figure or date or
        a value not set (`read.questionlabel`): then read as the question's field, labelled by it."""
        asked = asked_label(tab.bullets[-1][1]) if tab.bullets else ""
        if asked and needs_question(text) and self.names_field(asked):
            self.emit(asked, text, where, ctx)
            return True
        return False

    def answer(
        self,
        content: Text,
        tab: _Tab,
        where: Location,
        ctx: Context,
        title: str,
        correcting: bool = False,
        keyed: bool = False,
        nested: bool = False,
    ) -> None:
        """A paragraph's lines; one under a numbered title that points back at an earlier answer ("Same
        as 2.1, except …") is that answer, read again here (`read.pointers`); the key to a mark in the
        table above (`keyed`, `read.marks`) a note about the mark's row."""
        text = content.text.strip()
        if keyed:
            self.prose(text, where, ctx, only=marks.FIELDS)
            return
        if nested and self.asked(tab, text, where, ctx):  # `Max. repositories?` → `3,000, as agreed`
            return
        pointed = self.answers.resolve(text, title) if title else None
        if pointed is not None:
            self.prose(pointed, where, ctx)
        else:
            self.lines(content, tab, where, allow_pending=True, ctx=ctx, correcting=correcting)
        if title and title != text:
            self.answers.record(title, pointed or text)

    def footnotes(self, content: Text, tab: _Tab, ctx: Context) -> None:
        """Each footnote the paragraph marks, read at its mark as the detail of the sentence the mark
        ends (`read.notes`): in the environment in force at the mark, and not the deployment's when
        that sentence sets what it names aside ("… is not connected¹")."""
        for at, key in content.notes:
            note = tab.notes.pop(key, None)
            if note is None:
                continue
            tab.noted += 1
            sentence, pos = notes.sentence_at(content.text, at)
            aside = connection.unconnected(sentence, self.facts.code_hosts.find(sentence))
            section = "trial" if aside else self.facts.env_at(sentence, pos, ctx)
            noted = replace(ctx, section=section) if section else ctx
            where = self.location(tab, f"footnote {tab.noted}")
            for se in structural(note, 0):
                text = self.texts.paragraph(as_dict(se["paragraph"]))
                counted = notecount.with_count(sentence, text.text)  # "3 worker nodes¹" ¹ "m6i.4xlarge, …"
                if counted is not None:
                    self.prose(counted, where, noted)
                elif text.text.strip():
                    self.lines(text, tab, where, allow_pending=False, ctx=noted)

    def titled(self, tab: _Tab, content: Text, text: str) -> bool:
        """Whether a paragraph is a title over what follows: short and all bold, or a line saying
        which environment follows (`Environment: Dev`, `read/envcaption.py`)."""
        if content.bold and len(text) <= 80 and ":" not in text and "\n" not in text and not is_callout(text):
            self.heading(tab, PSEUDO_HEADING, text)
            return True
        caption = env_caption(_pair(text), self.catalogue, self.sections.named) if ":" in text else None
        if caption is None and ":" in text and "\n" not in text:  # "old: oke-sg-old (OCI)"
            last = tab.headings[-1] if tab.headings else None
            sibling = last is not None and last[0] == PSEUDO_HEADING - 1 and last[1] in self.name_captions
            caption = name_caption(_pair(text), self.sections.part, sibling, self._names_a_value)
            if caption:
                self.name_captions.add(_SPACES.sub(" ", caption))
        if caption:  # over the table or lines of that environment: below a real heading, above a bold one
            self.heading(tab, PSEUDO_HEADING - 1, caption)
        return bool(caption)

    def _names_a_value(self, text: str) -> bool:
        """Whether a text is, as a whole, the name of a deployment method, a cloud or a code host (the
        catalogue's words): `docker-compose`, `Perforce`, not `cs-aks-b`, a name holding one."""
        text = text.strip()
        f = self.facts
        return any(
            found.start == 0 and found.end == len(text)
            for vocab in (f.deployment, f.hosting, f.code_hosts)
            for found in vocab.find(text)
        )

    def pended(self, tab: _Tab, text: str, level: int | None) -> bool:
        """Whether a paragraph (a list item at `level`, or None) is an item of the pending label's list;
        anything else ends that list. A sibling of an item label is no item of its list."""
        p = tab.pending
        if p is None:
            return False
        if level is not None and level > p.level:
            if not _NOT_DONE.search(text):  # "🔴 Perforce: not connecting" is none of the list's value
                p.items.append(text)
            return True
        if level is None and p.level < 0 and (p.plain or not p.items) and paralist.entry(text):
            p.items.append(text)  # `gitserver   3 × 500 GB` under a `Persistent volumes:` paragraph
            p.plain = True  # (its list, one entry a paragraph)
            return True
        self.flush(tab)
        return False

    @staticmethod
    def siblings(tab: _Tab, text: str, is_item: bool, other: re.Pattern[str]) -> tuple[object, ...] | None:
        """The run a paragraph's node pools belong to: the items of one list run, or the one-line
        `Label: value` paragraphs of one section ("Application node group: 4 × m6i.4xlarge",
        "Indexing node group: 1 × r6i.2xlarge"), or the sentences of one paragraph telling of nothing
        else (`read/fleetsentences.py`, `other`: words of other systems): pools of different types
        there are one fleet."""
        if is_item:
            return (id(tab), tab.breaks, *tab.bullets)
        if "\n" not in text and _pair(text) is not None:
            return (id(tab), "labelled lines", tab.tables, *tab.headings)
        if one_fleet(text, other):  # "The web tier runs on 3 × m6i.4xlarge. Search runs on 2 × r6i.4xlarge."
            return (id(tab), "sentences", tab.paragraphs)
        return None

    def show_as_written(self, content: Text, text: str) -> None:
        """A text read in the reader's words (another language) is named in a place as written."""
        if content.shown:
            self.shown[re.sub(r"\s+", " ", text)] = re.sub(r"\s+", " ", content.shown.strip())

    def heading(self, tab: _Tab, level: int, text: str) -> None:
        tab.bullets.clear()
        tab.anchor, tab.since = "", []  # (a relative date counts from a day under its own heading)
        tab.breaks += 1
        while len(tab.headings) > tab.fixed and tab.headings[-1][0] >= level:
            tab.headings.pop()
        tab.headings.append((level, _SPACES.sub(" ", text)))
        if self.facts.deployment.find(text):  # (a tool only a heading names: `read.titletool`)
            where = self.location(tab, "heading")
            titletool.record(self.gather.titles, text, self.context(tab).section, where)

    def lines(
        self,
        content: Text,
        tab: _Tab,
        location: Location,
        *,
        allow_pending: bool,
        ctx: Context | None = None,
        correcting: bool = False,
    ) -> None:
        """`Label: value` pairs of a paragraph or cell, per line and per separated part; the rest is prose
        (`correcting`: the paragraph corrects earlier figures, as an accepted comment thread does)."""
        ctx = self.context(tab) if ctx is None else ctx
        offset = 0
        mark = self.gather.mark()
        noted = corrected_notes(content.text)  # "Speaker notes: the slide still says 3 nodes; we went with 4"
        content = content if noted is None else replace(content, text=noted)  # (its 3 nodes: the old side)
        self.gather.correcting = correcting or noted is not None or is_correction(content.text)  # "withdrawn"
        skip = _SkipLines(self.catalogue, self.sections.part)
        texts = content.text.split("\n")
        coded = is_code(texts)
        scopes, texts, defaults = self.code_lines(texts) if coded else ([], texts, set())
        outer = self.gather.siblings
        if scopes:  # the node pools of one configuration block are one fleet
            self.gather.siblings = (id(tab), "code block", location.ref)
        for k, line in enumerate(texts):
            start = offset
            offset += len(line) + 1
            kept = alerts_out(line)  # "PAGE when /data is above 80% (2 TB of 2.5 TB)": a threshold, no size
            if skip(line) or _COMMENTED.match(line) or k in defaults or (line and not kept):
                continue  # (`# storageSize: 2Ti`: a setting commented out)
            line = kept
            parts = _parts(line)
            line_ctx = _line_context(line, ctx, scopes[k] if scopes else "")
            pos = start
            loose: list[str] = []  # unlabelled parts side by side ("6 nodes · c6i.8xlarge") read as one
            parts = _listed(parts, line, self.facts.code_hosts.find)
            for i, part in enumerate(parts):
                part_at = content.text.find(part, pos)
                pos = part_at + len(part) if part_at >= 0 else pos
                said = _ANSWER_MARK.sub("", part.strip(), count=1)  # `A: None.` under a question: the answer
                pair = unfilled(_pair(said)) or dash_pair(part, self.dash_label)  # `Repo count — 2,494` too
                pair = pair or runin_pair(said, self.is_label)  # `4.6 Repositories. 1,740 once …` too
                if pair is None:
                    loose.append(_uncommented(said) if coded else said)
                    if (
                        allow_pending
                        and len(parts) == 1
                        and (
                            volumelist.lead_in(part, closed=True)
                            or (part.rstrip().endswith(":") and _HOST_PARTS.search(part))
                        )
                    ):
                        self.heads_list(
                            tab, part.strip().rstrip(":"), location, line_ctx
                        )  # "… volumes were …:", "… on GitHub Enterprise Cloud, split across organisations:"
                    continue
                prose_at = self.gather.mark()
                prosed = ", ".join(loose)
                if loose:
                    self.prose(prosed, location, line_ctx)
                    loose = []
                label, value = pair
                label = leadins.without_number(label).lstrip()  # "3.1 Monorepos: 2": the item's number
                if _CODE_KEY.fullmatch(label):  # `externalURL: https://… # sandbox uses …`: a comment
                    value = _code_value(value, coded)
                label, line_ctx = self.env_label(tab, label, value, line_ctx, first=i == 0)
                value_at = (part_at if part_at >= 0 else start) + part.find(value) if value else -1
                if value:
                    pair_at = self.gather.mark()
                    self.emit(label, value, location, line_ctx, content.link_after(max(value_at, 0)))
                    self._past_before_now(prosed, prose_at, pair_at, label)
                elif allow_pending and len(parts) == 1:
                    self.heads_list(tab, label, location, line_ctx)
            if loose:
                self.prose(", ".join(loose), location, line_ctx)
        self.gather.correcting = False
        self.gather.siblings = outer
        self.pair_counts(mark, scopes)

    def _past_before_now(self, prose: str, prose_at: int, pair_at: int, label: str) -> None:
        """The figures the prose before a label of the present told in the past ("At go-live each claim
        was 500 GB …. Total now: 2,800 GB") are history (`read.pastnow.past_before_now`)."""
        if pair_at > prose_at:
            values = self.gather.values
            self.gather.history(
                pastnow.past_before_now(prose, values[prose_at:pair_at], label, values[pair_at:])
            )

    def code_lines(self, texts: list[str]) -> tuple[list[str], list[str], set[int]]:
        """A code block's lines: the environment of each (`read/codescope.py`), the lines with a machine
        resource's `count` written into its size (`read/resourcecount.py`), and the indices of the
        defaults of variables the document sets elsewhere (`read/tfdefaults.py`), not read."""
        scopes = line_sections(texts, self.sections.part, self.env_words)
        texts = counted(texts)
        return scopes, texts, overridden(texts, self.assigned)

    def pair_counts(self, mark: int, scopes: list[str]) -> None:
        """`node_count = 3` and `node_size = …` on lines of one paragraph: one pool; in a paste of
        several environments' files, each environment's among its own."""
        places: list[str | None] = [None]
        if len(set(scopes)) > 1:
            places = [*sorted({v.section for v in self.gather.values[mark:]})] or places
        for place in places:
            self.gather.pair_node_counts(mark, place)

    def env_label(self, tab: _Tab, label: str, value: str, ctx: Context, first: bool) -> tuple[str, Context]:
        """A line's leading label naming an environment sets the line's ("Pilot: …"); naming no field,
        its value is read under the title naming one (`Prod: 2,859` under `Repo count`: envlabels.py)."""
        named = self.sections.label_part(label)
        if not named:
            return label, ctx
        if first and ctx.section != "trial":
            ctx = replace(ctx, section=named)
        titles = [*tab.headings, *tab.bullets]  # (a parent item is the innermost title)
        title = field_title(label, value, titles, self.sections.named, self.names_field)
        if title and ctx.section != "trial":  # (a line in a part not production's stays there)
            return title, replace(ctx, section=named)
        return title or label, ctx

    def heads_list(self, tab: _Tab, label: str, location: Location, ctx: Context) -> None:
        """A `Label:` line with no value: the list after it is its value, or it heads that list."""
        f = self.catalogue.field_for_label(label)
        meaning = label_meaning(label)
        lead = f is None and meaning is None and volumelist.lead_in(label)  # "EBS gp3 volumes, … replica):"
        if lead:
            label, meaning = "Disk", "total_disk_gb"  # its list is the disk's volumes (`read.volumelist`)
        target = f or (self.catalogue.fields.get(meaning) if meaning else None)
        if target is not None:
            tab.pending = _Pending(label, target, location, ctx, lead_in=lead)
        elif is_limit(label) or self.sections.part(label):
            tab.bullets.append((-1, label))  # "Sized and priced for:" heads the list after it
        elif _HOST_PARTS.search(label):  # "Our code is on GitHub Enterprise Cloud, split across orgs:"
            last = label[label.rfind(". ") + 1 :]  # (its last sentence's)
            hosts = self.facts.code_hosts.find(last)
            if len(hosts) == 1:  # its list is that host's organisations: their counts its parts
                tab.bullets.append((-1, last[hosts[0].start : hosts[0].end]))

    # -- tables ------------------------------------------------------------------------------
    def table(self, table: dict[str, Any], tab: _Tab, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        tenant, self.tenant_row = self.tenant_row, bool(table.get("ownRow"))
        self.facts.tenant_row = self.tenant_row
        try:
            self._table(table, tab, depth)
        finally:
            self.tenant_row = self.facts.tenant_row = tenant

    def _table(self, table: dict[str, Any], tab: _Tab, depth: int) -> None:
        tab.tables += 1
        number = tab.tables
        grid = [
            [as_dict(c) for c in as_list(as_dict(row).get("tableCells"))]
            for row in as_list(table.get("tableRows"))
        ]
        rows = dittos.filled([[cell_text(cell, texts=self.texts) for cell in cells] for cells in grid])
        if value_first(
            [[c.text for c in r] for r in rows], lambda t: self.is_label(t) or self.names_field(t)
        ):
            grid, rows = (
                [r[::-1] for r in grid],
                [r[::-1] for r in rows],
            )  # `8,500 | Named users`: label first
            table = {**table, "tableRows": [{"tableCells": cells} for cells in grid]}
        table, grid, rows = self.laid_out(table, grid, rows)  # merged cells, stacked headers, pairs
        texts = [[c.text for c in r] for r in rows]  # a comparison of options: the chosen one's part
        if texts and alert_table(texts[0]):
            return  # `Alert | Condition | Action`: thresholds, no sizes (`read/alerttables.py`)
        self.sections.options.update(option_titles(texts, self.sections.chosen, self.sections.named))
        across = self.turned(grid, rows, tab)
        if across:  # written the other way round: read in the orientation the readers know
            grid, rows = transpose(grid), transpose(rows)
            table = {**table, "tableRows": [{"tableCells": cells} for cells in grid]}
        held = container(table, self.texts)
        if held is None and not across:  # `Today | Target`, `Hetzner ✔ | AWS`: each side under its title
            parts = sidebyside.sides(texts, self.sections.named, self.is_label)
            held = sidebyside.cells(table, parts) if parts is not None else None
        if held is not None:
            self.container(held, tab, number, depth)
            return
        sheet = worksheet.reshape(grid, rows)  # `Row | Input | Value | Formula | Result`: a label table
        read_grid, read_rows = sheet if sheet is not None else (grid, rows)
        contents = {
            id(text): cell
            for cells, texts in zip(read_grid, read_rows, strict=True)
            for cell, text in zip(cells, texts, strict=True)
        }
        rows = read_rows
        if any(any(c.text for c in r) for r in rows):
            outer, was, self.cells, self.across = self.cells, self.across, contents, across
            volumes, self.volume_parts = self.volume_parts, False
            try:
                self.read_table(rows, tab, number)
            finally:
                self.cells, self.across, self.volume_parts = outer, was, volumes
        for cell in (cell for cells in grid for cell in cells):
            for se in map(as_dict, as_list(cell.get("content"))):
                if "table" in se:
                    self.table(as_dict(se["table"]), tab, depth + 1)

    def container(self, held: list[Cell], tab: _Tab, number: int, depth: int) -> None:
        """A table used as a container (`read.cells`): each cell read as a section of its own with
        the whole prose reader, under the document's headings and its column's and row's headers.
        A header naming another environment or system, or a status of things not done (`To do`,
        `Won't do`), makes its cells not the deployment's, whatever the other header names."""
        for cell in held:
            heads = tuple(h for h in cell.heads if h)
            headings = [*tab.headings, *((PSEUDO_HEADING, h) for h in heads)]
            other = cell.part == "trial" or any(self.sections.part(h) == "trial" for h in heads)  # (a status)
            forced = "trial" if other else tab.forced  # `Production compute` × `Alternatives`: neither
            sub = _Tab(tab.titles, tab.show_tab, tab.title, headings, tables=tab.tables,
                       place=f"{tab.place + ', ' if tab.place else ''}table {number}, {cell.place}",
                       heads=(*tab.heads, *heads), fixed=len(headings), forced=forced,
                       disowned=tab.disowned if _disowned(tab) else None)  # fmt: skip
            self.body(self.labelled_first(cell, sub), sub, depth + 1)
            tab.tables = sub.tables

    def labelled_first(self, cell: Cell, sub: _Tab) -> list[Any]:
        """The cell's content left to read after its first line, when the row's header is a label
        (`Licensed users`, `Nodes`) and that line a short value (`800`, then a remark): the pair is
        read as `Label: value`."""
        meant = cell.label and (self.catalogue.field_for_label(cell.label) or label_meaning(cell.label))
        k = first_value(cell.content, self.texts) if meant else None
        if k is None:
            return cell.content
        text = self.texts.paragraph(as_dict(as_dict(cell.content[k]).get("paragraph")))
        sub.paragraphs += 1
        where = self.location(sub, f"paragraph {sub.paragraphs}")
        self.emit(cell.label, text.text.strip(), where, self.context(sub), text.link_after(0))
        return cell.content[k + 1 :]


_ITEM_LINE = re.compile(r"^[ \t]*[•◦▪‣∙*–-][ \t]+\S.*$", re.MULTILINE)  # a list item typed as a line


def _code_value(value: str, coded: bool) -> str:
    """A code key's value: without a trailing comment, and in a code block without an object
    literal's separating comma (`nodeCount: 3,`)."""
    value = _COMMENT.split(value, maxsplit=1)[0].strip()
    return value[:-1].rstrip() if coded and value.endswith(",") else value


def _line_context(line: str, ctx: Context, scope: str) -> Context:
    """A line's context: a not-done marker ("🔴 dropped") makes it no part of the deployment; the
    environment a code block's structure gives it (`environment = "prd"`, `staging:`) is its own."""
    if _NOT_DONE.search(line):
        return replace(ctx, section="trial")
    return replace(ctx, section=scope) if scope and ctx.section != "trial" else ctx


def _disowned(tab: _Tab) -> bool:
    """Whether the place is in a part that said of itself it does not describe production (its
    headings still in force: up to the next heading of its level or above; `read.disowned`)."""
    held = tab.disowned
    return held is not None and tuple(tab.headings[: len(held)]) == held


def _title_heading(content: list[Any]) -> int:
    """Index of a HEADING_1 that opens the content and is its only one (a document title), else -1."""
    first, count = -1, 0
    for i, (_, style) in enumerate(content_styles(content)):
        if style in HEADING_LEVELS:
            if first == -1:  # the first heading only: a later HEADING_1 opens a part ("📖 Transcript")
                first = i if style == "HEADING_1" else -2
            count += style == "HEADING_1"
    return first if first >= 0 and count == 1 else -1


def _parts(line: str) -> list[str]:
    """A line's parts: split at ` · `, ` | `, ` • `, at wide gaps between `Label: value` fields
    (`read.gaps`) and where a sentence ends and a `Label:` starts."""
    separated = ("·" in line or "|" in line or "•" in line) and _SEPARATORS.search(line)  # (its signs first)
    parts = _SEPARATORS.split(line) if separated else gap_parts(line) or [line]
    return [p for part in parts for p in _labelled_sentences(part) if p.strip()]


def _listed(parts: list[str], line: str, find: Callable[[str], Sequence[Found]]) -> list[str]:
    """`parts` with a labelled part's list continued across the line's separators taken as one part
    (`disk: gitserver 2x 1T | zoekt 2x 500G | pgsql 200G → 3.3T`: `read.parts.continued`; `by source:
    Azure Repos 5,400 · GitHub 705`: `read.hostrun.continued_hosts`, the last part's first sentence)."""
    if len(parts) < 2 or ":" not in line:
        return parts
    out: list[str] = []
    k = 0
    while k < len(parts):
        pair = _pair(parts[k]) if ":" in parts[k] else None
        n = continued(pair[1], parts[k + 1 :]) if pair is not None else 0
        tail = parts[k + n] if n else ""
        if pair is not None and not n:
            n, tail = continued_hosts(pair[1], parts[k + 1 :], find)
        if n and not any(_pair(p) for p in parts[k + 1 : k + 1 + n]):
            first = line.find(parts[k])
            last = line.find(parts[k + n], first)
            if first >= 0 and last >= 0:
                out.append(line[first : last + len(tail)])
                rest = parts[k + n][len(tail) :].strip()
                k += n + 1
                if rest:  # "… 705. Three of them are monorepos": a sentence of its own
                    out.append(rest)
                continue
        out.append(parts[k])
        k += 1
    return out


def _labelled_sentences(part: str) -> list[str]:
    """A part split where a sentence ends and a `Label:` starts, unless that "label" withdraws the
    sentence before it ("… on one m6i.8xlarge VM. That proposal was superseded: …"): one text."""
    if ":" not in part or ("." not in part and ";" not in part):
        return [part]  # (every split is after a `.` or `;` and before a `:`)
    out: list[str] = []
    start = 0
    for m in _NEXT_LABEL.finditer(part):
        lower = m.group("first").islower() and not part[m.end() + 1 : m.end() + 2].isupper()
        if lower and not (part[m.start() - 1] == "." and ends_sentence(part, m.start() - 1)):
            continue  # "licence 1,800 users. repo cap …: 4,000": a sentence its writer began lowercase
        if withdraws_before(part[m.end() :]) is None:
            out.append(part[start : m.start()])
            start = m.end()
    return [*out, part[start:]]


def _short(heading: str, limit: int = 48) -> str:
    return heading if len(heading) <= limit else heading[: limit - 1].rstrip() + "…"


_BULLET_LABEL = re.compile(r"\s*(?P<label>[^:]{1,50}):\s+(?P<value>.*)", re.DOTALL)


def _bullet_title(bullet: str) -> str:
    """What of a parent bullet is a title placing its children: a label before a sentence
    ("Sources: Bitbucket … and the old Gitolite server …" → "Sources"), else its first clause
    ("Staging cluster — …"); what a sentence says in passing ("the old server", "; archived
    repositories were not carried over") is no title."""
    m = _BULLET_LABEL.match(bullet)
    if m and len(m.group("label").split()) <= 5 and len(m.group("value").split()) > 6:
        return m.group("label")
    return re.split(r";|\s[—–]\s", bullet, maxsplit=1)[0]
