"""A log entry's stamp is when the entry was written, not the build's completion the document states.

Work notes, a ticket's comments, a work item's history and a chat are pasted as entries, each
opened by its stamp: the date (and often the time) it was written, after or before the writer's
name ("2026-04-03 11:00 Priyanka: Production EKS deployment finished its initial sync",
"Casimir, 08/Jun/26 18:30: initial sync done on prod", "9/29/2026 Erik changed State from Active
to Resolved"). An entry telling that a step is done dates that step, and a log tells many steps
done (the first sync, a resolution, a hand-over) before the one that completed the build; the
document's own statement of the completion, a date written inside its sentence or under its
label ("Production build … was complete with the cutover on 22 April 2026", "Prod complete = step
6, 16/Jun/26", `Closed | Lars Holm 10/2/2026`), says which step that was. So, of the completion
dates of one environment, those read from entry stamps give way to a different one the document
states otherwise; with only stamps (a log alone), nothing changes here (the latest entry and the
build's words decide elsewhere, or the conflict stays).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.model import TddValue
from handoff.read import shapes

# before a stamp's date: nothing, the writer's name and a comma ("Casimir Wendt, 08/Jun/26 …"), or
# a revision's number in the cell before (a revision table's row: `1.0 | 2025-12-15 | As built …`)
_WRITER = re.compile(r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3},\s*|v?\d+(?:\.\d+)+\s*[|·]\s*")
# after it: a time of day ("11:00", "6:10 AM"), then the entry's opening mark or the writer's name
_TIME = re.compile(r"\s*(?:,\s*)?(?:\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?)?")
_OPENS = re.compile(
    r"\s*(?:[:—–|·•]|-\s)|\s*[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}(?::|\s+(?:changed|created|"
    r"closed|resolved|set|moved|commented|wrote|posted|updated|added|removed|marked)\b)"
)


def stamp_date(text: str) -> str:
    """The date (ISO) of the stamp opening an entry's text, or "": a date first, or after the writer's
    name and a comma, with an optional time of day, then a colon or dash opening the entry's words
    or the writer's name and their words ("9/29/2026 Erik Lund changed State …")."""
    head = text.lstrip(" \t•*-–—[")
    found = next(shapes.dates(head[:60]), None)
    if found is None or (found.start > 0 and not _WRITER.fullmatch(head, 0, found.start)):
        return ""
    at = _TIME.match(head, found.end)
    end = at.end() if at else found.end
    return found.value if _OPENS.match(head, end) else ""


# a date denied right after the one a sentence states ("… is the completion date, not 31 July")
_NOT = re.compile(r"(?:,|\(|\s)\s*(?:and\s+|but\s+)?not\s+(?:on\s+|the\s+)?(?=\d|[^\W\d_])", re.IGNORECASE)


def denied_ends(values: list[TddValue], text_at: Callable[[TddValue], str]) -> set[int]:
    """The indices of completion dates a sentence holding another completion denies: "so 7 August is
    the completion date, not 31 July" (an edit correcting the answer above it), "finished 9 May (not
    2 May as first reported)". The denied date is no completion, wherever it is written."""
    ends = [(i, v) for i, v in enumerate(values) if v.field == "completion_date" and v.section != "trial"]
    denied: set[str] = set()
    for _, v in ends:
        block = text_at(v)
        at = block.find(v.text) if v.text else -1
        if at < 0 or not v.value:
            continue
        for m in _NOT.finditer(block, at + len(v.text)):
            found = next(shapes.dates(block[m.end() : m.end() + 24], v.value[:4]), None)
            if found is not None and found.start == 0 and found.value != v.value:
                denied.add(found.value)
            break  # (the first denial after the date only)
    return {i for i, v in ends if v.value in denied}


def stamped_ends(values: list[TddValue], text_at: Callable[[TddValue], str]) -> set[int]:
    """The indices of completion dates read from entry stamps that give way to a completion date the
    same environment's text states otherwise. `text_at(v)`: the text of the block a value was read
    from ("" when unknown)."""
    drop: set[int] = set()
    for section in ("production", ""):
        ends = [(i, v) for i, v in enumerate(values) if v.field == "completion_date" and v.section == section]
        stamped = {i for i, v in ends if v.value and stamp_date(text_at(v)) == v.value}
        stated = {v.value for i, v in ends if i not in stamped}
        if len(stated) == 1:
            drop |= {i for i in stamped if values[i].value not in stated}
        if ends:
            break  # (production's dates, when it has any, are the ones used)
    return drop
