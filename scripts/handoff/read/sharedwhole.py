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

import functools
import re

from handoff.core.quickre import quick

_UNITS = (
    r"(?:tenants?|services?|namespaces?|teams?|tools?|systems?|applications?|apps|workloads?|products?"
    r"|projects?|business units?|departments?|customers?)"
)
# the units of a whole a title may call "other" ("Other tenants", "Other studio teams"): not services,
# tools or products, which a Sourcegraph part also has ("Other services: redis, blobstore")
_OTHERS = (
    r"(?:tenants?|teams?|namespaces?|workloads?|projects?|departments?|business units?|customers?|systems?"
    r"|applications?)"
)
_ALL = quick(
    rf"\b(?:across|for|over|of|by|in|among|between)\s+(?:all|every|each)\s+(?:of\s+)?(?:the\s+|our\s+)?"
    rf"(?:\w+\s+)?{_UNITS}\b"
    rf"|\ball\s+(?:the\s+)?(?:\w+\s+)?{_UNITS}\s+(?:combined|together|in total)\b"
    r"|\b(?:cluster|platform|estate|fleet|company|org|organisation|organization|enterprise)[- ]wide\b",
    re.IGNORECASE,
)


# A title (heading, parent bullet, leading label) about the shared whole itself or saying its part is
# somebody else's: "Shared cluster", "Shared platform", "Cluster capacity", "launchpad (not ours)",
# "Platform capacity (for context only)", "Supervisor limits (platform-owned)".
_WHOLE_NOUN = r"(?:cluster|platform|node\s*pools?|pools?|capacity|infrastructure|estate|supervisor)"
_WHOLE_LABEL = quick(  # a label naming the shared whole itself: "Shared cluster: …", "Cluster capacity: …"
    rf"\bshared\s+(?:[\w-]+\s+)?{_WHOLE_NOUN}\b"
    r"|\b(?:cluster|platform|supervisor)(?:'s)?\s+(?:capacity|inventory|size|sizing)\b"
    r"|\b(?:general|default|shared|common)[- ]purpose\s+(?:node\s*)?pool\b",
    re.IGNORECASE,
)
_NOT_OURS = quick(  # a title saying its part is somebody else's, or only there for context
    r"\bnot\s+(?:ours|mine|our\s+\w+|sourcegraph(?:'s)?)\b|\b(?:for\s+)?(?:context|reference|information)\s+only\b"
    r"|\b(?:platform|cluster|supervisor)[- ]owned\b|\bowned\s+by\s+(?:the\s+)?(?:\w+\s+)?platform\b",
    re.IGNORECASE,
)
# a short title (no sentence) naming the other units of the whole ("Other tenants mentioned in the
# review", "Other teams on the cluster") or all of them ("Cluster capacity (all tenants)", "Pools across
# all namespaces"); in a sentence ("… other departments have no access") these words tell of no part
_OTHER_UNITS = quick(
    rf"^\W*other\s+(?:[\w-]+\s+)?{_OTHERS}\b"
    rf"|\(\s*(?:across\s+|for\s+|of\s+)?all\s+(?:the\s+)?{_UNITS}\s*\)"
    rf"|\b(?:across|for|over)\s+(?:all|every)\s+(?:the\s+)?{_UNITS}\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[.;!?](?:\s|$)|(?:\S+\s+){9}")  # a full stop, or more than nine words
