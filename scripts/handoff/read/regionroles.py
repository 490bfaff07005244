"""Cloud regions that stand for environments (pure).

A document running production in one region and a standby or staging copy in another often says
once which region is which ("us-east4 serves production; europe-west4 is the disaster-recovery
standby") and then titles its sections, tabs or columns by the region alone. A careful reader reads
a section titled `europe-west4` as the standby's. Regions are no environment's name on their own:
production and staging often share one ("Staging (us-east-1)"), so a region counts as a name only
when the document ties it to one environment and nothing else, and ties two regions or more, each to
its own environment, production among them. A clause ties a region when it names exactly one region
and one kind of environment. `region_roles(text, spans)` gives {region: "production" | "trial"}; the
environment words decide in `Environments.named` only for a short title holding one such region and
no environment word of its own, never inside prose (a DR section saying it replicates from the
production region stays the DR section's).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.quickre import by_line, quick
from handoff.read import shapes

# Azure writes its regions as one lowercase word holding a compass word (`westeurope`, `eastus2`,
# `uksouth`, `germanywestcentral`); AWS and Google as `shapes.REGION` does
_AZURE = r"(?<![\w.-])[a-z]*(?:east|west|north|south|central)[a-z]*\d?(?![\w-])"
REGION = quick(rf"{shapes.REGION.pattern}|{_AZURE}")  # (a clause without a compass word: no region)
_REGION_LINES = by_line(REGION)  # (read only on the lines holding a compass word)
_CLAUSE = re.compile(r"[.;\n!?]\s|[;\n]|\s[—–]\s")
_TITLE_WORDS = 5


def _regions(clause: str) -> list[str]:
    return list(dict.fromkeys(m.group(0) for m in REGION.finditer(clause) if len(m.group(0)) >= 6))


def _text_regions(text: str) -> list[str]:
    """`_regions(text)`, looked for line by line: a region holds no white space and its pattern looks
    one character around it, where a new line is no word character, so a text's regions are its
    lines' in turn; only the lines holding a compass word are read (`quickre.by_line`: found with
    `str.find` in the whole text, not looked for line by line), where `REGION` would be tried at every
    letter of a whole text that has one somewhere."""
    return list(dict.fromkeys(m.group(0) for m in _REGION_LINES.finditer(text) if len(m.group(0)) >= 6))


def region_roles(text: str, spans: Callable[[str], list[tuple[int, str]]]) -> dict[str, str]:
    """{region: environment kind} of the regions the document ties one to one to environments."""
    if len(set(_text_regions(text))) < 2:
        return {}  # (two regions tied at least, each found in the text: a clause's are the text's)
    tied: dict[str, set[str]] = {}
    for clause in _CLAUSE.split(text):
        regions = _regions(clause)
        if len(regions) != 1:
            continue
        kinds = {k for _, k in spans(clause)}
        if kinds:  # a clause naming production and another environment ties none
            tied.setdefault(regions[0], set()).update(kinds if len(kinds) == 1 else {"?"})
    roles = {r: next(iter(k)) for r, k in tied.items() if len(k) == 1 and "?" not in k}
    kinds = set(roles.values())
    if len(roles) < 2 or kinds != {"production", "trial"} or list(roles.values()).count("production") != 1:
        return {}
    return roles


def title_role(title: str, roles: dict[str, str]) -> str:
    """The environment a short title holding one tied region stands for ("" for none)."""
    if len(title.split()) > _TITLE_WORDS:
        return ""
    found = {roles[r] for r in _regions(title) if r in roles}
    return next(iter(found)) if len(found) == 1 else ""


__all__ = ["REGION", "region_roles", "title_role"]
