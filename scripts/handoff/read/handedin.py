"""Machines or infrastructure handed over to the implementer: what the build starts from, not its end.

A build log dates what other teams give the implementer before the work: "2026-02-09 prod: VMs handed
over by vsphere team, rke2 + kustomize apply started", "servers delivered by the hardware team on 3
Feb", "namespace handed over to us by platform on 12 May". A careful reader reads no completion from
such a handover: the machines (or the account, the namespace, the network) were given, the deployment
was not finished; the build's own verb in the clause ("… apply started") is read instead.

The tell is structural: the thing handed over is raw infrastructure (machines, hosts, hardware, an
account, a namespace, a project, storage, a network), and the handover comes from someone else (`by`,
`from` its giver) or to the implementer (`to us`, `to me`, `to the IE`), or someone else hands it over
("the vSphere team handed over the VMs"; not "we handed over …", nor a cluster, which may be the
deployment), or the line goes on with the build's start ("production VMs handed over, build
started"). "The cluster was handed over to dev-infra" (to the customer's team: the deployment handed
off) and "handed over to operations" are no such thing, nor is a handover said of the deployment
("Sourcegraph handed over on 6 March").
"""

from __future__ import annotations

import re

_THING = (
    r"(?:vms?|virtual\s+machines|machines|servers?|hosts?|hardware|bare[\s-]metal|nodes|"
    r"infra(?:structure)?|namespaces?|accounts?|subscriptions?|projects?|tenanc(?:y|ies)|credentials|"
    r"luns?|datastores?|storage|network(?:ing)?|vlans?|vnets?|vpcs?|subnets?|ips?|resource\s+groups?|"
    r"landing\s+zones?|clusters?)"
)
# the same said actively, someone else giving the machines ("the vSphere team handed over the VMs",
# "platform delivered three servers"): never the implementer ("we handed over …") nor a cluster, which
# may be the deployment itself
_RAW = _THING.replace("|clusters?", "")
_GIVES = re.compile(
    rf"(?<!\bwe\s)(?<!\bI\s)\b(?P<verb>handed\s+over|delivered|provided)\s+"
    rf"(?:(?:the|our|its|their|two|three|four|five|six|\d+)\s+)?(?:[\w-]+\s+)?{_RAW}\b",
    re.IGNORECASE,
)
_GIVEN = re.compile(
    rf"\b{_THING}\s+(?:(?:were|was|are|is|got|have\s+been|has\s+been|been|all|now)\s+)*"
    r"(?P<verb>handed(?:\s+\w+){0,2}?\s+over|delivered|provided|made\s+available)\s+"
    r"(?:to\s+(?:us|me|sourcegraph|the\s+(?:ie|implementer|implementation\s+(?:engineer|team)))\b|by\b|from\b)",
    re.IGNORECASE,
)
# the same said as the first of two events of one line, the build's start the second ("production VMs
# handed over, build started", "servers delivered; install began"): what the build started from
_THEN_BUILT = re.compile(
    rf"\b{_THING}\s+(?:(?:were|was|are|is|all)\s+)*(?P<verb>handed\s+over|delivered|provided)\s*[,;]\s*"
    r"(?:and\s+)?(?:the\s+|our\s+)?(?:build|install(?:ation)?|deployment|set-?up|work)\s+"
    r"(?:was\s+|has\s+)?(?:started|starts|began|begins|begun|commenced|kicked\s+off)\b",
    re.IGNORECASE,
)
_WORDS = ("handed", "deliver", "provided", "available")


def given_at(clause: str) -> frozenset[int]:
    """Where, in `clause`, the verbs of infrastructure handed to the implementer start (no completion)."""
    folded = clause.casefold()
    if not any(w in folded for w in _WORDS):
        return frozenset()
    found = (*_GIVEN.finditer(clause), *_GIVES.finditer(clause), *_THEN_BUILT.finditer(clause))
    return frozenset(m.start("verb") for m in found)


__all__ = ["given_at"]
