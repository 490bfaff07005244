"""A section title that argues against something: "Why not Kubernetes, and why not the cloud".

A design written as an argument gives the options it turned down a section of their own, titled by the
question it answers: "Why not Kubernetes?", "Why we did not use the Helm chart", "Why OpenShift was not
chosen". A careful reader takes what such a part describes (the cluster it would have used, its
workers' sizes, the managed service) as the options not taken: none of its machines, sizes or tools
is the deployment's, which the document describes under its own heading. A title giving the reason for
what was done ("Why Docker Compose", "Why one VM") is not such a title.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_WHY_NOT = quick(
    r"^\W*(?:(?:section|part)\s+)?(?:\d+(?:\.\d+)*\.?|[A-Z]\.)?\s*[:.—–-]?\s*why\s+"
    r"(?:not\b|(?:we|they|I)\s+(?:did\s+not|didn['’]t|do\s+not|don['’]t|decided\s+against|ruled\s+out|"
    r"rejected|turned\s+down|dropped)\b"
    r"|(?:[\w.-]+\s+){1,4}(?:was|were|is|are)\s+(?:not|never)\s+(?:chosen|used|taken|adopted|picked|"
    r"selected|an\s+option)\b)",
    re.IGNORECASE,
)


def argued_against(title: str) -> bool:
    """Whether a section title says its part argues against what it names (see the docstring)."""
    return len(title) < 100 and _WHY_NOT.search(title) is not None


__all__ = ["argued_against"]
