"""A limit's closing clause saying what happens when it is reached: no growth figure.

"Agreed ceiling of 2,000 repositories before the cluster has to grow", "a cap of 800 users, after
which the licence must be expanded", "up to 4,000 repositories until we need a second node": the
closing clause (after `before`, `until`, `after which`, `beyond which`, `at which point`, or a
relative clause saying when it is reached: "The licence allows up to 8,000 repositories, which the
+24-month plan reaches") tells what the limit protects against or when growth meets it. It speaks
of growth, but holds no figure: a careful reader keeps the limit the main clause states.

`without_reach_clause(sentence)` is the sentence without such a clause when the clause holds no
figure (a time, `+24-month`, `in 2028`, is none) and the words before it name a limit
(`limitwords.is_limit`); else the sentence itself.
"""

from __future__ import annotations

import re

from handoff.read.limitwords import is_limit

_REACHED = re.compile(
    r"\s+(?=(?:before|until|till|after which|beyond which|above which|at which point|past which)\b)"
    # a relative clause after the limit saying when it is reached: ", which the +24-month plan reaches",
    # ", which we expect to hit in two years"
    r"|(?<=,)\s+(?=which\s+(?:\S+\s+){0,5}?(?:reach|hit|exceed|outgrow|pass|meet)\w*\b)",
    re.IGNORECASE,
)
_SPAN = re.compile(  # a time, no figure: `+24-month`, `two years`, `in 2028`, `Q3 2027`, `FY28`
    r"\+?\d+\s*-?\s*(?:months?|years?|quarters?|weeks?)\b|\b(?:[QH][1-4]\s*|FY\s*)?(?:19|20)\d\d\b|\bFY\s*\d\d\b",
    re.IGNORECASE,
)


def without_reach_clause(sentence: str) -> str:
    """The sentence without a closing clause telling what happens once its limit is reached."""
    m = _REACHED.search(sentence)
    if m is None:
        return sentence
    head, tail = sentence[: m.start()], sentence[m.end() :]
    if re.search(r"\d", _SPAN.sub("", tail)) or not re.search(r"\d", head) or not is_limit(head):
        return sentence
    return head
