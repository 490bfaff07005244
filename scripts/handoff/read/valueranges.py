"""A labelled amount written as a range of two figures (`1–2 TB`, `1,000–5,000`, `between 1,000 and
5,000`, `500 GB to 1 TB`): a human records no single value from it, neither end. A second figure
smaller than the first is no range's end (`1,200 - 300 archived`: a figure and a remark), nor is an
arrow (`1,500 → 2,000`: a correction, read elsewhere).
"""

from __future__ import annotations

import re

from handoff.read.lasttext import last_text
from handoff.read.shapes import NUMBER

_UNIT = r"TiB|GiB|MiB|TB|GB|MB|Ti|Gi|Mi|[kK]"
_RANGE = re.compile(
    rf"\s*(?P<between>between\s+)?(?:[~≈]|approx\.?|about|c\.|ca\.)?\s*(?P<a>{NUMBER})\s*(?P<ua>{_UNIT})?"
    rf"\s*(?:–|—|-|\bto\b|(?(between)\band\b|–))\s*(?P<b>{NUMBER})\s*(?P<ub>{_UNIT})?(?![\w.,]*\d)",
    re.IGNORECASE,
)
_MARK = re.compile(r"^[^\w~≈]*(?:\[[xX✓✔]\][^\w~≈]*)?")  # a form's mark before the answer: `☒ 1,000–5,000`
_SCALE = {"t": 1e6, "g": 1e3, "m": 1.0, "k": 1e3}


def _amount(number: str, unit: str | None) -> float:
    return float(number.replace(",", "")) * (_SCALE[unit[0].lower()] if unit else 1.0)


@last_text  # (a value asked again by the next reading of it)
def opens_with_range(value: str) -> bool:
    """Whether the value opens with a range of two figures, the second the larger."""
    m = _RANGE.match(_MARK.sub("", value))
    if m is None:
        return False
    ua, ub = m.group("ua"), m.group("ub")
    a = _amount(m.group("a"), ua or ub)
    b = _amount(m.group("b"), ub or ua)
    return b > a
