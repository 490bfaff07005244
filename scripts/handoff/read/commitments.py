"""Machines named as what a billing commitment was bought for: a purchase, not the machines that run.

A sizing record tells what was reserved beside what runs: "3-year Reserved VM Instances bought 24 Jul
for the go-live size: 4 × Standard_E16s_v5 + 2 × Standard_D8s_v5", "the Compute Savings Plan was
sized on the estimator's 5 x m6i.4xlarge", "a 1-year CUD purchased for 4 × n2-highmem-16". Such a
commitment is bought ahead and outlives a right-sizing (the reservation count is not the node count),
so a careful reader takes none of its machines for the deployment's: what runs is written elsewhere.

The commitment is the clause's own words before the machines: a reservation, reserved instances or
capacity, a savings plan, a committed-use discount or contract (`CUD`, `RI`), then a word of buying
or covering (bought, purchased, sized, signed, covers, for) between it and the machines. Machines
before the commitment's words ("4 × m6i.4xlarge, covered by a Savings Plan") are the deployment's,
and the commitment only pays; so are machines the commitment's words name as themselves ("spend
covers 4 reserved instances (m6i.4xlarge, 3-year term)": the reserved instances are the machines).
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_COMMITMENT = quick(
    r"\b(?:reserved\s+(?:vm\s+|virtual\s+machine\s+)?(?:instances?|capacity|nodes)|reservations?|"
    r"savings\s+plans?|committed[- ]use\s+(?:discounts?|contracts?|commitments?)|commitments?)\b"
    r"|\b(?-i:RIs?|CUDs?)\b",
    re.IGNORECASE,
)
_BOUGHT = re.compile(
    r"\b(?:bought|purchased|buy|buying|sized|priced|signed|taken\s+out|made|covers?|covering|"
    r"applies\s+to|for)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\n")


def bought_for(sentence: str, start: int) -> bool:
    """Whether the machines at `start` of `sentence` are what a billing commitment was bought for:
    its words and a word of buying stand before them in their clause."""
    head = sentence[:start]
    ends = list(_CLAUSE_END.finditer(head))
    head = head[ends[-1].end() :] if ends else head
    found = _COMMITMENT.search(head)
    return found is not None and _BOUGHT.search(head, found.end()) is not None


__all__ = ["bought_for"]
