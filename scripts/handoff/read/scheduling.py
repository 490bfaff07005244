"""A label or column naming Kubernetes scheduling figures: requests, limits, a quota. No machines.

On a platform team's shared cluster Sourcegraph is a tenant with a namespace quota and pods that
ask for CPU and memory. A ResourceQuota's keys (`requests.cpu`, `limits.memory`,
`requests.storage`, in a `Resource | Hard` table or pasted from `kubectl describe resourcequota`),
a pod's `CPU request` / `Memory limit` column and its `Sum of requests` row, or a label naming the
quota (`Namespace quota`, `Quota (CPU)`) are what the scheduler admits, not the machines built: a
careful reader enters none of them as the deployment's CPU, memory, disk or machines (the nodes
they run on are written elsewhere, or the deployment has none of its own). The tell is the label's
own words: a resource key with its `requests.` / `limits.` / `hard.` prefix, a resource named with
`request(s)` or `limit(s)` beside it, or the word quota; never the figure's size.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_RESOURCE = r"(?:v?cpus?|cores?|memory|mem|ram|storage|ephemeral[- ]storage|disk|gpus?)"
_SCHEDULING = quick(
    # a ResourceQuota's or a pod spec's key: `requests.cpu`, `limits.memory`, `hard.requests.storage`
    rf"\b(?:requests|limits|hard|used)\s*[.:]\s*{_RESOURCE}\b"
    # a resource named with its request or limit: `CPU request`, `memory limits`, `Requests (CPU)`
    rf"|\b{_RESOURCE}\s*\(?\s*(?:requests?|limits?)\b|\b(?:requests?|limits?)\s*(?:\(|for\s+|of\s+)?\s*{_RESOURCE}\b"
    # the pods' requests added up: `Sum of requests`, `total pod requests`
    r"|\b(?:sum|total)\s+(?:of\s+)?(?:(?:the|all|pod|container)\s+)*requests\b|\bpod\s+requests\b"
    # the quota itself: `ResourceQuota`, `Namespace quota`, `Quota (devtools-sourcegraph)`
    r"|\bresource\s*quotas?\b|\bquotas?\b|\blimit\s*ranges?\b",
    re.IGNORECASE,
)
FIELDS = frozenset({"instance_types", "total_cpu", "total_memory_gb", "total_disk_gb"})


def scheduling(label: str) -> bool:
    """Whether `label` names a Kubernetes request, limit or quota: its figure is no machine amount."""
    return bool(_SCHEDULING.search(label))


__all__ = ["FIELDS", "scheduling"]
