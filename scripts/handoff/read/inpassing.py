"""A code host named in passing: a clause that says nothing about whether the host is searched.

A paragraph often names a host twice: once for what it holds ("the hardware group keeps its
schematics in Perforce", "the old projects live in Subversion") and once to say whether Sourcegraph
reads it ("connecting Perforce was parked until next year, so it is not connected today"). A human
takes the second statement as the answer: the first tells where some code is, not that it is
searched. Only a clause that affirms the connection (a verb of searching, syncing or connecting not
denied, or a repository count) stands against a denial beside it.

`in_passing(clause)` says a clause is such a mention: no verb of searching or connecting and no
figure. `connection.unconnected` counts a host as not connected when some statement of the
paragraph denies it outright (a negation or "out of scope", not a plan; of the host itself, no part
of it named: `whole`) and every other statement naming it is in passing. A clause that affirms the
host (`Sourcegraph syncs 2,310 repositories from Bitbucket`, `GitHub is connected`) still keeps it.
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened

# a verb that says code is searched, synced or connected, or a figure (a repository count); where the
# code is kept ("projects still in Subversion") is no such word
_AFFIRMS = opened(
    re.compile(
        r"\b(?:(?:re-?)?(?:connect|index|sync|search|mirror|clon|onboard|crawl|import|integrat|pull|fetch)\w*"
        r"|code hosts?)|\d",
        re.IGNORECASE,
    )
)

# a part of a host a denial may be about ("its archive groups are not indexed", "some projects")
_PART = re.compile(
    r"\b(?:repos?|repositor\w*|projects?|groups?|org(?:anisation|anization)?s?|workspaces?|collections?|"
    r"depots?|branch(?:es)?|archives?|some|few|several|part|rest|others?|older|old)\b",
    re.IGNORECASE,
)


def in_passing(clause: str) -> bool:
    """Whether a clause naming a host says nothing of its being searched: no verb of searching or
    connecting and no figure ("… keeps schematics and FPGA code in Perforce")."""
    return _AFFIRMS.search(clause) is None


# a verb that says code is searched, synced or connected (a figure alone is none)
_VERB = opened(
    re.compile(
        r"\b(?:(?:re-?)?(?:connect|index|sync|search|mirror|clon|onboard|crawl|import|integrat|pull|fetch)\w*"
        r"|code hosts?)",
        re.IGNORECASE,
    )
)


def without_verb(clause: str) -> bool:
    """Whether a clause naming a host has no verb of searching or connecting, a figure or not: it tells
    what the host holds ("a company which keeps its code on Bitbucket Cloud, about 400 repositories"),
    not that the deployment searches it. Against a denial that names the host itself in the same
    paragraph ("… Bitbucket Cloud isn't connected"), such a count is no answer: the denial is."""
    return _VERB.search(clause) is None


def whole(clause: str) -> bool:
    """Whether a clause speaks of a host as a whole, no part of it named (`_PART`): its denial is
    the host's."""
    return _PART.search(clause) is None


__all__ = ["in_passing", "whole", "without_verb"]
