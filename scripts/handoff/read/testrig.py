"""The load test's own machines: the generators that send the load are not the system under it.

A capacity-validation or performance-test report describes its rig beside the system it tested:
"The k6 load generators ran on 3 × c6i.2xlarge in the same VPC", "the two load agents were
Standard_F8s_v2 VMs", "Locust workers: 2 × e2-standard-8". A careful reader takes no machine, CPU,
memory or disk of a clause about the rig for the deployment's, whatever part of the document it
stands in: those machines send the virtual users' requests, and are usually deleted when the test
ends.

`rig_spans(sentence)`: the spans of the clauses (a sentence's parts between semicolons) that name
the rig's machines by their role: load generators, load agents or injectors, a load box, the test
agents, or a load tool's (k6, Locust, JMeter, Gatling) generators, agents, runners or workers.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_RIG = quick(
    r"\b(?:load[\s-]+(?:generat(?:or|ors|ion)|agents?|injectors?|drivers?|box(?:es)?|machines?|vms?|clients?)"
    r"|test(?:ing)?[\s-]+(?:rig|agents?|injectors?|clients?)"
    r"|(?:k6|locust|jmeter|gatling)\s+(?:generators?|agents?|runners?|workers?|slaves?|injectors?|boxes|box|vms?))\b",
    re.IGNORECASE,
)
_PARTS = re.compile(r"[^;]+")


def rig_spans(sentence: str) -> list[tuple[int, int]]:
    """The spans of the clauses of `sentence` about the load test's own machines."""
    if not _RIG.search(sentence):
        return []
    return [m.span() for m in _PARTS.finditer(sentence) if _RIG.search(m.group(0))]


__all__ = ["rig_spans"]
