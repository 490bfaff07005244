"""The stamps of entries pasted from collaboration tools: who wrote an entry, and when (pure).

An issue's activity feed, a work item's discussion, a pull request's conversation or a wiki page's
comments are pasted as entries, each opened by a stamp line naming who wrote it and when ("Erik
Lund commented Sep 7, 2026", "Marta Reyes commented · Jun 8", "lena-arch replied on 15 Sep"),
and a status page's updates each end in a stamp of their own ("… has started. Aug 3, 08:00 UTC").
A careful reader dates what an entry tells by its stamp: "I started the production installation
today" under a stamp of 7 September says the build began then.

`as_entries` rewrites a body holding two stamp lines or more so each stamp line is a heading over
its entry, one level below the heading in force: the shape of a log's day headings, which the walk
already reads so (a sentence with no date of its own that says the build began or was signed off
takes its heading's day; of values under differently dated headings the latest is the current
state). A stamp line is short, holds one date, and says nothing but who wrote (a verb of writing:
commented, replied, wrote, posted) and when; an event line ("moved from Todo to In Progress ·
Jun 8", "created the issue · Jun 1") is no stamp, it is read as the event it is.

`trailing_stamp` finds the stamp ending a paragraph (a date and a time of day, nothing else, after
the last sentence): it dates that paragraph alone (`read.prose`). Anything else is left as it was.
"""

from __future__ import annotations

import re
from typing import Any

from handoff.core.quickre import opened
from handoff.read import shapes
from handoff.read.doctext import as_dict, as_list, as_str
from handoff.read.languages import gloss_for, languages_of

# a verb of writing an entry, with its object when it has one ("approved these changes")
_WROTE = re.compile(
    r"\b(?:commented|replied|responded|answered|wrote|posted|added a (?:comment|note|reply)|"
    r"left a (?:comment|note|review)|approved (?:these|the) changes|reviewed (?:these|the) changes)\b",
    re.IGNORECASE,
)
_WROTE_ANY = opened(
    re.compile(  # the verb, or a language's own (glossed to it when the body is read)
        rf"{_WROTE.pattern}|\b(?:kommentiert\w*|comment[ée]\w*|coment[óo]\w*|comentou|comment[òo]|"
        r"reageerde|antwortete|répondu|respond[ióe]\w*|svarade|svarede|svarte|odpowiedzia\w*|odpověděl\w*|"
        r"skomentowa\w*|okomentoval\w*|kommenterade|kommenterede|kommenterte)\b",
        re.IGNORECASE,
    )
)
# what may stand beside the verb: who wrote (a name, a handle), "on", "at", separators, a time
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5})?\b")  # 08:00 UTC
_FILLER = re.compile(r"\b(?:on|at|in|via|by)\b|[·•|,;:()\[\]—–-]")
_WORD = re.compile(r"[^\W\d_][\w.'’@-]*")
_MAX_WHO = 4  # words of a writer's name or handle
_CLOCK = re.compile(r"\d:\d\d")  # (a time of day: a stamp line with no verb of writing has one)
_MAX_LINE = 90
_YEAR_FOR_SHAPE = "2000"  # any year: only whether a day and month are written is asked here


def _date(text: str) -> shapes.Match | None:
    found = list(shapes.dates(text, _YEAR_FOR_SHAPE))
    return found[0] if len(found) == 1 else None


# a writer's name with no verb of writing: capitalised words ("Rhys Penhaligon", "Owain Pryce", "Nell
# O'Neill"), maybe a bracketed role after it ("(Tallowmere security)")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|(?:de|da|van|von|der|den|la|le|du|dos|del|bin|al)", re.UNICODE)
_ROLE = re.compile(r"\([^()\n]{1,40}\)")
_EVENT_WORD = re.compile(  # an event's or a place's name, no writer's: "Go-Live Cutover — 2026-05-11 08:00"
    r"\b(?:go-?live|live|cut-?over|build|release|deploy\w*|prod\w*|staging|uat|test\w*|start\w*|kick-?off|"
    r"maintenance|window|freeze|upgrade|migration|launch|meeting|call|review|stand-?up|sync|workshop|"
    r"sprint|session|demo|deadline|milestone|handover)\b",
    re.IGNORECASE,
)
_FIELD_LABEL = re.compile(r"\s*[^\W\d_][\w-]*(?:\s[\w-]+)?\s*:\s")


