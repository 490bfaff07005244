"""The sentences of one paragraph as one fleet's node pools.

"The web tier runs on 3 × m6i.4xlarge. Search runs on 2 × r6i.4xlarge." and "Default pool 3 ×
m6i.4xlarge; indexer pool 2 × r6i.4xlarge" state two pools of one cluster, as sibling list items
do: a careful reader enters both. Read sentence by sentence, they would be two values of one field
and a conflict. A paragraph is read so only when nothing in it tells of another time, a change or
another option (`was`, `now`, `replaced`, `recommended`, `planned`, `would` …): two machine types in
"We started on 3 × m5.4xlarge. Today it is 3 × m6i.4xlarge" are history and the present, and stay
the conflict the gatherer reports. The union itself (different types only, one environment) is the
gatherer's (`precedence._union_pools`).
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened
from handoff.read import shapes

_ELSEWHEN_WORDS = re.compile(
    r"\b(?:was|were|had|been|previously|originally|initially|formerly|before|until|earlier|later|then|now|"
    r"today|currently|no longer|anymore|moved?|migrat\w*|replac\w*|resiz\w*|upgrad\w*|downgrad\w*|scal\w*|"
    r"switch\w*|chang\w*|instead|rather|recommend\w*|suggest\w*|propos\w*|plan\w*|option\w*|alternative\w*|"
    r"sizing|calculator|quot\w*|offer\w*|estimat\w*|would|could|should|will|might|may|if|or|vs|versus|"
    r"compar\w*|test\w*|benchmark\w*|corrected|correction|not|nothing|none|neither|nor|except\w*|apart|"
    r"outside|separate\w*|shared?)\b|[?→]|->|~~",
    re.IGNORECASE,
)
_ELSEWHEN = opened(_ELSEWHEN_WORDS)


_X_COUNT = opened(re.compile(r"\d\s*x\b|\bx\s*\d", re.IGNORECASE))


def one_fleet(text: str, other: re.Pattern[str]) -> bool:
    """Whether the paragraph `text` names machine types in two or more of its sentences or clauses
    and tells of no other time, change or option, nor names another system (`other`: the words of
    `[tdd] other_system_words`, "CI runners"): its sentences' machines are pools of one fleet."""
    if "×" not in text and (("x" not in text and "X" not in text) or not _X_COUNT.search(text)):
        return False  # (cheap: a count written with its type; a bare type is one machine per sentence)
    if len(re.findall(r"[.;!](?:\s|$)", text.strip())) < 1 or _ELSEWHEN.search(text) or other.search(text):
        return False
    kinds = {m.value.split(" × ", 1)[1].casefold() for m in shapes.instances(text)}
    return len(kinds) >= 2


__all__ = ["one_fleet"]
