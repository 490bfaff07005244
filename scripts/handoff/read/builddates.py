"""Which of several dates a TDD gives is the production build's start or completion.

A TDD often dates many events: a kick-off, the build, a go-live, an approval of the document, the
next milestone's forecast. The gatherer hands every start and completion date it read here, with
the text each came from, and keeps only the build's:

* a date its own cell or value calls a forecast, plan or target ("4 September 2026 (forecast)")
  gives way to an actual date of the same field;
* of dates whose sentence or label names the build (the infrastructure, the cluster, the
  installation …) and dates whose sentence names none ("Residual risks accepted", "processing of
  personal data started"), the build's win;
* a date whose sentence names the build only to deny it ("the go-live mail went out 14/09/2026 (just
  comms, not the build)") is not the build's;
* a start after the build's completion is a later activity's start ("re-indexing started"), not the
  build's; a completion before the build's start is an earlier event's end ("server delivered");
* a go-live that only its own word puts in production ("I finished on 6 February …. The go-live
  announcement went out on 16 February.") is not production's completion over the build's end told in
  the same paragraph, in a part naming no environment: the word names the event, not another part.

Each rule only removes candidates in the environment that would be used (production, else the part
naming no environment); when several different dates remain, the merge still reports a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.model import TddValue
from handoff.read.dates import BUILD
from handoff.read.limitwords import is_planned

_DATES = ("start_date", "completion_date")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n")


def build_dates(values: list[TddValue], text_at: Callable[[TddValue], str]) -> list[TddValue]:
    """`values` without the start and completion dates that are not the production build's.
    `text_at(v)`: the text of the block a value was read from ("" when unknown)."""
    drop = _live_beside_end(values, text_at)
    for section in ("production", ""):
        dates = {
            field: [i for i, v in enumerate(values) if v.field == field and v.section == section]
            for field in _DATES
        }
        drop |= _forecasts(values, dates)
        dates = {f: [i for i in found if i not in drop] for f, found in dates.items()}
        drop |= _unnamed(values, dates, text_at)
        dates = {f: [i for i in found if i not in drop] for f, found in dates.items()}
        drop |= _after_completion(values, dates)
    drop |= _before_start(values, drop)
    return [v for i, v in enumerate(values) if i not in drop]


def _live_beside_end(values: list[TddValue], text_at: Callable[[TddValue], str]) -> set[int]:
    """Production's go-live dates when production has no other completion date and a completion told
    by a verb of its own ("I finished on 6 February 2026 …") stands in the same paragraph, read in the
    part naming no environment: the go-live's sentence named production only by its event's word."""
    ends = [(i, v) for i, v in enumerate(values) if v.field == "completion_date" and v.section != "trial"]
    live = {i for i, v in ends if v.section == "production" and v.how.endswith("(go-live)")}
    if not live or any(v.section == "production" for i, v in ends if i not in live):
        return set()
    told = {
        (v.location.ref, text_at(v)) for _, v in ends if not v.section and not v.how.endswith("(go-live)")
    }
    return {
        i for i in live
        if (values[i].location.ref, block := text_at(values[i])) in told
        and not _PRODUCTION.search(_sentence(values[i], block))
    }  # fmt: skip


_PRODUCTION = re.compile(r"\bprod(?:uction)?\b", re.IGNORECASE)  # a sentence naming production by name


def _sentence(v: TddValue, block: str) -> str:
    """The sentence of `block` holding the value's text (the whole block when none does)."""
    return next((s for s in _SENTENCE_END.split(block) if v.text and v.text in s), block)


def _forecasts(values: list[TddValue], dates: dict[str, list[int]]) -> set[int]:
    """A date its own text calls planned or forecast, when an actual one of its field is there."""
    drop: set[int] = set()
    for found in dates.values():
        planned = {i for i in found if is_planned(values[i].text)}
        if len(planned) < len(found):
            drop |= planned
    return drop


def _unnamed(
    values: list[TddValue], dates: dict[str, list[int]], text_at: Callable[[TddValue], str]
) -> set[int]:
    """Of different dates of a field, those whose sentence (or label) names no build, when another's does."""
    drop: set[int] = set()
    for found in dates.values():
        if len({values[i].value for i in found}) < 2:
            continue
        denied = {i for i in found if _names_build(values[i], text_at(values[i])) is None}
        if len(denied) < len(found):  # "… went out 14/09/2026 (just comms, not the build)"
            drop |= denied
        named = {i for i in found if _names_build(values[i], text_at(values[i]))}
        if named:
            drop |= set(found) - named
    return drop


_DENIED = re.compile(r"\b(?:not|never|no|nothing to do with)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _names_build(v: TddValue, block: str) -> bool | None:
    """Whether the date's sentence or label names the build; None when it names it only to say
    the date is not the build's ("just comms, not the build")."""
    sentence = _sentence(v, block)
    found = [m for text in (sentence, v.label) for m in BUILD.finditer(text)]
    if found and all(_DENIED.search(m.string[max(0, m.start() - 30) : m.start()]) for m in found):
        return None
    return bool(found)


def _before_start(values: list[TddValue], dropped: set[int]) -> set[int]:
    """Completion dates earlier than the build's one start (production's, else the one of the part
    naming no environment): an earlier event's end ("Server delivered to the data centre" before
    "Start of the production build"), never the build's, when a completion after it is there."""
    for section in ("production", ""):
        starts = {
            v.value
            for i, v in enumerate(values)
            if v.field == "start_date" and v.section == section and i not in dropped
        }
        if starts:
            break
    if len(starts) != 1:
        return set()
    start = starts.pop() or ""
    ends = [
        i
        for i, v in enumerate(values)
        if v.field == "completion_date" and v.section in ("production", "") and i not in dropped
    ]
    early = {i for i in ends if (values[i].value or "") < start}
    return early if len(early) < len(ends) else set()


def _after_completion(values: list[TddValue], dates: dict[str, list[int]]) -> set[int]:
    """Start dates later than the one completion date: a later activity's start."""
    ends = {values[i].value for i in dates["completion_date"]}
    if len(ends) != 1:
        return set()
    end = ends.pop() or ""
    starts = dates["start_date"]
    late = {i for i in starts if (values[i].value or "") > end}
    return late if len(late) < len(starts) else set()
