"""Alert, alarm and threshold tables and lines: their figures are when to act, never the deployment's size.

A runbook tells its operators when they are paged: a table of alerts (`Alert | Condition | Action`,
`Alarm | Fires when | Do`, `Signal | Warn | Page`, `Alert | Threshold | Who`) or lines opening on the
severity and its condition ("WARN when /data is above 70%; PAGE when … above 80% (2 TB of 2.5 TB)",
"Memory: WARN when available falls below 16 GB", "Alert fires at 80 % of a 1 TB volume"). Each figure
there is a threshold, or the volume or node a threshold is taken of ("gitserver disk (per disk, 1 TiB)",
"80% of 1,000 GiB"): one part's size, a per-page or per-session count, never a total of the
deployment. So such a table is not read, and such a sentence gives no values. A table with a column of
the present values beside the thresholds (`Metric | Threshold | Current`) is read as before.

`alert_table(header)`: whether a table's header row (its cells' texts) makes it an alerts table;
`alerts_out(line)`: the line without its sentences that open on an alert's severity and its condition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.core.quickre import quick

# the thing watched: an alert's or alarm's name, a signal, a metric, a monitor
_WATCHED = re.compile(r"(?:alerts?|alarms?|signals?|metrics?|monitors?|alert\s+rules?|rules?)", re.I)
# when it fires: the condition, the threshold, a severity level's column (not a bare `When`: a log's)
_WHEN = re.compile(
    r"(?:conditions?|thresholds?|triggers?|triggered\s+when|fires?(?:\s+(?:when|at|if))?|"
    r"warn(?:ing)?|page|paging|critical|crit|severity|sev)",
    re.IGNORECASE,
)
# what to do then
_DO = re.compile(
    r"(?:actions?|do|what\s+to\s+do|response|respond|runbook|procedure|who|escalat\w+|notify|notifies|route)",
    re.IGNORECASE,
)
# a column of the values as they are, beside the thresholds: read as before
_PRESENT = re.compile(r"\b(?:current|actual|today|now|observed|measured|as\s+built|value|size)\b", re.I)


def _cell(text: str) -> str:
    return " ".join(text.replace("*", " ").split()).strip(" :?")


def alert_table(header: Sequence[str]) -> bool:
    """Whether a table's header row makes it an alerts table (module doc): a column of when it fires
    beside one of what fires or what to do (or a second severity's), and no column of present values."""
    cells = [_cell(c) for c in header if c.strip()]
    if len(cells) < 2 or len(cells) > 6 or any(_PRESENT.search(c) for c in cells):
        return False
    when = [c for c in cells if _WHEN.fullmatch(c)]
    others = [c for c in cells if _WATCHED.fullmatch(c) or _DO.fullmatch(c)]
    return bool(when) and (len(when) >= 2 or bool(others))


# a sentence opening on a severity and its condition ("WARN when", "PAGE if", after a label: "Memory: WARN
# when …") or on an alert or alarm firing ("Alert fires at", "The gitserver disk alarm triggers when")
_CONDITION = r"(?:when|if|once|above|over|below|under|at\s+(?=[\d>≥]))\b"
_ALERTING = re.compile(
    r"^\s*(?:[\w /()-]{1,30}:\s*)?"
    rf"(?:(?:WARN(?:ING)?|PAGE|CRIT(?:ICAL)?|[Ww]arn(?:ing)?|[Pp]age)\s+{_CONDITION}"
    r"|(?:(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,3})?(?:ALERT|ALARM|[Aa]lert|[Aa]larm)s?"
    rf"(?:\s+(?:fires?|is\s+raised|goes\s+off|triggers?|pages?))?\s+(?:{_CONDITION}|at\b))",
)


_SENTENCE = re.compile(r"(?:[^.;!?]|[.;!?](?!\s|$))*(?:[.;!?]|$)")


def alerts_out(line: str) -> str:
    """The line with each sentence that opens on an alert's severity and its condition blanked (module
    doc; the rest of the line keeps its place): "" when nothing else is left."""
    if not _MAY_ALERT.search(line):
        return line
    out, kept = [], False
    for m in _SENTENCE.finditer(line):
        said = m.group(0)
        if said and _ALERTING.match(said):
            out.append(" " * len(said))
        else:
            out.append(said)
            kept = kept or bool(said.strip())
    return "".join(out) if kept else ""


_MAY_ALERT = quick(r"warn|page|crit|alert|alarm", re.IGNORECASE)

__all__ = ["alert_table", "alerts_out"]
