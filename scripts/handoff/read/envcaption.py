"""A line saying which environment what follows is of (`Environment: Dev`, `Env — Production`),
read as a heading over it (pure).

A document that repeats one table or one list per environment often introduces each with a line
whose label is the environment field itself and whose value names one environment and nothing
else. A careful reader reads everything up to the next heading or such line as that environment's.
The label is known by the field it names (the catalogue's `environments` field, its label or an
alias: "Environment", "Customer environments"; singular or plural), the value by the environment
words (`Environments.named`) and its size (a few words, no figure); a line naming two environments
("Environments: prod, staging") is no caption. `env_caption(pair, catalogue, named)` gives the
title to read as a heading, or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.fields import Catalogue, norm

_FIELD = "environments"
_MAX_WORDS = 4
_JOINED = re.compile(r",|/|&|\+|\band\b|\bor\b", re.IGNORECASE)


def _names_environment(label: str, catalogue: Catalogue) -> bool:
    f = catalogue.fields.get(_FIELD)
    if f is None:
        return False
    said = norm(label).removesuffix("s")
    return any(said == norm(x).removesuffix("s") for x in (f.label, *f.aliases, *f.tdd_aliases))


def env_caption(
    pair: tuple[str, str] | None, catalogue: Catalogue, named: Callable[[str], str]
) -> str | None:
    """`Label: value` (`pair`) as a heading's title when the label names the environment field and
    the value one environment; else None."""
    if pair is None:
        return None
    label, value = pair
    if len(value.split()) > _MAX_WORDS or any(c.isdigit() for c in value) or _JOINED.search(value):
        return None
    if not named(value) or not _names_environment(label, catalogue):
        return None
    return f"{label}: {value}"


__all__ = ["env_caption"]
