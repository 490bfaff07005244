"""A title that is a supporting machine of its own role: the way in, the images' mirror.

An on-premises or air-gapped deployment stands beside machines that serve it and are not it: the jump
host (bastion) its admins come in through, the registry mirror its images are pulled from. A line
labelled by such a machine ("Jump host: mzm-jump-01 (4 vCPU, 16 GB)", "Bastion hs-bastion-01: VM, 4
vCPU", "Registry mirror (Harbor): 4 vCPU, 16 GB, 2 TB") gives that machine's figures, never the
deployment's. Only a title that is the machine (its role, perhaps its name and a bracket) counts: a
heading about access through it ("Access via the bastion") is about the deployment.

`supporting_title(title)`: whether a section title (a leading label, a heading, a parent bullet) is
only such a machine.
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened

_ROLE = (
    r"(?:jump[\s-]*(?:hosts?|box(?:es)?|servers?)|jumphosts?|bastion(?:[\s-]+(?:hosts?|vms?|servers?))?"
    r"|(?:container\s+|image\s+|docker\s+)?registry\s+mirrors?|mirror\s+registr(?:y|ies))"
)
_TITLE = re.compile(
    rf"\W*(?:the\s+|our\s+|a\s+)?(?:admin\s+|windows\s+|linux\s+)?{_ROLE}"
    r"(?:\s+[\w.-]*[\d_.-][\w.-]*)?(?:\s*\([^()]*\))?\W*",
    re.IGNORECASE,
)
_GATE = opened(re.compile(r"jump|bastion|mirror", re.IGNORECASE))


def supporting_title(title: str) -> bool:
    """Whether a section title is only a supporting machine (module doc)."""
    return len(title) <= 80 and bool(_GATE.search(title)) and _TITLE.fullmatch(title) is not None


__all__ = ["supporting_title"]
