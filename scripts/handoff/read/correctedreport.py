"""A figure the text reports from somewhere and then says is wrong: blanked.

A review finding, an audit observation or a corrected statement quotes what some other record said
and goes on to set it right: "The intake form listed the node group as 3 × m6i.4xlarge (48 vCPU).
Checked in the console: it runs 4 nodes", "The questionnaire says 3 × D16s_v5. Wrong: … Actual: 3 ×
E16s_v5", "The first draft said “2 servers, 64 cores”. Those figures were pasted into the wrong
section", "The CMDB states 3,400 repositories; the auditor sampled and found more". A careful reader
takes the reported words as the mistake they are said to be and reads only what corrects them.

The shape is a reported statement (a subject of a few words with no figure, then a verb of saying:
`says`, `said`, `states`, `listed`, `quoted`, `claims`, `reports`, `shows`, `recorded`, `gave`) whose
reported part (the rest of its clause, up to `;` or the sentence's end) holds a figure, followed in
the same text by a word of correction: `wrong`, `incorrect`, `actual`/`actually`, `in fact`,
`mistake`, `error`, `typo`, `outdated`, `corrected`, or the writer's own check (`checked`, `verified`)
or finding (`found more`). A rest of the report's sentence that holds the correction and no figure
("…; the auditor sampled Bitbucket and found more") is the check's own words and goes with it.
Whatever the subject names (a form, a draft, a colleague), the correction
after it decides; with none the reported figure is the text's only one and stands ("The sizing sheet
lists 1,900 repositories."), and a verb of saying whose subject holds a figure is no report ("3 nodes
show 90% CPU"). `read.otherdoc` reads the reports of named working papers that need no correction.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_SAYING = (
    r"(?:says|said|states|stated|lists|listed|quotes|quoted|claims|claimed|reports|reported|shows|showed|"
    r"records|recorded|gives|gave|mentions|mentioned)"
)
# the subject: the sentence's first words (at most eight, no figure, no punctuation but an apostrophe
# or a hyphen), then the verb of saying; the reported part: the rest of the clause
_REPORT = quick(
    r"(?:^|(?<=[.!?:;—–])\s+|\n)\W{0,2}(?P<subject>(?:[A-Za-z][\w'’-]*\s+){0,7}?[A-Za-z][\w'’-]*)\s+"
    rf"{_SAYING}\b(?P<q>(?:[^;.\n]|\.(?=\S))+?)(?=\s*(?:;|\.(?:\s|$)|\n|$))",
)
_CORRECTION = quick(
    r"\b(?:wrong|wrongly|incorrect(?:ly)?|inaccurate|not\s+correct|mistaken(?:ly)?|mistakes?|in\s+error|"
    r"errors?|typos?|actual|actually|in\s+fact|in\s+reality|outdated|out\s+of\s+date|corrected|correction|"
    r"checked|verified|found\s+(?:more|fewer|less|otherwise))\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\.(?:\s|$)|\n")  # (the end of the report's sentence)
_WINDOW = 240  # (how far after the report its correction may come)


def uncorrected(text: str) -> str:
    """`text` with each reported statement that the text then corrects blanked (its length kept)."""
    if len(text) < 24 or _CORRECTION.search(text) is None:
        return text
    out = text
    for m in _REPORT.finditer(text):
        a, b = m.span("q")
        if not any(c.isdigit() for c in text[a:b]):
            continue  # (no figure reported)
        if _CORRECTION.search(text, b, b + _WINDOW) is None:
            continue  # (nothing sets it right: it stands)
        rest = _CLAUSE_END.search(text, b)
        end = rest.start() if rest else len(text)
        if not any(c.isdigit() for c in text[b:end]) and _CORRECTION.search(text, b, end):
            b = end  # "…; the auditor sampled Bitbucket and found more": the check's words go with it
        out = out[:a] + " " * (b - a) + out[b:]
    return out


__all__ = ["uncorrected"]
