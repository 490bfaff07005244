"""Machines and sizes a sentence says are outside the deployment.

A test report names the load generators beside the system under test, a runbook the bastion host beside
the cluster; a careful reader drops their figures when the sentence says so: "3 × D8s_v5 load-generator
VMs … are not part of the Sourcegraph system", "the control-plane nodes are shared and not counted
here", "excluded from the totals", "I have left it out of the totals" (or, after a semicolon, "…; we
kept it out of the totals"), "is shared capacity and not counted against the service", or denies they
are its own: "(its 12T is not ours)", "the node root volumes are not Sourcegraph storage", or says they
carry none of it: "(4 vCPU each) don't run Sourcegraph workloads", "…, no Sourcegraph pods" (a clause
of its own), "runs kube-system only" (the
cluster's own system), or says they are no capacity of their own ("which is not additional capacity":
`read.carvedparts`), or says they are gone: "The default pool (3 × e2-standard-4) was deleted on day 2"
(unless it names what came instead). The machines, CPUs, memory and disks of such a sentence are not
the deployment's. Only the sentence's own words decide (a verb group denying membership or counting),
never the machines' names."""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.read.carvedparts import NOT_EXTRA
from handoff.read.stops import sentence_ends

_WHOLE = (  # what a machine may be said to be outside of
    r"(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:system|deployment|instance|installation|service|sizing|totals?|"
    r"figures?|cluster|platform|footprint)\b|sourcegraph\b)"
)
_OWNER = r"sourcegraph(?:'s)?|our|the\s+(?:service|deployment|instance|platform)'s|the\s+deployment"
_OUTSIDE = quick(
    rf"\b(?:(?:is|are|was|were|being)\s+(?:also\s+)?not\s+(?:part\s+of|included\s+in|counted\s+in|in)\s+{_WHOLE}"
    rf"|(?:is|are|was|were)\s+excluded\s+from\s+{_WHOLE}|(?:is|are|was|were)\s+not\s+counted(?:\s+here)?\b"
    r"|(?:do|does|did)\s*(?:n't|\s+not)\s+count\b"
    # the writer's own act: "I have left it out of the totals", "we excluded them from the sizing"
    rf"|\b(?:left|leave|leaving|kept|keep|keeping)\s+(?:it|them|this|that|these|those)\s+out\s+of\s+{_WHOLE}"
    rf"|\b(?:excluded?|excluding)\s+(?:it|them|this|that|these|those)\s+from\s+{_WHOLE}"
    # or sets them aside by name of the act: "… 20 GiB and I'm ignoring them", "we ignore those"
    r"|\b(?:i|we)(?:['’]m|['’]re|\s+am|\s+are|\s+have\s+been)?\s+(?:ignoring|ignored?|disregard(?:ing|ed)?)\s+"
    r"(?:it|them|these|those)\b"
    # machines that carry none of it: "don't run Sourcegraph workloads", "run no Sourcegraph pods"
    rf"|(?:(?:do|does|did)\s*(?:n't|\s+not)\s+(?:run|host|carry)\s+(?:any\s+(?:of\s+(?:the\s+)?)?)?"
    rf"|\b(?:runs?|hosts?|carry|carries)\s+(?:no|none\s+of\s+(?:the\s+)?)\s*)"
    rf"(?:(?:{_OWNER})\s+)?(?:workloads?|pods?|services)\b"
    # or say so in a clause of their own with no verb: "3 × 8 vCPU / 32 GB, shared platform nodes, no
    # Sourcegraph pods", "(AKS system pods only, no Sourcegraph workloads)"
    rf"|(?<=[,;(]\s)no\s+(?:(?:{_OWNER})\s+)?(?:workloads?|pods?)(?=\s*(?:[.,;)]|$))"
    # machines that carry only the cluster's own system: "(2 × e2-standard-4) runs kube-system only",
    # "only runs kube-system", "runs nothing but the kube-system pods"
    r"|\b(?:runs?|hosts?|carr(?:y|ies))\s+(?:only\s+|just\s+|nothing\s+but\s+)(?:the\s+)?kube-system\b"
    r"|\b(?:runs?|hosts?|carr(?:y|ies))\s+(?:the\s+)?kube-system(?:\s+(?:pods|workloads?|services))?\s+only\b"
    # the second half of a verb group: "is shared platform capacity and not counted against the service"
    r"|\b(?:and|but)\s+(?:is\s+|are\s+)?not\s+(?:counted|included\s+in|part\s+of)\b"
    # a disk that holds only the machine's own system: "the local 600 GB NVMe only holds the OS and
    # Docker images", "a 100 GB disk just for the operating system"
    r"|\b(?:only|just|merely)\s+(?:holds?|has|carries|carry|stores?|contains?|keeps?|for|used\s+for)\s+"
    r"(?:the\s+)?(?:os|operating\s+system|boot(?:\s+files)?|system\s+files)\b"
    # ownership denied: "(its 12T is not ours)", "the node root volumes are not Sourcegraph storage"
    rf"|(?:\bis|\bare|\bwas|\bwere|'s|'re)\s*(?:n't|\s+not)\s+(?:ours|mine|theirs\b(?!\s+to)"
    rf"|(?:the\s+)?(?:{_OWNER})\s+(?:[\w-]+\s+)?(?:storage|disks?|capacity|volumes?|machines?|nodes?|servers?)\b))",
    re.IGNORECASE,
)
FIELDS = frozenset({"instance_types", "total_cpu", "total_memory_gb", "total_disk_gb"})
# a disk a sentence says is the system's alone: "the 100 GiB root volume is the OS only", "are just the
# OS" (in a bracket it is the bracket's own remark: `outaside.py` reads it there)
_OS_ONLY = quick(
    r"(?:\b(?:is|are|was|were)|'s|'re)\s+(?:(?:just|only|merely|purely)\s+(?:for\s+)?(?:the\s+)?"
    r"(?:os|operating\s+system|boot)\b|(?:for\s+)?(?:the\s+)?(?:os|operating\s+system|boot)[\s-]+only\b)",
    re.IGNORECASE,
)


