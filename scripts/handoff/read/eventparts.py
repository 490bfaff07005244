"""A part of the document that tells what happened, not what runs: an incident's record, an outage's
postmortem, a troubleshooting journal, a first attempt that was abandoned.

People who keep a TDD alive through a deployment write its events into it, under headings that say
so ("Incident INC-2291", "Postmortem PM-07: prod outage 26 Aug", "5.3 Root cause", a tab titled
"Troubleshooting journal", "7. First attempt: OpenShift (abandoned)"). Such a part tells a story in
time order: the repositories a re-sync moved ("210 moved repos"), the pre-sales estimate the first
pool was sized on, the host whose sync stalled, the day the disk filled, the cluster that "could not
reach GitLab.com". The deployment's own description (its tables, its code-host list, its limits and
dates) says what runs after those events, so a careful reader takes from an event part only what
the description does not give:

* a code-host list, a repository count or a start or completion date read in an event part gives
  way to the same field read anywhere outside one (but in a trial's part), even when the event
  part's heading names production ("prod outage") and the description names no environment;
* an event part's per-host repository counts are no parts of the repository count when counts or a
  count are read outside event parts;
* an event part's mentions of a code host neither confirm nor deny it (the host an incident names in
  passing was connected when it happened, or was removed since; an abandoned build's reach says
  nothing of production's) when the host is named outside event parts too.

A heading that names an event only as a time ("Background: production at the time of the
incident", "Sizing before the outage") describes the deployment at that time: no event part.

The machines, sizes and disks of an event part are left to the reading of changes (`read.changes`,
`read.resizedto`, `read.rolledback`): an incident's "what changed" is where a resize is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.core.quickre import quick
from handoff.read.docmemo import per_document

# a heading naming an event: an incident, an outage, its postmortem or root cause, a troubleshooting
# journal, an attempt given up ("(abandoned)", "failed attempt", "First attempt: …")
_EVENT = quick(
    r"\b(?:incidents?|outages?|post[\s-]?mortems?|post[\s-]incident|troubleshoot\w*|root[\s-]+cause|rca|"
    r"lessons?\s+learn(?:ed|t)|what\s+(?:happened|went\s+wrong)|retrospective|timeline\s*\(utc\)|"
    r"abandoned|aborted|failed\s+(?:attempt|build|migration|rollout)|first\s+attempt)\b",
    re.IGNORECASE,
)

# an event named as a time of something else: "Background: production at the time of the incident",
# "Sizing before the outage" (the part describes the deployment, at a time the event marks)
_AS_TIME = re.compile(
    r"\b(?:of|at|after|before|since|until|till|from|for|by|pre|post)\s+(?:the|this|that|an?|each|every|our)?\s*$",
    re.IGNORECASE,
)

FIELDS = frozenset({"code_hosts", "repositories", "start_date", "completion_date"})


def event_part(titles: Sequence[str]) -> bool:
    """Whether a place under these headings and tab titles (outermost first) is in an event part."""
    return any(_event_title(t) for t in titles)


@per_document  # (a heading is asked again for every block and value under it)
def _event_title(title: str) -> bool:
    """Whether a heading or tab title names an event, not only as a time."""
    return any(not _AS_TIME.search(title, 0, m.start()) for m in _EVENT.finditer(title))
