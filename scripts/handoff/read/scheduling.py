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
# a label whose head noun is the limits or quota itself, an aside after it ("limits (set by the
# platform for us)", "Namespace limits", "Hard limits"), or the platform's defaults for a new tenant
# ("Defaults for a new project", "Default for every namespace")
_LIMITS_LABEL = quick(
    r"^\W*(?:[\w.-]+\s+){0,3}(?:limits|quotas?|requests)\s*(?:\([^()]*\))?\W*$"
    r"|\bdefaults?\s+(?:for|of|given\s+to)\s+(?:a|an|any|each|every|all|new)\b",
    re.IGNORECASE,
)
# in prose, a figure a scheduling key opens ("requests.memory 240Gi", "limits.cpu: 62"), or one a
# request, limit or quota closes ("64 GiB of requests", "a 200 vCPU quota", "16 vCPU request")
_KEY_BEFORE = re.compile(
    rf"\b(?:requests|limits|hard)\s*\.\s*{_RESOURCE}\s*[:=]?\s*(?:of\s+)?$", re.IGNORECASE
)
_WORD_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:(?:cpu|memory|ram|storage)\s+)?(?:requests?|limits?|quotas?)\b(?!\s+(?:of|for)\s+\d)",
    re.IGNORECASE,
)
# a bracket a quota opens: "the “medium” quota by default (16 vCPU and 64 GiB, 1 TiB of disk)"
_QUOTA_BRACKET = re.compile(r"\b(?:quotas?|limit\s*ranges?)\b(?:\s+[^\s()]+){0,3}\s*\($", re.IGNORECASE)
FIELDS = frozenset({"instance_types", "total_cpu", "total_memory_gb", "total_disk_gb"})


def scheduling(label: str) -> bool:
    """Whether `label` names a Kubernetes request, limit or quota: its figure is no machine amount."""
    return bool(_SCHEDULING.search(label))


def limits_label(label: str) -> bool:
    """Whether a label naming no field is the limits or quota itself ("limits (set by the platform for
    us): CPU 120 GHz, memory 448 GiB"), or the platform's defaults for a new tenant ("Defaults for a
    new project: 4 vCPU / 8 GiB"): the CPU, memory and disk figures of its value are none of ours."""
    return bool(_SCHEDULING.search(label) or _LIMITS_LABEL.search(label))


# a quota's change: "quota lowered from 40 to 36 vCPU", "the quota was raised to 64"
_QUOTA_CHANGE = re.compile(
    r"\bquotas?\s+(?:\w+\s+){0,2}(?:from\s+[\d.,]+\s*(?:v?cpus?|cores?|gi?b)?\s+)?to\s*$", re.IGNORECASE
)


def scheduled_figure(before: str, after: str) -> bool:
    """Whether a CPU or size figure in prose is a request, limit or quota by the words right around it:
    `before` is its sentence up to the figure, `after` the words after it."""
    if _WORD_AFTER.match(after) or _KEY_BEFORE.search(before[-40:]) or _QUOTA_CHANGE.search(before[-60:]):
        return True
    opened = before.rfind("(")
    return opened > before.rfind(")") and bool(_QUOTA_BRACKET.search(before, max(0, opened - 60), opened + 1))


__all__ = ["FIELDS", "limits_label", "scheduled_figure", "scheduling"]
