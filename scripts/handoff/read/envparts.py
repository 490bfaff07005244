"""A labelled value given per environment: the production part is the value.

"vCPU: 16 (dev) / 64 (prod)", "Cloud: GCP (staging); AWS (production)", "Memory: dev 64 GB, prod
256 GB": a careful reader splits the value into its parts (at slashes, semicolons, commas or
middle dots), sees that each part names its environment (in brackets after it, or before it) and
copies the production part's value.
`production_part(value, kinds)` gives that part when the value has one part naming production and
another naming a non-production environment; a value whose parts name no environment, or only one,
is left whole (its environment is read as before).
"""

from __future__ import annotations

import re
from collections.abc import Callable

MAYBE_PARTS = re.compile(r"\S\s*(?:/|;|·|,)\s*\S")  # a value of parts, maybe one per environment
_PARTS = re.compile(r"\s+/\s+|\s*;\s*|\s*·\s*|,\s+")  # "16 (dev) / 64 (prod)", "AWS for prod, GCP for DR"


def production_part(value: str, kinds: Callable[[str], list[tuple[int, str]]]) -> str | None:
    """The part of `value` naming production, when another part names a non-production environment
    (`kinds`: a text's environment words, `Environments.spans`)."""
    if not kinds(value):
        return None  # (a quick no: the value names no environment)
    parts = [p for p in _PARTS.split(value) if p.strip()]
    if len(parts) < 2:
        return None
    named = [{k for _, k in kinds(p)} for p in parts]
    prod = [p for p, ks in zip(parts, named, strict=True) if ks == {"production"}]
    other = [p for p, ks in zip(parts, named, strict=True) if ks == {"trial"}]
    return prod[0] if len(prod) == 1 and other and len(prod) + len(other) == len(parts) else None
