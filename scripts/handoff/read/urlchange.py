"""An address the instance moved to: "hostname moved to https://code.acme.example", "URL changed to
https://…", "the instance was renamed to https://…", "DNS name is now https://…".

A living document logs the move of the instance's address where it happened (a changelog entry, a
revision row, an edit note) and leaves the old address where the body first wrote it. A careful
reader takes the address moved to as the instance URL and every other address written before it as
history, as it does a name the deployment switched to. `moved_to(s, start)`: the URL at `start` is
the target of such a move, said of the instance's name or address in its own clause; a move
planned, asked for or denied ("will move to", "should be changed to", "not yet moved to") is none,
and so is another system's ("the GitLab URL changed to …", "the staging hostname moved to …").
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_MOVED = quick(
    r"(?:\b(?:host\s?names?|url|urls|address(?:es)?|domain|dns(?:\s+name)?|(?:instance\s+|site\s+)?name)\b"
    r"|://[^\s()]+)"  # (or the old address itself: "https://sg.… was replaced by https://…")
    r"[^.;:]{0,40}?\b(?:moved|changed|renamed|switched|migrated|updated|is\s+now|are\s+now|now|"
    r"replaced\s+(?:by|with)|superseded\s+by|gave\s+way\s+to)"
    r"(?:\s+(?:over\s+)?(?:to|at))?\s*:?\s*$"
    # the address written as the new one ("new hostname https://…", "New URL: https://…") or an arrow from
    # the old address ("https://sg.… → https://code.…")
    r"|\bnew\s+(?:public\s+|instance\s+|canonical\s+)?(?:host\s?name|url|address|domain|dns(?:\s+name)?)"
    r"\b\s*(?:is\s+)?:?\s*$"
    r"|://[^\s()]+\s*(?:→|->|=>|⇒)\s*$",
    re.IGNORECASE,
)
_NOT_MADE = re.compile(
    r"\b(?:not|never|will|would|shall|should|could|may|might|to\s+be|plan(?:s|ned)?|requested|pending|"
    r"proposed|if|once|when)\b",
    re.IGNORECASE,
)
# another system's address moved ("the GitLab URL changed to …", "Jira moved to …"): not the instance's
_OTHER = re.compile(
    r"\b(?:git(?:hub|lab|ea|olite)?|bitbucket|perforce|p4|helix|svn|tfs|azure\s+devops|ado|gerrit|jira|"
    r"confluence|jenkins|artifactory|nexus|registry|sso|idp|okta|ldap|saml|oidc|staging|test|dev|qa|"
    r"uat|pilot|trial|poc|webhook|callback|redirect\s+uri)\b",
    re.IGNORECASE,
)
_HINT = quick(
    r"moved|changed|renamed|switched|migrated|updated|now|new|replaced|superseded|gave|→|->|=>|⇒",
    re.IGNORECASE,
)


def moved_to(s: str, start: int) -> bool:
    """Whether the URL at `start` is where the instance's address moved (in its own clause)."""
    before = s[max(0, start - 80) : start]
    if not _HINT.search(before):
        return False
    m = _MOVED.search(before)
    if m is None:
        return False
    clause = re.split(r"[.;:]\s", before[: m.start()])[-1] + before[m.start() :]
    return not _NOT_MADE.search(clause) and not _OTHER.search(clause)


def moves(s: str) -> bool:
    """Whether a text may tell an address moved (a cheap pre-check: a URL and a word of moving)."""
    return "://" in s and bool(_HINT.search(s))