def _named_stamp(text: str) -> bool:
    """Whether a line is only a writer's name and a day with its time, no verb of writing ("Rhys
    Penhaligon — 2026-05-11 08:02", "Owain Pryce (Tallowmere security) — 2026-04-21 17:02",
    "2026-05-11 08:02 · Rhys Penhaligon"): a pasted ticket's or mail's entry header."""
    day = _date(text)
    if day is None or _FIELD_LABEL.match(text):
        return False  # (`Date: Mon, 12 Jan 2026 10:14`: a mail header's field, read as it is)
    if not _TIME.search(text, day.end) and not _TIME.search(text, 0, day.start):
        return False
    rest = _ROLE.sub(" ", text[: day.start] + " " + text[day.end :])
    words = _WORD.findall(_FILLER.sub(" ", _TIME.sub(" ", rest)))
    return (
        1 < len(words) <= _MAX_WHO
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not _EVENT_WORD.search(" ".join(words))
    )


def is_stamp_line(text: str) -> bool:
    """Whether a line only says who wrote an entry and when ("Erik Lund commented Sep 7, 2026", "Rhys
    Penhaligon — 2026-05-11 08:02")."""
    text = text.strip()
    if not text or len(text) > _MAX_LINE or text.endswith((".", "?", "!")):
        return False
    verb = _WROTE.search(text)
    if verb is None and ":" in text:
        return _named_stamp(text)
    day = _date(text) if verb else None
    if verb is None or day is None or (verb.start() < day.end and day.start < verb.end()):
        return False
    rest = text[: day.start] + " " + text[day.end :]
    rest = rest.replace(verb.group(0), " ")
    rest = _FILLER.sub(" ", _TIME.sub(" ", rest))
    return len(_WORD.findall(rest)) <= _MAX_WHO and not re.search(r"\d{3,}", rest)


def trailing_stamp(text: str, year: str) -> shapes.Match | None:
    """The stamp ending a paragraph's last sentence ("… has started. Aug 3, 08:00 UTC"): one date and
    a time of day after the last sentence's end, with nothing else; None when there is none."""
    if not year or ":" not in text[-24:]:
        return None
    cut = max(text.rfind(". ", 0, len(text) - 1), text.rfind("! "), text.rfind("? "))
    if cut < 0:
        return None
    tail = text[cut + 1 :]
    if len(tail) > 40 or not _TIME.search(tail):
        return None
    found = list(shapes.dates(tail, year))
    if len(found) != 1:
        return None
    rest = _FILLER.sub(" ", _TIME.sub(" ", tail[: found[0].start] + " " + tail[found[0].end :]))
    if rest.strip():
        return None
    m = found[0]
    return shapes.Match(m.start + cut + 1, m.end + cut + 1, m.text, m.value)


def _text(paragraph: dict[str, Any]) -> str:
    runs = (as_dict(as_dict(el).get("textRun")) for el in as_list(paragraph.get("elements")))
    return "".join(as_str(run.get("content")) for run in runs)


def _style(paragraph: dict[str, Any]) -> str:
    return as_str(as_dict(paragraph.get("paragraphStyle")).get("namedStyleType"))


def as_entries(content: list[Any]) -> list[Any]:
    """`content` (a body's structural elements) with each stamp line a heading over its entry, when
    the body holds two stamp lines or more; else `content` unchanged. A body written in another
    language is asked in the reader's words (`read.languages`: "commented sur 10 août 2026")."""
    paragraphs = [as_dict(as_dict(se).get("paragraph")) for se in content]
    texts = [_text(p) if p and _style(p) in ("", "NORMAL_TEXT") else "" for p in paragraphs]
    if sum(1 for t in texts if len(t) <= _MAX_LINE + 1 and (_WROTE_ANY.search(t) or _CLOCK.search(t))) < 2:
        return content  # (the cheap test: two short lines with a verb of writing or a time of day)
    codes = languages_of(" ".join(texts))
    if codes:
        gloss = gloss_for(codes)
        texts = [gloss.gloss(t)[0] if t and len(t) <= _MAX_LINE * 2 else t for t in texts]
    stamps = [bool(t) and is_stamp_line(t) for t in texts]
    if sum(stamps) < 2:
        return content
    out: list[Any] = []
    level = 0  # the level of the heading in force
    for se, p, stamp in zip(content, paragraphs, stamps, strict=True):
        style = _style(p) if p else ""
        if style.startswith("HEADING_") and style[-1].isdigit():
            level = int(style[-1])
        if not stamp:
            out.append(se)
            continue
        heading = {k: v for k, v in p.items() if k != "bullet"}
        heading["paragraphStyle"] = {
            **as_dict(p.get("paragraphStyle")),
            "namedStyleType": f"HEADING_{min(level + 1, 6)}",
        }
        out.append({**as_dict(se), "paragraph": heading})
    return out
