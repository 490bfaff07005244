"""A CPU or memory figure its own words before it make a ceiling: a limit, not the amount built.

"Our licence allows up to 200 vCPUs", "the GCP quota allows 200 vCPUs", "capped at 512 GB of
memory", "a namespace limit of 64 vCPU", "must not exceed 96 vCPU": a careful reader enters none
of these as the deployment's CPU or memory; the amount built is written elsewhere ("… Sourcegraph
uses 48"). Only the words right before the figure, in its own clause, decide (a limit word earlier
in the sentence may govern another figure: "48 vCPU, within the 64 vCPU quota" keeps 48). Machines
after such words are a bound in the same way ("the autoscaler's max is 6, so you may see up to 6 E16s
nodes during a re-index"): the pool as it runs is written elsewhere (`prose._instances`).
"""

from __future__ import annotations

import re

_CEILING = re.compile(
    r"(?:\bup\s+to|\bmax(?:imum|\.)?(?:\s+of)?|\bat\s+most|\bno\s+more\s+than|\bnot\s+(?:to\s+)?exceed(?:ing)?"
    r"|\bcap(?:ped)?\s+(?:at|of|to)|\bcap\s+(?:is|of)|\blimit(?:ed)?\s+(?:of|to|at|is)|\blimit:"
    r"|\bquota\s+(?:of|is|allows|permits)|\bquota\s*:|\bquota\s+(?:\w+\s+){0,2}(?:allows|permits)(?:\s+up\s+to)?"
    r"|\b(?:allows|permits|allowance\s+of|ceiling\s+of|budget\s+of|budgeted\s+for)"
    # what a billing commitment covers: "the committed-use discount we bought covers 80 vCPU"
    r"|\b(?:commit(?:ted|ment)|reserv(?:ed|ation)|discount|savings\s+plan)\b[^.;:()]{0,40}"
    r"\b(?:covers?|covering|includes?|including|buys?|bought|is\s+for|was\s+for)\b)"
    r"\s*(?:about\s+|approximately\s+|roughly\s+|~\s*)?$",
    re.IGNORECASE,
)


# "scaled up to 96 vCPU", "we sized it up to": a change, its new amount; "adds up to": a sum
_CHANGED_UP = re.compile(
    r"\b(?:scal\w*|went|moved|gr[eo]w\w*|bump\w*|increas\w*|resiz\w*|upgrad\w*|sized|ramp\w*|raised|brought|add(?:s|ed|ing)?)"
    r"\s+(?:it\s+|them\s+)?up\s+to\s*(?:about\s+|approximately\s+|roughly\s+|~\s*)?$",
    re.IGNORECASE,
)


def ceiling(head: str) -> bool:
    """Whether the words `head` right before a CPU or memory figure make it a limit."""
    tail = head[-60:]
    return bool(_CEILING.search(tail)) and not _CHANGED_UP.search(tail)


__all__ = ["ceiling"]
