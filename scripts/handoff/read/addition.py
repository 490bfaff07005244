"""A figure written as a sum of terms: the sum is the figure, each term only a part of it.

"80 vCPU and 448 GB (48 + 32 vCPU; 192 + 256 GB)", "memory 256 GB + 256 GB", "disk: 1,000 + 500 GiB":
the unit after the last term belongs to every term, so a careful reader reads `48 + 32 vCPU` as
80 vCPU, never as 32 vCPU beside the 80; a term that carries the unit itself (`48 vCPU + 32 vCPU`)
is a part of the sum the last term closes.

`term(text, start, end, unit)`: what the figure at text[start:end] is within a sum:
* `("sum", value)`: the last term of a sum of bare or same-unit figures: the sum, in the figure's unit;
* `("part", "")`: a term another term with the same unit follows after `+`: a part, no figure;
* `("", "")`: no sum at all.
A term multiplied by a count (`3 × 1 TiB + 0.5 TiB`) or in another unit leaves the figure as it is:
the arithmetic of machines is `read.permachine`'s.
"""

from __future__ import annotations

import re

from handoff.read import shapes

_TERM = rf"(?<![\w.,×x*])(?P<num>{shapes.NUMBER})(?:\s*(?P<unit>[A-Za-z]+))?\s*\+\s*"
_TERMS_BEFORE = re.compile(rf"(?:{_TERM.replace('?P<num>', '?:').replace('?P<unit>', '?:')})+$")
_ONE_TERM = re.compile(_TERM)
_TIMES = re.compile(r"[×x*]\s*$")
_PLUS_AFTER = re.compile(rf"\s*\+\s*(?:{shapes.NUMBER})\s*(?P<unit>[A-Za-z]+)")


def term(text: str, start: int, end: int, unit: str) -> tuple[str, str]:
    """("sum", the sum) | ("part", "") | ("", "") for the figure at text[start:end] whose number is
    the first number there and whose unit (`vCPU`, `GB`) is `unit`."""
    if "+" not in text:
        return "", ""
    after = _PLUS_AFTER.match(text, end)
    if after and after.group("unit").casefold() == unit.casefold():
        return "part", ""
    window = text[max(0, start - 80) : start]
    terms = _TERMS_BEFORE.search(window)
    if terms is None:
        return "", ""
    found = list(_ONE_TERM.finditer(window, terms.start()))
    if any(m.group("unit") and m.group("unit").casefold() != unit.casefold() for m in found):
        return "", ""  # `16 vCPU + 64 GiB`, `1 TB + 0.5 TiB`: not one sum of one unit
    if any(_TIMES.search(window, 0, m.start()) for m in found):
        return "", ""  # `3 × 1 TiB + 0.5 TiB`: machines' arithmetic
    own = re.match(shapes.NUMBER, text[start:end])
    if own is None:
        return "", ""
    total = sum(float(shapes.canon(m.group("num"))) for m in found) + float(shapes.canon(own.group(0)))
    return "sum", f"{total:g}"


__all__ = ["term"]