def _os_only(text: str) -> re.Match[str] | None:
    """The first `_OS_ONLY` verdict of the text that is in no bracket."""
    for m in _OS_ONLY.finditer(text):
        if text.count("(", 0, m.start()) <= text.count(")", 0, m.start()):
            return m
    return None


# machines the sentence says are gone: "The default pool GKE creates (3 × e2-standard-4) was deleted on
# day 2" (not one that names what came instead: "… was deleted and replaced by 4 × n2-standard-16")
_GONE = quick(
    r"\b(?:is|are|was|were|got|(?:has|have)(?:\s+(?:since|already|also))?\s+been)\s+"
    r"(?:(?:since|later|then|already|also|all)\s+)?"
    r"(?:deleted|removed|torn\s+down|destroyed|terminated|deprovisioned|scrapped|switched\s+off|shut\s+down)\b",
    re.IGNORECASE,
)
_INSTEAD = quick(r"replac|instead|in\s+favou?r|→|->|\bnew\b|\bnow\b|moved\s+to|migrated", re.IGNORECASE)


def outside(sentence: str) -> bool:
    """Whether the sentence says what it describes is not part of, not counted in, or excluded from
    something, or is gone (deleted, torn down) with nothing named in its place: its machines and
    sizes are not the deployment's."""
    if _OUTSIDE.search(sentence) or _os_only(sentence) or NOT_EXTRA.search(sentence):
        return True
    return bool(_GONE.search(sentence)) and not _INSTEAD.search(sentence)


def said_from(text: str) -> int:
    """Where the part of `text` a verdict of `outside` covers starts: the start of the sentence
    holding the verdict, even one written without a capital ("… → 64 vCPU / 256 GiB all in. control
    plane … is 3 × m5.xlarge but that's not ours, don't count it"); 0 when it is the first, or when
    there is no verdict (`len(text)`)."""
    verdict = (
        _OUTSIDE.search(text)
        or _os_only(text)
        or NOT_EXTRA.search(text)
        or (None if _INSTEAD.search(text) else _GONE.search(text))
    )
    if verdict is None:
        return len(text)
    stops = list(sentence_ends(text, 0, verdict.start()))
    return stops[-1] if stops else 0


