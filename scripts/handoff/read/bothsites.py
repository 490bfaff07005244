"""A footprint taken over both sites: production's and its standby's together, neither's own.

A design with a primary and a standby site often adds the two up for the budget: "Across both regions
the footprint is 6 nodes, 96 vCPU and 384 GiB", "both DCs together: 9 workers, 144 vCPU", "all sites
combined: 14.4 TB", "prod and standby together would be 48 vCPU". A careful reader reads no production
amount (machines, CPU, memory, disk) from such a sentence: it is production plus the standby. The tell
is the sites named as a whole (both, all, the two regions, sites, data centres, DCs or locations, or
the sites "combined"), or production and its standby or another environment joined as one subject
("prod and DR", "staging plus production"), beside a word adding them up in the same clause (together,
combined, in total, footprint, sum, overall). Data kept in both sites ("2 TB replicated across both
DCs", "mirrored in both regions") is each site's copy, no sum; a zone is no site (a production spread
over three zones is production); each site's own figure ("each site has 48 vCPU") is one site's. Only
sentences are read so: a title naming all sites ("Total (all regions)") may head what the licence
covers everywhere, so it is left.

The instances of a group are wholes too ("both clusters", "all three instances", "the two business
units"), and a sentence opening with the whole as its label ("Both clusters: 7 nodes, 112 vCPU", "All
three, once the third is built: …") gives the whole's amounts, not a machine's ("All three VMs are
identical: …" is each machine's). Each instance holds its own repositories and users, so counts taken
across the instances ("Across both instances we index 3,520 repositories for 1,500 licensed users",
"The three subsidiaries together have …") are their sum: no count or limit of the one in scope. A
fact shared by them with no sum ("Both instances use GitLab") is left.

`combined_from(sentence)`: where the clause giving both sites' figures starts, else -1.
`across_instances(sentence)`: where the clause summing the instances' counts starts, else -1.
`with_both_sites(sentence, facts, fields)`: those figures put in another environment's part.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from handoff.core.quickre import quick
from handoff.read.fact import Fact

_SITES = (
    r"(?:regions|sites|data[\s-]*cent(?:re|er)s|dcs|locations|datacent(?:re|er)s"
    r"|instances|clusters|deployments|business\s+units|subsidiaries)"
)
# production named with its standby (or another environment) as one subject: "prod and standby
# together would be 48 vCPU", "production plus DR comes to 3,200 GiB", "DR + prod in total"
_PROD = r"(?:prod(?:uction)?|primary|live|main)"
_OTHER = (
    r"(?:(?:the|its|a)\s+)?(?:(?:warm|hot|cold)\s+)?(?:standby|dr|disaster[\s-]+recovery|secondary|failover|"
    r"replica|staging|stage|dev|test|uat|pre-?prod(?:uction)?)"
)
_PAIR = rf"(?:{_PROD}\s+(?:and|plus|\+|&)\s+{_OTHER}|{_OTHER}\s+(?:and|plus|\+|&)\s+(?:the\s+)?{_PROD})"
_BOTH = (
    rf"(?:(?:both|all(?:\s+(?:the\s+)?(?:two|three))?|the\s+two)\s+(?:of\s+the\s+)?(?:\w+\s+)?{_SITES}"
    rf"|{_SITES}\s+combined|{_PAIR})"
)
# the words of a sum: data held in both sites ("replicated across both DCs", "mirrored in both regions")
# is each site's copy, no sum, so the sites named as a whole count only beside a word adding them up
_SUM = (
    r"(?:together|combined|in\s+total|in\s+all|altogether|added\s+up|totals?|footprint|sum|overall|"
    r"aggregate|grand)"
)
_WHOLE = quick(rf"\b{_BOTH}\b", re.IGNORECASE)
_SUMMED = re.compile(rf"\b{_SUM}\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[.;!?](?:\s|$)|\n")
_PARTS = (
    r"(?:vms?|virtual\s+machines?|nodes?|servers?|machines?|workers?|hosts?|boxes|disks?|volumes?|replicas?"
    r"|pods?|pools?|drives?|ssds?|nvmes?)\b"
)
# a sentence opening with the whole as its label: "Both clusters: 7 nodes …", "All three when the third
# exists: 6 workers, 240 vCPU …", "All four instances together —": what follows is the whole's
# (not the machines or volumes of one deployment: "All three VMs are identical: 8 vCPU …" is each one's)
_LABELLED = quick(
    rf"^\W*(?:both|all\s+(?:the\s+)?(?:two|three|four|five|six|\d)|(?:both|all)\s+{_SITES})\b"
    rf"(?!\s+(?:of\s+)?(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+)?{_PARTS})[^:.;\d]{{0,40}}:",
    re.IGNORECASE,
)


def combined_from(sentence: str) -> int:
    """Where the figures of both sites begin in `sentence` (its clause's start), or -1."""
    if _LABELLED.match(sentence):
        return 0
    m = _WHOLE.search(sentence)
    if m is None:
        return -1
    opened = 0
    for end in _CLAUSE.finditer(sentence, 0, m.start()):
        opened = end.end()
    closes = _CLAUSE.search(sentence, m.end())
    return opened if _SUMMED.search(sentence, opened, closes.start() if closes else len(sentence)) else -1


# instances named as a whole: each holds its own repositories and users, so a count taken across them is
# their sum ("Across both instances we index 3,520 repositories", "All three instances: 5,650 repositories")
_UNITS = r"(?:instances|clusters|deployments|business\s+units|subsidiaries|tenants)"
_ALL_UNITS = quick(
    rf"\b(?:both|all(?:\s+(?:the\s+)?(?:two|three|four|five|six|\d))?|the\s+(?:two|three|four|five|six|\d))"
    rf"\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?{_UNITS}\b",
    re.IGNORECASE,
)
_ACROSS = re.compile(r"\b(?:across|over|for|between|of)\s+(?:\w+\s+)?$", re.IGNORECASE)
# the fields a sum over the instances gives that a sum over one instance's sites does not (data kept in
# both sites is each site's copy; each instance holds its own)
COUNTED = frozenset(
    {"repositories", "total_repo_size_gb", "max_users", "max_concurrent_users", "max_repositories"}
)


def across_instances(sentence: str) -> int:
    """Where a clause summing the instances as a whole begins in `sentence` ("Across both instances …",
    "Both instances together …", "All three instances: …"), or -1."""
    m = _ALL_UNITS.search(sentence)
    if m is None:
        return -1
    opened = max((end.end() for end in _CLAUSE.finditer(sentence, 0, m.start())), default=0)
    closes = _CLAUSE.search(sentence, m.end())
    summed = _SUMMED.search(sentence, opened, closes.start() if closes else len(sentence))
    led = _ACROSS.search(sentence[opened : m.start()]) or sentence[m.end() :].lstrip().startswith(":")
    return opened if summed or led else -1


def with_all_instances(sentence: str, facts: list[Fact]) -> list[Fact]:
    """`facts` with the counts and limits a sentence gives the instances as a whole put in another
    environment's part (the sum of every instance's: none's own)."""
    if not facts:
        return facts
    whole = across_instances(sentence)
    if whole < 0:
        return facts
    return [replace(f, section="trial") if f.field in COUNTED and f.start >= whole else f for f in facts]


def with_both_sites(sentence: str, facts: list[Fact], fields: Collection[str]) -> list[Fact]:
    """`facts` with the amounts of `fields` a sentence gives both sites put in another environment's
    part (production's and the standby's together: neither's own)."""
    if not facts:
        return facts
    both = combined_from(sentence)
    if both < 0:
        return facts
    return [replace(f, section="trial") if f.field in fields and f.start >= both else f for f in facts]


__all__ = ["COUNTED", "across_instances", "combined_from", "with_all_instances", "with_both_sites"]
