"""A CPU count or memory said across a workload's replicas or pods: what it asks for, not the machines.

"the zoekt index wants roughly 120 GiB of memory across the replicas", "about 24 vCPU over all the
gitserver pods": an amount spread over the replicas, pods, containers or shards of a service is
what the workload takes from the machines, summed over its copies; the machines are sized for it
and have more (or less) of their own. A careful reader takes no machine total from it, as from a
pod's request. Only the words right after the figure, in its clause, decide: an amount across the
nodes, the VMs or the cluster is the machines' own.

`over_workload(tail)`: whether the clause after a figure (`tail`) spreads it over such copies.
"""

from __future__ import annotations

import re

_OVER = re.compile(
    r"^\s*(?:(?:of\s+)?(?:ram|memory|vcpus?|cpus?|cores?)\s+)?(?:in\s+total\s+)?"
    r"(?:across|over|between|among|spread\s+over|summed\s+over)\s+(?:the\s+|its\s+|their\s+|all\s+(?:the\s+)?)?"
    r"(?:\w+\s+){0,2}?(?:replicas|pods|containers|shards|instances\s+of\s+the\s+service)\b",
    re.IGNORECASE,
)


def over_workload(tail: str) -> bool:
    """Whether the words after a figure say it is spread over a workload's replicas or pods."""
    return bool(_OVER.match(tail))


__all__ = ["over_workload"]
