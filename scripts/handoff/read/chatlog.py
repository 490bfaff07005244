"""A chat's messages pasted as lines, each opened by its stamp and its writer (pure, one pass per body).

A build log kept as a chat (Slack, Teams, a notes file written like one) has a line per message:
`[9/14 09:05] mk: prod build start, 3x ccx53 …`, `[14/09 11:10] Jonas T: vols: …`, `[09:30] jt: k3s up`.
A careful reader reads the message after the writer as the text it is (its own `vols:` is a label)
and dates what it tells by the stamp, as a log's day heading dates its paragraphs: "prod build start"
under the stamp of 14 September says the build began then. The stamp and the writer's handle are no
label of the message.

`as_messages` rewrites a body holding two such lines or more so each stamp is a heading over its
message (one level below the heading in force), the writer left out: the shape `read.stamps` gives an
activity feed's entries, which the walk reads so. A stamp is a bracketed date, perhaps with its time of
day (a time alone, a recording's `[00:05:14]`, dates nothing), the writer one to three words before a
colon; a line opening with a bracket of
anything else (`[x]`, `[TODO]`, `[1]`) is no message. Only a stamp whose day the reader does not read
where it stands is made a heading: a numeric day before its time (`9/14 09:05`, which inside a line is
no date, `read.shapes`); a stamp read as a date in place (`[14 Sep 2026]`) dates its own line as it
is. Anything else is left as it was.
"""

from __future__ import annotations

import re
from typing import Any

from handoff.read import shapes
from handoff.read.doctext import as_dict, as_str
from handoff.read.pasted import Run, paragraph_of, runs_of, slice_runs

# `[9/14 09:05] mk: …`, `[2026-09-14 09:05] Mirela K: …`, `[14 Sep, 9:05 AM] jt: …`
_MESSAGE = re.compile(
    r"\s*\[(?P<stamp>[^\[\]\n]{3,32})\]\s*"
    r"(?:(?P<who>[^\W\d_][\w.'’@-]*(?:[ \u00a0][^\W\d_][\w.'’@-]*){0,2})[ \u00a0]*:[ \u00a0]+)?"
    r"(?=\S)"
)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_NUMERIC_DAY = re.compile(r"(?<![\d/.-])\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?(?![\d/])|\d{4}-\d{2}-\d{2}")
_MIN_MESSAGES = 2


_CLOCK_WORD = re.compile(  # what a stamp may hold beside its day and time: a weekday, am/pm, a zone
    r"(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day)?|(?i:am|pm|a\.m|p\.m)|[A-Z]{2,5}"
)


def _stamp(text: str) -> bool:
    """Whether a bracket's text is a stamp: a numeric day or a written date, perhaps a time of day, and
    nothing else but a weekday, am/pm or a zone (`[Update 3 Sep 2026]` is an edit's mark, no stamp)."""
    dates = list(shapes.dates(text, "2000"))
    if _NUMERIC_DAY.search(text) is None and not dates:
        return False  # (a time alone, `[00:05:14]`, is a recording's offset or a day's hour: no day)
    for m in reversed(dates):
        text = text[: m.start] + " " + text[m.end :]
    rest = _NUMERIC_DAY.sub(" ", _TIME.sub(" ", text))
    return all(_CLOCK_WORD.fullmatch(w) for w in re.findall(r"[^\W\d_][\w.]*", rest))


def message(text: str) -> re.Match[str] | None:
    """The stamp (and writer) opening a chat message's line, or None."""
    if not text.lstrip().startswith("["):
        return None
    m = _MESSAGE.match(text)
    return m if m is not None and _stamp(m.group("stamp")) else None


def _opens_bracket(para: dict[str, Any]) -> bool:
    """Whether a paragraph's first text run opens with `[`."""
    elements = para.get("elements") if para else None
    if not isinstance(elements, list) or not elements:
        return False
    run = as_dict(as_dict(elements[0]).get("textRun"))
    return as_str(run.get("content")).lstrip()[:1] == "["


def as_messages(content: list[Any]) -> list[Any]:
    """`content` (a body's structural elements) with each chat message's stamp a heading over its
    message, when the body holds two such lines or more; else `content` unchanged."""
    found: list[tuple[int, re.Match[str], list[Run]]] = []
    for k, se in enumerate(content):
        para = as_dict(as_dict(se).get("paragraph"))
        if not _opens_bracket(para):
            continue  # (the cheap test: a message's first run opens with its stamp's bracket)
        style = as_str(as_dict(para.get("paragraphStyle")).get("namedStyleType")) or "NORMAL_TEXT"
        runs = runs_of(para) if style == "NORMAL_TEXT" else []
        m = message("".join(t for t, _ in runs)) if runs else None
        if m is not None and next(shapes.dates(m.group("stamp"), "2000"), None) is None:  # (see above)
            found.append((k, m, runs))
    if len(found) < _MIN_MESSAGES:
        return content
    at = {k: (m, runs) for k, m, runs in found}
    out: list[Any] = []
    level = 0  # the level of the heading in force
    for k, se in enumerate(content):
        para = as_dict(as_dict(se).get("paragraph"))
        style = as_str(as_dict(para.get("paragraphStyle")).get("namedStyleType"))
        if style.startswith("HEADING_") and style[-1].isdigit():
            level = int(style[-1])
        if k not in at:
            out.append(se)
            continue
        m, runs = at[k]
        clock = _TIME.search(m.group("stamp"))  # (the day alone: `9/14`, as a log's day heading)
        day = m.group("stamp")[: clock.start()].rstrip(" ,") if clock else ""
        end = m.start("stamp") + len(day) if day and _stamp(day) else m.end("stamp")
        stamp = slice_runs(runs, m.start("stamp"), end)
        out.append(paragraph_of(stamp, f"HEADING_{min(level + 1, 6)}"))
        body = paragraph_of(slice_runs(runs, m.end(), sum(len(t) for t, _ in runs)))
        if "bullet" in para:
            body["paragraph"]["bullet"] = para["bullet"]
        out.append(body)
    return out


__all__ = ["as_messages", "message"]