_OWN = re.compile(r"\bsourcegraph\b|\bdedicated\b|\bours\b|\bour\s+own\b|\btenants?\b", re.IGNORECASE)
_DENIED = re.compile(  # words of ownership said of somebody else: "not ours", "other tenants", "all tenants"
    rf"\bnot\s+(?:ours|sourcegraph(?:'s)?)|\b(?:other|all|every)\s+(?:the\s+)?(?:[\w-]+\s+)?{_UNITS}\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=512)  # (a title is asked again for each paragraph, item and row under it)
def whole_title(title: str, label: bool = False) -> bool:
    """Whether a section title says its part is not Sourcegraph's ("launchpad (not ours)", "Platform
    capacity (for context only)", "Supervisor limits (platform-owned)") or, for a leading label
    (`label`), names the shared whole Sourcegraph is one tenant of ("Shared cluster: …", "Cluster
    capacity: …"): its machines and sizes are the whole's. A heading naming the shared whole may hold
    Sourcegraph's own share (its tenants table), so only its words of ownership count. A title naming
    Sourcegraph, a dedicated pool or the tenant is Sourcegraph's own ("Shared cluster: Sourcegraph's
    dedicated pool")."""
    if not (
        _NOT_OURS.search(title)
        or (label and _WHOLE_LABEL.search(title))
        or (_OTHER_UNITS.search(title) and not _SENTENCE.search(title))
    ):
        return False
    return not _OWN.search(_DENIED.sub(" ", title))


_WHOLE_BRACKET = re.compile(rf"\bshared\s+(?:[\w-]+\s+)?{_WHOLE_NOUN}\s*\($", re.IGNORECASE)


def in_whole_bracket(text: str, at: int) -> bool:
    """Whether `at` is inside a bracket right after the shared whole's name ("the shared platform
    cluster (12 × m5.4xlarge nodes, …)"): the whole's figures."""
    opened = text.rfind("(", 0, at)
    if opened < 0 or text.rfind(")", 0, at) > opened:
        return False
    return _WHOLE_BRACKET.search(text, max(0, opened - 48), opened + 1) is not None


# the shared whole's name, then a relative clause describing it: "the shared OpenShift cluster, whose
# 40 workers (…) serve every team", "the shared platform, which has 36 nodes …"
_WHOLE_CLAUSE = quick(
    rf"\bshared\s+(?:[\w-]+\s+){{0,2}}?{_WHOLE_NOUN}\b[^,.;:()]{{0,30}}?,\s*(?:whose|which|that)\b"
    r"(?P<clause>(?:[^.;:]|\.(?=\S))*)",
    re.IGNORECASE,
)


# the shared whole as the subject of its own clause: "The shared cluster has 96 vCPU and 384 GB in total;
# Sourcegraph's namespace is allotted 32 vCPU …" (the clause ends at a semicolon or a full stop)
_WHOLE_SUBJECT = quick(
    rf"\bshared\s+(?:[\w-]+\s+){{0,2}}?{_WHOLE_NOUN}\s+(?:has|have|had|is|was|offers|provides|holds|totals)\b"
    r"(?P<clause>(?:[^.;:]|\.(?=\S))*)",
    re.IGNORECASE,
)


def in_whole_clause(sentence: str, at: int) -> bool:
    """Whether `at` lies in the relative clause that describes a shared whole right after its name ("We
    are one tenant of the shared OpenShift cluster, whose 40 workers (16 vCPU / 64 GiB each, 640 vCPU in
    all) serve every team."), or the clause whose subject it is ("The shared cluster has 96 vCPU and 384
    GB in total; …"): the clause tells the whole's size, not Sourcegraph's share, unless its
    own words name Sourcegraph's part (`dedicated`, `Sourcegraph`, `our`, `us`)."""
    for m in (*_WHOLE_CLAUSE.finditer(sentence), *_WHOLE_SUBJECT.finditer(sentence)):
        a, b = m.span("clause")
        if a <= at < b and not _OURS.search(_DENIED.sub(" ", m.group("clause"))):
            return True
    return False


# words giving Sourcegraph's part within a clause about the whole: "which gave us a dedicated pool"
_OURS = re.compile(r"\bsourcegraph\b|\bdedicated\b|\breserved\b|\b(?:ours|our|us|we)\b", re.IGNORECASE)


def spans_all(label: str) -> bool:
    """Whether `label` says its figure is taken over every tenant of a shared whole."""
    return bool(_ALL.search(label))


__all__ = ["in_whole_bracket", "in_whole_clause", "spans_all", "whole_title"]
