"""A region named with a gloss is that region: `eu-north-1 (Stockholm)` and `eu-north-1` are one.

A writer names a cloud region by its code and often adds, once, in brackets, where it is (`Region:
eu-north-1 (Stockholm)`); a pasted configuration then gives the code alone (`region = "eu-north-1"`).
The bracket glosses the name; it does not name another region. So a region value that is another
region value of the same environment followed by a bracketed gloss gives way to the bare one: one
region, not a conflict. Two different codes stay a conflict.
"""

from __future__ import annotations

import re

from handoff.core.model import TddValue

_GLOSS = re.compile(r"\s*\([^()]{1,40}\)\s*$")


def glossed_regions(values: list[TddValue]) -> set[int]:
    """The ids of the region values that are another region value of their environment with a gloss."""
    bare: dict[str, set[str]] = {}
    for v in values:
        if v.field == "region" and v.value and not _GLOSS.search(v.value):
            bare.setdefault(_env(v.section), set()).add(v.value.strip().casefold())
    return {
        id(v)
        for v in values
        if v.field == "region"
        and v.value
        and _GLOSS.search(v.value)
        and _GLOSS.sub("", v.value).strip().casefold() in bare.get(_env(v.section), set())
    }


def _env(section: str) -> str:
    return "trial" if section == "trial" else "production"
