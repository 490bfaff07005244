"""Which of the gathered values hold: ranking (a label beats a table column beats prose) and
precedence (a value beats another of its field: the newer changelog entry, a correction, a stated
total over its parts, a stated limit over context, an actual date over a plan, the build's
completion over another's), and what is history (the old side of a change, a name switched from).
Part of `read.gather.Gatherer` (`read.gatherparts`: the state it shares).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from handoff.core.model import TddValue
from handoff.core.quickre import quick
from handoff.read import aftercomments, monorepolater, pernode, shapes
from handoff.read.counts import AMBIENT
from handoff.read.dates import BUILD
from handoff.read.gatherparts import GatherParts, amounts
from handoff.read.limitwords import is_estimate, is_planned
from handoff.read.notation import blanked
from handoff.read.partagain import parts_again
from handoff.read.premises import assumed
from handoff.read.rolledback import UNDONE
from handoff.read.sizinginputs import MEASURED, names_inputs
from handoff.read.speakernotes import notes_correct
from handoff.read.totals import names_total

_RANK = {"label": 0, "label meaning": 0, "table column": 1}
_LIMITS = frozenset({"max_users", "max_concurrent_users", "max_repositories"})
_ADDED_UP = frozenset({"code_hosts"})  # a list a log adds to, entry by entry
# an update's host that joins the others: "Perforce connected", "we also added Gerrit", "onboarded"
_ADDS_HOST = quick(
    r"\b(?:(?:re)?connected|added|onboarded|integrated|hooked up|also|as well|additionally|another)\b",
    re.IGNORECASE,
)
_HOST_INSTEAD = quick(
    r"\b(?:not|instead|rather|replac\w*|wrong|no longer|switched|moved|removed)\b", re.IGNORECASE
)

_PRODUCT = "× per-machine figure"  # how a total multiplied out of one machine's figure was read (figures.py)


def _adds_host(text: str) -> bool:
    """Whether an update's text says its host joined the others (connected, added), not that it
    replaced one ("… is GitLab self-managed, not GitLab.com", "moved to GitHub instead")."""
    return bool(_ADDS_HOST.search(text)) and not _HOST_INSTEAD.search(text)


_SUMMED = ("total_disk_gb", "total_memory_gb", "total_cpu")  # amounts a place may give as parts and sum
_MEASURED_PREMISE = frozenset({"repositories", "total_repo_size_gb"})
_PREMISED = _LIMITS | _MEASURED_PREMISE  # what a proposal's assumption states


def _none(v: TddValue) -> bool:
    """A count value reading none ("No monorepos", `0`)."""
    return (v.value or v.text).strip() in ("0", "none", "None", "no")


def _titled_total(v: TddValue) -> bool:
    """A labelled amount whose label says it is the total ("Total storage: … = 3,500 GB", a line
    `total provisioned: 2,600 GiB` under a heading or bullet naming the amount)."""
    return (_rank(v) == 0 or v.label != v.how) and names_total(v.label)


_DATE_FIELDS = frozenset({"start_date", "completion_date"})
_YEAR = quick(r"\b(?:19|20)\d\d\b")
_ENTRY_MARK = re.compile(r"\s*(?:[—–:|·•]|-\s|\n)")  # what follows a date opening an entry


# an entry's one-word label before its date ("UPDATE 2 Sep 2026", "Edit (12 Oct 2026)", "[Update 3 Sep]")
_ENTRY_WORD = re.compile(
    r"[^\W\d_]+\s+|[\[(]?\s*(?:update[ds]?|edit(?:ed)?|amend(?:ed|ment)|revised|revision|correct(?:ed|ion)|"
    r"change[ds]?|note|addendum)\s*[\[(]?\s*",
    re.IGNORECASE,
)  # (a date in brackets only after an edit's word: `Target (30 Sep 2026):` is a plan's label)
_ENTRY_VERSION = re.compile(r"\s*[,·]\s*\(?v?\d+(?:\.\d+)+\)?(?=\s*(?:[—–:|·•,]|-\s|\n))", re.IGNORECASE)
_ENTRY_WHO = re.compile(
    r"\s*[\])]?\s*(?:\([^()\n]{1,40}\))?"
)  # who wrote the entry, after its date ("(Priya)")


def _leading_date(text: str, year: str) -> str:
    """The date an entry opens with ("12 May 2026 — …", "2026-06-20: …", a row's date cell, "UPDATE 2 Sep
    2026 (Priya): …", a changelog's "2026-10-29 · v2.3 · …"), or ""."""
    head = text.lstrip(" \t•*-–—")
    found = next(shapes.dates(head[:40], year), None)
    if found is None or (found.start > 0 and not _ENTRY_WORD.fullmatch(head, 0, found.start)):
        return ""
    who = _ENTRY_WHO.match(head, found.end)
    at = who.end() if who else found.end
    version = _ENTRY_VERSION.match(head, at)  # a changelog's version after its date ("2026-10-29 · v2.3 · …")
    marked = _ENTRY_MARK.match(head, version.end() if version else at) is not None
    closed = (
        head[:1] in "[(" and who is not None and who.group(0).lstrip()[:1] in ("]", ")")
    )  # "[Update 3 Sep]"
    return found.value if marked or closed else ""


# one monorepo a log entry names ("including the actuarial-models monorepo", "a new monorepo"), or none
_ONE_MONOREPO = re.compile(r"\b(?:the|a|an|one|new)\s+(?:[\w./-]+\s+){0,2}?monorepo\b(?!s)", re.IGNORECASE)
_NO_MONOREPO = re.compile(r"\b(?:no|not|never|without|zero)\b[^.;]{0,30}\bmonorepos?\b", re.IGNORECASE)


def _rank(v: TddValue, row: bool = False) -> int:
    """0 a label, 1 a table column, 2 a CPU, memory or disk figure in a field row (`row`), 3 prose, 4
    weak prose (a go-live date, beaten by a completion; a date known only by its heading's or
    question's topic or its day heading, beaten by a date with its own verb; a platform of the
    customer's own data centre, beaten by a cloud named)."""
    if v.how.endswith(_WEAK):
        return 4
    return _RANK.get(v.how.split(" + ")[0], 2 if row else 3)


_WEAK = ("(go-live)", "(topic)", "(heading)", "(platform)", "(monorepo)", "(du)")  # go-live, a heading's
# topic or day, on-prem, the one monorepo's size (a size called the largest wins), a line of `du` output
# (a size the text says wins: the line may be one gitserver's of several)


class Precedence(GatherParts):
    """The gatherer's part that ranks its values and drops those that do not hold."""

    def _drop_ambiguous(self) -> None:
        """A figure read from a text holding a figure whose notation is ambiguous (`3 500 GB` in a
        document that groups thousands with commas) is no value: the warning names it instead."""
        if self.ambiguous:
            marks = blanked(self.ambiguous)
            self._keep(lambda v: not (shapes.DIGIT.search(v.value or "") and any(b in v.text for b in marks)))

    def _drop_old(self) -> None:
        """A figure a change names as the old one ("from 4 × c6i.4xlarge to …", "(was 2,100 GiB)") is
        history wherever it is written (an older changelog entry, the first design), unless a
        change names it as the new one too ("64 vCPU and 256 GiB (was 64 vCPU / 128 GiB)")."""
        self._drop_old_kinds()
        if not self.old:
            return

        def named_in(old: set[tuple[str, object]]) -> set[int]:
            return {
                i
                for i, v in enumerate(self.values)
                if v.field
                and (keys := amounts(v.field, v.value or v.text))
                and all((v.field, k) in old for k in keys)
            }

        # a figure a later change names as old and an earlier one as new (a log's `192 → 256`, then
        # `256 → 384`) is kept for the latest entry to judge, but passes its environment on
        self._inherit(named_in(self.old))
        self._drop(named_in(self.old - self.new))

    def _drop_old_kinds(self) -> None:
        """Machines only of a type a change names alone as its old side ("it was resized from the
        CCX43") are history when other machines are written in the same environment (what it was
        resized to), and so are the CPU and memory written with them (`_drop`)."""
        if not self.old_kinds:
            return

        def kinds(v: TddValue) -> set[str]:
            return {m.value.split(" × ", 1)[1].casefold() for m in shapes.instances(v.value or "")}

        machines = [(i, v, kinds(v)) for i, v in enumerate(self.values) if v.field == "instance_types"]
        old = {i for i, v, k in machines if k and k <= self.old_kinds and v.section != "trial"}
        current = {v.section for i, v, k in machines if k and i not in old and v.section != "trial"}
        self._drop({i for i in old if self.values[i].section in current})

    def _switched_names(self) -> None:
        """A name the deployment is said to have changed to ("… and moved to Kustomize") makes every
        other name of its field written before it (the approved design's "Helm chart") history, and
        the others its own paragraph writes after it, which tell what it changed from and why ("their
        Argo CD projects forbid Helm releases … The Helm values file was deleted"); so
        does a limit a change set ("licence raised from 1,000 to 1,400 users", `read.limitchange`),
        but for another change's limit (a log written newest first: those stay a conflict)."""
        drop: set[int] = set()
        switched = set(self.switched)
        for i in self.switched:
            v = self.values[i]
            drop |= {
                j for j, w in enumerate(self.values)
                if (j < i or (w.location == v.location and v.field not in _LIMITS))
                and w.field == v.field and w.value != v.value and w.section != "trial"
                and not (j in switched and v.field in _LIMITS)
            }  # fmt: skip
        self._drop(drop)

    def _inherit(self, replaced: set[int]) -> None:
        """The new figure of a change written where no environment is named ("User node pool scaled
        from 3 to 4 × Standard_E16s_v5") is of the environment of the value it replaces: the old
        figure, where the document first wrote it, was production's."""
        at = {id(w): k for k, w in enumerate(self.values)}  # (values merged or dropped since the walk: gone)
        for i in sorted(replaced):
            v = self.values[i]
            keys = set(amounts(v.field or "", v.value or v.text))
            blocks = {b for b, field, old in self.olds if field == v.field and keys <= set(old)}
            for b, field, k, new in self.new_values:
                j = at.get(id(new), k)  # (rewritten in place since: at its index, if still its text)
                if (
                    j < len(self.values)
                    and self.values[j].text == new.text
                    and b in blocks
                    and field == v.field
                    and v.section == "production"
                    and not self.values[j].section
                ):
                    self.values[j] = replace(self.values[j], section=v.section)

    def _entry_date(self, v: TddValue, dated: dict[str, str]) -> str:
        """The date of the innermost heading over a value that names one ("[2.1.0] — 2026-10-19"), else
        (but for a date field, whose value is its entry's date) the date opening the value's own
        paragraph, list item or row ("2026-06-20: disk grown to 3 TB", "10 Jul — …" under "July 2026"),
        or "". `dated`: each heading's first date ("" for none), worked out once for the values under it."""
        titles = [str(p[1] if isinstance(p, tuple) else p) for p in self.paths.get(v.location.ref, ())]
        for text in reversed(titles):
            day = dated.get(text)
            if day is None:
                found = next(shapes.dates(text), None)
                day = dated[text] = found.value if found else ""
            if day:
                return day
        if v.field in _DATE_FIELDS:
            return ""
        year = next((m.group(0) for t in reversed(titles) for m in [_YEAR.search(t)] if m), "")
        return _leading_date(self._text_at(v), year)

    def _grown_after_build(self) -> None:
        """In a work item's comment thread (entries under stamps: "mkrantz commented on Jun 23, 2026"), the
        comment saying production's build is complete closes what the item records: a repository count
        a later comment gives ("We now have 1,120 repos after the archive import; no action needed") is
        how the estate grew since, not the deployment's at its build, when its words tell a change
        (`now`, `grew`, `after the import`; "all 2,100 repos indexed" the day after is the build's own
        count); a changelog's dated entries, no comments, stay the living record's updates."""
        headings: dict[str, str] = {}
        done = [
            day
            for v in self.values
            if v.field == "completion_date"
            and v.section in ("production", "")
            and v.how == "date (heading)"
            and (day := self._entry_date(v, headings))
            and aftercomments.under_comment(self._titles(v))
        ]
        if not done:
            return
        closed = min(done)
        later = {
            i
            for i, v in enumerate(self.values)
            if v.field == "repositories"
            and v.section in ("production", "")
            and aftercomments.under_comment(self._titles(v))
            and self._entry_date(v, headings) > closed
            and aftercomments.tells_change(self._text_at(v))
        }
        self._drop(later)

    def _titles(self, v: TddValue) -> list[str]:
        return [str(p[1] if isinstance(p, tuple) else p) for p in self.paths.get(v.location.ref, ())]

    def _latest_entry(self) -> None:
        """Of a field's different values, each under a heading dated differently (a changelog's
        entries, a log's days), the one under the latest date is the current state: the older
        entries' figures are history. A living document's original text, above a dated entry under
        the same heading ("It will live at https://sg.…", then "UPDATE 2026-09-15 (Maya): renamed to
        https://code.…"), is older than any entry. Other values under no dated heading take no part,
        nor do code hosts (a log adds hosts as it connects them)."""
        dated: dict[tuple[str, str], list[tuple[str, int]]] = {}
        undated: dict[tuple[str, str, tuple[object, ...]], list[int]] = {}
        headings: dict[str, str] = {}  # a heading's first date, for every value under it
        for i, v in enumerate(self.values):
            if not v.field or v.field in _ADDED_UP or v.section == "trial":
                continue
            path = self.paths.get(v.location.ref, ())
            if day := self._entry_date(v, headings):
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

    def _logged_since(self) -> None:
        """A change a log's dated entry records after the build was done ("2026-10-29 · v2.3 · …
        (5.1 GB .git, now the largest) … git data about 470 GB") is the state now: it beats the
        figures of its field written under no date (the design's text, written before go-live and
        not always edited since), when the entries after the build give that field one value. An
        entry dated before the build's completion (the first design's) decides nothing, nor does a
        dated heading's note (a call's, a meeting's: what was said then, not a change logged)."""
        ends = {v.value for v in self.values if v.field == "completion_date" and v.section != "trial"}
        if len(ends) != 1:
            return
        done = ends.pop()
        headings: dict[str, str] = {}
        later: dict[tuple[str, str], set[tuple[object, ...]]] = {}
        undated: dict[tuple[str, str], list[int]] = {}
        entries: dict[str, TddValue] = {}  # per section, a value of the entries after the build
        for i, v in enumerate(self.values):
            if not v.field or v.field in _ADDED_UP or v.field in _DATE_FIELDS or v.section == "trial":
                continue
            key = (v.field, v.section)
            if not self._entry_date(v, headings):
                undated.setdefault(key, []).append(i)
            elif (day := _leading_date(self._text_at(v), done[:4])) and day > done:
                later.setdefault(key, set()).add(tuple(amounts(v.field, v.value or v.text)) or (v.value,))
                entries.setdefault(v.section, v)
        self._monorepo_since(entries, later, undated)
        drop: set[int] = set()
        for key, figures in later.items():
            if len(figures) == 1:
                (now,) = figures
                drop |= {
                    i for i in undated.get(key, ())
                    if (tuple(amounts(key[0], self.values[i].value or self.values[i].text))
                        or (self.values[i].value,)) != now
                }  # fmt: skip
        self._drop(drop)

    def _monorepo_since(
        self,
        entries: dict[str, TddValue],
        later: dict[tuple[str, str], set[tuple[object, ...]]],
        undated: dict[tuple[str, str], list[int]],
    ) -> None:
        """A document saying it has no monorepos whose log, after the build, connects one by name
        ("… 265 repositories, including the actuarial-models monorepo …") has one now: the undated
        "No monorepos" reads 1 where no entry after the build counts them."""
        for section, v in entries.items():
            key = ("monorepos", section)
            zeros = undated.get(key, [])
            if key in later or not zeros or any(self.values[i].value != "0" for i in zeros):
                continue
            told = self._text_at(v)
            named = _ONE_MONOREPO.search(told)
            if named and not _NO_MONOREPO.search(told):
                for i in zeros:
                    self.values[i] = replace(
                        self.values[i], value="1", text=named.group(0), location=v.location,
                        how="monorepo connected since",
                    )  # fmt: skip

    def _rolled_back(self) -> None:
        """A value an undoing went back to ("Edit (4 Sep): rolled back to 6 × n2-standard-16") is the
        state now: it beats every value of its field written before it in its environment (or a part
        naming none), an earlier edit's too; the machines and amounts of the place whose different value
        it undid (the resize: "moved the pool to 6 × n2-standard-32 (192 vCPU / 768 GB)") are history."""
        targets = [i for i, v in enumerate(self.values) if id(v) in self.rollbacks]
        drop: set[int] = set()
        for c in targets:
            v = self.values[c]
            earlier = [
                i
                for i in range(c)
                if self.values[i].field == v.field and self.values[i].section in (v.section, "")
            ]
            undone = {self.values[i].location for i in earlier if self.values[i].value != v.value}
            drop.update(earlier)
            drop.update(
                i for i in range(c) if self.values[i].location in undone and self.values[i].field in UNDONE
            )
        self._drop(drop)

    def _supersede(self) -> None:
        """A value from a block that corrects an earlier figure ("correction: it's 5 nodes, not 6 …
        so 80 vCores") replaces the earlier values of its field in its environment (or in a part
        that names none): the earlier figure was wrong, not a second candidate. A correction in a
        trial part (a staging note, an older message quoted in a reply: "> Revised plan: 4 nodes …")
        corrects only that part's figures, never those of a part naming no environment. A code host an
        update says was connected or added ("UPDATE 3 Aug: Perforce connected for the firmware team")
        joins the hosts before it: a log adds hosts as it connects them."""
        drop: set[int] = set()
        for c in sorted(self.corrections):
            v = self.values[c]
            if v.field in _ADDED_UP and _adds_host(self._text_at(v)):
                continue
            sections = (v.section,) if v.section == "trial" else (v.section, "")
            drop.update(
                i for i in range(c) if i not in self.corrections and self.values[i].field == v.field
                and v.field and (self.values[i].section in sections or self._beside(v, self.values[i]))
            )  # fmt: skip
        self._drop(drop)

    def _beside(self, correction: TddValue, earlier: TddValue) -> bool:
        """A slide's notes correcting it in a part naming no environment (`read.speakernotes`) also
        replace production's figures under the same heading (the notes under a `Pilot | Production`
        table: "the production column shows the first draft; the final build is …"); production's
        figures elsewhere, and other corrections, stay."""
        if correction.section or earlier.section != "production":
            return False
        path = self.paths.get(correction.location.ref)
        return (
            path is not None
            and path == self.paths.get(earlier.location.ref)
            and notes_correct(self._text_at(correction))
        )

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

    def _premises_give_way(self) -> None:
        """A limit, repository count or repository size read from a premise (a place under an
        `Assumptions` title, or a clause saying it was assumed: `read.premises`) gives way to one of
        its field read elsewhere outside a trial: the proposal's assumption is neither the agreed
        limit nor the count found. Alone a limit stays (a sizing's assumptions are the limits it was
        made for); a repository count or size assumed never does: what a proposal assumed of the
        estate is not what was found, and a careful reader records none rather than the assumption."""

        def premise(v: TddValue) -> bool:
            return v.location.ref in self.premises or assumed(self._text_at(v), v.text)

        fields = {v.field for v in self.values if v.field in _PREMISED}
        if not fields:
            return
        said = {v.field for v in self.values if v.field in fields and v.section != "trial" and not premise(v)}
        said |= fields & _MEASURED_PREMISE  # (an estate assumed is never the estate found, alone or not)
        if said:
            self._keep(lambda v: v.field not in said or not premise(v))

    def _no_monorepo_named_since(self) -> None:
        """A monorepo count of none gives way when a later passage outside a trial names a monorepo
        that is there ("… connected, including the actuarial-models monorepo": `read.monorepolater`):
        the none was true when written, not since."""
        nones = [v for v in self.values if v.field == "monorepos" and v.section != "trial" and _none(v)]
        if not nones:
            return
        order: dict[object, int] = {}
        for i, b in enumerate(self.blocks):
            order.setdefault(b.location, i)
        named = [
            i for i, b in enumerate(self.blocks) if b.section != "trial" and monorepolater.names_one(b.text)
        ]
        if not named:
            return
        late = {id(v) for v in nones if max(named) > order.get(v.location, len(self.blocks))}
        self._keep(lambda v: id(v) not in late)

    def _inputs_give_way(self) -> None:
        """A repository count, monorepo count, largest repository or total size read under a heading
        naming a sizing's inputs gives way to one of its field read elsewhere outside a trial: the
        inputs are what the sizing was made for, not the estate found (`read.sizinginputs`)."""

        def under_inputs(v: TddValue) -> bool:
            path = self.paths.get(v.location.ref, ())
            return bool(path) and isinstance(path[-1], tuple) and names_inputs(str(path[-1][1]))

        measured = [v for v in self.values if v.field in MEASURED and v.section != "trial"]
        inputs = {id(v) for v in measured if under_inputs(v)}
        said = {v.field for v in measured if id(v) not in inputs}
        if inputs and said:
            self._keep(lambda v: id(v) not in inputs or v.field not in said)

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
        for key, found in totals.items():  # subtotals and the grand total they make ("… = 3T", "→ 4T tot")
            grand = _grand_total(found)
            if grand is None:  # a group's "400 GB together" among the parts of "pvc total 7.2 TB"
                grand = _grand_total(found, [a for v in self.values if scope(v) == key and (a := amount(v))])
            if grand is not None:
                totals[key] = {grand}
            elif len(found) > 1:
                totals[key] = self._said_over_worked(key, found, scope, amount)
        if totals:  # (the same figure written again, as a table's Total row, is no part)
            # (a value's amounts worked out only where a total is, and once)
            self._keep(lambda v: (found := totals.get(scope(v))) is None or amount(v) in found)

    def _said_over_worked(self, key: object, found: set[Amount], scope: Of, amount: Of) -> set[Amount]:
        """Of a part's rival totals, the ones the text says, when the others are sums the reader worked
        out of a label's named parts ("Premium SSD: gitserver 4 × 512 GiB, the other services about 950
        GiB") that the said whole holds ("3 TiB altogether"): parts are no rival of their whole. Else
        `found` as it is (a worked sum above every said total stays a conflict)."""
        mine = [v for v in self.values if v.how == _WORKED_OUT and id(v) in self.totals and scope(v) == key]
        worked = {amount(v) for v in mine}
        said = found - worked
        most = max((_number(a) or 0.0 for a in said), default=0.0)
        if worked & found and said and all((n := _number(a)) is not None and n <= most for a in worked):
            return said
        return found

    def _parts_elsewhere_give_way(self) -> None:
        """Two or more figures of a disk, memory or CPU field read at one place (a pasted module call's
        `boot_disk_gb = 100` and `data_disk_gb = 2000`) that add up to a total the document states in
        another section of the same environment ("100 GB boot disk plus a 2 TB data disk: 2.1 TB in
        total"): the total's parts, by arithmetic; they give way to it."""
        drop: set[int] = set()  # the ids of the parts that give way
        for name in ("total_disk_gb", "total_memory_gb", "total_cpu"):
            totals = [v for v in self.values if v.field == name and id(v) in self.totals]
            if not totals:
                continue
            places: dict[tuple[str, str], list[TddValue]] = {}
            for v in self.values:
                if v.field == name and id(v) not in self.totals:
                    places.setdefault((v.location.ref, _environment(v.section)), []).append(v)
            for t in totals:
                whole = [a for a in amounts(name, t.value or t.text) if isinstance(a, float)]
                for (_, env), parts in places.items():
                    found = [
                        a for v in parts for a in amounts(name, v.value or v.text) if isinstance(a, float)
                    ]
                    if (
                        whole
                        and env == _environment(t.section)
                        and len(parts) > 1
                        and len(found) == len(parts)
                        and abs(sum(found) - whole[0]) <= 0.01 * whole[0]
                    ):
                        drop.update(id(v) for v in parts)
        if drop:
            self._keep(lambda v: id(v) not in drop)

    def _part_again(self) -> None:
        """A disk or memory figure equal to one of the parts a stated total's own sentence adds up to
        ("a 100 GB root volume and a 1,500 GB data volume; 1,600 GB in total") is that part written
        again, not a rival total: it gives way (`read.partagain`)."""
        drop = parts_again(self.values, self._text_at, _environment)
        if drop:
            self._keep(lambda v: id(v) not in drop)

    def _sum_at_one_place(self) -> None:
        """Three or more figures of a disk, memory or CPU field read at one place in one environment,
        one of them exactly the sum of all the others ("root volume 100 GiB plus the data volume
        2,000 GiB: 2,100 GiB attached"): that one is the whole, by arithmetic; the others, its parts,
        give way to it. When the figures as read do not add up, their distinct amounts are tried: a
        paragraph names a disk again, or writes a figure it then corrects, so a part or the whole
        can be read twice ("a 200 GB system disk and a 3,000 GB data disk... no, the data disk is
        2,800 GB, which with the 200 GB system disk makes 3,000 GB")."""
        drop: set[int] = set()
        places: dict[tuple[str, str, str], list[TddValue]] = {}
        for v in self.values:
            if v.field in _SUMMED and v.section != "trial":
                places.setdefault((v.field, v.location.ref, _environment(v.section)), []).append(v)
        for (name, _, _), found in places.items():
            if len(found) < 3:
                continue
            sizes = [
                next((a for a in amounts(name, v.value or v.text) if isinstance(a, float)), None)
                for v in found
            ]
            if any(a is None or a <= 0 for a in sizes):
                continue
            figures = [float(a) for a in sizes if a is not None]
            whole = _sum_of_others(figures) or _sum_of_others(sorted(set(figures)))
            if whole is not None:
                drop.update(id(v) for v, a in zip(found, figures, strict=True) if a != whole)
        if drop:
            self._keep(lambda v: id(v) not in drop)

    def _per_machine_give_way(self) -> None:
        """One machine's CPU, memory or disk beside the fleet's total (`read.pernode`): the total."""

        def amount(v: TddValue) -> float | None:
            found = amounts(v.field or "", v.value or v.text)
            return float(found[0]) if found and isinstance(found[0], float) else None

        drop = pernode.per_machine(
            self.values, amount, lambda v: self.paths.get(v.location.ref, ()), self._text_at
        )
        dropped = {id(self.values[i]) for i in drop}
        # one machine's figure multiplied out to the total its own paragraph also states ("Each server
        # brings 64 vCPU (192 vCPU across the cluster)") is that total once more: the stated one stays
        stated = {(v.field, v.location.ref, v.value) for v in self.values if not v.how.endswith(_PRODUCT)}
        dropped |= {
            id(v)
            for v in self.values
            if v.how.endswith(_PRODUCT) and (v.field, v.location.ref, v.value) in stated
        }
        if dropped:
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
        of the same field (production or unnamed part): the plan was not what happened. An estimate's
        ("Estimated repositories", "Ballpark from the SE") gives no value even alone: a guess."""
        actual = {v.field for v in self.values if v.section != "trial" and not is_planned(v.label)}
        self.values = [
            v for v in self.values
            if not (v.field and (is_estimate(v.label) or (v.field in actual and is_planned(v.label))))
        ]  # fmt: skip

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


def _sum_of_others(figures: list[float]) -> float | None:
    """Of three or more figures, the one that is the sum of all the others (to 0.5%), else None."""
    if len(figures) < 3:
        return None
    return next((w for w in figures if w > 0 and abs(sum(figures) - 2 * w) <= 0.005 * w), None)


def _environment(section: str) -> str:
    """A value's environment for comparing: an unmarked part is production's."""
    return "trial" if section == "trial" else "production"


_WORKED_OUT = "sum of named parts"  # (labelled.size_parts: a sum the reader made, not one it read)
Amount = tuple[object, ...]
Of = Callable[[TddValue], Amount]  # a value's scope or amount


def _number(a: Amount) -> float | None:
    """An amount of one number as a float; None for any other amount."""
    return float(a[0]) if len(a) == 1 and isinstance(a[0], (int, float)) else None


def _grand_total(
    found: set[tuple[object, ...]], every: list[tuple[object, ...]] | None = None
) -> tuple[object, ...] | None:
    """Of several stated totals of one field in one part of the document, the one that is the sum of
    all the others (each line's subtotal, `gitserver 750G x4 = 3T`, then `→ 4T tot`), else None: the
    others are its parts, not rival totals. With `every` (the amounts of all the part's values of the
    field, each once as read: `gitserver 4 × 1.5 TB`, `zoekt 2 × 400 GB`, a group's `400 GB together`
    and `pvc total 7.2 TB`), the one value that is the sum of all the others, stated total or not: a
    group's subtotal among the parts is one more part."""
    pool = found if every is None else every
    numbers = [(f, float(f[0])) for f in pool if len(f) == 1 and isinstance(f[0], (int, float))]
    if len(pool) < 3 or len(numbers) != len(pool):
        return None
    whole = sum(n for _, n in numbers)
    grand = {f for f, n in numbers if n > 0 and abs(2 * n - whole) <= 0.01 * n}
    return grand.pop() if len(grand) == 1 else None
