"""What a code host is named for in its clause: the customer's repositories, or another use.

A code host is a host the customer's repositories live on. A careful reader does not take a host
named in a clause whose thing on it is the deployment's own tooling or a document: "The Helm chart
itself comes from GitHub.com", "(chart pulled from github.com/sourcegraph/…)", "our runbooks are
kept on GitHub.com", "issues in Jira, sign-in through GitLab". The clause is the bracketed aside
holding the name, else the piece of its sentence between semicolons and dashes (its asides left
out), else its sentence; an aside right after the name saying its one use ("GitHub.com (Helm
values only)", "(for the chart)") speaks for the name.
A clause that also speaks of code ("the repositories and their Helm charts are on GitLab") names
the host for its code. `tooling_only(text, found)` gives the hosts whose every mention in `text`
is in such a clause; a host named once for its code and once for its chart stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handoff.core.quickre import quick
from handoff.read.found import outright
from handoff.read.vocab import Found, mask

_TOOLING = quick(  # the deployment's tooling, documents and sign-in: kept on a host, no code to search
    r"\b(?:helm|charts?|values files?|manifests?|overlays?|terraform|pipelines?|ci|ci/cd|actions|"
    r"container registry|registry|images?|packages?|issues?|tickets?|sso|saml|oauth|oidc|sign[- ]?in|"
    r"log[- ]?in|single sign-on|identity provider|runbooks?|playbooks?|docs|documentation|wiki|handbook|"
    r"compose files?|argo\s*cd|flux(?:\s*cd)?|gitops)\b",
    re.IGNORECASE,
)
_CODE = re.compile(
    r"\b(?:repositor\w*|repos?|code|source|projects?|depots?|monorepos?|mirror\w*|index\w*|connected|synced|"
    r"searchable|orgs?|organi[sz]ations?|groups?|workspaces?)\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\(([^()]*)\)")
# one repository the tooling is kept in, named by its path, and a GitOps tool syncing from it ("synced by
# Argo CD from the repository platform/sg-k8s on GitHub"): the tooling's place, not code to search
_ONE_REPO = re.compile(
    r"\b(?:the|a|its|our|one)\s+(?:[\w-]+\s+)?(?:repository|repo)\s+[\w.-]+/[\w./-]+"
    r"|\bsync(?:ed|s)?\s+(?:by|with|through|via)\s+(?:argo\s*cd|flux(?:\s*cd)?)\b",
    re.IGNORECASE,
)
_USE_ASIDE = re.compile(  # an aside right after a host saying its one use: "(for the chart)", "(CI only)"
    r"\s*\(((?:only|just|used)?\s*(?:for|as)\b[^()]*|[^()]*\bonly)\)", re.IGNORECASE
)
_PIECE_END = re.compile(r"[;\n]|\s[—–-]\s|\.(?:\s|$)")


def _clause(text: str, at: int) -> str:
    """The clause holding the offset `at`: its bracketed aside, else its piece without the asides
    in it (an aside is a statement of its own: "Gerrit, Jira (issue links)")."""
    asides = list(_ASIDE.finditer(text))
    for m in asides:
        if m.start(1) <= at < m.end(1):
            return m.group(1)
    start = max((m.end() for m in _PIECE_END.finditer(text, 0, at)), default=0)
    end = next((m.start() for m in _PIECE_END.finditer(text, at)), len(text))
    return _ASIDE.sub(" ", text[start:end])


def tooling_only(text: str, found: Sequence[Found]) -> set[str]:
    """The hosts in `found` whose every mention in `text` is in a clause naming the deployment's
    tooling, a document or sign-in on it, and no code."""
    found = outright(found)  # (a bare name read as the document's edition denies nothing)
    if not found or not _TOOLING.search(text):
        return set()
    masked = mask(text, found)
    named_for_code: set[str] = set()
    other: set[str] = set()
    for f in found:
        clause = _clause(masked, f.start)
        use = _USE_ASIDE.match(masked, f.end)  # "GitHub.com (Helm values only)": the host's one use
        if use:
            clause = use.group(1)
        if _TOOLING.search(clause) and not _CODE.search(_ONE_REPO.sub(" ", clause)):
            other.add(f.value)
        else:
            named_for_code.add(f.value)
    return other - named_for_code
