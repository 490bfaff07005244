"""A figure labelled as spanning every tenant of a shared whole: the whole's, not Sourcegraph's.

In a shared cluster's plan, a platform's capacity review or a tools estate's inventory, Sourcegraph
is one tenant (service, namespace, team's tool) of several. A figure whose label says it is taken
over all of them ("Persistent disk across all tenants: 12,400 GiB", "Memory for all namespaces
combined", "cluster-wide CPU", "Users of all tools") is the whole's: a careful reader gives it to
none of them. The tell is the label's own words: a quantifier over the units Sourcegraph is one of
(tenants, services, namespaces, teams, tools, systems, applications, workloads, products), or the
whole named as wide (`cluster-wide`, `platform-wide`). Over Sourcegraph's own parts ("across all
nodes", "across all gitserver replicas", "all volumes") the figure is Sourcegraph's total and is
read as before.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_UNITS = (
    r"(?:tenants?|services?|namespaces?|teams?|tools?|systems?|applications?|apps|workloads?|products?"
    r"|projects?|business units?|departments?|customers?)"
)
_ALL = quick(
    rf"\b(?:across|for|over|of|by|in|among|between)\s+(?:all|every|each)\s+(?:of\s+)?(?:the\s+|our\s+)?"
    rf"(?:\w+\s+)?{_UNITS}\b"
    rf"|\ball\s+(?:the\s+)?(?:\w+\s+)?{_UNITS}\s+(?:combined|together|in total)\b"
    r"|\b(?:cluster|platform|estate|fleet|company|org|organisation|organization|enterprise)[- ]wide\b",
    re.IGNORECASE,
)


def spans_all(label: str) -> bool:
    """Whether `label` says its figure is taken over every tenant of a shared whole."""
    return bool(_ALL.search(label))


__all__ = ["spans_all"]
