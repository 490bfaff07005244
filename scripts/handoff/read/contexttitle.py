"""A section title that gives its part for context only, or sends the reader to the part's own document.

A document about one of several instances keeps a section on each of the others "so readers understand
the split": `3. Northern unit (context only)`, `LEGACY instance (reference only)`, `The APAC instance
(for orientation; see its own TDD)`, `Secure-side cluster — for contrast`, `Partner tenant: covered by
its own handoff`. A careful reader takes the title's aside as the author's verdict on the whole part:
its machines, sizes, counts, hosts, address and dates are the other instance's, never this one's.

The verdict is an aside of the title (in brackets, or after a dash, colon or semicolon) saying the part
is there for context, reference, orientation, contrast or background only, or that the thing it names
has its own (or a separate, another) TDD, handoff or design document. The title before the aside must
name a thing (a noun of a deployment's unit: instance, cluster, site, region, tenant, unit,
environment, deployment, platform, server; or a name written capitalised after the title's first
word), so a plain `Background (for context)` or `Glossary — for reference` over the document's own
story says nothing. A title naming production itself is the caller's to keep.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_DOCUMENT = r"(?:tdd|hand-?off|hand-?over|design(?:\s+document)?|document(?:ation)?|doc|runbook)"
_VERDICT = quick(
    r"\b(?:(?:for\s+)?(?:context|reference|orientation|contrast|background|information)(?:al)?\s+only"
    r"|for\s+(?:context|reference|orientation|contrast|background|information)\b"
    rf"|(?:see|has|have|with|in|covered\s+(?:by|in)|described\s+in)\s+(?:its|their|a|the)\s+"
    rf"(?:own|separate|dedicated)\s+{_DOCUMENT}\b"
    rf"|\b(?:own|separate|another)\s+{_DOCUMENT}\b)",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"[(\[]|\s[—–-]\s|[:;]\s")
_UNIT = re.compile(
    r"\b(?:instances?|clusters?|sites?|regions?|tenants?|units?|environments?|deployments?|platforms?"
    r"|servers?|estates?|subsidiar(?:y|ies))\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^\W*(?:(?:section|part|chapter|appendix)\s+)?(?:(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+)?")


def context_title(title: str) -> bool:
    """Whether a title gives its part for context only or sends it to a document of its own (above)."""
    if len(title) >= 120:
        return False
    aside = _ASIDE.search(title)
    if aside is None or aside.start() == 0:
        return False
    verdict = _VERDICT.search(title, aside.start())
    if verdict is None:
        return False
    head = _NUMBER.sub("", title[: aside.start()], count=1).strip()
    words = head.split()
    if not words:
        return False
    return bool(_UNIT.search(head)) or any(w[:1].isupper() for w in words[1:])


__all__ = ["context_title"]
