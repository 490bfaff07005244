"""The virtualisation platform under the deployment: its hosts' figures are not the deployment's.

An on-premises TDD puts Sourcegraph in a VM (or a few) on the customer's hypervisor cluster, and
often describes that cluster too: "the Nutanix cluster itself (four NX-3170 nodes) has around 380
cores and 2.5 TB of memory", "the cluster has two more ESXi hosts with spare capacity (about 96
cores …)", "the Hyper-V hosts are Dell R750s with 1 TB each". A careful reader gives those
machines, cores, memory and disks to the platform, shared with every other VM on it, and reads the
deployment's size from its own VM.

`platform_spans(sentence)` gives the clauses of a sentence whose subject (or, after a bare `the
cluster` / `it`, whose object) is the hypervisor's cluster or hosts: a hypervisor's name (Nutanix,
AHV, ESXi, vSphere, VMware, Hyper-V, Proxmox, KVM, oVirt, XenServer, XCP-ng, Azure Stack HCI, a
`hypervisor` or `virtualisation` word) before `cluster`, `hosts`, `nodes`, `servers` or `farm`. A
clause naming Sourcegraph or the deployment is not one (`Sourcegraph gets a VM on the vSphere
cluster with 32 vCPU`), nor a Kubernetes cluster (`Tanzu Kubernetes cluster`, `TKC`). The prose
reader drops the machine facts (types, CPUs, memory, disks) inside those spans (`without_platform`).
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.read.fact import Fact

_HYPERVISOR = (
    r"(?:nutanix|ahv|esxi|vsphere|vmware|hyper-v|hyperv|proxmox|kvm|ovirt|xenserver|xcp-ng|azure\s+stack\s+hci|hci|"
    r"hypervisor|virtuali[sz]ation)"
)
_HOSTS = r"(?:clusters?|hosts?|nodes?|servers?|farm|blades?)"
_GATE = quick(_HYPERVISOR, re.IGNORECASE)
_OPENER = (
    r"^\W*(?:(?:for\s+(?:the\s+)?(?:record|reference|context|comparison)|by\s+comparison|meanwhile|today)"
    r"\s*,\s*)?"
)
_SUBJECT = re.compile(
    rf"{_OPENER}(?:the|our|their|its|this|that|each|every|all|both|\w+'s)?\s*(?:[\w.&-]+\s+){{0,2}}?"
    rf"{_HYPERVISOR}\s+(?:[\w.-]+\s+){{0,1}}?{_HOSTS}\b",
    re.IGNORECASE,
)
# "The cluster has two more ESXi hosts …": a bare cluster or pronoun as subject, the hosts its object
_OBJECT = re.compile(
    rf"{_OPENER}(?:the\s+cluster|it|they)\s+(?:has|have|had|holds?|consists\s+of|comprises?)\b[^.;]{{0,40}}?"
    rf"\b{_HYPERVISOR}\s+{_HOSTS}\b",
    re.IGNORECASE,
)
_OURS = re.compile(
    r"\b(?:sourcegraph|the\s+deployment|kubernetes|k8s|k3s|tkc|tanzu\s+kubernetes)\b", re.IGNORECASE
)
_CLAUSE = re.compile(r"(?:[^.;!?]|[.!?](?=\S))+(?:[.;!?]|$)")  # ("2.5 TB" ends no clause)


def platform_spans(sentence: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of `sentence` about the hypervisor platform's cluster or hosts."""
    if not _GATE.search(sentence):
        return []
    out = []
    for m in _CLAUSE.finditer(sentence):
        clause = m.group(0)
        if (_SUBJECT.match(clause) or _OBJECT.match(clause)) and not _OURS.search(clause):
            out.append((m.start(), m.end()))
    return out


_MACHINE_FIELDS = frozenset({"instance_types", "total_cpu", "total_memory_gb", "total_disk_gb"})


def without_platform(sentence: str, facts: list[Fact]) -> list[Fact]:
    """`facts` of `sentence` without the machine facts inside its clauses about the platform."""
    spans = platform_spans(sentence) if facts else []
    if not spans:
        return facts
    return [f for f in facts if f.field not in _MACHINE_FIELDS or not any(a <= f.start < b for a, b in spans)]


__all__ = ["platform_spans", "without_platform"]