_PRONOUN = re.compile(
    # (or the writer leaving them out: "…; we kept it out of the totals", "I have excluded them from …")
    r"^\W*(?:they|these|those|it|both|all of them|each of them"
    r"|(?:we|i)(?:\s+(?:have|had|'ve|also|deliberately))*\s+(?:left|kept|excluded)\s+(?:it|them|these|those)"
    # (or not counting them: "I don't count those in Sourcegraph's sizing", "we did not count them")
    r"|(?:we|i)\s+(?:do|did|will|would)\s*(?:n['’]t|\s+not)\s+(?:count|include)\s+(?:it|them|these|those))\b",
    re.IGNORECASE,
)
# ownership denied of all the sentence before by a quantifier: "None of that is ours", "none of those
# machines are Sourcegraph's", "Not one of them is ours", also as a clause of its own after one that
# says what Sourcegraph is to them: "Sourcegraph is a small tenant on it and none of those numbers are
# ours", "We only rent a slice; none of these figures are ours"
_NONE_OURS = quick(
    r"(?:^|[;,]\s*|\s(?:and|but|so)\s+)\W*"
    r"(?:none|not\s+one|neither|no\s+part)\s+of\s+(?:that|this|it|them|these|those|which)\b[^.;]{0,40}?"
    rf"\b(?:is|are|was|were|belongs?\s+to)\s+(?:ours|mine|(?:{_OWNER})(?:\s+[\w-]+)?)\b",
    re.IGNORECASE,
)


# a verdict with no subject, of what the sentence before described: "Not part of the Sourcegraph
# sizing.", "Excluded from the totals.", "Not counted.", "Not ours."
_VERBLESS = re.compile(
    rf"^\W*(?:(?:also|and|but)\s+)?(?:not\s+(?:part\s+of|included\s+in|counted\s+(?:in|towards?|against))\s+{_WHOLE}"
    rf"|excluded\s+from\s+{_WHOLE}|not\s+counted\b|not\s+(?:ours|(?:{_OWNER})\b))",
    re.IGNORECASE,
)


# a sentence whose subject is a whole the machines run on, said to be shared with others: "The cluster
# is shared with SAP and the PLM system", "This platform is shared by every business unit" -- the
# figures the sentence before gave that whole (its hosts, cores, RAM) are everyone's, not ours
_SHARED_WHOLE = quick(
    r"^\W*(?:the|this|that|its|their|our)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:cluster|platform|estate|farm|hypervisors?|hosts|array|datastore|san|infrastructure)\s+(?:itself\s+)?"
    r"(?:is|are)\s+(?:also\s+)?shared\s+(?:with|by|among|between|across)\b",
    re.IGNORECASE,
)


def said_of_before(sentence: str) -> bool:
    """A sentence opening with a pronoun that says its subject is outside ("…; they were deleted after
    the test and are not part of the system", "None of that is ours."), or whose subject is the
    platform the sentence before described, said to be shared ("The cluster is shared with SAP"):
    said of the machines of the sentence before."""
    return (
        bool(_NONE_OURS.search(sentence))
        or bool(_VERBLESS.match(sentence))
        or bool(_SHARED_WHOLE.match(sentence))
        or (bool(_PRONOUN.match(sentence)) and outside(sentence))
    )


def said_of_all(sentence: str) -> bool:
    """Whether the sentence denies ownership of all that was said before it by a quantifier ("None
    of it is ours", "none of those machines are Sourcegraph's"): it reaches back over a sentence that
    only goes on about the same things with no figure read ("That is the platform team's estate and
    it carries 300 other VMs."), where a pronoun ("They are not part of it") is of the sentence
    right before."""
    return bool(_NONE_OURS.search(sentence))


__all__ = ["FIELDS", "outside", "said_from", "said_of_all", "said_of_before"]
