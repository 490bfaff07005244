"""A part showing the vendor's sizing guidance, not the deployment.

A design deck or document often shows Sourcegraph's own sizing guide to place the deployment
("Appendix — reference sizes (Sourcegraph)", "Sourcegraph sizing guide (reference)", "Reference
tiers, for comparison only", "How Sourcegraph scales"): its tiers (`S: 16 vCPU / 64 GB, up to
1,000 users`) and worked examples are the vendor's figures. A title saying its part is such
guidance puts the part out, as a part about another system is; the deployment's own figures are
elsewhere. A title naming the deployment's own sizing ("Sizing", "Production sizing (from the
guide's M tier)") is not such a title: the guide must be the title's subject.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_GUIDE = quick(
    r"\bsizing\s+(?:guide|guidance|tiers?|chart|matrix)\b"
    r"|\breference\s+(?:sizes|sizing|tiers?|sizes?\s+table|architectures?\s+(?:tiers?|sizes))\b"
    r"|\b(?:size|t-shirt|tshirt)\s+tiers\b|\bt-shirt\s+sizes\b"
    r"|\((?:for\s+)?reference(?:\s+only)?\)|\bfor\s+(?:comparison|reference)\s+only\b"
    r"|\bhow\s+(?:sourcegraph|it|the\s+product|the\s+platform)\s+scales\b"
    r"|\bscaling\s+(?:guide|guidance|model)\b",
    re.IGNORECASE,
)
# a title whose subject is the deployment itself, the guide only its source: "Production sizing (from
# the sizing guide's M tier)", "Our size vs the reference tiers"
_OWN = re.compile(r"\b(?:our|ours|production|prod|as[\s-]built|chosen|selected)\b", re.IGNORECASE)


def guide_title(title: str) -> bool:
    """Whether a section title (heading, caption, tab) says its part is the vendor's sizing guidance."""
    if len(title) > 100 or not _GUIDE.search(title):
        return False
    return not _OWN.search(title)


__all__ = ["guide_title"]
