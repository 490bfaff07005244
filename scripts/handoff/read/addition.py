"""A figure written as a sum of terms: the sum is the figure, each term only a part of it.

"80 vCPU and 448 GB (48 + 32 vCPU; 192 + 256 GB)", "memory 256 GB + 256 GB", "disk: 1,000 + 500 GiB":
the unit after the last term belongs to every term, so a careful reader reads `48 + 32 vCPU` as
80 vCPU, never as 32 vCPU beside the 80; a term that carries the unit itself (`48 vCPU + 32 vCPU`)
is a part of the sum the last term closes.

`proved_totals(facts, fields)`: a size of a sentence that is exactly the sum of the sizes of its
field before it is their total, with or without a total word.

`term(text, start, end, unit)`: what the figure at text[start:end] is within a sum:
* `("sum", value)`: the last term of a sum of bare or same-unit figures: the sum, in the figure's unit;
* `("part", "")`: a term another term with the same unit follows after `+`: a part, no figure;
* `("", "")`: no sum at all.
A term multiplied by a count (`3 × 1 TiB + 0.5 TiB`) or in another unit leaves the figure as it is:
the arithmetic of machines is `read.permachine`'s.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.units import size_gb
from handoff.read import shapes
from handoff.read.fact import Fact

_TERM = rf"(?<![\w.,×x*])(?P<num>{shapes.NUMBER})(?:\s*(?P<unit>[A-Za-z]+))?\s*\+\s*"
_TERMS_BEFORE = re.compile(rf"(?:{_TERM.replace('?P<num>', '?:').replace('?P<unit>', '?:')})+$")
_ONE_TERM = re.compile(_TERM)
_TIMES = re.compile(r"[×x*]\s*$")
_PLUS_AFTER = re.compile(rf"\s*\+\s*(?:{shapes.NUMBER})\s*(?P<unit>[A-Za-z]+)")


_PRODUCT = r"(?<![\w.,])(?P<n>\d{1,4})\s*[×x*]\s*(?P<each>\d{1,5}(?:\.\d+)?)"
_PRODUCTS_BEFORE = re.compile(rf"(?:{_PRODUCT.replace('?P<n>', '?:').replace('?P<each>', '?:')}\s*\+\s*)+"
                              r"(?P<last>\d{1,4})\s*[×x*]\s*$")  # fmt: skip


def _products(text: str, start: int, own: str) -> str | None:
    """The sum of a sum of products whose unit only the last term carries (`3×16 + 2×8 vCPU`: 64)."""
    window = text[max(0, start - 80) : start]
    found = _PRODUCTS_BEFORE.search(window)
    if found is None or not own:
        return None
    terms = [(int(m.group("n")), float(m.group("each"))) for m in re.finditer(_PRODUCT, found.group(0))]
    total = sum(n * each for n, each in terms) + int(found.group("last")) * float(own)
    return f"{total:g}"


_ANY_PRODUCT = _PRODUCT.replace("?P<n>", "?:").replace("?P<each>", "?:")
_PRODUCTS_VALUE = re.compile(
    rf"\s*(?:{_ANY_PRODUCT}\s*\+\s*)+{_ANY_PRODUCT}\s*(?P<unit>vCPUs?|cores?|CPUs?|[GT]i?B)\s*",
    re.IGNORECASE,
)


def products_sum(value: str) -> str | None:
    """A whole value written as a sum of products with its unit once at the end (`3×16 + 2×8 vCPU`,
    `3 × 64 + 2 × 128 GiB`): its sum with the unit (`64 vCPU`), else None."""
    m = _PRODUCTS_VALUE.fullmatch(value)
    if m is None:
        return None
    total = sum(int(p.group("n")) * float(p.group("each")) for p in re.finditer(_PRODUCT, value))
    return f"{total:g} {m.group('unit')}"


def term(text: str, start: int, end: int, unit: str) -> tuple[str, str]:
    """("sum", the sum) | ("part", "") | ("", "") for the figure at text[start:end] whose number is
    the first number there and whose unit (`vCPU`, `GB`) is `unit`. A sum of products with the unit
    only after the last (`3×16 + 2×8 vCPU`) is the sum of the products."""
    if "+" not in text:
        return "", ""
    own_number = re.match(shapes.NUMBER, text[start:end])
    products = _products(text, start, shapes.canon(own_number.group(0)) if own_number else "")
    if products is not None:
        return "sum", products
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


def proved_totals(facts: list[Fact], fields: frozenset[str], least: int = 3) -> list[Fact]:
    """`facts` (of one sentence, in order) with the last size of a field marked the total of the
    `least` or more sizes of its field before it when it is exactly their sum ("gitserver 3 × 1,000
    GiB, zoekt 2 × 600 GiB, pgsql 250 GiB, … 100 GiB, 4,700 GiB in the region"): the arithmetic says
    so, whatever the words (two parts equal to a third may be chance: "500 GB, 500 GB and a 1 TB
    backup disk"). A text that already says which figure is the total is left as it is."""
    out = list(facts)
    for name in fields:
        own = [(k, f) for k, f in enumerate(out) if f.field == name]
        if len(own) < least + 1 or any(f.role == "total" for _, f in own):
            continue
        sizes = [size_gb(f.value) for _, f in own]
        last, parts = sizes[-1], sizes[:-1]
        if last is None or any(p is None for p in parts):
            continue
        if abs(sum(p for p in parts if p is not None) - last) <= 0.005 * last:
            k, f = own[-1]
            out[k] = replace(f, role="total")
    return out


_ITEM_GAP = re.compile(  # ", zoekt 2 × ", "; pgsql ", ", redis and the rest ": the next item of a list
    r"\s*(?:,|;|\band\b)\s*(?:[A-Za-z][\w./-]*\s+){1,4}?(?:\d{1,3}\s*[×x*]\s*)?(?:of\s+)?$", re.IGNORECASE
)
_DASH_GAP = re.compile(r"\s*(?:[—–=]|-\s|→)\s*(?:about\s+|~\s*|≈\s*)?$")


def listed(text: str, facts: list[Fact], items: list[Fact], fields: frozenset[str]) -> list[Fact]:
    """`facts` with the sizes that named nothing read as items of the list a named size opens
    ("gitserver 3 × 1,000 GiB, zoekt 2 × 600 GiB, pgsql 250 GiB": the disk's parts, as the first is),
    and a size after a dash closing the list ("… — 4,700 GiB in the active region") as its total when
    it is exactly their sum (else it stays unread)."""
    out = list(facts)
    for f in sorted(items, key=lambda g: g.start):
        before = [g for g in out if g.field in fields and g.start < f.start]
        if not before:
            continue
        last = max(before, key=lambda g: g.start)
        gap = text[last.start + len(last.text) : f.start]
        if _ITEM_GAP.fullmatch(gap):
            out.append(replace(f, field=last.field, role=""))
        elif _DASH_GAP.fullmatch(gap):
            candidate = replace(f, field=last.field, role="")
            proved = proved_totals([*out, candidate], frozenset({last.field}), least=2)
            if proved[-1].role == "total":
                out = proved
    return out


__all__ = ["listed", "proved_totals", "term"]
